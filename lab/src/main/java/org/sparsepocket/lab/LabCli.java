package org.sparsepocket.lab;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sparsepocket.cli.SparsePocketCli;
import org.sparsepocket.lab.bench.BenchCommand;
import org.sparsepocket.lab.bench.BenchFeaturesCommand;
import org.sparsepocket.lab.bench.BenchPredictCommand;
import org.sparsepocket.lab.train.AverageCommand;
import org.sparsepocket.lab.train.TrainCommand;
import org.sparsepocket.lab.tune.TuneCommand;

/**
 * The {@code sparsepocket} command line of a developer checkout (what {@code ./sparsepocket} runs): the
 * user commands of {@link SparsePocketCli} plus the commands that make and measure the shipped models.
 * Same conventions, exit codes and error handling; only the list of subcommands differs.
 */
public final class LabCli {

    /** The lab's own commands, listed after the user commands. */
    public static final List<Class<?>> LAB_COMMANDS = List.of(
            TrainCommand.class,
            AverageCommand.class,
            TuneCommand.class,
            BenchCommand.class,
            BenchPredictCommand.class,
            BenchFeaturesCommand.class,
            org.sparsepocket.lab.cv.FoldsCommand.class,
            org.sparsepocket.lab.cv.CvEvaluateCommand.class,
            org.sparsepocket.lab.surface.SurfaceTrainCommand.class,
            org.sparsepocket.lab.surface.SurfaceEvalCommand.class,
            org.sparsepocket.lab.surface.SurfaceCvCommand.class,
            org.sparsepocket.lab.bundle.BundleCommand.class);

    /** Every command, user commands first. */
    public static final List<Class<?>> COMMANDS = concat(SparsePocketCli.COMMANDS, LAB_COMMANDS);

    private LabCli() {
    }

    public static void main(String[] args) {
        SparsePocketCli.main(COMMANDS, args);
    }

    /** Runs the command line in-process and returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return SparsePocketCli.run(COMMANDS, args, out, err, environment);
    }

    private static List<Class<?>> concat(List<Class<?>> a, List<Class<?>> b) {
        List<Class<?>> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
