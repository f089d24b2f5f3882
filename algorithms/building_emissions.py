"""lcr:building_emissions: operational CO2 of buildings (gross floor area × energy use intensity)."""
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..core import emissions, tables
from .base import LcrAlgorithm, default_factor, factor_names

NEW_FIELDS = [("gfa_m2", "double"), ("eui_kwh_m2", "double"), ("energy_kwh", "double"), ("co2_t_yr", "double"),
              ("co2_t_yr_est", "int"), ("energy_kwh_est", "int")]


class BuildingEmissions(LcrAlgorithm):
    ALG_ID = "building_emissions"
    GROUP_ID = "low_carbon"
    STYLE = "building_emissions"

    INPUT = "INPUT"
    FLOORS_FIELD = "FLOORS_FIELD"
    DEFAULT_FLOORS = "DEFAULT_FLOORS"
    GFA_FIELD = "GFA_FIELD"
    USE_FIELD = "USE_FIELD"
    EUI_TABLE = "EUI_TABLE"
    FUEL_FACTOR = "FUEL_FACTOR"
    CO2_FIELD = "CO2_FIELD"
    OUTPUT = "OUTPUT"
    TOTAL_GFA_M2 = "TOTAL_GFA_M2"
    TOTAL_CO2_T = "TOTAL_CO2_T"

    def displayName(self):  # noqa: N802
        return self.tr("Building operational emissions")

    def help_text(self):
        return self.tr(
            "Estimates the energy each building uses in a year and the CO2 that energy emits.\n\n"
            "Gross floor area (GFA) = footprint area × floors, unless a GFA field gives it. "
            "Energy = GFA × energy use intensity (EUI) of the building's use. "
            "CO2 = GFA × (electricity EUI × grid factor + fuel EUI × fuel factor).\n\n"
            "The shipped EUI table (resources/factors/building_eui.csv) has one row per use with its "
            "source and year; its values are planning defaults not yet checked against GB/T 51161-2016, "
            "so results say they are unverified. Uses not in the table take the “default” row. "
            "The grid factor comes from the region and year chosen (default: China's national average "
            "of the latest year, 0.5306 kgCO2/kWh for 2023, published by the Ministry of Ecology and "
            "Environment and the National Bureau of Statistics) unless you give your own; the fuel "
            "factor defaults to natural gas (IPCC 2006, 56 100 kgCO2/TJ).\n\n"
            "Areas are true areas: a layer in a geographic CRS or Web Mercator is measured in the UTM "
            "zone of its centre.\n\n"
            "Output fields: gfa_m2 (m²), eui_kwh_m2 (kWh/m²·a), energy_kwh (kWh/a), co2_t_yr (t/a), "
            "co2_t_yr_est (1 where the CO2 rests on the default floors, on the table's default use, or on "
            "floors or a use an earlier step flagged as estimated in a field named like the floors or use "
            "field with _est added, e.g. floors_est of Prepare OpenStreetMap data), energy_kwh_est (the same for "
            "the energy demand, which rests on the same floor area and use).\n\n"
            "Known CO2 field (optional): where it holds a value, that CO2 replaces the computed one, e.g. "
            "co2_after_t of Apply proposed measures (the CO2 after a retrofit); the building's EUI and energy "
            "are scaled by the same ratio, as a retrofit lowers its energy use.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Buildings"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("Building footprints (polygons)."))
        self.add_parameter(QgsProcessingParameterField(
            self.FLOORS_FIELD, self.tr("Floors field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Number of above-ground floors: a number, or text such as 6层, 6F, 地上6层 or 十二层 (the log "
                    "counts the values that hold no number). Missing or zero values use the default floors."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.DEFAULT_FLOORS, self.tr("Default floors"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=1, minValue=0.1),
            self.tr("Floors assumed where the floors field is empty, zero or not given."))
        self.add_parameter(QgsProcessingParameterField(
            self.GFA_FIELD, self.tr("Gross floor area field (m²)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Where set and above zero, this floor area wins over footprint × floors."))
        self.add_parameter(QgsProcessingParameterField(
            self.USE_FIELD, self.tr("Use field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Building use, matched to the EUI table (e.g. residential, office, 住宅, 0701). "
                    "Without it every building takes the “default” row."))
        self.add_parameter(QgsProcessingParameterFile(
            self.EUI_TABLE, self.tr("Energy use intensity table (CSV)"), extension="csv", optional=True),
            self.tr("CSV with columns use, elec_kwh_m2, fuel_kwh_m2 (and optionally aliases separated "
                    "by |). Replaces the shipped table; it needs a row named “default”."), advanced=True)
        self.add_parameter(QgsProcessingParameterField(
            self.CO2_FIELD, self.tr("Known CO2 field (t/a)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Where set, this CO2 replaces GFA × EUI (e.g. co2_after_t of Apply proposed measures); EUI "
                    "and energy are scaled by the same ratio. Empty values keep the computed CO2."), advanced=True)
        self.add_grid_parameters()
        self.add_parameter(QgsProcessingParameterNumber(
            self.FUEL_FACTOR, self.tr("Fuel emission factor (kgCO2/kWh)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=default_factor("natural_gas"),
            minValue=0),
            self.tr("CO2 per kWh of fuel burnt on site. Default: natural gas (IPCC 2006)."), advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Building emissions")),
                  self.tr("The buildings with gfa_m2, eui_kwh_m2, energy_kwh and co2_t_yr added."))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_GFA_M2, self.tr("Total gross floor area (m²)")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_CO2_T, self.tr("Total CO2 (t/a)")))

    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        floors_idx = self.field_index(parameters, self.FLOORS_FIELD, source, context, text_numbers=True)
        gfa_idx = self.field_index(parameters, self.GFA_FIELD, source, context)
        use_idx = self.field_index(parameters, self.USE_FIELD, source, context, numeric=False)
        known_idx = self.field_index(parameters, self.CO2_FIELD, source, context)
        flag_idx = [self.estimate_flag_index(source, i) for i in (floors_idx, use_idx)]
        default_floors = self.parameterAsDouble(parameters, self.DEFAULT_FLOORS, context)
        grid = self.grid_factor(parameters, context, feedback)
        fuel = self.parameterAsDouble(parameters, self.FUEL_FACTOR, context)
        table_path = (self.parameterAsFile(parameters, self.EUI_TABLE, context)
                      or self.factor_table("building_eui.csv", feedback))
        table = tables.read_eui_table(table_path)

        fields, positions = self.output_fields(source.fields(), NEW_FIELDS, feedback)
        self.writes_every_feature(self.OUTPUT, source)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         source.wkbType(), source.sourceCrs())
        transform, to_m2 = self.area_measure(source, context, feedback)

        numeric = [i for i in (floors_idx, gfa_idx, known_idx, *flag_idx) if i >= 0]
        text = [use_idx] if use_idx >= 0 else []
        totals = {"gfa": 0.0, "co2": 0.0, "default_floors": 0, "fallback": 0,
                  "repaired": 0, "count": 0, "estimated": 0, "known": 0, "gfa_too_large": 0}
        used_rows = set()
        for chunk in self.read_chunks(source, feedback, numeric, text, transform=transform, nodata=[floors_idx]):
            footprint = shapely.area(chunk.geometry) * to_m2
            gfa, n_default = emissions.gross_floor_area(
                footprint, chunk.values.get(floors_idx), chunk.values.get(gfa_idx), default_floors)
            uses = chunk.values.get(use_idx, [None] * len(chunk.features))
            elec, fuel_eui, n_fallback, rows = emissions.match_uses(uses, table)
            energy, co2 = emissions.operational_co2(gfa, elec, fuel_eui, grid, fuel)
            eui = elec + fuel_eui
            if known_idx >= 0:
                co2, energy, eui, n_known = emissions.known_co2(co2, energy, eui, chunk.values[known_idx])
                totals["known"] += n_known
            estimated = emissions.co2_estimated(chunk.values.get(floors_idx), chunk.values.get(gfa_idx), rows, table,
                                                *(chunk.values.get(i) for i in flag_idx))
            self.write_chunk(sink, chunk, source.fields().count(), positions,
                             [gfa, eui, energy, co2, estimated, estimated], parameters, self.OUTPUT)
            totals["estimated"] += int(estimated.sum())
            used_rows.update(rows.tolist())
            totals["gfa"] += float(gfa[gfa == gfa].sum())
            totals["co2"] += float(co2[co2 == co2].sum())
            totals["default_floors"] += n_default
            if gfa_idx >= 0:
                totals["gfa_too_large"] += int((chunk.values[gfa_idx] > emissions.LARGEST_GFA_M2).sum())
            totals["fallback"] += n_fallback
            totals["repaired"] += chunk.repaired
            totals["count"] += len(chunk.features)
            self.check_canceled(feedback)

        self._report(feedback, totals, table, used_rows, table_path, grid, fuel)
        self.style_output(context, dest_id, self._abstract(table_path, grid, fuel))
        return {self.OUTPUT: dest_id, self.TOTAL_GFA_M2: totals["gfa"], self.TOTAL_CO2_T: totals["co2"]}

    def _report(self, feedback, totals, table, used_rows, table_path, grid, fuel):
        if totals["gfa_too_large"]:
            feedback.pushWarning(self.tr(
                "{n} buildings have a gross floor area above {limit:,.0f} m², which no building has: it is left out "
                "and their floor area is footprint × floors.").format(n=totals["gfa_too_large"],
                                                                       limit=emissions.LARGEST_GFA_M2))
        if totals["default_floors"]:
            feedback.pushWarning(self.tr("{n} buildings had no usable floors value and used the default.")
                                 .format(n=totals["default_floors"]))
        if totals["fallback"]:
            feedback.pushWarning(self.tr("{n} buildings have a use the table does not list and took the "
                                         "“default” row.").format(n=totals["fallback"]))
        if totals["known"]:
            feedback.pushInfo(self.tr("{n} buildings take their CO2 from the known CO2 field.")
                              .format(n=totals["known"]))
        if totals["estimated"]:
            feedback.pushInfo(self.tr("{n} buildings' CO2 rests on default floors or a default use (co2_t_yr_est = 1).")
                              .format(n=totals["estimated"]))
        if totals["repaired"]:
            feedback.pushWarning(self.tr("{n} invalid geometries were repaired for measuring; the output "
                                         "keeps them as they were.").format(n=totals["repaired"]))
        unverified = [table["use"].iloc[r] for r in sorted(used_rows)
                      if "verified" in table.columns and str(table["verified"].iloc[r]).strip().lower() != "yes"]
        if unverified:
            feedback.pushWarning(self.tr("Unverified EUI values were used for: {uses}. Check them against "
                                         "local statistics.").format(
                                             uses=", ".join(factor_names(unverified, "building_eui.csv", "use"))))
        feedback.pushInfo(self.tr("EUI table: {path}. Grid factor {grid} kgCO2/kWh, fuel factor {fuel} "
                                  "kgCO2/kWh.").format(path=table_path, grid=grid, fuel=fuel))
        feedback.pushInfo(self.tr("{n} buildings: {gfa:,.0f} m² gross floor area, {co2:,.1f} t CO2 a year.")
                          .format(n=totals["count"], gfa=totals["gfa"], co2=totals["co2"]))

    def _abstract(self, table_path, grid, fuel):
        return self.tr("Operational CO2 of buildings: GFA × EUI × emission factor. EUI table {path}; "
                       "grid factor {grid} kgCO2/kWh; fuel factor {fuel} kgCO2/kWh. Made by the "
                       "Low-Carbon & Resilience Planning Toolkit.").format(path=table_path, grid=grid, fuel=fuel)
