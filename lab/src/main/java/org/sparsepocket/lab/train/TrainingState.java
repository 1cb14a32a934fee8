package org.sparsepocket.lab.train;

/**
 * Where a run stands, saved in every checkpoint. Together with the run's seed this fixes all the
 * randomness still to come (see {@link Seeds}), so no generator state needs saving.
 *
 * @param epoch         current epoch, 1-based
 * @param position      complexes of this epoch already trained on (0 = epoch not started)
 * @param updates       optimizer updates made in the run
 * @param epochLossSum  sum of the per-complex training losses so far in this epoch
 * @param bestValLoss   lowest validation loss so far (+∞ before the first validation)
 * @param bestEpoch     epoch that reached it (0 before the first validation)
 * @param badEpochs     epochs since the last improvement (early stopping counter)
 * @param elapsedSeconds wall time spent by the run so far, across resumes
 * @param settingsHash  hash of the settings that shape the result; resuming with others is refused
 */
public record TrainingState(int epoch, int position, long updates, double epochLossSum, double bestValLoss,
                            int bestEpoch, int badEpochs, double elapsedSeconds, String settingsHash) {

    static TrainingState start(String settingsHash) {
        return new TrainingState(1, 0, 0, 0, Double.POSITIVE_INFINITY, 0, 0, 0, settingsHash);
    }
}
