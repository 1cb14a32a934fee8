package org.sparsepocket.lab.surface;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * {@code surface-cv}'s options for experiments on the point scores and the fusion that the product does not ship
 * (docs/surface.md, "A third classifier seed, seed ensembles, the network's maximum"), and the score cache that makes
 * them cheap to rerun.
 */
final class ScoreExperimentOptions {

    /** The network values a blend may mix in; the first is the product's. */
    static final List<String> BLEND_COLUMNS = List.of("network_mean_6", "network_max_6", "network_nearest");

    @Option(names = "--classifier-seeds", split = ",", paramLabel = "SEED",
            description = "per held-out fold, one classifier per seed, their point scores averaged (a seed ensemble;"
                    + " default: the one classifier of --seed). Not with --out: the product runs one classifier")
    List<Long> classifierSeeds;

    @Option(names = "--score-cache", paramLabel = "DIR",
            description = "keep each held-out fold's point scores here and reuse them when the same classifier recipe"
                    + " and complexes come again (the classifier does not depend on the network or the grid)")
    Path scoreCache;

    @Option(names = "--misses",
            description = "also say where each list's top-n misses go (ranked lower, centre off a site a pocket covers,"
                    + " or no pocket on the site), for the network, the points alone and the fused list without"
                    + " network columns, each with its held-out fold's chosen setting")
    boolean misses;

    @Option(names = "--rank-fusion", paramLabel = "K", defaultValue = "0",
            description = "fuse the two lists by rank alone: each pocket scored 1 / (K + rank) before the weighted sum"
                    + " (reciprocal-rank fusion; default: ${DEFAULT-VALUE}, the pockets' own scores). Not with --out")
    double rankFusion;

    @Option(names = "--blend-column", defaultValue = "network_mean_6", paramLabel = "COLUMN",
            description = "the network's value near a point that --blends mixes in: network_mean_6 (the product's),"
                    + " network_max_6 or network_nearest (default: ${DEFAULT-VALUE}). Not with --out")
    String blendColumn;

    /** Null when the options are usable (with {@code --out} when {@code shipping}), else what is wrong. */
    String problem(boolean shipping) {
        if (!BLEND_COLUMNS.contains(blendColumn)) {
            return "--blend-column must be one of " + String.join(", ", BLEND_COLUMNS) + ", not " + blendColumn;
        }
        if (!(rankFusion >= 0)) {
            return "--rank-fusion must be ≥ 0";
        }
        if (shipping && classifierSeeds != null && classifierSeeds.size() > 1) {
            return "--out ships one classifier; drop --classifier-seeds";
        }
        if (shipping && rankFusion > 0) {
            return "--out ships the score-based fusion; drop --rank-fusion";
        }
        if (shipping && !blendColumn.equals(BLEND_COLUMNS.get(0))) {
            return "--out ships the product's blend (" + BLEND_COLUMNS.get(0) + ")";
        }
        return null;
    }

    /** The seeds whose classifiers' scores are averaged: {@code --classifier-seeds}, or {@code seed} alone. */
    List<Long> seeds(long seed) {
        return classifierSeeds == null || classifierSeeds.isEmpty() ? List.of(seed) : classifierSeeds;
    }
}
