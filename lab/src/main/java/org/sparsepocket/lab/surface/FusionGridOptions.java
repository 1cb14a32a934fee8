package org.sparsepocket.lab.surface;

import java.util.ArrayList;
import java.util.List;

import org.sparsepocket.surface.FusionSettings;
import org.sparsepocket.surface.SurfaceSettings;
import picocli.CommandLine.Option;

/** The grid that {@code surface-eval} and {@code surface-cv} choose the surface threshold and the fusion from. */
final class FusionGridOptions {

    @Option(names = "--thresholds", split = ",", defaultValue = "0.2,0.3,0.35,0.4,0.5,0.6",
            description = "surface point thresholds (default: ${DEFAULT-VALUE})")
    List<Double> thresholds;

    @Option(names = "--linkages", split = ",", defaultValue = "3",
            description = "single-linkage distances of the surface pockets, Å (default: ${DEFAULT-VALUE}, P2Rank's)")
    List<Double> linkages;

    @Option(names = "--min-points", split = ",", defaultValue = "3",
            description = "smallest surface pockets, in points (default: ${DEFAULT-VALUE}, P2Rank's)")
    List<Integer> minPoints;

    @Option(names = "--score-powers", split = ",", defaultValue = "2",
            description = "powers of the point scores summed into a surface pocket's score (default: ${DEFAULT-VALUE},"
                    + " P2Rank's)")
    List<Double> scorePowers;

    @Option(names = "--centre-powers", split = ",", defaultValue = "0",
            description = "weightings of a surface pocket's centre by its point scores to this power (default:"
                    + " ${DEFAULT-VALUE}, the points' plain mean, P2Rank's)")
    List<Double> centrePowers;

    @Option(names = "--blends", split = ",", defaultValue = "0",
            description = "weights of the network's probability near a point blended into its score before the"
                    + " threshold (SurfaceSettings.networkBlend; surface-eval only with a model that blends;"
                    + " default: ${DEFAULT-VALUE}, none)")
    List<Double> blends;

    @Option(names = "--weights", split = ",", defaultValue = "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9",
            description = "surface weights of the fusion (default: ${DEFAULT-VALUE})")
    List<Double> weights;

    @Option(names = "--match", split = ",", defaultValue = "4,6,8",
            description = "match distances between pocket centres, Å (default: ${DEFAULT-VALUE})")
    List<Double> matches;

    /**
     * One setting per threshold, clustering, score power, centre weighting and network blend, the surface points
     * alone.
     *
     * @throws IllegalArgumentException naming a value out of range
     */
    List<FusionGrid.Setting> alone() {
        List<FusionGrid.Setting> out = new ArrayList<>();
        for (double t : thresholds) {
            for (double d : linkages) {
                for (int m : minPoints) {
                    for (double p : scorePowers) {
                        for (double c : centrePowers) {
                            SurfaceSettings.DEFAULT.withThreshold(t).withClustering(d, m).withScorePower(p)
                                    .withCentrePower(c);   // checks ranges
                            for (double b : blends) {
                                if (!(b >= 0 && b < 1)) {
                                    throw new IllegalArgumentException("--blends must be in [0, 1): " + b);
                                }
                                out.add(new FusionGrid.Setting(t, d, m, p, c, b, null));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every threshold × clustering × score power × centre weighting × weight × match distance.
     *
     * @throws IllegalArgumentException naming a value out of range
     */
    List<FusionGrid.Setting> fused() {
        List<FusionGrid.Setting> out = new ArrayList<>();
        for (FusionGrid.Setting a : alone()) {
            for (double w : weights) {
                for (double m : matches) {
                    out.add(a.fusedBy(new FusionSettings(w, m)));
                }
            }
        }
        return out;
    }

    /** The middle match distance of the grid (surface-eval's fixed-match row). */
    double middleMatch() {
        return matches.get(matches.size() / 2);
    }
}
