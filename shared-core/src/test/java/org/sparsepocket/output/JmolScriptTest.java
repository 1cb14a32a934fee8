package org.sparsepocket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jmol.viewer.Viewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.ResidueId;

/** Runs the written .spt in a real, headless Jmol viewer and checks what it shows. */
class JmolScriptTest {

    @Test
    void scriptLoadsTheStructureAndColoursEachPocket(@TempDir Path out) throws Exception {
        PredictionReport r = OutputFixtures.report();
        Path folder = new PredictionWriter().write(r, out);
        Map<String, Object> info = new HashMap<>();
        info.put("isApp", true);
        info.put("noDisplay", true);
        info.put("silent", true);
        Viewer v = new Viewer(info);
        try {
            // Run from another working directory: the script must find its PDB relative to itself.
            String status = v.scriptWait("script \"" + folder.resolve("1xyz.spt").toAbsolutePath() + "\"");
            assertFalse(status.contains("ERROR"), status);
            ComplexPrediction c = r.complexes().get(0);
            assertEquals(c.complex().atoms().size() + 3, number(v, "{*}.count").intValue());
            assertEquals(3, number(v, "{hetero}.count").intValue());

            Set<ResidueId> inPockets = new HashSet<>();
            Set<String> colours = new HashSet<>();
            for (Pocket p : c.pockets()) {
                String expected = rgb(PocketColors.rgb(p.rank()));
                colours.add(expected);
                for (ResidueId res : p.residues()) {
                    if (!inPockets.add(res)) {
                        continue;   // a residue shared by two pockets shows the later one's colour
                    }
                    String spec = res.number() + (res.insertionCode() == ' ' ? "" : "^" + res.insertionCode()) + ":" + res.chainId();
                    assertEquals(List.of(expected), distinctColours(v, spec), "pocket " + p.rank() + " residue " + res);
                }
            }
            assertEquals(c.pockets().size(), colours.size(), "distinct colour per pocket");
            // Residues outside every pocket keep the background colour.
            int checked = 0;
            for (var a : c.complex().atoms()) {
                ResidueId res = a.residue();
                if (!inPockets.contains(res) && checked++ < 20) {
                    String spec = res.number() + (res.insertionCode() == ' ' ? "" : "^" + res.insertionCode()) + ":" + res.chainId();
                    assertEquals(List.of(rgb(PocketColors.BACKGROUND)), distinctColours(v, spec), res.toString());
                }
            }
            assertTrue(checked > 0, "fixture has residues outside pockets");
            // The bound ligand in element colours (it was all grey): Jmol's CPK carbon, nitrogen, oxygen.
            assertEquals(List.of(rgb(0x909090)), distinctColours(v, "hetero and elemno=6"));
            assertEquals(List.of(rgb(0x3050F8)), distinctColours(v, "hetero and elemno=7"));
            assertEquals(List.of(rgb(0xFF0D0D)), distinctColours(v, "hetero and elemno=8"));
            // Probabilities arrive as B-factors ("temperature" in Jmol).
            double maxB = number(v, "{*}.temperature.max").doubleValue();
            float maxP = 0;
            for (float p : c.probabilities()) {
                maxP = Math.max(maxP, p);
            }
            assertEquals(maxP, maxB, 0.006);
            // One centre marker per pocket.
            String draws = String.valueOf(v.evaluateExpression("getProperty('shapeInfo.Draw')"));
            for (Pocket p : c.pockets()) {
                assertTrue(draws.contains("pocket" + p.rank() + "_center"), draws);
            }
        } finally {
            v.dispose();
        }
    }

    private static List<String> distinctColours(Viewer v, String spec) {
        Object all = v.evaluateExpression("{" + spec + "}.color.all");
        String text = String.valueOf(all).trim();
        return text.lines().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static Double number(Viewer v, String expression) {
        return Double.valueOf(String.valueOf(v.evaluateExpression(expression)).trim());
    }

    private static String rgb(int c) {
        return "{" + (c >> 16 & 0xFF) + ".0 " + (c >> 8 & 0xFF) + ".0 " + (c & 0xFF) + ".0}";
    }
}
