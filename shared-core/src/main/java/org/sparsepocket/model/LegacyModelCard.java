package org.sparsepocket.model;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads cards of format 1, whose recommended settings came in three generations resolved by a fallback
 * (a best-F1 {@code threshold}; tuned {@code pockets} with their {@code rotations}; {@code tunedByRotations}
 * keyed by rotation count) and whose voxel size was stored twice. The result is the same recommendation
 * as a format-2 card: fast = the entry for the default count, else {@code pockets}, else the code's
 * defaults with the best-F1 threshold; accurate = the entry with the most rotations above that count.
 */
final class LegacyModelCard {

    private LegacyModelCard() {
    }

    /** Whether {@code json} is a card of format 1 (or names no format). */
    static boolean isLegacy(String json) {
        JsonElement root = JsonParser.parseString(json);
        if (!root.isJsonObject()) {
            return false;
        }
        JsonElement v = root.getAsJsonObject().get("formatVersion");
        return v == null || !v.isJsonPrimitive() || v.getAsInt() <= 1;
    }

    /**
     * The card in this code's format (format version {@link ModelCard#FORMAT_VERSION}; a card that names no
     * format keeps 0, which {@link ModelCard#checkCompatible} refuses).
     *
     * @throws IllegalArgumentException when the two voxel sizes differ or a value is invalid
     */
    static ModelCard read(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        Gson gson = ModelCard.GSON;
        NetworkConfig architecture = gson.fromJson(o.get("architecture"), NetworkConfig.class);
        if (architecture == null) {
            return null;
        }
        JsonElement voxel = o.get("voxelSize");
        if (voxel != null && !voxel.isJsonNull() && voxel.getAsDouble() != architecture.voxelSize()) {
            throw new IllegalArgumentException("voxel size " + voxel.getAsDouble() + " Å differs from the"
                    + " architecture's " + architecture.voxelSize() + " Å");
        }
        Map<String, String> provenance = gson.fromJson(o.get("provenance"), new TypeToken<Map<String, String>>() { }.getType());
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, Double> m = gson.fromJson(o.get("metrics"), new TypeToken<Map<String, Double>>() { }.getType());
        if (m != null) {
            metrics.putAll(m);
        }
        Double bestF1 = number(o, "threshold");
        if (bestF1 != null) {
            metrics.putIfAbsent(ModelCard.BEST_F1_THRESHOLD, bestF1);
        }
        int fastCount = o.has("rotations") && !o.get("rotations").isJsonNull() ? o.get("rotations").getAsInt() : 1;
        TreeMap<Integer, ModelCard.Mode> tuned = new TreeMap<>();
        JsonElement byRotations = o.get("tunedByRotations");
        if (byRotations != null && byRotations.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : byRotations.getAsJsonObject().entrySet()) {
                JsonObject t = e.getValue().getAsJsonObject();
                int n = Integer.parseInt(e.getKey());
                Map<String, Double> validation = gson.fromJson(t.get("validation"),
                        new TypeToken<Map<String, Double>>() { }.getType());
                String command = t.has("command") && !t.get("command").isJsonNull() ? t.get("command").getAsString() : null;
                tuned.put(n, new ModelCard.Mode(n, pockets(gson, t.get("pockets")), validation, command));
            }
        }
        ModelCard.Mode fast = tuned.get(fastCount);
        if (fast == null) {
            ModelCard.PocketDefaults p = pockets(gson, o.get("pockets"));
            if (p != null) {   // tuned before per-count entries existed: scores in the metrics
                Map<String, Double> validation = new TreeMap<>();
                metrics.forEach((k, v) -> {
                    if (k.startsWith("validation_d") || k.startsWith("validation_residue_")
                            || k.equals("validation_mean_pockets_per_protein")) {
                        validation.put(k, v);
                    }
                });
                fast = new ModelCard.Mode(fastCount, p, validation, provenance == null ? null
                        : provenance.get("tuning_command"));
            } else {
                fast = new ModelCard.Mode(fastCount, new ModelCard.PocketDefaults(bestF1, null, null, null, null, null),
                        Map.of(), null);
            }
        }
        Map.Entry<Integer, ModelCard.Mode> most = tuned.lastEntry();
        ModelCard.Mode accurate = most != null && most.getKey() > fastCount ? most.getValue() : null;
        int format = o.has("formatVersion") ? o.get("formatVersion").getAsInt() : 0;
        List<String> features = gson.fromJson(o.get("featureNames"), new TypeToken<List<String>>() { }.getType());
        String labelRule = o.has("labelRule") && !o.get("labelRule").isJsonNull() ? o.get("labelRule").getAsString() : null;
        String name = o.has("name") && !o.get("name").isJsonNull() ? o.get("name").getAsString() : null;
        return new ModelCard(format == 1 ? ModelCard.FORMAT_VERSION : format, name, architecture, features, labelRule,
                new ModelCard.Recommended(fast, accurate), provenance, metrics);
    }

    private static ModelCard.PocketDefaults pockets(Gson gson, JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        ModelCard.PocketDefaults p = gson.fromJson(e, ModelCard.PocketDefaults.class);
        if (p.threshold() == null || p.eps() == null || p.minAtoms() == null || p.scorer() == null) {
            throw new IllegalArgumentException("incomplete tuned pocket settings " + e);
        }
        return p;
    }

    private static Double number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsDouble();
    }
}
