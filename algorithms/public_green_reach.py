"""lcr:public_green_reach: park green within walking distance of each parcel, per resident living
within the same distance."""
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

from ..core import green_space
from .green_glue import GreenSpaceAlgorithm

NEW_FIELDS = [("reach_green_m2", "double"), ("reach_pop", "double"), ("pub_green_m2_pc", "double"),
              ("pub_green_m2_pc_est", "int")]


class PublicGreenReach(GreenSpaceAlgorithm):
    ALG_ID = "public_green_reach"
    GROUP_ID = "resilience"
    STYLE = "public_green_reach"

    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    DISTANCE = "DISTANCE"
    OUTPUT = "OUTPUT"
    PARCELS_WITH_RESIDENTS = "PARCELS_WITH_RESIDENTS"

    def displayName(self):  # noqa: N802
        return self.tr("Public green within walking distance")

    def help_text(self):
        return self.tr(
            "Park green a parcel's residents share with their neighbours: the park area within walking "
            "distance of the parcel divided by everyone living within that distance.\n\n"
            "reach_green_m2 = area of the park green spaces (types not left out) whose inside point lies "
            "within the distance of the parcel's edge; reach_pop = residents of the parcels whose inside "
            "point lies within it, the parcel's own included; pub_green_m2_pc = reach_green_m2 / reach_pop "
            "(m²/person), NULL for a parcel without residents. Distances are straight lines: 1 000 m is a "
            "screening stand-in for the 15-minute walk of the community life circle (GB 50180-2018); a "
            "river or a rail line in the way is not seen.\n\n"
            "Areas and distances are true metres whatever the layers' CRS: layers in degrees or Web "
            "Mercator are measured in the UTM zone of the parcels' centre.\n\n"
            "Output fields: reach_green_m2 (m²), reach_pop (persons), pub_green_m2_pc (m²/person), "
            "pub_green_m2_pc_est (1 where more than half of reach_pop lives in parcels whose residents are "
            "flagged as estimated in the residents field's “_est” field, e.g. residents_est of “Prepare "
            "OpenStreetMap data”: a planning check gives no verdict on that amount per resident).")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.add_parameter(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Parcels"), polygon),
                           self.tr("Parcels (or other zones) with their residents; the output is these parcels."))
        self.add_parameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Residents field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric),
            self.tr("Residents of each parcel; missing or negative values count as 0."))
        self.add_green_parameters()
        self.add_parameter(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr("Walking distance (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=1000, minValue=0),
            self.tr("Straight-line distance within which parks and neighbours count (1 000 m: about a 15-minute "
                    "walk once detours are allowed for)."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Public green within walking distance"), QgsProcessing.SourceType.TypeVectorPolygon),
            self.tr("The parcels with reach_green_m2, reach_pop and pub_green_m2_pc added."))
        self.addOutput(QgsProcessingOutputNumber(self.PARCELS_WITH_RESIDENTS, self.tr("Parcels with residents")))

    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        pop_idx = self.field_index(parameters, self.POPULATION_FIELD, source, context)
        if pop_idx < 0:
            raise QgsProcessingException(self.tr("Choose the residents field of the parcels."))
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)

        crs, _ = self.measuring_crs(source, context, feedback)
        pop_flag = self.estimate_flag_index(source, pop_idx)
        chunk = self.read_whole(source, crs, context, feedback, numeric=[i for i in (pop_idx, pop_flag) if i >= 0])
        residents = chunk.values[pop_idx]
        self.report_population(feedback, residents, source)
        green = self.read_green_spaces(parameters, crs, context, feedback)
        self.warn_apart(feedback, green.points[green.counted], self.parameterAsSource(
            parameters, self.GREEN_SPACES, context).sourceName(), chunk.geometry, source.sourceName(), distance)
        supply = green_space.catchment_supply(chunk.geometry, residents, green.points,
                                              np.where(green.counted, green.area_m2, 0.0), distance,
                                              chunk.values[pop_flag] if pop_flag >= 0 else np.zeros(len(residents)))
        dest_id = self.write_layer(parameters, self.OUTPUT, context, feedback, source, chunk, NEW_FIELDS,
                                   [supply[name] for name, _ in NEW_FIELDS])

        flagged = supply["pub_green_m2_pc_est"]
        if flagged.any():
            feedback.pushWarning(self.tr(
                "{n} parcels' residents within {d:g} m are mostly estimated (“{flag}”): pub_green_m2_pc_est = 1, and "
                "a planning check gives them no verdict on public green per resident.").format(
                    n=int(flagged.sum()), d=distance, flag=source.fields().at(pop_flag).name()))
        value = supply["pub_green_m2_pc"]
        assessed = ~np.isnan(value)
        if assessed.any():
            feedback.pushInfo(self.tr(
                "{n} parcels with residents: {low:.2f} to {high:.2f} m² of park green per resident within "
                "{d:g} m (median {median:.2f}).").format(n=int(assessed.sum()), low=float(value[assessed].min()),
                                                        high=float(value[assessed].max()), d=distance,
                                                        median=float(np.median(value[assessed]))))
        else:
            feedback.pushWarning(self.tr("No parcel of “{layer}” has residents: pub_green_m2_pc is NULL "
                                         "everywhere.").format(layer=source.sourceName()))
        self.style_output(context, dest_id, self.tr(
            "Park green per resident within {d:g} m of each parcel (straight line). Made by the Low-Carbon & "
            "Resilience Planning Toolkit.").format(d=distance))
        return {self.OUTPUT: dest_id, self.PARCELS_WITH_RESIDENTS: int(assessed.sum())}
