package org.sparsepocket.structure;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Downloads structures by PDB ID (RCSB, mmCIF) or UniProt accession (AlphaFold DB model) into the cache
 * directory of {@link FetchSettings}; a cached file is used without touching the network. Files are
 * written to a temporary name and moved into place, so an interrupted download leaves nothing behind.
 */
public final class StructureFetcher {

    private final FetchSettings settings;
    private final Consumer<String> progress;
    private HttpClient client;

    public StructureFetcher(FetchSettings settings) {
        this(settings, message -> { });
    }

    /** @param progress told (one line) before each actual download, e.g. to print it on stderr */
    public StructureFetcher(FetchSettings settings, Consumer<String> progress) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** The mmCIF file of a PDB entry, from the cache or RCSB. */
    public Path pdbEntry(String pdbId) {
        String id = pdbId.toUpperCase(Locale.ROOT);
        Path target = settings.cacheDir().resolve("pdb").resolve(id.toLowerCase(Locale.ROOT) + ".cif.gz");
        if (Files.isRegularFile(target)) {
            return target;
        }
        URI url = settings.rcsbBase().resolve(id + ".cif.gz");
        download(pdbId, "RCSB", url, target);
        return target;
    }

    /** The AlphaFold DB model file of a UniProt accession, from the cache or AlphaFold DB. */
    public Path alphaFoldModel(String accession) {
        String acc = accession.toUpperCase(Locale.ROOT);
        Path dir = settings.cacheDir().resolve("alphafold");
        Path cached = cachedAlphaFold(dir, acc);
        if (cached != null) {
            return cached;
        }
        URI api = settings.alphaFoldBase().resolve("api/prediction/" + acc);
        String json = new String(get(accession, "AlphaFold DB", api), StandardCharsets.UTF_8);
        String cifUrl = modelUrl(json);
        if (cifUrl == null) {
            throw new StructureException(accession, "AlphaFold DB returned no model file for this accession");
        }
        URI url = api.resolve(cifUrl);
        String file = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
        if (!file.toUpperCase(Locale.ROOT).startsWith("AF-" + acc + "-")) {
            file = "AF-" + acc + "-F1-model.cif";
        }
        Path target = dir.resolve(file);
        download(accession, "AlphaFold DB", url, target);
        return target;
    }

    private static Path cachedAlphaFold(Path dir, String acc) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().toUpperCase(Locale.ROOT).startsWith("AF-" + acc + "-F1-"))
                    .filter(p -> !p.getFileName().toString().endsWith(".part"))
                    .sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The first model's mmCIF URL in an AlphaFold DB API answer (a JSON array of entries). */
    static String modelUrl(String json) {
        try {
            JsonElement root = JsonParser.parseString(json);
            JsonArray entries = root.isJsonArray() ? root.getAsJsonArray() : new JsonArray();
            if (root.isJsonObject()) {
                entries.add(root);
            }
            for (JsonElement e : entries) {
                JsonObject o = e.getAsJsonObject();
                if (o.has("cifUrl") && !o.get("cifUrl").isJsonNull()) {
                    return o.get("cifUrl").getAsString();
                }
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void download(String input, String server, URI url, Path target) {
        byte[] body = get(input, server, url);
        try {
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                out.write(body);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StructureException(input, "cannot write to the cache " + target.getParent() + " ("
                    + StructureException.describe(e) + ")", e);
        }
    }

    private byte[] get(String input, String server, URI url) {
        if (settings.offline()) {
            throw new StructureException(input, "not in the cache " + settings.cacheDir()
                    + " and offline mode forbids downloading " + url);
        }
        progress.accept("downloading " + url);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("User-Agent", "SparsePocket").GET().build();
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() == 404) {
                    throw new StructureException(input, "not found at " + server + " (HTTP 404 for " + url + ")");
                }
                if (response.statusCode() / 100 != 2) {
                    throw new StructureException(input, server + " answered HTTP " + response.statusCode()
                            + " for " + url);
                }
                return readBounded(in, input);
            }
        } catch (ConnectException | HttpTimeoutException e) {
            throw new StructureException(input, "cannot download " + url + " (offline? "
                    + StructureException.describe(e) + "); no copy in the cache " + settings.cacheDir(), e);
        } catch (IOException e) {
            throw new StructureException(input, "download of " + url + " failed ("
                    + StructureException.describe(e) + "); no copy in the cache " + settings.cacheDir(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StructureException(input, "download of " + url + " interrupted", e);
        }
    }

    private static byte[] readBounded(InputStream in, String input) throws IOException {
        byte[] data = in.readNBytes((int) StructureInput.MAX_BYTES + 1);
        if (data.length > StructureInput.MAX_BYTES) {
            throw new StructureException(input, "download larger than " + (StructureInput.MAX_BYTES >> 20) + " MiB");
        }
        return data;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return client;
    }
}
