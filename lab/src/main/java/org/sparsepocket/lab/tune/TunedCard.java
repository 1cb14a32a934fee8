package org.sparsepocket.lab.tune;

import org.sparsepocket.eval.EvaluationSummary;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.pockets.PocketSettings;

/**
 * Records the outcome of a validation-set tuning in a model card, so the card says exactly how its settings
 * were chosen. The chosen settings become the card's section for the mode the tuned rotation count belongs
 * to: the fast section when the count is the fast mode's ({@code rotations}) or when asked to
 * ({@code tune --apply-as-default}: the count becomes the fast mode's), else the accurate section. The
 * command, data and scores become provenance and metrics when the fast section changes. Tuning another
 * count therefore never changes what a plain prediction does.
 */
public final class TunedCard {

    private TunedCard() {
    }

    /**
     * @param card     the card of the model that was tuned
     * @param chosen   the winning settings
     * @param summary  the full validation table of the winning settings
     * @param command  the tuning command line, as typed
     * @param data     the validation data, in words (folders and protein count)
     * @param rotations the orientations the tuned probabilities were averaged over: the settings are stored
     *                  for that count, since they fit probabilities computed that way
     * @param asDefault whether the settings and the count become the fast mode's even when the count
     *                  differs from the fast mode's count
     */
    public static ModelCard apply(ModelCard card, PocketSettings chosen, EvaluationSummary summary, String command,
                                  String data, int rotations, boolean asDefault) {
        ModelCard.PocketDefaults tuned = new ModelCard.PocketDefaults(chosen.threshold(), chosen.eps(),
                chosen.minAtoms(), chosen.scorer().name(), chosen.probabilityWeightedCenter(), chosen.splitAbove());
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("tuning_command", command);
        provenance.put("tuning_data", data);
        provenance.put("tuning_selection", "highest DCA top-n success, then DCA top-(n+2), then mean residue F1");
        provenance.put("tuned_pocket_settings", describe(chosen));
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (EvaluationSummary.SuccessRate s : summary.success()) {
            String key = "validation_" + s.criterion().toLowerCase(Locale.ROOT);
            metrics.put(key + "_top_n", s.topN());
            metrics.put(key + "_top_n_plus_2", s.topNPlus2());
            metrics.put(key + "_any_rank", s.anyRank());
        }
        metrics.put("validation_residue_f1_all_pockets", summary.residuesAll().f1());
        metrics.put("validation_residue_mcc_all_pockets", summary.residuesAll().mcc());
        metrics.put("validation_residue_f1_top_n_pockets", summary.residuesTopN().f1());
        metrics.put("validation_mean_pockets_per_protein", summary.meanPockets());
        ModelCard.Recommended r = card.recommended();
        // The networks stay those of the mode that was tuned (an ensemble's members when it has them).
        ModelCard.Mode mode = new ModelCard.Mode(rotations, tuned, metrics, command, card.modeFor(rotations).members());
        if (rotations == card.inferenceRotations() || asDefault) {
            // An accurate section for the new fast count would be the same mode twice.
            ModelCard.Mode accurate = r.accurate() != null && r.accurate().rotations() == rotations ? null : r.accurate();
            return card.withRecommended(new ModelCard.Recommended(mode, accurate)).withProvenance(provenance)
                    .withMetrics(metrics);
        }
        return card.withRecommended(new ModelCard.Recommended(r.fast(), mode));
    }
    /** The settings as the predict flags that reproduce them. */
    public static String describe(PocketSettings s) {
        return String.format(Locale.ROOT, "--threshold %s --eps %s --min-size %d --scorer %s%s%s", s.threshold(),
                s.eps(), s.minAtoms(), s.scorer().name(), s.probabilityWeightedCenter() ? " --weighted-centre" : "",
                s.splitAbove() > 0 ? " --split-above " + s.splitAbove() : "");
    }
}
