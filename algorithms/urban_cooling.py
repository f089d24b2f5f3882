"""lcr:urban_cooling: heat mitigation by land cover (InVEST Urban Cooling, daytime method), summed per
planning unit, with an optional heat risk for vulnerable residents."""
import numpy as np
import shapely
from osgeo import gdal, ogr
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsUnitTypes,
)

from ..core import cooling
from ..core import crs as core_crs
from .base import LcrAlgorithm, resource_path

NODATA_OUT = -9999.0
MAX_LISTED = 12


class UrbanCooling(LcrAlgorithm):
    ALG_ID = "urban_cooling"
    GROUP_ID = "resilience"
    STYLE = "urban_cooling"

    LULC_RASTER = "LULC_RASTER"
    BIOPHYSICAL_TABLE = "BIOPHYSICAL_TABLE"
    ET0 = "ET0"
    ET0_RASTER = "ET0_RASTER"
    T_REF = "T_REF"
    UHI_MAX = "UHI_MAX"
    COOLING_DISTANCE = "COOLING_DISTANCE"
    AVERAGE_RADIUS = "AVERAGE_RADIUS"
    CC_WEIGHTS = "CC_WEIGHTS"
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

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Estimates how much land cover cools a district on a hot day, following the InVEST Urban "
            "Cooling model (daytime, \"factors\" method), and summarises it per planning unit.\n\n"
            "Per cell: ETI = kc × ET0 / ET_max (ET_max: the largest ET0; with one ET0 number ETI = kc). "
            "Cooling capacity CC = 0.6 × shade + 0.2 × albedo + 0.2 × ETI (weights editable). Green "
            "area GA = area of green cells within the cooling distance d. CC_park = the green cells' CC "
            "weighted by a normalised exponential kernel e^(−distance/d), cut at 5 d. Heat mitigation "
            "HM = CC_park where it exceeds CC and GA ≥ 2 ha, else CC. Air temperature without mixing "
            "T = T_ref + (1 − HM) × UHI_max (°C), then averaged with a normalised exponential kernel "
            "of the mixing radius (cut at 5×), ignoring nodata and the raster's outside. Distances are "
            "rounded to whole cells as in InVEST.\n\n"
            "Heat risk (0–1) = (t_air_mean − T_ref) / UHI_max × (elderly + children) / population, "
            "when a population field and at least one age-group field are given; NULL otherwise.\n\n"
            "Inputs: a land-cover raster of integer codes in a projected CRS in metres with square "
            "cells; a biophysical table in InVEST's layout (lucode, kc, shade, albedo, green_area), "
            "e.g. a planner's own InVEST table unchanged. The shipped table "
            "(resources/factors/cooling_biophysical.csv) is keyed to the demo codes 1 built_up … 7 "
            "bare, with InVEST test values and team estimates, all unverified: calibrate it locally.\n\n"
            "Output fields per planning unit: cc_mean, hm_mean (0–1), t_air_mean and t_air_max (°C), "
            "heat_risk (0–1). Optional rasters: HM and T_air. Sources: InVEST Urban Cooling User's "
            "Guide and model code (Natural Capital Project).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterRasterLayer(self.LULC_RASTER, self.tr("Land-cover raster")),
                           self.tr("Integer land-cover codes (band 1) matched to the table's lucode, in a projected "
                                   "CRS in metres with square cells (e.g. 10 m)."))
        self.add_parameter(QgsProcessingParameterFile(
            self.BIOPHYSICAL_TABLE, self.tr("Biophysical table (CSV)"), extension="csv", optional=True),
            self.tr("CSV with lucode, kc, shade (0–1), albedo (0–1), green_area (0/1); optional class, "
                    "source, year, verified. An InVEST Urban Cooling table works as it is. Empty: the "
                    "shipped table for the demo codes."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.ET0, self.tr("Reference evapotranspiration ET0 (mm)"), QgsProcessingParameterNumber.Double,
            defaultValue=4.0, minValue=0.000001),
            self.tr("One ET0 value for the whole area (mm/day on the study day). With one value ETI = kc."))
        self.add_parameter(QgsProcessingParameterRasterLayer(
            self.ET0_RASTER, self.tr("Reference evapotranspiration raster (mm)"), optional=True),
            self.tr("ET0 per cell, resampled onto the land-cover grid; when given it replaces the single value."),
            advanced=True)
        self.add_parameter(QgsProcessingParameterNumber(
            self.T_REF, self.tr("Reference air temperature (°C)"), QgsProcessingParameterNumber.Double,
            defaultValue=30.0),
            self.tr("Rural reference air temperature on the study day, where the city has no effect."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.UHI_MAX, self.tr("Urban heat island magnitude UHI_max (°C)"), QgsProcessingParameterNumber.Double,
            defaultValue=3.0, minValue=0.0),
            self.tr("Difference between the hottest urban temperature and the reference temperature."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.COOLING_DISTANCE, self.tr("Green area cooling distance (m)"), QgsProcessingParameterNumber.Double,
            defaultValue=450.0, minValue=0.000001),
            self.tr("Distance over which green areas of 2 ha or more cool their surroundings (InVEST "
                    "recommends 450 m)."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.AVERAGE_RADIUS, self.tr("Air mixing radius (m)"), QgsProcessingParameterNumber.Double,
            defaultValue=500.0, minValue=0.0),
            self.tr("Expected distance of air mixing (InVEST recommends 500–600 m). Below half a cell: no mixing."))
        self.add_parameter(QgsProcessingParameterString(
            self.CC_WEIGHTS, self.tr("CC weights: shade, albedo, ETI"), defaultValue="0.6,0.2,0.2"),
            self.tr("Three numbers ≥ 0 separated by commas (InVEST defaults 0.6, 0.2, 0.2)."), advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.UNITS, self.tr("Planning units"), [QgsProcessing.TypeVectorPolygon]),
            self.tr("Polygons to summarise the cooling in; reprojected to the raster's CRS if needed. A cell "
                    "belongs to the unit containing its centre."))
        for name, label, help_text in (
                (self.POPULATION_FIELD, self.tr("Population field"), self.tr("Residents of each unit.")),
                (self.ELDERLY_FIELD, self.tr("Elderly residents field"), self.tr("Residents aged 65 or more.")),
                (self.CHILDREN_FIELD, self.tr("Children field"), self.tr("Residents aged under 15."))):
            self.add_parameter(QgsProcessingParameterField(
                name, label, parentLayerParameterName=self.UNITS, type=QgsProcessingParameterField.Numeric,
                optional=True), help_text)
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Urban cooling per unit"), QgsProcessing.TypeVectorPolygon),
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
                      or resource_path("factors", "cooling_biophysical.csv"))
        table = cooling.read_biophysical(table_path)
        weights = cooling.parse_weights(self.parameterAsString(parameters, self.CC_WEIGHTS, context))
        t_ref = self.parameterAsDouble(parameters, self.T_REF, context)
        uhi_max = self.parameterAsDouble(parameters, self.UHI_MAX, context)
        d_cool = self.parameterAsDouble(parameters, self.COOLING_DISTANCE, context)
        radius = self.parameterAsDouble(parameters, self.AVERAGE_RADIUS, context)
        feedback.pushInfo(self.tr("Biophysical table: {path}.").format(path=table_path))

        layer, dataset, cell = self._open_lulc(parameters, context, feedback)
        units = self.polygon_source(parameters, self.UNITS, context)
        pop_idx = self.field_index(parameters, self.POPULATION_FIELD, units, context)
        old_idx = self.field_index(parameters, self.ELDERLY_FIELD, units, context)
        kid_idx = self.field_index(parameters, self.CHILDREN_FIELD, units, context)
        if pop_idx < 0 and (old_idx >= 0 or kid_idx >= 0):
            raise QgsProcessingException(self.tr(
                "Heat risk needs the population field as well as the elderly or children field: choose it."))

        band = dataset.GetRasterBand(1)
        codes = band.ReadAsArray()
        valid = np.ones(codes.shape, dtype=bool)
        if codes.dtype.kind == "f":
            valid &= np.isfinite(codes)
        nodata = band.GetNoDataValue()
        if nodata is not None and not np.isnan(nodata):
            valid &= codes != nodata
        rows, unknown = cooling.class_rows(codes, valid, table)
        if unknown:
            listed = sorted(unknown, key=lambda c: -unknown[c])
            feedback.pushWarning(self.tr(
                "{n} cells have land-cover codes the biophysical table does not list ({codes}); they are "
                "treated as nodata. Add these codes to the table.").format(
                    n=sum(unknown.values()), codes=_listed(listed)))
        valid &= rows >= 0
        et0 = self._et0(parameters, context, dataset, valid, feedback)
        if not isinstance(et0, float):
            valid &= np.isfinite(et0)
        if not valid.any():
            raise QgsProcessingException(self.tr(
                "“{layer}” has no cell with a land-cover code of the biophysical table (and an ET0 value).")
                .format(layer=layer.name()))
        used = np.unique(rows[valid])
        unverified = table.unverified(used)
        if unverified:
            feedback.pushWarning(self.tr(
                "Unverified biophysical values were used for: {classes}. Calibrate them with local data.")
                .format(classes=", ".join(unverified)))
        feedback.setProgress(10)

        safe_rows = np.where(valid, rows, 0)
        eti = cooling.evapotranspiration_index(table.kc[safe_rows], et0, valid)
        cc = np.where(valid, cooling.cooling_capacity(table.shade[safe_rows], table.albedo[safe_rows], eti,
                                                      weights), np.nan)
        del eti
        if feedback.isCanceled():
            return {}
        mitigation = cooling.heat_mitigation(cc, table.green[safe_rows], valid, cell, d_cool)
        hm = mitigation.pop("hm")
        del mitigation
        feedback.setProgress(45)
        if feedback.isCanceled():
            return {}
        _, t_air = cooling.air_temperature(hm, valid, t_ref, uhi_max, cell, radius)
        feedback.setProgress(75)
        feedback.pushInfo(self.tr(
            "Cell size {c:g} m: cooling distance {d} cells, mixing radius {r} cells.").format(
                c=cell, d=cooling.cells(d_cool, cell),
                r=cooling.cells(radius, cell) if radius >= cell / 2 else 0))

        dest_id, stats = self._write_units(parameters, context, feedback, units, layer, dataset, valid,
                                           cc, hm, t_air, t_ref, uhi_max, (pop_idx, old_idx, kid_idx))
        results = {self.OUTPUT: dest_id, self.T_AIR_MEAN: float(np.nanmean(t_air[valid])),
                   self.HM_MEAN: float(np.nanmean(hm[valid]))}
        for name, raster in ((self.OUTPUT_HM_RASTER, hm), (self.OUTPUT_TAIR_RASTER, t_air)):
            path = self._raster_destination(parameters, name, context)
            if path:
                self._write_raster(path, dataset, raster)
                results[name] = path
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
        layer = self.parameterAsRasterLayer(parameters, self.LULC_RASTER, context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(self.invalidRasterError(parameters, self.LULC_RASTER))
        if layer.providerType() != "gdal":
            raise QgsProcessingException(self.tr(
                "“{layer}” is not a raster file GDAL can read (provider {provider}). Save it as a GeoTIFF "
                "and run again.").format(layer=layer.name(), provider=layer.providerType()))
        crs = layer.crs()
        if crs.isValid() and core_crs.needs_projected_measure(crs.isGeographic(), crs.authid()):
            raise QgsProcessingException(self.tr(
                "“{layer}” is in {crs}, where cells have no fixed size in metres, but cooling distances are "
                "in metres. Reproject it to a projected CRS in metres (Raster ▸ Projections ▸ Warp), e.g. the "
                "local CGCS2000 Gauss-Krüger zone, and run again.").format(layer=layer.name(), crs=crs.authid()))
        dataset = gdal.Open(layer.source())
        if dataset is None:
            raise QgsProcessingException(self.tr("GDAL cannot open “{layer}” ({source}).").format(
                layer=layer.name(), source=layer.source()))
        g = dataset.GetGeoTransform()
        to_m = 1.0
        if crs.isValid():
            to_m = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), QgsUnitTypes.DistanceMeters)
        else:
            feedback.pushWarning(self.tr("“{layer}” has no CRS: its cell size is taken as metres.")
                                 .format(layer=layer.name()))
        if g[2] != 0 or g[4] != 0 or not np.isclose(abs(g[1]), abs(g[5]), rtol=1e-6):
            raise QgsProcessingException(self.tr(
                "“{layer}” has cells of {x:g} × {y:g} (or a rotated grid); the cooling kernels need square, "
                "north-up cells. Warp it to square cells (Raster ▸ Projections ▸ Warp) and run again.").format(
                    layer=layer.name(), x=abs(g[1]), y=abs(g[5])))
        return layer, dataset, abs(g[1]) * to_m

    def _et0(self, parameters, context, dataset, valid, feedback):
        """ET0 as one float, or an array on the land-cover grid (NaN where missing or negative)."""
        if parameters.get(self.ET0_RASTER) in (None, ""):
            value = self.parameterAsDouble(parameters, self.ET0, context)
            feedback.pushInfo(self.tr("ET0 {v:g} mm everywhere: ETI = kc.").format(v=value))
            return float(value)
        layer = self.parameterAsRasterLayer(parameters, self.ET0_RASTER, context)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(self.invalidRasterError(parameters, self.ET0_RASTER))
        g = dataset.GetGeoTransform()
        width, height = dataset.RasterXSize, dataset.RasterYSize
        bounds = (g[0], g[3] + height * g[5], g[0] + width * g[1], g[3])
        warped = gdal.Warp("", layer.source(), format="MEM", outputBounds=bounds, width=width, height=height,
                           dstSRS=dataset.GetProjection() or None, resampleAlg="bilinear",
                           outputType=gdal.GDT_Float64, dstNodata=float("nan"))
        if warped is None:
            raise QgsProcessingException(self.tr("GDAL cannot read “{layer}”.").format(layer=layer.name()))
        values = warped.GetRasterBand(1).ReadAsArray().astype(float)
        values[~(values >= 0)] = np.nan
        missing = int((valid & ~np.isfinite(values)).sum())
        if missing:
            feedback.pushWarning(self.tr(
                "{n} land-cover cells have no ET0 value (outside the ET0 raster or nodata); they are treated "
                "as nodata.").format(n=missing))
        feedback.pushInfo(self.tr("ET0 from “{layer}”, resampled onto the land-cover grid.").format(
            layer=layer.name()))
        return values

    # ---- outputs --------------------------------------------------------------------------
    def _write_units(self, parameters, context, feedback, units, layer, dataset, valid, cc, hm, t_air,
                     t_ref, uhi_max, field_indices):
        request = QgsFeatureRequest()
        crs = layer.crs()
        if crs.isValid() and units.sourceCrs() != crs:
            request.setDestinationCrs(crs, context.transformContext())
            feedback.pushInfo(self.tr("The planning units are reprojected from {a} to the raster's CRS {b}; the "
                                      "output is in {b}.").format(a=units.sourceCrs().authid(), b=crs.authid()))
        pop_idx, old_idx, kid_idx = field_indices
        numeric = [i for i in field_indices if i >= 0]
        chunk = next(self.read_chunks(units, feedback, numeric=numeric, request=request, whole=True))
        n_units = len(chunk.features)
        zone = self._burn(chunk.geometry, dataset)
        stats = cooling.zonal_statistics(zone, valid, n_units, cc=cc, hm=hm, t_air=t_air)
        if not (stats["cells"] > 0).any():
            raise QgsProcessingException(self.tr(
                "No planning unit overlaps a land-cover cell with data: check that the units and “{layer}” "
                "cover the same place (and their CRS).").format(layer=layer.name()))
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
        fields, positions = self.output_fields(units.fields(), [(n, "double") for n in self.FIELDS], feedback)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, units.wkbType(),
                                             crs if crs.isValid() else units.sourceCrs())
        columns = [stats["cc_mean"], stats["hm_mean"], stats["t_air_mean"], stats["t_air_max"], risk]
        self.write_chunk(sink, chunk, units.fields().count(), positions, columns, parameters, self.OUTPUT)
        return dest_id, stats

    @staticmethod
    def _burn(geometries, dataset):
        """Index of the unit containing each cell's centre (-1 outside); the first unit wins on overlaps."""
        driver = ogr.GetDriverByName("Memory")
        store = driver.CreateDataSource("units")
        layer = store.CreateLayer("units", srs=dataset.GetSpatialRef(), geom_type=ogr.wkbUnknown)
        layer.CreateField(ogr.FieldDefn("zid", ogr.OFTInteger))
        present = ~shapely.is_missing(geometries)
        ids = np.flatnonzero(present)
        wkbs = shapely.to_wkb(geometries[present])
        for zid, wkb in zip(ids[::-1].tolist(), wkbs[::-1].tolist()):   # burnt last to first
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("zid", zid)
            feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
            layer.CreateFeature(feature)
        grid = gdal.GetDriverByName("MEM").Create("", dataset.RasterXSize, dataset.RasterYSize, 1, gdal.GDT_Int32)
        grid.SetGeoTransform(dataset.GetGeoTransform())
        band = grid.GetRasterBand(1)
        band.Fill(-1)
        gdal.RasterizeLayer(grid, [1], layer, options=["ATTRIBUTE=zid"])
        return band.ReadAsArray()

    def _raster_destination(self, parameters, name, context):
        if parameters.get(name) in (None, ""):
            return ""
        return self.parameterAsOutputLayer(parameters, name, context)

    def _write_raster(self, path, dataset, values):
        driver = gdal.GetDriverByName("GTiff")
        out = driver.Create(path, dataset.RasterXSize, dataset.RasterYSize, 1, gdal.GDT_Float32,
                            options=["COMPRESS=DEFLATE", "TILED=YES"])
        if out is None:
            raise QgsProcessingException(self.tr("Cannot write the raster {path}.").format(path=path))
        out.SetGeoTransform(dataset.GetGeoTransform())
        out.SetProjection(dataset.GetProjection())
        band = out.GetRasterBand(1)
        band.SetNoDataValue(NODATA_OUT)
        band.WriteArray(np.where(np.isfinite(values), values, NODATA_OUT).astype(np.float32))
        out.FlushCache()
        out = None


def _listed(values):
    values = [str(v) for v in values]
    return ", ".join(values[:MAX_LISTED]) + (", …" if len(values) > MAX_LISTED else "")
