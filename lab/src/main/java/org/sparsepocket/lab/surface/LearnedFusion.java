package org.sparsepocket.lab.surface;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ml.dmlc.xgboost4j.java.Booster;
import org.sparsepocket.cli.AtomicWrite;
import org.sparsepocket.eval.DcaCriterion;
import org.sparsepocket.eval.EvaluationException;
import org.sparsepocket.eval.RankedPocket;
import org.sparsepocket.pockets.Pocket;
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

    /** A candidate is a hit by the evaluation's own criterion: its centre within 4 Å of a ligand heavy atom. */
    private static final DcaCriterion HIT = new DcaCriterion(4.0);

    private final FusionGrid grid;
    private final double threshold;
    private final double matchDistance;
    private final TreeTraining training;
    /** Each case's candidates, made once (training on three groups would otherwise redo them for every group). */
    private final Map<ValidationCase, List<Candidate>> candidates = new IdentityHashMap<>();

    LearnedFusion(FusionGrid grid, double threshold, double matchDistance, TreeTraining training) {
        this.grid = grid;
        this.threshold = threshold;
        this.matchDistance = matchDistance;
        this.training = training;
    }

    List<Candidate> candidates(ValidationCase c) {
        return candidates.computeIfAbsent(c, k -> FusionCandidates.of(k.network(),
                grid.pockets(k, new FusionGrid.Setting(threshold, null)), k.atoms(), matchDistance));
    }

    static boolean hit(Pocket p, List<Ligand> ligands) {
        if (p == null) {
            return false;
        }
        RankedPocket site = new RankedPocket(1, p.score(), p.center(), Set.of());
        return ligands.stream().anyMatch(l -> HIT.distance(l, site) <= HIT.cutoff());
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
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -s[i]));
        List<Pocket> out = new ArrayList<>(order.length);
        for (int r = 0; r < order.length; r++) {
            out.add(PocketFusion.withRankAndScore(candidates.get(order[r]).pocket(), r + 1, s[order[r]]));
        }
        return out;
    }

    /** Per group g, a ranker trained on the other groups ranks g's candidates; hits as {@link FusionGrid#hits}. */
    FusionGrid.CrossGroups crossGroups(List<ValidationCase> cases, int groups) {
        Map<ValidationCase, List<Pocket>> ranked = new IdentityHashMap<>();
        for (int g = 0; g < groups; g++) {
            int held = g;
            Booster b = train(cases.stream().filter(c -> c.group() != held).toList());
            try (PointClassifier ranker = PointClassifier.of(b, FusionCandidates.COUNT)) {
                for (ValidationCase c : cases) {
                    if (c.group() == held) {
                        ranked.put(c, rank(candidates(c), ranker));
                    }
                }
            }
        }
        return FusionGrid.CrossGroups.of(List.of(), grid.hits(cases, ranked::get));
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
