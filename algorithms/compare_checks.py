"""lcr:compare_checks: two results of the same plan check, before and after measures: per rule how many
features pass, fail or have no verdict in each, and per feature which verdicts changed."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core import profiles, recheck
from ..core.errors import InputError
from ..core import report as core_report
from .base import LcrAlgorithm
from .reading import iterate_features
from .writing import FIELD_TYPES

TABLE_FIELDS = [("rule_id", "text"), ("name_en", "text"), ("name_zh", "text")] + \
    [(name, "int") for name in recheck.TABLE_COLUMNS[3:]] + [("measure", "text")]
CHANGE_FIELDS = [("feature_id", "text"), ("rule_id", "text"), ("before", "text"), ("after", "text")]


class CompareChecks(LcrAlgorithm):
    ALG_ID = "compare_checks"
    GROUP_ID = "plan_measures"
    STYLE = ""

    BEFORE = "BEFORE"
    AFTER = "AFTER"
    RULES = "RULES"
    ID_FIELD = "ID_FIELD"
    MEASURES = "MEASURES"
    OUTPUT = "OUTPUT"
    CHANGES = "CHANGES"
    FIXED = "FIXED"
    BROKEN = "BROKEN"
    FAILS_BEFORE = "FAILS_BEFORE"
    FAILS_AFTER = "FAILS_AFTER"

    def displayName(self):  # noqa: N802
        return self.tr("Compare two plan checks (before and after)")

    def help_text(self):
        return self.tr(
            "Two results of Planning check (or of a plan check) on the same units or parcels, before and after "
            "measures: per rule the number of features that pass, fail and have no verdict (n/a: not assessed "
            "or not applicable to the land use) in each, how many went from fail to pass (fixed) and from pass "
            "to fail (broken); and one row per feature and rule whose verdict changed.\n\n"
            "Rules: from the rule table (rule id and names, in the check's order), else from the r_<rule> fields "
            "of the two layers. Features are matched by the id field (present in both layers), else by their "
            "order.\n\n"
            "Output: a table with rule_id, name_en, name_zh, pass_before, fail_before, na_before, pass_after, "
            "fail_after, na_after, fixed, broken; the changes with feature_id, rule_id, before and after "
            "(pass, fail, n/a) at the feature's geometry in the later check.\n\n"
            "Measures applied (optional): which of lid, facilities, shelters, carbon were applied; the table's "
            "measure field then names, per rule, the one that can repair it (lid: runoff control rate; "
            "facilities: 15-minute life-circle coverage; shelters: shelter area per resident; carbon: net CO2), "
            "and is empty for the rules no applied measure addresses (floor area ratio, rail coverage, park "
            "supply, the fixed-shelter capacity share and others). Needs the rule table.")

    def initAlgorithm(self, config=None):  # noqa: N802
        vector = QgsProcessing.SourceType.TypeVectorAnyGeometry
        self.add_parameter(QgsProcessingParameterFeatureSource(self.BEFORE, self.tr("Check before"), [vector]),
                           self.tr("The OUTPUT of Planning check (or check:planning_check of a plan check) before "
                                   "the measures."))
        self.add_parameter(QgsProcessingParameterFeatureSource(self.AFTER, self.tr("Check after"), [vector]),
                           self.tr("The same check run on the plan with the measures."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.RULES, self.tr("Rule table"), [QgsProcessing.SourceType.TypeVector], optional=True),
            self.tr("The TABLE output of Planning check, for the rules' ids, names and order."))
        self.add_parameter(QgsProcessingParameterField(
            self.ID_FIELD, self.tr("Id field"), parentLayerParameterName=self.AFTER,
            type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Field naming each unit or parcel, in both layers. Empty: features are matched by order."))
        self.add_parameter(QgsProcessingParameterString(
            self.MEASURES, self.tr("Measures applied"), optional=True),
            self.tr("Comma-separated, of lid, facilities, shelters, carbon: the measures applied between the two "
                    "checks, named per rule in the measure field."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Before and after per rule"), QgsProcessing.SourceType.TypeVector),
            self.tr("One row per rule with the counts before and after."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.CHANGES, self.tr("Verdicts changed"), optional=True),
            self.tr("One row per feature and rule whose verdict changed."))
        self.addOutput(QgsProcessingOutputNumber(self.FIXED, self.tr("Verdicts fixed (fail → pass)")))
        self.addOutput(QgsProcessingOutputNumber(self.BROKEN, self.tr("Verdicts broken (pass → fail)")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILS_BEFORE, self.tr("Failing verdicts before")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILS_AFTER, self.tr("Failing verdicts after")))

    def error_messages(self):
        return {"duplicate_ids": self.tr("The id “{value}” is found {count} more time(s) in the check before: "
                                         "ids must name one unit or parcel each."),
                "measure_unknown": self.tr("Measures applied: “{value}” is none of lid, facilities, shelters, "
                                           "carbon."),
                "report_not_rule_table": self.tr(
                    "The rule table lacks the field(s) {missing}: choose the TABLE output of Planning check.")}

    def compute(self, parameters, context, feedback):
        before = self.feature_source(parameters, self.BEFORE, context, None)
        after = self.feature_source(parameters, self.AFTER, context, None)
        kinds = self._kinds(parameters, context)
        rules, indicators = self._rules(parameters, context, before, after)
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        values, ids, chunks = [], [], []
        for source in (before, after):
            fields = [f for f, _r, _e, _z in rules if source.fields().lookupField(f) >= 0]
            indices = [source.fields().lookupField(f) for f in fields]
            id_index = self.lookup_field(source, id_field, numeric=False) if id_field else -1
            chunk = next(self.read_chunks(source, feedback, indices, [id_index] if id_index >= 0 else [], whole=True,
                                          repair=False, signed=True))
            values.append({f: chunk.values[i] for f, i in zip(fields, indices)})
            ids.append(chunk.values[id_index] if id_index >= 0 else None)
            chunks.append(chunk)
        if not id_field and before.featureCount() != after.featureCount():
            feedback.pushWarning(self.tr("The two checks have {a} and {b} features: without an id field they are "
                                         "matched by order.").format(a=before.featureCount(), b=after.featureCount()))
        table, changes = recheck.compare(rules, values[0], values[1], ids[0], ids[1])
        table["measure"] = [recheck.measure_of(indicators.get(rule_id), kinds) for rule_id in table["rule_id"]]
        self.check_canceled(feedback)
        result = {self.OUTPUT: self._write_table(parameters, context, table), self.FIXED: int(table["fixed"].sum()),
                  self.BROKEN: int(table["broken"].sum()), self.FAILS_BEFORE: int(table["fail_before"].sum()),
                  self.FAILS_AFTER: int(table["fail_after"].sum())}
        dest = self._write_changes(parameters, context, after, chunks[1], changes, bool(id_field))
        if dest is not None:
            result[self.CHANGES] = dest
        for row in table.itertuples():
            feedback.pushInfo(self.tr("{rule}: {pb} pass, {fb} fail, {nb} n/a before; {pa} pass, {fa} fail, {na} n/a "
                                      "after ({fixed} fixed, {broken} broken).").format(
                rule=row.rule_id, pb=row.pass_before, fb=row.fail_before, nb=row.na_before, pa=row.pass_after,
                fa=row.fail_after, na=row.na_after, fixed=row.fixed, broken=row.broken))
        return result

    def _kinds(self, parameters, context):
        """The measures applied, from MEASURES (checked against recheck.MEASURE_KINDS)."""
        text = self.parameterAsString(parameters, self.MEASURES, context) or ""
        kinds = [k.strip().lower() for k in text.split(",") if k.strip()]
        for kind in kinds:
            if kind not in recheck.MEASURE_KINDS:
                raise InputError("measure_unknown", value=kind)
        return tuple(kinds)

    def _rules(self, parameters, context, before, after):
        """[(r_ field, rule id, English name, Chinese name)] in the check's order, and {rule id: indicator}."""
        if parameters.get(self.RULES) not in (None, ""):
            source = self.feature_source(parameters, self.RULES, context, None)
            core_report.check_rule_table(source.fields().names())
            names = source.fields().names()
            rows = [tuple(f[n] if n in names else None for n in ("rule_id", "name_en", "name_zh", "indicator"))
                    for f in iterate_features(source)]
            fields = profiles.rule_field_names([r[0] for r in rows])
            return ([(field, *[None if _null(v) else str(v) for v in row[:3]]) for field, row in zip(fields, rows)],
                    {str(row[0]): None if _null(row[3]) else str(row[3]) for row in rows})
        found = []
        for source in (before, after):
            found += [n for n in core_report.rule_fields(source.fields().names()) if n not in found]
        return [(name, name[len(profiles.FIELD_PREFIX):].upper(), "", "") for name in found], {}

    def _write_table(self, parameters, context, table):
        fields = QgsFields()
        for name, kind in TABLE_FIELDS:
            fields.append(QgsField(name, FIELD_TYPES[kind]))
        sink, dest = self.create_sink(parameters, self.OUTPUT, context, fields)
        for row in table.itertuples(index=False):
            feature = QgsFeature(fields)
            feature.setAttributes([row[0], row[1] or "", row[2] or ""] + [int(v) for v in row[3:-1]] + [row[-1]])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest

    def _write_changes(self, parameters, context, after, chunk, changes, by_id):
        fields = QgsFields()
        for name, kind in CHANGE_FIELDS:
            fields.append(QgsField(name, FIELD_TYPES[kind]))
        sink, dest = self.create_sink(parameters, self.CHANGES, context, fields, QgsWkbTypes.multiType(after.wkbType())
                                      if after.wkbType() != QgsWkbTypes.Type.NoGeometry else after.wkbType(),
                                      after.sourceCrs())
        if sink is None:
            return None
        for row in changes.itertuples(index=False):
            self.check_canceled()
            feature = QgsFeature(fields)
            geometry = chunk.features[int(row.position_after)].geometry()
            if not geometry.isNull():
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
            feature.setAttributes([row.id if by_id else str(chunk.features[int(row.position_after)].id()),
                                   row.rule_id, row.before, row.after])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return dest


def _null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())
