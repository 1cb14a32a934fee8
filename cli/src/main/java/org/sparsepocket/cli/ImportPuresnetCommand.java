package org.sparsepocket.cli;

import org.sparsepocket.cli.puresnet.CheckpointException;
import org.sparsepocket.cli.puresnet.CheckpointImporter;
import org.sparsepocket.model.ModelCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code sparsepocket import-puresnet FILE.pt --out BUNDLE}: the published PUResNetV2.0 weights as a model
 * bundle that {@code predict --model BUNDLE}, Jmol and KNIME run with the published inputs and pocket
 * settings (docs/puresnet-import.md).
 */
@Command(name = "import-puresnet", mixinStandardHelpOptions = true,
        description = {"Import the published PUResNetV2.0 weights (the puresnet package's 'model90 70210.pt')"
                + " as a model bundle for --model.",
                "Get the file with: pip download puresnet --no-deps; unzip puresnet-*.whl 'puresnet/data/*'"})
final class ImportPuresnetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.pt", description = "the PyTorch checkpoint (a state dict)")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE",
            description = "the bundle directory to create (must not exist, or be empty)")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "puresnet-v2-published",
            description = "the model's name in its card (default: ${DEFAULT-VALUE})")
    String name;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ModelCard card = CheckpointImporter.importFile(checkpoint, out, name);
            PrintWriter o = spec.commandLine().getOut();
            o.printf("imported %s (sha256 %s) into %s: %d keys checked, featurization %s, threshold %.2f,"
                            + " eps %.0f Å, at least %d atoms%n", checkpoint.getFileName(),
                    card.provenance().get("source_sha256"), out,
                    org.sparsepocket.cli.puresnet.PublishedLayout.of(card.architecture()).keys().size(), card.featureProfile().cardName(),
                    card.pockets().threshold(), card.pockets().eps(), card.pockets().minAtoms());
            o.printf("predict with: sparsepocket predict STRUCTURE --model %s --out DIR%n", out);
            o.flush();
            return 0;
        } catch (CheckpointException e) {
            err.println("error: " + e.getMessage());
        } catch (IOException e) {
            err.println("error: " + out + ": cannot write the bundle: " + e.getMessage());
        }
        err.flush();
        return SparsePocketCli.EXIT_FAILURE;
    }
}
