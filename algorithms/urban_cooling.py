"""lcr:urban_cooling: heat mitigation by land cover (InVEST Urban Cooling, daytime "factors" or night-time
"intensity" method), summed per planning unit, with an optional heat risk for vulnerable residents."""
from collections import Counter

import numpy as np
import shapely
from osgeo import gdal
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ..core import cooling
from .base import LcrAlgorithm
from .outputs import inputs_left_alone
from .raster import Raster, ZoneLayer, class_grid, open_raster, rasterize_classes, valid_pixels, zone_request

NODATA_OUT = -9999.0
MAX_LISTED = 12


class UrbanCooling(LcrAlgorithm):
    ALG_ID = "urban_cooling"
    GROUP_ID = "resilience"
    STYLE = "urban_cooling"
    TILE = 1024   # cells per side of the tiles the distance-weighted steps run on

    LULC_RASTER = "LULC_RASTER"
    LANDCOVER = "LANDCOVER"
    CLASS_FIELD = "CLASS_FIELD"
    CELL_SIZE = "CELL_SIZE"
    BIOPHYSICAL_TABLE = "BIOPHYSICAL_TABLE"
    ET0 = "ET0"
    ET0_RASTER = "ET0_RASTER"
    T_REF = "T_REF"
    UHI_MAX = "UHI_MAX"
    COOLING_DISTANCE = "COOLING_DISTANCE"
    AVERAGE_RADIUS = "AVERAGE_RADIUS"
    CC_WEIGHTS = "CC_WEIGHTS"
    CC_METHOD = "CC_METHOD"
    UNITS = "UNITS"
    POPULATION_FIELD = "POPULATION_FIELD"
    ELDERLY_FIELD = "ELDERLY_FIELD"
    CHILDREN_FIELD = "CHILDREN_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_HM_RASTER = "OUTPUT_HM_RASTER"
    OUTPUT_TAIR_RASTER = "OUTPUT_TAIR_RASTER"
    T_AIR_MEAN = "T_AIR_MEAN"
    HM_MEAN = "HM_MEAN"

    FIELDS = ("cc_mean", "hm_mean", "t_air_mean", "t_air_max", "heat_risk")

    def displayName(self):  # noqa: N802
        return self.tr("Urban cooling and heat risk")

    def help_text(self):
        return self.tr(
            "Estimates how much land cover cools a district, following the InVEST 3.20 Urban Cooling "
            "model, and summarises it per planning unit.\n\n"
            "Cooling capacity CC per cell, by one of two methods. Factors (daytime): ETI = kc × ET0 / "
            "ET_max (ET_max: the largest ET0; with one ET0 number ETI = kc), CC = 0.6 × shade + 0.2 × "
            "albedo + 0.2 × ETI (weights editable, scaled to sum 1 as InVEST does). Building intensity "
            "(night-time): CC = 1 − building_intensity from the table.\n\n"
            "Green area GA = the green share of the valid cells within the cooling distance d × the "
            "area of that circle. CC_park = the CC of green cells averaged with the exponential kernel "
            "e^(−distance/d), cut at 5 d, over all valid cells (non-green ones count 0). As in InVEST, "
            "the outside of the raster and nodata carry no weight, so a park at the edge is not "
            "diluted, and nothing is rounded. "
            "Heat mitigation HM = CC_park where it exceeds CC and GA ≥ 2 ha, else CC (InVEST does not "
            "check whether the green cells touch). Air temperature without mixing T = T_ref + (1 − "
            "HM) × UHI_max (°C), then averaged with the exponential kernel of the mixing distance (cut "
            "at 5×), again over valid cells only. Distances are rounded to whole cells as in InVEST. "
            "InVEST first clips the land cover to the AOI's bounding box: to reproduce one of its runs, "
            "clip the raster the same way.\n\n"
            "Heat risk (0–1) = (t_air_mean − T_ref) / UHI_max × (elderly + children) / population, "
            "when a population field and at least one age-group field are given; NULL otherwise.\n\n"
            "Inputs: a land-cover raster of integer codes in a projected CRS in metres with square "
            "cells, or land-cover polygons with an integer class, which the algorithm rasterises itself "
            "(10 m cells by default) in a CRS in metres: their own, or for degrees and Web Mercator the "
            "local Gauss-Krüger or UTM zone; a biophysical table in InVEST's layout (lucode, kc, shade, albedo, green_area; "
            "building_intensity for the night-time method), e.g. a planner's own InVEST table "
            "unchanged. The shipped table (resources/factors/cooling_biophysical.csv) is keyed to the "
            "demo codes 1 built_up … 7 bare, with InVEST test values and team estimates, all "
            "unverified: calibrate it locally.\n\n"
            "Output fields per planning unit: cc_mean, hm_mean (0–1), t_air_mean and t_air_max (°C), "
            "heat_risk (0–1). Optional rasters: HM and T_air. Sources: InVEST Urban Cooling User's "
            "Guide and model code, version 3.20 (Natural Capital Project).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterRasterLayer(
            self.LULC_RASTER, self.tr("Land-cover raster"), optional=True),
            self.tr("Integer land-cover codes (band 1) matched to the table's lucode, in a projected CRS in metres "
                    "with square cells (e.g. 10 m). Give this or land-cover polygons."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.LANDCOVER, self.tr("Land-cover polygons"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            self.tr("Instead of a raster: polygons with an integer class, rasterised by the algorithm in a CRS in "
                    "metres (their own, or for degrees and Web Mercator the local Gauss-Krüger or UTM zone); a "
                    "cell takes the class of the polygon holding its centre."))
        self.add_parameter(QgsProcessingParameterField(
            self.CLASS_FIELD, self.tr("Land-cover class field"), defaultValue="lucode",
            parentLayerParameterName=self.LANDCOVER, type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Integer code of each land-cover polygon, matched to the table's lucode."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.CELL_SIZE, self.tr("Cell size of rasterised polygons (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=10.0, minValue=0.01),
            self.tr("Side of the square cells the land-cover polygons are rasterised at."))
        self.add_parameter(QgsProcessingParameterFile(
            self.BIOPHYSICAL_TABLE, self.tr("Biophysical table (CSV)"), extension="csv", optional=True),
            self.tr("CSV with lucode, kc, shade (0–1), albedo (0–1), green_area (0/1); for the building "
                    "intensity method lucode, green_area and building_intensity (0–1: floor area over "
                    "footprint area, scaled to 0–1). Optional class, source, year, verified. An InVEST "
                    "Urban Cooling table works as it is. Empty: the shipped table for the demo codes."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.ET0, self.tr("Reference evapotranspiration ET0 (mm)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=4.0, minValue=0.000001),
            self.tr("One ET0 value for the whole area (mm/day on the study day). With one value ETI = kc. "
                    "Not used by the building intensity method."))
        self.add_parameter(QgsProcessingParameterRasterLayer(
            self.ET0_RASTER, self.tr("Reference evapotranspiration raster (mm)"), optional=True),
            self.tr("ET0 per cell, resampled onto the land-cover grid; when given it replaces the single value."),
            advanced=True)
        self.add_parameter(QgsProcessingParameterNumber(
            self.T_REF, self.tr("Reference air temperature (°C)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=30.0),
            self.tr("Rural reference air temperature on the study day, where the city has no effect."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.UHI_MAX, self.tr("Urban heat island magnitude UHI_max (°C)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=3.0, minValue=0.0),
            self.tr("Difference between the hottest urban temperature and the reference temperature."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.COOLING_DISTANCE, self.tr("Green area cooling distance (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=450.0, minValue=0.000001),
            self.tr("Distance over which green areas of 2 ha or more cool their surroundings (InVEST "
                    "recommends 450 m): the radius within which green area is counted and the expected "
                    "distance of the park-cooling kernel."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.AVERAGE_RADIUS, self.tr("Air mixing radius (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=500.0, minValue=0.0),
            self.tr("Expected distance of the air-mixing kernel, InVEST's air blending distance (it "
                    "recommends 500–600 m). Below half a cell: no mixing."))
        self.add_parameter(QgsProcessingParameterString(
            self.CC_WEIGHTS, self.tr("CC weights: shade, albedo, ETI"), defaultValue="0.6,0.2,0.2"),
            self.tr("Three numbers ≥ 0 separated by commas (InVEST defaults 0.6, 0.2, 0.2), scaled to sum 1 "
                    "as InVEST does. Used by the factors method."), advanced=True)
        # Saved models store the option's index: new methods are only ever appended.
        self.add_parameter(QgsProcessingParameterEnum(
            self.CC_METHOD, self.tr("Cooling capacity method"),
            options=[self.tr("Factors: shade, albedo, ETI (daytime)"),
                     self.tr("Building intensity (night-time)")], defaultValue=0),
            self.tr("InVEST's two cooling-capacity methods: daytime CC = 0.6 × shade + 0.2 × albedo + 0.2 × "
                    "ETI, or night-time CC = 1 − building_intensity (heat stored in buildings by day is "
                    "released at night), which needs a building_intensity column in the table."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.UNITS, self.tr("Planning units"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("Polygons to summarise the cooling in; reprojected to the raster's CRS if needed. A cell "
                    "belongs to the unit containing its centre."))
        for name, label, help_text in (
                (self.POPULATION_FIELD, self.tr("Population field"), self.tr("Residents of each unit.")),
                (self.ELDERLY_FIELD, self.tr("Elderly residents field"), self.tr("Residents aged 65 or more.")),
                (self.CHILDREN_FIELD, self.tr("Children field"), self.tr("Residents aged under 15."))):
            self.add_parameter(QgsProcessingParameterField(
                name, label, parentLayerParameterName=self.UNITS, type=QgsProcessingParameterField.DataType.Numeric,
                optional=True), help_text)
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Urban cooling per unit"), QgsProcessing.SourceType.TypeVectorPolygon),
            self.tr("The planning units with cc_mean, hm_mean, t_air_mean, t_air_max and heat_risk."))
        self.add_parameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_HM_RASTER, self.tr("Heat mitigation raster"), optional=True, createByDefault=False),
            self.tr("HM per cell (0–1), GeoTIFF."))
        self.add_parameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_TAIR_RASTER, self.tr("Air temperature raster"), optional=True, createByDefault=False),
            self.tr("T_air per cell (°C), GeoTIFF."))
        self.addOutput(QgsProcessingOutputNumber(self.T_AIR_MEAN, self.tr("Mean air temperature (°C)")))
        self.addOutput(QgsProcessingOutputNumber(self.HM_MEAN, self.tr("Mean heat mitigation")))

    def error_messages(self):
        return {
            "cooling_bad_lucode": self.tr(
                "The biophysical table {path}, line {line}: lucode “{value}” is not a whole number."),
            "cooling_bad_green_area": self.tr(
                "The biophysical table {path}, line {line}: green_area must be 0 or 1, not {value}."),
            "cooling_bad_weights": self.tr(
                "CC weights “{value}”: give three numbers ≥ 0 separated by commas, e.g. 0.6,0.2,0.2."),
        }

    # ---- running --------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        table_path = (self.parameterAsFile(parameters, self.BIOPHYSICAL_TABLE, context)
                      or self.factor_table("cooling_biophysical.csv", feedback))
        method = cooling.METHODS[self.parameterAsEnum(parameters, self.CC_METHOD, context)]
        table = cooling.read_biophysical(table_path, method)
        weights = cooling.parse_weights(self.parameterAsString(parameters, self.CC_WEIGHTS, context))
        t_ref = self.parameterAsDouble(parameters, self.T_REF, context)
        uhi_max = self.parameterAsDouble(parameters, self.UHI_MAX, context)
        d_cool = self.parameterAsDouble(parameters, self.COOLING_DISTANCE, context)
        radius = self.parameterAsDouble(parameters, self.AVERAGE_RADIUS, context)
        feedback.pushInfo(self.tr("Biophysical table: {path}.").format(path=table_path))
        if method == "intensity":
            feedback.pushInfo(self.tr("Cooling capacity from building intensity: CC = 1 − building_intensity."))

        et0_grid = parameters.get(self.ET0_RASTER) not in (None, "")
        if parameters.get(self.LANDCOVER) not in (None, ""):
            lulc, cell = self._rasterize_lulc(parameters, context, feedback, d_cool, radius, et0_grid)
        else:
            lulc, cell = self._open_lulc(parameters, context, feedback)
            self._check_memory(lulc.layer.name(), lulc.height, lulc.width, cell, d_cool, radius, et0_grid)
        units = self.polygon_source(parameters, self.UNITS, context)
        indices = tuple(self.field_index(parameters, name, units, context)
                        for name in (self.POPULATION_FIELD, self.ELDERLY_FIELD, self.CHILDREN_FIELD))
        if indices[0] < 0 and (indices[1] >= 0 or indices[2] >= 0):
            raise QgsProcessingException(self.tr(
                "Heat risk needs the population field as well as the elderly or children field: choose it."))
        et0 = self._et0(parameters, context, lulc, feedback) if method == "factors" else None
        chunk, zone_layer = self._read_units(units, lulc, indices, context, feedback)
        et_max = self._survey(lulc, et0, table, zone_layer, feedback)
        feedback.setProgress(10)

        stats = cooling.ZonalStatistics(len(chunk.features))
        outputs = {name: self._create_raster(parameters, name, context, lulc)
                   for name in (self.OUTPUT_HM_RASTER, self.OUTPUT_TAIR_RASTER)}
        hm = self._mitigation(lulc, et0, et_max, table, weights, cell, d_cool, zone_layer, stats,
                              outputs[self.OUTPUT_HM_RASTER], feedback)
        t_air_mean = self._air_temperature(lulc, hm, t_ref, uhi_max, cell, radius, zone_layer, stats,
                                           outputs[self.OUTPUT_TAIR_RASTER], feedback)
        feedback.pushInfo(self.tr(
            "Cell size {c:g} m: cooling distance {d} cells, mixing radius {r} cells.").format(
                c=cell, d=cooling.cells(d_cool, cell),
                r=cooling.cells(radius, cell) if radius >= cell / 2 else 0))

        dest_id = self._write_units(parameters, context, feedback, units, lulc, chunk, stats.result(),
                                    t_ref, uhi_max, indices)
        results = {self.OUTPUT: dest_id, self.T_AIR_MEAN: t_air_mean, self.HM_MEAN: float(np.nanmean(hm))}
        for name, output in outputs.items():
            if output is not None:
                output[0].FlushCache()
                results[name] = output[1]
        feedback.pushInfo(self.tr("Mean air temperature {t:.2f} °C, mean heat mitigation {hm:.3f}.").format(
            t=results[self.T_AIR_MEAN], hm=results[self.HM_MEAN]))
        self.style_output(context, dest_id, self.tr(
            "Heat mitigation and air temperature per planning unit (InVEST Urban Cooling method): "
            "T_ref {t} °C, UHI_max {u} °C, cooling distance {d} m, mixing radius {r} m, table {path}. Made by "
            "the Low-Carbon & Resilience Planning Toolkit.").format(
                t=t_ref, u=uhi_max, d=d_cool, r=radius, path=table_path))
        feedback.setProgress(100)
        return results

    # ---- inputs ---------------------------------------------------------------------------
    def _open_lulc(self, parameters, context, feedback):
        if parameters.get(self.LULC_RASTER) in (None, ""):
            raise QgsProcessingException(self.tr("Give a land-cover raster or land-cover polygons."))
        lulc = open_raster(self, parameters, self.LULC_RASTER, context, self.tr(
            "“{layer}” is in {crs}, where cells have no fixed size in metres, but cooling distances are "
            "in metres. Reproject it to a projected CRS in metres (Raster ▸ Projections ▸ Warp), e.g. the "
            "local CGCS2000 Gauss-Krüger zone, and run again."))
        to_m = lulc.to_metres(feedback, self.tr("“{layer}” has no CRS: its cell size is taken as metres."))
        g = lulc.geotransform
        if g[2] != 0 or g[4] != 0 or not np.isclose(abs(g[1]), abs(g[5]), rtol=1e-6):
            raise QgsProcessingException(self.tr(
                "“{layer}” has cells of {x:g} × {y:g} (or a rotated grid); the cooling kernels need square, "
                "north-up cells. Warp it to square cells (Raster ▸ Projections ▸ Warp) and run again.").format(
                    layer=lulc.layer.name(), x=abs(g[1]), y=abs(g[5])))
        return lulc, abs(g[1]) * to_m

    def _rasterize_lulc(self, parameters, context, feedback, d_cool, radius, et0_grid):
        """The land-cover polygons as a ``Raster`` of square cells in a CRS in metres, and the cell size."""
        if parameters.get(self.LULC_RASTER) not in (None, ""):
            raise QgsProcessingException(self.tr("Give a land-cover raster or land-cover polygons, not both."))
        polygons = self.polygon_source(parameters, self.LANDCOVER, context)
        class_idx = self.field_index(parameters, self.CLASS_FIELD, polygons, context)
        if class_idx < 0:
            raise QgsProcessingException(self.tr("Choose the class field of “{layer}”.").format(
                layer=polygons.sourceName()))
        cell = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        crs, _ = self.measuring_crs(polygons, context, feedback)
        chunk = self.read_whole(polygons, crs, context, feedback, numeric=[class_idx])
        codes = chunk.values[class_idx]
        present = ~shapely.is_missing(chunk.geometry)
        with np.errstate(invalid="ignore"):
            whole = np.isfinite(codes) & (codes == np.round(codes)) & (np.abs(codes) < 2 ** 31 - 1)
        unclassed = int((present & ~whole).sum())
        if unclassed:
            feedback.pushWarning(self.tr(
                "{n} polygons of “{layer}” have no whole-number class in “{field}”: their cells are nodata.").format(
                    n=unclassed, layer=polygons.sourceName(), field=polygons.fields().at(class_idx).name()))
        geometries = np.where(present & whole, chunk.geometry, None)
        grid = class_grid(geometries, cell)
        if grid is None:
            raise QgsProcessingException(self.tr("No polygon of “{layer}” has a geometry and a class.").format(
                layer=polygons.sourceName()))
        self._check_memory(polygons.sourceName(), grid[3], grid[2], cell, d_cool, radius, et0_grid)
        lulc = rasterize_classes(geometries, np.where(whole, codes, 0), grid, cell, crs,
                                 QgsProcessingUtils.generateTempFilename("landcover_cells.tif"),
                                 polygons.sourceName(), feedback)
        feedback.pushInfo(self.tr(
            "“{layer}” is rasterised at {c:g} m in {crs}: {w:,} × {h:,} cells, each of the class of the polygon "
            "holding its centre.").format(layer=polygons.sourceName(), c=cell, crs=crs.authid(), w=grid[2],
                                          h=grid[3]))
        return lulc, cell

    def _check_memory(self, layer_name, height, width, cell, d_cool, radius, et0_grid):
        """Refuse, before any array is made, a cooling distance or mixing radius whose kernels would not
        fit in memory on this grid."""
        estimate = cooling.memory_estimate(height, width, cell, d_cool, radius, self.TILE, et0_grid)
        step = max(estimate, key=estimate.get)
        name, value = (self.COOLING_DISTANCE, d_cool) if step == "cooling" else (self.AVERAGE_RADIUS, radius)
        self.refuse_if_too_big(estimate[step], self.tr(
            "Urban cooling on “{layer}” ({w:,} × {h:,} cells of {c:g} m)").format(
                layer=layer_name, w=width, h=height, c=cell), self.tr(
            "Lower “{parameter}” (now {value:g} m, a kernel reaching {reach:,} cells each way) or use a land-cover "
            "raster with fewer, larger cells.").format(
                parameter=self.parameterDefinition(name).description(), value=value,
                reach=cooling.kernel_reach(value, cell)))

    def _et0(self, parameters, context, lulc, feedback):
        """ET0 as one float, or a Raster resampled onto the land-cover grid."""
        if parameters.get(self.ET0_RASTER) in (None, ""):
            value = self.parameterAsDouble(parameters, self.ET0, context)
            feedback.pushInfo(self.tr("ET0 {v:g} mm everywhere: ETI = kc.").format(v=value))
            return float(value)
        layer = self.parameterAsRasterLayer(parameters, self.ET0_RASTER, context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(self.invalidRasterError(parameters, self.ET0_RASTER))
        g = lulc.geotransform
        bounds = (g[0], g[3] + lulc.height * g[5], g[0] + lulc.width * g[1], g[3])
        with inputs_left_alone():
            warped = gdal.Warp("", layer.source(), format="MEM", outputBounds=bounds, width=lulc.width,
                               height=lulc.height, dstSRS=lulc.dataset.GetProjection() or None,
                               resampleAlg="bilinear", outputType=gdal.GDT_Float64, dstNodata=float("nan"))
        if warped is None:
            raise QgsProcessingException(self.tr("GDAL cannot read “{layer}”.").format(layer=layer.name()))
        return Raster(layer, warped)

    def _cells(self, lulc, et0, table, window):
        """Table rows, valid cells (listed code), ET0 (mm; None with the intensity method) and unlisted
        codes of a window (row0, row1, col0, col1) of the land-cover raster."""
        y0, y1, x0, x1 = window
        codes = lulc.read(y0, y1 - y0, x0, x1 - x0)
        valid = valid_pixels(codes, lulc.nodata()) & np.isfinite(codes)
        rows, unknown = cooling.class_rows(codes, valid, table)
        valid &= rows >= 0
        values = et0
        if isinstance(et0, Raster):
            values = et0.read(y0, y1 - y0, x0, x1 - x0).astype(float)
            values[~(values >= 0)] = np.nan
        return rows, valid, values, unknown

    def _survey(self, lulc, et0, table, zone_layer, feedback):
        """Read the land cover once in blocks: warn about unlisted codes, missing ET0 and unverified
        values, refuse rasters or units without data; return ET_max (mm) for the ETI."""
        unknown, missing, used, et_max, cells, in_units = Counter(), 0, set(), None, 0, 0
        for y0, rows in lulc.blocks():
            window = (y0, y0 + rows, 0, lulc.width)
            classes, valid, values, block_unknown = self._cells(lulc, et0, table, window)
            unknown.update(block_unknown)
            if isinstance(et0, Raster):
                missing += int((valid & ~np.isfinite(values)).sum())
                valid &= np.isfinite(values)
                # InVEST takes ET_max from the statistics of the whole aligned ET0 raster, land cover or not.
                if np.isfinite(values).any():
                    et_max = max(et_max or 0.0, float(np.nanmax(values)))
            used.update(np.unique(classes[valid]).tolist())
            cells += int(valid.sum())
            in_units += int((valid & (zone_layer.burn(lulc, y0, rows) >= 0)).sum())
        if unknown:
            listed = sorted(unknown, key=lambda c: -unknown[c])
            feedback.pushWarning(self.tr(
                "{n} cells have land-cover codes the biophysical table does not list ({codes}); they are "
                "treated as nodata. Add these codes to the table.").format(
                    n=sum(unknown.values()), codes=_listed(listed)))
        if isinstance(et0, Raster):
            if missing:
                feedback.pushWarning(self.tr(
                    "{n} land-cover cells have no ET0 value (outside the ET0 raster or nodata); they are "
                    "treated as nodata.").format(n=missing))
            feedback.pushInfo(self.tr("ET0 from “{layer}”, resampled onto the land-cover grid.").format(
                layer=et0.layer.name()))
        if not cells:
            raise QgsProcessingException(self.tr(
                "“{layer}” has no cell with a land-cover code of the biophysical table (and an ET0 value).")
                .format(layer=lulc.layer.name()))
        unverified = table.unverified(sorted(used))
        if unverified:
            feedback.pushWarning(self.tr(
                "Unverified biophysical values were used for: {classes}. Calibrate them with local data.")
                .format(classes=", ".join(unverified)))
        if not in_units:
            raise QgsProcessingException(self.tr(
                "No planning unit overlaps a land-cover cell with data: check that the units and “{layer}” "
                "cover the same place (and their CRS).").format(layer=lulc.layer.name()))
        return et_max

    def _read_units(self, units, lulc, field_indices, context, feedback):
        request, reprojected = zone_request(units, lulc, context)
        if reprojected:
            feedback.pushInfo(self.tr("The planning units are reprojected from {a} to the raster's CRS {b}; the "
                                      "output is in {b}.").format(a=units.sourceCrs().authid(),
                                                                  b=lulc.layer.crs().authid()))
        numeric = [i for i in field_indices if i >= 0]
        chunk = next(self.read_chunks(units, feedback, numeric=numeric, request=request, whole=True))
        return chunk, ZoneLayer(chunk.geometry, lulc.dataset.GetSpatialRef())

    # ---- the distance-weighted steps, a tile at a time ---------------------------------------
    def _mitigation(self, lulc, et0, et_max, table, weights, cell, d_cool, zone_layer, stats, output, feedback):
        """HM over the whole raster (NaN outside valid cells); adds cc and hm to ``stats``. The CC_park and
        GA convolutions run per tile grown by the kernel's reach, so memory stays bounded."""
        hm = np.full((lulc.height, lulc.width), np.nan)
        windows = list(cooling.tiles(lulc.height, lulc.width, self.TILE, cooling.kernel_reach(d_cool, cell)))
        for number, (core, window) in enumerate(windows):
            rows, classified, values, _ = self._cells(lulc, et0, table, window)
            safe = np.where(classified, rows, 0)
            if table.intensity is not None:
                valid = classified
                cc = np.where(valid, cooling.cooling_capacity_intensity(table.intensity[safe]), np.nan)
            else:
                valid = classified & np.isfinite(values)
                eti = cooling.evapotranspiration_index(table.kc[safe], values, valid, et_max)
                cc = np.where(valid, cooling.cooling_capacity(table.shade[safe], table.albedo[safe], eti, weights),
                              np.nan)
                del eti
            # A cell without ET0 has no CC but its class still says whether it is green: InVEST counts
            # it in the green area, not in CC_park.
            tile_hm = cooling.heat_mitigation(cc, table.green[safe], valid, cell, d_cool, green_valid=classified)["hm"]
            inner = _inner(core, window)
            hm[_slices(core)] = tile_hm[inner]
            stats.add(self._burn(zone_layer, lulc, core), valid[inner], cc=cc[inner], hm=tile_hm[inner])
            _write_tile(output, core, tile_hm[inner])
            feedback.setProgress(10 + 45 * (number + 1) / len(windows))
            self.check_canceled(feedback)
        return hm

    def _air_temperature(self, lulc, hm, t_ref, uhi_max, cell, radius, zone_layer, stats, output, feedback):
        """Mean T_air (°C) over valid cells; adds t_air to ``stats``. HM is mixed per tile grown by the
        mixing kernel's reach."""
        halo = cooling.kernel_reach(radius, cell) if radius >= cell / 2 else 0
        windows = list(cooling.tiles(lulc.height, lulc.width, self.TILE, halo))
        total, count = 0.0, 0
        for number, (core, window) in enumerate(windows):
            tile_hm = hm[_slices(window)]
            valid = np.isfinite(tile_hm)
            inner = _inner(core, window)
            t_air = cooling.air_temperature(tile_hm, valid, t_ref, uhi_max, cell, radius)[1][inner]
            valid = valid[inner]
            stats.add(self._burn(zone_layer, lulc, core), valid, t_air=t_air)
            total += float(t_air[valid].sum())
            count += int(valid.sum())
            _write_tile(output, core, t_air)
            feedback.setProgress(55 + 40 * (number + 1) / len(windows))
            self.check_canceled(feedback)
        return total / count

    @staticmethod
    def _burn(zone_layer, lulc, core):
        y0, y1, x0, x1 = core
        return zone_layer.burn(lulc, y0, y1 - y0, x0, x1 - x0)

    # ---- outputs --------------------------------------------------------------------------
    def _write_units(self, parameters, context, feedback, units, lulc, chunk, stats, t_ref, uhi_max,
                     field_indices):
        pop_idx, old_idx, kid_idx = field_indices
        n_units = len(chunk.features)
        empty = int((stats["cells"] == 0).sum())
        if empty:
            feedback.pushWarning(self.tr(
                "{n} planning units contain no land-cover cell with data; their values stay empty (NULL).")
                .format(n=empty))
        if pop_idx >= 0 and (old_idx >= 0 or kid_idx >= 0):
            risk = cooling.heat_risk(stats["t_air_mean"], t_ref, uhi_max, chunk.values[pop_idx],
                                     chunk.values[old_idx] if old_idx >= 0 else None,
                                     chunk.values[kid_idx] if kid_idx >= 0 else None)
            no_pop = int((~(chunk.values[pop_idx] > 0)).sum())
            if no_pop:
                feedback.pushWarning(self.tr(
                    "{n} units have no population (NULL or 0): their heat risk stays empty (NULL).").format(n=no_pop))
        else:
            risk = np.full(n_units, np.nan)
            feedback.pushInfo(self.tr(
                "No population and age-group fields: heat_risk stays empty (NULL)."))
        crs = lulc.layer.crs()
        fields, positions = self.output_fields(units.fields(), [(n, "double") for n in self.FIELDS], feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, units.wkbType(),
                                         crs if crs.isValid() else units.sourceCrs())
        columns = [stats["cc_mean"], stats["hm_mean"], stats["t_air_mean"], stats["t_air_max"], risk]
        self.write_chunk(sink, chunk, units.fields().count(), positions, columns, parameters, self.OUTPUT)
        return dest_id

    def _create_raster(self, parameters, name, context, lulc):
        """(GDAL dataset, path) of an optional Float32 GeoTIFF output on the land-cover grid, or None."""
        if parameters.get(name) in (None, ""):
            return None
        path = self.output_path(parameters, name, context)
        out = gdal.GetDriverByName("GTiff").Create(path, lulc.width, lulc.height, 1, gdal.GDT_Float32,
                                                   options=["COMPRESS=DEFLATE", "TILED=YES"])
        if out is None:
            raise QgsProcessingException(self.tr("Cannot write the raster {path}.").format(path=path))
        out.SetGeoTransform(lulc.geotransform)
        out.SetProjection(lulc.dataset.GetProjection())
        out.GetRasterBand(1).SetNoDataValue(NODATA_OUT)
        return out, path


def _slices(window):
    y0, y1, x0, x1 = window
    return slice(y0, y1), slice(x0, x1)


def _inner(core, window):
    """The core's slices within its grown window."""
    return _slices((core[0] - window[0], core[1] - window[0], core[2] - window[2], core[3] - window[2]))


def _write_tile(output, core, values):
    if output is not None:
        output[0].GetRasterBand(1).WriteArray(
            np.where(np.isfinite(values), values, NODATA_OUT).astype(np.float32), core[2], core[0])


def _listed(values):
    values = [str(v) for v in values]
    return ", ".join(values[:MAX_LISTED]) + (", …" if len(values) > MAX_LISTED else "")
