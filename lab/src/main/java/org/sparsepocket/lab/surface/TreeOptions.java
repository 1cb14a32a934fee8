package org.sparsepocket.lab.surface;

import java.util.Map;

import picocli.CommandLine.Option;

/** The point classifier's training options, shared by {@code surface-train} and {@code surface-cv}. */
final class TreeOptions {

    @Option(names = "--trees", defaultValue = "200", description = "boosting rounds (default: ${DEFAULT-VALUE})")
    int trees;

    @Option(names = "--depth", defaultValue = "8", description = "maximum tree depth (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--eta", defaultValue = "0.1", description = "learning rate (default: ${DEFAULT-VALUE})")
    double eta;

    @Option(names = "--negatives", defaultValue = "0.2",
            description = "fraction of each complex's negative points kept (all positives are; default: ${DEFAULT-VALUE})")
    double negatives;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the negative sample and the trees (default: ${DEFAULT-VALUE})")
    long seed;

    /** Null when the options are usable, else what is wrong. */
    String problem() {
        return trees < 1 || depth < 1 || !(eta > 0) || !(negatives > 0 && negatives <= 1)
                ? "--trees and --depth must be ≥ 1, --eta > 0, --negatives in (0, 1]" : null;
    }

    TreeTraining training(int threads) {
        return new TreeTraining(trees, depth, eta, seed, threads);
    }

    /** Adds what the library's parameters do not say to a card's parameters. */
    void describe(Map<String, Object> cardParameters) {
        cardParameters.put("rounds", trees);
        cardParameters.put("negative_fraction", negatives);
    }
}
