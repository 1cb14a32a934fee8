package org.sparsepocket.table;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.sparsepocket.PocketOverrides;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.RecommendedSettings;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;

/**
 * What the Pocket Predictor node's dialog sets, validated. The threshold and the minimum pocket size are
 * each either a value the user typed or null, "use the opened model's tuned value" (a checkbox in the
 * dialog): the settings a prediction runs with are the tuned settings of the model actually opened for the
 * chosen accuracy, with the typed values on top ({@link #toPredictionSettings(PocketPredictor)}, through
 * {@link PocketOverrides}). Clustering settings the dialog does not show (DBSCAN radius, scorer, splitting,
 * box margin, centre weighting) always keep the model's tuned values. A new node ({@link #DEFAULT}) uses
 * the model's values; its number fields start at the shipped model's ({@link #SHIPPED}).
 *
 * @param chainMode     how the structure is split into complexes
 * @param chains        chain IDs for {@link Chains#SELECTED}, separated by commas or spaces; ignored otherwise
 * @param threshold     atom probability threshold for pocket atoms, [0, 1], or null for the model's tuned one
 * @param minPocketSize smallest pocket kept, in atoms, or null for the model's tuned minimum
 * @param maxPockets    at most this many pockets per complex, 0 = all
 * @param threads       structures predicted at the same time
 * @param failOnError   whether a structure that cannot be processed fails the node (otherwise: a row
 *                      with the error and a warning)
 * @param accuracy      fast (the opened model card's default rotation count, 1 for the shipped model) or
 *                      accurate (the card's most-rotations tuned entry, 8 for the shipped model: ~7× the
 *                      network time);
 *                      node settings saved before this existed load as {@link Accuracy#FAST}
 * @param reportFolder  absolute path of a folder for each structure's HTML report ({@code <name>.html}, as
 *                      {@code sparsepocket predict} writes it) and the Report column; "" (the default, and
 *                      what node settings saved before this existed load as) = no report, no column
 */
public record PredictorNodeSettings(Chains chainMode, String chains, Double threshold, Integer minPocketSize,
                                    int maxPockets, int threads, boolean failOnError, Accuracy accuracy,
                                    String reportFolder) {

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

    /** The shipped model's recommended fast settings, read once from its card: where the dialog's fields start. */
    public static final PocketSettings SHIPPED = RecommendedSettings.bundled();

    /** What a new node starts with: the opened model's tuned threshold and minimum size, all pockets. */
    public static final PredictorNodeSettings DEFAULT = new PredictorNodeSettings(Chains.WHOLE, "", null, null,
            0, 1, false, Accuracy.FAST, "");

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
        overrides(threshold, minPocketSize, maxPockets);
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("Threads: must be between 1 and " + MAX_THREADS + ", got " + threads);
        }
        reportFolder = reportFolder == null ? "" : reportFolder.strip();
        reportFolderPath(reportFolder);
    }

    // One copy method per setting: code other than the dialog adapter builds settings from DEFAULT with these,
    // so a new setting (a record component) changes only this file, the adapter and a test.

    /** A copy with another chain mode and chain list. @throws IllegalArgumentException as the constructor */
    public PredictorNodeSettings withChains(Chains mode, String ids) {
        return new PredictorNodeSettings(mode, ids, threshold, minPocketSize, maxPockets, threads, failOnError,
                accuracy, reportFolder);
    }

    /** A copy with a typed threshold, or null for the model's tuned one. */
    public PredictorNodeSettings withThreshold(Double t) {
        return new PredictorNodeSettings(chainMode, chains, t, minPocketSize, maxPockets, threads, failOnError,
                accuracy, reportFolder);
    }

    /** A copy with a typed minimum pocket size, or null for the model's tuned one. */
    public PredictorNodeSettings withMinPocketSize(Integer m) {
        return new PredictorNodeSettings(chainMode, chains, threshold, m, maxPockets, threads, failOnError, accuracy,
                reportFolder);
    }

    /** A copy keeping at most {@code n} pockets per complex (0 = all). */
    public PredictorNodeSettings withMaxPockets(int n) {
        return new PredictorNodeSettings(chainMode, chains, threshold, minPocketSize, n, threads, failOnError,
                accuracy, reportFolder);
    }

    /** A copy predicting {@code n} structures at a time. */
    public PredictorNodeSettings withThreads(int n) {
        return new PredictorNodeSettings(chainMode, chains, threshold, minPocketSize, maxPockets, n, failOnError,
                accuracy, reportFolder);
    }

    /** A copy that fails the node on a bad structure, or turns it into an error row. */
    public PredictorNodeSettings withFailOnError(boolean fail) {
        return new PredictorNodeSettings(chainMode, chains, threshold, minPocketSize, maxPockets, threads, fail,
                accuracy, reportFolder);
    }

    /** A copy with another accuracy (null = fast, as settings saved before the choice existed). */
    public PredictorNodeSettings withAccuracy(Accuracy a) {
        return new PredictorNodeSettings(chainMode, chains, threshold, minPocketSize, maxPockets, threads,
                failOnError, a, reportFolder);
    }

    /** A copy writing HTML reports to this absolute folder, or none ("" or null). */
    public PredictorNodeSettings withReportFolder(String folder) {
        return new PredictorNodeSettings(chainMode, chains, threshold, minPocketSize, maxPockets, threads,
                failOnError, accuracy, folder);
    }

    /** The report folder, when reports are asked for. */
    public Optional<Path> reportFolderPath() {
        return reportFolderPath(reportFolder);
    }

    /**
     * A path only: whether the folder exists or can be written is checked when the node runs
     * ({@link ReportFolder#of}), since an upstream node may create it.
     */
    private static Optional<Path> reportFolderPath(String folder) {
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(folder);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("Report folder: \"" + folder + "\" is not a path (" + e.getReason() + ")");
        }
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("Report folder: \"" + folder + "\" is relative; give an absolute "
                    + "path (a relative one would depend on KNIME's working directory)");
        }
        return Optional.of(path.normalize());
    }

    /** The chain IDs of {@link #chains()}, in the order given, without duplicates. */
    public List<String> chainIds() {
        return parseChains(chains);
    }

    /** The pocket values this dialog sets; null ones are the model's. */
    public PocketOverrides overrides() {
        return overrides(threshold, minPocketSize, maxPockets);
    }

    /**
     * The facade's settings for these node settings with {@code model}, the predictor the node opened (the
     * shipped model or another bundle): that model's tuned settings for the chosen accuracy (fast = its
     * card's default rotation count, {@link PocketPredictor#recommendedSettings()}; accurate =
     * {@link PocketPredictor#accurateRotations()} with {@link PocketPredictor#recommendedSettings(int)}), with
     * the typed threshold, minimum size and maximum pocket count on top ({@link #overrides()}).
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
        PocketSettings recommended = rotations == null ? model.recommendedSettings() : model.recommendedSettings(rotations);
        return new PredictionSettings(mode, overrides().applyTo(recommended), rotations);
    }

    /** The overrides, each range problem named by its dialog label. */
    private static PocketOverrides overrides(Double threshold, Integer minPocketSize, int maxPockets) {
        PocketOverrides o = PocketOverrides.NONE;
        o = labelled("Threshold", o, x -> x.withThreshold(threshold));
        o = labelled("Minimum pocket size", o, x -> x.withMinAtoms(minPocketSize));
        return labelled("Maximum pockets", o, x -> x.withMaxPockets(maxPockets));
    }

    private static PocketOverrides labelled(String label, PocketOverrides o, UnaryOperator<PocketOverrides> set) {
        try {
            return set.apply(o);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
        }
    }

    private static List<String> parseChains(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(SEPARATORS.split(text.trim())).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
