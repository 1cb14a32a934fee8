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
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.updates.util.BooleanReference;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.util.ColumnSelectionUtil;
import org.knime.node.parameters.widget.choices.util.CompatibleColumnsProvider.StringColumnsProvider;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MaxValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.sparsepocket.table.EvaluatorNodeSettings;
import org.sparsepocket.table.PredictorNodeSettings;


/** The Pocket Evaluator dialog; defaults and validation are shared-core's {@link EvaluatorNodeSettings}. */
@SuppressWarnings("restriction")
final class PocketEvaluatorNodeParameters implements NodeParameters {

    @Section(title = "Input")
    interface InputSection {
    }

    @Section(title = "Evaluation")
    @After(InputSection.class)
    interface EvaluationSection {
    }

    @Section(title = "Execution")
    @After(EvaluationSection.class)
    @Advanced
    interface ExecutionSection {
    }

    interface OwnLigandsRef extends BooleanReference {
    }

    static final class UsesLigandColumn implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(PredicateInitializer i) {
            return i.getPredicate(OwnLigandsRef.class).negate();
        }
    }

    static final class AtMostTwenty extends MaxValidation {
        @Override
        protected double getMax() {
            return 20;
        }
    }

    @Layout(InputSection.class)
    @Widget(title = "Structure column", description = """
            The column holding the structures: PDB or mmCIF text, a file path, a URL or a PDB ID.""")
    @ChoicesProvider(StringColumnsProvider.class)
    String m_structureColumn = "";

    @Layout(InputSection.class)
    @Widget(title = "Use the structures' own ligands", description = """
            Take the known ligands from each structure: its het groups with at least 5 heavy atoms that are
            not water or a common additive and lie within 4 Å of the protein. Uncheck to give each structure's
            ligand in a column instead.""")
    @ValueReference(OwnLigandsRef.class)
    boolean m_ownLigands = EvaluatorNodeSettings.DEFAULT.ownLigands();

    @Layout(InputSection.class)
    @Widget(title = "Ligand column", description = """
            The column holding each structure's known ligand: SDF/MOL or MOL2 text (as chemistry cells hold
            it), PDB text, or a path or URL to such a file. Only heavy atoms with 3-D coordinates are used.""")
    @ChoicesProvider(StringColumnsProvider.class)
    @Effect(predicate = UsesLigandColumn.class, type = EffectType.SHOW)
    String m_ligandColumn = "";

    @Layout(EvaluationSection.class)
    @Widget(title = "Distance cutoff (Å)", description = """
            A pocket finds a ligand when its centre lies within this distance of a ligand heavy atom (DCA) or
            of the ligand's centre (DCC). 4 Å is the field's standard.""")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class, maxValidation = AtMostTwenty.class)
    double m_cutoff = EvaluatorNodeSettings.DEFAULT.cutoff();

    @Layout(EvaluationSection.class)
    @Widget(title = "Use the model's tuned threshold", description = "As in the Pocket Predictor.")
    @ValueReference(PocketPredictorNodeParameters.ModelThresholdRef.class)
    @Migrate(loadDefaultIfAbsent = true)
    boolean m_modelThreshold = true;

    @Layout(EvaluationSection.class)
    @Widget(title = "Probability threshold", description = "As in the Pocket Predictor.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class,
            maxValidation = PocketPredictorNodeParameters.AtMostOne.class)
    @Effect(predicate = PocketPredictorNodeParameters.TypedThreshold.class, type = EffectType.SHOW)
    double m_threshold = PredictorNodeSettings.SHIPPED.threshold();

    @Layout(EvaluationSection.class)
    @Widget(title = "Use the model's tuned minimum pocket size", description = "As in the Pocket Predictor.")
    @ValueReference(PocketPredictorNodeParameters.ModelMinSizeRef.class)
    @Migrate(loadDefaultIfAbsent = true)
    boolean m_modelMinPocketSize = true;

    @Layout(EvaluationSection.class)
    @Widget(title = "Minimum pocket size", description = "Smallest pocket counted, in protein atoms.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    @Effect(predicate = PocketPredictorNodeParameters.TypedMinSize.class, type = EffectType.SHOW)
    int m_minPocketSize = PredictorNodeSettings.SHIPPED.minAtoms();

    @Layout(ExecutionSection.class)
    @Widget(title = "Number of threads", description = "Structures evaluated at the same time.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class,
            maxValidation = PocketPredictorNodeParameters.AtMostMaxThreads.class)
    int m_threads = EvaluatorNodeSettings.DEFAULT.threads();

    @Layout(ExecutionSection.class)
    @Widget(title = "Fail on error", description = """
            When checked, a row that cannot be evaluated fails the node; otherwise it gets its reason in the
            Error column and the node a warning.""")
    boolean m_failOnError = EvaluatorNodeSettings.DEFAULT.failOnError();

    PocketEvaluatorNodeParameters() {
    }

    PocketEvaluatorNodeParameters(NodeParametersInput context) {
        var strings = ColumnSelectionUtil.getCompatibleColumnsOfFirstPort(context, StringValue.class);
        if (!strings.isEmpty()) {
            m_structureColumn = strings.get(0).getName();
            m_ligandColumn = strings.get(strings.size() > 1 ? 1 : 0).getName();
        }
    }

    @Override
    public void validate() throws InvalidSettingsException {
        toCore();
    }

    EvaluatorNodeSettings toCore() throws InvalidSettingsException {
        try {
            return new EvaluatorNodeSettings(m_ownLigands, m_cutoff, m_modelThreshold ? null : m_threshold,
                    m_modelMinPocketSize ? null : m_minPocketSize, m_threads, m_failOnError);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

}
