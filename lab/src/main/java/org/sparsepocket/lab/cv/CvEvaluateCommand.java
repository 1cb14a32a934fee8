package org.sparsepocket.lab.cv;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sparsepocket.PocketOverrides;
import org.sparsepocket.cli.AtomicWrite;
import org.sparsepocket.cli.BatchProgress;
import org.sparsepocket.cli.OutputOptions;
import org.sparsepocket.cli.PocketOptions;
import org.sparsepocket.cli.RotationOption;
import org.sparsepocket.eval.Dataset;
import org.sparsepocket.eval.DatasetEvaluator;
import org.sparsepocket.eval.DatasetItem;
import org.sparsepocket.eval.EvaluationException;
import org.sparsepocket.eval.EvaluationReport;
import org.sparsepocket.eval.EvaluationRun;
import org.sparsepocket.eval.Evaluator;
import org.sparsepocket.eval.ProjectTruthLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket cv-evaluate}: the cross-validated accuracy table. Every protein is predicted by the fold
 * model trained without its fold and scored with the same metrics as {@code evaluate}, so no number is in-sample.
 */
@Command(name = "cv-evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Out-of-fold evaluation: each protein of DATASET is predicted by the --models member trained without its "
                + "fold (--folds) and scored as 'evaluate' scores (DCA/DCC top-n and top-(n+2), residue F1/MCC, "
                + "PR-AUC). One pocket setting for every member: the first member's card, changed by the options.",
            "A fold whose model is still training is given as '-': its proteins are left out and counted on stderr."},
        footer = {"",
            "Example (docs/cross-validation.md):",
            "  sparsepocket cv-evaluate ../shared/data/scpdb995 ../shared/data/dude102 ../shared/data/pdbbind-timesplit363 \\",
            "      --folds training/folds.tsv --models F0/model,F1/model,F2/model,F3/model --cache oof-cache"})
public final class CvEvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATASET", arity = "1..*", description = "dataset folder(s) or dataset file(s)")
    List<Path> datasets;

    @Option(names = "--folds", paramLabel = "FILE", required = true, description = "the fold file (sparsepocket folds)")
    Path foldFile;

    @Option(names = "--models", split = ",", paramLabel = "DIR", required = true,
            description = "one model bundle per fold, in fold order; '-' for a fold without a model yet; 'A+B' for"
                    + " the mean of models A and B (an ensemble; both trained without that fold)")
    List<String> models;

    @Mixin
    PocketOptions pocketOptions = new PocketOptions();

    @Mixin
    RotationOption rotation = new RotationOption();

    @Option(names = "--cache", paramLabel = "DIR", required = true,
            description = "per-protein probability cache, one per member (shared with 'tune --folds')")
    Path cache;

    @Option(names = "--csv", paramLabel = "FILE", description = "write the per-protein results to FILE")
    Path csv;

    @Option(names = "--threads", description = "proteins evaluated in parallel (default: all cores)")
    Integer threads;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    public Integer call() {
        rotation.check(spec.commandLine());
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be ≥ 1, got " + threads);
        }
        PocketOverrides overrides;
        try {
            overrides = pocketOptions.overrides();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Folds folds = Folds.read(foldFile);
        List<DatasetItem> items = new ArrayList<>();
        for (Path d : datasets) {
            items.addAll(Dataset.of(d));
        }
        PrintWriter err = spec.commandLine().getErr();
        try (OutOfFold oof = OutOfFold.open(folds, OutOfFold.memberPaths(models), rotation::open, cache)) {
            List<DatasetItem> covered = oof.covered(items, "cv-evaluate", err, output.quiet);
            if (covered.isEmpty()) {
                throw new EvaluationException(foldFile + ": no protein of the datasets is in a fold with a model");
            }
            DatasetEvaluator runner = new DatasetEvaluator(ProjectTruthLoader.standard(), Evaluator.standard(),
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads);
            BatchProgress progress = new BatchProgress(err, "cv-evaluate", output.quiet);
            EvaluationRun run = runner.run(covered, oof.source(overrides.applyTo(oof.recommendedSettings())),
                    (done, total, id, error) -> progress.update(done, total));
            return report(run);
        }
    }

    private int report(EvaluationRun run) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (EvaluationRun.Failure f : run.failures()) {
            err.println("error: " + f.message());
        }
        if (csv != null) {
            try {
                AtomicWrite.text(csv, EvaluationReport.proteinCsv(run.evaluator().criteria(), run.evaluations()));
            } catch (IOException e) {
                throw new EvaluationException(csv + ": cannot write (" + e.getMessage() + ")", e);
            }
        }
        out.print(output.json ? EvaluationReport.json(List.of(run.summary()), run.failures())
                : EvaluationReport.table(List.of(run.summary())));
        out.flush();
        err.flush();
        return run.failures().isEmpty() ? 0 : 1;
    }
}
