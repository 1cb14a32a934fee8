package org.sparsepocket.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;
import org.sparsepocket.structure.FetchSettings;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureException;
import org.sparsepocket.structure.StructureLoader;
import org.sparsepocket.structure.StructureSource;

/**
 * Turns one input into a structure on an executor, with the CLI's rules and messages: a line of a list
 * names a file on any Hadoop file system (local, HDFS, S3, ...; relative to the list's folder), a PDB
 * ID or a UniProt accession (downloaded through the executor's cache, {@link FetchSettings}); a file of
 * Spark's binaryFile source arrives as bytes. Local files go through {@link StructureSource} itself,
 * so their errors read exactly as in {@code sparsepocket predict}.
 */
final class InputReader implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest structure file read, as in shared-core (the biggest PDB entries are far below). */
    private static final long MAX_BYTES = 512L << 20;

    /** The driver's Hadoop settings (file systems, credentials); Configuration itself is not serializable. */
    private final Map<String, String> hadoopSettings;
    private transient Configuration configuration;

    InputReader(Configuration driverConfiguration) {
        Map<String, String> m = new HashMap<>();
        driverConfiguration.forEach(e -> m.put(e.getKey(), e.getValue()));
        this.hadoopSettings = Map.copyOf(m);
    }

    /**
     * The name a list line's input is reported and loaded under: a relative path that exists beside the
     * list becomes that file's path (as the CLI resolves list files); anything else stays as given.
     *
     * @param location the line, stripped
     * @param listFile the list file it came from (a URI), or empty
     */
    String label(String location, String listFile) {
        Path given = new Path(location);
        if (given.isAbsolute() || given.toUri().getScheme() != null || listFile == null || listFile.isEmpty()) {
            return location;
        }
        Path beside = new Path(new Path(listFile).getParent(), location);
        try {
            FileSystem fs = beside.getFileSystem(configuration());
            if (!fs.exists(beside)) {
                return location;
            }
            // Local files are named as the CLI names them: the list's folder joined with the line, unnormalised.
            return fs instanceof LocalFileSystem
                    ? java.nio.file.Path.of(new Path(listFile).getParent().toUri().getPath()).resolve(location).toString()
                    : beside.toString();
        } catch (IOException e) {
            return location;
        }
    }

    /** The structure an input {@link #label names}: a file on any Hadoop file system, a PDB ID or an accession. */
    Structure load(String label) {
        Path path = new Path(label);
        FileSystem fs;
        try {
            fs = path.getFileSystem(configuration());
        } catch (IOException e) {
            throw new StructureException(label, "cannot open its file system: " + message(e));
        }
        FetchSettings fetch = FetchSettings.fromEnvironment(System.getenv());
        if (fs instanceof LocalFileSystem) {
            // A local file, or a name that is no file (a PDB ID or accession): exactly as the CLI loads it.
            return StructureSource.load(path.toUri().getScheme() == null ? label : path.toUri().getPath(), fetch);
        }
        if (path.toUri().getScheme() == null && !exists(fs, path)
                && (StructureSource.isPdbId(label) || StructureSource.isUniProtAccession(label))) {
            return StructureSource.load(label, fetch);
        }
        return StructureLoader.parse(read(fs, path, label), label);
    }

    /** A file of the binaryFile source: its bytes, labelled with its path (a local path without "file:"). */
    static Structure fromBytes(byte[] content, String label) {
        return StructureLoader.parse(content, label);
    }

    /** The label of a binaryFile path: local files as plain paths (as the CLI names them), others as URIs. */
    static String label(String sparkPath) {
        URI uri = URI.create(sparkPath);
        return "file".equals(uri.getScheme()) ? uri.getPath() : sparkPath;
    }

    private static boolean exists(FileSystem fs, Path path) {
        try {
            return fs.exists(path);
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] read(FileSystem fs, Path path, String label) {
        try {
            long size = fs.getFileStatus(path).getLen();
            if (size > MAX_BYTES) {
                throw new StructureException(label, "file is larger than the " + (MAX_BYTES >> 20) + " MiB limit");
            }
            try (InputStream in = fs.open(path)) {
                return in.readAllBytes();
            }
        } catch (FileNotFoundException e) {
            throw new StructureException(label, "no such file");
        } catch (AccessControlException e) {
            throw new StructureException(label, "cannot read: permission denied");
        } catch (IOException e) {
            throw new StructureException(label, "cannot read: " + message(e));
        }
    }

    private Configuration configuration() {
        if (configuration == null) {
            Configuration c = new Configuration(false);
            hadoopSettings.forEach(c::set);
            configuration = c;
        }
        return configuration;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
