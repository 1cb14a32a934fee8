package org.sparsepocket.lab.tune;

import org.sparsepocket.cli.BatchProgress;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.sparsepocket.eval.DatasetItem;
import org.sparsepocket.eval.EvaluationException;
import org.sparsepocket.eval.GroundTruth;
import org.sparsepocket.eval.ModelFingerprint;
import org.sparsepocket.eval.ProbabilityCache;
import org.sparsepocket.eval.ProjectTruthLoader;
import org.sparsepocket.lab.tune.Tuner;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.Structure;

/**
 * Validation proteins with their ligands and network probabilities, as {@code tune} and the read-only studies
 * ({@code learn-ranking}, {@code compare-centres}) work on them; the callers differ only in where the
 * probabilities come from (the network through its cache, or the cache alone).
 */
final class ValidationCases {

    /** A protein's per-atom probabilities. */
    @FunctionalInterface
    interface Probabilities {
        float[] of(DatasetItem item, Structure structure);
    }

    private ValidationCases() {
    }

    /**
     * Adds a case for every item to {@code cases}; an item that fails (unreadable, no relevant ligand, no
     * probabilities) is reported on {@code err} in one line naming it. Returns the number that failed.
     */
    static int load(String progressLabel, List<DatasetItem> items, Probabilities probabilities, boolean quiet,
                    PrintWriter err, List<Tuner.Case> cases) {
        ProjectTruthLoader loader = ProjectTruthLoader.standard();
        BatchProgress progress = new BatchProgress(err, progressLabel, quiet);
        int failed = 0, done = 0;
        for (DatasetItem item : items) {
            try {
                Structure s = loader.protein(item);
                List<Ligand> ligands = loader.ligands(item, s);
                if (ligands.isEmpty()) {
                    throw new EvaluationException(item.id() + ": no relevant ligand");
                }
                float[] p = probabilities.of(item, s);
                cases.add(new Tuner.Case(GroundTruth.of(item.id(), s.protein(), ligands), s.protein(), p));
            } catch (RuntimeException e) {
                failed++;
                String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                err.println("error: " + (m.contains(item.id()) ? m : item.id() + ": " + m));
            }
            progress.update(++done, items.size());
        }
        return failed;
    }

    /** Probabilities read from {@code cache} only (never computed): a protein not in it fails. */
    static Probabilities cachedOnly(Path cache, Path model, int rotations) {
        ProbabilityCache probabilities = new ProbabilityCache(cache, ModelFingerprint.of(model, rotations));
        return (item, s) -> probabilities.get(item.id(), s.protein()).orElseThrow(() -> new EvaluationException(
                item.id() + ": no probabilities of this model and rotation count in " + cache
                        + " (run tune or evaluate with --cache first)"));
    }
}
