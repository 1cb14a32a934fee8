package org.sparsepocket.jmol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javajs.util.BS;
import org.junit.jupiter.api.Test;
import org.sparsepocket.pockets.DockingBox;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.ResidueId;

/** The display layer on a real viewer: pockets made of 1fbl's atoms around its zinc ions. */
class SceneScriptTest {

    @Test
    void showsColouredSurfacesMarkersAndLabelsAndRemovesOnlyItsOwnObjects() {
        try (HeadlessJmol jmol = new HeadlessJmol()) {
            jmol.script("load \"" + TestData.example("1fbl.pdb") + "\"");
            ViewerStructure vs = ViewerStructure.read(jmol.vwr);
            List<Ligand> zincs = vs.structure().hetGroups().stream().filter(l -> l.code().equals("ZN")).toList();
            assertTrue(zincs.size() >= 2, "1fbl has two zinc ions");
            PocketView first = view(1, vs, zincs.get(0).atoms().get(0), 8.0, 12.5, new BS());
            List<PocketView> views = List.of(first, view(2, vs, zincs.get(1).atoms().get(0), 7.0, 8.25, first.jmolAtoms()));

            // The user's own scene: a surface and a colour that must survive.
            jmol.script("isosurface ID mine select {resno >= 100 and resno < 104} only vdw translucent 0.5 [x808080]");
            jmol.script("color {resno=150} [x123456]");
            int userAtom = firstAtom(jmol, "resno=150");
            Map<Integer, Object> before = colours(jmol, views);
            ColourSnapshot snapshot = ColourSnapshot.take(jmol.vwr, null);

            jmol.script("set echo mine 10 10; echo \"user's echo\"");
            jmol.script(SceneScript.show(views, "1"));

            for (PocketView v : views) {
                int rgb = v.rgb();
                for (int i = v.jmolAtoms().nextSetBit(0); i >= 0; i = v.jmolAtoms().nextSetBit(i + 1)) {
                    assertEquals(rgb, jmol.vwr.ms.at[i].colixAtom == 0 ? -1
                            : jmol.vwr.gdata.getColorArgbOrGray(jmol.vwr.ms.at[i].colixAtom) & 0xffffff, "atom " + i);
                }
            }
            Set<String> surfaces = ids(jmol, "Isosurface");
            assertTrue(surfaces.containsAll(List.of("sp_pocket1", "sp_pocket2", "mine")), surfaces.toString());
            Set<String> draws = ids(jmol, "Draw");
            assertEquals(Set.of("sp_pocket1_centre", "sp_pocket2_centre"), draws);
            // Each label is an echo at its pocket's centre, in front of the model (depth 99 %).
            Map<String, Map<String, Object>> labels = labels(jmol);
            assertEquals(Set.of("sp_pocket1_label", "sp_pocket2_label"), labels.keySet());
            assertEquals("#1 12.5", labels.get("sp_pocket1_label").get("text"));
            assertEquals("#2 8.25", labels.get("sp_pocket2_label").get("text"));
            for (PocketView v : views) {
                javajs.util.P3 xyz = (javajs.util.P3) labels.get(v.id() + "_label").get("xyz");
                Point3 c = v.pocket().center();
                assertEquals(0, xyz.distance(javajs.util.P3.new3((float) c.x(), (float) c.y(), (float) c.z())), 0.01);
                assertEquals(SceneScript.LABEL_DEPTH, echo(jmol, v.id() + "_label").movableZPercent);
                assertEquals(0, echo(jmol, v.id() + "_label").modelIndex, "shown with model 1 only");
                assertEquals(v.rgb(), jmol.vwr.gdata.getColorArgbOrGray(echo(jmol, v.id() + "_label").colix) & 0xffffff);
            }
            assertTrue(jmol.printed().stream().noneMatch(line -> line.startsWith("#")),
                    "the labels are not printed in the console: " + jmol.printed());

            BS coloured = new BS();
            views.forEach(v -> coloured.or(v.jmolAtoms()));
            jmol.script(SceneScript.removeObjects(SceneScript.labelIds(jmol.vwr)) + snapshot.restore(coloured, jmol.vwr.ms));

            assertEquals(Set.of("mine"), ids(jmol, "Isosurface"));
            assertTrue(ids(jmol, "Draw").isEmpty());
            assertTrue(labels(jmol).isEmpty());
            assertEquals("user's echo", echo(jmol, "mine").text, "the user's echo stays");
            assertEquals(before, colours(jmol, views));
            assertEquals("{18.0 52.0 86.0}", String.valueOf(jmol.eval("{atomindex=" + userAtom + "}.color")));
        }
    }

    @Test
    void probabilitiesBecomeAnAtomProperty() {
        try (HeadlessJmol jmol = new HeadlessJmol()) {
            jmol.script("load \"" + TestData.example("1fbl.pdb") + "\"");
            ViewerStructure vs = ViewerStructure.read(jmol.vwr);
            float[] p = new float[jmol.vwr.ms.ac];
            int[] idx = vs.jmolIndex();
            for (int k = 0; k < idx.length; k++) {
                p[idx[k]] = (k % 10) / 10f;     // 0.0, 0.1, ... 0.9 over the protein atoms
            }
            jmol.script(SceneScript.probabilities(vs.modelAtoms(), p));
            int above = jmol.vwr.getAtomBitSet("property_pocketProb > 0.75").cardinality();
            int expected = 0;
            for (int k = 0; k < idx.length; k++) {
                expected += k % 10 >= 8 ? 1 : 0;
            }
            assertEquals(expected, above);
            assertEquals(0.3, Double.parseDouble(String.valueOf(jmol.eval("{atomindex=" + idx[3] + "}.property_pocketProb"))), 1e-6);
            assertEquals(0, jmol.vwr.getAtomBitSet("water and property_pocketProb > 0").cardinality());
        }
    }

    /** A pocket of the protein atoms within {@code radius} of an atom, as the extractor would report it. */
    static PocketView view(int number, ViewerStructure vs, Atom around, double radius, double score, BS exclude) {
        List<Atom> atoms = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        BS bs = new BS();
        Set<ResidueId> residues = new LinkedHashSet<>();
        double cx = 0, cy = 0, cz = 0;
        List<Atom> protein = vs.structure().protein();
        int[] jmolIndex = vs.jmolIndex();
        for (int i = 0; i < protein.size(); i++) {
            Atom a = protein.get(i);
            if (a.distanceSquared(around) <= radius * radius && !exclude.get(jmolIndex[i])) {
                atoms.add(a);
                indices.add(i);
                bs.set(jmolIndex[i]);
                residues.add(a.residue());
                cx += a.x();
                cy += a.y();
                cz += a.z();
            }
        }
        int n = atoms.size();
        assertTrue(n > 10, "pocket around " + around + " has " + n + " atoms");
        Point3 centre = new Point3(cx / n, cy / n, cz / n);
        Pocket pocket = new Pocket(number, score, 0.7, 0.9, centre, atoms,
                indices.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(residues),
                new DockingBox(centre, 2 * radius + 8, 2 * radius + 8, 2 * radius + 8), radius + 4);
        return new PocketView(number, "1fbl", pocket, org.sparsepocket.output.PocketColors.rgb(number), bs);
    }

    static Map<Integer, Object> colours(HeadlessJmol jmol, List<PocketView> views) {
        Map<Integer, Object> out = new java.util.TreeMap<>();
        for (PocketView v : views) {
            for (int i = v.jmolAtoms().nextSetBit(0); i >= 0; i = v.jmolAtoms().nextSetBit(i + 1)) {
                out.put(i, String.valueOf(jmol.eval("{atomindex=" + i + "}.color")));
            }
        }
        return out;
    }

    static int firstAtom(HeadlessJmol jmol, String expression) {
        return jmol.vwr.getAtomBitSet(expression).nextSetBit(0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> shape(HeadlessJmol jmol, String shape) {
        Map<String, Object> info = (Map<String, Object>) jmol.vwr.getProperty("object", "shapeInfo", "");
        Object list = info.get(shape);
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    /** The command's labels (Jmol echoes) by ID, each with its text and model point, from Jmol's shapeInfo. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> labels(HeadlessJmol jmol) {
        Map<String, Map<String, Object>> labels = new java.util.TreeMap<>();
        for (Map<String, Object> echoes : shape(jmol, "Echo")) {
            echoes.forEach((id, info) -> {
                if (id.startsWith(PocketView.ID_PREFIX)) {
                    labels.put(id, (Map<String, Object>) info);
                }
            });
        }
        return labels;
    }

    /** One echo as Jmol holds it (its depth and colour are not in shapeInfo). */
    static org.jmol.modelset.Text echo(HeadlessJmol jmol, String id) {
        org.jmol.shape.TextShape echoes = (org.jmol.shape.TextShape) jmol.vwr.shm.getShape(org.jmol.viewer.JC.SHAPE_ECHO);
        return echoes == null ? null : echoes.objects.get(id);
    }

    static Set<String> ids(HeadlessJmol jmol, String shape) {
        Set<String> ids = new java.util.TreeSet<>();
        for (Map<String, Object> m : shape(jmol, shape)) {
            ids.add(String.valueOf(m.get("ID")));
        }
        return ids;
    }
}
