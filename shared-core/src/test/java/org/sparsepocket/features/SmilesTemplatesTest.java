package org.sparsepocket.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.ChemCompEntry;

/** The hand-written modified-residue templates must have the CCD formula and net charge. */
class SmilesTemplatesTest {

    @Test
    void formulasAndChargesMatchTheDictionary() {
        for (SmilesTemplates.Spec spec : SmilesTemplates.SPECS) {
            ChemCompEntry entry = SmilesTemplates.entry(spec);
            assertEquals(spec.formula(), SmilesTemplates.formula(entry), spec.code());
            assertEquals(spec.charge(), entry.atoms().stream().mapToInt(ChemCompEntry.CompAtom::formalCharge).sum(),
                    spec.code());
        }
    }

    @Test
    void shippedTemplatesKeepTheirDictionaryFormula() {
        ChemCompEntry lys = org.sparsepocket.structure.ShippedChemComps.read("LYS").orElseThrow();
        assertEquals("C6H15N2O2", SmilesTemplates.formula(lys)); // CCD LYS is the NH3+ form
        assertEquals(1, lys.atoms().stream().mapToInt(ChemCompEntry.CompAtom::formalCharge).sum());
    }
}
