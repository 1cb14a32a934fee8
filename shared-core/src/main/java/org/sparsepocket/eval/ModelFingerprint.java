package org.sparsepocket.eval;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.PocketModel;

/**
 * Identifies a network by the SHA-256 of its architecture and weights, so cached probabilities are never
 * reused for another network. The rest of the card (provenance, metrics, tuned pocket settings) does not
 * change probabilities, so rewriting it, as {@code tune --apply} does, keeps the cache valid.
 */
public final class ModelFingerprint {

    private ModelFingerprint() {
    }

    /** Fingerprint of a model bundle folder, or of the bundled model when {@code dir} is null. */
    public static String of(Path dir) {
        MessageDigest md = sha256();
        ModelCard card = card(dir);
        md.update(new Gson().toJson(card.architecture()).getBytes(StandardCharsets.UTF_8));
        md.update(read(dir, ModelBundle.WEIGHTS_FILE));
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The key of a {@link ProbabilityCache} for this model's probabilities averaged over {@code rotations}
     * orientations: the plain fingerprint for one (the plain prediction, bit for bit), the fingerprint
     * and the count otherwise, so averaged and plain probabilities are never mixed.
     */
    public static String of(Path dir, int rotations) {
        String plain = of(dir);
        return rotations == 1 ? plain : plain + " rotations " + rotations;
    }

    /**
     * The key for the mean of several models' probabilities ({@code PocketModel.mean}), each averaged over
     * {@code rotations} orientations: one model's key when there is one, else a digest of the members' keys in
     * order.
     */
    public static String of(List<Path> members, int rotations) {
        if (members.size() == 1) {
            return of(members.get(0), rotations);
        }
        MessageDigest md = sha256();
        for (Path m : members) {
            md.update(of(m).getBytes(StandardCharsets.UTF_8));
        }
        String mean = HexFormat.of().formatHex(md.digest()) + " mean of " + members.size();
        return rotations == 1 ? mean : mean + " rotations " + rotations;
    }

    /** The card of a model bundle folder, or of the bundled model when {@code dir} is null. */
    public static ModelCard card(Path dir) {
        if (dir == null) {
            return PocketModel.bundledCard().orElseThrow(() -> new EvaluationException(
                    "classpath:" + PocketModel.BUNDLED_RESOURCE + ModelBundle.CARD_FILE + ": no bundled model"));
        }
        try {
            return ModelCard.read(dir.resolve(ModelBundle.CARD_FILE));
        } catch (IOException e) {
            throw new EvaluationException(dir + ": cannot read " + ModelBundle.CARD_FILE + " (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] read(Path dir, String f) {
        try (InputStream in = dir == null
                ? PocketModel.class.getResourceAsStream(PocketModel.BUNDLED_RESOURCE + f)
                : Files.newInputStream(dir.resolve(f))) {
            if (in == null) {
                throw new EvaluationException("classpath:" + PocketModel.BUNDLED_RESOURCE + f + ": no bundled model");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EvaluationException((dir == null ? "bundled model" : dir.toString()) + ": cannot read "
                    + f + " (" + e.getMessage() + ")", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
