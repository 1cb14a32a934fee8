package org.sparsepocket.table;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.RecommendedSettings;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;

/**
 * What the Pocket Predictor node's dialog sets, validated, with the defaults a new node starts from
 * ({@link #DEFAULT}): the bundled model's recommended fast settings ({@link RecommendedSettings#bundled()},
 * tuned on the validation set), because that is what a new node's dialog shows. The settings a prediction
 * runs with come from the model actually opened ({@link #toPredictionSettings(PocketPredictor)}): its tuned
 * settings for the chosen accuracy, with the dialog's changed values on top. Clustering settings the dialog
 * does not show (DBSCAN radius, scorer, splitting, box margin, centre weighting) always keep the opened
 * model's tuned values.
 *
 * @param chainMode     how the structure is split into complexes
 * @param chains        chain IDs for {@link Chains#SELECTED}, separated by commas or spaces; ignored otherwise
 * @param threshold     atom probability threshold for pocket atoms, [0, 1]; {@link #DEFAULT}'s value = the
 *                      opened model's tuned threshold for the chosen accuracy
 * @param minPocketSize smallest pocket kept, in atoms; {@link #DEFAULT}'s value = the model's tuned minimum
 * @param maxPockets    at most this many pockets per complex, 0 = all
 * @param threads       structures predicted at the same time
 * @param failOnError   whether a structure that cannot be processed fails the node (otherwise: a row
 *                      with the error and a warning)
 * @param accuracy      fast (the opened model card's default rotation count, 1 for the shipped model) or
 *                      accurate (the card's most-rotations tuned entry, 8 for the shipped model: ~7× the
 *                      network time);
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

    /**
     * What a new node starts with: the bundled model's recommended fast settings, read once from its card.
     * A threshold or minimum size equal to these means "the opened model's tuned value" (see
     * {@link #toPredictionSettings(PocketPredictor)}).
     */
    public static final PredictorNodeSettings DEFAULT = defaults(RecommendedSettings.bundled());

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
     * The facade's settings for these node settings with {@code model}, the predictor the node opened (the
     * shipped model or another bundle). The pocket settings start from that model's tuned settings for the
     * chosen accuracy: fast = its card's default rotation count ({@link PocketPredictor#recommendedSettings()}),
     * accurate = {@link PocketPredictor#accurateRotations()} with {@link PocketPredictor#recommendedSettings(int)}.
     * The dialog's threshold and minimum size override them only when changed from {@link #DEFAULT} (the
     * bundled model's fast values, which a new node's dialog shows): left at that default they mean "the
     * opened model's tuned value" in both modes, so a node switched to accurate uses the accurate tuning, a
     * node given another model uses that model's tuning, and a value the user typed is used as typed. (A
     * typed value equal to the default therefore also means the model's value.) The maximum pocket count
     * is always the dialog's.
     *
     * @throws org.sparsepocket.PredictionException when the model's card names a scorer this version lacks
     */
    public PredictionSettings toPredictionSettings(PocketPredictor model) {
        Objects.requireNonNull(model, "model");
        ChainMode mode = switch (chainMode) {
            case WHOLE -> ChainMode.whole();
            case EACH_CHAIN -> ChainMode.eachChain();
            case SELECTED -> ChainMode.chains(chainIds());
        };
        // Fast: null = the predictor's own count, whose tuned settings recommendedSettings() gives.
        Integer rotations = accuracy == Accuracy.FAST ? null : model.accurateRotations();
        PocketSettings p = (rotations == null ? model.recommendedSettings() : model.recommendedSettings(rotations))
                .withMaxPockets(maxPockets);
        if (threshold != DEFAULT.threshold()) {
            p = p.withThreshold(threshold);
        }
        if (minPocketSize != DEFAULT.minPocketSize()) {
            p = p.withMinAtoms(minPocketSize);
        }
        return new PredictionSettings(mode, p, rotations);
    }

    private static PredictorNodeSettings defaults(PocketSettings recommended) {
        return new PredictorNodeSettings(Chains.WHOLE, "", recommended.threshold(), recommended.minAtoms(),
                recommended.maxPockets(), 1, false, Accuracy.FAST);
    }

    private static List<String> parseChains(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(SEPARATORS.split(text.trim())).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
