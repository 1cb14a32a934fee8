package org.sparsepocket.structure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where structures named by PDB ID or UniProt accession come from and where they are cached. Immutable.
 *
 * @param cacheDir      downloaded files are kept here and reused ({@code pdb/}, {@code alphafold/})
 * @param rcsbBase      RCSB file server; an entry is {@code <rcsbBase>/<ID>.cif.gz}
 * @param alphaFoldBase AlphaFold DB; the model's file is found through {@code <alphaFoldBase>/api/prediction/<ACC>}
 * @param timeout       connect and request timeout
 * @param offline       never use the network, only the cache
 */
public record FetchSettings(Path cacheDir, URI rcsbBase, URI alphaFoldBase, Duration timeout, boolean offline) {

    public static final URI RCSB = URI.create("https://files.rcsb.org/download/");
    public static final URI ALPHAFOLD = URI.create("https://alphafold.ebi.ac.uk/");

    public FetchSettings {
        Objects.requireNonNull(cacheDir, "cacheDir");
        rcsbBase = withSlash(Objects.requireNonNull(rcsbBase, "rcsbBase"));
        alphaFoldBase = withSlash(Objects.requireNonNull(alphaFoldBase, "alphaFoldBase"));
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Public servers, cache in {@code ~/.cache/sparsepocket}; see {@link #fromEnvironment(Map)}. */
    public static FetchSettings defaults() {
        return fromEnvironment(Map.of());
    }

    /**
     * Defaults overridden by environment variables: {@code SPARSEPOCKET_CACHE} (cache directory; else
     * {@code $XDG_CACHE_HOME/sparsepocket}, else {@code ~/.cache/sparsepocket}), {@code SPARSEPOCKET_RCSB_URL},
     * {@code SPARSEPOCKET_ALPHAFOLD_URL}, {@code SPARSEPOCKET_OFFLINE=1}.
     */
    public static FetchSettings fromEnvironment(Map<String, String> env) {
        Path cache;
        if (notBlank(env.get("SPARSEPOCKET_CACHE"))) {
            cache = Path.of(env.get("SPARSEPOCKET_CACHE"));
        } else if (notBlank(env.get("XDG_CACHE_HOME"))) {
            cache = Path.of(env.get("XDG_CACHE_HOME"), "sparsepocket");
        } else {
            cache = Path.of(System.getProperty("user.home"), ".cache", "sparsepocket");
        }
        URI rcsb = notBlank(env.get("SPARSEPOCKET_RCSB_URL")) ? URI.create(env.get("SPARSEPOCKET_RCSB_URL")) : RCSB;
        URI af = notBlank(env.get("SPARSEPOCKET_ALPHAFOLD_URL"))
                ? URI.create(env.get("SPARSEPOCKET_ALPHAFOLD_URL")) : ALPHAFOLD;
        boolean offline = "1".equals(env.get("SPARSEPOCKET_OFFLINE")) || "true".equalsIgnoreCase(env.get("SPARSEPOCKET_OFFLINE"));
        return new FetchSettings(cache, rcsb, af, Duration.ofSeconds(30), offline);
    }

    public FetchSettings withCacheDir(Path dir) {
        return new FetchSettings(dir, rcsbBase, alphaFoldBase, timeout, offline);
    }

    public FetchSettings withOffline(boolean off) {
        return new FetchSettings(cacheDir, rcsbBase, alphaFoldBase, timeout, off);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static URI withSlash(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? u : URI.create(s + "/");
    }
}
