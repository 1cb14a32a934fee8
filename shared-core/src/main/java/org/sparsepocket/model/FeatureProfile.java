package org.sparsepocket.model;

import org.sparsepocket.features.AtomFeaturizer;
import org.sparsepocket.features.Featurization;
import org.sparsepocket.features.TemplateOverrides;
import org.sparsepocket.sparse.coords.Quantization;
import org.sparsepocket.structure.Atom;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a model's inputs are made: the per-atom features and how atoms become voxels. A model card names
 * its profile ({@code featurization}); every front end featurizes and voxelizes with it, so a model runs
 * on the inputs it was trained on. Cards without the field are {@link #STANDARD}.
 */
public enum FeatureProfile {

    /** This project's templates, features averaged per voxel: the models trained here. */
    STANDARD("standard", Quantization.MEAN),

    /**
     * The inputs the published PUResNetV2.0 weights were trained on: the published template values
     * ({@link TemplateOverrides#puresnetV2()}) and the first atom of each voxel, rounded half to even.
     */
    PURESNET_V2("puresnet-v2", Quantization.FIRST_ATOM);

    private final String cardName;
    private final Quantization quantization;

    FeatureProfile(String cardName, Quantization quantization) {
        this.cardName = cardName;
        this.quantization = quantization;
    }

    /** The name a model card uses. */
    public String cardName() {
        return cardName;
    }

    public Quantization quantization() {
        return quantization;
    }

    /** Features of each atom, in input order. */
    public Featurization featurize(List<Atom> atoms) {
        Featurization base = AtomFeaturizer.shared().featurize(atoms);
        return this == PURESNET_V2 ? TemplateOverrides.puresnetV2().apply(atoms, base) : base;
    }

    /**
     * The profile a card names; null means {@link #STANDARD}.
     *
     * @throws IllegalArgumentException for a name this version does not know
     */
    public static FeatureProfile forCardName(String name) {
        if (name == null) {
            return STANDARD;
        }
        for (FeatureProfile p : values()) {
            if (p.cardName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("featurization '" + name + "' is not known to this version (knows "
                + Arrays.stream(values()).map(FeatureProfile::cardName).collect(Collectors.joining(", ")) + ")");
    }
}
