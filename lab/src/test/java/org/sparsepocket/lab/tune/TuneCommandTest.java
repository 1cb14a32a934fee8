package org.sparsepocket.lab.tune;

import org.sparsepocket.lab.LabCli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCommandTest {

    private static final Path FIXTURE_MODEL = org.sparsepocket.TestModels.fixtureModel();

    private static int run(StringWriter out, StringWriter err, String... args) {
        return LabCli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
    }

    @Test
    void helpNamesEveryScorer() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, run(out, err, "tune", "--help"), err.toString());
        String help = out.toString().replaceAll("\\s+", " ");
        for (org.sparsepocket.pockets.PocketScorer s : org.sparsepocket.pockets.PocketScorer.all()) {
            assertTrue(help.contains(s.name()), "tune --help does not name the scorer " + s.name());
        }
    }

    @Test
    void gridSearchListsEveryPointBestFirst(@TempDir Path tmp) {
        Path ds = Path.of("..", "..", "shared", "data", "p2rank-testdata", "fpocket.ds");
        assumeTrue(Files.exists(ds), "../shared/data is absent: test skipped (it needs the project's shared data)");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = run(out, err, "tune", ds.toString(), "--model", FIXTURE_MODEL.toString(), "--cache",
                tmp.resolve("c").toString(), "--limit", "2", "--threads", "1", "--thresholds", "0.4,0.6",
                "--eps", "5", "--min-sizes", "3", "--scorers", "sum,max", "--centres", "mean", "--json", "-q");
        assertEquals(0, code, err.toString());
        var root = JsonParser.parseString(out.toString()).getAsJsonObject();
        JsonArray points = root.getAsJsonArray("points");
        assertEquals(2, root.getAsJsonObject("chosen").get("proteins").getAsInt());
        assertTrue(root.getAsJsonObject("chosen").has("atomPrAucPooled"));
        assertEquals(4, points.size());
        for (int i = 1; i < points.size(); i++) {
            double prev = points.get(i - 1).getAsJsonObject().get("dcaTopN").getAsDouble();
            assertTrue(prev >= points.get(i).getAsJsonObject().get("dcaTopN").getAsDouble(), "sorted best first");
        }
    }

    @Test
    void applyWritesTheChosenSettingsIntoTheModelCard(@TempDir Path tmp) throws Exception {
        Path ds = Path.of("..", "..", "shared", "data", "p2rank-testdata", "fpocket.ds");
        assumeTrue(Files.exists(ds), "../shared/data is absent: test skipped (it needs the project's shared data)");
        Path model = copyOfFixtureModel(tmp);
        String fingerprint = org.sparsepocket.eval.ModelFingerprint.of(model);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = run(out, err, "tune", ds.toString(), "--model", model.toString(), "--cache",
                tmp.resolve("c").toString(), "--limit", "2", "--threads", "1", "--thresholds", "0.45",
                "--eps", "4.5", "--min-sizes", "2", "--scorers", "max", "--centres", "weighted", "-q", "--apply");
        assertEquals(0, code, err.toString());
        var card = JsonParser.parseString(Files.readString(model.resolve("model.json"))).getAsJsonObject();
        var pockets = card.getAsJsonObject("recommended").getAsJsonObject("fast").getAsJsonObject("pockets");
        assertEquals(0.45, pockets.get("threshold").getAsDouble());
        assertEquals(4.5, pockets.get("eps").getAsDouble());
        assertEquals(2, pockets.get("minAtoms").getAsInt());
        assertEquals("max", pockets.get("scorer").getAsString());
        assertTrue(pockets.get("weightedCentre").getAsBoolean());
        assertTrue(card.getAsJsonObject("provenance").get("tuning_command").getAsString()
                .startsWith("sparsepocket tune "), card.toString());
        assertTrue(card.getAsJsonObject("metrics").has("validation_dca_top_n"));
        assertEquals(fingerprint, org.sparsepocket.eval.ModelFingerprint.of(model),
                "rewriting the card keeps cached probabilities valid");
        String markdown = Files.readString(model.resolve("model-card.md"));
        assertTrue(markdown.contains("### Pocket settings tuned on validation"), markdown);
        assertTrue(markdown.contains("chosen: --threshold 0.45 --eps 4.5 --min-size 2 --scorer max --weighted-centre"),
                markdown);
    }

    @Test
    void applyForAnotherRotationCountAddsAnEntryAndKeepsTheDefault(@TempDir Path tmp) throws Exception {
        Path ds = Path.of("..", "..", "shared", "data", "p2rank-testdata", "fpocket.ds");
        assumeTrue(Files.exists(ds), "../shared/data is absent: test skipped (it needs the project's shared data)");
        Path model = copyOfFixtureModel(tmp);
        tune(ds, model, tmp.resolve("c1"), "0.45", "--rotations", "1");
        tune(ds, model, tmp.resolve("c2"), "0.3", "--rotations", "2");
        var card = JsonParser.parseString(Files.readString(model.resolve("model.json"))).getAsJsonObject();
        var recommended = card.getAsJsonObject("recommended");
        var fast = recommended.getAsJsonObject("fast");
        assertEquals(1, fast.get("rotations").getAsInt(), "tuning 2 keeps the fast count");
        assertEquals(0.45, fast.getAsJsonObject("pockets").get("threshold").getAsDouble(), "fast settings kept");
        var accurate = recommended.getAsJsonObject("accurate");
        assertEquals(2, accurate.get("rotations").getAsInt());
        assertEquals(0.3, accurate.getAsJsonObject("pockets").get("threshold").getAsDouble());
        assertTrue(accurate.getAsJsonObject("validation").has("validation_dca_top_n"));
        assertTrue(accurate.get("command").getAsString().contains("--rotations 2"));
        String markdown = Files.readString(model.resolve("model-card.md"));
        assertTrue(markdown.contains("### Pocket settings tuned on validation\n"), markdown);
        assertTrue(markdown.contains("### Pocket settings tuned on validation, averaged over 2 orientations\n"),
                markdown);

        // Predictions take the settings tuned for their count; --accurate is the most-rotations entry.
        try (var plain = org.sparsepocket.PocketPredictor.open(model);
             var averaged = org.sparsepocket.PocketPredictor.open(model, 2)) {
            assertEquals(1, plain.rotations());
            assertEquals(0.45, plain.recommendedSettings().threshold());
            assertEquals(0.3, averaged.recommendedSettings().threshold());
            assertEquals(0.45, averaged.recommendedSettings(1).threshold());
            assertEquals(0.45, plain.recommendedSettings(4).threshold(), "no section for 4: the fast settings");
            assertEquals(2, plain.accurateRotations());
        }

        tune(ds, model, tmp.resolve("c2"), "0.35", "--rotations", "2", "--apply-as-default");
        card = JsonParser.parseString(Files.readString(model.resolve("model.json"))).getAsJsonObject();
        fast = card.getAsJsonObject("recommended").getAsJsonObject("fast");
        assertEquals(2, fast.get("rotations").getAsInt());
        assertEquals(0.35, fast.getAsJsonObject("pockets").get("threshold").getAsDouble());
        assertTrue(card.getAsJsonObject("recommended").get("accurate").isJsonNull(),
                "2 is now the fast count: no second section for it");
    }

    private static void tune(Path ds, Path model, Path cache, String threshold, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("tune", ds.toString(), "--model",
                model.toString(), "--cache", cache.toString(), "--limit", "1", "--threads", "1", "--thresholds",
                threshold, "--eps", "4.5", "--min-sizes", "2", "--scorers", "max", "--centres", "mean", "-q",
                "--apply"));
        args.addAll(java.util.List.of(more));
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, run(out, err, args.toArray(String[]::new)), err.toString());
    }

    @Test
    void accurateAndRotationsExcludeEachOtherAndApplyAsDefaultNeedsApply(@TempDir Path tmp) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, run(out, err, "predict", tmp.resolve("x.pdb").toString(), "--accurate", "--rotations", "2"));
        assertTrue(err.toString().contains("--accurate and --rotations exclude each other"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(out, err2, "tune", tmp.toString(), "--cache", tmp.toString(), "--apply-as-default"));
        assertTrue(err2.toString().contains("--apply-as-default needs --apply"), err2.toString());
    }

    @Test
    void rotationsOutOfRangeAreAUsageErrorOfEveryPredictingCommand(@TempDir Path tmp) {
        for (String[] args : new String[][] {
                {"tune", tmp.toString(), "--cache", tmp.toString(), "--rotations", "0"},
                {"evaluate", tmp.toString(), "--rotations", "65"},
                {"predict", tmp.resolve("x.pdb").toString(), "--rotations", "0"},
                {"bench-predict", tmp.resolve("x.pdb").toString(), "--rotations", "-1"}}) {
            StringWriter out = new StringWriter(), err = new StringWriter();
            assertEquals(2, run(out, err, args), args[0] + ": " + err);
            assertTrue(err.toString().contains("--rotations must be 1..64"), err.toString());
        }
    }

    @Test
    void applyNeedsAModelFolder(@TempDir Path tmp) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, run(out, err, "tune", tmp.toString(), "--cache", tmp.toString(), "--apply"));
        assertTrue(err.toString().contains("--apply needs --model"), err.toString());
    }

    @Test
    void unknownScorerIsAUsageError(@TempDir Path tmp) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = run(out, err, "tune", tmp.toString(), "--cache", tmp.toString(), "--scorers", "sum,bogus");
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("error: unknown pocket scorer 'bogus'"), err.toString());
    }

    /** A writable copy of the fixture model, with a one-line model-card.md for tune --apply to extend. */
    private static Path copyOfFixtureModel(Path tmp) throws IOException {
        Path model = tmp.resolve("model");
        Files.createDirectories(model);
        try (var files = Files.list(FIXTURE_MODEL)) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
        Files.writeString(model.resolve("model-card.md"), "| fact | value |\n");
        return model;
    }
}
