package org.sparsepocket.surface;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.sparsepocket.PredictionException;

/**
 * A trained surface model as stored in a model bundle folder: {@value PointClassifier#FILE},
 * {@value AtomPropensity#FILE} and {@value SurfaceCard#FILE}. Loaded once and shared; closing it frees the classifier's native memory.
 */
public final class SurfaceModel implements AutoCloseable {

    private final PointClassifier classifier;
    private final AtomPropensity propensity;
    private final SurfaceCard card;

    public SurfaceModel(PointClassifier classifier, AtomPropensity propensity, SurfaceCard card) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.propensity = Objects.requireNonNull(propensity, "propensity");
        this.card = Objects.requireNonNull(card, "card");
        if (classifier.columns() != card.features().size()) {
            throw new IllegalArgumentException("the classifier takes " + classifier.columns() + " features, the card names "
                    + card.features().size());
        }
    }

    /** The files of a surface model in a bundle folder. */
    public static final java.util.List<String> FILES = java.util.List.of(PointClassifier.FILE, AtomPropensity.FILE,
            SurfaceCard.FILE);

    /** Whether {@code dir} holds a surface model. */
    public static boolean isIn(Path dir) {
        return Files.isRegularFile(dir.resolve(PointClassifier.FILE)) && Files.isRegularFile(dir.resolve(SurfaceCard.FILE))
                && Files.isRegularFile(dir.resolve(AtomPropensity.FILE));
    }

    /**
     * @throws PredictionException naming the folder when it holds no readable surface model
     */
    public static SurfaceModel load(Path dir) {
        if (!isIn(dir)) {
            throw new PredictionException(dir + ": no surface model (" + PointClassifier.FILE + ", "
                    + AtomPropensity.FILE + " and " + SurfaceCard.FILE + " expected)");
        }
        SurfaceCard card = SurfaceCard.read(dir);
        AtomPropensity propensity = AtomPropensity.read(dir);
        return new SurfaceModel(PointClassifier.load(dir.resolve(PointClassifier.FILE), card.features().size()), propensity,
                card);
    }

    /** Whether the class-path folder {@code folder} (ending in "/") holds a surface model. */
    public static boolean isInResource(String folder) {
        return SurfaceModel.class.getResource(folder + PointClassifier.FILE) != null
                && SurfaceModel.class.getResource(folder + SurfaceCard.FILE) != null
                && SurfaceModel.class.getResource(folder + AtomPropensity.FILE) != null;
    }

    /**
     * Loads a surface model from a class-path folder (ending in "/"), e.g. the one shipped beside the network.
     *
     * @throws PredictionException naming the folder when it holds no readable surface model
     */
    public static SurfaceModel loadResource(String folder) {
        String origin = "classpath:" + folder;
        if (!isInResource(folder)) {
            throw new PredictionException(origin + ": no surface model there");
        }
        SurfaceCard card = SurfaceCard.parse(text(folder + SurfaceCard.FILE), origin + SurfaceCard.FILE);
        AtomPropensity propensity = AtomPropensity.parse(text(folder + AtomPropensity.FILE).lines().toList(),
                origin + AtomPropensity.FILE);
        try (InputStream in = SurfaceModel.class.getResourceAsStream(folder + PointClassifier.FILE)) {
            return new SurfaceModel(PointClassifier.load(in, card.features().size(), origin + PointClassifier.FILE),
                    propensity, card);
        } catch (IOException e) {
            throw new PredictionException(origin + PointClassifier.FILE + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = SurfaceModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PredictionException("classpath:" + resource + ": missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PredictionException("classpath:" + resource + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Writes the classifier and the card into {@code dir} (created when missing). */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new PredictionException(dir + ": cannot create (" + e.getMessage() + ")", e);
        }
        classifier.save(dir.resolve(PointClassifier.FILE));
        propensity.write(dir);
        card.write(dir);
    }

    public PointClassifier classifier() {
        return classifier;
    }

    public AtomPropensity propensity() {
        return propensity;
    }

    public SurfaceCard card() {
        return card;
    }

    /** The pocket finder with the card's settings. */
    public SurfacePocketFinder finder() {
        return new SurfacePocketFinder(classifier, propensity, card.settings(), card.columns());
    }

    @Override
    public void close() {
        classifier.close();
    }
}
