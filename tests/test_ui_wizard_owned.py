"""The wizard's background tasks read copies of the project's layers they own: the planner removing the
layers (or a test's teardown clearing the project) while a task runs must not crash QGIS."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingUtils, QgsProject, QgsVectorLayer

from lcr_toolkit.ui.wizard.owned import own_layers, project_layers, project_settings, with_owned, worker_context

REPO = Path(__file__).resolve().parents[1]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
BUILDINGS = 3713   # the demo's buildings: one centroid each

# A ModelTask (the wizard's check task) reads the buildings of the demo district through native:centroids;
# the project's layers are removed (deleted) right after the task is made (``before``) or while it runs (``during``).
SCRIPT = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication
app = QgsApplication([], False)
app.initQgis()
from qgis.analysis import QgsNativeAlgorithms
QgsApplication.processingRegistry().addProvider(QgsNativeAlgorithms())
from lcr_toolkit.ui.wizard.run import ModelTask
when, district, out, by = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
layer = QgsVectorLayer(district + "|layername=buildings", "buildings", "ogr")
expected = layer.featureCount()
QgsProject.instance().addMapLayer(layer)
algorithm = QgsApplication.processingRegistry().createAlgorithmById("native:centroids")
done = {}
given = layer.id() if by == "id" else layer.source()   # a file the project has open: its layer, before
task = ModelTask("centroids", algorithm, {"INPUT": given, "ALL_PARTS": False, "OUTPUT": out},
                 QgsProcessingFeedback(), lambda ok, results, prepared: done.update(ok=ok))
if when == "before":
    QgsProject.instance().removeAllMapLayers()
QgsApplication.taskManager().addTask(task)
if when == "during":
    time.sleep(0.005)
    QgsProject.instance().removeAllMapLayers()
started = time.time()
while "ok" not in done and time.time() - started < 120:
    QCoreApplication.processEvents()
    time.sleep(0.01)
written = QgsVectorLayer(out, "out", "ogr").featureCount()
print(json.dumps({"ok": done.get("ok"), "expected": expected, "written": written}), flush=True)
import os
os._exit(0)   # QGIS 3.44 with Python 3.14 may crash tearing a bare QgsApplication down: not what is tested
"""


def run_task(when, tmp_path, plugin_root, by="id"):
    district = shutil.copy(DISTRICT, tmp_path / "district.gpkg")   # the sample data stays as it is
    out = os.fspath(tmp_path / f"centroids_{when}.gpkg")
    done = subprocess.run([sys.executable, "-c", SCRIPT, os.fspath(plugin_root), when, os.fspath(district), out, by],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, (done.returncode, done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_task_reads_its_own_copies_when_the_project_drops_the_layers_first(tmp_path, plugin_root):
    # Before, the task looked the id up in the project on its thread: the layer was gone, the run failed.
    result = run_task("before", tmp_path, plugin_root)
    assert result["ok"] is True and result["written"] == result["expected"] == BUILDINGS


def test_task_survives_the_layers_removed_while_it_runs(tmp_path, plugin_root):
    result = run_task("during", tmp_path, plugin_root)
    assert result["ok"] is True and result["written"] == result["expected"] == BUILDINGS


def test_task_opens_its_own_layer_of_a_file_the_project_has_open(tmp_path, plugin_root):
    result = run_task("during", tmp_path, plugin_root, by="file")
    assert result["ok"] is True and result["written"] == result["expected"] == BUILDINGS


def test_worker_context_does_not_hand_out_the_projects_layers(qgis_app, tmp_path):
    district = shutil.copy(DISTRICT, tmp_path / "district.gpkg")
    layer = QgsVectorLayer(f"{district}|layername=planning_units", "units", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        context = worker_context(project_settings())
        assert context.project() is None
        opened = QgsProcessingUtils.mapLayerFromString(layer.source(), context)
        assert opened is not None and opened.id() != layer.id() and opened.featureCount() == 6
        assert QgsProcessingUtils.mapLayerFromString(layer.id(), context) is None
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_copies_keep_the_features_the_planner_sees(qgis_app, tmp_path):
    district = shutil.copy(DISTRICT, tmp_path / "district.gpkg")
    project = QgsProject.instance()
    memory = QgsVectorLayer("Point?crs=EPSG:3857&field=v:double", "scratch", "memory")
    features = []
    for x, value in ((0, 1.5), (10, 2.5)):
        feature = QgsFeature(memory.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, 0)))
        feature["v"] = value
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    filed = QgsVectorLayer(f"{district}|layername=planning_units", "units", "ogr")
    edited = QgsVectorLayer(f"{district}|layername=parcels", "parcels", "ogr")
    saved = edited.featureCount()
    project.addMapLayers([memory, filed, edited])
    try:
        assert edited.startEditing()
        assert edited.deleteFeature(next(edited.getFeatures()).id())    # an unsaved edit, never committed
        ids = [memory.id(), filed.id(), edited.id()]
        copies = own_layers(project_layers({"A": memory.id(), "B": [filed.id(), edited.id()], "C": "not a layer",
                                            "D": 3}))
        assert sorted(copies) == sorted(ids)
        swapped = with_owned({"A": memory.id(), "B": [filed.id(), edited.id()], "C": "not a layer", "D": 3}, copies)
        assert swapped["A"] is copies[memory.id()] and swapped["B"][1] is copies[edited.id()]
        assert (swapped["C"], swapped["D"]) == ("not a layer", 3)
        edited.rollBack()
        project.removeAllMapLayers()    # the originals are deleted; the copies stay the task's
        assert sorted(f["v"] for f in copies[ids[0]].getFeatures()) == [1.5, 2.5]
        assert copies[ids[1]].featureCount() == 6 and copies[ids[1]].name() == "units"
        assert copies[ids[2]].featureCount() == saved - 1     # the unsaved deletion, as the planner sees it
        swapped.clear()
        copies.clear()    # deleted here, as the task's after it ends, not at the interpreter's exit
    finally:
        project.removeAllMapLayers()
