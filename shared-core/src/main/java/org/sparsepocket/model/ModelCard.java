package org.sparsepocket.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.sparsepocket.PredictionException;
import org.sparsepocket.features.AtomFeatures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable card saved next to a model's weights ({@code model.json}): everything needed
 * to rebuild the network and to check that it fits this code, plus free-form provenance and metrics
 * that training fills in (data and hashes, split, seed, hyperparameters, versions, wall time, scores).
 *
 * @param formatVersion card format, {@link #FORMAT_VERSION} for cards written by this code
 * @param name          model name
 * @param architecture  the network configuration the weights belong to
 * @param featureNames  the per-atom feature schema, in input order
 * @param voxelSize     grid spacing in Å the model was trained with
 * @param labelRule     how training labelled atoms, in words
 * @param threshold     probability above which an atom counts as binding, or null if not chosen
 * @param pockets       pocket settings tuned on the validation set for this model, or null if not tuned
 *                      (cards written before tuning existed have none; they stay loadable)
 * @param provenance    free-form text facts (data, hashes, command, versions, ...)
 * @param metrics       free-form numbers (validation PR-AUC, F1, epochs, wall time, ...)
 * @param rotations     orientations inference averages the probabilities over ({@link RotationAveraging}),
 *                      or null for one (the plain prediction; cards written before this existed have none)
 * @param tunedByRotations pocket settings tuned for other (or the same) rotation counts, keyed by the count:
 *                      a prediction averaged over N orientations uses the entry for N when there is one,
 *                      else {@code pockets}; {@code rotations} + {@code pockets} stay the default (empty
 *                      when absent: cards written before this existed have none)
 * @param featurization the {@link FeatureProfile} the model's inputs are made with, by its card name, or null
 *                      for {@link FeatureProfile#STANDARD} (cards written before this existed have none)
 */
public record ModelCard(int formatVersion, String name, NetworkConfig architecture, List<String> featureNames,
                        double voxelSize, String labelRule, Double threshold, PocketDefaults pockets,
                        Map<String, String> provenance, Map<String, Double> metrics,
                        Integer rotations, Map<Integer, TunedPockets> tunedByRotations, String featurization) {

    /**
     * Pocket settings tuned for probabilities averaged over one rotation count, with the validation scores
     * that chose them.
     *
     * @param pockets    the tuned settings
     * @param validation the winning settings' validation scores (same keys as the card's
     *                   {@code validation_*} metrics), empty if unknown
     * @param command    the tuning command line, or null
     */
    public record TunedPockets(PocketDefaults pockets, Map<String, Double> validation, String command) {
        public TunedPockets {
            if (pockets == null) {
                throw new IllegalArgumentException("tuned entry without pocket settings");
            }
            validation = validation == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new TreeMap<>(validation));
        }
    }

    /**
     * The clustering and ranking settings {@code sparsepocket tune --apply} chose for this model on the
     * validation set. Plain values (not the pockets package's types): the model layer does not depend on
     * the stages after it.
     *
     * @param threshold      atoms with probability ≥ threshold are clustered
     * @param eps            DBSCAN radius, Å
     * @param minAtoms       DBSCAN minimum points
     * @param scorer         pocket scorer name (e.g. "sum")
     * @param weightedCentre whether pocket centres are probability-weighted
     * @param splitAbove     pockets of more atoms are split at rising thresholds (0 = never)
     */
    public record PocketDefaults(double threshold, double eps, int minAtoms, String scorer, boolean weightedCentre,
                                 int splitAbove) {
        public PocketDefaults {
            if (!(threshold >= 0 && threshold <= 1) || !(eps > 0) || minAtoms < 1 || scorer == null || scorer.isBlank()
                    || splitAbove < 0) {
                throw new IllegalArgumentException("invalid tuned pocket settings: threshold " + threshold + ", eps "
                        + eps + ", minimum atoms " + minAtoms + ", scorer " + scorer + ", split above " + splitAbove);
            }
        }
    }

    public static final int FORMAT_VERSION = 1;
    /** The only grid this code's featurization and pocket geometry are written for. */
    public static final double SUPPORTED_VOXEL_SIZE = 1.0;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    public ModelCard {
        featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
        provenance = provenance == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(provenance));
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
        if (rotations != null) {
            TestTimeRotations.check(rotations);
        }
        TreeMap<Integer, TunedPockets> tuned = new TreeMap<>();
        if (tunedByRotations != null) {
            tunedByRotations.forEach((n, t) -> {
                if (n == null || t == null) {
                    throw new IllegalArgumentException("tunedByRotations has an empty entry");
                }
                tuned.put(TestTimeRotations.check(n), t);
            });
        }
        tunedByRotations = java.util.Collections.unmodifiableMap(tuned);
        FeatureProfile.forCardName(featurization);
    }

    /** The profile the model's inputs are made with. */
    public FeatureProfile featureProfile() {
        return FeatureProfile.forCardName(featurization);
    }

    /** A copy whose inputs are made with {@code profile} (STANDARD is written as no field, as before). */
    public ModelCard withFeatureProfile(FeatureProfile profile) {
        return new ModelCard(formatVersion, name, architecture, featureNames, voxelSize, labelRule, threshold,
                pockets, provenance, metrics, rotations, tunedByRotations,
                profile == FeatureProfile.STANDARD ? null : profile.cardName());
    }

    /**
     * The pocket settings for probabilities averaged over {@code n} orientations: the entry tuned for
     * {@code n} if the card has one, else the default {@link #pockets()} (possibly null: untuned).
     */
    public PocketDefaults pocketsFor(int n) {
        TunedPockets t = tunedByRotations.get(n);
        return t != null ? t.pockets() : pockets;
    }

    /**
     * The rotation count of the accurate mode: the most rotations this card has tuned settings for (or its
     * default count, if larger); {@link TestTimeRotations#ACCURATE} when neither exceeds one.
     */
    public int accurateRotations() {
        int most = inferenceRotations();
        for (int n : tunedByRotations.keySet()) {
            most = Math.max(most, n);
        }
        return most > 1 ? most : TestTimeRotations.ACCURATE;
    }

    /** A copy whose entry for {@code n} rotations is {@code tuned} (added or replaced); the default stays. */
    public ModelCard withTunedFor(int n, TunedPockets tuned) {
        Map<Integer, TunedPockets> more = new TreeMap<>(tunedByRotations);
        more.put(TestTimeRotations.check(n), java.util.Objects.requireNonNull(tuned, "tuned"));
        return new ModelCard(formatVersion, name, architecture, featureNames, voxelSize, labelRule, threshold,
                pockets, provenance, metrics, rotations, more, featurization);
    }

    /** How many orientations inference averages over: the card's value, 1 when it has none. */
    public int inferenceRotations() {
        return rotations == null ? 1 : rotations;
    }

    /** A copy whose inference averages over {@code n} orientations. */
    public ModelCard withRotations(int n) {
        return new ModelCard(formatVersion, name, architecture, featureNames, voxelSize, labelRule, threshold,
                pockets, provenance, metrics, TestTimeRotations.check(n), tunedByRotations, featurization);
    }

    /** A card for a network of this code's feature schema, without provenance or metrics yet. */
    public static ModelCard of(String name, NetworkConfig architecture, String labelRule) {
        return new ModelCard(FORMAT_VERSION, name, architecture, AtomFeatures.NAMES, architecture.voxelSize(),
                labelRule, null, null, Map.of(), Map.of(), null, Map.of(), null);
    }

    public ModelCard withThreshold(double newThreshold) {
        return new ModelCard(formatVersion, name, architecture, featureNames, voxelSize, labelRule, newThreshold,
                pockets, provenance, metrics, rotations, tunedByRotations, featurization);
    }

    /** A copy carrying these tuned pocket settings. */
    public ModelCard withPockets(PocketDefaults tuned) {
        return new ModelCard(formatVersion, name, architecture, featureNames, voxelSize, labelRule, threshold,
                tuned, provenance, metrics, rotations, tunedByRotations, featurization);
    }

    /** A copy with these entries added to (or replacing those in) the provenance. */
    public ModelCard withProvenance(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(provenance);
        merged.putAll(more);
        return new ModelCard(formatVersion, name, architecture, featureNames, voxelSize, labelRule, threshold,
                pockets, merged, metrics, rotations, tunedByRotations, featurization);
    }

    /** A copy with these entries added to (or replacing those in) the metrics. */
    public ModelCard withMetrics(Map<String, Double> more) {
        Map<String, Double> merged = new LinkedHashMap<>(metrics);
        merged.putAll(more);
        return new ModelCard(formatVersion, name, architecture, featureNames, voxelSize, labelRule, threshold,
                pockets, provenance, merged, rotations, tunedByRotations, featurization);
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * Reads a card file (a bundle's {@code model.json}).
     *
     * @throws IOException        when the file cannot be read
     * @throws PredictionException when the text is not a valid card
     */
    public static ModelCard read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses a card.
     *
     * @param source names the card in error messages (a path or resource)
     * @throws PredictionException when the text is not a valid card
     */
    public static ModelCard fromJson(String json, String source) {
        try {
            ModelCard card = GSON.fromJson(json, ModelCard.class);
            if (card == null || card.architecture() == null) {
                throw new PredictionException(source + ": model card has no architecture");
            }
            return card;
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new PredictionException(source + ": invalid model card: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Gson wraps what a record's constructor throws (an invalid value) in a plain RuntimeException.
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            if (cause instanceof IllegalArgumentException) {
                throw new PredictionException(source + ": invalid model card: " + cause.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * Checks that a model with this card can run on this code: same feature schema, a supported
     * voxel size, and a readable format.
     *
     * @throws PredictionException naming the source and the first mismatch
     */
    public void checkCompatible(String source) {
        if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
            throw new PredictionException(source + ": model card format " + formatVersion
                    + " is not readable by this version (reads 1.." + FORMAT_VERSION + ")");
        }
        if (architecture.inputFeatures() != AtomFeatures.COUNT) {
            throw new PredictionException(source + ": model expects " + architecture.inputFeatures()
                    + " atom features, this version computes " + AtomFeatures.COUNT);
        }
        if (!featureNames.equals(AtomFeatures.NAMES)) {
            throw new PredictionException(source + ": model feature schema " + featureNames
                    + " differs from this version's " + AtomFeatures.NAMES);
        }
        if (voxelSize != architecture.voxelSize() || voxelSize != SUPPORTED_VOXEL_SIZE) {
            throw new PredictionException(source + ": model voxel size " + voxelSize + " Å (architecture "
                    + architecture.voxelSize() + " Å) differs from the supported " + SUPPORTED_VOXEL_SIZE + " Å");
        }
    }
}
