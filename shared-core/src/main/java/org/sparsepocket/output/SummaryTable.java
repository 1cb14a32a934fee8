package org.sparsepocket.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

/**
 * The human-readable summary printed by {@code sparsepocket predict}: per complex, one line per pocket
 * with rank, score, mean/max probability, centre, box size, atom count and its most likely residues.
 */
public final class SummaryTable {

    /** Residues listed per pocket (those with the highest atom probability). */
    public static final int TOP_RESIDUES = 5;

    private SummaryTable() {
    }

    public static String render(PredictionReport report) {
        StringBuilder sb = new StringBuilder();
        for (ComplexPrediction c : report.complexes()) {
            sb.append(String.format(Locale.ROOT, "%s: %,d atoms, %d pocket%s%s%n", c.complex().name(),
                    c.complex().atoms().size(), c.pockets().size(), c.pockets().size() == 1 ? "" : "s",
                    orientations(report.settings())));
            if (c.pockets().isEmpty()) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "  %4s %8s  %-13s  %-25s  %-18s %5s  %s%n",
                    "rank", "score", "prob mean/max", "centre x, y, z (Å)", "box x×y×z (Å)", "atoms", "top residues"));
            float[] p = c.probabilities();
            for (Pocket pocket : c.pockets()) {
                sb.append(String.format(Locale.ROOT, "  %4d %8.2f  %-13s  %-25s  %-18s %5d  %s%n",
                        pocket.rank(), pocket.score(),
                        String.format(Locale.ROOT, "%.2f / %.2f", pocket.meanProbability(), pocket.maxProbability()),
                        String.format(Locale.ROOT, "%7.2f, %7.2f, %7.2f", pocket.center().x(), pocket.center().y(), pocket.center().z()),
                        String.format(Locale.ROOT, "%.1f×%.1f×%.1f", pocket.box().sizeX(), pocket.box().sizeY(), pocket.box().sizeZ()),
                        pocket.atoms().size(), topResidues(pocket, p)));
            }
        }
        return sb.toString();
    }

    /** Says when the probabilities are an average over several orientations (the accurate mode). */
    static String orientations(PredictionSettings settings) {
        Integer n = settings.rotations();
        return n == null || n == 1 ? "" : String.format(Locale.ROOT, " (probabilities averaged over %d orientations)", n);
    }

    /** The pocket's residues with the highest atom probability, best first. */
    static String topResidues(Pocket pocket, float[] probabilities) {
        Map<ResidueId, Float> best = new HashMap<>();
        int[] idx = pocket.atomIndices();
        for (int k = 0; k < idx.length; k++) {
            Atom a = pocket.atoms().get(k);
            best.merge(a.residue(), probabilities[idx[k]], Math::max);
        }
        List<Map.Entry<ResidueId, Float>> entries = new ArrayList<>(best.entrySet());
        entries.sort(Map.Entry.<ResidueId, Float>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey(org.sparsepocket.pockets.PocketExtractor.RESIDUE_ORDER)));
        String list = entries.stream().limit(TOP_RESIDUES).map(e -> e.getKey().label()).collect(Collectors.joining(" "));
        return entries.size() > TOP_RESIDUES ? list + " …" : list;
    }
}
