package org.sparsepocket.cli;

import java.nio.file.Path;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.model.TestTimeRotations;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --rotations N}: how many orientations the network's probabilities are averaged over. */
final class RotationOption {

    @Option(names = "--rotations", paramLabel = "N",
            description = "Average the network's per-atom probabilities over N fixed orientations of each complex"
                    + " (test-time augmentation; 1 = plain, at most " + TestTimeRotations.MAX
                    + "; each costs one forward pass; default: the model card's value, else 1).")
    Integer rotations;

    /** Usage check before any work. @throws ParameterException for a number out of range */
    void check(CommandLine commandLine) {
        if (rotations != null) {
            try {
                TestTimeRotations.check(rotations);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(commandLine, "--" + e.getMessage());
            }
        }
    }

    /** The shipped model, or the bundle in {@code modelDir}, with this option applied. */
    PocketPredictor open(Path modelDir) {
        if (rotations == null) {
            return modelDir == null ? PocketPredictor.open() : PocketPredictor.open(modelDir);
        }
        return modelDir == null ? PocketPredictor.open(rotations) : PocketPredictor.open(modelDir, rotations);
    }
}
