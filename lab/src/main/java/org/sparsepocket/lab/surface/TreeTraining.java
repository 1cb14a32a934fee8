package org.sparsepocket.lab.surface;

import java.util.LinkedHashMap;
import java.util.Map;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.sparsepocket.PredictionException;

/**
 * How the point classifier's trees are trained (XGBoost, binary logistic, histogram method): one place for the
 * parameters that {@code surface-train} and {@code surface-cv} share and the cards record.
 */
record TreeTraining(int trees, int depth, double eta, long seed, int threads) {

    /** XGBoost4J's version (the jar carries none we can read portably). */
    static final String LIBRARY = "xgboost4j 3.0.4";

    /** The library's parameters, as the card records them. */
    Map<String, Object> parameters() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "binary:logistic");
        params.put("tree_method", "hist");
        params.put("max_depth", depth);
        params.put("eta", eta);
        params.put("subsample", 0.8);
        params.put("colsample_bytree", 0.8);
        params.put("min_child_weight", 1);
        params.put("nthread", threads);
        params.put("seed", seed);
        params.put("eval_metric", "aucpr");
        return params;
    }

    /** Trains on {@code rows} points of {@code columns} features (row-major) with 0/1 labels. */
    Booster train(float[] features, float[] labels, int rows, int columns) {
        try {
            DMatrix m = new DMatrix(features, rows, columns, Float.NaN);
            try {
                m.setLabel(labels);
                return XGBoost.train(m, parameters(), trees, new LinkedHashMap<>(), null, null);
            } finally {
                m.dispose();
            }
        } catch (XGBoostError e) {
            throw new PredictionException("XGBoost failed: " + e.getMessage(), e);
        }
    }
}
