package org.sparsepocket.jmol;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javajs.util.BS;
import org.jmol.shape.TextShape;
import org.jmol.util.Escape;
import org.jmol.viewer.JC;
import org.jmol.viewer.Viewer;
import org.sparsepocket.pockets.Point3;

/**
 * The Jmol script text that shows or removes pockets. Pure functions of the pockets (and, for removal,
 * of the label IDs the viewer holds, {@link #labelIds}); everything they create carries the
 * {@link PocketView#ID_PREFIX} so it can be removed without touching the user's own
 * surfaces and drawings, and atoms are coloured by atom expression so the user's selection is kept.
 */
public final class SceneScript {

    /** Surface translucency: enough to see the pocket atoms through it. */
    static final String SURFACE_TRANSLUCENCY = "0.6";

    /** Surface grid points per Å: Jmol's default (about 3-4) costs several times more for a barely finer mesh. */
    static final String SURFACE_RESOLUTION = "2";

    private SceneScript() {
    }

    /**
     * Sets {@code property_pocketProb} on every atom of the model: the predicted probability for protein
     * atoms, 0 for the others.
     */
    public static String probabilities(BS modelAtoms, float[] probabilityByAtom) {
        StringBuilder sb = new StringBuilder(modelAtoms.cardinality() * 6 + 64);
        sb.append('{').append(Escape.eBS(modelAtoms)).append("}.property_pocketProb = [");
        boolean first = true;
        for (int i = modelAtoms.nextSetBit(0); i >= 0; i = modelAtoms.nextSetBit(i + 1)) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            appendProbability(sb, probabilityByAtom[i]);
        }
        return sb.append("];\n").toString();
    }

    /**
     * Sets {@code property_pocket} on every atom of the model: the number of the pocket the atom belongs to
     * (as in the report), 0 for atoms in no pocket; e.g. {@code select property_pocket = 2}.
     */
    public static String pocketNumbers(BS modelAtoms, List<PocketView> pockets) {
        int[] number = new int[modelAtoms.length()];
        for (PocketView p : pockets) {
            BS bs = p.jmolAtoms();
            for (int i = bs.nextSetBit(0); i >= 0 && i < number.length; i = bs.nextSetBit(i + 1)) {
                number[i] = p.number();
            }
        }
        StringBuilder sb = new StringBuilder(modelAtoms.cardinality() * 2 + 64);
        sb.append('{').append(Escape.eBS(modelAtoms)).append("}.property_pocket = [");
        boolean first = true;
        for (int i = modelAtoms.nextSetBit(0); i >= 0; i = modelAtoms.nextSetBit(i + 1)) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(number[i]);
        }
        return sb.append("];\n").toString();
    }

    /**
     * Sets both per-atom properties to 0 on every atom of every model, so that numbers from an earlier
     * prediction on another model (an ensemble, a second file) do not stay behind.
     */
    public static String resetProperties() {
        return "{*}.property_pocketProb = 0;\n{*}.property_pocket = 0;\n";
    }

    /**
     * Jmol's echo depth for the labels, in percent of the model's depth from its back (0) to its front
     * (100): 99 lies in front of every atom, cartoon and surface, so no label is hidden; at 100 Jmol clips
     * the text at the front plane and draws nothing.
     */
    static final int LABEL_DEPTH = 99;

    /** Label font: larger than Jmol's default echo font, bold for thin colours. */
    static final String LABEL_FONT = "18 sansserif bold";

    /** Box behind each label, so a dark pocket colour stays readable over the grey cartoon. */
    static final String LABEL_BACKGROUND = "[x000000]";

    /**
     * Colours, surface, centre marker and rank label of each pocket. The label is a Jmol echo anchored at
     * the pocket's centre (the text starts just right of the centre marker) and drawn at
     * {@link #LABEL_DEPTH}, in front of the cartoon and the surfaces, whatever the rotation. A draw label
     * was depth-tested like the atoms, so the protein in front of a pocket hid it.
     *
     * @param modelNumber the predicted model's number as Jmol writes it ({@code 2}, {@code 2.1}): the labels
     *                    show only while it is displayed, as the surfaces and markers do (an echo alone
     *                    would stay after {@code frame 1}); null for none
     */
    public static String show(List<PocketView> pockets, String modelNumber) {
        StringBuilder sb = new StringBuilder();
        for (PocketView p : pockets) {
            if (p.jmolAtoms().isEmpty()) {
                continue;
            }
            String atoms = Escape.eBS(p.jmolAtoms());
            String colour = p.jmolColour();
            String centre = point(p.pocket().center());
            sb.append("color ").append(atoms).append(' ').append(colour).append(";\n");
            sb.append("isosurface ID ").append(p.id()).append(" select ").append(atoms)
                    .append(" only vdw resolution ").append(SURFACE_RESOLUTION).append(" translucent ").append(SURFACE_TRANSLUCENCY).append(' ').append(colour).append(";\n");
            sb.append("draw ID ").append(p.id()).append("_centre diameter 1.5 ").append(centre)
                    .append(" color ").append(colour).append(";\n");
            // Text after Jmol's escape for character 1 is set without being printed in the console too.
            String label = labelId(p);
            sb.append("set echo ").append(label).append(' ').append(centre).append("; set echo ").append(label)
                    .append(" depth ").append(LABEL_DEPTH).append("; echo \"\\u0001").append(label(p))
                    .append("\"; color echo ").append(colour).append("; background echo ").append(LABEL_BACKGROUND)
                    .append("; font echo ").append(LABEL_FONT).append(';')
                    .append(modelNumber == null ? "" : " set echo " + label + " model " + modelNumber + ";").append('\n');
        }
        // Jmol's echo command acts on the current echo: leave it at Jmol's default one, not on a label.
        return sb.append(pockets.isEmpty() ? "" : "set echo top;\n").toString();
    }

    /** ID of a pocket's label (a Jmol echo). */
    static String labelId(PocketView p) {
        return p.id() + "_label";
    }

    /**
     * The readable scene the command sets before it first shows pockets on a model (unless the user keeps
     * their own styling): the protein as cartoon, or as trace when it is C-alpha only; ligands and other
     * het groups as sticks in element colours, lone ions as small balls; waters hidden (added to what was
     * hidden). The user's selection is kept.
     *
     * @param model    the model's atoms
     * @param protein  its protein atoms
     * @param hetero   its het atoms that are not water
     * @param hidden   the atoms to hide: the user's hidden atoms and the model's waters
     * @param caOnly   whether the protein is C-alpha only (a cartoon needs the backbone)
     */
    public static String readableScene(BS model, BS protein, BS hetero, BS hidden, boolean caOnly) {
        StringBuilder sb = new StringBuilder("save selection sp_user;\n");
        if (!protein.isEmpty()) {
            sb.append("select ").append(Escape.eBS(protein)).append("; spacefill off; wireframe off; ")
                    .append(caOnly ? "trace on" : "cartoon on").append(";\n");
        }
        if (!hetero.isEmpty()) {
            String het = Escape.eBS(hetero);
            sb.append("select ").append(het).append("; wireframe ").append(STICK).append("; spacefill ").append(STICK)
                    .append(";\n");
            sb.append("select ").append(het).append(" and connected(0); spacefill 0.6;\n");
            sb.append("color ").append(het).append(" cpk;\n");
        }
        sb.append(hidden.isEmpty() ? "hide none;\n" : "hide " + Escape.eBS(hidden) + ";\n");
        return sb.append("restore selection sp_user;\n").toString();
    }

    /** Stick radius of ligands in the readable scene (Jmol's "sticks" look). */
    static final String STICK = "0.2";

    /** Zooms to the pocket's atoms (pockets "show" N) over half a second. */
    public static String zoomTo(PocketView p) {
        return "zoomto 0.5 " + Escape.eBS(p.jmolAtoms()) + " 0;\n";
    }

    /**
     * Deletes every surface, drawing and label the command created (nothing else). Jmol deletes echoes
     * only one ID at a time, so the labels present are named: {@code labelIds}, from {@link #labelIds}.
     */
    public static String removeObjects(Collection<String> labelIds) {
        StringBuilder sb = new StringBuilder("isosurface ID \"" + PocketView.ID_PREFIX + "*\" delete;\ndraw ID \""
                + PocketView.ID_PREFIX + "*\" delete;\n");
        for (String id : labelIds) {
            sb.append("set echo ").append(id).append(" off;\n");
        }
        return sb.append(labelIds.isEmpty() ? "" : "set echo top;\n").toString();
    }

    /** The IDs of the labels (echoes) of the command now in the viewer. */
    public static List<String> labelIds(Viewer vwr) {
        TextShape echoes = (TextShape) vwr.shm.getShape(JC.SHAPE_ECHO);
        if (echoes == null) {
            return List.of();
        }
        return echoes.objects.keySet().stream().filter(id -> id.startsWith(PocketView.ID_PREFIX)).sorted().toList();
    }

    private static String point(Point3 c) {
        return String.format(Locale.ROOT, "{%.3f %.3f %.3f}", c.x(), c.y(), c.z());
    }

    /** The label's text: number and score. */
    static String label(PocketView p) {
        return "#" + p.number() + " " + score(p.pocket().score());
    }

    static String score(double s) {
        return String.format(Locale.ROOT, Math.abs(s) >= 100 ? "%.0f" : Math.abs(s) >= 10 ? "%.1f" : "%.2f", s);
    }

    private static void appendProbability(StringBuilder sb, float p) {
        int milli = Math.round(Math.max(0f, Math.min(1f, p)) * 1000f);
        if (milli == 1000) {
            sb.append('1');
        } else if (milli == 0) {
            sb.append('0');
        } else {
            sb.append("0.").append(milli < 10 ? "00" : milli < 100 ? "0" : "").append(milli);
        }
    }
}
