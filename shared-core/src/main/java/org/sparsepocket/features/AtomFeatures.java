package org.sparsepocket.features;

import java.util.List;

/** The 18 per-atom features of PUResNetV2, in the order the network expects them. */
public final class AtomFeatures {

    public static final List<String> NAMES = List.of(
            "B", "C", "N", "O", "P", "S", "Se", "halogen", "metal",
            "hybridization", "heavy_degree", "hetero_degree", "partial_charge",
            "hydrophobic", "aromatic", "acceptor", "donor", "ring");

    public static final int COUNT = NAMES.size();

    private AtomFeatures() {
    }
}
