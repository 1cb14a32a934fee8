package org.sparsepocket.features;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sparsepocket.structure.Atom;

/**
 * Computes the 18 PUResNetV2 features of protein atoms by looking them up, by residue name and atom
 * name, in the table of residue templates ({@link ResidueTemplates}); atoms without a template entry get
 * element-based features and are counted in the {@link Featurization} report. Immutable and
 * thread-safe; the template table is built once, on first use, and shared.
 */
public final class AtomFeaturizer {

    private static final AtomFeaturizer SHARED = new AtomFeaturizer();

    /** Residue name to (atom name to template atom), aliases included; built on first use. */
    private static final class Table {
        static final Map<String, Map<String, TemplateAtom>> BY_RESIDUE = build();

        private static Map<String, Map<String, TemplateAtom>> build() {
            Map<String, Map<String, TemplateAtom>> table = new HashMap<>();
            ResidueTemplates.byResidueName().forEach((residue, template) -> {
                Map<String, TemplateAtom> atoms = new HashMap<>();
                for (var a : template.entry().atoms()) {
                    float[] f = template.features().get(a.name());
                    if (f != null) {
                        atoms.put(a.name(), new TemplateAtom(a.element(), f));
                    }
                }
                table.put(residue, Map.copyOf(atoms));
            });
            return Map.copyOf(table);
        }
    }

    /** A heavy atom of a template: its element (to catch mislabelled input) and its features. */
    private record TemplateAtom(String element, float[] features) {
    }

    private AtomFeaturizer() {
    }

    /** The shared instance (the table is immutable, so one is enough). */
    public static AtomFeaturizer shared() {
        return SHARED;
    }

    /**
     * Features of each atom, in input order. Never fails on unknown residues or odd atom names: those
     * atoms get element-based features and are reported.
     */
    public Featurization featurize(List<Atom> atoms) {
        Map<String, Map<String, TemplateAtom>> table = Table.BY_RESIDUE;
        int n = atoms.size();
        float[] values = new float[n * AtomFeatures.COUNT];
        TreeMap<String, Integer> unknownResidues = new TreeMap<>();
        int unmatched = 0;
        String lastResidue = null;
        Map<String, TemplateAtom> residueAtoms = null;
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
            TemplateAtom t = residueAtoms.get(atom.name());
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
