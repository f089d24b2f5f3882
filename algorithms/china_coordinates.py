"""lcr:china_coordinates: move points, lines and polygons between the coordinates of the Chinese
web maps (GCJ-02 of Amap, BD-09 of Baidu) and WGS 84 / CGCS2000."""
import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsWkbTypes,
)

from ..core import china_coords as cc
from ..core import crs as core_crs
from . import geomwrite
from .base import LcrAlgorithm

# (from, to) of each choice. Saved models store the index: only ever append.
CONVERSIONS = ((cc.GCJ02, cc.WGS84), (cc.BD09, cc.WGS84), (cc.WGS84, cc.GCJ02), (cc.WGS84, cc.BD09),
               (cc.BD09, cc.GCJ02), (cc.GCJ02, cc.BD09))


class ChinaCoordinates(LcrAlgorithm):
    ALG_ID = "china_coordinates"
    GROUP_ID = "data_preparation"
    STYLE = ""
    GEOMETRY_IS_RESULT = True   # converted coordinates: a CSV output would hold none of them

    INPUT = "INPUT"
    CONVERSION = "CONVERSION"
    OUTPUT = "OUTPUT"
    MOVED = "MOVED"
    OUTSIDE = "OUTSIDE"
    MEAN_SHIFT_M = "MEAN_SHIFT_M"

    def displayName(self):  # noqa: N802
        return self.tr("Convert Chinese web-map coordinates (GCJ-02, BD-09)")

    def help_text(self):
        return self.tr(
            "Moves every vertex of a point, line or polygon layer between the coordinates of the Chinese "
            "web maps and WGS 84 / CGCS2000. POIs, roads or AOIs downloaded from Amap (高德), Tencent or "
            "Apple Maps in China are in GCJ-02; from Baidu (百度) in BD-09. Both lie 300–700 m (in eastern "
            "China) from the true WGS 84 / CGCS2000 position, which alone ruins a 300 m life-circle or a "
            "500 m bus-stop analysis: convert them before measuring against survey data.\n\n"
            "GCJ-02 and BD-09 cannot be told apart from the coordinates: choose the direction from what you "
            "know of the data's source. Converting twice, or the wrong way, moves the features another "
            "300–700 m. BD-09 Mercator (Baidu coordinates in metres) is not read: it must be BD-09 "
            "longitudes and latitudes.\n\n"
            "The shift is the widely documented public reconstruction of GCJ-02 and BD-09; the reverse "
            "directions (to WGS 84, BD-09 to GCJ-02) are solved by iteration to about 1 mm, and a round "
            "trip returns every point to within a centimetre. Outside the area the Chinese maps shift (a box around "
            "China) features are left as they are. WGS 84 and CGCS2000 differ by centimetres and are "
            "treated as one.\n\n"
            "The layer may be in any CRS: its coordinates are taken to longitude and latitude, shifted and "
            "written back in its own CRS; fields are kept as they are.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Layer"), [QgsProcessing.SourceType.TypeVectorAnyGeometry]),
            self.tr("Points, lines or polygons whose coordinates are in the system named first in the "
                    "conversion (e.g. POIs downloaded from Amap: GCJ-02)."))
        self.add_parameter(QgsProcessingParameterEnum(
            self.CONVERSION, self.tr("Conversion"), [
                self.tr("GCJ-02 (Amap 高德, Tencent) → WGS 84 / CGCS2000"),
                self.tr("BD-09 (Baidu 百度) → WGS 84 / CGCS2000"),
                self.tr("WGS 84 / CGCS2000 → GCJ-02"),
                self.tr("WGS 84 / CGCS2000 → BD-09"),
                self.tr("BD-09 → GCJ-02"),
                self.tr("GCJ-02 → BD-09")], defaultValue=0),
            self.tr("From which coordinates to which. Nothing in the data tells GCJ-02 from BD-09 or from "
                    "WGS 84: choose by where the data came from."))
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Converted layer")),
                           self.tr("The features with their vertices moved; same CRS and fields as the input."))
        self.addOutput(QgsProcessingOutputNumber(self.MOVED, self.tr("Features moved")))
        self.addOutput(QgsProcessingOutputNumber(self.OUTSIDE, self.tr("Features outside China, left unchanged")))
        self.addOutput(QgsProcessingOutputNumber(self.MEAN_SHIFT_M, self.tr("Mean shift of the moved features (m)")))

    def error_messages(self):
        return {
            "coordinates_no_convergence": self.tr(
                "The reverse conversion did not converge (residual {residual:.2g}°): the coordinates are "
                "probably not longitudes and latitudes of the chosen system."),
        }

    def compute(self, parameters, context, feedback):
        source = self.feature_source(parameters, self.INPUT, context, None)
        crs = source.sourceCrs()
        if not crs.isValid():
            raise QgsProcessingException(self.tr(
                "“{layer}” has no CRS: set it (for longitudes and latitudes EPSG:4326) before converting.")
                .format(layer=source.sourceName()))
        origin, target = CONVERSIONS[self.parameterAsEnum(parameters, self.CONVERSION, context)]
        names = {cc.WGS84: "WGS 84 / CGCS2000", cc.GCJ02: "GCJ-02", cc.BD09: "BD-09"}
        feedback.pushWarning(self.tr(
            "GCJ-02, BD-09 and WGS 84 cannot be told apart from the coordinates: the result is right only if "
            "“{layer}” really is in {origin}. Amap (高德), Tencent and Apple Maps in China give GCJ-02, Baidu "
            "gives BD-09, a GPS or survey gives WGS 84 / CGCS2000. Converting twice moves the features another "
            "300–700 m.").format(layer=source.sourceName(), origin=names[origin]))
        lonlat, back = self._lonlat_transforms(crs, context)
        if back is not None:
            feedback.pushInfo(self.tr("“{layer}” is in {crs}: its coordinates are converted as WGS 84 longitudes "
                                      "and latitudes and written back in {crs}.").format(
                layer=source.sourceName(), crs=crs.authid() or crs.description()))

        wkb_type = QgsWkbTypes.dropM(source.wkbType())   # shapely keeps x, y and z
        # Every feature, its fields as they are and its geometry moved: a GeoPackage in and out is copied by
        # GDAL and its geometries replaced by SQL (geomwrite.GpkgGeometrySink).
        self.writes_every_feature(self.OUTPUT, source, geometries=True)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, source.fields(), wkb_type, crs)
        moved_count, outside_count, shifts = 0, 0, []
        # The layer's own coordinates are read (as columns where it is a whole GeoPackage table) and taken to
        # longitudes and latitudes and back a chunk at a time, not feature by feature.
        function = cc.converter(origin, target)
        for chunk in self.read_chunks(source, feedback, repair=False):
            after, shift = _moved(chunk.geometry, function, lonlat, back)
            present = ~shapely.is_missing(chunk.geometry) & ~shapely.is_empty(chunk.geometry)
            inside = present & (shift > 0)
            moved_count += int(inside.sum())
            outside_count += int((present & ~inside).sum())
            shifts.append(shift[inside])
            self.write_chunk(sink, chunk, source.fields().count(), [], [], parameters, self.OUTPUT,
                             geometries=after)
            self.check_canceled(feedback)
        shifts = np.concatenate(shifts) if shifts else np.zeros(0)
        mean = float(shifts.mean()) if len(shifts) else float("nan")
        feedback.pushInfo(self.tr("{origin} → {target}: {n} features moved, by {mean:.0f} m on average (the "
                                  "vertex moved farthest: {largest:.0f} m).").format(
            origin=names[origin], target=names[target], n=moved_count, mean=np.nan_to_num(mean),
            largest=float(shifts.max()) if len(shifts) else 0.0))
        if outside_count:
            feedback.pushWarning(self.tr("{n} features of “{layer}” lie outside the area the Chinese maps shift "
                                         "(or have no vertices) and are left as they are.").format(
                n=outside_count, layer=source.sourceName()))
        return {self.OUTPUT: dest_id, self.MOVED: moved_count, self.OUTSIDE: outside_count, self.MEAN_SHIFT_M: mean}

    @staticmethod
    def _lonlat_transforms(crs, context):
        """Transforms to WGS 84 longitudes and latitudes and back; (None, None) where the layer's own
        coordinates already are such (WGS 84 or CGCS2000 degrees)."""
        if crs.isGeographic() and (crs.authid() == "EPSG:4326" or core_crs.is_cgcs2000(crs.authid(), crs.toWkt())):
            return None, None
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        return (QgsCoordinateTransform(crs, wgs84, context.transformContext()),
                QgsCoordinateTransform(wgs84, crs, context.transformContext()))


def _moved(geometries, function, lonlat, back):
    """(``geometries`` with every vertex moved by ``function``, which takes WGS 84 longitudes and latitudes,
    through the transforms ``lonlat`` to them and ``back``; per geometry the largest distance a vertex moved
    (m), NaN for none). Each step on all the vertices at once; z kept."""
    geometries = np.asarray(geometries, dtype=object)
    out = geometries.copy()
    shift = np.full(len(geometries), np.nan)
    present = ~shapely.is_missing(geometries)
    with_z = shapely.has_z(geometries)
    for rows, include_z in ((np.flatnonzero(present & ~with_z), False), (np.flatnonzero(present & with_z), True)):
        coords, index = shapely.get_coordinates(geometries[rows], include_z=include_z, return_index=True)
        if not len(coords):
            continue
        before = geomwrite.transform_xy(coords[:, :2], lonlat)
        after = np.column_stack(function(before[:, 0], before[:, 1]))
        shift[rows] = cc.largest_shift_m(before, after, index, len(rows))
        coords[:, :2] = geomwrite.transform_xy(after, back)
        out[rows] = shapely.set_coordinates(geometries[rows], coords)
    return out, shift
