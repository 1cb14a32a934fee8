package org.sparsepocket.structure;

import java.util.Set;

/**
 * Residue-name lists behind the loading rules (see docs/structure.md). Names not listed here are
 * classified by their atoms and links instead (see {@link StructureAssembler}), so the lists only need
 * the common cases.
 */
final class ResidueKinds {

    /** The 20 standard amino acids plus selenocysteine, pyrrolysine and UNK (unknown amino acid). */
    static final Set<String> STANDARD_AMINO_ACIDS = Set.of(
            "ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "GLY", "HIS", "ILE",
            "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL",
            "SEC", "PYL", "UNK");

    /**
     * Protonation-state and force-field variants of standard amino acids written by preparation tools
     * (AMBER, CHARMM, GROMACS naming). They are protein whatever their record type.
     */
    static final Set<String> AMINO_ACID_VARIANTS = Set.of(
            "HID", "HIE", "HIP", "HSD", "HSE", "HSP", "HISD", "HISE", "HISH",
            "CYX", "CYM", "CYT", "ASH", "GLH", "LYN", "ARN", "TYM");

    /**
     * Common chemically modified amino acids of the PDB (Chemical Component Dictionary type
     * "L-peptide linking" or similar). Kept as protein even when a chain break leaves them unlinked.
     */
    static final Set<String> MODIFIED_AMINO_ACIDS = Set.of(
            "MSE", "SEP", "TPO", "PTR", "CSO", "CSD", "CME", "CSS", "CSX", "OCS", "CAS", "CMT", "SCH", "SMC",
            "KCX", "LLP", "MLY", "M3L", "MLZ", "ALY", "HYP", "PCA", "CGU", "TYS", "NEP", "HIC", "FME", "SAC",
            "OAS", "AGM", "MEN", "NLE", "ABA", "AIB", "ORN", "CSE", "MHS", "SNC", "TYI", "IAS", "BMT", "DDE",
            "CXM", "TRQ", "TPQ", "LYZ", "HTR", "PHD", "MLE", "MVA", "SVA", "CCS", "OMT", "CY3", "YCM",
            "DAL", "DAR", "DSN", "DTH", "DVA", "DLE", "DPN", "DTY", "DTR", "DGL", "DGN", "DAS", "DLY",
            "DPR", "DCY", "DHI", "DIL", "MED", "DSG");

    /** Peptide caps written as their own residues; protein when peptide-linked to the chain. */
    static final Set<String> CAPS = Set.of("ACE", "NME", "NMA", "NH2", "FOR");

    /** Standard and common modified nucleotides (excluded from both protein and ligands). */
    static final Set<String> NUCLEOTIDES = Set.of(
            "A", "C", "G", "U", "T", "I", "N", "DA", "DC", "DG", "DT", "DU", "DI", "DN",
            "PSU", "5MC", "OMC", "OMG", "OMU", "1MA", "2MG", "M2G", "7MG", "H2U", "5MU", "4SU", "YG",
            "5BU", "5IU", "CBR", "5CM", "8OG", "BRU", "UR3", "A2M", "MA6", "6MZ", "RA", "RC", "RG", "RU");

    /** Water molecules, whatever the program that wrote the file called them. */
    static final Set<String> WATERS = Set.of("HOH", "WAT", "H2O", "DOD", "TIP", "TIP3", "SOL", "HOD", "T3P");

    private ResidueKinds() {
    }

    static boolean isKnownAminoAcid(String name) {
        return STANDARD_AMINO_ACIDS.contains(name) || AMINO_ACID_VARIANTS.contains(name)
                || MODIFIED_AMINO_ACIDS.contains(name);
    }
}
