package org.sparsepocket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCommandTest {

    private static final Path FIXTURE_MODEL = Path.of("src/test/resources/org/sparsepocket/model/fixture-v1");

    private static int run(StringWriter out, StringWriter err, String... args) {
        return SparsePocketCli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
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
        Path model = tmp.resolve("model");
        Files.createDirectories(model);
        try (var files = Files.list(FIXTURE_MODEL)) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
        Files.writeString(model.resolve("model-card.md"), "| fact | value |\n");
        String fingerprint = org.sparsepocket.eval.ModelFingerprint.of(model);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = run(out, err, "tune", ds.toString(), "--model", model.toString(), "--cache",
                tmp.resolve("c").toString(), "--limit", "2", "--threads", "1", "--thresholds", "0.45",
                "--eps", "4.5", "--min-sizes", "2", "--scorers", "max", "--centres", "weighted", "-q", "--apply");
        assertEquals(0, code, err.toString());
        var card = JsonParser.parseString(Files.readString(model.resolve("model.json"))).getAsJsonObject();
        var pockets = card.getAsJsonObject("pockets");
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
    void applyWithRotationsRecordsTheCountInTheCard(@TempDir Path tmp) throws Exception {
        Path ds = Path.of("..", "..", "shared", "data", "p2rank-testdata", "fpocket.ds");
        assumeTrue(Files.exists(ds), "../shared/data is absent: test skipped (it needs the project's shared data)");
        Path model = tmp.resolve("model");
        Files.createDirectories(model);
        try (var files = Files.list(FIXTURE_MODEL)) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = run(out, err, "tune", ds.toString(), "--model", model.toString(), "--cache",
                tmp.resolve("c").toString(), "--limit", "1", "--threads", "1", "--thresholds", "0.45",
                "--eps", "4.5", "--min-sizes", "2", "--scorers", "max", "--centres", "mean", "-q", "--apply",
                "--rotations", "2");
        assertEquals(0, code, err.toString());
        var card = JsonParser.parseString(Files.readString(model.resolve("model.json"))).getAsJsonObject();
        assertEquals(2, card.get("rotations").getAsInt(), "the tuned settings fit probabilities averaged over 2");
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
}
