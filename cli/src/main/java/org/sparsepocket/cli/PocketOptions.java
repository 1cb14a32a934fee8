package org.sparsepocket.cli;

import java.util.Locale;
import org.sparsepocket.PocketOverrides;
import org.sparsepocket.RecommendedSettings;
import org.sparsepocket.pockets.PocketSettings;
import picocli.CommandLine.Option;

/**
 * The clustering and ranking flags every pocket command offers, as one {@link PocketOverrides}: a flag not
 * given keeps the opened model's recommended value. The help states the values a run with the shipped
 * model really uses, read from its card.
 */
public final class PocketOptions {

    static {
        // Read once from the shipped card, the same settings predict applies the flags to.
        PocketSettings shipped = RecommendedSettings.bundled();
        System.setProperty("sparsepocket.shipped.threshold", number(shipped.threshold()));
        System.setProperty("sparsepocket.shipped.eps", number(shipped.eps()));
        System.setProperty("sparsepocket.shipped.minAtoms", Integer.toString(shipped.minAtoms()));
        System.setProperty("sparsepocket.shipped.scorer", shipped.scorer().name());
        System.setProperty("sparsepocket.shipped.splitAbove", Integer.toString(shipped.splitAbove()));
        System.setProperty("sparsepocket.shipped.boxMargin", number(shipped.boxMargin()));
        System.setProperty("sparsepocket.shipped.maxPockets", Integer.toString(shipped.maxPockets()));
    }

    @Option(names = "--threshold", paramLabel = "P",
            description = "Atoms with probability ≥ P form pockets (default: the model's tuned value; "
                    + "${sys:sparsepocket.shipped.threshold} for the shipped model).")
    Double threshold;

    @Option(names = "--eps", paramLabel = "Å",
            description = "DBSCAN neighbourhood radius (default: the model's tuned value; "
                    + "${sys:sparsepocket.shipped.eps} for the shipped model).")
    Double eps;

    @Option(names = "--min-size", paramLabel = "N",
            description = "DBSCAN minimum atoms, hence the smallest pocket (default: the model's tuned value; "
                    + "${sys:sparsepocket.shipped.minAtoms} for the shipped model).")
    Integer minSize;

    @Option(names = "--scorer", paramLabel = "NAME", completionCandidates = ScorerNames.class,
            description = "Pocket ranking score: ${COMPLETION-CANDIDATES} (default: the model's tuned scorer; "
                    + "${sys:sparsepocket.shipped.scorer} for the shipped model).")
    String scorer;

    @Option(names = "--split-above", paramLabel = "N",
            description = "Pockets of more than N atoms are re-clustered at rising thresholds until they separate"
                    + " or shrink to their most probable core (0 = never; default: the model's tuned value; "
                    + "${sys:sparsepocket.shipped.splitAbove} for the shipped model).")
    Integer splitAbove;

    /**
     * The flags given, range-checked.
     *
     * @throws IllegalArgumentException naming the first invalid value
     */
    public PocketOverrides overrides() {
        return PocketOverrides.NONE.withThreshold(threshold).withEps(eps).withMinAtoms(minSize).withScorer(scorer)
                .withSplitAbove(splitAbove);
    }

    /** 5.0 as "5.0", 0.052 as "0.052": the shortest text that reads back as the same double. */
    private static String number(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
