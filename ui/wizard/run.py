"""Running the ready-made model from the wizard's answers, in the background, and loading its outputs."""
import os

from qgis.core import (
    QgsApplication,
    QgsProcessingFeedback,
    QgsProject,
    QgsTask,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...algorithms.planning_check import PROFILES
from ...algorithms.styles import apply_style
from ...core import rule_text
from . import saving
from .owned import (
    own_layers, project_layers, project_settings, release, start_task, task_ended, with_owned, worker_context)
from .prepare import input_notes
from .plans import plan_for
from .unit_table import read_result_units

# Model output -> (table in the run's GeoPackage, style in resources/styles or None).
LAYER_OUTPUTS = {
    "check:planning_check": ("planning_check", "planning_check"),
    "check:rules": ("rules", None),
    "synergy:synergy": ("synergy", "synergy"),
}
RESULTS_GPKG = "results.gpkg"
REPORT_OUTPUTS = {"report:report_html": "report.html", "report:report_pdf": "report.pdf"}


def model_parameters(state, algorithm, folder):
    """The parameter dict of the level's model for the wizard's answers: the layers written as tables of
    one GeoPackage in ``folder``, the reports beside it.

    Parameters the wizard does not ask about keep the model's defaults. Settings that only some
    models take (an own profile file, the grid region and year) are passed where declared.
    """
    plan = plan_for(state.level)
    # Processing in QGIS 3.22 does not fill a model's defaults in for parameters left out.
    params = {d.name(): d.defaultValue() for d in algorithm.parameterDefinitions() if d.defaultValue() is not None}
    params.update({role.param: state.layers[role.param].id() for role in plan.layers
                   if state.layers.get(role.param) is not None})
    params.update({role.param: state.fields.get(role.param) or None for role in plan.fields})
    params.update({role.param: state.values[role.param] for role in plan.values
                   if state.values.get(role.param) not in (None, "")})
    params.update(profile=PROFILES.index(state.profile), language=state.language, title="")
    # plan_name: the report's first-page title
    optional = {"profile_file": state.profile_file or None,
                "grid_region": state.grid_region,
                "grid_year": state.grid_year or None,
                "plan_name": QgsProject.instance().title() or None,
                # in the report's language, which may not be QGIS's
                "input_notes": "\n".join(input_notes(state, rule_text.LANGS[state.language])) or None}
    params.update({name: value for name, value in optional.items()
                   if algorithm.parameterDefinition(name) is not None and value is not None})
    declared = {output.name() for output in algorithm.outputDefinitions()}
    gpkg = os.path.join(folder, RESULTS_GPKG)
    params.update({key: saving.sink(gpkg, table) for key, (table, _style) in LAYER_OUTPUTS.items() if key in declared})
    params.update({key: os.path.join(folder, name) for key, name in REPORT_OUTPUTS.items() if key in declared})
    return params


def saved_outputs(results, folder):
    """{output key: where it was saved}: the layers as "file|layername=table", the reports as files."""
    gpkg = os.path.join(folder, RESULTS_GPKG)
    saved = {key: saving.layer_uri(gpkg, table) for key, (table, _style) in LAYER_OUTPUTS.items() if key in results}
    saved.update({key: results[key] for key in REPORT_OUTPUTS if results.get(key)})
    return saved


class ModelTask(QgsTask):
    """Runs an algorithm on a QGIS worker thread and hands the results back on the main thread.

    Not QgsProcessingAlgRunnerTask: there every call from the model into the Python algorithms
    (thousands, as the model looks its steps up) makes a new Python thread state, which made the
    master check run 10 times slower (20 s instead of 2 s on the demo district). Here run() is
    Python, so the worker keeps one thread state for the whole run.
    """

    def __init__(self, description, algorithm, parameters, feedback, on_finished, prepare=None):
        super().__init__(description, QgsTask.Flag.CanCancel)
        # The worker reads copies of the project's layers it holds, never the project's own (see owned).
        self.copies, self.settings = own_layers(project_layers(parameters)), project_settings()
        self.algorithm, self.feedback = algorithm, feedback
        self.parameters = with_owned(parameters, self.copies)
        self.on_finished, self.prepare = on_finished, prepare
        self.results, self.prepared = {}, None

    def run(self):
        # A context made on this thread owns the layers the model's steps make or open on it.
        context = worker_context(self.settings)
        self.results, ok = self.algorithm.run(self.parameters, context, self.feedback)
        if ok and self.prepare is not None and not self.feedback.isCanceled():
            # What the results page shows, read here so that a city's parcels do not freeze QGIS.
            self.prepared = self.prepare(self.results)
        return bool(ok)

    def cancel(self):
        self.feedback.cancel()
        super().cancel()

    def finished(self, ok):
        try:
            self.release()
        finally:
            task_ended()
        self.on_finished(ok, self.results or {}, self.prepared)

    def release(self):
        release(self.copies)
        self.parameters = {}


class ModelRun:
    """One background run of the level's model. ``on_finished(ok, results, unit_rows)`` is called on the
    main thread; ``cancel()`` asks the model to stop at its next check."""

    def __init__(self, state, on_progress, on_finished):
        plan = plan_for(state.level)
        self.algorithm = QgsApplication.processingRegistry().createAlgorithmById(plan.algorithm)
        self.folder = state.run_folder
        self.parameters = model_parameters(state, self.algorithm, self.folder)
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(on_progress)
        id_field, name_field = state.fields.get(plan.unit_id), state.fields.get("name_field")
        language, folder = state.language, self.folder
        self.task = ModelTask(self.algorithm.displayName(), self.algorithm, self.parameters, self.feedback,
                              on_finished, lambda results: read_result_units(saved_outputs(results, folder),
                                                                             id_field, name_field, language))

    def start(self):
        start_task(self.task)

    def cancel(self):
        # Through the feedback, not self.task.cancel(): the task manager deletes a finished task, and
        # the feedback outlives it. ModelTask.cancel is the other way in, from QGIS's task list.
        self.feedback.cancel()


def layer_names():
    return {"check:planning_check": QCoreApplication.translate("ModelRun", "Planning check"),
            "check:rules": QCoreApplication.translate("ModelRun", "Planning check rules"),
            "synergy:synergy": QCoreApplication.translate("ModelRun", "Low-carbon and resilience synergy")}


def add_results(outputs, group_name):
    """Load the model's saved layer outputs, styled, into a new group at the top of the layer tree, which
    also keeps the paths of the reports (saved with the project); returns the group and {output key: layer}."""
    root = QgsProject.instance().layerTreeRoot()
    group = root.insertGroup(0, group_name)
    for key in REPORT_OUTPUTS:
        if outputs.get(key):
            group.setCustomProperty(f"lcr_toolkit/{key}", outputs[key])
    layers = {}
    for key, (_name, style) in LAYER_OUTPUTS.items():
        path = outputs.get(key)
        if not path:
            continue
        layer = saving.open_layer(path, layer_names()[key])
        if not layer.isValid():
            continue
        if style:
            apply_style(layer, style)
        QgsProject.instance().addMapLayer(layer, False)
        group.addLayer(layer)
        layers[key] = layer
    return group, layers

