package org.sparsepocket.lab.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.nn.Parameter;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketNetwork;

/**
 * Stochastic weight averaging (Izmailov et al. 2018) of a run's snapshots: the element-wise, equal-
 * weight mean of the parameters of several epoch-end checkpoints ({@code .sptk}) and/or parameter
 * files ({@code best.params}) of one architecture. Every parameter is averaged, the batch-norm
 * running statistics included; those are only right for the averaged weights after
 * {@link BatchNormStatistics#recompute}.
 */
public final class WeightAveraging {

    /**
     * One input of an average.
     *
     * @param file   the checkpoint or parameter file
     * @param sha256 its SHA-256
     * @param state  the training state of a checkpoint, null for a bare parameter file
     */
    public record Snapshot(Path file, String sha256, TrainingState state) {

        /** The epoch whose end the snapshot was taken at, or 0 when unknown or mid-epoch. */
        public int completedEpoch() {
            return state != null && state.position() == 0 ? state.epoch() - 1 : 0;
        }

        /** "end of epoch 16", "epoch 15 after 856 complexes (update 1961)" or "parameter file". */
        public String describe() {
            if (state == null) {
                return "parameter file";
            }
            return state.position() == 0 ? "end of epoch " + (state.epoch() - 1)
                    : "epoch " + state.epoch() + " after " + state.position() + " complexes (update " + state.updates() + ")";
        }
    }

    private WeightAveraging() {
    }

    /**
     * Averages the snapshots into {@code target} (a network of the run's architecture, whose
     * parameters are overwritten). Checkpoints must carry {@code settingsHash} (the run's
     * {@link TrainingSettings#hash()}); every file's parameters must have the target's shapes.
     *
     * @throws IllegalArgumentException naming the file and the problem, for a file of another run or
     *                                  architecture or one that is not a snapshot
     */
    public static List<Snapshot> average(List<Path> files, PocketNetwork target, String settingsHash) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no snapshots to average");
        }
        List<Parameter> params = List.copyOf(target.parameters().values());
        double[][] sums = new double[params.size()][];
        List<Snapshot> snapshots = new ArrayList<>();
        for (Path file : files) {
            snapshots.add(accumulate(file, target.config(), target.device(), settingsHash, params, sums));
        }
        for (int i = 0; i < params.size(); i++) {
            float[] mean = new float[sums[i].length];
            for (int j = 0; j < mean.length; j++) {
                mean[j] = (float) (sums[i][j] / files.size());
            }
            params.get(i).getArray().set(mean);
        }
        return snapshots;
    }

    private static Snapshot accumulate(Path file, NetworkConfig config, Device device, String settingsHash,
                                       List<Parameter> expected, double[][] sums) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such snapshot file");
        }
        String sha = Hashes.sha256(file);
        TrainingState state = null;
        boolean checkpoint = Checkpoint.isCheckpoint(file);
        try {
            InputStream weights;
            if (checkpoint) {
                Checkpoint.Opened opened = Checkpoint.openParameters(file);
                weights = opened.parameters();
                state = opened.state();
            } else {
                weights = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
            }
            if (state != null && !settingsHash.equals(state.settingsHash())) {
                weights.close();
                throw new IllegalArgumentException(file + ": checkpoint of another run (its training settings differ"
                        + " from the run's run.json)");
            }
            try (InputStream in = weights; PocketNetwork n = PocketNetwork.load(config, device, in)) {
                List<Parameter> got = List.copyOf(n.parameters().values());
                for (int i = 0; i < expected.size(); i++) {
                    Parameter e = expected.get(i), g = got.get(i);
                    if (!e.getName().equals(g.getName()) || !e.getArray().getShape().equals(g.getArray().getShape())) {
                        throw new IllegalArgumentException(file + ": parameters of another architecture (" + g.getName()
                                + " " + g.getArray().getShape() + ", the run's " + e.getName() + " "
                                + e.getArray().getShape() + ")");
                    }
                    float[] v = g.getArray().toFloatArray();
                    if (sums[i] == null) {
                        sums[i] = new double[v.length];
                    }
                    for (int j = 0; j < v.length; j++) {
                        sums[i][j] += v[j];
                    }
                }
                // A parameter file of a larger network would leave bytes behind; a checkpoint's optimizer follows.
                if (!checkpoint && new DataInputStream(in).read() != -1) {
                    throw new IllegalArgumentException(file + ": parameters of another architecture (data left after"
                            + " the run's " + expected.size() + " parameters)");
                }
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith(file.toString())) {
                throw iae;
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : TrainingData.oneLine(e);
            throw new IllegalArgumentException(file + ": not a snapshot of the run's architecture (" + why + ")", e);
        }
        return new Snapshot(file, sha, state);
    }
}
