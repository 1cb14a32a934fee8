package org.sparsepocket.lab.surface;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ml.dmlc.xgboost4j.java.Booster;
import org.sparsepocket.cli.AtomicWrite;
import org.sparsepocket.eval.EvaluationException;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.lab.surface.FusionCandidates.Candidate;
import org.sparsepocket.surface.PocketFusion;
import org.sparsepocket.surface.PointClassifier;

/**
 * The learned fusion, cross-validated: per held-out group, trees learned on the other groups' candidate sites
 * (label: the site's centre within 4 Å of a ligand heavy atom, the DCA criterion) rank the group's candidates.
 * The candidates come from out-of-fold surface scores and out-of-fold network pockets (the same stacking protocol
 * as the fusion grid's choice of threshold and weight on the other folds).
 */
final class LearnedFusion {

    /** Hit distance of a candidate's centre to a ligand heavy atom (DCA), Å. */
    static final double HIT = 4.0;

    private final FusionGrid grid;
    private final double threshold;
    private final double matchDistance;
    private final TreeTraining training;

    LearnedFusion(FusionGrid grid, double threshold, double matchDistance, TreeTraining training) {
        this.grid = grid;
        this.threshold = threshold;
        this.matchDistance = matchDistance;
        this.training = training;
    }

    List<Candidate> candidates(ValidationCase c) {
        List<Pocket> surface = grid.pockets(c, new FusionGrid.Setting(threshold, null));
        return FusionCandidates.of(c.network(), surface, c.atoms(), matchDistance);
    }

    static boolean hit(Pocket p, List<Ligand> ligands) {
        if (p == null) {
            return false;
        }
        Point3 c = p.center();
        for (Ligand l : ligands) {
            for (Atom a : l.atoms()) {
                double dx = a.x() - c.x(), dy = a.y() - c.y(), dz = a.z() - c.z();
                if (dx * dx + dy * dy + dz * dz <= HIT * HIT) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Trees on the candidates of {@code cases}. */
    Booster train(List<ValidationCase> cases) {
        List<float[]> rows = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        for (ValidationCase c : cases) {
            for (Candidate k : candidates(c)) {
                rows.add(k.features());
                labels.add(hit(k.pocket(), c.truth().ligands()) ? 1f : 0f);
            }
        }
        int n = rows.size(), m = FusionCandidates.COUNT;
        float[] x = new float[n * m];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows.get(i), 0, x, i * m, m);
            y[i] = labels.get(i);
        }
        return training.train(x, y, n, m);
    }

    /** The candidates' pockets ranked by the trees' chance (the pockets' rank and score). */
    static List<Pocket> rank(List<Candidate> candidates, PointClassifier trees) {
        int m = FusionCandidates.COUNT;
        float[] x = new float[candidates.size() * m];
        for (int i = 0; i < candidates.size(); i++) {
            System.arraycopy(candidates.get(i).features(), 0, x, i * m, m);
        }
        float[] s = trees.score(x, candidates.size());
        Integer[] order = new Integer[candidates.size()];
        java.util.Arrays.setAll(order, i -> i);
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble((Integer i) -> -s[i]));
        List<Pocket> out = new ArrayList<>(order.length);
        for (int r = 0; r < order.length; r++) {
            out.add(PocketFusion.withRankAndScore(candidates.get(order[r]).pocket(), r + 1, s[order[r]]));
        }
        return out;
    }

    /** Per group g, a ranker trained on the other groups ranks g's candidates; hits as {@link FusionGrid#hits}. */
    FusionGrid.CrossGroups crossGroups(List<ValidationCase> cases, int groups) {
        List<List<Pocket>> ranked = new ArrayList<>(java.util.Collections.nCopies(cases.size(), null));
        for (int g = 0; g < groups; g++) {
            int held = g;
            Booster b = train(cases.stream().filter(c -> c.group() != held).toList());
            try (PointClassifier ranker = PointClassifier.of(b, FusionCandidates.COUNT)) {
                for (int i = 0; i < cases.size(); i++) {
                    if (cases.get(i).group() == held) {
                        ranked.set(i, rank(candidates(cases.get(i)), ranker));
                    }
                }
            }
        }
        java.util.Map<ValidationCase, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            index.put(cases.get(i), i);
        }
        int[][] h = grid.hits(cases, c -> ranked.get(index.get(c)));
        return new FusionGrid.CrossGroups(List.of(), h[0], h[1], h[2]);
    }

    /** Every candidate of every case with its group and both sources' hits (for analysis outside the project). */
    void dump(List<ValidationCase> cases, Path file) {
        StringBuilder b = new StringBuilder("id,group,network_hit,surface_hit");
        FusionCandidates.NAMES.forEach(n -> b.append(',').append(n));
        b.append('\n');
        for (ValidationCase c : cases) {
            for (Candidate k : candidates(c)) {
                b.append(c.id()).append(',').append(c.group()).append(',')
                        .append(hit(k.network(), c.truth().ligands()) ? 1 : 0).append(',')
                        .append(hit(k.surface(), c.truth().ligands()) ? 1 : 0);
                for (float v : k.features()) {
                    b.append(',').append(String.format(Locale.ROOT, "%.5g", v));
                }
                b.append('\n');
            }
        }
        try {
            AtomicWrite.text(file, b.toString());
        } catch (IOException e) {
            throw new EvaluationException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
