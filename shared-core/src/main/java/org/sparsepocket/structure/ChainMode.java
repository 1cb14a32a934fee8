package org.sparsepocket.structure;

import java.util.List;

/**
 * How a structure is split into complexes, as the published method offers it.
 */
public sealed interface ChainMode {

    /** The whole structure as one complex. */
    record Whole() implements ChainMode { }

    /** Each chain as its own complex. */
    record EachChain() implements ChainMode { }

    /** A chosen list of chains as one complex. */
    record Selected(List<String> chainIds) implements ChainMode {
        public Selected {
            chainIds = List.copyOf(chainIds);
            if (chainIds.isEmpty()) {
                throw new IllegalArgumentException("no chains selected");
            }
        }
    }

    static ChainMode whole() {
        return new Whole();
    }

    static ChainMode eachChain() {
        return new EachChain();
    }

    static ChainMode chains(List<String> chainIds) {
        return new Selected(chainIds);
    }
}
