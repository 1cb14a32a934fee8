package org.sparsepocket.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.PocketCentre;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.pockets.ProteinContext;

/**
 * Compares pocket-centre definitions ({@link PocketCentre}) on the same pockets: every protein is clustered
 * and ranked once with the given settings, then each pocket's centre is recomputed by each definition, so
 * only the reported centre differs between rows (and with it DCA and DCC; residue metrics do not change).
 * The ranking is the settings' own; with a scorer that reads the centre ({@code neighbourhood-sum}) it was
 * computed with the settings' centre.
 *
 * <p>Besides all proteins, each row is evaluated on the two halves of the set by sorted protein id (even and
 * odd positions), so that a definition chosen on the whole set can be seen to win on both.
 */
public final class CentreComparison {

    /** One centre definition's results on all proteins and on each half. */
    public record Row(PocketCentre centre, EvaluationSummary all, EvaluationSummary even, EvaluationSummary odd) {
    }

    private final Evaluator evaluator;

    public CentreComparison(Evaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /** One row per centre, in the given order. */
    public List<Row> run(List<Tuner.Case> cases, PocketSettings settings, List<PocketCentre> centres) {
        List<Tuner.Case> sorted = new ArrayList<>(cases);
        sorted.sort(Comparator.comparing(c -> c.truth().proteinId()));
        int k = centres.size();
        EvaluationRun[] all = new EvaluationRun[k], even = new EvaluationRun[k], odd = new EvaluationRun[k];
        for (int v = 0; v < k; v++) {
            String tool = "sparsepocket/" + centres.get(v).name();
            all[v] = new EvaluationRun(tool, evaluator);
            even[v] = new EvaluationRun(tool + " (even)", evaluator);
            odd[v] = new EvaluationRun(tool + " (odd)", evaluator);
        }
        PocketExtractor extractor = new PocketExtractor(settings);
        for (int i = 0; i < sorted.size(); i++) {
            Tuner.Case c = sorted.get(i);
            List<Pocket> pockets = extractor.extract(c.atoms(), c.probabilities());
            ProteinContext protein = new ProteinContext(c.atoms(), c.probabilities());
            for (int v = 0; v < k; v++) {
                RankedPockets ranked = recentred(c.truth().proteinId(), pockets, protein, centres.get(v));
                all[v].add(c.truth(), ranked, null);
                (i % 2 == 0 ? even : odd)[v].add(c.truth(), ranked, null);
            }
        }
        List<Row> rows = new ArrayList<>(k);
        for (int v = 0; v < k; v++) {
            rows.add(new Row(centres.get(v), all[v].summary(), even[v].summary(), odd[v].summary()));
        }
        return rows;
    }

    /** The pockets in the common form, each centred by {@code centre}. */
    static RankedPockets recentred(String proteinId, List<Pocket> pockets, ProteinContext protein,
                                   PocketCentre centre) {
        List<Pocket> out = new ArrayList<>(pockets.size());
        for (Pocket p : pockets) {
            int[] idx = p.atomIndices();
            out.add(new Pocket(p.rank(), p.score(), p.meanProbability(), p.maxProbability(),
                    centre.locate(protein, idx, protein.probabilities(idx)), p.atoms(), idx, p.residues(), p.box(),
                    p.radius()));
        }
        return RankedPockets.fromPockets(proteinId, out);
    }
}
