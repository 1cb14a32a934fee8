package org.sparsepocket.lab.train;

import org.sparsepocket.lab.LabRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sparsepocket average}: help, usage errors and bad input (the averaging itself is WeightAveragingTest). */
class AverageCommandTest {

    @TempDir
    Path tmp;

    private static LabRun run(String... args) {
        return LabRun.of(args);
    }

    @Test
    void helpListsTheOptions() {
        LabRun r = run("average", "--help");
        assertEquals(0, r.code());
        for (String opt : new String[] {"--run", "--bn-complexes", "--seed", "--export", "--cache", "--json"}) {
            assertTrue(r.out().contains(opt), opt);
        }
    }

    @Test
    void noSnapshotIsAUsageError() {
        LabRun r = run("average", "--run", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("SNAPSHOT"), r.err());
    }

    @Test
    void aFolderThatIsNoRunFailsWithOneLineNamingIt() {
        Path export = tmp.resolve("bundle");
        LabRun r = run("average", "--run", tmp.toString(), "--export", export.toString(), tmp.resolve("epoch1.sptk").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: " + tmp) && r.err().contains("run.json"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(export), "no partial output");
    }
}
