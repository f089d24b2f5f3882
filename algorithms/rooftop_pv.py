"""lcr:rooftop_pv: annual rooftop solar PV yield of buildings and the grid CO2 it avoids."""
import numpy as np
import shapely
from osgeo import gdal
from qgis.core import (
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ..core import solar
from .base import LcrAlgorithm, factor_names
from .writing import WKB_DIMENSION
from .outputs import inputs_left_alone

FIELDS = [("roof_m2", "double"), ("irr_kwh_m2", "double"), ("pv_kwh_yr", "double"), ("pv_co2_t", "double")]
SHARE_FIELD = [("pv_share", "double"), ("pv_export_kwh", "double")]
# Sampled values above this look like Wh/m² or MJ/m² rather than kWh/m² a year (the sunniest
# places on Earth receive about 2 500 kWh/m² a year).
IRRADIATION_SUSPECT = 3000.0


# The roof type field of lcr:prepare_osm's buildings, the plan-check models' default.
DEFAULT_ROOF_FIELD = "roof_type"

class RooftopPv(LcrAlgorithm):
    ALG_ID = "rooftop_pv"
    GROUP_ID = "low_carbon"
    STYLE = "rooftop_pv"

    INPUT = "INPUT"
    ROOF_TYPE_FIELD = "ROOF_TYPE_FIELD"
    ROOF_TABLE = "ROOF_TABLE"
    IRRADIATION = "IRRADIATION"
    IRRADIATION_RASTER = "IRRADIATION_RASTER"
    EFFICIENCY = "EFFICIENCY"
    PERFORMANCE_RATIO = "PERFORMANCE_RATIO"
    DEMAND_FIELD = "DEMAND_FIELD"
    EXPORT_CREDIT = "EXPORT_CREDIT"
    OUTPUT = "OUTPUT"
    TOTAL_PV_KWH = "TOTAL_PV_KWH"
    TOTAL_PV_CO2_T = "TOTAL_PV_CO2_T"
    TOTAL_EXPORT_KWH = "TOTAL_EXPORT_KWH"

    def displayName(self):  # noqa: N802
        return self.tr("Rooftop solar PV potential")

    def help_text(self):
        return self.tr(
            "Estimates how much electricity PV modules on each building's roof could produce in a year, "
            "and the grid CO2 that electricity would avoid.\n\n"
            "Usable roof area = footprint area × usable share of the roof type. "
            "Yield E (kWh/a) = usable roof area × H × η × PR, with H the annual irradiation on the "
            "module plane (kWh/m²·a), η the module efficiency and PR the performance ratio. "
            "Avoided CO2 (t/a) = credited E × grid factor / 1000. With a demand field, PV offsets at most the "
            "building's own demand: the yield beyond it is export (pv_export_kwh), credited only when you "
            "say the grid takes it; pv_share = min(E, demand) / demand. Without a demand field the whole "
            "yield is credited (the log warns).\n\n"
            "The shipped roof table (resources/factors/pv_defaults.csv) gives usable shares for flat, "
            "pitched, green and industrial_metal roofs and a “default” row for the rest; its values "
            "are planning defaults within the 0.3–0.7 range, not survey data, and are marked unverified. "
            "The default irradiation, 1300 kWh/m²·a, is an UNVERIFIED planning value for the Yangtze "
            "River Delta (Shanghai, Jiaxing): it lies in the 1050–1400 kWh/m²·a band of China's solar "
            "resource grading (GB/T 31155-2014, recalled, not checked) and was not read from a primary "
            "data set. Give an irradiation raster (e.g. from UMEP SEBE or PVGIS) or a local value where you "
            "can. The efficiency (0.20) and performance ratio (0.80) defaults are typical values, "
            "also unverified. The run log warns whenever unverified values are used.\n\n"
            "Areas are true areas: a layer in a geographic CRS or Web Mercator is measured in the UTM "
            "zone of its centre. A raster is sampled at a point inside each footprint; buildings "
            "outside it or on nodata take the irradiation number.\n\n"
            "Output fields: roof_m2 (usable roof, m²), irr_kwh_m2 (H used, kWh/m²·a), pv_kwh_yr "
            "(kWh/a), pv_co2_t (avoided t CO2/a) and, with a demand field, pv_share (share of the demand "
            "met, 0–1) and pv_export_kwh (yield beyond the demand, kWh/a).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Buildings"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("Building footprints (polygons)."))
        self.add_parameter(QgsProcessingParameterField(
            self.ROOF_TYPE_FIELD, self.tr("Roof type field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Roof type matched to the roof table (e.g. flat, pitched, green, industrial_metal, "
                    "平屋顶). Without it every building takes the “default” row."))
        self.add_parameter(QgsProcessingParameterFile(
            self.ROOF_TABLE, self.tr("Roof table (CSV)"), extension="csv", optional=True),
            self.tr("CSV with columns roof_type, usable_share (0–1) and optionally aliases separated by |, "
                    "source, year, verified. Replaces the shipped table; it needs a row named “default”."),
            advanced=True)
        self.add_parameter(QgsProcessingParameterNumber(
            self.IRRADIATION, self.tr("Annual irradiation on the modules (kWh/m²·a)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=solar.DEFAULT_IRRADIATION, minValue=0),
            self.tr("Solar energy reaching the module plane in a year. Default 1300: an unverified "
                    "planning value for the Yangtze River Delta. Used for every building, or where the "
                    "raster has no value."))
        self.add_parameter(QgsProcessingParameterRasterLayer(
            self.IRRADIATION_RASTER, self.tr("Irradiation raster (kWh/m²·a)"), optional=True),
            self.tr("Optional raster of annual irradiation in kWh/m² (band 1), e.g. UMEP SEBE output, "
                    "read with GDAL at a point inside each footprint. Nodata and buildings outside it "
                    "take the number above. It may be in another CRS."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.EFFICIENCY, self.tr("Module efficiency"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=solar.DEFAULT_EFFICIENCY, minValue=0.01, maxValue=1),
            self.tr("Share of the sunlight a module turns into electricity at standard test conditions "
                    "(0.20 = 20 %; typical crystalline silicon 0.18–0.22)."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.PERFORMANCE_RATIO, self.tr("Performance ratio"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=solar.DEFAULT_PERFORMANCE_RATIO, minValue=0.01, maxValue=1),
            self.tr("Share of the module's rated output a real system delivers after inverter, wiring, "
                    "soiling, heat and shading losses (typical 0.75–0.85)."), advanced=True)
        self.add_grid_parameters()
        self.add_parameter(QgsProcessingParameterField(
            self.DEMAND_FIELD, self.tr("Electricity demand field (kWh/a)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Annual energy demand of each building, e.g. energy_kwh from “Building operational "
                    "emissions”. PV offsets at most this demand; adds pv_share = min(yield, demand) / "
                    "demand (empty where demand is missing or 0) and pv_export_kwh."))
        self.add_parameter(QgsProcessingParameterBoolean(
            self.EXPORT_CREDIT, self.tr("Credit PV exported to the grid"), defaultValue=False),
            self.tr("Off: only the yield a building uses itself avoids CO2. On: the surplus it feeds into "
                    "the grid avoids CO2 too; choose this only where the grid takes the export (a grid "
                    "connection agreement or a local rule that counts it)."), advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Rooftop PV")),
                           self.tr("The buildings with roof_m2, irr_kwh_m2, pv_kwh_yr, pv_co2_t (and "
                                   "pv_share) added."))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_PV_KWH, self.tr("Total PV yield (kWh/a)")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_PV_CO2_T, self.tr("Total avoided CO2 (t/a)")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_EXPORT_KWH, self.tr("Total PV beyond demand (kWh/a)")))

    def error_messages(self):
        return {
            "roof_table_no_default": self.tr(
                "The roof table {path} needs a row named “default” for roof types it does not list."),
            "pv_efficiency_range": self.tr("The module efficiency must lie between 0 and 1; it is {value}."),
            "pv_performance_ratio_range": self.tr(
                "The performance ratio must lie between 0 and 1; it is {value}."),
            "pv_irradiation_negative": self.tr("The irradiation cannot be negative; it is {value}."),
        }

    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        roof_name = self.parameterAsString(parameters, self.ROOF_TYPE_FIELD, context)
        if roof_name == DEFAULT_ROOF_FIELD and source.fields().lookupField(roof_name) < 0:
            roof_idx = -1   # the plan-check models' default, which survey data rarely have: taken as not given
        else:
            roof_idx = self.field_index(parameters, self.ROOF_TYPE_FIELD, source, context, numeric=False)
        demand_idx = self.field_index(parameters, self.DEMAND_FIELD, source, context)
        irradiation = self.parameterAsDouble(parameters, self.IRRADIATION, context)
        efficiency = self.parameterAsDouble(parameters, self.EFFICIENCY, context)
        ratio = self.parameterAsDouble(parameters, self.PERFORMANCE_RATIO, context)
        solar.check_pv_parameters(efficiency, ratio, irradiation)
        table_path = (self.parameterAsFile(parameters, self.ROOF_TABLE, context)
                      or self.factor_table("pv_defaults.csv", feedback))
        table = solar.read_roof_table(table_path)
        raster = self._open_raster(parameters, context)
        grid = self.grid_factor(parameters, context, feedback)
        export_credit = self.parameterAsBoolean(parameters, self.EXPORT_CREDIT, context)

        new_fields = FIELDS + (SHARE_FIELD if demand_idx >= 0 else [])
        fields, positions = self.output_fields(source.fields(), new_fields, feedback)
        self.writes_every_feature(self.OUTPUT, source)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         source.wkbType(), source.sourceCrs())
        transform, to_m2 = self.area_measure(source, context, feedback)
        calc_crs = transform.destinationCrs() if transform is not None else source.sourceCrs()
        to_raster = self._raster_transform(raster, calc_crs, context, feedback)

        totals = {"kwh": 0.0, "co2": 0.0, "count": 0, "repaired": 0, "no_type": 0,
                  "raster_miss": 0, "raster_max": 0.0, "no_demand": 0, "export": 0.0, "exporters": 0}
        unknown, used_rows = {}, set()
        numeric = [demand_idx] if demand_idx >= 0 else []
        text = [roof_idx] if roof_idx >= 0 else []
        for chunk in self.read_chunks(source, feedback, numeric, text, transform=transform):
            missing = shapely.is_missing(chunk.geometry) | shapely.is_empty(chunk.geometry)
            footprint = np.where(missing, np.nan, shapely.area(chunk.geometry) * to_m2)
            roof_types = chunk.values.get(roof_idx, [None] * len(chunk.features))
            share, rows, chunk_unknown = solar.match_roof_types(roof_types, table)
            h = np.full(len(chunk.features), irradiation)
            if raster is not None:
                sampled = self._sample(raster, to_raster, chunk.geometry, missing)
                have = ~np.isnan(sampled) & (sampled >= 0)
                h[have] = sampled[have]
                totals["raster_miss"] += int((~have & ~missing).sum())
                if have.any():
                    totals["raster_max"] = max(totals["raster_max"], float(sampled[have].max()))
            h[missing] = np.nan
            roof, energy = solar.pv_yield(footprint, share, h, efficiency, ratio)
            credited, export = energy, None
            if demand_idx >= 0:
                _, export, credited = solar.self_consumption(energy, chunk.values[demand_idx], export_credit)
            co2 = solar.avoided_co2_t(credited, grid)
            columns = [roof, h, energy, co2]
            if demand_idx >= 0:
                pv_share = solar.demand_share(energy, chunk.values[demand_idx])
                totals["no_demand"] += int((np.isnan(pv_share) & ~missing).sum())
                totals["export"] += float(np.nansum(export))
                totals["exporters"] += int((export > 0).sum())
                columns += [pv_share, export]
            self.write_chunk(sink, chunk, source.fields().count(), positions, columns, parameters, self.OUTPUT)
            for name, n in chunk_unknown.items():
                unknown[name] = unknown.get(name, 0) + n
            used_rows.update(rows.tolist())
            totals["no_type"] += sum(1 for t in roof_types if t is None or not str(t).strip())
            totals["kwh"] += float(np.nansum(energy))
            totals["co2"] += float(np.nansum(co2))
            totals["count"] += len(chunk.features)
            totals["repaired"] += chunk.repaired
            self.check_canceled(feedback)

        self._report(feedback, totals, unknown, table, used_rows, table_path, roof_idx, raster,
                     irradiation, efficiency, ratio, grid)
        self.style_output(context, dest_id, self.tr(
            "Rooftop PV potential: footprint × usable share × {h} kWh/m²·a (or the raster) × η {eta} × "
            "PR {pr}; avoided CO2 at {grid} kgCO2/kWh. Roof table {path}. Made by the Low-Carbon & "
            "Resilience Planning Toolkit.").format(h=irradiation, eta=efficiency, pr=ratio, grid=grid,
                                                  path=table_path))
        if demand_idx < 0:
            feedback.pushWarning(self.tr("No demand field: the whole PV yield is credited as avoided CO2, even "
                                         "where a building would produce more than it uses."))
        elif totals["exporters"]:
            feedback.pushInfo((self.tr(
                "{n} buildings produce more than their demand: {kwh:,.0f} kWh a year go to the grid and are "
                "credited as avoided CO2 (you said the grid takes them).") if export_credit else self.tr(
                "{n} buildings produce more than their demand: {kwh:,.0f} kWh a year beyond it are not "
                "credited as avoided CO2 (pv_export_kwh).")).format(n=totals["exporters"], kwh=totals["export"]))
        return {self.OUTPUT: dest_id, self.TOTAL_PV_KWH: totals["kwh"], self.TOTAL_PV_CO2_T: totals["co2"],
                self.TOTAL_EXPORT_KWH: totals["export"] if demand_idx >= 0 else None}

    # ---- irradiation raster -----------------------------------------------------------------
    def _open_raster(self, parameters, context):
        """(layer, GDAL dataset, band) of the irradiation raster, or None when none is given."""
        if parameters.get(self.IRRADIATION_RASTER) in (None, ""):
            return None
        layer = self.parameterAsRasterLayer(parameters, self.IRRADIATION_RASTER, context)
        if layer is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, self.IRRADIATION_RASTER))
        with inputs_left_alone():
            dataset = gdal.Open(layer.source()) if layer.providerType() == "gdal" else None
        if dataset is None:
            raise QgsProcessingException(self.tr(
                "The irradiation raster “{layer}” cannot be read with GDAL; save it as a GeoTIFF first.")
                .format(layer=layer.name()))
        return layer, dataset, dataset.GetRasterBand(1)

    def _raster_transform(self, raster, calc_crs, context, feedback):
        """Transform from the geometry CRS of the calculation to the raster's, or None if the same."""
        if raster is None:
            return None
        layer = raster[0]
        if not layer.crs().isValid() or not calc_crs.isValid():
            feedback.pushWarning(self.tr(
                "The irradiation raster or the buildings have no CRS: both are taken to be in the same one."))
            return None
        if layer.crs() == calc_crs:
            return None
        feedback.pushInfo(self.tr("Building points are reprojected from {a} to the raster's {b} for sampling.")
                          .format(a=calc_crs.authid(), b=layer.crs().authid()))
        return QgsCoordinateTransform(calc_crs, layer.crs(), context.transformContext())

    def _sample(self, raster, transform, geometry, missing):
        """Irradiation (kWh/m²·a) at a point inside each footprint; NaN outside the raster or on nodata."""
        _, dataset, band = raster
        values = np.full(len(geometry), np.nan)
        present = np.flatnonzero(~missing)
        if present.size == 0:
            return values
        points = shapely.point_on_surface(geometry[present])
        if transform is not None:
            multipoint = QgsGeometry()
            multipoint.fromWkb(shapely.to_wkb(shapely.multipoints(points), output_dimension=WKB_DIMENSION))
            try:
                multipoint.transform(transform)
            except QgsCsException as err:
                raise QgsProcessingException(self.tr(
                    "Cannot reproject the buildings to the irradiation raster's CRS: {error}").format(
                        error=str(err))) from None
            points = shapely.get_parts(shapely.from_wkb(bytes(multipoint.asWkb())))
        xy = shapely.get_coordinates(points)
        nodata = band.GetNoDataValue()
        values[present] = solar.sample_raster(
            xy[:, 0], xy[:, 1], dataset.GetGeoTransform(), dataset.RasterXSize, dataset.RasterYSize,
            lambda xoff, yoff, xsize, ysize: band.ReadAsArray(xoff, yoff, xsize, ysize), nodata)
        return values

    # ---- log --------------------------------------------------------------------------------
    def _report(self, feedback, totals, unknown, table, used_rows, table_path, roof_idx, raster,
                irradiation, efficiency, ratio, grid):
        if roof_idx < 0:
            feedback.pushWarning(self.tr("No roof type field: every building takes the “default” usable share."))
        if unknown:
            listed = ", ".join(f"{name} ({n})" for name, n in sorted(unknown.items(), key=lambda i: -i[1])[:10])
            feedback.pushWarning(self.tr(
                "{n} buildings have a roof type the table does not list and took the “default” row: {types}.")
                .format(n=sum(unknown.values()), types=listed))
        if roof_idx >= 0 and totals["no_type"]:
            feedback.pushWarning(self.tr("{n} buildings have no roof type and took the “default” row.")
                                 .format(n=totals["no_type"]))
        if totals["repaired"]:
            feedback.pushWarning(self.tr("{n} invalid geometries were repaired for measuring; the output "
                                         "keeps them as they were.").format(n=totals["repaired"]))
        if raster is not None:
            if totals["raster_miss"]:
                feedback.pushWarning(self.tr(
                    "{n} buildings lie outside the irradiation raster or on nodata and took {h} kWh/m²·a.")
                    .format(n=totals["raster_miss"], h=irradiation))
            if totals["raster_max"] > IRRADIATION_SUSPECT:
                feedback.pushWarning(self.tr(
                    "The irradiation raster holds values up to {v}: it should be in kWh/m² a year "
                    "(about 900–2500). Check its unit.").format(v=round(totals["raster_max"], 1)))
        if totals["no_demand"]:
            feedback.pushInfo(self.tr("{n} buildings have no demand above 0: their pv_share stays empty.")
                              .format(n=totals["no_demand"]))
        unverified = [table["roof_type"].iloc[r] for r in sorted(used_rows)
                      if str(table["verified"].iloc[r] if "verified" in table.columns else "").strip().lower() != "yes"]
        if unverified:
            feedback.pushWarning(self.tr("Unverified usable roof shares were used for: {types}. Check them "
                                         "against a local roof survey.").format(
                types=", ".join(factor_names(unverified, "pv_defaults.csv", "roof_type"))))
        defaults = []
        if (raster is None or totals["raster_miss"]) and irradiation == solar.DEFAULT_IRRADIATION:
            defaults.append(self.tr("irradiation {v} kWh/m²·a").format(v=irradiation))
        if efficiency == solar.DEFAULT_EFFICIENCY:
            defaults.append(self.tr("module efficiency {v}").format(v=efficiency))
        if ratio == solar.DEFAULT_PERFORMANCE_RATIO:
            defaults.append(self.tr("performance ratio {v}").format(v=ratio))
        if defaults:
            feedback.pushWarning(self.tr("Unverified planning defaults were used: {values}.")
                                 .format(values=", ".join(defaults)))
        feedback.pushInfo(self.tr("Roof table: {path}. η {eta}, PR {pr}, grid factor {grid} kgCO2/kWh.")
                          .format(path=table_path, eta=efficiency, pr=ratio, grid=grid))
        feedback.pushInfo(self.tr("{n} buildings: {kwh:,.0f} kWh of PV a year, avoiding {co2:,.1f} t CO2.")
                          .format(n=totals["count"], kwh=totals["kwh"], co2=totals["co2"]))
