/**
 * Node logic for table-based front ends (the KNIME nodes), free of any KNIME type: the pocket and
 * residue table schemas, row production from a {@link org.sparsepocket.Prediction}, the node settings
 * with validation, the flow variables, how a structure cell is interpreted, ordered parallel row
 * processing and the evaluator's per-row metrics. The KNIME adapter only maps these to KNIME types.
 */
package org.sparsepocket.table;
