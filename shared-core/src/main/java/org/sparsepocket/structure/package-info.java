/**
 * Structure I/O: reading PDB, mmCIF, BinaryCIF and PDBQT files (through BioJava only), the loading rules, chain modes and ligands.
 */
package org.sparsepocket.structure;
