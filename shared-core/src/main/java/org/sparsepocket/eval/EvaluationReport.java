package org.sparsepocket.eval;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * Formats evaluation results: the per-protein CSV (one row per protein, a stable column order), the
 * human summary table and the JSON summary. Pure formatting; writing files is the caller's job.
 */
public final class EvaluationReport {

    private EvaluationReport() {
    }

    /**
     * CSV header and rows; columns: per criterion best rank, top-n and top-(n+2) counts and the nearest
     * pocket's distance; residue metrics; AP; the highest score of a binding-site atom.
     */
    public static String proteinCsv(List<PocketCriterion> criteria, List<ProteinEvaluation> evaluations) {
        StringBuilder sb = new StringBuilder();
        sb.append("protein,tool,ligands,pockets");
        for (PocketCriterion c : criteria) {
            String n = c.name().toLowerCase(Locale.ROOT);
            sb.append(',').append(n).append("_best_ranks,").append(n).append("_top_n,").append(n).append("_top_n2,")
                    .append(n).append("_nearest");
        }
        for (String set : List.of("all", "topn")) {
            sb.append(",res_").append(set).append("_tp,res_").append(set).append("_fp,res_").append(set)
                    .append("_fn,res_").append(set).append("_tn,res_").append(set).append("_precision,res_")
                    .append(set).append("_recall,res_").append(set).append("_f1,res_").append(set).append("_mcc");
        }
        sb.append(",atom_pr_auc,site_max_score\n");
        for (ProteinEvaluation e : evaluations) {
            sb.append(csvText(e.proteinId())).append(',').append(e.tool()).append(',').append(e.ligands())
                    .append(',').append(e.pockets());
            for (PocketCriterion c : criteria) {
                LigandHits h = e.hits(c.name());
                StringBuilder ranks = new StringBuilder();
                for (int r : h.bestRank()) {
                    ranks.append(ranks.length() == 0 ? "" : " ").append(r);
                }
                StringBuilder nearest = new StringBuilder();
                for (double d : h.nearest()) {
                    nearest.append(nearest.length() == 0 ? "" : " ").append(distance(d));
                }
                sb.append(',').append(ranks).append(',').append(h.foundTopN()).append(',').append(h.foundTopNPlus2())
                        .append(',').append(nearest);
            }
            for (ResidueConfusion r : List.of(e.residuesAll(), e.residuesTopN())) {
                sb.append(',').append(r.tp()).append(',').append(r.fp()).append(',').append(r.fn()).append(',')
                        .append(r.tn()).append(',').append(num(r.precision())).append(',').append(num(r.recall()))
                        .append(',').append(num(r.f1())).append(',').append(num(r.mcc()));
            }
            sb.append(',').append(num(e.averagePrecision())).append(',').append(num(e.siteMaxScore())).append('\n');
        }
        return sb.toString();
    }

    /** A readable table of one or more tools' summaries (one column per tool). */
    public static String table(List<EvaluationSummary> summaries) {
        if (summaries.isEmpty()) {
            return "no evaluations\n";
        }
        StringBuilder sb = new StringBuilder();
        String rowFmt = "%-34s" + "%14s".repeat(summaries.size()) + "%n";
        sb.append(String.format(Locale.ROOT, rowFmt, header("metric", summaries)));
        row(sb, rowFmt, "proteins", summaries, s -> String.valueOf(s.proteins()));
        row(sb, rowFmt, "ligands", summaries, s -> String.valueOf(s.ligands()));
        row(sb, rowFmt, "pockets per protein (mean)", summaries, s -> fixed(s.meanPockets(), 1));
        for (EvaluationSummary.SuccessRate r : summaries.get(0).success()) {
            String c = r.criterion() + " " + fixed(r.cutoff(), 0) + " Å";
            row(sb, rowFmt, c + " top-n", summaries, s -> pct(s.success(r.criterion()).topN()));
            row(sb, rowFmt, c + " top-(n+2)", summaries, s -> pct(s.success(r.criterion()).topNPlus2()));
            row(sb, rowFmt, c + " any rank", summaries, s -> pct(s.success(r.criterion()).anyRank()));
        }
        residueRows(sb, rowFmt, "all pockets", summaries, true);
        residueRows(sb, rowFmt, "top-n pockets", summaries, false);
        row(sb, rowFmt, "atom PR-AUC (all atoms pooled)", summaries, s -> fixed(s.pooledAveragePrecision(), 3));
        row(sb, rowFmt, "atom PR-AUC (mean per protein)", summaries, s -> fixed(s.meanAveragePrecision(), 3));
        return sb.toString();
    }

    /** The summaries as JSON (numbers as fractions, NaN as null). */
    public static String json(List<EvaluationSummary> summaries, List<EvaluationRun.Failure> failures) {
        JsonObject root = new JsonObject();
        JsonArray tools = new JsonArray();
        for (EvaluationSummary s : summaries) {
            JsonObject o = new JsonObject();
            o.addProperty("tool", s.tool());
            o.addProperty("proteins", s.proteins());
            o.addProperty("ligands", s.ligands());
            put(o, "meanPockets", s.meanPockets());
            JsonObject success = new JsonObject();
            for (EvaluationSummary.SuccessRate r : s.success()) {
                JsonObject c = new JsonObject();
                c.addProperty("cutoff", r.cutoff());
                put(c, "topN", r.topN());
                put(c, "topNPlus2", r.topNPlus2());
                put(c, "anyRank", r.anyRank());
                success.add(r.criterion(), c);
            }
            o.add("success", success);
            o.add("residuesAllPockets", residues(s.residuesAll()));
            o.add("residuesTopNPockets", residues(s.residuesTopN()));
            put(o, "atomPrAucPooled", s.pooledAveragePrecision());
            put(o, "atomPrAucMeanPerProtein", s.meanAveragePrecision());
            tools.add(o);
        }
        root.add("summaries", tools);
        JsonArray failed = new JsonArray();
        for (EvaluationRun.Failure f : failures) {
            JsonObject o = new JsonObject();
            o.addProperty("protein", f.proteinId());
            o.addProperty("error", f.message());
            failed.add(o);
        }
        root.add("failures", failed);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root) + "\n";
    }

    private static JsonObject residues(EvaluationSummary.ResidueMetrics m) {
        JsonObject o = new JsonObject();
        put(o, "precision", m.precision());
        put(o, "recall", m.recall());
        put(o, "f1", m.f1());
        put(o, "mcc", m.mcc());
        return o;
    }

    private static void put(JsonObject o, String key, double v) {
        if (Double.isNaN(v)) {
            o.add(key, com.google.gson.JsonNull.INSTANCE);
        } else {
            o.addProperty(key, v);
        }
    }

    private static void residueRows(StringBuilder sb, String fmt, String label, List<EvaluationSummary> s,
                                    boolean all) {
        java.util.function.Function<EvaluationSummary, EvaluationSummary.ResidueMetrics> m =
                x -> all ? x.residuesAll() : x.residuesTopN();
        row(sb, fmt, "residue precision, " + label, s, x -> fixed(m.apply(x).precision(), 3));
        row(sb, fmt, "residue recall, " + label, s, x -> fixed(m.apply(x).recall(), 3));
        row(sb, fmt, "residue F1, " + label, s, x -> fixed(m.apply(x).f1(), 3));
        row(sb, fmt, "residue MCC, " + label, s, x -> fixed(m.apply(x).mcc(), 3));
    }

    private static Object[] header(String first, List<EvaluationSummary> s) {
        Object[] out = new Object[s.size() + 1];
        out[0] = first;
        for (int i = 0; i < s.size(); i++) {
            out[i + 1] = s.get(i).tool();
        }
        return out;
    }

    private static void row(StringBuilder sb, String fmt, String label, List<EvaluationSummary> s,
                            java.util.function.Function<EvaluationSummary, String> value) {
        Object[] cells = new Object[s.size() + 1];
        cells[0] = label;
        for (int i = 0; i < s.size(); i++) {
            cells[i + 1] = value.apply(s.get(i));
        }
        sb.append(String.format(Locale.ROOT, fmt, cells));
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    static String fixed(double v, int digits) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** A distance in Å with two decimals; "inf" when there was no pocket to measure to. */
    private static String distance(double d) {
        return Double.isInfinite(d) ? "inf" : String.format(Locale.ROOT, "%.2f", d);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String csvText(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
