package org.sparsepocket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.structure.StructureFetcherTest;
import org.sparsepocket.structure.TestFiles;

/** The CLI run in-process: exit codes, stdout/stderr separation, one-line errors, JSON. */
class SparsePocketCliTest {

    record Run(int code, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = SparsePocketCli.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(code, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(Map.of("SPARSEPOCKET_OFFLINE", "1"), args);
    }

    @Test
    void helpOfEveryPocketCommandListsEveryScorer() {
        for (String command : List.of("predict", "evaluate")) {
            Run r = run(command, "--help");
            assertEquals(0, r.code(), r.err());
            String help = r.out().replaceAll("\\s+", " ");
            for (org.sparsepocket.pockets.PocketScorer s : org.sparsepocket.pockets.PocketScorer.all()) {
                assertTrue(help.contains(s.name()), command + " --help does not name the scorer " + s.name());
            }
        }
    }

    @Test
    void inspectPrintsComplexesChainsAndLigands() {
        Run r = run("inspect", TestFiles.example().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("1fbl (PDB): 1 complex", lines.get(0));
        assertEquals("complex 1fbl: 1 chain, 367 residues, 2966 heavy atoms", lines.get(1));
        assertEquals("  chain A       367 residues    2966 atoms", lines.get(2));
        assertEquals("  features: 18 per atom; 2966 atoms from residue templates, 0 by element rules", lines.get(3));
        assertTrue(lines.get(4).startsWith("  flagged atoms: hydrophobic "), lines.get(4));
        assertEquals("  ligands: 1 relevant of 7 het groups (295 waters not listed)", lines.get(5));
        assertTrue(lines.contains("  * HTA  A:900        27 atoms"), r.out());
        assertTrue(lines.contains("    ZN   A:997         1 atom   (fewer than 5 heavy atoms)"), r.out());
    }

    @Test
    void inspectJsonIsOneDocumentOnStdout() {
        Run r = run("inspect", TestFiles.example().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("1fbl", doc.get("name").getAsString());
        assertEquals("PDB", doc.get("format").getAsString());
        JsonObject complex = doc.getAsJsonArray("complexes").get(0).getAsJsonObject();
        assertEquals(2966, complex.get("atoms").getAsInt());
        assertEquals(295, complex.get("waters").getAsInt());
        JsonObject features = complex.getAsJsonObject("features");
        assertEquals(18, features.get("perAtom").getAsInt());
        assertEquals(2966, features.get("fromTemplates").getAsInt());
        assertTrue(features.getAsJsonObject("flagged").get("aromatic").getAsInt() > 0);
        JsonArray ligands = complex.getAsJsonArray("ligands");
        List<String> relevant = new ArrayList<>();
        ligands.forEach(l -> {
            JsonObject o = l.getAsJsonObject();
            if (o.get("relevant").getAsBoolean()) {
                relevant.add(o.get("code").getAsString() + " " + o.get("chain").getAsString() + o.get("number").getAsInt());
            }
        });
        assertEquals(List.of("HTA A900"), relevant);
    }

    @Test
    void chainModes() throws IOException {
        Path twoChains = TestFiles.data("p2rank-testdata/2W83.pdb");
        Run each = run("inspect", twoChains.toString(), "--each-chain", "--json");
        assertEquals(0, each.code(), each.err());
        assertEquals(5, JsonParser.parseString(each.out()).getAsJsonObject().getAsJsonArray("complexes").size());

        Run chosen = run("inspect", twoChains.toString(), "--chains", "B,A");
        assertEquals(0, chosen.code(), chosen.err());
        assertTrue(chosen.out().contains("complex 2W83_A_B: 2 chains, 322 residues"), chosen.out());

        Run unknown = run("inspect", twoChains.toString(), "--chains", "A,Q");
        assertEquals(1, unknown.code());
        assertEquals("", unknown.out());
        assertEquals("error: 2W83: no protein chain 'Q' (protein chains: A, B, C, D, E)\n", unknown.err());
    }

    @Test
    void inputFailuresExitWithOneAndOneLine(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.pdb"));
        Run r = run("inspect", empty.toString());
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertEquals("error: " + empty + ": empty file\n", r.err());

        Run missing = run("inspect", "missing.pdb");
        assertEquals(1, missing.code());
        assertEquals("error: missing.pdb: no such file, and not a PDB ID or UniProt accession\n", missing.err());

        Run offline = run("inspect", "1abc", "--cache-dir", dir.toString());
        assertEquals(1, offline.code());
        assertEquals(1, offline.err().lines().count(), offline.err());
        assertTrue(offline.err().startsWith("error: 1abc: not in the cache " + dir), offline.err());
        assertFalse(offline.err().contains("Exception"));
    }

    @Test
    void usageErrorsExitWithTwo() {
        Run none = run();
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("error: missing command\n"), none.err());

        Run noFile = run("inspect");
        assertEquals(2, noFile.code());
        assertTrue(noFile.err().startsWith("error: Missing required parameter: 'STRUCTURE'"), noFile.err());
        assertTrue(noFile.err().contains("Try 'sparsepocket inspect --help'"), noFile.err());

        Run both = run("inspect", "x.pdb", "--chains", "A", "--each-chain");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("mutually exclusive"), both.err());

        Run typo = run("inspct", "x.pdb");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("Did you mean: sparsepocket inspect"), typo.err());

        Run badOption = run("inspect", "x.pdb", "--jsn");
        assertEquals(2, badOption.code());
        assertEquals("", badOption.out());
    }

    @Test
    void helpOnEveryCommand() {
        Run top = run("--help");
        assertEquals(0, top.code());
        assertTrue(top.out().startsWith("Usage: sparsepocket"), top.out());
        assertTrue(top.out().contains("inspect"));
        Run inspect = run("inspect", "--help");
        assertEquals(0, inspect.code());
        assertTrue(inspect.out().contains("--each-chain"), inspect.out());
        assertTrue(inspect.out().contains("Exit codes:"), inspect.out());
        assertEquals(0, run("help", "inspect").code());
        assertEquals(0, run("--version").code());
    }

    @Test
    void onlyTheCommandNamedIsRegistered() {
        assertEquals(List.of("predict", "help"),
                List.copyOf(SparsePocketCli.commandLine(Map.of(), new String[] {"predict", "x.pdb"}).getSubcommands().keySet()));
        // Anything else (an option, a misspelt command, help) gets every command, in the usage's order.
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "predict"}, {"prdict"}}) {
            List<String> names = List.copyOf(SparsePocketCli.commandLine(Map.of(), args).getSubcommands().keySet());
            assertEquals(SparsePocketCli.COMMANDS.size() + 1, names.size(), names.toString());
            assertEquals("inspect", names.get(0));
            assertEquals("help", names.get(names.size() - 1));
        }
    }

    @Test
    void pdbIdIsFetchedWithProgressOnStderr(@TempDir Path cache) throws IOException {
        List<String> requests = new ArrayList<>();
        HttpServer server = StructureFetcherTest.fakeServers(requests);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Map<String, String> env = Map.of("SPARSEPOCKET_CACHE", cache.toString(),
                    "SPARSEPOCKET_RCSB_URL", base + "download/", "SPARSEPOCKET_ALPHAFOLD_URL", base);
            Run r = run(env, "inspect", "1fbl", "--json");
            assertEquals(0, r.code(), r.err());
            assertEquals("MMCIF, gzip", JsonParser.parseString(r.out()).getAsJsonObject().get("format").getAsString());
            assertEquals("sparsepocket: downloading " + base + "download/1FBL.cif.gz\n", r.err());

            Run quiet = run(env, "inspect", "P03956", "--quiet");
            assertEquals(0, quiet.code(), quiet.err());
            assertEquals("", quiet.err());
            assertTrue(quiet.out().startsWith("P03956 (PDB): 1 complex"), quiet.out());
        } finally {
            server.stop(0);
        }
    }
}
