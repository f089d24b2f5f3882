"""Run inside a real QGIS window (``qgis.bin --code``): lcr:master_plan_check on the demo district from
the Processing toolbox's way of loading results, then a PNG of the window and of the map alone
(LCR_OUT/map_window.png, map_canvas.png), to look at how the result layers read together.

    LCR_DATA=copy_of_demo.gpkg LCR_OUT=dir LCR_SCRIPTS=scripts QGIS_PLUGINPATH=... xvfb-run -a \
        qgis.bin --nologo --profiles-path P --code scripts/qgis_map_shots.py
"""
import os
import sys
import time
import traceback

from qgis import utils
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget

OUT = os.environ["LCR_OUT"]
iface = utils.iface


def log(text):
    with open(os.path.join(OUT, "shots.log"), "a", encoding="utf-8") as handle:
        handle.write(text + "\n")


def run():
    try:
        import processing

        sys.path.insert(0, os.environ["LCR_SCRIPTS"])
        from batch_check import model_parameters

        utils.loadPlugin("lcr_toolkit")
        utils.startPlugin("lcr_toolkit")
        window = iface.mainWindow()
        for name in ("Browser", "Browser2", "ProcessingToolbox"):
            dock = window.findChild(QDockWidget, name)
            if dock is not None:
                dock.hide()
        window.showNormal()
        window.resize(1280, 820)
        params = model_parameters("lcr:master_plan_check", os.environ["LCR_DATA"], os.path.join(OUT, "check"))
        processing.runAndLoadResults("lcr:master_plan_check", params)
        layers = list(QgsProject.instance().mapLayers().values())
        log("layers: " + " | ".join(layer.name() for layer in layers))
        spatial = [layer for layer in layers if layer.isSpatial()]
        iface.mapCanvas().setExtent(spatial[0].extent().buffered(150))
        iface.mapCanvas().refresh()
        QTimer.singleShot(4000, shoot)
    except Exception:  # noqa: BLE001 - end QGIS and say why
        log(traceback.format_exc())
        os._exit(1)


def shoot():
    if iface.mapCanvas().isDrawing():
        QTimer.singleShot(500, shoot)
        return
    time.sleep(0.5)
    iface.mainWindow().grab().save(os.path.join(OUT, "map_window.png"))
    iface.mapCanvas().grab().save(os.path.join(OUT, "map_canvas.png"))
    order = [node.layer().name() for node in QgsProject.instance().layerTreeRoot().findLayers()]
    log("order: " + " | ".join(order))
    QgsProject.instance().setDirty(False)
    os._exit(0)


QTimer.singleShot(1000, run)
