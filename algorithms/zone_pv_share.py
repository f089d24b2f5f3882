"""lcr:zone_pv_share: rooftop PV yield of the buildings of each zone as a share of their energy demand."""
import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ..core import solar, zones
from .base import LcrAlgorithm
from .reading import transform_to

NEW_FIELDS = [("pv_kwh_yr", "double"), ("demand_kwh", "double"), ("pv_share", "double"), ("pv_share_est", "int")]


class ZonePvShare(LcrAlgorithm):
    ALG_ID = "zone_pv_share"
    GROUP_ID = "low_carbon"
    STYLE = "zone_pv_share"

    INPUT = "INPUT"
    BUILDINGS = "BUILDINGS"
    PV_FIELD = "PV_FIELD"
    DEMAND_FIELD = "DEMAND_FIELD"
    OUTPUT = "OUTPUT"
    PV_SHARE = "PV_SHARE"

    def displayName(self):  # noqa: N802
        return self.tr("Rooftop PV share by zone")

    def help_text(self):
        return self.tr(
            "Sums the rooftop PV yield and the energy demand of the buildings in each zone (parcel or "
            "planning unit) and gives their ratio: pv_share = min(Σ yield, Σ demand) / Σ demand, the share of the "
            "buildings' demand their roofs could cover in a year.\n\n"
            "The buildings are typically the output of “Rooftop solar PV potential” run with the demand of "
            "“Building operational emissions” (fields pv_kwh_yr and energy_kwh). A building lies in the zone "
            "holding a point inside it; buildings in another CRS are reprojected to the zones'. No distance "
            "or area is measured.\n\n"
            "Output fields: pv_kwh_yr and demand_kwh (kWh/a, missing values count 0), pv_share (the share of "
            "the demand met, 0–1: a yield beyond the demand meets no more of it; NULL where the zone's demand "
            "is 0), pv_share_est (1 where more than half of the zone's demand rests on default floors or a default "
            "use, as flagged by the demand field's “_est” field, e.g. energy_kwh_est of “Building operational "
            "emissions”: a planning check gives such zones no verdict on the share).")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.add_parameter(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Zones"), polygon),
                           self.tr("Parcels or planning units; the output is these zones."))
        self.add_parameter(QgsProcessingParameterFeatureSource(self.BUILDINGS, self.tr("Buildings"), polygon),
                           self.tr("Buildings with their PV yield and energy demand."))
        self.add_parameter(QgsProcessingParameterField(
            self.PV_FIELD, self.tr("PV yield field (kWh/a)"), defaultValue="pv_kwh_yr",
            parentLayerParameterName=self.BUILDINGS, type=QgsProcessingParameterField.DataType.Numeric),
            self.tr("Annual PV yield of each building's roof, e.g. pv_kwh_yr of “Rooftop solar PV potential”."))
        self.add_parameter(QgsProcessingParameterField(
            self.DEMAND_FIELD, self.tr("Energy demand field (kWh/a)"), defaultValue="energy_kwh",
            parentLayerParameterName=self.BUILDINGS, type=QgsProcessingParameterField.DataType.Numeric),
            self.tr("Annual energy demand of each building, e.g. energy_kwh of “Building operational "
                    "emissions”."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Rooftop PV share by zone"), QgsProcessing.SourceType.TypeVectorPolygon),
            self.tr("The zones with pv_kwh_yr, demand_kwh and pv_share added."))
        self.addOutput(QgsProcessingOutputNumber(self.PV_SHARE, self.tr("PV share of the demand over all zones")))

    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        buildings = self.polygon_source(parameters, self.BUILDINGS, context)
        pv_idx = self.field_index(parameters, self.PV_FIELD, buildings, context)
        demand_idx = self.field_index(parameters, self.DEMAND_FIELD, buildings, context)
        if pv_idx < 0 or demand_idx < 0:
            raise QgsProcessingException(self.tr("Choose the PV yield and the energy demand fields of the "
                                                 "buildings."))
        crs = source.sourceCrs()
        zone_chunk = self.read_whole(source, crs, context, feedback, features=False)
        n = len(zone_chunk.geometry)
        flag_idx = self.estimate_flag_index(buildings, demand_idx)
        energy, demand, outside, extents = np.zeros(n), np.zeros(n), 0, []
        demand_all, demand_flagged = np.zeros(n), np.zeros(n)
        for chunk in self.read_chunks(buildings, feedback, [i for i in (pv_idx, demand_idx, flag_idx) if i >= 0],
                                      transform=transform_to(buildings, crs, context)):
            extents.append(zones.extent_box(chunk.geometry))
            zone = zones.assign_to_zones(chunk.geometry, zone_chunk.geometry)
            sums = solar.zone_demand_share(zone, chunk.values[pv_idx], chunk.values[demand_idx], n)
            energy += sums["pv_kwh_yr"]
            demand += sums["demand_kwh"]
            outside += int((zone < 0).sum())
            if flag_idx >= 0:
                total, flagged = zones.estimated_sums(zone, chunk.values[demand_idx], chunk.values[flag_idx], n)
                demand_all += total
                demand_flagged += flagged
            self.check_canceled(feedback)
        self.warn_apart(feedback, extents, buildings.sourceName(), zone_chunk.geometry, source.sourceName())
        share = solar.demand_share(energy, demand)
        estimated = zones.majority_estimated(demand_all, demand_flagged)
        dest_id = self.write_layer(parameters, self.OUTPUT, context, feedback, source, zone_chunk, NEW_FIELDS,
                                   [energy, demand, share, estimated])
        if estimated.any():
            feedback.pushWarning(self.tr(
                "{n} zones' PV share rests mainly on buildings whose demand uses default floors or a default use "
                "(“{flag}”): pv_share_est = 1, and a planning check gives them no verdict on the share.").format(
                    n=int(estimated.sum()), flag=buildings.fields().at(flag_idx).name()))
        if outside:
            feedback.pushInfo(self.tr("{n} buildings lie in no zone and count nowhere.").format(n=outside))
        empty = int(np.isnan(share).sum())
        if empty:
            feedback.pushInfo(self.tr("{n} zones have no energy demand: their pv_share stays empty (NULL).")
                              .format(n=empty))
        overall = float(solar.demand_share(energy.sum(), demand.sum()))
        if np.isfinite(overall):
            feedback.pushInfo(self.tr("The roofs yield {e:,.0f} kWh a year against a demand of {d:,.0f} kWh ({s:.1%}).")
                              .format(e=float(energy.sum()), d=float(demand.sum()), s=overall))
        else:
            feedback.pushInfo(self.tr("The roofs in the zones yield {e:,.0f} kWh a year, and the buildings in the zones "
                                      "have no energy demand: the share of the demand met cannot be measured.")
                              .format(e=float(energy.sum())))
        self.style_output(context, dest_id, self.tr(
            "Rooftop PV yield of the buildings of each zone as a share of their energy demand. Made by the "
            "Low-Carbon & Resilience Planning Toolkit."))
        return {self.OUTPUT: dest_id, self.PV_SHARE: overall}
