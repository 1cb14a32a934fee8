package org.sparsepocket.features;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The features of a list of atoms and how they were obtained. Immutable.
 *
 * @param matrix           one row of {@link AtomFeatures#COUNT} features per input atom, in input order
 * @param unknownResidues  residue name to number of its atoms featurized by element rules because no
 *                         template exists for that residue
 * @param unmatchedAtoms   atoms of residues with a template whose name (or element) the template lacks,
 *                         also featurized by element rules
 */
public record Featurization(FeatureMatrix matrix, SortedMap<String, Integer> unknownResidues, int unmatchedAtoms) {

    public Featurization {
        Objects.requireNonNull(matrix, "matrix");
        unknownResidues = Collections.unmodifiableSortedMap(new TreeMap<>(unknownResidues));
    }

    /** Number of atoms featurized by element rules instead of a residue template. */
    public int fallbackAtoms() {
        return unmatchedAtoms + unknownResidues.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line for the user when some atoms were featurized by element rules; empty otherwise. */
    public Optional<String> warning() {
        if (fallbackAtoms() == 0) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(fallbackAtoms()).append(" of ").append(matrix.rows())
                .append(" atoms featurized by element rules (no residue template)");
        if (!unknownResidues.isEmpty()) {
            sb.append(": unknown residues ").append(unknownResidues.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " atom)" : " atoms)"))
                    .collect(Collectors.joining(", ")));
        }
        if (unmatchedAtoms > 0) {
            sb.append(unknownResidues.isEmpty() ? ": " : "; ").append(unmatchedAtoms)
                    .append(unmatchedAtoms == 1 ? " atom" : " atoms").append(" with a name not in its residue's template");
        }
        return Optional.of(sb.toString());
    }
}
