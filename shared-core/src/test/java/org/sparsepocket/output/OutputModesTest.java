package org.sparsepocket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output folders and files follow the umask, like any file the user makes (before: every output folder
 * was 0700 whatever the umask, from the staging folder of {@code Files.createTempDirectory}), and are
 * never world-writable. A child JVM runs under each umask because a JVM cannot change its own.
 */
class OutputModesTest {

    @TempDir
    Path tmp;

    @Test
    void umask022GivesFolders0755AndFiles0644() throws Exception {
        Path out = writeUnderUmask("022");
        assertModes(out, "rwxr-xr-x", "rw-r--r--");
    }

    @Test
    void umask000NeverGivesWorldWritableOutputs() throws Exception {
        Path out = writeUnderUmask("000");
        assertModes(out, "rwxrwxr-x", "rw-rw-r--");
    }

    @Test
    void umask077KeepsOutputsPrivate() throws Exception {
        Path out = writeUnderUmask("077");
        assertModes(out, "rwx------", "rw-------");
    }

    private Path writeUnderUmask(String umask) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to set a umask: skipped");
        Path out = tmp.resolve("out" + umask);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\"",
                javaBin, "-cp", System.getProperty("java.class.path"), UmaskWriter.class.getName(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), log);
        return out;
    }

    private static void assertModes(Path out, String folderMode, String fileMode) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(out)) {
            all = s.filter(p -> !p.equals(out)).toList();
        }
        assertTrue(all.size() > 10, "the fixture's whole output and the single file: " + all);
        for (Path p : all) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
            assertEquals(Files.isDirectory(p) ? folderMode : fileMode, mode, out.relativize(p).toString());
        }
    }
}
