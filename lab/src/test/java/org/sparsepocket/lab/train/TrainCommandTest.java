package org.sparsepocket.lab.train;

import org.sparsepocket.lab.LabRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sparsepocket train}: help, usage errors and bad input (the training itself is TrainerSmokeTest). */
class TrainCommandTest {

    @TempDir
    Path tmp;

    private static LabRun run(String... args) {
        return LabRun.of(args);
    }

    @Test
    void helpListsTheRecipeOptions() {
        LabRun r = run("train", "--help");
        assertEquals(0, r.code());
        for (String opt : new String[] {"--run", "--resume", "--epochs", "--patience", "--lr", "--focal-gamma",
                "--label-cutoff", "--width", "--init", "--time-budget", "--checkpoint-every", "--seed", "--cache"}) {
            assertTrue(r.out().contains(opt), opt);
        }
    }

    @Test
    void missingRunFolderIsAUsageError() {
        LabRun r = run("train");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--run"), r.err());
    }

    @Test
    void missingDataSetFailsWithOneLineNamingIt() {
        Path missing = tmp.resolve("no-such-set");
        LabRun r = run("train", "--run", tmp.resolve("run").toString(), "--train", missing.toString(),
                "--validation", tmp.toString(), "--cache", tmp.resolve("cache").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(missing.toString()), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(tmp.resolve("run")), "no partial output");
    }

    @Test
    void sameFolderForTrainingAndValidationIsRefused() throws Exception {
        Path set = tmp.resolve("set");
        Files.createDirectories(set);
        Files.write(set.resolve("x_protein.pdbqt.gz"), new byte[0]);
        Files.write(set.resolve("x_ligand.pdbqt.gz"), new byte[0]);
        LabRun r = run("train", "--run", tmp.resolve("run").toString(), "--train", set.toString(),
                "--validation", set.toString(), "--cache", tmp.resolve("cache").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("both a training and a validation set"), r.err());
    }

    @Test
    void initWithResumeIsAUsageError() {
        LabRun r = run("train", "--run", tmp.resolve("run").toString(), "--init", "bundled", "--resume");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--init") && r.err().contains("--resume"), r.err());
        assertFalse(Files.exists(tmp.resolve("run")), "no partial output");
    }

    @Test
    void initOfAnotherArchitectureFailsWithOneLineSayingWhatDiffers() {
        // The shipped model is width 0.5; the run asks for 0.25. Refused before any data is read.
        LabRun r = run("train", "--run", tmp.resolve("run").toString(), "--init", "bundled", "--width", "0.25",
                "--train", tmp.resolve("no-such-set").toString(), "--validation", tmp.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --init bundled: its architecture is not the run's: stemPlanes 16 (run: 8)"),
                r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(tmp.resolve("run")), "no partial output");
    }

    @Test
    void initOfAFolderThatIsNoBundleFailsWithOneLine() {
        LabRun r = run("train", "--run", tmp.resolve("run").toString(), "--init", tmp.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --init " + tmp + ": not a model bundle"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void durationsAcceptHoursMinutesSeconds() {
        TrainCommand.DurationSeconds d = new TrainCommand.DurationSeconds();
        assertEquals(7200.0, d.convert("2h"));
        assertEquals(5400.0, d.convert("1h30m"));
        assertEquals(45.0, d.convert("45s"));
        assertEquals(90.0, d.convert("90"));
        assertThrows(CommandLine.TypeConversionException.class, () -> d.convert("2 hours"));
    }
}
