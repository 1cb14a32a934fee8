package org.sparsepocket.lab.train;

/**
 * One row of the learning curve: training loss over the epoch and validation scores after it.
 *
 * @param epoch           1-based epoch number
 * @param updates         optimizer updates made so far in the run
 * @param trainLoss       mean training loss over the epoch's complexes
 * @param valLoss         validation loss (the training loss function, mean over validation complexes)
 * @param valPrAuc        per-atom average precision over all validation atoms
 * @param valRocAuc       per-atom ROC AUC over all validation atoms
 * @param valF1At05       per-atom F1 at probability ≥ 0.5
 * @param bestF1          the highest per-atom F1 over thresholds
 * @param bestF1Threshold the probability threshold giving {@code bestF1}
 * @param learningRate    learning rate used in the epoch
 * @param epochSeconds    wall time of the epoch including validation
 * @param elapsedSeconds  wall time of the run so far (across resumes)
 */
public record EpochResult(int epoch, long updates, double trainLoss, double valLoss, double valPrAuc,
                          double valRocAuc, double valF1At05, double bestF1, double bestF1Threshold,
                          double learningRate, double epochSeconds, double elapsedSeconds) {

    static final String CSV_HEADER = "epoch,updates,train_loss,val_loss,val_pr_auc,val_roc_auc,val_f1_at_0.5,"
            + "val_best_f1,val_best_f1_threshold,learning_rate,epoch_seconds,elapsed_seconds";

    String csvRow() {
        return String.format(java.util.Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.3g,%.1f,%.1f",
                epoch, updates, trainLoss, valLoss, valPrAuc, valRocAuc, valF1At05, bestF1, bestF1Threshold,
                learningRate, epochSeconds, elapsedSeconds);
    }

    static EpochResult parse(String row) {
        String[] f = row.split(",");
        if (f.length != 12) {
            throw new IllegalArgumentException("not a learning-curve row: " + row);
        }
        return new EpochResult(Integer.parseInt(f[0]), Long.parseLong(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]),
                d(f[6]), d(f[7]), d(f[8]), d(f[9]), d(f[10]), d(f[11]));
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
