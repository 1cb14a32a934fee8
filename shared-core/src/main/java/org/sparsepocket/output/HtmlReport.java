package org.sparsepocket.output;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.output.PredictionReport.ResidueStats;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.Point3;

/**
 * {@code <stem>.html}: one self-contained page to look at and share a prediction offline. It embeds the
 * structure (the probabilities PDB, het groups included), the 3Dmol.js viewer (npm {@code 3dmol}, BSD-3,
 * put into the jar at build time by tools/fetch-3dmol.sh), the pockets as data and a per-residue
 * probability plot as inline SVG. The page's script draws each pocket as a translucent surface of its
 * atoms in the {@link PocketColors} palette (ligands as sticks inside) and fills the pocket table; choosing a row (or opening
 * {@code <stem>.html#pocket-N}) zooms to the N-th row's pocket. A Content-Security-Policy forbids every
 * network request, so the page works from a disk or an e-mail.
 */
public final class HtmlReport implements OutputFormat {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** Largest PDB serial; ProbabilityPdb writes serials modulo this, as the format requires. */
    private static final int SERIAL_LIMIT = 100_000;

    @Override
    public void write(PredictionReport report, Path folder) throws IOException {
        Files.writeString(folder.resolve(fileName(report)), text(report), StandardCharsets.UTF_8);
    }

    /** The page's file name, {@code <stem>.html}. */
    public static String fileName(PredictionReport report) {
        return report.stem() + ".html";
    }

    /** The whole page. */
    public static String text(PredictionReport report) {
        String name = escape(report.structureName());
        int pockets = report.complexes().stream().mapToInt(c -> c.pockets().size()).sum();
        StringBuilder sb = new StringBuilder(ViewerLibrary.script().length() + 200_000);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                // No request may leave the page: everything it shows is inside it.
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; "
                        + "worker-src blob:\">\n")
                .append("<title>SparsePocket: ").append(name).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n")
                .append("<body data-viewer=\"loading\">\n")
                .append("<header><h1>SparsePocket pockets of ").append(name).append("</h1>\n<p>")
                .append(pockets).append(pockets == 1 ? " pocket" : " pockets").append(" in ")
                .append(report.complexes().size()).append(report.complexes().size() == 1 ? " complex" : " complexes")
                .append(". Choose a row to zoom to its pocket; drag to rotate, scroll to zoom.</p></header>\n")
                .append("<main>\n<div id=\"viewer\"></div>\n")
                .append("<section id=\"table\"><table id=\"pockets\"><thead><tr>")
                .append("<th>complex</th><th>rank</th><th>score</th><th>mean p</th><th>max p</th>")
                .append("<th>centre (Å)</th><th>box size (Å)</th><th>residues</th>")
                .append("</tr></thead><tbody></tbody></table></section>\n</main>\n")
                .append("<h2>Per-residue probability</h2>\n")
                .append("<p>Highest atom probability of each residue; residues in a pocket in that pocket's colour.</p>\n")
                .append(ResiduePlot.svg(report))
                .append("<footer>Made by SparsePocket. 3-D view by 3Dmol.js (BSD-3-Clause, "
                        + "© University of Pittsburgh and contributors), embedded in this page.</footer>\n")
                .append("<script type=\"text/plain\" id=\"structure-pdb\">")
                .append(scriptSafe(ProbabilityPdb.structure(report)))
                .append("</script>\n<script type=\"application/json\" id=\"pockets-data\">")
                .append(scriptSafe(GSON.toJson(data(report))))
                .append("</script>\n<script>\n").append(scriptSafe(ViewerLibrary.script()))
                .append("\n</script>\n<script>\n").append(PAGE_SCRIPT).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** The pockets as the page's script reads them. */
    static JsonObject data(PredictionReport report) {
        JsonObject root = new JsonObject();
        root.addProperty("structure", report.structureName());
        root.addProperty("background", String.format("#%06x", PocketColors.BACKGROUND));
        JsonArray pockets = new JsonArray();
        int offset = 0;
        int number = 0;
        for (ComplexPrediction c : report.complexes()) {
            for (Pocket p : c.pockets()) {
                JsonObject o = new JsonObject();
                o.addProperty("complex", c.complex().name());
                o.addProperty("rank", p.rank());
                // Numbered across complexes, as in the viewer scripts (PocketSelections).
                o.addProperty("color", PocketColors.hex(++number));
                o.addProperty("score", p.score());
                o.addProperty("meanProbability", p.meanProbability());
                o.addProperty("maxProbability", p.maxProbability());
                o.add("center", xyz(p.center()));
                o.add("boxSize", xyz(new Point3(p.box().sizeX(), p.box().sizeY(), p.box().sizeZ())));
                o.addProperty("residues", String.join(" ", p.residues().stream().map(r -> r.label()).toList()));
                // Serials as ProbabilityPdb.structure numbers the atoms: complexes in order, from 1.
                JsonArray serials = new JsonArray();
                for (int i : p.atomIndices()) {
                    serials.add((offset + i + 1) % SERIAL_LIMIT);
                }
                o.add("serials", serials);
                pockets.add(o);
            }
            offset += c.complex().atoms().size();
        }
        root.add("pockets", pockets);
        return root;
    }

    private static JsonArray xyz(Point3 p) {
        JsonArray a = new JsonArray();
        a.add(Math.round(p.x() * 1000) / 1000.0);
        a.add(Math.round(p.y() * 1000) / 1000.0);
        a.add(Math.round(p.z() * 1000) / 1000.0);
        return a;
    }

    /** Text inside a script element must not close it early; "<\/" means the same in JS and JSON. */
    static String scriptSafe(String s) {
        return s.replace("</", "<\\/");
    }

    /** HTML text and attribute escaping. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The per-residue plot: one bar per residue, its height the residue's highest atom probability. */
    static final class ResiduePlot {

        private static final int HEIGHT = 160;
        private static final int LEFT = 36;
        private static final int TOP = 8;
        private static final int BOTTOM = 24;

        private ResiduePlot() {
        }

        static String svg(PredictionReport report) {
            List<ResidueStats> residues = report.residueStats();
            // Colour numbers continue across complexes, as in PocketSelections: pockets before each complex.
            Map<String, Integer> before = new HashMap<>();
            int count = 0;
            for (ComplexPrediction c : report.complexes()) {
                before.put(c.complex().name(), count);
                count += c.pockets().size();
            }
            double bar = residues.size() > 600 ? 1.5 : 3.0;
            double width = LEFT + residues.size() * bar + 8;
            double plotH = HEIGHT - TOP - BOTTOM;
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "<svg id=\"residue-plot\" xmlns=\"http://www.w3.org/2000/svg\" "
                    + "width=\"%.0f\" height=\"%d\" role=\"img\" aria-label=\"per-residue probability\">%n", width, HEIGHT));
            for (double y : new double[] {0, 0.5, 1}) {
                double py = TOP + plotH * (1 - y);
                sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.1f</text>%n",
                        LEFT, width, py, py, LEFT - 4, py + 3, y));
            }
            String lastComplex = null;
            for (int i = 0; i < residues.size(); i++) {
                ResidueStats r = residues.get(i);
                double x = LEFT + i * bar;
                if (!r.complex().equals(lastComplex) || i % 100 == 0) {
                    sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"9\">%s</text>%n",
                            x, HEIGHT - 6, escape(r.residue().label())));
                    lastComplex = r.complex();
                }
                double h = plotH * Math.max(0, Math.min(1, r.maxProbability()));
                String colour = r.inPocket() ? PocketColors.hex(before.get(r.complex()) + r.pocketRank()) : "#a0a0a0";
                sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"><title>%s %s: max %.3f, mean %.3f%s</title></rect>%n",
                        x, TOP + plotH - h, bar, h, colour, escape(r.complex()), escape(r.residue().label()),
                        r.maxProbability(), r.meanProbability(), r.inPocket() ? ", pocket " + r.pocketRank() : ""));
            }
            return sb.append("</svg>\n").toString();
        }
    }

    /** The embedded 3Dmol.js, read once from the jar (its licence, 3Dmol-LICENSE.txt, lies beside it). */
    static final class ViewerLibrary {

        private static final String SCRIPT = "3Dmol-min.js";
        private static volatile String script;

        private ViewerLibrary() {
        }

        static String script() {
            String s = script;
            if (s == null) {
                s = resource(SCRIPT);
                script = s;
            }
            return s;
        }

        private static String resource(String name) {
            try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the HTML report's viewer " + name + " is missing from the jar: "
                            + "build with Maven, whose generate-resources step runs tools/fetch-3dmol.sh");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 0; padding: 0 16px 16px; color: #222; }
            header { height: 64px; overflow: hidden; }
            h1 { font-size: 20px; margin: 8px 0 4px; }
            header p { margin: 0; font-size: 13px; color: #555; }
            main { display: flex; gap: 16px; align-items: flex-start; }
            #viewer { position: relative; width: 640px; height: 480px; flex: none; border: 1px solid #ccc; }
            #table { max-height: 480px; overflow: auto; }
            table { border-collapse: collapse; font-size: 12px; }
            th, td { padding: 3px 6px; border-bottom: 1px solid #e4e4e4; text-align: right; vertical-align: top; }
            th { position: sticky; top: 0; background: #f4f4f4; }
            td.residues { text-align: left; max-width: 320px; }
            tbody tr { cursor: pointer; }
            tbody tr:hover { background: #f0f6ff; }
            tbody tr.chosen { background: #dde9ff; }
            .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px;
                      border: 1px solid #888; }
            h2 { font-size: 16px; margin: 20px 0 4px; }
            h2 + p { font-size: 12px; color: #555; margin: 0 0 4px; }
            #residue-plot { display: block; overflow: visible; }
            footer { margin-top: 16px; font-size: 11px; color: #777; }
            """;

    /** Fills the table, starts the viewer and wires row clicks; body[data-viewer] says how the view went. */
    private static final String PAGE_SCRIPT = """
            (function () {
              'use strict';
              var data = JSON.parse(document.getElementById('pockets-data').textContent);
              var pdb = document.getElementById('structure-pdb').textContent;
              var complexes = {};
              data.pockets.forEach(function (p) { complexes[p.complex] = true; });
              var oneComplex = Object.keys(complexes).length <= 1;
              var body = document.body;
              var viewer = null;
              var SURFACE_OPACITY = 0.7;
              var tbody = document.querySelector('#pockets tbody');
              if (oneComplex) {
                document.querySelector('#pockets thead th').style.display = 'none';
              }
              function cell(tr, text, cls) {
                var td = document.createElement('td');
                td.textContent = text;
                if (cls) { td.className = cls; }
                tr.appendChild(td);
                return td;
              }
              function triple(a) { return a.map(function (v) { return v.toFixed(1); }).join(', '); }
              data.pockets.forEach(function (p, i) {
                var tr = document.createElement('tr');
                tr.setAttribute('data-pocket', String(i));
                var c = cell(tr, p.complex);
                if (oneComplex) { c.style.display = 'none'; }
                var rank = cell(tr, '');
                var sw = document.createElement('span');
                sw.className = 'swatch';
                sw.style.background = p.color;
                rank.appendChild(sw);
                rank.appendChild(document.createTextNode(String(p.rank)));
                cell(tr, p.score.toFixed(3));
                cell(tr, p.meanProbability.toFixed(3));
                cell(tr, p.maxProbability.toFixed(3));
                cell(tr, triple(p.center));
                cell(tr, triple(p.boxSize));
                cell(tr, p.residues, 'residues');
                tr.addEventListener('click', function () {
                  try { history.replaceState(null, '', '#pocket-' + (i + 1)); } catch (e) { /* some file:// pages */ }
                  focus(i);
                });
                tbody.appendChild(tr);
              });
              function focus(i) {
                Array.prototype.forEach.call(tbody.rows, function (r, k) { r.classList.toggle('chosen', k === i); });
                body.setAttribute('data-focus', String(i));
                if (viewer) {
                  viewer.zoomTo({serial: data.pockets[i].serials}, 400);
                  viewer.render();
                }
              }
              try {
                viewer = $3Dmol.createViewer(document.getElementById('viewer'), {backgroundColor: 'white'});
                viewer.addModel(pdb, 'pdb');
                viewer.setStyle({}, {cartoon: {color: data.background}});
                viewer.setStyle({hetflag: true}, {stick: {colorscheme: 'grayCarbon', radius: 0.2}});
                viewer.setStyle({resn: ['HOH', 'WAT', 'DOD']}, {});
                // Each pocket a translucent surface of its own atoms only (as Jmol's "only vdw"), so the
                // ligand inside shows through. Built on the page's own thread: pockets are small, and
                // 3Dmol.js's workers finished after a headless browser had already taken its picture.
                $3Dmol.setSyncSurface(true);
                var surfaces = data.pockets.map(function (p) {
                  var atoms = {serial: p.serials};
                  return viewer.addSurface($3Dmol.SurfaceType.VDW, {color: p.color, opacity: SURFACE_OPACITY},
                    atoms, atoms);
                });
                data.pockets.forEach(function (p) {
                  viewer.addLabel('#' + p.rank, {position: {x: p.center[0], y: p.center[1], z: p.center[2]},
                    inFront: true, fontSize: 13, fontColor: 'black', backgroundColor: p.color, backgroundOpacity: 0.85});
                });
                viewer.zoomTo();
                viewer.render();
                body.setAttribute('data-viewer', 'ready');
                // body[data-surfaces]: how many pocket surfaces 3Dmol.js made, or why it could not.
                Promise.all(surfaces).then(function (ids) {
                  viewer.render();
                  body.setAttribute('data-surfaces', String(ids.length));
                }, function (e) {
                  body.setAttribute('data-surfaces', 'failed: ' + (e && e.message ? e.message : e));
                });
              } catch (e) {
                viewer = null;
                body.setAttribute('data-viewer', 'failed');
                document.getElementById('viewer').textContent = 'The 3-D view could not start here: ' + e.message;
              }
              // A link to file.html#pocket-N opens with the N-th table row chosen.
              var linked = /^#pocket-(\\d+)$/.exec(location.hash);
              if (linked && Number(linked[1]) >= 1 && Number(linked[1]) <= data.pockets.length) {
                focus(Number(linked[1]) - 1);
              }
            })();
            """;
}
