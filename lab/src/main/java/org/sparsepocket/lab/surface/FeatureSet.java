package org.sparsepocket.lab.surface;

import java.util.ArrayList;
import java.util.List;

import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.surface.PointFeatures;

/**
 * A set of point-feature columns {@code surface-cv} compares: the point features alone, with the network's
 * out-of-fold probabilities, with the surface-context columns ({@link PointContext}), or with the atom features'
 * weighted means in place of their sums ({@link org.sparsepocket.surface.PointColumns#MEANS}). Each picks its
 * columns out of {@link FoldComplex}'s full row (point features, network columns, context columns, means).
 */
enum FeatureSet {
    PLAIN("", "without network columns", PointFeatures.NAMES, true),
    NETWORK("_net", "with network columns", PointFeatures.WITH_NETWORK, true),
    CONTEXT("_ctx", "with context columns", concat(PointFeatures.NAMES, PointContext.NAMES), false),
    MEAN("_mean", "with weighted means for sums", PointFeatures.MEAN_NAMES, true);


    final String suffix;
    final String label;
    final List<String> names;
    final int[] columns;
    /** Whether the product's surface model can take this set (SurfaceCard accepts its columns). */
    final boolean shippable;

    FeatureSet(String suffix, String label, List<String> names, boolean shippable) {
        this.suffix = suffix;
        this.label = label;
        this.names = names;
        this.shippable = shippable;
        List<String> full = full();
        columns = names.stream().mapToInt(full::indexOf).toArray();
    }

    int width() {
        return columns.length;
    }

    /** The columns of a full row: point features, network columns, context columns, the atom features' means. */
    static List<String> full() {
        return concat(concat(PointFeatures.WITH_NETWORK, PointContext.NAMES),
                PointFeatures.MEAN_NAMES.subList(0, AtomFeatures.COUNT));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> n = new ArrayList<>(a);
        n.addAll(b);
        return List.copyOf(n);
    }
}
