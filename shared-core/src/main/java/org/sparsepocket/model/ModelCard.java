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
 * to rebuild the network and to check that it fits this code, the pocket settings recommended for each
 * prediction mode, plus free-form provenance and metrics that training fills in (data and hashes, split,
 * seed, hyperparameters, versions, wall time, scores). Cards of format 1 are read by {@link LegacyModelCard}.
 *
 * @param formatVersion card format, {@link #FORMAT_VERSION} for cards written by this code
 * @param name          model name
 * @param architecture  the network configuration the weights belong to (its voxel size is the model's)
 * @param featureNames  the per-atom feature schema, in input order
 * @param labelRule     how training labelled atoms, in words
 * @param recommended   the pocket settings for the fast and the accurate mode
 * @param provenance    free-form text facts (data, hashes, command, versions, ...)
 * @param metrics       free-form numbers (validation PR-AUC, F1, epochs, wall time, ...)
 * @param featurization the {@link FeatureProfile} the model's inputs are made with, by its card name, or null
 *                      for {@link FeatureProfile#STANDARD} (cards written before this existed have none)
 */
public record ModelCard(int formatVersion, String name, NetworkConfig architecture, List<String> featureNames,
                        String labelRule, Recommended recommended, Map<String, String> provenance,
                        Map<String, Double> metrics, String featurization) {

    /**
     * One recommended-settings section per mode.
     *
     * @param fast     what a plain prediction uses (its rotation count is the card's default, 1 unless
     *                 tuned otherwise)
     * @param accurate what the accurate mode uses, or null if the card has no settings tuned for it
     */
    public record Recommended(Mode fast, Mode accurate) {
        public Recommended {
            if (fast == null) {
                throw new IllegalArgumentException("recommended settings without a fast mode");
            }
            if (accurate != null && accurate.rotations() == fast.rotations()) {
                throw new IllegalArgumentException("the accurate mode has the fast mode's rotation count "
                        + fast.rotations());
            }
        }
    }

    /**
     * A mode's settings and where they came from.
     *
     * @param rotations  orientations the network's probabilities are averaged over ({@link RotationAveraging})
     * @param pockets    the clustering and ranking settings chosen for probabilities averaged that way; its
     *                   unset values are the code's defaults
     * @param validation the validation scores that chose them (same keys as the card's {@code validation_*}
     *                   metrics), empty if unknown
     * @param command    the tuning command line, or null
     * @param members    the networks this mode averages, as folders of the bundle (relative paths, each a bundle
     *                   of its own: card and weights; e.g. an accurate mode that is the mean of the fold models),
     *                   or empty for the bundle's own network. Cards written before this existed have none.
     */
    public record Mode(int rotations, PocketDefaults pockets, Map<String, Double> validation, String command,
                       List<String> members) {
        public Mode {
            TestTimeRotations.check(rotations);
            pockets = pockets == null ? PocketDefaults.UNSET : pockets;
            validation = validation == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new TreeMap<>(validation));
            members = members == null ? List.of() : List.copyOf(members);
            members.forEach(Mode::checkMember);
        }

        /** A mode of the bundle's own network. */
        public Mode(int rotations, PocketDefaults pockets, Map<String, Double> validation, String command) {
            this(rotations, pockets, validation, command, List.of());
        }

        /** A copy averaging {@code folders} instead. */
        public Mode withMembers(List<String> folders) {
            return new Mode(rotations, pockets, validation, command, folders);
        }

        /** A member is a folder inside the bundle: relative, no way out of it, portable characters only. */
        private static void checkMember(String folder) {
            if (folder == null || !folder.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")
                    || java.util.Arrays.asList(folder.split("/")).contains("..")) {
                throw new IllegalArgumentException("member folder " + folder
                        + " is not a relative folder inside the bundle (letters, digits, . _ - and /)");
            }
        }

        /** Untuned: one orientation, the code's default settings. */
        public static final Mode UNTUNED = new Mode(1, PocketDefaults.UNSET, Map.of(), null);
    }

    /**
     * Clustering and ranking settings as the card stores them, each optional (null = the code's default).
     * Plain values (not the pockets package's types): the model layer does not depend on the stages after
     * it; their ranges are checked where they become pocket settings ({@code RecommendedSettings}).
     *
     * @param threshold      atoms with probability ≥ threshold are clustered
     * @param eps            DBSCAN radius, Å
     * @param minAtoms       DBSCAN minimum points
     * @param scorer         pocket scorer name (e.g. "sum")
     * @param weightedCentre whether pocket centres are probability-weighted
     * @param splitAbove     pockets of more atoms are split at rising thresholds (0 = never)
     */
    public record PocketDefaults(Double threshold, Double eps, Integer minAtoms, String scorer, Boolean weightedCentre,
                                 Integer splitAbove) {
        /** Nothing chosen: the code's defaults. */
        public static final PocketDefaults UNSET = new PocketDefaults(null, null, null, null, null, null);
    }

    public static final int FORMAT_VERSION = 2;
    /** The only grid this code's featurization and pocket geometry are written for. */
    public static final double SUPPORTED_VOXEL_SIZE = 1.0;

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    public ModelCard {
        featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
        provenance = provenance == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(provenance));
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
        recommended = recommended == null ? new Recommended(Mode.UNTUNED, null) : recommended;
        FeatureProfile.forCardName(featurization);
    }

    /** The profile the model's inputs are made with. */
    public FeatureProfile featureProfile() {
        return FeatureProfile.forCardName(featurization);
    }

    /** A copy whose inputs are made with {@code profile} (STANDARD is written as no value, as before). */
    public ModelCard withFeatureProfile(FeatureProfile profile) {
        return new ModelCard(formatVersion, name, architecture, featureNames, labelRule, recommended, provenance,
                metrics, profile == FeatureProfile.STANDARD ? null : profile.cardName());
    }

    /** The grid spacing in Å the model was trained with (stored once, in the architecture). */
    public double voxelSize() {
        return architecture.voxelSize();
    }

    /** The fast mode's pocket settings (its unset values are the code's defaults). */
    public PocketDefaults pockets() {
        return recommended.fast().pockets();
    }

    /**
     * The pocket settings for probabilities averaged over {@code n} orientations: the accurate mode's when
     * {@code n} is its count, else the fast mode's.
     */
    public PocketDefaults pocketsFor(int n) {
        return modeFor(n).pockets();
    }

    /** The card's mode for probabilities averaged over {@code n} orientations: the accurate one at its count, else the fast one. */
    public Mode modeFor(int n) {
        Mode accurate = recommended.accurate();
        return accurate != null && accurate.rotations() == n ? accurate : recommended.fast();
    }

    /**
     * The rotation count of the accurate mode: the accurate section's; without one the fast count if that
     * exceeds one, else {@link TestTimeRotations#ACCURATE}.
     */
    public int accurateRotations() {
        if (recommended.accurate() != null) {
            return recommended.accurate().rotations();
        }
        int fast = inferenceRotations();
        return fast > 1 ? fast : TestTimeRotations.ACCURATE;
    }

    /** How many orientations a plain (fast) prediction averages over. */
    public int inferenceRotations() {
        return recommended.fast().rotations();
    }

    /** The threshold of best per-atom F1 on validation that training recorded, or null. */
    public Double bestF1Threshold() {
        return metrics.get(BEST_F1_THRESHOLD);
    }

    /** The metric holding {@link #bestF1Threshold()}. */
    public static final String BEST_F1_THRESHOLD = "validation_best_f1_threshold";

    /** A copy under another model name. */
    public ModelCard withName(String newName) {
        return new ModelCard(formatVersion, newName, architecture, featureNames, labelRule, recommended, provenance,
                metrics, featurization);
    }

    /** A copy with other recommended settings. */
    public ModelCard withRecommended(Recommended r) {
        return new ModelCard(formatVersion, name, architecture, featureNames, labelRule, r, provenance, metrics,
                featurization);
    }

    /** A copy whose fast mode clusters with {@code p} (its count, scores and command stay). */
    public ModelCard withPockets(PocketDefaults p) {
        Mode f = recommended.fast();
        return withRecommended(new Recommended(new Mode(f.rotations(), p, f.validation(), f.command(), f.members()),
                recommended.accurate()));
    }

    /** A copy whose fast mode averages over {@code n} orientations, with its settings. */
    public ModelCard withRotations(int n) {
        Mode f = recommended.fast();
        Mode a = recommended.accurate();
        return withRecommended(new Recommended(new Mode(n, f.pockets(), f.validation(), f.command(), f.members()),
                a != null && a.rotations() == n ? null : a));
    }

    /** A card for a network of this code's feature schema, without provenance or metrics yet. */
    public static ModelCard of(String name, NetworkConfig architecture, String labelRule) {
        return new ModelCard(FORMAT_VERSION, name, architecture, AtomFeatures.NAMES, labelRule, null, Map.of(),
                Map.of(), null);
    }

    /**
     * A copy recording the best-F1 threshold training found; an untuned fast mode clusters at it (the
     * remaining settings stay the code's defaults until tuning chooses them).
     */
    public ModelCard withBestF1Threshold(double t) {
        Mode f = recommended.fast();
        ModelCard out = withMetrics(Map.of(BEST_F1_THRESHOLD, t));
        if (f.command() != null) {
            return out;
        }
        PocketDefaults p = f.pockets();
        return out.withRecommended(new Recommended(new Mode(f.rotations(), new PocketDefaults(t, p.eps(),
                p.minAtoms(), p.scorer(), p.weightedCentre(), p.splitAbove()), f.validation(), null, f.members()),
                recommended.accurate()));
    }

    /** A copy with these entries added to (or replacing those in) the provenance. */
    public ModelCard withProvenance(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(provenance);
        merged.putAll(more);
        return new ModelCard(formatVersion, name, architecture, featureNames, labelRule, recommended, merged, metrics,
                featurization);
    }

    /** A copy with these entries added to (or replacing those in) the metrics. */
    public ModelCard withMetrics(Map<String, Double> more) {
        Map<String, Double> merged = new LinkedHashMap<>(metrics);
        merged.putAll(more);
        return new ModelCard(formatVersion, name, architecture, featureNames, labelRule, recommended, provenance,
                merged, featurization);
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
            ModelCard card = LegacyModelCard.isLegacy(json) ? LegacyModelCard.read(json)
                    : GSON.fromJson(json, ModelCard.class);
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
        if (voxelSize() != SUPPORTED_VOXEL_SIZE) {
            throw new PredictionException(source + ": model voxel size " + voxelSize()
                    + " Å differs from the supported " + SUPPORTED_VOXEL_SIZE + " Å");
        }
    }
}
