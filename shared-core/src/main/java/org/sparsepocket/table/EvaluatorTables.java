package org.sparsepocket.table;

import static org.sparsepocket.table.ColumnType.DOUBLE;
import static org.sparsepocket.table.ColumnType.INT;
import static org.sparsepocket.table.ColumnType.STRING;

/** The Pocket Evaluator's outputs: one row per structure, and a summary row per criterion. */
public final class EvaluatorTables {

    public static final String INPUT_ROW = PocketTables.INPUT_ROW;
    public static final String STRUCTURE = PocketTables.STRUCTURE;
    public static final String LIGANDS = "Ligands";
    public static final String LIGAND_COUNT = "Ligand count";
    public static final String POCKETS = "Pockets";
    public static final String DCA_TOP_N = "DCA found top-n";
    public static final String DCA_TOP_N2 = "DCA found top-(n+2)";
    public static final String DCA_BEST_RANK = "DCA best rank";
    public static final String DCC_TOP_N = "DCC found top-n";
    public static final String DCC_TOP_N2 = "DCC found top-(n+2)";
    public static final String DCC_BEST_RANK = "DCC best rank";
    public static final String TOP_DCA = "Top pocket DCA";
    public static final String TOP_DCC = "Top pocket DCC";
    public static final String RESIDUE_PRECISION = "Residue precision (top-n)";
    public static final String RESIDUE_RECALL = "Residue recall (top-n)";
    public static final String RESIDUE_F1 = "Residue F1 (top-n)";
    public static final String RESIDUE_MCC = "Residue MCC (top-n)";
    public static final String AVERAGE_PRECISION = "Atom average precision";
    public static final String ERROR = PocketTables.ERROR;

    public static final String CRITERION = "Criterion";
    public static final String CUTOFF = "Cutoff";
    public static final String STRUCTURES = "Structures";
    public static final String SUCCESS_TOP_N = "Success rate top-n";
    public static final String SUCCESS_TOP_N2 = "Success rate top-(n+2)";
    public static final String SUCCESS_ANY = "Success rate any rank";
    public static final String MEAN_POCKETS = "Mean pockets";

    /** Output 1: one row per input row. n is the number of known ligands of the structure. */
    public static final TableSchema PER_STRUCTURE = TableSchema.of(
            new Column(INPUT_ROW, STRING, "Key of the input row."),
            new Column(STRUCTURE, STRING, "Structure name."),
            new Column(LIGANDS, STRING, "The known ligands, space separated (chain:CODEnumber, or LIG for "
                    + "ligands from SDF/MOL2)."),
            new Column(LIGAND_COUNT, INT, "n, the number of known ligands."),
            new Column(POCKETS, INT, "Number of predicted pockets."),
            new Column(DCA_TOP_N, INT, "Ligands with a pocket among the first n whose centre lies within the "
                    + "cutoff of a ligand heavy atom (DCA)."),
            new Column(DCA_TOP_N2, INT, "As before, among the first n+2 pockets."),
            new Column(DCA_BEST_RANK, INT, "Rank of the best pocket that finds a ligand by DCA; missing when none "
                    + "does."),
            new Column(DCC_TOP_N, INT, "Ligands with a pocket among the first n whose centre lies within the "
                    + "cutoff of the ligand centre (DCC)."),
            new Column(DCC_TOP_N2, INT, "As before, among the first n+2 pockets."),
            new Column(DCC_BEST_RANK, INT, "Rank of the best pocket that finds a ligand by DCC; missing when none "
                    + "does."),
            new Column(TOP_DCA, DOUBLE, "Distance from the top pocket's centre to the closest ligand heavy atom, Å."),
            new Column(TOP_DCC, DOUBLE, "Distance from the top pocket's centre to the closest ligand centre, Å."),
            new Column(RESIDUE_PRECISION, DOUBLE, "Binding residues (within 4 Å of a ligand) among the residues "
                    + "of the first n pockets: precision."),
            new Column(RESIDUE_RECALL, DOUBLE, "As before: recall."),
            new Column(RESIDUE_F1, DOUBLE, "As before: F1."),
            new Column(RESIDUE_MCC, DOUBLE, "As before: Matthews correlation coefficient."),
            new Column(AVERAGE_PRECISION, DOUBLE, "Average precision of the atom probabilities against "
                    + "binding-site atoms (within 5 Å of a ligand)."),
            new Column(ERROR, STRING, "Why the row could not be evaluated; missing when it was."));

    /** Output 2: one row per criterion, over all evaluated structures (rates are over ligands). */
    public static final TableSchema SUMMARY = TableSchema.of(
            new Column(CRITERION, STRING, "DCA or DCC."),
            new Column(CUTOFF, DOUBLE, "Distance cutoff, Å."),
            new Column(STRUCTURES, INT, "Structures evaluated."),
            new Column(LIGAND_COUNT, INT, "Known ligands over all structures."),
            new Column(SUCCESS_TOP_N, DOUBLE, "Fraction of ligands found among the first n pockets of their "
                    + "structure."),
            new Column(SUCCESS_TOP_N2, DOUBLE, "Fraction of ligands found among the first n+2 pockets."),
            new Column(SUCCESS_ANY, DOUBLE, "Fraction of ligands found by any pocket."),
            new Column(MEAN_POCKETS, DOUBLE, "Mean number of pockets per structure."),
            new Column(RESIDUE_F1, DOUBLE, "Mean residue F1 (top-n) over structures."),
            new Column(RESIDUE_MCC, DOUBLE, "Mean residue MCC (top-n) over structures."),
            new Column(AVERAGE_PRECISION, DOUBLE, "Mean atom average precision over structures."));

    private EvaluatorTables() {
    }
}
