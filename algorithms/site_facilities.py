"""lcr:site_facilities: the fewest new facilities (or the best k) on eligible sites that bring a
target share of each unit's residents within walking distance of a facility type."""
import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from scipy.spatial import cKDTree

from ..core import landuse, landuse_codes, network, shelter, siting, zones
from ..core import life_circle as lc
from .base import unit_label
from .landuse_codes import LanduseSchemes
from .life_circle_siting_glue import WholeLifeCircleMixin, is_whole
from .network_glue import NetworkAlgorithm, clean_population
from .shelter_siting_glue import ShelterSitingMixin

SHELTER_NAMES = ("shelter", "emergency", "emergency_shelter", "避难场所", "应急避难场所", "紧急避难场所")
SITE_FIELDS = [("fac_type", "text"), ("rank", "int"), ("new_pop", "double"), ("method", "text"),
               ("capacity", "double"), ("assigned", "double"), ("gap_pct", "double")]
MAX_LOGGED = 30   # units named in the log one by one
PAIR_BATCH = 400  # candidates per shortest-path call
UNIT_FIELDS = [("pop", "double"), ("cov_before", "double"), ("cov_after", "double"), ("target_pct", "double"),
               ("max_pct", "double"), ("new_sites", "int"), ("note", "text")]


class SiteFacilities(WholeLifeCircleMixin, ShelterSitingMixin, LanduseSchemes, NetworkAlgorithm):
    ALG_ID = "site_facilities"
    GROUP_ID = "plan_measures"
    STYLE = "site_facilities"

    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    FACILITY_TYPE = "FACILITY_TYPE"
    FACILITIES = "FACILITIES"
    FACILITY_TYPE_FIELD = "FACILITY_TYPE_FIELD"
    CANDIDATES = "CANDIDATES"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    ELIGIBLE_CODES = "ELIGIBLE_CODES"
    DISTANCE = "DISTANCE"
    TARGET_PCT = "TARGET_PCT"
    SITES = "SITES"
    TIME_LIMIT = "TIME_LIMIT"
    FACILITY_TABLE = "FACILITY_TABLE"
    SHELTER_CAPACITY = "SHELTER_CAPACITY"
    CANDIDATE_AREA_FIELD = "CANDIDATE_AREA_FIELD"
    EFFECTIVE_SHARE = "EFFECTIVE_SHARE"
    FACILITY_AREA_FIELD = "FACILITY_AREA_FIELD"
    FACILITY_CAPACITY_FIELD = "FACILITY_CAPACITY_FIELD"
    OUTPUT = "OUTPUT"
    SITES_PROPOSED = "SITES_PROPOSED"
    COVERAGE_BEFORE = "COVERAGE_BEFORE"
    COVERAGE_AFTER = "COVERAGE_AFTER"
    GAP = "GAP"

    def displayName(self):  # noqa: N802
        return self.tr("Site new facilities (covering location)")

    def help_text(self):
        return self.tr(
            "Where to add facilities of one type so that a target share of the residents of each planning unit "
            "lives within walking distance of one: the fewest new sites (set covering), or, with a number of "
            "sites, the k sites that bring the most residents within reach (maximal covering).\n\n"
            "Facility type: a type of the life-circle table (kindergarten, clinic, 幼儿园…; its walking distance "
            "is the default) or shelter (emergency shelters, 500 m). Homes already within the distance of an "
            "existing facility of the type count as covered. Candidate sites are points, or parcels whose "
            "land-use code starts with one of the eligible codes (defaults by type, 用地用海分类 2023: e.g. "
            "kindergarten 0701, 0702, 0804; shelter 0805, 1401, 1403); a parcel stands for one site at a point "
            "inside it.\n\n"
            "All 15-minute life-circle types (Facility type all, 全部): every type of the life-circle table is sited "
            "at once, each at its own distance and eligible codes, so that the target share of each unit's "
            "residents reaches every type (full_pct of Community life circles, the 15-minute coverage rule), not "
            "each type alone: the types are sited in turn, the one existing facilities reach fewest first, each "
            "covering only the homes the types before it reach; sites every unit can spare are dropped; then a "
            "joint MIP (a home counts only where every type reaches it) improves or proves the answer while it has "
            "at most 50,000 pairs. The existing facilities need the facility type field; the walking distance "
            "given is not used. The sites carry their fac_type; the units' cov_before and cov_after are full_pct, "
            "and a unit's note names the types some residents have nothing eligible of within reach.\n\n"
            "Distances as in Community life circles: along the roads when given, else straight lines. Each unit "
            "needs max(0, target × residents − already covered); where no set of candidates can reach the "
            "target, the unit's note says how many residents have no eligible candidate within reach.\n\n"
            "Solved as a mixed-integer programme by HiGHS (SciPy) after a greedy start without its redundant "
            "sites, in slices of 0.5 s up to the time limit; the LP relaxation proves a bound, and the log gives "
            "the optimality gap and what proved it. Above 50,000 home–candidate pairs the greedy "
            "answer is kept and the log says so.\n\n"
            "Shelters by capacity (Respect shelter capacities, on by default): a shelter holds at most its "
            "effective area / 1.0 m² per person (the emergency shelter standard of the shelter table, as in "
            "Emergency shelter coverage); existing shelters hold their capacity field, or their area / the m² per "
            "person of their class. Residents are assigned to shelters within the walking distance, none above "
            "its capacity, and the fewest new shelters are found so that the target share of each unit's "
            "residents has a place (capacitated covering, a MIP with HiGHS). A candidate parcel's effective area "
            "is its effective area field, or its area × the effective share. Large problems merge the homes of "
            "a unit in one grid cell (5–40 % of the walking distance) into a demand point, said in the log. "
            "Coverage before and after is then the share of residents with a place, from the assignment of Emergency shelter coverage.\n\n"
            "Output: the proposed sites as points with the candidate's fields and fac_type, rank (1 = adds the "
            "most), new_pop (residents it newly brings within reach, not counting those of higher-ranked "
            "sites; for shelters by capacity the residents it takes), method (mip or greedy), capacity and "
            "assigned (persons, shelters by capacity), gap_pct (optimality gap, %; empty where unknown). "
            "Planning units: pop, cov_before, cov_after, target_pct, max_pct "
            "(% of residents), new_sites, note. Add the sites to the facilities layer and run Community life "
            "circles again to check.")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon, point = QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint
        self.add_parameter(QgsProcessingParameterString(
            self.FACILITY_TYPE, self.tr("Facility type"), defaultValue="kindergarten"),
            self.tr("A fac_type (or alias) of the life-circle facility table, e.g. kindergarten, clinic, 幼儿园; "
                    "shelter for emergency shelters; or all (全部) for every life-circle type at once, so that the "
                    "target share of residents reaches all of them (the 15-minute life-circle coverage)."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Residential buildings or parcels"), [polygon]),
            self.tr("Polygons where people live. Filter the residential ones first: every polygon is treated "
                    "as a home."))
        self.add_parameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Residents of each polygon; missing or negative values count as 0. Without it, every "
                    "building counts as one."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.CANDIDATES, self.tr("Candidate sites"), [point, polygon]),
            self.tr("Points where a facility could go, or parcels (filtered by the eligible land-use codes)."))
        self.add_parameter(QgsProcessingParameterField(
            self.LANDUSE_FIELD, self.tr("Land-use code field of the candidates"),
            parentLayerParameterName=self.CANDIDATES, type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Land-use code of each candidate parcel (e.g. 0701). Without it every candidate is eligible."))
        self.add_parameter(QgsProcessingParameterString(
            self.ELIGIBLE_CODES, self.tr("Eligible land-use codes"), optional=True),
            self.tr("Code prefixes separated by commas, e.g. 0702,080404. Empty: the defaults of the facility "
                    "type (see the methods document)."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, self.tr("Existing facilities"), [point], optional=True),
            self.tr("Facilities already there, as points; the homes they reach count as covered."))
        self.add_parameter(QgsProcessingParameterField(
            self.FACILITY_TYPE_FIELD, self.tr("Facility type field"), parentLayerParameterName=self.FACILITIES,
            type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Field naming each existing facility's type; only those of the chosen type count. Without "
                    "it every point counts."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.TARGET_PCT, self.tr("Target share of residents covered (%)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=80, minValue=0, maxValue=100),
            self.tr("Share of the residents of each planning unit (of all, without units) to bring within "
                    "walking distance."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.SITES, self.tr("Number of new sites (0: the fewest reaching the target)"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=0, minValue=0),
            self.tr("0 finds the fewest sites reaching the target; a number k finds the k sites bringing the "
                    "most residents within reach."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr("Walking distance (m)"), QgsProcessingParameterNumber.Type.Double,
            optional=True, minValue=0),
            self.tr("Empty: the facility type's distance from the table (shelters 500 m)."))
        self.add_roads_parameters(self.tr("Homes and sites farther than this from every road are not on the "
                                          "network: they reach nothing and are not reached."))
        self.add_units_parameter(self.tr("Polygons each of which must reach the target (planning units, "
                                         "communities). Without them the target applies to all residents."))
        self.add_scheme_parameter(self.tr(
            "GB 50137 or 三调 codes are read as 2023 codes (resources/factors/landuse_crosswalk.csv) "
            "before the eligible prefixes are matched."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.TIME_LIMIT, self.tr("Solver time limit (s)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=20, minValue=0.1),
            self.tr("Longest time the MIP solver may take; the best solution found by then is kept and its "
                    "gap logged."), advanced=True)
        self.add_parameter(QgsProcessingParameterFile(
            self.FACILITY_TABLE, self.tr("Facility table (CSV)"), extension="csv", optional=True),
            self.tr("Replaces the shipped life-circle table: columns fac_type, circle, distance_m (m), aliases."),
            advanced=True)
        self.add_parameter(QgsProcessingParameterBoolean(
            self.SHELTER_CAPACITY, self.tr("Respect shelter capacities"), defaultValue=True),
            self.tr("For shelters: a shelter holds at most its capacity, and residents count as covered only with "
                    "a place. Off: every shelter within reach counts, whatever its size."), advanced=True)
        self.add_parameter(QgsProcessingParameterField(
            self.CANDIDATE_AREA_FIELD, self.tr("Effective area field of the candidates (m², shelters)"),
            parentLayerParameterName=self.CANDIDATES, type=QgsProcessingParameterField.DataType.Numeric,
            optional=True),
            self.tr("Effective shelter area of each candidate in m². Empty: the parcel's area × the effective "
                    "share."), advanced=True)
        self.add_parameter(QgsProcessingParameterNumber(
            self.EFFECTIVE_SHARE, self.tr("Effective share of a candidate parcel's area (%, shelters)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=50, minValue=0, maxValue=100),
            self.tr("Share of a parcel usable as shelter ground (without water, buildings, dense planting): an "
                    "assumption of the toolkit, not a standard."), advanced=True)
        self.add_parameter(QgsProcessingParameterField(
            self.FACILITY_AREA_FIELD, self.tr("Effective area field of the existing shelters (m²)"),
            parentLayerParameterName=self.FACILITIES, type=QgsProcessingParameterField.DataType.Numeric,
            optional=True),
            self.tr("With the facility type field as the shelter class, capacity = area / m² per person of the "
                    "class (shelter standards table)."), advanced=True)
        self.add_parameter(QgsProcessingParameterField(
            self.FACILITY_CAPACITY_FIELD, self.tr("Capacity field of the existing shelters (persons)"),
            parentLayerParameterName=self.FACILITIES, type=QgsProcessingParameterField.DataType.Numeric,
            optional=True),
            self.tr("Persons each existing shelter holds; NULL: from its area. Without either field an existing "
                    "shelter holds everyone within reach."), advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Proposed sites"), QgsProcessing.SourceType.TypeVectorPoint),
            self.tr("The proposed sites as points with fac_type, rank, new_pop, method, capacity, assigned and "
                    "gap_pct."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.UNITS_OUTPUT, self.tr("Coverage by unit, before and after"), polygon, optional=True,
            createByDefault=False),
            self.tr("The planning units with pop, cov_before, cov_after, target_pct, max_pct, new_sites and note."))
        self.addOutput(QgsProcessingOutputNumber(self.SITES_PROPOSED, self.tr("New sites proposed")))
        self.addOutput(QgsProcessingOutputNumber(self.COVERAGE_BEFORE, self.tr("Residents covered before (%)")))
        self.addOutput(QgsProcessingOutputNumber(self.COVERAGE_AFTER, self.tr("Residents covered after (%)")))
        self.addOutput(QgsProcessingOutputNumber(self.GAP, self.tr("Optimality gap (%)")))

    def error_messages(self):
        return {**super().error_messages(), **self.crosswalk_messages(),
                "target_out_of_range": self.tr("The target must lie between 0 % and 100 % (got {value} %)."),
                "table_empty_key": self.tr("The table {path}, line {line}: fac_type is empty.")}

    # ---- running ------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        self._said = set()
        source = self.polygon_source(parameters, self.INPUT, context)
        pop_idx = self.field_index(parameters, self.POPULATION_FIELD, source, context)
        candidates = self.feature_source(parameters, self.CANDIDATES, context, None)
        if QgsWkbTypes.geometryType(candidates.wkbType()) not in (QgsWkbTypes.GeometryType.PointGeometry,
                                                                  QgsWkbTypes.GeometryType.PolygonGeometry):
            raise QgsProcessingException(self.tr("“{layer}” holds neither points nor polygons: give candidate "
                                                 "sites as points or parcels.").format(layer=candidates.sourceName()))
        lu_idx = self.field_index(parameters, self.LANDUSE_FIELD, candidates, context, numeric=False)
        existing = self.optional_source(parameters, self.FACILITIES, context, QgsWkbTypes.GeometryType.PointGeometry)
        type_idx = self.field_index(parameters, self.FACILITY_TYPE_FIELD, existing, context, numeric=False) \
            if existing is not None else -1
        whole = is_whole(self.parameterAsString(parameters, self.FACILITY_TYPE, context))
        fac_type, distance, matcher = ("all", None, None) if whole else \
            self._facility_type(parameters, context, feedback)
        target = self.parameterAsDouble(parameters, self.TARGET_PCT, context) / 100.0
        k = self.parameterAsInt(parameters, self.SITES, context) or None
        time_limit = self.parameterAsDouble(parameters, self.TIME_LIMIT, context)
        roads, max_snap, units = self.network_parameters(parameters, context)
        capacitated = fac_type == "shelter" and self.parameterAsBool(parameters, self.SHELTER_CAPACITY, context)
        area_idx = self.field_index(parameters, self.CANDIDATE_AREA_FIELD, candidates, context) if capacitated else -1

        work_crs, transform = self.distance_crs(source, context, feedback)
        homes, weight, by_population = self._read_homes(source, pop_idx, transform, feedback)
        self.check_canceled(feedback)
        cand_chunk, cand_points = self.read_points(candidates, work_crs, context, feedback,
                                                   numeric=[area_idx] if area_idx >= 0 else [],
                                                   text=[lu_idx] if lu_idx >= 0 else [])
        # Said once here, not per type: FACILITY_TYPE all asks _eligible once for each of the 8 types.
        if lu_idx < 0 and QgsWkbTypes.geometryType(candidates.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry:
            feedback.pushWarning(self.tr("No land-use field: every candidate parcel of “{layer}” is taken as "
                                         "eligible.").format(layer=candidates.sourceName()))
        eligible = None if whole else self._eligible(parameters, context, feedback, candidates, cand_chunk,
                                                     cand_points, lu_idx, fac_type)
        unit_chunk = self.read_units(units, work_crs, context, feedback) if units is not None else None
        unit = zones.assign_to_zones(homes, unit_chunk.geometry) if unit_chunk is not None else \
            np.where(shapely.is_missing(homes), -1, 0)
        n_units = len(unit_chunk.geometry) if unit_chunk is not None else 1

        if whole:
            found, needs, after, notes = self.site_whole(parameters, context, feedback, {
                "candidates": candidates, "cand_chunk": cand_chunk, "cand_points": cand_points, "lu_idx": lu_idx,
                "existing": existing, "type_idx": type_idx, "work_crs": work_crs, "homes": homes, "weight": weight,
                "unit": unit, "n_units": n_units, "target": target, "k": k, "time_limit": time_limit,
                "roads": roads, "max_snap": max_snap, "by_population": by_population})
        elif capacitated:
            found = self.site_shelters(parameters, context, feedback, {
                "candidates": candidates, "cand_chunk": cand_chunk, "cand_points": cand_points,
                "cand_area_idx": area_idx, "eligible": eligible, "existing": existing, "type_idx": type_idx,
                "work_crs": work_crs, "homes": homes, "weight": weight, "unit": unit, "n_units": n_units,
                "distance": distance, "target": target, "k": k, "time_limit": time_limit, "roads": roads,
                "max_snap": max_snap})
            needs = {"pop": found["pop"], "covered": found["covered"], "reachable": found["reachable"]}
            after = {"covered": found["after"]}
            notes = self._shelter_notes(found, target, k, distance, by_population)
        else:
            found, needs, after, notes = self._site_uncapacitated(
                context, feedback, candidates, roads, work_crs, homes, weight, unit, n_units, existing, type_idx,
                matcher, cand_points, eligible, distance, max_snap, target, k, time_limit, by_population)
        feedback.pushInfo(self.tr("{n} new sites proposed, bringing {pop:,.0f} more residents within reach.")
                          .format(n=len(found["chosen"]), pop=float(np.nansum(after["covered"] - needs["covered"]))))
        dest_id = self._write_sites(parameters, context, candidates, cand_chunk, cand_points, found, fac_type,
                                    work_crs)
        total_before = 100.0 * needs["covered"].sum() / needs["pop"].sum() if needs["pop"].sum() else np.nan
        total_after = 100.0 * after["covered"].sum() / needs["pop"].sum() if needs["pop"].sum() else np.nan
        self._log_units(unit_chunk, units, needs, after, notes, target, feedback)
        gap = float(100.0 * found["gap"])
        result = {self.OUTPUT: dest_id, self.SITES_PROPOSED: len(found["chosen"]),
                  self.COVERAGE_BEFORE: float(total_before), self.COVERAGE_AFTER: float(total_after), self.GAP: gap}
        if self.units_output_wanted(parameters, units, feedback, self.tr(
                "No planning units given: the coverage by unit is not written.")):
            new_sites = np.zeros(n_units, dtype=int)
            site_unit = zones.assign_to_zones(cand_points[found["chosen"]], unit_chunk.geometry)
            np.add.at(new_sites, site_unit[site_unit >= 0], 1)
            with np.errstate(invalid="ignore", divide="ignore"):
                pct = [np.where(needs["pop"] > 0, 100.0 * v / needs["pop"], np.nan)
                       for v in (needs["covered"], after["covered"], needs["reachable"])]
            units_dest = self.write_units(parameters, context, feedback, units, unit_chunk, UNIT_FIELDS, [
                needs["pop"], pct[0], pct[1], np.full(n_units, 100.0 * target), pct[2], new_sites, notes])
            if units_dest is not None:
                result[self.UNITS_OUTPUT] = units_dest
                self.style_output(context, units_dest, self.tr(
                    "Share of residents reaching every life-circle facility type (15-minute life-circle coverage) "
                    "before and after the proposed sites, per planning unit. Made by the Low-Carbon & Resilience "
                    "Planning Toolkit.") if whole else self.tr(
                    "Coverage of {type} within {d:g} m before and after the proposed sites, per planning unit. "
                    "Made by the Low-Carbon & Resilience Planning Toolkit.").format(type=fac_type, d=distance),
                    "site_facilities_units")
        self.style_output(context, dest_id, self.tr(
            "Proposed sites of every life-circle facility type ({method}), ranked by type, then by the residents "
            "each newly brings within reach. Made by the Low-Carbon & Resilience Planning Toolkit.").format(
                method=found["method"]) if whole else self.tr(
            "Proposed {type} sites (covering location, {method}), ranked by the residents each newly brings within "
            "{d:g} m. Made by the Low-Carbon & Resilience Planning Toolkit.").format(
                type=fac_type, method=found["method"], d=distance))
        return result

    def _site_uncapacitated(self, context, feedback, candidates, roads, work_crs, homes, weight, unit, n_units,
                            existing, type_idx, matcher, cand_points, eligible, distance, max_snap, target, k,
                            time_limit, by_population):
        """Covering location where any facility within reach serves (core.siting): the sites found and the
        coverage per unit before and after."""
        ex_points = self._existing(existing, type_idx, matcher, work_crs, context, feedback)
        covered, pair_home, pair_cand, off = self._distances(roads, work_crs, context, feedback, homes, ex_points,
                                                             cand_points, eligible, distance, max_snap)
        self.check_canceled(feedback)
        coverable = np.bincount(pair_home, minlength=len(homes)) > 0
        if eligible.any() and not coverable.any():
            feedback.pushWarning(self.tr("No eligible candidate of “{layer}” lies within {d:g} m of a home: do the "
                                         "layers overlap?").format(layer=candidates.sourceName(), d=distance))
        needs = siting.unit_needs(weight, unit, covered, coverable, n_units, target)
        problem, _ = siting.build_problem(pair_home, pair_cand, len(cand_points), weight, unit, covered,
                                          needs["need"])
        feedback.pushInfo(self.tr("Covering problem: {g} groups of homes, {m} eligible candidates, {p} pairs "
                                  "within {d:g} m.").format(g=problem.cover.shape[0], m=int(eligible.sum()),
                                                            p=problem.cover.nnz, d=distance))
        exact, cell_m = problem, None
        if problem.cover.nnz > siting.MAX_MIP_PAIRS:
            problem, cell_m = siting.aggregated_problem(siting.point_xy(homes), pair_home, pair_cand,
                                                        len(cand_points), weight, unit, covered, needs["need"],
                                                        siting.cell_sizes(distance), siting.MAX_MIP_PAIRS)
            self.log_aggregation(feedback, cell_m, problem)
        solution = siting.solve(problem, k, time_limit, is_canceled=feedback.isCanceled)
        if cell_m is not None:         # rank and count on the homes themselves
            solution.chosen, solution.new_pop = siting.rank(exact, solution.chosen)
        self._log_solution(solution, k, feedback)
        hit = covered.copy()
        if len(solution.chosen):
            hit[pair_home[np.isin(pair_cand, solution.chosen)]] = True
        after = siting.unit_needs(weight, unit, hit, coverable, n_units, target)
        notes = self._notes(needs, after, target, k, off, distance, unit, weight, covered, coverable, by_population)
        n = len(solution.chosen)
        found = {"chosen": solution.chosen, "new_pop": solution.new_pop, "method": solution.method,
                 "gap": solution.gap, "capacity": np.full(n, np.nan), "assigned": np.full(n, np.nan)}
        return found, needs, after, notes

    # ---- inputs -------------------------------------------------------------------------------
    def _facility_type(self, parameters, context, feedback):
        """The type's key, its walking distance (m) and a function telling which type values are of it."""
        wanted = self.parameterAsString(parameters, self.FACILITY_TYPE, context).strip()
        given = parameters.get(self.DISTANCE) not in (None, "")
        if wanted.lower() in SHELTER_NAMES:
            standards = shelter.read_standards(self.factor_table("shelter_standards.csv", feedback))
            row = standards[standards["shelter_type"].str.lower() == "emergency"]
            distance = float(row["distance_m"].iloc[0]) if len(row) else 500.0
            key, matcher = "shelter", None
        else:
            path = (self.parameterAsFile(parameters, self.FACILITY_TABLE, context)
                    or self.factor_table("life_circle_facilities.csv", feedback))
            table = lc.read_facility_table(path)
            rows, _unknown = lc.classify_facilities([wanted], table)
            if rows[0] < 0:
                raise QgsProcessingException(self.tr(
                    "Facility type “{value}” is neither a fac_type or alias of {path} ({types}) nor shelter.")
                    .format(value=wanted, path=path, types=", ".join(table["fac_type"])))
            key, distance = table["fac_type"].iloc[rows[0]], float(table["distance_m"].iloc[rows[0]])

            def matcher(values, table=table, row=rows[0]):
                return lc.classify_facilities(values, table)[0] == row
        if given:
            distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        feedback.pushInfo(self.tr("Facility type {type}: walking distance {d:g} m{given}.").format(
            type=key, d=distance, given=self.tr(" (as given)") if given else ""))
        return key, distance, matcher

    def _read_homes(self, source, pop_idx, transform, feedback):
        """Representative points of the homes in the working CRS, their weights (residents, or 1 per
        building without a population) and whether the weights are residents."""
        points, pops, bad, repaired = [], [], 0, 0
        for chunk in self.read_chunks(source, feedback, [pop_idx] if pop_idx >= 0 else [], transform=transform):
            repaired += chunk.repaired
            homes = network.representative_points(chunk.geometry)
            points.append(homes)
            if pop_idx >= 0:
                population, n_bad = clean_population(chunk.values[pop_idx], ~shapely.is_missing(homes))
                pops.append(population)
                bad += n_bad
            self.check_canceled(feedback)
        homes = np.concatenate(points) if points else np.zeros(0, dtype=object)   # the base logs missing ones
        self.report_repaired(feedback, repaired, source)
        if bad:
            feedback.pushWarning(self.tr("{n} homes have a missing or negative population, counted as 0.")
                                 .format(n=bad))
        weight = np.concatenate(pops) if pops else np.ones(len(homes))
        by_population = pop_idx >= 0 and weight.sum() > 0
        if pop_idx >= 0 and not by_population:
            feedback.pushWarning(self.tr("The population field sums to 0: every building counts as one."))
            weight = np.ones(len(homes))
        return homes, np.where(shapely.is_missing(homes), 0.0, weight), by_population

    def _warn_once(self, feedback, message):
        """A warning said once a run: FACILITY_TYPE all measures the same homes and candidates for each of its
        8 types, and said the same line 8 times (Andorra's OSM extract)."""
        said = getattr(self, "_said", None)
        if said is None:
            said = self._said = set()
        if message not in said:
            said.add(message)
            feedback.pushWarning(message)

    def _eligible(self, parameters, context, feedback, candidates, chunk, points, lu_idx, fac_type):
        """Which candidates may take the facility: with a geometry, and (with a land-use field) of an
        eligible code."""
        present = ~shapely.is_missing(points)          # the base logs those without geometry
        if lu_idx < 0:
            return present
        prefixes = siting.parse_codes(self.parameterAsString(parameters, self.ELIGIBLE_CODES, context)) \
            or siting.DEFAULT_ELIGIBLE.get(fac_type, ())
        if not prefixes:
            raise QgsProcessingException(self.tr(
                "No eligible land-use codes for {type}: give them in Eligible land-use codes.").format(type=fac_type))
        scheme = self.read_scheme(parameters, context)
        if scheme is None:
            codes = landuse.normalise_codes(chunk.values[lu_idx])
        else:
            table = landuse_codes.read_crosswalk(self.factor_table("landuse_crosswalk.csv", feedback))
            codes = landuse_codes.translate(chunk.values[lu_idx], table, scheme)["code"]
        eligible = present & siting.eligible_codes(codes, prefixes)
        feedback.pushInfo(self.tr("{n} of {total} candidates of “{layer}” have a {field} starting with {codes}.")
                          .format(n=int(eligible.sum()), total=len(points), layer=candidates.sourceName(),
                                  field=candidates.fields().at(lu_idx).name(), codes=", ".join(prefixes)))
        return eligible

    def _existing(self, existing, type_idx, matcher, work_crs, context, feedback):
        """Points of the existing facilities of the type, in the working CRS."""
        if existing is None:
            feedback.pushInfo(self.tr("No existing facilities given: every home starts uncovered."))
            return np.zeros(0, dtype=object)
        chunk, points = self.read_points(existing, work_crs, context, feedback,
                                         text=[type_idx] if type_idx >= 0 else [], only_fields=True)
        keep = ~shapely.is_missing(points)
        if type_idx >= 0 and matcher is not None:
            keep &= matcher(chunk.values[type_idx])
        elif type_idx >= 0:
            feedback.pushInfo(self.tr("Shelters: every point of the existing layer counts; the type field is "
                                      "not used."))
        feedback.pushInfo(self.tr("{n} existing facilities of the type in “{layer}”.").format(
            n=int(keep.sum()), layer=existing.sourceName()))
        return points[keep]

    def _distances(self, roads, work_crs, context, feedback, homes, existing, candidates, eligible, distance,
                   max_snap, net=None):
        """Homes covered by an existing facility, the (home, candidate) pairs within the distance (eligible
        candidates only) and the number of homes off the network."""
        cand_ids = np.flatnonzero(eligible)
        if roads is None:
            feedback.pushWarning(self.tr("No roads given: distances are straight lines, which over-state access "
                                         "where barriers force detours."))
            covered = np.zeros(len(homes), dtype=bool)
            if len(existing):
                covered = network.euclidean_distance(existing, homes)[0] <= distance
            present = ~shapely.is_missing(homes)
            home_ids = np.flatnonzero(present)
            pairs = np.zeros((0, 2), dtype=np.int64)
            if len(home_ids) and len(cand_ids):
                tree = cKDTree(shapely.get_coordinates(homes[home_ids]))
                other = cKDTree(shapely.get_coordinates(candidates[cand_ids]))
                found = tree.sparse_distance_matrix(other, distance, output_type="ndarray")
                pairs = np.column_stack([home_ids[found["i"]], cand_ids[found["j"]]])
            return covered, pairs[:, 0], pairs[:, 1], 0
        net = net or self.read_network(roads, work_crs, context, feedback)
        home_snap = network.snap(net, homes, max_snap)
        off = int((~shapely.is_missing(homes) & ~home_snap.on_network).sum())
        if off:
            self._warn_once(feedback, self.tr("{n} homes are farther than {d} m from every road: no site can "
                                              "reach them.").format(n=off, d=max_snap))
        covered = np.zeros(len(homes), dtype=bool)
        if len(existing):
            ex_snap = network.snap(net, existing, max_snap)
            covered = network.reach(net, ex_snap, cutoff=distance).distance_to(home_snap)[0] <= distance
        cand_snap = network.snap(net, candidates[cand_ids], max_snap)
        off_cand = int((~cand_snap.on_network).sum())
        if off_cand:
            self._warn_once(feedback, self.tr("{n} eligible candidates are farther than {d} m from every road "
                                              "and are left out.").format(n=off_cand, d=max_snap))
        # Batches of PAIR_BATCH candidates: a Cancel is looked at between the shortest-path calls.
        source, target, _ = network.pair_distances(net, cand_snap, home_snap, distance,
                                                   max_cells=PAIR_BATCH * (net.n_nodes + len(cand_ids)),
                                                   is_canceled=feedback.isCanceled)
        return covered, target, cand_ids[source], off

    # ---- outputs ------------------------------------------------------------------------------
    def _log_solution(self, solution, k, feedback, placed=None, what=None):
        """The solver's outcome in the log; ``placed`` and ``what`` name the best-k value where it is not
        the residents covered (shelters: residents placed)."""
        pruned = getattr(solution, "pruned", 0)
        if pruned:
            feedback.pushInfo(self.tr("{n} of the greedy's {g:,.0f} sites were redundant (the others reach enough of "
                                      "their residents) and are dropped.").format(n=pruned, g=solution.greedy))
        if solution.method == "greedy":
            feedback.pushWarning(self.tr(
                "The problem is too large for the MIP ({size}): the greedy answer is kept, which may use more "
                "sites than the fewest (or cover fewer residents).").format(size=solution.note))
            return
        feedback.pushInfo(self.tr("The greedy start: {g:,.0f}; the MIP: {m:,.0f} ({what}).").format(
            g=solution.greedy, m=len(solution.chosen) if k is None else
            (float(solution.new_pop.sum()) if placed is None else placed),
            what=what or (self.tr("new sites") if k is None else self.tr("residents covered"))))
        bound_by = getattr(solution, "bound_by", "")
        if solution.optimal and bound_by == "lp":
            feedback.pushInfo(self.tr("The LP relaxation proved the solution optimal in {s:.1f} s.").format(
                s=solution.seconds))
        elif solution.optimal:
            feedback.pushInfo(self.tr("HiGHS proved the solution optimal in {s:.1f} s.").format(s=solution.seconds))
        elif np.isnan(solution.gap) and getattr(solution, "stalled", False):
            feedback.pushWarning(self.tr(
                "HiGHS proved no bound and found no better solution than the greedy one in a slice of {slice:g} s, "
                "where the search ends ({s:.1f} s in all): how far it is from the optimum is unknown.").format(
                    slice=siting.SLICE_S, s=solution.seconds))
        elif np.isnan(solution.gap):
            feedback.pushWarning(self.tr(
                "In {s:.1f} s HiGHS found no better solution than the greedy one and no bound: how far it is from "
                "the optimum is unknown. A longer solver time limit may help.").format(s=solution.seconds))
        elif getattr(solution, "stalled", False):
            feedback.pushWarning(self.tr(
                "The best solution found is within {gap:.1f} % of the optimum (optimality gap). HiGHS found no "
                "better one in a slice of {slice:g} s, where the search ends ({s:.1f} s in all): each slice starts "
                "HiGHS afresh, so a longer solver time limit would not change this.").format(
                    gap=100.0 * solution.gap, slice=siting.SLICE_S, s=solution.seconds))
        else:
            feedback.pushWarning(self.tr(
                "The best solution found in {s:.1f} s is within {gap:.1f} % of the optimum (optimality gap); a "
                "longer solver time limit may find a better one.").format(s=solution.seconds,
                                                                          gap=100.0 * solution.gap))
        bound = getattr(solution, "bound", np.nan)
        if not solution.optimal and np.isfinite(solution.gap) and bound_by and np.isfinite(bound):
            proof = self.tr("the LP relaxation") if bound_by == "lp" else self.tr("HiGHS's branch and bound")
            feedback.pushInfo((self.tr("Proven by {proof}: no solution has fewer than {b:,.0f} new sites.")
                               if k is None else
                               self.tr("Proven by {proof}: no {k} sites cover more than {b:,.0f} residents."))
                              .format(proof=proof, b=bound, k=k))

    def _notes(self, needs, after, target, k, off, distance, unit, weight, covered, coverable, by_population):
        """Why a unit stays below the target, per unit ("" where it reaches it)."""
        who = self.tr("residents") if by_population else self.tr("buildings")
        notes = []
        inside = unit >= 0
        for u in range(len(needs["pop"])):
            goal = target * needs["pop"][u]
            if after["covered"][u] >= goal - 1e-6:
                notes.append("")
                continue
            if needs["short"][u]:
                left = float(weight[inside & (unit == u) & ~covered & ~coverable].sum())
                notes.append(self.tr("At most {pct:.1f} % reachable: {n:,.0f} {who} have no eligible candidate "
                                     "within {d:g} m.").format(pct=100.0 * needs["reachable"][u] / needs["pop"][u],
                                                               n=left, who=who, d=distance))
            elif k is not None:
                notes.append(self.tr("Not reached with {k} sites.").format(k=k))
            else:
                notes.append(self.tr("Not reached."))
        return np.array(notes, dtype=object)

    def _log_units(self, unit_chunk, units, needs, after, notes, target, feedback):
        """One line per unit with residents, the first ``MAX_LOGGED`` only (the units output has them all)."""
        name = (lambda u: str(u + 1)) if unit_chunk is None else (lambda u: unit_label(unit_chunk.features[u]))
        lived = np.flatnonzero(needs["pop"] > 0)
        for u in lived[:MAX_LOGGED]:
            line = self.tr("Unit {unit}: {before:.1f} % → {after:.1f} % (target {target:g} %).").format(
                unit=name(u), before=100.0 * needs["covered"][u] / needs["pop"][u],
                after=100.0 * after["covered"][u] / needs["pop"][u], target=100.0 * target)
            if notes[u]:
                feedback.pushWarning(f"{line} {notes[u]}")
            else:
                feedback.pushInfo(line)
        short = int(sum(1 for u in lived if notes[u]))
        if len(lived) > MAX_LOGGED:
            feedback.pushInfo(self.tr("… {n} more units in the coverage by unit; {short} of all {total} units with "
                                      "residents stay below the target.").format(
                n=len(lived) - MAX_LOGGED, short=short, total=len(lived)))

    def _shelter_notes(self, found, target, k, distance, by_population):
        """Why a unit stays below the target with shelters by capacity, per unit ("" where it reaches it)."""
        who = self.tr("residents") if by_population else self.tr("buildings")
        notes = []
        for u, pop in enumerate(found["pop"]):
            goal = target * pop
            if found["after"][u] >= goal - 1e-6:
                notes.append("")
            elif found["reachable"][u] < goal - 1e-6:
                notes.append(self.tr("At most {pct:.1f} % reachable: {n:,.0f} {who} have no shelter or eligible "
                                     "candidate within {d:g} m; {placed:.1f} % have a place.").format(
                    pct=100.0 * found["reachable"][u] / pop, n=pop - found["reachable"][u], who=who, d=distance,
                    placed=100.0 * found["after"][u] / pop))
            elif found["short_capacity"][u]:
                notes.append(self.tr("Capacity: the shelters and eligible candidates within {d:g} m hold too few; "
                                     "{pct:.1f} % have a place.").format(d=distance,
                                                                         pct=100.0 * found["after"][u] / pop))
            elif k is not None:
                notes.append(self.tr("Not reached with {k} sites.").format(k=k))
            else:
                notes.append(self.tr("Not reached: the assignment of Emergency shelter coverage gives this unit's "
                                     "places to residents of other units."))
        return np.array(notes, dtype=object)

    def _write_sites(self, parameters, context, candidates, chunk, points, found, fac_type, work_crs):
        fields, positions = self.output_fields(candidates.fields(), SITE_FIELDS, self._feedback)
        crs = candidates.sourceCrs()
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.Point, crs)
        back = None
        if crs.isValid() and work_crs.isValid() and crs != work_crs:
            back = QgsCoordinateTransform(work_crs, crs, context.transformContext())
        chosen = found["chosen"]
        features = [chunk.features[i] for i in chosen]
        seen, fid_idx = set(), candidates.fields().lookupField("fid")
        spare = max(map(QgsFeature.id, chunk.features), default=0) + 1
        for at, i in enumerate(chosen):        # all types: one candidate may take several, one feature each
            if i in seen:
                features[at] = QgsFeature(features[at])
                if fid_idx >= 0:                 # a GeoPackage output refuses a repeated (or NULL) fid
                    features[at].setAttribute(fid_idx, spare)
                    spare += 1
            seen.add(i)
        picked = type(chunk)(features, chunk.geometry[chosen], {}, 0)
        n = len(chosen)
        self.write_chunk(sink, picked, candidates.fields().count(), positions, [
            found.get("fac_type", np.full(n, fac_type, dtype=object)), np.arange(1, n + 1), found["new_pop"],
            np.full(n, found["method"], dtype=object), found["capacity"], found["assigned"],
            np.full(n, 100.0 * found["gap"])], parameters, self.OUTPUT,
            geometries=points[chosen], transform=back)
        return dest_id
