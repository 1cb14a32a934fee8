package org.sparsepocket.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.sparsepocket.pockets.LinearPocketScorer;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.PocketContext;
import org.sparsepocket.pockets.PocketDescriptors;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.pockets.ProteinContext;
import org.sparsepocket.structure.Ligand;

/**
 * Learns the {@link LinearPocketScorer} on validation proteins and measures it honestly: the pockets are
 * those of fixed extraction settings (clustering does not depend on the scorer, so only the order changes);
 * each pocket is labelled a hit when the evaluation's DCA criterion says it identifies a ligand of its
 * protein; {@link RankingFit} fits the weights. {@link #crossValidate} splits the proteins into folds, fits
 * on all but one and ranks the held-out fold, so every protein is ranked by weights that never saw it.
 */
public final class LearnedRanking {

    /** One protein's pockets in the extraction's order, their descriptors and hit labels. */
    public record Protein(Tuner.Case source, List<Pocket> pockets, double[][] descriptors, boolean[] hit) {
    }

    /** Out-of-fold results next to the extraction's own ranking on the same pockets. */
    public record CrossValidation(EvaluationSummary baseline, EvaluationSummary learned, List<double[]> foldWeights) {
    }

    private final Evaluator evaluator;
    private final PocketCriterion hitCriterion;

    /** @param evaluator scores the rankings; its criterion named "DCA" labels the hits */
    public LearnedRanking(Evaluator evaluator) {
        this.evaluator = evaluator;
        this.hitCriterion = evaluator.criteria().stream().filter(c -> c.name().equals("DCA")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the evaluator has no DCA criterion to label hits"));
    }

    /** Extracts every case's pockets with {@code settings} and describes them. */
    public List<Protein> prepare(List<Tuner.Case> cases, PocketSettings settings) {
        PocketExtractor extractor = new PocketExtractor(settings);
        List<Protein> out = new ArrayList<>(cases.size());
        for (Tuner.Case c : cases) {
            List<Pocket> pockets = extractor.extract(c.atoms(), c.probabilities());
            ProteinContext protein = new ProteinContext(c.atoms(), c.probabilities());
            RankedPockets ranked = RankedPockets.fromPockets(c.truth().proteinId(), pockets);
            double[][] x = new double[pockets.size()][];
            boolean[] hit = new boolean[pockets.size()];
            for (int i = 0; i < pockets.size(); i++) {
                Pocket p = pockets.get(i);
                int[] atoms = p.atomIndices();
                x[i] = PocketDescriptors.of(new PocketContext(protein, atoms, protein.probabilities(atoms), p.center()));
                for (Ligand l : c.truth().ligands()) {
                    hit[i] |= hitCriterion.identifies(l, ranked.pockets().get(i));
                }
            }
            out.add(new Protein(c, pockets, x, hit));
        }
        return out;
    }

    /** The scorer fitted on all these proteins. */
    public static LinearPocketScorer fit(List<Protein> proteins, double ridge) {
        List<RankingFit.Group> groups = new ArrayList<>(proteins.size());
        for (Protein p : proteins) {
            groups.add(new RankingFit.Group(p.descriptors(), p.hit()));
        }
        return LinearPocketScorer.of(RankingFit.fit(groups, PocketDescriptors.NAMES.size(), ridge));
    }

    /**
     * K-fold cross-validation by protein: the proteins are shuffled with {@code seed} and dealt into
     * {@code folds} folds; each fold is ranked by the scorer fitted on the others.
     */
    public CrossValidation crossValidate(List<Protein> proteins, int folds, long seed, double ridge) {
        if (folds < 2 || folds > proteins.size()) {
            throw new IllegalArgumentException("folds must be in [2, " + proteins.size() + "], got " + folds);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < proteins.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[proteins.size()];
        for (int k = 0; k < order.size(); k++) {
            fold[order.get(k)] = k % folds;
        }
        EvaluationRun baseline = new EvaluationRun("sparsepocket", evaluator);
        EvaluationRun learned = new EvaluationRun("sparsepocket-learned", evaluator);
        List<double[]> weights = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<Protein> train = new ArrayList<>();
            for (int i = 0; i < proteins.size(); i++) {
                if (fold[i] != f) {
                    train.add(proteins.get(i));
                }
            }
            LinearPocketScorer scorer = fit(train, ridge);
            weights.add(scorer.weights().stream().mapToDouble(Double::doubleValue).toArray());
            for (int i = 0; i < proteins.size(); i++) {
                if (fold[i] == f) {
                    Protein p = proteins.get(i);
                    baseline.add(p.source().truth(), ranked(p, null), p.source().probabilities());
                    learned.add(p.source().truth(), ranked(p, scorer), p.source().probabilities());
                }
            }
        }
        return new CrossValidation(baseline.summary(), learned.summary(), weights);
    }

    /** The proteins ranked by {@code scorer} (null: as extracted), evaluated. */
    public EvaluationSummary evaluate(List<Protein> proteins, LinearPocketScorer scorer) {
        EvaluationRun run = new EvaluationRun(scorer == null ? "sparsepocket" : "sparsepocket-learned", evaluator);
        for (Protein p : proteins) {
            run.add(p.source().truth(), ranked(p, scorer), p.source().probabilities());
        }
        return run.summary();
    }

    /** The protein's pockets ranked by {@code scorer} (ties keep the extraction's order), or as extracted. */
    public static RankedPockets ranked(Protein p, LinearPocketScorer scorer) {
        String id = p.source().truth().proteinId();
        RankedPockets extracted = RankedPockets.fromPockets(id, p.pockets());
        if (scorer == null) {
            return extracted;
        }
        Integer[] order = new Integer[p.pockets().size()];
        double[] score = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            score[i] = scorer.score(p.descriptors()[i]);
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
        List<RankedPocket> out = new ArrayList<>(order.length);
        for (int r = 0; r < order.length; r++) {
            RankedPocket old = extracted.pockets().get(order[r]);
            out.add(new RankedPocket(r + 1, score[order[r]], old.center(), old.residues()));
        }
        return new RankedPockets(extracted.tool(), id, out);
    }
}
