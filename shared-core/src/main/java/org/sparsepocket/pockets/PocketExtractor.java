package org.sparsepocket.pockets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

/**
 * Turns per-atom binding probabilities into ranked pockets: atoms with probability ≥ threshold are
 * clustered with {@link Dbscan} on their coordinates; each cluster becomes a {@link Pocket} scored by the
 * settings' {@link PocketScorer} (which sees the pocket in its protein, {@link PocketContext}), and pockets are ranked by score (ties: higher maximum probability, then
 * lower first atom index, so ranks are deterministic). Stateless apart from its settings; thread-safe.
 *
 * <p>Geometry of each pocket:
 * <ul>
 *   <li>centre: mean of the atom coordinates, or their probability-weighted mean;</li>
 *   <li>docking box (AutoDock Vina's center + size): the axis-aligned bounding box of the pocket atoms
 *       grown by the margin on every side, centred on that box's midpoint (the tightest box that covers
 *       every atom plus margin; its centre may differ slightly from the pocket centre);</li>
 *   <li>radius (PLANTS' bindingsite_radius around the pocket centre): the largest centre-to-atom
 *       distance plus the margin.</li>
 * </ul>
 */
public final class PocketExtractor {

    /** Residue order used in pockets and reports: chain, number, insertion code, name. */
    public static final Comparator<ResidueId> RESIDUE_ORDER = Comparator.comparing(ResidueId::chainId)
            .thenComparingInt(ResidueId::number)
            .thenComparingInt(ResidueId::insertionCode)
            .thenComparing(ResidueId::name);

    private final PocketSettings settings;

    public PocketExtractor(PocketSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PocketSettings settings() {
        return settings;
    }

    /**
     * Extracts ranked pockets.
     *
     * @param atoms         the complex's atoms
     * @param probabilities one probability per atom, same order
     * @return pockets ranked 1, 2, ... (at most {@code maxPockets} when that is set)
     */
    public List<Pocket> extract(List<Atom> atoms, float[] probabilities) {
        if (atoms.size() != probabilities.length) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + atoms.size() + " atoms");
        }
        // Atoms taking part in clustering (a NaN probability never passes the test).
        int[] selected = above(probabilities, allIndices(probabilities.length), settings.threshold());
        ProteinContext protein = new ProteinContext(atoms, probabilities);
        List<int[]> members = new ArrayList<>();
        for (int[] cluster : cluster(atoms, selected)) {
            split(atoms, probabilities, cluster, members);
        }
        List<Candidate> unranked = new ArrayList<>(members.size());
        for (int[] m : members) {
            unranked.add(new Candidate(pocket(protein, m), m[0]));
        }
        unranked.sort(Comparator.comparingDouble((Candidate k) -> k.pocket.score()).reversed()
                .thenComparing(Comparator.comparingDouble((Candidate k) -> k.pocket.maxProbability()).reversed())
                .thenComparingInt(k -> k.firstAtom));
        int keep = settings.maxPockets() == 0 ? unranked.size() : Math.min(settings.maxPockets(), unranked.size());
        List<Pocket> ranked = new ArrayList<>(keep);
        for (int r = 0; r < keep; r++) {
            ranked.add(withRank(unranked.get(r).pocket, r + 1));
        }
        return List.copyOf(ranked);
    }

    /**
     * Adds {@code cluster} to {@code out}, or, when it has more than {@code splitAbove} atoms, what it becomes
     * at the next higher threshold: the threshold rises to the cluster's lower-quartile probability, its
     * atoms at or above that are re-clustered, and each part is split again. A large blob of moderate
     * probability thus separates into its peaks or shrinks to its most probable core, whose centre lies
     * where the network is surest, instead of averaging over a whole face of the protein.
     */
    private void split(List<Atom> atoms, float[] probabilities, int[] cluster, List<int[]> out) {
        if (settings.splitAbove() == 0 || cluster.length <= settings.splitAbove()) {
            out.add(cluster);
            return;
        }
        float[] p = new float[cluster.length];
        for (int k = 0; k < cluster.length; k++) {
            p[k] = probabilities[cluster[k]];
        }
        java.util.Arrays.sort(p);
        float next = p[p.length / 4];
        if (next <= p[0]) {     // ties at the bottom: the next distinct value up, if any
            int k = 0;
            while (k < p.length && p[k] <= p[0]) {
                k++;
            }
            if (k == p.length) {
                out.add(cluster);
                return;
            }
            next = p[k];
        }
        List<int[]> parts = cluster(atoms, above(probabilities, cluster, next));
        if (parts.isEmpty()) {  // the core is too thin for DBSCAN: keep the cluster as it is
            out.add(cluster);
            return;
        }
        for (int[] part : parts) {
            split(atoms, probabilities, part, out);
        }
    }

    private static int[] allIndices(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    /** The indices among {@code candidates} whose probability is ≥ {@code threshold}, in the same order. */
    private static int[] above(float[] probabilities, int[] candidates, double threshold) {
        int[] out = new int[candidates.length];
        int n = 0;
        for (int i : candidates) {
            if (probabilities[i] >= threshold) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** DBSCAN over the given atoms; clusters in label order, each in ascending atom index order. */
    private List<int[]> cluster(List<Atom> atoms, int[] selected) {
        int n = selected.length;
        double[] xyz = new double[3 * n];
        for (int k = 0; k < n; k++) {
            Atom a = atoms.get(selected[k]);
            xyz[3 * k] = a.x();
            xyz[3 * k + 1] = a.y();
            xyz[3 * k + 2] = a.z();
        }
        int[] labels = Dbscan.cluster(xyz, settings.eps(), settings.minAtoms());
        int clusters = 0;
        for (int label : labels) {
            clusters = Math.max(clusters, label + 1);
        }
        int[] sizes = new int[clusters];
        for (int label : labels) {
            if (label != Dbscan.NOISE) {
                sizes[label]++;
            }
        }
        List<int[]> members = new ArrayList<>(clusters);
        for (int c = 0; c < clusters; c++) {
            members.add(new int[sizes[c]]);
        }
        int[] fill = new int[clusters];
        for (int k = 0; k < n; k++) {   // ascending k → ascending atom index within each cluster
            int label = labels[k];
            if (label != Dbscan.NOISE) {
                members.get(label)[fill[label]++] = selected[k];
            }
        }
        return members;
    }

    private Pocket pocket(ProteinContext protein, int[] indices) {
        List<Atom> all = protein.atoms();
        int m = indices.length;
        List<Atom> atoms = new ArrayList<>(m);
        float[] p = protein.probabilities(indices);
        double sum = 0, max = Double.NEGATIVE_INFINITY;
        double minX = Double.POSITIVE_INFINITY, minY = minX, minZ = minX;
        double maxX = Double.NEGATIVE_INFINITY, maxY = maxX, maxZ = maxX;
        TreeSet<ResidueId> residues = new TreeSet<>(RESIDUE_ORDER);
        for (int k = 0; k < m; k++) {
            Atom a = all.get(indices[k]);
            atoms.add(a);
            residues.add(a.residue());
            sum += p[k];
            max = Math.max(max, p[k]);
            minX = Math.min(minX, a.x());
            minY = Math.min(minY, a.y());
            minZ = Math.min(minZ, a.z());
            maxX = Math.max(maxX, a.x());
            maxY = Math.max(maxY, a.y());
            maxZ = Math.max(maxZ, a.z());
        }
        Point3 center = (settings.probabilityWeightedCenter() ? PocketCentre.WEIGHTED : PocketCentre.MEAN)
                .locate(protein, indices, p);
        double margin = settings.boxMargin();
        DockingBox box = new DockingBox(
                new Point3((minX + maxX) / 2, (minY + maxY) / 2, (minZ + maxZ) / 2),
                maxX - minX + 2 * margin, maxY - minY + 2 * margin, maxZ - minZ + 2 * margin);
        double reach = 0;
        for (Atom a : atoms) {
            reach = Math.max(reach, center.distance(new Point3(a.x(), a.y(), a.z())));
        }
        double score = settings.scorer().score(new PocketContext(protein, indices, p, center));
        return new Pocket(0, score, sum / m, max, center, atoms, indices,
                new ArrayList<>(residues), box, reach + margin);
    }

    private record Candidate(Pocket pocket, int firstAtom) {
    }

    private static Pocket withRank(Pocket p, int rank) {
        return new Pocket(rank, p.score(), p.meanProbability(), p.maxProbability(), p.center(), p.atoms(),
                p.atomIndices(), p.residues(), p.box(), p.radius());
    }
}
