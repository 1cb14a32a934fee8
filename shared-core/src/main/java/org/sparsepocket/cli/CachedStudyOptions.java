package org.sparsepocket.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sparsepocket.RecommendedSettings;
import org.sparsepocket.eval.Dataset;
import org.sparsepocket.eval.DatasetItem;
import org.sparsepocket.eval.ModelFingerprint;
import org.sparsepocket.eval.Tuner;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.pockets.PocketSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * What the read-only studies on cached validation probabilities ({@code learn-ranking},
 * {@code compare-centres}) share: the dataset, model and cache to read, and overrides of the card's tuned
 * pocket extraction. A picocli mixin, so both commands take the same options with the same meaning.
 */
final class CachedStudyOptions {

    @Parameters(paramLabel = "DATASET", arity = "1..*", description = "validation dataset folder(s) or file(s)")
    List<Path> datasets;

    @Option(names = "--model", paramLabel = "DIR", description = "model bundle folder (default: the shipped model)")
    Path model;

    @Option(names = "--cache", paramLabel = "DIR", required = true,
            description = "probability cache of this model and rotation count (read only)")
    Path cache;

    @Option(names = "--threshold", paramLabel = "P", description = "extraction override: probability threshold")
    Double threshold;

    @Option(names = "--eps", paramLabel = "Å", description = "extraction override: DBSCAN radius")
    Double eps;

    @Option(names = "--min-size", paramLabel = "N", description = "extraction override: minimum pocket size")
    Integer minSize;

    @Option(names = "--split-above", paramLabel = "N", description = "extraction override: split size (0 = never)")
    Integer splitAbove;

    @Option(names = "--scorer", paramLabel = "NAME", completionCandidates = ScorerNames.class,
            description = "extraction override: pocket scorer (default: the card's tuned one)")
    String scorer;

    /** The cached proteins and the extraction settings a study runs with. */
    record Study(PocketSettings settings, int rotations, List<Tuner.Case> cases, int failed) {
    }

    /**
     * Reads the card, resolves the rotation count and the settings (the card's tuned ones for that count with
     * the overrides) and loads every cached protein; a protein that fails is reported on stderr (one line)
     * and counted in {@link Study#failed()}.
     *
     * @throws ParameterException for an override out of range
     */
    Study load(String command, CommandLine commandLine, RotationOption rotation, boolean quiet) {
        rotation.check(commandLine);
        ModelCard card = ModelFingerprint.card(model);
        Integer asked = rotation.count(card);
        int rotations = asked == null ? card.inferenceRotations() : asked;
        PocketSettings settings;
        try {
            settings = Predictors.pockets(RecommendedSettings.of(card, rotations), threshold, eps, minSize, scorer,
                    splitAbove);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, e.getMessage());
        }
        List<DatasetItem> items = new ArrayList<>();
        for (Path d : datasets) {
            items.addAll(Dataset.of(d));
        }
        List<Tuner.Case> cases = new ArrayList<>();
        int failed = ValidationCases.load(command + ": cached proteins", items,
                ValidationCases.cachedOnly(cache, model, rotations), quiet, commandLine.getErr(), cases);
        return new Study(settings, rotations, cases, failed);
    }
}
