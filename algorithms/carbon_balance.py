"""lcr:carbon_balance: net CO2 of each planning unit (buildings + transport − sinks − PV) and its gap to a target."""
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
    QgsWkbTypes,
)

from ..core import balance, zones
from .base import LcrAlgorithm
from .reading import transform_to

NEW_FIELDS = [("bldg_co2_t", "double"), ("trans_co2_t", "double"), ("seq_co2_t", "double"),
              ("pv_co2_t", "double"), ("net_co2_t", "double"), ("net_t_cap", "double"),
              ("net_t_ha", "double"), ("target_gap_t", "double"), ("net_co2_t_est", "int"),
              ("net_t_cap_est", "int"), ("net_t_ha_est", "int")]


class CarbonBalance(LcrAlgorithm):
    ALG_ID = "carbon_balance"
    GROUP_ID = "low_carbon"
    STYLE = "carbon_balance"

    INPUT = "INPUT"
    BUILDINGS = "BUILDINGS"
    BUILDING_CO2_FIELD = "BUILDING_CO2_FIELD"
    PV_CO2_FIELD = "PV_CO2_FIELD"
    BUILDING_POPULATION_FIELD = "BUILDING_POPULATION_FIELD"
    TRANSPORT_FIELD = "TRANSPORT_FIELD"
    TRANSPORT = "TRANSPORT"
    TRANSPORT_CO2_FIELD = "TRANSPORT_CO2_FIELD"
    SINK_LAYER = "SINK_LAYER"
    SEQUESTRATION_FIELD = "SEQUESTRATION_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    TARGET_T_PER_CAPITA = "TARGET_T_PER_CAPITA"
    TARGET_T_PER_HA = "TARGET_T_PER_HA"
    OUTPUT = "OUTPUT"
    TOTAL_NET_CO2_T = "TOTAL_NET_CO2_T"
    UNITS_OVER_TARGET = "UNITS_OVER_TARGET"

    def displayName(self):  # noqa: N802
        return self.tr("Carbon balance of planning units")

    def help_text(self):
        return self.tr(
            "Rolls the low-carbon results up to each planning unit and sets them against a target.\n\n"
            "net (t/a) = building CO2 + transport CO2 − sequestration − CO2 avoided by rooftop PV.\n"
            "Buildings (points or polygons, e.g. the output of Building operational emissions, or of "
            "Rooftop PV potential) are summed into the unit holding their representative point: "
            "building CO2 from co2_t_yr, avoided CO2 from pv_co2_t, and residents from a field you name. "
            "Transport CO2 is a field of the units (e.g. co2_t_yr of Transport emissions run on them) or "
            "a layer of zones no larger than the units, summed by representative point. Sinks (e.g. the "
            "output of Carbon stock and sequestration, seq_co2_t_yr) are shared out by the area of each "
            "sink polygon inside each unit. A component not given counts as 0 and the log names it; a "
            "default field name the layer does not have counts as not given.\n\n"
            "net_t_cap = net / residents (residents from the units' field, else summed from the "
            "buildings); net_t_ha = net / unit area in hectares. target_gap_t = net − target per capita "
            "× residents, or net − target per hectare × area (with both, the larger gap); positive = "
            "over target, NULL without a target and, for a per-capita target, where a unit has no residents (0 or "
            "unknown: no per-resident allowance; with a per-hectare target too, its per-hectare gap).\n\n"
            "Output: the units with bldg_co2_t, trans_co2_t, seq_co2_t, pv_co2_t, net_co2_t (t/a), "
            "net_t_cap (t/person·a), net_t_ha (t/ha·a), target_gap_t (t/a), and net_co2_t_est, "
            "net_t_cap_est, net_t_ha_est: 1 where the balance rests mainly on defaults, i.e. more than half "
            "of the unit's building and transport CO2 is flagged as estimated by the step that computed it "
            "(co2_t_yr_est of Building operational emissions: default floors or use; of Transport "
            "emissions: the shipped mode shares), or, for net_t_cap_est, more than half of its residents "
            "are (e.g. residents_est of Prepare OpenStreetMap data). A plan check gives no verdict on a "
            "value flagged so. TOTAL_NET_CO2_T and UNITS_OVER_TARGET can feed the next step of a model.")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.add_parameter(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Planning units"), polygon),
                           self.tr("The units to balance (polygons); the output is these units."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Buildings"), [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True),
            self.tr("Buildings with their annual CO2 (and optionally PV-avoided CO2 and residents), as "
                    "points or footprints."))
        self.add_parameter(QgsProcessingParameterField(
            self.BUILDING_CO2_FIELD, self.tr("Building CO2 field (t/a)"), defaultValue="co2_t_yr",
            parentLayerParameterName=self.BUILDINGS, type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Operational CO2 of each building, t a year (co2_t_yr from Building operational "
                    "emissions)."))
        self.add_parameter(QgsProcessingParameterField(
            self.PV_CO2_FIELD, self.tr("PV-avoided CO2 field (t/a)"), defaultValue="pv_co2_t",
            parentLayerParameterName=self.BUILDINGS, type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("CO2 avoided by each building's rooftop PV, t a year (pv_co2_t from Rooftop PV "
                    "potential)."))
        self.add_parameter(QgsProcessingParameterField(
            self.BUILDING_POPULATION_FIELD, self.tr("Building residents field"),
            parentLayerParameterName=self.BUILDINGS, type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Residents of each building, summed per unit when the units have no residents field."))
        self.add_parameter(QgsProcessingParameterField(
            self.TRANSPORT_FIELD, self.tr("Transport CO2 field of the units (t/a)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Transport CO2 of each unit, t a year (e.g. co2_t_yr of Transport emissions run on the "
                    "units). Give this or a transport layer, not both."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.TRANSPORT, self.tr("Transport zones"), [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True),
            self.tr("Zones (or points) with transport CO2, summed into the unit holding their "
                    "representative point: use zones no larger than the units."))
        self.add_parameter(QgsProcessingParameterField(
            self.TRANSPORT_CO2_FIELD, self.tr("Transport CO2 field of the zones (t/a)"), defaultValue="co2_t_yr",
            parentLayerParameterName=self.TRANSPORT, type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Transport CO2 of each zone, t a year."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.SINK_LAYER, self.tr("Carbon sinks"), polygon, optional=True),
            self.tr("Polygons with the CO2 their vegetation takes up each year (e.g. the output of Carbon "
                    "stock and sequestration); each unit gets the share of a polygon's area inside it."))
        self.add_parameter(QgsProcessingParameterField(
            self.SEQUESTRATION_FIELD, self.tr("Sequestration field (tCO2/a)"), defaultValue="seq_co2_t_yr",
            parentLayerParameterName=self.SINK_LAYER, type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("CO2 taken up by each sink polygon, t a year."))
        self.add_parameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Residents field of the units"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Residents of each unit; wins over the buildings' residents."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.TARGET_T_PER_CAPITA, self.tr("Target (tCO2 per resident a year)"),
            QgsProcessingParameterNumber.Type.Double, optional=True, minValue=0),
            self.tr("Allowed net CO2 per resident; the gap is net − target × residents. Units without residents "
                    "get no per-capita gap (NULL), or their per-hectare gap when that target is given too."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.TARGET_T_PER_HA, self.tr("Target (tCO2 per hectare a year)"),
            QgsProcessingParameterNumber.Type.Double, optional=True, minValue=0),
            self.tr("Allowed net CO2 per hectare of unit; the gap is net − target × area. With both "
                    "targets the larger gap is kept."))
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Carbon balance")),
                           self.tr("The planning units with the components, the net balance, its "
                                   "intensities and the gap to the target."))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_NET_CO2_T, self.tr("Total net CO2 (t/a)")))
        self.addOutput(QgsProcessingOutputNumber(self.UNITS_OVER_TARGET, self.tr("Units over target")))

    def error_messages(self):
        return {
            "target_negative": self.tr("A target cannot be negative (given: {value})."),
            "target_needs_population": self.tr(
                "A per-capita target needs residents: name a residents field of the units or of the buildings."),
        }

    # ---- inputs -------------------------------------------------------------------------------
    def _optional_layer(self, parameters, name, context, types):
        """The source of an optional layer parameter (None if not given), refusing other geometry types."""
        if parameters.get(name) in (None, ""):
            return None
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        found = QgsWkbTypes.geometryType(source.wkbType())
        if found not in types:
            raise QgsProcessingException(self.tr(
                "“{layer}” holds {kind} geometries; {parameter} needs {expected} geometries.").format(
                    layer=source.sourceName(), kind=QgsWkbTypes.geometryDisplayString(found),
                    parameter=self.parameterDefinition(name).description(),
                    expected=" / ".join(QgsWkbTypes.geometryDisplayString(t) for t in types)))
        return self.feature_source(parameters, name, context, found)

    def _component_field(self, parameters, name, layer, context, feedback):
        """Index of a component field; -1 where not given or where its default name is absent."""
        if layer is None:
            return -1
        given = self.parameterAsString(parameters, name, context)
        default = self.parameterDefinition(name).defaultValue()
        if given and given == default and layer.fields().lookupField(given) < 0:
            feedback.pushInfo(self.tr("“{layer}” has no field “{field}”: that component is not given.")
                              .format(layer=layer.sourceName(), field=given))
            return -1
        return self.field_index(parameters, name, layer, context)

    def compute(self, parameters, context, feedback):
        units = self.polygon_source(parameters, self.INPUT, context)
        point_or_polygon = (QgsWkbTypes.GeometryType.PointGeometry, QgsWkbTypes.GeometryType.PolygonGeometry)
        buildings = self._optional_layer(parameters, self.BUILDINGS, context, point_or_polygon)
        transport = self._optional_layer(parameters, self.TRANSPORT, context, point_or_polygon)
        sinks = self._optional_layer(parameters, self.SINK_LAYER, context, (QgsWkbTypes.GeometryType.PolygonGeometry,))
        bldg_idx = self._component_field(parameters, self.BUILDING_CO2_FIELD, buildings, context, feedback)
        pv_idx = self._component_field(parameters, self.PV_CO2_FIELD, buildings, context, feedback)
        bpop_idx = self.field_index(parameters, self.BUILDING_POPULATION_FIELD, buildings, context) \
            if buildings is not None else -1
        trans_field_idx = self.field_index(parameters, self.TRANSPORT_FIELD, units, context)
        trans_idx = self.field_index(parameters, self.TRANSPORT_CO2_FIELD, transport, context) \
            if transport is not None else -1
        seq_idx = self.field_index(parameters, self.SEQUESTRATION_FIELD, sinks, context) if sinks is not None else -1
        pop_idx = self.field_index(parameters, self.POPULATION_FIELD, units, context)
        unit_flags = {i: self.estimate_flag_index(units, i) for i in (trans_field_idx, pop_idx)}
        if trans_field_idx >= 0 and transport is not None:
            raise QgsProcessingException(self.tr(
                "Give transport CO2 either as a field of the units or as a transport layer, not both: "
                "both would count it twice."))
        if transport is not None and trans_idx < 0:
            raise QgsProcessingException(self.tr("Name the transport CO2 field of “{layer}”.").format(
                layer=transport.sourceName()))
        if sinks is not None and seq_idx < 0:
            raise QgsProcessingException(self.tr("Name the sequestration field of “{layer}”.").format(
                layer=sinks.sourceName()))
        target_cap = self._optional_number(parameters, self.TARGET_T_PER_CAPITA, context)
        target_ha = self._optional_number(parameters, self.TARGET_T_PER_HA, context)
        if target_cap is not None and pop_idx < 0 and bpop_idx < 0:
            raise QgsProcessingException(self.error_messages()["target_needs_population"])

        transform, to_m2 = self.area_measure(units, context, feedback)
        measure_crs = transform.destinationCrs() if transform is not None else units.sourceCrs()
        numeric = [i for i in (trans_field_idx, pop_idx, *unit_flags.values()) if i >= 0]
        unit_chunk = next(self.read_chunks(units, feedback, numeric, transform=transform, whole=True))
        geometry = unit_chunk.geometry
        n = len(geometry)
        area_ha = np.nan_to_num(shapely.area(geometry), nan=0.0) * to_m2 / 10_000.0
        notes = {"missing": []}

        bldg = pv = bpop = None
        estimated = {"co2": np.zeros(n), "residents": None}
        if buildings is not None and (bldg_idx >= 0 or pv_idx >= 0 or bpop_idx >= 0):
            bldg, pv, bpop, bldg_est, bpop_est = self._sum_buildings(
                buildings, geometry, bldg_idx, pv_idx, bpop_idx, measure_crs, context, feedback)
            estimated["co2"] += bldg_est
            estimated["residents"] = bpop_est
        if bldg is None:
            notes["missing"].append(self.tr("building CO2"))
        if pv is None:
            notes["missing"].append(self.tr("PV-avoided CO2"))

        trans = None
        if trans_field_idx >= 0:
            values = unit_chunk.values[trans_field_idx]
            if np.isnan(values).any():
                feedback.pushWarning(self.tr("{n} units have no transport CO2 value: counted as 0.")
                                     .format(n=int(np.isnan(values).sum())))
            trans = np.nan_to_num(values, nan=0.0)
            flag = unit_flags[trans_field_idx]
            if flag >= 0:
                estimated["co2"] += np.where(unit_chunk.values[flag] == 1, trans, 0.0)
        elif transport is not None:
            trans, trans_est = self._sum_points(transport, geometry, trans_idx, measure_crs, context, feedback,
                                                self.tr("transport zones"))
            estimated["co2"] += trans_est
        if trans is None:
            notes["missing"].append(self.tr("transport CO2"))

        seq = None
        if sinks is not None:
            seq = self._apportion_sinks(sinks, geometry, seq_idx, measure_crs, context, feedback)
        else:
            notes["missing"].append(self.tr("sequestration"))

        population = None
        if pop_idx >= 0:
            population = unit_chunk.values[pop_idx]
            if bpop is not None:
                feedback.pushInfo(self.tr("Residents come from the units' field, not from the buildings."))
            if np.isnan(population).any():
                feedback.pushWarning(self.tr("{n} units have no residents value: their per-capita results "
                                             "are NULL.").format(n=int(np.isnan(population).sum())))
            flag = unit_flags[pop_idx]
            if flag >= 0:
                estimated["residents"] = np.where(unit_chunk.values[flag] == 1, population, 0.0)
            elif bpop is not None and estimated["residents"] is not None:
                # The units' residents (the plan checks' "pop") are the buildings' residents summed and carry
                # no flag of their own: keep the buildings' estimated share, else an OSM unit whose CO2 is
                # surveyed would get a verdict on a per-resident value resting on estimated residents.
                with np.errstate(divide="ignore", invalid="ignore"):
                    share = np.where(bpop > 0, estimated["residents"] / bpop, 0.0)
                estimated["residents"] = np.nan_to_num(population) * share
            else:
                estimated["residents"] = None
        elif bpop is not None:
            population = bpop

        zeros = np.zeros(n)
        parts = [zeros if a is None else a for a in (bldg, trans, seq, pv)]
        net = balance.net_balance(*parts)
        per_cap, per_ha = balance.intensities(net, population, area_ha)
        gap = balance.target_gap(net, population, area_ha, target_cap, target_ha)
        over = int((gap > 0).sum())
        gross = np.nan_to_num(parts[0]) + np.nan_to_num(parts[1])
        net_est, cap_est = balance.estimated_flags(gross, estimated["co2"], population, estimated["residents"])
        cap_est, ha_est = cap_est * ~np.isnan(per_cap), net_est * ~np.isnan(per_ha)  # no value, nothing to flag
        total = float(net.sum())

        fields, positions = self.output_fields(units.fields(), NEW_FIELDS, feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         units.wkbType(), units.sourceCrs())
        self.write_chunk(sink, unit_chunk, units.fields().count(), positions,
                         [*parts, net, per_cap, per_ha, gap, net_est, cap_est, ha_est], parameters, self.OUTPUT)

        if notes["missing"]:
            feedback.pushWarning(self.tr("Not given, counted as 0: {parts}.").format(
                parts=", ".join(notes["missing"])))
        if population is None:
            feedback.pushInfo(self.tr("No residents given: net_t_cap is NULL."))
        feedback.pushInfo(self.tr(
            "{n} units: buildings {b:,.1f} + transport {t:,.1f} − sinks {s:,.1f} − PV {p:,.1f} = net {net:,.1f} "
            "t CO2 a year.").format(n=n, b=float(parts[0].sum()), t=float(parts[1].sum()),
                                   s=float(parts[2].sum()), p=float(parts[3].sum()), net=total))
        if cap_est.any():
            feedback.pushWarning(self.tr(
                "{n} units' net CO2 per resident rests mainly on defaults (more than half of their emissions "
                "from buildings with default floors or use, or transport from the shipped mode shares, or "
                "most residents estimated): net_t_cap_est = 1, and a plan check gives no verdict on it.")
                .format(n=int(cap_est.sum())))
        empty = int(balance.no_resident_units(population, target_cap).sum())
        if empty:
            feedback.pushWarning((self.tr(
                "{n} units have no residents (0 or unknown): the per-capita target does not apply to them, and "
                "their target_gap_t is the gap to the per-hectare target.") if target_ha is not None else self.tr(
                "{n} units have no residents (0 or unknown): the per-capita target does not apply to them and "
                "their target_gap_t is NULL (not assessed), not all their CO2. Give a per-hectare target to "
                "set one for them.")).format(n=empty))
        if target_cap is None and target_ha is None:
            feedback.pushInfo(self.tr("No target given: target_gap_t is NULL."))
        else:
            feedback.pushInfo(self.tr("{n} units are over the target.").format(n=over))
        self.style_output(context, dest_id, self.tr(
            "Carbon balance per planning unit: building + transport CO2 − sequestration − PV-avoided CO2, "
            "t a year, per resident and per hectare, and the gap to the target. Made by the Low-Carbon & "
            "Resilience Planning Toolkit."))
        return {self.OUTPUT: dest_id, self.TOTAL_NET_CO2_T: total, self.UNITS_OVER_TARGET: over}

    def _optional_number(self, parameters, name, context):
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsDouble(parameters, name, context)

    # ---- components ----------------------------------------------------------------------------
    def _sum_buildings(self, buildings, unit_geometry, bldg_idx, pv_idx, bpop_idx, measure_crs, context, feedback):
        """Building CO2, PV-avoided CO2 and residents summed per unit (None for a field not given),
        then the CO2 and the residents flagged as estimated ("<field>_est" = 1), summed per unit
        (None for residents without a flag)."""
        n = len(unit_geometry)
        indices = [bldg_idx, pv_idx, bpop_idx]
        flags = [self.estimate_flag_index(buildings, bldg_idx), self.estimate_flag_index(buildings, bpop_idx)]
        sums = [np.zeros(n) if i >= 0 else None for i in indices]
        flagged = [np.zeros(n), np.zeros(n) if flags[1] >= 0 else None]
        nulls = [0, 0, 0]
        outside = 0
        transform = transform_to(buildings, measure_crs, context)
        for chunk in self.read_chunks(buildings, feedback, [i for i in indices + flags if i >= 0],
                                      transform=transform, repair=False):
            zone = zones.assign_to_zones(chunk.geometry, unit_geometry)
            outside += int((zone < 0).sum())
            for k, index in enumerate(indices):
                if index >= 0:
                    values = chunk.values[index]
                    nulls[k] += int(np.isnan(values[zone >= 0]).sum())
                    sums[k] += zones.sum_by_zone(zone, values, n)
            for k, (flag, index) in enumerate(zip(flags, (bldg_idx, bpop_idx))):
                if flag >= 0:
                    values = np.where(chunk.values[flag] == 1, chunk.values[index], 0.0)
                    flagged[k] += zones.sum_by_zone(zone, values, n)
            self.check_canceled(feedback)
        if outside:
            feedback.pushWarning(self.tr("{n} buildings lie outside every unit and are not counted.")
                                 .format(n=outside))
        if nulls[0] or nulls[1]:
            feedback.pushWarning(self.tr("{n} building CO2 values and {m} PV values are NULL: counted as 0.")
                                 .format(n=nulls[0], m=nulls[1]))
        return (*sums, *flagged)

    def _sum_points(self, layer, unit_geometry, index, measure_crs, context, feedback, label):
        """A field of ``layer`` summed into the unit holding each feature's representative point, and
        the part of it flagged as estimated ("<field>_est" = 1)."""
        total = np.zeros(len(unit_geometry))
        flagged = np.zeros(len(unit_geometry))
        flag = self.estimate_flag_index(layer, index)
        outside = 0
        transform = transform_to(layer, measure_crs, context)
        for chunk in self.read_chunks(layer, feedback, [i for i in (index, flag) if i >= 0], transform=transform,
                                      repair=False):
            zone = zones.assign_to_zones(chunk.geometry, unit_geometry)
            outside += int((zone < 0).sum())
            total += zones.sum_by_zone(zone, chunk.values[index], len(unit_geometry))
            if flag >= 0:
                flagged += zones.sum_by_zone(zone, np.where(chunk.values[flag] == 1, chunk.values[index], 0.0),
                                             len(unit_geometry))
            self.check_canceled(feedback)
        if outside:
            feedback.pushWarning(self.tr("{n} features of the {what} lie outside every unit and are not counted.")
                                 .format(n=outside, what=label))
        return total, flagged

    def _apportion_sinks(self, sinks, unit_geometry, index, measure_crs, context, feedback):
        total = np.zeros(len(unit_geometry))
        outside = 0.0
        transform = transform_to(sinks, measure_crs, context)
        # Sequestration is an uptake (≥ 0): a negative value or a nodata code is read as missing and counted.
        for chunk in self.read_chunks(sinks, feedback, [index], transform=transform, nodata=[index]):
            per_unit, lost = balance.apportion_by_area(chunk.geometry, chunk.values[index], unit_geometry,
                                                        is_canceled=feedback.isCanceled)
            total += per_unit
            outside += lost
            if chunk.repaired:
                feedback.pushWarning(self.tr("{n} invalid sink geometries were repaired for the overlay.")
                                     .format(n=chunk.repaired))
            self.check_canceled(feedback)
        if outside > 0:
            feedback.pushInfo(self.tr("{t:,.1f} t CO2 a year of sequestration lies outside the units.")
                              .format(t=outside))
        return total
