"""lcr:transit_coverage: share of residents and buildings within walking distance of rail stations
and bus stops, along the road network or, without roads, in a straight line."""
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
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core import network, transit, zones
from .network_glue import NetworkAlgorithm, clean_population

BUILDING_FIELDS = [("rail_m", "double"), ("bus_m", "double"), ("rail_cov", "int"), ("bus_cov", "int")]
UNIT_FIELDS = [("bldg", "int"), ("pop", "double"), ("pop_rail", "double"), ("pop_bus", "double"),
               ("rail_pct", "double"), ("bus_pct", "double"), ("bldg_rail_pct", "double"),
               ("bldg_bus_pct", "double")]
METHOD_FIELD = "method"
UNITS_STYLE = "transit_coverage_units"


class TransitCoverage(NetworkAlgorithm):
    ALG_ID = "transit_coverage"
    GROUP_ID = "low_carbon"
    STYLE = "transit_coverage"

    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    STOPS = "STOPS"
    STOP_TYPE_FIELD = "STOP_TYPE_FIELD"
    RAIL_VALUES = "RAIL_VALUES"
    BUS_VALUES = "BUS_VALUES"
    RAIL_DISTANCE = "RAIL_DISTANCE"
    BUS_DISTANCE = "BUS_DISTANCE"
    OUTPUT = "OUTPUT"
    RAIL_COVERAGE_PCT = "RAIL_COVERAGE_PCT"
    BUS_COVERAGE_PCT = "BUS_COVERAGE_PCT"

    def displayName(self):  # noqa: N802
        return self.tr("Transit coverage")

    def help_text(self):
        return self.tr(
            "Share of residents (and of buildings) within walking distance of a rail station and of a "
            "bus stop: the indicator 轨道交通站点800米半径服务覆盖率 of the territorial master plan "
            "guide, and its bus-stop analogue.\n\n"
            "Each building is represented by a point inside it. With a roads layer the distance is "
            "walked along the roads: straight from the building to the nearest road, along the network "
            "(shortest path, Dijkstra) and straight from the road to the stop. Roads must share a vertex "
            "where they meet (noded lines). Buildings and stops farther than the maximum snapping "
            "distance from every road are not on the network: their distance stays empty and they are "
            "not covered. Without roads the distance is a straight line, which over-states coverage "
            "where rivers, rail lines or walled compounds force detours.\n\n"
            "Coverage = Σ population of covered buildings / Σ population × 100 (by building count "
            "without a population field). A building is covered where its distance is at most the "
            "walking distance: 800 m for rail (guide indicator), 500 m for bus (300 m is also used; "
            "both are planning conventions, not a national standard).\n\n"
            "Distances are in metres: layers in a geographic CRS, Web Mercator or non-metric units are "
            "measured in the UTM zone of the buildings' centre.\n\n"
            "Output fields: rail_m, bus_m (m, empty where no path), rail_cov, bus_cov (0/1), method "
            "(network or euclidean). Planning units: bldg (count), pop, pop_rail, pop_bus (persons), "
            "rail_pct, bus_pct (% of residents, or of buildings without population), bldg_rail_pct, "
            "bldg_bus_pct (% of buildings), method.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Buildings or parcels"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("Polygons where people live: building footprints or residential parcels."))
        self.add_parameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Residents of each polygon; missing or negative values count as 0. Without it, "
                    "coverage is the share of buildings."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.STOPS, self.tr("Transit stops"), [QgsProcessing.SourceType.TypeVectorPoint]),
            self.tr("Rail stations (or their entrances) and bus stops, as points."))
        self.add_parameter(QgsProcessingParameterField(
            self.STOP_TYPE_FIELD, self.tr("Stop type field"), parentLayerParameterName=self.STOPS,
            type=QgsProcessingParameterField.DataType.Any),
            self.tr("Field of the stops telling rail from bus, e.g. stop_type."))
        self.add_parameter(QgsProcessingParameterString(
            self.RAIL_VALUES, self.tr("Rail values"), defaultValue="rail,metro,subway,地铁,轨道"),
            self.tr("Values of the stop type field meaning a rail station, separated by commas "
                    "(case is ignored)."))
        self.add_parameter(QgsProcessingParameterString(
            self.BUS_VALUES, self.tr("Bus values"), defaultValue="bus,公交"),
            self.tr("Values of the stop type field meaning a bus stop, separated by commas. Stops of "
                    "other types are ignored and counted in the log."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.RAIL_DISTANCE, self.tr("Walking distance to rail (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=800, minValue=0),
            self.tr("A building is covered by rail within this distance (800 m: the rail-station "
                    "coverage indicator of the master plan guide)."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.BUS_DISTANCE, self.tr("Walking distance to bus (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=500, minValue=0),
            self.tr("A building is covered by bus within this distance (500 m; 300 m is a stricter "
                    "convention)."))
        self.add_roads_parameters(self.tr("Buildings and stops farther than this from every road are not on "
                                          "the network: they get no distance and are not covered."))
        self.add_units_parameter(self.tr("Polygons to report coverage for (planning units, communities). A "
                                         "building belongs to the unit containing its representative point."))
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Transit coverage")),
                           self.tr("The buildings with rail_m, bus_m, rail_cov, bus_cov and method added."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.UNITS_OUTPUT, self.tr("Transit coverage by unit"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True, createByDefault=False),
            self.tr("The planning units with bldg, pop, pop_rail, pop_bus, rail_pct, bus_pct, "
                    "bldg_rail_pct, bldg_bus_pct and method added. Needs planning units."))
        self.addOutput(QgsProcessingOutputNumber(self.RAIL_COVERAGE_PCT, self.tr("Rail coverage (%)")))
        self.addOutput(QgsProcessingOutputNumber(self.BUS_COVERAGE_PCT, self.tr("Bus coverage (%)")))

    def error_messages(self):
        return {
            **super().error_messages(),
            "stop_values_overlap": self.tr("“{value}” is listed both as a rail and as a bus value: keep it "
                                           "in one list only."),
        }

    # ---- running ------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        pop_idx = self.field_index(parameters, self.POPULATION_FIELD, source, context)
        stops = self.parameterAsSource(parameters, self.STOPS, context)
        no_stops = stops is not None and stops.featureCount() == 0
        if not no_stops:
            stops = self.feature_source(parameters, self.STOPS, context, QgsWkbTypes.GeometryType.PointGeometry)
        type_idx = self.field_index(parameters, self.STOP_TYPE_FIELD, stops, context, numeric=False)
        if type_idx < 0:
            raise QgsProcessingException(self.tr("Choose the field of the stops that tells rail from bus."))
        rail_values = transit.parse_values(self.parameterAsString(parameters, self.RAIL_VALUES, context))
        bus_values = transit.parse_values(self.parameterAsString(parameters, self.BUS_VALUES, context))
        rail_m = self.parameterAsDouble(parameters, self.RAIL_DISTANCE, context)
        bus_m = self.parameterAsDouble(parameters, self.BUS_DISTANCE, context)
        roads, max_snap, units = self.network_parameters(parameters, context)

        work_crs, transform = self.distance_crs(source, context, feedback)
        if no_stops:
            # An empty layer of stops (an OpenStreetMap extract without any) leaves coverage unknown, not 0 %.
            roads = None
            rail_points = bus_points = np.zeros(0, dtype=object)
            feedback.pushWarning(self.tr(
                "“{layer}” has no features: transit coverage is not assessed (rail_cov, bus_cov and the coverage "
                "shares are NULL), and a planning check does not assess its transit rules (no transit stops in "
                "the data).").format(layer=stops.sourceName()))
        else:
            rail_points, bus_points = self._read_stops(stops, type_idx, rail_values, bus_values, work_crs,
                                                       context, feedback)
        method = "not_assessed" if no_stops else "network" if roads is not None else "euclidean"
        if no_stops:
            pass
        elif roads is not None:
            net = self.read_network(roads, work_crs, context, feedback)
            rail_reach = self._reach(net, rail_points, max_snap, "rail", feedback)
            bus_reach = self._reach(net, bus_points, max_snap, "bus", feedback)
            feedback.pushInfo(self.tr("Distances are walked along the roads (network distance)."))
        else:
            feedback.pushInfo(self.tr("No roads given: distances are straight lines (Euclidean), which "
                                      "over-state coverage where the way is blocked."))
        unit_chunk = self.read_units(units, work_crs, context, feedback, features=False) \
            if units is not None else None
        unit_geometry = unit_chunk.geometry if unit_chunk is not None else None

        fields, positions = self.output_fields(source.fields(), BUILDING_FIELDS + [(METHOD_FIELD, "text")], feedback)
        self.writes_every_feature(self.OUTPUT, source)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         source.wkbType(), source.sourceCrs())
        numeric = [pop_idx] if pop_idx >= 0 else []
        totals, unit_totals = None, None
        counts = {"off_network": 0, "repaired": 0, "bad_pop": 0, "no_path_rail": 0,
                  "no_path_bus": 0}
        for chunk in self.read_chunks(source, feedback, numeric, transform=transform):
            points = network.representative_points(chunk.geometry)
            present = ~shapely.is_missing(points)
            if roads is not None:
                snapped = network.snap(net, points, max_snap)
                rail_d, _ = rail_reach.distance_to(snapped)
                bus_d, _ = bus_reach.distance_to(snapped)
                counts["off_network"] += int((present & ~snapped.on_network).sum())
                if len(rail_points):
                    counts["no_path_rail"] += int((snapped.on_network & ~np.isfinite(rail_d)).sum())
                if len(bus_points):
                    counts["no_path_bus"] += int((snapped.on_network & ~np.isfinite(bus_d)).sum())
            else:
                rail_d, _ = network.euclidean_distance(rail_points, points)
                bus_d, _ = network.euclidean_distance(bus_points, points)
            rail_cov, bus_cov = transit.covered(rail_d, rail_m), transit.covered(bus_d, bus_m)
            population = None
            if pop_idx >= 0:
                population, bad = clean_population(chunk.values[pop_idx], present)
                counts["bad_pop"] += bad
            written = [np.full(len(points), np.nan)] * 2 if no_stops else [rail_cov, bus_cov]
            self.write_chunk(sink, chunk, source.fields().count(), positions,
                             [_finite_or_nan(rail_d), _finite_or_nan(bus_d), *written,
                              np.full(len(points), method, dtype=object)], parameters, self.OUTPUT)
            everywhere = np.where(present, 0, -1)
            totals = transit.add_sums(totals, transit.coverage_sums(everywhere, 1, population, rail_cov, bus_cov))
            if unit_geometry is not None:
                unit_index = zones.assign_to_zones(points, unit_geometry)  # a point is its own representative
                unit_totals = transit.add_sums(unit_totals, transit.coverage_sums(
                    unit_index, len(unit_geometry), population, rail_cov, bus_cov))
            counts["repaired"] += chunk.repaired
            self.check_canceled(feedback)

        if totals is None:  # no feature was read
            totals = transit.coverage_sums(np.zeros(0, int), 1, None, [], [])
        by_population = pop_idx >= 0 and totals["pop"][0] > 0
        if pop_idx >= 0 and not by_population:
            feedback.pushWarning(self.tr("The population field sums to 0: coverage is the share of buildings."))
        shares = transit.coverage_shares(totals, by_population)
        if no_stops:
            shares = transit.not_assessed(shares)
        else:
            self._report(feedback, counts, shares, by_population, rail_m, bus_m, max_snap)
        rail_pct, bus_pct = float(shares["rail_pct"][0]), float(shares["bus_pct"][0])

        result = {self.OUTPUT: dest_id, self.RAIL_COVERAGE_PCT: rail_pct, self.BUS_COVERAGE_PCT: bus_pct}
        units_dest = self._write_units(parameters, context, feedback, units, unit_chunk, unit_totals,
                                       by_population, method, no_stops)
        if units_dest is not None:
            result[self.UNITS_OUTPUT] = units_dest
        self.style_output(context, dest_id, self._abstract(method, rail_m, bus_m, max_snap))
        return result

    # ---- inputs -------------------------------------------------------------------------------
    def _read_stops(self, stops, type_idx, rail_values, bus_values, work_crs, context, feedback):
        """Representative points of the rail and of the bus stops, in the working CRS."""
        if not rail_values and not bus_values:
            raise QgsProcessingException(self.tr("Give at least one rail value or bus value."))
        chunk, points = self.read_points(stops, work_crs, context, feedback, text=[type_idx], only_fields=True)
        types = chunk.values[type_idx]
        is_rail, is_bus, other = transit.classify_stops(types, rail_values, bus_values)
        present = ~shapely.is_missing(points)
        field = stops.fields().at(type_idx).name()
        if not (present & (is_rail | is_bus)).any():
            raise QgsProcessingException(self.tr(
                "No stop of “{layer}” has a {field} value listed as rail ({rail}) or bus ({bus}). "
                "Its values are: {values}.").format(
                    layer=stops.sourceName(), field=field, rail=", ".join(rail_values),
                    bus=", ".join(bus_values), values=", ".join(v or "NULL" for v in other)))
        ignored = int((~is_rail & ~is_bus).sum())
        if ignored:
            feedback.pushWarning(self.tr("{n} stops have another {field} value and are ignored: {values}.")
                                 .format(n=ignored, field=field, values=", ".join(v or "NULL" for v in other)))
        rail_points, bus_points = points[is_rail & present], points[is_bus & present]
        feedback.pushInfo(self.tr("{r} rail stations and {b} bus stops.").format(r=len(rail_points), b=len(bus_points)))
        if not len(rail_points):
            feedback.pushWarning(self.tr("No rail station: rail distances stay empty and rail coverage is 0."))
        if not len(bus_points):
            feedback.pushWarning(self.tr("No bus stop: bus distances stay empty and bus coverage is 0."))
        return rail_points, bus_points

    def _reach(self, net, points, max_snap, kind, feedback):
        snapped = network.snap(net, points, max_snap)
        off = int((~snapped.on_network).sum())
        if off and kind == "rail":
            feedback.pushWarning(self.tr("{n} rail stations are farther than {d} m from every road and are "
                                         "left out.").format(n=off, d=max_snap))
        elif off:
            feedback.pushWarning(self.tr("{n} bus stops are farther than {d} m from every road and are "
                                         "left out.").format(n=off, d=max_snap))
        return network.reach(net, snapped)

    # ---- outputs ------------------------------------------------------------------------------
    def _write_units(self, parameters, context, feedback, units, unit_chunk, unit_totals, by_population, method,
                     no_stops=False):
        if not self.units_output_wanted(parameters, units, feedback, self.tr(
                "No planning units given: the coverage by unit is not written.")):
            return None
        n = len(unit_chunk.geometry)
        if unit_totals is None:  # no feature was read
            unit_totals = transit.coverage_sums(np.zeros(0, int), n, None, [], [])
        shares = transit.coverage_shares(unit_totals, by_population)
        if no_stops:
            shares = transit.not_assessed(shares)
        columns = [shares["bldg"].astype(int)] + [shares[name] for name, _ in UNIT_FIELDS[1:]]
        dest_id = self.write_units(parameters, context, feedback, units, unit_chunk, UNIT_FIELDS, columns, method)
        if dest_id is not None:
            feedback.pushInfo(self.tr("Coverage written for {n} planning units.").format(n=n))
            self.style_output(context, dest_id, self.tr(
                "Transit coverage by planning unit ({method} distances). Made by the Low-Carbon & Resilience "
                "Planning Toolkit.").format(method=method), UNITS_STYLE)
        return dest_id

    def _report(self, feedback, counts, shares, by_population, rail_m, bus_m, max_snap):
        if counts["off_network"]:
            feedback.pushWarning(self.tr(
                "{n} buildings are farther than {d} m from every road: they count as not covered.")
                .format(n=counts["off_network"], d=max_snap))
        if counts["no_path_rail"]:
            feedback.pushWarning(self.tr(
                "{n} buildings near a road have no path to any rail station: their roads are not connected "
                "to the stations' roads.").format(n=counts["no_path_rail"]))
        if counts["no_path_bus"]:
            feedback.pushWarning(self.tr(
                "{n} buildings near a road have no path to any bus stop: their roads are not connected "
                "to the stops' roads.").format(n=counts["no_path_bus"]))
        if counts["bad_pop"]:
            feedback.pushWarning(self.tr("{n} buildings have a missing or negative population, counted as 0.")
                                 .format(n=counts["bad_pop"]))
        if counts["repaired"]:
            feedback.pushWarning(self.tr("{n} invalid geometries were repaired for the calculation; the "
                                         "output keeps them as they were.").format(n=counts["repaired"]))
        if shares["bldg"][0] > 0 and shares["bldg_rail"][0] == 0 and shares["bldg_bus"][0] == 0:
            feedback.pushWarning(self.tr("No building is within walking distance of any stop: check that the "
                                         "layers cover the same place."))
        if by_population:
            feedback.pushInfo(self.tr(
                "Rail: {pr:,.0f} of {p:,.0f} residents ({rp:.1f} %) within {rd} m. "
                "Bus: {pb:,.0f} residents ({bp:.1f} %) within {bd} m.").format(
                    pr=shares["pop_rail"][0], p=shares["pop"][0], rp=shares["rail_pct"][0], rd=rail_m,
                    pb=shares["pop_bus"][0], bp=shares["bus_pct"][0], bd=bus_m))
        feedback.pushInfo(self.tr(
            "Buildings: {br:.0f} of {b:.0f} ({brp:.1f} %) within {rd} m of rail, {bb:.0f} ({bbp:.1f} %) "
            "within {bd} m of bus.").format(
                br=shares["bldg_rail"][0], b=shares["bldg"][0], brp=np.nan_to_num(shares["bldg_rail_pct"][0]),
                rd=rail_m, bb=shares["bldg_bus"][0], bbp=np.nan_to_num(shares["bldg_bus_pct"][0]), bd=bus_m))

    def _abstract(self, method, rail_m, bus_m, max_snap):
        if method == "network":
            return self.tr("Transit coverage of buildings: walking distance along the roads (buildings and "
                           "stops up to {s} m from a road) to the nearest rail station (covered within "
                           "{r} m) and bus stop (within {b} m). Made by the Low-Carbon & Resilience "
                           "Planning Toolkit.").format(s=max_snap, r=rail_m, b=bus_m)
        return self.tr("Transit coverage of buildings: straight-line distance to the nearest rail station "
                       "(covered within {r} m) and bus stop (within {b} m). Made by the Low-Carbon & "
                       "Resilience Planning Toolkit.").format(r=rail_m, b=bus_m)


def _finite_or_nan(values):
    """Distances for the output: NaN (written as NULL) where there is no path."""
    values = np.asarray(values, dtype=float)
    return np.where(np.isfinite(values), values, np.nan)
