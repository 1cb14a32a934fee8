package org.sparsepocket.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.Prediction;
import org.sparsepocket.output.PredictionReport;
import org.sparsepocket.output.PredictionReport.ResidueStats;
import org.sparsepocket.output.ProbabilityPdb;
import org.sparsepocket.pockets.Pocket;
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
            for (Pocket p : cp.pockets()) {
                rows.add(new TableRow(PocketTables.POCKETS, Arrays.asList(
                        inputRow, structure, cp.complex().name(),
                        p.rank(), p.score(), p.meanProbability(), p.maxProbability(),
                        p.center().x(), p.center().y(), p.center().z(),
                        p.box().center().x(), p.box().center().y(), p.box().center().z(),
                        p.box().sizeX(), p.box().sizeY(), p.box().sizeZ(),
                        p.radius(),
                        p.residues().stream().map(ResidueId::label).collect(Collectors.joining(" ")),
                        p.atoms().size(),
                        ProbabilityPdb.pocket(cp, p),
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

    /** {@code row} of {@link PocketTables#POCKETS} with the Report column added: {@code report}, or missing. */
    public static TableRow withReport(TableRow row, String report) {
        var values = new ArrayList<Object>(row.values());
        values.add(report);
        return new TableRow(PocketTables.POCKETS_WITH_REPORT, values);
    }

    /** One row per residue of every complex, in chain and number order, as the residue CSV output. */
    public static List<TableRow> residues(String inputRow, Prediction prediction) {
        var rows = new ArrayList<TableRow>();
        String structure = prediction.structure().name();
        for (ComplexPrediction cp : prediction.complexes()) {
            for (ResidueStats r : PredictionReport.residueStats(cp)) {
                ResidueId id = r.residue();
                rows.add(new TableRow(PocketTables.RESIDUE_PROBABILITIES, Arrays.asList(
                        inputRow, structure, cp.complex().name(),
                        id.chainId(), id.number(),
                        id.insertionCode() == ' ' ? null : String.valueOf(id.insertionCode()),
                        id.name(), id.label(),
                        r.maxProbability(), r.meanProbability(), r.atoms(),
                        r.inPocket() ? r.pocketRank() : null)));
            }
        }
        return rows;
    }
}
