package org.sparsepocket.jmol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javajs.util.BS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.output.PocketColors;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.ResidueId;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;

/**
 * {@code pockets} end to end in a headless viewer with a real saved network: the network helper's
 * fixture model (tiny, but a model bundle as {@code sparsepocket train} writes it). Its probabilities
 * are high almost everywhere, so each test first raises the threshold until the structure splits into
 * several small pockets (re-clustering only, no network run).
 * Everything is checked through Jmol's own query API.
 */
class PocketsPredictionTest {

    private static final Path FIXTURE_MODEL = TestData.repositoryRoot()
            .resolve("shared-core/src/test/resources/org/sparsepocket/model/fixture-v1");
    private static final PredictorSource PREDICTORS = new PredictorSource(() -> PocketPredictor.open(FIXTURE_MODEL));
    private static final double START_THRESHOLD = 0.68;

    @AfterAll
    static void closeNetwork() {
        PREDICTORS.close();
    }

    /** A viewer with the command and a structure loaded, the threshold set (see {@link #severalPockets}). */
    private static Session predicted(String structure) {
        assumeTrue(Files.isDirectory(FIXTURE_MODEL), "fixture model not found: " + FIXTURE_MODEL);
        Session s = new Session(new HeadlessJmol());
        s.service = PocketsInstaller.install(s.jmol.vwr, PREDICTORS, PocketFiles::export);
        s.jmol.script("load \"" + (structure.startsWith("examples/") ? TestData.example(structure.substring(9)) : TestData.shared(structure)) + "\"");
        s.jmol.script("pockets \"threshold\" " + START_THRESHOLD);
        return s;
    }

    /** Predicts, then raises the threshold in steps of 0.01 until there are at least two pockets. */
    private static String severalPockets(Session s) {
        String report = s.run("pockets");
        for (int t = (int) Math.round(START_THRESHOLD * 100) + 1; t <= 90
                && (s.service.current() == null || s.service.current().pockets().size() < 2); t++) {
            report = s.run("pockets \"threshold\" " + t / 100.0);
        }
        assertNotNull(s.service.current(), report);
        assertTrue(s.service.current().pockets().size() >= 2, "no threshold gave two pockets: " + report);
        return report;
    }

    private static final class Session implements AutoCloseable {
        final HeadlessJmol jmol;
        PocketsService service;

        Session(HeadlessJmol jmol) {
            this.jmol = jmol;
        }

        String run(String command) {
            jmol.script(command);
            return String.valueOf(jmol.eval("pocketsReport"));
        }

        @Override
        public void close() {
            jmol.close();
        }
    }

    @Test
    void predictsAndShowsEveryPocketWithItsColourSurfaceMarkerLabelAndReport() {
        try (Session s = predicted("examples/1fbl.pdb")) {
            String report = severalPockets(s);
            ViewerPrediction vp = s.service.current();
            List<PocketView> pockets = vp.pockets();

            Set<String> surfaces = new TreeSet<>(), draws = new TreeSet<>(), labels = new TreeSet<>();
            for (PocketView p : pockets) {
                surfaces.add("sp_pocket" + p.number());
                draws.add("sp_pocket" + p.number() + "_centre");
                labels.add("sp_pocket" + p.number() + "_label");
                // pocket atoms carry the pocket's colour (the CLI scripts' colour of that rank)
                String expected = rgbTriple(PocketColors.rgb(p.number()));
                BS atoms = p.jmolAtoms();
                assertEquals(p.pocket().atoms().size(), atoms.cardinality());
                for (int i = atoms.nextSetBit(0); i >= 0; i = atoms.nextSetBit(i + 1)) {
                    assertEquals(expected, String.valueOf(s.jmol.eval("{atomindex=" + i + "}.color")), "atom " + i);
                }
                assertEquals(atoms, s.jmol.vwr.getAtomBitSet("property_pocket = " + p.number()));
                // the report gives score and residues of each pocket
                assertTrue(report.contains(SceneScript.score(p.pocket().score())), report);
                for (ResidueId r : p.pocket().residues()) {
                    assertTrue(report.contains(r.label()), r.label() + " missing from\n" + report);
                }
            }
            assertEquals(surfaces, SceneScriptTest.ids(s.jmol, "Isosurface"));
            assertEquals(draws, SceneScriptTest.ids(s.jmol, "Draw"));
            assertEquals(labels, SceneScriptTest.labels(s.jmol).keySet());
            assertTrue(report.startsWith("SparsePocket: " + pockets.size() + " pockets on 1fbl (2966 protein atoms,"),
                    report);

            // property_pocketProb holds the network's probability on protein atoms, 0 elsewhere
            int expectedAbove = 0;
            for (ComplexPrediction c : vp.prediction().complexes()) {
                for (float p : c.probabilities()) {
                    expectedAbove += Math.round(p * 1000) > 500 ? 1 : 0;
                }
            }
            assertEquals(expectedAbove, s.jmol.vwr.getAtomBitSet("property_pocketProb > 0.5").cardinality());
            assertEquals(0, s.jmol.vwr.getAtomBitSet("not protein and property_pocketProb > 0").cardinality());
            assertEquals(s.jmol.vwr.getAtomBitSet("property_pocketProb > 0.5").cardinality(),
                    s.jmol.vwr.getAtomBitSet("protein and property_pocketProb > 0.5").cardinality());
        }
    }

    @Test
    void showHideAndClearLeaveTheUsersSceneAsItWas() {
        try (Session s = predicted("examples/1fbl.pdb")) {
            s.jmol.script("color {resno >= 150 and resno < 200} [x123456]");
            s.jmol.script("isosurface ID mine select {resno >= 100 and resno < 103} only vdw translucent 0.5 [x808080]");
            int[] before = atomColours(s.jmol);

            severalPockets(s);
            List<PocketView> pockets = s.service.current().pockets();
            assertFalse(java.util.Arrays.equals(before, atomColours(s.jmol)));

            String report = s.run("pockets \"show\" 2");
            assertEquals(Set.of("mine", "sp_pocket2"), SceneScriptTest.ids(s.jmol, "Isosurface"));
            int[] now = atomColours(s.jmol);
            BS first = pockets.get(0).jmolAtoms();
            for (int i = first.nextSetBit(0); i >= 0; i = first.nextSetBit(i + 1)) {
                assertEquals(before[i], now[i], "pocket 1 atom " + i + " is back to its own colour");
            }
            assertTrue(report.contains("(shown: #2;"), report);

            assertEquals("SparsePocket: pockets hidden; pockets \"show\" shows them again", s.run("pockets \"hide\""));
            assertEquals(Set.of("mine"), SceneScriptTest.ids(s.jmol, "Isosurface"));
            assertTrue(SceneScriptTest.ids(s.jmol, "Draw").isEmpty());
            assertTrue(SceneScriptTest.labels(s.jmol).isEmpty(), "hide removes the labels");
            assertArrayEquals(before, atomColours(s.jmol));

            s.run("pockets \"show\"");
            assertEquals(pockets.size() + 1, SceneScriptTest.ids(s.jmol, "Isosurface").size());

            assertEquals("SparsePocket: pockets cleared, atom colours and styling restored", s.run("pockets \"clear\""));
            assertArrayEquals(before, atomColours(s.jmol));
            assertTrue(s.jmol.vwr.getAtomBitSet("property_pocket > 0 or property_pocketProb > 0").isEmpty(),
                    "clear also zeroes the per-atom properties");
            assertEquals(Set.of("mine"), SceneScriptTest.ids(s.jmol, "Isosurface"));
            assertTrue(SceneScriptTest.labels(s.jmol).isEmpty(), "clear removes the labels");
            assertNull(s.service.current());
            assertEquals("SparsePocket: no prediction yet: run pockets", s.run("pockets \"list\""));

            assertTrue(s.run("pockets \"show\" 99").startsWith("SparsePocket: no prediction yet"));
        }
    }

    @Test
    void accurateAveragesOverTheCardsAccurateCountUntilFastIsAskedFor() {
        try (Session s = predicted("examples/1fbl.pdb")) {
            String fastReport = s.run("pockets");
            ViewerPrediction fast = s.service.current();
            assertNull(fast.settings().rotations());
            assertFalse(fastReport.contains("accurate"), fastReport);

            String report = s.run("pockets \"accurate\"");
            ViewerPrediction accurate = s.service.current();
            assertTrue(s.jmol.statuses().contains(
                    "SparsePocket: predicting pockets on 1fbl (2966 protein atoms, accurate: several orientations) ..."),
                    "the console says why this one takes longer: " + s.jmol.statuses());
            int n = PREDICTORS.get().accurateRotations();
            assertEquals(n, accurate.settings().rotations());
            assertTrue(report.contains("accurate: " + n + " orientations"), report);
            assertEquals(START_THRESHOLD, accurate.settings().pockets().threshold(), "the user's threshold still wins");
            assertFalse(java.util.Arrays.equals(fast.probabilities(), accurate.probabilities()),
                    "averaged probabilities differ from the plain ones");

            s.run("pockets \"threshold\" 0.7");   // re-clustering keeps the mode and its probabilities
            assertEquals(n, s.service.current().settings().rotations());
            assertArrayEquals(accurate.probabilities(), s.service.current().probabilities());
            s.run("pockets");                       // the mode stays on
            assertEquals(n, s.service.current().settings().rotations());

            s.run("pockets \"fast\"");
            assertNull(s.service.current().settings().rotations());
            assertArrayEquals(fast.probabilities(), s.service.current().probabilities());
        }
    }

    @Test
    void aNewThresholdReclustersTheSameProbabilities() {
        try (Session s = predicted("examples/1fbl.pdb")) {
            severalPockets(s);
            ViewerPrediction low = s.service.current();
            double t = low.settings().pockets().threshold() + 0.02;
            String report = s.run("pockets \"threshold\" " + t);
            ViewerPrediction high = s.service.current();
            assertTrue(report.contains(String.format(java.util.Locale.ROOT, "threshold %.2f", t)), report);
            assertArrayEquals(low.probabilities(), high.probabilities(), "no new network run");
            BS lowAtoms = new BS(), highAtoms = new BS();
            low.pockets().forEach(p -> lowAtoms.or(p.jmolAtoms()));
            high.pockets().forEach(p -> highAtoms.or(p.jmolAtoms()));
            BS extra = BS.copy(highAtoms);
            extra.andNot(lowAtoms);
            assertTrue(extra.isEmpty(), "a higher threshold only removes pocket atoms");
            assertTrue(highAtoms.cardinality() <= lowAtoms.cardinality());
            assertEquals(high.pockets().size(), SceneScriptTest.ids(s.jmol, "Isosurface").size());
        }
    }

    @Test
    void chainModes() {
        try (Session s = predicted("p2rank-testdata/2W83.pdb")) {
            s.run("pockets \"threshold\" 0.8");     // few, small pockets: this test is about complexes
            String report = s.run("pockets \"each-chain\"");
            ViewerPrediction each = s.service.current();
            assertNotNull(each, report);
            List<String> complexes = each.prediction().complexes().stream().map(c -> c.complex().name()).toList();
            assertEquals(List.of("2W83_A", "2W83_B", "2W83_C", "2W83_D", "2W83_E"), complexes);
            assertTrue(report.contains("each chain"), report);
            assertTrue(each.pockets().isEmpty() || report.contains("complex"), report);
            for (PocketView p : each.pockets()) {
                assertTrue(report.contains(p.complex()), report);
            }

            report = s.run("pockets \"chains\" \"A,B\"");
            ViewerPrediction ab = s.service.current();
            assertEquals(ChainMode.chains(List.of("A", "B")), ab.settings().chainMode());
            assertEquals(1, ab.prediction().complexes().size());
            assertEquals(List.of("A", "B"), ab.prediction().complexes().get(0).complex().chainIds());
            assertTrue(report.contains("chains A,B"), report);
            for (PocketView p : ab.pockets()) {
                for (Atom a : p.pocket().atoms()) {
                    assertTrue(Set.of("A", "B").contains(a.residue().chainId()));
                }
            }
            // the chosen chains stay until changed
            s.run("pockets");
            assertEquals(ChainMode.chains(List.of("A", "B")), s.service.current().settings().chainMode());
        }
    }

    @Test
    void exportWritesTheClisFiles(@TempDir Path out) throws IOException {
        try (Session s = predicted("examples/1fbl.pdb")) {
            severalPockets(s);
            String report = s.run("pockets \"export\" \"" + out + "\"");
            Path folder = out.resolve("1fbl");
            assertTrue(report.startsWith("SparsePocket: wrote ") && report.endsWith(" files to " + out), report);
            for (String f : List.of("pockets.csv", "pockets.json", "residues.csv", "1fbl_probabilities.pdb", "1fbl.html")) {
                assertTrue(Files.size(folder.resolve(f)) > 0, f);
            }
            List<String> csv = Files.readAllLines(folder.resolve("pockets.csv"));
            assertEquals(s.service.current().pockets().size() + 1, csv.size(), "header + one line per pocket");
        }
    }

    @Test
    void aNewModelInvalidatesThePrediction() {
        try (Session s = predicted("examples/1fbl.pdb")) {
            s.run("pockets");
            s.jmol.script("zap");
            assertEquals("SparsePocket: the model changed since the last prediction: run pockets again",
                    s.run("pockets \"show\" 1"));
            assertEquals("SparsePocket: no structure loaded: load one first, e.g. load =1abc", s.run("pockets"));
        }
    }

    @Test
    void jmolsAtomsGiveTheSameProteinAsTheCliLoader() {
        sameAsCliLoader(TestData.example("1fbl.pdb"));
    }

    @Test
    void jmolsAtomsGiveTheSameProteinAsTheCliLoaderWithNucleotideLigands() {
        sameAsCliLoader(TestData.shared("p2rank-testdata/2W83.pdb"));    // five chains, GTP ligands
    }

    @Test
    void theWarmUpPeptideRunsThroughTheNetwork() {
        assumeTrue(Files.isDirectory(FIXTURE_MODEL), "fixture model not found: " + FIXTURE_MODEL);
        float[] p = PREDICTORS.get().probabilities(JmolPockets.warmUpPeptide());
        assertEquals(13, p.length);
        for (float v : p) {
            assertTrue(v >= 0 && v <= 1);
        }
    }

    private static void sameAsCliLoader(Path path) {
        Structure cli = StructureLoader.load(path);
        try (HeadlessJmol jmol = new HeadlessJmol()) {
            jmol.script("load \"" + path + "\"");
            Structure viewer = ViewerStructure.read(jmol.vwr).structure();
            assertEquals(cli.protein().size(), viewer.protein().size(), path.toString());
            assertEquals(keys(cli.protein()), keys(viewer.protein()), path.toString());
            assertEquals(codes(cli), codes(viewer), path.toString());
        }
    }

    private static Set<String> keys(List<Atom> atoms) {
        Set<String> out = new HashSet<>();
        for (Atom a : atoms) {
            out.add(a.residue().label() + "/" + a.name() + "/" + a.x() + "/" + a.y() + "/" + a.z());
        }
        return out;
    }

    private static List<String> codes(Structure s) {
        List<String> out = new ArrayList<>();
        s.hetGroups().forEach(l -> out.add(l.residue().label()));
        out.sort(null);
        return out;
    }

    private static int[] atomColours(HeadlessJmol jmol) {
        int[] out = new int[jmol.vwr.ms.ac];
        for (int i = 0; i < out.length; i++) {
            out[i] = jmol.vwr.gdata.getColorArgbOrGray(jmol.vwr.ms.at[i].colixAtom) & 0xffffff;
        }
        return out;
    }

    private static String rgbTriple(int rgb) {
        return "{" + (float) (rgb >> 16 & 0xff) + " " + (float) (rgb >> 8 & 0xff) + " " + (float) (rgb & 0xff) + "}";
    }
}
