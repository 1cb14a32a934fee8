package org.sparsepocket.table;

import java.util.HashSet;
import java.util.List;

/** An ordered list of columns with unique names. Immutable. */
public record TableSchema(List<Column> columns) {

    public TableSchema {
        columns = List.copyOf(columns);
        var seen = new HashSet<String>();
        for (Column c : columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("duplicate column name: " + c.name());
            }
        }
    }

    public static TableSchema of(Column... columns) {
        return new TableSchema(List.of(columns));
    }

    public int size() {
        return columns.size();
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** Index of the column with this name, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }
}
