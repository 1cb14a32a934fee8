package org.sparsepocket.lab.bundle;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sparsepocket.PocketOverrides;
import org.sparsepocket.PredictionException;
import org.sparsepocket.RecommendedSettings;
import org.sparsepocket.cli.PocketOptions;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.model.TestTimeRotations;
import org.sparsepocket.output.AtomicFiles;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.surface.SurfaceModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket bundle}: one model folder whose fast mode is one network and whose accurate mode is the mean
 * of several (e.g. the all-data model and the fold ensemble of issue 18). The members are copied into
 * {@code accurate/NAME/} of the new bundle and named in the card's accurate section with their training data,
 * data hashes and commands; the surface model, if any, is copied beside them.
 */
@Command(name = "bundle", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Makes a model bundle whose fast mode is --network and whose accurate mode is the mean of "
                + "--accurate-members averaged over --accurate-rotations orientations; each mode's pocket settings "
                + "from --fast-pockets and --accurate-pockets over the network card's.",
            "The bundle is written to a new folder --out, completely or not at all."},
        footer = {"", "Example (docs/cross-validation.md):",
            "  sparsepocket bundle --network training/cv/all-c8/model --surface SURFACE_DIR \\",
            "      --accurate-members training/cv/fold0-c8/model,training/cv/fold1-c8/model,... --accurate-rotations 2 \\",
            "      --fast-pockets \"--threshold 0.052 --eps 5 --min-size 5 --scorer buried-mean-sqrt-size --split-above 70\" \\",
            "      --accurate-pockets \"--threshold 0.055 --eps 5 --min-size 3 --scorer max --split-above 70\" --out BUNDLE"})
public final class BundleCommand implements Callable<Integer> {

    /** The bundle folder that holds the accurate mode's members. */
    static final String MEMBERS_FOLDER = "accurate";

    @Spec
    CommandSpec spec;

    @Option(names = "--network", paramLabel = "DIR", required = true,
            description = "the fast mode's model bundle (its card's fast settings stay)")
    Path network;

    @Option(names = "--accurate-members", split = ",", paramLabel = "DIR", required = true,
            description = "model bundles whose mean is the accurate mode (a folder 'model' is named by its parent)")
    List<Path> members;

    @Option(names = "--accurate-rotations", paramLabel = "N", required = true,
            description = "orientations each member's probabilities are averaged over in the accurate mode")
    int rotations;

    @Option(names = "--fast-pockets", paramLabel = "FLAGS",
            description = "the fast mode's pocket settings as predict's flags in one argument, e.g. \"--threshold 0.052"
                    + " --eps 5 --min-size 5 --scorer buried-mean-sqrt-size --split-above 70\" (default: the network"
                    + " card's; flags left out keep the card's value)")
    String fastPockets;

    @Option(names = "--accurate-pockets", paramLabel = "FLAGS",
            description = "the accurate mode's pocket settings, as --fast-pockets (default: the network card's settings"
                    + " for --accurate-rotations)")
    String accuratePockets;

    @Option(names = "--surface", paramLabel = "DIR",
            description = "copy the surface model (surface-card.json, surface-classifier.ubj, surface-propensity.tsv)"
                    + " from DIR (default: from --network when it has one)")
    Path surface;

    @Option(names = "--name", description = "the bundle's model name (default: the network's)")
    String name;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the new bundle folder (must not exist)")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (rotations < 1 || rotations > TestTimeRotations.MAX) {
            throw new ParameterException(spec.commandLine(), "--accurate-rotations must be 1.." + TestTimeRotations.MAX
                    + ", got " + rotations);
        }
        if (Files.exists(out)) {
            throw new ParameterException(spec.commandLine(), out + ": already exists (the bundle goes to a new folder)");
        }
        PocketOverrides fast = overrides("--fast-pockets", fastPockets);
        PocketOverrides accurateOverrides = overrides("--accurate-pockets", accuratePockets);
        ModelCard card = ModelBundle.readCard(network);
        if (rotations == card.inferenceRotations()) {
            throw new ParameterException(spec.commandLine(), "--accurate-rotations " + rotations
                    + " is the fast mode's count: the two modes must differ in it");
        }
        Map<String, Path> named = memberNames(members);
        Path surfaceDir = surface != null ? surface : network;
        if (surface != null && !SurfaceModel.isIn(surface)) {
            throw new PredictionException(surface + ": no surface model there");
        }

        boolean withSurface = SurfaceModel.isIn(surfaceDir);
        // Staged next to --out and renamed into place when complete (AtomicFiles: nothing partial is ever left).
        AtomicFiles.writeFolder(out, staging -> {
            Map<String, String> provenance = new LinkedHashMap<>();
            List<String> folders = new ArrayList<>();
            for (Map.Entry<String, Path> m : named.entrySet()) {
                String folder = MEMBERS_FOLDER + "/" + m.getKey();
                ModelCard memberCard = ModelBundle.readCard(m.getValue());
                if (!memberCard.featureProfile().equals(card.featureProfile())) {
                    throw new PredictionException(m.getValue() + ": featurizes atoms as " + memberCard.featureProfile()
                            + ", the network as " + card.featureProfile());
                }
                copy(m.getValue(), staging.resolve(folder), List.of(ModelBundle.CARD_FILE, ModelBundle.WEIGHTS_FILE));
                folders.add(folder);
                provenance.put("accurate_member_" + m.getKey(), describe(m.getValue(), memberCard));
            }
            ModelCard.Mode accurate = new ModelCard.Mode(rotations,
                    defaults(accurateOverrides.applyTo(RecommendedSettings.of(card, rotations))), Map.of(), commandLine(),
                    folders);
            ModelCard.Mode f = card.recommended().fast();
            ModelCard.Mode fastMode = fastPockets == null ? f : new ModelCard.Mode(f.rotations(),
                    defaults(fast.applyTo(RecommendedSettings.of(card))), Map.of(), commandLine(), f.members());
            provenance.put("accurate_mode", "the mean of " + folders.size() + " networks (" + String.join(", ",
                    named.keySet()) + ") over " + rotations + " orientation(s); fast mode: " + network);
            ModelCard bundled = card.withRecommended(new ModelCard.Recommended(fastMode, accurate))
                    .withProvenance(provenance);
            copy(network, staging, List.of(ModelBundle.WEIGHTS_FILE));
            Files.writeString(staging.resolve(ModelBundle.CARD_FILE),
                    (name == null ? bundled : bundled.withName(name)).toJson() + "\n");
            if (withSurface) {
                copy(surfaceDir, staging, SurfaceModel.FILES);
            }
            try (PocketModel check = PocketModel.load(staging)) {    // the bundle loads, members too
                check.forRotations(rotations);
            }
        });
        PrintWriter o = spec.commandLine().getOut();
        o.println(out + ": fast = " + network + "; accurate = mean of " + named.size() + " networks over " + rotations
                + " orientation(s)" + (withSurface ? "; surface model from " + surfaceDir : ""));
        o.flush();
        return 0;
    }

    /** Predict's pocket flags given as one argument, parsed as predict parses them. */
    private PocketOverrides overrides(String option, String flags) {
        if (flags == null) {
            return PocketOverrides.NONE;
        }
        PocketOptions parsed = new PocketOptions();
        try {
            new CommandLine(parsed).parseArgs(flags.trim().split("\\s+"));
            return parsed.overrides();
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + " \"" + flags + "\": " + e.getMessage());
        }
    }

    private static ModelCard.PocketDefaults defaults(PocketSettings s) {
        return new ModelCard.PocketDefaults(s.threshold(), s.eps(), s.minAtoms(), s.scorer().name(),
                s.probabilityWeightedCenter(), s.splitAbove());
    }

    /** Member folders by name: a bundle folder called 'model' is named by its parent (training/cv/fold0-c8/model → fold0-c8). */
    static Map<String, Path> memberNames(List<Path> members) {
        Map<String, Path> named = new LinkedHashMap<>();
        for (Path m : members) {
            Path abs = m.toAbsolutePath().normalize();
            Path last = abs.getFileName();
            String n = (last.toString().equals("model") && abs.getParent() != null ? abs.getParent().getFileName() : last)
                    .toString();
            if (named.put(n, m) != null) {
                throw new PredictionException(m + ": a second member named " + n + " (members are named by their folder)");
            }
        }
        return named;
    }

    private static String describe(Path source, ModelCard c) {
        Map<String, String> p = c.provenance();
        return source + "; trained on " + p.getOrDefault("training_data", "?") + "; training files sha256 "
                + p.getOrDefault("training_files_sha256", "?") + "; command: " + p.getOrDefault("command", "?");
    }

    private String commandLine() {
        return "sparsepocket " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private static void copy(Path from, Path to, List<String> files) throws IOException {
        Files.createDirectories(to);
        for (String f : files) {
            Files.copy(from.resolve(f), to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
