"""lcr:carbon_stock: carbon stored in land cover (InVEST Carbon pools), for a baseline and a plan, with
InVEST's net present value of the change."""
import numpy as np
import shapely
from osgeo import gdal
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ..core import carbon
from ..qt_compat import holds_numbers
from .base import LcrAlgorithm, factor_names
from .raster import open_raster, summary_zones, valid_pixels

MAX_LISTED = 12   # class values named in a log line before "…"
NPV_NODATA = float(np.finfo(np.float32).min)   # an NPV can be any real number, so nodata is the float32 floor


class CarbonStock(LcrAlgorithm):
    ALG_ID = "carbon_stock"
    GROUP_ID = "low_carbon"
    STYLE = "carbon_stock"

    INPUT = "INPUT"
    CLASS_FIELD = "CLASS_FIELD"
    SCENARIO_FIELD = "SCENARIO_FIELD"
    LULC_RASTER = "LULC_RASTER"
    SCENARIO_RASTER = "SCENARIO_RASTER"
    ZONES = "ZONES"
    POOLS_TABLE = "POOLS_TABLE"
    PRICE = "PRICE"
    PRICE_UNIT = "PRICE_UNIT"
    DISCOUNT_RATE = "DISCOUNT_RATE"
    PRICE_CHANGE = "PRICE_CHANGE"
    YEAR_CURRENT = "YEAR_CURRENT"
    YEAR_FUTURE = "YEAR_FUTURE"
    OUTPUT = "OUTPUT"
    OUTPUT_NPV_RASTER = "OUTPUT_NPV_RASTER"
    TOTAL_C_T = "TOTAL_C_T"
    TOTAL_CO2E_T = "TOTAL_CO2E_T"
    TOTAL_CHANGE_T = "TOTAL_CHANGE_T"
    TOTAL_SEQ_CO2_T_YR = "TOTAL_SEQ_CO2_T_YR"
    TOTAL_SEQ_SCEN_CO2_T_YR = "TOTAL_SEQ_SCEN_CO2_T_YR"
    TOTAL_NPV = "TOTAL_NPV"
    # Baseline then plan, in core.carbon.POOLS order (above, below, soil, dead).
    TOTAL_POOLS = ("TOTAL_C_ABOVE_T", "TOTAL_C_BELOW_T", "TOTAL_C_SOIL_T", "TOTAL_C_DEAD_T")
    TOTAL_SCEN_POOLS = ("TOTAL_SCEN_C_ABOVE_T", "TOTAL_SCEN_C_BELOW_T", "TOTAL_SCEN_C_SOIL_T", "TOTAL_SCEN_C_DEAD_T")

    def displayName(self):  # noqa: N802
        return self.tr("Carbon stock of land cover")

    def help_text(self):
        return self.tr(
            "Estimates the carbon stored in vegetation and soil, for the current land cover and, "
            "optionally, for a plan, following the InVEST Carbon Storage and Sequestration model.\n\n"
            "Each land-cover class has four carbon pools in tonnes of carbon per hectare (t C/ha, "
            "elemental carbon, not CO2): above-ground biomass, below-ground biomass, soil and dead "
            "matter. Stock (t C) = (c_above + c_below + c_soil + c_dead) × area (ha). CO2 equivalent "
            "= C × 44/12. Change = plan − baseline (negative: carbon lost). Where the table has a "
            "c_rate column (t C/ha/yr), annual sequestration = area × c_rate × 44/12 (t CO2/yr); "
            "InVEST itself has no rates.\n\n"
            "Polygons: give a land-cover layer and its class field (an integer code matched to "
            "lucode, or a name matched to class); a scenario field gives the plan's class of the same "
            "polygon. Areas are true areas (a geographic or Web Mercator layer is measured in the UTM "
            "zone of its centre).\n"
            "Rasters: instead of polygons, give a land-cover raster in a projected CRS (and a plan "
            "raster with the same CRS and pixel size); totals are summed per zone polygon, or over "
            "the whole raster without zones. Each pixel counts density × pixel area; nodata pixels "
            "are left out. A pixel belongs to the zone containing its centre.\n\n"
            "Classes the table does not list are counted in the log and their carbon stays empty "
            "(NULL), never 0. The shipped table (resources/factors/carbon_pools.csv) is keyed to the "
            "demo district's codes (1 built_up … 7 bare); its values come from the InVEST User's "
            "Guide example (hypothetical), IPCC 2006 Vol. 4 defaults and Nowak et al. 2013 for urban "
            "trees, all marked unverified: replace them with local measurements. A planner's own "
            "InVEST table (lucode, c_above, c_below, c_soil, c_dead) works unchanged.\n\n"
            "Value of the change (optional, with a plan and a carbon price), as InVEST values "
            "sequestration: NPV = V × change / (q − p) × Σ_{t=0}^{q−p−1} 1 / ((1 + r/100)^t × "
            "(1 + c/100)^t), with V the price per t C (a price per t CO2 is multiplied by 44/12), p "
            "and q the current and future years, r the annual discount rate (%) and c the annual "
            "change of the carbon price (%): the change is spread evenly over the years and each "
            "year's share discounted. A loss of carbon has a negative value.\n\n"
            "Output fields: area_ha (ha), c_stock_t (t C), co2e_t (t CO2e), with a plan c_scen_t "
            "and c_change_t (t C), with rates seq_co2_t_yr (t CO2/yr) and, with a plan, "
            "seq_scen_co2_t_yr; with a price npv_seq (currency). Totals per pool (above, below, soil, "
            "dead; t C) for the baseline and the plan; with rasters an optional NPV raster in "
            "currency per ha, like InVEST's npv_alt.tif.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Land-cover polygons"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            self.tr("Land cover (or land use) as polygons. Leave empty to use a land-cover raster."))
        self.add_parameter(QgsProcessingParameterField(
            self.CLASS_FIELD, self.tr("Class field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Land-cover class of each polygon: an integer code (matched to the table's lucode) or "
                    "a name (matched to class or aliases, ignoring case). Needed with polygons."))
        self.add_parameter(QgsProcessingParameterField(
            self.SCENARIO_FIELD, self.tr("Plan class field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("The class the plan gives the same polygon. Optional: adds c_scen_t and c_change_t."))
        self.add_parameter(QgsProcessingParameterRasterLayer(
            self.LULC_RASTER, self.tr("Land-cover raster"), optional=True),
            self.tr("Instead of polygons: a land-cover raster of integer codes (band 1) in a projected "
                    "CRS in metres. Codes are matched to the table's lucode."))
        self.add_parameter(QgsProcessingParameterRasterLayer(
            self.SCENARIO_RASTER, self.tr("Plan land-cover raster"), optional=True),
            self.tr("The plan's land cover, with the same CRS and pixel size as the land-cover raster."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.ZONES, self.tr("Zones for raster totals"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            self.tr("Polygons (planning units, parcels) to sum the raster's carbon in. Reprojected to the "
                    "raster's CRS if needed. Without zones the output is one polygon: the raster's extent."))
        self.add_parameter(QgsProcessingParameterFile(
            self.POOLS_TABLE, self.tr("Carbon pools table (CSV)"), extension="csv", optional=True),
            self.tr("CSV with lucode and/or class, c_above, c_below, c_soil, c_dead (t C/ha), optionally "
                    "c_rate (t C/ha/yr), aliases, source, year, verified. An InVEST carbon table works as "
                    "it is. Empty: the shipped table."), advanced=True)
        self.add_parameter(QgsProcessingParameterNumber(
            self.PRICE, self.tr("Carbon price (currency per tonne)"), QgsProcessingParameterNumber.Type.Double,
            optional=True, minValue=0.0),
            self.tr("Price of a tonne of carbon for valuing the change between the baseline and the plan, in any "
                    "currency; the unit below says whether per t C (as InVEST) or per t CO2. Empty: no "
                    "valuation."))
        self.add_parameter(QgsProcessingParameterEnum(
            self.PRICE_UNIT, self.tr("Carbon price is per"),
            options=[self.tr("t C (elemental carbon, as InVEST)"), self.tr("t CO2")], defaultValue=0),
            self.tr("A price per t CO2 (as carbon markets quote it) is multiplied by 44/12 to a price per t C."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.DISCOUNT_RATE, self.tr("Annual discount rate (%)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=7.0, minValue=-99.999999),
            self.tr("Market discount rate r in % per year (the InVEST User's Guide mentions 7 %; use the rate "
                    "recommended in your country). 0: no discounting."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.PRICE_CHANGE, self.tr("Annual change of the carbon price (%)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.0, minValue=-99.999999),
            self.tr("InVEST's rate c in % per year: above 0, carbon sequestered later is worth less than carbon "
                    "sequestered now; below 0, more."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.YEAR_CURRENT, self.tr("Year of the baseline"), QgsProcessingParameterNumber.Type.Integer,
            optional=True),
            self.tr("Calendar year p of the current land cover. Needed with a carbon price."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.YEAR_FUTURE, self.tr("Year of the plan"), QgsProcessingParameterNumber.Type.Integer, optional=True),
            self.tr("Calendar year q of the planned land cover, after the baseline year. Needed with a carbon "
                    "price."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Carbon stock"), QgsProcessing.SourceType.TypeVectorPolygon),
            self.tr("The polygons (or zones) with area_ha, c_stock_t, co2e_t and, as available, "
                    "c_scen_t, c_change_t, seq_co2_t_yr, seq_scen_co2_t_yr, npv_seq."))
        self.add_parameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_NPV_RASTER, self.tr("NPV raster (currency per ha)"), optional=True, createByDefault=False),
            self.tr("With land-cover rasters, a plan and a carbon price: the NPV of each pixel's change per "
                    "hectare, as InVEST's npv_alt.tif. The two rasters must share one grid."))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_C_T, self.tr("Total carbon stock (t C)")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_CO2E_T, self.tr("Total carbon stock (t CO2e)")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_CHANGE_T, self.tr("Total change, plan − baseline (t C)")))
        self.addOutput(QgsProcessingOutputNumber(
            self.TOTAL_SEQ_CO2_T_YR, self.tr("Total annual sequestration, baseline (t CO2/yr)")))
        self.addOutput(QgsProcessingOutputNumber(
            self.TOTAL_SEQ_SCEN_CO2_T_YR, self.tr("Total annual sequestration, plan (t CO2/yr)")))
        self.addOutput(QgsProcessingOutputNumber(
            self.TOTAL_NPV, self.tr("Net present value of the change, plan − baseline (currency)")))
        pool_names = (self.tr("above-ground"), self.tr("below-ground"), self.tr("soil"), self.tr("dead matter"))
        for name, pool in zip(self.TOTAL_POOLS, pool_names):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr("Total carbon, {pool}, baseline (t C)").format(
                pool=pool)))
        for name, pool in zip(self.TOTAL_SCEN_POOLS, pool_names):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr("Total carbon, {pool}, plan (t C)").format(
                pool=pool)))

    def error_messages(self):
        return {
            "carbon_table_no_key": self.tr(
                "The carbon table {path} needs a key column: lucode (land-cover code) or class (class name)."),
            "carbon_bad_lucode": self.tr(
                "The carbon table {path}, line {line}: lucode “{value}” is not a whole number ≥ 0."),
            "carbon_row_no_key": self.tr(
                "The carbon table {path}, line {line}: the row has neither a lucode nor a class."),
            "carbon_table_no_lucode": self.tr(
                "The carbon table {path} has no lucode column, so it cannot match integer land-cover "
                "codes. Add a lucode column, or choose a text class field."),
            "carbon_bad_years": self.tr(
                "Valuation needs the plan's year after the baseline year, in whole years: {current} → {future}."),
            "carbon_bad_rate": self.tr("A rate of {value} % per year cannot be used: it must be above −100 %."),
        }

    # ---- running --------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        has_polygons = parameters.get(self.INPUT) not in (None, "")
        has_raster = parameters.get(self.LULC_RASTER) not in (None, "")
        if has_polygons == has_raster:
            raise QgsProcessingException(self.tr(
                "Give either land-cover polygons or a land-cover raster (exactly one of the two)."))
        table_path = (self.parameterAsFile(parameters, self.POOLS_TABLE, context)
                      or self.factor_table("carbon_pools.csv", feedback))
        pools = carbon.read_carbon_pools(table_path)
        feedback.pushInfo(self.tr("Carbon table: {path}.").format(path=table_path))
        if not pools.has_rate:
            feedback.pushInfo(self.tr("The carbon table has no c_rate column: sequestration is not computed."))
        value = self._valuation(parameters, context, feedback)
        if has_polygons:
            dest_id, sums, used_rows = self._polygons(parameters, context, feedback, pools, value)
        else:
            dest_id, sums, used_rows = self._rasters(parameters, context, feedback, pools, value)

        unverified = pools.unverified(used_rows)
        if unverified:
            feedback.pushWarning(self.tr(
                "Unverified carbon pools were used for: {classes}. Check them against local measurements.")
                .format(classes=", ".join(factor_names(unverified, "carbon_pools.csv", "class"))))
        feedback.pushInfo(self.tr(
            "Carbon stock {c:,.1f} t C ({co2:,.1f} t CO2e); change plan − baseline {d:,.1f} t C; "
            "sequestration {s:,.1f} t CO2/yr.").format(
                c=sums["c_t"], co2=sums["co2e_t"], d=sums["change_t"], s=sums["seq_co2_t_yr"]))
        self.style_output(context, dest_id, self.tr(
            "Carbon stored in land cover (InVEST Carbon pools): stock = (c_above + c_below + c_soil + "
            "c_dead) × area, in t C; CO2e = C × 44/12. Pools from {path}. Made by the Low-Carbon & "
            "Resilience Planning Toolkit.").format(path=table_path))
        results = {self.OUTPUT: dest_id, self.TOTAL_C_T: sums["c_t"], self.TOTAL_CO2E_T: sums["co2e_t"],
                   self.TOTAL_CHANGE_T: sums["change_t"], self.TOTAL_SEQ_CO2_T_YR: sums["seq_co2_t_yr"],
                   self.TOTAL_SEQ_SCEN_CO2_T_YR: sums["seq_scen_co2_t_yr"]}
        # Not computed is empty (None), not 0 and not a "could not be measured" warning.
        valued = "npv_seq" in sums["names"]
        results[self.TOTAL_NPV] = sums["npv"] if valued else None
        results.update(zip(self.TOTAL_POOLS, sums["pools"].tolist()))
        scen_pools = sums["scen_pools"].tolist() if sums["scen_pools"] is not None else [None] * len(carbon.POOLS)
        results.update(zip(self.TOTAL_SCEN_POOLS, scen_pools))
        if sums.get("npv_raster"):
            results[self.OUTPUT_NPV_RASTER] = sums["npv_raster"]
        if valued:
            feedback.pushInfo(self.tr("Net present value of the change: {v:,.2f}.").format(v=sums["npv"]))
        return results

    def _valuation(self, parameters, context, feedback):
        """Currency per t C of change (core.carbon.valuation_constant), or None without a price."""
        if parameters.get(self.PRICE) in (None, ""):
            return None
        if any(parameters.get(name) in (None, "") for name in (self.YEAR_CURRENT, self.YEAR_FUTURE)):
            raise QgsProcessingException(self.tr(
                "A carbon price needs the year of the baseline and the year of the plan: give both, or "
                "leave the price empty."))
        price = self.parameterAsDouble(parameters, self.PRICE, context)
        per_co2 = self.parameterAsEnum(parameters, self.PRICE_UNIT, context) == 1
        rate = self.parameterAsDouble(parameters, self.DISCOUNT_RATE, context)
        change = self.parameterAsDouble(parameters, self.PRICE_CHANGE, context)
        current = self.parameterAsInt(parameters, self.YEAR_CURRENT, context)
        future = self.parameterAsInt(parameters, self.YEAR_FUTURE, context)
        per_t_c = carbon.price_per_t_c(price, per_co2)
        value = carbon.valuation_constant(per_t_c, rate, change, current, future)
        feedback.pushInfo(self.tr(
            "Valuation: {price:g} per t C, {p} → {q}, discount rate {r:g} %, price change {c:g} % a year: each "
            "t C of change is worth {v:,.4f} today.").format(price=per_t_c, p=current, q=future, r=rate, c=change,
                                                              v=value))
        return value

    # ---- polygons -------------------------------------------------------------------------
    def _polygons(self, parameters, context, feedback, pools, value):
        source = self.polygon_source(parameters, self.INPUT, context)
        class_idx = self.field_index(parameters, self.CLASS_FIELD, source, context, numeric=False)
        if class_idx < 0:
            raise QgsProcessingException(self.tr(
                "Choose the class field of “{layer}”: the field holding each polygon's land-cover class.")
                .format(layer=source.sourceName()))
        scen_idx = self.field_index(parameters, self.SCENARIO_FIELD, source, context, numeric=False)
        for name in (self.SCENARIO_RASTER, self.ZONES, self.OUTPUT_NPV_RASTER):
            if parameters.get(name) not in (None, ""):
                feedback.pushWarning(self.tr("{parameter} is used only with a land-cover raster; it is ignored.")
                                     .format(parameter=self.parameterDefinition(name).description()))
        chosen = [i for i in (class_idx, scen_idx) if i >= 0]
        numeric = [i for i in chosen if holds_numbers(source.fields().at(i))]
        text = [i for i in chosen if not holds_numbers(source.fields().at(i))]

        if value is not None and scen_idx < 0:
            feedback.pushWarning(self.tr("A carbon price values the change to a plan: choose the plan class field. "
                                         "No net present value is computed."))
        names = carbon.output_fields(scen_idx >= 0, pools.has_rate, value is not None)
        fields, positions = self.output_fields(source.fields(), [(n, "double") for n in names], feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         source.wkbType(), source.sourceCrs())
        transform, to_m2 = self.area_measure(source, context, feedback)
        sums = dict.fromkeys(names, 0.0)
        pool_sums = {"base": np.zeros(len(carbon.POOLS)), "scen": np.zeros(len(carbon.POOLS))}
        counts = {"base": _Misses(), "scen": _Misses(), "repaired": 0, "count": 0}
        used_rows = []
        for chunk in self.read_chunks(source, feedback, numeric, text, transform=transform):
            area_m2 = shapely.area(chunk.geometry) * to_m2
            rows, null = carbon.match_classes(chunk.values[class_idx], pools)
            scen_rows = None
            if scen_idx >= 0:
                scen_rows, scen_null = carbon.match_classes(chunk.values[scen_idx], pools)
                counts["scen"].add(chunk.values[scen_idx], scen_rows, scen_null, area_m2)
                used_rows.append(np.unique(scen_rows))
            counts["base"].add(chunk.values[class_idx], rows, null, area_m2)
            used_rows.append(np.unique(rows))
            columns = carbon.polygon_carbon(area_m2, rows, scen_rows, pools, value)
            self.write_chunk(sink, chunk, source.fields().count(), positions, [columns[n] for n in names],
                             parameters, self.OUTPUT)
            for name in names:
                sums[name] += float(np.nansum(columns[name]))
            pool_sums["base"] += np.nansum(carbon.polygon_pools(area_m2, rows, pools), axis=0)
            if scen_rows is not None:
                pool_sums["scen"] += np.nansum(carbon.polygon_pools(area_m2, scen_rows, pools), axis=0)
            counts["repaired"] += chunk.repaired
            counts["count"] += len(chunk.features)
            self.check_canceled(feedback)

        self._report_polygons(feedback, counts)
        totals = carbon.totals(sums)
        totals.update(names=names, pools=pool_sums["base"], scen_pools=pool_sums["scen"] if scen_idx >= 0 else None)
        return dest_id, totals, np.concatenate(used_rows) if used_rows else np.zeros(0, int)

    def _report_polygons(self, feedback, counts):
        base, scen = counts["base"], counts["scen"]
        if base.unknown:
            feedback.pushWarning(self.tr(
                "{n} polygons ({ha:,.2f} ha) have a class the carbon table does not list ({values}); their "
                "carbon stays empty (NULL), not 0. Add these classes to the table.").format(
                    n=base.unknown, ha=base.unknown_ha, values=base.listed()))
        if base.null:
            feedback.pushWarning(self.tr("{n} polygons have no class value; their carbon stays empty (NULL).")
                                 .format(n=base.null))
        if scen.unknown:
            feedback.pushWarning(self.tr(
                "{n} polygons ({ha:,.2f} ha) have a plan class the carbon table does not list ({values}); "
                "their plan carbon and change stay empty (NULL).").format(
                    n=scen.unknown, ha=scen.unknown_ha, values=scen.listed()))
        if scen.null:
            feedback.pushWarning(self.tr(
                "{n} polygons have no plan class; their plan carbon and change stay empty (NULL). Give "
                "unchanged polygons their current class.").format(n=scen.null))
        if counts["repaired"]:
            feedback.pushWarning(self.tr("{n} invalid geometries were repaired for measuring; the output "
                                         "keeps them as they were.").format(n=counts["repaired"]))
        feedback.pushInfo(self.tr("{n} polygons read.").format(n=counts["count"]))

    # ---- rasters --------------------------------------------------------------------------
    def _rasters(self, parameters, context, feedback, pools, value):
        base = open_raster(self, parameters, self.LULC_RASTER, context)
        scen = None
        if parameters.get(self.SCENARIO_RASTER) not in (None, ""):
            scen = open_raster(self, parameters, self.SCENARIO_RASTER, context)
            self._check_same_grid(base, scen, feedback)
        if value is not None and scen is None:
            feedback.pushWarning(self.tr("A carbon price values the change to a plan: give the plan land-cover "
                                         "raster. No net present value is computed."))
            value = None
        npv_raster = parameters.get(self.OUTPUT_NPV_RASTER) not in (None, "")
        if npv_raster and value is None:
            feedback.pushWarning(self.tr("The NPV raster needs a plan raster and a carbon price; it is not written."))
            npv_raster = False
        if npv_raster and not base.same_grid(scen):
            raise QgsProcessingException(self.tr(
                "The NPV raster compares the two rasters pixel by pixel: the plan raster must cover the same "
                "grid as the land-cover raster (extent and pixels). Warp it onto the land-cover raster (Raster ▸ "
                "Projections ▸ Warp) and run again."))
        crs = base.layer.crs()
        pixel_ha = carbon.pixel_area_ha(base.geotransform, base.to_metres(feedback) ** 2)
        feedback.pushInfo(self.tr("Pixel area {a:g} m² in {crs}.").format(a=pixel_ha * carbon.M2_PER_HA,
                                                                          crs=crs.authid()))

        names = carbon.output_fields(scen is not None, pools.has_rate, value is not None)
        zones = summary_zones(self, parameters, self.ZONES, base, context, feedback)
        fields, positions = self.output_fields(zones.fields, [(n, "double") for n in names], feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, zones.wkb_type, crs)

        rasters = [base] + ([scen] if scen is not None else []) + ([base] if npv_raster else [])
        blocks = sum(r.block_count() for r in rasters)
        done = [0, blocks]
        base_sums = self._sum_raster(base, zones, pools, pixel_ha, feedback, done)
        scen_sums = None
        if scen is not None:
            scen_sums = self._sum_raster(scen, zones, pools, pixel_ha, feedback, done)
        columns = carbon.zone_carbon(base_sums, scen_sums, pools.has_rate, value)
        self.write_chunk(sink, zones.chunk, zones.input_count, positions, [columns[n] for n in names], parameters,
                         self.OUTPUT)

        measured = [(base.layer.name(), base_sums)]
        if scen_sums is not None:
            measured.append((scen.layer.name(), scen_sums))
        self._report_raster(feedback, measured, pixel_ha, zones.layer is not None)
        used_rows = np.flatnonzero(sum(sums.row_pixels for _, sums in measured))
        totals = carbon.totals(columns)
        totals.update(names=names, pools=base_sums.pool_t.sum(axis=0),
                      scen_pools=scen_sums.pool_t.sum(axis=0) if scen_sums is not None else None)
        if npv_raster:
            totals["npv_raster"] = self._write_npv(parameters, context, base, scen, pools, value, feedback, done)
        return dest_id, totals, used_rows

    def _write_npv(self, parameters, context, base, scen, pools, value, feedback, done):
        """NPV per ha of each pixel's change (InVEST's npv_alt.tif), a Float32 GeoTIFF; returns its path."""
        path = self.output_path(parameters, self.OUTPUT_NPV_RASTER, context)
        out = gdal.GetDriverByName("GTiff").Create(path, base.width, base.height, 1, gdal.GDT_Float32,
                                                   options=["COMPRESS=DEFLATE", "TILED=YES"])
        if out is None:
            raise QgsProcessingException(self.tr("Cannot write the raster {path}.").format(path=path))
        out.SetGeoTransform(base.geotransform)
        out.SetProjection(base.dataset.GetProjection())
        band = out.GetRasterBand(1)
        band.SetNoDataValue(NPV_NODATA)
        base_nodata, scen_nodata = base.nodata(), scen.nodata()
        for y0, rows in base.blocks():
            a, b = base.read(y0, rows), scen.read(y0, rows)
            npv = carbon.density_change(a, valid_pixels(a, base_nodata), b, valid_pixels(b, scen_nodata), pools) * value
            band.WriteArray(np.where(np.isfinite(npv), npv, NPV_NODATA).astype(np.float32), 0, y0)
            done[0] += 1
            feedback.setProgress(100.0 * done[0] / max(done[1], 1))
            self.check_canceled(feedback)
        band.FlushCache()
        out = None
        return path

    def _check_same_grid(self, base, scen, feedback):
        if base.layer.crs() != scen.layer.crs():
            raise QgsProcessingException(self.tr(
                "The plan raster is in {b}, the land-cover raster in {a}: both need the same CRS and pixel "
                "size. Warp the plan raster onto the land-cover raster (Raster ▸ Projections ▸ Warp) and run "
                "again.").format(a=base.layer.crs().authid(), b=scen.layer.crs().authid()))
        a, b = base.geotransform, scen.geotransform
        if not base.same_pixels(scen):
            raise QgsProcessingException(self.tr(
                "The plan raster's pixels are {bx:g} × {by:g}, the land-cover raster's {ax:g} × {ay:g}: both "
                "need the same pixel size. Resample the plan raster onto the land-cover raster (Raster ▸ "
                "Projections ▸ Warp) and run again.").format(ax=a[1], ay=abs(a[5]), bx=b[1], by=abs(b[5])))
        # Origins within a thousandth of a pixel are the same grid; a relative tolerance on
        # projected coordinates (~10^5–10^6 m) would let metres of shift through.
        tolerance = 1e-3 * abs(a[1])
        same_extent = (abs(a[0] - b[0]) <= tolerance and abs(a[3] - b[3]) <= tolerance
                       and (base.width, base.height) == (scen.width, scen.height))
        if not same_extent:
            feedback.pushWarning(self.tr(
                "The plan raster covers a different extent from the land-cover raster: the change includes "
                "the difference in coverage."))

    def _sum_raster(self, raster, zones, pools, pixel_ha, feedback, done):
        sums = carbon.ZoneSums.empty(len(zones), len(pools.density))
        nodata = raster.nodata()
        for y0, rows in raster.blocks():
            codes = raster.read(y0, rows)
            zone = None if zones.layer is None else zones.layer.burn(raster, y0, rows)
            sums += carbon.raster_zone_sums(codes, valid_pixels(codes, nodata), zone, len(zones), pools, pixel_ha)
            done[0] += 1
            feedback.setProgress(100.0 * done[0] / max(done[1], 1))
            self.check_canceled(feedback)
        return sums

    def _report_raster(self, feedback, measured, pixel_ha, has_zones):
        for name, sums in measured:
            if sums.unknown:
                pixels = sum(sums.unknown.values())
                codes = sorted(sums.unknown, key=lambda c: -sums.unknown[c])
                feedback.pushWarning(self.tr(
                    "“{layer}”: {n} pixels ({ha:,.2f} ha) have codes the carbon table does not list ({codes}); "
                    "they are left out of the totals. Add these codes to the table.").format(
                        layer=name, n=pixels, ha=pixels * pixel_ha, codes=_listed(codes)))
            if has_zones and sums.outside_ha > 0:
                feedback.pushInfo(self.tr(
                    "“{layer}”: {ha:,.2f} ha of classified land cover lie outside every zone and are not "
                    "counted.").format(layer=name, ha=sums.outside_ha))
            empty = int((sums.area_ha <= 0).sum())
            if empty:
                feedback.pushWarning(self.tr(
                    "“{layer}”: {n} zones contain no classified pixel; their values stay empty (NULL).")
                    .format(layer=name, n=empty))


class _Misses:
    """Polygons whose class the table lacks (by value) or that have no class, with their area."""

    def __init__(self):
        self.unknown, self.unknown_ha, self.null, self.values = 0, 0.0, 0, set()

    def add(self, values, rows, null, area_m2):
        missing = (np.asarray(rows) < 0) & ~null
        if missing.any():
            self.unknown += int(missing.sum())
            self.unknown_ha += float(np.nansum(np.asarray(area_m2)[missing])) / carbon.M2_PER_HA
            self.values.update(_label(v) for v in np.unique(np.asarray(values)[missing]).tolist())
        self.null += int(np.asarray(null).sum())

    def listed(self):
        return _listed(sorted(self.values))


def _label(value):
    if isinstance(value, float) and value == round(value):
        return str(int(value))
    return str(value)


def _listed(values):
    values = [str(v) for v in values]
    return ", ".join(values[:MAX_LISTED]) + (", …" if len(values) > MAX_LISTED else "")
