package org.sparsepocket.spark;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.sparsepocket.ErrorLines;
import org.sparsepocket.PredictionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code PocketJob INPUT OUTPUT}: the predictor as a Spark job. Runs under {@code spark-submit} on a
 * cluster (Spark provided) or, through {@code ./sparsepocket-spark}, on an embedded local Spark. Ends
 * with one line, {@code N of M inputs predicted, K pockets, E errors}; exit code 0 when the job ran
 * (failed inputs are rows of {@code errors/}), 1 with a one-line reason when it could not, 2 for a
 * usage error.
 */
@Command(name = "sparsepocket-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict the pockets of many structures on Apache Spark; Parquet tables pockets/, residues/"
                + " and errors/ under OUTPUT (columns of the CLI's pockets.csv and residues.csv after an input column).",
            "INPUT is a folder of structure files (or one file; read with Spark's binaryFile source), or a text file"
                + " or folder of them with one input per line: a path or URI on any Hadoop file system, a PDB ID or"
                + " a UniProt accession. Paths may be local, hdfs://, s3a://, ..."},
        footer = {"", "docs/spark.md: cluster modes, memory, where the natives go."})
public final class PocketJob implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "Structures, or a list of them.")
    String input;

    @Parameters(index = "1", paramLabel = "OUTPUT", description = "Folder for the tables (any Hadoop file system).")
    String output;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2] (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--input-kind", paramLabel = "KIND",
            description = "files, list or auto (default: auto = files when INPUT is or holds structure files).")
    JobRun.InputKind inputKind = JobRun.InputKind.AUTO;

    @Option(names = "--overwrite", description = "Replace an existing OUTPUT of this job (else the job refuses to start).")
    boolean overwrite;

    @Option(names = "--partitions", paramLabel = "N", description = "Tasks to split the inputs into (default: chosen from the input count and cores).")
    int partitions;

    @Option(names = "--model", paramLabel = "DIR", description = "Model bundle directory present on every executor (default: the shipped model).")
    String model;

    @Option(names = "--accurate", description = "Accurate mode: the card's accurate rotation count and settings (docs/tta.md).")
    boolean accurate;

    @Option(names = "--rotations", paramLabel = "N", description = "Average the probabilities over N orientations.")
    Integer rotations;

    @Option(names = "--each-chain", description = "Predict every protein chain on its own.")
    boolean eachChain;

    @Option(names = "--chains", paramLabel = "A,B", split = ",", description = "Predict only these chains, together.")
    List<String> chains;

    @Option(names = "--threshold", paramLabel = "P", description = "Pocket atoms have probability ≥ P (default: the model card's).")
    Double threshold;

    @Option(names = "--eps", paramLabel = "Å", description = "DBSCAN neighbourhood radius (default: the model card's).")
    Double eps;

    @Option(names = "--min-size", paramLabel = "N", description = "Smallest pocket in atoms (default: the model card's).")
    Integer minSize;

    @Option(names = "--max-pockets", paramLabel = "N", description = "At most N pockets per complex (0 = all).")
    Integer maxPockets;

    @Option(names = "--scorer", paramLabel = "NAME", description = "Pocket ranking score (default: the model card's).")
    String scorer;

    @Option(names = "--split-above", paramLabel = "N", description = "Split pockets of more than N atoms (0 = never).")
    Integer splitAbove;

    @Option(names = "--box-margin", paramLabel = "Å", description = "Margin of docking boxes around the pocket atoms.")
    Double boxMargin;

    @Option(names = "--weighted-centre", description = "Pocket centre = probability-weighted mean of its atoms.")
    boolean weightedCentre;

    private PrintWriter out;
    private PrintWriter err;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the job as the command line would and returns its exit code (for tests and the launcher). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        PocketJob job = new PocketJob();
        job.out = out;
        job.err = err;
        CommandLine cl = new CommandLine(job).setCaseInsensitiveEnumValuesAllowed(true).setOut(out).setErr(err);
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        JobSettings settings;
        try {
            settings = new JobSettings(model, accurate, rotations, eachChain, chains, threshold, eps, minSize,
                    scorer, splitAbove, maxPockets, boxMargin, weightedCentre);
            settings.check();
            if (partitions < 0) {
                throw new IllegalArgumentException("--partitions must be ≥ 0, got " + partitions);
            }
        } catch (IllegalArgumentException | PredictionException e) {
            err.println("error: " + ErrorLines.oneLine(e.getMessage()));
            return 2;
        }
        SparkSession spark = session();
        try {
            JobRun.Summary summary = new JobRun(spark, settings).run(input, inputKind, output, overwrite, partitions);
            out.println(summary.line());
            return 0;
        } catch (PredictionException e) {
            err.println("error: " + ErrorLines.oneLine(e.getMessage()));
            return 1;
        } catch (RuntimeException e) {
            err.println("error: the job failed: " + ErrorLines.oneLine(rootMessage(e)));
            return 1;
        } finally {
            if (ownsSession) {
                spark.stop();
            }
        }
    }

    private boolean ownsSession;

    /** The session spark-submit configured, else an embedded local one (with --master, or local[*]). */
    private SparkSession session() {
        SparkSession.Builder b = SparkSession.builder().appName("sparsepocket");
        if (master != null) {
            b = b.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            b = b.master("local[*]");
        }
        if (master != null || !new SparkConf().contains("spark.master")) {
            b = b.config("spark.ui.enabled", "false");   // an embedded run needs no web UI
        }
        ownsSession = SparkSession.getActiveSession().isEmpty();
        return b.getOrCreate();
    }

    /** The innermost message: a task's PredictionException (e.g. a model that cannot load) arrives wrapped. */
    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
