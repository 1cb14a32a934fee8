package org.sparsepocket.lab.surface;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code surface-cv}'s learned-fusion experiment (docs/surface.md; it lost to the weighted sum and is not shipped). */
final class LearnedFusionOptions {

    @Option(names = "--learned-fusion",
            description = "also cross-validate a learned fusion: trees over each candidate site's description from both"
                    + " sources rank the sites (docs/surface.md)")
    boolean enabled;

    @Option(names = "--ranker-threshold", defaultValue = "0.5",
            description = "surface point threshold of the learned fusion's candidates (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--ranker-match", defaultValue = "6",
            description = "match distance of the learned fusion's candidates, Å (default: ${DEFAULT-VALUE})")
    double match;

    @Option(names = "--ranker-trees", defaultValue = "100", description = "the learned fusion's trees (default: ${DEFAULT-VALUE})")
    int trees;

    @Option(names = "--ranker-depth", defaultValue = "4", description = "the learned fusion's tree depth (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--candidates", paramLabel = "FILE",
            description = "write the learned fusion's candidate sites of every complex (out-of-fold descriptions, hits)")
    Path candidates;

    /** The experiment over {@code grid}'s surface pockets; trees with {@code tree}'s learning rate and seed. */
    LearnedFusion fusion(FusionGrid grid, TreeOptions tree, int threads) {
        return new LearnedFusion(grid, threshold, match, new TreeTraining(trees, depth, tree.eta, tree.seed, threads));
    }
}
