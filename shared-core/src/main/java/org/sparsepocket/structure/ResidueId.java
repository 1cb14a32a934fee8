package org.sparsepocket.structure;

import java.util.Objects;

/**
 * Identifies one residue: chain, sequence number, insertion code and residue name. Immutable.
 *
 * @param chainId       chain identifier; may be empty (some DUD-E files have none)
 * @param number        residue sequence number
 * @param insertionCode insertion code, or ' ' when there is none
 * @param name          residue name, e.g. "SER", "MSE", "HEM"
 */
public record ResidueId(String chainId, int number, char insertionCode, String name) {

    public ResidueId {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(name, "name");
    }

    /** "A:SER195" or "A:SER52A" — the form used in reports and CSV files. */
    public String label() {
        return chainId + ":" + name + number + (insertionCode == ' ' ? "" : String.valueOf(insertionCode));
    }

    @Override
    public String toString() {
        return label();
    }
}
