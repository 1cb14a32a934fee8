package org.sparsepocket.eval;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.CellList;
import org.sparsepocket.structure.Ligand;

/**
 * What is known about one protein: its relevant ligands and the labels derived from them (see
 * ../shared/data/README.md): a residue binds when any of its heavy atoms lies within
 * {@code residueCutoff} (4 Å) of a ligand heavy atom; an atom is a binding-site atom when it lies
 * within {@code atomCutoff} (5 Å) of a ligand heavy atom. Immutable.
 *
 * @param proteinId       protein name
 * @param ligands         relevant ligands; n for top-n is their number
 * @param residues        every residue of the protein
 * @param bindingResidues residues that bind
 * @param atomLabels      per protein atom (in the atom order given), whether it is a binding-site atom
 */
public record GroundTruth(String proteinId, List<Ligand> ligands, Set<ResidueKey> residues,
                         Set<ResidueKey> bindingResidues, boolean[] atomLabels) {

    public static final double RESIDUE_CUTOFF = 4.0;
    public static final double ATOM_CUTOFF = 5.0;

    public GroundTruth {
        Objects.requireNonNull(proteinId, "proteinId");
        ligands = List.copyOf(ligands);
        residues = Collections.unmodifiableSortedSet(new TreeSet<>(residues));
        bindingResidues = Collections.unmodifiableSortedSet(new TreeSet<>(bindingResidues));
        atomLabels = atomLabels.clone();
    }

    /** Labels {@code proteinAtoms} against {@code ligands} with the standard cutoffs. */
    public static GroundTruth of(String proteinId, List<Atom> proteinAtoms, List<Ligand> ligands) {
        return of(proteinId, proteinAtoms, ligands, RESIDUE_CUTOFF, ATOM_CUTOFF);
    }

    public static GroundTruth of(String proteinId, List<Atom> proteinAtoms, List<Ligand> ligands,
                                 double residueCutoff, double atomCutoff) {
        List<Atom> ligandAtoms = ligands.stream().flatMap(l -> l.atoms().stream()).toList();
        CellList index = CellList.of(ligandAtoms, Math.max(residueCutoff, atomCutoff));
        Set<ResidueKey> residues = new TreeSet<>();
        Set<ResidueKey> binding = new TreeSet<>();
        boolean[] labels = new boolean[proteinAtoms.size()];
        for (int i = 0; i < proteinAtoms.size(); i++) {
            Atom a = proteinAtoms.get(i);
            ResidueKey key = ResidueKey.of(a.residue());
            residues.add(key);
            labels[i] = index.anyWithin(a.x(), a.y(), a.z(), atomCutoff);
            if (!binding.contains(key) && index.anyWithin(a.x(), a.y(), a.z(), residueCutoff)) {
                binding.add(key);
            }
        }
        return new GroundTruth(proteinId, ligands, residues, binding, labels);
    }

    @Override
    public boolean[] atomLabels() {
        return atomLabels.clone();
    }

    public int atomCount() {
        return atomLabels.length;
    }
}
