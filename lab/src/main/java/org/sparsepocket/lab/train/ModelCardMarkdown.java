package org.sparsepocket.lab.train;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.NetworkConfig;

/**
 * Renders the facts of a model card and its learning curve as Markdown, the generated part of the
 * human model card ({@code MODEL.md}), so the numbers there are never typed by hand.
 */
public final class ModelCardMarkdown {

    private ModelCardMarkdown() {
    }

    public static String render(ModelCard card, List<EpochResult> curve) {
        StringBuilder sb = new StringBuilder();
        NetworkConfig a = card.architecture();
        Map<String, String> p = card.provenance();
        Map<String, Double> m = card.metrics();
        sb.append("| fact | value |\n|---|---|\n");
        row(sb, "architecture", String.format(Locale.ROOT,
                "sparse U-ResNet: stem %d, encoder planes %s blocks %s, decoder planes %s blocks %s, stride kernel %d,"
                        + " dropout %s", a.stemPlanes(), a.encoderPlanes(), a.encoderBlocks(), a.decoderPlanes(),
                a.decoderBlocks(), a.strideKernel(), a.dropout()));
        row(sb, "feature schema", card.featureNames().size() + " per atom: " + String.join(", ", card.featureNames()));
        row(sb, "voxel size", card.voxelSize() + " Å");
        row(sb, "label rule", card.labelRule());
        for (String k : List.of("training_data", "training_files_sha256", "validation_data", "validation_files_sha256",
                "files_sha256_definition", "split", "skipped_complexes", "featurization", "seed", "optimizer", "loss",
                "batch", "augmentation", "early_stopping", "epochs_trained", "selected_epoch", "weight_averaging",
                "batch_norm_statistics", "hardware")) {
            if (p.containsKey(k)) {
                row(sb, k.replace('_', ' '), p.get(k));
            }
        }
        p.forEach((k, v) -> {
            if (k.startsWith("version_")) {
                row(sb, k.replace('_', ' '), v);
            }
        });
        row(sb, "wall time", m.containsKey("wall_time_seconds") && Double.isFinite(m.get("wall_time_seconds"))
                ? ProgressReporter.duration(m.get("wall_time_seconds")) : "unknown");
        row(sb, "validation PR-AUC (per atom)", num(m.get("validation_pr_auc")));
        row(sb, "validation ROC-AUC (per atom)", num(m.get("validation_roc_auc")));
        row(sb, "threshold (best F1 on validation)", card.bestF1Threshold() == null ? "none" : num(card.bestF1Threshold()));
        row(sb, "validation F1 at the threshold", num(m.get("validation_f1_at_threshold")));
        row(sb, "validation F1 at 0.5", num(m.get("validation_f1_at_0.5")));
        row(sb, "command", "`" + p.getOrDefault("command", "?") + "`");
        if (p.containsKey("averaging_command")) {
            row(sb, "averaging command", "`" + p.get("averaging_command") + "`");
        }
        sb.append("\n### Learning curve\n\n");
        sb.append("| epoch | updates | train loss | val loss | val PR-AUC | val ROC-AUC | val F1@0.5 | best F1 (thr) | lr | epoch time |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (EpochResult e : curve) {
            sb.append(String.format(Locale.ROOT, "| %d | %d | %.5f | %.5f | %.4f | %.4f | %.4f | %.4f (%.3f) | %.3g | %s |%n",
                    e.epoch(), e.updates(), e.trainLoss(), e.valLoss(), e.valPrAuc(), e.valRocAuc(), e.valF1At05(),
                    e.bestF1(), e.bestF1Threshold(), e.learningRate(), ProgressReporter.duration(e.epochSeconds())));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    private static String num(Double v) {
        return v == null ? "?" : String.format(Locale.ROOT, "%.4f", v);
    }
}
