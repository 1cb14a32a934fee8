package org.sparsepocket.lab.train;

import java.util.Objects;

/**
 * The choices that shape a training run's result (everything else — paths, threads, logging — is
 * runtime detail). Immutable; {@link #hash()} identifies a run for resuming.
 *
 * @param seed            fixes initialization, shuffling, rotations and dropout
 * @param maxEpochs       upper bound on epochs
 * @param patience        stop after this many epochs without a lower validation loss (published: 12)
 * @param batch           complexes per forward pass and optimizer update (one sparse tensor; published: 80)
 * @param optimizer       AdamW hyperparameters
 * @param cosineSchedule  decay the learning rate to 0 by a half cosine over {@code maxEpochs}
 *                        (published: constant)
 * @param loss            the focal loss
 * @param labels          the label rule
 * @param rotate          random rotation augmentation (published: on, 24 cube rotations; here uniform)
 * @param priorBias       start the output bias at the log-odds of the training set's binding-site rate
 *                        (published: default initialization; never applied to warm-started weights)
 * @param init            warm start: the model bundle whose weights the run starts from (null: random
 *                        initialization from the seed)
 * @param lastEpoch       keep the last epoch's weights instead of the lowest validation loss's (cross-validation:
 *                        the held-out fold must not choose the epoch); no early stopping then
 */
public record TrainingSettings(long seed, int maxEpochs, int patience, int batch, AdamW.Settings optimizer,
                               boolean cosineSchedule, FocalLoss loss, LabelRule labels, boolean rotate,
                               boolean priorBias, WarmStart init, boolean lastEpoch) {

    /** The published recipe. */
    public static final TrainingSettings PUBLISHED = new TrainingSettings(
            1, 100, 12, 80, AdamW.Settings.PUBLISHED, false, FocalLoss.PUBLISHED, LabelRule.DEFAULT, true, false);

    /** Settings of a run from random initialization. */
    public TrainingSettings(long seed, int maxEpochs, int patience, int batch, AdamW.Settings optimizer,
                            boolean cosineSchedule, FocalLoss loss, LabelRule labels, boolean rotate, boolean priorBias) {
        this(seed, maxEpochs, patience, batch, optimizer, cosineSchedule, loss, labels, rotate, priorBias, null, false);
    }

    public TrainingSettings {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(labels, "labels");
        if (maxEpochs < 1 || patience < 1 || batch < 1) {
            throw new IllegalArgumentException("epochs, patience and batch must be at least 1");
        }
    }

    /** Learning rate during an epoch (1-based). */
    public double learningRate(int epoch) {
        if (!cosineSchedule) {
            return optimizer.learningRate();
        }
        double progress = (epoch - 1) / (double) maxEpochs;
        return optimizer.learningRate() * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    /** The same settings starting from these weights (null: random initialization). */
    public TrainingSettings withInit(WarmStart newInit) {
        return new TrainingSettings(seed, maxEpochs, patience, batch, optimizer, cosineSchedule, loss, labels, rotate,
                priorBias, newInit, lastEpoch);
    }

    /** The same settings keeping the last epoch (true) or the lowest validation loss (false). */
    public TrainingSettings withLastEpoch(boolean last) {
        return new TrainingSettings(seed, maxEpochs, patience, batch, optimizer, cosineSchedule, loss, labels, rotate,
                priorBias, init, last);
    }

    /**
     * Hash of what a resumed run must keep (max epochs only counts with the cosine schedule). A warm
     * start adds its weights' SHA-256 (not the path: the same weights elsewhere are the same run);
     * runs from random initialization keep the hash they always had, so their checkpoints resume.
     */
    public String hash() {
        String base = String.join("|", Long.toString(seed), Integer.toString(batch), optimizer.toString(),
                Boolean.toString(cosineSchedule), cosineSchedule ? Integer.toString(maxEpochs) : "-",
                loss.toString(), labels.toString(), Boolean.toString(rotate), Boolean.toString(priorBias));
        String withInit = init == null ? base : base + "|init=" + init.weightsSha256();
        // runs that keep the best epoch keep the hash they always had
        return Hashes.sha256(lastEpoch ? withInit + "|last-epoch" : withInit);
    }
}
