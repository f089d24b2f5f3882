"""Run inside a real QGIS window (``qgis.bin --code``): start the plugin, run both algorithms on
the demo district with their results loaded, open the toolbox at the provider and save a
screenshot of the main window. Used by scripts/desktop_screenshot.sh under Xvfb.

Environment: LCR_SHOT (PNG path to write).
"""
import os

from qgis import utils
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer

import processing

REPO = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
DISTRICT = os.path.join(REPO, "resources", "sample_data", "demo_district.gpkg")
iface = utils.iface


def run():
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
    QTimer.singleShot(6000, shoot)


def shoot():
    iface.mainWindow().grab().save(os.environ.get("LCR_SHOT", "/tmp/lcr_qgis.png"))
    QgsProject.instance().setDirty(False)
    os._exit(0)


QTimer.singleShot(1500, run)
