package org.sparsepocket.lab.train;

import org.sparsepocket.lab.LabCli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sparsepocket average}: help, usage errors and bad input (the averaging itself is WeightAveragingTest). */
class AverageCommandTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = LabCli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheOptions() {
        Run r = run("average", "--help");
        assertEquals(0, r.code());
        for (String opt : new String[] {"--run", "--bn-complexes", "--seed", "--export", "--cache", "--json"}) {
            assertTrue(r.out().contains(opt), opt);
        }
    }

    @Test
    void noSnapshotIsAUsageError() {
        Run r = run("average", "--run", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("SNAPSHOT"), r.err());
    }

    @Test
    void aFolderThatIsNoRunFailsWithOneLineNamingIt() {
        Path export = tmp.resolve("bundle");
        Run r = run("average", "--run", tmp.toString(), "--export", export.toString(), tmp.resolve("epoch1.sptk").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: " + tmp) && r.err().contains("run.json"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(export), "no partial output");
    }
}
