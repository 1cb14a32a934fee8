package org.sparsepocket.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sparsepocket.eval.Dataset;
import org.sparsepocket.eval.DatasetItem;
import org.sparsepocket.eval.EvaluationException;
import org.sparsepocket.eval.GroundTruth;
import org.sparsepocket.eval.ModelFingerprint;
import org.sparsepocket.eval.ProbabilityCache;
import org.sparsepocket.eval.ProjectTruthLoader;
import org.sparsepocket.eval.Tuner;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.Structure;

/**
 * Validation proteins whose network probabilities are already in a {@link ProbabilityCache}, for the
 * read-only studies ({@code learn-ranking}, {@code compare-centres}): the network never runs, the cache is
 * never written.
 */
final class CachedCases {

    private CachedCases() {
    }

    /** The card of {@code model}, or of the shipped model when it is null. */
    static ModelCard card(Path model) {
        if (model == null) {
            return PocketModel.bundledCard().orElseThrow(() -> new EvaluationException("no bundled model card"));
        }
        try {
            return ModelCard.read(model.resolve(ModelBundle.CARD_FILE));
        } catch (IOException e) {
            throw new EvaluationException(model + ": cannot read " + ModelBundle.CARD_FILE + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Adds every item of the datasets whose probabilities of this model and rotation count are cached to
     * {@code cases}; reports each that fails on {@code err} (one line) and returns their number.
     */
    static int load(String command, List<Path> datasets, Path model, int rotations, Path cache, boolean quiet,
                    PrintWriter err, List<Tuner.Case> cases) {
        List<DatasetItem> items = new ArrayList<>();
        for (Path d : datasets) {
            items.addAll(Dataset.of(d));
        }
        ProbabilityCache probabilities = new ProbabilityCache(cache, ModelFingerprint.of(model, rotations));
        ProjectTruthLoader loader = ProjectTruthLoader.standard();
        BatchProgress progress = new BatchProgress(err, command + ": cached proteins", quiet);
        int failed = 0, done = 0;
        for (DatasetItem item : items) {
            try {
                Structure s = loader.protein(item);
                List<Ligand> ligands = loader.ligands(item, s);
                if (ligands.isEmpty()) {
                    throw new EvaluationException(item.id() + ": no relevant ligand");
                }
                Optional<float[]> p = probabilities.get(item.id(), s.protein());
                if (p.isEmpty()) {
                    throw new EvaluationException(item.id() + ": no probabilities of this model and rotation count in "
                            + cache + " (run tune or evaluate with --cache first)");
                }
                cases.add(new Tuner.Case(GroundTruth.of(item.id(), s.protein(), ligands), s.protein(), p.get()));
            } catch (RuntimeException e) {
                failed++;
                String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                err.println("error: " + (m.contains(item.id()) ? m : item.id() + ": " + m));
            }
            progress.update(++done, items.size());
        }
        return failed;
    }
}
