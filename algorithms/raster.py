"""Raster glue shared by the raster algorithms (carbon stock, stormwater runoff, urban cooling): open a
land-cover raster through GDAL, convert its units to metres, read it in blocks of whole rows, and burn
zone polygons onto its grid.

Messages use the translation context "LcrAlgorithm", which ``LcrAlgorithm.tr`` falls back to, so one
translation serves every algorithm."""
import numpy as np
import shapely
from osgeo import gdal, ogr
from dataclasses import dataclass

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsRectangle,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core import crs as core_crs
from .reading import Chunk
from .writing import WKB_DIMENSION
from .outputs import inputs_left_alone

BLOCK_PIXELS = 4_000_000   # raster pixels held in memory at once
translate = QCoreApplication.translate


class Raster:
    """A raster input: its QGIS layer (name, CRS) and its GDAL dataset (pixels)."""

    def __init__(self, layer, dataset):
        self.layer = layer
        self.dataset = dataset
        self.geotransform = dataset.GetGeoTransform()
        self.width, self.height = dataset.RasterXSize, dataset.RasterYSize

    def corners(self):
        g, w, h = self.geotransform, self.width, self.height
        return [(g[0] + c * g[1] + r * g[2], g[3] + c * g[4] + r * g[5]) for c, r in ((0, 0), (w, 0), (w, h), (0, h))]

    def extent_wkt(self):
        corners = self.corners()
        return "POLYGON((" + ",".join(f"{x!r} {y!r}" for x, y in corners + corners[:1]) + "))"

    def extent(self):
        xs, ys = zip(*self.corners())
        return QgsRectangle(min(xs), min(ys), max(xs), max(ys))

    def block_rows(self, block_pixels=BLOCK_PIXELS):
        return max(1, block_pixels // max(self.width, 1))

    def block_count(self, block_pixels=BLOCK_PIXELS):
        return -(-self.height // self.block_rows(block_pixels))

    def blocks(self, block_pixels=BLOCK_PIXELS):
        """(first row, row count) of each block of whole rows, top to bottom."""
        step = self.block_rows(block_pixels)
        for y0 in range(0, self.height, step):
            yield y0, min(step, self.height - y0)

    def nodata(self):
        return self.dataset.GetRasterBand(1).GetNoDataValue()

    def read(self, y0=0, rows=None, x0=0, cols=None):
        """Band 1, rows y0…y0+rows and columns x0…x0+cols (all by default)."""
        rows = self.height - y0 if rows is None else rows
        cols = self.width - x0 if cols is None else cols
        values = self.dataset.GetRasterBand(1).ReadAsArray(x0, y0, cols, rows)
        if values is None:
            raise QgsProcessingException(translate("LcrAlgorithm", "GDAL cannot read “{layer}”.").format(
                layer=self.layer.name()))
        return values

    def to_metres(self, feedback, no_crs_message=None):
        """Metres per map unit of the raster's CRS; 1 (with a warning) when it has no CRS."""
        crs = self.layer.crs()
        if crs.isValid():
            return QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), QgsUnitTypes.DistanceUnit.DistanceMeters)
        feedback.pushWarning((no_crs_message or translate(
            "LcrAlgorithm", "“{layer}” has no CRS: its pixel size is taken as metres.")).format(
                layer=self.layer.name()))
        return 1.0

    def same_pixels(self, other):
        """Same pixel size and orientation (the geotransform's scale and rotation terms)."""
        a, b = self.geotransform, other.geotransform
        return all(np.isclose(a[i], b[i], rtol=1e-9, atol=1e-12) for i in (1, 2, 4, 5))

    def same_grid(self, other):
        """Same CRS, size, origin and pixels: the two rasters' pixels coincide one to one."""
        a, b = self.geotransform, other.geotransform
        return (self.layer.crs() == other.layer.crs() and (self.width, self.height) == (other.width, other.height)
                and all(np.isclose(a[i], b[i], rtol=1e-9, atol=1e-9) for i in range(6)))


def open_raster(algorithm, parameters, name, context, geographic_message=None):
    """The raster parameter ``name`` as a ``Raster``, refused unless GDAL reads it and its CRS (if any)
    has a fixed pixel size in metres. ``geographic_message`` ({layer}, {crs}) replaces the default."""
    layer = algorithm.parameterAsRasterLayer(parameters, name, context)
    if layer is None or not layer.isValid():
        raise QgsProcessingException(algorithm.invalidRasterError(parameters, name))
    if layer.providerType() != "gdal":
        raise QgsProcessingException(translate(
            "LcrAlgorithm",
            "“{layer}” is not a raster file GDAL can read (provider {provider}). Save it as a GeoTIFF "
            "and run again.").format(layer=layer.name(), provider=layer.providerType()))
    crs = layer.crs()
    if crs.isValid() and core_crs.needs_projected_measure(crs.isGeographic(), crs.authid()):
        raise QgsProcessingException((geographic_message or translate(
            "LcrAlgorithm",
            "“{layer}” is in {crs}, where pixels have no fixed area. Reproject it to a projected CRS in "
            "metres (Raster ▸ Projections ▸ Warp), e.g. the local CGCS2000 Gauss-Krüger zone, and run "
            "again.")).format(layer=layer.name(), crs=crs.authid()))
    with inputs_left_alone():
        dataset = gdal.Open(layer.source())
    if dataset is None:
        raise QgsProcessingException(translate("LcrAlgorithm", "GDAL cannot open “{layer}” ({source}).").format(
            layer=layer.name(), source=layer.source()))
    return Raster(layer, dataset)


def valid_pixels(values, nodata):
    """Pixels that are not nodata (nor NaN in a float raster)."""
    valid = np.ones(values.shape, dtype=bool)
    if values.dtype.kind == "f":
        valid &= ~np.isnan(values)
    if nodata is not None and not np.isnan(nodata):
        valid &= values != nodata
    return valid


def zone_request(source, raster, context):
    """A request giving ``source``'s features in the raster's CRS, and whether that reprojects them."""
    request = QgsFeatureRequest()
    crs = raster.layer.crs()
    reprojected = crs.isValid() and source.sourceCrs() != crs
    if reprojected:
        request.setDestinationCrs(crs, context.transformContext())
    return request, reprojected


@dataclass
class Zones:
    """The polygons a raster is summed in: the zone layer's features (in the raster's CRS) or, without
    zones, one polygon, the raster's extent; ``layer`` (a ``ZoneLayer``) is None then."""
    chunk: Chunk
    layer: object
    fields: QgsFields
    wkb_type: int
    input_count: int

    def __len__(self):
        return len(self.chunk.features)


def summary_zones(algorithm, parameters, name, raster, context, feedback):
    """The ``Zones`` of the optional polygon parameter ``name``."""
    if parameters.get(name) in (None, ""):
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt(raster.extent_wkt()))
        feedback.pushInfo(translate("LcrAlgorithm", "No zones: the totals cover the whole raster."))
        return Zones(Chunk([feature], None, {}, 0), None, QgsFields(), QgsWkbTypes.Type.Polygon, 0)
    zones = algorithm.polygon_source(parameters, name, context)
    request, reprojected = zone_request(zones, raster, context)
    crs = raster.layer.crs()
    if reprojected:
        feedback.pushInfo(translate(
            "LcrAlgorithm", "The zones are reprojected from {a} to the raster's CRS {b}; the output is in {b}.")
            .format(a=zones.sourceCrs().authid(), b=crs.authid()))
    chunk = next(algorithm.read_chunks(zones, feedback, request=request, whole=True))
    if chunk.repaired:
        feedback.pushWarning(translate("LcrAlgorithm", "{n} invalid zone geometries were repaired.").format(
            n=chunk.repaired))
    present = ~shapely.is_missing(chunk.geometry)
    if present.any():
        xmin, ymin, xmax, ymax = shapely.total_bounds(chunk.geometry[present])
        if not QgsRectangle(xmin, ymin, xmax, ymax).intersects(raster.extent()):
            feedback.pushWarning(translate("LcrAlgorithm", "The zones of “{zones}” do not overlap the raster “{raster}”: "
                                                           "check that both cover the same place.").format(
                                                               zones=zones.sourceName(), raster=raster.layer.name()))
    return Zones(chunk, ZoneLayer(chunk.geometry, raster.dataset.GetSpatialRef()), zones.fields(), zones.wkbType(),
                 zones.fields().count())


class ZoneLayer:
    """Zone polygons in an in-memory OGR layer (field zid = their position), to burn onto raster grids."""

    def __init__(self, geometries, spatial_ref):
        self._store = ogr.GetDriverByName("Memory").CreateDataSource("zones")
        self.layer = self._store.CreateLayer("zones", srs=spatial_ref, geom_type=ogr.wkbUnknown)
        self.layer.CreateField(ogr.FieldDefn("zid", ogr.OFTInteger))
        present = ~shapely.is_missing(geometries)
        ids = np.flatnonzero(present)
        wkbs = shapely.to_wkb(geometries[present], output_dimension=WKB_DIMENSION)
        # A later feature overwrites an earlier one when burnt: add them last-to-first so that, as in
        # core.zones, the first zone in layer order wins where zones overlap.
        for zid, wkb in zip(ids[::-1].tolist(), wkbs[::-1].tolist()):
            feature = ogr.Feature(self.layer.GetLayerDefn())
            feature.SetField("zid", zid)
            feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
            self.layer.CreateFeature(feature)

    def burn(self, raster, y0=0, rows=None, x0=0, cols=None):
        """Zone index of each pixel of ``raster``'s rows y0…y0+rows and columns x0…x0+cols (-1 outside),
        by pixel centre."""
        g = raster.geotransform
        rows = raster.height - y0 if rows is None else rows
        cols = raster.width - x0 if cols is None else cols
        grid = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal.GDT_Int32)
        grid.SetGeoTransform((g[0] + x0 * g[1] + y0 * g[2], g[1], g[2], g[3] + x0 * g[4] + y0 * g[5], g[4], g[5]))
        band = grid.GetRasterBand(1)
        band.Fill(-1)
        gdal.RasterizeLayer(grid, [1], self.layer, options=["ATTRIBUTE=zid"])
        return band.ReadAsArray()


CLASS_NODATA = -2147483648   # the Int32 nodata of land cover rasterised by ``rasterize_classes``


def class_grid(geometries, cell):
    """(x0, y_top, width, height) of a grid of ``cell`` squares, aligned on multiples of ``cell``,
    covering ``geometries``; None when none is present."""
    bounds = shapely.total_bounds(np.asarray(geometries, dtype=object))
    if not np.isfinite(bounds).all():
        return None
    x0, y0 = np.floor(bounds[0] / cell) * cell, np.floor(bounds[1] / cell) * cell
    x1, y1 = np.ceil(bounds[2] / cell) * cell, np.ceil(bounds[3] / cell) * cell
    return float(x0), float(y1), max(1, int(round((x1 - x0) / cell))), max(1, int(round((y1 - y0) / cell)))


def rasterize_classes(geometries, codes, grid, cell, crs, path, name, feedback):
    """Integer class ``codes`` of polygons (in ``crs``, a CRS in metres) burnt onto ``grid``
    (``class_grid``) at ``cell`` metres into the GeoTIFF ``path``: a cell takes the code of the
    polygon holding its centre (the first one where polygons overlap), else ``CLASS_NODATA``.
    Returns the ``Raster``, whose layer is called ``name``."""
    from qgis.core import QgsRasterLayer

    x0, y_top, width, height = grid
    out = gdal.GetDriverByName("GTiff").Create(path, width, height, 1, gdal.GDT_Int32,
                                               options=["COMPRESS=DEFLATE", "TILED=YES", "BIGTIFF=IF_SAFER"])
    if out is None:
        raise QgsProcessingException(translate("LcrAlgorithm", "Cannot write the raster {path}.").format(path=path))
    out.SetGeoTransform((x0, cell, 0.0, y_top, 0.0, -cell))
    out.SetProjection(crs.toWkt())
    band = out.GetRasterBand(1)
    band.SetNoDataValue(CLASS_NODATA)
    polygons = ZoneLayer(geometries, out.GetSpatialRef())
    codes = np.asarray(codes, dtype=np.int64)
    grid_raster = Raster(None, out)
    for number, (y0, rows) in enumerate(grid_raster.blocks()):
        index = polygons.burn(grid_raster, y0, rows)
        band.WriteArray(np.where(index >= 0, codes[np.maximum(index, 0)], CLASS_NODATA).astype(np.int32), 0, y0)
        feedback.setProgress(5.0 * (number + 1) / grid_raster.block_count())
    # The file is complete only once GDAL closes it: let go of every reference first.
    out = band = grid_raster = None
    layer = QgsRasterLayer(path, name, "gdal")
    return Raster(layer, gdal.Open(path))
