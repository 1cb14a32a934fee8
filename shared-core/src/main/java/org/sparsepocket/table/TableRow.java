package org.sparsepocket.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of a {@link TableSchema}: one value per column, {@code null} where the cell is missing.
 * The constructor checks every value against its column's type, so an adapter can map cells blindly.
 */
public record TableRow(TableSchema schema, List<Object> values) {

    public TableRow {
        if (values.size() != schema.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + schema.size() + " columns");
        }
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            Column c = schema.column(i);
            if (v != null && !c.type().javaType().isInstance(v)) {
                throw new IllegalArgumentException("column " + c.name() + " takes " + c.type() + ", got "
                        + v.getClass().getSimpleName());
            }
            if (v instanceof Double d && !Double.isFinite(d)) {
                throw new IllegalArgumentException("column " + c.name() + " got a non-finite number");
            }
        }
        values = Collections.unmodifiableList(new ArrayList<>(values)); // List.copyOf rejects nulls
    }

    public Object get(int index) {
        return values.get(index);
    }

    /** The value of the named column ({@code null} when missing). */
    public Object get(String column) {
        int i = schema.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        return values.get(i);
    }

    public boolean isMissing(String column) {
        return get(column) == null;
    }
}
