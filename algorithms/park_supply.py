"""lcr:park_supply: park green area per resident in each zone and the share of residents living within
a park's service radius."""
import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core import green_space, network, zones
from .reading import transform_to
from .green_glue import GreenSpaceAlgorithm

NEW_FIELDS = [("park_m2", "double"), ("comp_park_m2", "double"), ("comm_park_m2", "double"),
              ("park_green_m2_pc", "double"), ("comp_park_m2_pc", "double"), ("comm_park_m2_pc", "double"),
              ("park_cov_pop", "double"), ("park_cov_pct", "double"),
              ("park_green_m2_pc_est", "int"), ("comp_park_m2_pc_est", "int"), ("comm_park_m2_pc_est", "int")]
# The per-resident areas divide by residents: where those are mostly estimated, so are the areas. The coverage
# share is not flagged: it is estimated residents over estimated residents, set mainly by where the homes are.
PER_RESIDENT = ("park_green_m2_pc", "comp_park_m2_pc", "comm_park_m2_pc")


class ParkSupply(GreenSpaceAlgorithm):
    ALG_ID = "park_supply"
    GROUP_ID = "resilience"
    STYLE = "park_supply"

    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    COMPREHENSIVE_TYPES = "COMPREHENSIVE_TYPES"
    COMMUNITY_TYPES = "COMMUNITY_TYPES"
    BUILDINGS = "BUILDINGS"
    BUILDING_POPULATION_FIELD = "BUILDING_POPULATION_FIELD"
    LARGE_PARK_M2 = "LARGE_PARK_M2"
    LARGE_RADIUS_M = "LARGE_RADIUS_M"
    SMALL_PARK_M2 = "SMALL_PARK_M2"
    SMALL_RADIUS_M = "SMALL_RADIUS_M"
    OUTPUT = "OUTPUT"
    PARK_M2_PER_RESIDENT = "PARK_M2_PER_RESIDENT"
    PARK_COVERAGE_PCT = "PARK_COVERAGE_PCT"

    def displayName(self):  # noqa: N802
        return self.tr("Park green supply by zone")

    def help_text(self):
        return self.tr(
            "How much park green each zone (planning unit) has per resident, and how many of its residents "
            "live within the service radius of a park: the territorial master plan's 人均公园绿地面积 and "
            "公园绿地服务半径覆盖率.\n\n"
            "Park green is every green space whose type is not left out (protective green by default). A "
            "green space lies in the zone holding a point inside it, and its whole area counts there. "
            "park_green_m2_pc = park area in the zone / the zone's residents; comp_park_m2_pc and "
            "comm_park_m2_pc the same for the comprehensive and the community parks (m²/person).\n\n"
            "Service radius: 500 m around parks of 5 000 m² or more, 300 m around parks of 2 000–5 000 m², "
            "none for smaller ones (after the 2016 national garden-city standard; unverified, so the four "
            "numbers are parameters). A building is served where a point inside it lies within the radius "
            "of a park's edge, in a straight line, whichever zone the park lies in. park_cov_pct = residents "
            "of the served buildings in the zone / residents of all its buildings (%). A building lies in "
            "the zone holding a point inside it.\n\n"
            "Areas and distances are true metres whatever the layers' CRS: layers in degrees or Web "
            "Mercator are measured in the UTM zone of the zones' centre.\n\n"
            "Output fields: park_m2, comp_park_m2, comm_park_m2 (m²), park_green_m2_pc, comp_park_m2_pc, "
            "comm_park_m2_pc (m²/person), park_cov_pop (persons), park_cov_pct (%). Per-resident values are "
            "NULL where the zone has no residents, comprehensive and community values without a type field. "
            "park_green_m2_pc_est, comp_park_m2_pc_est, comm_park_m2_pc_est: 1 where the zone's residents are "
            "mostly estimated (1 in the zone residents field's “_est” field, or more than half of the residents "
            "of its buildings flagged in the building residents field's, e.g. residents_est of “Prepare "
            "OpenStreetMap data”): a planning check gives no verdict on those per-resident areas.")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.add_parameter(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Zones"), polygon),
                           self.tr("Planning units (or other zones) to measure; the output is these zones."))
        self.add_parameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Zone residents field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric),
            self.tr("Residents (or planned population) of each zone, the divisor of the per-resident areas."))
        self.add_green_parameters()
        self.type_list_parameter(
            self.COMPREHENSIVE_TYPES, self.tr("Comprehensive park types (comma-separated)"),
            "comprehensive, 综合公园", self.tr("Types of the comprehensive parks, for comp_park_m2_pc."))
        self.type_list_parameter(
            self.COMMUNITY_TYPES, self.tr("Community park types (comma-separated)"),
            "community, 社区公园", self.tr("Types of the community parks, for comm_park_m2_pc."))
        self.add_parameter(QgsProcessingParameterFeatureSource(self.BUILDINGS, self.tr("Buildings"), polygon),
                           self.tr("Residential buildings with their residents, for the service-radius coverage."))
        self.add_parameter(QgsProcessingParameterField(
            self.BUILDING_POPULATION_FIELD, self.tr("Building residents field"),
            parentLayerParameterName=self.BUILDINGS, type=QgsProcessingParameterField.DataType.Numeric),
            self.tr("Residents of each building; missing or negative values count as 0."))
        for name, label, default, help_text in [
                (self.LARGE_PARK_M2, self.tr("Large park: minimum area (m²)"), 5000,
                 self.tr("Parks at least this large serve the large radius.")),
                (self.LARGE_RADIUS_M, self.tr("Large park: service radius (m)"), 500,
                 self.tr("Straight-line service radius of the large parks.")),
                (self.SMALL_PARK_M2, self.tr("Small park: minimum area (m²)"), 2000,
                 self.tr("Parks at least this large (and below the large-park area) serve the small radius; "
                         "smaller ones serve none.")),
                (self.SMALL_RADIUS_M, self.tr("Small park: service radius (m)"), 300,
                 self.tr("Straight-line service radius of the small parks."))]:
            self.add_parameter(QgsProcessingParameterNumber(
                name, label, QgsProcessingParameterNumber.Type.Double, defaultValue=default, minValue=0),
                help_text, advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Park green supply"), QgsProcessing.SourceType.TypeVectorPolygon),
                           self.tr("The zones with park_m2, comp_park_m2, comm_park_m2, park_green_m2_pc, "
                                   "comp_park_m2_pc, comm_park_m2_pc, park_cov_pop and park_cov_pct added."))
        self.addOutput(QgsProcessingOutputNumber(
            self.PARK_M2_PER_RESIDENT, self.tr("Park green per resident over all zones (m²)")))
        self.addOutput(QgsProcessingOutputNumber(
            self.PARK_COVERAGE_PCT, self.tr("Residents within a park's service radius (%)")))

    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        pop_idx = self.field_index(parameters, self.POPULATION_FIELD, source, context)
        buildings = self.polygon_source(parameters, self.BUILDINGS, context)
        home_idx = self.field_index(parameters, self.BUILDING_POPULATION_FIELD, buildings, context)
        if pop_idx < 0 or home_idx < 0:
            raise QgsProcessingException(self.tr("Choose the residents field of the zones and of the buildings."))
        tiers = self._tiers(parameters, context)

        crs, _ = self.measuring_crs(source, context, feedback)
        zone_flag = self.estimate_flag_index(source, pop_idx)
        zone_chunk = self.read_whole(source, crs, context, feedback,
                                     numeric=[i for i in (pop_idx, zone_flag) if i >= 0])
        n = len(zone_chunk.features)
        residents = zone_chunk.values[pop_idx]
        home_flag = self.estimate_flag_index(buildings, home_idx)
        self.report_population(feedback, residents, source)
        green_source = self.parameterAsSource(parameters, self.GREEN_SPACES, context)
        if green_source is not None and green_source.featureCount() == 0:
            return self._not_assessed(parameters, context, feedback, source, zone_chunk, green_source)
        green = self.read_green_spaces(parameters, crs, context, feedback,
                                       kinds=(self.COMPREHENSIVE_TYPES, self.COMMUNITY_TYPES))
        zone_of_park = zones.assign_to_zones(green.points, zone_chunk.geometry)
        areas = green_space.park_areas(zone_of_park, green.area_m2, green.counted,
                                       green.kinds[self.COMPREHENSIVE_TYPES], green.kinds[self.COMMUNITY_TYPES], n)
        radius = np.where(green.counted, green_space.service_radius(green.area_m2, tiers), np.nan)

        home_residents, covered, read = np.zeros(n), np.zeros(n), []
        home_all, home_flagged = np.zeros(n), np.zeros(n)
        for chunk in self.read_chunks(buildings, feedback, [i for i in (home_idx, home_flag) if i >= 0],
                                      transform=transform_to(buildings, crs, context)):
            homes = network.representative_points(chunk.geometry)
            served = green_space.within_service_radius(homes, green.polygons, radius)
            home_zone = zones.assign_to_zones(homes, zone_chunk.geometry)
            counts = green_space.coverage(home_zone, chunk.values[home_idx], served, n)
            if home_flag >= 0:
                total, flagged = zones.estimated_sums(home_zone, chunk.values[home_idx], chunk.values[home_flag], n)
                home_all += total
                home_flagged += flagged
            home_residents += counts["residents"]
            covered += counts["covered"]
            read.append(chunk.values[home_idx])
            self.check_canceled(feedback)
        self.report_population(feedback, np.concatenate(read) if read else np.zeros(0), buildings)

        columns = {**areas,
                   "park_green_m2_pc": green_space.per_resident(areas["park_m2"], residents),
                   "comp_park_m2_pc": green_space.per_resident(areas["comp_park_m2"], residents),
                   "comm_park_m2_pc": green_space.per_resident(areas["comm_park_m2"], residents),
                   "park_cov_pop": covered, "park_cov_pct": 100.0 * green_space.per_resident(covered, home_residents)}
        estimated = zones.majority_estimated(home_all, home_flagged)
        if zone_flag >= 0:
            estimated |= (zone_chunk.values[zone_flag] == 1).astype(int)
        columns.update({name + "_est": estimated for name in PER_RESIDENT})
        dest_id = self.write_layer(parameters, self.OUTPUT, context, feedback, source, zone_chunk, NEW_FIELDS,
                                   [columns[name] for name, _ in NEW_FIELDS])

        if estimated.any():
            flags = [layer.fields().at(i).name()
                     for layer, i in ((source, zone_flag), (buildings, home_flag)) if i >= 0]
            feedback.pushWarning(self.tr(
                "{n} zones' residents are mostly estimated (“{flag}”): park_green_m2_pc_est, comp_park_m2_pc_est and "
                "comm_park_m2_pc_est = 1, and a planning check gives them no verdict on park green per "
                "resident.").format(n=int(estimated.sum()), flag="”, “".join(flags)))
        in_zones = zone_of_park >= 0
        outside = int((green.counted & ~in_zones).sum())
        if outside:
            feedback.pushInfo(self.tr("{n} park green spaces lie in no zone: they serve their radius but count "
                                      "in no zone's area.").format(n=outside))
        total_pop = float(np.nansum(np.clip(residents, 0, None)))
        per_resident = float(green_space.per_resident(areas["park_m2"].sum(), total_pop))
        coverage_pct = float(100.0 * green_space.per_resident(covered.sum(), home_residents.sum()))
        feedback.pushInfo(self.tr(
            "Park green in the zones: {a:,.0f} m², {pc:.2f} m² per resident; {c:,.0f} of {r:,.0f} residents "
            "({pct:.1f} %) live within a park's service radius.").format(
                a=float(areas["park_m2"].sum()), pc=per_resident, c=float(covered.sum()),
                r=float(home_residents.sum()), pct=coverage_pct))
        self.style_output(context, dest_id, self.tr(
            "Park green per resident and park service-radius coverage (radii {large} m from {large_m2} m², {small} m "
            "from {small_m2} m², straight line). Made by the Low-Carbon & Resilience Planning Toolkit.").format(
                large=tiers[0][1], large_m2=tiers[0][0], small=tiers[1][1], small_m2=tiers[1][0]))
        return {self.OUTPUT: dest_id, self.PARK_M2_PER_RESIDENT: per_resident,
                self.PARK_COVERAGE_PCT: coverage_pct}

    def _not_assessed(self, parameters, context, feedback, source, zone_chunk, green_source):
        """A green-space layer with no feature (an OpenStreetMap extract without mapped parks): park supply
        is unknown, not 0 m², so every new field is NULL and the log says why."""
        empty = np.full(len(zone_chunk.features), np.nan)
        dest_id = self.write_layer(parameters, self.OUTPUT, context, feedback, source, zone_chunk, NEW_FIELDS,
                                   [np.zeros(len(empty), dtype=int) if name.endswith("_est") else empty
                                    for name, _ in NEW_FIELDS])
        feedback.pushWarning(self.tr(
            "“{layer}” has no features: park supply is not assessed (the park fields are NULL), and a planning "
            "check does not assess its park rules (no green spaces in the data).").format(
                layer=green_source.sourceName()))
        return {self.OUTPUT: dest_id, self.PARK_M2_PER_RESIDENT: None, self.PARK_COVERAGE_PCT: None}

    def _tiers(self, parameters, context):
        """((large minimum m², large radius m), (small minimum m², small radius m)), checked."""
        large = (self.parameterAsDouble(parameters, self.LARGE_PARK_M2, context),
                 self.parameterAsDouble(parameters, self.LARGE_RADIUS_M, context))
        small = (self.parameterAsDouble(parameters, self.SMALL_PARK_M2, context),
                 self.parameterAsDouble(parameters, self.SMALL_RADIUS_M, context))
        if not small[0] < large[0]:
            raise QgsProcessingException(self.tr(
                "“{small}” ({s:g} m²) must be below “{large}” ({l:g} m²).").format(
                    small=self.parameterDefinition(self.SMALL_PARK_M2).description(), s=small[0],
                    large=self.parameterDefinition(self.LARGE_PARK_M2).description(), l=large[0]))
        return large, small
