""""Apply proposed measures and check again": the measure algorithms, lcr:apply_measures, the level's plan
check on the plan with the measures, and lcr:compare_checks, run one after the other in the background.

Only registered algorithms run here (the toolbox and a model can do the same); this module only wires
the wizard's answers into their parameters. Which measures a level gets: the detailed plan sizes LID
storage per parcel (lcr:size_lid) for its runoff control rule; the master plan has no parcels to put
measures on, so it gets none yet (``measures_for`` says why).
"""
import os

from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...algorithms.styles import apply_style
from . import saving
from .plans import plan_for
from .run import ModelTask, model_parameters, saved_outputs

MEASURES_GPKG = "measures.gpkg"
AFTER_FOLDER = "after_measures"
# The report with the section "Measures that make the plan pass", beside the run's own report.
REPORT_FILES = {"report:report_html": "report_measures.html", "report:report_pdf": "report_measures.pdf"}
# Wizard field -> (size_lid / apply_measures parameter, size_lid total used where the parcels have no such field)
LID_FIELDS = (("bioretention_field", "BIORETENTION_FIELD", "lid_bio_m2"),
              ("permeable_paving_field", "PERMEABLE_PAVING_FIELD", "lid_pave_m2"),
              ("green_roof_field", "GREEN_ROOF_LID_FIELD", "lid_groof_m2"),
              ("tank_field", "TANK_FIELD", "lid_tank_m3"))
COMPARE_COLUMNS = ("rule_id", "name_en", "name_zh", "pass_before", "fail_before", "na_before", "pass_after",
                   "fail_after", "na_after", "fixed", "broken")


def measures_for(state):
    """"" when the level has measures to propose from the wizard's layers, else why not (translated)."""
    if state.level != "detailed":
        return QCoreApplication.translate(
            "Recheck", "Measures are proposed for the parcels of a detailed plan; for a master plan run Site new "
                       "facilities and Close carbon gaps from the toolbox (Plan measures).")
    if not state.fields.get("green_ratio_field"):
        return QCoreApplication.translate("Recheck", "Choose the parcels' green ratio field to size LID measures.")
    if not state.values.get("daily_rainfall"):
        return QCoreApplication.translate(
            "Recheck", "Give the daily rainfall on the layers page: the LID measures are sized for the runoff "
                       "control rate, which is checked from it.")
    return ""


def measure_round(folder):
    """1 for the first "apply and check again" of a run, 2 for the next …: counted from the folders of the
    checks again already in ``folder``."""
    if not os.path.isdir(folder):
        return 1
    return 1 + sum(1 for name in os.listdir(folder) if name == AFTER_FOLDER or name.startswith(AFTER_FOLDER + "_"))


def suffix(number):
    """What the files and tables of round ``number`` end in: nothing for the first, _2, _3 … after."""
    return "" if number == 1 else f"_{number}"


def measure_layers(number=1):
    """Tables of the measures GeoPackage added to the project in round ``number``: (table, name, style or
    None). The LID measures are made in the first round only; later rounds check them again as edited."""
    tail = suffix(number)
    mark = "" if number == 1 else f" ({number})"
    first = (("lid_measures", QCoreApplication.translate("Recheck", "LID measures to add"), "size_lid"),)
    return (first if number == 1 else ()) + (
        (f"parcels_after{tail}", QCoreApplication.translate("Recheck", "Parcels with the measures") + mark, None),
        (f"changed_verdicts{tail}", QCoreApplication.translate("Recheck", "Verdicts changed by the measures") + mark,
         None))


def add_measure_layers(folder, group, number=1):
    """The measures, the parcels with them and the changed verdicts of round ``number``, in ``group`` (a
    layer-tree group) or, without it, at the top of the layer tree; returns the layers added."""
    root = QgsProject.instance().layerTreeRoot()
    target = group if group is not None else root
    gpkg = os.path.join(folder, MEASURES_GPKG)
    added = []
    for table, name, style in measure_layers(number):
        layer = saving.open_layer(saving.layer_uri(gpkg, table), name)
        if not layer.isValid():
            continue
        if style:
            apply_style(layer, style)
        QgsProject.instance().addMapLayer(layer, False)
        target.insertLayer(0, layer)
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
    return [{name: feature[name] for name in COMPARE_COLUMNS} for feature in layer.getFeatures()]


class RecheckTask(ModelTask):
    """The measure steps, then the check and the comparison, in one background task."""

    def __init__(self, description, steps, feedback, on_finished):
        super().__init__(description, None, {}, feedback, on_finished)
        self.steps = steps

    def run(self):
        # A context made on this thread owns the layers the steps make on it (as in ModelTask).
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        multi = QgsProcessingMultiStepFeedback(len(self.steps), self.feedback)
        done = {}
        for number, (key, alg_id, make) in enumerate(self.steps):
            multi.setCurrentStep(number)
            if self.feedback.isCanceled():
                return False
            algorithm = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
            parameters = make(done)
            results, ok = algorithm.run(parameters, context, multi)
            if not ok:
                return False
            done[key] = (parameters, results)
        self.results = done
        self.prepared = read_comparison(done["compare"][1]["OUTPUT"])
        return True


class RecheckRun:
    """One background run of the measures and the check again; ``on_finished(ok, steps, rows)``."""

    def __init__(self, state, on_progress, on_finished):
        plan = plan_for(state.level)
        folder = state.run_folder
        gpkg = os.path.join(folder, MEASURES_GPKG)
        # A later round checks the LID measures of the first again, as the planner may have edited them; its
        # own files and tables get the round's number (those of the earlier rounds may be open in QGIS).
        self.round = number = measure_round(folder)
        tail = suffix(number)
        self.after_folder = os.path.join(folder, AFTER_FOLDER + tail)
        os.makedirs(self.after_folder, exist_ok=True)
        check = QgsApplication.processingRegistry().createAlgorithmById(plan.algorithm)
        layers, fields, values = state.layers, state.fields, state.values
        lid_params = {param: fields.get(name) or None for name, param, _total in LID_FIELDS}

        def size(_done):
            rain = values.get("daily_rainfall")
            return {"INPUT": layers["parcels"].id(), "GREEN_RATIO_FIELD": fields["green_ratio_field"],
                    **({"DAILY_RAINFALL": rain, "TARGET_CONTROL_RATE": control_rate_target(state.targets)} if rain
                       else {"DESIGN_RAINFALL_MM": values.get("design_rainfall_mm") or 25.0}),
                    **lid_params, "BUILDINGS": layers["buildings"].id() if layers.get("buildings") else None,
                    "OUTPUT": saving.sink(gpkg, "lid_measures")}

        lid_layer = saving.layer_uri(gpkg, "lid_measures")

        def apply(_done):
            return {"PARCELS": layers["parcels"].id(), "PARCEL_ID_FIELD": fields[plan.unit_id], **lid_params,
                    "LID": lid_layer, "PARCELS_OUTPUT": saving.sink(gpkg, f"parcels_after{tail}")}

        def recheck(done):
            parameters = dict(check_params)
            parameters["parcels"] = done["apply"][1]["PARCELS_OUTPUT"]
            parameters.update({name: fields.get(name) or total for name, _param, total in LID_FIELDS})
            return parameters

        def compare(done):
            after = saved_outputs(done["check"][1], self.after_folder)
            return {"BEFORE": state.outputs["check:planning_check"], "AFTER": after["check:planning_check"],
                    "RULES": state.outputs.get("check:rules"), "ID_FIELD": fields.get(plan.unit_id) or None,
                    "OUTPUT": saving.sink(gpkg, f"before_after{tail}"),
                    "CHANGES": saving.sink(gpkg, f"changed_verdicts{tail}")}

        def report(done):
            outputs = state.outputs
            return {"CHECK": outputs["check:planning_check"], "RULES": outputs.get("check:rules"),
                    "SYNERGY": outputs.get("synergy:synergy"), "NAME_FIELD": fields.get("name_field") or None,
                    "LANGUAGE": state.language, "PLAN_NAME": check_params.get("plan_name"),
                    "NOTES": check_params.get("input_notes"), "MEASURES": lid_layer,
                    "COMPARISON": done["compare"][1]["OUTPUT"],
                    "OUTPUT_HTML": os.path.join(folder, REPORT_FILES["report:report_html"].replace(".", tail + ".")),
                    "OUTPUT_PDF": os.path.join(folder, REPORT_FILES["report:report_pdf"].replace(".", tail + "."))}

        check_params = model_parameters(state, check, self.after_folder)
        steps = ([("size_lid", "lcr:size_lid", size)] if number == 1 else []) + [
            ("apply", "lcr:apply_measures", apply), ("check", plan.algorithm, recheck),
            ("compare", "lcr:compare_checks", compare), ("report", "lcr:planning_report", report)]
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(on_progress)
        self.task = RecheckTask(QCoreApplication.translate("Recheck", "Apply proposed measures and check again"),
                                steps, self.feedback, on_finished)

    def start(self):
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self):
        self.feedback.cancel()
