package org.sparsepocket.lab.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A resumable snapshot of a training run in one file: magic {@code "SPCK"}, format version, the
 * {@link TrainingState} as JSON, the network's parameters (DJL's own parameter format, batch-norm
 * running statistics included) and the {@link AdamW} state. Written to a temporary file and moved
 * into place, so a run killed while saving keeps its previous checkpoint.
 */
public final class Checkpoint {

    static final int MAGIC = 0x5350434B; // "SPCK"
    static final int FORMAT_VERSION = 1;
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private Checkpoint() {
    }

    public static void save(Path file, TrainingState state, Block network, AdamW optimizer) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT_VERSION);
                out.writeUTF(GSON.toJson(state));
                network.saveParameters(out);
                optimizer.save(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads only the state (to decide what to do before building anything). */
    public static TrainingState readState(Path file) {
        try (DataInputStream in = open(file)) {
            return GSON.fromJson(in.readUTF(), TrainingState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** Restores parameters and optimizer state in place; returns the saved state. */
    public static TrainingState restore(Path file, Block network, AdamW optimizer, NDManager manager) {
        try (DataInputStream in = open(file)) {
            TrainingState state = GSON.fromJson(in.readUTF(), TrainingState.class);
            network.loadParameters(manager, in);
            // Loading replaces each parameter's array with a fresh one that does not collect gradients.
            for (var p : network.getParameters().values()) {
                if (p.requiresGradient()) {
                    p.getArray().setRequiresGradient(true);
                }
            }
            optimizer.load(in);
            return state;
        } catch (IOException | MalformedModelException e) {
            throw new UncheckedIOException("cannot restore checkpoint " + file + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** Whether the file starts like a checkpoint (else it may be a bare parameter file). */
    public static boolean isCheckpoint(Path file) {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            return in.readInt() == MAGIC;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens a checkpoint positioned at its network parameters (after the state, which is returned
     * with the stream), for reading the weights without an optimizer.
     */
    public static Opened openParameters(Path file) throws IOException {
        DataInputStream in = open(file);
        try {
            return new Opened(GSON.fromJson(in.readUTF(), TrainingState.class), in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** A checkpoint's state and its stream at the parameters; close the stream. */
    public record Opened(TrainingState state, DataInputStream parameters) {
    }

    private static DataInputStream open(Path file) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20));
        if (in.readInt() != MAGIC) {
            in.close();
            throw new IOException("not a SparsePocket checkpoint");
        }
        int v = in.readInt();
        if (v != FORMAT_VERSION) {
            in.close();
            throw new IOException("checkpoint format " + v + ", this version reads " + FORMAT_VERSION);
        }
        return in;
    }
}
