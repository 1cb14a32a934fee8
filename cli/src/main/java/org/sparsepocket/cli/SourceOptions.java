package org.sparsepocket.cli;

import java.nio.file.Path;
import java.util.Map;
import org.sparsepocket.structure.FetchSettings;
import picocli.CommandLine.Option;

/** Where PDB IDs and UniProt accessions are fetched to: {@code --cache-dir}, {@code --offline}. */
public final class SourceOptions {

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache for structures fetched by PDB ID or UniProt accession "
                    + "(default: $SPARSEPOCKET_CACHE, else ~/.cache/sparsepocket).")
    Path cacheDir;

    @Option(names = "--offline", description = "Never download; use only files and the cache.")
    boolean offline;

    public FetchSettings settings(Map<String, String> environment) {
        FetchSettings s = FetchSettings.fromEnvironment(environment);
        if (cacheDir != null) {
            s = s.withCacheDir(cacheDir);
        }
        return offline ? s.withOffline(true) : s;
    }
}
