package org.sparsepocket.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Gasteiger–Marsili charges against Open Babel 3.1.1 (an independent implementation of the same
 * method; the reference values were computed with {@code obabel -:SMILES -h --partialcharge gasteiger})
 * and against the invariants of the method.
 */
class GasteigerChargesTest {

    private static double[] charges(String smiles, int[] hybridization) throws Exception {
        IAtomContainer mol = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(smiles);
        AtomContainerManipulator.convertImplicitToExplicitHydrogens(mol);
        AtomContainerManipulator.percieveAtomTypesAndConfigureAtoms(mol);
        int[] hyb = new int[mol.getAtomCount()];
        Arrays.fill(hyb, 3);
        System.arraycopy(hybridization, 0, hyb, 0, hybridization.length);
        return GasteigerCharges.compute(mol, hyb);
    }

    @Test
    void aceticAcidMatchesOpenBabel() throws Exception {
        // heavy atoms C, C, O, O; hybridization as in the feature (the OH is conjugated: sp2)
        double[] q = charges("CC(=O)O", new int[] {3, 2, 2, 2});
        assertEquals(0.0331, q[0], 5e-4);
        assertEquals(0.3016, q[1], 5e-4);
        assertEquals(-0.2513, q[2], 5e-4);
        assertEquals(-0.4808, q[3], 5e-4);
        assertEquals(0.0, Arrays.stream(q).sum(), 1e-9);
    }

    @Test
    void ammoniumStartsFromItsFormalChargeAndKeepsIt() throws Exception {
        double[] q = charges("C[NH3+]", new int[] {3, 3});
        assertEquals(-0.0466, q[0], 5e-4);
        assertEquals(0.2163, q[1], 5e-4);
        assertEquals(1.0, Arrays.stream(q).sum(), 1e-9);
    }

    @Test
    void guanidiniumChargeIsSharedByItsThreeNitrogens() throws Exception {
        double[] q = charges("NC(=[NH2+])N", new int[] {2, 2, 2, 2});
        assertEquals(-0.2920, q[0], 2e-3);
        assertEquals(0.3387, q[1], 2e-3);
        assertEquals(q[0], q[2], 1e-9);
        assertEquals(q[0], q[3], 1e-9);
        assertEquals(1.0, Arrays.stream(q).sum(), 1e-9);
    }

    @Test
    void amideNitrogenUsesThePlanarNitrogenParameters() throws Exception {
        double[] q = charges("CC(N)=O", new int[] {3, 2, 2, 2});
        assertEquals(-0.3300, q[2], 5e-4);
        assertEquals(-0.2760, q[3], 5e-4);
    }
}
