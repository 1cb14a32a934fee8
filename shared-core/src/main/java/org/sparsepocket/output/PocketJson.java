package org.sparsepocket.output;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.ResidueId;

/**
 * {@code pockets.json}: the settings, the complexes and one object per pocket (the same fields as
 * {@code pockets.csv}, with residues as an array). Schema documented in docs/outputs.md; fields are only
 * ever added within a schema version, never renamed or removed.
 */
public final class PocketJson implements OutputFormat {

    public static final String FILE = "pockets.json";
    public static final String SCHEMA = "sparsepocket-pockets";
    public static final int SCHEMA_VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    @Override
    public void write(PredictionReport report, Path folder) throws IOException {
        Files.writeString(folder.resolve(FILE), GSON.toJson(json(report)) + "\n", StandardCharsets.UTF_8);
    }

    /** The document for one structure. */
    public static JsonObject json(PredictionReport report) {
        JsonObject root = new JsonObject();
        root.addProperty("schema", SCHEMA);
        root.addProperty("schemaVersion", SCHEMA_VERSION);
        root.addProperty("structure", report.structureName());
        root.add("settings", settings(report.settings()));
        JsonArray warnings = new JsonArray();
        report.prediction().structure().warnings().forEach(warnings::add);
        root.add("warnings", warnings);
        JsonArray complexes = new JsonArray();
        JsonArray pockets = new JsonArray();
        for (ComplexPrediction c : report.complexes()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", c.complex().name());
            JsonArray chains = new JsonArray();
            c.complex().chainIds().forEach(chains::add);
            o.add("chains", chains);
            o.addProperty("atomCount", c.complex().atoms().size());
            o.addProperty("pocketCount", c.pockets().size());
            complexes.add(o);
            for (Pocket p : c.pockets()) {
                pockets.add(pocket(report.structureName(), c.complex().name(), p));
            }
        }
        root.add("complexes", complexes);
        root.add("pockets", pockets);
        return root;
    }

    /** One pocket row. */
    public static JsonObject pocket(String structure, String complex, Pocket p) {
        JsonObject o = new JsonObject();
        o.addProperty("structure", structure);
        o.addProperty("complex", complex);
        o.addProperty("rank", p.rank());
        o.addProperty("score", round(p.score(), 4));
        o.addProperty("meanProbability", round(p.meanProbability(), 4));
        o.addProperty("maxProbability", round(p.maxProbability(), 4));
        o.add("center", point(p.center()));
        JsonObject box = new JsonObject();
        box.add("center", point(p.box().center()));
        JsonArray size = new JsonArray();
        size.add(round(p.box().sizeX(), 3));
        size.add(round(p.box().sizeY(), 3));
        size.add(round(p.box().sizeZ(), 3));
        box.add("size", size);
        o.add("box", box);
        o.addProperty("radius", round(p.radius(), 3));
        o.addProperty("atomCount", p.atoms().size());
        JsonArray residues = new JsonArray();
        for (ResidueId r : p.residues()) {
            residues.add(r.label());
        }
        o.add("residues", residues);
        return o;
    }

    static JsonObject settings(PredictionSettings s) {
        PocketSettings p = s.pockets();
        JsonObject o = new JsonObject();
        o.addProperty("chainMode", chainMode(s.chainMode()));
        o.addProperty("threshold", p.threshold());
        o.addProperty("eps", p.eps());
        o.addProperty("minAtoms", p.minAtoms());
        o.addProperty("maxPockets", p.maxPockets());
        o.addProperty("probabilityWeightedCenter", p.probabilityWeightedCenter());
        o.addProperty("boxMargin", p.boxMargin());
        o.addProperty("scorer", p.scorer().name());
        if (s.rotations() != null) {     // null: the predictor's own count, not known here
            o.addProperty("rotations", s.rotations());
        }
        return o;
    }

    /** "whole", "each-chain" or "chains:A,B". */
    public static String chainMode(ChainMode m) {
        if (m instanceof ChainMode.Selected s) {
            return "chains:" + String.join(",", s.chainIds());
        }
        return m instanceof ChainMode.EachChain ? "each-chain" : "whole";
    }

    static Gson gson() {
        return GSON;
    }

    private static JsonArray point(Point3 p) {
        JsonArray a = new JsonArray();
        a.add(round(p.x(), 3));
        a.add(round(p.y(), 3));
        a.add(round(p.z(), 3));
        return a;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
