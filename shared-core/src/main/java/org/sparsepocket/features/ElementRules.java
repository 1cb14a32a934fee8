package org.sparsepocket.features;

/**
 * Features of an atom that has no template (unknown residue, or a name its residue's template lacks),
 * from its element alone: the one-hot element class; hybridization, degrees and charge 0 (unknown);
 * hydrophobic for C, S, Cl, Br and I and acceptor for N, O, S and Se, the elements the published
 * SMARTS give those flags to in their usual neutral state; never donor, aromatic or ring, which need
 * hydrogens or bonds.
 */
final class ElementRules {

    private ElementRules() {
    }

    static void fill(int atomicNumber, float[] out, int offset) {
        int column = ElementClass.column(atomicNumber);
        if (column >= 0) {
            out[offset + column] = 1f;
        }
        switch (atomicNumber) {
            case 6, 17, 35, 53 -> out[offset + TemplateChemistry.FIRST_FLAG] = 1f;
            case 7, 8, 34 -> out[offset + TemplateChemistry.FIRST_FLAG + 2] = 1f;
            case 16 -> {
                out[offset + TemplateChemistry.FIRST_FLAG] = 1f;
                out[offset + TemplateChemistry.FIRST_FLAG + 2] = 1f;
            }
            default -> {
            }
        }
    }
}
