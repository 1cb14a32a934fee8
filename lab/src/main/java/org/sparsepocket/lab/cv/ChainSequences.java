package org.sparsepocket.lab.cv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;
import org.sparsepocket.structure.StructureLoader;

/** The amino-acid sequences of a protein's chains, read from its C-alpha atoms. */
final class ChainSequences {

    /** Chains shorter than this (peptides, fragments) say nothing about the protein's family. */
    static final int MIN_RESIDUES = 20;

    private static final Map<String, Character> ONE_LETTER = Map.ofEntries(
            Map.entry("ALA", 'A'), Map.entry("ARG", 'R'), Map.entry("ASN", 'N'), Map.entry("ASP", 'D'),
            Map.entry("CYS", 'C'), Map.entry("GLN", 'Q'), Map.entry("GLU", 'E'), Map.entry("GLY", 'G'),
            Map.entry("HIS", 'H'), Map.entry("ILE", 'I'), Map.entry("LEU", 'L'), Map.entry("LYS", 'K'),
            Map.entry("MET", 'M'), Map.entry("PHE", 'F'), Map.entry("PRO", 'P'), Map.entry("SER", 'S'),
            Map.entry("THR", 'T'), Map.entry("TRP", 'W'), Map.entry("TYR", 'Y'), Map.entry("VAL", 'V'),
            Map.entry("MSE", 'M'), Map.entry("HID", 'H'), Map.entry("HIE", 'H'), Map.entry("HIP", 'H'),
            Map.entry("CYX", 'C'));

    private ChainSequences() {
    }

    /** The sequences of the chains with at least {@link #MIN_RESIDUES} residues, in chain order. */
    static List<String> of(Path proteinFile) {
        Map<String, StringBuilder> chains = new LinkedHashMap<>();
        ResidueId last = null;
        for (Atom a : StructureLoader.load(proteinFile).protein()) {
            if (!"CA".equals(a.name()) || a.residue().equals(last)) {
                continue;
            }
            last = a.residue();
            chains.computeIfAbsent(a.residue().chainId(), c -> new StringBuilder())
                    .append(ONE_LETTER.getOrDefault(a.residue().name(), 'X'));
        }
        List<String> out = new ArrayList<>();
        for (StringBuilder s : chains.values()) {
            if (s.length() >= MIN_RESIDUES) {
                out.add(s.toString());
            }
        }
        return out;
    }
}
