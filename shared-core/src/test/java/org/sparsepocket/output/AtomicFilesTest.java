package org.sparsepocket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path out;

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void failingWriterLeavesNothingBehind() throws IOException {
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeFolder(out.resolve("x"), dir -> {
            Files.writeString(dir.resolve("a.csv"), "complete");
            Files.writeString(dir.resolve("b.pdb"), "half");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aJvmStoppedMidWriteLeavesNothingBehind() throws Exception {
        // Before: Ctrl-C or kill while predict wrote a folder left DIR/.<stem>.partial-* behind.
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                StoppedWriter.class.getName(), out.resolve("x").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
            assertEquals("writing", lines.readLine(), "the child JVM did not start writing");
            assertEquals(1, listing().size(), "the staging folder exists while writing: " + listing());
            p.destroy();   // SIGTERM, as kill or a closing terminal sends
            assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), listing());
    }

    @Test
    void failureKeepsThePreviousOutputAndSuccessReplacesIt() throws IOException {
        Path target = out.resolve("x");
        AtomicFiles.writeFolder(target, dir -> Files.writeString(dir.resolve("a.csv"), "v1"));
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeFolder(target, dir -> {
            Files.writeString(dir.resolve("a.csv"), "v2");
            throw new IllegalStateException("bad pocket");
        }));
        assertEquals("v1", Files.readString(target.resolve("a.csv")));
        assertEquals(List.of("x"), listing());
        AtomicFiles.writeFolder(target, dir -> Files.writeString(dir.resolve("b.csv"), "v3"));
        assertFalse(Files.exists(target.resolve("a.csv")), "replaced as a whole");
        assertEquals("v3", Files.readString(target.resolve("b.csv")));
        assertEquals(List.of("x"), listing());
    }

    @Test
    void predictionWriterFailingHalfwayWritesNoPartialOutput() throws IOException {
        List<OutputFormat> formats = new ArrayList<>(PredictionWriter.ALL_FORMATS.subList(0, 4));
        formats.add((report, folder) -> {
            throw new IOException("cannot write " + report.stem() + ".pml");
        });
        PredictionWriter writer = new PredictionWriter(formats);
        IOException e = assertThrows(IOException.class, () -> writer.write(OutputFixtures.report(), out));
        assertTrue(e.getMessage().contains("1xyz.pml"));
        assertEquals(List.of(), listing());
    }

    @Test
    void singleFileWritesAreAtomicToo() throws IOException {
        Path f = out.resolve("sub/pockets.csv");
        AtomicFiles.writeString(f, "a\n");
        AtomicFiles.writeString(f, "b\n");
        assertEquals("b\n", Files.readString(f));
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertEquals(1, s.count(), "no temporary files left");
        }
    }
}
