package org.sparsepocket.knime;

import java.util.stream.Collectors;

import org.sparsepocket.table.TableSchema;

/** Port descriptions listing a schema's columns, written from the schema so they never drift. */
final class ColumnDocs {

    private ColumnDocs() {
    }

    static String of(TableSchema schema) {
        return schema.columns().stream()
                .map(c -> "<b>" + c.name() + "</b>: " + c.description())
                .collect(Collectors.joining(" ", "Columns: ", ""));
    }
}
