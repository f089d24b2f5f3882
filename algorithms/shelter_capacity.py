"""lcr:shelter_capacity: capacity of the fixed shelters in each zone per 100 residents."""
import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..core import shelter, zones
from .base import LcrAlgorithm

NEW_FIELDS = [("fixed_cap", "double"), ("shelter_cap_pct", "double"), ("shelter_cap_pct_est", "int")]


class ShelterCapacity(LcrAlgorithm):
    ALG_ID = "shelter_capacity"
    GROUP_ID = "resilience"
    STYLE = "shelter_capacity"

    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    SHELTERS = "SHELTERS"
    TYPE_FIELD = "TYPE_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    OUTPUT = "OUTPUT"
    FIXED_CAPACITY = "FIXED_CAPACITY"
    CAPACITY_PCT = "CAPACITY_PCT"

    def displayName(self):  # noqa: N802
        return self.tr("Fixed-shelter capacity by zone")

    def help_text(self):
        return self.tr(
            "How many people the fixed shelters of each zone hold, per 100 residents of the zone "
            "(固定避难场所容量占规划人口比例).\n\n"
            "Fixed shelters are every class but the emergency one (GB 51143-2015): short-, medium- and "
            "long-term and central shelters. A shelter's class is its type matched to "
            "resources/factors/shelter_standards.csv (names and aliases such as 紧急 or 长期固定, ignoring "
            "case); a missing or unlisted type takes the table's default row, a short-term fixed shelter. "
            "Without a type field every shelter counts as fixed. A shelter lies in the zone that contains "
            "it.\n\n"
            "shelter_cap_pct = 100 × Σ capacity of the fixed shelters in the zone / the zone's residents. No "
            "distance or area is measured: the result does not depend on the layers' CRS (shelters in "
            "another CRS are reprojected to the zones').\n\n"
            "Output fields: fixed_cap (persons), shelter_cap_pct (%; NULL where the zone has no residents), "
            "shelter_cap_pct_est (1 where more than half of the zone's fixed capacity is flagged as estimated in "
            "the capacity field's “_est” field, e.g. capacity_est of the candidate shelters of “Prepare "
            "OpenStreetMap data”, or where the zone's residents are flagged as mostly estimated, 1 in the "
            "residents field's “_est” field, e.g. pop_est of “Community life circles”: places per 100 "
            "residents rest on both counts; a planning check gives such zones no verdict on the share).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Zones"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("Planning units (or other zones); the output is these zones."))
        self.add_parameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Zone residents field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric),
            self.tr("Residents (or planned population) of each zone."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.SHELTERS, self.tr("Shelters"), [QgsProcessing.SourceType.TypeVectorPoint]),
            self.tr("Shelters as points."))
        self.add_parameter(QgsProcessingParameterField(
            self.TYPE_FIELD, self.tr("Shelter type field"), parentLayerParameterName=self.SHELTERS,
            type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Class of each shelter: emergency, short_term, medium_term, long_term or central (or an "
                    "alias of the standards table). Emergency shelters are not fixed shelters."))
        self.add_parameter(QgsProcessingParameterField(
            self.CAPACITY_FIELD, self.tr("Capacity field (persons)"), parentLayerParameterName=self.SHELTERS,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Persons each shelter holds; missing or negative values count as 0. Without it the capacity is "
                    "not assessed: fixed_cap and shelter_cap_pct are left empty (NULL), and the rules reading them "
                    "say not assessed."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Fixed-shelter capacity"), QgsProcessing.SourceType.TypeVectorPolygon),
            self.tr("The zones with fixed_cap and shelter_cap_pct added."))
        self.addOutput(QgsProcessingOutputNumber(self.FIXED_CAPACITY, self.tr("Fixed-shelter capacity (persons)")))
        self.addOutput(QgsProcessingOutputNumber(
            self.CAPACITY_PCT, self.tr("Fixed-shelter capacity per 100 residents over all zones")))

    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        pop_idx = self.field_index(parameters, self.POPULATION_FIELD, source, context)
        shelters = self.feature_source(parameters, self.SHELTERS, context, QgsWkbTypes.GeometryType.PointGeometry)
        type_idx = self.field_index(parameters, self.TYPE_FIELD, shelters, context, numeric=False)
        cap_idx = self.field_index(parameters, self.CAPACITY_FIELD, shelters, context)
        if pop_idx < 0:
            raise QgsProcessingException(self.tr("Choose the residents field of the zones."))
        if cap_idx < 0:
            return self._not_assessed(parameters, context, feedback, source)

        crs = source.sourceCrs()
        pop_flag = self.estimate_flag_index(source, pop_idx)
        zone_chunk = self.read_whole(source, crs, context, feedback, numeric=[i for i in (pop_idx, pop_flag) if i >= 0])
        residents = zone_chunk.values[pop_idx]
        self.report_population(feedback, residents, source)
        flag_idx = self.estimate_flag_index(shelters, cap_idx)
        s_chunk = self.read_whole(shelters, crs, context, feedback, numeric=[i for i in (cap_idx, flag_idx) if i >= 0],
                                  text=[type_idx] if type_idx >= 0 else [])
        capacity = s_chunk.values[cap_idx]
        if type_idx >= 0:
            table = shelter.read_standards(self.factor_table("shelter_standards.csv", feedback))
            fixed, unknown = shelter.fixed_shelters(s_chunk.values[type_idx], table)
            if unknown:
                feedback.pushWarning(self.tr(
                    "{n} shelters have a type not in the shelter standards table ({types}): they count as fixed "
                    "shelters.").format(n=sum(unknown.values()), types=", ".join(sorted(unknown))))
        else:
            feedback.pushInfo(self.tr("No shelter type field: every shelter counts as a fixed shelter."))
            fixed = np.ones(len(capacity), dtype=bool)
        bad = int((fixed & ~(capacity >= 0)).sum())
        if bad:
            feedback.pushWarning(self.tr("{n} fixed shelters have a missing or negative capacity, counted as 0.")
                                 .format(n=bad))
        zone_of_shelter = zones.assign_to_zones(s_chunk.geometry, zone_chunk.geometry)
        outside = int((fixed & (zone_of_shelter < 0) & ~shapely.is_missing(s_chunk.geometry)).sum())
        if outside:
            feedback.pushInfo(self.tr("{n} fixed shelters lie in no zone and count nowhere.").format(n=outside))
        placed = ~shapely.is_missing(zone_chunk.geometry)   # a zone without geometry holds no known shelter
        result = shelter.fixed_capacity(zone_of_shelter, capacity, fixed, residents, len(zone_chunk.features), placed)
        result["shelter_cap_pct_est"] = np.zeros(len(zone_chunk.features), dtype=int) if flag_idx < 0 else \
            zones.mostly_estimated(zone_of_shelter, np.where(fixed, capacity, 0.0), s_chunk.values[flag_idx],
                                   len(zone_chunk.features))
        capacity_est = result["shelter_cap_pct_est"].copy()
        if pop_flag >= 0:
            result["shelter_cap_pct_est"] = capacity_est | (zone_chunk.values[pop_flag] == 1).astype(int)
        dest_id = self.write_layer(parameters, self.OUTPUT, context, feedback, source, zone_chunk, NEW_FIELDS,
                                   [result[name] for name, _ in NEW_FIELDS])
        residents_est = result["shelter_cap_pct_est"] & ~capacity_est.astype(bool)
        if residents_est.any():
            feedback.pushWarning(self.tr(
                "{n} more zones' residents are flagged as mostly estimated (“{flag}”): shelter_cap_pct_est = 1, and a "
                "planning check gives them no verdict on the capacity per 100 residents.").format(
                    n=int(residents_est.sum()), flag=source.fields().at(pop_flag).name()))
        if capacity_est.any():
            feedback.pushWarning(self.tr(
                "{n} zones' fixed-shelter capacity rests mainly on capacities flagged as estimated (“{flag}”, "
                "e.g. candidate shelters): shelter_cap_pct_est = 1, and a planning check gives them no verdict on "
                "it.").format(n=int(capacity_est.sum()), flag=shelters.fields().at(flag_idx).name()))

        total = float(np.nansum(result["fixed_cap"]))
        pct = float(100.0 * shelter.per_capita(total, float(np.nansum(np.clip(residents[placed], 0, None)))))
        feedback.pushInfo(self.tr("The fixed shelters in the zones hold {c:,.0f} persons, {pct:.1f} per 100 "
                                  "residents.").format(c=total, pct=pct))
        self.style_output(context, dest_id, self.tr(
            "Capacity of the fixed shelters (every class but emergency) per 100 residents of each zone. Made by "
            "the Low-Carbon & Resilience Planning Toolkit."))
        return {self.OUTPUT: dest_id, self.FIXED_CAPACITY: total, self.CAPACITY_PCT: pct}

    def _not_assessed(self, parameters, context, feedback, source):
        """The zones with fixed_cap and shelter_cap_pct empty: without the persons each shelter holds there is no
        capacity to compare (not assessed is not a pass)."""
        feedback.pushWarning(self.tr(
            "No capacity field of the shelters: the fixed-shelter capacity is not assessed (fixed_cap and "
            "shelter_cap_pct are left empty; the rules reading them are not assessed, which is not a pass)."))
        chunk = self.read_whole(source, source.sourceCrs(), context, feedback)
        empty = np.full(len(chunk.features), np.nan)
        dest_id = self.write_layer(parameters, self.OUTPUT, context, feedback, source, chunk, NEW_FIELDS,
                                   [empty, empty, np.zeros(len(chunk.features), dtype=int)])
        return {self.OUTPUT: dest_id, self.FIXED_CAPACITY: None, self.CAPACITY_PCT: None}
