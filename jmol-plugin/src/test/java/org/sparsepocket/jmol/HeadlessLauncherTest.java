package org.sparsepocket.jmol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher without a display, as a server script runs it: Jmol's {@code -n -s script -x} and
 * {@code -Djava.awt.headless=true}. Before: {@code HeadlessException} in {@code JmolPanel.<clinit>}.
 * The script predicts with {@code pockets} and writes an image; a child JVM so no display is involved.
 */
class HeadlessLauncherTest {

    private static final Path FIXTURE_MODEL = TestData.repositoryRoot()
            .resolve("shared-core/src/test/resources/org/sparsepocket/model/fixture-v1");

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void scriptPredictsAndWritesAnImageWithoutADisplay() throws Exception {
        assumeTrue(Files.isDirectory(FIXTURE_MODEL), "fixture model not found: " + FIXTURE_MODEL);
        Path image = dir.resolve("pockets.png");
        Path report = dir.resolve("report.txt");
        Path script = Files.writeString(dir.resolve("t.spt"), String.join("\n",
                "load \"" + TestData.example("1fbl.pdb") + "\";",
                "pockets \"threshold\" 0.68;",
                "pockets;",
                "write var pocketsReport \"" + report + "\";",
                "write image 320 240 \"" + image + "\";", ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Djava.awt.headless=true", "-Dsparsepocket.model=" + FIXTURE_MODEL,
                "-cp", System.getProperty("java.class.path"), SparsePocketJmol.class.getName(),
                "-n", "-s", script.toString(), "-x").redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(100, TimeUnit.SECONDS), "Jmol did not exit");
        assertEquals(0, p.exitValue(), log);
        assertFalse(log.contains("HeadlessException"), log);
        assertTrue(Files.readString(report).contains(" on 1fbl ("), Files.readString(report));
        assertTrue(Files.size(image) > 1000, "image written: " + Files.size(image) + " bytes");
        byte[] png = Files.readAllBytes(image);
        assertEquals(List.of((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G'), List.of(png[0], png[1], png[2], png[3]));
        // Without a screen size the first picture's text (the rank labels) came out giant and cut off
        // at the top edge, in the pockets' colours; the structure itself never reaches that edge.
        BufferedImage picture = ImageIO.read(image.toFile());
        int coloured = 0;
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                coloured += (picture.getRGB(x, y) & 0xffffff) == 0 ? 0 : 1;
            }
        }
        assertEquals(0, coloured, "pixels drawn along the top edge (garbled labels)");
    }
}
