package org.sparsepocket.surface;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sparsepocket.PredictionException;
import org.sparsepocket.structure.Atom;

/**
 * How often each residue atom type (residue name + atom name, e.g. "TRP.CZ2") lines a binding site: the
 * log-odds of an atom of that type lying within 4 Å of a ligand against all atoms, learned by
 * {@code surface-train} from the training complexes. Plays the part of P2Rank's atom table
 * (ligand-binding propensities of atom types), which comes from other data. Unknown and rare types get 0.
 * Written beside the classifier as {@value #FILE}. Immutable.
 */
public record AtomPropensity(Map<String, Float> logOdds) {

    public static final String FILE = "surface-propensity.tsv";

    /** Types seen fewer times than this in training get no value of their own. */
    public static final int MIN_COUNT = 30;

    public AtomPropensity {
        logOdds = java.util.Collections.unmodifiableMap(new TreeMap<>(logOdds));
    }

    public static String key(Atom a) {
        return a.residue().name() + "." + a.name();
    }

    /** The value of each atom, in order. */
    public float[] of(List<Atom> atoms) {
        float[] out = new float[atoms.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = logOdds.getOrDefault(key(atoms.get(i)), 0f);
        }
        return out;
    }

    /**
     * From counts: per type, atoms seen and atoms within the site; smoothed towards the overall rate.
     */
    public static AtomPropensity fromCounts(Map<String, int[]> counts) {
        long all = 0, site = 0;
        for (int[] c : counts.values()) {
            all += c[0];
            site += c[1];
        }
        double base = (site + 1.0) / (all + 2.0);
        Map<String, Float> out = new TreeMap<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int n = e.getValue()[0], s = e.getValue()[1];
            if (n >= MIN_COUNT) {
                double rate = (s + 10 * base) / (n + 10);   // 10 pseudo-counts at the overall rate
                out.put(e.getKey(), (float) Math.log(rate / base));
            }
        }
        return new AtomPropensity(out);
    }

    public void write(Path dir) {
        List<String> lines = new ArrayList<>();
        lines.add("# type\tlog-odds of lying within 4 Å of a ligand (surface-train)");
        logOdds.forEach((k, v) -> lines.add(k + "\t" + v));
        try {
            Files.write(dir.resolve(FILE), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PredictionException(dir.resolve(FILE) + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    public static AtomPropensity read(Path dir) {
        Path f = dir.resolve(FILE);
        try {
            return parse(Files.readAllLines(f, StandardCharsets.UTF_8), f.toString());
        } catch (IOException e) {
            throw new PredictionException(f + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Parses the lines of a table written by {@link #write}; {@code origin} names it in errors. */
    public static AtomPropensity parse(List<String> lines, String origin) {
        Map<String, Float> m = new TreeMap<>();
        int no = 0;
        try {
            for (String line : lines) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] t = line.split("\t");
                if (t.length != 2) {
                    throw new PredictionException(origin + ": line " + no + ": expected type and value separated by a tab");
                }
                m.put(t[0], Float.parseFloat(t[1]));
            }
        } catch (NumberFormatException e) {
            throw new PredictionException(origin + ": line " + no + ": not a number (" + e.getMessage() + ")", e);
        }
        return new AtomPropensity(m);
    }
}
