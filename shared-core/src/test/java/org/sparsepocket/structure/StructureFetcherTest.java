package org.sparsepocket.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching by PDB ID and UniProt accession against a loopback HTTP server that plays RCSB and AlphaFold
 * DB; the tests never touch the network.
 */
public class StructureFetcherTest {

    @TempDir
    Path cache;

    private HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    /** Starts a loopback server answering like RCSB and AlphaFold DB with the example structure. */
    public static HttpServer fakeServers(List<String> requests) throws IOException {
        byte[] pdbEntry = pdbEntry();
        byte[] model = TestFiles.exampleText().getBytes(StandardCharsets.US_ASCII);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            byte[] body;
            int status = 200;
            if (path.equals("/download/1FBL.cif.gz")) {
                body = pdbEntry;
            } else if (path.equals("/api/prediction/P03956")) {
                body = ("[{\"entryId\":\"AF-P03956-F1\",\"cifUrl\":\"/files/AF-P03956-F1-model_v4.cif\","
                        + "\"pdbUrl\":\"/files/AF-P03956-F1-model_v4.pdb\"}]").getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/files/AF-P03956-F1-model_v4.cif")) {
                body = model;
            } else {
                status = 404;
                body = "not found".getBytes(StandardCharsets.US_ASCII);
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static byte[] pdbEntry;

    /** The example's protein as a gzipped mmCIF entry, built once. */
    private static synchronized byte[] pdbEntry() {
        if (pdbEntry == null) {
            pdbEntry = TestFiles.gzip(TestFiles.mmCif("1FBL",
                    StructureLoader.load(TestFiles.example()).protein(), false).getBytes(StandardCharsets.US_ASCII));
        }
        return pdbEntry;
    }

    public static FetchSettings settings(HttpServer server, Path cache) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        return new FetchSettings(cache, URI.create(base + "download/"), URI.create(base), Duration.ofSeconds(10), false);
    }

    @BeforeEach
    void start() throws IOException {
        server = fakeServers(requests);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void pdbIdIsDownloadedOnceThenServedFromTheCache() {
        FetchSettings settings = settings(server, cache);
        List<String> progress = new ArrayList<>();
        Structure s = StructureSource.load("1fbl", settings, progress::add);
        assertEquals("1fbl", s.name());
        assertEquals(2966, s.protein().size());
        assertTrue(Files.isRegularFile(cache.resolve("pdb/1fbl.cif.gz")));
        assertEquals(List.of("/download/1FBL.cif.gz"), requests);
        assertEquals(1, progress.size());
        assertTrue(progress.get(0).startsWith("downloading http://127.0.0.1:"), progress.get(0));

        server.stop(0);    // now offline: the cached copy is used
        assertEquals(2966, StructureSource.load("1FBL", settings).protein().size());
        assertEquals(1, requests.size());
    }

    @Test
    void uniprotAccessionFetchesTheAlphaFoldModel() {
        Structure s = StructureSource.load("P03956", settings(server, cache));
        assertEquals("P03956", s.name());
        assertEquals(2966, s.protein().size());
        assertEquals(List.of("/api/prediction/P03956", "/files/AF-P03956-F1-model_v4.cif"), requests);
        assertTrue(Files.isRegularFile(cache.resolve("alphafold/AF-P03956-F1-model_v4.cif")));
        StructureSource.load("P03956", settings(server, cache));
        assertEquals(2, requests.size(), "second load comes from the cache");
    }

    @Test
    void unknownEntryIsAOneLineError() {
        StructureException e = assertThrows(StructureException.class,
                () -> StructureSource.load("9zzz", settings(server, cache)));
        assertTrue(e.getMessage().startsWith("9zzz: not found at RCSB (HTTP 404 for http://127.0.0.1:"), e.getMessage());
        assertFalse(Files.exists(cache.resolve("pdb/9zzz.cif.gz")), "no partial file left behind");
    }

    @Test
    void offlineIsAOneLineErrorNamingTheInput() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + closedPort + "/";
        FetchSettings unreachable = new FetchSettings(cache, URI.create(base + "download/"), URI.create(base),
                Duration.ofSeconds(5), false);
        StructureException e = assertThrows(StructureException.class, () -> StructureSource.load("1abc", unreachable));
        assertTrue(e.getMessage().startsWith("1abc: cannot download " + base + "download/1ABC.cif.gz (offline?"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("no copy in the cache " + cache), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        StructureException af = assertThrows(StructureException.class, () -> StructureSource.load("P69905", unreachable));
        assertTrue(af.getMessage().startsWith("P69905: cannot download"), af.getMessage());
    }

    @Test
    void offlineModeNeverDownloads() {
        FetchSettings offline = settings(server, cache).withOffline(true);
        StructureException e = assertThrows(StructureException.class, () -> StructureSource.load("1fbl", offline));
        assertTrue(e.getMessage().startsWith("1fbl: not in the cache " + cache + " and offline mode forbids"), e.getMessage());
        assertEquals(List.of(), requests);
    }

    @Test
    void argumentsAreFilesFirstThenIdsThenAccessions(@TempDir Path dir) throws IOException {
        assertTrue(StructureSource.isPdbId("1fbl"));
        assertTrue(StructureSource.isPdbId("2W83"));
        assertFalse(StructureSource.isPdbId("fbl1"));
        assertTrue(StructureSource.isUniProtAccession("P69905"));
        assertTrue(StructureSource.isUniProtAccession("A0A022YWF9"));
        assertFalse(StructureSource.isUniProtAccession("1fbl"));

        Path local = dir.resolve("1fbl");    // a file that looks like a PDB ID wins
        Files.copy(TestFiles.example(), local);
        assertEquals(local, StructureSource.resolve(local.toString(), settings(server, cache)));
        assertEquals(List.of(), requests);

        StructureException e = assertThrows(StructureException.class,
                () -> StructureSource.resolve("no/such/file.pdb", settings(server, cache)));
        assertEquals("no/such/file.pdb: no such file, and not a PDB ID or UniProt accession", e.getMessage());
    }

    @Test
    void settingsComeFromTheEnvironment() {
        FetchSettings s = FetchSettings.fromEnvironment(Map.of("SPARSEPOCKET_CACHE", "/tmp/sp-cache",
                "SPARSEPOCKET_RCSB_URL", "http://mirror.example/rcsb", "SPARSEPOCKET_OFFLINE", "1"));
        assertEquals(Path.of("/tmp/sp-cache"), s.cacheDir());
        assertEquals(URI.create("http://mirror.example/rcsb/"), s.rcsbBase());
        assertEquals(FetchSettings.ALPHAFOLD, s.alphaFoldBase());
        assertTrue(s.offline());
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "sparsepocket"),
                FetchSettings.fromEnvironment(Map.of()).cacheDir());
    }

    @Test
    void alphaFoldAnswerParsing() {
        assertEquals("https://x/AF-Q1-F1-model_v6.cif", StructureFetcher.modelUrl("[{\"cifUrl\":\"https://x/AF-Q1-F1-model_v6.cif\"}]"));
        assertEquals(null, StructureFetcher.modelUrl("[]"));
        assertEquals(null, StructureFetcher.modelUrl("<html>oops</html>"));
    }
}
