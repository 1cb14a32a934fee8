package org.sparsepocket.knime;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.sparsepocket.table.Column;
import org.sparsepocket.table.ColumnType;
import org.sparsepocket.table.TableRow;
import org.sparsepocket.table.TableSchema;

/** Maps shared-core's table schemas and rows to KNIME specs and rows; nothing else. */
final class KnimeTables {

    private KnimeTables() {
    }

    static DataTableSpec spec(TableSchema schema) {
        DataColumnSpec[] columns = new DataColumnSpec[schema.size()];
        for (int i = 0; i < columns.length; i++) {
            Column c = schema.column(i);
            columns[i] = new DataColumnSpecCreator(c.name(), type(c.type())).createSpec();
        }
        return new DataTableSpec(columns);
    }

    static DataRow row(long index, TableRow row) {
        DataCell[] cells = new DataCell[row.values().size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cell(row.get(i));
        }
        return new DefaultRow(RowKey.createRowKey(index), cells);
    }

    private static DataType type(ColumnType t) {
        return switch (t) {
            case STRING -> StringCell.TYPE;
            case INT -> IntCell.TYPE;
            case DOUBLE -> DoubleCell.TYPE;
        };
    }

    private static DataCell cell(Object v) {
        if (v == null) {
            return DataType.getMissingCell();
        }
        if (v instanceof String s) {
            return new StringCell(s);
        }
        if (v instanceof Integer n) {
            return new IntCell(n);
        }
        if (v instanceof Double d) {
            return new DoubleCell(d);
        }
        throw new IllegalArgumentException("no KNIME cell for " + v.getClass().getName());
    }
}
