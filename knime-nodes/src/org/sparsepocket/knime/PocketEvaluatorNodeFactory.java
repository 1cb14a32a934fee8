package org.sparsepocket.knime;

import org.knime.core.webui.node.impl.WebUINodeConfiguration;
import org.knime.core.webui.node.impl.WebUINodeFactory;
import org.sparsepocket.table.EvaluatorTables;

/** Registers the Pocket Evaluator node. */
@SuppressWarnings("restriction")
public final class PocketEvaluatorNodeFactory extends WebUINodeFactory<PocketEvaluatorNodeModel> {

    static final WebUINodeConfiguration CONFIGURATION = WebUINodeConfiguration.builder()
            .name("Pocket Evaluator")
            .icon("pocket-evaluator.png")
            .shortDescription("Scores predicted pockets against known ligands (DCA, DCC).")
            .fullDescription("""
                    <p>Predicts the pockets of each structure, exactly as the Pocket Predictor does on the
                    whole structure, and checks them against the structure's known ligands: a pocket finds a
                    ligand when its centre lies within the cutoff of a ligand heavy atom (DCA) or of the
                    ligand's centre (DCC). With n known ligands, top-n counts the ligands found among the
                    first n pockets and top-(n+2) among the first n+2, as in the PUResNet, P2Rank and
                    fpocket papers. Residue overlap (binding residues within 4 Å of a ligand vs. the residues
                    of the first n pockets) and the atom probabilities' average precision are reported
                    too.</p>
                    <p>Ligands are the structures' own relevant het groups, or come from a ligand column
                    (SDF/MOL or MOL2 text as chemistry cells hold it, PDB text, a path or a URL).</p>
                    <p>The second output summarises all structures per criterion: success rates over
                    ligands, mean pocket count, mean residue F1/MCC and mean average precision.</p>
                    """)
            .modelSettingsClass(PocketEvaluatorNodeParameters.class)
            .addInputTable("Structures and ligands", "Structures (text, path, URL or PDB ID) and, optionally, "
                    + "each structure's known ligand.")
            .addOutputTable("Evaluation", "One row per input row. " + ColumnDocs.of(EvaluatorTables.PER_STRUCTURE))
            .addOutputTable("Summary", "One row per criterion. " + ColumnDocs.of(EvaluatorTables.SUMMARY))
            .keywords("binding site", "pocket", "DCA", "DCC", "benchmark", "evaluation")
            .build();

    public PocketEvaluatorNodeFactory() {
        super(CONFIGURATION);
    }

    @Override
    public PocketEvaluatorNodeModel createNodeModel() {
        return new PocketEvaluatorNodeModel(CONFIGURATION);
    }
}
