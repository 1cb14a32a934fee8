package org.sparsepocket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.TestModels;

/**
 * The bad-input rule of {@code predict}, case by case as a user meets it: one line {@code error: <input
 * as given>: <problem>} per bad input, exit code 1, no stack trace, nothing left in {@code --out} for it,
 * and the batch goes on. Each test reproduces a case that broke the rule before it was fixed.
 */
class PredictBadInputTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        List<String> errors() {
            return err.lines().filter(l -> l.startsWith("error: ")).toList();
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--offline", "--model", TestModels.fixtureModel().toString(), "-q"));
        int code = SparsePocketCli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                Map.of("SPARSEPOCKET_CACHE", tmp.resolve("cache").toString()));
        return new Run(code, out.toString(), err.toString());
    }

    private static void noStackTrace(Run r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in"), r.err());
    }

    /** Every entry of {@code dir}, hidden staging folders included. */
    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The example with the first ATOM line edited by {@code edit}. */
    private static String exampleWithFirstAtom(java.util.function.UnaryOperator<String> edit) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TestModels.example()));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("ATOM  ")) {
                lines.set(i, edit.apply(lines.get(i)));
                break;
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void listFileMixingGoodAndBadEntriesResolvesAgainstItsFolder() throws IOException {
        // picocli expanded @FILE itself before: relative entries were looked up in the working directory
        // (so every one "did not exist") and a name with a space was split in two.
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Files.copy(TestModels.example(), lists.resolve("1fbl.pdb"));
        Files.copy(TestModels.example(), lists.resolve("with space.pdb"));
        Files.writeString(lists.resolve("junk.pdb"), "this is not a structure\n");
        Files.write(lists.resolve("empty.pdb"), new byte[0]);
        Path list = Files.writeString(lists.resolve("batch.txt"),
                "# good and bad\n1fbl.pdb\njunk.pdb\nempty.pdb\nmissing.pdb\nwith space.pdb\n");
        Path out = tmp.resolve("out");
        Run r = run("predict", "@" + list, "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        noStackTrace(r);
        assertEquals(List.of(
                "error: " + lists.resolve("junk.pdb") + ": not a recognised structure file (expected PDB, PDBQT, mmCIF"
                        + " or BinaryCIF, optionally gzip- or zstd-compressed)",
                "error: " + lists.resolve("empty.pdb") + ": empty file",
                "error: missing.pdb: no such file, and not a PDB ID or UniProt accession"), r.errors(), r.err());
        assertTrue(r.out().startsWith("1fbl: "), r.out());
        assertTrue(r.out().contains("with space: "), r.out());
        assertEquals(List.of("1fbl", "index.html", "with_space"), entries(out),
                "only the good inputs' folders (and the batch's index), no partial ones");
    }

    @Test
    void structureSavedAsTxtIsPredictedNotReadAsAList() throws IOException {
        // Before: each of its 4,012 lines became an input, 4,012 error lines. A list that looks like one
        // (first entry starting with data_) and a binary .txt are told apart too.
        Path txt = Files.copy(TestModels.example(), tmp.resolve("1fbl.txt"));
        Files.createDirectories(tmp.resolve("data_set"));
        Files.copy(TestModels.example(), tmp.resolve("data_set").resolve("x.pdb"));
        Path list = Files.writeString(tmp.resolve("batch.list"), "data_set/x.pdb\n");
        Path binary = Files.write(tmp.resolve("blob.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'x', '\n'});
        Path out = tmp.resolve("out");
        Run r = run("predict", txt.toString(), list.toString(), binary.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of("error: " + binary + ": not a list file (not UTF-8 text) and not a structure file"),
                r.errors());
        assertTrue(r.out().startsWith("1fbl.txt: 2,966 atoms"), r.out());
        assertTrue(r.out().contains("x: 2,966 atoms"), r.out());
        assertEquals(List.of("1fbl.txt", "index.html", "x"), entries(out));
    }

    @Test
    void outThatIsAFileFailsOnceBeforeAnyWork() throws IOException {
        // Before: every input failed on its own with "FileAlreadyExistsException: ..." after the model loaded.
        Path file = Files.writeString(tmp.resolve("results"), "a file, not a folder\n");
        String ex = TestModels.example().toString();
        Run r = run("predict", ex, ex, "--out", file.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("error: --out " + file + ": exists and is not a directory\n", r.err());
        assertEquals("", r.out());
        Run under = run("predict", ex, "--out", file.resolve("sub").toString());
        assertEquals(1, under.code(), under.err());
        assertEquals("error: --out " + file.resolve("sub") + ": " + file + " is not a directory\n", under.err());
        assertEquals(List.of("results"), entries(tmp).stream().filter(n -> !n.equals("cache")).toList());
    }

    @Test
    void readOnlyOutFailsOnceBeforeAnyWork() throws IOException {
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(locked), "running as root: a read-only folder is still writable");
            Run r = run("predict", TestModels.example().toString(), "--out", locked.resolve("out").toString());
            assertEquals(1, r.code(), r.err());
            assertEquals("error: --out " + locked.resolve("out") + ": permission denied (cannot write in " + locked + ")\n",
                    r.err());
            assertEquals(List.of(), entries(locked));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void outUnderProcOrSysFailsOnceBeforeAnyWork() {
        // Before: accepted (root may "write" there by the access bits) and failed only after predicting.
        for (String root : List.of("/proc", "/sys")) {
            Assumptions.assumeTrue(Files.isDirectory(Path.of(root)), root + " absent: skipped");
            Path out = Path.of(root, "sparsepocket-out");
            Run r = run("predict", TestModels.example().toString(), TestModels.example().toString(), "--out", out.toString());
            assertEquals(1, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: --out " + out + ": "), r.err());
            assertTrue(r.err().contains(root), r.err());
            assertEquals("", r.out());
            noStackTrace(r);
        }
    }

    @Test
    void predictorErrorsNameTheInputAsGiven() throws IOException {
        // Errors raised after loading named the structure ("wide: cannot voxelize ...", "1fbl: no protein
        // chain 'Z'"), not the input the user typed.
        Path wide = Files.writeString(tmp.resolve("wide.pdb"),
                exampleWithFirstAtom(l -> l.substring(0, 30) + String.format(java.util.Locale.ROOT, "%8.2f", 99000.0)
                        + l.substring(38)));
        Run r = run("predict", wide.toString(), "--json");
        assertEquals(1, r.code(), r.err());
        noStackTrace(r);
        assertEquals(List.of("error: " + wide + ": cannot voxelize input: structure spans more than 65535 voxels of 1.0 Å"),
                r.errors());
        JsonObject result = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("error", result.get("status").getAsString());
        assertEquals(wide + ": cannot voxelize input: structure spans more than 65535 voxels of 1.0 Å",
                result.get("error").getAsString());

        String ex = TestModels.example().toString();
        Run chain = run("predict", ex, "--chains", "Z");
        assertEquals(1, chain.code(), chain.err());
        assertEquals(List.of("error: " + ex + ": no protein chain 'Z' (protein chains: A)"), chain.errors());
    }

    @Test
    void cAlphaTraceAndSingleResidueFailAndTheBatchGoesOn() throws IOException {
        // Before: both were "predicted" with exit code 0 (pockets on a trace, "1 atoms, 0 pockets").
        String trace = Files.readAllLines(TestModels.example()).stream()
                .filter(l -> !l.startsWith("ATOM  ") || l.substring(12, 16).equals(" CA "))
                .collect(Collectors.joining("\n", "", "\n"));
        Path ca = Files.writeString(tmp.resolve("trace.pdb"), trace);
        String first = Files.readAllLines(TestModels.example()).stream().filter(l -> l.startsWith("ATOM  "))
                .findFirst().orElseThrow();
        Path single = Files.writeString(tmp.resolve("single.pdb"), first + "\nEND\n");
        Path out = tmp.resolve("out");
        Run r = run("predict", ca.toString(), TestModels.example().toString(), single.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        noStackTrace(r);
        // errors are reported as items finish (worker threads), so in any order
        assertEquals(List.of(
                "error: " + single + ": only one protein residue (A:PHE100, 1 atom); a binding site needs a protein",
                "error: " + ca + ": a C-alpha trace (367 of 367 residues have only a CA atom); the network needs all heavy atoms"),
                r.errors().stream().sorted().toList());
        assertEquals(List.of("1fbl", "index.html"), entries(out));
    }

    @Test
    void featurizationWarningNamesTheStructureOnce() throws IOException {
        // Before: "warning: x: x: 9 of 2966 atoms featurized by element rules ..." (the name twice).
        Path odd = Files.writeString(tmp.resolve("odd.pdb"),
                exampleWithFirstAtom(l -> l.substring(0, 12) + " QQ " + l.substring(16)));
        Run r = run("predict", odd.toString());
        assertEquals(0, r.code(), r.err());
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("warning: ")).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("warning: odd: 1 of ")), r.err());
        assertTrue(warnings.stream().noneMatch(w -> w.startsWith("warning: odd: odd: ")), r.err());
    }
}
