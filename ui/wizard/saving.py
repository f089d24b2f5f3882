"""Where the wizard saves what it makes, so that it stays when QGIS closes: not QGIS's temporary
Processing folder, but a folder the user chose (default: beside the saved project), remembered."""
import datetime
import os
import re

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QDir, QStandardPaths

from .. import settings

BESIDE_PROJECT = "lcr_results"          # folder made beside a saved project
IN_DOCUMENTS = "LCR toolkit results"    # folder made in Documents (or home) while the project is unsaved
PROJECT_SCOPE, PROJECT_KEY = "lcr_toolkit", "results_folder"
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def default_folder(project=None):
    """The folder the wizard offers: the one chosen for this project before; else, for a saved project,
    ``lcr_results`` beside it; else the folder chosen last time; else ``Documents/LCR toolkit results``
    (the home folder where there is no Documents folder)."""
    project = project or QgsProject.instance()
    chosen, found = project.readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
    if found and chosen:
        return chosen
    if project.absolutePath():
        return os.path.join(project.absolutePath(), BESIDE_PROJECT)
    if settings.results_folder():
        return settings.results_folder()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return os.path.join(documents or os.path.expanduser("~"), IN_DOCUMENTS)


def remember(folder, project=None):
    """Offer ``folder`` next time: in this project (saved with it) and in the user's settings."""
    settings.set_results_folder(folder)
    (project or QgsProject.instance()).writeEntry(PROJECT_SCOPE, PROJECT_KEY, folder)


def new_folder(base, label):
    """A new folder ``<label>_<date>_<time>`` in ``base`` for one run's files, so that a run never
    overwrites files an earlier run added to the project."""
    stamp = datetime.datetime.now().strftime("%Y-%m-%d_%H%M%S")
    name = _UNSAFE.sub("_", label).strip("_.") or "run"
    path, n = os.path.join(base, f"{name}_{stamp}"), 1
    while os.path.exists(path):
        n += 1
        path = os.path.join(base, f"{name}_{stamp}_{n}")
    os.makedirs(path)
    return path


def sink(gpkg, table):
    """A Processing destination writing the table ``table`` into the GeoPackage ``gpkg``: several
    outputs go into one file. Forward slashes and escaped quotes, as the data source URI reads them."""
    path = QDir.fromNativeSeparators(gpkg).replace("\\", "\\\\").replace("'", "\\'")
    return f"ogr:dbname='{path}' table=\"{table}\" (geom)"


def layer_uri(gpkg, table):
    return f"{gpkg}|layername={table}"


def open_layer(uri, name):
    """The GeoPackage table ``uri`` as a layer. Opened a second time when the first cannot count its
    features: in QGIS 3.22 the first layer opened on the main thread on a table a worker thread has just
    written sometimes gets a dead SQLite connection ("unable to open database file"); the next one does not."""
    layer = QgsVectorLayer(uri, name, "ogr")
    if not layer.isValid() or layer.featureCount() < 0:
        layer = QgsVectorLayer(uri, name, "ogr")
    return layer
