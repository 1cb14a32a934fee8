package org.sparsepocket.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.ResidueId;

/**
 * {@code index.html} of a batch's output folder: one row per structure with its best pocket, linking to
 * that structure's {@link HtmlReport} page ({@code <stem>/<stem>.html}). Holds only a few numbers per
 * structure, so a batch of thousands keeps no predictions in memory for it.
 */
public final class HtmlIndex {

    public static final String FILE = "index.html";

    /** One structure's row: its name, pages, pocket count and its highest-scoring pocket (if any). */
    public record Entry(String structure, String stem, String page, int pockets, Optional<TopPocket> top) {
    }

    /** The numbers shown for a structure's best pocket. */
    public record TopPocket(String complex, int rank, String colour, double score, double meanProbability, double maxProbability,
                            double x, double y, double z, String residues) {
    }

    private HtmlIndex() {
    }

    /** The row of one written report. */
    public static Entry entry(PredictionReport report) {
        int count = 0;
        TopPocket top = null;
        double best = Double.NEGATIVE_INFINITY;
        for (ComplexPrediction c : report.complexes()) {
            Optional<Pocket> p = c.pockets().stream().max(Comparator.comparingDouble(Pocket::score));
            if (p.isPresent() && p.get().score() > best) {
                Pocket q = p.get();
                best = q.score();
                // colour numbered across complexes, as in the report page and the viewer scripts
                top = new TopPocket(c.complex().name(), q.rank(), PocketColors.hex(count + q.rank()), q.score(),
                        q.meanProbability(), q.maxProbability(),
                        q.center().x(), q.center().y(), q.center().z(),
                        String.join(" ", q.residues().stream().map(ResidueId::label).toList()));
            }
            count += c.pockets().size();
        }
        return new Entry(report.structureName(), report.stem(), report.stem() + "/" + HtmlReport.fileName(report),
                count, Optional.ofNullable(top));
    }

    /** Writes {@code folder/index.html} atomically (replacing an earlier one). */
    public static Path write(Path folder, List<Entry> entries) throws IOException {
        Path target = folder.resolve(FILE);
        AtomicFiles.writeString(target, text(entries));
        return target;
    }

    /** The whole page; plain HTML, no script. */
    public static String text(List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>SparsePocket: ").append(entries.size()).append(" structures</title>\n<style>\n")
                .append("body { font-family: system-ui, sans-serif; margin: 16px; color: #222; }\n")
                .append("table { border-collapse: collapse; font-size: 13px; }\n")
                .append("th, td { padding: 3px 8px; border-bottom: 1px solid #e4e4e4; text-align: right; }\n")
                .append("th { background: #f4f4f4; } td.text { text-align: left; }\n")
                .append(".swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; border: 1px solid #888; }\n")
                .append("</style>\n</head>\n<body>\n<h1>SparsePocket: ").append(entries.size())
                .append(entries.size() == 1 ? " structure" : " structures").append("</h1>\n")
                .append("<p>Each structure's highest-scoring pocket; the name opens its report.</p>\n")
                .append("<table id=\"structures\"><thead><tr><th>structure</th><th>pockets</th><th>complex</th>")
                .append("<th>rank</th><th>score</th><th>mean p</th><th>max p</th><th>centre (Å)</th><th>residues</th>")
                .append("</tr></thead><tbody>\n");
        for (Entry e : entries) {
            sb.append("<tr><td class=\"text\"><a href=\"").append(HtmlReport.escape(e.page())).append("\">")
                    .append(HtmlReport.escape(e.structure())).append("</a></td><td>").append(e.pockets()).append("</td>");
            if (e.top().isPresent()) {
                TopPocket t = e.top().get();
                sb.append("<td class=\"text\">").append(HtmlReport.escape(t.complex())).append("</td><td>")
                        .append("<span class=\"swatch\" style=\"background:").append(t.colour())
                        .append("\"></span>").append(t.rank()).append("</td>")
                        .append(String.format(Locale.ROOT, "<td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.1f, %.1f, %.1f</td>",
                                t.score(), t.meanProbability(), t.maxProbability(), t.x(), t.y(), t.z()))
                        .append("<td class=\"text\">").append(HtmlReport.escape(t.residues())).append("</td>");
            } else {
                sb.append("<td class=\"text\" colspan=\"7\">no pocket</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody></table>\n</body>\n</html>\n").toString();
    }
}
