package org.sparsepocket.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;

/** What became of one input: its pocket and residue rows, or the one-line error of the CLI. */
record Outcome(String input, List<Row> pockets, List<Row> residues, String error) implements Serializable {

    static Outcome failed(String input, String error) {
        return new Outcome(input, List.of(), List.of(), error);
    }

    boolean ok() {
        return error == null;
    }

    Row errorRow() {
        return Tables.row(input, List.of(error));
    }
}
