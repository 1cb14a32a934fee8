package org.sparsepocket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.TestModels;
import org.sparsepocket.structure.ChainMode;

/**
 * Opens the HTML report of a real prediction (the shipped model on examples/1fbl.pdb) from file:// in a
 * real headless Chromium, as a reader would: the script ran (the table has one row per pocket, the
 * viewer started and made one pocket surface per pocket), a {@code #pocket-N} link chooses that row, and
 * the 3-D view drew the protein and the pockets' colours. Skips where no {@code chromium} is on PATH ({@code apt-get install chromium}).
 */
class HtmlReportInChromiumTest {

    /** WebGL without a GPU: Chromium's software rasteriser, which it no longer picks by itself. */
    private static final List<String> FLAGS = List.of("--headless", "--disable-gpu", "--no-sandbox",
            "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--hide-scrollbars", "--mute-audio",
            "--virtual-time-budget=8000");

    @TempDir
    Path tmp;

    @Test
    void reportOf1fblLoadsFromFileAndShowsEveryPocket() throws Exception {
        Path chromium = chromium();
        PredictionReport report;
        try (PocketPredictor predictor = PocketPredictor.open()) {
            Prediction p = predictor.predict(TestModels.example(),
                    new PredictionSettings(ChainMode.whole(), predictor.recommendedSettings()));
            report = PredictionReport.of(p, new PredictionSettings(ChainMode.whole(), predictor.recommendedSettings()));
        }
        int pockets = report.complexes().get(0).pockets().size();
        assertTrue(pockets >= 2, "the shipped model finds several pockets in 1fbl, got " + pockets);
        Path page = new PredictionWriter().write(report, tmp.resolve("out")).resolve("1fbl.html");
        String html = Files.readString(page);
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"), "the page forbids requests");
        assertFalse(Pattern.compile("(?i)<(script|img|link|iframe)[^>]*\\s(src|href)=").matcher(html).find(),
                "nothing is loaded from outside the page");

        String url = page.toUri() + "#pocket-2";
        Path shot = tmp.resolve("shot.png");
        // The two runs are independent: side by side they take the time of one.
        CompletableFuture<String> dom = CompletableFuture.supplyAsync(() ->
                run(chromium, "dom", List.of("--dump-dom", url)));
        run(chromium, "shot", List.of("--window-size=1400,1000", "--screenshot=" + shot, url));
        String after = dom.get(90, TimeUnit.SECONDS);

        assertTrue(after.contains("data-viewer=\"ready\""), "the 3-D viewer started: " + bodyTag(after));
        // 3Dmol.js made one translucent surface per pocket (the page counts the surfaces it got back).
        assertTrue(after.contains("data-surfaces=\"" + pockets + "\""), "one surface per pocket: " + bodyTag(after));
        List<String> rows = matches(after, "<tr data-pocket=\"(\\d+)\"[^>]*>");
        assertEquals(pockets, rows.size(), "one table row per pocket");
        assertTrue(after.contains("data-focus=\"1\""), "#pocket-2 chose the second row: " + bodyTag(after));
        assertTrue(Pattern.compile("<tr data-pocket=\"1\" class=\"chosen\"").matcher(after).find(), "row 2 is marked");

        // The viewer's box (CSS: 16 px body padding, 64 px header, 640×480): the protein in grey, the
        // pockets in the palette's magenta/cyan/purple, not a blank canvas.
        BufferedImage image = ImageIO.read(shot.toFile());
        int drawn = 0;
        int pocketColoured = 0;
        int total = 0;
        for (int y = 70; y < 540; y += 2) {
            for (int x = 22; x < 650; x += 2) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                total++;
                if (r < 235 || g < 235 || b < 235) {
                    drawn++;
                }
                if ((r > g + 60 && b > g + 60) || (b > r + 60 && g > r + 60)) {
                    pocketColoured++;
                }
            }
        }
        assertTrue(drawn > total / 20, "the canvas shows the structure: " + drawn + " of " + total + " pixels drawn");
        assertTrue(pocketColoured > 200, "pocket colours in the view: " + pocketColoured + " pixels");
    }

    private static String bodyTag(String dom) {
        Matcher m = Pattern.compile("<body[^>]*>").matcher(dom);
        return m.find() ? m.group() : "(no body in the dumped DOM)";
    }

    private static List<String> matches(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Runs headless Chromium with its own profile; returns its stdout. */
    private String run(Path chromium, String name, List<String> args) {
        try {
            List<String> command = new ArrayList<>();
            command.add(chromium.toString());
            command.addAll(FLAGS);
            command.add("--user-data-dir=" + tmp.resolve("profile-" + name));
            command.addAll(args);
            Path out = tmp.resolve(name + ".out");
            Path err = tmp.resolve(name + ".err");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 60 s: " + command);
            }
            assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(err, StandardCharsets.UTF_8));
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Path chromium() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                for (String name : List.of("chromium", "chromium-browser")) {
                    Path candidate = Path.of(dir).resolve(name);
                    if (Files.isExecutable(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        Assumptions.abort("chromium is not on PATH: the HTML report is not opened in a browser "
                + "(apt-get install chromium to run this check)");
        return null;
    }
}
