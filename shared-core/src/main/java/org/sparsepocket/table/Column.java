package org.sparsepocket.table;

import java.util.Objects;

/**
 * One column of a table schema. Immutable.
 *
 * @param name        column name as the user sees it
 * @param type        cell type
 * @param description one sentence for the node description
 */
public record Column(String name, ColumnType type, String description) {

    public Column {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
    }
}
