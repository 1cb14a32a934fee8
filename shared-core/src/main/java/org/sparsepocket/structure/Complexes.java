package org.sparsepocket.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a structure into the complexes the network sees, by {@link ChainMode}. A complex's ligands are
 * the het groups of its chains plus het groups of other chains (e.g. a ligand with its own chain id)
 * that touch its protein: a heavy atom within {@link #LIGAND_CONTACT} Å of one of its protein heavy
 * atoms.
 */
public final class Complexes {

    /** Distance that attaches a het group of another chain to a complex, Å. */
    public static final double LIGAND_CONTACT = 4.0;

    private Complexes() {
    }

    /** Protein chain ids in file order. */
    public static List<String> chainIds(Structure s) {
        Set<String> ids = new LinkedHashSet<>();
        for (Atom a : s.protein()) {
            ids.add(a.residue().chainId());
        }
        return List.copyOf(ids);
    }

    /**
     * The complexes of a structure: one for {@link ChainMode.Whole}, one per protein chain for
     * {@link ChainMode.EachChain}, one with the chosen chains for {@link ChainMode.Selected}.
     *
     * @throws StructureException when a chosen chain is not a protein chain of the structure
     */
    public static List<Complex> split(Structure s, ChainMode mode) {
        Map<String, List<Atom>> byChain = new LinkedHashMap<>();
        for (Atom a : s.protein()) {
            byChain.computeIfAbsent(a.residue().chainId(), k -> new ArrayList<>()).add(a);
        }
        List<String> all = List.copyOf(byChain.keySet());
        if (mode instanceof ChainMode.Whole) {
            return List.of(new Complex(s.name(), all, s.protein(), s.hetGroups()));
        }
        if (mode instanceof ChainMode.EachChain) {
            List<Complex> out = new ArrayList<>(all.size());
            for (String id : all) {
                out.add(complex(s, List.of(id), byChain.get(id)));
            }
            return out;
        }
        ChainMode.Selected selected = (ChainMode.Selected) mode;
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : selected.chainIds()) {
            String trimmed = id.strip();
            if (!byChain.containsKey(trimmed)) {
                throw new StructureException(s.name(), "no protein chain '" + trimmed + "' (protein chains: "
                        + describe(all) + ")");
            }
            wanted.add(trimmed);
        }
        List<String> ids = new ArrayList<>();
        List<Atom> atoms = new ArrayList<>();
        for (String id : all) {       // file order, whatever the order asked for
            if (wanted.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.size() == all.size()) {
            return List.of(new Complex(s.name(), all, s.protein(), s.hetGroups()));
        }
        for (Atom a : s.protein()) {
            if (wanted.contains(a.residue().chainId())) {
                atoms.add(a);
            }
        }
        return List.of(complex(s, ids, atoms));
    }

    private static Complex complex(Structure s, List<String> ids, List<Atom> atoms) {
        Set<String> chains = Set.copyOf(ids);
        CellList protein = CellList.of(atoms, LIGAND_CONTACT);
        List<Ligand> ligands = new ArrayList<>();
        for (Ligand l : s.hetGroups()) {
            if (chains.contains(l.residue().chainId()) || touches(l, protein)) {
                ligands.add(l);
            }
        }
        return new Complex(name(s.name(), ids), ids, atoms, ligands);
    }

    static boolean touches(Ligand l, CellList protein) {
        for (Atom a : l.atoms()) {
            if (protein.anyWithin(a.x(), a.y(), a.z(), LIGAND_CONTACT)) {
                return true;
            }
        }
        return false;
    }

    /** "1abc" + [A] → "1abc_A"; [A, B] → "1abc_A_B"; a blank chain id adds nothing. */
    static String name(String structure, List<String> ids) {
        StringBuilder b = new StringBuilder(structure);
        for (String id : ids) {
            if (!id.isEmpty()) {
                b.append('_').append(id);
            }
        }
        return b.toString();
    }

    private static String describe(List<String> ids) {
        List<String> shown = new ArrayList<>();
        for (String id : ids) {
            shown.add(id.isEmpty() ? "(blank)" : id);
        }
        return String.join(", ", shown);
    }
}
