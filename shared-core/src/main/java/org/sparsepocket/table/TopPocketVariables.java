package org.sparsepocket.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.Prediction;
import org.sparsepocket.pockets.Pocket;

/**
 * The flow variables the Pocket Predictor exports so that a docking node can be configured without a
 * table: the top pocket's centre and radius (PLANTS), and its docking box's centre and edges (AutoDock Vina).
 *
 * <p>Which pocket: the rank-1 pocket with the highest score over all complexes of the first input
 * structure that has any pocket. Workflows docking into several structures loop over output 1 instead.
 */
public final class TopPocketVariables {

    public static final String CENTER_X = "pocket_center_x";
    public static final String CENTER_Y = "pocket_center_y";
    public static final String CENTER_Z = "pocket_center_z";
    /** The docking box's centre (AutoDock Vina center_x/y/z), which the box sizes are measured around. */
    public static final String BOX_CENTER_X = "pocket_box_center_x";
    public static final String BOX_CENTER_Y = "pocket_box_center_y";
    public static final String BOX_CENTER_Z = "pocket_box_center_z";
    public static final String SIZE_X = "pocket_size_x";
    public static final String SIZE_Y = "pocket_size_y";
    public static final String SIZE_Z = "pocket_size_z";
    public static final String RADIUS = "pocket_radius";
    /** String variable: the structure (and complex) the numbers belong to. */
    public static final String STRUCTURE = "pocket_structure";

    /** The numeric variables' names, in the order {@link #numbers} gives them. */
    public static final List<String> NUMBER_NAMES =
            List.of(CENTER_X, CENTER_Y, CENTER_Z, BOX_CENTER_X, BOX_CENTER_Y, BOX_CENTER_Z,
                    SIZE_X, SIZE_Y, SIZE_Z, RADIUS);

    private TopPocketVariables() {
    }

    /** The top pocket of one structure's prediction, if it has any. */
    public static Optional<Pocket> topPocket(Prediction prediction) {
        Pocket best = null;
        for (ComplexPrediction cp : prediction.complexes()) {
            for (Pocket p : cp.pockets()) {
                if (p.rank() == 1 && (best == null || p.score() > best.score())) {
                    best = p;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The numeric variables of a pocket, in a stable order (name → value). */
    public static Map<String, Double> numbers(Pocket p) {
        var m = new LinkedHashMap<String, Double>();
        m.put(CENTER_X, p.center().x());
        m.put(CENTER_Y, p.center().y());
        m.put(CENTER_Z, p.center().z());
        m.put(BOX_CENTER_X, p.box().center().x());
        m.put(BOX_CENTER_Y, p.box().center().y());
        m.put(BOX_CENTER_Z, p.box().center().z());
        m.put(SIZE_X, p.box().sizeX());
        m.put(SIZE_Y, p.box().sizeY());
        m.put(SIZE_Z, p.box().sizeZ());
        m.put(RADIUS, p.radius());
        return m;
    }

    /** The value of {@link #STRUCTURE} for a prediction's top pocket. */
    public static String structureLabel(Prediction prediction, Pocket top) {
        for (ComplexPrediction cp : prediction.complexes()) {
            if (cp.pockets().contains(top)) {
                String complex = cp.complex().name();
                String name = prediction.structure().name();
                return complex.equals(name) ? name : name + " / " + complex;
            }
        }
        return prediction.structure().name();
    }
}
