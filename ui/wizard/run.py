"""Running the ready-made model from the wizard's answers, in the background, and loading its outputs."""
import os
import tempfile

from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
    QgsTask,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...algorithms.planning_check import PROFILES
from ...algorithms.styles import apply_style
from .plans import plan_for
from .unit_table import read_result_units

# Model output -> (file name, style in resources/styles or None).
LAYER_OUTPUTS = {
    "check:planning_check": ("planning_check.gpkg", "planning_check"),
    "check:rules": ("rules.gpkg", None),
    "synergy:synergy": ("synergy.gpkg", "synergy"),
}
REPORT_OUTPUTS = {"report:report_html": "report.html", "report:report_pdf": "report.pdf"}


def model_parameters(state, algorithm, folder):
    """The parameter dict of the level's model for the wizard's answers, outputs written in ``folder``.

    Parameters the wizard does not ask about keep the model's defaults. Settings that only some
    models take (an own profile file, the grid region and year) are passed where declared.
    """
    plan = plan_for(state.level)
    # Processing in QGIS 3.22 does not fill a model's defaults in for parameters left out.
    params = {d.name(): d.defaultValue() for d in algorithm.parameterDefinitions() if d.defaultValue() is not None}
    params.update({role.param: state.layers[role.param].id() for role in plan.layers})
    params.update({role.param: state.fields.get(role.param) or None for role in plan.fields})
    params.update({role.param: state.values[role.param] for role in plan.values
                   if state.values.get(role.param) not in (None, "")})
    params.update(profile=PROFILES.index(state.profile), language=state.language, title="")
    # plan_name: the report's first-page title
    optional = {"profile_file": state.profile_file or None,
                "grid_region": state.grid_region,
                "grid_year": state.grid_year or None,
                "plan_name": QgsProject.instance().title() or None}
    params.update({name: value for name, value in optional.items()
                   if algorithm.parameterDefinition(name) is not None and value is not None})
    declared = {output.name() for output in algorithm.outputDefinitions()}
    files = {key: name for key, (name, _style) in LAYER_OUTPUTS.items()} | REPORT_OUTPUTS
    for key, name in files.items():
        if key in declared:
            params[key] = os.path.join(folder, name)
    return params


class ModelTask(QgsTask):
    """Runs an algorithm on a QGIS worker thread and hands the results back on the main thread.

    Not QgsProcessingAlgRunnerTask: there every call from the model into the Python algorithms
    (thousands, as the model looks its steps up) makes a new Python thread state, which made the
    master check run 10 times slower (20 s instead of 2 s on the demo district). Here run() is
    Python, so the worker keeps one thread state for the whole run.
    """

    def __init__(self, description, algorithm, parameters, feedback, on_finished, prepare=None):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.algorithm, self.parameters, self.feedback = algorithm, parameters, feedback
        self.on_finished, self.prepare = on_finished, prepare
        self.results, self.prepared = {}, None

    def run(self):
        # A context made on this thread owns the layers the model's steps make on it.
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        self.results, ok = self.algorithm.run(self.parameters, context, self.feedback)
        if ok and self.prepare is not None and not self.feedback.isCanceled():
            # What the results page shows, read here so that a city's parcels do not freeze QGIS.
            self.prepared = self.prepare(self.results)
        return bool(ok)

    def cancel(self):
        self.feedback.cancel()
        super().cancel()

    def finished(self, ok):
        self.on_finished(ok, self.results or {}, self.prepared)


class ModelRun:
    """One background run of the level's model. ``on_finished(ok, results, unit_rows)`` is called on the
    main thread; ``cancel()`` asks the model to stop at its next check."""

    def __init__(self, state, on_progress, on_finished):
        plan = plan_for(state.level)
        self.algorithm = QgsApplication.processingRegistry().createAlgorithmById(plan.algorithm)
        self.folder = tempfile.mkdtemp(prefix="lcr_wizard_", dir=QgsProcessingUtils.tempFolder())
        self.parameters = model_parameters(state, self.algorithm, self.folder)
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(on_progress)
        id_field, name_field = state.fields.get(plan.unit_id), state.fields.get("name_field")
        language = state.language
        self.task = ModelTask(self.algorithm.displayName(), self.algorithm, self.parameters, self.feedback,
                              on_finished, lambda results: read_result_units(results, id_field, name_field, language))

    def start(self):
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self):
        # Through the feedback, not self.task.cancel(): the task manager deletes a finished task, and
        # the feedback outlives it. ModelTask.cancel is the other way in, from QGIS's task list.
        self.feedback.cancel()


def layer_names():
    return {"check:planning_check": QCoreApplication.translate("ModelRun", "Planning check"),
            "check:rules": QCoreApplication.translate("ModelRun", "Planning check rules"),
            "synergy:synergy": QCoreApplication.translate("ModelRun", "Low-carbon and resilience synergy")}


def add_results(outputs, group_name):
    """Load the model's layer outputs, styled, into a new group at the top of the layer tree;
    returns the group and {output key: layer}."""
    root = QgsProject.instance().layerTreeRoot()
    group = root.insertGroup(0, group_name)
    layers = {}
    for key, (_name, style) in LAYER_OUTPUTS.items():
        path = outputs.get(key)
        if not path:
            continue
        layer = QgsVectorLayer(path, layer_names()[key], "ogr")
        if not layer.isValid():
            continue
        if style:
            apply_style(layer, style)
        QgsProject.instance().addMapLayer(layer, False)
        group.addLayer(layer)
        layers[key] = layer
    return group, layers

