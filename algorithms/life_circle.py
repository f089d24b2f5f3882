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
from .base import factor_names
from .network_glue import NetworkAlgorithm, clean_population

UNITS_STYLE = "life_circle_units"


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
            "Output fields: lc_<type> (0/1 per type; the name is cut to 20 characters), lc_score "
            "(0–1), lc_missing (types not reached, comma-separated), method (network or euclidean). "
            "Planning units: bldg (count), pop, pop_full (persons reaching every type), full_pct "
            "(%), pct_<type> (% of residents, or of buildings, reaching the type), method.")

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
        points, rows = self._read_facilities(facilities, type_idx, table, work_crs, context, feedback)
        if roads is not None:
            net = self.read_network(roads, work_crs, context, feedback)
            reaches, off = lc.type_reaches(net, points, rows, thresholds, max_snap)
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
            ("lc_score", "double"), ("lc_missing", "text"), ("method", "text")], feedback)
        self.writes_every_feature(self.OUTPUT, source)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         source.wkbType(), source.sourceCrs())
        numeric = [pop_idx] if pop_idx >= 0 else []
        totals, unit_totals = None, None
        counts = {"off_network": 0, "repaired": 0, "bad_pop": 0}
        extents = []   # the homes' extent per chunk, to warn when no facility can be within reach
        for chunk in self.read_chunks(source, feedback, numeric, transform=transform):
            homes = network.representative_points(chunk.geometry)
            present = ~shapely.is_missing(homes)
            extents.append(zones.extent_box(homes))
            if method == "network":
                snapped = network.snap(net, homes, max_snap)
                reached = lc.reached_network(reaches, snapped, thresholds)
                counts["off_network"] += int((present & ~snapped.on_network).sum())
            else:
                reached = lc.reached_euclidean(points, rows, thresholds, homes)
            scores = np.where(present, lc.score(reached), np.nan)
            missing = np.where(present, lc.missing_text(reached, fac_types), None)
            population = None
            if pop_idx >= 0:
                population, bad = clean_population(chunk.values[pop_idx], present)
                counts["bad_pop"] += bad
            columns = [np.where(present, reached[:, k].astype(int), None) for k in range(len(fac_types))]
            columns += [scores, missing, np.full(len(homes), method, dtype=object)]
            self.write_chunk(sink, chunk, source.fields().count(), positions, columns, parameters, self.OUTPUT)
            totals = lc.add_sums(totals, lc.unit_sums(np.where(present, 0, -1), 1, population, reached))
            if unit_geometry is not None:
                unit_index = zones.assign_to_zones(homes, unit_geometry)
                unit_totals = lc.add_sums(unit_totals, lc.unit_sums(unit_index, len(unit_geometry),
                                                                    population, reached))
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
        units_dest = self._write_units(parameters, context, feedback, units, unit_chunk, unit_totals,
                                       by_population, pct_fields, method)
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
        """Facility points in the working CRS and the table row of each (-1: ignored)."""
        chunk, points = self.read_points(facilities, work_crs, context, feedback, text=[type_idx], only_fields=True)
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
        return points, rows

    # ---- outputs ------------------------------------------------------------------------------
    def _write_units(self, parameters, context, feedback, units, unit_chunk, unit_totals, by_population,
                     pct_fields, method):
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
                                   new + [(f, "double") for f in pct_fields], columns, method)
        if dest_id is not None:
            feedback.pushInfo(self.tr("Life circles written for {n} planning units.").format(n=n))
            self.style_output(context, dest_id, self.tr(
                "Community life circles by planning unit ({method} distances): share of residents reaching "
                "every facility type. Made by the Low-Carbon & Resilience Planning Toolkit.").format(method=method),
                UNITS_STYLE)
        return dest_id

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
