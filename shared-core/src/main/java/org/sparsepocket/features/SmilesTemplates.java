package org.sparsepocket.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.openscience.cdk.exception.InvalidSmilesException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;
import org.sparsepocket.structure.ChemCompEntry;

/**
 * Common modified amino acids whose Chemical Component Dictionary entry is not available offline (the
 * BioJava jar ships only a few). Each is written down as a SMILES string of the CCD chemistry, in the
 * CCD protonation state (free amine, free acid, neutral phosphates), with its heavy atoms in the order of
 * the CCD atom names listed beside it; hydrogens come from the SMILES. {@code formula} is the CCD
 * formula, checked by the tests. Where the CCD puts the acidic hydrogen of a phosphate, sulfinate or
 * carbamate on one of several equivalent oxygens, the choice below follows the CCD naming (the
 * double-bonded oxygen is the first one).
 */
final class SmilesTemplates {

    /**
     * @param code    CCD code
     * @param smiles  the CCD chemistry, heavy atoms in the order of {@code names}
     * @param names   CCD atom names of the heavy atoms
     * @param formula CCD formula (Hill order, no spaces), e.g. "C3H8NO6P"
     * @param charge  CCD net formal charge
     */
    record Spec(String code, String smiles, List<String> names, String formula, int charge) {
        Spec {
            Objects.requireNonNull(code, "code");
            names = List.copyOf(names);
        }
    }

    static final List<Spec> SPECS = List.of(
            // phosphoserine, phosphothreonine, phosphotyrosine: P(=O1P)(O2P-H)(O3P-H)
            new Spec("SEP", "NC(COP(=O)(O)O)C(=O)O",
                    List.of("N", "CA", "CB", "OG", "P", "O1P", "O2P", "O3P", "C", "O", "OXT"), "C3H8NO6P", 0),
            new Spec("TPO", "NC(C(C)OP(=O)(O)O)C(=O)O",
                    List.of("N", "CA", "CB", "CG2", "OG1", "P", "O1P", "O2P", "O3P", "C", "O", "OXT"), "C4H10NO6P", 0),
            new Spec("PTR", "NC(Cc1ccc(OP(=O)(O)O)cc1)C(=O)O",
                    List.of("N", "CA", "CB", "CG", "CD1", "CE1", "CZ", "OH", "P", "O1P", "O2P", "O3P", "CE2", "CD2",
                            "C", "O", "OXT"), "C9H12NO6P", 0),
            // S-hydroxycysteine (cysteine sulfenic acid)
            new Spec("CSO", "NC(CSO)C(=O)O",
                    List.of("N", "CA", "CB", "SG", "OD", "C", "O", "OXT"), "C3H7NO3S", 0),
            // 3-sulfinoalanine (cysteine sulfinic acid) and cysteine sulfonic acid
            new Spec("CSD", "NC(CS(=O)O)C(=O)O",
                    List.of("N", "CA", "CB", "SG", "OD1", "OD2", "C", "O", "OXT"), "C3H7NO4S", 0),
            new Spec("OCS", "NC(CS(=O)(=O)O)C(=O)O",
                    List.of("N", "CA", "CB", "SG", "OD1", "OD2", "OD3", "C", "O", "OXT"), "C3H7NO5S", 0),
            // S,S-(2-hydroxyethyl)thiocysteine
            new Spec("CME", "NC(CSSCCO)C(=O)O",
                    List.of("N", "CA", "CB", "SG", "SD", "CE", "CZ", "OH", "C", "O", "OXT"), "C5H11NO3S2", 0),
            // lysine NZ-carboxylic acid (carbamylated lysine)
            new Spec("KCX", "NC(CCCCNC(=O)O)C(=O)O",
                    List.of("N", "CA", "CB", "CG", "CD", "CE", "NZ", "CX", "OQ1", "OQ2", "C", "O", "OXT"), "C7H14N2O4", 0),
            // N6,N6-dimethyllysine, N6,N6,N6-trimethyllysine, N6-acetyllysine
            new Spec("MLY", "NC(CCCCN(C)C)C(=O)O",
                    List.of("N", "CA", "CB", "CG", "CD", "CE", "NZ", "CH1", "CH2", "C", "O", "OXT"), "C8H18N2O2", 0),
            new Spec("M3L", "NC(CCCC[N+](C)(C)C)C(=O)O",
                    List.of("N", "CA", "CB", "CG", "CD", "CE", "NZ", "CM1", "CM2", "CM3", "C", "O", "OXT"), "C9H21N2O2", 1),
            new Spec("ALY", "NC(CCCCNC(=O)C)C(=O)O",
                    List.of("N", "CA", "CB", "CG", "CD", "CE", "NZ", "CH", "OH", "CH3", "C", "O", "OXT"), "C8H16N2O3", 0),
            // lysine Schiff base with pyridoxal 5'-phosphate
            new Spec("LLP", "Cc1ncc(COP(=O)(O)O)c(C=NCCCCC(N)C(=O)O)c1O",
                    List.of("C2'", "C2", "N1", "C6", "C5", "C5'", "OP4", "P", "OP1", "OP2", "OP3", "C4", "C4'", "NZ",
                            "CE", "CD", "CG", "CB", "CA", "N", "C", "O", "OXT", "C3", "O3"), "C14H22N3O7P", 0),
            // 4-hydroxyproline and pyroglutamic acid
            new Spec("HYP", "N1CC(O)CC1C(=O)O",
                    List.of("N", "CD", "CG", "OD1", "CB", "CA", "C", "O", "OXT"), "C5H9NO3", 0),
            new Spec("PCA", "O=C1CCC(N1)C(=O)O",
                    List.of("OE", "CD", "CG", "CB", "CA", "N", "C", "O", "OXT"), "C5H7NO3", 0),
            // acetyl N-terminal cap (the CCD entry is acetaldehyde's graph)
            new Spec("ACE", "CC=O", List.of("CH3", "C", "O"), "C2H4O", 0));

    private SmilesTemplates() {
    }

    /** The template of one spec, hydrogens explicit (named H1, H2, ...). */
    static ChemCompEntry entry(Spec spec) {
        IAtomContainer mol;
        try {
            mol = new SmilesParser(SilentChemObjectBuilder.getInstance()).parseSmiles(spec.smiles());
        } catch (InvalidSmilesException e) {
            throw new IllegalStateException("bad SMILES for template " + spec.code() + ": " + e.getMessage(), e);
        }
        if (mol.getAtomCount() != spec.names().size()) {
            throw new IllegalStateException("template " + spec.code() + " has " + mol.getAtomCount()
                    + " heavy atoms but " + spec.names().size() + " names");
        }
        List<ChemCompEntry.CompAtom> atoms = new ArrayList<>();
        List<ChemCompEntry.CompBond> bonds = new ArrayList<>();
        for (int i = 0; i < mol.getAtomCount(); i++) {
            IAtom a = mol.getAtom(i);
            atoms.add(new ChemCompEntry.CompAtom(spec.names().get(i), a.getSymbol(), a.getFormalCharge()));
        }
        int hydrogen = 0;
        for (int i = 0; i < mol.getAtomCount(); i++) {
            for (int h = 0; h < mol.getAtom(i).getImplicitHydrogenCount(); h++) {
                String name = "H" + (++hydrogen);
                atoms.add(new ChemCompEntry.CompAtom(name, "H", 0));
                bonds.add(new ChemCompEntry.CompBond(spec.names().get(i), name, 1));
            }
        }
        for (IBond b : mol.bonds()) {
            bonds.add(new ChemCompEntry.CompBond(spec.names().get(b.getBegin().getIndex()),
                    spec.names().get(b.getEnd().getIndex()), b.getOrder().numeric()));
        }
        return new ChemCompEntry(spec.code(), atoms, bonds);
    }

    /** Hill formula of a template ("C3H8NO6P"), used to check the specs against the CCD formulas. */
    static String formula(ChemCompEntry entry) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ChemCompEntry.CompAtom a : entry.atoms()) {
            counts.merge(a.element(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        for (String first : new String[] {"C", "H"}) {
            Integer n = counts.remove(first);
            if (n != null) {
                sb.append(first).append(n == 1 ? "" : n);
            }
        }
        counts.forEach((e, n) -> sb.append(e).append(n == 1 ? "" : n));
        return sb.toString();
    }
}
