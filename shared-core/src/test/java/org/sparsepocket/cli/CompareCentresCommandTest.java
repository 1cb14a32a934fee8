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

class CompareCentresCommandTest {

    private static final Path FIXTURE_MODEL = Path.of("src/test/resources/org/sparsepocket/model/fixture-v1");

    private static int run(StringWriter out, StringWriter err, String... args) {
        return SparsePocketCli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
    }

    @Test
    void anUnknownCentreIsAUsageError(@TempDir Path tmp) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = run(out, err, "compare-centres", tmp.toString(), "--cache", tmp.toString(), "--centres",
                "mean,middle");
        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown pocket centre 'middle'") && err.toString().contains("snapped"),
                err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void comparesTheCachedProteinsAndNamesTheOnesNotCached(@TempDir Path tmp) {
        Path ds = Path.of("..", "..", "shared", "data", "p2rank-testdata", "fpocket.ds");
        assumeTrue(Files.exists(ds), "../shared/data is absent: test skipped (it needs the project's shared data)");
        Path cache = tmp.resolve("c");
        StringWriter out = new StringWriter(), err = new StringWriter();
        // tune fills the cache for the first two proteins only
        assertEquals(0, run(out, err, "tune", ds.toString(), "--model", FIXTURE_MODEL.toString(), "--cache",
                cache.toString(), "--limit", "2", "--threads", "1", "--thresholds", "0.5", "--eps", "5",
                "--min-sizes", "3", "--scorers", "sum", "--centres", "mean", "-q"), err.toString());
        out = new StringWriter();
        err = new StringWriter();
        int code = run(out, err, "compare-centres", ds.toString(), "--model", FIXTURE_MODEL.toString(), "--cache",
                cache.toString(), "--centres", "mean,snapped", "--threshold", "0.5", "--json", "-q");
        assertEquals(1, code, "proteins without cached probabilities fail: " + err);
        assertTrue(err.toString().lines().allMatch(l -> l.startsWith("error: ") && l.contains("no probabilities")),
                err.toString());
        var root = JsonParser.parseString(out.toString()).getAsJsonObject();
        JsonArray rows = root.getAsJsonArray("centres");
        assertEquals(2, rows.size());
        assertEquals("mean", rows.get(0).getAsJsonObject().get("centre").getAsString());
        assertEquals("snapped", rows.get(1).getAsJsonObject().get("centre").getAsString());
        for (var r : rows) {
            var o = r.getAsJsonObject();
            assertEquals(2, o.getAsJsonObject("all").get("proteins").getAsInt());
            assertEquals(1, o.getAsJsonObject("even").get("proteins").getAsInt());
            assertEquals(1, o.getAsJsonObject("odd").get("proteins").getAsInt());
        }
    }
}
