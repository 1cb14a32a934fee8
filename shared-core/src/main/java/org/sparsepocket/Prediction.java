package org.sparsepocket;

import java.util.List;
import org.sparsepocket.structure.Structure;

/** The prediction for one structure: one entry per complex (see the chain mode). */
public record Prediction(Structure structure, List<ComplexPrediction> complexes) {

    public Prediction {
        complexes = List.copyOf(complexes);
    }
}
