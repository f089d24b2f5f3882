"""lcr:planning_report: an HTML page and a PDF (QGIS print layout) of a planning check, for planners."""
import datetime
import os
import tempfile

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeatureRequest,
    QgsLayoutExporter,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsProject,
    QgsProviderRegistry,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QFontDatabase

from ..core import crs as core_crs
from ..core import methods, profiles, recheck, report_html, report_measures
from ..core import report as core
from ..core.errors import InputError
from . import report_layout
from .base import LcrAlgorithm, factor_tables, plugin_metadata, user_factor_path
from .reading import iterate_features, materialize
from .planning_check import PROFILES, profile_path
from ..qt_compat import font_families, holds_numbers


# The features of a measures layer (report_measures.kind_of) that hold a measure.
MEASURE_FILTERS = {report_measures.LID: '"add_m3" > 0 OR "short_m3" > 0', report_measures.SITE: "",
                   report_measures.CARBON: '"pv_t" + "retro_t" + "green_t" > 0 OR "left_t" > 0'}


class PlanningReport(LcrAlgorithm):
    ALG_ID = "planning_report"
    GROUP_ID = "planning_checks"
    STYLE = ""

    CHECK = "CHECK"
    RULES = "RULES"
    SYNERGY = "SYNERGY"
    NAME_FIELD = "NAME_FIELD"
    LANGUAGE = "LANGUAGE"
    TITLE = "TITLE"
    PLAN_NAME = "PLAN_NAME"
    DISTRICT = "DISTRICT"
    ORGANISATION = "ORGANISATION"
    DATE = "DATE"
    PROFILE_NAME = "PROFILE_NAME"
    NOTES = "NOTES"
    MEASURES = "MEASURES"
    COMPARISON = "COMPARISON"
    # the first page's header, in the order shown: parameter -> Report field
    FRONT = {PLAN_NAME: "plan_name", DISTRICT: "district", ORGANISATION: "organisation", DATE: "date",
             PROFILE_NAME: "profile_name"}
    OUTPUT_HTML = "OUTPUT_HTML"
    OUTPUT_PDF = "OUTPUT_PDF"

    def displayName(self):  # noqa: N802
        return self.tr("Planning check report (HTML and PDF)")

    def help_text(self):
        return self.tr(
            "Turns the result of Planning check into a report a review panel can read without QGIS: an HTML "
            "page (self-contained: open it in any browser) and a PDF made with a print layout, in English or "
            "Simplified Chinese whatever the language QGIS runs in.\n\n"
            "First page: the plan's name, district, organisation and date (the optional parameters below), "
            "the standards profile (recognised from the rule table, with any edited thresholds named) and the "
            "planning level; the verdict in one sentence (e.g. “3 of 6 units pass; 2 fail; 1 has too few rules "
            "assessed.”); a map of the units coloured pass, fail, insufficient data or not assessed, with "
            "legend, scale bar and north arrow; and the rules failed in most units.\n\n"
            "Then: the indicator table (rule, name, status, requirement, unit, measured min / mean / max, "
            "verdict, counts, source and clause) and the rules' sources; the result of each unit, up to the "
            "500 with the lowest share of rules passed (share of rules passed, the rules it fails and the rules "
            "it has no value for); with a Synergy result, the quadrant chart of the low-carbon score against "
            "the resilience score; in one place, the defaults and unverified values the verdicts rest on "
            "(unverified thresholds, rules judged on shipped defaults, the factor tables in effect: your own "
            "from Settings, else the shipped ones; the inputs estimated or not given, as listed under Inputs "
            "estimated or not given); the input layers (layer and file name, never a folder path, CRS, feature "
            "count).\n\n"
            "Rules whose threshold was not read in the cited standard are marked “unverified / 未核实” "
            "wherever they appear: their verdicts are screening results, not legal findings.\n\n"
            "Chinese text in the PDF needs a CJK font: Noto Sans CJK SC is used when installed "
            "(Debian/Ubuntu package fonts-noto-cjk).")

    def flags(self):
        # Print layouts render fonts and pictures, which is only safe on the main thread.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.CHECK, self.tr("Planning check result"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("The OUTPUT of Planning check: units or parcels with score, n_pass, n_fail, n_na and "
                    "r_<rule> fields."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.RULES, self.tr("Planning check rules"), [QgsProcessing.SourceType.TypeVector], optional=True),
            self.tr("The TABLE output of Planning check (one row per rule). Without it the report cannot name "
                    "the rules, their thresholds, sources or status."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.SYNERGY, self.tr("Synergy result"), [QgsProcessing.SourceType.TypeVector], optional=True),
            self.tr("The OUTPUT of Low-carbon × resilience synergy (lc_score, res_score, quadrant), for the "
                    "quadrant chart."))
        self.add_parameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Unit name field"), parentLayerParameterName=self.CHECK, optional=True),
            self.tr("Field naming each unit or parcel in the tables, on the map and in the chart (the Synergy "
                    "result is matched if it has a field of the same name). Empty: the feature id."))
        self.add_parameter(QgsProcessingParameterEnum(
            self.LANGUAGE, self.tr("Report language"), [self.tr("English"), self.tr("Simplified Chinese")],
            defaultValue=0),
            self.tr("Language of the report's text (rule names come from the name_en or name_zh column)."))
        self.add_parameter(QgsProcessingParameterString(
            self.TITLE, self.tr("Title"), optional=True),
            self.tr("Title of the report. Empty: “Planning check report” in the report's language."))
        self.add_parameter(QgsProcessingParameterString(
            self.PLAN_NAME, self.tr("Plan name"), optional=True),
            self.tr("Name of the plan checked, the first page's title, e.g. “Hexing District regulatory plan "
                    "2025–2035”. Empty: the title alone."))
        self.add_parameter(QgsProcessingParameterString(
            self.DISTRICT, self.tr("District"), optional=True),
            self.tr("The district, town or area the plan covers, shown on the first page."))
        self.add_parameter(QgsProcessingParameterString(
            self.ORGANISATION, self.tr("Organisation"), optional=True),
            self.tr("Who made the plan or the check (planning bureau, institute), shown on the first page."))
        self.add_parameter(QgsProcessingParameterString(
            self.DATE, self.tr("Date"), optional=True),
            self.tr("Date of the plan or of the check as it should be printed, e.g. 2026-03-31. Empty: today."))
        self.add_parameter(QgsProcessingParameterString(
            self.PROFILE_NAME, self.tr("Standards profile name"), optional=True),
            self.tr("How to name the standards profile on the first page, e.g. for a profile of your own. Empty: "
                    "the shipped profile the rule table comes from, with any edited thresholds named."),
            advanced=True)
        self.add_parameter(QgsProcessingParameterString(
            self.NOTES, self.tr("Inputs estimated or not given"), multiLine=True, optional=True),
            self.tr("One line each, listed at the end of the report under their own heading, with a caveat on "
                    "the first page: values estimated in preparing the data (e.g. residents from floor area for "
                    "OpenStreetMap buildings) and inputs left out (e.g. no flood zones). The wizard fills it in."),
            advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.MEASURES, self.tr("Proposed measures"), [QgsProcessing.SourceType.TypeVectorAnyGeometry],
            optional=True),
            self.tr("An output of Size LID measures per parcel, Site new facilities or Close carbon gaps (by unit): "
                    "shown on a map and listed in the section “Measures that make the plan pass”."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.COMPARISON, self.tr("Before and after per rule"), [QgsProcessing.SourceType.TypeVector],
            optional=True),
            self.tr("The OUTPUT of Compare two plan checks: the table before and after the measures, in the same "
                    "section."))
        self.add_parameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr("HTML report"), self.tr("HTML files (*.html)")),
            self.tr("The report as one HTML file with everything inside it."))
        self.add_parameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, self.tr("PDF report"), self.tr("PDF files (*.pdf)")),
            self.tr("The report as a PDF: the first page with the verdict and the map, then the tables."))

    def error_messages(self):
        return {
            "report_not_check": self.tr(
                "The planning check result lacks the field(s) {missing}: choose the OUTPUT of Planning check."),
            "report_no_rule_fields": self.tr(
                "The planning check result has no r_<rule> fields: choose the OUTPUT of Planning check."),
            "report_not_synergy": self.tr(
                "The synergy result lacks the field(s) {missing}: choose the OUTPUT of Low-carbon × resilience "
                "synergy."),
            "report_not_rule_table": self.tr(
                "The rule table lacks the field(s) {missing}: choose the TABLE output of Planning check."),
        }

    # ---- running ------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.CHECK, context)
        core.check_columns(source.fields().names())
        lang = core.LANGS[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        name_index = self.field_index(parameters, self.NAME_FIELD, source, context, numeric=False)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        layer = self._map_layer(source, name_index)
        check, names = self._read_check(source, name_index, feedback)
        inputs = [self._describe("check", parameters, self.CHECK, context, source)]
        rules = self._read_rules(parameters, context, inputs)
        synergy = self._read_synergy(parameters, context, name_field, inputs, feedback)
        front = {field: self.parameterAsString(parameters, name, context) for name, field in self.FRONT.items()}
        report = core.build_report(
            check, names, lang=lang, title=self.parameterAsString(parameters, self.TITLE, context),
            created=datetime.date.today().isoformat(), rules=rules, synergy=synergy, inputs=inputs,
            factors=self._factor_summary(feedback, lang), shipped_profiles=self._shipped_profiles(rules, feedback),
            version=plugin_metadata("version"), methods_section=methods.section("planning_check"),
            input_notes=self.parameterAsString(parameters, self.NOTES, context).splitlines(), **front)
        report.off_scale = self._off_scale(source, context)
        measures_layer = self._read_measures(parameters, context, report, name_field, inputs, feedback)
        report.comparison = self._read_comparison(parameters, context, inputs)
        self._log(report, feedback)
        family = self._font(lang, feedback)

        html_path = self.output_path(parameters, self.OUTPUT_HTML, context)
        pdf_path = self.output_path(parameters, self.OUTPUT_PDF, context)
        with tempfile.TemporaryDirectory(prefix="lcr_report_") as folder:
            arrow = _write(os.path.join(folder, "north.svg"), report_html.north_arrow_svg(lang))
            chart = None
            if core.synergy_scored(report):
                chart = _write(os.path.join(folder, "quadrants.svg"),
                               report_html.quadrant_svg(report.synergy, lang, font=family))
            project = QgsProject()
            project.addMapLayer(layer)
            if measures_layer is not None:
                project.addMapLayer(measures_layer)
            layout, map_image = report_layout.build_layout(project, report, layer, name_index, family, arrow, chart,
                                                           measures_layer, is_canceled=feedback.isCanceled)
            measures_image = getattr(layout, "lcr_measures_image", None)
            feedback.setProgress(60)
            self.check_canceled(feedback)     # the export runs to its end once started
            result, message = report_layout.export_pdf(layout, pdf_path)
        if result != QgsLayoutExporter.ExportResult.Success:
            raise QgsProcessingException(self.tr("Cannot write the PDF {path}: {reason}").format(
                path=pdf_path, reason=message or result))
        with open(html_path, "w", encoding="utf-8") as out:
            out.write(report_html.to_html(report, map_image, measures_image))
        feedback.setProgress(100)
        return {self.OUTPUT_HTML: html_path, self.OUTPUT_PDF: pdf_path}

    def _map_layer(self, source, name_index):
        """The layer the map draws: the check's own GeoPackage table where the check is one read whole (copying
        a city's 100,000 parcels into memory took seconds), else a memory copy of the fields drawn."""
        whole = self.__dict__.get("_whole_tables", {}).get(id(source))
        if whole is not None and whole[0] is source:
            layer = QgsVectorLayer(f"{whole[1].path}|layername={whole[1].layer}", source.sourceName(), "ogr")
            if layer.isValid() and layer.featureCount() == source.featureCount():
                return layer
        return materialize(source, self._drawn_fields(source, name_index))

    @staticmethod
    def _drawn_fields(source, name_index):
        """The fields the map is drawn from (its verdict, or the counts it is judged from, and the names it
        is labelled with): a city's check has tens of thousands of units and a hundred fields."""
        names = source.fields().names()
        drawn = [names.index(n) for n in ("verdict", "n_fail", "n_pass") if n in names]
        return drawn + ([name_index] if name_index >= 0 else [])

    @staticmethod
    def _table_request(indices):
        """Read ``indices`` only, no geometry: the tables need the numbers, not the shapes."""
        return QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(
            sorted(set(indices)))

    def _read_check(self, layer, name_index, feedback):
        names = layer.fields().names()
        # n_nap (rules not applicable to the unit's land use) tells which NULL rules were not assessed
        # pop (the units' residents, of lcr:planning_check's steps) tells a check of a town without residents
        wanted = list(core.CHECK_FIELDS) + core.rule_fields(names) + [n for n in ("n_nap", "pop") if n in names]
        indices = [names.index(n) for n in wanted]
        # the verdict lcr:planning_check wrote (checks made before it did are judged from the counts)
        verdict = [names.index("verdict")] if "verdict" in names else []
        frames, labels = [], []
        text = ([name_index] if name_index >= 0 else []) + verdict
        for chunk in self.read_chunks(layer, feedback, numeric=indices, text=text, repair=False, signed=True,
                                      request=self._table_request(indices + text), features=False):
            frame = pd.DataFrame({n: chunk.values[i] for n, i in zip(wanted, indices)})
            if verdict:
                frame["verdict"] = chunk.values[verdict[0]]
            frames.append(frame)
            if name_index >= 0:
                labels += ["" if v is None else v for v in chunk.values[name_index]]
            else:
                labels += [f"#{fid}" for fid in _ids(chunk)]
        return pd.concat(frames, ignore_index=True), labels

    def _read_rules(self, parameters, context, inputs):
        if parameters.get(self.RULES) in (None, ""):
            return None
        source = self.parameterAsSource(parameters, self.RULES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.RULES))
        names = source.fields().names()
        core.check_rule_table(names)
        # A rule table has tens of rows: reading it feature by feature costs nothing.
        records = [dict(zip(names, [None if _null(v) else v for v in f.attributes()])) for f in iterate_features(source)]
        inputs.append(self._describe("rules", parameters, self.RULES, context, source))
        return pd.DataFrame.from_records(records, columns=names)

    def _read_synergy(self, parameters, context, name_field, inputs, feedback):
        if parameters.get(self.SYNERGY) in (None, ""):
            return None
        source = self.parameterAsSource(parameters, self.SYNERGY, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SYNERGY))
        self._note_whole_table(parameters, self.SYNERGY, context, source)
        fields = source.fields()
        core.check_synergy_columns(fields.names())
        numeric = [fields.lookupField(n) for n in core.SYNERGY_FIELDS]
        text = [fields.lookupField(n) for n in ("quadrant", name_field) if n and fields.lookupField(n) >= 0]
        columns = {n: [] for n in ("lc_score", "res_score", "quadrant", "name")}
        for chunk in self.read_chunks(source, feedback, numeric=numeric, text=text, repair=False, signed=True,
                                      request=self._table_request(numeric + text), features=False):
            columns["lc_score"].append(chunk.values[numeric[0]])
            columns["res_score"].append(chunk.values[numeric[1]])
            n = len(chunk.features)
            quadrant = fields.lookupField("quadrant")
            columns["quadrant"].append(chunk.values[quadrant] if quadrant >= 0 else np.full(n, None, object))
            name = fields.lookupField(name_field) if name_field else -1
            columns["name"].append(chunk.values[name] if name >= 0 else
                                   np.array([f"#{fid}" for fid in _ids(chunk)], dtype=object))
        inputs.append(self._describe("synergy", parameters, self.SYNERGY, context, source))
        frame = pd.DataFrame({k: np.concatenate(v) if v else [] for k, v in columns.items()})
        missing = int(frame[list(core.SYNERGY_FIELDS)].isna().any(axis=1).sum())
        if missing:
            feedback.pushWarning(self.tr("{n} units of the synergy result have no scores: they are not in the "
                                         "chart.").format(n=missing))
        return frame

    def _read_measures(self, parameters, context, report, name_field, inputs, feedback):
        """The proposed measures into ``report.measures``; returns the layer for the map (None without)."""
        if parameters.get(self.MEASURES) in (None, ""):
            return None
        source = self.parameterAsSource(parameters, self.MEASURES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.MEASURES))
        names = source.fields().names()
        kind = report_measures.kind_of(names)
        if kind is None:
            raise QgsProcessingException(self.tr(
                "“{layer}” holds no measures: give an output of Size LID measures per parcel, Site new facilities or "
                "Close carbon gaps (by unit).").format(layer=source.sourceName()))
        present = [n for n in report_measures.MEASURE_FIELDS if n in names]
        numeric = [names.index(n) for n in present if holds_numbers(source.fields().field(n))]
        text = [names.index(n) for n in present if not holds_numbers(source.fields().field(n))]
        name_index = names.index(name_field) if name_field and name_field in names else -1
        columns, labels = {n: [] for n in present}, []
        for chunk in self.read_chunks(source, feedback, numeric=numeric,
                                      text=text + ([name_index] if name_index >= 0 else []), repair=False,
                                      signed=True):
            for n in present:
                columns[n].append(chunk.values[names.index(n)])
            labels += [str(v) if v is not None else "" for v in chunk.values[name_index]] if name_index >= 0 else \
                [f"#{f.id()}" for f in chunk.features]
        report.measures = report_measures.measure_frame(
            {n: np.concatenate(v) if v else np.zeros(0) for n, v in columns.items()}, labels, kind)
        inputs.append(self._describe("measures", parameters, self.MEASURES, context, source))
        layer = materialize(source)
        # On the map only the features with a measure, over the check's verdicts.
        layer.setSubsetString(MEASURE_FILTERS[kind])
        symbol = layer.renderer().symbol() if hasattr(layer.renderer(), "symbol") else None
        if symbol is not None:
            symbol.setColor(QColor("#1f78b4"))
        layer.setOpacity(0.85)
        return layer

    def _read_comparison(self, parameters, context, inputs):
        if parameters.get(self.COMPARISON) in (None, ""):
            return None
        source = self.parameterAsSource(parameters, self.COMPARISON, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.COMPARISON))
        missing = [n for n in recheck.TABLE_COLUMNS if source.fields().lookupField(n) < 0]
        if missing:
            raise QgsProcessingException(self.tr(
                "“{layer}” lacks the field(s) {missing}: give the OUTPUT of Compare two plan checks.").format(
                    layer=source.sourceName(), missing=", ".join(missing)))
        inputs.append(self._describe("comparison", parameters, self.COMPARISON, context, source))
        # the measure field (compare_checks with its measures applied) names what repairs each rule
        columns = recheck.TABLE_COLUMNS + (["measure"] if source.fields().lookupField("measure") >= 0 else [])
        rows = [{n: (None if _null(f[n]) else f[n]) for n in columns} for f in iterate_features(source)]
        return pd.DataFrame.from_records(rows, columns=columns)

    def _factor_summary(self, feedback, lang="en"):
        paths = {name: self.factor_table(name, feedback) for name in factor_tables()}
        return core.factor_summary(paths, own={name for name in paths if user_factor_path(name)}, lang=lang)

    def _shipped_profiles(self, rules, feedback):
        """{key: profile} of the shipped profiles, to name the one the rules come from."""
        if rules is None:
            return {}
        shipped = {}
        for key in PROFILES:
            try:
                shipped[key] = profiles.load_profile(profile_path(key))
            except (InputError, OSError):   # a broken shipped file must not cost the report
                feedback.pushWarning(self.tr("Cannot read the shipped profile {key}.").format(key=key))
        return shipped

    def _describe(self, role, parameters, name, context, source):
        """An input as the report lists it: its file's name, never the folder it lies in (a report
        leaves the machine; a path names people and projects), and nothing for Processing's
        temporary files, whose names mean nothing."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        file, table = "", ""
        if layer is not None:
            parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
            path, table = parts.get("path") or "", parts.get("layerName") or ""
            temporary = os.path.abspath(QgsProcessingUtils.tempFolder())
            if path and not os.path.abspath(path).startswith(temporary):
                file = os.path.basename(path)
        count = source.featureCount()
        if count < 0:
            # Not known to the provider (QGIS 3.22 cannot count a table without geometry that a run has just
            # written into a GeoPackage holding other layers): counted here.
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setNoAttributes()
            count = sum(1 for _feature in source.getFeatures(request))
        crs = source.sourceCrs()
        # Several outputs in one GeoPackage: the table names the layer, the file name alone would not.
        return {"role": role, "name": table if file and table else source.sourceName(), "file": file,
                "crs": f"{crs.authid()} {crs.description()}".strip() if crs.isValid() else "", "count": count}

    def _off_scale(self, source, context):
        """(CRS, error) where the check's projected CRS is off true scale where its units lie, else None: a check
        run in a CRS made for another place (EPSG:4527 for Heidelberg is 27 % off) gives verdicts on distances and
        areas that far off, which the log of the check said but its report did not."""
        crs = source.sourceCrs()
        if not crs.isValid() or crs.isGeographic():
            return None
        to_metre = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), QgsUnitTypes.DistanceUnit.DistanceMeters)
        error = self.off_scale_error(source, crs, context, to_metre)
        if error is None or error <= core_crs.SCALE_TOLERANCE:
            return None
        return crs.authid() or crs.description(), error

    def _font(self, lang, feedback):
        if core.FONT_FAMILY in font_families():
            return core.FONT_FAMILY
        if lang == "zh":
            feedback.pushWarning(self.tr(
                "The font {font} is not installed: Chinese text in the PDF may show as empty boxes. Install it "
                "(Debian/Ubuntu: fonts-noto-cjk) and run again.").format(font=core.FONT_FAMILY))
        return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()

    def _log(self, report, feedback):
        for line in core.summary_lines(report) + [core.units_cut_note(report)]:
            if line:
                feedback.pushInfo(line)
        unverified = list(report.rules.loc[report.rules["status"] == "unverified", "rule_id"])
        if unverified:
            feedback.pushWarning(self.tr("{n} rules are unverified; the report marks them: {rules}.").format(
                n=len(unverified), rules=", ".join(unverified)))
        if not report.has_rule_table:
            feedback.pushWarning(self.tr(
                "No rule table (RULES): the report cannot give the rules' names, thresholds, sources or status."))
        if report.unmatched_rules:
            feedback.pushWarning(self.tr(
                "The rule table names rules without a result field in the planning check result: {rules}. "
                "Are the two outputs of the same run?").format(rules=", ".join(report.unmatched_rules)))


def _null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def _write(path, text):
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
    return path


def _ids(chunk):
    """The feature ids of a chunk read with or without its QgsFeatures."""
    return chunk.fids if chunk.fids is not None else [f.id() for f in chunk.features]
