package org.sparsepocket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.TestModels;

/** {@code sparsepocket predict} in-process, end to end, on the fixture model and the example structure. */
class PredictCommandTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--offline");
        int code = SparsePocketCli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                Map.of("SPARSEPOCKET_CACHE", tmp.resolve("cache").toString()));
        return new Run(code, out.toString(), err.toString());
    }

    private String model() {
        return TestModels.fixtureModel().toString();
    }

    @Test
    void predictsTheExampleAndWritesEveryOutput() throws IOException {
        Path out = tmp.resolve("out");
        Run r = run("predict", TestModels.example().toString(), "--model", model(), "--out", out.toString(),
                "--threshold", "0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("1fbl: "), r.out());
        assertTrue(r.out().contains("outputs: " + out.resolve("1fbl")), r.out());
        Path folder = out.resolve("1fbl");
        for (String f : List.of("pockets.csv", "pockets.json", "residues.csv", "1fbl_probabilities.pdb",
                "1fbl.pml", "1fbl.cxc", "1fbl.spt", "1fbl.html")) {
            assertTrue(Files.isRegularFile(folder.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("index.html")), "one input: no batch index");
        JsonObject json = JsonParser.parseString(Files.readString(folder.resolve("pockets.json"))).getAsJsonObject();
        int pockets = json.getAsJsonArray("pockets").size();
        assertEquals(pockets + 1, Files.readAllLines(folder.resolve("pockets.csv")).size());
        for (int k = 1; k <= pockets; k++) {
            assertTrue(Files.isRegularFile(folder.resolve("1fbl_pocket" + k + "_vina.txt")));
        }
        assertEquals(0.5, json.getAsJsonObject("settings").get("threshold").getAsDouble());
    }

    @Test
    void accurateAveragesOverTheCardsAccurateCountWithItsSettings() throws IOException {
        // The fixture card has no tuned entries: accurate is 8 orientations with the card's default settings.
        Path out = tmp.resolve("out");
        Run r = run("predict", TestModels.example().toString(), "--model", model(), "--out", out.toString(),
                "--accurate", "-q");
        assertEquals(0, r.code(), r.err());
        JsonObject settings = JsonParser.parseString(Files.readString(out.resolve("1fbl").resolve("pockets.json")))
                .getAsJsonObject().getAsJsonObject("settings");
        assertEquals(8, settings.get("rotations").getAsInt());
        Run plain = run("predict", TestModels.example().toString(), "--model", model(), "--out",
                tmp.resolve("plain").toString(), "-q");
        assertEquals(0, plain.code(), plain.err());
        JsonObject plainSettings = JsonParser.parseString(Files.readString(tmp.resolve("plain").resolve("1fbl")
                .resolve("pockets.json"))).getAsJsonObject().getAsJsonObject("settings");
        assertEquals(1, plainSettings.get("rotations").getAsInt());
        assertEquals(plainSettings.get("threshold"), settings.get("threshold"));
    }

    @Test
    void jsonOutputAndABadInputInTheBatch() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.pdb"), "not a structure\n");
        Path out = tmp.resolve("out");
        Run r = run("predict", TestModels.example().toString(), junk.toString(), tmp.resolve("missing.cif").toString(),
                "--model", model(), "--out", out.toString(), "--json", "--threads", "2");
        assertEquals(1, r.code(), "a failed item makes the exit code 1");
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(2, errors.size(), r.err());
        assertTrue(errors.stream().anyMatch(l -> l.contains("junk.pdb")), r.err());
        assertTrue(errors.stream().anyMatch(l -> l.contains("missing.cif")), r.err());
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(3, root.get("inputs").getAsInt());
        assertEquals(2, root.get("failed").getAsInt());
        JsonArray results = root.getAsJsonArray("results");
        assertEquals("ok", results.get(0).getAsJsonObject().get("status").getAsString());
        assertEquals("1fbl", results.get(0).getAsJsonObject().getAsJsonObject("prediction").get("structure").getAsString());
        // the good input was written, the bad ones left nothing but are not in the batch's index
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("1fbl", "index.html"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("<a href=\"1fbl/1fbl.html\">1fbl</a>"), index);
        assertFalse(index.contains("junk"), index);
    }

    @Test
    void directoriesListFilesAndRepeatedNames() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.copy(TestModels.example(), dir.resolve("1fbl.pdb"));
        Files.writeString(dir.resolve("notes.md"), "ignored: not a structure file");
        Path list = Files.writeString(tmp.resolve("inputs.txt"), "# batch\n" + dir.resolve("1fbl.pdb") + "\n\n");
        Path out = tmp.resolve("out");
        Run r = run("predict", dir.toString(), list.toString(), "@" + list, "--model", model(), "--out", out.toString(),
                "--max-pockets", "2");
        assertEquals(0, r.code(), r.err());
        for (String stem : List.of("1fbl", "1fbl_2", "1fbl_3")) {
            assertTrue(Files.isRegularFile(out.resolve(stem).resolve("pockets.csv")), stem);
            assertTrue(Files.readAllLines(out.resolve(stem).resolve("pockets.csv")).size() <= 3);
            assertTrue(Files.readString(out.resolve("index.html")).contains("href=\"" + stem + "/" + stem + ".html\""),
                    "index links " + stem);
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        String ex = TestModels.example().toString();
        Run both = run("predict", ex, "--chains", "A", "--each-chain", "--model", model());
        assertEquals(2, both.code(), both.err());
        Run badThreshold = run("predict", ex, "--threshold", "1.5", "--model", model());
        assertEquals(2, badThreshold.code());
        assertTrue(badThreshold.err().contains("threshold"), badThreshold.err());
        Run badScorer = run("predict", ex, "--scorer", "best", "--model", model());
        assertEquals(2, badScorer.code());
        assertTrue(badScorer.err().contains("mean-sqrt-size"), badScorer.err());
        Run none = run("predict");
        assertEquals(2, none.code());
    }

    @Test
    void missingModelIsOneLineAndExitOne() {
        Run r = run("predict", TestModels.example().toString(), "--model", tmp.resolve("nope").toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: cannot load the model: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void helpDescribesTheOptions() {
        Run r = run("predict", "--help");
        assertEquals(0, r.code());
        for (String opt : List.of("--out", "--chains", "--each-chain", "--threshold", "--eps", "--min-size",
                "--max-pockets", "--weighted-centre", "--model", "--threads", "--json")) {
            assertTrue(r.out().contains(opt), opt);
        }
    }

    /**
     * The defaults --help states are those a run with the shipped model really uses: its card's recommended
     * settings (it once printed eps 5.5 and scorer sum while runs used the card's 5.0 and
     * buried-mean-sqrt-size).
     */
    @Test
    void helpStatesTheDefaultsARunUses() {
        org.sparsepocket.pockets.PocketSettings used = org.sparsepocket.RecommendedSettings.bundled();
        for (String command : List.of("predict", "evaluate")) {
            String help = run(command, "--help").out().replaceAll("\\s+", " ");
            assertEquals(used.threshold() + " for the shipped model", after(help, "--threshold=P"));
            assertEquals(used.eps() + " for the shipped model", after(help, "--eps=Å"));
            assertEquals(used.minAtoms() + " for the shipped model", after(help, "--min-size=N"));
            assertEquals(used.scorer().name() + " for the shipped model", after(help, "--scorer=NAME"));
            assertEquals(used.splitAbove() + " for the shipped model", after(help, "--split-above=N"));
        }
        assertEquals("5.0 for the shipped model", after(run("predict", "--help").out().replaceAll("\\s+", " "),
                "--eps=Å"), "the shipped card's eps, which --help once gave as 5.5");
    }

    /** The default an option's help text states: what follows "the model's tuned ...; " up to ")". */
    private static String after(String help, String option) {
        int at = help.lastIndexOf(option + " ");   // the option list, after the synopsis
        assertTrue(at >= 0, option + " missing from the help");
        int from = help.indexOf("; ", help.indexOf("default: the model's tuned", at)) + 2;
        return help.substring(from, help.indexOf(")", from));
    }
}
