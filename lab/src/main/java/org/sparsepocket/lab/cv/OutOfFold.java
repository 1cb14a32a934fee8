package org.sparsepocket.lab.cv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.eval.DatasetItem;
import org.sparsepocket.eval.EvaluationException;
import org.sparsepocket.eval.ModelFingerprint;
import org.sparsepocket.eval.PredictionSource;
import org.sparsepocket.eval.ProbabilityCache;
import org.sparsepocket.eval.SparsePocketSource;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.Structure;

/**
 * Out-of-fold probabilities: every complex goes through the fold model that was trained without its fold, so
 * tuning and scoring on them are never in-sample. A complex is found in the fold file by its data set folder's
 * name and its id ({@code set/id}). Each member caches its probabilities under its own fingerprint. A fold's member
 * may be the mean of several models trained without that fold ({@code a+b} on a command line). A fold may
 * lack its member (null) while its run is still training: its complexes are then not {@link #covers covered}.
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
     * @param models model bundle folders, member k trained with fold k held out (several: their mean); null for a
     *               fold whose model does not exist yet (at least one must be given)
     * @param open   how a member is opened (the caller's rotation choice)
     * @param cache  probability cache folder
     */
    public static OutOfFold open(Folds folds, List<List<Path>> models, Function<List<Path>, PocketPredictor> open,
                                 Path cache) {
        if (models.size() != folds.count()) {
            throw new IllegalArgumentException(models.size() + " models for " + folds.count()
                    + " folds: give one model per fold, in fold order");
        }
        if (models.stream().allMatch(m -> m == null)) {
            throw new IllegalArgumentException("no fold model given");
        }
        List<PocketPredictor> members = new ArrayList<>();
        List<SparsePocketSource> sources = new ArrayList<>();
        try {
            for (List<Path> m : models) {
                if (m == null) {
                    members.add(null);
                    sources.add(null);
                    continue;
                }
                PocketPredictor p = open.apply(m);
                members.add(p);
                PredictionSettings settings = new PredictionSettings(ChainMode.whole(), p.recommendedSettings());
                sources.add(new SparsePocketSource(p, settings,
                        new ProbabilityCache(cache, ModelFingerprint.of(m, p.rotations()))));
            }
        } catch (RuntimeException e) {
            closeAll(members);
            throw e;
        }
        return new OutOfFold(folds, Collections.unmodifiableList(members), Collections.unmodifiableList(sources));
    }

    /**
     * Member folders as given on a command line: one per fold, {@code -} for a fold without a model yet (null),
     * {@code a+b} for the mean of models a and b.
     */
    public static List<List<Path>> memberPaths(List<String> given) {
        List<List<Path>> out = new ArrayList<>();
        for (String m : given) {
            out.add(m.equals("-") ? null : java.util.Arrays.stream(m.split("\\+")).map(Path::of).toList());
        }
        return out;
    }

    /** The items {@link #covers covered}; reports how many are left out on {@code err} unless quiet. */
    public List<DatasetItem> covered(List<DatasetItem> items, String command, java.io.PrintWriter err, boolean quiet) {
        List<DatasetItem> covered = items.stream().filter(this::covers).toList();
        if (covered.size() < items.size() && !quiet) {
            err.printf("%s: %d of %d proteins left out (not in the fold file, or their fold has no model)%n",
                    command, items.size() - covered.size(), items.size());
        }
        return covered;
    }

    /** The probabilities of the item's protein from the model that never saw it. */
    public float[] probabilities(DatasetItem item, Structure structure) {
        return member(item).probabilities(item, structure);
    }

    /** Whether the item is in the fold file and its fold has a model. */
    public boolean covers(DatasetItem item) {
        try {
            return sources.get(foldOf(item)) != null;
        } catch (EvaluationException e) {
            return false;
        }
    }

    /**
     * Out-of-fold predictions as an evaluation source: every member clusters and ranks with the same
     * {@code settings} (the choice under test), on its own fold's proteins.
     */
    public PredictionSource source(PocketSettings settings) {
        List<SparsePocketSource> withSettings = sources.stream()
                .map(s -> s == null ? null : s.withPockets(settings)).toList();
        return new PredictionSource() {
            @Override
            public String tool() {
                return "sparsepocket-oof";
            }

            @Override
            public Predicted predict(DatasetItem item, Structure structure) {
                return withSettings.get(fold(item)).predict(item, structure);
            }
        };
    }

    /** The first member's recommended pocket settings (the grid's starting point). */
    public PocketSettings recommendedSettings() {
        return first().recommendedSettings();
    }

    /** Orientations averaged per member. */
    public int rotations() {
        return first().rotations();
    }

    @Override
    public void close() {
        closeAll(members);
    }

    private PocketPredictor first() {
        return members.stream().filter(m -> m != null).findFirst().orElseThrow();
    }

    /** The item's fold in the fold file (by its data set folder's name and its id). */
    public int foldOf(DatasetItem item) {
        String set = item.protein().toAbsolutePath().normalize().getParent().getFileName().toString();
        try {
            return folds.foldOf(set, item.id());
        } catch (IllegalArgumentException e) {
            throw new EvaluationException(item.id() + ": " + e.getMessage());
        }
    }

    private SparsePocketSource member(DatasetItem item) {
        return sources.get(fold(item));
    }

    /** The item's fold, which must have a member. */
    private int fold(DatasetItem item) {
        int k = foldOf(item);
        if (sources.get(k) == null) {
            throw new EvaluationException(item.id() + ": no model for fold " + k);
        }
        return k;
    }

    private static void closeAll(List<PocketPredictor> members) {
        members.stream().filter(m -> m != null).forEach(PocketPredictor::close);
    }
}
