package org.sparsepocket.jmol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import javajs.util.BS;
import org.jmol.modelset.Atom;
import org.jmol.modelset.ModelSet;
import org.jmol.viewer.JC;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.output.PocketColors;

/**
 * The readable scene {@code pockets} sets (before: the structure stayed ball-and-stick with waters, and
 * red pocket 1 melted into the red oxygens), {@code clear} giving the user's own scene back exactly,
 * {@code keep-style}, and {@code show N} zooming to the pocket. Checked through Jmol's own model: atom
 * and bond sizes, shape flags, hidden atoms, colours and the rotation centre.
 */
class PocketsReadableSceneTest {

    private static final Path FIXTURE_MODEL = TestData.repositoryRoot()
            .resolve("shared-core/src/test/resources/org/sparsepocket/model/fixture-v1");
    private static final PredictorSource PREDICTORS = new PredictorSource(() -> PocketPredictor.open(FIXTURE_MODEL));
    private static final int CARTOON = JC.getShapeVisibilityFlag(JC.SHAPE_CARTOON);

    @AfterAll
    static void closeNetwork() {
        PREDICTORS.close();
    }

    private static HeadlessJmol loaded() {
        assumeTrue(Files.isDirectory(FIXTURE_MODEL), "fixture model not found: " + FIXTURE_MODEL);
        HeadlessJmol jmol = new HeadlessJmol();
        PocketsInstaller.install(jmol.vwr, PREDICTORS, PocketFiles::export);
        jmol.script("load \"" + TestData.example("1fbl.pdb") + "\"");
        jmol.script("pockets \"threshold\" 0.68");   // several pockets with the untrained fixture model
        return jmol;
    }

    private static BS atoms(HeadlessJmol jmol, String expression) {
        return jmol.vwr.getAtomBitSet(expression);
    }

    @Test
    void pocketsShowsCartoonStickLigandsInElementColoursAndNoWaters() {
        try (HeadlessJmol jmol = loaded()) {
            BS water = atoms(jmol, "water");
            assertTrue(water.cardinality() > 100, "1fbl has waters");
            assertFalse(jmol.vwr.slm.getHiddenSet().intersects(water), "waters shown after loading");
            jmol.script("pockets");
            ModelSet ms = jmol.vwr.ms;
            BS protein = atoms(jmol, "protein");
            for (int i = protein.nextSetBit(0); i >= 0; i = protein.nextSetBit(i + 1)) {
                assertEquals(0, ms.at[i].madAtom, "no balls on protein atom " + i);
                assertTrue((ms.at[i].shapeVisibilityFlags & CARTOON) != 0 || !ms.at[i].getAtomName().equals("CA"),
                        "cartoon through C-alpha " + i);
            }
            BS hidden = jmol.vwr.slm.getHiddenSet();
            BS notHidden = BS.copy(water);
            notHidden.andNot(hidden);
            assertTrue(notHidden.isEmpty(), "every water hidden");
            BS ligand = atoms(jmol, "not protein and not water and not connected(0)");
            assertTrue(ligand.cardinality() > 10, "the inhibitor HTA and other het groups");
            for (int i = ligand.nextSetBit(0); i >= 0; i = ligand.nextSetBit(i + 1)) {
                assertEquals(400, ms.at[i].madAtom, "stick-sized ball on het atom " + i);
            }
            assertEquals("{255.0 13.0 13.0}", String.valueOf(jmol.eval("{(not protein and not water) and elemno=8}.color")).trim(),
                    "ligand oxygens in Jmol's element red");
            for (int rank = 1; rank <= PocketColors.DISTINCT; rank++) {
                int c = PocketColors.rgb(rank);
                assertFalse(c == 0xFF0D0D || c == 0x3050F8 || c == 0xFFFF30 || c == 0x909090, "pocket colour " + rank);
            }
        }
    }

    /** What a user may have set up: sizes, hidden atoms, colours, a cartoon on part of the chain. */
    /** Colours as shown: RGB and translucency (a palette colour and the same RGB given back are one colour). */
    private record Scene(short[] atomMad, short[] bondMad, BS hidden, int[] colour, int[] flags) {
        static Scene of(HeadlessJmol jmol) {
            ModelSet ms = jmol.vwr.ms;
            short[] atomMad = new short[ms.ac];
            int[] colour = new int[ms.ac];
            int[] flags = new int[ms.ac];
            for (int i = 0; i < ms.ac; i++) {
                Atom a = ms.at[i];
                atomMad[i] = a.madAtom;
                colour[i] = (jmol.vwr.gdata.getColorArgbOrGray(a.colixAtom) & 0xffffff)
                        | (org.jmol.util.C.isColixTranslucent(a.colixAtom) ? 1 << 24 : 0);
                flags[i] = a.shapeVisibilityFlags & (CARTOON | JC.getShapeVisibilityFlag(JC.SHAPE_TRACE));
            }
            short[] bondMad = new short[ms.bondCount];
            for (int b = 0; b < bondMad.length; b++) {
                bondMad[b] = ms.bo[b].mad;
            }
            return new Scene(atomMad, bondMad, BS.copy(jmol.vwr.slm.getHiddenSet()), colour, flags);
        }
    }

    @Test
    void clearGivesTheUsersOwnSceneBackExactly() {
        try (HeadlessJmol jmol = loaded()) {
            jmol.script("select resno < 150; spacefill 0.7; wireframe 0.05; select resno >= 200 and resno < 260; cartoon on;"
                    + " color green; hide resno > 400 or atomno < 30; select atomno < 500");
            jmol.vwr.evalString("refresh");
            Scene before = Scene.of(jmol);
            BS selected = BS.copy(jmol.vwr.bsA());
            jmol.script("pockets");
            assertTrue(jmol.vwr.ms.at[atoms(jmol, "protein and resno = 100").nextSetBit(0)].madAtom == 0, "scene applied");
            jmol.script("pockets \"show\" 2");
            jmol.script("pockets \"clear\"");
            Scene after = Scene.of(jmol);
            assertArrayEquals(before.atomMad(), after.atomMad(), "ball sizes");
            assertArrayEquals(before.bondMad(), after.bondMad(), "stick sizes");
            assertEquals(before.hidden(), after.hidden(), "hidden atoms");
            assertArrayEquals(before.colour(), after.colour(), "colours");
            assertArrayEquals(before.flags(), after.flags(), "cartoons and traces");
            assertEquals(selected, jmol.vwr.bsA(), "the user's selection");
        }
    }

    @Test
    void keepStyleLeavesTheUsersStylingAlone() {
        try (HeadlessJmol jmol = loaded()) {
            jmol.script("pockets \"keep-style\"");
            Scene before = Scene.of(jmol);
            jmol.script("pockets");
            Scene after = Scene.of(jmol);
            assertArrayEquals(before.atomMad(), after.atomMad());
            assertArrayEquals(before.bondMad(), after.bondMad());
            assertEquals(before.hidden(), after.hidden());
            String back = jmol.script("pockets \"scene\"");
            assertTrue(String.valueOf(jmol.eval("pocketsReport")).contains("readable scene"), back);
            assertEquals(0, jmol.vwr.ms.at[atoms(jmol, "protein and resno = 100").nextSetBit(0)].madAtom);
        }
    }

    @Test
    void showNZoomsToThatPocket() throws InterruptedException {
        try (HeadlessJmol jmol = loaded()) {
            jmol.script("pockets");
            PocketsService service = PocketsInstaller.install(jmol.vwr, PREDICTORS, PocketFiles::export);
            List<PocketView> pockets = service.current().pockets();
            assertTrue(pockets.size() >= 2, "several pockets: " + pockets.size());
            PocketView second = pockets.get(1);
            jmol.script("pockets \"show\" 2");
            Thread.sleep(1500);   // zoomto animates over half a second
            var centre = jmol.vwr.tm.fixedRotationCenter;
            javajs.util.P3 expected = new javajs.util.P3();
            BS bs = second.jmolAtoms();
            for (int i = bs.nextSetBit(0); i >= 0; i = bs.nextSetBit(i + 1)) {
                expected.add(jmol.vwr.ms.at[i]);
            }
            expected.scale(1f / bs.cardinality());
            assertTrue(centre.distance(expected) < 3.0, "rotation centre " + centre + " at pocket 2 " + expected);
        }
    }

    @Test
    void rankLabelsAreDrawnInFrontOfTheCartoonAndSurfacesNextToTheirPockets(@TempDir Path dir) throws IOException {
        try (HeadlessJmol jmol = loaded()) {
            // No picture before pockets: a windowless viewer, as a script run with -n draws it.
            jmol.script("pockets");
            List<PocketView> pockets = PocketsInstaller.install(jmol.vwr, PREDICTORS, PocketFiles::export)
                    .current().pockets();
            assertTrue(pockets.size() >= 2, "several pockets: " + pockets.size());
            Map<String, Map<String, Object>> labels = SceneScriptTest.labels(jmol);
            for (PocketView p : pockets) {
                javajs.util.P3 xyz = (javajs.util.P3) labels.get(p.id() + "_label").get("xyz");
                org.sparsepocket.pockets.Point3 c = p.pocket().center();
                assertEquals(0, xyz.distance(javajs.util.P3.new3((float) c.x(), (float) c.y(), (float) c.z())), 0.01,
                        "pocket " + p.number() + "'s label is at its centre");
            }
            // The labels' pixels in the scene, against the labels pushed to the back of the model (as the
            // draw labels were: depth-tested like atoms), and against the labels with nothing else drawn.
            int[] inScene = labelPixels(jmol, pockets, dir.resolve("scene.png"));
            for (PocketView p : pockets) {
                jmol.script("set echo " + p.id() + "_label depth 0");
            }
            int[] behind = labelPixels(jmol, pockets, dir.resolve("behind.png"));
            jmol.script("hide all; isosurface ID \"sp_pocket*\" off; draw ID \"sp_pocket*\" off");
            int[] alone = labelPixels(jmol, pockets, dir.resolve("alone.png"));
            // Pocket colours repeat after 9, so a count can hold two labels of one colour: still all labels.
            int hidden = 0, all = 0;
            for (int k = 0; k < pockets.size(); k++) {
                assertTrue(alone[k] > 40, "label " + (k + 1) + " is drawn: " + alone[k] + " pixels");
                assertTrue(inScene[k] >= 0.95 * alone[k], "label " + (k + 1) + " is not hidden: " + inScene[k]
                        + " of its " + alone[k] + " pixels seen in the scene");
                hidden += alone[k] - Math.min(alone[k], behind[k]);
                all += alone[k];
            }
            assertTrue(hidden > 0.3 * all, "the check can fail: behind the protein " + hidden + " of " + all
                    + " label pixels are hidden");
        }
    }

    /** Per pocket, the pixels of a picture of the viewer in the pocket's colour (Jmol's text shifts it a little). */
    private static int[] labelPixels(HeadlessJmol jmol, List<PocketView> pockets, Path png) throws IOException {
        jmol.script("write image 800 600 png \"" + png + "\"");
        BufferedImage image = ImageIO.read(png.toFile());
        int[] count = new int[pockets.size()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                for (int k = 0; k < count.length; k++) {
                    count[k] += near(rgb, pockets.get(k).rgb()) ? 1 : 0;
                }
            }
        }
        return count;
    }

    private static boolean near(int rgb, int target) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((target >> shift) & 0xff)) > 6) {
                return false;
            }
        }
        return true;
    }
}
