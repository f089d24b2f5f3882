"""Run inside a real QGIS window (``qgis.bin --code``): start the plugin, run both algorithms on
the demo district with their results loaded, open the toolbox at the provider and save a
screenshot of the main window. Used by scripts/desktop_screenshot.sh under Xvfb.

Environment: LCR_REPO (this checkout), LCR_SHOT (PNG path to write).
"""
import os
import traceback

from qgis import utils
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer

REPO = os.environ["LCR_REPO"]  # --code runs the file without __file__
DISTRICT = os.path.join(REPO, "resources", "sample_data", "demo_district.gpkg")
iface = utils.iface


def start():
    try:
        show_results()
    except Exception:  # noqa: BLE001 - a screenshot run must end, and say why it failed
        with open(os.environ.get("LCR_SHOT", "/tmp/lcr_qgis.png") + ".error.txt", "w") as log:
            log.write(traceback.format_exc())
    QTimer.singleShot(6000, shoot)


def show_results():
    import processing  # only importable once QGIS has started its Processing plugin

    utils.loadPlugin("lcr_toolkit")
    utils.startPlugin("lcr_toolkit")
    roads = QgsVectorLayer(f"{DISTRICT}|layername=roads", "roads", "ogr")
    QgsProject.instance().addMapLayer(roads)
    buildings = f"{DISTRICT}|layername=buildings"
    processing.runAndLoadResults("lcr:building_emissions", {
        "INPUT": buildings, "FLOORS_FIELD": "floors", "USE_FIELD": "use", "OUTPUT": "TEMPORARY_OUTPUT"})
    processing.runAndLoadResults("lcr:flood_exposure", {
        "INPUT": buildings, "HAZARD": f"{DISTRICT}|layername=flood_zones", "DEPTH_FIELD": "depth_m",
        "POPULATION_FIELD": "residents", "OUTPUT": "TEMPORARY_OUTPUT"})
    utils.plugins["lcr_toolkit"].open_toolbox()
    iface.mapCanvas().setExtent(roads.extent())
    iface.mapCanvas().refresh()


def shoot():
    """Save the window, then hide the flood layer to show the emissions one in a second shot."""
    path = os.environ.get("LCR_SHOT", "/tmp/lcr_qgis.png")
    iface.mainWindow().grab().save(path)
    flood = QgsProject.instance().mapLayersByName(iface.activeLayer().name())
    QgsProject.instance().layerTreeRoot().findLayer(flood[0].id()).setItemVisibilityChecked(False)
    iface.mapCanvas().refresh()
    QTimer.singleShot(3000, lambda: finish(path.replace(".png", "_emissions.png")))


def finish(path):
    iface.mainWindow().grab().save(path)
    QgsProject.instance().setDirty(False)
    os._exit(0)


QTimer.singleShot(1500, start)
