"""lcr:stormwater_runoff: design-storm runoff of polygons by the SCS Curve Number method (TR-55)."""
import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ..core import runoff
from .raster import open_raster, summary_zones, valid_pixels
from .runoff_glue import CurveNumberAlgorithm

NEW_FIELDS = [("cn", "double"), ("runoff_mm", "double"), ("runoff_m3", "double"), ("retained_m3", "double"),
              ("retention", "double")]
RASTER_FIELDS = ["area_ha", "cn", "runoff_mm", "runoff_m3", "retained_m3", "retention"]   # per zone
MAX_LISTED = 12   # unknown class values named in the log before "…"


class StormwaterRunoff(CurveNumberAlgorithm):
    ALG_ID = "stormwater_runoff"
    GROUP_ID = "resilience"
    STYLE = "stormwater_runoff"

    INPUT = "INPUT"
    CLASS_FIELD = "CLASS_FIELD"
    RAINFALL_MM = "RAINFALL_MM"
    LULC_RASTER = "LULC_RASTER"
    SOIL_RASTER = "SOIL_RASTER"
    ZONES = "ZONES"
    OUTPUT = "OUTPUT"
    TOTAL_RUNOFF_M3 = "TOTAL_RUNOFF_M3"
    TOTAL_RETAINED_M3 = "TOTAL_RETAINED_M3"
    MEAN_RETENTION = "MEAN_RETENTION"

    def displayName(self):  # noqa: N802
        return self.tr("Stormwater runoff (SCS curve number)")

    def help_text(self):
        return self.tr(
            "Estimates how much of a design storm runs off each polygon and how much the ground retains, "
            "with the SCS Curve Number method (USDA NRCS TR-55, 1986), as InVEST Urban Flood Risk "
            "Mitigation does on rasters.\n\n"
            "Each polygon takes a curve number CN from its land-cover class and hydrologic soil group "
            "(A–D). S = 25400/CN − 254 (mm; CN 0 gives S = 100000 mm as in InVEST). Runoff "
            "Q = (P − λS)² / (P + (1 − λ)S) where P > λS, else 0 (mm), with P the storm depth and λ the "
            "initial abstraction ratio (0.2 in TR-55; the tabulated CNs assume 0.2). Runoff volume = "
            "Q × area × 0.001 (m³); retained volume = (P − Q) × area × 0.001 (m³); retention index = "
            "1 − Q/P. Areas are true areas. Event runoff only: no routing, no flood depth.\n\n"
            "The shipped table (resources/factors/curve_numbers.csv) holds TR-55 curve numbers keyed to "
            "the demo district's codes (1 built_up … 7 bare); mapping local classes to TR-55 covers is a "
            "planning assumption to calibrate locally. An InVEST table (lucode, cn_a, cn_b, cn_c, cn_d) "
            "works unchanged. Polygons with an unknown class or soil group are counted in the log and "
            "their results stay empty (NULL).\n\n"
            "Output fields: cn, runoff_mm (mm), runoff_m3 (m³), retained_m3 (m³), retention (0–1).") \
            + "\n\n" + self.tr(
            "Rasters: instead of polygons, give a land-cover raster of integer codes in a projected CRS "
            "and, optionally, a hydrologic soil group raster (1–4 = A–D) on the same grid (same CRS, size "
            "and pixels); without it the default soil group applies. Each pixel gets its CN, Q (mm), "
            "runoff Q × pixel area × 0.001 (m³) and retained (P − Q) × pixel area × 0.001 (m³, InVEST's "
            "R_m3). They are summed per zone polygon (watersheds, planning units; a pixel belongs to the "
            "zone containing its centre, the first zone where zones overlap), or over the whole raster "
            "without zones. Nodata pixels are left out; codes the table lacks, soil values outside 1–4 and "
            "soil nodata are counted in the log and left out.\n"
            "Zone fields: area_ha (ha of counted pixels), cn (area-weighted mean), runoff_mm "
            "(runoff_m3 / area × 1000), runoff_m3, retained_m3 (m³), retention (retained / (P × area), "
            "0–1).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Parcels or land-cover polygons"), [QgsProcessing.TypeVectorPolygon],
            optional=True),
            self.tr("Polygons (parcels or land cover) with a land-cover class."))
        self.add_parameter(QgsProcessingParameterField(
            self.CLASS_FIELD, self.tr("Class field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.Any, optional=True),
            self.tr("Land-cover class of each polygon: an integer code (matched to the table's lucode) or a "
                    "name (matched to class, ignoring case)."))
        self.add_soil_field_parameter(self.INPUT, self.tr(
            "Hydrologic soil group of each polygon: A, B, C, D or 1–4. Other values are counted in the log and "
            "give empty results. Empty: the default soil group everywhere."))
        self.add_parameter(QgsProcessingParameterRasterLayer(
            self.LULC_RASTER, self.tr("Land-cover raster"), optional=True),
            self.tr("Instead of polygons: a land-cover raster of integer codes (band 1) in a projected CRS "
                    "in metres. Codes are matched to the table's lucode."))
        self.add_parameter(QgsProcessingParameterRasterLayer(
            self.SOIL_RASTER, self.tr("Hydrologic soil group raster"), optional=True),
            self.tr("With a land-cover raster: hydrologic soil group per pixel, 1–4 for A–D, on the same "
                    "grid (CRS, size, pixels). Other values are counted in the log and left out. Empty: the "
                    "default soil group everywhere."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.ZONES, self.tr("Zones for raster totals"), [QgsProcessing.TypeVectorPolygon], optional=True),
            self.tr("Polygons (watersheds, planning units) to sum the raster's runoff in. Reprojected to the "
                    "raster's CRS if needed. Without zones the output is one polygon: the raster's extent."))
        self.add_default_soil_parameter()
        self.add_parameter(QgsProcessingParameterNumber(
            self.RAINFALL_MM, self.tr("Design storm depth (mm)"), QgsProcessingParameterNumber.Double,
            defaultValue=100, minValue=0.001),
            self.tr("Total rainfall depth of the design storm event, in millimetres."))
        self.add_curve_parameters()
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Stormwater runoff"), QgsProcessing.TypeVectorPolygon),
            self.tr("The polygons with cn, runoff_mm, runoff_m3, retained_m3 and retention added.") + " " + self.tr(
                "With a land-cover raster: the zones with area_ha, cn, runoff_mm, runoff_m3, retained_m3 and "
                "retention."))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_RUNOFF_M3, self.tr("Total runoff (m³)")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_RETAINED_M3, self.tr("Total retained (m³)")))
        self.addOutput(QgsProcessingOutputNumber(
            self.MEAN_RETENTION, self.tr("Area-weighted mean retention index (0–1)")))

    def compute(self, parameters, context, feedback):
        has_polygons = parameters.get(self.INPUT) not in (None, "")
        has_raster = parameters.get(self.LULC_RASTER) not in (None, "")
        if has_polygons == has_raster:
            raise QgsProcessingException(self.tr(
                "Give either polygons or a land-cover raster (exactly one of the two)."))
        if has_raster:
            return self._rasters(parameters, context, feedback)
        for name in (self.SOIL_RASTER, self.ZONES):
            if parameters.get(name) not in (None, ""):
                feedback.pushWarning(self.tr("{parameter} is used only with a land-cover raster; it is ignored.")
                                     .format(parameter=self.parameterDefinition(name).description()))
        source = self.polygon_source(parameters, self.INPUT, context)
        class_idx = self.field_index(parameters, self.CLASS_FIELD, source, context, numeric=False)
        if class_idx < 0:
            raise QgsProcessingException(self.tr("Choose the class field of “{layer}”.")
                                         .format(layer=source.sourceName()))
        soil_idx = self.field_index(parameters, self.SOIL_FIELD, source, context, numeric=False)
        p_mm = self.parameterAsDouble(parameters, self.RAINFALL_MM, context)
        table, table_path, lam = self.curve_table(parameters, context, feedback, p_mm)
        default_soil = self.default_soil(parameters, context, feedback, soil_idx)
        numeric, text = self.read_indices(source, class_idx, soil_idx)
        fields, positions = self.output_fields(source.fields(), NEW_FIELDS, feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         source.wkbType(), source.sourceCrs())
        transform, to_m2 = self.area_measure(source, context, feedback)
        totals = {"runoff": 0.0, "retained": 0.0, "area": 0.0, "ret_area": 0.0}
        counts = {"unknown": 0, "unknown_values": set(), "null_class": 0, "bad_soil": 0, "bad_soil_values": set(),
                  "null_soil": 0, "repaired": 0, "count": 0}
        used_rows = []
        for chunk in self.read_chunks(source, feedback, numeric, text, transform=transform):
            area_m2 = shapely.area(chunk.geometry) * to_m2
            rows, soil, cn = self.polygon_cn(chunk, class_idx, soil_idx, default_soil, table)
            columns = runoff.polygon_runoff(cn, area_m2, p_mm, lam)
            self.write_chunk(sink, chunk, source.fields().count(), positions, [columns[n] for n, _ in NEW_FIELDS],
                             parameters, self.OUTPUT)
            self._count(counts, chunk, rows, soil, class_idx, soil_idx)
            used_rows.append(np.unique(rows[(rows >= 0) & (soil >= 0)]))
            ok = ~np.isnan(columns["runoff_m3"])
            totals["runoff"] += float(columns["runoff_m3"][ok].sum())
            totals["retained"] += float(columns["retained_m3"][ok].sum())
            totals["area"] += float(area_m2[ok].sum())
            totals["ret_area"] += float((columns["retention"][ok] * area_m2[ok]).sum())
            self.check_canceled(feedback)

        self._report(feedback, counts)
        self.warn_unverified(feedback, table, np.concatenate(used_rows) if used_rows else [])
        mean_retention = totals["ret_area"] / totals["area"] if totals["area"] > 0 else float("nan")
        self._log_totals(feedback, totals["runoff"], totals["retained"], mean_retention)
        self.style_output(context, dest_id, self.tr(
            "Design-storm runoff by the SCS curve number method (TR-55): storm {p} mm, λ = {lam}, curve "
            "numbers from {path}. Made by the Low-Carbon & Resilience Planning Toolkit.")
            .format(p=p_mm, lam=lam, path=table_path))
        return {self.OUTPUT: dest_id, self.TOTAL_RUNOFF_M3: totals["runoff"],
                self.TOTAL_RETAINED_M3: totals["retained"], self.MEAN_RETENTION: mean_retention}

    def _log_totals(self, feedback, runoff_m3, retained_m3, mean_retention):
        if np.isfinite(mean_retention):
            feedback.pushInfo(self.tr("Runoff {q:,.1f} m³, retained {r:,.1f} m³, mean retention index {m:.3f}.")
                              .format(q=runoff_m3, r=retained_m3, m=mean_retention))
        else:
            feedback.pushInfo(self.tr("Runoff {q:,.1f} m³, retained {r:,.1f} m³; the mean retention index cannot "
                                      "be measured: no area with a known curve number was found.")
                              .format(q=runoff_m3, r=retained_m3))

    @staticmethod
    def _count(counts, chunk, rows, soil, class_idx, soil_idx):
        unknown = rows == -1
        counts["unknown"] += int(unknown.sum())
        if unknown.any() and len(counts["unknown_values"]) < MAX_LISTED:
            counts["unknown_values"].update(_label(v) for v in np.asarray(chunk.values[class_idx])[unknown][:MAX_LISTED])
        counts["null_class"] += int((rows == -2).sum())
        if soil_idx >= 0:
            bad = soil == -2
            counts["bad_soil"] += int(bad.sum())
            if bad.any() and len(counts["bad_soil_values"]) < MAX_LISTED:
                counts["bad_soil_values"].update(_label(v) for v in np.asarray(chunk.values[soil_idx])[bad][:MAX_LISTED])
            counts["null_soil"] += int((soil == -1).sum())
        counts["repaired"] += chunk.repaired
        counts["count"] += len(chunk.features)

    def _report(self, feedback, counts):
        if counts["unknown"]:
            feedback.pushWarning(self.tr(
                "{n} polygons have a class the curve number table does not list ({values}); their results "
                "stay empty (NULL). Add these classes to the table.").format(
                    n=counts["unknown"], values=", ".join(sorted(counts["unknown_values"]))))
        if counts["null_class"]:
            feedback.pushWarning(self.tr("{n} polygons have no class value; their results stay empty (NULL).")
                                 .format(n=counts["null_class"]))
        if counts["bad_soil"]:
            feedback.pushWarning(self.tr(
                "{n} polygons have a soil group outside A–D / 1–4 ({values}); their results stay empty (NULL).")
                .format(n=counts["bad_soil"], values=", ".join(sorted(counts["bad_soil_values"]))))
        if counts["null_soil"]:
            feedback.pushWarning(self.tr("{n} polygons have no soil group; their results stay empty (NULL).")
                                 .format(n=counts["null_soil"]))
        if counts["repaired"]:
            feedback.pushWarning(self.tr("{n} invalid geometries were repaired for measuring; the output "
                                         "keeps them as they were.").format(n=counts["repaired"]))
        feedback.pushInfo(self.tr("{n} polygons read.").format(n=counts["count"]))

    # ---- rasters --------------------------------------------------------------------------
    def _rasters(self, parameters, context, feedback):
        default_soil = self.parameterAsEnum(parameters, self.DEFAULT_SOIL, context)
        p_mm = self.parameterAsDouble(parameters, self.RAINFALL_MM, context)
        table, table_path, lam = self.curve_table(parameters, context, feedback, p_mm)
        if table.codes is None:
            raise QgsProcessingException(self.tr(
                "The curve number table {path} has no lucode column, so it cannot match the raster's codes. "
                "Add a lucode column.").format(path=table_path))
        for name in (self.CLASS_FIELD, self.SOIL_FIELD):
            if parameters.get(name) not in (None, ""):
                feedback.pushWarning(self.tr("{parameter} is used only with polygons; it is ignored.")
                                     .format(parameter=self.parameterDefinition(name).description()))

        lulc = open_raster(self, parameters, self.LULC_RASTER, context)
        soil = None
        if parameters.get(self.SOIL_RASTER) not in (None, ""):
            soil = open_raster(self, parameters, self.SOIL_RASTER, context)
            self._check_same_grid(lulc, soil)
        else:
            feedback.pushInfo(self.tr("No soil group raster: soil group {g} everywhere.")
                              .format(g=runoff.SOIL_GROUPS[default_soil]))
        crs = lulc.layer.crs()
        g = lulc.geotransform
        pixel_m2 = abs(g[1] * g[5] - g[2] * g[4]) * lulc.to_metres(feedback) ** 2
        feedback.pushInfo(self.tr("Pixel area {a:g} m² in {crs}.").format(a=pixel_m2, crs=crs.authid()))

        zones = summary_zones(self, parameters, self.ZONES, lulc, context, feedback)
        fields, positions = self.output_fields(zones.fields, [(n, "double") for n in RASTER_FIELDS], feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, zones.wkb_type, crs)

        sums = self._sum_rasters(lulc, soil, default_soil, zones, table, feedback)
        columns = runoff.zone_runoff(sums, table, p_mm, pixel_m2, lam)
        self.write_chunk(sink, zones.chunk, zones.input_count, positions, [columns[n] for n in RASTER_FIELDS],
                         parameters, self.OUTPUT)
        self._report_raster(feedback, sums, columns, pixel_m2, zones.layer is not None)
        totals = runoff.runoff_totals(columns, p_mm)

        self.warn_unverified(feedback, table, np.flatnonzero(sums.pixels.sum(axis=(0, 2))))
        self._log_totals(feedback, totals["runoff"], totals["retained"], totals["mean_retention"])
        self.style_output(context, dest_id, self.tr(
            "Design-storm runoff by the SCS curve number method (TR-55): storm {p} mm, λ = {lam}, curve "
            "numbers from {path}. Made by the Low-Carbon & Resilience Planning Toolkit.")
            .format(p=p_mm, lam=lam, path=table_path))
        return {self.OUTPUT: dest_id, self.TOTAL_RUNOFF_M3: totals["runoff"],
                self.TOTAL_RETAINED_M3: totals["retained"], self.MEAN_RETENTION: totals["mean_retention"]}

    def _check_same_grid(self, lulc, soil):
        a, b = lulc.geotransform, soil.geotransform
        if not lulc.same_grid(soil):
            raise QgsProcessingException(self.tr(
                "The soil group raster ({b_crs}, {b_w} × {b_h} pixels of {b_px:g}) is not on the land-cover "
                "raster's grid ({a_crs}, {a_w} × {a_h} pixels of {a_px:g}): both need the same CRS, size and "
                "pixels. Warp the soil raster onto the land-cover raster (Raster ▸ Projections ▸ Warp, "
                "nearest neighbour, same extent and resolution) and run again.").format(
                    a_crs=lulc.layer.crs().authid(), a_w=lulc.width, a_h=lulc.height, a_px=a[1],
                    b_crs=soil.layer.crs().authid(), b_w=soil.width, b_h=soil.height, b_px=b[1]))

    def _sum_rasters(self, lulc, soil, default_soil, zones, table, feedback):
        """Pixel counts per zone × class × soil group, reading the rasters in blocks of whole rows."""
        sums = runoff.RunoffSums.empty(len(zones), len(table.cn))
        nodata = lulc.nodata()
        soil_nodata = soil.nodata() if soil is not None else None
        blocks = lulc.block_count()
        for number, (y0, rows) in enumerate(lulc.blocks()):
            codes = lulc.read(y0, rows)
            soil_values, soil_index = None, default_soil
            if soil is not None:
                soil_values = soil.read(y0, rows)
                soil_index = runoff.raster_soil(soil_values, valid_pixels(soil_values, soil_nodata))
            zone = None if zones.layer is None else zones.layer.burn(lulc, y0, rows)
            sums += runoff.raster_zone_counts(codes, valid_pixels(codes, nodata), soil_index, zone, len(zones), table,
                                              soil_values)
            feedback.setProgress(100.0 * (number + 1) / max(blocks, 1))
            self.check_canceled(feedback)
        return sums

    def _report_raster(self, feedback, sums, columns, pixel_m2, has_zones):
        if sums.unknown:
            pixels = sum(sums.unknown.values())
            codes = sorted(sums.unknown, key=lambda c: -sums.unknown[c])
            feedback.pushWarning(self.tr(
                "{n} pixels ({ha:,.2f} ha) have land-cover codes the curve number table does not list "
                "({codes}); they are left out. Add these codes to the table.").format(
                    n=pixels, ha=pixels * pixel_m2 / 1e4, codes=_listed(codes)))
        if sums.bad_soil:
            pixels = sum(sums.bad_soil.values())
            feedback.pushWarning(self.tr(
                "{n} pixels ({ha:,.2f} ha) have a soil group outside 1–4 ({values}); they are left out.").format(
                    n=pixels, ha=pixels * pixel_m2 / 1e4, values=_listed(sorted(sums.bad_soil))))
        if sums.no_soil:
            feedback.pushWarning(self.tr(
                "{n} pixels ({ha:,.2f} ha) lie on soil group nodata; they are left out.").format(
                    n=sums.no_soil, ha=sums.no_soil * pixel_m2 / 1e4))
        if has_zones and sums.outside:
            feedback.pushInfo(self.tr(
                "{ha:,.2f} ha of classified pixels lie outside every zone and are not counted.").format(
                    ha=sums.outside * pixel_m2 / 1e4))
        empty = int((columns["area_ha"] <= 0).sum())
        if empty:
            feedback.pushWarning(self.tr("{n} zones contain no counted pixel; their results stay empty (NULL).")
                                 .format(n=empty))
        feedback.pushInfo(self.tr("{n} pixels counted.").format(n=int(sums.pixels.sum())))


def _listed(values):
    values = [str(v) for v in values]
    return ", ".join(values[:MAX_LISTED]) + (", …" if len(values) > MAX_LISTED else "")


def _label(value):
    """A class or soil value as log text (12.0 → "12")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
