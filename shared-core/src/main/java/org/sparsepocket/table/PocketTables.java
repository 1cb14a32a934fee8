package org.sparsepocket.table;

import static org.sparsepocket.table.ColumnType.DOUBLE;
import static org.sparsepocket.table.ColumnType.INT;
import static org.sparsepocket.table.ColumnType.STRING;

/**
 * The two output tables of the Pocket Predictor node: one row per pocket, and one row per residue with
 * its binding probability. Column names are public constants so that adapters and tests refer to them
 * by name, never by position.
 */
public final class PocketTables {

    public static final String INPUT_ROW = "Input row";
    public static final String STRUCTURE = "Structure";
    public static final String COMPLEX = "Complex";
    public static final String RANK = "Rank";
    public static final String SCORE = "Score";
    public static final String MEAN_PROBABILITY = "Mean probability";
    public static final String MAX_PROBABILITY = "Max probability";
    public static final String CENTER_X = "Center x";
    public static final String CENTER_Y = "Center y";
    public static final String CENTER_Z = "Center z";
    public static final String BOX_CENTER_X = "Box center x";
    public static final String BOX_CENTER_Y = "Box center y";
    public static final String BOX_CENTER_Z = "Box center z";
    public static final String BOX_SIZE_X = "Box size x";
    public static final String BOX_SIZE_Y = "Box size y";
    public static final String BOX_SIZE_Z = "Box size z";
    public static final String RADIUS = "Radius";
    public static final String RESIDUES = "Residues";
    public static final String ATOM_COUNT = "Atom count";
    public static final String POCKET_ATOMS = "Pocket atoms (PDB)";
    public static final String ERROR = "Error";
    public static final String REPORT = "Report";

    public static final String CHAIN = "Chain";
    public static final String RESIDUE_NUMBER = "Residue number";
    public static final String INSERTION_CODE = "Insertion code";
    public static final String RESIDUE_NAME = "Residue name";
    public static final String RESIDUE = "Residue";
    public static final String POCKET_RANK = "Pocket rank";

    /** Output 1: one row per pocket; a structure that failed gives one row with only the error filled. */
    public static final TableSchema POCKETS = TableSchema.of(
            new Column(INPUT_ROW, STRING, "Key of the input row the structure came from."),
            new Column(STRUCTURE, STRING, "Structure name (file name without extensions, PDB ID or header ID)."),
            new Column(COMPLEX, STRING, "The complex the pocket belongs to (the structure, or one chain in "
                    + "'each chain' mode)."),
            new Column(RANK, INT, "Pocket rank within its complex, 1 = most likely binding site."),
            new Column(SCORE, DOUBLE, "Ranking score (higher is better)."),
            new Column(MEAN_PROBABILITY, DOUBLE, "Mean binding probability of the pocket's atoms."),
            new Column(MAX_PROBABILITY, DOUBLE, "Highest binding probability among the pocket's atoms."),
            new Column(CENTER_X, DOUBLE, "Pocket centre, x (Å; the PLANTS bindingsite_center)."),
            new Column(CENTER_Y, DOUBLE, "Pocket centre, y (Å)."),
            new Column(CENTER_Z, DOUBLE, "Pocket centre, z (Å)."),
            new Column(BOX_CENTER_X, DOUBLE, "Docking box centre, x (Å; AutoDock Vina center_x). The box is centred "
                    + "on the pocket atoms' extent, so it can differ from the pocket centre by an ångström or so."),
            new Column(BOX_CENTER_Y, DOUBLE, "Docking box centre, y (Å; AutoDock Vina center_y)."),
            new Column(BOX_CENTER_Z, DOUBLE, "Docking box centre, z (Å; AutoDock Vina center_z)."),
            new Column(BOX_SIZE_X, DOUBLE, "Docking box edge along x, margin included (Å; AutoDock Vina size_x)."),
            new Column(BOX_SIZE_Y, DOUBLE, "Docking box edge along y, margin included (Å; AutoDock Vina size_y)."),
            new Column(BOX_SIZE_Z, DOUBLE, "Docking box edge along z, margin included (Å; AutoDock Vina size_z)."),
            new Column(RADIUS, DOUBLE, "Radius of a sphere around the centre covering the pocket plus margin "
                    + "(Å; PLANTS bindingsite_radius)."),
            new Column(RESIDUES, STRING, "Residues lining the pocket, space separated, as chain:NAMEnumber "
                    + "(e.g. A:SER195)."),
            new Column(ATOM_COUNT, INT, "Number of protein atoms in the pocket."),
            new Column(POCKET_ATOMS, STRING, "The pocket's atoms as PDB text (REMARKs with rank, score, "
                    + "centre and radius), binding probability in the B-factor column."),
            new Column(ERROR, STRING, "Why the structure could not be processed; missing when it was."));

    /**
     * Output 1 when the node writes HTML reports: {@link #POCKETS} and, last (so the other columns keep
     * their positions), the structure's report path.
     */
    public static final TableSchema POCKETS_WITH_REPORT = withColumn(POCKETS, new Column(REPORT, STRING,
            "Absolute path of the structure's HTML report (<name>.html in the report folder): a page with "
                    + "the 3-D view, the pocket table and a per-residue plot; missing when the structure failed."));

    /** Output 1's columns: with the Report column only when a report folder is set. */
    public static TableSchema pockets(PredictorNodeSettings settings) {
        return settings.reportFolderPath().isPresent() ? POCKETS_WITH_REPORT : POCKETS;
    }

    /** Output 2: one row per residue of every complex, with its binding probability. */
    public static final TableSchema RESIDUE_PROBABILITIES = TableSchema.of(
            new Column(INPUT_ROW, STRING, "Key of the input row the structure came from."),
            new Column(STRUCTURE, STRING, "Structure name."),
            new Column(COMPLEX, STRING, "The complex the residue was predicted in."),
            new Column(CHAIN, STRING, "Chain identifier."),
            new Column(RESIDUE_NUMBER, INT, "Residue sequence number."),
            new Column(INSERTION_CODE, STRING, "Insertion code; missing when there is none."),
            new Column(RESIDUE_NAME, STRING, "Residue name, e.g. SER."),
            new Column(RESIDUE, STRING, "Residue label, chain:NAMEnumber (e.g. A:SER195)."),
            new Column(MAX_PROBABILITY, DOUBLE, "Highest binding probability among the residue's atoms."),
            new Column(MEAN_PROBABILITY, DOUBLE, "Mean binding probability of the residue's atoms."),
            new Column(ATOM_COUNT, INT, "Number of heavy atoms of the residue."),
            new Column(POCKET_RANK, INT, "Rank of the pocket the residue lines (the best one if several); "
                    + "missing when it lines none."));

    private PocketTables() {
    }

    private static TableSchema withColumn(TableSchema schema, Column last) {
        var columns = new java.util.ArrayList<>(schema.columns());
        columns.add(last);
        return new TableSchema(columns);
    }
}
