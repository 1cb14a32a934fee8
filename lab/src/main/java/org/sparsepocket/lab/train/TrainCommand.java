package org.sparsepocket.lab.train;

import org.sparsepocket.cli.SparsePocketCli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.lab.train.AdamW;
import org.sparsepocket.lab.train.ComplexCache;
import org.sparsepocket.lab.train.FocalLoss;
import org.sparsepocket.lab.train.InitialWeights;
import org.sparsepocket.lab.train.LabelRule;
import org.sparsepocket.lab.train.PdbqtComplexFeaturizer;
import org.sparsepocket.lab.train.Trainer;
import org.sparsepocket.lab.train.TrainingRun;
import org.sparsepocket.lab.train.TrainingSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket train}: trains the network on the training sets, selects the epoch with the
 * lowest validation loss, and writes it as a model bundle. Long-running; progress on stderr.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the binding-site network (PUResNetV2.0 recipe) and export the best epoch as a model bundle.",
                "Writes learning_curve.csv, checkpoint.sptk, best.params and run.json into --run; "
                        + "an interrupted run continues with the same command plus --resume."})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR",
            description = "Run folder (logs, checkpoints, best weights); keep it outside the repository.")
    Path runDir;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "Folder holding the default data sets (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--train", paramLabel = "DIR", split = ",",
            description = "Training set folders (default: DATA/scpdb995,DATA/dude102).")
    List<Path> trainSets;

    @Option(names = "--validation", paramLabel = "DIR", split = ",",
            description = "Validation set folders, never trained on (default: DATA/pdbbind-timesplit363).")
    List<Path> validationSets;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Featurized-complex cache (default: ~/.cache/sparsepocket/train).")
    Path cache;

    @Option(names = "--export", paramLabel = "DIR", description = "Model bundle output (default: RUN/model).")
    Path export;

    @Option(names = "--resume", description = "Continue the run in --run from its checkpoint.")
    boolean resume;

    @Option(names = "--init", paramLabel = "BUNDLE",
            description = "Warm start: begin a new run from the weights of this model bundle folder (model.json +"
                    + " weights.params), or 'bundled' for the shipped model, instead of random ones; the optimizer"
                    + " state, epoch count and learning-rate schedule start fresh. Not with --resume (the run"
                    + " remembers it).")
    String init;

    @Option(names = "--export-only", description = "Only write the model bundle of the run's best epoch so far.")
    boolean exportOnly;

    @Option(names = "--epochs", defaultValue = "100", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", defaultValue = "12",
            description = "Early stopping: epochs without a lower validation loss (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--time-budget", paramLabel = "DURATION", converter = DurationSeconds.class,
            description = "Stop at an epoch end when the next epoch would exceed it, e.g. 2h, 90m (default: none).")
    Double timeBudget;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of everything random (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lr", defaultValue = "7.89e-4", description = "AdamW learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--weight-decay", defaultValue = "0.01",
            description = "AdamW decoupled weight decay (default: ${DEFAULT-VALUE}, PyTorch's AdamW default).")
    double weightDecay;

    @Option(names = "--cosine", description = "Half-cosine learning-rate decay over --epochs (default: constant).")
    boolean cosine;

    @Option(names = "--batch", defaultValue = "8",
            description = "Complexes per forward pass and optimizer update (default: ${DEFAULT-VALUE}; published: 80 on a GPU).")
    int batch;

    @Option(names = "--prior-bias", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Start the output bias at the training set's binding-site log-odds (default: on).")
    boolean priorBias;

    @Option(names = "--focal-alpha", defaultValue = "1.0", description = "Focal loss alpha (default: ${DEFAULT-VALUE}).")
    double focalAlpha;

    @Option(names = "--focal-gamma", defaultValue = "0.148021",
            description = "Focal loss gamma (default: ${DEFAULT-VALUE}).")
    double focalGamma;

    @Option(names = "--label-cutoff", defaultValue = "5.0",
            description = "Binding-site label: protein heavy atom within this many Å of a ligand heavy atom (default: ${DEFAULT-VALUE}).")
    double labelCutoff;

    @Option(names = "--no-rotate", description = "Switch off the random-rotation augmentation.")
    boolean noRotate;

    @Option(names = "--width", defaultValue = "1.0",
            description = "Scale every channel count of the published architecture (default: ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--dropout", defaultValue = "0.11", description = "Dropout rate (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--checkpoint-every", defaultValue = "200",
            description = "Checkpoint every N optimizer updates, besides every epoch end (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--limit-train", defaultValue = "0", description = "Use only the first N training complexes.")
    int limitTrain;

    @Option(names = "--limit-validation", defaultValue = "0", description = "Use only the first N validation complexes.")
    int limitValidation;

    @Option(names = "--folds", paramLabel = "FILE",
            description = "Cross-validation: the fold file (sparsepocket folds); trains on every fold but --holdout and"
                    + " validates on it. The sets default to all of DATA's labelled sets.")
    Path foldFile;

    @Option(names = "--holdout", paramLabel = "K", defaultValue = "-1",
            description = "With --folds: the fold held out (0-based).")
    int holdout;

    @Option(names = "--all-folds",
            description = "With --folds: train on every fold (the all-data model that fast mode ships). Nothing is held"
                    + " out: validation only monitors the run, in-sample, on fold 0's complexes; use --last-epoch.")
    boolean allFolds;

    @Option(names = "--last-epoch",
            description = "Export the last epoch instead of the lowest validation loss, and never stop early (what"
                    + " cross-validation needs: the held-out fold must not choose the epoch).")
    boolean lastEpoch;

    @Option(names = "--featurize-threads", defaultValue = "2",
            description = "Threads for reading and featurizing complexes (default: ${DEFAULT-VALUE}).")
    int featurizeThreads;

    @Override
    public Integer call() {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (init != null && (resume || exportOnly)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--init starts a new run; it cannot be"
                    + " combined with " + (resume ? "--resume (a resumed run continues from its checkpoint and keeps"
                    + " the init recorded in its run.json)" : "--export-only"));
        }
        try {
            Path exportDir = export != null ? export : runDir.resolve("model");
            if (exportOnly) {
                double wall = Files.exists(runDir.resolve("checkpoint.sptk"))
                        ? org.sparsepocket.lab.train.Checkpoint.readState(runDir.resolve("checkpoint.sptk")).elapsedSeconds()
                        : Double.NaN;
                TrainingRun.export(runDir, exportDir, wall, err);
                return 0;
            }
            TrainingSettings settings = new TrainingSettings(seed, epochs, patience, batch,
                    new AdamW.Settings(lr, 0.9, 0.999, 1e-8, weightDecay), cosine,
                    new FocalLoss(focalAlpha, focalGamma), new LabelRule(labelCutoff), !noRotate, priorBias)
                    .withLastEpoch(lastEpoch);
            TrainingRun.FoldChoice folds = null;
            if (allFolds && (holdout >= 0 || !lastEpoch)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--all-folds holds nothing out: it takes"
                        + " --last-epoch (an in-sample monitor must not choose the epoch) and no --holdout");
            }
            if (foldFile != null && !allFolds && holdout < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--folds needs --holdout K (a fold model)"
                        + " or --all-folds (the all-data model)");
            }
            if (foldFile != null) {
                org.sparsepocket.lab.cv.Folds f = org.sparsepocket.lab.cv.Folds.read(foldFile);
                folds = allFolds ? TrainingRun.FoldChoice.allData(f) : new TrainingRun.FoldChoice(f, holdout);
            } else if (holdout >= 0 || allFolds) {
                throw new CommandLine.ParameterException(spec.commandLine(), (allFolds ? "--all-folds" : "--holdout")
                        + " needs --folds");
            }
            NetworkConfig p = NetworkConfig.PUBLISHED.widthScaled(width);
            NetworkConfig network = new NetworkConfig(p.inputFeatures(), p.stemPlanes(), p.encoderPlanes(),
                    p.encoderBlocks(), p.decoderPlanes(), p.decoderBlocks(), p.strideKernel(), dropout, p.voxelSize());
            if (init != null) {
                // Read and check the bundle before loading any data: a wrong --init fails in a second.
                InitialWeights w = InitialWeights.read(init);
                w.checkArchitecture(network);
                settings = settings.withInit(w.source());
            }
            List<Path> all = List.of(data.resolve("scpdb995"), data.resolve("dude102"), data.resolve("pdbbind-timesplit363"));
            List<Path> train = trainSets != null ? trainSets
                    : folds != null ? all : List.of(data.resolve("scpdb995"), data.resolve("dude102"));
            List<Path> validation = validationSets != null ? validationSets
                    : folds != null ? all : List.of(data.resolve("pdbbind-timesplit363"));
            Path cacheDir = cache != null ? cache : ComplexCache.defaultRoot();
            String command = "sparsepocket " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            TrainingRun.Options o = new TrainingRun.Options(settings, network, train, validation, cacheDir, runDir,
                    exportDir, checkpointEvery, timeBudget == null ? Double.POSITIVE_INFINITY : timeBudget,
                    limitTrain, limitValidation, featurizeThreads, resume, command, folds);
            Trainer.Report report = TrainingRun.run(o, new PdbqtComplexFeaturizer(settings.labels()), err);
            err.println("done: " + report.outcome());
            return 0;
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            spec.commandLine().getErr().println("error: " + SparsePocketCli.oneLine(m));
            spec.commandLine().getErr().flush();
            return SparsePocketCli.EXIT_FAILURE;
        }
    }

    /** "2h", "90m", "45s", "1h30m" or plain seconds. */
    static final class DurationSeconds implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            if (v.matches("\\d+(\\.\\d+)?")) {
                return Double.parseDouble(v);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)([hms])").matcher(v);
            double total = 0;
            int end = 0;
            while (m.find()) {
                if (m.start() != end) {
                    break;
                }
                double n = Double.parseDouble(m.group(1));
                total += switch (m.group(2)) {
                    case "h" -> n * 3600;
                    case "m" -> n * 60;
                    default -> n;
                };
                end = m.end();
            }
            if (end != v.length() || end == 0) {
                throw new CommandLine.TypeConversionException("not a duration: '" + value + "' (use e.g. 2h, 90m, 1h30m)");
            }
            return total;
        }
    }
}
