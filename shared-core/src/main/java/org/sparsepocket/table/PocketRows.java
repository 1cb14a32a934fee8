package org.sparsepocket.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.Prediction;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

/** Produces the rows of {@link PocketTables#POCKETS} and {@link PocketTables#RESIDUE_PROBABILITIES}. */
public final class PocketRows {

    private PocketRows() {
    }

    /** One row per pocket of every complex, complexes in prediction order, pockets by rank. */
    public static List<TableRow> pockets(String inputRow, Prediction prediction) {
        var rows = new ArrayList<TableRow>();
        String structure = prediction.structure().name();
        for (ComplexPrediction cp : prediction.complexes()) {
            float[] probabilities = cp.probabilities();
            for (Pocket p : cp.pockets()) {
                rows.add(new TableRow(PocketTables.POCKETS, Arrays.asList(
                        inputRow, structure, cp.complex().name(),
                        p.rank(), p.score(), p.meanProbability(), p.maxProbability(),
                        p.center().x(), p.center().y(), p.center().z(),
                        p.box().sizeX(), p.box().sizeY(), p.box().sizeZ(),
                        p.radius(),
                        p.residues().stream().map(ResidueId::label).collect(Collectors.joining(" ")),
                        p.atoms().size(),
                        PdbAtomText.of(p.atoms(), probabilitiesOf(p, probabilities)),
                        null)));
            }
        }
        return rows;
    }

    /**
     * The row standing for a structure that could not be processed: input row, structure name when
     * known, the one-line error; every other cell missing.
     */
    public static TableRow failure(String inputRow, String structureName, String error) {
        var values = new ArrayList<Object>();
        for (int i = 0; i < PocketTables.POCKETS.size(); i++) {
            values.add(null);
        }
        values.set(PocketTables.POCKETS.indexOf(PocketTables.INPUT_ROW), inputRow);
        values.set(PocketTables.POCKETS.indexOf(PocketTables.STRUCTURE), structureName);
        values.set(PocketTables.POCKETS.indexOf(PocketTables.ERROR), error);
        return new TableRow(PocketTables.POCKETS, values);
    }

    /** One row per residue of every complex, in file order, with max and mean atom probability. */
    public static List<TableRow> residues(String inputRow, Prediction prediction) {
        var rows = new ArrayList<TableRow>();
        String structure = prediction.structure().name();
        for (ComplexPrediction cp : prediction.complexes()) {
            float[] probabilities = cp.probabilities();
            Map<ResidueId, Integer> pocketRank = new LinkedHashMap<>();
            for (Pocket p : cp.pockets()) {
                for (ResidueId r : p.residues()) {
                    pocketRank.merge(r, p.rank(), Math::min);
                }
            }
            Map<ResidueId, double[]> stats = new LinkedHashMap<>(); // max, sum, count
            List<Atom> atoms = cp.complex().atoms();
            for (int i = 0; i < atoms.size(); i++) {
                double[] s = stats.computeIfAbsent(atoms.get(i).residue(),
                        r -> new double[] {Double.NEGATIVE_INFINITY, 0, 0});
                s[0] = Math.max(s[0], probabilities[i]);
                s[1] += probabilities[i];
                s[2]++;
            }
            for (var e : stats.entrySet()) {
                ResidueId r = e.getKey();
                double[] s = e.getValue();
                rows.add(new TableRow(PocketTables.RESIDUE_PROBABILITIES, Arrays.asList(
                        inputRow, structure, cp.complex().name(),
                        r.chainId(), r.number(),
                        r.insertionCode() == ' ' ? null : String.valueOf(r.insertionCode()),
                        r.name(), r.label(),
                        s[0], s[1] / s[2], (int) s[2],
                        pocketRank.get(r))));
            }
        }
        return rows;
    }

    private static double[] probabilitiesOf(Pocket p, float[] probabilities) {
        int[] idx = p.atomIndices();
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = probabilities[idx[i]];
        }
        return out;
    }
}
