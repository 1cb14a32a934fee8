package org.sparsepocket.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionException;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.table.PredictorRun.Input;

/**
 * The Pocket Predictor node's report folder: each structure's HTML report written there, its path in the
 * pockets table's Report column; no folder, no report and no column; a bad folder, one line before any
 * structure is predicted. Hand-built predictions, as in {@link PredictorRunTest}.
 */
class PredictorRunReportTest {

    private static final PredictionSettings PREDICTION =
            new PredictionSettings(ChainMode.whole(), PredictorNodeSettings.SHIPPED);

    @TempDir
    Path tmp;

    private static Prediction byName(String key, String cell) {
        if (cell.startsWith("bad")) {
            throw new PredictionException(cell + ": no protein atoms");
        }
        return cell.startsWith("two") ? HandBuiltPrediction.twoComplexes(cell, 1.0, 2.0)
                : HandBuiltPrediction.prediction(cell);
    }

    private static PredictorNodeSettings settings(String reportFolder) {
        return PredictorNodeSettings.DEFAULT.withThreshold(0.5).withMinPocketSize(5).withThreads(2)
                .withReportFolder(reportFolder);
    }

    @Test
    void writesEachStructuresReportAndPutsItsPathInTheReportColumn() throws Exception {
        Path folder = tmp.resolve("reports");   // made by the run
        PredictorNodeSettings node = settings(folder.toString());
        assertEquals(PocketTables.POCKETS_WITH_REPORT, PocketTables.pockets(node));
        var in = List.of(new Input("r0", "1abc"), new Input("r1", "bad.pdb"), new Input("r2", "1abc"),
                new Input("r3", "two"));
        var out = new CollectedRows();
        var result = PredictorRun.run(in.iterator(), node, PredictorRunReportTest::byName,
                ReportFolder.of(node, PREDICTION), out);

        assertEquals(1, result.failed());
        for (TableRow row : out.pockets) {
            assertEquals(PocketTables.POCKETS_WITH_REPORT, row.schema());
            // the other columns keep their places: Report is added last
            assertEquals(PocketTables.POCKETS.names(), row.schema().names().subList(0, PocketTables.POCKETS.size()));
        }
        // A second structure of the same name gets _2 (as the CLI's folders), not the first one's file.
        Path first = folder.resolve("1abc.html");
        Path second = folder.resolve("1abc_2.html");
        Path two = folder.resolve("two.html");
        assertEquals(List.of(first.toString(), first.toString(), second.toString(), second.toString(),
                        two.toString(), two.toString()),
                out.pockets.stream().filter(r -> r.get(PocketTables.ERROR) == null)
                        .map(r -> r.get(PocketTables.REPORT)).toList());
        TableRow failed = out.pockets.stream().filter(r -> "r1".equals(r.get(PocketTables.INPUT_ROW))).findFirst()
                .orElseThrow();
        assertNull(failed.get(PocketTables.REPORT), "no report for a structure that failed");
        try (var files = Files.list(folder)) {
            assertEquals(Set.of("1abc.html", "1abc_2.html", "two.html"),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "the reports and nothing else (no staging files left)");
        }
        for (Path page : List.of(first, second, two)) {
            assertTrue(page.isAbsolute());
            String html = Files.readString(page);
            assertTrue(html.startsWith("<!DOCTYPE html>"), page.toString());
            assertTrue(html.contains("<script type=\"application/json\" id=\"pockets-data\">"), page.toString());
        }
        assertTrue(Files.readString(two).contains("two_B"), "the report holds both complexes' pockets");
        // Written as any new file in that folder would be (umask), never world-writable.
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(Files.createFile(folder.resolve("probe")));
        expected.remove(PosixFilePermission.OTHERS_WRITE);
        assertEquals(expected, Files.getPosixFilePermissions(first));
    }

    @Test
    void withoutAReportFolderNothingIsWrittenAndTheColumnsStayAsBefore() throws Exception {
        PredictorNodeSettings node = settings("");
        assertEquals(PocketTables.POCKETS, PocketTables.pockets(node));
        assertEquals(Optional.empty(), ReportFolder.of(node, PREDICTION));
        var out = new CollectedRows();
        PredictorRun.run(List.of(new Input("r0", "1abc"), new Input("r1", "bad.pdb")).iterator(), node,
                PredictorRunReportTest::byName, ReportFolder.of(node, PREDICTION), out);
        assertEquals(3, out.pockets.size());
        for (TableRow row : out.pockets) {
            assertEquals(PocketTables.POCKETS, row.schema());
        }
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count());
        }
        // Rows and columns cannot disagree: a report folder set needs its ReportFolder, and the reverse.
        PredictorNodeSettings withFolder = settings(tmp.resolve("r").toString());
        assertThrows(IllegalArgumentException.class, () -> PredictorRun.run(List.<Input>of().iterator(), withFolder,
                PredictorRunReportTest::byName, new CollectedRows()));
        assertThrows(IllegalArgumentException.class, () -> PredictorRun.run(List.<Input>of().iterator(), node,
                PredictorRunReportTest::byName, ReportFolder.of(withFolder, PREDICTION), new CollectedRows()));
    }

    @Test
    void aFolderThatCannotHoldReportsIsOneLineBeforeAnyPrediction() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        var e = assertThrows(PredictionException.class,
                () -> ReportFolder.of(settings(file.toString()), PREDICTION));
        assertEquals("Report folder: " + file + ": exists and is not a directory", e.getMessage());
        var under = assertThrows(PredictionException.class,
                () -> ReportFolder.of(settings(file.resolve("sub").toString()), PREDICTION));
        assertEquals("Report folder: " + file.resolve("sub") + ": " + file + " is not a directory", under.getMessage());
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc here");
        var proc = assertThrows(PredictionException.class,
                () -> ReportFolder.of(settings("/proc/self/sparsepocket-reports"), PREDICTION));
        assertTrue(proc.getMessage().startsWith("Report folder: /proc/self/sparsepocket-reports: "), proc.getMessage());
        assertFalse(proc.getMessage().contains("\n"));
    }
}
