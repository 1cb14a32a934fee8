package org.sparsepocket.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.model.TestTimeRotations;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --rotations N} / {@code --accurate}: how many orientations the network's probabilities are averaged
 * over. The pocket settings follow the count: the card's settings tuned for it when it has them.
 * {@code --network-only} leaves out the surface second opinion.
 */
public final class RotationOption {

    @Option(names = "--rotations", paramLabel = "N",
            description = "Average the network's per-atom probabilities over N fixed orientations of each complex"
                    + " (test-time augmentation; 1 = plain, at most " + TestTimeRotations.MAX
                    + "; each costs one forward pass; default: the model card's value, else 1). The pocket"
                    + " settings are the card's settings tuned for N when it has them, else its default ones.")
    Integer rotations;

    @Option(names = "--accurate",
            description = "Accurate mode: average over the most orientations the model card has tuned settings"
                    + " for (8 for the shipped model), with those settings. Slower: each orientation is one"
                    + " forward pass.")
    boolean accurate;

    @Option(names = "--network-only",
            description = "Pockets from the network alone, without the surface-point second opinion that the"
                    + " shipped model fuses in (for comparison; see docs/surface.md).")
    boolean networkOnly;

    /** Usage check before any work. @throws ParameterException for a number out of range */
    public void check(CommandLine commandLine) {
        if (accurate && rotations != null) {
            throw new ParameterException(commandLine, "--accurate and --rotations exclude each other");
        }
        if (rotations != null) {
            try {
                TestTimeRotations.check(rotations);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(commandLine, "--" + e.getMessage());
            }
        }
    }

    /** The count for a model with this card: the option's, or null for the card's default. */
    public Integer count(ModelCard card) {
        return accurate ? Integer.valueOf(card.accurateRotations()) : rotations;
    }

    /**
     * As {@link #open} with the network alone, whatever the bundle holds (for commands that handle the
     * surface model themselves, and for {@code --network-only}).
     */
    public PocketPredictor openNetwork(Path modelDir) {
        return network(modelDir == null ? PocketModel.loadBundled() : PocketModel.load(modelDir));
    }

    /** The network alone over a loaded model, with this option's rotations. */
    private PocketPredictor network(PocketModel m) {
        Integer n = count(m.card());
        return n == null ? PocketPredictor.of(m) : PocketPredictor.of(m, n);
    }

    /**
     * The mean of several bundles' networks ({@code PocketModel.mean}; the first one's card), with this option's
     * rotations, the network alone; one bundle is {@link #open(Path)}.
     */
    public PocketPredictor open(List<Path> members) {
        if (members.size() == 1) {
            return open(members.get(0));
        }
        List<PocketModel> models = new ArrayList<>();
        try {
            for (Path m : members) {
                models.add(PocketModel.load(m));
            }
            return network(PocketModel.mean(models));
        } catch (RuntimeException e) {        // e.g. a member that does not load, or featurizes otherwise
            models.forEach(PocketModel::close);
            throw e;
        }
    }

    /** The shipped model, or the bundle in {@code modelDir}, with this option applied. */
    public PocketPredictor open(Path modelDir) {
        if (networkOnly) {
            return openNetwork(modelDir);
        }
        if (accurate) {
            return modelDir == null ? PocketPredictor.openAccurate() : PocketPredictor.openAccurate(modelDir);
        }
        if (rotations == null) {
            return modelDir == null ? PocketPredictor.open() : PocketPredictor.open(modelDir);
        }
        return modelDir == null ? PocketPredictor.open(rotations) : PocketPredictor.open(modelDir, rotations);
    }
}
