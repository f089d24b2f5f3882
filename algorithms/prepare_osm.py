"""lcr:prepare_osm: from an OpenStreetMap extract to the toolkit's layers, with the fields the models read."""
import os
import time

import numpy as np
import pandas as pd
import shapely
from osgeo import gdal, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core import crs as core_crs
from ..core import osm, shelter, zones
from .base import LcrAlgorithm, resource_path
from .writing import FIELD_TYPES

# The layers GDAL's OSM driver makes that the toolkit reads (other_relations holds routes and the like).
OSM_LAYERS = ("points", "lines", "multipolygons")
# Keys read besides those the mapping tables name.
BASE_KEYS = ("name", "name:zh", "building", "building:levels", "height", "building:height", "landuse", "boundary",
             "admin_level", "width", "highway")

BUILDING_FIELDS = [("bldg_id", "text"), ("name", "text"), ("building", "text"), ("use", "text"), ("use_src", "text"),
                   ("use_est", "int"), ("floors", "double"), ("floors_src", "text"), ("floors_est", "int"),
                   ("height_m", "double"), ("footprint_m2", "double"), ("residents", "double"),
                   ("residents_est", "int"), ("roof_type", "text"), ("osm_tag", "text")]
ROAD_FIELDS = [("road_id", "text"), ("osm_ref", "text"), ("road_class", "text"), ("name", "text"),
               ("width_m", "double")]
STOP_FIELDS = [("stop_id", "text"), ("osm_ref", "text"), ("stop_type", "text"), ("mode", "text"), ("name", "text"),
               ("name_zh", "text"), ("osm_tag", "text")]
FACILITY_FIELDS = [("fac_id", "text"), ("osm_ref", "text"), ("fac_type", "text"), ("type_est", "int"),
                   ("name", "text"), ("name_zh", "text"), ("osm_tag", "text")]
GREEN_FIELDS = [("green_id", "text"), ("osm_ref", "text"), ("name", "text"), ("name_zh", "text"),
                ("park_type", "text"), ("area_m2", "double"), ("osm_tag", "text")]
SHELTER_FIELDS = [("shelter_id", "text"), ("osm_ref", "text"), ("name", "text"), ("name_zh", "text"),
                  ("shelter_type", "text"), ("site", "text"), ("area_m2", "double"), ("eff_area_m2", "double"),
                  ("capacity", "double"), ("est", "int"), ("capacity_est", "int"), ("osm_tag", "text")]
LANDCOVER_FIELDS = [("lucode", "int"), ("class", "text")]
WATER_FIELDS = [("water_id", "text"), ("osm_ref", "text"), ("name", "text"), ("osm_tag", "text")]
UNIT_FIELDS = [("unit_id", "text"), ("name", "text"), ("name_zh", "text"), ("area_m2", "double"),
               ("residents", "double"), ("residents_est", "int")]

# The fallback row deciding the use of at least this share of the buildings, with no residents, is worth a warning.
UNTYPED_SHARE = 0.5
# Land cover covering less than this share of the planning units: its impervious share is a share of what is mapped.
MAPPED_COVER_SHARE = 0.5
SCALE_STEP = 0.001   # degrees: the short steps the scale is measured on
MAPPING_FILES = ("building_use.csv", "facilities.csv", "transit_stops.csv", "landcover.csv", "roads.csv",
                 "green_spaces.csv", "shelters.csv", "shelter_sizes.csv", "roof_type.csv")


class OsmLayer:
    """One layer of the OSM file read into arrays: geometries (in the working CRS once projected),
    OSM references ("way/123") and the tags the mappings read."""

    def __init__(self, geometry, refs, tags):
        self.geometry = geometry
        self.refs = refs
        self.tags = tags

    def subset(self, mask):
        return OsmLayer(self.geometry[mask], self.refs[mask], self.tags[mask].reset_index(drop=True))


class PrepareOsm(LcrAlgorithm):
    ALG_ID = "prepare_osm"
    GROUP_ID = "data_preparation"
    STYLE = ""

    INPUT = "INPUT"
    CRS = "CRS"
    MAPPINGS = "MAPPINGS"
    M2_PER_PERSON = "M2_PER_PERSON"
    STOREY_HEIGHT = "STOREY_HEIGHT"
    DEFAULT_FLOORS = "DEFAULT_FLOORS"
    UNITS_METHOD = "UNITS_METHOD"
    GRID_SIZE = "GRID_SIZE"
    ADMIN_LEVEL = "ADMIN_LEVEL"
    BUILDINGS = "BUILDINGS"
    ROADS = "ROADS"
    TRANSIT_STOPS = "TRANSIT_STOPS"
    FACILITIES = "FACILITIES"
    GREEN_SPACES = "GREEN_SPACES"
    SHELTERS = "SHELTERS"
    LANDCOVER = "LANDCOVER"
    WATER = "WATER"
    UNITS = "UNITS"
    LOCAL_CRS = "LOCAL_CRS"
    BUILDING_COUNT = "BUILDING_COUNT"
    RESIDENTS = "RESIDENTS"
    RESIDENTIAL_BUILDINGS = "RESIDENTIAL_BUILDINGS"
    FLOORS_ESTIMATED = "FLOORS_ESTIMATED"
    USE_ESTIMATED = "USE_ESTIMATED"
    STOP_COUNT = "STOP_COUNT"
    FACILITY_COUNT = "FACILITY_COUNT"
    SHELTER_COUNT = "SHELTER_COUNT"

    def displayName(self):  # noqa: N802
        return self.tr("Prepare OpenStreetMap data")

    def help_text(self):
        return self.tr(
            "From an OpenStreetMap extract (.osm.pbf or .osm, read with GDAL's OSM driver) to the layers the "
            "plan-check models read, with the field names they expect: buildings, walkable roads, transit stops, "
            "life-circle facilities, parks and green spaces, candidate shelters, land cover, water and planning "
            "units. No hand preparation: every rule is a row of a CSV table in resources/osm/ (tag → use, floors, "
            "facility type, stop type, land-cover code, park type, shelter site, road), each with its reason and "
            "source; put your own copies in a folder and name it under Mapping tables.\n\n"
            "Buildings: floors from building:levels (text read as a number), else height / storey height, else "
            "the default floors of the building type, else the fall-back number (floors_src says which; "
            "floors_est = 1 where not from building:levels). Use from building=*, then amenity, shop, office and "
            "tourism, then the surrounding landuse area, then the table's fallback row (use_src, use_est). "
            "Residents = footprint × floors / floor area per person, in residential buildings only, all flagged "
            "residents_est = 1: OSM has no residents.\n\n"
            "Every layer is written in a local metric CRS: in China the CGCS2000 3-degree Gauss-Krüger zone of the "
            "data (EPSG:4534–4554), elsewhere its WGS 84 UTM zone; or in the CRS you choose. Areas, sizes and "
            "capacities are measured in the local metric CRS whichever you choose.\n\n"
            "Planning units: a grid of square cells holding buildings, or the administrative boundaries of one "
            "admin_level in the extract. OSM has no flood hazard: bring your own flood zones.\n\n"
            "Data © OpenStreetMap contributors, under the Open Database Licence (ODbL 1.0): say so wherever the "
            "layers, maps or reports made from them are shown.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFile(
            self.INPUT, self.tr("OpenStreetMap extract (.osm.pbf or .osm)"),
            fileFilter=self.tr("OpenStreetMap files (*.osm.pbf *.pbf *.osm)")),
            self.tr("An extract of the town or district, as downloaded (.osm.pbf) or exported (.osm)."))
        self.add_parameter(QgsProcessingParameterCrs(self.CRS, self.tr("Output CRS"), optional=True),
                           self.tr("Empty: the local metric CRS (CGCS2000 3-degree Gauss-Krüger in China, WGS 84 UTM "
                                   "elsewhere). Measurements are made in the local metric CRS whichever is chosen."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.M2_PER_PERSON, self.tr("Floor area per resident (m²)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=osm.M2_PER_PERSON, minValue=1),
            self.tr("Housing floor area per person: residents = residential floor area / this. 40 m²: a round "
                    "assumption near China's reported urban average around 2019 (National Bureau of Statistics, as "
                    "widely reported; not checked against its yearbook). Use your city's 人均住房建筑面积."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.STOREY_HEIGHT, self.tr("Storey height (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=osm.STOREY_HEIGHT_M, minValue=1),
            self.tr("Turns a height tag into floors (rounded, at least 1). 3 m lies between housing (2.8 m, "
                    "GB 50096-2011 §5.5.1) and offices and shops."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.DEFAULT_FLOORS, self.tr("Fall-back number of floors"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=2, minValue=1),
            self.tr("Floors of a building with no building:levels, no height and no default for its type in "
                    "resources/osm/building_use.csv."))
        self.add_parameter(QgsProcessingParameterEnum(
            self.UNITS_METHOD, self.tr("Planning units"),
            [self.tr("Grid of square cells"), self.tr("Administrative boundaries in the extract")], defaultValue=0),
            self.tr("Grid: cells of the grid size holding at least one building. Administrative boundaries: the "
                    "boundary=administrative areas of the admin level given."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.GRID_SIZE, self.tr("Grid cell size (m)"), QgsProcessingParameterNumber.Type.Double, defaultValue=500,
            minValue=50),
            self.tr("Side of a grid cell; 500 m is about a 5–10-minute walk across."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.ADMIN_LEVEL, self.tr("Admin level of the units"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=10, minValue=1, maxValue=12),
            self.tr("OSM admin_level of the boundaries used as units (8 is often a municipality, 9–10 a district or "
                    "neighbourhood; it varies by country)."))
        self.add_parameter(QgsProcessingParameterFile(
            self.MAPPINGS, self.tr("Mapping tables (folder)"), behavior=QgsProcessingParameterFile.Behavior.Folder,
            optional=True),
            self.tr("A folder with your own copies of the CSV tables of resources/osm/ ({files}); each one found "
                    "there replaces the shipped table of the same name.").format(files=", ".join(MAPPING_FILES)),
            advanced=True)
        outputs = [
            (self.BUILDINGS, self.tr("Buildings"), QgsProcessing.SourceType.TypeVectorPolygon,
             self.tr("Footprints with floors, use, residents, roof type and the flags of what was estimated.")),
            (self.ROADS, self.tr("Roads"), QgsProcessing.SourceType.TypeVectorLine,
             self.tr("Walkable roads and paths, cut where they meet (at shared OSM nodes; bridges stay uncut).")),
            (self.TRANSIT_STOPS, self.tr("Transit stops"), QgsProcessing.SourceType.TypeVectorPoint,
             self.tr("Bus, tram, metro and rail stops, stop_type rail or bus, mode, merged within 30 m.")),
            (self.FACILITIES, self.tr("Facilities"), QgsProcessing.SourceType.TypeVectorPoint,
             self.tr("Life-circle facilities with fac_type of resources/factors/life_circle_facilities.csv.")),
            (self.GREEN_SPACES, self.tr("Green spaces"), QgsProcessing.SourceType.TypeVectorPolygon,
             self.tr("Public parks with park_type comprehensive, community or pocket by size.")),
            (self.SHELTERS, self.tr("Shelters"), QgsProcessing.SourceType.TypeVectorPoint,
             self.tr("Candidate shelter sites (open spaces, parks, sports and school grounds) with shelter_type, "
                     "eff_area_m2 and capacity; candidates, not designated shelters.")),
            (self.LANDCOVER, self.tr("Land cover"), QgsProcessing.SourceType.TypeVectorPolygon,
             self.tr("Land cover without overlaps, lucode of the shipped carbon, runoff and cooling tables, in "
                     "the planning units.")),
            (self.WATER, self.tr("Water"), QgsProcessing.SourceType.TypeVectorPolygon,
             self.tr("Water areas in the planning units.")),
            (self.UNITS, self.tr("Planning units"), QgsProcessing.SourceType.TypeVectorPolygon,
             self.tr("Grid cells or administrative areas with unit_id, name, residents (their buildings'; the "
                     "detailed plan check takes the units as its parcels) and residents_est (1 where more than "
                     "half of them are estimated).")),
        ]
        for name, label, kind, help_text in outputs:
            self.add_parameter(QgsProcessingParameterFeatureSink(name, label, kind), help_text)
        self.addOutput(QgsProcessingOutputString(self.LOCAL_CRS, self.tr("Local metric CRS")))
        for name, label in [(self.BUILDING_COUNT, self.tr("Buildings")),
                            (self.RESIDENTS, self.tr("Residents (estimated)")),
                            (self.RESIDENTIAL_BUILDINGS, self.tr("Buildings given residents")),
                            (self.FLOORS_ESTIMATED, self.tr("Buildings with estimated floors")),
                            (self.USE_ESTIMATED, self.tr("Buildings with estimated use")),
                            (self.STOP_COUNT, self.tr("Transit stops")),
                            (self.FACILITY_COUNT, self.tr("Facilities")),
                            (self.SHELTER_COUNT, self.tr("Candidate shelters"))]:
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def error_messages(self):
        return {
            "osm_bad_condition": self.tr("The mapping table {path}, line {line}: “{condition}” is not a condition "
                                         "(key=value, key=*, key!=value or key~regex)."),
            "storey_height_not_positive": self.tr("The storey height must be above 0."),
            "m2_per_person_not_positive": self.tr("The floor area per resident must be above 0."),
            "grid_size_not_positive": self.tr("The grid cell size must be above 0."),
        }

    # ---- running ------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        started = time.perf_counter()
        times = {}
        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path or not os.path.isfile(path):
            raise QgsProcessingException(self.tr("The OpenStreetMap file {path} does not exist.").format(path=path))
        m2_per_person = self.parameterAsDouble(parameters, self.M2_PER_PERSON, context)
        storey = self.parameterAsDouble(parameters, self.STOREY_HEIGHT, context)
        fallback_floors = self.parameterAsDouble(parameters, self.DEFAULT_FLOORS, context)
        tables = self._read_tables(parameters, context, feedback)

        step = time.perf_counter()
        gpkg = self._convert(path, feedback)
        keys = sorted(set(BASE_KEYS) | set(osm.mapping_keys(*tables.values())))
        layers = {name: self._read_layer(gpkg, name, path, keys, context, feedback) for name in OSM_LAYERS}
        times[self.tr("reading")] = time.perf_counter() - step

        step = time.perf_counter()
        work_crs, local_authid = self._choose_crs(layers, path)
        out_crs = self.parameterAsCrs(parameters, self.CRS, context)
        if not out_crs.isValid():
            out_crs = work_crs
        for layer in layers.values():
            layer.geometry = _reproject(layer.geometry, QgsCoordinateReferenceSystem("EPSG:4326"), work_crs)
        feedback.pushInfo(self.tr("Local metric CRS: {crs}; outputs in {out}.").format(
            crs=f"{work_crs.description()} ({local_authid})", out=out_crs.authid() or out_crs.description()))
        self._out = (work_crs, out_crs)
        self._warn_distorted(out_crs, feedback)
        times[self.tr("projecting")] = time.perf_counter() - step
        self.check_canceled(feedback)

        step = time.perf_counter()
        mp = layers["multipolygons"]
        buildings = self._buildings(mp, tables, m2_per_person, storey, fallback_floors, feedback)
        times[self.tr("buildings")] = time.perf_counter() - step
        self.check_canceled(feedback)

        step = time.perf_counter()
        units = self._units(parameters, context, mp, buildings, path, feedback)
        # The units' residents (their buildings', by representative point): the detailed plan check takes the
        # units as its parcels, and its parcels need residents.
        unit_of = zones.assign_to_zones(buildings["points"], units["geometry"])
        inside = unit_of >= 0
        units["residents"] = np.bincount(unit_of[inside], weights=buildings["residents"][inside],
                                         minlength=len(units["geometry"]))
        # as flagged as their buildings' (all estimated: OSM has no residents), so that the per-resident steps
        # reading the units as parcels know their residents are an estimate
        units["residents_est"] = zones.mostly_estimated(unit_of, buildings["residents"], buildings["residents_est"],
                                                        len(units["geometry"]))
        study_area = shapely.union_all(units["geometry"])
        times[self.tr("units")] = time.perf_counter() - step

        step = time.perf_counter()
        roads = self._roads(layers["lines"], tables)
        stops = self._stops(layers, tables)
        facilities = self._facilities(layers, tables)
        green = self._green(mp, tables)
        shelters = self._shelters(mp, tables, feedback)
        times[self.tr("stops, facilities, parks, shelters, roads")] = time.perf_counter() - step
        self.check_canceled(feedback)

        step = time.perf_counter()
        cover, water = self._landcover(mp, layers["lines"], roads["all_width"], tables, units["geometry"], study_area,
                                       feedback)
        times[self.tr("land cover")] = time.perf_counter() - step

        step = time.perf_counter()
        results = {self.LOCAL_CRS: local_authid}
        results[self.BUILDINGS] = self._write(parameters, self.BUILDINGS, context, buildings, BUILDING_FIELDS,
                                              QgsWkbTypes.Type.MultiPolygon)
        results[self.ROADS] = self._write(parameters, self.ROADS, context, roads, ROAD_FIELDS, QgsWkbTypes.Type.LineString)
        results[self.TRANSIT_STOPS] = self._write(parameters, self.TRANSIT_STOPS, context, stops, STOP_FIELDS,
                                                  QgsWkbTypes.Type.Point)
        results[self.FACILITIES] = self._write(parameters, self.FACILITIES, context, facilities, FACILITY_FIELDS,
                                               QgsWkbTypes.Type.Point)
        results[self.GREEN_SPACES] = self._write(parameters, self.GREEN_SPACES, context, green, GREEN_FIELDS,
                                                 QgsWkbTypes.Type.MultiPolygon)
        results[self.SHELTERS] = self._write(parameters, self.SHELTERS, context, shelters, SHELTER_FIELDS,
                                             QgsWkbTypes.Type.Point)
        results[self.LANDCOVER] = self._write(parameters, self.LANDCOVER, context, cover, LANDCOVER_FIELDS,
                                              QgsWkbTypes.Type.MultiPolygon)
        results[self.WATER] = self._write(parameters, self.WATER, context, water, WATER_FIELDS,
                                          QgsWkbTypes.Type.MultiPolygon)
        results[self.UNITS] = self._write(parameters, self.UNITS, context, units, UNIT_FIELDS, QgsWkbTypes.Type.MultiPolygon)
        times[self.tr("writing")] = time.perf_counter() - step

        residential = buildings["residents"] > 0
        results.update({
            self.BUILDING_COUNT: len(buildings["geometry"]), self.RESIDENTS: float(buildings["residents"].sum()),
            self.RESIDENTIAL_BUILDINGS: int(residential.sum()),
            self.FLOORS_ESTIMATED: int(buildings["floors_est"].sum()),
            self.USE_ESTIMATED: int(buildings["use_est"].sum()),
            self.STOP_COUNT: len(stops["geometry"]), self.FACILITY_COUNT: len(facilities["geometry"]),
            self.SHELTER_COUNT: len(shelters["geometry"])})
        self._report(feedback, buildings, stops, facilities, green, shelters, units)
        feedback.pushInfo(self.tr("Data © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright): "
                                  "credit it wherever these layers are shown."))
        times[self.tr("total")] = time.perf_counter() - started
        feedback.pushInfo(self.tr("Times: {times}.").format(
            times=", ".join(f"{name} {seconds:.1f} s" for name, seconds in times.items())))
        return results

    # ---- reading ------------------------------------------------------------------------------
    def _read_tables(self, parameters, context, feedback):
        folder = self.parameterAsFile(parameters, self.MAPPINGS, context) if parameters.get(self.MAPPINGS) else ""
        if folder and not os.path.isdir(folder):
            raise QgsProcessingException(self.tr("The mapping tables folder {path} does not exist.").format(
                path=folder))

        def path(name):
            own = os.path.join(folder, name) if folder else ""
            if own and os.path.isfile(own):
                feedback.pushInfo(self.tr("Using your own mapping table {path}.").format(path=own))
                return own
            return resource_path("osm", name)

        return {
            "use": osm.read_mapping(path("building_use.csv"), ["applies_to", "use"],
                                    numeric=["default_floors", "min_footprint_m2", "max_footprint_m2"]),
            "roof": osm.read_mapping(path("roof_type.csv"), ["roof_type"]),
            "facilities": osm.read_mapping(path("facilities.csv"), ["fac_type"], numeric=["estimated"]),
            "stops": osm.read_mapping(path("transit_stops.csv"), ["mode", "stop_type"]),
            "landcover": osm.read_mapping(path("landcover.csv"), ["lucode", "class"], numeric=["lucode", "rank"]),
            "roads": osm.read_mapping(path("roads.csv"), ["walkable"], numeric=["walkable", "width_m"]),
            "green": osm.read_mapping(path("green_spaces.csv"), ["park_type"], numeric=["min_area_m2"]),
            "shelters": osm.read_mapping(path("shelters.csv"), ["site"], numeric=["usable_share"]),
            "sizes": _read_sizes(path("shelter_sizes.csv")),
            "standards": shelter.read_standards(self.factor_table("shelter_standards.csv", feedback)),
        }

    def _convert(self, path, feedback):
        """The OSM file's layers copied into a temporary GeoPackage by GDAL in one pass: the OSM driver
        must read its layers interleaved, which ogr2ogr does, and a GeoPackage is then read like any layer."""
        target = QgsProcessingUtils.generateTempFilename("osm_layers.gpkg")

        def progress(fraction, message, data):
            feedback.setProgress(30.0 * fraction)
            return 0 if feedback.isCanceled() else 1

        # makeValid: OSM areas with rings of too few points or crossing edges would not even load.
        options = gdal.VectorTranslateOptions(format="GPKG", layers=list(OSM_LAYERS), makeValid=True,
                                              callback=progress)
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            done = gdal.VectorTranslate(target, path, options=options)
        except RuntimeError:   # GDAL raises instead where something has called gdal.UseExceptions()
            done = None
        finally:
            gdal.PopErrorHandler()
        self.check_canceled(feedback)
        if done is None:
            raise QgsProcessingException(self.tr(
                "GDAL cannot read {path} as an OpenStreetMap file (.osm.pbf or .osm XML): is it empty, cut short or "
                "another kind of file?").format(path=path))
        done = None   # closes the GeoPackage
        return target

    def _read_layer(self, gpkg, name, path, keys, context, feedback):
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", f"{os.path.basename(path)} {name}", "ogr")
        if not layer.isValid() or layer.featureCount() == 0:
            return OsmLayer(np.zeros(0, dtype=object), np.zeros(0, dtype=object),
                            osm.tag_frame({}, None, keys, 0))
        names = layer.fields().names()
        text = [i for i, field in enumerate(names) if field not in ("fid",)]
        self.any_geometry_type(layer)   # a broken multipolygon (lines) still places its feature
        chunk = self.read_whole(layer, layer.crs(), context, feedback, text=text)
        values = {names[i]: chunk.values[i] for i in text}
        n = len(chunk.features)
        columns = {key: values[key] for key in keys if key in values}
        tags = osm.tag_frame(columns, values.get("other_tags"), keys, n)
        way = values.get("osm_way_id")
        ident = values.get("osm_id")
        refs = _osm_refs(name, ident, way, n)
        return OsmLayer(np.asarray(chunk.geometry, dtype=object), refs, tags)

    def _choose_crs(self, layers, path):
        geometries = np.concatenate([layer.geometry for layer in layers.values()])
        present = geometries[~shapely.is_missing(geometries)] if len(geometries) else geometries
        if not len(present):
            raise QgsProcessingException(self.tr("The OpenStreetMap file {path} holds no features.").format(path=path))
        west, south, east, north = shapely.total_bounds(present)
        names = np.concatenate([layer.tags["name"].to_numpy(object) for layer in layers.values()])
        epsg = core_crs.local_metric_epsg((west + east) / 2, (south + north) / 2, osm.looks_chinese(names))
        self._centre = ((west + east) / 2, (south + north) / 2)
        return QgsCoordinateReferenceSystem(f"EPSG:{epsg}"), f"EPSG:{epsg}"

    def _warn_distorted(self, out_crs, feedback):
        """Warn where the output CRS is in metres but not true to scale at the data (Monaco written in
        EPSG:4547, a Gauss-Krüger zone 106° of longitude away: lengths 38 % too long). The toolkit measures in
        a projected CRS in metres as it is, so its park areas per resident and walking distances would be off."""
        # degrees, feet and Web Mercator: the tools measure those in a local zone of their own
        if (core_crs.needs_projected_measure(out_crs.isGeographic(), out_crs.authid())
                or out_crs.mapUnits() != QgsUnitTypes.DistanceUnit.DistanceMeters):
            return
        lon, lat = self._centre
        points = _reproject(shapely.points([[lon, lat], [lon + SCALE_STEP, lat], [lon, lat + SCALE_STEP]]),
                            QgsCoordinateReferenceSystem("EPSG:4326"), out_crs)
        east, north = shapely.distance(points[0], points[1]), shapely.distance(points[0], points[2])
        error = core_crs.scale_error(lat, SCALE_STEP, east, north) if np.isfinite([east, north]).all() else np.inf
        if error > core_crs.SCALE_TOLERANCE:
            feedback.pushWarning(self.tr(
                "{crs}, the CRS asked for, is not true to scale where the data lie ({lon:.2f}°, {lat:.2f}°): lengths "
                "measured in it are {error:.1%} off there, areas about twice as much, and the toolkit measures in a "
                "projected CRS in metres as it is. Leave the CRS empty for the local one, or choose one made for "
                "this place.").format(crs=out_crs.authid() or out_crs.description(), lon=lon, lat=lat, error=error))

    # ---- layers -------------------------------------------------------------------------------
    def _buildings(self, mp, tables, m2_per_person, storey, fallback_floors, feedback):
        tags = mp.tags
        is_building = _present(tags["building"])
        table = tables["use"]
        applies = table["applies_to"].str.lower()
        own_rows = np.flatnonzero(applies == "building")
        around_rows = np.flatnonzero(applies == "surrounding")
        fallback_rows = np.flatnonzero(applies == "fallback")
        b = mp.subset(is_building)
        geometry = osm.polygonal(b.geometry)
        keep = ~shapely.is_missing(geometry)
        if not keep.all():
            feedback.pushWarning(self.tr(
                "{n} buildings of the OpenStreetMap file have no area (ways cut open by the extract's edge, or "
                "broken) and are left out.").format(n=int((~keep).sum())))
        b = b.subset(keep)
        geometry = geometry[keep]
        footprint = shapely.area(geometry)
        points = osm.representative_points(geometry)

        own = osm.first_match(b.tags, table.iloc[own_rows], footprint,
                              area_columns=("min_footprint_m2", "max_footprint_m2"))
        row = np.where(own >= 0, own_rows[np.maximum(own, 0)], -1)
        source = np.where(own >= 0, "tag", "").astype(object)
        # The smallest landuse area around the building decides an untyped building's use.
        around = osm.first_match(tags, table.iloc[around_rows])
        areas = np.flatnonzero((around >= 0) & ~is_building)
        if len(areas) and (row < 0).any():
            polygons = osm.polygonal(mp.geometry[areas])
            usable = ~shapely.is_missing(polygons)
            areas, polygons = areas[usable], polygons[usable]
            open_ = np.flatnonzero(row < 0)
            hit_point, hit_area = shapely.STRtree(polygons).query(points[open_], predicate="within")
            order = np.lexsort((shapely.area(polygons)[hit_area], hit_point))
            first = np.unique(hit_point[order], return_index=True)[1]
            building = open_[hit_point[order][first]]
            row[building] = around_rows[around[areas[hit_area[order][first]]]]
            source[building] = "landuse"
        missing = row < 0
        if missing.any():
            row[missing] = fallback_rows[0] if len(fallback_rows) else -1
            source[missing] = "fallback"
        use = np.where(row >= 0, table["use"].to_numpy(object)[np.maximum(row, 0)], "other")
        use = np.where(use == "", "other", use).astype(object)

        levels = osm.parse_levels(b.tags["building:levels"])
        height_tags = b.tags["height"].where(b.tags["height"].notna(), b.tags["building:height"])
        height = osm.parse_height(height_tags)
        self._log_unusable(feedback, "building:levels", b.tags["building:levels"], levels)
        no_levels = np.isnan(levels)   # a height counts only where the levels are missing
        self._log_unusable(feedback, "height", height_tags[no_levels], height[no_levels])
        type_floors = np.where(source == "tag", table["default_floors"].to_numpy(float)[np.maximum(row, 0)], np.nan)
        floors, floors_src = osm.building_floors(levels, height, type_floors, fallback_floors, storey)
        residential = use == "residential"
        residents = osm.estimate_residents(footprint, floors, residential, m2_per_person)
        roof_rows = osm.first_match(b.tags, tables["roof"])
        roof = np.where(roof_rows >= 0, tables["roof"]["roof_type"].to_numpy(object)[np.maximum(roof_rows, 0)],
                        "unknown")
        return {"geometry": geometry, "bldg_id": b.refs, "name": b.tags["name"].to_numpy(object),
                "building": b.tags["building"].to_numpy(object), "use": use, "use_src": source,
                "use_est": (source != "tag").astype(int), "floors": floors, "floors_src": floors_src,
                "floors_est": (floors_src != "levels").astype(int), "height_m": height, "footprint_m2": footprint,
                "residents": residents, "residents_est": np.ones(len(footprint), dtype=int), "roof_type": roof,
                "osm_tag": osm.matched_tag(b.tags, table, row), "points": points}

    def _warn_untyped(self, feedback, buildings, n, n_residential):
        """Says when the fallback row decides the use of most buildings and gives them no residents: in much of
        OpenStreetMap (Krems an der Donau's 2011 extract: 1,190 of 1,195 buildings are building=yes, one
        landuse=residential area) the town then gets no or few residents, and the plan checks that follow judge
        no per-resident rule and count buildings instead of residents for their coverage shares."""
        fallback = buildings["use_src"] == "fallback"
        housed = fallback & (buildings["residents"] > 0)
        if not n or fallback.sum() < UNTYPED_SHARE * n or housed.any():
            return
        uses = pd.unique(buildings["use"][fallback])
        feedback.pushWarning(self.tr(
            "{k} of {n} buildings ({share:.0%}) have no tag or landuse area that tells their use: the mapping "
            "table's fallback row made them “{use}”, without residents, so only {r} buildings hold residents. "
            "Where untyped buildings are mostly homes, copy building_use.csv from the plugin's resources/osm folder "
            "into a folder of your own, set its fallback row's use to residential and give that folder as "
            "“Mapping tables”; otherwise the per-resident rules of the plan checks are not assessed or rest on "
            "those few buildings, and coverage shares count buildings instead of residents.").format(
                k=int(fallback.sum()), n=n, share=fallback.sum() / n, use=", ".join(str(u) for u in uses),
                r=n_residential))

    def _log_unusable(self, feedback, key, tags, values):
        """Counts the buildings whose ``key`` tag holds no usable number (such as -9999 or 1e308)."""
        unusable = _present(tags) & np.isnan(values)
        if unusable.any():
            examples = pd.unique(tags[unusable].astype(str))[:3]
            feedback.pushWarning(self.tr(
                "{n} buildings have a {key} tag that gives no usable number of floors or metres (such as {examples}): "
                "their floors come from the next source (height, their type's default, the fall-back).").format(
                    n=int(unusable.sum()), key=key, examples=", ".join(f"“{e}”" for e in examples)))

    def _units(self, parameters, context, mp, buildings, path, feedback):
        method = self.parameterAsEnum(parameters, self.UNITS_METHOD, context)
        if method == 1:
            level = self.parameterAsInt(parameters, self.ADMIN_LEVEL, context)
            admin = (mp.tags["boundary"].fillna("").str.lower() == "administrative").to_numpy()
            levels = pd.to_numeric(mp.tags["admin_level"], errors="coerce").to_numpy(float)
            chosen = admin & (levels == level)
            if not chosen.any():
                present = sorted({int(v) for v in levels[admin & np.isfinite(levels)]})
                raise QgsProcessingException(self.tr(
                    "{path} has no administrative area (multipolygon with boundary=administrative) of admin_level "
                    "{level}. Levels present: {levels}. Choose one of them, or the grid.").format(
                        path=path, level=level, levels=", ".join(map(str, present)) or self.tr("none")))
            units = mp.subset(chosen)
            geometry = osm.polygonal(units.geometry)
            keep = ~shapely.is_missing(geometry)
            names = units.tags["name"].to_numpy(object)[keep]
            ids = units.refs[keep]
            geometry = geometry[keep]
            feedback.pushInfo(self.tr("{n} planning units: the administrative areas of admin_level {level}.").format(
                n=len(geometry), level=level))
            return {"geometry": geometry, "unit_id": ids, "name": np.where(pd.isna(names), ids, names),
                    "name_zh": _name_zh(units.subset(keep).tags), "area_m2": shapely.area(geometry)}
        size = self.parameterAsDouble(parameters, self.GRID_SIZE, context)
        if not len(buildings["points"]):
            raise QgsProcessingException(self.tr("{path} has no buildings (areas with building=*) to lay a grid "
                                                 "over.").format(path=path))
        cells, row, column = osm.grid_cells(buildings["points"], size)
        ids = np.array([f"G{r:03d}_{c:03d}" for r, c in zip(row, column)], dtype=object)
        feedback.pushInfo(self.tr("{n} planning units: {size:g} m grid cells holding buildings.").format(
            n=len(cells), size=size))
        return {"geometry": osm.polygonal(cells), "unit_id": ids, "name": ids,
                "name_zh": np.full(len(ids), None, dtype=object), "area_m2": shapely.area(cells)}

    def _roads(self, lines, tables):
        table = tables["roads"]
        has_highway = _present(lines.tags["highway"])
        rows = osm.first_match(lines.tags, table)
        width = table["width_m"].to_numpy(float)[np.maximum(rows, 0)]
        tagged = osm.parse_height(lines.tags["width"])
        width = np.where(np.isfinite(tagged), tagged, width)
        width = np.where(has_highway & (rows >= 0), np.nan_to_num(width), 0.0)
        walkable = has_highway & (rows >= 0) & (table["walkable"].to_numpy(float)[np.maximum(rows, 0)] > 0)
        pieces, source = osm.split_at_shared_vertices(lines.geometry[walkable])
        index = np.flatnonzero(walkable)[source]
        ids = np.array([f"R{i + 1}" for i in range(len(pieces))], dtype=object)
        return {"geometry": pieces, "road_id": ids, "osm_ref": lines.refs[index],
                "road_class": lines.tags["highway"].to_numpy(object)[index],
                "name": lines.tags["name"].to_numpy(object)[index], "width_m": width[index], "all_width": width}

    def _stops(self, layers, tables):
        table = tables["stops"]
        found = []
        for order, name in enumerate(OSM_LAYERS):
            layer = layers[name]
            rows = osm.first_match(layer.tags, table)
            hit = rows >= 0
            found.append(pd.DataFrame({"row": rows[hit], "layer": order, "ref": layer.refs[hit],
                                       "name": layer.tags["name"].to_numpy(object)[hit],
                                       "name_zh": _name_zh(layer.tags)[hit],
                                       "point": osm.line_points(layer.geometry[hit])}))
        stops = pd.concat(found, ignore_index=True).sort_values(["row", "layer"], kind="stable")
        stops = stops[~shapely.is_missing(stops["point"].to_numpy(object))]
        modes = table["mode"].to_numpy(object)[stops["row"].to_numpy(int)]
        keep = osm.merge_close_points(stops["point"].to_numpy(object), modes)
        stops = stops[keep].reset_index(drop=True)
        rows = stops["row"].to_numpy(int)
        return {"geometry": stops["point"].to_numpy(object),
                "stop_id": np.array([f"S{i + 1}" for i in range(len(stops))], dtype=object),
                "osm_ref": stops["ref"].to_numpy(object), "stop_type": table["stop_type"].to_numpy(object)[rows],
                "mode": table["mode"].to_numpy(object)[rows], "name": stops["name"].to_numpy(object),
                "name_zh": stops["name_zh"].to_numpy(object), "osm_tag": table["tags"].to_numpy(object)[rows]}

    def _facilities(self, layers, tables):
        table = tables["facilities"]
        points_layer, areas_layer = layers["points"], layers["multipolygons"]
        point_rows = osm.first_match(points_layer.tags, table)
        area_rows = osm.first_match(areas_layer.tags, table)
        p_hit, a_hit = np.flatnonzero(point_rows >= 0), np.flatnonzero(area_rows >= 0)
        area_geometry = areas_layer.geometry[a_hit]
        types = table["fac_type"].to_numpy(object)
        # A facility mapped twice, as a point inside its own site, is counted once: as the point.
        inside = np.zeros(len(a_hit), dtype=bool)
        if len(a_hit) and len(p_hit):
            point, area = shapely.STRtree(area_geometry).query(points_layer.geometry[p_hit], predicate="within")
            same = types[point_rows[p_hit][point]] == types[area_rows[a_hit][area]]
            inside[area[same]] = True
        a_hit = a_hit[~inside]
        rows = np.concatenate([point_rows[p_hit], area_rows[a_hit]])
        geometry = np.concatenate([points_layer.geometry[p_hit],
                                   osm.representative_points(areas_layer.geometry[a_hit])])
        present = ~shapely.is_missing(geometry)
        rows, geometry = rows[present], geometry[present]
        refs = np.concatenate([points_layer.refs[p_hit], areas_layer.refs[a_hit]])[present]
        names = np.concatenate([points_layer.tags["name"].to_numpy(object)[p_hit],
                                areas_layer.tags["name"].to_numpy(object)[a_hit]])[present]
        names_zh = np.concatenate([_name_zh(points_layer.tags)[p_hit], _name_zh(areas_layer.tags)[a_hit]])[present]
        estimated = np.nan_to_num(table["estimated"].to_numpy(float))[rows].astype(int)
        return {"geometry": geometry, "fac_id": np.array([f"F{i + 1}" for i in range(len(rows))], dtype=object),
                "osm_ref": refs, "fac_type": types[rows], "type_est": estimated, "name": names, "name_zh": names_zh,
                "osm_tag": table["tags"].to_numpy(object)[rows]}

    def _green(self, mp, tables):
        table = tables["green"]
        geometry = osm.polygonal(mp.geometry)
        area = np.where(shapely.is_missing(geometry), 0.0, shapely.area(geometry))
        rows = osm.first_match(mp.tags, table, area)
        kinds = table["park_type"].to_numpy(object)
        chosen = np.flatnonzero((rows >= 0) & ~shapely.is_missing(geometry))
        chosen = chosen[kinds[rows[chosen]] != ""]
        chosen = chosen[~osm.nested_in_larger(geometry[chosen])]
        return {"geometry": geometry[chosen],
                "green_id": np.array([f"P{i + 1}" for i in range(len(chosen))], dtype=object),
                "osm_ref": mp.refs[chosen], "name": mp.tags["name"].to_numpy(object)[chosen],
                "name_zh": _name_zh(mp.tags)[chosen], "park_type": kinds[rows[chosen]], "area_m2": area[chosen],
                "osm_tag": table["tags"].to_numpy(object)[rows[chosen]]}

    def _shelters(self, mp, tables, feedback):
        table, sizes, standards = tables["shelters"], tables["sizes"], tables["standards"]
        geometry = osm.polygonal(mp.geometry)
        area = np.where(shapely.is_missing(geometry), 0.0, shapely.area(geometry))
        rows = osm.first_match(mp.tags, table)
        share = table["usable_share"].to_numpy(float)
        chosen = np.flatnonzero((rows >= 0) & (area > 0))
        chosen = chosen[np.isfinite(share[rows[chosen]])]
        # The largest class whose smallest site the area reaches; smaller sites are no candidates.
        order = np.argsort(-sizes["min_area_m2"].to_numpy(float))
        minimum, classes = sizes["min_area_m2"].to_numpy(float)[order], sizes["shelter_type"].to_numpy(object)[order]
        reached = area[chosen][:, None] >= minimum[None, :]
        has_class = reached.any(axis=1)
        chosen = chosen[has_class]
        kind = classes[np.argmax(reached[has_class], axis=1)] if len(chosen) else np.zeros(0, dtype=object)
        nested = osm.nested_in_larger(geometry[chosen])
        chosen, kind = chosen[~nested], kind[~nested]
        per_cap, _, _, _ = shelter.shelter_standards(list(kind), standards, 500.0)
        eff_area = area[chosen] * share[rows[chosen]]
        return {"geometry": osm.representative_points(geometry[chosen]),
                "shelter_id": np.array([f"H{i + 1}" for i in range(len(chosen))], dtype=object),
                "osm_ref": mp.refs[chosen], "name": mp.tags["name"].to_numpy(object)[chosen],
                "name_zh": _name_zh(mp.tags)[chosen], "shelter_type": kind,
                "site": table["site"].to_numpy(object)[rows[chosen]], "area_m2": area[chosen], "eff_area_m2": eff_area,
                "capacity": shelter.capacities(eff_area, per_cap), "est": np.ones(len(chosen), dtype=int),
                "capacity_est": np.ones(len(chosen), dtype=int),
                "osm_tag": table["tags"].to_numpy(object)[rows[chosen]]}

    def _landcover(self, mp, lines, road_width, tables, units, study_area, feedback):
        table = tables["landcover"]
        codes, ranks = table["lucode"].to_numpy(float), table["rank"].to_numpy(float)
        area_rows = osm.first_match(mp.tags, table)
        polygons = osm.polygonal(mp.geometry)
        area_hit = np.flatnonzero((area_rows >= 0) & ~shapely.is_missing(polygons))
        line_rows = osm.first_match(lines.tags, table)
        line_hit = np.flatnonzero((line_rows >= 0) & (road_width > 0))
        # A road's surface: its line widened to each side by half its width, ends cut square.
        surfaces = shapely.buffer(lines.geometry[line_hit], road_width[line_hit] / 2.0, cap_style="flat")
        geometry = np.concatenate([polygons[area_hit], surfaces])
        rows = np.concatenate([area_rows[area_hit], line_rows[line_hit]])
        origin = np.concatenate([area_hit, np.full(len(line_hit), -1)])
        # Only what lies in the study area is kept: clipping first keeps the unions small.
        geometry = osm.clip_to_zones(geometry, units)
        inside = ~shapely.is_missing(geometry)
        geometry, rows, origin = geometry[inside], rows[inside], origin[inside]
        pieces, piece_code = osm.layered_cover(geometry, codes[rows], ranks[rows], is_canceled=feedback.isCanceled)
        names = dict(zip(codes, table["class"]))
        covered = float(shapely.area(pieces).sum()) if len(pieces) else 0.0
        total = float(shapely.area(study_area))
        feedback.pushInfo(self.tr("Land cover: {n} areas cover {share:.0%} of the planning units; the rest has no "
                                  "OSM area and stays out of the land cover.").format(
                                      n=len(pieces), share=covered / total if total else 0.0))
        if total and covered < MAPPED_COVER_SHARE * total:
            feedback.pushWarning(self.tr(
                "The land cover covers only {share:.0%} of the planning units: where OpenStreetMap maps buildings and "
                "roads but not the gardens, yards and fields between them, the impervious and sponge shares of the "
                "plan checks (shares of the mapped land cover) overstate sealing. Add the missing areas (or a land "
                "cover of your own) before relying on those verdicts.").format(share=covered / total))
        cover = {"geometry": osm.polygonal(pieces), "lucode": piece_code.astype(int),
                 "class": np.array([names[c] for c in piece_code], dtype=object)}
        # Water: the OSM water areas themselves (clipped to the units), one feature each, named.
        wet = np.flatnonzero((codes[rows] == 3) & (origin >= 0)) if len(rows) else np.zeros(0, int)
        water_geometry = osm.polygonal(geometry[wet])
        present = ~shapely.is_missing(water_geometry)
        wet, water_geometry = wet[present], water_geometry[present]
        source = origin[wet]
        water = {"geometry": water_geometry,
                 "water_id": np.array([f"W{i + 1}" for i in range(len(wet))], dtype=object),
                 "osm_ref": mp.refs[source], "name": mp.tags["name"].to_numpy(object)[source],
                 "osm_tag": table["tags"].to_numpy(object)[rows[wet]]}
        return cover, water

    # ---- writing ------------------------------------------------------------------------------
    def _write(self, parameters, name, context, layer, spec, wkb_type):
        work_crs, out_crs = self._out
        fields = QgsFields()
        for field, kind in spec:
            fields.append(QgsField(field, FIELD_TYPES[kind]))
        sink, dest_id = self.create_sink(parameters, name, context, fields, wkb_type, out_crs)
        if sink is None:
            return None
        geometry = _reproject(np.asarray(layer["geometry"], dtype=object), work_crs, out_crs)
        # 2 dimensions said outright: under qgis_process the GEOS that QGIS loads may predate shapely's default (4).
        wkb = shapely.to_wkb(geometry, output_dimension=2)
        columns = [_attribute_list(layer[field], kind) for field, kind in spec]
        multi = QgsWkbTypes.isMultiType(wkb_type)
        for start in range(0, len(wkb), self.CANCEL_EVERY):
            self.check_canceled()
            features = []
            for position in range(start, min(start + self.CANCEL_EVERY, len(wkb))):
                feature = QgsFeature(fields)
                if wkb[position] is not None:
                    shape = QgsGeometry()
                    shape.fromWkb(wkb[position])
                    if multi:
                        shape.convertToMultiType()
                    feature.setGeometry(shape)
                feature.setAttributes([column[position] for column in columns])
                features.append(feature)
            if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, name))
        return dest_id

    def _report(self, feedback, buildings, stops, facilities, green, shelters, units):
        n = len(buildings["geometry"])
        feedback.pushInfo(self.tr(
            "{n} buildings; floors from building:levels for {levels}, from height for {height}, from the building "
            "type for {type}, the fall-back for {fallback}.").format(
                n=n, **{src: int((buildings["floors_src"] == src).sum()) for src in osm.FLOORS_SOURCES}))
        uses = pd.Series(buildings["use"]).value_counts()
        sources = pd.Series(buildings["use_src"]).value_counts()
        feedback.pushInfo(self.tr("Building use: {uses}; from tags {tag}, from the surrounding landuse {landuse}, "
                                  "fallback {fallback}.").format(
                                      uses=", ".join(f"{k} {v}" for k, v in uses.items()),
                                      tag=int(sources.get("tag", 0)), landuse=int(sources.get("landuse", 0)),
                                      fallback=int(sources.get("fallback", 0))))
        residential = buildings["residents"] > 0
        feedback.pushWarning(self.tr(
            "Residents estimated for {n} residential buildings: {residents:,.0f} in all (floor area / floor area per "
            "resident; OSM has no residents). Check them against census figures.").format(
                n=int(residential.sum()), residents=float(buildings["residents"].sum())))
        self._warn_untyped(feedback, buildings, n, int(residential.sum()))
        for label, layer, field in [(self.tr("Transit stops"), stops, "mode"),
                                    (self.tr("Facilities"), facilities, "fac_type"),
                                    (self.tr("Green spaces"), green, "park_type"),
                                    (self.tr("Candidate shelters"), shelters, "shelter_type")]:
            counts = pd.Series(layer[field], dtype=object).value_counts()
            feedback.pushInfo(self.tr("{layer}: {n} found ({counts}).").format(
                layer=label, n=len(layer["geometry"]), counts=", ".join(f"{k} {v}" for k, v in counts.items())
                or self.tr("none")))
        if not len(stops["geometry"]):
            feedback.pushWarning(self.tr("No transit stop was found: transit coverage is not assessed, and neither "
                                         "are the master plan check's transit rules."))
        if not len(shelters["geometry"]):
            feedback.pushWarning(self.tr("No open space large enough for a shelter (0.1 ha) was found."))
        else:
            feedback.pushWarning(self.tr(
                "{n} candidate shelters (open spaces, parks, sports and school grounds) for {people:,.0f} people, "
                "capacity estimated from their area: they are not designated shelters (fields est and capacity_est "
                "= 1), and the plan checks give no verdict on a shelter rule that these candidates decide. Replace "
                "them with the designated shelters where these are known.").format(n=len(shelters["geometry"]), people=float(np.nansum(shelters["capacity"]))))
        # What the plan checks do with an empty layer (an empty transit-stops layer leaves the master check's
        # transit rules not assessed, which the check says itself).
        empty = [name for name, layer in ((self.tr("facilities"), facilities),
                                          (self.tr("green spaces"), green), (self.tr("shelters"), shelters))
                 if not len(layer["geometry"])]
        if empty:
            feedback.pushWarning(self.tr(
                "Empty layers: {layers}. The plan checks refuse an empty facilities or shelters layer, naming it, "
                "and the detailed check an empty green spaces layer (the master check then leaves its park rules "
                "not assessed): where the town has them but OpenStreetMap does not map them, add them to the layer "
                "(with its type field) before running the check.").format(
                    layers=", ".join(empty)))


def _present(values):
    text = pd.Series(list(values), dtype=object).fillna("").astype(str).str.strip().str.lower()
    return ((text != "") & (text != "no")).to_numpy()


def _name_zh(tags):
    """name:zh, else the name where it is written in Chinese characters."""
    zh = tags["name:zh"].to_numpy(object)
    name = tags["name"].to_numpy(object)
    return np.where(pd.notna(zh), zh, np.where(osm.has_han(name), name, None)).astype(object)


def _osm_refs(layer, ident, way, n):
    """"node/1", "way/2", "relation/3": what the OSM website and editors take."""
    ident = np.full(n, None, dtype=object) if ident is None else np.asarray(ident, dtype=object)
    way = np.full(n, None, dtype=object) if way is None else np.asarray(way, dtype=object)
    kind = {"points": "node", "lines": "way", "multipolygons": "relation"}[layer]
    has_way = pd.notna(way) & (way != "")
    ident = np.where(has_way, way, ident)
    prefix = np.where(has_way, "way/", f"{kind}/")
    return np.array([p + str(i) if i is not None else None for p, i in zip(prefix, ident)], dtype=object)


def _read_sizes(path):
    from ..core import tables as core_tables

    frame = core_tables.read_csv_table(path, ["shelter_type", "min_area_m2"], ["min_area_m2"])
    frame["shelter_type"] = frame["shelter_type"].str.strip()
    return frame


def _reproject(geometry, source_crs, target_crs):
    """``geometry`` (shapely) from one CRS to another: every coordinate at once through GDAL's
    transformation (traditional longitude, latitude order), no loop over features."""
    geometry = np.asarray(geometry, dtype=object)
    if source_crs == target_crs or not len(geometry):
        return geometry
    source, target = osr.SpatialReference(), osr.SpatialReference()
    for srs, crs in ((source, source_crs), (target, target_crs)):
        srs.ImportFromWkt(crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL))
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    coordinates = shapely.get_coordinates(geometry)
    if not len(coordinates):
        return geometry
    moved = np.asarray(transform.TransformPoints(coordinates), dtype=float)[:, :2]
    return shapely.set_coordinates(geometry.copy(), moved)


def _attribute_list(values, kind):
    values = np.asarray(values, dtype=object)
    if kind == "double":
        numbers = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(float)
        return [float(v) if np.isfinite(v) else None for v in numbers]
    if kind == "int":
        numbers = pd.to_numeric(pd.Series(values), errors="coerce")
        return [int(v) if pd.notna(v) else None for v in numbers]
    return [None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in values]

