package org.sparsepocket.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;

/** Loaded training/validation proteins, modified residues included, get every atom from a template. */
class RealStructureFeaturesTest {

    private static Path shared(String file) {
        for (Path base : new Path[] {Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data")}) {
            Path p = base.resolve(file);
            if (Files.exists(p)) {
                return p;
            }
        }
        assumeTrue(false, "../shared/data/" + file + " is absent: test skipped (it needs the project's shared data)");
        throw new AssertionError("unreachable");
    }

    private static Featurization featurize(String file, String modifiedResidue) {
        Structure s = StructureLoader.load(shared(file));
        List<Atom> protein = s.protein();
        assertTrue(protein.stream().anyMatch(a -> a.residue().name().equals(modifiedResidue)),
                file + " should hold " + modifiedResidue);
        Featurization f = AtomFeaturizer.shared().featurize(protein);
        assertEquals(protein.size(), f.matrix().rows());
        assertEquals(0, f.fallbackAtoms(), () -> file + ": " + f.warning().orElse(""));
        return f;
    }

    @Test
    void selenomethionineProteinIsFullyCovered() {
        Featurization f = featurize("pdbbind-timesplit363/6m7h_protein.pdbqt.gz", "MSE");
        float se = 0;
        for (int i = 0; i < f.matrix().rows(); i++) {
            se += f.matrix().get(i, AtomFeatures.NAMES.indexOf("Se"));
        }
        assertTrue(se > 0, "the MSE selenium atoms carry the Se class");
    }

    @Test
    void sulfenicAndCarbamylatedResiduesAreFullyCovered() {
        featurize("pdbbind-timesplit363/6qto_protein.pdbqt.gz", "CSO");
        featurize("pdbbind-timesplit363/6rtn_protein.pdbqt.gz", "KCX");
    }

    @Test
    void trainingProteinIsFullyCovered() {
        Structure s = StructureLoader.load(shared("scpdb995/1a2b_protein.pdbqt.gz"));
        Featurization f = AtomFeaturizer.shared().featurize(s.protein());
        assertEquals(0, f.fallbackAtoms());
        assertTrue(f.matrix().rows() > 1000);
    }
}
