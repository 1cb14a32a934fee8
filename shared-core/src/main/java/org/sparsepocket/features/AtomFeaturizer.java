package org.sparsepocket.features;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sparsepocket.structure.Atom;

/**
 * Computes the 18 PUResNetV2 features of protein atoms by looking them up, by residue name and atom
 * name, in the table of residue templates ({@link ResidueTemplates}); atoms without a template entry get
 * element-based features and are counted in the {@link Featurization} report. Immutable and
 * thread-safe; the template table ({@link TemplateTable}: shipped by the build, else built with CDK) is
 * loaded once, on first use, and shared.
 */
public final class AtomFeaturizer {

    private static final AtomFeaturizer SHARED = new AtomFeaturizer();

    /**
     * Residue name to (atom name to template atom), aliases included; read (or built) on first use.
     */
    private static final class Table {
        static final Map<String, Map<String, TemplateTable.Atom>> BY_RESIDUE = TemplateTable.load();
    }

    private AtomFeaturizer() {
    }

    /** The shared instance (the table is immutable, so one is enough). */
    public static AtomFeaturizer shared() {
        return SHARED;
    }

    /** Whether {@link #featurize} takes this atom's features from its residue template (not element rules). */
    public boolean fromTemplate(Atom atom) {
        Map<String, TemplateTable.Atom> residueAtoms = Table.BY_RESIDUE.get(atom.residue().name());
        TemplateTable.Atom t = residueAtoms == null ? null : residueAtoms.get(atom.name());
        return t != null && t.element().equalsIgnoreCase(atom.element());
    }

    /**
     * Features of each atom, in input order. Never fails on unknown residues or odd atom names: those
     * atoms get element-based features and are reported.
     */
    public Featurization featurize(List<Atom> atoms) {
        Map<String, Map<String, TemplateTable.Atom>> table = Table.BY_RESIDUE;
        int n = atoms.size();
        float[] values = new float[n * AtomFeatures.COUNT];
        TreeMap<String, Integer> unknownResidues = new TreeMap<>();
        int unmatched = 0;
        String lastResidue = null;
        Map<String, TemplateTable.Atom> residueAtoms = null;
        for (int i = 0; i < n; i++) {
            Atom atom = atoms.get(i);
            String residue = atom.residue().name();
            if (!residue.equals(lastResidue)) {
                lastResidue = residue;
                residueAtoms = table.get(residue);
            }
            int offset = i * AtomFeatures.COUNT;
            if (residueAtoms == null) {
                unknownResidues.merge(residue, 1, Integer::sum);
                ElementRules.fill(ElementClass.atomicNumber(atom.element()), values, offset);
                continue;
            }
            TemplateTable.Atom t = residueAtoms.get(atom.name());
            if (t == null || !t.element().equalsIgnoreCase(atom.element())) {
                unmatched++;
                ElementRules.fill(ElementClass.atomicNumber(atom.element()), values, offset);
                continue;
            }
            System.arraycopy(t.features(), 0, values, offset, AtomFeatures.COUNT);
        }
        return new Featurization(new FeatureMatrix(n, values), unknownResidues, unmatched);
    }
}
