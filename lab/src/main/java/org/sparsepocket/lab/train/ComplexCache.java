package org.sparsepocket.lab.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.sparsepocket.features.AtomFeatures;

/**
 * Featurized complexes on disk, one file per complex, so parsing and featurizing (seconds per
 * complex) happen once per input version instead of once per run.
 *
 * <p>File layout (big-endian, {@link DataOutputStream}): magic {@code "SPTC"}, format version (int),
 * key (UTF: a SHA-256 over the input files' hashes, the feature code version and the label rule),
 * id (UTF), atom count n (int), feature count f (int), then 3n doubles (coordinates), n·f floats
 * (features), n bytes (labels). A file whose magic, version, key or feature count differs from what
 * the caller expects is treated as absent and rebuilt; files are written to a temporary name and
 * moved into place, so a killed run never leaves a half-written entry.
 */
public final class ComplexCache {

    static final int MAGIC = 0x53505443; // "SPTC"
    /** Bump when the layout above changes. */
    static final int FORMAT_VERSION = 1;

    private final Path root;

    /** The cache {@code train} and {@code average} use unless told otherwise: {@code ~/.cache/sparsepocket/train}. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".cache", "sparsepocket", "train");
    }

    public ComplexCache(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Where the entry of one complex lives: {@code <root>/<set>/<id>.sptc}. */
    public Path file(ComplexFiles files) {
        return root.resolve(files.set()).resolve(files.id() + ".sptc");
    }

    /** The cached complex, or empty when there is none or it was built from other inputs or code. */
    public Optional<TrainingComplex> read(ComplexFiles files, String key) {
        Path file = file(files);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION || !in.readUTF().equals(key)) {
                return Optional.empty();
            }
            String id = in.readUTF();
            int n = in.readInt();
            int f = in.readInt();
            if (f != AtomFeatures.COUNT || n < 0 || !id.equals(files.id())) {
                return Optional.empty();
            }
            double[] xyz = readDoubles(in, 3 * n);
            float[] features = readFloats(in, n * f);
            byte[] labels = new byte[n];
            in.readFully(labels);
            return Optional.of(new TrainingComplex(id, xyz, features, labels));
        } catch (NoSuchFileException | EOFException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cache entry " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes (atomically replaces) the entry of one complex. */
    public void write(ComplexFiles files, String key, TrainingComplex c) {
        Path file = file(files);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), c.id(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT_VERSION);
                out.writeUTF(key);
                out.writeUTF(c.id());
                out.writeInt(c.atomCount());
                out.writeInt(AtomFeatures.COUNT);
                writeDoubles(out, c.xyz());
                writeFloats(out, c.features());
                out.write(c.labels());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cache entry " + file + ": " + e.getMessage(), e);
        }
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        byte[] bytes = new byte[4 * n];
        in.readFully(bytes);
        float[] out = new float[n];
        java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(out);
        return out;
    }

    private static double[] readDoubles(DataInputStream in, int n) throws IOException {
        byte[] bytes = new byte[8 * n];
        in.readFully(bytes);
        double[] out = new double[n];
        java.nio.ByteBuffer.wrap(bytes).asDoubleBuffer().get(out);
        return out;
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8 * values.length);
        buf.asDoubleBuffer().put(values);
        out.write(buf.array());
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4 * values.length);
        buf.asFloatBuffer().put(values);
        out.write(buf.array());
    }
}
