package org.sparsepocket.lab.train;

import java.util.List;
import org.sparsepocket.features.AtomFeaturizer;
import org.sparsepocket.features.CodeFingerprint;
import org.sparsepocket.features.FeatureMatrix;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.LigandFile;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;

/**
 * Featurizes a complex of our data sets: the protein file through the product's own loading rules
 * and atom features (so training sees exactly what prediction will see), the ligand file for the
 * labels only.
 */
public final class PdbqtComplexFeaturizer implements ComplexFeaturizer {

    private final LabelRule labels;
    private final String version;

    public PdbqtComplexFeaturizer(LabelRule labels) {
        this.labels = labels;
        // Any change to the structure or feature code, or to the label rule, invalidates cached complexes.
        this.version = "code " + CodeFingerprint.of(StructureLoader.class, AtomFeaturizer.class)
                + "; " + labels.describe();
    }

    @Override
    public TrainingComplex featurize(ComplexFiles files) {
        Structure s = StructureLoader.load(files.protein());
        List<Atom> protein = s.protein();
        if (protein.isEmpty()) {
            throw new IllegalArgumentException(files.protein() + ": no protein atoms");
        }
        Ligand ligand = LigandFile.load(files.ligand());
        FeatureMatrix features = AtomFeaturizer.shared().featurize(protein).matrix();
        double[] xyz = new double[3 * protein.size()];
        for (int i = 0; i < protein.size(); i++) {
            Atom a = protein.get(i);
            xyz[3 * i] = a.x();
            xyz[3 * i + 1] = a.y();
            xyz[3 * i + 2] = a.z();
        }
        return new TrainingComplex(files.id(), xyz, features.values(), labels.labels(protein, List.of(ligand)));
    }

    @Override
    public String version() {
        return version;
    }
}
