package org.sparsepocket.surface;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.sparsepocket.PredictionException;

/**
 * The trained point classifier: XGBoost gradient-boosted trees over {@link PointFeatures}, scoring each
 * surface point's chance of lying within 4 Å of a ligand. Loaded once; {@link #score} uses XGBoost's
 * in-place prediction, which is safe to call from several threads.
 */
public final class PointClassifier implements AutoCloseable {

    /** The file name of the classifier inside a surface model folder (XGBoost's UBJSON format). */
    public static final String FILE = "surface-classifier.ubj";

    private final Booster booster;
    private final int columns;

    private PointClassifier(Booster booster, int columns) {
        this.booster = Objects.requireNonNull(booster, "booster");
        this.columns = columns;
    }

    /** Wraps a booster just trained over {@link PointFeatures#COUNT} features. */
    public static PointClassifier of(Booster booster) {
        return of(booster, PointFeatures.COUNT);
    }

    /** Wraps a booster just trained over {@code columns} features. */
    public static PointClassifier of(Booster booster, int columns) {
        checkFeatures(booster, columns, "the booster");
        return new PointClassifier(booster, columns);
    }

    /** Reads a classifier written by {@link #save} over {@link PointFeatures#COUNT} features. */
    public static PointClassifier load(Path file) {
        return load(file, PointFeatures.COUNT);
    }

    /** Reads a classifier written by {@link #save} that takes {@code columns} features (its card says how many). */
    public static PointClassifier load(Path file, int columns) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, columns, file.toString());
        } catch (IOException e) {
            throw new PredictionException(file + ": cannot read the point classifier (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a classifier from a stream (e.g. a class-path resource); {@code origin} names it in errors. */
    public static PointClassifier load(InputStream in, int columns, String origin) {
        try {
            Booster b = XGBoost.loadModel(in);
            checkFeatures(b, columns, origin);
            return new PointClassifier(b, columns);
        } catch (IOException | XGBoostError e) {
            throw new PredictionException(origin + ": cannot read the point classifier (" + e.getMessage() + ")", e);
        }
    }

    private static void checkFeatures(Booster b, int columns, String what) {
        try {
            long n = b.getNumFeature();
            if (n != columns) {
                throw new PredictionException(what + ": the point classifier takes " + n + " features, its card names "
                        + columns);
            }
        } catch (XGBoostError e) {
            throw new PredictionException(what + ": not a point classifier (" + e.getMessage() + ")", e);
        }
    }

    /** Features per point. */
    public int columns() {
        return columns;
    }

    /** Writes the classifier in XGBoost's UBJSON format. */
    public void save(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            booster.saveModel(out, "ubj");
        } catch (IOException | XGBoostError e) {
            throw new PredictionException(file + ": cannot write the point classifier (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The ligandability score (probability) of each of {@code rows} points.
     *
     * @param features row-major, {@link #columns()} values per point
     */
    public float[] score(float[] features, int rows) {
        if (features.length != (long) rows * columns) {
            throw new IllegalArgumentException(features.length + " values for " + rows + " points of "
                    + columns + " features");
        }
        if (rows == 0) {
            return new float[0];
        }
        try {
            float[][] p = booster.inplace_predict(features, rows, columns, Float.NaN);
            float[] out = new float[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = p[i][0];
            }
            return out;
        } catch (XGBoostError e) {
            throw new PredictionException("the point classifier failed on " + rows + " points: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        booster.dispose();
    }
}
