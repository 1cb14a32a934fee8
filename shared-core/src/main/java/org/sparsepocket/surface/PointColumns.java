package org.sparsepocket.surface;

import java.util.Arrays;
import java.util.List;

/**
 * The column layouts a surface classifier can take, named in its card by their feature names. The 18 atom
 * features of a point's neighbourhood enter either as weighted sums (they grow with the number of atoms
 * around the point) or as weighted means (sum / weight_sum: the neighbourhood's chemistry apart from its
 * density, which {@code weight_sum} and the atom counts carry; P2Rank averages its feature vectors likewise).
 */
public enum PointColumns {

    /** {@link PointFeatures#NAMES}: weighted sums. */
    SUMS(PointFeatures.NAMES, false, false),
    /** {@link PointFeatures#WITH_NETWORK}: weighted sums and the network's probabilities of nearby atoms. */
    SUMS_WITH_NETWORK(PointFeatures.WITH_NETWORK, true, false),
    /** {@link PointFeatures#MEAN_NAMES}: weighted means in place of the sums. */
    MEANS(PointFeatures.MEAN_NAMES, false, true);

    private final List<String> names;
    private final boolean network;
    private final boolean means;

    PointColumns(List<String> names, boolean network, boolean means) {
        this.names = names;
        this.network = network;
        this.means = means;
    }

    /** Feature names in column order. */
    public List<String> names() {
        return names;
    }

    /** Whether the columns include the network's probabilities. */
    public boolean usesNetwork() {
        return network;
    }

    /** Whether the atom features enter as weighted means instead of sums. */
    public boolean means() {
        return means;
    }

    /**
     * The layout with these feature names.
     *
     * @throws IllegalArgumentException when no layout of this version has them
     */
    public static PointColumns of(List<String> names) {
        return Arrays.stream(values()).filter(c -> c.names.equals(names)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("features " + names
                        + " are none of this version's layouts " + Arrays.toString(values())));
    }
}
