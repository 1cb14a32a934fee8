package org.sparsepocket.spark;

import org.sparsepocket.PocketPredictor;
import org.sparsepocket.runtime.EngineThreads;

/**
 * The one loaded model of this JVM (a Spark executor, or the driver in local mode). Every task on the
 * executor shares it: the predictor is thread-safe, the network's weights take memory once, and the
 * PyTorch natives are loaded once. Created on the first task that needs it, closed when the JVM exits.
 */
final class ExecutorModel {

    private static PocketPredictor predictor;
    private static JobSettings.ModelKey loadedKey;
    private static boolean hookAdded;

    private ExecutorModel() {
    }

    /**
     * The predictor for these settings, loading it on first use. A later job with another model (same
     * executor JVM, e.g. a notebook session) replaces it.
     *
     * @param threadsPerTask PyTorch threads of each task (spark.task.cpus)
     * @throws org.sparsepocket.PredictionException when the model cannot be loaded
     */
    static synchronized PocketPredictor get(JobSettings settings, int threadsPerTask) {
        JobSettings.ModelKey key = settings.modelKey();
        if (predictor == null || !key.equals(loadedKey)) {
            if (predictor != null) {
                predictor.close();
                predictor = null;
            }
            // Executors never download an engine: the natives ship in the job's jar (docs/spark.md).
            if (System.getProperty("ai.djl.offline") == null) {
                System.setProperty("ai.djl.offline", "true");
            }
            // PyTorch's default thread count, before its engine starts: one task per core runs at a
            // time, so more intra-op threads per task would only contend (the user's choice stands).
            if (System.getProperty(EngineThreads.THREADS_PROPERTY) == null && System.getenv("OMP_NUM_THREADS") == null) {
                System.setProperty(EngineThreads.THREADS_PROPERTY, Integer.toString(threadsPerTask));
            }
            EngineThreads.singleInteropThread();
            predictor = settings.open();
            loadedKey = key;
            if (!hookAdded) {
                Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModel::close, "sparsepocket-model-close"));
                hookAdded = true;
            }
        }
        return predictor;
    }

    private static synchronized void close() {
        if (predictor != null) {
            predictor.close();
            predictor = null;
        }
    }
}
