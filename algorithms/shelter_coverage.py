"""lcr:shelter_coverage: residents within reach of an emergency shelter, per-capita shelter area,
a capacity-aware assignment of residents to shelters, and shelters standing in flood zones."""
import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core import memory, network, shelter, zones
from ..core import units as core_units
from ..qt_compat import holds_numbers
from .reading import transform_to
from .network_glue import NetworkAlgorithm, clean_population

BUILDING_FIELDS = [("shelter_m", "double"), ("in_reach", "int"), ("assigned", "double"), ("unplaced", "double")]
SHELTER_FIELDS = [("capacity", "double"), ("assigned", "double"), ("load_pct", "double"), ("flooded", "int"),
                  ("per_cap_m2", "double"), ("reach_m", "double")]
UNIT_FIELDS = [("pop", "double"), ("pop_reach", "double"), ("pop_unplaced", "double"),
               ("shelter_m2_cap", "double"), ("meets_std", "int"), ("shelter_m2_cap_est", "int")]
# After the shelter key and the method, so the older fields keep their positions.
LATE_BUILDING_FIELDS = [("shelter_m_est", "int")]
# The flag prepare_osm writes on the shelters it only guesses (open spaces taken as candidates).
CANDIDATE_FLAG = "est"
SHELTERS_STYLE = "shelter_coverage_shelters"
KEY_FIELD = "shelter_id"


class ShelterCoverage(NetworkAlgorithm):
    ALG_ID = "shelter_coverage"
    GROUP_ID = "resilience"
    STYLE = "shelter_coverage"

    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    SHELTERS = "SHELTERS"
    SHELTER_TYPE_FIELD = "SHELTER_TYPE_FIELD"
    AREA_FIELD = "AREA_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    SERVICE_DISTANCE = "SERVICE_DISTANCE"
    FLOOD_ZONES = "FLOOD_ZONES"
    FLOOD_DEPTH_FIELD = "FLOOD_DEPTH_FIELD"
    MIN_DEPTH = "MIN_DEPTH"
    EXCLUDE_FLOODED = "EXCLUDE_FLOODED"
    OUTPUT = "OUTPUT"
    SHELTERS_OUTPUT = "SHELTERS_OUTPUT"
    POP_IN_REACH_PCT = "POP_IN_REACH_PCT"
    POP_UNPLACED = "POP_UNPLACED"
    SHELTERS_FLOODED = "SHELTERS_FLOODED"

    def displayName(self):  # noqa: N802
        return self.tr("Emergency shelter coverage")

    def help_text(self):
        return self.tr(
            "Who lives within the service distance of an emergency shelter, how much effective shelter "
            "area there is per resident, and who finds no place when the shelters fill up.\n\n"
            "Distances run from a point inside each building to the shelter: along the roads when a "
            "roads layer is given (noded lines; buildings and shelters farther than the maximum snapping "
            "distance from every road are off the network), otherwise in a straight line, which "
            "over-states reach where rivers or walls force detours. The method is written in the output.\n\n"
            "Service distance: 500 m (emergency shelter radius, GB 50413-2007 §8.2.10). With a shelter type "
            "field, each class takes its own distance and effective area per evacuee from "
            "resources/factors/shelter_standards.csv (classes of GB 51143-2015: emergency 1.0 m² and 500 m "
            "and fixed shelters 2.0 m² per evacuee after GB 50413-2007 §8.2.8; short_term 1000 m, "
            "medium_term 3.0 m² and 1500 m, long_term and central 4.5 m² and 2500 m are placeholders, "
            "marked unverified). Capacity = the capacity field, or floor(effective area / area per evacuee "
            "of the class).\n\n"
            "Assignment (optimal): residents go to shelters within reach so that as many as the "
            "capacities allow find a place and, among all such assignments, the total walking distance "
            "(persons × m) is least: a transportation problem solved exactly as a linear programme "
            "(HiGHS). A building's residents may be split between shelters. Beyond 2 million "
            "building–shelter pairs in reach a greedy stands in (nearest shelter first, the residents "
            "left going on to their next-nearest, up to 8 shelters), which may leave residents unplaced "
            "who could have a place; the log says which was used. With roads, the distances of every "
            "pair come from one shortest-path search bounded by the service distance.\n\n"
            "Shelters in a flood zone (depth at least the minimum depth) are flagged and, by default, "
            "left out: they take nobody and do not count as reachable.\n\n"
            "Buildings: shelter_m (m to the nearest usable shelter), in_reach (0/1), assigned and "
            "unplaced (persons), shelter_id (the shelter that took most of the residents: its shelter_id "
            "field, else its feature id), method, shelter_m_est (1 where the nearest shelter is one flagged as "
            "estimated and no other is as near). Shelters: capacity, assigned (persons), load_pct (%), "
            "flooded (0/1), per_cap_m2 (effective m² per assigned resident), reach_m (m). Planning units: "
            "pop, pop_reach, pop_unplaced (persons), shelter_m2_cap (m² of usable shelters in the unit "
            "per resident), meets_std (0/1: 1 where shelter_m2_cap reaches the default row's area per evacuee, "
            "2.0 m², i.e. every resident of the unit could be sheltered; the national rules ask places for "
            "the evacuees only, at least 15 % of the planned population in fixed shelters), shelter_m2_cap_est (1 "
            "where shelters flagged as estimated hold more than half of that area, or where more than half of the "
            "unit's residents are flagged as estimated in the population field's “_est” field, e.g. residents_est "
            "of “Prepare OpenStreetMap data”: an area per resident rests on both).\n\n"
            "Shelters flagged as estimated: the area's or capacity's field name with _est added = 1, else a field "
            "est = 1, as “Prepare OpenStreetMap data” writes on the open spaces it takes as candidates. A planning "
            "check gives no verdict on a value flagged so.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Buildings"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("Residential buildings or parcels (polygons) with their residents."))
        self.add_parameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric),
            self.tr("Residents of each polygon; missing or negative values count as 0."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.SHELTERS, self.tr("Emergency shelters"), [QgsProcessing.SourceType.TypeVectorPoint]),
            self.tr("Shelters as points (their entrance or centre)."))
        self.add_parameter(QgsProcessingParameterField(
            self.SHELTER_TYPE_FIELD, self.tr("Shelter type field"), parentLayerParameterName=self.SHELTERS,
            type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Class of each shelter: emergency, short_term, medium_term, long_term or central (or "
                    "紧急, 短期, 中期, 长期, 中心). Without it every shelter uses the service distance below "
                    "and 2.0 m² per person."))
        self.add_parameter(QgsProcessingParameterField(
            self.AREA_FIELD, self.tr("Effective area field (m²)"), parentLayerParameterName=self.SHELTERS,
            type=QgsProcessingParameterField.DataType.Numeric),
            self.tr("Effective shelter area of each shelter in m² (e.g. eff_area_m2)."))
        self.add_parameter(QgsProcessingParameterField(
            self.CAPACITY_FIELD, self.tr("Capacity field (persons)"), parentLayerParameterName=self.SHELTERS,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Persons each shelter holds. Empty (or NULL for a shelter): effective area / area per "
                    "person of its class."))
        self.add_roads_parameters(self.tr("Buildings and shelters farther than this from every road are not on "
                                          "the network."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.SERVICE_DISTANCE, self.tr("Service distance (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=500, minValue=0),
            self.tr("Residents within this distance of a shelter are in reach (500 m: emergency shelter "
                    "radius). With a type field, listed classes use the distances of the standards table."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.FLOOD_ZONES, self.tr("Flood zones"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            self.tr("Polygons of a design flood; shelters inside are flagged."))
        self.add_parameter(QgsProcessingParameterField(
            self.FLOOD_DEPTH_FIELD, self.tr("Flood depth field (m)"), parentLayerParameterName=self.FLOOD_ZONES,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Water depth of each flood polygon. Without it every polygon counts."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.MIN_DEPTH, self.tr("Minimum flood depth (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0, minValue=0),
            self.tr("Flood polygons shallower than this do not flag a shelter (polygons without a depth do)."),
            advanced=True)
        self.add_parameter(QgsProcessingParameterBoolean(
            self.EXCLUDE_FLOODED, self.tr("Leave flooded shelters out"), defaultValue=True),
            self.tr("Flooded shelters take nobody and are not counted as reachable."))
        self.add_units_parameter(self.tr("Polygons to sum residents and shelter area by; a building or shelter "
                                         "belongs to the unit containing its representative point."))
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Shelter coverage")),
                           self.tr("The buildings with shelter_m, in_reach, assigned, unplaced, shelter_id "
                                   "and method added."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.SHELTERS_OUTPUT, self.tr("Shelter load"), QgsProcessing.SourceType.TypeVectorPoint, optional=True,
            createByDefault=True),
            self.tr("The shelters with capacity, assigned, load_pct, flooded, per_cap_m2 and reach_m added."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.UNITS_OUTPUT, self.tr("Shelter coverage by unit"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True, createByDefault=False),
            self.tr("The planning units with pop, pop_reach, pop_unplaced, shelter_m2_cap and meets_std "
                    "added. Needs planning units."))
        self.addOutput(QgsProcessingOutputNumber(self.POP_IN_REACH_PCT, self.tr("Residents in reach (%)")))
        self.addOutput(QgsProcessingOutputNumber(self.POP_UNPLACED, self.tr("Residents without a place")))
        self.addOutput(QgsProcessingOutputNumber(self.SHELTERS_FLOODED, self.tr("Shelters in flood zones")))

    # ---- running ------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        pop_idx = self.field_index(parameters, self.POPULATION_FIELD, source, context)
        if pop_idx < 0:
            raise QgsProcessingException(self.tr("Choose the field holding the residents of each building."))
        shelters = self.feature_source(parameters, self.SHELTERS, context, QgsWkbTypes.GeometryType.PointGeometry)
        type_idx = self.field_index(parameters, self.SHELTER_TYPE_FIELD, shelters, context, numeric=False)
        area_idx = self.field_index(parameters, self.AREA_FIELD, shelters, context)
        if area_idx < 0:
            raise QgsProcessingException(self.tr("Choose the field holding the effective area of each shelter."))
        cap_idx = self.field_index(parameters, self.CAPACITY_FIELD, shelters, context)
        flag_idx = self._estimate_flag(shelters, area_idx, cap_idx)
        service_m = self.parameterAsDouble(parameters, self.SERVICE_DISTANCE, context)
        exclude = self.parameterAsBool(parameters, self.EXCLUDE_FLOODED, context)
        roads, max_snap, units = self.network_parameters(parameters, context)
        floods = self.optional_source(parameters, self.FLOOD_ZONES, context, QgsWkbTypes.GeometryType.PolygonGeometry)
        depth_idx = self.field_index(parameters, self.FLOOD_DEPTH_FIELD, floods, context) if floods else -1
        work_crs, transform = self.distance_crs(source, context, feedback)

        # Shelters: standards, capacity, flood flags.
        table = shelter.read_standards(self.factor_table("shelter_standards.csv", feedback))
        key_idx = shelters.fields().lookupField(KEY_FIELD)
        s_chunk, s_points = self.read_points(shelters, work_crs, context, feedback,
                                             numeric=[i for i in (area_idx, cap_idx, flag_idx) if i >= 0],
                                             text=[i for i in (type_idx, key_idx) if i >= 0])
        n_s = len(s_points)
        types = s_chunk.values[type_idx] if type_idx >= 0 else np.full(n_s, None, dtype=object)
        per_cap, reach_m, _, unknown = shelter.shelter_standards(types, table, service_m)
        self._log_standards(feedback, table, type_idx >= 0, unknown)
        if type_idx < 0:
            feedback.pushInfo(self.tr("No shelter type field: every shelter reaches the service distance ({d:g} m) "
                                      "and takes the default area per evacuee.").format(d=service_m))
        area = s_chunk.values[area_idx]
        if (~(area >= 0)).any():
            feedback.pushWarning(self.tr("{n} shelters have a missing or negative effective area, counted as 0.")
                                 .format(n=int((~(area >= 0)).sum())))
        area = np.where(area >= 0, area, 0.0)
        area = self._area_in_m2(area, shelters.fields().at(area_idx).name(), shelters.sourceName(), feedback)
        capacity = shelter.capacities(area, per_cap, s_chunk.values[cap_idx] if cap_idx >= 0 else None)
        is_flooded = np.zeros(n_s, dtype=int)
        if floods is not None:
            f_chunk = next(self.read_chunks(floods, feedback, numeric=[depth_idx] if depth_idx >= 0 else [],
                                            whole=True, transform=transform_to(floods, work_crs, context),
                                            nodata=[depth_idx]))
            min_depth = self.parameterAsDouble(parameters, self.MIN_DEPTH, context)
            is_flooded = shelter.flooded(s_points, f_chunk.geometry,
                                         f_chunk.values[depth_idx] if depth_idx >= 0 else None, min_depth)
            if is_flooded.any():
                feedback.pushWarning(self.tr("{n} shelters lie in a flood zone{excluded}.").format(
                    n=int(is_flooded.sum()),
                    excluded=self.tr(" and are left out of the assignment") if exclude else ""))
        present = ~shapely.is_missing(s_points)   # the base counts the shelters without geometry
        usable = present & ~(is_flooded.astype(bool) & exclude)
        usable_reach = np.where(usable, reach_m, 0.0)
        estimated = s_chunk.values[flag_idx] == 1 if flag_idx >= 0 else np.zeros(n_s, dtype=bool)

        # The buildings' output is made before they are read: where GDAL copies them
        # (``writes_every_feature``) their features need not be read at all.
        fields, positions = self.output_fields(source.fields(), BUILDING_FIELDS + [(KEY_FIELD, "text"), ("method", "text")]
                                               + LATE_BUILDING_FIELDS, feedback)
        self.writes_every_feature(self.OUTPUT, source)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         source.wkbType(), source.sourceCrs())
        # Buildings, all in memory: the assignment is global.
        chunks, b_parts = [], []
        pop_flag = self.estimate_flag_index(source, pop_idx)
        for chunk in self.read_chunks(source, feedback, [i for i in (pop_idx, pop_flag) if i >= 0],
                                      transform=transform):
            b_parts.append(network.representative_points(chunk.geometry))
            chunk.geometry = None   # only the points are used from here on: at 1M buildings 0.4 GB less held
            chunks.append(chunk)
            self.check_canceled(feedback)
        b_points = np.concatenate(b_parts) if chunks else np.zeros(0, dtype=object)
        residents = np.concatenate([c.values[pop_idx] for c in chunks]) if chunks else np.zeros(0)
        b_present = ~shapely.is_missing(b_points) if len(b_points) else np.zeros(0, bool)
        residents, bad_pop = clean_population(residents, b_present)
        residents = np.where(b_present, residents, 0.0)
        residents_est = np.concatenate([c.values[pop_flag] for c in chunks]) if chunks and pop_flag >= 0 else None

        method = "network" if roads is not None else "euclidean"
        reach = float(usable_reach.max(initial=0.0)) + (2 * max_snap if roads is not None else 0.0)
        self.warn_apart(feedback, s_points[usable], shelters.sourceName(), b_points, source.sourceName(), reach)
        net = b_snap = s_snap = None
        if roads is not None:
            net = self.read_network(roads, work_crs, context, feedback)
            b_snap = network.snap_parts(net, b_parts, max_snap)
            s_snap = network.snap(net, s_points, max_snap)
            off_b = int((b_present & ~b_snap.on_network).sum())
            off_s = int((usable & ~s_snap.on_network).sum())
            if off_b:
                feedback.pushWarning(self.tr("{n} buildings are farther than {d} m from every road: no shelter "
                                             "is in their reach.").format(n=off_b, d=max_snap))
            if off_s:
                feedback.pushWarning(self.tr("{n} shelters are farther than {d} m from every road and take "
                                             "nobody.").format(n=off_s, d=max_snap))
            feedback.pushInfo(self.tr("Distances are walked along the roads (network distance)."))
        else:
            feedback.pushInfo(self.tr("No roads given: distances are straight lines (Euclidean), which "
                                      "over-state reach where the way is blocked."))
        self.check_canceled(feedback)
        pb, ps, pdist = shelter.candidates(b_points, s_points, usable_reach, net, b_snap, s_snap,
                                           is_canceled=feedback.isCanceled)
        memory.give_back()   # the pair search's freed temporaries (at 1M buildings 0.1-0.2 GB)
        result = shelter.assign(len(b_points), residents, capacity, pb, ps, pdist, is_canceled=feedback.isCanceled)
        memory.give_back()
        self._log_assignment(feedback, result, len(pb))
        in_reach = np.zeros(len(b_points), dtype=int)
        in_reach[pb] = 1
        nearest = np.full(len(b_points), np.nan)
        if usable.any() and len(b_points):
            u_snap = s_snap.take(usable) if net is not None else None
            d = shelter.nearest_distance(b_points, s_points[usable], net, b_snap, u_snap)
            nearest = np.where(np.isfinite(d), d, np.nan)
        nearest_est = self._nearest_estimated(nearest, b_points, s_points, usable, estimated, net, b_snap, s_snap)

        # Buildings output.
        keys = s_chunk.values[key_idx] if key_idx >= 0 else _feature_keys(s_chunk)
        shelter_key = np.where(result["shelter"] >= 0, keys[np.maximum(result["shelter"], 0)], None)
        start = 0
        for chunk in chunks:
            part = slice(start, start + len(chunk.features))
            start += len(chunk.features)
            self.write_chunk(sink, chunk, source.fields().count(), positions,
                             [nearest[part], in_reach[part], result["assigned"][part], result["unplaced"][part],
                              shelter_key[part], np.full(len(chunk.features), method, dtype=object),
                              nearest_est[part]],
                             parameters, self.OUTPUT)

        total = float(residents.sum())
        pop_reach = float((residents * in_reach).sum())
        reach_pct = 100.0 * pop_reach / total if total > 0 else 0.0
        unplaced = float(result["unplaced"].sum())
        self._report(feedback, chunks, bad_pop, total, pop_reach, reach_pct, unplaced, capacity, usable)
        out = {self.OUTPUT: dest_id, self.POP_IN_REACH_PCT: reach_pct, self.POP_UNPLACED: unplaced,
               self.SHELTERS_FLOODED: int(is_flooded.sum())}
        shelters_dest = self._write_shelters(parameters, context, feedback, shelters, s_chunk, capacity, result,
                                             is_flooded, area, usable_reach)
        if shelters_dest is not None:
            out[self.SHELTERS_OUTPUT] = shelters_dest
        self._log_estimated(feedback, shelters, flag_idx, estimated & usable, nearest_est)
        units_dest = self._write_units(parameters, context, feedback, units, work_crs, b_parts, residents,
                                       in_reach, result, s_points, np.where(usable, area, 0.0), table, estimated,
                                       residents_est, source.fields().at(pop_flag).name() if pop_flag >= 0 else "")
        if units_dest is not None:
            out[self.UNITS_OUTPUT] = units_dest
        self.style_output(context, dest_id, self.tr(
            "Emergency shelter coverage of buildings ({method} distances): reach, assigned and unplaced "
            "residents. Made by the Low-Carbon & Resilience Planning Toolkit.").format(method=method))
        return out

    # ---- inputs -------------------------------------------------------------------------------
    def _estimate_flag(self, shelters, area_idx, cap_idx):
        """Index of the shelters' flag of what is only estimated: the area's or capacity's “_est” field, else
        the candidate flag “est” of lcr:prepare_osm; -1 if none."""
        for index in (area_idx, cap_idx):
            flag = self.estimate_flag_index(shelters, index)
            if flag >= 0:
                return flag
        index = shelters.fields().lookupField(CANDIDATE_FLAG)
        return index if index >= 0 and holds_numbers(shelters.fields().at(index)) else -1

    @staticmethod
    def _nearest_estimated(nearest, b_points, s_points, usable, estimated, net, b_snap, s_snap):
        """1 where a building's distance to the nearest shelter rests on shelters flagged as estimated:
        without them the nearest would be farther (or none); 0 elsewhere and where no shelter is reached."""
        flagged = usable & estimated
        if not flagged.any():
            return np.zeros(len(b_points), dtype=int)
        known = usable & ~estimated
        if known.any():
            k_snap = s_snap.take(known) if net is not None else None
            without = shelter.nearest_distance(b_points, s_points[known], net, b_snap, k_snap)
        else:
            without = np.full(len(b_points), np.inf)
        with np.errstate(invalid="ignore"):
            return (np.isfinite(nearest) & (without > nearest)).astype(int)

    # Below this, every effective area of a layer looks like hectares (公顷) read as m²: no shelter is a room.
    SMALL_AREA_M2 = 10.0

    def _area_in_m2(self, area, field, layer, feedback):
        """Effective areas in m²: a field named with its unit (有效面积(公顷), area_ha) is converted; a field of
        areas all below SMALL_AREA_M2 is warned about (hectares read as m² give a thousandth of the capacity)."""
        factor = core_units.area_factor_from_name(field)
        if factor is not None and factor != 1.0:
            feedback.pushInfo(self.tr("“{field}” of “{layer}” is read in the unit its name gives: × {factor:g} to m².")
                              .format(field=field, layer=layer, factor=factor))
            return area * factor
        if factor is None and (area > 0).any() and area.max() < self.SMALL_AREA_M2:
            feedback.pushWarning(self.tr(
                "Every effective area of “{layer}” (“{field}”) is below {small:g} m², the largest {largest:g}: if the "
                "field holds hectares (公顷), convert it to m² (× 10,000) or name its unit in the field name, e.g. "
                "“有效面积(公顷)”.").format(layer=layer, field=field, small=self.SMALL_AREA_M2, largest=area.max()))
        return area

    def _log_standards(self, feedback, table, typed, unknown):
        if typed:
            feedback.pushInfo(self.tr("Shelter classes, areas per person and service distances from "
                                      "resources/factors/shelter_standards.csv."))
        verified = table["verified"] if "verified" in table.columns else None
        if verified is None or (verified.str.strip().str.lower() != "yes").any():
            feedback.pushWarning(self.tr("The shelter standards (GB 51143-2015 area per person and "
                                         "distances by class) are marked unverified: check them against "
                                         "the standard or your local plan."))
        if unknown:
            feedback.pushWarning(self.tr("{n} shelters have a type not in the standards table ({types}): they "
                                         "use the service distance and the default area per person.").format(
                                             n=sum(unknown.values()), types=", ".join(sorted(unknown))))

    def _log_assignment(self, feedback, result, pairs):
        if result["method"] == "optimal":
            feedback.pushInfo(self.tr("Assignment: the optimum over {n:,} building–shelter pairs in reach (most "
                                      "residents placed, then least walking).").format(n=pairs))
        elif result["method"] == "mixed":
            feedback.pushWarning(self.tr(
                "Assignment: the optimum for {opt:,} of {n:,} building–shelter pairs in reach; the solver is given "
                "{it:,} iterations per piece of about {piece:,} pairs (some 0.3 s) so that Cancel acts at once, "
                "and the other {g:,} pairs needed more: they were assigned by a greedy (nearest first), which may "
                "leave residents unplaced who could have a place.").format(
                    opt=pairs - result["greedy_pairs"], n=pairs, it=shelter.LP_ITERATIONS,
                    piece=shelter.LP_PIECE_PAIRS, g=result["greedy_pairs"]))
        else:
            feedback.pushWarning(self.tr(
                "Assignment: a greedy (nearest first) over {n:,} building–shelter pairs in reach: too many for the "
                "optimum, or the solver (given {it:,} iterations per piece of about {piece:,} pairs, some 0.3 s, so "
                "that Cancel acts at once) did not finish. It may leave residents unplaced who could have a "
                "place.").format(n=pairs, it=shelter.LP_ITERATIONS, piece=shelter.LP_PIECE_PAIRS))

    # ---- outputs ------------------------------------------------------------------------------
    def _report(self, feedback, chunks, bad_pop, total, pop_reach, reach_pct, unplaced, capacity, usable):
        repaired = sum(c.repaired for c in chunks)
        if bad_pop:
            feedback.pushWarning(self.tr("{n} buildings have a missing or negative population, counted as 0.")
                                 .format(n=bad_pop))
        if repaired:
            feedback.pushWarning(self.tr("{n} invalid geometries were repaired for the calculation; the "
                                         "output keeps them as they were.").format(n=repaired))
        feedback.pushInfo(self.tr(
            "{r:,.0f} of {p:,.0f} residents ({pct:.1f} %) are within reach of a usable shelter; the usable "
            "shelters hold {c:,.0f} persons; {u:,.0f} residents find no place.").format(
                r=pop_reach, p=total, pct=reach_pct, c=float(capacity[usable].sum()), u=unplaced))

    def _write_shelters(self, parameters, context, feedback, shelters, s_chunk, capacity, result, is_flooded,
                        area, reach_m):
        if parameters.get(self.SHELTERS_OUTPUT) in (None, ""):
            return None
        fields, positions = self.output_fields(shelters.fields(), SHELTER_FIELDS, feedback)
        sink, dest_id = self.create_sink(parameters, self.SHELTERS_OUTPUT, context, fields,
                                         shelters.wkbType(), shelters.sourceCrs())
        if sink is None:
            return None
        load = result["load"]
        load_pct = shelter.per_capita(100.0 * load, capacity)     # 100 × load / capacity, NaN at 0
        self.write_chunk(sink, s_chunk, shelters.fields().count(), positions,
                         [capacity, load, load_pct, is_flooded, shelter.per_capita(area, load), reach_m],
                         parameters, self.SHELTERS_OUTPUT)
        self.style_output(context, dest_id, self.tr("Emergency shelters with capacity, assigned residents, load "
                                                    "and flood flag. Made by the Low-Carbon & Resilience Planning "
                                                    "Toolkit."), SHELTERS_STYLE)
        return dest_id

    def _log_estimated(self, feedback, shelters, flag_idx, flagged, nearest_est):
        if flagged.any():
            feedback.pushWarning(self.tr(
                "{n} usable shelters of “{layer}” are flagged as estimated (“{flag}” = 1, e.g. open spaces taken as "
                "candidates): {b} buildings' nearest shelter is one of them (shelter_m_est = 1), and units whose "
                "shelter area is mostly theirs get shelter_m2_cap_est = 1; a planning check gives those no verdict "
                "on the shelter rules.").format(n=int(flagged.sum()), layer=shelters.sourceName(),
                                               flag=shelters.fields().at(flag_idx).name(), b=int(nearest_est.sum())))

    def _write_units(self, parameters, context, feedback, units, work_crs, b_parts, residents, in_reach,
                     result, s_points, usable_area, table, estimated, residents_est, residents_flag):
        if not self.units_output_wanted(parameters, units, feedback, self.tr(
                "No planning units given: the coverage by unit is not written.")):
            return None
        u_chunk = self.read_units(units, work_crs, context, feedback, features=False)
        n = len(u_chunk.geometry)
        standard = float(table.set_index(table["shelter_type"].str.lower()).loc["default", "per_cap_m2"])
        # chunk by chunk: assigning makes new points, which for a city's buildings at once would be 0.2 GB
        unit_of = np.concatenate([zones.assign_to_zones(part, u_chunk.geometry) for part in b_parts]) if b_parts \
            else np.zeros(0, dtype=int)
        shelter_unit = shelter.shelter_units(s_points, u_chunk.geometry)
        summary = shelter.unit_summary(unit_of, residents, in_reach, result["unplaced"], shelter_unit,
                                       usable_area, n, standard)
        summary["shelter_m2_cap_est"] = zones.mostly_estimated(shelter_unit, usable_area, estimated, n)
        if residents_est is not None:
            by_residents = zones.mostly_estimated(unit_of, residents, residents_est, n)
            more = by_residents & (1 - summary["shelter_m2_cap_est"])
            summary["shelter_m2_cap_est"] = summary["shelter_m2_cap_est"] | by_residents
            if more.any():
                feedback.pushWarning(self.tr(
                    "{n} more units' residents are mostly estimated (“{flag}”): shelter_m2_cap_est = 1, and a "
                    "planning check gives them no verdict on the shelter area per resident.").format(
                        n=int(more.sum()), flag=residents_flag))
        dest_id = self.write_units(parameters, context, feedback, units, u_chunk, UNIT_FIELDS,
                                   [summary[name] for name, _ in UNIT_FIELDS])
        if dest_id is not None:
            feedback.pushInfo(self.tr("Per-capita shelter area compared with {s} m² per resident in {n} planning "
                                      "units.").format(s=standard, n=n))
        return dest_id


def _feature_keys(chunk):
    """Shelter keys without a shelter_id field: the feature ids, or, where a plan check read the layer once
    and kept no features (shelters without an id field raised there), the 1-based row numbers."""
    if isinstance(chunk.features, list):
        return np.array([str(f.id()) for f in chunk.features], dtype=object)
    return np.arange(1, len(chunk.features) + 1).astype(str).astype(object)
