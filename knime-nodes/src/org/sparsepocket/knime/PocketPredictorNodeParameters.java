package org.sparsepocket.knime;

import org.knime.core.data.StringValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.Advanced;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.migration.Migrate;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.updates.util.BooleanReference;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.RadioButtonsWidget;
import org.knime.node.parameters.widget.choices.util.ColumnSelectionUtil;
import org.knime.node.parameters.widget.choices.util.CompatibleColumnsProvider.StringColumnsProvider;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MaxValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.sparsepocket.table.PredictorNodeSettings;
import org.sparsepocket.table.PredictorNodeSettings.Accuracy;
import org.sparsepocket.table.PredictorNodeSettings.Chains;

/**
 * The Pocket Predictor dialog. Fields map one to one onto shared-core's {@link PredictorNodeSettings},
 * which holds the defaults and the validation; this class only adds titles, descriptions and layout.
 */
@SuppressWarnings("restriction")
final class PocketPredictorNodeParameters implements NodeParameters {

    @Section(title = "Input")
    interface InputSection {
    }

    @Section(title = "Pockets")
    @After(InputSection.class)
    interface PocketSection {
    }

    @Section(title = "Report")
    @After(PocketSection.class)
    interface ReportSection {
    }

    @Section(title = "Execution")
    @After(ReportSection.class)
    @Advanced
    interface ExecutionSection {
    }

    /** The chain modes with the dialog's words. */
    enum ChainModeOption {
        @Label(value = "Whole structure", description = "All protein chains together, as one complex.")
        WHOLE(Chains.WHOLE),
        @Label(value = "Each chain", description = "Every chain on its own; pockets are ranked per chain.")
        EACH_CHAIN(Chains.EACH_CHAIN),
        @Label(value = "Selected chains", description = "The chains listed below, together as one complex.")
        SELECTED(Chains.SELECTED);

        private final Chains core;

        ChainModeOption(Chains core) {
            this.core = core;
        }

        interface Ref extends ParameterReference<ChainModeOption> {
        }

        static final class IsSelected implements EffectPredicateProvider {
            @Override
            public EffectPredicate init(PredicateInitializer i) {
                return i.getEnum(Ref.class).isOneOf(SELECTED);
            }
        }
    }

    /** Fast or accurate prediction with the dialog's words. */
    enum AccuracyOption {
        @Label(value = "Fast", description = "One orientation per structure: the plain prediction.")
        FAST(Accuracy.FAST),
        @Label(value = "Accurate", description = """
                The network's probabilities averaged over several orientations of each structure (8 for
                the shipped model), with the pocket settings tuned for that: more binding sites found first
                on validation, at about 7 times the network time.""")
        ACCURATE(Accuracy.ACCURATE);

        private final Accuracy core;

        AccuracyOption(Accuracy core) {
            this.core = core;
        }
    }

    interface ModelThresholdRef extends BooleanReference {
    }

    interface ModelMinSizeRef extends BooleanReference {
    }

    /** The threshold field shows when the user types one. */
    static final class TypedThreshold implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(PredicateInitializer i) {
            return i.getPredicate(ModelThresholdRef.class).negate();
        }
    }

    static final class TypedMinSize implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(PredicateInitializer i) {
            return i.getPredicate(ModelMinSizeRef.class).negate();
        }
    }

    /** Probabilities are fractions. */
    static final class AtMostOne extends MaxValidation {
        @Override
        protected double getMax() {
            return 1;
        }
    }

    static final class AtMostMaxThreads extends MaxValidation {
        @Override
        protected double getMax() {
            return PredictorNodeSettings.MAX_THREADS;
        }
    }

    @Layout(InputSection.class)
    @Widget(title = "Structure column", description = """
            The column holding the structures: PDB or mmCIF text, a file path, a URL (file:, http:, https:,
            knime:) or a PDB ID such as 1ABC (downloaded from the RCSB). Any string-compatible column works.""")
    @ChoicesProvider(StringColumnsProvider.class)
    String m_structureColumn = "";

    @Layout(InputSection.class)
    @Widget(title = "Chain mode", description = "How each structure is split into complexes for prediction.")
    @RadioButtonsWidget
    @ValueReference(ChainModeOption.Ref.class)
    ChainModeOption m_chainMode = ChainModeOption.WHOLE;

    @Layout(InputSection.class)
    @Widget(title = "Chains", description = "Chain IDs for 'Selected chains', separated by commas, e.g. A, B.")
    @Effect(predicate = ChainModeOption.IsSelected.class, type = EffectType.SHOW)
    String m_chains = PredictorNodeSettings.DEFAULT.chains();

    @Layout(PocketSection.class)
    @Widget(title = "Accuracy", description = """
            Fast predicts each structure once. Accurate averages the network over several orientations
            of each structure (the orientations averaged) and uses the pocket settings tuned for that;
            it finds more binding sites but takes several times longer. Workflows saved before this
            setting existed run fast.""")
    @RadioButtonsWidget
    @Migrate(loadDefaultIfAbsent = true)
    AccuracyOption m_accuracy = AccuracyOption.FAST;

    @Layout(PocketSection.class)
    @Widget(title = "Use the model's tuned threshold", description = """
            Cluster with the probability threshold tuned for the model and the chosen accuracy (fast and
            accurate have their own). Uncheck to type a threshold. Workflows saved before this setting
            existed use the model's threshold.""")
    @ValueReference(ModelThresholdRef.class)
    @Migrate(loadDefaultIfAbsent = true)
    boolean m_modelThreshold = true;

    @Layout(PocketSection.class)
    @Widget(title = "Probability threshold", description = """
            Atoms whose predicted binding probability is at least this value are clustered into pockets.
            Lower values give larger and more pockets. Starts at the shipped model's tuned fast value.""")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = AtMostOne.class)
    @Effect(predicate = TypedThreshold.class, type = EffectType.SHOW)
    double m_threshold = PredictorNodeSettings.SHIPPED.threshold();

    @Layout(PocketSection.class)
    @Widget(title = "Use the model's tuned minimum pocket size", description = """
            Keep pockets of at least the size tuned for the model and the chosen accuracy. Uncheck to type
            a size.""")
    @ValueReference(ModelMinSizeRef.class)
    @Migrate(loadDefaultIfAbsent = true)
    boolean m_modelMinPocketSize = true;

    @Layout(PocketSection.class)
    @Widget(title = "Minimum pocket size", description = """
            Smallest pocket reported, in protein atoms. Starts at the shipped model's tuned fast value.""")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    @Effect(predicate = TypedMinSize.class, type = EffectType.SHOW)
    int m_minPocketSize = PredictorNodeSettings.SHIPPED.minAtoms();

    @Layout(PocketSection.class)
    @Widget(title = "Maximum pockets", description = "At most this many pockets per complex, best first; 0 = all.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int m_maxPockets = PredictorNodeSettings.DEFAULT.maxPockets();

    @Layout(ReportSection.class)
    @Widget(title = "Report folder", description = """
            Absolute path of a folder for each structure's HTML report, <name>.html as sparsepocket predict
            writes it: one self-contained page with the 3-D view, the pocket table and a per-residue plot,
            that opens offline in any browser. The pockets table then gets a Report column with the page's
            path. Empty (the default): no reports, no column. The folder is made when missing; one that
            cannot hold files fails the node before any structure is predicted. Workflows saved before this
            setting existed write no reports.""")
    @Migrate(loadDefaultIfAbsent = true)
    String m_reportFolder = PredictorNodeSettings.DEFAULT.reportFolder();

    @Layout(ExecutionSection.class)
    @Widget(title = "Number of threads", description = """
            Structures predicted at the same time. Each prediction already uses several cores, so more
            threads mainly help with many small structures.""")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class, maxValidation = AtMostMaxThreads.class)
    int m_threads = PredictorNodeSettings.DEFAULT.threads();

    @Layout(ExecutionSection.class)
    @Widget(title = "Fail on error", description = """
            When checked, a structure that cannot be read or predicted fails the node. Otherwise its row in
            the first output holds the reason in the Error column, the node shows a warning and goes on.""")
    boolean m_failOnError = PredictorNodeSettings.DEFAULT.failOnError();

    PocketPredictorNodeParameters() {
    }

    /** A new node starts with the first string column of its input. */
    PocketPredictorNodeParameters(NodeParametersInput context) {
        ColumnSelectionUtil.getFirstCompatibleColumnOfFirstPort(context, StringValue.class)
                .ifPresent(c -> m_structureColumn = c.getName());
    }

    @Override
    public void validate() throws InvalidSettingsException {
        toCore();
    }

    /** The shared-core settings, validated there. */
    PredictorNodeSettings toCore() throws InvalidSettingsException {
        try {
            return new PredictorNodeSettings(m_chainMode.core, m_chains, m_modelThreshold ? null : m_threshold,
                    m_modelMinPocketSize ? null : m_minPocketSize, m_maxPockets, m_threads, m_failOnError,
                    m_accuracy.core, m_reportFolder);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
