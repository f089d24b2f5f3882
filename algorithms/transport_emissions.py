"""lcr:transport_emissions: residents' passenger transport CO2 per zone (ASIF) and green-transport share."""
import numpy as np
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

from ..core import transport
from ..core.errors import InputError
from .base import LcrAlgorithm, is_shipped_table


class TransportEmissions(LcrAlgorithm):
    ALG_ID = "transport_emissions"
    GROUP_ID = "low_carbon"
    STYLE = "transport_emissions"

    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    TRIP_RATE = "TRIP_RATE"
    MODE_TABLE = "MODE_TABLE"
    WALK_SHARE_FIELD = "WALK_SHARE_FIELD"
    BIKE_SHARE_FIELD = "BIKE_SHARE_FIELD"
    BUS_SHARE_FIELD = "BUS_SHARE_FIELD"
    RAIL_SHARE_FIELD = "RAIL_SHARE_FIELD"
    CAR_SHARE_FIELD = "CAR_SHARE_FIELD"
    OUTPUT = "OUTPUT"
    TOTAL_CO2_T = "TOTAL_CO2_T"
    GREEN_SHARE = "GREEN_SHARE"

    def share_parameters(self):
        """(parameter name, mode of the mode table, label) of the optional per-zone share fields."""
        return [(self.WALK_SHARE_FIELD, "walk", self.tr("Walking share field")),
                (self.BIKE_SHARE_FIELD, "bike", self.tr("Cycling share field")),
                (self.BUS_SHARE_FIELD, "bus", self.tr("Bus share field")),
                (self.RAIL_SHARE_FIELD, "rail", self.tr("Rail share field")),
                (self.CAR_SHARE_FIELD, "car", self.tr("Car share field"))]

    def displayName(self):  # noqa: N802
        return self.tr("Passenger transport emissions")

    def help_text(self):
        return self.tr(
            "Estimates the CO2 of the trips the residents of each zone make in a year, by mode, and the "
            "share of their trips made by green modes (ASIF method: activity × structure × intensity × fuel).\n\n"
            "Trips a year = population × trips per person per day × 365. For each mode, passenger-km "
            "= trips × mode share × mean trip length. CO2 (t/a) = Σ passenger-km × kgCO2 per "
            "passenger-km / 1000; electric modes (metro, light rail, e-bus) use kWh per passenger-km × "
            "the grid factor. Green-transport share = trips by walking, cycling, bus and rail / all trips.\n\n"
            "Population comes from a field of the zones. Planning units rarely carry one: sum the "
            "residents of buildings or parcels into the zones first (e.g. with QGIS “Join attributes by "
            "location (summary)”, sum of residents) and pick that field. Only residents' trips are "
            "counted: trips into the zone by workers living elsewhere belong to their home zones.\n\n"
            "The shipped mode table (resources/factors/transport_factors.csv) has walk, bike, bus, rail "
            "and car. Its emission factors are UK DEFRA 2007 example values (car 0.1021 kgCO2/pkm at 2 "
            "occupants, bus 0.0891; rail as 0.1225 kWh/pkm, i.e. DEFRA light rail 0.0650 kgCO2/pkm at "
            "China's 2023 grid factor) because Chinese factors were not found; its shares and trip "
            "lengths are an example, not survey data. Every row is marked unverified and the log warns: "
            "replace the table with local travel-survey data. Your own table needs the columns mode, "
            "share, trip_km, kg_co2_pkm and/or kwh_pkm, green (0/1); shares must sum to 1.\n\n"
            "Zones may carry their own mode shares (fractions 0–1) in the advanced share fields: a given "
            "share replaces the table's for that zone, and the modes without a field share the rest in "
            "the table's proportions. Zones whose shares cannot sum to 1 are left empty and counted.\n\n"
            "Output fields: pkm_<mode> for each mode of the table (passenger-km a year; pkm_walk, "
            "pkm_bike, pkm_bus, pkm_rail, pkm_car with the shipped table), co2_t_yr (t/a), co2_kg_cap "
            "(kg per resident a year), co2_t_ha (t per hectare of zone a year; true areas, zones in degrees "
            "or Web Mercator measured in UTM), green_share (0–1) and green_share_est (1 where the zone's "
            "share comes from the shipped example table alone, not from your data: lcr:planning_check then "
            "gives no verdict on it); co2_t_yr_est and co2_kg_cap_est flag the zone's CO2 in the same way "
            "(with the shipped shares its CO2 per resident is the same everywhere; lcr:carbon_balance reads "
            "the flag).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Zones"), [QgsProcessing.TypeVectorPolygon]),
            self.tr("Zones whose residents travel, e.g. planning units, communities or grid cells (polygons)."))
        self.add_parameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.Numeric),
            self.tr("Residents of each zone. Zones with no value are left empty and counted."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.TRIP_RATE, self.tr("Trips per person per day"), QgsProcessingParameterNumber.Double,
            defaultValue=transport.DEFAULT_TRIP_RATE, minValue=0),
            self.tr("Average trips a resident makes on a day, all modes together. Default 2.5 is an "
                    "unverified planning example; take it from the local resident travel survey."))
        self.add_parameter(QgsProcessingParameterFile(
            self.MODE_TABLE, self.tr("Mode table (CSV)"), extension="csv", optional=True),
            self.tr("CSV with one row per mode: mode, share (of trips, summing to 1), trip_km, kg_co2_pkm "
                    "and/or kwh_pkm (electric modes), green (0/1), and optionally source, year, verified. "
                    "Replaces the shipped table."), advanced=True)
        for name, mode, label in self.share_parameters():
            self.add_parameter(QgsProcessingParameterField(
                name, label, parentLayerParameterName=self.INPUT,
                type=QgsProcessingParameterField.Numeric, optional=True),
                self.tr("The zone's own share of trips by the mode “{mode}” (0–1). Empty values keep the "
                        "table's share.").format(mode=mode), advanced=True)
        self.add_grid_parameters()
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Transport emissions")),
                           self.tr("The zones with pkm_<mode>, co2_t_yr, co2_kg_cap, co2_t_ha and green_share "
                                   "added."))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_CO2_T, self.tr("Total transport CO2 (t/a)")))
        self.addOutput(QgsProcessingOutputNumber(self.GREEN_SHARE, self.tr("Green-transport share (0–1)")))

    def error_messages(self):
        return {
            "mode_shares_sum": self.tr(
                "The mode shares in {path} sum to {total}; they must sum to 1 (fractions of all trips, "
                "e.g. 0.25 for 25 %)."),
            "mode_bad_green": self.tr("The table {path}, line {line}: green must be 0 or 1, not “{value}”."),
            "mode_no_factor": self.tr(
                "The table {path}, line {line}: the mode “{mode}” needs kg_co2_pkm or kwh_pkm (0 for "
                "walking and cycling)."),
            "mode_bad_name": self.tr(
                "The table {path}, line {line}: the mode “{value}” must be a short lower-case name "
                "(letters, digits, _; at most 12 characters): it becomes the field pkm_<mode>."),
            "mode_share_field_unknown": self.tr(
                "A share field is given for the mode “{mode}”, which the mode table {path} does not have. "
                "Its modes are: {modes}."),
            "trip_rate_negative": self.tr("Trips per person per day cannot be negative; it is {value}."),
        }

    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        pop_idx = self.field_index(parameters, self.POPULATION_FIELD, source, context)
        trip_rate = self.parameterAsDouble(parameters, self.TRIP_RATE, context)
        table_path = (self.parameterAsFile(parameters, self.MODE_TABLE, context)
                      or self.factor_table("transport_factors.csv", feedback))
        table = transport.read_mode_table(table_path)
        modes = table["mode"].tolist()
        share_idx = self._share_fields(parameters, source, context, modes, table_path)
        grid = self.grid_factor(parameters, context, feedback)
        kg_per_pkm = transport.emission_per_pkm(table["kg_co2_pkm"], table["kwh_pkm"], grid)
        self._log_table(feedback, table, kg_per_pkm, grid, table_path)

        # A zone's green share that comes from the shipped example shares alone says nothing about
        # the plan: green_share_est = 1 tells lcr:planning_check not to give it a verdict.
        shipped = is_shipped_table(table_path, "transport_factors.csv")
        if shipped:
            feedback.pushWarning(self.tr(
                "The green-transport share of zones without their own mode shares comes from the shipped "
                "example shares, not from your data: such zones get green_share_est = 1 and no verdict on it."))
        new_fields = [(f"pkm_{mode}", "double") for mode in modes] + [
            ("co2_t_yr", "double"), ("co2_kg_cap", "double"), ("co2_t_ha", "double"), ("green_share", "double"),
            ("green_share_est", "int"), ("co2_t_yr_est", "int"), ("co2_kg_cap_est", "int")]
        fields, positions = self.output_fields(source.fields(), new_fields, feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         source.wkbType(), source.sourceCrs())
        numeric = [pop_idx, *share_idx.values()]
        transform, to_m2 = self.area_measure(source, context, feedback)
        totals = {"co2": 0.0, "trips": 0.0, "green_trips": 0.0, "no_pop": 0, "bad_shares": 0,
                  "own_shares": 0, "count": 0}
        table_shares = table["share"].to_numpy()
        for chunk in self.read_chunks(source, feedback, numeric, transform=transform):
            n = len(chunk.features)
            population = chunk.values[pop_idx].copy()
            no_pop = np.isnan(population) | (population < 0)
            population[no_pop] = np.nan
            given = np.full((n, len(modes)), np.nan)
            for mode, idx in share_idx.items():
                given[:, modes.index(mode)] = chunk.values[idx]
            shares, bad = transport.zone_shares(table_shares, given)
            pkm = transport.passenger_km(population, trip_rate, shares, table["trip_km"].to_numpy())
            co2 = transport.transport_co2_t(pkm, kg_per_pkm)
            trips = population * trip_rate * transport.DAYS_PER_YEAR
            green = np.where(trips > 0, transport.green_share(shares, table["green"].to_numpy()), np.nan)
            per_capita = np.divide(co2 * 1000.0, population, out=np.full(n, np.nan), where=population > 0)
            hectares = np.nan_to_num(shapely.area(chunk.geometry), nan=0.0) * to_m2 / 10_000.0
            per_ha = np.divide(co2, hectares, out=np.full(n, np.nan), where=hectares > 0)
            defaults_only = np.isnan(given).all(axis=1) & shipped
            estimated = (defaults_only & ~np.isnan(green)).astype(int)
            co2_estimated = (defaults_only & ~np.isnan(co2)).astype(int)
            columns = [pkm[:, j] for j in range(len(modes))] + [co2, per_capita, per_ha, green, estimated,
                                                                  co2_estimated, co2_estimated]
            self.write_chunk(sink, chunk, source.fields().count(), positions, columns, parameters, self.OUTPUT)
            use = ~np.isnan(green)
            totals["co2"] += float(np.nansum(co2))
            totals["trips"] += float(trips[use].sum())
            totals["green_trips"] += float((trips[use] * green[use]).sum())
            totals["no_pop"] += int(no_pop.sum())
            totals["bad_shares"] += int((bad & ~no_pop).sum())
            totals["own_shares"] += int((~np.isnan(given).all(axis=1) & ~bad).sum())
            totals["count"] += n
            self.check_canceled(feedback)

        green_share = totals["green_trips"] / totals["trips"] if totals["trips"] > 0 else None
        self._report(feedback, totals, green_share, trip_rate)
        self.style_output(context, dest_id, self.tr(
            "Passenger transport CO2 of residents (ASIF): population × {rate} trips/day × 365 × mode share "
            "× trip length × kgCO2/pkm; mode table {path}; grid factor {grid} kgCO2/kWh. Made by the "
            "Low-Carbon & Resilience Planning Toolkit.").format(rate=trip_rate, path=table_path, grid=grid))
        return {self.OUTPUT: dest_id, self.TOTAL_CO2_T: totals["co2"], self.GREEN_SHARE: green_share}

    def _share_fields(self, parameters, source, context, modes, table_path):
        """{mode: field index} of the per-zone share fields the user gave."""
        chosen = {}
        for name, mode, _ in self.share_parameters():
            index = self.field_index(parameters, name, source, context)
            if index < 0:
                continue
            if mode not in modes:
                raise InputError("mode_share_field_unknown", mode=mode, path=table_path,
                                           modes=", ".join(modes))
            chosen[mode] = index
        return chosen

    def _log_table(self, feedback, table, kg_per_pkm, grid, table_path):
        feedback.pushInfo(self.tr("Mode table: {path}.").format(path=table_path))
        for row, factor in zip(table.itertuples(), kg_per_pkm):
            if row.electric:
                feedback.pushInfo(self.tr(
                    "{mode}: share {share:.3f}, {km} km a trip, {kwh} kWh/pkm × {grid} = {f:.4f} kgCO2/pkm.")
                    .format(mode=row.mode, share=row.share, km=row.trip_km, kwh=row.kwh_pkm, grid=grid, f=factor))
            else:
                feedback.pushInfo(self.tr("{mode}: share {share:.3f}, {km} km a trip, {f:.4f} kgCO2/pkm.")
                                  .format(mode=row.mode, share=row.share, km=row.trip_km, f=factor))
        if "verified" in table.columns:
            unverified = table.loc[table["verified"].str.strip().str.lower() != "yes", "mode"].tolist()
        else:
            unverified = table["mode"].tolist()
        if unverified:
            feedback.pushWarning(self.tr(
                "Unverified mode shares, trip lengths or emission factors are used for: {modes}. The shipped "
                "factors are UK DEFRA 2007 examples, not Chinese values; replace them with local data.")
                .format(modes=", ".join(unverified)))

    def _report(self, feedback, totals, green_share, trip_rate):
        if totals["no_pop"]:
            feedback.pushWarning(self.tr("{n} zones have no population value (or a negative one): their "
                                         "results stay empty.").format(n=totals["no_pop"]))
        if totals["bad_shares"]:
            feedback.pushWarning(self.tr(
                "{n} zones have their own mode shares that are negative or cannot sum to 1: their results "
                "stay empty. Shares are fractions of all trips (0.25 for 25 %).").format(n=totals["bad_shares"]))
        if totals["own_shares"]:
            feedback.pushInfo(self.tr("{n} zones use their own mode shares.").format(n=totals["own_shares"]))
        if trip_rate == transport.DEFAULT_TRIP_RATE:
            feedback.pushWarning(self.tr("The trip rate {rate} trips per person per day is an unverified "
                                         "planning example.").format(rate=trip_rate))
        share_text = "–" if green_share is None else f"{100 * green_share:.1f} %"
        feedback.pushInfo(self.tr("{n} zones: {co2:,.1f} t CO2 a year from residents' trips; green-transport "
                                  "share {share}.").format(n=totals["count"], co2=totals["co2"], share=share_text))
