package org.sparsepocket.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which candidate ligands are relevant for training and evaluation: at least
 * {@code minHeavyAtoms} heavy atoms, a code not in {@code excludedCodes} (waters and common additives),
 * and in contact with the protein (a heavy atom within {@code contactDistance} Å of a protein heavy atom).
 * Immutable.
 *
 * @param minHeavyAtoms   fewest heavy atoms of a relevant ligand (ions and most additives have fewer)
 * @param contactDistance ligand-protein heavy-atom distance that counts as contact, Å
 * @param excludedCodes   ligand codes never relevant (upper case)
 */
public record LigandFilter(int minHeavyAtoms, double contactDistance, Set<String> excludedCodes) {

    /**
     * Waters and common additives of crystallisation and purification, never binding-site ligands:
     * solvents and cryoprotectants, buffers, salts and simple anions, detergents, reducing agents and
     * glycosylation sugars.
     */
    public static final Set<String> COMMON_ADDITIVES = Set.of(
            // water
            "HOH", "WAT", "H2O", "DOD", "TIP", "TIP3", "SOL", "HOD", "T3P",
            // solvents, cryoprotectants, precipitants (glycerol, ethylene glycol, PEG fragments, MPD, DMSO, alcohols)
            "GOL", "EDO", "PEG", "PGE", "PG4", "1PE", "P6G", "2PE", "PE4", "PE5", "P33", "12P", "15P", "PE8",
            "MPD", "MRD", "DMS", "DMF", "IPA", "EOH", "MOH", "BU3", "PDO", "IOH", "ACN", "DIO", "PGO", "PGR",
            // buffers
            "TRS", "EPE", "MES", "MPO", "BTB", "B3P", "CXS", "TAM", "HEZ",
            // carboxylic acids and simple anions
            "ACT", "ACY", "FMT", "CIT", "FLC", "TAR", "TLA", "MLI", "MLA", "SIN", "OXL",
            "SO4", "SUL", "PO4", "PI", "2HP", "PO3", "NO3", "SCN", "AZI", "CO3", "BCT", "NH4", "IOD", "CL", "BR",
            // detergents and lipid-like additives
            "BOG", "BNG", "LDA", "C8E", "SDS", "LMT", "LMU", "HTG", "CPS", "DXC", "OLC", "MYR", "PLM",
            // reducing agents
            "BME", "DTT", "DTU", "TCE",
            // glycosylation sugars
            "NAG", "NDG", "MAN", "BMA", "FUC", "GAL", "SIA", "XYP", "FUL",
            // unknown atoms or ions
            "UNX");

    public LigandFilter {
        if (minHeavyAtoms < 1) {
            throw new IllegalArgumentException("minHeavyAtoms must be at least 1");
        }
        if (!(contactDistance > 0)) {
            throw new IllegalArgumentException("contactDistance must be positive");
        }
        excludedCodes = Set.copyOf(excludedCodes);
    }

    /** ≥ 5 heavy atoms, not in {@link #COMMON_ADDITIVES}, within 4 Å of the protein. */
    public static LigandFilter defaults() {
        return new LigandFilter(5, 4.0, COMMON_ADDITIVES);
    }

    /** The decision for one candidate; {@code reason} says why it is not relevant (null when it is). */
    public record Verdict(Ligand ligand, boolean relevant, String reason) {
        public Verdict {
            Objects.requireNonNull(ligand, "ligand");
        }
    }

    /** Judges every candidate against the protein atoms, in the candidates' order. */
    public List<Verdict> judge(List<Ligand> candidates, List<Atom> protein) {
        CellList cells = CellList.of(protein, Math.max(contactDistance, 1.0));
        List<Verdict> out = new ArrayList<>(candidates.size());
        for (Ligand l : candidates) {
            out.add(judge(l, cells));
        }
        return out;
    }

    /** The relevant ligands among the candidates, in their order. */
    public List<Ligand> relevant(List<Ligand> candidates, List<Atom> protein) {
        List<Ligand> out = new ArrayList<>();
        for (Verdict v : judge(candidates, protein)) {
            if (v.relevant()) {
                out.add(v.ligand());
            }
        }
        return out;
    }

    /** The relevant ligands of a complex. */
    public List<Ligand> relevant(Complex complex) {
        return relevant(complex.ligands(), complex.atoms());
    }

    private Verdict judge(Ligand l, CellList protein) {
        String code = l.code().toUpperCase(Locale.ROOT);
        if (ResidueKinds.WATERS.contains(code)) {
            return new Verdict(l, false, "water");
        }
        if (excludedCodes.contains(code)) {
            return new Verdict(l, false, "common additive");
        }
        if (l.atoms().size() < minHeavyAtoms) {
            return new Verdict(l, false, "fewer than " + minHeavyAtoms + " heavy atoms");
        }
        for (Atom a : l.atoms()) {
            if (protein.anyWithin(a.x(), a.y(), a.z(), contactDistance)) {
                return new Verdict(l, true, null);
            }
        }
        return new Verdict(l, false, "no protein atom within " + contactDistance + " Å");
    }
}
