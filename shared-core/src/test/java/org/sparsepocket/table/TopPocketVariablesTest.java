package org.sparsepocket.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sparsepocket.Prediction;
import org.sparsepocket.structure.Structure;

class TopPocketVariablesTest {

    @Test
    void exportsCentreBoxAndRadiusOfRankOne() {
        Prediction p = HandBuiltPrediction.prediction("1abc");
        var top = TopPocketVariables.topPocket(p).orElseThrow();
        assertEquals(1, top.rank());
        Map<String, Double> vars = TopPocketVariables.numbers(top);
        assertEquals(TopPocketVariables.NUMBER_NAMES, List.copyOf(vars.keySet()));
        assertEquals(List.of("pocket_center_x", "pocket_center_y", "pocket_center_z", "pocket_box_center_x",
                "pocket_box_center_y", "pocket_box_center_z", "pocket_size_x",
                "pocket_size_y", "pocket_size_z", "pocket_radius"), List.copyOf(vars.keySet()));
        assertEquals(2.5, vars.get(TopPocketVariables.CENTER_X));
        assertEquals(2.5, vars.get(TopPocketVariables.BOX_CENTER_X));
        assertEquals(3.0, vars.get(TopPocketVariables.BOX_CENTER_Z));
        assertEquals(11.0, vars.get(TopPocketVariables.SIZE_X));
        assertEquals(8.5, vars.get(TopPocketVariables.SIZE_Z));
        assertEquals(6.5, vars.get(TopPocketVariables.RADIUS));
        assertEquals("1abc", TopPocketVariables.structureLabel(p, top));
    }

    @Test
    void withSeveralComplexesTheBestScoringRankOneWins() {
        Prediction p = HandBuiltPrediction.twoComplexes("2xyz", 1.0, 3.0);
        var top = TopPocketVariables.topPocket(p).orElseThrow();
        assertEquals(10.0, top.center().x());
        assertEquals("2xyz / 2xyz_B", TopPocketVariables.structureLabel(p, top));
    }

    @Test
    void noPocketNoVariables() {
        var s = new Structure("empty", List.of(), List.of(), List.of());
        assertTrue(TopPocketVariables.topPocket(new Prediction(s, List.of())).isEmpty());
    }
}
