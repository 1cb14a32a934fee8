package org.sparsepocket.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.ResidueId;

/**
 * The pockets of a structure in the order the viewer scripts draw them, each with a name, a colour and
 * its residues grouped by the chain character written to the PDB file. Pockets are numbered across
 * complexes (colour = number), so in each-chain mode pocket 1 of chain A and of chain B differ in colour.
 */
record PocketSelections(List<Entry> entries) {

    record Entry(int number, String name, int rgb, Pocket pocket, Map<Character, List<ResidueId>> residuesByChain) {
    }

    static PocketSelections of(PredictionReport report) {
        List<Entry> out = new ArrayList<>();
        boolean several = report.complexes().size() > 1;
        int number = 0;
        for (ComplexPrediction c : report.complexes()) {
            for (Pocket p : c.pockets()) {
                number++;
                String name = (several ? report.complexStem(c) + "_" : "") + "pocket" + p.rank();
                Map<Character, List<ResidueId>> byChain = new LinkedHashMap<>();
                for (ResidueId r : p.residues()) {
                    byChain.computeIfAbsent(PdbFormat.chain(r.chainId()), k -> new ArrayList<>()).add(r);
                }
                out.add(new Entry(number, name, PocketColors.rgb(number), p, byChain));
            }
        }
        return new PocketSelections(List.copyOf(out));
    }

    /** Residue number with insertion code, e.g. "52A". */
    static String number(ResidueId r) {
        return r.number() + (r.insertionCode() == ' ' ? "" : String.valueOf(r.insertionCode()));
    }
}
