package org.sparsepocket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.structure.StructureLoader;

class EvaluateCommandTest {

    private static final Path FIXTURE_MODEL = org.sparsepocket.TestModels.fixtureModel();

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = SparsePocketCli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Result(code, out.toString(), err.toString());
    }

    private static Path data(String sub) {
        for (Path base : List.of(Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data"))) {
            if (Files.exists(base.resolve(sub))) {
                return base.resolve(sub).toAbsolutePath().normalize();
            }
        }
        assumeTrue(false, "../shared/data/" + sub + " is absent: test skipped (it needs the project's shared data)");
        return null;
    }

    @Test
    void scoresFpocketFilesOfAP2RankDataset(@TempDir Path tmp) throws Exception {
        Path ds = data("p2rank-testdata/fpocket.ds");
        Path csv = tmp.resolve("per-protein.csv");
        Result r = run("evaluate", ds.toString(), "--tool", "fpocket", "--json", "-q", "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject s = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("summaries").get(0)
                .getAsJsonObject();
        assertEquals("fpocket", s.get("tool").getAsString());
        assertEquals(4, s.get("proteins").getAsInt());
        // relevant ligands: 1a82a ATP+DNN, 1aaxa 892+2×BPM (BOG is a detergent), 1t7qa 152+COA, 2ck3b ANP
        assertEquals(8, s.get("ligands").getAsInt());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size());
        // 1a82a: fpocket 1's second pocket sits between ATP (3.8 Å) and dethiobiotin (0.5 Å), its first is
        // 11 Å from both (checked with awk on pocket0/1_vert.pqr): both ligands are found at rank 2.
        assertTrue(lines.get(1).startsWith("1a82a,fpocket,2,14,2 2,2,2,"), lines.get(1));
        assertTrue(r.err().isEmpty(), "--quiet keeps stderr empty: " + r.err());
    }

    @Test
    void aBadProteinFileFailsItsItemAndTheOthersAreScored(@TempDir Path tmp) throws Exception {
        Path good = data("p2rank-testdata/liganated/1a82a.pdb");
        Path empty = Files.write(tmp.resolve("empty.pdb"), new byte[0]);
        Path junk = Files.writeString(tmp.resolve("junk.cif"), "data_x\n_entry.id x\n");
        Path ds = Files.writeString(tmp.resolve("mixed.ds"), empty + "\n" + good + "\n" + junk + "\n");
        Result r = run("evaluate", ds.toString(), "--model", FIXTURE_MODEL.toString(), "--json", "-q");
        assertEquals(1, r.code(), r.err());
        assertEquals(java.util.Set.of("error: " + empty + ": empty file",
                "error: " + junk + ": mmCIF file has no _atom_site category (no atom coordinates)"),
                java.util.Set.copyOf(r.err().lines().toList()), r.err());
        JsonObject s = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("summaries").get(0)
                .getAsJsonObject();
        assertEquals(1, s.get("proteins").getAsInt());
    }

    @Test
    void otherToolWithoutPredictionsIsAUsageError() {
        Path dir = data("pdbbind-timesplit363");
        Result r = run("evaluate", dir.toString(), "--tool", "fpocket");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --tool fpocket needs --predictions DIR"), r.err());
    }

    @Test
    void missingPredictionsAreOneLineFailuresAndTheExitCodeIsOne(@TempDir Path tmp) {
        Path ds = data("p2rank-testdata/basic.ds");
        Result r = run("evaluate", ds.toString(), "--tool", "p2rank", "--predictions", tmp.toString(), "-q");
        assertEquals(1, r.code());
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("error: ") && l.contains("no p2rank prediction")),
                r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void exportedProteinsReadBackWithTheSameAtoms(@TempDir Path tmp) {
        Path ds = data("p2rank-testdata/fpocket.ds");
        Result r = run("evaluate", ds.toString(), "--export-proteins", tmp.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        var original = StructureLoader.load(data("p2rank-testdata/liganated/1a82a.pdb")).protein();
        var exported = StructureLoader.load(tmp.resolve("1a82a.pdb")).protein();
        assertEquals(original.size(), exported.size());
        for (int i = 0; i < original.size(); i++) {
            assertEquals(original.get(i).residue(), exported.get(i).residue());
            assertEquals(original.get(i).x(), exported.get(i).x(), 1e-3);
        }
    }

    @Test
    void sparsePocketRunsTheModelOnceAndReusesCachedProbabilities(@TempDir Path tmp) throws Exception {
        Path ds = data("p2rank-testdata/fpocket.ds");
        Path cache = tmp.resolve("cache");
        String[] args = {"evaluate", ds.toString(), "--model", FIXTURE_MODEL.toString(), "--cache", cache.toString(),
            "--limit", "2", "--threads", "1", "--json", "-q"};
        Result first = run(args);
        assertEquals(0, first.code(), first.err());
        try (var s = Files.list(cache)) {
            assertEquals(2, s.count(), "one probability file per protein");
        }
        JsonObject summary = JsonParser.parseString(first.out()).getAsJsonObject().getAsJsonArray("summaries")
                .get(0).getAsJsonObject();
        assertEquals("sparsepocket", summary.get("tool").getAsString());
        assertFalse(summary.get("atomPrAucPooled").isJsonNull(), "the model gives per-atom scores");
        Result second = run(args);
        assertEquals(first.out(), second.out(), "cached probabilities give the same evaluation");
    }

    /**
     * evaluate reads SDF and MOL2 ligand files as the KNIME evaluator does: the inhibitor of the example,
     * written as PDB, SDF and MOL2, gives the same evaluation in all three.
     */
    @Test
    void acceptsSdfAndMol2LigandFiles(@TempDir Path tmp) throws Exception {
        Path example = org.sparsepocket.TestModels.example().toAbsolutePath();
        var hta = StructureLoader.load(example).hetGroups().stream()
                .filter(l -> l.residue().name().equals("HTA")).findFirst().orElseThrow();
        StringBuilder pdb = new StringBuilder(), sdf = new StringBuilder("HTA\n  test\n\n"), mol2 = new StringBuilder(
                "@<TRIPOS>MOLECULE\nHTA\n" + hta.atoms().size() + " 0 0 0 0\nSMALL\nNO_CHARGES\n\n@<TRIPOS>ATOM\n");
        sdf.append(String.format(java.util.Locale.ROOT, "%3d%3d  0  0  0  0  0  0  0  0999 V2000%n", hta.atoms().size(), 0));
        int i = 0;
        for (var a : hta.atoms()) {
            i++;
            pdb.append(String.format(java.util.Locale.ROOT, "HETATM%5d %-4s HTA A 900    %8.3f%8.3f%8.3f  1.00  0.00          %2s%n",
                    i, a.element() + i, a.x(), a.y(), a.z(), a.element()));
            sdf.append(String.format(java.util.Locale.ROOT, "%10.4f%10.4f%10.4f %-3s 0  0  0  0  0  0  0  0  0  0  0  0%n",
                    a.x(), a.y(), a.z(), a.element()));
            mol2.append(String.format(java.util.Locale.ROOT, "%7d %-4s %10.4f %10.4f %10.4f %-5s 1 HTA 0.0000%n",
                    i, a.element() + i, a.x(), a.y(), a.z(), a.element()));
        }
        sdf.append("M  END\n$$$$\n");
        Files.writeString(tmp.resolve("hta.pdb"), pdb + "END\n");
        Files.writeString(tmp.resolve("hta.sdf"), sdf.toString());
        Files.writeString(tmp.resolve("hta.mol2"), mol2.toString());
        String pdbSummary = null;
        for (String ligand : List.of("hta.pdb", "hta.sdf", "hta.mol2")) {
            Path ds = tmp.resolve(ligand + ".ds");
            Files.writeString(ds, example + " " + ligand + "\n");
            Result r = run("evaluate", ds.toString(), "--model", FIXTURE_MODEL.toString(), "--threshold", "0.5",
                    "--json", "-q", "--threads", "1");
            assertEquals(0, r.code(), ligand + ": " + r.err());
            JsonObject summary = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("summaries").get(0)
                    .getAsJsonObject();
            assertEquals(1, summary.get("ligands").getAsInt(), ligand);
            if (pdbSummary == null) {
                pdbSummary = summary.toString();
            } else {
                assertEquals(pdbSummary, summary.toString(), ligand + " evaluates as the PDB ligand does");
            }
        }
    }
}
