package org.sparsepocket.features;

import org.sparsepocket.structure.Atom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-template-atom feature values that replace this project's for one featurization, keyed by residue
 * and atom name. The only set is {@link #puresnetV2()}: the values the published PUResNetV2.0 weights
 * were trained on where they differ from ours (Lys and Arg side chains, the His ring: their
 * featurization lost the formal charges). Immutable.
 */
public final class TemplateOverrides {

    static final String PURESNET_V2_RESOURCE = "puresnet-v2-templates.tsv";

    private static final class PuresnetV2 {
        static final TemplateOverrides INSTANCE = read(PURESNET_V2_RESOURCE);
    }

    /** residue name to atom name to features */
    private final Map<String, Map<String, float[]>> byResidue;

    private TemplateOverrides(Map<String, Map<String, float[]>> byResidue) {
        this.byResidue = byResidue;
    }

    /** The published PUResNetV2.0 template values (read once from the shipped table). */
    public static TemplateOverrides puresnetV2() {
        return PuresnetV2.INSTANCE;
    }

    /** Number of template atoms with replaced values. */
    public int size() {
        return byResidue.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * The featurization with the rows of overridden template atoms replaced. Only atoms that were
     * featurized from their template are replaced (same residue and atom name, and the element of the
     * template atom): element-rule fallbacks stay as they are.
     */
    public Featurization apply(List<Atom> atoms, Featurization base) {
        if (atoms.size() != base.matrix().rows()) {
            throw new IllegalArgumentException(atoms.size() + " atoms for " + base.matrix().rows() + " feature rows");
        }
        float[] values = null;
        for (int i = 0; i < atoms.size(); i++) {
            Atom a = atoms.get(i);
            Map<String, float[]> residue = byResidue.get(a.residue().name());
            float[] f = residue == null ? null : residue.get(a.name());
            if (f == null || !AtomFeaturizer.shared().fromTemplate(a)) {
                continue;
            }
            if (values == null) {
                values = base.matrix().values().clone();
            }
            System.arraycopy(f, 0, values, i * AtomFeatures.COUNT, AtomFeatures.COUNT);
        }
        return values == null ? base
                : new Featurization(new FeatureMatrix(atoms.size(), values), base.unknownResidues(), base.unmatchedAtoms());
    }

    private static TemplateOverrides read(String resource) {
        try (InputStream in = TemplateOverrides.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " is missing from this build");
            }
            Map<String, Map<String, float[]>> table = new HashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != 2 + AtomFeatures.COUNT) {
                    throw new IllegalStateException(resource + ": expected " + (2 + AtomFeatures.COUNT)
                            + " columns, got " + cells.length + " in: " + line);
                }
                float[] f = new float[AtomFeatures.COUNT];
                for (int c = 0; c < f.length; c++) {
                    f[c] = Float.parseFloat(cells[2 + c]);
                }
                table.computeIfAbsent(cells[0], k -> new HashMap<>()).put(cells[1], f);
            }
            Map<String, Map<String, float[]>> frozen = new HashMap<>();
            table.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
            return new TemplateOverrides(Map.copyOf(frozen));
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }
}
