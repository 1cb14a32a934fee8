package org.sparsepocket.surface;

/**
 * How the network's and the surface's pockets are fused. Immutable.
 *
 * @param surfaceWeight weight w of the surface pocket's score; the network's gets 1 − w (0 = network alone,
 *                      1 = surface alone)
 * @param matchDistance a network and a surface pocket whose centres are closer than this are one pocket, Å
 */
public record FusionSettings(double surfaceWeight, double matchDistance) {

    public FusionSettings {
        if (!(surfaceWeight >= 0 && surfaceWeight <= 1)) {
            throw new IllegalArgumentException("surfaceWeight must be in [0, 1], got " + surfaceWeight);
        }
        if (!(matchDistance >= 0)) {
            throw new IllegalArgumentException("matchDistance must be ≥ 0, got " + matchDistance);
        }
    }
}
