package org.sparsepocket.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sparsepocket.structure.StructureLoader;

/**
 * What the featurizer looks atoms up in: residue name (aliases included) to heavy-atom name to the
 * atom's element and features. Computing it from the residue templates takes about a second of CDK
 * work, a large share of a cold start; so the build computes it once ({@link #main}, run by Maven after
 * compiling) and ships it as {@value #RESOURCE} next to this class. The shipped table is used only when
 * it was written by exactly these classes: its first line holds a SHA-256 of the compiled classes of the
 * feature and structure packages, checked at load; otherwise (no table, classes changed without the
 * build step, a class path that cannot be read) the table is computed with CDK as before. Either way the
 * features are the same bits (FeatureTemplateTableTest).
 */
public final class TemplateTable {

    static final String RESOURCE = "template-features.tsv";
    private static final String HEADER = "# sparsepocket residue-template features; code ";

    /** A heavy atom of a template: its element (to catch mislabelled input) and its features. */
    record Atom(String element, float[] features) {
    }

    private TemplateTable() {
    }

    /** The table: the shipped one when it matches these classes, else computed from the templates. */
    static Map<String, Map<String, Atom>> load() {
        return shipped().orElseGet(TemplateTable::compute);
    }

    /** Computed from {@link ResidueTemplates} (CDK). */
    static Map<String, Map<String, Atom>> compute() {
        Map<String, Map<String, Atom>> table = new HashMap<>();
        ResidueTemplates.byResidueName().forEach((residue, template) -> {
            Map<String, Atom> atoms = new HashMap<>();
            for (var a : template.entry().atoms()) {
                float[] f = template.features().get(a.name());
                if (f != null) {
                    atoms.put(a.name(), new Atom(a.element(), f));
                }
            }
            table.put(residue, Map.copyOf(atoms));
        });
        return Map.copyOf(table);
    }

    /** The shipped table if there is one and these classes wrote it. */
    static Optional<Map<String, Map<String, Atom>>> shipped() {
        try (InputStream in = TemplateTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Optional<String> code = codeHash();
            return code.isEmpty() ? Optional.empty()
                    : read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), code.get());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();     // computing it is always possible
        }
    }

    /** A table as {@link #write} wrote it, if it was written with {@code code}. */
    static Optional<Map<String, Map<String, Atom>>> read(BufferedReader r, String code) throws IOException {
        String header = r.readLine();
        if (header == null || !header.equals(HEADER + code)) {
            return Optional.empty();
        }
        Map<String, Map<String, Atom>> table = new HashMap<>();
        Map<String, Map<String, Atom>> open = new HashMap<>();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            String[] cols = line.split("\t", -1);
            if (cols.length != 4) {
                throw new IOException("malformed line: " + line);
            }
            String[] values = cols[3].split(",", -1);
            if (values.length != AtomFeatures.COUNT) {
                throw new IOException("expected " + AtomFeatures.COUNT + " features: " + line);
            }
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(values[i], 16));
            }
            open.computeIfAbsent(cols[0], k -> new HashMap<>()).put(cols[1], new Atom(cols[2], f));
        }
        open.forEach((residue, atoms) -> table.put(residue, Map.copyOf(atoms)));
        return Optional.of(Map.copyOf(table));
    }

    /**
     * Writes {@code table} with the given code hash: one line per (residue, atom), sorted, features as
     * the hexadecimal bits of each float (exact).
     */
    static void write(Map<String, Map<String, Atom>> table, String code, Writer out) throws IOException {
        out.write(HEADER + code + "\n");
        for (var residue : new TreeMap<>(table).entrySet()) {
            for (var atom : new TreeMap<>(residue.getValue()).entrySet()) {
                StringBuilder line = new StringBuilder(residue.getKey()).append('\t').append(atom.getKey())
                        .append('\t').append(atom.getValue().element()).append('\t');
                float[] f = atom.getValue().features();
                for (int i = 0; i < f.length; i++) {
                    line.append(i == 0 ? "" : ",").append(Integer.toHexString(Float.floatToRawIntBits(f[i])));
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    /**
     * SHA-256 over the names and bytes of the compiled classes of this package and the structure
     * package (whose CCD reader the templates come from); empty when they cannot be read (e.g. under
     * OSGi), which means "compute the table".
     */
    static Optional<String> codeHash() {
        try {
            return Optional.of(CodeFingerprint.of(TemplateTable.class, StructureLoader.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Build step: computes the table and writes it to {@code args[0]} (Maven runs this after compiling,
     * into the classes folder, so the jar ships it).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: TemplateTable OUTPUT_FILE");
        }
        String code = codeHash().orElseThrow(() -> new IllegalStateException("cannot read the compiled classes"));
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            write(compute(), code, w);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
