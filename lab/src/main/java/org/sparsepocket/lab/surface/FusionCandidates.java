package org.sparsepocket.lab.surface;

import java.util.ArrayList;
import java.util.List;

import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.surface.PocketPairs;

/**
 * The candidate sites of one complex for the learned-fusion experiment ({@link LearnedFusion}): the network's
 * and the surface's pockets paired by {@link PocketPairs} (as the shipped fusion pairs them), each pair or lone
 * pocket one candidate, described by what both sources say about it ({@link #NAMES}). Within-protein quantities
 * (a pocket's score relative to its source's best, its rank) let one model rank the pockets of proteins of any
 * size.
 */
final class FusionCandidates {

    /** Feature names in column order. Absent source: its columns are 0. */
    static final List<String> NAMES = List.of(
            "has_network", "has_surface",
            "network_relative_score", "surface_relative_score",
            "network_inverse_rank", "surface_inverse_rank",
            "network_log_score", "surface_log_score",
            "network_max", "network_mean", "surface_max", "surface_mean",
            "network_log_atoms", "surface_log_atoms",
            "centre_distance", "log_atoms_within_8", "log_candidates");

    static final int COUNT = NAMES.size();

    private static final double NEIGHBOURHOOD = 8.0;

    /**
     * One candidate site: a network pocket, a surface pocket, or both.
     *
     * @param network  the network's pocket, or null
     * @param surface  the surface's pocket, or null
     * @param features {@link #COUNT} values in {@link #NAMES} order
     */
    record Candidate(Pocket network, Pocket surface, float[] features) {
        /**
         * The site's geometry (centre, atoms, box): the surface pocket's when it has one (the mean of its points
         * lies in the cavity), else the network's.
         */
        Pocket pocket() {
            return surface != null ? surface : network;
        }
    }

    private FusionCandidates() {
    }

    /**
     * @param network       the network's pockets, best first
     * @param surface       the surface's pockets, best first
     * @param atoms         the protein atoms both were found on
     * @param matchDistance pockets whose centres are closer than this are one candidate, Å
     */
    static List<Candidate> of(List<Pocket> network, List<Pocket> surface, List<Atom> atoms,
                                     double matchDistance) {
        int[] partner = PocketPairs.partnersOfSurface(network, surface, matchDistance);
        boolean[] networkTaken = new boolean[network.size()];
        List<int[]> pairs = new ArrayList<>();
        for (int j = 0; j < surface.size(); j++) {
            pairs.add(new int[] {partner[j], j});
            if (partner[j] >= 0) {
                networkTaken[partner[j]] = true;
            }
        }
        for (int i = 0; i < network.size(); i++) {
            if (!networkTaken[i]) {
                pairs.add(new int[] {i, -1});
            }
        }
        double bestNetwork = best(network);
        double bestSurface = best(surface);
        float logCandidates = (float) Math.log(pairs.size());
        List<Candidate> out = new ArrayList<>(pairs.size());
        for (int[] p : pairs) {
            Pocket n = p[0] < 0 ? null : network.get(p[0]);
            Pocket s = p[1] < 0 ? null : surface.get(p[1]);
            float[] f = new float[COUNT];
            describe(n, p[0], bestNetwork, f, 0);
            describe(s, p[1], bestSurface, f, 1);
            f[14] = (float) (n != null && s != null ? n.center().distance(s.center()) : matchDistance);
            f[15] = (float) Math.log1p(atomsNear((s != null ? s : n).center(), atoms));
            f[16] = logCandidates;
            out.add(new Candidate(n, s, f));
        }
        return List.copyOf(out);
    }

    /** Fills the columns of one source ({@code side} 0 = network, 1 = surface). */
    private static void describe(Pocket p, int index, double best, float[] f, int side) {
        if (p == null) {
            return;
        }
        f[side] = 1;
        f[2 + side] = (float) (best > 0 ? p.score() / best : 0);
        f[4 + side] = 1f / (index + 1);
        f[6 + side] = (float) Math.log1p(Math.max(0, p.score()));
        f[8 + 2 * side] = (float) p.maxProbability();
        f[9 + 2 * side] = (float) p.meanProbability();
        f[12 + side] = (float) Math.log1p(p.atoms().size());
    }

    private static double best(List<Pocket> pockets) {
        return pockets.stream().mapToDouble(Pocket::score).max().orElse(1);
    }

    private static int atomsNear(Point3 c, List<Atom> atoms) {
        double r2 = NEIGHBOURHOOD * NEIGHBOURHOOD;
        int n = 0;
        for (Atom a : atoms) {
            double dx = a.x() - c.x(), dy = a.y() - c.y(), dz = a.z() - c.z();
            if (dx * dx + dy * dy + dz * dz <= r2) {
                n++;
            }
        }
        return n;
    }
}
