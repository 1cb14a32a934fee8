package org.sparsepocket.lab.train;

import java.util.Objects;
import org.sparsepocket.model.PocketModel;

/**
 * Where a warm-started run's initial weights came from: a model bundle (a folder, or
 * {@value InitialWeights#BUNDLED} for the model shipped in this jar) and the SHA-256 of its
 * {@code weights.params}. The hash, not the path, is what identifies the run for resuming.
 *
 * @param bundle        the bundle as given to {@code --init}
 * @param weightsSha256 SHA-256 of the bundle's weights file
 */
public record WarmStart(String bundle, String weightsSha256) {

    public WarmStart {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(weightsSha256, "weightsSha256");
    }

    /** "weights of BUNDLE (sha256 HASH)", the card's and MODEL.md's wording. */
    public String describe() {
        String what = InitialWeights.BUNDLED.equals(bundle)
                ? "the bundled model (classpath:" + PocketModel.BUNDLED_RESOURCE + ")" : bundle;
        return "weights of " + what + " (sha256 " + weightsSha256 + ")";
    }
}
