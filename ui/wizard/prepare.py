"""The start page's preparations, each done by the toolkit's registered algorithms, never by code of its
own: the demo district loaded as it is; an OpenStreetMap extract through lcr:prepare_osm; Chinese POIs
through lcr:poi_categories and lcr:china_coordinates, parcels' land-use codes through lcr:landuse_codes.
The prepared layers are written into one GeoPackage in the user's results folder and added to the project."""
import os

from qgis.core import (
    QgsAggregateCalculator,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProject,
    QgsTask,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTranslator, QUrl, QUrlQuery

from ...algorithms.base import PLUGIN_DIR, resource_path
from ...core import crs as core_crs
from . import saving
from .owned import project_settings, release, task_ended, worker_context

DEMO = resource_path("sample_data", "demo_district.gpkg")
# LayerRole.param -> table of the demo district
DEMO_TABLES = {"units": "planning_units", "parcels": "parcels", "buildings": "buildings", "landcover": "landcover",
               "roads": "roads", "transit_stops": "transit_stops", "flood_zones": "flood_zones",
               "shelters": "shelters", "facilities": "facilities", "green_spaces": "green_spaces"}
# lcr:prepare_osm sink -> (LayerRole.param or None, table named as in the demo district, as the guesses know)
OSM_SINKS = {"UNITS": ("units", "planning_units"), "BUILDINGS": ("buildings", "buildings"),
             "ROADS": ("roads", "roads"), "TRANSIT_STOPS": ("transit_stops", "transit_stops"),
             "FACILITIES": ("facilities", "facilities"), "GREEN_SPACES": ("green_spaces", "green_spaces"),
             "SHELTERS": ("shelters", "shelters"), "LANDCOVER": ("landcover", "landcover"), "WATER": (None, "water")}
PREPARED_GPKG = "prepared_layers.gpkg"
# The POI layer's coordinates -> lcr:china_coordinates CONVERSION (None: already WGS 84 / CGCS2000)
POI_CONVERSIONS = (0, 1, None)
# The typed POIs' tables: a POI with a stop type is a transit stop only (a bus stop is no facility of the life
# circle), any other POI with a facility type a facility only.
POI_TABLES = {"transit_stops": '"stop_type" IS NOT NULL',
              "facilities": '"stop_type" IS NULL AND "fac_type" IS NOT NULL'}
# Column names of a POI CSV's longitude and latitude, as Amap and Baidu downloads and tools write them.
LON_NAMES = ("lon", "lng", "longitude", "x", "经度", "wgs84_lng", "gcj02_lng", "gcj_lng", "bd09_lng")
LAT_NAMES = ("lat", "latitude", "y", "纬度", "wgs84_lat", "gcj02_lat", "gcj_lat", "bd09_lat")


translate = QCoreApplication.translate


class Note(tuple):
    """A sentence on what the preparation estimated (or an input not given), kept as its English template
    and numbers so that it is shown in QGIS's language and written in the report's: (template, values)."""

    def __new__(cls, template, **values):
        return super().__new__(cls, (template, values))

    def text(self, lang=None):
        """In ``lang`` ("en", "zh"), or in QGIS's language (None)."""
        template, values = self
        if lang is None:
            template = translate("Prepare", template)
        elif lang != "en":
            try:
                found = _translator(lang).translate("Prepare", template)
            except UnicodeEncodeError:      # PyQt5 passes the source as ASCII (char *); PyQt6 takes str
                found = _translator(lang).translate(b"Prepare", template.encode("utf-8"))
            template = found or template
        return template.format(**values)


_TRANSLATORS = {}


def _translator(lang):
    """The plugin's translation into ``lang`` whatever language QGIS runs in (the report has its own)."""
    if lang not in _TRANSLATORS:
        translator = QTranslator()
        translator.load(os.path.join(PLUGIN_DIR, "i18n", f"lcr_toolkit_{LOCALES[lang]}.qm"))
        _TRANSLATORS[lang] = translator
    return _TRANSLATORS[lang]


LOCALES = {"zh": "zh_CN"}


class PrepareTask(QgsTask):
    """``work(context, feedback)`` on a QGIS worker thread; ``on_finished(ok, results, error)`` on the main one."""

    def __init__(self, description, work, feedback, on_finished, copies=None):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.work, self.feedback, self.on_finished = work, feedback, on_finished
        self.copies = copies if copies is not None else {}   # the layers ``work`` reads (see owned)
        self.results, self.error = {}, ""
        self.settings = project_settings()

    def run(self):
        context = worker_context(self.settings)   # not the project's layers (see owned)
        try:
            self.results = self.work(context, self.feedback)
        except QgsProcessingException as error:
            self.error = str(error)   # a Python exception here: no message() (that is the C++ API)
            return False
        return not self.feedback.isCanceled()

    def cancel(self):
        self.feedback.cancel()
        super().cancel()

    def finished(self, ok):
        self.work = None
        try:
            release(self.copies)
        finally:
            task_ended()     # it was started by owned.start_task
        self.on_finished(ok, self.results, self.error)


def run_algorithm(alg_id, parameters, context, feedback):
    """Results of the registered algorithm ``alg_id``; its own error message (in the log) on failure."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    if algorithm is None:
        raise QgsProcessingException(translate("Prepare", "The algorithm {id} is not installed.").format(id=alg_id))
    feedback.pushInfo(translate("Prepare", "Running {name} ({id})…").format(
        name=algorithm.displayName(), id=alg_id))
    results, ok = algorithm.run(parameters, context, feedback)
    if feedback.isCanceled():
        raise QgsProcessingException(translate("Prepare", "Cancelled."))
    if not ok:
        raise QgsProcessingException(translate("Prepare", "{name} failed: see the log.").format(
            name=algorithm.displayName()))
    return results


# ---- the demo district ----------------------------------------------------------------------------
def load_demo(project=None):
    """{LayerRole.param: layer} of the demo district, reusing its layers already in the project."""
    project = project or QgsProject.instance()
    loaded = {layer.source(): layer for layer in project.mapLayers().values()}
    group = None
    layers = {}
    for param, table in DEMO_TABLES.items():
        uri = saving.layer_uri(DEMO, table)
        layer = loaded.get(uri)
        if layer is None:
            layer = QgsVectorLayer(uri, table, "ogr")
            if group is None:
                group = project.layerTreeRoot().insertGroup(0, translate("Prepare", "Demo district"))
            project.addMapLayer(layer, False)
            group.addLayer(layer)
        layers[param] = layer
    return layers


# ---- OpenStreetMap --------------------------------------------------------------------------------
def osm_work(path, gpkg, units_method=0, admin_level=8):
    """lcr:prepare_osm with its defaults but for the planning units: its UNITS_METHOD (0 grid, 1 admin areas)."""
    def work(context, feedback):
        parameters = {"INPUT": path, "UNITS_METHOD": units_method, "ADMIN_LEVEL": admin_level,
                      **{sink: saving.sink(gpkg, table) for sink, (_p, table) in OSM_SINKS.items()}}
        return run_algorithm("lcr:prepare_osm", parameters, context, feedback)
    return work


def add_prepared(gpkg, tables, group_name, project=None):
    """Add ``tables`` ({LayerRole.param or a name: table}) of ``gpkg`` to a new group at the top of the
    layer tree; returns {param: layer}."""
    project = project or QgsProject.instance()
    group = project.layerTreeRoot().insertGroup(0, group_name)
    layers = {}
    for param, table in tables.items():
        layer = saving.open_layer(saving.layer_uri(gpkg, table), table)
        if not layer.isValid():
            continue
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        layers[param] = layer
    return layers


def _total(layer, field):
    if layer is None or layer.fields().lookupField(field) < 0:
        return 0
    value, ok = layer.aggregate(QgsAggregateCalculator.Aggregate.Sum, field)
    return int(value or 0) if ok else 0


def osm_estimates(results, layers, units_method=0):
    """What lcr:prepare_osm estimated, and how much, as Notes (from its outputs and the layers' flags)."""
    total = int(results.get("BUILDING_COUNT") or 0)
    lines = [
        Note(QT_TRANSLATE_NOOP("Prepare", "residents estimated for {n:,} buildings from floor area ({people:,.0f} "
                                          "people): OpenStreetMap has no residents (field residents_est)"),
             n=int(results.get("RESIDENTIAL_BUILDINGS") or 0), people=float(results.get("RESIDENTS") or 0)),
        Note(QT_TRANSLATE_NOOP("Prepare", "floors estimated for {n:,} of {total:,} buildings without a "
                                          "building:levels tag, from their height or type (field floors_est)"),
             n=int(results.get("FLOORS_ESTIMATED") or 0), total=total),
        Note(QT_TRANSLATE_NOOP("Prepare", "use estimated for {n:,} of {total:,} buildings from the surrounding "
                                          "land use or the fall-back (field use_est)"),
             n=int(results.get("USE_ESTIMATED") or 0), total=total),
    ]
    typed = _total(layers.get("facilities"), "type_est")
    if typed:
        lines.append(Note(QT_TRANSLATE_NOOP("Prepare", "facility type estimated for {n:,} of {total:,} facilities "
                                                       "(field type_est)"),
                          n=typed, total=int(results.get("FACILITY_COUNT") or 0)))
    shelters = _total(layers.get("shelters"), "est")
    if shelters:
        lines.append(Note(QT_TRANSLATE_NOOP("Prepare", "{n:,} candidate shelters with capacity estimated from "
                                                       "their area: open spaces, not designated shelters (field est)"),
                          n=shelters))
    units = layers.get("units")
    if units is not None and units_method == 0:
        lines.append(Note(QT_TRANSLATE_NOOP("Prepare", "{n:,} planning units: grid cells holding buildings, not "
                                                       "planning units of a plan"), n=units.featureCount()))
    elif units is not None:
        lines.append(Note(QT_TRANSLATE_NOOP("Prepare", "{n:,} planning units: the administrative areas of the "
                                                       "extract, not planning units of a plan"),
                          n=units.featureCount()))
    return lines


# ---- Chinese POIs and land-use codes --------------------------------------------------------------
def poi_csv_layer(path):
    """A POI CSV as a point layer in EPSG:4326 (GCJ-02 and BD-09 are stored as such longitudes and latitudes),
    its longitude and latitude columns found by their names; None when it has none."""
    with open(path, "rb") as handle:
        head = handle.readline()
    encoding = "UTF-8"
    try:
        header = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        header, encoding = head.decode("gb18030", errors="replace"), "GB18030"
    columns = [name.strip().strip('"') for name in header.strip().split(",")]
    folded = {name.casefold(): name for name in columns}
    lon = next((folded[name] for name in LON_NAMES if name in folded), None)
    lat = next((folded[name] for name in LAT_NAMES if name in folded), None)
    if lon is None or lat is None:
        return None
    # Percent-encoded: the provider reads no column named in raw Chinese (经度, 纬度: invalid layer), nor a path
    # with a space, "#" or "&", or a Windows drive letter.
    url = QUrl.fromLocalFile(os.path.abspath(path))
    query = QUrlQuery()
    for key, value in (("type", "csv"), ("delimiter", ","), ("xField", lon), ("yField", lat), ("crs", "EPSG:4326"),
                       ("detectTypes", "yes"), ("encoding", encoding)):
        query.addQueryItem(key, value)
    url.setQuery(query)
    uri = bytes(url.toEncoded()).decode("ascii")
    layer = QgsVectorLayer(uri, os.path.splitext(os.path.basename(path))[0], "delimitedtext")
    return layer if layer.isValid() else None


def metric_crs(layers, project=None):
    """The CRS in metres the Chinese data are written in: that of the first projected layer, else the
    project's if projected, else the CGCS2000 3-degree Gauss-Krüger zone of the data."""
    project = project or QgsProject.instance()
    for layer in layers:
        if layer is not None and layer.crs().isValid() and not layer.crs().isGeographic():
            return layer.crs().authid()
    if project.crs().isValid() and not project.crs().isGeographic():
        return project.crs().authid()
    layer = next(layer for layer in layers if layer is not None)
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    centre = QgsCoordinateTransform(layer.crs(), wgs84, project).transform(layer.extent().center())
    return f"EPSG:{core_crs.local_metric_epsg(centre.x(), centre.y(), True)}"


def china_work(gpkg, target_crs, pois=None, parcels=None):
    """``pois``: (layer, category field, name field or "", POI_CONVERSIONS index); ``parcels``: (layer, code
    field, lcr:landuse_codes SCHEME); each layer the task's own copy (``owned``). Tables "pois" and "parcels"
    in ``gpkg``, in ``target_crs``: the toolkit's algorithm of each chain writes the table (coordinates are
    converted before reprojecting, as GCJ-02 and BD-09 are offsets of longitudes and latitudes)."""
    def reproject(layer, context, feedback):
        return run_algorithm("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": target_crs,
                                                       "OUTPUT": "memory:"}, context, feedback)["OUTPUT"]

    def work(context, feedback):
        results = {}
        if pois is not None:
            layer, category, name, coordinates = pois
            if POI_CONVERSIONS[coordinates] is not None:
                moved = run_algorithm("lcr:china_coordinates", {
                    "INPUT": layer, "CONVERSION": POI_CONVERSIONS[coordinates], "OUTPUT": "memory:"},
                    context, feedback)
                results["china_coordinates"] = moved
                layer = moved["OUTPUT"]
            typed = run_algorithm("lcr:poi_categories", {
                "INPUT": reproject(layer, context, feedback), "CATEGORY_FIELD": category, "NAME_FIELD": name or None,
                "OUTPUT": saving.sink(gpkg, "pois")}, context, feedback)
            results["poi_categories"] = typed
            # Each typed POI in one layer only, as a table of its own: a transit stop among the stops,
            # any other typed POI among the facilities (the "pois" table keeps them all, unmatched too).
            for table, expression in POI_TABLES.items():
                run_algorithm("native:extractbyexpression", {
                    "INPUT": typed["OUTPUT"], "EXPRESSION": expression, "OUTPUT": saving.sink(gpkg, table)},
                    context, feedback)
        if parcels is not None:
            layer, code, scheme = parcels
            results["landuse_codes"] = run_algorithm("lcr:landuse_codes", {
                "INPUT": reproject(layer, context, feedback), "CODE_FIELD": code, "SCHEME": scheme,
                "OUTPUT": saving.sink(gpkg, "parcels")}, context, feedback)
        return results
    return work


def add_china_prepared(gpkg, results, group_name):
    """The POIs' facilities and transit stops (tables of their own, see ``POI_TABLES``), the parcels as
    parcels and as land cover (their lucode), in a new group; returns {LayerRole.param: layer}."""
    tables = {}
    if "poi_categories" in results:
        tables.update({table: table for table in POI_TABLES})
    if "landuse_codes" in results:
        tables.update(parcels="parcels")
    layers = add_prepared(gpkg, tables, group_name)
    if "parcels" in layers:
        layers["landcover"] = layers["parcels"]
    return layers


def china_estimates(results):
    """What the Chinese data's preparation converted and guessed, as Notes."""
    lines = []
    moved = results.get("china_coordinates")
    if moved:
        lines.append(Note(QT_TRANSLATE_NOOP("Prepare", "{n:,} POIs moved from Chinese web-map coordinates to "
                                                       "WGS 84 / CGCS2000, by {shift:,.0f} m on average"),
                          n=int(moved.get("MOVED") or 0), shift=float(moved.get("MEAN_SHIFT_M") or 0)))
    typed = results.get("poi_categories")
    if typed:
        lines.append(Note(QT_TRANSLATE_NOOP("Prepare", "{fac:,} POIs typed as life-circle facilities and {stops:,} "
                                                       "as transit stops from their categories; {none:,} matched no "
                                                       "category"),
                          fac=int(typed.get("N_FACILITIES") or 0), stops=int(typed.get("N_STOPS") or 0),
                          none=int(typed.get("N_UNMATCHED") or 0)))
    coded = results.get("landuse_codes")
    if coded:
        lines.append(Note(QT_TRANSLATE_NOOP("Prepare", "land-use codes of {n:,} parcels read through the crosswalk; "
                                                       "{none:,} not recognised (no land-use class)"),
                          n=int(coded.get("N_MAPPED") or 0), none=int(coded.get("N_UNMAPPED") or 0)))
    return lines


# Both plan checks run without flood zones (OpenStreetMap has none); the flood rules are then not assessed.
NO_FLOOD = Note(QT_TRANSLATE_NOOP("Prepare", "Flood rules were not assessed because no flood layer was given: "
                                             "shelters are counted whether or not they lie in a flood zone."))
OSM_CREDIT = Note(QT_TRANSLATE_NOOP("Prepare", "Data © OpenStreetMap contributors, ODbL 1.0 "
                                               "(openstreetmap.org/copyright)."))


def input_notes(state, lang=None):
    """The notes of a run: what the preparation estimated, a flood layer not given, the data's credit."""
    notes = list(state.estimates)
    if state.layers.get("flood_zones") is None:
        notes.append(NO_FLOOD)
    if state.start == "osm" and state.estimates:
        notes.append(OSM_CREDIT)
    return [note.text(lang) for note in notes]
