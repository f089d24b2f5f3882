""""Apply proposed measures and check again": the measure algorithms the failing rules call for,
lcr:apply_measures, the level's plan check on the plan with the measures, lcr:compare_checks and the report,
run one after the other in the background (the steps: ``recheck_steps``).
"""
import os

from qgis.core import (
    QgsApplication,
    QgsExpression,
    QgsFeatureRequest,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...algorithms.base import factor_names
from ...algorithms.styles import apply_style
from ...core import recheck
from . import saving
from .owned import own_layers, start_task, with_owned, worker_context
from .plans import plan_for
from .recheck_steps import (
    CARBON_BUILDINGS, CARBON_TABLE, COVERAGE_PREFIX, LID_FIELDS, LID_TABLE, MEASURES_GPKG, SITES_PREFIX, apply_step, check_inputs,
    judged, kinds_made, lacking_types, level_kinds, measure_steps, rule_rows, site_outcomes, tables_in, threshold,
    type_target)
from .run import ModelTask, model_parameters, saved_outputs

translate = QCoreApplication.translate
AFTER_FOLDER = "after_measures"
# The report with the section "Measures that make the plan pass", beside the run's own report.
REPORT_FILES = {"report:report_html": "report_measures.html", "report:report_pdf": "report_measures.pdf"}
COMPARE_COLUMNS = ("rule_id", "name_en", "name_zh", "pass_before", "fail_before", "na_before", "pass_after",
                   "fail_after", "na_after", "fixed", "broken", "measure")


def kind_names():
    return {recheck.LID: translate("Recheck", "LID storage per parcel"),
            recheck.FACILITIES: translate("Recheck", "new life-circle facilities"),
            recheck.SHELTERS: translate("Recheck", "new emergency shelters"),
            recheck.CARBON: translate("Recheck", "rooftop PV and retrofit")}


def plan_of_measures(state):
    """({kind: [rule ids]} of the failing rules the level's measures repair, [failing rule ids] no measure
    repairs), from the run's rule table."""
    rows = rule_rows(state.result_layers.get("check:rules"))
    return recheck.measures_for_rules([(r, i, v) for r, i, v, _t in rows], level_kinds(state))


def measures_for(state):
    """"" when the level has measures to propose for its failing rules, else why not (translated)."""
    if measure_round(state.run_folder) > 1 and kinds_made(os.path.join(state.run_folder, MEASURES_GPKG)):
        return ""       # the measures of the first round, as edited, are checked again
    found, _none = plan_of_measures(state)
    if found:
        return ""
    if state.level == "detailed" and recheck.LID not in level_kinds(state):
        if not state.fields.get("green_ratio_field"):
            return translate("Recheck", "Choose the parcels' green ratio field to size LID measures.")
        if not state.values.get("daily_rainfall"):
            return translate("Recheck", "Give the daily rainfall on the layers page: the LID measures are sized for "
                                        "the runoff control rate, which is checked from it.")
    return translate("Recheck", "No failing rule here is one a proposed measure repairs (new life-circle "
                                "facilities, emergency shelters, rooftop PV and retrofit in a master plan; LID "
                                "storage, new life-circle facilities and emergency shelters in a detailed plan): "
                                "the plan itself must change.")


def why_no_measure(state):
    """Why the failing rules on an indicator that sounds repairable get no measure (translated; "" if none):
    the rooftop PV share reads the PV potential of every usable roof, of which proposed PV is a part."""
    rows = rule_rows(state.result_layers.get("check:rules"))
    pv = [r for r, i, v, _t in rows if i == "pv_share" and v == "fail"]
    if not pv:
        return ""
    return translate("Recheck", "{rules} reads the PV potential of every usable roof against the demand: proposed "
                                "rooftop PV is part of that potential and cannot raise it, so no PV measure is "
                                "proposed for it (more roof, a higher yield or a lower demand would).").format(
                                    rules=", ".join(pv))


def measures_summary(state):
    """What pressing the button will do: the measures and the rules they address, and the failing rules no
    measure repairs (translated, one sentence each)."""
    found, none = plan_of_measures(state)
    names = kind_names()
    parts = []
    if found:
        parts.append(translate("Recheck", "Measures for the failing rules: {list}.").format(list="; ".join(
            f"{names[k]} ({', '.join(rules)})" for k, rules in found.items())))
    if none:
        parts.append(translate("Recheck", "No proposed measure repairs: {rules} (the plan itself must change).")
                     .format(rules=", ".join(none)))
        parts.append(why_no_measure(state))
    return " ".join(p for p in parts if p)


def kind_label(kind):
    """A siting's facility type as a planner reads it: "all life-circle types", "emergency shelters", or the
    type's Chinese name in a Chinese QGIS ("primary school" for primary_school in English)."""
    if kind == "all":
        return translate("Recheck", "all life-circle types")
    if kind == "shelter":
        return translate("Recheck", "emergency shelters")
    name = factor_names([kind], "life_circle_facilities.csv", "fac_type")[0]
    return name.replace("_", " ") if name == kind else name


def site_notes(sites, level):
    """What the sitings found, one sentence a type: the units no eligible site can bring to the target (the
    note and max_pct of lcr:site_facilities), and those still below it after the sites (translated)."""
    parts = []
    for kind, n_sites, target, units, short, below in sites:
        label = kind_label(kind)
        values = {"kind": label, "n": n_sites, "short": short, "below": below, "units": units, "target": target or 0,
                  "table": COVERAGE_PREFIX + kind}
        if level == "detailed":
            text = (translate("Recheck", "{kind}: {n} new sites; in {short} of {units} parcels no eligible site within "
                                         "reach can reach {target:g} % (max_pct and note in {table}).") if short else
                    translate("Recheck", "{kind}: {n} new sites; {below} of {units} parcels stay below {target:g} %.")
                    if below else translate("Recheck", "{kind}: {n} new sites bring all {units} parcels to "
                                                       "{target:g} %."))
        else:
            text = (translate("Recheck", "{kind}: {n} new sites; in {short} of {units} units no eligible site within "
                                         "reach can reach {target:g} % (max_pct and note in {table}).") if short else
                    translate("Recheck", "{kind}: {n} new sites; {below} of {units} units stay below {target:g} %.")
                    if below else translate("Recheck", "{kind}: {n} new sites bring all {units} units to "
                                                       "{target:g} %."))
        parts.append(text.format(**values))
    return " ".join(parts)


def measure_round(folder):
    """1 for the first "apply and check again" of a run, 2 for the next …: counted from the folders of the
    checks again already in ``folder``."""
    if not os.path.isdir(folder):
        return 1
    return 1 + sum(1 for name in os.listdir(folder) if name == AFTER_FOLDER or name.startswith(AFTER_FOLDER + "_"))


def suffix(number):
    """What the files and tables of round ``number`` end in: nothing for the first, _2, _3 … after."""
    return "" if number == 1 else f"_{number}"


# Added unticked, as their fills would hide the verdicts: the copies of the input layers with the measures in
# them, and the measures drawn per parcel or unit (the changed verdicts and the proposed sites show on the check).
HIDDEN_TABLES = ("parcels_after", "facilities_after", "shelters_after", "buildings_after", LID_TABLE, CARBON_TABLE,
                 CARBON_BUILDINGS)


def measure_layers(number=1, gpkg=None):
    """Tables of the measures GeoPackage added to the project in round ``number``: (table, name, style or
    None). The measures are made in the first round only; later rounds check them again as edited."""
    tail = suffix(number)
    mark = "" if number == 1 else f" ({number})"
    tables = tables_in(gpkg) if gpkg else []
    first = []
    if number == 1:
        first.append((LID_TABLE, translate("Recheck", "LID measures to add"), "size_lid"))
        first += [(t, translate("Recheck", "Proposed sites: {kind}").format(kind=kind_label(t[len(SITES_PREFIX):])),
                   "site_facilities") for t in tables if t.startswith(SITES_PREFIX)]
        first += [(CARBON_TABLE, translate("Recheck", "Carbon measures by unit"), "carbon_measures"),
                  (CARBON_BUILDINGS, translate("Recheck", "Carbon measures on buildings"), None)]
    return tuple(first) + (
        (f"parcels_after{tail}", translate("Recheck", "Parcels with the measures") + mark, None),
        (f"facilities_after{tail}", translate("Recheck", "Facilities with the new sites") + mark, None),
        (f"shelters_after{tail}", translate("Recheck", "Shelters with the new sites") + mark, None),
        (f"buildings_after{tail}", translate("Recheck", "Buildings with the measures") + mark, None),
        (f"changed_verdicts{tail}", translate("Recheck", "Verdicts changed by the measures") + mark,
         "changed_verdicts"))


def add_measure_layers(folder, group, number=1):
    """The measures, the layers with them and the changed verdicts of round ``number``, in ``group`` (a
    layer-tree group) or, without it, at the top of the layer tree; returns the layers added. The copies of
    the input layers come unticked: drawn, they would cover the check's verdicts."""
    root = QgsProject.instance().layerTreeRoot()
    target = group if group is not None else root
    gpkg = os.path.join(folder, MEASURES_GPKG)
    present = set(tables_in(gpkg))
    added = []
    for table, name, style in measure_layers(number, gpkg):
        if table not in present:
            continue
        layer = saving.open_layer(saving.layer_uri(gpkg, table), name)
        if not layer.isValid():
            continue
        if style:
            apply_style(layer, style)
        QgsProject.instance().addMapLayer(layer, False)
        node = target.insertLayer(0, layer)
        if table.startswith(HIDDEN_TABLES):
            node.setItemVisibilityChecked(False)
        added.append(layer)
    return added


def control_rate_target(targets, default=75.0):
    """The runoff control rate the profile asks for (%), from the targets page's rules."""
    if targets is None or "indicator" not in targets:
        return default
    rows = targets[targets["indicator"] == "ctrl_rate"]
    try:
        return float(rows["threshold"].iloc[0]) if len(rows) else default
    except (TypeError, ValueError):
        return default


def read_comparison(path):
    """The compare table as rows of dicts (on the worker thread: the layer is its own)."""
    layer = QgsVectorLayer(path, "compare", "ogr")
    if not layer.isValid():
        return []
    names = [name for name in COMPARE_COLUMNS if layer.fields().lookupField(name) >= 0]
    return [{name: feature[name] for name in names} for feature in layer.getFeatures()]


class RecheckTask(ModelTask):
    """The measure steps, then the check and the comparison, in one background task."""

    def __init__(self, description, steps, feedback, on_finished, gpkg, layers=()):
        super().__init__(description, None, {}, feedback, on_finished)
        self.steps, self.gpkg, self.sites = steps, gpkg, []
        self.copies = own_layers(layers)   # the steps name project layers by id: they read these copies

    def run(self):
        # A context made on this thread owns the layers the steps make or open on it (as in ModelTask).
        context = worker_context(self.settings)
        multi = QgsProcessingMultiStepFeedback(len(self.steps), self.feedback)
        done = {}
        for number, (key, alg_id, make) in enumerate(self.steps):
            multi.setCurrentStep(number)
            if self.feedback.isCanceled():
                return False
            algorithm = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
            parameters = with_owned(make(done), self.copies)
            results, ok = algorithm.run(parameters, context, multi)
            if not ok:
                return False
            done[key] = (parameters, results)
        self.results = done
        self.prepared = read_comparison(done["compare"][1]["OUTPUT"])
        self.sites = site_outcomes(done, self.gpkg)
        return True


class RecheckRun:
    """One background run of the measures and the check again; ``on_finished(ok, steps, rows)``."""

    def __init__(self, state, on_progress, on_finished):
        plan = plan_for(state.level)
        folder = state.run_folder
        gpkg = os.path.join(folder, MEASURES_GPKG)
        # A later round checks the measures of the first again, as the planner may have edited them; its own
        # files and tables get the round's number (those of the earlier rounds may be open in QGIS).
        self.round = number = measure_round(folder)
        first = number == 1 or not kinds_made(gpkg)
        tail = suffix(number)
        self.after_folder = os.path.join(folder, AFTER_FOLDER + tail)
        os.makedirs(self.after_folder, exist_ok=True)
        check = QgsApplication.processingRegistry().createAlgorithmById(plan.algorithm)
        fields = state.fields
        rows = rule_rows(state.result_layers.get("check:rules"))
        found, self.unaddressed = plan_of_measures(state)
        self.kinds = kinds = tuple(found) if first else kinds_made(gpkg)
        values = {"ctrl_rate": control_rate_target(state.targets, threshold(rows, "ctrl_rate", 75.0)),
                  "full_pct": threshold(rows, "full_pct", 80.0), "net_t_cap": threshold(rows, "net_t_cap", 7.0),
                  "shelter_m": threshold(rows, "shelter_m", 500.0), "shelter_judged": judged(rows, "shelter_m"),
                  "lc_judged": judged(rows, "lc_score", "full_pct")}
        if recheck.FACILITIES in kinds:
            units = state.result_layers.get("check:planning_check")
            n_types = sum(1 for name in units.fields().names() if name.startswith("pct_")) if units else 1
            judged_units = None
            if state.level == "detailed":
                # lc_score (0–1) asks every resident of a parcel to reach every type: 100 % for each type; a
                # profile's own rule on full_pct (%) its threshold
                if any(i == "lc_score" for _r, i, _v, _t in rows):
                    values["full_pct"] = 100.0 * threshold(rows, "lc_score", 1.0)
                judged_units = units.getFeatures(QgsFeatureRequest(QgsExpression(values["lc_judged"]))) \
                    if units else None
            if state.level == "detailed":
                values["type_pct"] = type_target(values["full_pct"], n_types)
                values["types"] = lacking_types(units, values["type_pct"], judged_units)
            else:
                # every type sited together, for the share of residents reaching all of them (site_facilities'
                # "all" mode): far fewer sites than each type alone for the union bound
                values["type_pct"], values["types"] = values["full_pct"], ["all"]
        steps, tables = measure_steps(state, gpkg, kinds, first, values)
        # the report lists one measures layer: the LID sizing, else the carbon measures by unit, else the sites
        self.measure_table = tables.get("lid") or (saving.layer_uri(gpkg, CARBON_TABLE) if recheck.CARBON in kinds
                                                   else next(iter(tables.get("sites") or []), None))

        def recheck_params(done):
            parameters = dict(check_params)
            parameters.update(check_inputs(done, kinds))
            if recheck.LID in kinds:
                parameters.update({name: fields.get(name) or total for name, _param, total in LID_FIELDS})
            return parameters

        def compare(done):
            after = saved_outputs(done["check"][1], self.after_folder)
            return {"BEFORE": state.outputs["check:planning_check"], "AFTER": after["check:planning_check"],
                    "RULES": state.outputs.get("check:rules"), "ID_FIELD": fields.get(plan.unit_id) or None,
                    "MEASURES": ",".join(kinds), "OUTPUT": saving.sink(gpkg, f"before_after{tail}"),
                    "CHANGES": saving.sink(gpkg, f"changed_verdicts{tail}")}

        def report(done):
            outputs = state.outputs
            return {"CHECK": outputs["check:planning_check"], "RULES": outputs.get("check:rules"),
                    "SYNERGY": outputs.get("synergy:synergy"), "NAME_FIELD": fields.get("name_field") or None,
                    "LANGUAGE": state.language, "PLAN_NAME": check_params.get("plan_name"),
                    "NOTES": check_params.get("input_notes"), "MEASURES": self.measure_table,
                    "COMPARISON": done["compare"][1]["OUTPUT"],
                    "OUTPUT_HTML": os.path.join(folder, REPORT_FILES["report:report_html"].replace(".", tail + ".")),
                    "OUTPUT_PDF": os.path.join(folder, REPORT_FILES["report:report_pdf"].replace(".", tail + "."))}

        check_params = model_parameters(state, check, self.after_folder)
        steps += [("apply", "lcr:apply_measures", apply_step(state, plan, gpkg, kinds, tables, tail)),
                  ("check", plan.algorithm, recheck_params), ("compare", "lcr:compare_checks", compare),
                  ("report", "lcr:planning_report", report)]
        self.steps = [key for key, _alg, _make in steps]
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(on_progress)
        self.task = RecheckTask(translate("Recheck", "Apply proposed measures and check again"),
                                steps, self.feedback, on_finished, gpkg, state.layers.values())

    def start(self):
        start_task(self.task)

    def cancel(self):
        self.feedback.cancel()
