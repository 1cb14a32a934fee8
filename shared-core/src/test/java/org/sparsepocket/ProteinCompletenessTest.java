package org.sparsepocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;

/**
 * Protein parts the network cannot read are refused with one line, on the example structure cut down:
 * before, a C-alpha trace gave confident-looking pockets and a single atom "0 pockets", both exit code 0.
 */
class ProteinCompletenessTest {

    private static PocketPredictor predictor;
    private static final PredictionSettings SETTINGS = PredictionSettings.DEFAULT;

    @BeforeAll
    static void open() {
        predictor = PocketPredictor.open(TestModels.fixtureModel());
    }

    @AfterAll
    static void close() {
        predictor.close();
    }

    private static Structure example() {
        return StructureLoader.load(TestModels.example());
    }

    private static Structure keep(Structure s, List<Atom> protein) {
        return new Structure(s.name(), protein, s.hetGroups(), s.warnings());
    }

    @Test
    void cAlphaTraceIsRefused() {
        Structure s = example();
        Structure trace = keep(s, s.protein().stream().filter(a -> a.name().equals("CA")).toList());
        PredictionException e = assertThrows(PredictionException.class, () -> predictor.predict(trace, SETTINGS));
        assertEquals("1fbl: a C-alpha trace (367 of 367 residues have only a CA atom); the network needs all heavy atoms",
                e.getMessage());
    }

    @Test
    void aFewCAlphaOnlyResiduesAreAccepted() {
        // Side chains missing from some residues (common in deposited structures) are no reason to refuse.
        Structure s = example();
        Set<ResidueId> trimmed = s.protein().stream().map(Atom::residue).distinct()
                .filter(r -> r.number() % 10 == 0).collect(Collectors.toSet());
        Structure partly = keep(s, s.protein().stream()
                .filter(a -> !trimmed.contains(a.residue()) || a.name().equals("CA")).toList());
        assertEquals(1, predictor.predict(partly, SETTINGS).complexes().size());
    }

    @Test
    void singleResidueIsRefused() {
        Structure s = example();
        ResidueId first = s.protein().get(0).residue();
        Structure one = keep(s, s.protein().stream().filter(a -> a.residue().equals(first)).toList());
        PredictionException e = assertThrows(PredictionException.class, () -> predictor.predict(one, SETTINGS));
        assertEquals("1fbl: only one protein residue (" + first.label() + ", " + one.protein().size()
                + " atoms); a binding site needs a protein", e.getMessage());
        Structure atom = keep(s, List.of(s.protein().get(0)));
        PredictionException e1 = assertThrows(PredictionException.class, () -> predictor.predict(atom, SETTINGS));
        assertEquals("1fbl: only one protein residue (" + first.label() + ", 1 atom); a binding site needs a protein",
                e1.getMessage());
    }
}
