package org.sparsepocket.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.pockets.PocketSettings;

/**
 * Records the outcome of a validation-set tuning in a model card: the chosen pocket settings become the
 * model's defaults, and the command, data and validation scores become provenance and metrics, so the
 * card says exactly how its defaults were chosen.
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
     * @param rotations the orientations the tuned probabilities were averaged over; the card keeps it, since
     *                  the tuned settings fit probabilities computed that way
     */
    public static ModelCard apply(ModelCard card, PocketSettings chosen, EvaluationSummary summary, String command,
                                  String data, int rotations) {
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
        ModelCard withRotations = rotations == card.inferenceRotations() ? card : card.withRotations(rotations);
        return withRotations.withPockets(tuned).withProvenance(provenance).withMetrics(metrics);
    }

    /** The settings as the predict flags that reproduce them. */
    public static String describe(PocketSettings s) {
        return String.format(Locale.ROOT, "--threshold %s --eps %s --min-size %d --scorer %s%s%s", s.threshold(),
                s.eps(), s.minAtoms(), s.scorer().name(), s.probabilityWeightedCenter() ? " --weighted-centre" : "",
                s.splitAbove() > 0 ? " --split-above " + s.splitAbove() : "");
    }
}
