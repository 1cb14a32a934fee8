package org.sparsepocket.table;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.sparsepocket.PredictionSettings;
import org.sparsepocket.RecommendedSettings;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;

/**
 * What the Pocket Predictor node's dialog sets, validated, with the defaults a new node starts from: the
 * bundled model's recommended settings ({@link RecommendedSettings#bundled()}, tuned on the validation set).
 * Clustering settings the dialog does not show (DBSCAN radius, scorer, splitting, box margin, centre
 * weighting) keep those recommended values.
 *
 * @param chainMode     how the structure is split into complexes
 * @param chains        chain IDs for {@link Chains#SELECTED}, separated by commas or spaces; ignored otherwise
 * @param threshold     atom probability threshold for pocket atoms, [0, 1]
 * @param minPocketSize smallest pocket kept, in atoms
 * @param maxPockets    at most this many pockets per complex, 0 = all
 * @param threads       structures predicted at the same time
 * @param failOnError   whether a structure that cannot be processed fails the node (otherwise: a row
 *                      with the error and a warning)
 * @param accuracy      fast (the model card's default rotation count, 1 for the shipped model) or accurate
 *                      (the card's most-rotations tuned entry, 8 for the shipped model: ~7× the network time);
 *                      node settings saved before this existed load as {@link Accuracy#FAST}
 */
public record PredictorNodeSettings(Chains chainMode, String chains, double threshold, int minPocketSize,
                                    int maxPockets, int threads, boolean failOnError, Accuracy accuracy) {

    /** How many orientations the network's probabilities are averaged over. */
    public enum Accuracy {
        /** The model card's default count (plain prediction for the shipped model). */
        FAST,
        /** The card's accurate count ({@link org.sparsepocket.model.ModelCard#accurateRotations()}). */
        ACCURATE
    }

    /** Chain modes as the dialog offers them. */
    public enum Chains {
        /** All chains together, as one complex. */
        WHOLE,
        /** Each chain on its own. */
        EACH_CHAIN,
        /** The listed chains together, as one complex. */
        SELECTED
    }

    public static final int MAX_THREADS = 64;

    /** Read once: the bundled model's card does not change while the library is loaded. */
    private static final PocketSettings RECOMMENDED = RecommendedSettings.bundled();
    private static final PocketSettings RECOMMENDED_ACCURATE = RecommendedSettings.bundledAccurate();
    private static final int ACCURATE_ROTATIONS = RecommendedSettings.bundledAccurateRotations();

    public static final PredictorNodeSettings DEFAULT = new PredictorNodeSettings(Chains.WHOLE, "",
            RECOMMENDED.threshold(), RECOMMENDED.minAtoms(), RECOMMENDED.maxPockets(), 1, false, Accuracy.FAST);

    private static final Pattern CHAIN_ID = Pattern.compile("[A-Za-z0-9]{1,4}");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    /** @throws IllegalArgumentException with a one-line message naming the setting and the problem */
    public PredictorNodeSettings {
        Objects.requireNonNull(chainMode, "chain mode");
        accuracy = accuracy == null ? Accuracy.FAST : accuracy;
        chains = chains == null ? "" : chains.trim();
        if (chainMode == Chains.SELECTED) {
            List<String> ids = parseChains(chains);
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("Chains: list at least one chain ID (e.g. \"A, B\") "
                        + "when the chain mode is 'selected chains'");
            }
            for (String id : ids) {
                if (!CHAIN_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("Chains: \"" + id + "\" is not a chain ID "
                            + "(1 to 4 letters or digits)");
                }
            }
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("Threshold: must be between 0 and 1, got " + threshold);
        }
        if (minPocketSize < 1) {
            throw new IllegalArgumentException("Minimum pocket size: must be at least 1 atom, got " + minPocketSize);
        }
        if (maxPockets < 0) {
            throw new IllegalArgumentException("Maximum pockets: must be 0 (all) or more, got " + maxPockets);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("Threads: must be between 1 and " + MAX_THREADS + ", got " + threads);
        }
    }

    /** Fast settings (settings written before the accuracy choice existed). */
    public PredictorNodeSettings(Chains chainMode, String chains, double threshold, int minPocketSize,
                                 int maxPockets, int threads, boolean failOnError) {
        this(chainMode, chains, threshold, minPocketSize, maxPockets, threads, failOnError, Accuracy.FAST);
    }

    /** The chain IDs of {@link #chains()}, in the order given, without duplicates. */
    public List<String> chainIds() {
        return parseChains(chains);
    }

    /**
     * The facade's settings for these node settings. Accurate mode starts from the settings tuned for its
     * rotation count; the dialog's threshold and minimum size override them only when changed from the
     * values a new node starts with (the fast mode's tuned ones), so a node switched to accurate uses the
     * accurate tuning and a value the user typed is kept.
     */
    public PredictionSettings toPredictionSettings() {
        ChainMode mode = switch (chainMode) {
            case WHOLE -> ChainMode.whole();
            case EACH_CHAIN -> ChainMode.eachChain();
            case SELECTED -> ChainMode.chains(chainIds());
        };
        if (accuracy == Accuracy.FAST) {
            return new PredictionSettings(mode, RECOMMENDED.withThreshold(threshold)
                    .withMinAtoms(minPocketSize).withMaxPockets(maxPockets));
        }
        PocketSettings p = RECOMMENDED_ACCURATE.withMaxPockets(maxPockets);
        if (threshold != RECOMMENDED.threshold()) {
            p = p.withThreshold(threshold);
        }
        if (minPocketSize != RECOMMENDED.minAtoms()) {
            p = p.withMinAtoms(minPocketSize);
        }
        return new PredictionSettings(mode, p, ACCURATE_ROTATIONS);
    }

    private static List<String> parseChains(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(SEPARATORS.split(text.trim())).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
