package org.sparsepocket.lab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench-features} (a one-file smoke run) through the command line. */
class BenchFeaturesCommandTest {

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = org.sparsepocket.lab.LabCli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void benchFeaturesRunsOnOneTrainingProtein(@TempDir Path dir) throws IOException {
        Path source = Path.of("..", "shared", "data", "scpdb995", "1a2b_protein.pdbqt.gz");
        if (!Files.exists(source)) {
            source = Path.of("..", "..", "shared", "data", "scpdb995", "1a2b_protein.pdbqt.gz");
        }
        assumeTrue(Files.exists(source), "../shared/data is absent: test skipped (it needs the project's shared data)");
        Files.copy(source, dir.resolve("1a2b_protein.pdbqt.gz"));
        Result r = run("bench-features", dir.toString(), "--passes", "1", "--json", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonObject warm = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("warm");
        assertEquals(1, warm.get("files").getAsInt());
        assertTrue(warm.get("heavyAtoms").getAsLong() > 1000);
        assertEquals(0, warm.get("fallbackAtoms").getAsLong());
    }

    @Test
    void benchFeaturesNamesAMissingFolder(@TempDir Path dir) {
        Result r = run("bench-features", dir.resolve("nope").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("no such folder"), r.err());
        assertEquals(2, run("bench-features", "--passes", "0").code());
    }
}
