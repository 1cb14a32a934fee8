package org.sparsepocket.pockets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

class PocketExtractorTest {

    /** Builds atoms and probabilities together. */
    private static final class Builder {
        final List<Atom> atoms = new ArrayList<>();
        final List<Float> probs = new ArrayList<>();

        Builder blob(String chain, int firstResidue, double cx, double cy, double cz, int count, float p, Random rnd) {
            for (int i = 0; i < count; i++) {
                // Residues in descending number order and a few atoms per residue, to test sorting and uniqueness.
                ResidueId res = new ResidueId(chain, firstResidue + (count - i) / 3, ' ', "ALA");
                atoms.add(new Atom(atoms.size() + 1, "C" + i, "C", res,
                        cx + rnd.nextGaussian(), cy + rnd.nextGaussian(), cz + rnd.nextGaussian(), 1, 0));
                probs.add(p);
            }
            return this;
        }

        float[] probabilities() {
            float[] p = new float[probs.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = probs.get(i);
            }
            return p;
        }
    }

    @Test
    void twoBlobsBecomeTwoRankedPocketsAndLowProbabilityAtomsAreIgnored() {
        Random rnd = new Random(1);
        Builder b = new Builder()
                .blob("A", 10, 0, 0, 0, 12, 0.6f, rnd)      // smaller, less confident
                .blob("B", 50, 40, 0, 0, 30, 0.9f, rnd)     // larger, more confident → rank 1
                .blob("A", 90, -40, 0, 0, 30, 0.2f, rnd);   // below threshold
        List<Pocket> pockets = new PocketExtractor(PocketSettings.DEFAULT).extract(b.atoms, b.probabilities());
        assertEquals(2, pockets.size());
        assertEquals(1, pockets.get(0).rank());
        assertEquals(2, pockets.get(1).rank());
        assertEquals(30, pockets.get(0).atoms().size());
        assertEquals(12, pockets.get(1).atoms().size());
        assertEquals(30 * 0.9, pockets.get(0).score(), 1e-4);
        assertEquals(0.9, pockets.get(0).meanProbability(), 1e-6);
        assertEquals(0.9, pockets.get(0).maxProbability(), 1e-6);
        assertEquals(40, pockets.get(0).center().x(), 1.0);
        assertTrue(pockets.get(0).residues().stream().allMatch(r -> r.chainId().equals("B")));
        for (Pocket p : pockets) {
            int[] idx = p.atomIndices();
            for (int k = 0; k < idx.length; k++) {
                assertEquals(b.atoms.get(idx[k]), p.atoms().get(k), "indices and atoms agree");
                assertTrue(b.probs.get(idx[k]) >= 0.34f);
                if (k > 0) {
                    assertTrue(idx[k] > idx[k - 1], "indices ascending");
                }
            }
        }
    }

    @Test
    void boxAndRadiusCoverEveryPocketAtomPlusMargin() {
        Random rnd = new Random(2);
        Builder b = new Builder();
        for (int i = 0; i < 8; i++) {
            b.blob("A", 100 * i, rnd.nextDouble() * 200, rnd.nextDouble() * 200, rnd.nextDouble() * 200,
                    5 + rnd.nextInt(40), 0.4f + 0.5f * rnd.nextFloat(), rnd);
        }
        for (boolean weighted : new boolean[] {false, true}) {
            for (double margin : new double[] {0, 4}) {
                PocketSettings s = PocketSettings.DEFAULT.withBoxMargin(margin).withProbabilityWeightedCenter(weighted);
                List<Pocket> pockets = new PocketExtractor(s).extract(b.atoms, b.probabilities());
                assertTrue(pockets.size() >= 8);
                for (Pocket p : pockets) {
                    DockingBox box = p.box();
                    double maxReach = 0;
                    for (Atom a : p.atoms()) {
                        assertTrue(Math.abs(a.x() - box.center().x()) + margin <= box.sizeX() / 2 + 1e-9);
                        assertTrue(Math.abs(a.y() - box.center().y()) + margin <= box.sizeY() / 2 + 1e-9);
                        assertTrue(Math.abs(a.z() - box.center().z()) + margin <= box.sizeZ() / 2 + 1e-9);
                        double d = p.center().distance(new Point3(a.x(), a.y(), a.z()));
                        assertTrue(d + margin <= p.radius() + 1e-9);
                        maxReach = Math.max(maxReach, d);
                    }
                    // ... and tightly: the radius is exactly the farthest atom plus margin.
                    assertEquals(maxReach + margin, p.radius(), 1e-9);
                }
            }
        }
    }

    @Test
    void residuesAreSortedAndUnique() {
        Random rnd = new Random(3);
        List<Atom> atoms = new ArrayList<>();
        String[] chains = {"B", "A", "C"};
        char[] codes = {' ', 'B', 'A'};
        for (int i = 0; i < 60; i++) {
            ResidueId r = new ResidueId(chains[i % 3], 20 - i % 7, codes[i % 3 == 0 ? i / 3 % 3 : 0], i % 2 == 0 ? "GLY" : "SER");
            atoms.add(new Atom(i, "CA", "C", r, rnd.nextDouble() * 6, rnd.nextDouble() * 6, rnd.nextDouble() * 6, 1, 0));
        }
        float[] p = new float[atoms.size()];
        java.util.Arrays.fill(p, 0.8f);
        List<Pocket> pockets = new PocketExtractor(PocketSettings.DEFAULT).extract(atoms, p);
        assertEquals(1, pockets.size());
        List<ResidueId> res = pockets.get(0).residues();
        assertEquals(new HashSet<>(res).size(), res.size(), "unique");
        assertEquals(atoms.stream().map(Atom::residue).distinct().count(), res.size(), "complete");
        for (int i = 1; i < res.size(); i++) {
            assertTrue(PocketExtractor.RESIDUE_ORDER.compare(res.get(i - 1), res.get(i)) < 0, res.toString());
        }
        assertEquals("A", res.get(0).chainId());
        assertEquals("C", res.get(res.size() - 1).chainId());
    }

    @Test
    void centreIsAtomMeanOrProbabilityWeighted() {
        ResidueId r = new ResidueId("A", 1, ' ', "GLY");
        List<Atom> atoms = List.of(
                new Atom(1, "N", "N", r, 0, 0, 0, 1, 0),
                new Atom(2, "CA", "C", r, 3, 0, 0, 1, 0));
        float[] p = {0.5f, 1.0f};
        PocketSettings s = PocketSettings.DEFAULT.withMinAtoms(2);
        Pocket plain = new PocketExtractor(s).extract(atoms, p).get(0);
        Pocket weighted = new PocketExtractor(s.withProbabilityWeightedCenter(true)).extract(atoms, p).get(0);
        assertEquals(1.5, plain.center().x(), 1e-12);
        assertEquals(2.0, weighted.center().x(), 1e-12);   // (0·0.5 + 3·1) / 1.5
        assertEquals(1.5, plain.box().center().x(), 1e-12);
        assertEquals(3 + 2 * 4.0, plain.box().sizeX(), 1e-12);
        assertEquals(2 * 4.0, plain.box().sizeY(), 1e-12);
        assertEquals(1.5 + 4.0, plain.radius(), 1e-12);
    }

    @Test
    void scorerDecidesTheRankingAndMaxPocketsLimitsIt() {
        Random rnd = new Random(4);
        Builder b = new Builder()
                .blob("A", 1, 0, 0, 0, 40, 0.5f, rnd)       // big, moderately confident
                .blob("A", 100, 60, 0, 0, 6, 0.95f, rnd)    // small, very confident
                .blob("A", 200, 0, 60, 0, 15, 0.7f, rnd);
        float[] p = b.probabilities();
        List<Pocket> bySum = new PocketExtractor(PocketSettings.DEFAULT).extract(b.atoms, p);
        List<Pocket> byMean = new PocketExtractor(PocketSettings.DEFAULT.withScorer(PocketScorer.MEAN)).extract(b.atoms, p);
        assertEquals(40, bySum.get(0).atoms().size());
        assertEquals(6, byMean.get(0).atoms().size());
        assertEquals(15, byMean.get(1).atoms().size());
        assertEquals(0.5 * Math.sqrt(40), new PocketExtractor(PocketSettings.DEFAULT.withScorer(PocketScorer.MEAN_SQRT_SIZE))
                .extract(b.atoms, p).get(0).score(), 1e-5);
        List<Pocket> top2 = new PocketExtractor(PocketSettings.DEFAULT.withMaxPockets(2)).extract(b.atoms, p);
        assertEquals(2, top2.size());
        assertEquals(bySum.get(1).atoms(), top2.get(1).atoms());
    }

    @Test
    void scorersAreNamedAndFoundByName() {
        for (PocketScorer s : PocketScorer.all()) {
            assertEquals(s, PocketScorer.byName(s.name().toUpperCase()));
        }
        Builder b = new Builder().blob("A", 1, 0, 0, 0, 4, 0f, new Random(3));
        float[] p = {0.5f, 1.0f, 0.25f, 0.25f};
        PocketContext pocket = PocketContext.of(new ProteinContext(b.atoms, p), 0, 1, 2, 3);
        assertEquals(2.0, PocketScorer.SUM.score(pocket), 1e-9);
        assertEquals(0.5, PocketScorer.MEAN.score(pocket), 1e-9);
        assertEquals(1.0, PocketScorer.MAX.score(pocket), 1e-9);
        assertEquals(1.0, PocketScorer.MEAN_SQRT_SIZE.score(pocket), 1e-9);
        assertEquals(0.25 + 1 + 0.0625 * 2, PocketScorer.SUM_SQUARED.score(pocket), 1e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PocketScorer.byName("best"));
        assertTrue(e.getMessage().contains("sum"), e.getMessage());
        assertEquals(PocketScorer.SUM, PocketSettings.DEFAULT.scorer());
    }

    @Test
    void noAtomsAboveThresholdGivesNoPockets() {
        Random rnd = new Random(5);
        Builder b = new Builder().blob("A", 1, 0, 0, 0, 20, 0.1f, rnd);
        assertTrue(new PocketExtractor(PocketSettings.DEFAULT).extract(b.atoms, b.probabilities()).isEmpty());
        assertTrue(new PocketExtractor(PocketSettings.DEFAULT).extract(List.of(), new float[0]).isEmpty());
        float[] nan = b.probabilities();
        java.util.Arrays.fill(nan, Float.NaN);
        assertTrue(new PocketExtractor(PocketSettings.DEFAULT).extract(b.atoms, nan).isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> new PocketExtractor(PocketSettings.DEFAULT).extract(b.atoms, new float[3]));
    }

    @Test
    void threeHundredThousandAtomInput() {
        // A 300,000-atom assembly (protein density over a 180 Å cube) with 200 (partly overlapping) high-probability patches of
        // 8 Å radius; everything else is below the threshold. (The all-atoms-pass worst case of the
        // clustering itself is in DbscanTest.)
        Random rnd = new Random(6);
        int n = 300_000;
        double[][] patches = new double[200][];
        for (int k = 0; k < patches.length; k++) {
            patches[k] = new double[] {10 + rnd.nextDouble() * 160, 10 + rnd.nextDouble() * 160, 10 + rnd.nextDouble() * 160};
        }
        List<Atom> atoms = new ArrayList<>(n);
        float[] p = new float[n];
        int hot = 0;
        for (int i = 0; i < n; i++) {
            ResidueId r = new ResidueId(String.valueOf((char) ('A' + i / 20_000)), i / 8 % 20_000, ' ', "LEU");
            double x = rnd.nextDouble() * 180, y = rnd.nextDouble() * 180, z = rnd.nextDouble() * 180;
            atoms.add(new Atom(i, "CA", "C", r, x, y, z, 1, 0));
            boolean inPatch = false;
            for (double[] c : patches) {
                double dx = x - c[0], dy = y - c[1], dz = z - c[2];
                inPatch |= dx * dx + dy * dy + dz * dz < 64;
            }
            p[i] = inPatch ? 0.5f + 0.4f * rnd.nextFloat() : 0.3f * rnd.nextFloat();
            hot += inPatch ? 1 : 0;
        }
        List<Pocket> all = new PocketExtractor(PocketSettings.DEFAULT).extract(atoms, p);
        int clustered = all.stream().mapToInt(q -> q.atoms().size()).sum();
        assertTrue(all.size() >= 50 && all.size() <= 200, all.size() + " pockets");   // some patches overlap
        assertTrue(clustered > 0.95 * hot && clustered <= hot, clustered + " of " + hot);
        for (int k = 1; k < all.size(); k++) {
            assertEquals(k + 1, all.get(k).rank());
            assertTrue(all.get(k - 1).score() >= all.get(k).score());
        }
        List<Pocket> top = new PocketExtractor(PocketSettings.DEFAULT.withMaxPockets(5)).extract(atoms, p);
        assertEquals(all.subList(0, 5).stream().map(Pocket::atoms).toList(), top.stream().map(Pocket::atoms).toList());
        assertNotEquals(0, top.get(0).residues().size());
        assertArrayEquals(all.get(0).atomIndices(), top.get(0).atomIndices());
    }

    @Test
    void aLargeClusterSplitsIntoItsPeaksOnlyWhenAskedTo() {
        // Two confident sites 12 Å apart joined by a band of moderately probable atoms: at the threshold
        // they form one cluster whose centre lies between the sites, on neither.
        Random rnd = new Random(9);
        Builder b = new Builder()
                .blob("A", 10, 0, 0, 0, 30, 0.9f, rnd)
                .blob("A", 40, 12, 0, 0, 30, 0.8f, rnd);
        for (int k = 1; k < 12; k++) {
            b.blob("A", 100 + 5 * k, k, 0, 0, 4, 0.4f, rnd);
        }
        List<Pocket> plain = new PocketExtractor(PocketSettings.DEFAULT).extract(b.atoms, b.probabilities());
        assertEquals(1, plain.size());
        assertEquals(104, plain.get(0).atoms().size());

        List<Pocket> split = new PocketExtractor(PocketSettings.DEFAULT.withSplitAbove(40))
                .extract(b.atoms, b.probabilities());
        assertEquals(2, split.size(), "the bridge atoms are dropped and the two sites separate");
        assertEquals(0, split.get(0).center().x(), 1.0);
        assertEquals(12, split.get(1).center().x(), 1.0);
        assertTrue(split.stream().allMatch(q -> q.atoms().size() <= 40 && q.meanProbability() >= 0.8 - 1e-6));

        List<Pocket> big = new PocketExtractor(PocketSettings.DEFAULT.withSplitAbove(200))
                .extract(b.atoms, b.probabilities());
        assertEquals(plain.get(0).atoms(), big.get(0).atoms(), "clusters within the limit are untouched");
    }

    @Test
    void aUniformClusterThatCannotSplitIsKept() {
        Builder b = new Builder().blob("A", 10, 0, 0, 0, 80, 0.7f, new Random(3));
        List<Pocket> pockets = new PocketExtractor(PocketSettings.DEFAULT.withSplitAbove(20))
                .extract(b.atoms, b.probabilities());
        assertEquals(1, pockets.size());
        assertEquals(80, pockets.get(0).atoms().size());
        assertThrows(IllegalArgumentException.class, () -> PocketSettings.DEFAULT.withSplitAbove(-1));
    }
}
