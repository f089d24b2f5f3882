"""The layers a background task reads, as copies of its own.

A task given project layer ids looks them up in the project and reads the project's layer objects on its
worker thread, while the planner (or a test's teardown) may remove them, close the project or edit them on
the main thread: the worker then reads a deleted layer and QGIS crashes. So the main thread hands the task
copies nobody else holds or changes: a clone (a new connection to the same data, cheap) of a layer backed by
a file or database, a copy of the features of a memory layer or of a layer with unsaved edits (what the
planner sees). The task holds the copies until it ends; they are deleted on the main thread after it.
Its processing context has the project's settings but not the project, or Processing would hand it the
project's layer for a file the project has open (the results, the measures the planner edits) too.

When the last task ends, the garbage is collected on the main thread before the results are opened: a run
can leave a GeoPackage open in a reference cycle. (Freezing the main thread's objects while a task ran, so that
the collector could not destroy them on the worker, made a run on a large heap stall for minutes: not done.)
"""
import gc

from qgis.core import QgsApplication, QgsFeatureRequest, QgsProcessingContext, QgsProject, QgsVectorLayer
from qgis.PyQt import sip

_TASKS = []     # the tasks started by start_task and not ended


def own_layers(layers):
    """{project layer id: a copy for the task} of the valid vector layers among ``layers`` (main thread)."""
    copies = {}
    for layer in layers:
        if not isinstance(layer, QgsVectorLayer) or not layer.isValid() or layer.id() in copies:
            continue
        if layer.providerType() == "memory" or layer.isModified():
            copy = layer.materialize(QgsFeatureRequest())
        else:
            copy = layer.clone()
        copy.setName(layer.name())
        copies[layer.id()] = copy
    return copies


def release(copies):
    """Delete the copies now, on the main thread, once the task has ended: an algorithm may still hold one
    (a cache), and a layer deleted when Python exits, after QGIS has shut down, crashes the interpreter."""
    for layer in copies.values():
        if not sip.isdeleted(layer):
            sip.delete(layer)
    copies.clear()


def project_layers(parameters):
    """The project's vector layers the parameter values name by id (main thread)."""
    project, found = QgsProject.instance(), []
    for value in parameters.values():
        for item in value if isinstance(value, (list, tuple)) else (value,):
            layer = project.mapLayer(item) if isinstance(item, str) else None
            if layer is not None:
                found.append(layer)
    return found


def with_owned(parameters, copies):
    """``parameters`` with every project layer id the copies know replaced by the copy."""
    def swap(value):
        if isinstance(value, (list, tuple)):
            return [swap(item) for item in value]
        return copies.get(value, value) if isinstance(value, str) else value

    return {name: swap(value) for name, value in parameters.items()}


def project_settings():
    """What a worker's context takes from the project (main thread): transform context, ellipsoid, units."""
    project = QgsProject.instance()
    return project.transformContext(), project.ellipsoid(), project.distanceUnits(), project.areaUnits()


def worker_context(settings):
    """A processing context for the worker thread, made on it, with ``project_settings()`` and no project:
    every layer it opens from a file is its own, deleted with it."""
    transform, ellipsoid, distance, area = settings
    context = QgsProcessingContext()
    context.setTransformContext(transform)
    context.setEllipsoid(ellipsoid)
    context.setDistanceUnit(distance)
    context.setAreaUnit(area)
    return context


def start_task(task):
    """Hand ``task`` to QGIS's task manager (main thread). The task calls ``task_ended()`` in its ``finished``."""
    _TASKS.append(task.description())
    QgsApplication.taskManager().addTask(task)


def task_ended():
    """A task started by ``start_task`` has ended (main thread, from its ``finished``, before its results are
    opened: a GeoPackage the run left open in a reference cycle is closed here): when it was the last, the
    garbage is collected here."""
    if _TASKS:
        _TASKS.pop()
    if not _TASKS:
        gc.collect()
