package org.sparsepocket.surface;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.sparsepocket.pockets.Pocket;

/**
 * One ranked list from the network's pockets and the surface's pockets. Each source's scores are divided
 * by its best pocket's score (both lists then run from 1 down, whatever the scorer's scale); a network
 * and a surface pocket closer than the match distance (closest pairs first, one-to-one) become one pocket
 * scored (1 − w)·network + w·surface, the others keep their own weighted term. So agreement between the
 * two sources lifts a pocket, and the weight decides who wins a disagreement. A merged pocket keeps the
 * geometry (centre, atoms, box) of the source with the larger weighted term. Stateless; thread-safe.
 */
public final class PocketFusion {

    private final FusionSettings settings;

    public PocketFusion(FusionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public List<Pocket> fuse(List<Pocket> network, List<Pocket> surface) {
        double w = settings.surfaceWeight();
        double[] n = normalised(network, 1 - w);
        double[] s = normalised(surface, w);
        int[] partnerOfSurface = PocketPairs.partnersOfSurface(network, surface, settings.matchDistance());
        boolean[] networkTaken = new boolean[network.size()];
        for (int i : partnerOfSurface) {
            if (i >= 0) {
                networkTaken[i] = true;
            }
        }
        record Scored(Pocket pocket, double score, double strongest) {
        }
        List<Scored> all = new ArrayList<>();
        for (int j = 0; j < surface.size(); j++) {
            int i = partnerOfSurface[j];
            if (i < 0) {
                all.add(new Scored(surface.get(j), s[j], s[j]));
            } else {
                Pocket geometry = s[j] >= n[i] ? surface.get(j) : network.get(i);
                all.add(new Scored(geometry, s[j] + n[i], Math.max(s[j], n[i])));
            }
        }
        for (int i = 0; i < network.size(); i++) {
            if (!networkTaken[i]) {
                all.add(new Scored(network.get(i), n[i], n[i]));
            }
        }
        // Ties (e.g. w = 0 leaves every surface pocket at 0) keep the stronger single source first, then input order.
        all.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Comparator.comparingDouble(Scored::strongest).reversed()));
        List<Pocket> out = new ArrayList<>(all.size());
        for (int r = 0; r < all.size(); r++) {
            out.add(withRankAndScore(all.get(r).pocket, r + 1, all.get(r).score));
        }
        return List.copyOf(out);
    }

    private static double[] normalised(List<Pocket> pockets, double weight) {
        double best = pockets.stream().mapToDouble(Pocket::score).max().orElse(1);
        double[] out = new double[pockets.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = best > 0 ? weight * pockets.get(i).score() / best : 0;
        }
        return out;
    }

    /** {@code p} with another rank and score (the fused list's). */
    public static Pocket withRankAndScore(Pocket p, int rank, double score) {
        return new Pocket(rank, score, p.meanProbability(), p.maxProbability(), p.center(), p.atoms(), p.atomIndices(),
                p.residues(), p.box(), p.radius());
    }
}
