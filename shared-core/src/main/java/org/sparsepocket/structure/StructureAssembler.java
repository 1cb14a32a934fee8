package org.sparsepocket.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.biojava.nbio.structure.Chain;
import org.biojava.nbio.structure.Element;
import org.biojava.nbio.structure.Group;
import org.biojava.nbio.structure.chem.ChemComp;
import org.biojava.nbio.structure.chem.PolymerType;

/**
 * BioJava's model → the project's immutable {@link Structure}, applying the loading rules: first model
 * only; per residue the alternate location with the highest total occupancy; hydrogens dropped;
 * duplicate atoms dropped; residues classified as protein, nucleic acid (excluded) or het group
 * (candidate ligand, waters and ions included). See docs/structure.md for the classification.
 */
final class StructureAssembler {

    /** Largest |coordinate| accepted, Å. Real structures stay within a few thousand Å of the origin. */
    static final double MAX_ABS_COORDINATE = 100_000;

    /** Bond-length cut-off for peptide (C-N) and phosphodiester (O3'-P) links between residues, Å. */
    private static final double LINK_DISTANCE = 1.9;

    private enum Kind { PROTEIN, NUCLEIC, HET }

    /** One residue after altloc selection, with heavy atoms only. */
    private static final class Residue {
        final String chain;
        final Group group;
        final ResidueId id;
        List<org.biojava.nbio.structure.Atom> atoms;
        final boolean hetRecord;
        final int index;
        Kind kind;

        Residue(String chain, Group group, ResidueId id, List<org.biojava.nbio.structure.Atom> atoms, int index) {
            this.chain = chain;
            this.group = group;
            this.id = id;
            this.atoms = atoms;
            this.hetRecord = group.isHetAtomInFile();
            this.index = index;
        }

        boolean has(String atomName) {
            for (org.biojava.nbio.structure.Atom a : atoms) {
                if (a.getName().equals(atomName)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final String input;
    private final List<String> warnings = new ArrayList<>();
    private int duplicates;
    private int guessedElements;

    private StructureAssembler(String input) {
        this.input = input;
    }

    /** A structure: protein atoms and het groups; fails when there is no protein. */
    static Structure structure(org.biojava.nbio.structure.Structure s, String input, String name) {
        StructureAssembler a = new StructureAssembler(input);
        List<Residue> residues = a.residues(s);
        a.classify(residues);
        a.dedupe(residues);

        Map<String, List<Residue>> proteinByChain = new LinkedHashMap<>();
        List<Ligand> het = new ArrayList<>();
        int nucleic = 0;
        Map<String, Integer> unknown = new TreeMap<>();
        for (Residue r : residues) {
            switch (r.kind) {
                case PROTEIN -> {
                    proteinByChain.computeIfAbsent(r.chain, k -> new ArrayList<>()).add(r);
                    String n = r.id.name();
                    if (!ResidueKinds.isKnownAminoAcid(n) && !ResidueKinds.CAPS.contains(n)) {
                        unknown.merge(n, 1, Integer::sum);
                    }
                }
                case NUCLEIC -> nucleic++;
                case HET -> het.add(new Ligand(r.id, a.atoms(r)));
            }
        }
        List<Atom> protein = new ArrayList<>();
        for (List<Residue> chain : proteinByChain.values()) {
            for (Residue r : inFileOrder(chain)) {
                protein.addAll(a.atoms(r));
            }
        }
        if (protein.isEmpty()) {
            throw new StructureException(input, "no protein atoms (found " + het.size() + " het group"
                    + (het.size() == 1 ? "" : "s") + (nucleic > 0 ? " and " + nucleic + " nucleotide residues" : "")
                    + ")");
        }
        if (nucleic > 0) {
            a.warnings.add(nucleic + " nucleotide residues excluded (nucleic acids are not protein)");
        }
        if (!unknown.isEmpty()) {
            a.warnings.add("unknown residues kept as protein (backbone-linked): " + summary(unknown));
        }
        a.finishWarnings();
        return new Structure(name, protein, het, a.warnings);
    }

    /** Every heavy atom of the first model as one molecule (a separate ligand file). */
    static Ligand molecule(org.biojava.nbio.structure.Structure s, String input) {
        StructureAssembler a = new StructureAssembler(input);
        List<Residue> residues = a.residues(s);
        for (Residue r : residues) {
            r.kind = Kind.HET;
        }
        a.dedupe(residues);
        List<Atom> atoms = new ArrayList<>();
        for (Residue r : residues) {
            atoms.addAll(a.atoms(r));
        }
        if (atoms.isEmpty()) {
            throw new StructureException(input, "no heavy atoms");
        }
        return new Ligand(residues.get(0).id, atoms);
    }

    private void finishWarnings() {
        if (duplicates > 0) {
            warnings.add(duplicates + " duplicate atoms ignored");
        }
        if (guessedElements > 0) {
            warnings.add("element of " + guessedElements + " atoms guessed from the atom name (no element column)");
        }
    }

    private List<Residue> residues(org.biojava.nbio.structure.Structure s) {
        if (s.nrModels() == 0) {
            throw new StructureException(input, "no atoms");
        }
        if (s.nrModels() > 1) {
            warnings.add(s.nrModels() + " models; only the first is used");
        }
        List<Residue> out = new ArrayList<>();
        for (Chain chain : s.getChains(0)) {
            String chainId = chain.getName() == null ? "" : chain.getName().strip();
            for (Group g : chain.getAtomGroups()) {
                List<org.biojava.nbio.structure.Atom> picked = pickAltLoc(g);
                List<org.biojava.nbio.structure.Atom> heavy = new ArrayList<>(picked.size());
                for (org.biojava.nbio.structure.Atom atom : picked) {
                    if (!isHydrogen(atom)) {
                        heavy.add(atom);
                    }
                }
                if (!heavy.isEmpty()) {
                    out.add(new Residue(chainId, g, residueId(chainId, g, picked), heavy, out.size()));
                }
            }
        }
        return out;
    }

    /**
     * Drops repeated atom records. In protein residues an atom name may occur once (features are looked
     * up by name); in other groups only an identical record (same name and position) is a duplicate,
     * because ligand files often name atoms by element alone ("C", "C", "N").
     */
    private void dedupe(List<Residue> residues) {
        Set<String> seen = new HashSet<>();
        for (Residue r : residues) {
            boolean byName = r.kind == Kind.PROTEIN;
            String residueKey = r.id.chainId() + '|' + r.id.number() + '|' + r.id.insertionCode() + '|' + r.id.name();
            List<org.biojava.nbio.structure.Atom> kept = new ArrayList<>(r.atoms.size());
            for (org.biojava.nbio.structure.Atom a : r.atoms) {
                String key = residueKey + '|' + a.getName()
                        + (byName ? "" : "|" + a.getX() + '|' + a.getY() + '|' + a.getZ());
                if (seen.add(key)) {
                    kept.add(a);
                } else {
                    duplicates++;
                }
            }
            r.atoms = kept;
        }
    }

    private static ResidueId residueId(String chainId, Group g, List<org.biojava.nbio.structure.Atom> picked) {
        var rn = g.getResidueNumber();
        int number = rn == null || rn.getSeqNum() == null ? 0 : rn.getSeqNum();
        Character ins = rn == null ? null : rn.getInsCode();
        char insertion = ins == null || ins == '\0' ? ' ' : ins;
        String name = g.getPDBName() == null ? "UNK" : g.getPDBName().strip().toUpperCase(Locale.ROOT);
        // Microheterogeneity: when the chosen alternate location is another residue type, use its name.
        for (org.biojava.nbio.structure.Atom a : picked) {
            Group owner = a.getGroup();
            if (owner != null && owner != g && owner.getPDBName() != null && a.getAltLoc() != null
                    && a.getAltLoc() != ' ') {
                name = owner.getPDBName().strip().toUpperCase(Locale.ROOT);
                break;
            }
        }
        return new ResidueId(chainId, number, insertion, name);
    }

    /** Atoms of the alternate location with the highest total occupancy, plus those without altloc. */
    private static List<org.biojava.nbio.structure.Atom> pickAltLoc(Group g) {
        if (!g.hasAltLoc()) {
            return g.getAtoms();
        }
        Map<org.biojava.nbio.structure.Atom, Boolean> all = new IdentityHashMap<>();
        List<org.biojava.nbio.structure.Atom> ordered = new ArrayList<>();
        for (org.biojava.nbio.structure.Atom a : g.getAtoms()) {
            if (all.put(a, Boolean.TRUE) == null) {
                ordered.add(a);
            }
        }
        for (Group alt : g.getAltLocs()) {
            for (org.biojava.nbio.structure.Atom a : alt.getAtoms()) {
                if (all.put(a, Boolean.TRUE) == null) {
                    ordered.add(a);
                }
            }
        }
        Map<Character, Double> occupancy = new LinkedHashMap<>();
        for (org.biojava.nbio.structure.Atom a : ordered) {
            Character alt = a.getAltLoc();
            if (alt != null && alt != ' ' && alt != '\0') {
                occupancy.merge(alt, (double) a.getOccupancy(), Double::sum);
            }
        }
        Character best = null;
        double bestOcc = -1;
        for (Map.Entry<Character, Double> e : occupancy.entrySet()) {
            if (e.getValue() > bestOcc + 1e-9) {
                best = e.getKey();
                bestOcc = e.getValue();
            }
        }
        List<org.biojava.nbio.structure.Atom> out = new ArrayList<>();
        for (org.biojava.nbio.structure.Atom a : ordered) {
            Character alt = a.getAltLoc();
            if (alt == null || alt == ' ' || alt == '\0' || alt.equals(best)) {
                out.add(a);
            }
        }
        // BioJava keeps each alternate location in its own group; restore the file's atom order.
        out.sort(java.util.Comparator.comparingInt(org.biojava.nbio.structure.Atom::getPDBserial));
        return out;
    }

    private static boolean isHydrogen(org.biojava.nbio.structure.Atom a) {
        Element e = a.getElement();
        if (e == Element.H || e == Element.D || e == Element.T) {
            return true;
        }
        if (e == null || e == Element.R) {
            // No element column: PDB names hydrogens H*, or digit + H (e.g. "1HB").
            String n = a.getName();
            return n.startsWith("H") && n.length() > 1 && !isMetalName(n) || n.matches("\\d+H.*");
        }
        return false;
    }

    private static boolean isMetalName(String n) {
        return Set.of("HG", "HF", "HO").contains(n);
    }

    private void classify(List<Residue> residues) {
        LinkIndex links = new LinkIndex(residues);
        for (Residue r : residues) {
            r.kind = kindOf(r, links);
        }
    }

    private static Kind kindOf(Residue r, LinkIndex links) {
        String n = r.id.name();
        if (ResidueKinds.WATERS.contains(n) || r.group.isWater()) {
            return Kind.HET;
        }
        ChemComp cc = r.group.getChemComp();
        boolean ccKnown = cc != null && !cc.isEmpty();
        PolymerType polymer = ccKnown ? cc.getPolymerType() : null;
        if (ResidueKinds.NUCLEOTIDES.contains(n) || polymer != null && PolymerType.POLYNUCLEOTIDE_ONLY.contains(polymer)) {
            return Kind.NUCLEIC;
        }
        if (r.has("C1'") && r.has("C4'") && (links.linked(r, "P", "O3'") || links.linked(r, "O3'", "P"))) {
            return Kind.NUCLEIC;
        }
        boolean peptideLinked = links.linked(r, "C", "N") || links.linked(r, "N", "C");
        if (ResidueKinds.MODIFIED_AMINO_ACIDS.contains(n) || ResidueKinds.AMINO_ACID_VARIANTS.contains(n)) {
            return Kind.PROTEIN;
        }
        if (ResidueKinds.STANDARD_AMINO_ACIDS.contains(n)) {
            // A HETATM standard amino acid with no peptide bond is a free amino acid: a ligand.
            return !r.hetRecord || peptideLinked ? Kind.PROTEIN : Kind.HET;
        }
        if (polymer != null && PolymerType.PROTEIN_ONLY.contains(polymer)) {
            return Kind.PROTEIN;
        }
        if (ResidueKinds.CAPS.contains(n)) {
            return peptideLinked ? Kind.PROTEIN : Kind.HET;
        }
        if (r.has("N") && r.has("CA") && r.has("C") && (!r.hetRecord || peptideLinked)) {
            return Kind.PROTEIN;    // an unknown amino acid: backbone atoms and in the chain
        }
        return Kind.HET;
    }

    /**
     * Finds covalent links between residues of the same chain by distance: atom {@code own} of a
     * residue within {@link #LINK_DISTANCE} of atom {@code other} of another residue. One cell list per
     * atom name, built on first use.
     */
    private static final class LinkIndex {
        private final List<Residue> residues;
        private final Map<String, Object[]> byName = new HashMap<>();

        LinkIndex(List<Residue> residues) {
            this.residues = residues;
        }

        boolean linked(Residue r, String own, String other) {
            Object[] idx = index(other);
            CellList cells = (CellList) idx[0];
            int[] owner = (int[]) idx[1];
            if (cells.size() == 0) {
                return false;
            }
            for (org.biojava.nbio.structure.Atom a : r.atoms) {
                if (!a.getName().equals(own) || !finite(a)) {
                    continue;
                }
                for (int i : cells.within(a.getX(), a.getY(), a.getZ(), LINK_DISTANCE)) {
                    Residue o = residues.get(owner[i]);
                    if (o != r && o.chain.equals(r.chain)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private Object[] index(String atomName) {
            return byName.computeIfAbsent(atomName, name -> {
                List<double[]> xyz = new ArrayList<>();
                List<Integer> owners = new ArrayList<>();
                for (Residue r : residues) {
                    for (org.biojava.nbio.structure.Atom a : r.atoms) {
                        if (a.getName().equals(name) && finite(a)) {
                            xyz.add(new double[] {a.getX(), a.getY(), a.getZ()});
                            owners.add(r.index);
                        }
                    }
                }
                double[] flat = new double[xyz.size() * 3];
                for (int i = 0; i < xyz.size(); i++) {
                    System.arraycopy(xyz.get(i), 0, flat, 3 * i, 3);
                }
                return new Object[] {new CellList(flat, 4.0), owners.stream().mapToInt(Integer::intValue).toArray()};
            });
        }

        private static boolean finite(org.biojava.nbio.structure.Atom a) {
            return inRange(a.getX()) && inRange(a.getY()) && inRange(a.getZ());
        }
    }

    private static boolean inRange(double v) {
        return Double.isFinite(v) && Math.abs(v) <= MAX_ABS_COORDINATE;
    }

    /**
     * Residues of one chain in file order. BioJava lists a chain's polymer residues first and puts
     * unlinked modified residues in separate chains; those are merged back by residue number.
     */
    private static List<Residue> inFileOrder(List<Residue> chain) {
        boolean sorted = true;
        for (int i = 1; i < chain.size(); i++) {
            if (chain.get(i).group.getChain() != chain.get(0).group.getChain()) {
                sorted = false;
                break;
            }
        }
        if (sorted) {
            return chain;
        }
        Chain main = chain.get(0).group.getChain();
        List<Residue> out = new ArrayList<>();
        List<Residue> extra = new ArrayList<>();
        for (Residue r : chain) {
            (r.group.getChain() == main ? out : extra).add(r);
        }
        for (Residue e : extra) {
            int at = out.size();
            for (int i = 0; i < out.size(); i++) {
                if (compare(out.get(i).id, e.id) > 0) {
                    at = i;
                    break;
                }
            }
            out.add(at, e);
        }
        return out;
    }

    private static int compare(ResidueId a, ResidueId b) {
        int c = Integer.compare(a.number(), b.number());
        return c != 0 ? c : Character.compare(a.insertionCode(), b.insertionCode());
    }

    private List<Atom> atoms(Residue r) {
        List<Atom> out = new ArrayList<>(r.atoms.size());
        for (org.biojava.nbio.structure.Atom a : r.atoms) {
            double x = a.getX(), y = a.getY(), z = a.getZ();
            if (!inRange(x) || !inRange(y) || !inRange(z)) {
                throw new StructureException(input, "atom " + r.id.label() + " " + a.getName() + " has "
                        + (Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z)
                            ? "coordinates beyond ±" + (long) MAX_ABS_COORDINATE + " Å" : "non-finite coordinates")
                        + " (" + x + ", " + y + ", " + z + ")");
            }
            out.add(new Atom(a.getPDBserial(), a.getName(), element(a, r), r.id, x, y, z,
                    a.getOccupancy(), a.getTempFactor()));
        }
        return out;
    }

    private String element(org.biojava.nbio.structure.Atom a, Residue r) {
        Element e = a.getElement();
        if (e != null && e != Element.R) {
            return e.name();
        }
        guessedElements++;
        String n = a.getName().replaceAll("[^A-Za-z]", "");
        if (r.atoms.size() == 1 && n.equalsIgnoreCase(r.id.name())) {
            Element single = elementOrNull(n);
            if (single != null) {
                return single.name();    // ions: atom ZN in residue ZN
            }
        }
        Element first = n.isEmpty() ? null : elementOrNull(n.substring(0, 1));
        return first == null ? "X" : first.name();
    }

    private static Element elementOrNull(String symbol) {
        try {
            return Element.valueOfIgnoreCase(symbol);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String summary(Map<String, Integer> counts) {
        StringBuilder b = new StringBuilder();
        Set<String> parts = new LinkedHashSet<>();
        counts.forEach((k, v) -> parts.add(k + (v > 1 ? " x" + v : "")));
        b.append(String.join(", ", parts));
        return b.toString();
    }
}
