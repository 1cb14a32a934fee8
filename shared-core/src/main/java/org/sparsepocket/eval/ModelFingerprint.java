package org.sparsepocket.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.PocketModel;

/**
 * Identifies a model by the SHA-256 of its weights and card, so cached probabilities are never reused
 * for another network.
 */
public final class ModelFingerprint {

    private ModelFingerprint() {
    }

    /** Fingerprint of a model bundle folder, or of the bundled model when {@code dir} is null. */
    public static String of(Path dir) {
        MessageDigest md = sha256();
        for (String f : new String[] {ModelBundle.CARD_FILE, ModelBundle.WEIGHTS_FILE}) {
            try (InputStream in = dir == null
                    ? PocketModel.class.getResourceAsStream(PocketModel.BUNDLED_RESOURCE + f)
                    : Files.newInputStream(dir.resolve(f))) {
                if (in == null) {
                    throw new EvaluationException("classpath:" + PocketModel.BUNDLED_RESOURCE + f + ": no bundled model");
                }
                byte[] buf = new byte[1 << 16];
                for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                    md.update(buf, 0, n);
                }
            } catch (IOException e) {
                throw new EvaluationException((dir == null ? "bundled model" : dir.toString()) + ": cannot read "
                        + f + " (" + e.getMessage() + ")", e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
