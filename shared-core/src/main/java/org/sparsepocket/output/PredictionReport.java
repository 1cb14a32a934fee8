package org.sparsepocket.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

/**
 * One structure's prediction as the output files see it: the prediction, the settings that made it,
 * and the file-name stem of its outputs. Also derives the per-residue statistics that several outputs
 * share.
 *
 * @param prediction the prediction
 * @param settings   the settings used (written into pockets.json)
 * @param stem       file-name stem of this structure's outputs (see {@link #fileStem(String)})
 */
public record PredictionReport(Prediction prediction, PredictionSettings settings, String stem) {

    /** Per-residue statistics of one complex. */
    public record ResidueStats(String complex, ResidueId residue, int atoms, double maxProbability,
                               double meanProbability, int pocketRank) {
        /** Whether the residue has an atom in some pocket. */
        public boolean inPocket() {
            return pocketRank > 0;
        }
    }

    public PredictionReport {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(settings, "settings");
        if (!stem.equals(fileStem(stem))) {
            throw new IllegalArgumentException("not a safe file-name stem: '" + stem + "'");
        }
    }

    /** A report named after the structure. */
    public static PredictionReport of(Prediction prediction, PredictionSettings settings) {
        return new PredictionReport(prediction, settings, fileStem(prediction.structure().name()));
    }

    public String structureName() {
        return prediction.structure().name();
    }

    public List<ComplexPrediction> complexes() {
        return prediction.complexes();
    }

    /** File name of the structure with per-atom probabilities as B-factors. */
    public String probabilitiesPdb() {
        return stem + "_probabilities.pdb";
    }

    /** File name of one pocket's atoms. */
    public String pocketPdb(ComplexPrediction c, Pocket p) {
        return complexStem(c) + "_pocket" + p.rank() + ".pdb";
    }

    /** File name of one pocket's AutoDock Vina box. */
    public String vinaConfig(ComplexPrediction c, Pocket p) {
        return complexStem(c) + "_pocket" + p.rank() + "_vina.txt";
    }

    /** File name of one pocket's PLANTS binding-site lines. */
    public String plantsConfig(ComplexPrediction c, Pocket p) {
        return complexStem(c) + "_pocket" + p.rank() + "_plants.txt";
    }

    /**
     * File-name stem of one complex's files: the report's stem plus the complex's chain suffix. The
     * structure's own name may differ in case from the stem (a PDB ID "2W83" read from a file but
     * written as "2w83"), and one folder keeps one case for all its names.
     */
    public String complexStem(ComplexPrediction c) {
        String complex = c.complex().name();
        String structure = structureName();
        return complex.startsWith(structure) ? stem + fileStem("x" + complex.substring(structure.length())).substring(1)
                : fileStem(complex);
    }

    /** Per-residue statistics, complex by complex, residues in chain/number order. */
    public List<ResidueStats> residueStats() {
        List<ResidueStats> out = new ArrayList<>();
        for (ComplexPrediction c : complexes()) {
            out.addAll(residueStats(c));
        }
        return out;
    }

    /** Per-residue statistics of one complex, residues in chain/number order. */
    public static List<ResidueStats> residueStats(ComplexPrediction c) {
        List<Atom> atoms = c.complex().atoms();
        float[] p = c.probabilities();
        int[] rankOfAtom = new int[atoms.size()];
        for (Pocket pocket : c.pockets()) {
            for (int i : pocket.atomIndices()) {
                if (rankOfAtom[i] == 0 || pocket.rank() < rankOfAtom[i]) {
                    rankOfAtom[i] = pocket.rank();
                }
            }
        }
        TreeMap<ResidueId, double[]> acc = new TreeMap<>(PocketExtractor.RESIDUE_ORDER);  // count, sum, max, rank
        for (int i = 0; i < atoms.size(); i++) {
            double[] a = acc.computeIfAbsent(atoms.get(i).residue(), r -> new double[] {0, 0, Double.NEGATIVE_INFINITY, 0});
            a[0]++;
            a[1] += p[i];
            a[2] = Math.max(a[2], p[i]);
            if (rankOfAtom[i] > 0 && (a[3] == 0 || rankOfAtom[i] < a[3])) {
                a[3] = rankOfAtom[i];
            }
        }
        List<ResidueStats> out = new ArrayList<>(acc.size());
        acc.forEach((r, a) -> out.add(new ResidueStats(c.complex().name(), r, (int) a[0], a[2], a[1] / a[0], (int) a[3])));
        return out;
    }

    /**
     * A name safe as a file-name stem on every platform: characters other than letters, digits, '.',
     * '_' and '-' become '_'; never empty, never starting with '.'.
     */
    public static String fileStem(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.isEmpty() || s.startsWith(".")) {
            s = "_" + s;
        }
        return s;
    }
}
