package org.sparsepocket.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sparsepocket.eval.EvaluationException;
import org.sparsepocket.eval.EvaluationReport;
import org.sparsepocket.eval.EvaluationSummary;
import org.sparsepocket.eval.Evaluator;
import org.sparsepocket.eval.LearnedRanking;
import org.sparsepocket.eval.TunedCard;
import org.sparsepocket.eval.Tuner;
import org.sparsepocket.pockets.LinearPocketScorer;
import org.sparsepocket.pockets.PocketDescriptors;
import org.sparsepocket.pockets.PocketSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket learn-ranking}: cross-validates the learned pocket scorer on a validation set whose
 * network probabilities are already cached (by {@code tune} or {@code evaluate --cache}); the network never
 * runs. Prints the out-of-fold success rates next to the card's tuned scorer on the same pockets, and the
 * weights fitted on all proteins.
 */
@Command(name = "learn-ranking", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Cross-validates the learned pocket scorer (a conditional logit over " + "pocket descriptors) on "
                + "a validation set whose probabilities are cached: pockets come from the card's tuned settings "
                + "for the rotation count; folds split by protein; prints out-of-fold DCA/DCC success and "
                + "residue metrics next to the tuned scorer's on the same pockets, then the weights fitted on "
                + "all proteins. Read-only: never runs the network or writes the cache."},
        footer = {"", "Example:",
            "  sparsepocket learn-ranking ../shared/data/pdbbind-timesplit363 --cache runs/x/tune-cache-r8 \\",
            "      --rotations 8 --ridge 0.3,1,3"})
public final class LearnRankingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CachedStudyOptions study = new CachedStudyOptions();

    @Mixin
    RotationOption rotation = new RotationOption();

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "folds (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the fold assignment (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--ridge", split = ",", paramLabel = "LIST", defaultValue = "1",
            description = "ridge penalties on the standardised weights; one cross-validation each "
                    + "(default: ${DEFAULT-VALUE})")
    List<Double> ridges;

    @Mixin
    OutputOptions output = new OutputOptions();

    /** The all-protein fit ranking the proteins it was fitted on: how much the out-of-fold numbers lose. */
    private EvaluationSummary inSample;

    @Override
    public Integer call() {
        for (double r : ridges) {
            if (!(r >= 0)) {
                throw new ParameterException(spec.commandLine(), "--ridge: penalties must be ≥ 0, got " + r);
            }
        }
        if (folds < 2) {
            throw new ParameterException(spec.commandLine(), "--folds must be ≥ 2, got " + folds);
        }
        CachedStudyOptions.Study loaded = study.load("learn-ranking", spec.commandLine(), rotation, output.quiet);
        List<Tuner.Case> cases = loaded.cases();
        PocketSettings settings = loaded.settings();
        int rotations = loaded.rotations();
        int failed = loaded.failed();
        if (cases.size() < folds) {
            throw new EvaluationException("learn-ranking: " + cases.size() + " cached proteins, fewer than "
                    + folds + " folds");
        }
        Evaluator evaluator = Evaluator.standard();
        LearnedRanking learning = new LearnedRanking(evaluator);
        List<LearnedRanking.Protein> proteins = learning.prepare(cases, settings);
        List<LearnedRanking.CrossValidation> results = new ArrayList<>();
        for (double r : ridges) {
            results.add(learning.crossValidate(proteins, folds, seed, r));
        }
        LinearPocketScorer all = LearnedRanking.fit(proteins, ridges.get(0));
        inSample = learning.evaluate(proteins, all);
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.json ? json(results, all) : text(settings, rotations, cases.size(), results, all));
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private String text(PocketSettings settings, int rotations, int proteins,
                        List<LearnedRanking.CrossValidation> results, LinearPocketScorer all) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "pockets: %s (%d orientation%s), %d proteins, %d-fold CV by protein, "
                + "seed %d%n%n", TunedCard.describe(settings), rotations, rotations == 1 ? "" : "s", proteins, folds,
                seed));
        sb.append(String.format(Locale.ROOT, "%-10s %-22s %9s %11s %9s %11s %9s %9s%n", "ridge", "ranking", "DCA top-n",
                "DCA top-n+2", "DCC top-n", "DCC top-n+2", "F1 top-n", "F1 all"));
        for (int i = 0; i < results.size(); i++) {
            LearnedRanking.CrossValidation cv = results.get(i);
            if (i == 0) {
                line(sb, "-", settings.scorer().name() + " (tuned)", cv.baseline());
            }
            line(sb, String.format(Locale.ROOT, "%g", ridges.get(i)), "learned (out-of-fold)", cv.learned());
        }
        line(sb, String.format(Locale.ROOT, "%g", ridges.get(0)), "learned (in-sample)", inSample);
        sb.append(String.format(Locale.ROOT, "%nweights fitted on all %d proteins (ridge %g), per descriptor "
                + "(raw scale; mean ± sd over the %d folds):%n", proteins, ridges.get(0), folds));
        List<double[]> fw = results.get(0).foldWeights();
        for (int k = 0; k < PocketDescriptors.NAMES.size(); k++) {
            double m = 0, v = 0;
            for (double[] w : fw) {
                m += w[k] / fw.size();
            }
            for (double[] w : fw) {
                v += (w[k] - m) * (w[k] - m) / Math.max(1, fw.size() - 1);
            }
            sb.append(String.format(Locale.ROOT, "  %-30s %9.4f   (%8.4f ± %.4f)%n", PocketDescriptors.NAMES.get(k),
                    all.weights().get(k), m, Math.sqrt(v)));
        }
        sb.append(String.format(Locale.ROOT, "%nout-of-fold table (ridge %g):%n", ridges.get(0)));
        sb.append(EvaluationReport.table(List.of(results.get(0).baseline(), results.get(0).learned())));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String ridge, String name, EvaluationSummary s) {
        sb.append(String.format(Locale.ROOT, "%-10s %-22s %9s %11s %9s %11s %9.3f %9.3f%n", ridge, name,
                pct(s.success("DCA").topN()), pct(s.success("DCA").topNPlus2()), pct(s.success("DCC").topN()),
                pct(s.success("DCC").topNPlus2()), s.residuesTopN().f1(), s.residuesAll().f1()));
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private String json(List<LearnedRanking.CrossValidation> results, LinearPocketScorer all) {
        JsonObject root = new JsonObject();
        JsonArray runs = new JsonArray();
        for (int i = 0; i < results.size(); i++) {
            JsonObject o = new JsonObject();
            o.addProperty("ridge", ridges.get(i));
            o.add("baseline", summary(results.get(i).baseline()));
            o.add("learned", summary(results.get(i).learned()));
            runs.add(o);
        }
        root.add("crossValidation", runs);
        JsonObject w = new JsonObject();
        for (int k = 0; k < PocketDescriptors.NAMES.size(); k++) {
            w.addProperty(PocketDescriptors.NAMES.get(k), all.weights().get(k));
        }
        root.add("weights", w);
        root.add("inSample", summary(inSample));
        return new GsonBuilder().setPrettyPrinting().serializeNulls().serializeSpecialFloatingPointValues().create()
                .toJson(root) + "\n";
    }

    private static JsonObject summary(EvaluationSummary s) {
        return JsonParser.parseString(EvaluationReport.json(List.of(s), List.of())).getAsJsonObject()
                .getAsJsonArray("summaries").get(0).getAsJsonObject();
    }
}
