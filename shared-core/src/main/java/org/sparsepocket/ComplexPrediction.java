package org.sparsepocket;

import java.util.List;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Complex;

/**
 * The prediction for one complex: a binding probability per atom (same order as
 * {@code complex.atoms()}) and the ranked pockets.
 */
public record ComplexPrediction(Complex complex, float[] probabilities, List<Pocket> pockets) {

    public ComplexPrediction {
        if (probabilities.length != complex.atoms().size()) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for "
                    + complex.atoms().size() + " atoms");
        }
        probabilities = probabilities.clone();
        pockets = List.copyOf(pockets);
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }
}
