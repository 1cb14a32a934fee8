package org.sparsepocket.lab.cv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.eval.DatasetItem;
import org.sparsepocket.eval.EvaluationException;
import org.sparsepocket.eval.ModelFingerprint;
import org.sparsepocket.eval.ProbabilityCache;
import org.sparsepocket.eval.SparsePocketSource;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.Structure;

/**
 * Out-of-fold probabilities: every complex goes through the fold model that was trained without its fold, so
 * tuning and scoring on them are never in-sample. A complex is found in the fold file by its data set folder's
 * name and its id ({@code set/id}). Each member caches its probabilities under its own fingerprint.
 */
public final class OutOfFold implements AutoCloseable {

    private final Folds folds;
    private final List<PocketPredictor> members;
    private final List<SparsePocketSource> sources;

    private OutOfFold(Folds folds, List<PocketPredictor> members, List<SparsePocketSource> sources) {
        this.folds = folds;
        this.members = members;
        this.sources = sources;
    }

    /**
     * Opens one member per fold.
     *
     * @param models model bundle folders, member k trained with fold k held out
     * @param open   how a member is opened (the caller's rotation choice)
     * @param cache  probability cache folder
     */
    public static OutOfFold open(Folds folds, List<Path> models, Function<Path, PocketPredictor> open, Path cache) {
        if (models.size() != folds.count()) {
            throw new IllegalArgumentException(models.size() + " models for " + folds.count()
                    + " folds: give one model per fold, in fold order");
        }
        List<PocketPredictor> members = new ArrayList<>();
        List<SparsePocketSource> sources = new ArrayList<>();
        try {
            for (Path m : models) {
                PocketPredictor p = open.apply(m);
                members.add(p);
                PredictionSettings settings = new PredictionSettings(org.sparsepocket.structure.ChainMode.whole(), p.recommendedSettings());
                sources.add(new SparsePocketSource(p, settings,
                        new ProbabilityCache(cache, ModelFingerprint.of(m, p.rotations()))));
            }
        } catch (RuntimeException e) {
            members.forEach(PocketPredictor::close);
            throw e;
        }
        return new OutOfFold(folds, List.copyOf(members), List.copyOf(sources));
    }

    /** The probabilities of the item's protein from the model that never saw it. */
    public float[] probabilities(DatasetItem item, Structure structure) {
        String set = item.protein().toAbsolutePath().normalize().getParent().getFileName().toString();
        int k;
        try {
            k = folds.foldOf(set, item.id());
        } catch (IllegalArgumentException e) {
            throw new EvaluationException(item.id() + ": " + e.getMessage());
        }
        return sources.get(k).probabilities(item, structure);
    }

    /** The first member's recommended pocket settings (the grid's starting point). */
    public PocketSettings recommendedSettings() {
        return members.get(0).recommendedSettings();
    }

    /** Orientations averaged per member. */
    public int rotations() {
        return members.get(0).rotations();
    }

    @Override
    public void close() {
        members.forEach(PocketPredictor::close);
    }
}
