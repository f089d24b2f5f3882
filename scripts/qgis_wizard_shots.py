"""Run inside a real QGIS window (``qgis.bin --code``): load the demo district, walk the planning-check
wizard through each level and save a PNG of every page and of the main window with the results
on the map. Used by scripts/screenshots.sh under Xvfb.

Environment: LCR_DATA (a copy of the demo district GeoPackage), LCR_OUT (folder for the PNGs),
LCR_LEVELS (e.g. "master detailed"), LCR_RAIN (the demo's daily rainfall CSV, for the detailed check),
LCR_RESULTS (the folder the wizard saves in), LCR_OSM (an .osm.pbf for the start page's OpenStreetMap shot),
LCR_SCRIPTS (this folder, for qgis_shots).
``--code`` runs this file without ``__file__``, and errors would only reach QGIS's message log, so they go to LCR_OUT/shots.log and end QGIS with status 1.
"""
import os
import sys
import time

from qgis import utils
from qgis.core import QgsLayerTreeGroup, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget

sys.path.insert(0, os.environ["LCR_SCRIPTS"])
import qgis_shots as shots  # noqa: E402
from qgis_shots import log, save  # noqa: E402

DATA = os.environ["LCR_DATA"]
LEVELS = os.environ.get("LCR_LEVELS", "master detailed").split()
RAIN = os.environ.get("LCR_RAIN", "")
RESULTS = os.environ.get("LCR_RESULTS", "")
OSM = os.environ.get("LCR_OSM", "")
INPUTS = ("planning_units", "parcels", "buildings", "landcover", "roads", "transit_stops", "flood_zones",
          "shelters", "facilities", "green_spaces")
WINDOW = (1280, 800)
iface = utils.iface


def drive(steps):
    shots.drive(steps, timeout_s=120, settle_ms=300)


def canvas_idle():
    return not iface.mapCanvas().isDrawing()


def steps():
    utils.loadPlugin("lcr_toolkit")
    utils.startPlugin("lcr_toolkit")
    window = iface.mainWindow()
    browser = window.findChild(QDockWidget, "Browser")
    if browser is not None:     # more room for the Layers panel, which shows the result group
        browser.hide()
    window.showNormal()
    window.resize(*WINDOW)
    layers = window.findChild(QDockWidget, "Layers")
    if layers is not None:      # wide enough for the result layers' names
        window.resizeDocks([layers], [360], Qt.Orientation.Horizontal)
    inputs = QgsProject.instance().layerTreeRoot().addGroup("demo_district")
    for name in INPUTS:
        layer = QgsVectorLayer(f"{DATA}|layername={name}", name, "ogr")
        QgsProject.instance().addMapLayer(layer, False)
        inputs.addLayer(layer).setItemVisibilityChecked(name == "roads")
    inputs.setExpanded(False)
    yield 2000
    yield from shoot_settings()
    for number, level in enumerate(LEVELS):
        yield from shoot_level(level, 10 * number)
    if OSM:
        yield from shoot_start_osm()


def shoot_settings():
    from lcr_toolkit.ui.settings_dialog import SettingsDialog
    dialog = SettingsDialog(iface.mainWindow())
    dialog.show()
    yield 1000
    save(dialog, "00_settings")
    dialog.close()


def shoot_level(level, first):
    plugin = utils.plugins["lcr_toolkit"]
    plugin.open_wizard()
    wizard = plugin.wizard
    name = lambda number, page: f"{first + number:02d}_{level}_{page}"  # noqa: E731
    start = wizard.currentPage()
    if RESULTS:
        start.folder.setFilePath(RESULTS)
    if first == 0:
        yield 1000
        save(wizard, name(0, "start"))
    wizard.next()
    if level == "detailed":
        wizard.currentPage().detailed.click()
    yield 1000
    save(wizard, name(1, "level"))
    wizard.next()
    yield 1000
    save(wizard, name(2, "layers"))
    page = wizard.currentPage()
    if RAIN and "daily_rainfall" in page.value_boxes:
        page.value_boxes["daily_rainfall"].setFilePath(RAIN)
    page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
    yield 500
    save(wizard, name(2, "layers_values"))
    wizard.next()
    yield 1000
    save(wizard, name(3, "targets"))
    wizard.next()
    yield 500
    started = time.monotonic()
    wizard.currentPage().start()
    yield lambda: wizard.state.status != "running"
    log(f"{level}: run {wizard.state.status} in {time.monotonic() - started:.1f} s")
    if wizard.state.status != "done":
        raise RuntimeError(f"{level} check ended {wizard.state.status}")
    save(wizard, name(4, "run"))
    wizard.next()
    yield 1000
    save(wizard, name(5, "results_rules"))
    wizard.currentPage().tabs.setCurrentIndex(1)
    yield 500
    save(wizard, name(6, "results_units"))
    results = wizard.currentPage()
    if results.recheck_button.isEnabled():       # the detailed plan: measures sized, applied, checked again
        results.recheck_button.click()
        yield lambda: results.recheck is None
        log(f"{level}: measures and check again: {results.recheck_status.text()}")
        yield 500
        save(wizard, name(6, "results_measures"))
    wizard.close()
    plugin.wizard = None
    checked = wizard.state.result_layers["check:planning_check"]
    iface.setActiveLayer(checked)
    iface.mapCanvas().setExtent(checked.extent().buffered(checked.extent().width() * 0.03))
    iface.mapCanvas().refresh()
    yield 1000
    yield canvas_idle
    QApplication.processEvents()
    save(iface.mainWindow(), name(7, "map"))
    remove_group(QgsProject.instance().layerTreeRoot().findLayer(checked.id()).parent())


def shoot_start_osm():
    """The start page after preparing an OpenStreetMap extract: what was estimated, and how much."""
    plugin = utils.plugins["lcr_toolkit"]
    plugin.open_wizard()
    wizard = plugin.wizard
    start = wizard.currentPage()
    if RESULTS:
        start.folder.setFilePath(RESULTS)
    start.choices.button(2).click()
    start.osm_file.setFilePath(OSM)
    start.prepare()
    yield lambda: start.task is None
    save(wizard, "08_start_osm")
    wizard.close()
    plugin.wizard = None


def remove_group(group):
    """Take a level's results off the map so the next level's are seen alone."""
    if isinstance(group, QgsLayerTreeGroup):
        QgsProject.instance().removeMapLayers(group.findLayerIds())
        group.parent().removeChildNode(group)


QTimer.singleShot(3000, lambda: drive(steps()))
