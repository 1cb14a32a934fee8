package org.sparsepocket.lab.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.model.PocketNetwork;

/**
 * The weights a warm start ({@code train --init}) begins from: a model bundle's card and weight
 * bytes, read once so that the hash recorded and the weights loaded are the same bytes.
 *
 * @param source  where they came from (bundle + SHA-256 of the weights file)
 * @param card    the bundle's card (its architecture must be the run's)
 * @param weights the bundle's {@code weights.params}
 */
public record InitialWeights(WarmStart source, ModelCard card, byte[] weights) {

    /** The {@code --init} word for the model shipped in this jar. */
    public static final String BUNDLED = "bundled";

    public InitialWeights {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(weights, "weights");
    }

    /**
     * Reads a bundle folder, or the shipped model for {@value #BUNDLED}.
     *
     * @throws IllegalArgumentException naming the bundle and the problem (not a bundle, unreadable,
     *                                  a card this code cannot use)
     */
    public static InitialWeights read(String bundle) {
        String name = "--init " + bundle;
        try {
            String cardJson;
            byte[] weights;
            if (BUNDLED.equals(bundle)) {
                try (InputStream card = InitialWeights.class.getResourceAsStream(PocketModel.BUNDLED_RESOURCE + ModelBundle.CARD_FILE);
                     InputStream w = InitialWeights.class.getResourceAsStream(PocketModel.BUNDLED_RESOURCE + ModelBundle.WEIGHTS_FILE)) {
                    if (card == null || w == null) {
                        throw new IllegalArgumentException(name + ": this build ships no model");
                    }
                    cardJson = new String(card.readAllBytes(), StandardCharsets.UTF_8);
                    weights = w.readAllBytes();
                }
            } else {
                Path dir = Path.of(bundle);
                Path cardFile = dir.resolve(ModelBundle.CARD_FILE), weightsFile = dir.resolve(ModelBundle.WEIGHTS_FILE);
                if (!Files.isRegularFile(cardFile) || !Files.isRegularFile(weightsFile)) {
                    throw new IllegalArgumentException(name + ": not a model bundle (needs " + ModelBundle.CARD_FILE
                            + " and " + ModelBundle.WEIGHTS_FILE + ")");
                }
                cardJson = Files.readString(cardFile, StandardCharsets.UTF_8);
                weights = Files.readAllBytes(weightsFile);
            }
            ModelCard card = ModelCard.fromJson(cardJson, name);
            card.checkCompatible(name);
            String sha = HexFormat.of().formatHex(Hashes.sha256().digest(weights));
            return new InitialWeights(new WarmStart(bundle, sha), card, weights);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read: " + e.getMessage(), e);
        } catch (org.sparsepocket.PredictionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Checks that the bundle's network is the run's: every architecture setting but dropout (which
     * shapes no parameter) must agree.
     *
     * @throws IllegalArgumentException listing what differs
     */
    public void checkArchitecture(NetworkConfig run) {
        NetworkConfig mine = card.architecture();
        List<String> diffs = new ArrayList<>();
        for (var c : NetworkConfig.class.getRecordComponents()) {
            if (c.getName().equals("dropout")) {
                continue;
            }
            try {
                Object a = c.getAccessor().invoke(mine), b = c.getAccessor().invoke(run);
                if (!a.equals(b)) {
                    diffs.add(c.getName() + " " + a + " (run: " + b + ")");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!diffs.isEmpty()) {
            throw new IllegalArgumentException("--init " + source.bundle() + ": its architecture is not the run's: "
                    + String.join(", ", diffs) + " (choose the --width the bundle was trained with)");
        }
    }

    /**
     * A network of the run's architecture (its dropout included) holding these weights, gradients
     * attached, ready to train.
     */
    public PocketNetwork network(NetworkConfig run, Device device) {
        checkArchitecture(run);
        ByteArrayInputStream in = new ByteArrayInputStream(weights);
        try {
            PocketNetwork network = PocketNetwork.load(run, device, in);
            if (in.available() != 0) {
                network.close();
                throw new IllegalArgumentException("--init " + source.bundle() + ": " + in.available()
                        + " bytes of weights left over after the run's parameters");
            }
            return network;
        } catch (IOException | MalformedModelException e) {
            throw new IllegalArgumentException("--init " + source.bundle() + ": cannot load its weights: "
                    + e.getMessage(), e);
        }
    }
}
