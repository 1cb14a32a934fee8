package org.sparsepocket.lab.tune;

import org.sparsepocket.eval.EvaluationSummary;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.pockets.PocketSettings;

/**
 * Records the outcome of a validation-set tuning in a model card, so the card says exactly how its settings
 * were chosen. The chosen settings always become the card's entry for the tuned rotation count
 * ({@code tunedByRotations}); they also become the card's default ({@code rotations} + {@code pockets},
 * with the command, data and scores as provenance and metrics) when that count already is the card's
 * default count, or when asked to ({@code tune --apply-as-default}). Tuning another count therefore never
 * changes what a plain prediction does.
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
     * @param asDefault whether the settings and the count become the card's default even when the count
     *                  differs from the card's default count
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
        ModelCard out = card.withTunedFor(rotations, new ModelCard.TunedPockets(tuned, metrics, command));
        if (rotations == card.inferenceRotations()) {
            return out.withPockets(tuned).withProvenance(provenance).withMetrics(metrics);
        }
        if (!asDefault) {
            return out;
        }
        // The old default gets an entry of its own before it is replaced, so its tuning is not lost.
        if (card.pockets() != null && !card.tunedByRotations().containsKey(card.inferenceRotations())) {
            Map<String, Double> old = new LinkedHashMap<>();
            card.metrics().forEach((k, v) -> {
                if (k.startsWith("validation_") && metrics.containsKey(k)) {
                    old.put(k, v);
                }
            });
            out = out.withTunedFor(card.inferenceRotations(), new ModelCard.TunedPockets(card.pockets(), old,
                    card.provenance().get("tuning_command")));
        }
        return out.withRotations(rotations).withPockets(tuned).withProvenance(provenance).withMetrics(metrics);
    }

    /** The settings as the predict flags that reproduce them. */
    public static String describe(PocketSettings s) {
        return String.format(Locale.ROOT, "--threshold %s --eps %s --min-size %d --scorer %s%s%s", s.threshold(),
                s.eps(), s.minAtoms(), s.scorer().name(), s.probabilityWeightedCenter() ? " --weighted-centre" : "",
                s.splitAbove() > 0 ? " --split-above " + s.splitAbove() : "");
    }
}
