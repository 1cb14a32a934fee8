package org.sparsepocket.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.sparsepocket.PredictionException;
import org.sparsepocket.runtime.LibraryLogging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code sparsepocket} command. Conventions every subcommand follows:
 * <ul>
 *   <li>{@code --help} (and {@code --version}) on every command;</li>
 *   <li>exit code 0 on success, 2 on a usage error (message, then a hint to {@code --help}), 1 on an
 *       input or processing failure with a one-line {@code error: <input>: <problem>} on stderr and no
 *       stack trace ({@code SPARSEPOCKET_DEBUG=1} adds one);</li>
 *   <li>human-readable results on stdout by default, one JSON document with {@code --json};</li>
 *   <li>progress and warnings on stderr only ({@code --quiet} silences progress), so stdout stays
 *       clean for pipes.</li>
 * </ul>
 * New commands are classes in this package, added to {@link #COMMANDS} and reuse the option mixins
 * ({@link OutputOptions}, {@link SourceOptions}, {@link ChainOptions}). The lab module's launcher
 * ({@code org.sparsepocket.lab.LabCli}) runs the same command line with its training, tuning and benchmark
 * commands added ({@link #main(List, String[])}).
 */
@Command(name = "sparsepocket",
        mixinStandardHelpOptions = true,
        versionProvider = SparsePocketCli.Version.class,
        description = "Ligand-binding-site prediction on protein structures (PUResNetV2.0 method).")
public final class SparsePocketCli implements Runnable {

    /**
     * The subcommands, in the order the usage lists them. They are registered in {@link #commandLine}
     * rather than in the annotation so that a run registers only the command it runs: picocli builds
     * each command's model by reflection and instantiates it, which for all of them cost about 0.4 s of
     * every start (docs/speed.md).
     */
    public static final List<Class<?>> COMMANDS = List.of(
            InspectCommand.class,
            PredictCommand.class,
            FeatureTableCommand.class,
            EvaluateCommand.class,
            ImportPuresnetCommand.class);

    /** Exit code of an input or processing failure. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of a usage error. */
    public static final int EXIT_USAGE = 2;

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    private SparsePocketCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Environment variables the commands read (injected, so tests can set them). */
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        main(COMMANDS, args);
    }

    /** Runs {@code commands} as the {@code sparsepocket} command line and exits with its code. */
    public static void main(List<Class<?>> commands, String[] args) {
        LibraryLogging.errorsOnly();
        EngineHeadStart.beginFor(args);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(commands, args, out, err, System.getenv());
        out.flush();
        err.flush();
        // A process that exits while libtorch is still loading can abort (seen as exit code 134 on an
        // early usage error); the load takes under a second, so let it finish first.
        EngineHeadStart.await();
        System.exit(code);
    }

    /** Runs the command line in-process and returns its exit code (what {@link #main} exits with). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return run(COMMANDS, args, out, err, environment);
    }

    /** {@link #run(String[], PrintWriter, PrintWriter, Map)} with another set of subcommands. */
    public static int run(List<Class<?>> commands, String[] args, PrintWriter out, PrintWriter err,
                          Map<String, String> environment) {
        CommandLine cl = commandLine(commands, environment, args);
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // Errors bypass picocli's handler; a huge input must still end in one line, not a stack trace.
            err.println("error: out of memory (" + oneLine(e.getMessage())
                    + "); the input is too large for the Java heap (raise -Xmx in SPARSEPOCKET_JAVA_OPTS)");
            err.flush();
            return EXIT_FAILURE;
        }
    }

    /**
     * The command line for {@code arguments}: only the subcommand that {@code arguments[0]} names when it
     * names one (the rest is never looked at), else with all of them (usage, suggestions for a
     * misspelt command, {@code help COMMAND}).
     */
    static CommandLine commandLine(Map<String, String> environment, String[] arguments) {
        return commandLine(COMMANDS, environment, arguments);
    }

    static CommandLine commandLine(List<Class<?>> commands, Map<String, String> environment, String[] arguments) {
        boolean debug = "1".equals(environment.get("SPARSEPOCKET_DEBUG"));
        CommandLine cl = new CommandLine(new SparsePocketCli(environment));
        Class<?> named = arguments.length == 0 ? null : commands.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(arguments[0])).findFirst().orElse(null);
        for (Class<?> c : named == null ? commands : List.of(named)) {
            cl.addSubcommand(c);
        }
        cl.addSubcommand(new CommandLine.HelpCommand());
        // predict reads @FILE lists itself (paths relative to the list's folder, # comments, one per
        // line); picocli's own @-file expansion would split lines at spaces and resolve against the
        // working directory.
        cl.setExpandAtFiles(false);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("error: " + oneLine(ex.getMessage()).replaceFirst("^Error: ", ""));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof PredictionException) {
                err.println("error: " + oneLine(ex.getMessage()));
            } else {
                err.println("error: internal error (" + oneLine(String.valueOf(ex))
                        + "); set SPARSEPOCKET_DEBUG=1 for details");
            }
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_FAILURE;
        });
        return cl;
    }

    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** The version from the jar manifest, "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SparsePocketCli.class.getPackage().getImplementationVersion();
            return new String[] {"sparsepocket " + (v == null ? "development build" : v)};
        }
    }
}
