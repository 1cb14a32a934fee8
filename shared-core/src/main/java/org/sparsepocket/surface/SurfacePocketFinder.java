package org.sparsepocket.surface;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.sparsepocket.features.FeatureMatrix;
import org.sparsepocket.pockets.DockingBox;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.CellList;
import org.sparsepocket.structure.ResidueId;

/**
 * Pockets from the protein surface: points → features → classifier scores → single-linkage clusters of
 * ligandable points. Each pocket follows P2Rank's rules: score = sum of the point scores to a power (P2Rank's
 * squares by default; {@link SurfaceSettings#scorePower}), centre = the points' mean (it lies in the cavity, off
 * the atoms; optionally weighted by the point scores, {@link SurfaceSettings#centrePower}), atoms and residues =
 * protein atoms within the residue cutoff of its points. Points are featurized and scored in chunks, so memory stays bounded on very large inputs. Thread-safe (holds only the shared
 * classifier and immutable settings).
 */
public final class SurfacePocketFinder {

    /** Points featurized and scored at once (bounds the feature buffer to a few MB). */
    static final int CHUNK = 50_000;

    private final PointClassifier classifier;
    private final AtomPropensity propensity;
    private final SurfaceSettings settings;
    private final PointColumns columns;

    public SurfacePocketFinder(PointClassifier classifier, AtomPropensity propensity, SurfaceSettings settings) {
        this(classifier, propensity, settings, PointColumns.SUMS);
    }

    /** @param columns the classifier's column layout */
    public SurfacePocketFinder(PointClassifier classifier, AtomPropensity propensity, SurfaceSettings settings,
                               PointColumns columns) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.propensity = Objects.requireNonNull(propensity, "propensity");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.columns = Objects.requireNonNull(columns, "columns");
        int expected = columns.names().size();
        if (classifier.columns() != expected) {
            throw new IllegalArgumentException("the classifier takes " + classifier.columns() + " features, not "
                    + expected);
        }
    }

    /** Whether {@link #find(List, FeatureMatrix, float[])} needs the network's probabilities. */
    public boolean usesNetwork() {
        return columns.usesNetwork() || settings.blendsNetwork();
    }

    public SurfaceSettings settings() {
        return settings;
    }

    /**
     * The scored points of one protein and its ranked pockets.
     *
     * @param scores      the classifier's point scores
     * @param nearNetwork per point the network's probability around it ({@link PointFeatures#neighbourMeans}), null
     *                    unless the settings blend it in; the pockets come from {@link #blend} of the two
     */
    public record Result(SurfacePoints points, float[] scores, float[] nearNetwork, List<Pocket> pockets) {
        public Result {
            scores = scores.clone();
            nearNetwork = nearNetwork == null ? null : nearNetwork.clone();
            pockets = List.copyOf(pockets);
        }
    }

    /** Scores the surface points of {@code atoms} (with their 18 features) and clusters them. */
    public Result find(List<Atom> atoms, FeatureMatrix atomFeatures) {
        return find(atoms, atomFeatures, null);
    }

    /**
     * Scores the surface points of {@code atoms} (with their 18 features and, when the classifier takes them, the
     * network's probabilities) and clusters them.
     *
     * @throws IllegalArgumentException when the classifier needs probabilities and none are given
     */
    public Result find(List<Atom> atoms, FeatureMatrix atomFeatures, float[] probabilities) {
        boolean network = columns.usesNetwork();
        if (usesNetwork() && probabilities == null) {
            throw new IllegalArgumentException("this surface model needs the network's probabilities");
        }
        SurfacePoints points = SurfacePoints.of(atoms, settings.probeRadius(), settings.pointsPerAtom());
        PointFeatures features = new PointFeatures(atoms, atomFeatures, propensity.of(atoms),
                network ? probabilities : null, settings, columns.means());
        float[] scores = new float[points.size()];
        for (int from = 0; from < points.size(); from += CHUNK) {
            int to = Math.min(points.size(), from + CHUNK);
            float[] s = classifier.score(features.compute(points, from, to), to - from);
            System.arraycopy(s, 0, scores, from, s.length);
        }
        float[] near = settings.blendsNetwork() ? features.neighbourMeans(points, 0, points.size(), probabilities) : null;
        float[] ranked = near == null ? scores : blend(scores, near, settings.networkBlend());
        return new Result(points, scores, near, pockets(atoms, points, ranked, settings));
    }

    /**
     * The point scores the threshold and the pocket scores use: (1 − b) × classifier + b × the network around the
     * point ({@link SurfaceSettings#networkBlend}); {@code scores} itself when b is 0.
     */
    public static float[] blend(float[] scores, float[] nearNetwork, double b) {
        if (b == 0) {
            return scores;
        }
        if (nearNetwork == null || nearNetwork.length != scores.length) {
            throw new IllegalArgumentException("a blend needs the network's value for each of the " + scores.length
                    + " points");
        }
        float[] out = new float[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((1 - b) * scores[i] + b * nearNetwork[i]);
        }
        return out;
    }

    /** Ranked pockets from already scored points (for tuning the threshold without re-scoring). */
    public static List<Pocket> pockets(List<Atom> atoms, SurfacePoints points, float[] scores, SurfaceSettings settings) {
        List<int[]> clusters = PointClusters.of(points, scores, settings.threshold(), settings.clusterDistance(),
                settings.minClusterSize());
        double[] xyz = new double[3 * atoms.size()];
        for (int i = 0; i < atoms.size(); i++) {
            xyz[3 * i] = atoms.get(i).x();
            xyz[3 * i + 1] = atoms.get(i).y();
            xyz[3 * i + 2] = atoms.get(i).z();
        }
        CellList cells = new CellList(xyz, 4.0);
        List<Pocket> unranked = new ArrayList<>();
        for (int[] c : clusters) {
            unranked.add(pocket(atoms, cells, points, scores, c, settings));
        }
        unranked.sort(Comparator.comparingDouble(Pocket::score).reversed()
                .thenComparing(Comparator.comparingDouble(Pocket::maxProbability).reversed()));
        List<Pocket> ranked = new ArrayList<>(unranked.size());
        for (int r = 0; r < unranked.size(); r++) {
            ranked.add(PocketFusion.withRankAndScore(unranked.get(r), r + 1, unranked.get(r).score()));
        }
        return List.copyOf(ranked);
    }

    private static Pocket pocket(List<Atom> atoms, CellList cells, SurfacePoints points, float[] scores, int[] members,
                                 SurfaceSettings settings) {
        double sx = 0, sy = 0, sz = 0, sw = 0, score = 0, sum = 0, max = 0;
        double power = settings.scorePower(), centrePower = settings.centrePower();
        TreeSet<Integer> atomSet = new TreeSet<>();
        for (int i : members) {
            double w = centrePower == 0 ? 1 : Math.pow(scores[i], centrePower);
            sx += w * points.x(i);
            sy += w * points.y(i);
            sz += w * points.z(i);
            sw += w;
            score += power == 2 ? (double) scores[i] * scores[i] : Math.pow(scores[i], power);
            sum += scores[i];
            max = Math.max(max, scores[i]);
            cells.forEachWithin(points.x(i), points.y(i), points.z(i), settings.residueCutoff(), atomSet::add);
        }
        int n = members.length;
        Point3 center = new Point3(sx / sw, sy / sw, sz / sw);
        int[] indices = atomSet.stream().mapToInt(Integer::intValue).toArray();
        List<Atom> pocketAtoms = new ArrayList<>(indices.length);
        TreeSet<ResidueId> residues = new TreeSet<>(PocketExtractor.RESIDUE_ORDER);
        double minX = Double.POSITIVE_INFINITY, minY = minX, minZ = minX;
        double maxX = Double.NEGATIVE_INFINITY, maxY = maxX, maxZ = maxX;
        double reach = 0;
        for (int i : indices) {
            Atom a = atoms.get(i);
            pocketAtoms.add(a);
            residues.add(a.residue());
            minX = Math.min(minX, a.x());
            minY = Math.min(minY, a.y());
            minZ = Math.min(minZ, a.z());
            maxX = Math.max(maxX, a.x());
            maxY = Math.max(maxY, a.y());
            maxZ = Math.max(maxZ, a.z());
            reach = Math.max(reach, center.distance(new Point3(a.x(), a.y(), a.z())));
        }
        if (indices.length == 0) {   // points always touch an atom within 3.5 Å; kept safe for odd settings
            minX = maxX = center.x();
            minY = maxY = center.y();
            minZ = maxZ = center.z();
        }
        double m = settings.boxMargin();
        DockingBox box = new DockingBox(new Point3((minX + maxX) / 2, (minY + maxY) / 2, (minZ + maxZ) / 2),
                maxX - minX + 2 * m, maxY - minY + 2 * m, maxZ - minZ + 2 * m);
        return new Pocket(1, score, sum / n, max, center, pocketAtoms, indices, new ArrayList<>(residues), box, reach + m);
    }
}
