"""lcr:flood_exposure: which buildings a flood reaches, how deep, how badly, and who lives there."""
import numpy as np
import shapely
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsRectangle,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..core import flood, tables
from .base import LcrAlgorithm

NEW_FIELDS = [("depth_m", "double"), ("exposed", "int"), ("damage_fr", "double"), ("pop_exp", "double")]


class FloodExposure(LcrAlgorithm):
    ALG_ID = "flood_exposure"
    GROUP_ID = "resilience"
    STYLE = "flood_exposure"

    INPUT = "INPUT"
    HAZARD = "HAZARD"
    DEPTH_FIELD = "DEPTH_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    MIN_DEPTH = "MIN_DEPTH"
    DAMAGE_CURVE = "DAMAGE_CURVE"
    OUTPUT = "OUTPUT"
    EXPOSED_COUNT = "EXPOSED_COUNT"
    EXPOSED_POPULATION = "EXPOSED_POPULATION"

    def displayName(self):  # noqa: N802
        return self.tr("Building flood exposure")

    def help_text(self):
        return self.tr(
            "Finds the buildings a flood hazard reaches and how deep the water stands there.\n\n"
            "Each building takes the depth of the deepest hazard polygon it touches (0 where none). "
            "It is exposed where that depth is above the minimum depth. For exposed buildings the "
            "damage fraction comes from a depth-damage curve (default: Huizinga et al. 2017, JRC global "
            "depth-damage functions, Asia residential; marked unverified until checked against the "
            "report) and the exposed population from the population field.\n\n"
            "The hazard may be in another CRS; it is reprojected to the buildings' CRS.\n\n"
            "Output fields: depth_m (m), exposed (0/1), damage_fr (0–1), pop_exp (persons).\n\n"
            "Without a flood hazard layer (optional, e.g. for OpenStreetMap data, which has none) the buildings are "
            "written with these fields NULL: exposure not assessed, not “not exposed”; the log says so, and a "
            "planning check then does not assess its flood rules.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Buildings"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("Building footprints (polygons)."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.HAZARD, self.tr("Flood hazard"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True),
            self.tr("Polygons of a design flood event, each with a water depth. Without it, exposure is not "
                    "assessed (NULL fields)."))
        self.add_parameter(QgsProcessingParameterField(
            self.DEPTH_FIELD, self.tr("Depth field (m)"), parentLayerParameterName=self.HAZARD,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Water depth of each hazard polygon, in metres (needed with a hazard layer). Polygons without "
                    "a depth are ignored."))
        self.add_parameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Residents of each building; missing values count as 0."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.MIN_DEPTH, self.tr("Minimum depth (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0, minValue=0),
            self.tr("A building is exposed where the water is deeper than this."))
        self.add_parameter(QgsProcessingParameterFile(
            self.DAMAGE_CURVE, self.tr("Depth-damage curve (CSV)"), extension="csv", optional=True),
            self.tr("CSV with columns depth_m, damage_fraction (depth increasing, fraction 0–1). "
                    "Replaces the shipped curve."), advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Flood exposure")),
                           self.tr("The buildings with depth_m, exposed, damage_fr and pop_exp added."))
        self.addOutput(QgsProcessingOutputNumber(self.EXPOSED_COUNT, self.tr("Exposed buildings")))
        self.addOutput(QgsProcessingOutputNumber(self.EXPOSED_POPULATION, self.tr("Exposed population")))

    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        hazard = None if parameters.get(self.HAZARD) in (None, "") else \
            self.polygon_source(parameters, self.HAZARD, context)
        depth_idx = -1 if hazard is None else self.field_index(parameters, self.DEPTH_FIELD, hazard, context)
        if hazard is not None and depth_idx < 0:
            raise QgsProcessingException(self.tr("Name the depth field (m) of the flood hazard “{layer}”.").format(
                layer=hazard.sourceName()))
        pop_idx = self.field_index(parameters, self.POPULATION_FIELD, source, context)
        min_depth = self.parameterAsDouble(parameters, self.MIN_DEPTH, context)
        curve_path = (self.parameterAsFile(parameters, self.DAMAGE_CURVE, context)
                      or self.factor_table("flood_damage_curve.csv", feedback))
        curve = tables.read_damage_curve(curve_path)

        if hazard is None:
            return self._not_assessed(source, parameters, context, feedback)
        hazard_geometry, depths = self._read_hazard(source, hazard, depth_idx, context, feedback)
        fields, positions = self.output_fields(source.fields(), NEW_FIELDS, feedback)
        self.writes_every_feature(self.OUTPUT, source)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         source.wkbType(), source.sourceCrs())
        numeric = [pop_idx] if pop_idx >= 0 else []
        exposed_count, exposed_pop = 0, 0.0
        for chunk in self.read_chunks(source, feedback, numeric, repair=False):
            depth = flood.max_depth(chunk.geometry, hazard_geometry, depths)
            exposed, damage, pop_exp = flood.exposure(
                depth, min_depth, chunk.values.get(pop_idx),
                curve["depth_m"].to_numpy(), curve["damage_fraction"].to_numpy())
            self.write_chunk(sink, chunk, source.fields().count(), positions, [depth, exposed, damage, pop_exp],
                             parameters, self.OUTPUT)
            exposed_count += int(exposed.sum())
            exposed_pop += float(pop_exp.sum())
            self.check_canceled(feedback)

        if "verified" in curve.columns and (curve["verified"].str.strip().str.lower() != "yes").any():
            feedback.pushWarning(self.tr("The depth-damage curve {path} is marked unverified.")
                                 .format(path=curve_path))
        feedback.pushInfo(self.tr("{n} buildings exposed (depth > {d} m), {p:,.0f} residents.")
                          .format(n=exposed_count, d=min_depth, p=exposed_pop))
        self.style_output(context, dest_id, self.tr(
            "Flood exposure of buildings: deepest intersecting hazard depth, exposure above {d} m, "
            "damage from {path}. Made by the Low-Carbon & Resilience Planning Toolkit.")
            .format(d=min_depth, path=curve_path))
        return {self.OUTPUT: dest_id, self.EXPOSED_COUNT: exposed_count,
                self.EXPOSED_POPULATION: exposed_pop}

    def _not_assessed(self, source, parameters, context, feedback):
        """No hazard layer: the features with the exposure fields NULL, and the log says why."""
        fields, positions = self.output_fields(source.fields(), NEW_FIELDS, feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs())
        for chunk in self.read_chunks(source, feedback, [], repair=False):
            empty = np.full(len(chunk.features), np.nan)
            self.write_chunk(sink, chunk, source.fields().count(), positions, [empty] * len(NEW_FIELDS),
                             parameters, self.OUTPUT)
            self.check_canceled(feedback)
        feedback.pushWarning(self.tr(
            "No flood hazard layer given: flood exposure is not assessed (depth_m, exposed, damage_fr and pop_exp "
            "are NULL), and a planning check does not assess its flood rules."))
        return {self.OUTPUT: dest_id, self.EXPOSED_COUNT: None, self.EXPOSED_POPULATION: None}

    def _read_hazard(self, source, hazard, depth_idx, context, feedback):
        """All hazard polygons in the buildings' CRS, with their depths (NaN-depth ones dropped)."""
        request = QgsFeatureRequest().setSubsetOfAttributes([depth_idx])
        if hazard.sourceCrs() != source.sourceCrs():
            request.setDestinationCrs(source.sourceCrs(), context.transformContext())
            feedback.pushInfo(self.tr("The hazard is reprojected from {a} to {b}.").format(
                a=hazard.sourceCrs().authid(), b=source.sourceCrs().authid()))
        chunk = next(self.read_chunks(hazard, feedback, [depth_idx], request=request, whole=True,
                                      nodata=[depth_idx]))
        depths = chunk.values[depth_idx]
        missing = int(np.isnan(depths).sum())
        if missing:
            feedback.pushWarning(self.tr("{n} hazard polygons have no depth and are ignored.").format(n=missing))
        if missing == len(depths):
            raise QgsProcessingException(self.tr("No polygon of “{layer}” has a depth value.")
                                         .format(layer=hazard.sourceName()))
        if chunk.repaired:
            feedback.pushWarning(self.tr("{n} invalid hazard geometries were repaired for the overlay.")
                                 .format(n=chunk.repaired))
        xmin, ymin, xmax, ymax = shapely.total_bounds(chunk.geometry)
        if not source.sourceExtent().intersects(QgsRectangle(xmin, ymin, xmax, ymax)):
            feedback.pushWarning(self.tr("The hazard does not overlap the buildings: no building is exposed. "
                                         "Check that both layers cover the same place."))
        return chunk.geometry, depths
