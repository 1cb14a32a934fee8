package org.sparsepocket.lab.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sparsepocket.model.NetworkConfig;

/**
 * The facts about a run that go into the model card, written to {@code run.json} in the run folder
 * when the run starts (and rewritten on resume with the added wall time kept in the checkpoint).
 *
 * @param command          the command line that starts the run (resumes add {@code --resume})
 * @param settings         training settings
 * @param network          the architecture trained
 * @param trainSets        training data set folders, as given
 * @param validationSets   validation data set folders, as given
 * @param trainComplexes   complexes trained on
 * @param trainAtoms       their protein heavy atoms
 * @param trainPositives   binding-site atoms among them
 * @param trainFilesSha256 SHA-256 over the sorted list "set/file sha256" of every training input file
 * @param validationComplexes  validation complexes
 * @param validationAtoms      their atoms
 * @param validationPositives  binding-site atoms among them
 * @param validationFilesSha256 the same hash over the validation files
 * @param skipped          complexes that could not be read ("set/id: reason")
 * @param hardware         CPU model and core count of the machine that ran it
 * @param versions         Java, DJL and PyTorch versions
 * @param featurization    the featurizer's version: SHA-256 of the structure and feature classes, label rule
 */
public record RunRecord(String command, TrainingSettings settings, NetworkConfig network, List<String> trainSets,
                        List<String> validationSets, int trainComplexes, long trainAtoms, long trainPositives,
                        String trainFilesSha256, int validationComplexes, long validationAtoms,
                        long validationPositives, String validationFilesSha256, List<String> skipped,
                        String hardware, Map<String, String> versions, String featurization) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
            .serializeSpecialFloatingPointValues().create();

    public static final String FILE = "run.json";

    public void write(Path runDir) {
        try {
            Files.createDirectories(runDir);
            Files.writeString(runDir.resolve(FILE), GSON.toJson(this) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    public static RunRecord read(Path runDir) {
        Path f = runDir.resolve(FILE);
        try {
            return GSON.fromJson(Files.readString(f, StandardCharsets.UTF_8), RunRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** "Intel(R) Xeon(R) ..., 2 cores, device cpu()" (CPU model from /proc/cpuinfo where available). */
    static String describeHardware(String device) {
        String model = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: keep "unknown CPU"
        }
        return model + ", " + Runtime.getRuntime().availableProcessors() + " cores, DJL device " + device;
    }
}
