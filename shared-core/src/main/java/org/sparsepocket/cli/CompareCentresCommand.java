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
import org.sparsepocket.eval.CentreComparison;
import org.sparsepocket.eval.EvaluationException;
import org.sparsepocket.eval.EvaluationReport;
import org.sparsepocket.eval.EvaluationSummary;
import org.sparsepocket.eval.Evaluator;
import org.sparsepocket.eval.TunedCard;
import org.sparsepocket.eval.Tuner;
import org.sparsepocket.pockets.PocketCentre;
import org.sparsepocket.pockets.PocketSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket compare-centres}: DCA and DCC success of several pocket-centre definitions on the same
 * pockets of a validation set whose probabilities are cached, on all proteins and on the two halves by
 * sorted id. Read-only: the network never runs.
 */
@Command(name = "compare-centres", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Compares pocket-centre definitions on a validation set whose probabilities are cached: pockets "
                + "come from the card's tuned settings for the rotation count (with the overrides below), "
                + "clustered and ranked once; only the reported centre differs. Prints DCA/DCC success on "
                + "all proteins and on the halves by sorted id (even, odd positions). Read-only: never runs the "
                + "network or writes the cache."},
        footer = {"", "Example:",
            "  sparsepocket compare-centres ../shared/data/pdbbind-timesplit363 --cache runs/x/tune-cache-r8 \\",
            "      --rotations 8 --centres mean,weighted,cavity"})
public final class CompareCentresCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CachedStudyOptions study = new CachedStudyOptions();

    @Mixin
    RotationOption rotation = new RotationOption();

    @Option(names = "--centres", split = ",", paramLabel = "LIST", completionCandidates = CentreNames.class,
            description = "centre definitions to compare: ${COMPLETION-CANDIDATES} (default: all)")
    List<String> centres;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    public Integer call() {
        List<PocketCentre> centreList = new ArrayList<>();
        try {
            if (centres == null) {
                centreList.addAll(PocketCentre.all());
            } else {
                for (String c : centres) {
                    centreList.add(PocketCentre.byName(c));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CachedStudyOptions.Study loaded = study.load("compare-centres", spec.commandLine(), rotation, output.quiet);
        List<Tuner.Case> cases = loaded.cases();
        PocketSettings settings = loaded.settings();
        int rotations = loaded.rotations();
        int failed = loaded.failed();
        if (cases.isEmpty()) {
            throw new EvaluationException("compare-centres: no cached protein could be evaluated");
        }
        List<CentreComparison.Row> rows = new CentreComparison(Evaluator.standard()).run(cases, settings, centreList);
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.json ? json(settings, rotations, rows) : text(settings, rotations, cases.size(), rows));
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static String text(PocketSettings settings, int rotations, int proteins, List<CentreComparison.Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "pockets: %s (%d orientation%s), %d proteins; halves by sorted id: "
                + "even %d, odd %d%n%n", TunedCard.describe(settings), rotations, rotations == 1 ? "" : "s", proteins,
                rows.get(0).even().proteins(), rows.get(0).odd().proteins()));
        sb.append(String.format(Locale.ROOT, "%-16s %-18s %-18s %-18s %-18s %-18s%n", "centre", "DCA n / n+2",
                "DCC n / n+2", "even DCA n / n+2", "odd DCA n / n+2", "even|odd DCC n"));
        for (CentreComparison.Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-16s %-18s %-18s %-18s %-18s %-18s%n", r.centre().name(),
                    pair(r.all(), "DCA"), pair(r.all(), "DCC"), pair(r.even(), "DCA"), pair(r.odd(), "DCA"),
                    pct(r.even().success("DCC").topN()) + " | " + pct(r.odd().success("DCC").topN())));
        }
        return sb.toString();
    }

    private static String pair(EvaluationSummary s, String criterion) {
        return pct(s.success(criterion).topN()) + " / " + pct(s.success(criterion).topNPlus2());
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String json(PocketSettings settings, int rotations, List<CentreComparison.Row> rows) {
        JsonObject root = new JsonObject();
        root.addProperty("settings", TunedCard.describe(settings));
        root.addProperty("rotations", rotations);
        JsonArray arr = new JsonArray();
        for (CentreComparison.Row r : rows) {
            JsonObject o = new JsonObject();
            o.addProperty("centre", r.centre().name());
            o.add("all", summary(r.all()));
            o.add("even", summary(r.even()));
            o.add("odd", summary(r.odd()));
            arr.add(o);
        }
        root.add("centres", arr);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().serializeSpecialFloatingPointValues().create()
                .toJson(root) + "\n";
    }

    private static JsonObject summary(EvaluationSummary s) {
        return JsonParser.parseString(EvaluationReport.json(List.of(s), List.of())).getAsJsonObject()
                .getAsJsonArray("summaries").get(0).getAsJsonObject();
    }
}
