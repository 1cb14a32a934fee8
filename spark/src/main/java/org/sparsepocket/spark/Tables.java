package org.sparsepocket.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparsepocket.output.PocketCsv;
import org.sparsepocket.output.ResidueCsv;

/**
 * The job's three Parquet tables. {@code pockets/} and {@code residues/} have the columns of the CLI's
 * pockets.csv and residues.csv (taken from {@link PocketCsv} and {@link ResidueCsv}, typed, unrounded)
 * after an {@code input} column naming the input as given; {@code errors/} has one row per failed input.
 */
final class Tables {

    static final String INPUT = "input";
    static final String ERROR = "error";

    static final StructType POCKETS = schema(PocketCsv.HEADER, PocketCsv.TYPES);
    static final StructType RESIDUES = schema(ResidueCsv.HEADER, ResidueCsv.TYPES);
    static final StructType ERRORS = new StructType()
            .add(INPUT, DataTypes.StringType, false)
            .add(ERROR, DataTypes.StringType, false);

    /** The tables' folder names under the output. */
    static final List<String> NAMES = List.of("pockets", "residues", "errors");

    private Tables() {
    }

    /** One row: the input, then the CSV row's values. */
    static Row row(String input, List<Object> values) {
        Object[] fields = new Object[values.size() + 1];
        fields[0] = input;
        for (int i = 0; i < values.size(); i++) {
            fields[i + 1] = values.get(i);
        }
        return RowFactory.create(fields);
    }

    private static StructType schema(List<String> header, List<Class<?>> types) {
        if (header.size() != types.size()) {
            throw new IllegalStateException("columns and types differ in number: " + header + " " + types);
        }
        StructType t = new StructType().add(INPUT, DataTypes.StringType, false);
        for (int i = 0; i < header.size(); i++) {
            t = t.add(header.get(i), type(types.get(i)), true);
        }
        return t;
    }

    private static DataType type(Class<?> c) {
        if (c == String.class) {
            return DataTypes.StringType;
        }
        if (c == Integer.class) {
            return DataTypes.IntegerType;
        }
        if (c == Double.class) {
            return DataTypes.DoubleType;
        }
        throw new IllegalStateException("no Spark type for a column of " + c.getName());
    }
}
