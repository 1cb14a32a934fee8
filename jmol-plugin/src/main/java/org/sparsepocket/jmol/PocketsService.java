package org.sparsepocket.jmol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javajs.util.BS;
import org.jmol.viewer.Viewer;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionException;
import org.sparsepocket.PocketOverrides;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;

/**
 * The {@code pockets} command of one viewer: turns each request into a Jmol script to run and a report to
 * print, and remembers the last prediction, the chosen chain mode and threshold, and the atom colours to
 * give back. Runs inside Jmol's SERVICE callback on the thread running the script (the console's command
 * thread in the desktop app, never the Swing event thread), so a prediction does not freeze the window.
 */
public final class PocketsService {

    /** What the Jmol function does with the answer: run {@code script}, print {@code report}. */
    public record Reply(String script, String report) {
        public Reply {
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(report, "report");
        }

        static Reply message(String text) {
            return new Reply("", PocketsReport.PREFIX + text);
        }
    }

    private final Viewer vwr;
    private final PredictorSource predictors;
    private final PocketExporter exporter;

    private ChainMode chainMode = ChainMode.whole();
    /** Whether predictions average over the model's accurate rotation count (pockets "accurate"). */
    private boolean accurate;
    /** What the user set (the threshold); the rest is the model's recommended settings (tuned on validation). */
    private PocketOverrides overrides = PocketOverrides.NONE;
    private ViewerPrediction current;
    private List<PocketView> shown = List.of();
    private ColourSnapshot colours;
    private final BS coloured = new BS();
    /** Whether the user keeps their own styling (pockets "keep-style") instead of the readable scene. */
    private boolean keepStyle;
    /** The user's styling before the readable scene, or null when the scene is not applied. */
    private StyleSnapshot style;

    public PocketsService(Viewer vwr, PredictorSource predictors, PocketExporter exporter) {
        this.vwr = Objects.requireNonNull(vwr, "vwr");
        this.predictors = Objects.requireNonNull(predictors, "predictors");
        this.exporter = Objects.requireNonNull(exporter, "exporter");
    }

    /** Handles one command; never throws: every problem becomes a one-line report. */
    public synchronized Reply handle(List<String> args) {
        try {
            return dispatch(PocketsRequest.parse(args));
        } catch (IllegalArgumentException | ViewerStructure.NothingToPredict | PredictionException e) {
            return Reply.message(oneLine(e.getMessage()));
        } catch (RuntimeException | LinkageError e) {
            return Reply.message("internal error: " + oneLine(String.valueOf(e)));
        }
    }

    /** The last prediction, or null. */
    public synchronized ViewerPrediction current() {
        return current;
    }

    private Reply dispatch(PocketsRequest request) {
        if (request instanceof PocketsRequest.Predict p) {
            // A new chain mode or accuracy is kept only once a prediction with it worked, so a failed
            // pockets "chains" "Z" does not make every later pockets fail too.
            ChainMode mode = p.chainMode() != null ? p.chainMode() : chainMode;
            boolean acc = p.accurate() != null ? p.accurate() : accurate;
            Reply reply = predict(mode, acc);
            chainMode = mode;
            accurate = acc;
            return reply;
        }
        if (request instanceof PocketsRequest.Threshold t) {
            overrides = overrides.withThreshold(t.value());
            if (current != null && current.source().isCurrent(vwr)) {
                return recluster();
            }
            return Reply.message(String.format(java.util.Locale.ROOT,
                    "threshold set to %.2f; run pockets to predict", t.value()));
        }
        if (request instanceof PocketsRequest.Show s) {
            ViewerPrediction vp = requireCurrent();
            if (s.number() > vp.pockets().size()) {
                throw new IllegalArgumentException("there is no pocket " + s.number() + ": "
                        + vp.pockets().size() + " found (see pockets \"list\")");
            }
            List<PocketView> views = s.number() == 0 ? vp.pockets() : List.of(vp.pockets().get(s.number() - 1));
            String zoom = s.number() == 0 ? "" : SceneScript.zoomTo(views.get(0));
            return new Reply(undisplay() + display(views) + zoom, PocketsReport.of(vp, views));
        }
        if (request instanceof PocketsRequest.Hide) {
            String script = undisplay();
            shown = List.of();
            return new Reply(script, PocketsReport.PREFIX + "pockets hidden; pockets \"show\" shows them again");
        }
        if (request instanceof PocketsRequest.ListPockets) {
            // Not the report of a structure that is no longer shown (after zap, load, delete or frame).
            return new Reply("", PocketsReport.of(requireCurrent(), shown));
        }
        if (request instanceof PocketsRequest.Clear) {
            String script = undisplay() + (current != null && current.source().modelSet() == vwr.ms
                    ? SceneScript.resetProperties() : "") + restoreStyle();
            current = null;
            shown = List.of();
            colours = null;
            return new Reply(script, PocketsReport.PREFIX + "pockets cleared, atom colours and styling restored");
        }
        if (request instanceof PocketsRequest.KeepStyle k) {
            keepStyle = k.keep();
            if (keepStyle) {
                return new Reply(restoreStyle(), PocketsReport.PREFIX
                        + "your own styling is kept; pockets \"scene\" goes back to the readable scene");
            }
            String script = current != null && current.source().isCurrent(vwr) && !shown.isEmpty()
                    ? display(shown) : "";
            return new Reply(script, PocketsReport.PREFIX + "pockets are shown in the readable scene"
                    + " (cartoon, ligands as sticks, waters hidden); pockets \"keep-style\" keeps your own");
        }
        if (request instanceof PocketsRequest.Export e) {
            ViewerPrediction vp = requireCurrent();
            List<java.nio.file.Path> files = exporter.export(vp.prediction(), vp.settings(), e.folder());
            return Reply.message("wrote " + files.size() + " files to " + e.folder());
        }
        return new Reply("", PocketsRequest.USAGE);
    }

    private Reply predict(ChainMode chainMode, boolean accurate) {
        ViewerStructure source = ViewerStructure.read(vwr);
        vwr.scriptStatus(PocketsReport.PREFIX + "predicting pockets on " + source.structure().name() + " ("
                + source.structure().protein().size() + " protein atoms"
                + (accurate ? ", accurate: several orientations" : "")
                + (predictors.isOpen() ? "" : ", loading the network first") + ") ...");
        long t0 = System.nanoTime();
        PocketPredictor predictor = predictors.get();
        // Accurate: the card's accurate count with the settings tuned for it; the same loaded network.
        Integer rotations = accurate ? predictor.accurateRotations() : null;
        PocketSettings pockets = accurate ? predictor.recommendedSettings(rotations) : predictor.recommendedSettings();
        PredictionSettings settings = new PredictionSettings(chainMode, overrides.applyTo(pockets), rotations);
        Prediction prediction = predictor.predict(source.structure(), settings);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String script = undisplay();
        current = ViewerPrediction.of(source, prediction, settings, seconds);
        script += SceneScript.resetProperties() + SceneScript.probabilities(source.modelAtoms(), current.probabilities())
                + SceneScript.pocketNumbers(source.modelAtoms(), current.pockets()) + display(current.pockets());
        return new Reply(script, PocketsReport.of(current, shown));
    }

    /** New clustering settings on the probabilities already predicted: no network run. */
    private Reply recluster() {
        PocketSettings pocketSettings = overrides.applyTo(current.settings().pockets());
        PredictionSettings settings = current.settings().withPockets(pocketSettings);
        long t0 = System.nanoTime();
        PocketExtractor extractor = new PocketExtractor(pocketSettings);
        List<ComplexPrediction> complexes = new ArrayList<>();
        for (ComplexPrediction c : current.prediction().complexes()) {
            float[] p = c.probabilities();
            complexes.add(new ComplexPrediction(c.complex(), p, extractor.extract(c.complex().atoms(), p)));
        }
        Prediction prediction = new Prediction(current.prediction().structure(), complexes);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String script = undisplay();
        current = ViewerPrediction.of(current.source(), prediction, settings, seconds);
        script += SceneScript.pocketNumbers(current.source().modelAtoms(), current.pockets()) + display(current.pockets());
        return new Reply(script, PocketsReport.of(current, shown));
    }

    private ViewerPrediction requireCurrent() {
        if (current == null) {
            throw new IllegalArgumentException("no prediction yet: run pockets");
        }
        if (!current.source().isCurrent(vwr)) {
            throw new IllegalArgumentException("the model changed since the last prediction: run pockets again");
        }
        return current;
    }

    /** Shows {@code views}, first recording the atom colours if this model's colours are not recorded yet. */
    private String display(List<PocketView> views) {
        if (colours == null || !colours.isFor(vwr.ms)) {
            colours = ColourSnapshot.take(vwr, colours);
        }
        String scene = "";
        if (!keepStyle && (style == null || !style.isFor(vwr.ms)) && current != null) {
            style = StyleSnapshot.take(vwr);
            scene = readableScene(current.source().modelAtoms(), style.hidden());
        }
        for (PocketView v : views) {
            coloured.or(v.jmolAtoms());
        }
        shown = List.copyOf(views);
        return scene + SceneScript.show(views,
                current == null ? null : vwr.getModelNumberDotted(current.source().modelIndex()));
    }

    /** The readable scene for one model's atoms; the het atoms it colours are given back by clear. */
    private String readableScene(BS model, BS hiddenBefore) {
        BS protein = vwr.getAtomBitSet("protein");
        protein.and(model);
        BS water = vwr.getAtomBitSet("water");
        water.and(model);
        BS hetero = BS.copy(model);
        hetero.andNot(protein);
        hetero.andNot(water);
        BS alphaCarbons = vwr.getAtomBitSet("protein and *.CA");
        alphaCarbons.and(model);
        BS hidden = BS.copy(hiddenBefore);
        hidden.or(water);
        coloured.or(hetero);
        return SceneScript.readableScene(model, protein, hetero, hidden,
                !protein.isEmpty() && alphaCarbons.cardinality() == protein.cardinality());
    }

    /** Gives the user's styling back if the readable scene replaced it on the model still shown. */
    private String restoreStyle() {
        String script = style != null && style.isFor(vwr.ms) ? style.restore() : "";
        style = null;
        return script;
    }

    /**
     * Removes what is shown and gives coloured atoms their recorded colours back: those still in the
     * viewer (after load APPEND the earlier file's atoms are, after a plain load none are).
     */
    private String undisplay() {
        String script = SceneScript.removeObjects(SceneScript.labelIds(vwr));
        if (colours != null) {
            script += colours.restore(coloured, vwr.ms);
        }
        coloured.clearAll();
        shown = List.of();
        return script;
    }

    private static String oneLine(String s) {
        if (s == null || s.isBlank()) {
            return "failed without a message";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
