/**
 * Structure I/O and the structural model: reading PDB, PDBQT, mmCIF and BinaryCIF (plain, gzip or
 * zstd; recognised by content) through BioJava — the only package that uses BioJava, and no BioJava type
 * leaves it — the loading rules, fetching by PDB ID or UniProt accession through a cache, chain modes,
 * ligands and their relevance, and the shared neighbour search ({@link org.sparsepocket.structure.CellList}).
 *
 * <p>Entry points: {@link org.sparsepocket.structure.StructureLoader}, {@link org.sparsepocket.structure.StructureSource},
 * {@link org.sparsepocket.structure.LigandFile}, {@link org.sparsepocket.structure.Complexes},
 * {@link org.sparsepocket.structure.LigandFilter}. Failures are
 * {@link org.sparsepocket.structure.StructureException}s with one-line messages. See docs/structure.md.
 */
package org.sparsepocket.structure;
