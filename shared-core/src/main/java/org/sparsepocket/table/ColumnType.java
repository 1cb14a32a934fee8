package org.sparsepocket.table;

/** The cell types the tables use; the KNIME adapter maps each to one KNIME data type. */
public enum ColumnType {
    STRING(String.class),
    INT(Integer.class),
    DOUBLE(Double.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The Java type a (non-missing) value of this column has. */
    public Class<?> javaType() {
        return javaType;
    }
}
