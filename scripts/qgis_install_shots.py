"""Run inside a real QGIS window (``qgis.bin --code``), twice on one fresh profile: the steps a user takes
from "Install from ZIP" to a flood-exposure run, with a PNG of each (scripts/install_shots.sh).

LCR_STAGE=install: Plugins > Manage and Install Plugins > Install from ZIP with the plugin's ZIP, the
security question, the message bar naming the missing packages, the Install… question, pip's progress
(a real pip run into the profile) and the "restart QGIS" answer.
LCR_STAGE=run (after a restart): the toolbox at the toolkit's tools, lcr:flood_exposure's dialog on the
demo district, and its result on the map.
Environment: LCR_ZIP, LCR_DATA (a copy of the demo GeoPackage), LCR_OUT, LCR_SCRIPTS (this folder, for
qgis_shots). Errors go to LCR_OUT/shots.log.
"""
import os
import sys

from qgis import utils
from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (QAbstractButton, QApplication, QDialog, QDockWidget, QListWidget, QMessageBox,
                                 QProgressDialog)

sys.path.insert(0, os.environ["LCR_SCRIPTS"])
import qgis_shots as shots  # noqa: E402
from qgis_shots import later  # noqa: E402

STAGE = os.environ["LCR_STAGE"]
WINDOW = (1100, 720)
iface = utils.iface


def log(text):
    shots.log(f"{STAGE}: {text}")


def drive(steps):
    shots.drive(steps, timeout_s=300, settle_ms=500, log=log)


def save(widget, name):
    shots.save(widget, name)
    log(f"saved {name}")


def top(kind, text=""):
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible() and text in (widget.windowTitle() + getattr(
                widget, "text", lambda: "")()):
            return widget
    return None


def button(parent, text):
    for found in parent.findChildren(QAbstractButton):
        if found.text().replace("&", "") .startswith(text) and found.isVisible():
            return found
    raise RuntimeError(f"no button {text!r} in {parent.windowTitle()}")


def main_window_ready():
    window = iface.mainWindow()
    for name in ("Browser", "Browser2"):
        dock = window.findChild(QDockWidget, name)
        if dock is not None:
            dock.hide()
    window.showNormal()
    window.resize(*WINDOW)


def install_steps():
    main_window_ready()
    yield 1500
    later(iface.actionManagePlugins().trigger)
    yield lambda: top(QDialog, "Plugins") is not None
    manager = top(QDialog, "Plugins")
    manager.resize(900, 560)
    pages = manager.findChild(QListWidget, "mOptionsListWidget")
    row = next(i for i in range(pages.count()) if "ZIP" in pages.item(i).text())
    pages.setCurrentRow(row)
    zip_widget = manager.findChild(QgsFileWidget, "mZipFileWidget")
    zip_widget.setFilePath(os.environ["LCR_ZIP"])
    yield 800
    save(manager, "install_1_from_zip")
    later(button(manager, "Install Plugin").click)
    yield lambda: top(QMessageBox) is not None
    question = top(QMessageBox)
    save(question, "install_2_security")
    later(question.button(QMessageBox.StandardButton.Yes).click)
    yield lambda: top(QMessageBox) is None
    yield 3000
    save(manager, "install_3_installed")
    later(manager.close)
    yield 1500
    save(iface.mainWindow(), "install_4_missing_packages")
    bar = iface.messageBar()
    later(button(bar.items()[0], "Install").click)
    yield lambda: top(QMessageBox) is not None
    question = top(QMessageBox)
    save(question, "install_5_consent")
    later(question.button(QMessageBox.StandardButton.Yes).click)
    yield lambda: top(QProgressDialog) is not None or top(QMessageBox) is not None
    progress = top(QProgressDialog)
    if progress is not None:
        save(progress, "install_6_progress")
    yield lambda: top(QMessageBox) is not None
    answer = top(QMessageBox)
    save(answer, "install_7_restart")
    log(answer.text())
    later(answer.accept)
    yield 500


def run_steps():
    import processing

    main_window_ready()
    data = os.environ["LCR_DATA"]
    for name in ("flood_zones", "buildings"):
        layer = QgsVectorLayer(f"{data}|layername={name}", name, "ogr")
        QgsProject.instance().addMapLayer(layer)
    yield 1500
    utils.plugins["lcr_toolkit"].open_toolbox()
    yield 1500
    save(iface.mainWindow(), "install_8_toolbox")
    project = QgsProject.instance()
    buildings = project.mapLayersByName("buildings")[0]
    zones = project.mapLayersByName("flood_zones")[0]
    dialog = processing.createAlgorithmDialog("lcr:flood_exposure", {
        "INPUT": buildings.id(), "HAZARD": zones.id(), "DEPTH_FIELD": "depth_m", "OUTPUT": "TEMPORARY_OUTPUT"})
    dialog.show()
    yield 1500
    save(dialog, "install_9_flood_dialog")
    dialog.runButton().click()
    yield lambda: any(layer.name() not in ("buildings", "flood_zones") for layer in project.mapLayers().values())
    yield 1500
    save(dialog, "install_10_flood_log")
    dialog.close()
    yield lambda: not iface.mapCanvas().isDrawing()
    yield 1500
    save(iface.mainWindow(), "install_11_flood_map")


drive(install_steps() if STAGE == "install" else run_steps())
