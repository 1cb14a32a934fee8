package org.sparsepocket.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsepocket.pockets.DockingBox;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.Point3;

class PocketFusionTest {

    static Pocket pocket(int rank, double score, double x) {
        Point3 c = new Point3(x, 0, 0);
        return new Pocket(rank, score, 0.5, 0.5, c, List.of(), new int[0], List.of(), new DockingBox(c, 1, 1, 1), 1);
    }

    @Test
    void theNetworkWinsWhenTheSurfaceAgreesWithItsTopPocket() {
        // network: site A (x=0) strongly, site B (x=20) weakly; surface: B first, A a close second
        List<Pocket> network = List.of(pocket(1, 10, 0), pocket(2, 2, 20));
        List<Pocket> surface = List.of(pocket(1, 50, 21), pocket(2, 45, 1));
        List<Pocket> fused = new PocketFusion(new FusionSettings(0.5, 4)).fuse(network, surface);
        assertEquals(2, fused.size());                            // A and B each merged into one pocket
        assertEquals(0.5 + 0.45, fused.get(0).score(), 1e-9);     // A: 0.5·1 + 0.5·0.9
        assertEquals(0.1 + 0.5, fused.get(1).score(), 1e-9);      // B: 0.5·0.2 + 0.5·1
        assertEquals(0, fused.get(0).center().x(), 1e-9);         // A keeps the stronger (network) geometry
        assertEquals(21, fused.get(1).center().x(), 1e-9);        // B keeps the surface's
        assertEquals(List.of(1, 2), fused.stream().map(Pocket::rank).toList());
    }

    @Test
    void theSurfaceWinsWhereTheNetworkSeesNothingStrong() {
        // network: a weak pocket at A and a slightly weaker one at C; surface: a strong pocket at B the network missed
        List<Pocket> network = List.of(pocket(1, 3, 0), pocket(2, 2.9, 40));
        List<Pocket> surface = List.of(pocket(1, 30, 20), pocket(2, 3, 40.5));
        List<Pocket> fused = new PocketFusion(new FusionSettings(0.6, 4)).fuse(network, surface);
        assertEquals(3, fused.size());
        assertEquals(20, fused.get(0).center().x(), 1e-9);        // B: 0.6 alone
        assertEquals(0.6, fused.get(0).score(), 1e-9);
        assertEquals(40, fused.get(1).center().x(), 1e-9);        // C: 0.4·0.967 + 0.6·0.1 = 0.447, merged
        assertEquals(0.4 * 2.9 / 3 + 0.06, fused.get(1).score(), 1e-9);
        assertEquals(0, fused.get(2).center().x(), 1e-9);         // A: 0.4 alone
    }

    @Test
    void weightZeroKeepsTheNetworkOrderAndOneTheSurfaceOrder() {
        List<Pocket> network = List.of(pocket(1, 5, 0), pocket(2, 4, 20));
        List<Pocket> surface = List.of(pocket(1, 9, 20), pocket(2, 1, 50));
        assertEquals(List.of(0.0, 20.0, 50.0), new PocketFusion(new FusionSettings(0, 4)).fuse(network, surface)
                .stream().map(p -> p.center().x()).toList());
        assertEquals(List.of(20.0, 50.0, 0.0), new PocketFusion(new FusionSettings(1, 4)).fuse(network, surface)
                .stream().map(p -> p.center().x()).toList());
    }
}
