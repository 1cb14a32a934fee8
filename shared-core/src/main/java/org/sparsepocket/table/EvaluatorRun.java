package org.sparsepocket.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionException;
import org.sparsepocket.eval.DccCriterion;
import org.sparsepocket.eval.EvaluationSummary;
import org.sparsepocket.eval.Evaluator;
import org.sparsepocket.eval.GroundTruth;
import org.sparsepocket.eval.LigandHits;
import org.sparsepocket.eval.ProteinEvaluation;
import org.sparsepocket.eval.RankedPocket;
import org.sparsepocket.eval.RankedPockets;
import org.sparsepocket.eval.ResidueConfusion;
import org.sparsepocket.runtime.LibraryContext;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.LigandFilter;
import org.sparsepocket.structure.Structure;

/**
 * The Pocket Evaluator node's execution, minus KNIME: predicts each structure, takes its known ligands
 * (from the ligand cell, or the structure's own relevant het groups), scores the pockets with the eval
 * package's {@link Evaluator} (DCA, DCC, residue overlap, atom average precision) and summarises all
 * rows with {@link EvaluationSummary}. Rows are written in input order; bad rows as in
 * {@link PredictorRun}.
 */
public final class EvaluatorRun {

    /** One input row: key, structure cell, ligand cell ({@code null} when missing or not used). */
    public record Input(String rowKey, String structureCell, String ligandCell) {
        public Input {
            Objects.requireNonNull(rowKey, "rowKey");
        }
    }

    /** Where rows go, in input order, on the caller's thread. */
    public interface Output {
        void structureRow(TableRow row) throws Exception;

        /** After each input row: report progress, throw to cancel. */
        void rowDone(long rowsDone) throws Exception;
    }

    /**
     * @param summary one row per criterion (empty when no row could be evaluated)
     * @param warning a one-line warning when some rows failed
     */
    public record Result(long rows, long failed, List<TableRow> summary, Optional<String> warning) {
        public Result {
            summary = List.copyOf(summary);
        }
    }

    private record Outcome(String rowKey, ProteinEvaluation evaluation, TableRow row, String error) {
    }

    private EvaluatorRun() {
    }

    public static Result run(Iterator<Input> inputs, EvaluatorNodeSettings settings, CellPredictor predictor,
                             Output out) throws Exception {
        Evaluator evaluator = settings.evaluator();
        List<ProteinEvaluation> evaluations = new ArrayList<>();
        long[] rows = {0};
        long[] failed = {0};
        String[] firstError = {null};
        OrderedParallel.run(inputs, settings.threads(), in -> evaluateOne(in, settings, evaluator, predictor), o -> {
            rows[0]++;
            if (o.error() != null) {
                if (settings.failOnError()) {
                    throw new PredictionException(o.error());
                }
                failed[0]++;
                if (firstError[0] == null) {
                    firstError[0] = o.error();
                }
                out.structureRow(failureRow(o.rowKey(), o.error()));
            } else {
                evaluations.add(o.evaluation());
                out.structureRow(o.row());
            }
            out.rowDone(rows[0]);
        });
        List<TableRow> summary = evaluations.isEmpty() ? List.of() : summaryRows(
                EvaluationSummary.of("sparsepocket", evaluator.criteria(), evaluations, Double.NaN));
        Optional<String> warning = failed[0] == 0 ? Optional.empty()
                : Optional.of(failed[0] + " of " + rows[0] + " row" + (rows[0] == 1 ? "" : "s")
                        + " could not be evaluated (see the Error column); first: " + firstError[0]);
        return new Result(rows[0], failed[0], summary, warning);
    }

    private static Outcome evaluateOne(Input in, EvaluatorNodeSettings settings, Evaluator evaluator,
                                       CellPredictor predictor) {
        String key = in.rowKey();
        if (in.structureCell() == null) {
            return new Outcome(key, null, null, key + ": the structure cell is missing");
        }
        if (!settings.ownLigands() && in.ligandCell() == null) {
            return new Outcome(key, null, null, key + ": the ligand cell is missing");
        }
        try {
            Structure structure = predictor.structure(key, in.structureCell());
            Prediction prediction = predictor.predict(structure);
            ComplexPrediction cp = prediction.complexes().get(0);
            List<Ligand> ligands = settings.ownLigands()
                    ? LigandFilter.defaults().relevant(cp.complex())
                    : List.of(LibraryContext.call(() -> LigandCell.load(key, in.ligandCell(), predictor.fetchSettings())));
            if (ligands.isEmpty()) {
                return new Outcome(key, null, null, key + ": " + structure.name() + ": no relevant ligand in the "
                        + "structure (at least 5 heavy atoms, not water or an additive, within 4 Å of the protein)");
            }
            GroundTruth truth = GroundTruth.of(structure.name(), cp.complex().atoms(), ligands);
            RankedPockets pockets = RankedPockets.fromPockets(structure.name(), cp.pockets());
            ProteinEvaluation e = evaluator.evaluate(truth, pockets, cp.probabilities());
            return new Outcome(key, e, row(key, structure.name(), ligands, pockets, e), null);
        } catch (Exception | LinkageError e) {
            return new Outcome(key, null, null, key + ": " + PredictorRun.oneLine(e));
        }
    }

    private static TableRow row(String key, String structure, List<Ligand> ligands, RankedPockets pockets,
                                ProteinEvaluation e) {
        LigandHits dca = e.hits("DCA");
        LigandHits dcc = e.hits("DCC");
        RankedPocket top = pockets.pockets().isEmpty() ? null : pockets.pockets().get(0);
        ResidueConfusion residues = e.residuesTopN();
        return new TableRow(EvaluatorTables.PER_STRUCTURE, Arrays.asList(
                key, structure,
                ligands.stream().map(l -> l.residue().label()).collect(Collectors.joining(" ")),
                ligands.size(), e.pockets(),
                dca.foundTopN(), dca.foundTopNPlus2(), bestRank(dca),
                dcc.foundTopN(), dcc.foundTopNPlus2(), bestRank(dcc),
                top == null ? null : topDca(top.center(), ligands),
                top == null ? null : topDcc(top.center(), ligands),
                finite(residues.precision()), finite(residues.recall()), finite(residues.f1()),
                finite(residues.mcc()), finite(e.averagePrecision()),
                null));
    }

    private static TableRow failureRow(String key, String error) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < EvaluatorTables.PER_STRUCTURE.size(); i++) {
            values.add(null);
        }
        values.set(EvaluatorTables.PER_STRUCTURE.indexOf(EvaluatorTables.INPUT_ROW), key);
        values.set(EvaluatorTables.PER_STRUCTURE.indexOf(EvaluatorTables.ERROR), error);
        return new TableRow(EvaluatorTables.PER_STRUCTURE, values);
    }

    private static List<TableRow> summaryRows(EvaluationSummary s) {
        List<TableRow> rows = new ArrayList<>();
        for (EvaluationSummary.SuccessRate r : s.success()) {
            rows.add(new TableRow(EvaluatorTables.SUMMARY, Arrays.asList(
                    r.criterion(), r.cutoff(), s.proteins(), s.ligands(),
                    finite(r.topN()), finite(r.topNPlus2()), finite(r.anyRank()), finite(s.meanPockets()),
                    finite(s.residuesTopN().f1()), finite(s.residuesTopN().mcc()),
                    finite(s.meanAveragePrecision()))));
        }
        return rows;
    }

    /** The best (smallest) rank at which any ligand is found, or null. */
    private static Integer bestRank(LigandHits hits) {
        return Arrays.stream(hits.bestRank()).filter(r -> r > 0).min().stream().boxed().findFirst().orElse(null);
    }

    private static double topDca(Point3 center, List<Ligand> ligands) {
        double best = Double.POSITIVE_INFINITY;
        for (Ligand l : ligands) {
            for (Atom a : l.atoms()) {
                best = Math.min(best, center.distance(new Point3(a.x(), a.y(), a.z())));
            }
        }
        return best;
    }

    private static double topDcc(Point3 center, List<Ligand> ligands) {
        return ligands.stream().mapToDouble(l -> DccCriterion.center(l).distance(center)).min().orElseThrow();
    }

    /** Metrics that are undefined (0/0) become missing cells. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
