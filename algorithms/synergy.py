"""lcr:synergy: low-carbon × resilience quadrants, coupling coordination and baseline-vs-plan change."""
import math

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)


from ..core import composite
from ..core import synergy as core
from .base import LcrAlgorithm


class Synergy(LcrAlgorithm):
    ALG_ID = "synergy"
    GROUP_ID = "planning_checks"
    STYLE = "synergy"

    INPUT = "INPUT"
    LOW_CARBON_INDICATORS = "LOW_CARBON_INDICATORS"
    LOW_CARBON_NEGATIVE = "LOW_CARBON_NEGATIVE"
    LOW_CARBON_WEIGHTS = "LOW_CARBON_WEIGHTS"
    RESILIENCE_INDICATORS = "RESILIENCE_INDICATORS"
    SKIP_ABSENT = "SKIP_ABSENT"
    RESILIENCE_NEGATIVE = "RESILIENCE_NEGATIVE"
    RESILIENCE_WEIGHTS = "RESILIENCE_WEIGHTS"
    QUADRANT_SPLIT = "QUADRANT_SPLIT"
    ALPHA = "ALPHA"
    BASELINE = "BASELINE"
    UNIT_ID_FIELD = "UNIT_ID_FIELD"
    OUTPUT = "OUTPUT"
    WIN_WIN_COUNT = "WIN_WIN_COUNT"
    MEAN_D = "MEAN_D"
    SPEARMAN_RHO = "SPEARMAN_RHO"

    def displayName(self):  # noqa: N802
        return self.tr("Low-carbon × resilience synergy")

    def help_text(self):
        return self.tr(
            "The “integrate” step: puts each planning unit's low-carbon and resilience performance side by side.\n\n"
            "1. Scores: the low-carbon score U1 and the resilience score U2 are each the mean (equal weights, or "
            "your weights “field=weight, …” divided by their sum) of min-max normalised indicators "
            "x' = (x − min)/(max − min); for a negative indicator (higher is worse, e.g. net_t_cap or "
            "t_air_mean) (max − x)/(max − min). 0–1, unitless; a constant indicator gives 1. A unit with a "
            "NULL indicator gets NULL scores.\n"
            "2. Quadrant: high means score ≥ threshold; thresholds are the median of the units (default), 0.5 "
            "or the mean. quadrant = win_win, low_carbon_only, resilience_only or neither (quadrant_zh: 双赢, "
            "仅低碳, 仅韧性, 均不足).\n"
            "3. Coupling coordination degree (common in Chinese studies): C = 2√(U1·U2)/(U1 + U2), C = 0 when "
            "U1 + U2 = 0; T = α·U1 + β·U2 with β = 1 − α; D = √(C·T). coord_class: the conventional 10-level "
            "scale, 0–0.1 extreme_imbalance (极度失调), 0.1–0.2 serious_imbalance (严重失调), 0.2–0.3 "
            "moderate_imbalance (中度失调), 0.3–0.4 mild_imbalance (轻度失调), 0.4–0.5 near_imbalance (濒临失调), "
            "0.5–0.6 barely_coordinated (勉强协调), 0.6–0.7 primary_coordination (初级协调), 0.7–0.8 "
            "intermediate_coordination (中级协调), 0.8–0.9 good_coordination (良好协调), 0.9–1 "
            "quality_coordination (优质协调). A convention of the literature, not a standard.\n"
            "4. Baseline (optional): the same units before the plan, matched by the unit id field (compared as "
            "text; repeated ids in the baseline are refused) and carrying the same indicator fields. "
            "d_<field> = plan − baseline in the field's own unit (“d_” + field name cut to 20 characters, a "
            "clash ending in _2, _3 …). lc_delta and res_delta: change of the two scores, both recomputed with "
            "min and max taken over baseline and plan together so they share one scale. change: no_change "
            "(both |Δ| ≤ 1e-9), win_win (neither worsens, one improves), lose_lose (neither improves, one "
            "worsens), trade_off_lc (low-carbon improves, resilience worsens), trade_off_res (the reverse).\n\n"
            "Output fields: lc_score, res_score, quadrant, quadrant_zh, coupling_c, coord_t, coord_d, "
            "coord_class, coord_class_zh; with a baseline also d_<field>, lc_delta, res_delta, change. "
            "Results: WIN_WIN_COUNT, MEAN_D, SPEARMAN_RHO (Spearman rank correlation of lc_score and "
            "res_score; NULL with fewer than 3 units). Every input field is kept. Sources: OECD/JRC Handbook on "
            "constructing composite indicators (2008) for the normalisation and the means; the coupling "
            "coordination degree as used in Chinese planning studies.")

    def split_names(self):
        return [self.tr("median of units"), self.tr("0.5"), self.tr("mean of units")]

    def _field_param(self, name, label, help_text, parent, optional=False, multiple=True):
        self.add_parameter(QgsProcessingParameterField(
            name, label, parentLayerParameterName=parent, type=QgsProcessingParameterField.DataType.Numeric if multiple
            else QgsProcessingParameterField.DataType.Any, allowMultiple=multiple, optional=optional), help_text)

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Planning units (plan)"), [QgsProcessing.SourceType.TypeVector]),
            self.tr("Planning units carrying the low-carbon and resilience indicator fields (e.g. the outputs "
                    "of lcr:carbon_balance and lcr:urban_cooling joined by unit)."))
        self._field_param(self.LOW_CARBON_INDICATORS, self.tr("Low-carbon indicator fields"),
                          self.tr("Numeric fields making up the low-carbon score."), self.INPUT)
        self._field_param(self.LOW_CARBON_NEGATIVE, self.tr("Low-carbon indicators where higher is worse"),
                          self.tr("Subset of the low-carbon indicators whose direction is reversed, e.g. "
                                  "net_t_cap (tCO2 per resident)."), self.INPUT, optional=True)
        self.add_parameter(QgsProcessingParameterString(
            self.LOW_CARBON_WEIGHTS, self.tr("Low-carbon weights (field=weight, …)"), optional=True),
            self.tr("Empty: equal weights. Otherwise a weight ≥ 0 for every low-carbon indicator, divided by "
                    "their sum."), advanced=True)
        self._field_param(self.RESILIENCE_INDICATORS, self.tr("Resilience indicator fields"),
                          self.tr("Numeric fields making up the resilience score."), self.INPUT)
        self._field_param(self.RESILIENCE_NEGATIVE, self.tr("Resilience indicators where higher is worse"),
                          self.tr("Subset of the resilience indicators whose direction is reversed, e.g. "
                                  "t_air_mean (°C) or flooded share."), self.INPUT, optional=True)
        self.add_parameter(QgsProcessingParameterString(
            self.RESILIENCE_WEIGHTS, self.tr("Resilience weights (field=weight, …)"), optional=True),
            self.tr("Empty: equal weights. Otherwise a weight ≥ 0 for every resilience indicator, divided by "
                    "their sum."), advanced=True)
        self.add_parameter(QgsProcessingParameterBoolean(
            self.SKIP_ABSENT, self.tr("Leave out indicator fields the layer lacks"), defaultValue=False),
            self.tr("For the plan-check models, whose indicator lists name fields a plan may not have (a "
                    "parcel's green_ratio): such a field is left out, with a warning, while each score keeps "
                    "one. Off: a missing field is an error."), advanced=True)
        self.add_parameter(QgsProcessingParameterEnum(
            self.QUADRANT_SPLIT, self.tr("Quadrant thresholds"), self.split_names(), defaultValue=0),
            self.tr("Where a score counts as high (score ≥ threshold): the median of the units, 0.5 or the mean."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.ALPHA, self.tr("Weight α of the low-carbon score in T"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.5, minValue=0, maxValue=1),
            self.tr("T = α·U1 + (1 − α)·U2. 0.5: both matter equally."), advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.BASELINE, self.tr("Baseline units (before the plan)"), [QgsProcessing.SourceType.TypeVector], optional=True),
            self.tr("Optional: the same units before the plan, with the same indicator fields and the unit id field."))
        self._field_param(self.UNIT_ID_FIELD, self.tr("Unit id field"),
                          self.tr("Field identifying a unit in both the plan and the baseline layer."),
                          self.INPUT, optional=True, multiple=False)
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Synergy")),
                           self.tr("The units with scores, quadrant, coupling coordination and, with a baseline, "
                                   "the changes."))
        self.addOutput(QgsProcessingOutputNumber(self.WIN_WIN_COUNT, self.tr("Win-win units")))
        self.addOutput(QgsProcessingOutputNumber(self.MEAN_D, self.tr("Mean coupling coordination degree D")))
        self.addOutput(QgsProcessingOutputNumber(self.SPEARMAN_RHO, self.tr("Spearman ρ of the two scores")))

    def error_messages(self):
        return {
            "no_indicators": self.tr("Choose at least one low-carbon and one resilience indicator field."),
            "negative_not_indicator": self.tr(
                "The negative indicator(s) {fields} must also be chosen as indicator fields of the same score."),
            "pair_syntax": self.tr("{what}: “{item}” is not of the form field=value."),
            "pair_unknown_field": self.tr(
                "{what}: “{item}” names the field “{field}”, which is not one of its indicators ({fields})."),
            "pair_duplicate": self.tr("{what}: “{item}” gives the field “{field}” a second time."),
            "pair_bad_number": self.tr("{what}: in “{item}” the value must be a number ≥ 0."),
            "weights_missing": self.tr("The weights give no weight for the indicator(s) {fields}."),
            "weights_zero": self.tr("The weights add up to 0."),
            "baseline_duplicate_ids": self.tr(
                "The baseline has {n} unit id(s) on more than one feature: {ids}. Each unit must appear once."),
            "alpha_range": self.tr("α must lie between 0 and 1; it is {alpha}."),
            "method_unknown": self.tr("Unknown method: {value}."),
        }

    def _weights(self, parameters, name, fields, context):
        text = self.parameterAsString(parameters, name, context)
        return composite.parse_pairs(text, fields, name) or None

    @staticmethod
    def _column(chunks, index):
        return np.concatenate([c.values[index] for c in chunks])

    def compute(self, parameters, context, feedback):
        source = self.feature_source(parameters, self.INPUT, context, None)
        named = {name: list(self.parameterAsFields(parameters, name, context) or []) for name in (
            self.LOW_CARBON_INDICATORS, self.LOW_CARBON_NEGATIVE, self.RESILIENCE_INDICATORS, self.RESILIENCE_NEGATIVE)}
        absent = [field for name in (self.LOW_CARBON_INDICATORS, self.RESILIENCE_INDICATORS) for field in named[name]
                  if source.fields().lookupField(field) < 0]
        # With SKIP_ABSENT an indicator the layer lacks is left out while each side keeps one: a plan check's
        # parcels without a green_ratio field (a survey's 绿地率) stopped the whole model here, at its end.
        if absent and self.parameterAsBool(parameters, self.SKIP_ABSENT, context) and all(any(source.fields().lookupField(f) >= 0 for f in named[name])
                          for name in (self.LOW_CARBON_INDICATORS, self.RESILIENCE_INDICATORS)):
            feedback.pushWarning(self.tr("No field {fields} in “{layer}”: left out of the scores.").format(
                fields=", ".join(f"“{f}”" for f in absent), layer=source.sourceName()))
            named = {name: [f for f in fields if f not in absent] for name, fields in named.items()}
        (lc_fields, lc_idx), (lc_negative, _), (res_fields, res_idx), (res_negative, _) = [
            self.numeric_fields(parameters, None, source, context, names=fields) for fields in named.values()]
        if not lc_fields or not res_fields:
            raise QgsProcessingException(self.error_messages()["no_indicators"])
        lc_weights = self._weights(parameters, self.LOW_CARBON_WEIGHTS, lc_fields, context)
        res_weights = self._weights(parameters, self.RESILIENCE_WEIGHTS, res_fields, context)
        split = core.SPLITS[self.parameterAsEnum(parameters, self.QUADRANT_SPLIT, context)]
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)

        baseline = self.optional_source(parameters, self.BASELINE, context, None)
        id_name = self.parameterAsString(parameters, self.UNIT_ID_FIELD, context)
        id_idx = self.field_index(parameters, self.UNIT_ID_FIELD, source, context, numeric=False)
        if baseline is not None and id_idx < 0:
            raise QgsProcessingException(self.tr(
                "A baseline needs the unit id field (UNIT_ID_FIELD) that identifies a unit in both layers."))
        all_fields = list(dict.fromkeys(lc_fields + res_fields))
        base_chunks = None
        if baseline is not None:
            base_id = baseline.fields().lookupField(id_name)
            if base_id < 0:
                raise QgsProcessingException(self.tr(
                    "The baseline “{layer}” has no unit id field “{field}”. Its fields are: {fields}.").format(
                        layer=baseline.sourceName(), field=id_name, fields=", ".join(baseline.fields().names())))
            _, base_idx = self.numeric_fields(parameters, None, baseline, context, names=all_fields)
            base_chunks = self.read_all(baseline, feedback, base_idx, [base_id], signed=True)

        chunks = self.read_all(source, feedback, sorted(set(lc_idx + res_idx)), [id_idx] if id_idx >= 0 else [],
                               signed=True)
        if id_idx >= 0 and baseline is None:
            ids = pd.Series(self._column(chunks, id_idx), dtype=object).dropna()
            shared = ids[ids.duplicated(keep=False)]
            if len(shared):
                feedback.pushWarning(self.tr("{n} units share their id with another (e.g. “{id}”): each is scored, "
                                             "but the report cannot name them apart.").format(
                                                 n=len(shared), id=shared.iloc[0]))
        lc = np.column_stack([self._column(chunks, i) for i in lc_idx])
        res = np.column_stack([self._column(chunks, i) for i in res_idx])
        result = core.synergy(lc, res, lc_fields, res_fields, lc_negative, res_negative, lc_weights, res_weights,
                              split, alpha)

        new_double = [(n, "double") for n in ("lc_score", "res_score", "coupling_c", "coord_t", "coord_d")]
        columns = [result[n] for n, _ in new_double]
        new_text = ["quadrant", "quadrant_zh", "coord_class", "coord_class_zh"]
        text_columns = [result[n] for n in new_text]
        if baseline is not None:
            all_idx = [source.fields().lookupField(f) for f in all_fields]
            rows = core.match_ids(self._column(chunks, id_idx), self._column(base_chunks, base_id))
            matched = rows >= 0
            plan_all = np.column_stack([self._column(chunks, i) for i in all_idx])
            base_raw = np.column_stack([self._column(base_chunks, i) for i in base_idx])
            base_all = np.full(plan_all.shape, np.nan)
            base_all[matched] = base_raw[rows[matched]]
            pick = {f: j for j, f in enumerate(all_fields)}
            lc_cols, res_cols = [pick[f] for f in lc_fields], [pick[f] for f in res_fields]
            # The common scale spans every baseline unit, matched or not, and every plan unit.
            plan_lc, plan_res = plan_all[:, lc_cols], plan_all[:, res_cols]
            base_lc = np.vstack([base_all[:, lc_cols], base_raw[~np.isin(np.arange(len(base_raw)), rows)][:, lc_cols]])
            base_res = np.vstack([base_all[:, res_cols],
                                  base_raw[~np.isin(np.arange(len(base_raw)), rows)][:, res_cols]])
            lc_delta, res_delta = self._deltas(plan_lc, base_lc, plan_res, base_res, lc_fields, res_fields,
                                               lc_negative, res_negative, lc_weights, res_weights)
            names = core.delta_names(all_fields)
            new_double += [(n, "double") for n in names] + [("lc_delta", "double"), ("res_delta", "double")]
            columns += [plan_all[:, j] - base_all[:, j] for j in range(len(all_fields))] + [lc_delta, res_delta]
            new_text.append("change")
            text_columns.append(core.change_class(lc_delta, res_delta))
            if (~matched).any():
                feedback.pushWarning(self.tr(
                    "{n} units have no baseline unit with the same id: their changes are NULL.").format(
                        n=int((~matched).sum())))

        out_fields, positions = self.output_fields(source.fields(), new_double + [(n, "text") for n in new_text],
                                                   feedback)
        columns += text_columns
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, out_fields,
                                         source.wkbType(), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        start = 0
        for chunk in chunks:
            stop = start + len(chunk.features)
            self.write_chunk(sink, chunk, source.fields().count(), positions, [c[start:stop] for c in columns],
                             parameters, self.OUTPUT)
            start = stop

        t1, t2 = result["thresholds"]
        feedback.pushInfo(self.tr("Quadrant thresholds: low-carbon {t1:.4f}, resilience {t2:.4f}.").format(
            t1=t1, t2=t2))
        if result["missing"]:
            feedback.pushWarning(self.tr(
                "{n} units lack at least one indicator value: their scores and classes are NULL.").format(
                    n=result["missing"]))
        mean_d = None if math.isnan(result["mean_d"]) else result["mean_d"]
        rho = None if math.isnan(result["rho"]) else result["rho"]
        if rho is None:
            feedback.pushInfo(self.tr("Spearman ρ needs at least 3 units with both scores, not all equal: NULL."))
        else:
            feedback.pushInfo(self.tr("Spearman ρ of the two scores: {rho:.4f}.").format(rho=rho))
        feedback.pushInfo(self.tr("{n} win-win units.").format(n=result["win_win"]))
        self.style_output(context, dest_id, self.tr(
            "Low-carbon × resilience synergy: quadrants ({split} thresholds) and coupling coordination "
            "degree D. Made by the Low-Carbon & Resilience Planning Toolkit.").format(split=split))
        return {self.OUTPUT: dest_id, self.WIN_WIN_COUNT: result["win_win"], self.MEAN_D: mean_d,
                self.SPEARMAN_RHO: rho}

    @staticmethod
    def _deltas(plan_lc, base_lc, plan_res, base_res, lc_fields, res_fields, lc_negative, res_negative,
                lc_weights, res_weights):
        # compare() pairs row i of plan with row i of base; the extra (unmatched) baseline rows only
        # widen the common scale, so they are appended to the plan side as NaN-paired rows and dropped.
        n = len(plan_lc)
        extra = len(base_lc) - n
        pad_lc = np.vstack([plan_lc, np.full((extra, plan_lc.shape[1]), np.nan)])
        pad_res = np.vstack([plan_res, np.full((extra, plan_res.shape[1]), np.nan)])
        lc_delta, res_delta = core.compare(pad_lc, base_lc, pad_res, base_res, lc_fields, res_fields,
                                           lc_negative, res_negative, lc_weights, res_weights)
        return lc_delta[:n], res_delta[:n]
