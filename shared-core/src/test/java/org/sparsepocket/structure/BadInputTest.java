package org.sparsepocket.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, one test per case: each gives a correct result or a one-line error that names the input
 * and the problem.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private StructureException failure(Path file) {
        StructureException e = assertThrows(StructureException.class, () -> StructureLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void emptyFile() throws IOException {
        Path p = write("empty.pdb", new byte[0]);
        assertEquals(p + ": empty file", failure(p).getMessage());
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = dir.resolve("missing.pdb");
        assertEquals(missing + ": no such file", failure(missing).getMessage());
        assertEquals(dir + ": is a directory, not a structure file", failure(dir).getMessage());
    }

    @Test
    void truncatedGzipFile() throws IOException {
        byte[] gz = TestFiles.gzip(Files.readAllBytes(TestFiles.example()));
        Path p = write("truncated.pdb.gz", Arrays.copyOf(gz, gz.length / 2));
        assertEquals(p + ": truncated gzip data (unexpected end of stream)", failure(p).getMessage());
    }

    @Test
    void truncatedZstdFile() throws IOException {
        byte[] zst = Files.readAllBytes(TestFiles.data("p2rank-testdata/1fbl.pdb.zst"));
        Path p = write("truncated.pdb.zst", Arrays.copyOf(zst, zst.length / 2));
        assertTrue(failure(p).getMessage().contains("zstd"));
    }

    @Test
    void pdbCutInsideARecordFails() throws IOException {
        // Before: predicted with the 1,499 complete atoms (about half), exit 0 and no warning.
        String text = TestFiles.exampleText();
        int cut = text.indexOf("ATOM   1500 ") + 40;     // in the middle of atom 1500's coordinates
        Path p = write("truncated.pdb", text.substring(0, cut).getBytes(StandardCharsets.ISO_8859_1));
        long line = text.substring(0, cut).lines().count();
        assertEquals(p + ": truncated file: the last line (" + line + ") ends inside an ATOM record, before the end"
                + " of its coordinates", failure(p).getMessage());
    }

    @Test
    void pdbCutAtALineEndIsPredictedWithAWarning() throws IOException {
        String text = TestFiles.exampleText();
        Path p = write("cut.pdb", text.substring(0, text.indexOf("ATOM   1500 ")).getBytes(StandardCharsets.ISO_8859_1));
        Structure s = StructureLoader.load(p);
        assertEquals(1499, s.protein().size());
        assertEquals(List.of("no END record: the file may be cut short (check that it is complete)"), s.warnings());
        assertEquals(List.of(), StructureLoader.load(TestFiles.example()).warnings(), "the complete file ends with END");
    }

    @Test
    void firstModelWithoutEndmdlFails() throws IOException {
        String text = TestFiles.exampleText();
        String atoms = text.substring(text.indexOf("\nATOM  ") + 1, text.indexOf("ATOM   1500 "));
        Path p = write("model.pdb", ("MODEL        1\n" + atoms).getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(p + ": truncated file: MODEL without ENDMDL (the first model is not complete)", failure(p).getMessage());
        Path whole = write("models.pdb", ("MODEL        1\n" + atoms + "ENDMDL\n").getBytes(StandardCharsets.ISO_8859_1));
        Structure s = StructureLoader.load(whole);
        assertEquals(1499, s.protein().size());
        assertEquals(List.of(), s.warnings(), "a complete model needs no END");
    }

    @Test
    void truncatedMmCifFile() throws IOException {
        // Before: "cannot parse as MMCIF (Index 3366 out of bounds for length 3366)".
        byte[] cif = Files.readAllBytes(TestFiles.data("p2rank-testdata/1fbl.cif"));
        for (double fraction : new double[] {0.5, 0.6, 0.77}) {   // cuts inside its _atom_site table
            Path p = write("truncated.cif", Arrays.copyOf(cif, (int) (cif.length * fraction)));
            String m = failure(p).getMessage();
            assertTrue(m.startsWith(p + ": truncated file: the _atom_site table ends inside a row ("), m);
            assertFalse(m.contains("Index") || m.contains("bounds"), m);
        }
    }

    @Test
    void binaryGarbage() throws IOException {
        byte[] junk = new byte[20_000];
        new Random(1).nextBytes(junk);
        junk[0] = 0x00;
        Path p = write("garbage.pdb", junk);
        assertEquals(p + ": not a recognised structure file (expected PDB, PDBQT, mmCIF or BinaryCIF, optionally "
                + "gzip- or zstd-compressed)", failure(p).getMessage());

        junk[0] = 0x1f;
        junk[1] = (byte) 0x8b;
        Path fakeGzip = write("fake.pdb.gz", junk);
        assertTrue(failure(fakeGzip).getMessage().contains("gzip"));

        byte[] fakeBcif = Arrays.copyOf("\u0083\u00a7encoder".getBytes(StandardCharsets.ISO_8859_1), 5000);
        System.arraycopy(junk, 0, fakeBcif, 9, 4000);
        Path bcif = write("fake.bcif", fakeBcif);
        assertTrue(failure(bcif).getMessage().startsWith(bcif + ": cannot parse as BCIF"));

        Path prose = write("notes.pdb", "These are notes, not atoms.\nSecond line.\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(failure(prose).getMessage().contains("not a recognised structure file"));
    }

    @Test
    void fileWithNoProteinAtoms() throws IOException {
        String ligandOnly = TestFiles.exampleText().lines()
                .filter(l -> l.startsWith("HETATM") && l.substring(17, 20).matches("HTA|HOH"))
                .collect(Collectors.joining("\n", "", "\nEND\n"));
        Path p = write("ligand-only.pdb", ligandOnly.getBytes(StandardCharsets.US_ASCII));
        assertEquals(p + ": no protein atoms (found 296 het groups)", failure(p).getMessage());
    }

    @Test
    void notANumberCoordinates() throws IOException {
        String text = PdbEdit.replace(TestFiles.exampleText(),
                PdbEdit.residue('A', 126).and(l -> l.substring(12, 16).equals(" OG ")),
                l -> l.substring(0, 30) + "     NaN" + l.substring(38));
        Path p = write("nan.pdb", PdbEdit.bytes(text));
        assertEquals(p + ": atom A:SER126 OG has non-finite coordinates (NaN, 70.649, 8.715)", failure(p).getMessage());
    }

    @Test
    void absurdCoordinates() throws IOException {
        List<Atom> atoms = new ArrayList<>(StructureLoader.load(TestFiles.example()).protein());
        Atom a = atoms.get(10);
        atoms.set(10, a.withCoordinates(3.0e9, a.y(), a.z()));
        Path p = write("far.cif", TestFiles.mmCif("far", atoms, false).getBytes(StandardCharsets.US_ASCII));
        String m = failure(p).getMessage();
        assertTrue(m.startsWith(p + ": atom A:" + a.residue().name() + a.residue().number() + " " + a.name()
                + " has coordinates beyond ±100000 Å"), m);

        // Large but legal PDB coordinates (the format's limit is 9999.999) load as they are.
        String text = PdbEdit.replace(TestFiles.exampleText(),
                PdbEdit.residue('A', 126).and(l -> l.substring(12, 16).equals(" OG ")),
                l -> l.substring(0, 30) + "9999.999" + l.substring(38));
        Structure s = StructureLoader.parse(PdbEdit.bytes(text), "edge.pdb");
        assertEquals(9999.999, s.protein().stream().mapToDouble(Atom::x).max().orElseThrow(), 1e-9);
    }

    @Test
    void duplicateAtoms() throws IOException {
        String doubled = PdbEdit.edit(TestFiles.exampleText(), PdbEdit::isAtom, l -> List.of(l, l));
        Path p = write("doubled.pdb", PdbEdit.bytes(doubled));
        Structure s = StructureLoader.load(p);
        Structure reference = StructureLoader.load(TestFiles.example());
        StructureFormatsTest.assertSameAtoms(reference.protein(), s.protein());
        assertEquals(reference.hetGroups().size(), s.hetGroups().size());
        int heavy = reference.protein().size() + reference.hetGroups().stream().mapToInt(l -> l.atoms().size()).sum();
        assertEquals(List.of(heavy + " duplicate atoms ignored"), s.warnings());
    }

    @Test
    void unknownResidues() throws IOException {
        // An unknown name on ATOM records with a backbone stays protein (with a warning); ATOM records
        // without a backbone (a ligand written as ATOM) become a het group.
        String text = PdbEdit.replace(TestFiles.exampleText(), PdbEdit.residue('A', 126), l -> PdbEdit.rename(l, "ATOM", "ZZZ"));
        text = PdbEdit.replace(text, l -> l.startsWith("HETATM") && l.substring(17, 20).equals("HTA"),
                l -> PdbEdit.rename(l, "ATOM", "QQQ"));
        Path p = write("unknown.pdb", PdbEdit.bytes(text));
        Structure s = StructureLoader.load(p);
        assertEquals(2966, s.protein().size());
        assertEquals(List.of("unknown residues kept as protein (backbone-linked): ZZZ"), s.warnings());
        assertTrue(s.hetGroups().stream().anyMatch(l -> l.code().equals("QQQ") && l.atoms().size() == 27));
    }

    @Test
    void mmCifWithoutAtomSite() throws IOException {
        // BioJava failed on it with "/ by zero"; the message now says what is missing.
        String cif = "data_1ABC\n#\n_entry.id 1ABC\n#\n_cell.length_a 10.0\n_cell.length_b 10.0\n#\n";
        Path p = write("no-atoms.cif", cif.getBytes(StandardCharsets.US_ASCII));
        assertEquals(p + ": mmCIF file has no _atom_site category (no atom coordinates)", failure(p).getMessage());
        Path gz = write("no-atoms.cif.gz", TestFiles.gzip(cif.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(gz + ": mmCIF file has no _atom_site category (no atom coordinates)", failure(gz).getMessage());
    }

    @Test
    void endlessDeviceIsBounded() {
        // A device reports size 0 and never ends: it ran the JVM out of memory (a stack trace) before.
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero on this system");
        assertEquals(zero + ": content is larger than the 512 MiB limit", failure(zero).getMessage());
    }

    @Test
    void unreadableFile() throws IOException {
        Path p = Files.copy(TestFiles.example(), dir.resolve("locked.pdb"));
        try {
            Files.setPosixFilePermissions(p, java.util.Set.of());
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no POSIX permissions on this file system");
        }
        // root reads any file: then there is nothing to test
        Assumptions.assumeFalse(Files.isReadable(p), "running as root (or similar): a mode-000 file is still readable");
        assertEquals(p + ": cannot read: permission denied", failure(p).getMessage());
    }

    @Test
    @Timeout(180)   // a guard against hangs, not a speed target
    void assemblyOf300000Atoms() throws IOException {
        List<Atom> one = StructureLoader.load(TestFiles.example()).protein();
        int copies = 102;
        List<Atom> all = new ArrayList<>(one.size() * copies);
        for (int c = 0; c < copies; c++) {
            String chain = "C" + c;
            double dx = 120 * (c % 10), dy = 120 * ((c / 10) % 10), dz = 120 * (c / 100);
            for (Atom a : one) {
                ResidueId r = a.residue();
                all.add(new Atom(0, a.name(), a.element(), new ResidueId(chain, r.number(), ' ', r.name()),
                        a.x() + dx, a.y() + dy, a.z() + dz, a.occupancy(), a.bFactor()));
            }
        }
        Path p = write("assembly.cif", TestFiles.mmCif("assembly", all, false).getBytes(StandardCharsets.US_ASCII));
        long t0 = System.nanoTime();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Structure s = StructureLoader.load(p);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        Duration cpu = Duration.ofNanos(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0);
        assertEquals(one.size() * copies, s.protein().size());
        assertEquals(copies, Complexes.chainIds(s).size());
        assertEquals(copies, Complexes.split(s, ChainMode.eachChain()).size());
        System.out.printf("300k-atom assembly: %d atoms loaded in %d ms (%d ms CPU; heap used %d MiB)%n",
                s.protein().size(), took.toMillis(), cpu.toMillis(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }
}
