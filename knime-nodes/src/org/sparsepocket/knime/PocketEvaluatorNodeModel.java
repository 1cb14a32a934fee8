package org.sparsepocket.knime;

import java.util.Iterator;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.core.webui.node.impl.WebUINodeConfiguration;
import org.knime.core.webui.node.impl.WebUINodeModel;
import org.sparsepocket.PredictionException;
import org.sparsepocket.table.CellPredictor;
import org.sparsepocket.table.EvaluatorNodeSettings;
import org.sparsepocket.table.EvaluatorRun;
import org.sparsepocket.table.EvaluatorTables;
import org.sparsepocket.table.TableRow;

/**
 * Pocket Evaluator: structures and known ligands in, DCA/DCC and residue metrics per structure and a
 * summary per criterion out. The logic is shared-core's {@link EvaluatorRun}.
 */
@SuppressWarnings("restriction")
final class PocketEvaluatorNodeModel extends WebUINodeModel<PocketEvaluatorNodeParameters> {

    PocketEvaluatorNodeModel(WebUINodeConfiguration configuration) {
        super(configuration, PocketEvaluatorNodeParameters.class);
    }

    @Override
    protected DataTableSpec[] configure(DataTableSpec[] inSpecs, PocketEvaluatorNodeParameters settings)
            throws InvalidSettingsException {
        EvaluatorNodeSettings core = settings.toCore();
        column(inSpecs[0], settings.m_structureColumn, "structure");
        if (!core.ownLigands()) {
            column(inSpecs[0], settings.m_ligandColumn, "ligand");
        }
        return new DataTableSpec[] {KnimeTables.spec(EvaluatorTables.PER_STRUCTURE),
                KnimeTables.spec(EvaluatorTables.SUMMARY)};
    }

    @Override
    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec,
            PocketEvaluatorNodeParameters settings) throws Exception {
        BufferedDataTable in = inData[0];
        EvaluatorNodeSettings core = settings.toCore();
        int structure = column(in.getDataTableSpec(), settings.m_structureColumn, "structure");
        int ligand = core.ownLigands() ? -1 : column(in.getDataTableSpec(), settings.m_ligandColumn, "ligand");
        BufferedDataContainer perStructure = exec.createDataContainer(KnimeTables.spec(EvaluatorTables.PER_STRUCTURE));
        BufferedDataContainer summary = exec.createDataContainer(KnimeTables.spec(EvaluatorTables.SUMMARY));
        long total = Math.max(1, in.size());
        EvaluatorRun.Result result;
        exec.setMessage("Loading the network");
        try (CellPredictor predictor = CellPredictor.open(core.prediction());
                var rows = in.iterator()) {
            Iterator<EvaluatorRun.Input> inputs = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public EvaluatorRun.Input next() {
                    DataRow row = rows.next();
                    return new EvaluatorRun.Input(row.getKey().getString(), StructureCells.text(row.getCell(structure)),
                            ligand < 0 ? null : StructureCells.text(row.getCell(ligand)));
                }
            };
            result = EvaluatorRun.run(inputs, core, predictor, new EvaluatorRun.Output() {
                private long index;

                @Override
                public void structureRow(TableRow row) {
                    perStructure.addRowToTable(KnimeTables.row(index++, row));
                }

                @Override
                public void rowDone(long done) throws Exception {
                    exec.checkCanceled();
                    exec.setProgress(done / (double) total, () -> done + " of " + in.size() + " rows");
                }
            });
            long index = 0;
            for (TableRow row : result.summary()) {
                summary.addRowToTable(KnimeTables.row(index++, row));
            }
        } catch (PredictionException e) {
            throw new KNIMEException(e.getMessage(), e);
        } finally {
            perStructure.close();
            summary.close();
        }
        result.warning().ifPresent(this::setWarningMessage);
        return new BufferedDataTable[] {perStructure.getTable(), summary.getTable()};
    }

    private static int column(DataTableSpec spec, String name, String what) throws InvalidSettingsException {
        if (name == null || name.isEmpty()) {
            throw new InvalidSettingsException("Select the " + what + " column.");
        }
        int index = spec.findColumnIndex(name);
        if (index < 0) {
            throw new InvalidSettingsException("The " + what + " column \"" + name + "\" is not in the input table.");
        }
        if (!StructureCells.isCompatible(spec.getColumnSpec(index))) {
            throw new InvalidSettingsException("The " + what + " column \"" + name + "\" does not hold strings.");
        }
        return index;
    }
}
