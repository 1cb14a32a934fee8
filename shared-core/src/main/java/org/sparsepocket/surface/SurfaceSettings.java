package org.sparsepocket.surface;

/**
 * How surface points are placed, described and clustered. Defaults follow P2Rank 2.x's
 * {@code config/default.groovy} (probe 1.6 Å, 6 Å neighbourhood with weight 1 − d/6, protrusion within
 * 10 Å, single linkage at 3 Å, at least 3 points, residues within 3.5 Å of the points) except the
 * threshold, which is tuned for this project's classifier. Immutable.
 *
 * @param probeRadius      solvent probe radius, Å
 * @param pointsPerAtom    points tried on each atom's solvent-accessible sphere (P2Rank: CDK tessellation 2)
 * @param neighbourhood    radius of the atom neighbourhood aggregated into a point's features, Å
 * @param protrusionRadius radius of the protrusion count, Å
 * @param buriednessRadius how far a direction is probed for blocking atoms, Å
 * @param threshold        a point is ligandable when its score is at least this
 * @param clusterDistance  single-linkage distance between ligandable points of one pocket, Å
 * @param minClusterSize   smallest number of points in a pocket
 * @param residueCutoff    protein atoms within this distance of a pocket's points form its residues, Å
 * @param boxMargin        margin around the pocket atoms of the docking box, Å
 * @param scorePower       a pocket's score is the sum of its points' scores to this power (P2Rank: 2)
 * @param centrePower      a pocket's centre is the mean of its points weighted by their scores to this power
 *                         (0: the plain mean, P2Rank's; larger values pull the centre to the most confident points)
 * @param networkBlend     weight b of the network in a point's score before the threshold: (1 − b) × classifier +
 *                         b × the network's probability of the atoms within {@code neighbourhood} (weighted mean, as
 *                         the point features weigh them); 0 = the classifier alone. The trees never see the network,
 *                         so the two opinions stay independent where they are learnt (docs/surface.md)
 */
public record SurfaceSettings(double probeRadius, int pointsPerAtom, double neighbourhood, double protrusionRadius,
                              double buriednessRadius, double threshold, double clusterDistance, int minClusterSize,
                              double residueCutoff, double boxMargin, double scorePower, double centrePower,
                              double networkBlend) {

    public static final SurfaceSettings DEFAULT = new SurfaceSettings(1.6, 40, 6.0, 10.0, 8.0, 0.35, 3.0, 3, 3.5, 4.0,
            2.0, 0.0, 0.0);

    public SurfaceSettings {
        positive("probeRadius", probeRadius);
        positive("neighbourhood", neighbourhood);
        positive("protrusionRadius", protrusionRadius);
        positive("buriednessRadius", buriednessRadius);
        positive("clusterDistance", clusterDistance);
        positive("residueCutoff", residueCutoff);
        positive("scorePower", scorePower);
        if (pointsPerAtom < 4) {
            throw new IllegalArgumentException("pointsPerAtom must be at least 4, got " + pointsPerAtom);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
        if (minClusterSize < 1) {
            throw new IllegalArgumentException("minClusterSize must be at least 1, got " + minClusterSize);
        }
        if (!(centrePower >= 0)) {
            throw new IllegalArgumentException("centrePower must be ≥ 0, got " + centrePower);
        }
        if (!(networkBlend >= 0 && networkBlend < 1)) {
            throw new IllegalArgumentException("networkBlend must be in [0, 1), got " + networkBlend);
        }
        if (!(boxMargin >= 0)) {
            throw new IllegalArgumentException("boxMargin must be ≥ 0, got " + boxMargin);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }

    public SurfaceSettings withThreshold(double t) {
        return new SurfaceSettings(probeRadius, pointsPerAtom, neighbourhood, protrusionRadius, buriednessRadius, t,
                clusterDistance, minClusterSize, residueCutoff, boxMargin, scorePower, centrePower, networkBlend);
    }

    /** These settings with another single-linkage distance and smallest pocket (in points). */
    public SurfaceSettings withClustering(double distance, int minPoints) {
        return new SurfaceSettings(probeRadius, pointsPerAtom, neighbourhood, protrusionRadius, buriednessRadius, threshold,
                distance, minPoints, residueCutoff, boxMargin, scorePower, centrePower, networkBlend);
    }

    /** These settings with another power of the point scores summed into a pocket's score. */
    public SurfaceSettings withScorePower(double power) {
        return new SurfaceSettings(probeRadius, pointsPerAtom, neighbourhood, protrusionRadius, buriednessRadius, threshold,
                clusterDistance, minClusterSize, residueCutoff, boxMargin, power, centrePower, networkBlend);
    }

    /** These settings with another weighting of a pocket's centre (0: the points' plain mean). */
    public SurfaceSettings withCentrePower(double power) {
        return new SurfaceSettings(probeRadius, pointsPerAtom, neighbourhood, protrusionRadius, buriednessRadius, threshold,
                clusterDistance, minClusterSize, residueCutoff, boxMargin, scorePower, power, networkBlend);
    }

    /** These settings with another weight of the network in the point scores (0: the classifier alone). */
    public SurfaceSettings withNetworkBlend(double blend) {
        return new SurfaceSettings(probeRadius, pointsPerAtom, neighbourhood, protrusionRadius, buriednessRadius, threshold,
                clusterDistance, minClusterSize, residueCutoff, boxMargin, scorePower, centrePower, blend);
    }

    /** Whether the point scores take the network's probabilities ({@link #networkBlend} above 0). */
    public boolean blendsNetwork() {
        return networkBlend > 0;
    }
}
