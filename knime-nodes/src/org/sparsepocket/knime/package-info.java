/**
 * The KNIME nodes of SparsePocket: a thin adapter that maps the KNIME-free node logic of
 * {@code org.sparsepocket.table} to KNIME's tables, settings and flow variables.
 */
package org.sparsepocket.knime;
