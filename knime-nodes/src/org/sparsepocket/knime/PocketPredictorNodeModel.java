package org.sparsepocket.knime;

import java.util.Iterator;
import java.util.Map;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.core.node.workflow.VariableType;
import org.knime.core.webui.node.impl.WebUINodeConfiguration;
import org.knime.core.webui.node.impl.WebUINodeModel;
import org.sparsepocket.PredictionException;
import org.sparsepocket.table.CellPredictor;
import org.sparsepocket.table.PocketTables;
import org.sparsepocket.table.PredictorNodeSettings;
import org.sparsepocket.table.PredictorRun;
import org.sparsepocket.table.ReportFolder;
import org.sparsepocket.table.TableRow;
import org.sparsepocket.table.TopPocketVariables;

/**
 * Pocket Predictor: structures in, one row per pocket and one row per residue out, the top pocket as
 * flow variables, and with a report folder each structure's HTML report (its path in a Report column). All decisions are shared-core's {@link PredictorRun}; this class reads rows, writes
 * KNIME rows, reports progress and honours cancellation after every structure.
 */
@SuppressWarnings("restriction")
final class PocketPredictorNodeModel extends WebUINodeModel<PocketPredictorNodeParameters> {

    PocketPredictorNodeModel(WebUINodeConfiguration configuration) {
        super(configuration, PocketPredictorNodeParameters.class);
    }

    @Override
    protected DataTableSpec[] configure(DataTableSpec[] inSpecs, PocketPredictorNodeParameters settings)
            throws InvalidSettingsException {
        structureColumn(inSpecs[0], settings);
        PredictorNodeSettings core = settings.toCore();
        // Announced now so that docking nodes downstream can be configured with them; the values
        // are set on execution.
        for (String name : TopPocketVariables.NUMBER_NAMES) {
            pushFlowVariable(name, VariableType.DoubleType.INSTANCE, 0.0);
        }
        pushFlowVariable(TopPocketVariables.STRUCTURE, VariableType.StringType.INSTANCE, "");
        return new DataTableSpec[] {KnimeTables.spec(PocketTables.pockets(core)),
                KnimeTables.spec(PocketTables.RESIDUE_PROBABILITIES)};
    }

    @Override
    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec,
            PocketPredictorNodeParameters settings) throws Exception {
        BufferedDataTable in = inData[0];
        int column = structureColumn(in.getDataTableSpec(), settings);
        PredictorNodeSettings core = settings.toCore();
        try {
            ReportFolder.check(core);   // a bad report folder fails before the network loads
        } catch (PredictionException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        BufferedDataContainer pockets = exec.createDataContainer(KnimeTables.spec(PocketTables.pockets(core)));
        BufferedDataContainer residues =
                exec.createDataContainer(KnimeTables.spec(PocketTables.RESIDUE_PROBABILITIES));
        long total = Math.max(1, in.size());
        PredictorRun.Result result;
        exec.setMessage("Loading the network");
        try (CellPredictor predictor = CellPredictor.open(core);
                var rows = in.iterator()) {
            Iterator<PredictorRun.Input> inputs = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public PredictorRun.Input next() {
                    DataRow row = rows.next();
                    return new PredictorRun.Input(row.getKey().getString(), StructureCells.text(row.getCell(column)));
                }
            };
            result = PredictorRun.run(inputs, core, predictor, ReportFolder.of(core, predictor.settings()),
                    new PredictorRun.Output() {
                private long pocketRows;
                private long residueRows;

                @Override
                public void pocketRow(TableRow row) {
                    pockets.addRowToTable(KnimeTables.row(pocketRows++, row));
                }

                @Override
                public void residueRow(TableRow row) {
                    residues.addRowToTable(KnimeTables.row(residueRows++, row));
                }

                @Override
                public void rowDone(long done) throws Exception {
                    exec.checkCanceled();
                    exec.setProgress(done / (double) total, () -> done + " of " + in.size() + " structures");
                }
            });
        } catch (PredictionException e) {
            // "Fail on error", or no network: the one-line reason is the node's error.
            throw new KNIMEException(e.getMessage(), e);
        } finally {
            pockets.close();
            residues.close();
        }
        result.warning().ifPresent(this::setWarningMessage);
        pushVariables(result);
        return new BufferedDataTable[] {pockets.getTable(), residues.getTable()};
    }

    /** Always the full set, NaN when no structure had a pocket, so a docking node fails visibly. */
    private void pushVariables(PredictorRun.Result result) {
        Map<String, Double> values = result.variables();
        for (String name : TopPocketVariables.NUMBER_NAMES) {
            pushFlowVariable(name, VariableType.DoubleType.INSTANCE, values.getOrDefault(name, Double.NaN));
        }
        pushFlowVariable(TopPocketVariables.STRUCTURE, VariableType.StringType.INSTANCE,
                result.topPocketStructure().orElse(""));
        if (values.isEmpty() && result.warning().isEmpty()) {
            setWarningMessage("No structure had a pocket; the pocket flow variables are NaN.");
        }
    }

    private static int structureColumn(DataTableSpec spec, PocketPredictorNodeParameters settings)
            throws InvalidSettingsException {
        String name = settings.m_structureColumn;
        if (name == null || name.isEmpty()) {
            throw new InvalidSettingsException("Select the structure column.");
        }
        int index = spec.findColumnIndex(name);
        if (index < 0) {
            throw new InvalidSettingsException("The structure column \"" + name + "\" is not in the input table.");
        }
        if (!StructureCells.isCompatible(spec.getColumnSpec(index))) {
            throw new InvalidSettingsException("The structure column \"" + name + "\" does not hold strings.");
        }
        return index;
    }
}
