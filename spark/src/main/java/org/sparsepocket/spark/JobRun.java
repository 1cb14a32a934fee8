package org.sparsepocket.spark;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.sparsepocket.PredictionException;
import org.sparsepocket.structure.StructureFormat;

/**
 * One run of the job on a Spark session: reads the inputs, predicts them on the executors and writes the
 * tables {@code OUTPUT/pockets}, {@code OUTPUT/residues} and {@code OUTPUT/errors}. Problems with the
 * job's own arguments (missing input, existing output) are {@link PredictionException}s raised before
 * anything is written; problems of single inputs become rows of {@code errors}.
 */
final class JobRun {

    /** How INPUT is read: decided from its content unless given. */
    enum InputKind {
        /** a folder of structure files (or one file): Spark's binaryFile source */
        FILES,
        /** a text file, or a folder of them: one input per line (path or URI, PDB ID, UniProt accession) */
        LIST,
        /** FILES when INPUT is a structure file or a folder holding one, else LIST */
        AUTO
    }

    /** The summary counts: inputs, inputs predicted, pockets, errors. */
    record Summary(long inputs, long predicted, long pockets, long errors) {
        String line() {
            return String.format(Locale.ROOT, "%d of %d inputs predicted, %d pockets, %d errors",
                    predicted, inputs, pockets, errors);
        }
    }

    private final SparkSession spark;
    private final JobSettings settings;

    JobRun(SparkSession spark, JobSettings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /**
     * @param partitions tasks to split the inputs into, or 0 to choose (a few per core, at most ~500 inputs each)
     * @throws PredictionException for a missing or empty input, or an output that exists without {@code overwrite}
     */
    Summary run(String input, InputKind kind, String output, boolean overwrite, int partitions) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Path in = new Path(input);
        Path out = new Path(output);
        InputKind resolved = kind == InputKind.AUTO ? detect(in, hadoop) : kind;
        checkOutput(out, hadoop, overwrite);

        Dataset<Row> inputs = resolved == InputKind.FILES ? files(input) : list(input);
        long count = inputs.count();
        if (count == 0) {
            throw new PredictionException(input + ": names no inputs" + (resolved == InputKind.FILES
                    ? " (no file ending in " + StructureFormat.structureExtensions() + ", optionally "
                            + String.join("/", StructureFormat.COMPRESSIONS) + ")"
                    : " (every line blank or a # comment)"));
        }
        int n = partitions > 0 ? partitions : partitions(count, spark.sparkContext().defaultParallelism());
        JavaRDD<Outcome> outcomes = inputs.repartition(n).javaRDD()
                .mapPartitions(new PartitionPredictor(settings, new InputReader(hadoop)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            if (overwrite) {
                delete(out, hadoop);
            }
            spark.createDataFrame(outcomes.flatMap(o -> o.pockets().iterator()), Tables.POCKETS)
                    .write().mode(SaveMode.ErrorIfExists).parquet(new Path(out, "pockets").toString());
            spark.createDataFrame(outcomes.flatMap(o -> o.residues().iterator()), Tables.RESIDUES)
                    .write().mode(SaveMode.ErrorIfExists).parquet(new Path(out, "residues").toString());
            spark.createDataFrame(outcomes.filter(o -> !o.ok()).map(Outcome::errorRow), Tables.ERRORS)
                    .coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(new Path(out, "errors").toString());
            long errors = outcomes.filter(o -> !o.ok()).count();
            long pockets = outcomes.map(o -> (long) o.pockets().size()).fold(0L, Long::sum);
            long all = outcomes.count();
            return new Summary(all, all - errors, pockets, errors);
        } catch (RuntimeException e) {
            delete(out, hadoop);   // a failed job leaves no partial tables
            throw e;
        } finally {
            outcomes.unpersist(false);
        }
    }

    /** A few tasks per core for balance, and no task longer than ~500 inputs so a retry costs little. */
    static int partitions(long inputs, int parallelism) {
        long n = Math.max(Math.min(inputs, 4L * parallelism), (inputs + 499) / 500);
        return (int) Math.max(1, Math.min(n, Integer.MAX_VALUE));
    }

    private Dataset<Row> files(String input) {
        String pattern = "(?i).*(" + Arrays.stream(StructureFormat.values()).filter(StructureFormat::isStructure)
                .flatMap(f -> f.extensions().stream()).map(e -> "\\" + e)
                .collect(Collectors.joining("|")) + ")(" + StructureFormat.COMPRESSIONS.stream().map(e -> "\\" + e)
                .collect(Collectors.joining("|")) + ")?$";
        return spark.read().format("binaryFile").load(input)
                .filter(functions.col("path").rlike(pattern))
                .select(functions.col("path").as("location"),
                        functions.lit("").as("list_file"),
                        functions.col("content"));
    }

    private Dataset<Row> list(String input) {
        Column line = functions.trim(functions.col("value"));
        return spark.read().text(input)
                .select(line.as("location"), functions.input_file_name().as("list_file"),
                        functions.lit(null).cast(DataTypes.BinaryType).as("content"))
                .filter(functions.col("location").notEqual("").and(functions.not(functions.col("location").startsWith("#"))));
    }

    /** FILES for a structure file or a folder whose first structure-named file comes before any other. */
    private static InputKind detect(Path in, Configuration hadoop) {
        try {
            FileSystem fs = in.getFileSystem(hadoop);
            if (!fs.exists(in)) {
                throw new PredictionException(in + ": no such file or folder");
            }
            FileStatus status = fs.getFileStatus(in);
            if (status.isFile()) {
                return StructureFormat.isStructureFile(in.getName()) ? InputKind.FILES : InputKind.LIST;
            }
            RemoteIterator<FileStatus> it = fs.listStatusIterator(in);
            while (it.hasNext()) {
                FileStatus f = it.next();
                if (f.isFile() && !f.getPath().getName().startsWith(".") && !f.getPath().getName().startsWith("_")) {
                    return StructureFormat.isStructureFile(f.getPath().getName()) ? InputKind.FILES : InputKind.LIST;
                }
            }
            throw new PredictionException(in + ": folder holds no files");
        } catch (IOException e) {
            throw new PredictionException(in + ": cannot read: " + e.getMessage());
        }
    }

    /** An existing output is replaced only when asked, and only if it is an output of this job (or empty). */
    private static void checkOutput(Path out, Configuration hadoop, boolean overwrite) {
        try {
            FileSystem fs = out.getFileSystem(hadoop);
            if (!fs.exists(out)) {
                return;
            }
            if (!overwrite) {
                throw new PredictionException(out + ": already exists (--overwrite replaces it)");
            }
            if (!fs.getFileStatus(out).isDirectory()) {
                throw new PredictionException(out + ": exists and is a file, not a job output; not overwritten");
            }
            for (FileStatus f : fs.listStatus(out)) {
                if (!Tables.NAMES.contains(f.getPath().getName())) {
                    throw new PredictionException(out + ": holds " + f.getPath().getName()
                            + ", so it is not a job output; not overwritten");
                }
            }
        } catch (IOException e) {
            throw new PredictionException(out + ": cannot check: " + e.getMessage());
        }
    }

    private static void delete(Path out, Configuration hadoop) {
        try {
            FileSystem fs = out.getFileSystem(hadoop);
            if (fs.exists(out) && !fs.delete(out, true)) {
                throw new PredictionException(out + ": cannot delete the previous output");
            }
        } catch (IOException e) {
            throw new PredictionException(out + ": cannot delete the previous output: " + e.getMessage());
        }
    }
}
