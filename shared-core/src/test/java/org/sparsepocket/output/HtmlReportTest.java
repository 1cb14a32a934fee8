package org.sparsepocket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;

/** The page's data and the batch index, checked without a browser (HtmlReportInChromiumTest opens them). */
class HtmlReportTest {

    @TempDir
    Path tmp;

    @Test
    void pocketSerialsNameThePocketAtomsInTheEmbeddedPdb() {
        PredictionReport report = OutputFixtures.eachChainReport();
        assertEquals(2, report.complexes().size(), "two complexes: serials continue across them");
        // serial -> "x y z" of the embedded structure's ATOM records
        Map<Integer, String> coords = new HashMap<>();
        for (String line : ProbabilityPdb.structure(report).split("\n")) {
            if (line.startsWith("ATOM")) {
                coords.put(Integer.parseInt(line.substring(6, 11).trim()), line.substring(30, 54));
            }
        }
        JsonObject data = HtmlReport.data(report);
        int k = 0;
        for (ComplexPrediction c : report.complexes()) {
            for (Pocket p : c.pockets()) {
                JsonObject o = data.getAsJsonArray("pockets").get(k++).getAsJsonObject();
                assertEquals(c.complex().name(), o.get("complex").getAsString());
                assertEquals(p.rank(), o.get("rank").getAsInt());
                assertEquals(PocketColors.hex(k), o.get("color").getAsString(), "numbered across complexes");
                List<JsonElement> serials = o.getAsJsonArray("serials").asList();
                assertEquals(p.atoms().size(), serials.size());
                for (int i = 0; i < serials.size(); i++) {
                    Atom a = p.atoms().get(i);
                    String line = PdbFormat.atom(false, 1, a, 0).substring(30, 54);
                    assertEquals(line, coords.get(serials.get(i).getAsInt()), "pocket " + p.rank() + " atom " + i);
                }
            }
        }
        assertEquals(k, data.getAsJsonArray("pockets").size());
    }

    @Test
    void pageIsOneFileThatCannotBeBrokenByTheStructureName() {
        String page = HtmlReport.text(OutputFixtures.report());
        assertTrue(page.contains("$3Dmol"), "the viewer library is embedded");
        assertEquals(4, page.split("<script", -1).length - 1, "pdb, data, library, page script");
        assertEquals(4, page.split("</script>", -1).length - 1, "no embedded text closes a script early");
        assertEquals("a<\\/script>", HtmlReport.scriptSafe("a</script>"));
        assertEquals("&lt;b&gt; &amp; &quot;", HtmlReport.escape("<b> & \""));
    }

    @Test
    void indexLinksEachStructureToItsPageWithItsBestPocket() throws Exception {
        PredictionReport a = OutputFixtures.report();
        PredictionReport b = OutputFixtures.eachChainReport();
        Path index = HtmlIndex.write(tmp, List.of(HtmlIndex.entry(a), HtmlIndex.entry(b)));
        String html = Files.readString(index);
        assertTrue(html.contains("<a href=\"" + a.stem() + "/" + a.stem() + ".html\">"), html);
        assertTrue(html.contains("<a href=\"" + b.stem() + "/" + b.stem() + ".html\">"), html);
        HtmlIndex.Entry e = HtmlIndex.entry(b);
        double best = b.complexes().stream().flatMap(c -> c.pockets().stream())
                .mapToDouble(Pocket::score).max().orElseThrow();
        assertEquals(best, e.top().orElseThrow().score());
        assertEquals(b.complexes().stream().mapToInt(c -> c.pockets().size()).sum(), e.pockets());
        assertFalse(html.contains("<script"), "the index is plain HTML");
    }
}
