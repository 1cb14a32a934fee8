package org.sparsepocket.eval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.sparsepocket.structure.Atom;

/**
 * Per-protein network probabilities on disk, so a grid search over clustering and scoring settings
 * runs the network once per protein. One file per protein ({@code ID.probs}); each records the model
 * fingerprint and a checksum of the atom coordinates, and an entry that does not match both is treated
 * as missing (recomputed), never silently reused. Writes are atomic (temp file + rename).
 */
public final class ProbabilityCache {

    private static final int MAGIC = 0x53505043;   // "SPPC"
    private static final int VERSION = 1;

    private final Path dir;
    private final String modelFingerprint;

    /**
     * @param dir              cache folder (created when missing)
     * @param modelFingerprint identifies the network (e.g. a hash of its weights); entries of another
     *                         model are ignored
     */
    public ProbabilityCache(Path dir, String modelFingerprint) {
        this.dir = dir;
        this.modelFingerprint = modelFingerprint;
    }

    /** The cached probabilities of {@code id} for exactly these atoms, if present and valid. */
    public Optional<float[]> get(String id, List<Atom> atoms) {
        Path f = file(id);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (InputStream raw = Files.newInputStream(f);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(modelFingerprint)) {
                return Optional.empty();
            }
            int n = in.readInt();
            long checksum = in.readLong();
            if (n != atoms.size() || checksum != checksum(atoms)) {
                return Optional.empty();
            }
            float[] p = new float[n];
            for (int i = 0; i < n; i++) {
                p[i] = in.readFloat();
            }
            return Optional.of(p);
        } catch (IOException e) {
            return Optional.empty();   // a truncated or foreign file is recomputed
        }
    }

    public void put(String id, List<Atom> atoms, float[] probabilities) {
        if (probabilities.length != atoms.size()) {
            throw new IllegalArgumentException(id + ": " + probabilities.length + " probabilities for "
                    + atoms.size() + " atoms");
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, id, ".tmp");
            try (OutputStream raw = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(modelFingerprint);
                out.writeInt(atoms.size());
                out.writeLong(checksum(atoms));
                for (float v : probabilities) {
                    out.writeFloat(v);
                }
            }
            try {
                Files.move(tmp, file(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(id), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new EvaluationException(dir + ": cannot write probability cache (" + e.getMessage() + ")", e);
        }
    }

    private Path file(String id) {
        return dir.resolve(id + ".probs");
    }

    /** CRC32 over the atoms' coordinates in 1/1000 Å and their element symbols. */
    static long checksum(List<Atom> atoms) {
        CRC32 crc = new CRC32();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12);
        for (Atom a : atoms) {
            b.clear();
            b.putInt((int) Math.round(a.x() * 1000)).putInt((int) Math.round(a.y() * 1000))
                    .putInt((int) Math.round(a.z() * 1000));
            crc.update(b.array());
            crc.update(a.element().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return crc.getValue();
    }
}
