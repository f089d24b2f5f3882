"""lcr:life_circle: 5/10/15-minute community life circles (GB 50180-2018): which daily-service
facility types each home reaches on foot, a completeness score, and the residents fully served."""
import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core import life_circle as lc
from ..core import network, zones
from ..qt_compat import holds_numbers
from .base import factor_names
from .network_glue import NetworkAlgorithm, clean_population

UNITS_STYLE = "life_circle_units"
# The flag lcr:prepare_osm writes on facilities whose type it guessed, looked for where the type field has no
# "<type field>_est" of its own.
GUESSED_TYPE_FLAG = "type_est"


class LifeCircle(NetworkAlgorithm):
    ALG_ID = "life_circle"
    GROUP_ID = "resilience"
    STYLE = "life_circle"

    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    FACILITIES = "FACILITIES"
    FACILITY_TYPE_FIELD = "FACILITY_TYPE_FIELD"
    FACILITY_TABLE = "FACILITY_TABLE"
    DISTANCE_SCALE = "DISTANCE_SCALE"
    OUTPUT = "OUTPUT"
    FULL_COVERAGE_PCT = "FULL_COVERAGE_PCT"
    MEAN_SCORE = "MEAN_SCORE"

    def displayName(self):  # noqa: N802
        return self.tr("Community life circles (5/10/15 min)")

    def help_text(self):
        return self.tr(
            "Which daily-service facility types each home reaches on foot within its community life "
            "circle (社区生活圈, GB 50180-2018): 5 minutes ≈ 300 m, 10 minutes ≈ 500 m, 15 minutes ≈ "
            "800–1000 m. The facility table gives each type its walking distance (shipped defaults: "
            "kindergarten, clinic, elderly care 300 m; primary school, market 500 m; middle school, "
            "community centre, sports 1000 m; from secondary sources and the city check-up indicators of "
            "TD/T 1063-2021, GB 50180-2018 Appendix B not read: marked unverified).\n\n"
            "Run it on the homes only: filter residential buildings or parcels first (e.g. Extract by "
            "attribute); every polygon given is treated as a home. Each is represented by a point "
            "inside it. With a roads layer the distance is walked along the roads (one shortest-path "
            "search per facility type); without, it is a straight line, which over-states access "
            "where rivers, rail lines or walled compounds force detours. Roads must be noded where "
            "they meet. Homes and facilities farther than the maximum snapping distance from every "
            "road reach nothing.\n\n"
            "Facility types are matched to the table's fac_type or aliases (e.g. 幼儿园, 小学), "
            "ignoring case; other types are counted in the log and ignored. A type of the table "
            "without any facility is missed by everyone.\n\n"
            "score = types reached / types in the table (0–1). Coverage = Σ population of homes "
            "reaching every type / Σ population × 100 (by building count without a population "
            "field).\n\n"
            "Facilities whose type is a guess (1 in the type field's “_est” field, else in type_est, as "
            "“Prepare OpenStreetMap data” flags schools without isced:level) count as their type, but a home "
            "that reaches a type only through such facilities gets lc_score_est = 1: its completeness rests "
            "on the guess.\n\n"
            "Output fields: lc_<type> (0/1 per type; the name is cut to 20 characters), lc_score "
            "(0–1), lc_missing (types not reached, comma-separated), method (network or euclidean), "
            "lc_score_est (0/1). "
            "Planning units: bldg (count), pop, pop_full (persons reaching every type), full_pct "
            "(%), pct_<type> (% of residents, or of buildings, reaching the type), pop_est (1 where more than "
            "half of pop is flagged as estimated in the population field's “_est” field, e.g. residents_est), "
            "full_pct_est (1 where more than half of the unit's residents, or homes without a population "
            "field, have lc_score_est = 1: a planning check gives no verdict on its coverage), method.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Residential buildings or parcels"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("Polygons where people live. Filter the residential ones first: every polygon is "
                    "treated as a home."))
        self.add_parameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Residents of each polygon; missing or negative values count as 0. Without it, "
                    "shares are shares of buildings."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, self.tr("Facilities"), [QgsProcessing.SourceType.TypeVectorPoint]),
            self.tr("Daily-service facilities (kindergartens, schools, clinics, markets…) as points."))
        self.add_parameter(QgsProcessingParameterField(
            self.FACILITY_TYPE_FIELD, self.tr("Facility type field"), parentLayerParameterName=self.FACILITIES,
            type=QgsProcessingParameterField.DataType.Any),
            self.tr("Field of the facilities naming their type, matched to the table's fac_type or "
                    "aliases (e.g. kindergarten or 幼儿园)."))
        self.add_parameter(QgsProcessingParameterFile(
            self.FACILITY_TABLE, self.tr("Facility table (CSV)"), extension="csv", optional=True),
            self.tr("Replaces the shipped table: columns fac_type, circle, distance_m (m), aliases "
                    "(separated by |), source, year, verified."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.DISTANCE_SCALE, self.tr("Distance multiplier"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=1.0, minValue=0),
            self.tr("Multiplies every walking distance of the table, e.g. 1.2 for a sensitivity run."),
            advanced=True)
        self.add_roads_parameters(self.tr("Homes and facilities farther than this from every road are not on "
                                          "the network: they reach nothing and are not reached."))
        self.add_units_parameter(self.tr("Polygons to report coverage for (planning units, communities). A home "
                                         "belongs to the unit containing its representative point."))
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Life circles")),
                           self.tr("The homes with lc_<type>, lc_score, lc_missing and method added."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.UNITS_OUTPUT, self.tr("Life circles by unit"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True, createByDefault=False),
            self.tr("The planning units with bldg, pop, pop_full, full_pct, pct_<type> and method "
                    "added. Needs planning units."))
        self.addOutput(QgsProcessingOutputNumber(
            self.FULL_COVERAGE_PCT, self.tr("Residents reaching every facility type (%)")))
        self.addOutput(QgsProcessingOutputNumber(self.MEAN_SCORE, self.tr("Mean completeness score (0–1)")))

    def error_messages(self):
        return {
            **super().error_messages(),
            "field_name_clash": self.tr("The facility types “{first}” and “{second}” both give the field "
                                        "name {field}: shorten or rename one in the table."),
            "table_empty_key": self.tr("The table {path}, line {line}: fac_type is empty."),
        }

    # ---- running ------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        pop_idx = self.field_index(parameters, self.POPULATION_FIELD, source, context)
        facilities = self.feature_source(parameters, self.FACILITIES, context, QgsWkbTypes.GeometryType.PointGeometry)
        type_idx = self.field_index(parameters, self.FACILITY_TYPE_FIELD, facilities, context, numeric=False)
        if type_idx < 0:
            raise QgsProcessingException(self.tr("Choose the field of the facilities that names their type."))
        table_path = (self.parameterAsFile(parameters, self.FACILITY_TABLE, context)
                      or self.factor_table("life_circle_facilities.csv", feedback))
        table = lc.read_facility_table(table_path)
        fac_types = list(table["fac_type"])
        type_fields = lc.field_names(fac_types, "lc_")
        pct_fields = lc.field_names(fac_types, "pct_")
        scale = self.parameterAsDouble(parameters, self.DISTANCE_SCALE, context)
        thresholds = table["distance_m"].to_numpy(dtype=float) * scale
        roads, max_snap, units = self.network_parameters(parameters, context)
        self._log_table(table, thresholds, scale, table_path, feedback)

        work_crs, transform = self.distance_crs(source, context, feedback)
        points, rows, guessed, guess_field = self._read_facilities(facilities, type_idx, table, work_crs, context,
                                                                   feedback)
        known_rows, affected = lc.known_type_rows(rows, guessed)
        pop_flag = self.estimate_flag_index(source, pop_idx)
        if roads is not None:
            net = self.read_network(roads, work_crs, context, feedback)
            reaches, off = lc.type_reaches(net, points, rows, thresholds, max_snap)
            # the types holding a guessed facility are searched again from their known-type facilities only
            known_reaches = lc.type_reaches(net, points, known_rows, thresholds, max_snap)[0] if affected.any() \
                else None
            if off:
                feedback.pushWarning(self.tr("{n} facilities are farther than {d} m from every road and are "
                                             "left out.").format(n=off, d=max_snap))
            method = "network"
        else:
            feedback.pushWarning(self.tr("No roads given: distances are straight lines, which over-state "
                                         "access where barriers force detours."))
            method = "euclidean"
        unit_chunk = self.read_units(units, work_crs, context, feedback, features=False) if units is not None \
            else None
        unit_geometry = unit_chunk.geometry if unit_chunk is not None else None

        fields, positions = self.output_fields(source.fields(), [(f, "int") for f in type_fields] + [
            ("lc_score", "double"), ("lc_missing", "text"), ("method", "text"), ("lc_score_est", "int")], feedback)
        self.writes_every_feature(self.OUTPUT, source)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         source.wkbType(), source.sourceCrs())
        numeric = [i for i in (pop_idx, pop_flag) if i >= 0]
        totals, unit_totals = None, None
        # per unit: (residents, estimated residents), (residents, residents of homes resting on a guessed type),
        # (homes, homes resting on one): sums of chunks
        n_units = len(unit_geometry) if unit_geometry is not None else 0
        unit_est = {key: [np.zeros(n_units), np.zeros(n_units)] for key in ("pop", "guess_pop", "guess_bldg")}
        guessed_homes = 0
        counts = {"off_network": 0, "repaired": 0, "bad_pop": 0}
        extents = []   # the homes' extent per chunk, to warn when no facility can be within reach
        for chunk in self.read_chunks(source, feedback, numeric, transform=transform):
            homes = network.representative_points(chunk.geometry)
            present = ~shapely.is_missing(homes)
            extents.append(zones.extent_box(homes))
            if method == "network":
                snapped = network.snap(net, homes, max_snap)
                reached = lc.reached_network(reaches, snapped, thresholds)
                known = lc.reached_network(known_reaches, snapped, thresholds) if known_reaches is not None \
                    else reached
                counts["off_network"] += int((present & ~snapped.on_network).sum())
            else:
                reached = lc.reached_euclidean(points, rows, thresholds, homes)
                known = lc.reached_euclidean(points, known_rows, thresholds, homes) if affected.any() else reached
            on_guess = np.where(present, lc.rests_on_guess(reached, known, affected), 0)
            guessed_homes += int(on_guess.sum())
            scores = np.where(present, lc.score(reached), np.nan)
            missing = np.where(present, lc.missing_text(reached, fac_types), None)
            population = None
            if pop_idx >= 0:
                population, bad = clean_population(chunk.values[pop_idx], present)
                counts["bad_pop"] += bad
            columns = [np.where(present, reached[:, k].astype(int), None) for k in range(len(fac_types))]
            columns += [scores, missing, np.full(len(homes), method, dtype=object),
                        np.where(present, on_guess, None)]
            self.write_chunk(sink, chunk, source.fields().count(), positions, columns, parameters, self.OUTPUT)
            totals = lc.add_sums(totals, lc.unit_sums(np.where(present, 0, -1), 1, population, reached))
            if unit_geometry is not None:
                unit_index = zones.assign_to_zones(homes, unit_geometry)
                unit_totals = lc.add_sums(unit_totals, lc.unit_sums(unit_index, len(unit_geometry),
                                                                    population, reached))
                weight = population if population is not None else np.zeros(len(homes))
                for key, amounts, flags in (
                        ("pop", weight, chunk.values[pop_flag] if pop_flag >= 0 else np.zeros(len(homes))),
                        ("guess_pop", weight, on_guess), ("guess_bldg", present.astype(float), on_guess)):
                    for total, part in zip(unit_est[key], zones.estimated_sums(unit_index, amounts, flags, n_units)):
                        total += part
            counts["repaired"] += chunk.repaired
            self.check_canceled(feedback)
        reach = float(thresholds.max(initial=0.0)) + (2 * max_snap if method == "network" else 0.0)
        self.warn_apart(feedback, points[rows >= 0], facilities.sourceName(), extents, source.sourceName(), reach)

        if totals is None:  # no feature was read
            totals = lc.unit_sums(np.zeros(0, int), 1, None, np.zeros((0, len(fac_types))))
        by_population = pop_idx >= 0 and totals["pop"][0] > 0
        if pop_idx >= 0 and not by_population:
            feedback.pushWarning(self.tr("The population field sums to 0: shares are shares of buildings."))
        shares = lc.unit_shares(totals, by_population)
        self._report(feedback, counts, totals, shares, by_population, fac_types, max_snap)

        result = {self.OUTPUT: dest_id, self.FULL_COVERAGE_PCT: float(shares["full_pct"][0]),
                  self.MEAN_SCORE: float(shares["mean_score"][0])}
        if guessed_homes:
            feedback.pushInfo(self.tr(
                "{n} homes reach a facility type only through facilities whose type is guessed (“{flag}”): "
                "lc_score_est = 1.").format(n=guessed_homes, flag=guess_field))
        estimated = {"pop_est": zones.majority_estimated(*unit_est["pop"]),
                     "full_pct_est": zones.majority_estimated(
                         *unit_est["guess_pop" if by_population else "guess_bldg"])}
        units_dest = self._write_units(parameters, context, feedback, units, unit_chunk, unit_totals,
                                       by_population, pct_fields, method, estimated)
        if units_dest is not None:
            self._warn_estimated(feedback, estimated, source, pop_flag, guess_field)
        if units_dest is not None:
            result[self.UNITS_OUTPUT] = units_dest
        self.style_output(context, dest_id, self.tr(
            "Community life circles ({method} distances, GB 50180-2018 walking distances × {s}): facility "
            "types reached by each home, lc_score 0–1. Made by the Low-Carbon & Resilience Planning "
            "Toolkit.").format(method=method, s=scale))
        return result

    # ---- inputs -------------------------------------------------------------------------------
    @staticmethod
    def _type_names(fac_types):
        """Facility types as the log shows them: their Chinese names when QGIS runs in Chinese."""
        return factor_names(list(fac_types), "life_circle_facilities.csv", "fac_type")

    def _log_table(self, table, thresholds, scale, path, feedback):
        feedback.pushInfo(self.tr("Facility table {path}: {types}.").format(
            path=path, types=", ".join(f"{t} {d:g} m" for t, d in zip(self._type_names(table["fac_type"]), thresholds))))
        if scale != 1:
            feedback.pushInfo(self.tr("Walking distances are multiplied by {s}.").format(s=scale))
        unverified = lc.unverified_types(table)
        if unverified:
            feedback.pushWarning(self.tr("Unverified walking distances are used for: {types}. Check them "
                                         "against GB 50180-2018 and local rules.").format(
                types=", ".join(self._type_names(unverified))))

    def _read_facilities(self, facilities, type_idx, table, work_crs, context, feedback):
        """Facility points in the working CRS, the table row of each (-1: ignored) and whether its type is
        a guess (1 in the type field's “_est” field, else in type_est of lcr:prepare_osm; 0 without)."""
        flag = self.estimate_flag_index(facilities, type_idx)
        if flag < 0:
            flag = facilities.fields().lookupField(GUESSED_TYPE_FLAG)
            flag = flag if flag >= 0 and holds_numbers(facilities.fields().at(flag)) else -1
        chunk, points = self.read_points(facilities, work_crs, context, feedback, numeric=[flag] if flag >= 0 else [],
                                         text=[type_idx], only_fields=True)
        guessed = chunk.values[flag] if flag >= 0 else np.zeros(len(points))
        rows, unknown = lc.classify_facilities(chunk.values[type_idx], table)
        present = ~shapely.is_missing(points)
        field = facilities.fields().at(type_idx).name()
        if unknown:
            feedback.pushWarning(self.tr("{n} facilities have a {field} value not in the table and are "
                                         "ignored: {values}.").format(
                n=sum(unknown.values()), field=field,
                values=", ".join(f"{v or 'NULL'} ({c})" for v, c in sorted(unknown.items()))))
        rows = np.where(present, rows, -1)
        per_type = np.bincount(rows[rows >= 0], minlength=len(table))
        feedback.pushInfo(self.tr("Facilities by type: {counts}.").format(
            counts=", ".join(f"{t} {c}" for t, c in zip(self._type_names(table["fac_type"]), per_type))))
        absent = [t for t, c in zip(self._type_names(table["fac_type"]), per_type) if c == 0]
        if absent:
            feedback.pushWarning(self.tr("No facility of type {types}: every home misses it.").format(
                types=", ".join(absent)))
        return points, rows, guessed, facilities.fields().at(flag).name() if flag >= 0 else ""

    # ---- outputs ------------------------------------------------------------------------------
    def _write_units(self, parameters, context, feedback, units, unit_chunk, unit_totals, by_population,
                     pct_fields, method, estimated):
        if not self.units_output_wanted(parameters, units, feedback, self.tr(
                "No planning units given: the life circles by unit are not written.")):
            return None
        n = len(unit_chunk.geometry)
        if unit_totals is None:  # no feature was read
            unit_totals = lc.unit_sums(np.zeros(0, int), n, None, np.zeros((0, len(pct_fields))))
        shares = lc.unit_shares(unit_totals, by_population)
        new = [("bldg", "int"), ("pop", "double"), ("pop_full", "double"), ("full_pct", "double")]
        columns = [shares["bldg"].astype(int), shares["pop"], shares["pop_full"], shares["full_pct"]]
        columns += [shares["pct_k"][:, k] for k in range(len(pct_fields))]
        dest_id = self.write_units(parameters, context, feedback, units, unit_chunk,
                                   new + [(f, "double") for f in pct_fields] + [(f, "int") for f in estimated],
                                   columns + list(estimated.values()), method)
        if dest_id is not None:
            feedback.pushInfo(self.tr("Life circles written for {n} planning units.").format(n=n))
            self.style_output(context, dest_id, self.tr(
                "Community life circles by planning unit ({method} distances): share of residents reaching "
                "every facility type. Made by the Low-Carbon & Resilience Planning Toolkit.").format(method=method),
                UNITS_STYLE)
        return dest_id

    def _warn_estimated(self, feedback, estimated, source, pop_flag, guess_field):
        if estimated["pop_est"].any():
            feedback.pushWarning(self.tr(
                "{n} units' residents are mostly estimated (“{flag}” = 1 on more than half of them): pop_est = 1, "
                "and the per-resident amounts computed from pop get no verdict in a planning check.").format(
                    n=int(estimated["pop_est"].sum()), flag=source.fields().at(pop_flag).name()))
        if estimated["full_pct_est"].any():
            feedback.pushWarning(self.tr(
                "{n} units' life-circle coverage rests on guessed facility types (“{flag}”): more than half of their "
                "residents reach some type only through such facilities. full_pct_est = 1, and a planning check "
                "gives them no verdict on it.").format(
                    n=int(estimated["full_pct_est"].sum()), flag=guess_field))

    def _report(self, feedback, counts, totals, shares, by_population, fac_types, max_snap):
        if counts["off_network"]:
            feedback.pushWarning(self.tr(
                "{n} homes are farther than {d} m from every road: they reach no facility.")
                .format(n=counts["off_network"], d=max_snap))
        if counts["bad_pop"]:
            feedback.pushWarning(self.tr("{n} homes have a missing or negative population, counted as 0.")
                                 .format(n=counts["bad_pop"]))
        if counts["repaired"]:
            feedback.pushWarning(self.tr("{n} invalid geometries were repaired for the calculation; the "
                                         "output keeps them as they were.").format(n=counts["repaired"]))
        per_type = ", ".join(f"{t} {p:.1f} %" for t, p in zip(self._type_names(fac_types),
                                                               np.nan_to_num(shares["pct_k"][0])))
        if by_population:
            feedback.pushInfo(self.tr(
                "{full:,.0f} of {pop:,.0f} residents ({pct:.1f} %) reach every facility type; mean score "
                "{score:.2f}. Residents reaching each type: {types}.").format(
                    full=totals["pop_full"][0], pop=totals["pop"][0], pct=np.nan_to_num(shares["full_pct"][0]),
                    score=np.nan_to_num(shares["mean_score"][0]), types=per_type))
        else:
            feedback.pushInfo(self.tr(
                "{full:.0f} of {n:.0f} buildings ({pct:.1f} %) reach every facility type; mean score "
                "{score:.2f}. Buildings reaching each type: {types}.").format(
                    full=totals["bldg_full"][0], n=totals["bldg"][0], pct=np.nan_to_num(shares["full_pct"][0]),
                    score=np.nan_to_num(shares["mean_score"][0]), types=per_type))
