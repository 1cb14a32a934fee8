package org.sparsepocket.surface;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.sparsepocket.pockets.Pocket;

/**
 * Which network pocket and which surface pocket describe the same site: centres closer than the match distance,
 * closest pairs first, one-to-one. {@link PocketFusion} pairs this way (and so does the lab's learned-fusion experiment).
 */
public final class PocketPairs {

    private PocketPairs() {
    }

    /** For each surface pocket, the index of its network partner, or −1. */
    public static int[] partnersOfSurface(List<Pocket> network, List<Pocket> surface, double matchDistance) {
        record Pair(int net, int surf, double distance) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < network.size(); i++) {
            for (int j = 0; j < surface.size(); j++) {
                double d = network.get(i).center().distance(surface.get(j).center());
                if (d < matchDistance) {
                    pairs.add(new Pair(i, j, d));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::distance));
        int[] partner = new int[surface.size()];
        Arrays.fill(partner, -1);
        boolean[] networkTaken = new boolean[network.size()];
        for (Pair p : pairs) {
            if (!networkTaken[p.net] && partner[p.surf] < 0) {
                networkTaken[p.net] = true;
                partner[p.surf] = p.net;
            }
        }
        return partner;
    }
}
