/**
 * Evaluation: DCA/DCC success rates, residue metrics, PR-AUC; readers for other tools' pocket files.
 */
package org.sparsepocket.eval;
