package org.sparsepocket.eval;

import java.util.Objects;
import org.sparsepocket.structure.ResidueId;

/**
 * A residue's identity for comparing predictions with the truth: chain, number and insertion code.
 * The residue name is left out on purpose: some tools (P2Rank's {@code residue_ids}) do not give it,
 * and the position alone identifies a residue within one structure.
 *
 * @param chainId       chain identifier, empty when the file has none
 * @param number        residue sequence number
 * @param insertionCode insertion code, or ' ' when there is none
 */
public record ResidueKey(String chainId, int number, char insertionCode) implements Comparable<ResidueKey> {

    public ResidueKey {
        Objects.requireNonNull(chainId, "chainId");
        chainId = chainId.trim();
        if (insertionCode == '\0') {
            insertionCode = ' ';
        }
    }

    public static ResidueKey of(ResidueId id) {
        return new ResidueKey(id.chainId(), id.number(), id.insertionCode());
    }

    /**
     * Parses P2Rank's (BioJava's {@code ResidueNumber.printFull()}) form: "A_103", "A_52A", "_17".
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static ResidueKey parseChainUnderscoreNumber(String text) {
        String t = text.trim();
        int us = t.lastIndexOf('_');
        if (us < 0 || us == t.length() - 1) {
            throw new IllegalArgumentException("not a residue id of the form CHAIN_NUMBER: '" + text + "'");
        }
        String chain = t.substring(0, us);
        String num = t.substring(us + 1);
        char ins = ' ';
        if (!Character.isDigit(num.charAt(num.length() - 1))) {
            ins = num.charAt(num.length() - 1);
            num = num.substring(0, num.length() - 1);
        }
        try {
            return new ResidueKey(chain, Integer.parseInt(num), ins);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a residue id of the form CHAIN_NUMBER: '" + text + "'");
        }
    }

    @Override
    public int compareTo(ResidueKey o) {
        int c = chainId.compareTo(o.chainId);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(number, o.number);
        return c != 0 ? c : Character.compare(insertionCode, o.insertionCode);
    }

    @Override
    public String toString() {
        return chainId + "_" + number + (insertionCode == ' ' ? "" : String.valueOf(insertionCode));
    }
}
