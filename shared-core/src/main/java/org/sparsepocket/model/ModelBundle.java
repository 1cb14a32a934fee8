package org.sparsepocket.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import org.sparsepocket.PredictionException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A model on disk: a directory (or classpath folder) holding {@value #WEIGHTS_FILE} (DJL parameter
 * format) and {@value #CARD_FILE} (the {@link ModelCard}). Loading reads the card first, checks it
 * against this code, rebuilds the architecture it names, then reads the weights into it.
 *
 * @param card    the card read with the weights
 * @param network the loaded network; closing the bundle closes it
 */
public record ModelBundle(ModelCard card, PocketNetwork network) implements AutoCloseable {

    public static final String CARD_FILE = "model.json";
    public static final String WEIGHTS_FILE = "weights.params";

    /**
     * Writes weights and card into {@code dir} (created if needed; existing files replaced). The
     * card's architecture must be the network's.
     */
    public static void save(Path dir, PocketNetwork network, ModelCard card) throws IOException {
        if (!card.architecture().equals(network.config())) {
            throw new IllegalArgumentException("card architecture " + card.architecture()
                    + " is not the network's " + network.config());
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve(WEIGHTS_FILE + ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            network.saveWeights(out);
        }
        Files.move(tmp, dir.resolve(WEIGHTS_FILE), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve(CARD_FILE), card.toJson() + "\n", StandardCharsets.UTF_8);
    }

    /** Loads a bundle directory onto DJL's default device. @throws PredictionException on any problem */
    public static ModelBundle load(Path dir) {
        return load(dir, Engine.getInstance().defaultDevice());
    }

    /**
     * The card of a bundle directory, checked against this code, without loading the weights (e.g. to assemble
     * bundles).
     *
     * @throws IOException        when the card cannot be read
     * @throws PredictionException when the directory holds no bundle or the card does not fit this code
     */
    public static ModelCard readCard(Path dir) throws IOException {
        if (!Files.exists(dir)) {      // said apart from a folder without the files: usually a typo in the path
            throw new PredictionException(dir + ": not a model bundle (the directory does not exist)");
        }
        Path cardFile = dir.resolve(CARD_FILE);
        if (!Files.isRegularFile(cardFile) || !Files.isRegularFile(dir.resolve(WEIGHTS_FILE))) {
            throw new PredictionException(dir + ": not a model bundle (needs " + CARD_FILE + " and " + WEIGHTS_FILE + ")");
        }
        ModelCard card = ModelCard.read(cardFile);
        card.checkCompatible(cardFile.toString());
        return card;
    }

    /** Loads a bundle directory onto the given device. @throws PredictionException on any problem */
    public static ModelBundle load(Path dir, Device device) {
        Path weightsFile = dir.resolve(WEIGHTS_FILE);
        try {
            ModelCard card = readCard(dir);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(weightsFile))) {
                return new ModelBundle(card, PocketNetwork.load(card.architecture(), device, in));
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw failure(weightsFile.toString(), e);
        }
    }

    /**
     * Loads a bundle from a classpath folder such as {@code /org/sparsepocket/model/default/}.
     *
     * @throws PredictionException when the folder holds no bundle or the bundle does not fit this code
     */
    public static ModelBundle loadResource(String folder, Device device) {
        String base = folder.endsWith("/") ? folder : folder + "/";
        try (InputStream cardIn = ModelBundle.class.getResourceAsStream(base + CARD_FILE);
             InputStream weightsIn = ModelBundle.class.getResourceAsStream(base + WEIGHTS_FILE)) {
            if (cardIn == null || weightsIn == null) {
                throw new PredictionException("classpath:" + base + ": no model bundle there");
            }
            ModelCard card = ModelCard.fromJson(new String(cardIn.readAllBytes(), StandardCharsets.UTF_8),
                    "classpath:" + base + CARD_FILE);
            card.checkCompatible("classpath:" + base + CARD_FILE);
            return new ModelBundle(card, PocketNetwork.load(card.architecture(), device,
                    new BufferedInputStream(weightsIn)));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw failure("classpath:" + base + WEIGHTS_FILE, e);
        }
    }

    private static PredictionException failure(String source, Exception e) {
        if (e instanceof PredictionException p) {
            return p;
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new PredictionException(source + ": cannot load model weights: " + why, e);
    }

    @Override
    public void close() {
        network.close();
    }
}
