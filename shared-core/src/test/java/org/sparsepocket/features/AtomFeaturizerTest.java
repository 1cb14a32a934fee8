package org.sparsepocket.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

/** Hand-checked atoms of the template table, and the fallback and report for atoms without a template. */
class AtomFeaturizerTest {

    private static final AtomFeaturizer FEATURIZER = AtomFeaturizer.shared();

    private static Atom atom(String residue, String name, String element) {
        return new Atom(1, name, element, new ResidueId("A", 1, ' ', residue), 0, 0, 0, 1, 0);
    }

    /** The 18 features of one atom, by feature name. */
    private static float f(String residue, String name, String element, String feature) {
        Featurization result = FEATURIZER.featurize(List.of(atom(residue, name, element)));
        assertEquals(0, result.fallbackAtoms(), () -> residue + " " + name + " should come from its template");
        return result.matrix().get(0, AtomFeatures.NAMES.indexOf(feature));
    }

    @Test
    void serineHydroxylIsDonorAndAcceptor() {
        assertEquals(1f, f("SER", "OG", "O", "donor"));
        assertEquals(1f, f("SER", "OG", "O", "acceptor"));
        assertEquals(1f, f("SER", "OG", "O", "O"));
        assertEquals(3f, f("SER", "OG", "O", "hybridization"));
        assertEquals(1f, f("SER", "OG", "O", "heavy_degree"));
        assertEquals(0f, f("SER", "OG", "O", "hetero_degree"));
    }

    @Test
    void phenylalanineRingCarbonsAreAromaticHydrophobicRingAtoms() {
        for (String name : List.of("CG", "CD1", "CD2", "CE1", "CE2", "CZ")) {
            assertEquals(1f, f("PHE", name, "C", "aromatic"), name);
            assertEquals(1f, f("PHE", name, "C", "ring"), name);
            assertEquals(1f, f("PHE", name, "C", "hydrophobic"), name);
            assertEquals(2f, f("PHE", name, "C", "hybridization"), name);
        }
        assertEquals(0f, f("PHE", "CB", "C", "aromatic"));
        assertEquals(0f, f("PHE", "CB", "C", "ring"));
        assertEquals(3f, f("PHE", "CG", "C", "heavy_degree"));
    }

    @Test
    void glycineAlphaCarbonIsNotHydrophobicButLeucineMethylIs() {
        // CA is bonded to N, which the hydrophobic SMARTS excludes
        assertEquals(0f, f("GLY", "CA", "C", "hydrophobic"));
        assertEquals(1f, f("GLY", "CA", "C", "hetero_degree"));
        assertEquals(1f, f("LEU", "CD1", "C", "hydrophobic"));
        assertEquals(3f, f("LEU", "CD1", "C", "hybridization"));
        assertEquals(0f, f("LEU", "CD1", "C", "acceptor"));
        assertEquals(0f, f("LEU", "CD1", "C", "donor"));
    }

    @Test
    void chargedAndPolarSideChains() {
        // Lys NZ is NH3+ in the CCD template: donor, and no acceptor because of the charge
        assertEquals(1f, f("LYS", "NZ", "N", "donor"));
        assertEquals(0f, f("LYS", "NZ", "N", "acceptor"));
        assertEquals(1f, f("ASP", "OD1", "O", "acceptor"));
        assertEquals(0f, f("ASP", "OD1", "O", "donor"));
        assertEquals(2f, f("ASP", "OD1", "O", "hybridization"));
        assertEquals(1f, f("TRP", "NE1", "N", "aromatic"));
        assertEquals(1f, f("TRP", "NE1", "N", "donor"));
        assertEquals(0f, f("TRP", "NE1", "N", "acceptor")); // aromatic N with three connections
        assertEquals(1f, f("HIS", "NE2", "N", "aromatic"));
        assertEquals(1f, f("CYS", "SG", "S", "hydrophobic"));
        assertEquals(1f, f("MET", "SD", "S", "S"));
        assertEquals(2f, f("MET", "SD", "S", "heavy_degree"));
    }

    @Test
    void hybridizationUsesThePublishedIntegerEncoding() {
        assertEquals(3f, f("ALA", "CB", "C", "hybridization"));
        assertEquals(2f, f("ALA", "C", "C", "hybridization"));
        assertEquals(2f, f("ALA", "O", "O", "hybridization"));
        assertEquals(3f, f("ALA", "N", "N", "hybridization"));   // the template's free amine
        assertEquals(2f, f("ASN", "ND2", "N", "hybridization")); // amide
        assertEquals(2f, f("ARG", "NE", "N", "hybridization"));  // guanidinium
        assertEquals(3f, f("LYS", "NZ", "N", "hybridization"));
        // conjugated hydroxyl oxygens count as sp2, as in the published (Open Babel) features
        assertEquals(2f, f("TYR", "OH", "O", "hybridization"));
        assertEquals(2f, f("ALA", "OXT", "O", "hybridization"));
        assertEquals(3f, f("THR", "OG1", "O", "hybridization"));
        assertEquals(3f, f("MET", "SD", "S", "hybridization"));
    }

    @Test
    void elementClassesIncludeSeleniumInSelenomethionine() {
        assertEquals(1f, f("MSE", "SE", "Se", "Se"));
        assertEquals(0f, f("MSE", "SE", "Se", "S"));
        assertEquals(1f, f("MSE", "CE", "C", "C"));
        assertEquals(1f, f("ALA", "N", "N", "N"));
        assertEquals(1f, f("ALA", "O", "O", "O"));
        assertEquals(1f, f("SEP", "P", "P", "P"));
        assertEquals(1f, f("TYS", "S", "S", "S"));
        // selenocysteine under its current code SEC reads CSE's template
        assertEquals(1f, f("SEC", "SE", "Se", "Se"));
    }

    @Test
    void everyTemplateAtomHasExactlyOneElementClassAndSaneGasteigerCharge() {
        for (ResidueTemplate t : ResidueTemplates.all()) {
            for (Map.Entry<String, float[]> e : t.features().entrySet()) {
                float[] v = e.getValue();
                float oneHot = 0;
                for (int k = 0; k < 9; k++) {
                    oneHot += v[k];
                }
                assertEquals(1f, oneHot, t.code() + " " + e.getKey());
                float q = v[AtomFeatures.NAMES.indexOf("partial_charge")];
                assertTrue(q > -1f && q < 1f, t.code() + " " + e.getKey() + " charge " + q);
                float hyb = v[AtomFeatures.NAMES.indexOf("hybridization")];
                assertTrue(hyb >= 1 && hyb <= 3, t.code() + " " + e.getKey() + " hybridization " + hyb);
            }
        }
    }

    @Test
    void gasteigerChargesOfTheTemplates() {
        assertTrue(f("SER", "OG", "O", "partial_charge") < -0.3f);
        assertTrue(f("ALA", "C", "C", "partial_charge") > 0.2f);
        assertTrue(Math.abs(f("LEU", "CD1", "C", "partial_charge")) < 0.1f);
        // the dictionary's lysine is NH3+: its nitrogen keeps part of the positive charge
        assertTrue(f("LYS", "NZ", "N", "partial_charge") > 0.1f);
        // arginine's charge is shared by its two terminal nitrogens whatever Kekule structure is drawn
        assertEquals(f("ARG", "NH1", "N", "partial_charge"), f("ARG", "NH2", "N", "partial_charge"), 1e-6f);
    }

    @Test
    void unknownResiduesFallBackToElementRulesAndAreCounted() {
        List<Atom> atoms = new ArrayList<>();
        atoms.add(atom("ALA", "CA", "C"));
        atoms.add(atom("ZN", "ZN", "Zn"));
        atoms.add(atom("XYZ", "BR1", "Br"));
        atoms.add(atom("XYZ", "N1", "N"));
        atoms.add(atom("ALA", "QQ", "C"));   // a name ALA's template lacks
        atoms.add(atom("ALA", "CB", "O"));   // right name, wrong element
        Featurization result = FEATURIZER.featurize(atoms);
        FeatureMatrix m = result.matrix();
        assertEquals(6, m.rows());
        assertEquals(Map.of("XYZ", 2, "ZN", 1), result.unknownResidues());
        assertEquals(2, result.unmatchedAtoms());
        assertEquals(5, result.fallbackAtoms());
        int metal = AtomFeatures.NAMES.indexOf("metal");
        int halogen = AtomFeatures.NAMES.indexOf("halogen");
        assertEquals(1f, m.get(1, metal));
        assertEquals(0f, m.get(1, AtomFeatures.NAMES.indexOf("hybridization")));
        assertEquals(1f, m.get(2, halogen));
        assertEquals(1f, m.get(2, AtomFeatures.NAMES.indexOf("hydrophobic")));
        assertEquals(1f, m.get(3, AtomFeatures.NAMES.indexOf("N")));
        assertEquals(1f, m.get(3, AtomFeatures.NAMES.indexOf("acceptor")));
        assertEquals(0f, m.get(3, AtomFeatures.NAMES.indexOf("donor")));
        assertEquals(1f, m.get(5, AtomFeatures.NAMES.indexOf("O")));
        assertTrue(result.warning().orElseThrow().contains("XYZ (2 atoms)"), result.warning().orElseThrow());
        // the template atom in the same call is untouched by the fallbacks around it
        assertEquals(1f, m.get(0, AtomFeatures.NAMES.indexOf("C")));
        assertEquals(1f, m.get(0, AtomFeatures.NAMES.indexOf("hetero_degree")));
    }

    @Test
    void noWarningWhenEveryAtomHasATemplate() {
        Featurization result = FEATURIZER.featurize(List.of(atom("GLY", "N", "N"), atom("GLY", "CA", "C")));
        assertFalse(result.warning().isPresent());
        assertEquals(2, result.matrix().rows());
    }

    @Test
    void amberProtonationNamesUseTheParentTemplate() {
        assertEquals(f("HIS", "NE2", "N", "aromatic"), f("HID", "NE2", "N", "aromatic"));
        assertEquals(f("CYS", "SG", "S", "partial_charge"), f("CYX", "SG", "S", "partial_charge"));
        assertEquals(f("SER", "OG", "O", "donor"), f("DSN", "OG", "O", "donor"));
    }
}
