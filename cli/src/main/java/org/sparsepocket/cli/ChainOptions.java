package org.sparsepocket.cli;

import java.util.List;
import org.sparsepocket.structure.ChainMode;
import picocli.CommandLine.Option;

/**
 * The chain mode, as the published method offers it: the whole structure (default), {@code --chains A,B}
 * or {@code --each-chain}. Used as an exclusive {@code @ArgGroup}, so giving both is a usage error.
 */
final class ChainOptions {

    @Option(names = "--chains", split = ",", paramLabel = "ID",
            description = "Only these protein chains, as one complex (e.g. A,B).")
    List<String> chains;

    @Option(names = "--each-chain", description = "Each protein chain as its own complex.")
    boolean eachChain;

    /** The mode for an optional group (null when neither option was given). */
    static ChainMode mode(ChainOptions options) {
        if (options == null) {
            return ChainMode.whole();
        }
        if (options.eachChain) {
            return ChainMode.eachChain();
        }
        if (options.chains != null && !options.chains.isEmpty()) {
            return ChainMode.chains(options.chains);
        }
        return ChainMode.whole();
    }
}
