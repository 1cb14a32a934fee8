package org.sparsepocket.knime;

import java.util.stream.Collectors;

import org.knime.core.webui.node.impl.WebUINodeConfiguration;
import org.knime.core.webui.node.impl.WebUINodeFactory;
import org.sparsepocket.table.PocketTables;
import org.sparsepocket.table.TopPocketVariables;

/** Registers the Pocket Predictor node: its description, ports and settings. */
@SuppressWarnings("restriction")
public final class PocketPredictorNodeFactory extends WebUINodeFactory<PocketPredictorNodeModel> {

    static final WebUINodeConfiguration CONFIGURATION = WebUINodeConfiguration.builder()
            .name("Pocket Predictor")
            .icon("pocket-predictor.png")
            .shortDescription("Predicts ligand-binding pockets of protein structures.")
            .fullDescription("""
                    <p>Predicts where small molecules bind on each protein structure of the input table.
                    A sparse 3-D U-Net/ResNet (the published PUResNetV2.0 method) gives every protein heavy
                    atom a binding probability; atoms above the threshold are clustered (DBSCAN) into
                    pockets, which are ranked by score.</p>
                    <p>Each pocket comes with its centre, a docking box (centre + edge lengths, as AutoDock
                    Vina takes it) and a radius (as PLANTS takes it), its residues and its atoms as PDB text.
                    The top pocket of the first structure that has one is also exported as flow variables
                    %s (Å) and <tt>%s</tt>, to configure a docking node directly: Vina takes the box
                    centre and sizes, PLANTS the pocket centre and radius.</p>
                    <p>Structures are read from a string column: PDB or mmCIF text, a file path, a URL
                    (file:, http:, https:, knime:) or a PDB ID. Hydrogens, waters and ligands are ignored;
                    the first model and the best alternate location are used.</p>
                    <p>A structure that cannot be processed gives one row in the first output with the
                    reason in the <i>Error</i> column and a node warning, unless <i>Fail on error</i> is
                    set. Progress and cancellation are checked after every structure.</p>
                    <p>With a <i>Report folder</i>, each structure's HTML report (the page
                    <tt>sparsepocket predict</tt> writes: 3-D view, pocket table, per-residue plot; it opens
                    offline) is written there as <tt>&lt;name&gt;.html</tt>, and the pockets table gets a
                    <i>Report</i> column with its path.</p>
                    """.formatted(TopPocketVariables.NUMBER_NAMES.stream().map(n -> "<tt>" + n + "</tt>")
                            .collect(Collectors.joining(", ")), TopPocketVariables.STRUCTURE))
            .modelSettingsClass(PocketPredictorNodeParameters.class)
            .addInputTable("Structures", "A table with a column of protein structures (text, path, URL or PDB ID).")
            .addOutputTable("Pockets", "One row per predicted pocket. " + ColumnDocs.of(PocketTables.POCKETS_WITH_REPORT)
                    + " (Report only when a report folder is set.)")
            .addOutputTable("Residue probabilities", "One row per residue with its binding probability. "
                    + ColumnDocs.of(PocketTables.RESIDUE_PROBABILITIES))
            .keywords("binding site", "pocket", "ligand", "docking", "PUResNet", "cavity")
            .build();

    public PocketPredictorNodeFactory() {
        super(CONFIGURATION);
    }

    @Override
    public PocketPredictorNodeModel createNodeModel() {
        return new PocketPredictorNodeModel(CONFIGURATION);
    }
}
