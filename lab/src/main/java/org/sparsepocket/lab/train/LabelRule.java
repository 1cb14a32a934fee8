package org.sparsepocket.lab.train;

import java.util.List;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.CellList;
import org.sparsepocket.structure.Ligand;

/**
 * Which protein atoms count as binding-site atoms in training and evaluation: a protein heavy atom
 * lies within {@code cutoff} Å of any ligand heavy atom (the published method uses 5 Å). Immutable.
 *
 * @param cutoff distance in Å
 */
public record LabelRule(double cutoff) {

    /** The published rule: 5 Å. */
    public static final LabelRule DEFAULT = new LabelRule(5.0);

    public LabelRule {
        if (!(cutoff > 0 && cutoff <= 20)) {
            throw new IllegalArgumentException("label cutoff must be in (0, 20] Å, got " + cutoff);
        }
    }

    /** One label per protein atom (1 = binding site), in the order of {@code protein}. */
    public byte[] labels(List<Atom> protein, List<Ligand> ligands) {
        List<Atom> ligandAtoms = ligands.stream().flatMap(l -> l.atoms().stream()).toList();
        byte[] labels = new byte[protein.size()];
        if (ligandAtoms.isEmpty()) {
            return labels;
        }
        CellList index = CellList.of(ligandAtoms, cutoff);
        for (int i = 0; i < labels.length; i++) {
            Atom a = protein.get(i);
            labels[i] = index.anyWithin(a.x(), a.y(), a.z(), cutoff) ? (byte) 1 : 0;
        }
        return labels;
    }

    /** "protein heavy atom within 5.0 Å of any ligand heavy atom" — the wording used in model cards. */
    public String describe() {
        return "protein heavy atom within " + cutoff + " Å of any ligand heavy atom";
    }
}
