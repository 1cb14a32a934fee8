/**
 * Output files: pockets CSV/JSON, residues, PDB with probabilities, viewer scripts, docking boxes.
 */
package org.sparsepocket.output;
