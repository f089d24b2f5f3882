"""lcr:planning_check: check planning units or parcels against a standards profile (rules as data)."""
import os

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)


from ..core import landuse_codes, profiles
from . import est_flags
from .base import LcrAlgorithm, resource_path
from .landuse_codes import READ_SCHEMES, LanduseSchemes
from ..qt_compat import FieldType, field_type, holds_numbers

# Saved models store the chosen index: only ever append to this list.
PROFILES = ("cn_master", "cn_detailed", "cn_city_renewal", "cn_old_community", "cn_industrial_park",
            "cn_new_town", "cn_rural_village", "cn_disaster_management", "cn_transport_biodiversity",
            "eu_generic")
LEVELS = (None, "master", "detailed")
# Building climate zones (GB 50178-93) as grouped by GB 50180-2018 Table 4.0.2, keys of the class
# tables' climate_zone column; None: every zone (the most lenient row). Only ever append.
CLIMATE_ZONES = (None, "I_VII", "II_VI", "III_IV_V")
LANDUSE_SCHEMES = READ_SCHEMES
SUMMARY_FIELDS = [("score", "double"), ("n_pass", "int"), ("n_fail", "int"), ("n_na", "int")]
# Added after the r_<rule> fields so the positions of the older fields stay as they were.
LATE_FIELDS = [("n_nap", "int"), ("n_est", "int"), ("verdict", "text")]
TABLE_TEXT = ["rule_id", "name_en", "name_zh", "indicator", "field", "unit", "level", "side", "operator"]
TABLE_FIELDS = ([(n, FieldType.String) for n in TABLE_TEXT]
                + [("threshold", FieldType.Double), ("threshold_high", FieldType.Double)]
                + [(n, FieldType.String) for n in ("source", "clause", "status", "verdict")]
                + [(n, FieldType.Int) for n in ("n_pass", "n_fail", "n_na")]
                + [(n, FieldType.Double) for n in ("value_min", "value_mean", "value_max")]
                + [("applies_to", FieldType.String), ("n_nap", FieldType.Int), ("field_unit", FieldType.String)]
                + [("n_est", FieldType.Int), ("n_few", FieldType.Int)])


def profile_path(key):
    return resource_path("profiles", f"{key}.csv")


class PlanningCheck(LanduseSchemes, LcrAlgorithm):
    ALG_ID = "planning_check"
    GROUP_ID = "planning_checks"
    STYLE = "planning_check"

    INPUT = "INPUT"
    PROFILE = "PROFILE"
    PROFILE_FILE = "PROFILE_FILE"
    LEVEL = "LEVEL"
    FIELD_MAP = "FIELD_MAP"
    OUTPUT = "OUTPUT"
    TABLE = "TABLE"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    FLOORS_FIELD = "FLOORS_FIELD"
    HEIGHT_FIELD = "HEIGHT_FIELD"
    CLIMATE_ZONE = "CLIMATE_ZONE"
    RULES_PASSED = "RULES_PASSED"
    RULES_FAILED = "RULES_FAILED"
    RULES_NOT_ASSESSED = "RULES_NOT_ASSESSED"
    MIN_ASSESSED_SHARE = "MIN_ASSESSED_SHARE"
    POPULATION_FIELD = "POPULATION_FIELD"
    MIN_RESIDENTS = "MIN_RESIDENTS"

    def displayName(self):  # noqa: N802
        return self.tr("Planning check against a standards profile")

    def help_text(self):
        return self.tr(
            "Checks each planning unit or parcel against the rules of a standards profile: per-capita "
            "park green (GB 55014-2021), life-circle completeness (GB 50180-2018), runoff control "
            "(sponge city), shelter reach, rail coverage, Covenant of Mayors and 3-30-300 targets, etc.\n\n"
            "A profile is a CSV with one rule per row: rule_id, name_en, name_zh, indicator, unit, level "
            "(master|detailed), side (low_carbon|resilience|both), operator (>=, >, <=, <, ==, between), "
            "threshold, threshold_high (between only; both ends inclusive), source, clause, status, "
            "and optionally applies_to. "
            "A rule reads the field named in the field map, else the field named like its indicator "
            "(e.g. rail_pct from Transit coverage by unit, far and green_ratio of parcels); without such "
            "a field, or where the value is NULL, it is not assessed. A rule without such a field reads a known "
            "name of its indicator where the layer has one (容积率 or FAR for far, 绿地率 for green_ratio, 建筑密度 for "
            "building_density: resources/fields/field_aliases.csv, with the source of each name), and the log says "
            "which field it read. A field holding text is read as numbers: “2.5” as 2.5, “35%” as 0.35 for a rule in "
            "shares (35 for a rule in %); the log counts the values read, those written as a percentage and those "
            "it could not read. Values equal to a threshold "
            "within a relative tolerance of 1e-9 count as equal.\n\n"
            "UNITS: a field holding its value in another unit than the rule's unit column is mapped as "
            "rule_id=field[unit], e.g. CN_D_GREEN_RATIO=green_pct[%]; the value is converted to the "
            "rule's unit before the comparison (logged). Known units: ratios 0-1, %, ‰; lengths m, km; "
            "areas m2, ha, km2, mu (亩); masses t, kg; per person (person, cap, 人), per 1000 or 10k "
            "people (1000 people, 10k people, 万人), per year (a). Combine them with / and · (or . * /), "
            "e.g. kg/person·a, m2/10k people. Units of different kinds (e.g. m2 and m, or a floor area "
            "ratio '-' and %) are an error.\n\n"
            "LAND USE: applies_to lists the land-use codes a rule applies to, separated by |, as "
            "prefixes: 07 covers 0701 and 070101 (用地用海分类 2020), R covers R2 and R21 (GB 50137); "
            "empty = every feature. Choose the layer's land-use code field as Land-use code field; a "
            "feature whose code does not match is not applicable to the rule (r_<rule> NULL, counted in "
            "n_nap, not in the score); a feature without a code is not assessed for such rules. "
            "Without a land-use field every rule applies to every feature (a warning is logged). Codes "
            "stored as numbers (701) are read as text codes (0701). Codes of the third land survey (三调, "
            "GB/T 21010-2017) use the same digits for other land (0601 industry, 1101 rivers): choose their "
            "classification under Land-use codes are written in, and they are read through the land-use "
            "crosswalk as 2023 codes.\n\n"
            "HEIGHT CLASS: a rule with a by_class column (file.csv:column) takes its threshold per feature "
            "from a class table in resources/profiles/tables/ (or next to your profile): GB 50180-2018 "
            "Table 4.0.2 sets the FAR maximum and the green ratio minimum of residential blocks by building "
            "climate zone and height class. The row is picked from the Climate zone and the parcel's average "
            "number of floors (Floors field), else its building height (Height field). Where neither is known "
            "the rule's own threshold applies (shipped: the most lenient value of the table); above the "
            "table's highest class (26 floors, 80 m) the rule is not assessed. The log says how many features "
            "took each way.\n\n"
            "UNVERIFIED RULES: many thresholds are editable defaults whose number was not read in the "
            "standard (status unverified). They are marked in the table and listed in the log, and "
            "must not be reported as legally binding.\n\n"
            "Output fields: score (passed / assessed rules, 0–1, NULL where none assessed), n_pass, "
            "n_fail, n_na (rules not assessed), r_<rule_id> per rule (1 pass, 0 fail, NULL not "
            "assessed or not applicable; rule id lower-cased, other characters than a–z, 0–9 and _ as "
            "_, cut to 20 characters, _2, _3 … added where two would clash), then n_nap (rules not "
            "applicable to the feature's land use), n_est (rules whose value rests on the toolkit's shipped "
            "defaults, flagged by the upstream algorithm in a field <indicator field>_est = 1: such a value "
            "is neither a pass nor a fail) and verdict: fail (a rule assessed from your data fails), pass "
            "(none fails and at least the minimum share of the rules that apply was assessed), "
            "insufficient_data (none fails, but too few rules assessed to say it passes) or not_assessed "
            "(no rule assessed). Rule table: the rule's columns, the field read, "
            "verdict (pass when every assessed feature passes, fail when any fails, estimated when only "
            "default-based values exist, not_assessed when none was assessed), n_pass, n_fail, n_na, "
            "value_min, value_mean, value_max (in the rule's unit), applies_to, n_nap, field_unit (the unit "
            "converted from, if any), n_est and n_few.\n\n"
            "FEW RESIDENTS: with a Residents field, the per-resident rules (unit per person, such as m2/person or "
            "t/person·a, and the shelter capacity per 100 residents shelter_cap_pct) give no verdict on a feature "
            "with fewer residents than the minimum (default 100): a ratio to a handful of residents is arithmetic, "
            "not a planning fact. Such a feature counts the rule as not assessed (n_na); the rule table counts them "
            "in n_few and the log names the rules.")

    def profile_names(self):
        return [self.tr("China, territorial master plan (cn_master)"),
                self.tr("China, detailed plan, parcels (cn_detailed)"),
                self.tr("Pilot: city renewal (cn_city_renewal)"),
                self.tr("Pilot: old community renovation (cn_old_community)"),
                self.tr("Pilot: industrial park (cn_industrial_park)"),
                self.tr("Pilot: new town (cn_new_town)"),
                self.tr("Pilot: rural low-carbon village (cn_rural_village)"),
                self.tr("Pilot: disaster management (cn_disaster_management)"),
                self.tr("Pilot: green transport and biodiversity (cn_transport_biodiversity)"),
                self.tr("Europe, generic targets (eu_generic)")]

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Planning units or parcels"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("Polygons holding the indicator values to check, one field per indicator."))
        self.add_parameter(QgsProcessingParameterEnum(
            self.PROFILE, self.tr("Standards profile"), self.profile_names(), defaultValue=0),
            self.tr("A shipped profile (resources/profiles/). Rules marked unverified are editable defaults."))
        self.add_parameter(QgsProcessingParameterFile(
            self.PROFILE_FILE, self.tr("Own profile (CSV)"), extension="csv", optional=True),
            self.tr("A profile CSV of your own, with the columns of the shipped ones; replaces the "
                    "standards profile."))
        self.add_parameter(QgsProcessingParameterEnum(
            self.LEVEL, self.tr("Planning level"),
            [self.tr("All rules"), self.tr("Master plan rules only"), self.tr("Detailed plan rules only")],
            defaultValue=0),
            self.tr("Which rules of the profile to check, by their level column."))
        self.add_parameter(QgsProcessingParameterString(
            self.FIELD_MAP, self.tr("Field map"), optional=True, defaultValue=""),
            self.tr("Which field each rule reads: rule_id=field, separated by commas (or by semicolons, where a "
                    "field name holds a comma), e.g. CN_M_PARK_GREEN_PC=green_pc or CN_M_PARK_GREEN_PC=公园 面积; a "
                    "field name keeps its spaces. Rules not listed read the field named like their "
                    "indicator, if the layer has one; else they are not assessed. A field in another "
                    "unit than the rule's: rule_id=field[unit], e.g. CN_D_GREEN_RATIO=green_pct[%]."))
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Planning check")),
                           self.tr("The features with score, n_pass, n_fail, n_na, r_<rule_id> and n_nap added."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.TABLE, self.tr("Planning check rules"), QgsProcessing.SourceType.TypeVector, optional=True,
            createByDefault=True),
            self.tr("One row per rule (no geometry) with its source, clause, status, the field read, "
                    "verdict, counts and value range."))
        self.add_parameter(QgsProcessingParameterField(
            self.LANDUSE_FIELD, self.tr("Land-use code field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Field with each feature's land-use code (e.g. 0701, R2; codes stored as numbers, "
                    "such as 701, get their leading zero back). Rules with an applies_to column check "
                    "only features whose code starts with one of its codes."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.MIN_ASSESSED_SHARE, self.tr("Minimum share of rules assessed for a pass (%)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=100 * profiles.DEFAULT_MIN_ASSESSED_SHARE,
            minValue=0, maxValue=100),
            self.tr("A feature without a failing rule passes only when at least this share of the rules that "
                    "apply to it were assessed from your data; below it, its verdict is insufficient_data."),
            advanced=True)
        self.add_parameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Residents field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Residents of each feature, the denominator of its per-resident indicators. With it, "
                    "per-resident rules give no verdict where the residents are fewer than the minimum."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.MIN_RESIDENTS, self.tr("Minimum residents for a per-resident verdict"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=profiles.DEFAULT_MIN_RESIDENTS, minValue=0),
            self.tr("Below this many residents the per-resident rules (m2/person, t/person·a, shelter capacity per "
                    "100 residents) are not assessed: one resident more or less moves such a value by 1/n. "
                    "0 judges every feature."), advanced=True)
        self.add_parameter(QgsProcessingParameterField(
            self.FLOORS_FIELD, self.tr("Floors field (average floors of the residential buildings)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Field with the average number of floors of each parcel's residential buildings "
                    "(住宅建筑平均层数 of GB 50180-2018: total floor area ÷ total footprint): a number, or text "
                    "such as 6层, 6F or 十二层. It picks the height class of the rules that have a by_class "
                    "column (FAR and green ratio of residential blocks, Table 4.0.2). Empty, NULL or 0: the "
                    "height field is used, else the rule's own threshold."))
        self.add_parameter(QgsProcessingParameterField(
            self.HEIGHT_FIELD, self.tr("Height field (m, tallest residential building)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Field with the height in metres of each parcel's tallest residential building, a number "
                    "or text such as 18米 or 18m. "
                    "Used to pick the height class where the floors are not known: the first class whose "
                    "height limit (18, 27, 36, 54, 80 m in GB 50180-2018 Table 4.0.2) it does not exceed."))
        self.add_parameter(QgsProcessingParameterEnum(
            self.CLIMATE_ZONE, self.tr("Building climate zone (GB 50178)"),
            [self.tr("Not set: the most lenient row of any zone"), self.tr("Zones I and VII"),
             self.tr("Zones II and VI (e.g. Beijing, Xiong'an, Xi'an)"),
             self.tr("Zones III, IV and V (e.g. Shanghai, Jiaxing, Xiamen)")], defaultValue=0),
            self.tr("The building climate zone of the plan (GB 50178-93 建筑气候区划标准), for the rules whose "
                    "thresholds depend on it (by_class). Not set: each parcel is checked against the most "
                    "lenient of the zones' rows for its height class, so no parcel fails that some zone "
                    "permits; choose the zone for the real check."))
        self.add_scheme_parameter(
            self.tr("The classification of the land-use code field. The profiles' applies_to list 用地用海 2023 "
                    "codes and GB 50137 letter codes, so such codes are read as written. Codes of the third land "
                    "survey (三调) must be translated (resources/factors/landuse_crosswalk.csv): the same digits "
                    "mean other land there."),
            as_written=self.tr("用地用海分类 2023 or GB 50137-2011, as the profile's applies_to (read as written)"))
        self.addOutput(QgsProcessingOutputNumber(self.RULES_PASSED, self.tr("Rules passed")))
        self.addOutput(QgsProcessingOutputNumber(self.RULES_FAILED, self.tr("Rules failed")))
        self.addOutput(QgsProcessingOutputNumber(self.RULES_NOT_ASSESSED, self.tr("Rules not assessed")))

    def error_messages(self):
        return {
            "profile_empty_value": self.tr("The profile {path}, line {line}: the column {column} is empty."),
            "profile_bad_operator": self.tr(
                "The profile {path}, line {line}: unknown operator “{value}”; use one of {allowed}."),
            "profile_bad_choice": self.tr(
                "The profile {path}, line {line}: “{value}” is not a valid {column}; use one of {allowed}."),
            "profile_bad_threshold": self.tr(
                "The profile {path}, line {line}: {column} “{value}” is not a number."),
            "profile_between_no_high": self.tr(
                "The profile {path}, line {line}: rule {rule} uses between but has no threshold_high."),
            "profile_high_not_above": self.tr(
                "The profile {path}, line {line}: rule {rule} has threshold_high {high} not above "
                "threshold {low}."),
            "profile_high_not_between": self.tr(
                "The profile {path}, line {line}: rule {rule} has a threshold_high but its operator is "
                "{operator}; leave threshold_high empty unless the operator is between."),
            "profile_duplicate_rule": self.tr("The profile {path}, line {line}: rule_id {rule} appears twice."),
            "profile_bad_applies_to": self.tr(
                "The profile {path}, line {line}: rule {rule} has applies_to “{value}”; write land-use "
                "codes separated by |, without spaces, commas or empty codes (e.g. 0701|R)."),
            "field_map_unit_unknown": self.tr(
                "Field map: rule {rule}: unknown unit “{unit}”. Known units: {known}."),
            "field_map_unit_incompatible": self.tr(
                "Field map: rule {rule} is in {rule_unit}, which cannot be converted from the field's "
                "unit {field_unit}."),
            "field_map_syntax": self.tr(
                "Field map: “{item}” is not of the form rule_id=field or rule_id=field[unit]."),
            "field_map_unknown_rule": self.tr(
                "Field map: the profile has no rule “{rule}”. Its rules are: {rules}."),
            "field_map_repeated": self.tr("Field map: rule {rule} is mapped twice."),
            "field_map_missing_field": self.tr(
                "Field map: rule {rule} reads “{field}”, which the layer does not have. Its fields are: {fields}."),
            "profile_bad_by_class": self.tr(
                "The profile {path}, line {line}: rule {rule} has by_class “{value}”; write the class table's "
                "file name and column as file.csv:column (e.g. gb50180_residential_blocks.csv:far_max)."),
            "profile_by_class_operator": self.tr(
                "The profile {path}, line {line}: rule {rule} takes its threshold from a class table (by_class), "
                "which needs one of the operators {allowed}, not {operator}."),
            "class_table_not_found": self.tr(
                "The class table {file} named in the profile's by_class column is in none of these folders: "
                "{folders}."),
            "class_table_missing_column": self.tr(
                "The class table {path} has no column “{column}”, which rule {rule} reads (by_class)."),
            "class_table_duplicate": self.tr(
                "The class table {path}, line {line}: climate zone {zone} and height class {height_class} "
                "appear twice."),
            "class_table_no_zone": self.tr(
                "The class table {path} has no rows for the climate zone {zone}; its zones are: {zones}."),
            **self.crosswalk_messages(),
        }

    # ---- running ------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        path = self.parameterAsFile(parameters, self.PROFILE_FILE, context)
        if not path:
            path = profile_path(PROFILES[self.parameterAsEnum(parameters, self.PROFILE, context)])
        profile = profiles.load_profile(path)
        level = LEVELS[self.parameterAsEnum(parameters, self.LEVEL, context)]
        profile = profiles.select_level(profile, level)
        if profile.empty:
            raise QgsProcessingException(self.tr(
                "The profile {path} has no {level} rules: choose another planning level.").format(
                    path=path, level=level))
        rule_ids = list(profile["rule_id"])
        field_map = self.parameterAsString(parameters, self.FIELD_MAP, context)
        mapping = profiles.parse_field_map(field_map, rule_ids)
        field_units = profiles.parse_field_units(field_map, rule_ids)
        factors = profiles.unit_factors(profile, field_units)
        in_fields = source.fields()
        fields = profiles.resolve_fields(profile, in_fields.names(), mapping)
        fields = self._alias_fields(profile, fields, in_fields, feedback)
        fields = self._check_fields(profile, fields, mapping, in_fields, feedback)
        feedback.pushInfo(self.tr("Profile {path}: {n} rules.").format(path=path, n=len(rule_ids)))
        self._log_unverified(profile, feedback)
        self._log_units(profile, fields, field_units, factors, feedback)
        landuse = self._landuse_index(parameters, context, in_fields, profile, feedback)
        scheme = self.read_scheme(parameters, context)
        crosswalk = None
        if landuse is not None and scheme is not None:
            crosswalk_path = self.factor_table("landuse_crosswalk.csv", feedback)
            crosswalk = landuse_codes.read_crosswalk(crosswalk_path)
            feedback.pushInfo(self.tr("Land-use codes of “{field}” are read as {scheme} and translated to 用地用海分类 "
                                      "2023 codes through {path}.").format(
                field=in_fields.at(landuse).name(), scheme=self.scheme_names()[LANDUSE_SCHEMES.index(scheme)],
                path=crosswalk_path))
        unknown_codes = {}
        folder = os.path.dirname(os.path.abspath(path))
        class_tables = profiles.load_class_tables(
            profile, [folder, os.path.join(folder, "tables"), resource_path("profiles", "tables")])
        zone = CLIMATE_ZONES[self.parameterAsEnum(parameters, self.CLIMATE_ZONE, context)]
        floors, height = self._class_fields(parameters, context, in_fields, profile, class_tables, zone, feedback)
        residents, min_residents, per_resident = self._residents(parameters, context, in_fields, profile, feedback)
        few_counts = {}

        rule_fields = profiles.rule_field_names(rule_ids)
        out_fields, positions = self.output_fields(
            in_fields, SUMMARY_FIELDS + [(name, "int") for name in rule_fields] + LATE_FIELDS, feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, out_fields,
                                         source.wkbType(), source.sourceCrs())
        min_share = self.parameterAsDouble(parameters, self.MIN_ASSESSED_SHARE, context) / 100 \
            if parameters.get(self.MIN_ASSESSED_SHARE) not in (None, "") else profiles.DEFAULT_MIN_ASSESSED_SHARE
        flags = self._estimate_flags(rule_ids, fields, in_fields, feedback)
        texts = {in_fields.lookupField(f) for f in fields if f is not None and not holds_numbers(in_fields.field(f))}
        read = sorted({in_fields.lookupField(f) for f in fields if f is not None} - texts | set(flags.values()))
        text_counts = {}
        measures = [index for index in (floors, height) if index is not None]
        extra = [] if residents is None else [residents]
        request = QgsFeatureRequest().setSubsetOfAttributes(list(range(in_fields.count())))
        total = None
        class_counts, impossible_counts = {}, {}
        percent_shares = {}
        # A land-use field that a rule also reads is numeric: its codes come from the numbers
        # (701.0 reads as 0701), and reading it as text as well would replace the rule's values.
        text = sorted(texts | (set() if landuse is None or landuse in read else {landuse}))
        for chunk in self.read_chunks(source, feedback, numeric=sorted(set(read) | set(measures) | set(extra)),
                                      request=request,
                                      repair=False, text=text, signed=True, nodata=measures):
            raw = pd.DataFrame({rule: self._rule_values(chunk, in_fields.lookupField(field), texts, unit, text_counts)
                                for rule, field, unit in zip(rule_ids, fields, profile["unit"]) if field is not None},
                               index=range(len(chunk.features)))
            raw, percent_counts = profiles.percent_written_shares(raw, profile, field_units)
            for rule, n in percent_counts.items():
                percent_shares[rule] = percent_shares.get(rule, 0) + n
            impossible = profiles.impossible_values(raw, profile, field_units)
            _count_impossible(impossible_counts, impossible, dict(zip(rule_ids, fields)))
            values = raw.mask(impossible)
            for rule in values.columns.intersection(list(factors)):
                values[rule] = values[rule] * factors[rule]
            codes = None if landuse is None else chunk.values[landuse]
            if crosswalk is not None:
                translated = landuse_codes.translate(codes, crosswalk, scheme)
                codes = translated["code"]
                for code, count in translated["unknown"].items():
                    unknown_codes[code] = unknown_codes.get(code, 0) + count
            scope = None if landuse is None else profiles.rule_scope(profile, codes)
            # a flag says a value rests on defaults: where there is no value, the rule is not assessed
            estimated = pd.DataFrame({rule: (chunk.values[index] == 1) & values[rule].notna().to_numpy()
                                      for rule, index in flags.items()}, index=values.index)
            thresholds = None
            if class_tables:
                n = len(chunk.features)
                thresholds, sources = profiles.class_thresholds(
                    profile, class_tables, zone, chunk.values[floors] if floors is not None else np.full(n, np.nan),
                    chunk.values[height] if height is not None else np.full(n, np.nan))
                _add_class_counts(class_counts, sources, scope)
            results = profiles.evaluate(values, profile, scope, estimated, thresholds)
            results, few = profiles.withhold_few_residents(
                results, per_resident, None if residents is None else chunk.values[residents], min_residents)
            for rule, n in few.items():
                few_counts[rule] = few_counts.get(rule, 0) + n
            summary = profiles.feature_summary(results, scope, estimated, min_share)
            columns = [summary[name].to_numpy() for name, _ in SUMMARY_FIELDS]
            columns += [results[rule].to_numpy() for rule in rule_ids]
            columns += [summary[name].to_numpy() for name, _ in LATE_FIELDS]
            self.write_chunk(sink, chunk, in_fields.count(), positions, columns, parameters, self.OUTPUT)
            total = profiles.add_tallies(total, profiles.tally(values, results, scope, estimated))
            self.check_canceled(feedback)

        self._log_text_counts(text_counts, in_fields, feedback)
        self._log_class_counts(class_counts, feedback)
        self._log_impossible(source, impossible_counts, feedback)
        for rule, n in percent_shares.items():
            feedback.pushWarning(self.tr(
                "“{layer}”: {n} values of “{field}” for rule {rule} are above 1, which no share can be: they are read "
                "as per cent (35 as 0.35). If the field holds per cent throughout, say so in the field map "
                "({rule}={field}[%]).").format(layer=source.sourceName(), n=n, field=dict(zip(rule_ids, fields))[rule],
                                                rule=rule))
        if unknown_codes:
            feedback.pushWarning(self.tr(
                "{n} features have a land-use code that the crosswalk does not know: {codes}. Rules with "
                "applies_to are not assessed on them.").format(
                    n=sum(unknown_codes.values()),
                    codes=", ".join(f"{c} ({k})" for c, k in sorted(unknown_codes.items(), key=lambda i: -i[1])[:12])))
        table = profiles.rule_verdicts(profile, fields, total, field_units)
        table["n_few"] = [few_counts.get(rule, 0) for rule in table["rule_id"]]
        self._log_few(few_counts, min_residents, feedback)
        result = {self.OUTPUT: dest_id,
                  self.RULES_PASSED: int((table["verdict"] == "pass").sum()),
                  self.RULES_FAILED: int((table["verdict"] == "fail").sum()),
                  self.RULES_NOT_ASSESSED: int((table["verdict"] == "not_assessed").sum())}
        self._report(table, feedback)
        table_dest = self._write_table(parameters, context, table)
        if table_dest is not None:
            result[self.TABLE] = table_dest
        self.style_output(context, dest_id, self.tr(
            "Planning check against {path}: score = passed / assessed rules (0–1), r_<rule> 1 pass, 0 fail, "
            "NULL not assessed or not applicable (n_nap). Unverified rules are editable defaults, not legal "
            "verdicts. Made by the Low-Carbon & Resilience Planning Toolkit.").format(path=path))
        return result

    @staticmethod
    def _rule_values(chunk, index, texts, unit, counts):
        """A rule's values from its field: numbers as read, text as ``profiles.text_values`` reads it
        (counted per field: read, as a percentage, unreadable)."""
        if index not in texts:
            return chunk.values[index]
        numbers, percent, unreadable = profiles.text_values(chunk.values[index], unit)
        count = counts.setdefault(index, [0, 0, 0, []])
        count[0] += int((~np.isnan(numbers)).sum())
        count[1] += int(percent.sum())
        count[2] += int(unreadable.sum())
        column = pd.Series(np.asarray(list(chunk.values[index]), dtype=object))
        count[3] = (count[3] + [str(v) for v in pd.unique(column[unreadable])])[:3]
        return numbers

    def _log_text_counts(self, counts, in_fields, feedback):
        for index, (n_read, n_percent, n_bad, examples) in counts.items():
            feedback.pushInfo(self.tr(
                "“{field}” holds text: {n} values read as numbers, {p} of them written as a percentage (35% read "
                "as 0.35 for a rule in shares).").format(field=in_fields.at(index).name(), n=n_read, p=n_percent))
            if n_bad:
                feedback.pushWarning(self.tr(
                    "“{field}”: {n} values hold no number the check can read (e.g. {examples}), or a percentage "
                    "for a rule that is not a share; the rule is not assessed there.").format(
                        field=in_fields.at(index).name(), n=n_bad, examples=", ".join(examples)))

    def _alias_fields(self, profile, fields, in_fields, feedback):
        """Rules without a mapped or same-named field read a known alias of their indicator (容积率 for far,
        绿地率 for green_ratio, …) from the crosswalk resources/fields/field_aliases.csv; the field map wins."""
        if all(field is not None for field in fields):
            return fields
        path = resource_path("fields", "field_aliases.csv")
        fields, used = profiles.alias_fields(profile, fields, in_fields.names(), profiles.load_aliases(path))
        for rule, (field, source) in used.items():
            feedback.pushInfo(self.tr(
                "Rule {rule}: reads “{field}” for its indicator “{indicator}” (a known name of it: {source}; "
                "{path}). Map the rule in the field map to read another field.").format(
                    rule=rule, field=field, source=source, path=path,
                    indicator=profile.loc[profile["rule_id"] == rule, "indicator"].iloc[0]))
        return fields

    def _check_fields(self, profile, fields, mapping, in_fields, feedback):
        """Fields must be numbers or text (read as numbers, e.g. "2.5", "35%"): a mapped field of another
        type is an error, an unmapped one is skipped."""
        checked = []
        for rule, field in zip(profile["rule_id"], fields):
            if field is not None and not holds_numbers(in_fields.field(field)) and \
                    field_type(in_fields.field(field)) != FieldType.String:
                if rule in mapping:
                    raise QgsProcessingException(self.tr(
                        "Field map: rule {rule} reads “{field}”, which is not numeric ({kind}).").format(
                            rule=rule, field=field, kind=in_fields.field(field).typeName()))
                feedback.pushWarning(self.tr(
                    "Rule {rule}: the field “{field}” is not numeric; the rule is not assessed.").format(
                        rule=rule, field=field))
                field = None
            if field is None:
                feedback.pushInfo(self.tr("Rule {rule}: no field for its indicator “{indicator}”; not assessed.")
                                  .format(rule=rule, indicator=profile.loc[profile["rule_id"] == rule,
                                                                           "indicator"].iloc[0]))
            checked.append(field)
        return checked

    def _residents(self, parameters, context, in_fields, profile, feedback):
        """(index of the residents field or None, the minimum, the per-resident rule ids); logs them."""
        name = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        per_resident = profiles.per_resident_rules(profile)
        minimum = self.parameterAsDouble(parameters, self.MIN_RESIDENTS, context) \
            if parameters.get(self.MIN_RESIDENTS) not in (None, "") else profiles.DEFAULT_MIN_RESIDENTS
        index = in_fields.lookupField(name) if name else -1
        if name and index < 0:
            raise QgsProcessingException(self.tr("The layer has no field “{field}”.").format(field=name))
        if index < 0:
            if per_resident:
                feedback.pushInfo(self.tr(
                    "No residents field: the per-resident rules {rules} are judged whatever the number of residents.")
                    .format(rules=", ".join(per_resident)))
            return None, minimum, per_resident
        if per_resident and minimum > 0:
            feedback.pushInfo(self.tr(
                "Per-resident rules {rules}: not assessed where “{field}” is below {n:g} residents.").format(
                    rules=", ".join(per_resident), field=name, n=minimum))
        return index, minimum, per_resident

    def _log_few(self, counts, minimum, feedback):
        for rule, n in counts.items():
            if n:
                feedback.pushWarning(self.tr(
                    "Rule {rule}: {n} features not assessed, too few residents (fewer than {min:g}): a ratio to so "
                    "few residents is not a planning fact (n_few).").format(rule=rule, n=n, min=minimum))

    def _estimate_flags(self, rule_ids, fields, in_fields, feedback):
        """{rule: index of its field's "_est" flag field} for the rules whose field has one."""
        flags = {}
        for rule, field in zip(rule_ids, fields):
            value = -1 if field is None else in_fields.lookupField(field)
            index, cut = (-1, None) if value < 0 else est_flags.flag_index(in_fields, value)
            if cut is not None:
                self.say_cut_flag(in_fields.at(value).name(), cut)
            if index >= 0:
                flags[rule] = index
                feedback.pushInfo(self.tr(
                    "Rule {rule}: where “{flag}” is 1 the value of “{field}” rests on shipped defaults, not "
                    "your data; those features get no verdict on it (n_est).").format(
                        rule=rule, flag=in_fields.at(index).name(), field=field))
        return flags

    def _landuse_index(self, parameters, context, in_fields, profile, feedback):
        """Index of the land-use code field, or None; warns when rules have applies_to but no field."""
        name = self.parameterAsString(parameters, self.LANDUSE_FIELD, context)
        scoped = list(profile.loc[profile["applies_to"] != "", "rule_id"])
        if not name:
            if scoped:
                feedback.pushWarning(self.tr(
                    "No land-use code field: the rules {rules} are meant for some land uses only "
                    "(applies_to) but are checked on every feature.").format(rules=", ".join(scoped)))
            return None
        index = in_fields.lookupField(name)
        if index < 0:
            raise QgsProcessingException(self.tr("The layer has no field “{field}”.").format(field=name))
        if scoped:
            feedback.pushInfo(self.tr("Land use from “{field}”: {n} rules apply to some land uses only.").format(
                field=name, n=len(scoped)))
        return index

    def _class_fields(self, parameters, context, in_fields, profile, class_tables, zone, feedback):
        """Indices of the floors and height fields (or None); logs which rules read class tables."""
        indices = []
        for name in (self.FLOORS_FIELD, self.HEIGHT_FIELD):
            field = self.parameterAsString(parameters, name, context)
            index = in_fields.lookupField(field) if field else -1
            if field and index < 0:
                raise QgsProcessingException(self.tr("The layer has no field “{field}”.").format(field=field))
            if index >= 0 and not holds_numbers(in_fields.field(index)) and field_type(in_fields.field(index)) != FieldType.String:
                raise QgsProcessingException(self.tr("The field “{field}” must be numeric; it holds {kind}.").format(
                    field=field, kind=in_fields.field(index).typeName()))
            indices.append(index if index >= 0 else None)
        if not class_tables:
            return indices
        profiles.class_thresholds(profile, class_tables, zone, np.zeros(0), np.zeros(0))  # the zone is in the tables
        rules = list(profile.loc[profile["by_class"] != "", "rule_id"])
        for rule, text in zip(profile["rule_id"], profile["by_class"]):
            if text:
                feedback.pushInfo(self.tr("Rule {rule}: thresholds by climate zone and height class from {table}.")
                                  .format(rule=rule, table=text))
        if zone is None:
            feedback.pushWarning(self.tr(
                "No building climate zone chosen: the rules {rules} use the most lenient row of any zone for each "
                "height class. Choose the plan's climate zone for the real check.").format(rules=", ".join(rules)))
        if indices == [None, None]:
            feedback.pushWarning(self.tr(
                "No floors or height field: the rules {rules} cannot tell the parcels' height class and check "
                "every parcel against their own threshold (the most lenient value of the class table as "
                "shipped). Give the Floors or Height field for the check by height class.").format(
                    rules=", ".join(rules)))
        return indices

    def _log_impossible(self, source, counts, feedback):
        for field, (n, rules) in counts.items():
            feedback.pushWarning(self.tr(
                "“{layer}”: {n} values of “{field}” cannot be real for rule {rules} (negative, or a nodata code such as "
                "−9999 or 9999 in a ratio or share); they are read as missing, so the rule is not assessed there.").format(
                    layer=source.sourceName(), n=n, field=field, rules=", ".join(rules)))

    def _log_class_counts(self, counts, feedback):
        for rule, count in counts.items():
            feedback.pushInfo(self.tr(
                "Rule {rule}: {n_class} features checked against their height class, {n_default} against the "
                "rule's own threshold (height class unknown), {n_above} not assessed (above the table's highest "
                "class).").format(rule=rule, n_class=count["class"], n_default=count["default"],
                                  n_above=count["above"]))
            if count["above"]:
                feedback.pushWarning(self.tr(
                    "Rule {rule}: {n} features are above the highest height class of the table (GB 50180-2018 "
                    "Table 4.0.2 ends at 26 floors and 80 m); they are not assessed.").format(
                        rule=rule, n=count["above"]))

    def _log_units(self, profile, fields, field_units, factors, feedback):
        rule_units = dict(zip(profile["rule_id"], profile["unit"]))
        for rule, field in zip(profile["rule_id"], fields):
            if rule in field_units and field is not None:
                feedback.pushInfo(self.tr("Rule {rule}: “{field}” converted from {source} to {target} "
                                          "(× {factor:g}).").format(
                    rule=rule, field=field, source=field_units[rule], target=rule_units[rule],
                    factor=factors[rule]))

    def _log_unverified(self, profile, feedback):
        unverified = list(profile.loc[profile["status"] == "unverified", "rule_id"])
        if unverified:
            feedback.pushWarning(self.tr(
                "{n} rules are UNVERIFIED (editable defaults whose number was not read in the standard; "
                "not legally binding): {rules}.").format(n=len(unverified), rules=", ".join(unverified)))

    def _report(self, table, feedback):
        for row in table.itertuples(index=False):
            label = "" if row.status == "verified" else self.tr(" [unverified]")
            feedback.pushInfo(self.tr(
                "{rule}{label}: {verdict} ({p} pass, {f} fail, {na} not assessed, {nap} not applicable, "
                "{est} estimated from shipped defaults).").format(
                    rule=row.rule_id, label=label, verdict=row.verdict, p=row.n_pass, f=row.n_fail, na=row.n_na,
                    nap=row.n_nap, est=row.n_est))

    def _write_table(self, parameters, context, table):
        if parameters.get(self.TABLE) in (None, ""):
            return None
        fields = QgsFields()
        for name, kind in TABLE_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.TABLE, context, fields, QgsWkbTypes.Type.NoGeometry)
        if sink is None:
            return None
        features = []
        for record in table.to_dict("records"):
            feature = QgsFeature(fields)
            feature.setAttributes([_attribute(record[name], kind) for name, kind in TABLE_FIELDS])
            features.append(feature)
        if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.TABLE))
        return dest_id


def _count_impossible(counts, impossible, fields):
    """Adds up, per field, the features with a value that cannot be a rule's indicator (and the rules)."""
    by_field = {}
    for rule in impossible.columns:
        by_field.setdefault(fields[rule], []).append(rule)
    for field, rules in by_field.items():
        n = int(impossible[rules].any(axis=1).sum())
        if n:
            total = counts.setdefault(field, [0, rules])
            total[0] += n


def _add_class_counts(counts, sources, scope):
    """Adds up, per by_class rule and over the features it applies to, where the thresholds came
    from: a class row, the rule's own threshold (class unknown), none (above the table)."""
    for rule, source in sources.items():
        applies = np.ones(len(source), bool) if scope is None else scope[rule].to_numpy(float) == 1
        total = counts.setdefault(rule, {"class": 0, "default": 0, "above": 0})
        total["class"] += int((applies & (source == profiles.CLASS_ROW)).sum())
        total["default"] += int((applies & (source == profiles.OWN_THRESHOLD)).sum())
        total["above"] += int((applies & (source == profiles.ABOVE_TABLE)).sum())


def _attribute(value, kind):
    if kind == FieldType.String:
        return str(value)
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    return int(value) if kind == FieldType.Int else float(value)
