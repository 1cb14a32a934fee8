package org.sparsepocket.jmol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javajs.util.BS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;

/**
 * {@code pockets} as a user drives it when the scene changes under it: ensembles and frames, two files
 * (load APPEND), deleted atoms, a failed chain choice, a new structure, and files with blank chains,
 * negative residue numbers, insertion codes and alternate locations. Each case checks that pocket colours
 * and numbers land on the Jmol atoms the prediction was made on (by coordinates) and what the report says.
 * Uses the network helper's fixture model, as {@link PocketsPredictionTest} does.
 */
class PocketsSceneChangesTest {

    private static final Path FIXTURE_MODEL = TestData.repositoryRoot()
            .resolve("shared-core/src/test/resources/org/sparsepocket/model/fixture-v1");
    private static final PredictorSource PREDICTORS = new PredictorSource(() -> PocketPredictor.open(FIXTURE_MODEL));
    /** Splits 1fbl into many small pockets with the fixture model (see PocketsPredictionTest). */
    private static final String THRESHOLD = "0.68";

    @TempDir
    static Path dir;

    @AfterAll
    static void closeNetwork() {
        PREDICTORS.close();
    }

    private static final class Session implements AutoCloseable {
        final HeadlessJmol jmol = new HeadlessJmol();
        final PocketsService service;

        Session() {
            assumeTrue(Files.isDirectory(FIXTURE_MODEL), "fixture model not found: " + FIXTURE_MODEL);
            service = PocketsInstaller.install(jmol.vwr, PREDICTORS, PocketFiles::export);
            run("pockets \"threshold\" " + THRESHOLD);
        }

        String run(String command) {
            jmol.script(command);
            return String.valueOf(jmol.eval("pocketsReport"));
        }

        void load(Path file) {
            jmol.script("load \"" + file + "\"");
        }

        @Override
        public void close() {
            jmol.close();
        }
    }

    /** Every pocket atom is the Jmol atom at the predicted coordinates, coloured and numbered as its pocket. */
    private static void pocketsLandOnTheirAtoms(Session s, int model) {
        ViewerPrediction vp = s.service.current();
        assertNotNull(vp);
        assertFalse(vp.pockets().isEmpty(), "the fixture model finds pockets at threshold " + THRESHOLD);
        for (PocketView p : vp.pockets()) {
            BS bs = p.jmolAtoms();
            assertEquals(p.pocket().atoms().size(), bs.cardinality(), "pocket " + p.number());
            Set<String> predicted = new HashSet<>();
            for (Atom a : p.pocket().atoms()) {
                predicted.add(Math.round(a.x() * 1000) + " " + Math.round(a.y() * 1000) + " " + Math.round(a.z() * 1000));
            }
            for (int i = bs.nextSetBit(0); i >= 0; i = bs.nextSetBit(i + 1)) {
                org.jmol.modelset.Atom a = s.jmol.vwr.ms.at[i];
                assertEquals(model, a.mi, "pocket " + p.number() + " atom " + i + " is in the predicted model");
                assertTrue(predicted.contains(Math.round(a.x * 1000.0) + " " + Math.round(a.y * 1000.0) + " "
                        + Math.round(a.z * 1000.0)), "pocket " + p.number() + ": atom " + i + " is a predicted atom");
            }
            assertEquals(bs, s.jmol.vwr.getAtomBitSet("property_pocket = " + p.number()));
            assertEquals(p.rgb(), argb(s, bs.nextSetBit(0)) & 0xffffff, "pocket " + p.number() + " colour");
            org.jmol.modelset.Text label = SceneScriptTest.echo(s.jmol, p.id() + "_label");
            assertNotNull(label, "pocket " + p.number() + " label");
            assertEquals(model, label.modelIndex, "pocket " + p.number() + "'s label shows with the predicted model");
        }
    }

    private static int argb(Session s, int atom) {
        return s.jmol.vwr.gdata.getColorArgbOrGray(s.jmol.vwr.ms.at[atom].colixAtom);
    }

    private static int[] colours(Session s, BS atoms) {
        int[] out = new int[atoms.cardinality()];
        int k = 0;
        for (int i = atoms.nextSetBit(0); i >= 0; i = atoms.nextSetBit(i + 1)) {
            out[k++] = argb(s, i);
        }
        return out;
    }

    @Test
    void anEnsembleSaysWhichModelAndColoursThatModel() throws IOException {
        try (Session s = new Session()) {
            s.load(DerivedStructures.ensemble(dir));
            String report = s.run("pockets");
            assertTrue(report.contains("note: 2 models loaded; predicted on model 1 (use frame to choose another)"), report);
            pocketsLandOnTheirAtoms(s, 0);

            report = s.run("frame 2; pockets");
            assertTrue(report.contains("note: 2 models loaded; predicted on model 2 (use frame to choose another)"), report);
            pocketsLandOnTheirAtoms(s, 1);
            assertTrue(s.jmol.vwr.getAtomBitSet("model=1 and property_pocket > 0").isEmpty(),
                    "model 1's pocket numbers are gone");
            assertEquals(DerivedStructures.SECOND_MODEL_SHIFT,
                    s.service.current().pockets().get(0).pocket().center().x()
                            - centreOnModel1(s), 0.01, "model 2 is the shifted copy");
            // Back on model 1, model 2's labels go with its surfaces.
            s.jmol.script("frame 1; refresh");
            PocketView first = s.service.current().pockets().get(0);
            assertFalse(SceneScriptTest.echo(s.jmol, first.id() + "_label").visible, "model 2's label hidden on frame 1");
            s.jmol.script("frame 2; refresh");
            assertTrue(SceneScriptTest.echo(s.jmol, first.id() + "_label").visible, "and shown again on frame 2");
        }
    }

    /** Centre of the same atoms in model 1: the ensemble's models hold the atoms in the same order. */
    private static double centreOnModel1(Session s) {
        BS bs = s.service.current().pockets().get(0).jmolAtoms();
        int offset = s.jmol.vwr.ms.am[1].firstAtomIndex - s.jmol.vwr.ms.am[0].firstAtomIndex;
        double x = 0;
        for (int i = bs.nextSetBit(0); i >= 0; i = bs.nextSetBit(i + 1)) {
            x += s.jmol.vwr.ms.at[i - offset].x;
        }
        return x / bs.cardinality();
    }

    @Test
    void twoFilesLoadedPredictTheShownOneUnderItsOwnNameAndGiveTheOtherItsColoursBack() throws IOException {
        try (Session s = new Session()) {
            s.load(TestData.example("1fbl.pdb"));
            BS first = BS.copy(s.jmol.vwr.ms.am[0].bsAtoms);
            int[] before = colours(s, first);
            String report = s.run("pockets");
            assertTrue(report.startsWith("SparsePocket: ") && report.contains(" on 1fbl ("), report);

            s.jmol.script("load APPEND \"" + DerivedStructures.quirks(dir) + "\"");
            report = s.run("frame 2.1; pockets");
            assertTrue(report.contains(" on 1fbl-quirks ("), report);
            assertTrue(report.contains("predicted on model 2.1"), report);
            pocketsLandOnTheirAtoms(s, 1);
            assertArrayEquals(before, colours(s, first), "the first file's atoms have their own colours again");
            assertTrue(s.jmol.vwr.getAtomBitSet("model=1.1 and property_pocket > 0").isEmpty());

            report = s.run("frame 1.1; pockets");
            assertTrue(report.contains(" on 1fbl ("), "named after the model's own file: " + report);
            pocketsLandOnTheirAtoms(s, 0);
        }
    }

    @Test
    void deletedAtomsMakeThePredictionStaleAndAreLeftOutOfTheNextOne() {
        try (Session s = new Session()) {
            s.load(TestData.example("1fbl.pdb"));
            s.run("pockets");
            s.jmol.script("delete resno < 150");
            assertEquals("SparsePocket: the model changed since the last prediction: run pockets again",
                    s.run("pockets \"show\" 1"));
            assertEquals("SparsePocket: threshold set to 0.69; run pockets to predict", s.run("pockets \"threshold\" 0.69"));

            String report = s.run("pockets");
            int live = s.jmol.vwr.getAtomBitSet("protein and not hydrogen").cardinality();
            assertTrue(live < 2966 && report.contains(" on 1fbl (" + live + " protein atoms,"), report);
            pocketsLandOnTheirAtoms(s, 0);
            assertTrue(s.jmol.vwr.getAtomBitSet("resno < 150 and property_pocket > 0").isEmpty());
        }
    }

    @Test
    void hiddenAndUnselectedAtomsArePredictedAndTheSelectionStays() {
        try (Session s = new Session()) {
            s.load(TestData.example("1fbl.pdb"));
            s.jmol.script("restrict resno < 250; select resno > 300");
            BS selected = BS.copy(s.jmol.vwr.bsA());
            String report = s.run("pockets");
            assertTrue(report.contains(" on 1fbl (2966 protein atoms,"), report);
            assertEquals(selected, s.jmol.vwr.bsA());
            pocketsLandOnTheirAtoms(s, 0);
        }
    }

    @Test
    void aFailedChainChoiceIsNotKept() {
        try (Session s = new Session()) {
            s.load(TestData.example("1fbl.pdb"));
            assertEquals("SparsePocket: 1fbl: no protein chain 'Z' (protein chains: A)", s.run("pockets \"chains\" \"Z\""));
            String report = s.run("pockets");
            assertTrue(report.contains("whole structure"), report);
        }
    }

    @Test
    void twiceAndThenAnotherStructureLeaveNothingOfTheFirstBehind() throws IOException {
        try (Session s = new Session()) {
            s.load(TestData.example("1fbl.pdb"));
            s.run("pockets");
            int n = s.service.current().pockets().size();
            s.run("pockets");
            assertEquals(n, SceneScriptTest.ids(s.jmol, "Isosurface").size(), "the second run replaces the first");
            assertEquals(n, SceneScriptTest.ids(s.jmol, "Draw").size());
            assertEquals(n, SceneScriptTest.labels(s.jmol).size());

            assertTrue(s.jmol.statuses().contains("SparsePocket: predicting pockets on 1fbl (2966 protein atoms) ..."),
                    "the console says what it is doing: " + s.jmol.statuses());

            s.load(DerivedStructures.quirks(dir));
            assertTrue(SceneScriptTest.ids(s.jmol, "Isosurface").isEmpty());
            assertEquals("SparsePocket: the model changed since the last prediction: run pockets again",
                    s.run("pockets \"list\""), "no report of a structure that is gone");
            assertTrue(SceneScriptTest.labels(s.jmol).isEmpty(), "a new load leaves no label behind");
            assertTrue(SceneScriptTest.ids(s.jmol, "Draw").isEmpty());
            assertEquals("SparsePocket: the model changed since the last prediction: run pockets again",
                    s.run("pockets \"show\""));
            assertTrue(s.run("pockets").contains(" on 1fbl-quirks ("));
            pocketsLandOnTheirAtoms(s, 0);
        }
    }

    @Test
    void blankChainsNegativeNumbersInsertionCodesAndAltlocsAsTheFileLoaderReadsThem() throws IOException {
        Path quirks = DerivedStructures.quirks(dir);
        try (Session s = new Session()) {
            s.load(quirks);
            Structure viewer = ViewerStructure.read(s.jmol.vwr).structure();
            Structure cli = StructureLoader.load(quirks);
            assertEquals(keys(cli.protein()), keys(viewer.protein()));

            String report = s.run("pockets");
            pocketsLandOnTheirAtoms(s, 0);
            // the more occupied location B is predicted; A gets no probability
            assertTrue(s.jmol.vwr.getAtomBitSet("altloc='A'").cardinality() > 0);
            assertTrue(s.jmol.vwr.getAtomBitSet("altloc='A' and property_pocketProb > 0").isEmpty());
            assertFalse(s.jmol.vwr.getAtomBitSet("altloc='B' and property_pocketProb > 0").isEmpty());
            assertTrue(report.contains(":VAL-9 "), report);
            // every residue label, insertion codes included, names Jmol residues that exist
            for (PocketView p : s.service.current().pockets()) {
                p.pocket().residues().forEach(r -> assertFalse(s.jmol.vwr.getAtomBitSet("resno=" + r.number()
                        + (r.insertionCode() == ' ' ? "" : "^" + r.insertionCode())).isEmpty(), r.label()));
            }
        }
    }

    private static List<String> keys(List<Atom> atoms) {
        return atoms.stream().map(a -> a.residue().label() + "/" + a.name() + "/" + a.x() + "/" + a.y() + "/" + a.z())
                .sorted().toList();
    }
}
