"""lcr:resilience_index: a composite resilience (or risk) index per unit from indicator fields."""
import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ..core import composite
from .base import LcrAlgorithm


class ResilienceIndex(LcrAlgorithm):
    ALG_ID = "resilience_index"
    GROUP_ID = "resilience"
    STYLE = "resilience_index"

    INPUT = "INPUT"
    INDICATORS = "INDICATORS"
    NEGATIVE_INDICATORS = "NEGATIVE_INDICATORS"
    NORMALISATION = "NORMALISATION"
    TARGETS = "TARGETS"
    WEIGHTING = "WEIGHTING"
    WEIGHTS = "WEIGHTS"
    AGGREGATION = "AGGREGATION"
    OUTPUT = "OUTPUT"
    MEAN_INDEX = "MEAN_INDEX"
    MISSING_COUNT = "MISSING_COUNT"

    def displayName(self):  # noqa: N802
        return self.tr("Composite resilience index")

    def help_text(self):
        return self.tr(
            "Combines indicator fields of planning units (or any features) into one composite index "
            "(OECD/JRC Handbook on composite indicators 2008; INFORM, EC-JRC).\n\n"
            "1. Normalisation of each indicator: min-max x' = (x − min)/(max − min), for a negative "
            "(higher is worse) indicator (max − x)/(max − min), 0–1, a constant indicator gives 1 to "
            "every feature; z-score (x − mean)/sd, sign reversed for negative indicators, a constant "
            "indicator gives 0; target x' = min(x/target, 1), for negative indicators min(target/x, 1), "
            "with targets given as “field=value, field=value”; or none, for values already on a common "
            "scale and direction (e.g. INFORM dimensions on 0–10).\n"
            "2. Weights: equal; your own (“field=weight, …”, normalised to sum 1); or entropy weights "
            "e_j = −(1/ln n) Σ p_ij ln p_ij with p_ij = x'_ij/Σ_i x'_ij, w_j = (1 − e_j)/Σ(1 − e_k), "
            "computed on the features with every indicator present.\n"
            "3. Aggregation: weighted arithmetic mean Σ w_j x'_j, or weighted geometric mean Π x'_j^w_j "
            "(INFORM: HE^(1/3)·V^(1/3)·LCC^(1/3)) in which components below 0.01 are raised to 0.01, so a "
            "feature worst on one indicator is not set to 0.\n\n"
            "A feature with a missing (NULL) indicator gets a NULL index and rank; they are counted and "
            "logged. Every input field is kept.\n\n"
            "Output fields: n_<field> per indicator (normalised component; “n_” + field name cut to 20 "
            "characters, a clash ending in _2, _3 …), res_index (0–1 for min-max and target, unitless), "
            "res_rank (1 = best, ties share a rank).")

    def normalisation_names(self):
        return [self.tr("min-max (0–1)"), self.tr("z-score"), self.tr("target (x/target, capped at 1)"),
                self.tr("none (values already on a common scale)")]

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Planning units"), [QgsProcessing.SourceType.TypeVector]),
            self.tr("Planning units (or any features, with or without geometry) carrying the indicator fields."))
        self.add_parameter(QgsProcessingParameterField(
            self.INDICATORS, self.tr("Indicator fields"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, allowMultiple=True),
            self.tr("Numeric fields to combine. A NULL value gives the feature a NULL index."))
        self.add_parameter(QgsProcessingParameterField(
            self.NEGATIVE_INDICATORS, self.tr("Negative indicators (higher is worse)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.DataType.Numeric,
            allowMultiple=True, optional=True),
            self.tr("Indicator fields whose higher values mean less resilience (e.g. exposed share); "
                    "their direction is reversed. Each must also be an indicator field."))
        self.add_parameter(QgsProcessingParameterEnum(
            self.NORMALISATION, self.tr("Normalisation"), self.normalisation_names(), defaultValue=0),
            self.tr("How each indicator is brought to a common scale."))
        self.add_parameter(QgsProcessingParameterString(
            self.TARGETS, self.tr("Targets (field=value, …)"), optional=True),
            self.tr("For the target normalisation: a target above 0 for every indicator, e.g. "
                    "“green_pct=40, shelter_m2=2”. x' = min(x/target, 1); negative min(target/x, 1)."))
        self.add_parameter(QgsProcessingParameterEnum(
            self.WEIGHTING, self.tr("Weighting"),
            [self.tr("equal"), self.tr("your own weights"), self.tr("entropy weights")], defaultValue=0),
            self.tr("Equal weights, the weights below, or entropy weights computed from the data."))
        self.add_parameter(QgsProcessingParameterString(
            self.WEIGHTS, self.tr("Weights (field=weight, …)"), optional=True),
            self.tr("For your own weights: a weight ≥ 0 for every indicator, e.g. “a=2, b=1”; "
                    "they are divided by their sum."))
        self.add_parameter(QgsProcessingParameterEnum(
            self.AGGREGATION, self.tr("Aggregation"),
            [self.tr("weighted arithmetic mean"), self.tr("weighted geometric mean")], defaultValue=0),
            self.tr("Arithmetic: a good indicator compensates a bad one. Geometric (INFORM): less compensation."))
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Resilience index")),
                           self.tr("The input features with n_<field> components, res_index and res_rank."))
        self.addOutput(QgsProcessingOutputNumber(self.MEAN_INDEX, self.tr("Mean index")))
        self.addOutput(QgsProcessingOutputNumber(self.MISSING_COUNT, self.tr("Features without an index")))

    def error_messages(self):
        return {
            "pair_syntax": self.tr("{what}: “{item}” is not of the form field=value."),
            "pair_unknown_field": self.tr(
                "{what}: “{item}” names the field “{field}”, which is not an indicator field ({fields})."),
            "pair_duplicate": self.tr("{what}: “{item}” gives the field “{field}” a second time."),
            "pair_bad_number": self.tr(
                "{what}: in “{item}” the value must be a number ≥ 0 (targets: above 0)."),
            "weights_missing": self.tr("WEIGHTS gives no weight for the indicator(s) {fields}."),
            "weights_zero": self.tr("WEIGHTS: the weights add up to 0."),
            "targets_missing": self.tr("TARGETS gives no target for the indicator(s) {fields}."),
            "negative_not_indicator": self.tr(
                "The negative indicator(s) {fields} must also be chosen as indicator fields."),
            "negative_without_normalisation": self.tr(
                "With normalisation “none” the direction cannot be reversed: remove the negative "
                "indicator(s) {fields} or choose a normalisation."),
            "entropy_too_few": self.tr("Entropy weights need at least 2 features with every indicator; found {n}."),
            "entropy_negative": self.tr(
                "Entropy weights need non-negative normalised values: use min-max or target normalisation."),
            "geometric_negative": self.tr(
                "The geometric mean needs non-negative components: use min-max or target normalisation, "
                "or the arithmetic mean."),
            "method_unknown": self.tr("Unknown method: {value}."),
        }

    def compute(self, parameters, context, feedback):
        source = self.feature_source(parameters, self.INPUT, context, None)
        fields, indices = self.numeric_fields(parameters, self.INDICATORS, source, context)
        if not fields:
            raise QgsProcessingException(self.tr("Choose at least one indicator field."))
        negative, _ = self.numeric_fields(parameters, self.NEGATIVE_INDICATORS, source, context)
        normalisation = composite.NORMALISATIONS[self.parameterAsEnum(parameters, self.NORMALISATION, context)]
        weighting = composite.WEIGHTINGS[self.parameterAsEnum(parameters, self.WEIGHTING, context)]
        aggregation = composite.AGGREGATIONS[self.parameterAsEnum(parameters, self.AGGREGATION, context)]
        targets = weights = None
        if normalisation == composite.NORM_TARGET:
            targets = composite.parse_pairs(self.parameterAsString(parameters, self.TARGETS, context),
                                            fields, "TARGETS")
        if weighting == composite.WEIGHT_USER:
            weights = composite.parse_pairs(self.parameterAsString(parameters, self.WEIGHTS, context),
                                            fields, "WEIGHTS")

        # The normalisation needs every feature's values first: read everything, then write.
        chunks = self.read_all(source, feedback, numeric=indices, signed=True)
        matrix = np.column_stack([np.concatenate([c.values[i] for c in chunks]) for i in indices])
        result = composite.composite_index(matrix, fields, negative, normalisation, weighting, aggregation,
                                           targets, weights)

        names = composite.component_names(fields)
        new_fields = [(n, "double") for n in names] + [("res_index", "double"), ("res_rank", "int")]
        out_fields, positions = self.output_fields(source.fields(), new_fields, feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, out_fields,
                                         source.wkbType(), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        ranks = result["rank"]
        start = 0
        for chunk in chunks:
            stop = start + len(chunk.features)
            columns = [result["normalised"][start:stop, j] for j in range(len(fields))]
            rank_column = np.array([None if np.isnan(r) else int(r) for r in ranks[start:stop]], dtype=object)
            columns += [result["index"][start:stop], rank_column]
            self.write_chunk(sink, chunk, source.fields().count(), positions, columns, parameters, self.OUTPUT)
            start = stop

        for field, name, weight in zip(fields, names, result["weights"]):
            feedback.pushInfo(self.tr("Weight of {field} ({name}): {w:.4f}").format(field=field, name=name, w=weight))
        if result["entropy"] is not None:
            feedback.pushInfo(self.tr("Entropy weights; entropies e_j: {e}.").format(
                e=", ".join(f"{f}={e:.4f}" for f, e in zip(fields, result["entropy"]))))
        if result["missing"]:
            feedback.pushWarning(self.tr(
                "{n} features lack at least one indicator value: their index and rank are NULL.")
                .format(n=result["missing"]))
        if result["floored"]:
            feedback.pushInfo(self.tr("{n} components below {floor} were raised to {floor} for the geometric mean.")
                              .format(n=result["floored"], floor=composite.GEOMETRIC_FLOOR))
        valid = result["index"][~np.isnan(result["index"])]
        mean = float(valid.mean()) if len(valid) else None
        if mean is not None:
            feedback.pushInfo(self.tr("Mean index {m:.4f} over {n} features.").format(m=mean, n=len(valid)))
        self.style_output(context, dest_id, self.tr(
            "Composite resilience index: {norm} normalisation, {weight} weights, {agg} mean of {fields}. "
            "Made by the Low-Carbon & Resilience Planning Toolkit.").format(
                norm=normalisation, weight=weighting, agg=aggregation, fields=", ".join(fields)))
        return {self.OUTPUT: dest_id, self.MEAN_INDEX: mean, self.MISSING_COUNT: result["missing"]}
