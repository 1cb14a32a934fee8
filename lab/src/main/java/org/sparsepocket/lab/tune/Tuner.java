package org.sparsepocket.lab.tune;

import org.sparsepocket.eval.EvaluationRun;
import org.sparsepocket.eval.EvaluationSummary;
import org.sparsepocket.eval.Evaluator;
import org.sparsepocket.eval.GroundTruth;
import org.sparsepocket.eval.RankedPockets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.pockets.PocketScorer;
import org.sparsepocket.PocketOverrides;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.Atom;

/**
 * Grid search over the pocket settings (probability threshold, DBSCAN eps, minimum pocket size,
 * scoring function and centre definition) on proteins whose network probabilities are already known. Each grid point
 * re-clusters and re-ranks every protein and is scored by the same {@link Evaluator} as
 * {@code sparsepocket evaluate}.
 *
 * <p>Selection rule ({@link #OBJECTIVE}): highest DCA top-n success; ties broken by DCA top-(n+2),
 * then by mean residue F1 over all pockets, then by grid order (earlier = preferred).
 */
public final class Tuner {

    /** One protein: its truth, atoms (in the truth's order) and network probabilities. */
    public record Case(GroundTruth truth, List<Atom> atoms, float[] probabilities) {
        public Case {
            Objects.requireNonNull(truth, "truth");
            atoms = List.copyOf(atoms);
            if (atoms.size() != probabilities.length || atoms.size() != truth.atomCount()) {
                throw new IllegalArgumentException(truth.proteinId() + ": atoms, probabilities and labels differ in number");
            }
        }
    }

    /**
     * The values to try; every combination is evaluated.
     *
     * @param weightedCentres pocket centre variants: false = atom mean, true = probability-weighted mean
     */
    public record Grid(List<Double> thresholds, List<Double> eps, List<Integer> minAtoms, List<PocketScorer> scorers,
                       List<Boolean> weightedCentres, List<Integer> splitAbove) {
        public Grid {
            splitAbove = List.copyOf(splitAbove);
            thresholds = List.copyOf(thresholds);
            eps = List.copyOf(eps);
            minAtoms = List.copyOf(minAtoms);
            scorers = List.copyOf(scorers);
            weightedCentres = List.copyOf(weightedCentres);
            if (thresholds.isEmpty() || eps.isEmpty() || minAtoms.isEmpty() || scorers.isEmpty()
                    || weightedCentres.isEmpty() || splitAbove.isEmpty()) {
                throw new IllegalArgumentException("every grid axis needs at least one value");
            }
        }

        /** A grid with the plain atom-mean centre only and no splitting. */
        public Grid(List<Double> thresholds, List<Double> eps, List<Integer> minAtoms, List<PocketScorer> scorers) {
            this(thresholds, eps, minAtoms, scorers, List.of(false), List.of(0));
        }

        /** A grid without splitting. */
        public Grid(List<Double> thresholds, List<Double> eps, List<Integer> minAtoms, List<PocketScorer> scorers,
                    List<Boolean> weightedCentres) {
            this(thresholds, eps, minAtoms, scorers, weightedCentres, List.of(0));
        }

        public int size() {
            return thresholds.size() * eps.size() * minAtoms.size() * scorers.size() * weightedCentres.size()
                    * splitAbove.size();
        }

        /** All settings, in grid order (threshold slowest, split size fastest), from {@code base}. */
        public List<PocketSettings> settings(PocketSettings base) {
            List<PocketSettings> out = new ArrayList<>(size());
            for (double t : thresholds) {
                for (double e : eps) {
                    for (int m : minAtoms) {
                        for (PocketScorer s : scorers) {
                            for (boolean w : weightedCentres) {
                                for (int split : splitAbove) {
                                    out.add(new PocketOverrides(t, e, m, null, w, null, s, split).applyTo(base));
                                }
                            }
                        }
                    }
                }
            }
            return out;
        }
    }

    /** Fractions of all atoms above the threshold that {@link #thresholdsAt} aims at ("auto" thresholds). */
    public static final double[] AUTO_ATOM_FRACTIONS = {0.005, 0.01, 0.015, 0.02, 0.03, 0.04, 0.06, 0.08, 0.12};

    /**
     * Thresholds adapted to a model's probability scale: for each fraction f, the probability that
     * f of all atoms (pooled over the cases) reach, rounded down to 3 decimals; duplicates dropped.
     * About 3 % of validation atoms are binding-site atoms, so the defaults bracket that rate.
     */
    public static List<Double> thresholdsAt(List<Case> cases, double[] fractions) {
        int total = cases.stream().mapToInt(c -> c.probabilities().length).sum();
        float[] all = new float[total];
        int k = 0;
        for (Case c : cases) {
            float[] p = c.probabilities();
            System.arraycopy(p, 0, all, k, p.length);
            k += p.length;
        }
        java.util.Arrays.sort(all);
        java.util.TreeSet<Double> out = new java.util.TreeSet<>();
        for (double f : fractions) {
            if (total == 0) {
                break;
            }
            int index = Math.min(total - 1, Math.max(0, total - (int) Math.ceil(f * total)));
            double t = Math.floor(all[index] * 1000) / 1000;
            out.add(Math.min(1.0, Math.max(0.001, t)));
        }
        return List.copyOf(out);
    }

    /** One grid point's result; {@code order} is its position in the grid. */
    public record Result(int order, PocketSettings settings, EvaluationSummary summary) {
    }

    /** Best first: DCA top-n, then DCA top-(n+2), then residue F1 (all pockets), then grid order. */
    public static final Comparator<Result> OBJECTIVE = Comparator
            .comparingDouble((Result r) -> -r.summary().success("DCA").topN())
            .thenComparingDouble(r -> -r.summary().success("DCA").topNPlus2())
            .thenComparingDouble(r -> -r.summary().residuesAll().f1())
            .thenComparingInt(Result::order);

    private final Evaluator evaluator;
    private final int threads;

    public Tuner(Evaluator evaluator, int threads) {
        this.evaluator = evaluator;
        this.threads = Math.max(1, threads);
    }

    /** Evaluates every grid point on all cases; results sorted best first. */
    public List<Result> run(List<Case> cases, Grid grid, PocketSettings base, IntConsumer progress) {
        List<PocketSettings> points = grid.settings(base);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                int order = i;
                futures.add(pool.submit(() -> {
                    Result r = new Result(order, points.get(order), evaluate(cases, points.get(order)));
                    progress.accept(done.incrementAndGet());
                    return r;
                }));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : futures) {
                results.add(f.get());
            }
            results.sort(OBJECTIVE);
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("tuning interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("tuning failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Clusters, ranks and evaluates every case with one setting. Atom PR-AUC does not depend on the
     * settings and is left out (NaN) here; see {@link #evaluateFully}.
     */
    public EvaluationSummary evaluate(List<Case> cases, PocketSettings settings) {
        return run(cases, settings, false).summary();
    }

    /** As {@link #evaluate}, with the atom PR-AUC: the full table of the chosen settings. */
    public EvaluationRun evaluateFully(List<Case> cases, PocketSettings settings) {
        return run(cases, settings, true);
    }

    private EvaluationRun run(List<Case> cases, PocketSettings settings, boolean atomScores) {
        PocketExtractor extractor = new PocketExtractor(settings);
        EvaluationRun run = new EvaluationRun("sparsepocket", evaluator);
        for (Case c : cases) {
            List<Pocket> pockets = extractor.extract(c.atoms(), c.probabilities());
            run.add(c.truth(), RankedPockets.fromPockets(c.truth().proteinId(), pockets),
                    atomScores ? c.probabilities() : null);
        }
        return run;
    }
}
