package org.sparsepocket.lab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sparsepocket.features.FeatureMatrix;
import org.sparsepocket.model.ComplexInput;
import org.sparsepocket.model.PocketNetwork;
import org.sparsepocket.model.Rotations;

/**
 * The training loop: {@link TrainingSettings#batch()} complexes per forward/backward pass and AdamW
 * update (each randomly rotated and re-quantized every epoch), validation after every epoch, early
 * stopping on the validation loss, checkpoints every N updates and at every epoch end.
 *
 * <p>Files in the run folder: {@code learning_curve.csv}, {@code checkpoint.sptk} (latest, resumable)
 * and {@code best.params} (the network's parameters at the lowest validation loss so far).
 *
 * <p>All randomness is a function of (seed, epoch, position): the epoch's order, each complex's
 * rotation and the dropout masks of each pass. A resumed run therefore continues exactly as the
 * uninterrupted run would have (same thread count assumed: PyTorch's CPU kernels are deterministic
 * for a fixed number of threads).
 */
public final class Trainer {

    /** Runtime choices that do not change the result. */
    public record Runtime(Path runDir, int checkpointEvery, double timeBudgetSeconds, PrintStream progress,
                          double progressIntervalSeconds) {
        public Path checkpoint() {
            return runDir.resolve("checkpoint.sptk");
        }

        public Path bestParams() {
            return runDir.resolve("best.params");
        }

        public Path curve() {
            return runDir.resolve("learning_curve.csv");
        }
    }

    /** How a run ended. */
    public enum Outcome { EARLY_STOPPED, MAX_EPOCHS, TIME_BUDGET, STEP_LIMIT }

    /** What the run did, for the model card. */
    public record Report(Outcome outcome, TrainingState state, List<EpochResult> curve) {
    }

    private final TrainingSettings settings;
    private final Runtime runtime;
    private final PocketNetwork network;
    private final AdamW optimizer;
    private long stepLimit = Long.MAX_VALUE;

    public Trainer(TrainingSettings settings, Runtime runtime, PocketNetwork network) {
        this.settings = settings;
        this.runtime = runtime;
        this.network = network;
        this.optimizer = new AdamW(settings.optimizer(), List.copyOf(network.parameters().values()), network.manager());
    }

    /**
     * A trainer that only makes single updates ({@link #step}), e.g. to time them; {@link #train} needs the
     * run folder of the other constructor.
     */
    public Trainer(TrainingSettings settings, PocketNetwork network) {
        this(settings, null, network);
    }

    /** Stops after this many optimizer updates in this call (for measurements and tests). */
    public Trainer limitUpdates(long updates) {
        this.stepLimit = updates;
        return this;
    }

    /** The engine seed that makes a run's initial weights repeatable ({@link PocketNetwork#create}). */
    public static long initializationSeed(long seed) {
        return (int) Seeds.mix(seed, -1);
    }

    /**
     * Trains from the start, or from {@link Runtime#checkpoint()} when {@code resume} is set.
     *
     * @throws IllegalStateException when the loss becomes non-finite, or a checkpoint belongs to
     *                               other settings
     */
    public Report train(List<TrainingComplex> train, List<TrainingComplex> validation, boolean resume) {
        if (runtime == null) {
            throw new IllegalStateException("this trainer was made for single steps: it has no run folder");
        }
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("training and validation sets must not be empty");
        }
        LearningCurve curve = new LearningCurve(runtime.curve());
        TrainingState state;
        if (resume) {
            state = Checkpoint.restore(runtime.checkpoint(), network.block(), optimizer, network.manager());
            if (!state.settingsHash().equals(settings.hash())) {
                throw new IllegalStateException(runtime.checkpoint() + " was written with other training settings;"
                        + " resume with the original command or start a new run folder");
            }
            curve.truncateAfter(state.epoch() - 1);
        } else {
            state = TrainingState.start(settings.hash());
            curve.truncateAfter(0);
        }
        boolean gradMode = Autograd.isGradMode();
        Autograd.setGradMode(false);
        try {
            return loop(train, validation, state, curve);
        } finally {
            Autograd.setGradMode(gradMode);
        }
    }

    private Report loop(List<TrainingComplex> train, List<TrainingComplex> validation, TrainingState state,
                        LearningCurve curve) {
        int n = train.size();
        long clockStart = System.nanoTime();
        double elapsedBefore = state.elapsedSeconds();
        ProgressReporter progress = new ProgressReporter(runtime.progress(), runtime.progressIntervalSeconds());
        long updatesThisCall = 0;
        int epoch = state.epoch();
        int position = state.position();
        long updates = state.updates();
        double epochLoss = state.epochLossSum();
        double bestLoss = state.bestValLoss();
        int bestEpoch = state.bestEpoch();
        int badEpochs = state.badEpochs();
        double epochStartElapsed = elapsedBefore;
        double lastEpochSeconds = 0;

        while (epoch <= settings.maxEpochs()) {
            int[] order = permutation(n, Seeds.mix(settings.seed(), epoch, 1));
            double lr = settings.learningRate(epoch);
            while (position < n) {
                int end = Math.min(n, position + settings.batch());
                List<TrainingComplex> batch = new ArrayList<>(end - position);
                List<ComplexInput> inputs = new ArrayList<>(end - position);
                for (int k = position; k < end; k++) {
                    TrainingComplex c = train.get(order[k]);
                    batch.add(c);
                    inputs.add(augmented(settings.seed(), settings.rotate(), epoch, order[k], c));
                }
                seedDropout(settings.seed(), epoch, position);
                double loss = step(inputs, labels(batch), lr);
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("training loss became " + loss + " at epoch " + epoch
                            + ", complexes " + batch.stream().map(TrainingComplex::id).toList()
                            + "; lower the learning rate or resume from the last checkpoint");
                }
                updates++;
                updatesThisCall++;
                epochLoss += loss * batch.size();
                position = end;
                double elapsed = elapsedBefore + (System.nanoTime() - clockStart) / 1e9;
                progress.step(epoch, settings.maxEpochs(), position, n, batch.size(), loss, updates,
                        (double) (settings.maxEpochs() - epoch) * n, runtime.timeBudgetSeconds() - elapsed);
                boolean lastOfEpoch = position == n;
                if (!lastOfEpoch && (updates % runtime.checkpointEvery() == 0 || updatesThisCall >= stepLimit)) {
                    Checkpoint.save(runtime.checkpoint(), new TrainingState(epoch, position, updates, epochLoss,
                            bestLoss, bestEpoch, badEpochs, elapsed, settings.hash()), network.block(), optimizer);
                }
                if (updatesThisCall >= stepLimit && !lastOfEpoch) {
                    return new Report(Outcome.STEP_LIMIT, new TrainingState(epoch, position, updates, epochLoss,
                            bestLoss, bestEpoch, badEpochs, elapsed, settings.hash()), curve.read());
                }
            }
            // Epoch done: validate, log, select, checkpoint.
            Validation.Scores v = Validation.run(network, validation, settings.loss());
            double elapsed = elapsedBefore + (System.nanoTime() - clockStart) / 1e9;
            lastEpochSeconds = elapsed - epochStartElapsed;
            epochStartElapsed = elapsed;
            EpochResult row = new EpochResult(epoch, updates, epochLoss / n, v.loss(), v.prAuc(), v.rocAuc(),
                    v.f1At05(), v.bestF1(), v.bestF1Threshold(), lr, lastEpochSeconds, elapsed);
            curve.append(row);
            runtime.progress().printf(java.util.Locale.ROOT,
                    "epoch %d done: train loss %.5f, validation loss %.5f, PR-AUC %.4f, ROC-AUC %.4f, F1@0.5 %.4f, best F1 %.4f @ %.3f (%s)%n",
                    epoch, row.trainLoss(), v.loss(), v.prAuc(), v.rocAuc(), v.f1At05(), v.bestF1(), v.bestF1Threshold(),
                    ProgressReporter.duration(lastEpochSeconds));
            // Published rule: improvement = validation loss lower than the best, compared at 5 decimals.
            if (settings.lastEpoch() || Math.round(v.loss() * 1e5) < Math.round(bestLoss * 1e5) || bestEpoch == 0) {
                bestLoss = v.loss();
                bestEpoch = epoch;
                badEpochs = 0;
                saveParams(runtime.bestParams());
            } else {
                badEpochs++;
            }
            epoch++;
            position = 0;
            epochLoss = 0;
            TrainingState next = new TrainingState(epoch, 0, updates, 0, bestLoss, bestEpoch, badEpochs, elapsed,
                    settings.hash());
            Checkpoint.save(runtime.checkpoint(), next, network.block(), optimizer);
            if (badEpochs >= settings.patience()) {
                return new Report(Outcome.EARLY_STOPPED, next, curve.read());
            }
            if (epoch <= settings.maxEpochs() && elapsed + lastEpochSeconds > runtime.timeBudgetSeconds()) {
                runtime.progress().printf("stopping: another epoch (≈%s) would exceed the time budget of %s%n",
                        ProgressReporter.duration(lastEpochSeconds), ProgressReporter.duration(runtime.timeBudgetSeconds()));
                return new Report(Outcome.TIME_BUDGET, next, curve.read());
            }
            if (updatesThisCall >= stepLimit) {
                return new Report(Outcome.STEP_LIMIT, next, curve.read());
            }
        }
        return new Report(Outcome.MAX_EPOCHS, new TrainingState(epoch, 0, updates, 0, bestLoss, bestEpoch, badEpochs,
                elapsedBefore + (System.nanoTime() - clockStart) / 1e9, settings.hash()), curve.read());
    }

    /**
     * Complex {@code index} of the training list as the trainer feeds it in {@code epoch}: rotated by
     * that epoch's draw for it when the run rotates (re-quantized by the network's batching).
     */
    static ComplexInput augmented(long seed, boolean rotate, int epoch, int index, TrainingComplex c) {
        double[] xyz = c.xyz();
        if (rotate) {
            xyz = Rotations.apply(RandomRotation.draw(new SplittableRandom(Seeds.mix(seed, epoch, 2, index))), xyz);
        }
        return new ComplexInput(xyz, new FeatureMatrix(c.atomCount(), c.features()));
    }

    /** Fixes the dropout masks of the pass that starts at {@code position} of {@code epoch}. */
    static void seedDropout(long seed, int epoch, int position) {
        Engine.getInstance().setRandomSeed((int) Seeds.mix(seed, epoch, 3, position));
    }

    /**
     * One optimizer update, the one training makes for every batch: forward pass over the complexes as one
     * sparse tensor (batch index as a coordinate, so batch norm sees all their voxels), the settings' loss
     * (focal loss), backward pass, then an AdamW step at {@code learningRate}. A non-finite loss makes no
     * update (the gradients are dropped) and is returned for the caller to report.
     *
     * @param labels one 0/1 label per atom, the complexes' atoms in order
     * @return the batch's loss before the update
     */
    public double step(List<ComplexInput> inputs, float[] labels, double learningRate) {
        double loss;
        try (NDManager step = network.manager().newSubManager();
             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = network.atomLogits(step, network.batch(inputs), true);
            NDArray value = settings.loss().compute(logits, step.create(labels));
            loss = value.getFloat();
            gc.backward(value);
        }
        if (Double.isFinite(loss)) {
            optimizer.step(learningRate);
        } else {
            optimizer.zeroGradients();
        }
        return loss;
    }

    private static float[] labels(List<TrainingComplex> batch) {
        int atoms = 0;
        for (TrainingComplex c : batch) {
            atoms += c.atomCount();
        }
        float[] labels = new float[atoms];
        int offset = 0;
        for (TrainingComplex c : batch) {
            for (byte y : c.labels()) {
                labels[offset++] = y;
            }
        }
        return labels;
    }

    /**
     * Sets the output bias to the log-odds of the training set's binding-site rate (the "prior"
     * initialization of Lin et al.'s focal-loss paper), so training starts at the base rate instead
     * of spending its first hundreds of updates pulling every probability down from about 0.5.
     */
    public static void initializeOutputBias(PocketNetwork network, double positiveRate) {
        if (!(positiveRate > 0 && positiveRate < 1)) {
            throw new IllegalArgumentException("positive rate must be in (0, 1), got " + positiveRate);
        }
        ai.djl.nn.Parameter bias = null;
        for (var p : network.parameters()) {
            if (p.getKey().contains("head") && p.getValue().getType() == ai.djl.nn.Parameter.Type.BIAS) {
                bias = p.getValue();
            }
        }
        if (bias == null) {
            throw new IllegalStateException("the network has no output bias");
        }
        float logit = (float) Math.log(positiveRate / (1 - positiveRate));
        bias.getArray().set(new float[] {logit});
    }

    private void saveParams(Path file) {
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "best", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
                network.block().saveParameters(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    public AdamW optimizer() {
        return optimizer;
    }
}
