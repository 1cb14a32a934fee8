package org.sparsepocket.lab.surface;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sparsepocket.eval.EvaluationException;

/**
 * One held-out fold's point scores from one classifier, kept on disk between {@code surface-cv} runs
 * ({@code --score-cache}): the classifier does not see the network, so fast and accurate runs, and runs that only
 * change the pocket or fusion grid, score the same points with the same trees. A file holds, per complex id, its
 * point scores; it is used only when it covers every complex asked for with the same point count.
 */
final class HeldOutScores {

    private HeldOutScores() {
    }

    /**
     * The file of one fold, feature set and training recipe in {@code dir} ({@code sampleSeed} draws the negative
     * sample, {@code t}'s seed the trees); {@code training} are the complexes the classifier learns from, so a run on
     * fewer complexes (e.g. {@code --limit}) never reads scores of a classifier trained on more.
     */
    static Path file(Path dir, int fold, FeatureSet set, TreeTraining t, long sampleSeed, double negatives,
                     double margin, List<FoldComplex> training) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "fold%d%s-seed%d-t%d-d%d-e%s-n%s-s%d-m%s-%s.scores",
                fold, set.suffix, t.seed(), t.trees(), t.depth(), t.eta(), negatives, sampleSeed, margin,
                fingerprint(training)));
    }

    /** A short hash of the complexes' ids and point counts, in any order. */
    static String fingerprint(List<FoldComplex> complexes) {
        List<String> keys = complexes.stream().map(c -> c.set() + "/" + c.id() + ":" + c.size()).sorted().toList();
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String k : keys) {
                sha.update(k.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The scores of {@code complexes} read from {@code file}, or null when it is absent or does not cover them. */
    static Map<String, float[]> read(Path file, List<FoldComplex> complexes) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Map<String, float[]> all = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int n = in.readInt();
            for (int c = 0; c < n; c++) {
                String id = in.readUTF();
                float[] s = new float[in.readInt()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = in.readFloat();
                }
                all.put(id, s);
            }
        } catch (IOException e) {
            return null;
        }
        for (FoldComplex c : complexes) {
            float[] s = all.get(c.id());
            if (s == null || s.length != c.size()) {
                return null;
            }
        }
        return all;
    }

    /** Writes {@code scores} (complex id → point scores) to {@code file}, whole or not at all. */
    static void write(Path file, Map<String, float[]> scores) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(scores.size());
                for (Map.Entry<String, float[]> e : scores.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float v : e.getValue()) {
                        out.writeFloat(v);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EvaluationException(file + ": cannot write held-out scores (" + e.getMessage() + ")", e);
        }
    }
}
