package org.sparsepocket.surface;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.sparsepocket.PredictionException;

/**
 * What a surface model is: its features, the library and parameters that trained it, the data it was
 * trained on (file list hash), its point and pocket settings, and the fusion chosen for it (null until
 * tuned). Written beside the classifier as {@value #FILE}. Immutable.
 *
 * @param features       feature names in column order, one of the {@link PointColumns} layouts
 * @param library        the training library and version, e.g. "xgboost4j 3.0.4"
 * @param parameters     the library's training parameters
 * @param label          the point label rule, e.g. "within 4.0 Å of a ligand heavy atom"
 * @param trainingData   data sets and the SHA-256 of their files (sorted names and bytes)
 * @param trainingPoints points the classifier was trained on (positives + sampled negatives)
 * @param settings       point and pocket settings
 * @param fusion         the tuned fusion with the network, or null
 * @param command        the command that made the model
 */
public record SurfaceCard(List<String> features, String library, Map<String, Object> parameters, String label,
                          Map<String, String> trainingData, long trainingPoints, SurfaceSettings settings,
                          FusionSettings fusion, String command) {

    public static final String FILE = "surface-card.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    public SurfaceCard {
        features = List.copyOf(features);
        parameters = Map.copyOf(parameters);
        trainingData = Map.copyOf(trainingData);
        Objects.requireNonNull(settings, "settings");
    }

    /** The classifier's column layout. */
    public PointColumns columns() {
        return PointColumns.of(features);
    }

    /** Whether the surface part needs the network's probabilities (as point features, or blended into the scores). */
    public boolean usesNetwork() {
        return columns().usesNetwork() || settings.blendsNetwork();
    }

    /** This card with tuned point settings and fusion. */
    public SurfaceCard tuned(SurfaceSettings s, FusionSettings f) {
        return new SurfaceCard(features, library, parameters, label, trainingData, trainingPoints, s, f, command);
    }

    public void write(Path dir) {
        try {
            Files.writeString(dir.resolve(FILE), GSON.toJson(this) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PredictionException(dir.resolve(FILE) + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    public static SurfaceCard read(Path dir) {
        Path f = dir.resolve(FILE);
        try {
            return parse(Files.readString(f, StandardCharsets.UTF_8), f.toString());
        } catch (IOException e) {
            throw new PredictionException(f + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Parses a card written by {@link #write}; {@code origin} names it in errors. */
    public static SurfaceCard parse(String json, String origin) {
        try {
            JsonElement tree = JsonParser.parseString(json);
            if (tree.isJsonObject() && tree.getAsJsonObject().get("settings") instanceof JsonObject s
                    && !s.has("scorePower")) {
                s.addProperty("scorePower", 2.0);   // cards written before the power was a setting used P2Rank's squares
            }
            if (tree.isJsonObject() && tree.getAsJsonObject().get("settings") instanceof JsonObject s
                    && !s.has("centrePower")) {
                s.addProperty("centrePower", 0.0);  // and the points' plain mean as the centre
            }
            if (tree.isJsonObject() && tree.getAsJsonObject().get("settings") instanceof JsonObject s
                    && !s.has("networkBlend")) {
                s.addProperty("networkBlend", 0.0); // and the classifier's scores alone
            }
            SurfaceCard c = GSON.fromJson(tree, SurfaceCard.class);
            if (c == null || c.features() == null || c.settings() == null) {
                throw new PredictionException(origin + ": not a surface model card (features or settings missing)");
            }
            try {
                PointColumns.of(c.features());
            } catch (IllegalArgumentException e) {
                throw new PredictionException(origin + ": the model's " + e.getMessage());
            }
            return new SurfaceCard(c.features(), c.library(), c.parameters() == null ? Map.of() : c.parameters(),
                    c.label(), c.trainingData() == null ? Map.of() : c.trainingData(), c.trainingPoints(),
                    new SurfaceSettings(c.settings().probeRadius(), c.settings().pointsPerAtom(),
                            c.settings().neighbourhood(), c.settings().protrusionRadius(),
                            c.settings().buriednessRadius(), c.settings().threshold(),
                            c.settings().clusterDistance(), c.settings().minClusterSize(),
                            c.settings().residueCutoff(), c.settings().boxMargin(), c.settings().scorePower(),
                            c.settings().centrePower(), c.settings().networkBlend()),
                    c.fusion() == null ? null : new FusionSettings(c.fusion().surfaceWeight(), c.fusion().matchDistance()),
                    c.command());
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            throw new PredictionException(origin + ": malformed surface model card (" + e.getMessage() + ")", e);
        }
    }
}
