"""lcr:carbon_measures: the least-cost mix of rooftop PV, building retrofit and tree planting that closes
each planning unit's gap to its CO2 target, placed on buildings and green spaces."""
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
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core import carbon_measures as cm
from ..core import network, zones
from .base import LcrAlgorithm, unit_label
from .reading import Chunk, transform_to

UNIT_FIELDS = [("gap_t", "double"), ("pv_t", "double"), ("retro_t", "double"), ("green_t", "double"),
               ("cost_yr", "double"), ("left_t", "double"), ("closes", "int")]
BUILDING_FIELDS = [("pv_m2", "double"), ("pv_t", "double"), ("retro_m2", "double"), ("retro_t", "double"),
                   ("co2_after_t", "double")]
GREEN_FIELDS = [("plant_ha", "double"), ("green_t", "double")]
MAX_LOGGED = 20   # units named in the log one by one
# Fields read from the buildings: parameter, default name (the outputs of Building operational emissions and
# Rooftop PV potential), what it is.
BUILDING_INPUTS = [("CO2_FIELD", "co2_t_yr"), ("GFA_FIELD", "gfa_m2"), ("PV_CO2_FIELD", "pv_co2_t"),
                   ("PV_KWH_FIELD", "pv_kwh_yr"), ("ROOF_FIELD", "roof_m2"), ("DEMAND_FIELD", "energy_kwh")]


class CarbonMeasures(LcrAlgorithm):
    ALG_ID = "carbon_measures"
    GROUP_ID = "plan_measures"
    STYLE = "carbon_measures"

    INPUT = "INPUT"
    GAP_FIELD = "GAP_FIELD"
    BUILDINGS = "BUILDINGS"
    USE_FIELD = "USE_FIELD"
    GREEN = "GREEN"
    PV_COST = "PV_COST"
    RETROFIT_COST = "RETROFIT_COST"
    GREEN_COST = "GREEN_COST"
    RETROFIT_SAVING = "RETROFIT_SAVING"
    RETROFIT_SAVINGS_BY_USE = "RETROFIT_SAVINGS_BY_USE"
    SEQ_GAIN = "SEQ_GAIN"
    OUTPUT = "OUTPUT"
    BUILDINGS_OUTPUT = "BUILDINGS_OUTPUT"
    GREEN_OUTPUT = "GREEN_OUTPUT"
    UNITS_OVER = "UNITS_OVER"
    UNITS_LEFT = "UNITS_LEFT"
    TOTAL_COST = "TOTAL_COST"

    def displayName(self):  # noqa: N802
        return self.tr("Close carbon gaps (PV, retrofit, planting)")

    def help_text(self):
        return self.tr(
            "The least-cost mix of measures that brings each planning unit down to its CO2 target: rooftop PV on "
            "the best roofs (capped at each building's own demand), retrofit of buildings (a share of their "
            "operational CO2 saved, by use) and tree planting on green space (extra sequestration per ha).\n\n"
            "Gap: a field of the units, t CO2 a year over the target (target_gap_t of Carbon balance of planning "
            "units; 0 or less: nothing to do). Buildings: the output of Rooftop PV potential run on the output "
            "of Building operational emissions (co2_t_yr, gfa_m2, energy_kwh, roof_m2, pv_kwh_yr, pv_co2_t); "
            "each counts in the unit holding its inner point, as do the green spaces.\n\n"
            "Each measure offers a reduction up to its cap at a cost per tonne (annualised costs: PV per m² of "
            "usable roof, retrofit per m² of floor area, planting per ha); per unit the cheapest tonnes are "
            "taken first until the gap is closed, the exact optimum of this linear programme. Where all measures "
            "together fall short, left_t says by how much.\n\n"
            "Default costs, savings and the sequestration gain are team estimates, not published values: set "
            "your own. Feed the carbon balance without the PV proposed here (or with only the PV already built), "
            "so that nothing counts twice.\n\n"
            "Output: units with gap_t, pv_t, retro_t, green_t, cost_yr, left_t, closes; buildings with pv_m2, "
            "pv_t, retro_m2, retro_t, co2_after_t; green spaces with plant_ha, green_t. Check: run the carbon "
            "balance with co2_after_t as building CO2, pv_t as PV and green_t as sequestration.")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon, point = QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint
        number, double = QgsProcessingParameterField.DataType.Numeric, QgsProcessingParameterNumber.Type.Double
        self.add_parameter(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Planning units"), [polygon]),
                           self.tr("Units with their gap to the CO2 target (e.g. the output of Carbon balance of "
                                   "planning units)."))
        self.add_parameter(QgsProcessingParameterField(
            self.GAP_FIELD, self.tr("Gap to target field (t CO2/a)"), defaultValue="target_gap_t",
            parentLayerParameterName=self.INPUT, type=number, optional=True),
            self.tr("CO2 a year over the target; 0 or less: the unit needs nothing."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Buildings"), [point, polygon], optional=True),
            self.tr("Buildings with CO2, floor area, demand and rooftop PV fields (the output of Rooftop PV "
                    "potential run on that of Building operational emissions)."))
        labels = {"CO2_FIELD": self.tr("Building CO2 field (t/a)"), "GFA_FIELD": self.tr("Floor area field (m²)"),
                  "PV_CO2_FIELD": self.tr("PV-avoided CO2 field (t/a)"),
                  "PV_KWH_FIELD": self.tr("PV yield field (kWh/a)"), "ROOF_FIELD": self.tr("Usable roof field (m²)"),
                  "DEMAND_FIELD": self.tr("Energy demand field (kWh/a)")}
        for name, default in BUILDING_INPUTS:
            self.add_parameter(QgsProcessingParameterField(
                name, labels[name], defaultValue=default, parentLayerParameterName=self.BUILDINGS, type=number,
                optional=True),
                self.tr("A field of the buildings; a default name the layer does not have counts as not given, "
                        "and the measure that needs it is left out."),
                advanced=name in ("PV_KWH_FIELD", "DEMAND_FIELD"))
        self.add_parameter(QgsProcessingParameterField(
            self.USE_FIELD, self.tr("Building use field"), parentLayerParameterName=self.BUILDINGS,
            type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Use of each building, for the retrofit saving by use."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.GREEN, self.tr("Green spaces for planting"), [polygon], optional=True),
            self.tr("Polygons where trees may be planted (parks, green belts); their whole area counts."))
        for name, label, default, help_text in [
                (self.PV_COST, self.tr("PV cost per m² of usable roof a year"), 60.0,
                 self.tr("Annualised cost of rooftop PV per m² of usable roof (team estimate: about 800 per m² "
                         "built, over 25 years at 5 %).")),
                (self.RETROFIT_COST, self.tr("Retrofit cost per m² of floor area a year"), 25.0,
                 self.tr("Annualised cost of an energy retrofit per m² of floor area (team estimate: about 300 "
                         "per m², over 20 years at 5 %).")),
                (self.GREEN_COST, self.tr("Planting cost per ha a year"), 80000.0,
                 self.tr("Annualised cost of planting and keeping trees per ha (team estimate).")),
                (self.RETROFIT_SAVING, self.tr("Retrofit saving (share of CO2)"), 0.25,
                 self.tr("Share of a building's operational CO2 a retrofit saves, for uses not listed below "
                         "(team estimate).")),
                (self.SEQ_GAIN, self.tr("Sequestration gain of planting (t CO2/ha·a)"), 7.19,
                 self.tr("Extra CO2 taken up per ha planted: tree cover minus park green of the shipped carbon "
                         "pools, (2.8 − 0.84) t C × 44/12."))]:
            self.add_parameter(QgsProcessingParameterNumber(name, label, double, defaultValue=default, minValue=0),
                               help_text)
        self.add_parameter(QgsProcessingParameterString(
            self.RETROFIT_SAVINGS_BY_USE, self.tr("Retrofit saving by use"), optional=True),
            self.tr("use:share pairs separated by commas, e.g. residential:0.2, office:0.3; other uses take the "
                    "retrofit saving."), advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Carbon measures by unit")),
                           self.tr("The units with gap_t, pv_t, retro_t, green_t, cost_yr, left_t and closes."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.BUILDINGS_OUTPUT, self.tr("Measures on buildings"), optional=True, createByDefault=False),
            self.tr("The buildings with pv_m2, pv_t, retro_m2, retro_t and co2_after_t."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.GREEN_OUTPUT, self.tr("Planting on green spaces"), polygon, optional=True, createByDefault=False),
            self.tr("The green spaces with plant_ha and green_t."))
        self.addOutput(QgsProcessingOutputNumber(self.UNITS_OVER, self.tr("Units over target")))
        self.addOutput(QgsProcessingOutputNumber(self.UNITS_LEFT, self.tr("Units no measure mix brings to target")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_COST, self.tr("Cost of the measures a year")))

    def error_messages(self):
        return {"saving_bad": self.tr("Retrofit saving by use: “{value}” is not use:share with a share 0–1.")}

    def compute(self, parameters, context, feedback):
        units = self.polygon_source(parameters, self.INPUT, context)
        gap_idx = self.field_index(parameters, self.GAP_FIELD, units, context)
        if gap_idx < 0:
            raise QgsProcessingException(self.tr("Name the field of “{layer}” holding each unit's gap to its CO2 "
                                                 "target (t/a).").format(layer=units.sourceName()))
        buildings = self.optional_source(parameters, self.BUILDINGS, context, None)
        green = self.optional_source(parameters, self.GREEN, context, QgsWkbTypes.GeometryType.PolygonGeometry)
        if buildings is not None and QgsWkbTypes.geometryType(buildings.wkbType()) not in (
                QgsWkbTypes.GeometryType.PointGeometry, QgsWkbTypes.GeometryType.PolygonGeometry):
            raise QgsProcessingException(self.tr("“{layer}” holds neither points nor polygons: give buildings as "
                                                 "points or footprints.").format(layer=buildings.sourceName()))
        idx = {name: self._field(parameters, name, buildings, context, feedback) for name, _d in BUILDING_INPUTS}
        use_idx = self.field_index(parameters, self.USE_FIELD, buildings, context, numeric=False) \
            if buildings is not None else -1
        value = {name: self.parameterAsDouble(parameters, name, context)
                 for name in (self.PV_COST, self.RETROFIT_COST, self.GREEN_COST, self.RETROFIT_SAVING, self.SEQ_GAIN)}
        savings, default = cm.parse_savings(self.parameterAsString(parameters, self.RETROFIT_SAVINGS_BY_USE, context),
                                            value[self.RETROFIT_SAVING])
        feedback.pushWarning(self.tr("The default costs, retrofit savings and sequestration gain are team estimates: "
                                     "set local values before relying on the mix."))

        transform, to_m2 = self.area_measure(units, context, feedback)
        crs = transform.destinationCrs() if transform is not None else units.sourceCrs()
        unit_chunk = next(self.read_chunks(units, feedback, [gap_idx], transform=transform, whole=True, signed=True))
        self.report_repaired(feedback, unit_chunk.repaired, units)
        gap = unit_chunk.values[gap_idx]
        if len(gap) and np.isnan(gap).all():
            # a plan check run without a CO2 target leaves the whole field NULL (found on OpenStreetMap towns)
            feedback.pushWarning(self.tr(
                "No unit of “{layer}” has a gap value: the check that made it was given no CO2 target (target "
                "per resident), so no unit can be over target and no measure is proposed. Give the target and "
                "check again.").format(layer=units.sourceName()))
        elif np.isnan(gap).any():
            feedback.pushWarning(self.tr("{n} units have no gap value (not assessed, e.g. units without residents "
                                         "under a per-capita target): they get no measures.")
                                 .format(n=int(np.isnan(gap).sum())))
        n = len(unit_chunk.geometry)
        items = []                                             # (kind, unit, cap, cost) arrays
        b_chunk = g_chunk = None
        b_sink = self._buildings_sink(parameters, context, feedback, buildings)
        if buildings is not None:
            b_chunk, b_unit = self._read(buildings, [i for i in idx.values() if i >= 0],
                                         [use_idx] if use_idx >= 0 else [], unit_chunk, crs, context, feedback)
            col = {name: (b_chunk.values[i] if i >= 0 else None) for name, i in idx.items()}
            if col["PV_CO2_FIELD"] is not None and col["ROOF_FIELD"] is not None:
                cap, cost = cm.pv_offer(col["PV_CO2_FIELD"], col["PV_KWH_FIELD"], col["DEMAND_FIELD"],
                                        col["ROOF_FIELD"], value[self.PV_COST])
                items.append((cm.PV, b_unit, cap, cost))
            else:
                feedback.pushInfo(self.tr("No PV-avoided CO2 or usable roof field: rooftop PV is left out."))
            if col["CO2_FIELD"] is not None and col["GFA_FIELD"] is not None:
                uses = b_chunk.values[use_idx] if use_idx >= 0 else None
                cap, cost = cm.retrofit_offer(col["CO2_FIELD"], col["GFA_FIELD"], uses, savings, default,
                                              value[self.RETROFIT_COST])
                items.append((cm.RETROFIT, b_unit, cap, cost))
            else:
                feedback.pushInfo(self.tr("No building CO2 or floor area field: retrofit is left out."))
        if green is not None:
            g_chunk, g_unit = self._read(green, [], [], unit_chunk, crs, context, feedback)
            area_ha = np.nan_to_num(shapely.area(g_chunk.geometry)) * to_m2 / 10_000.0
            gain = value[self.SEQ_GAIN]
            items.append((cm.GREEN, g_unit, area_ha * gain,
                          np.full(len(area_ha), value[self.GREEN_COST] / gain if gain > 0 else np.inf)))
        if not items:
            raise QgsProcessingException(self.tr("Give buildings (with PV or CO2 and floor-area fields) or green "
                                                 "spaces: without them there is no measure to propose."))
        kind = np.concatenate([np.full(len(u), k) for k, u, _c, _k in items])
        take, left = cm.close_gaps(gap, np.concatenate([u for _k, u, _c, _x in items]),
                                   np.concatenate([c for _k, _u, c, _x in items]),
                                   np.concatenate([x for _k, _u, _c, x in items]))
        cost_all = np.concatenate([x for _k, _u, _c, x in items])
        spent = take * np.where(take > 0, cost_all, 0.0)          # unused items may cost inf
        unit_all = np.concatenate([u for _k, u, _c, _x in items])
        per_kind = [np.bincount(np.maximum(unit_all, 0), np.where((kind == k) & (unit_all >= 0), take, 0.0), n)
                    for k in (cm.PV, cm.RETROFIT, cm.GREEN)]
        cost_yr = np.bincount(np.maximum(unit_all, 0), np.where(unit_all >= 0, spent, 0.0), n)
        over = np.nan_to_num(gap) > 0
        closes = np.where(np.isnan(gap), np.nan, (left <= 1e-9).astype(float))
        self.check_canceled(feedback)

        fields, positions = self.output_fields(units.fields(), UNIT_FIELDS, feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, units.wkbType(), units.sourceCrs())
        self.write_chunk(sink, unit_chunk, units.fields().count(), positions,
                         [gap, *per_kind, cost_yr, np.where(np.isnan(gap), np.nan, left), closes],
                         parameters, self.OUTPUT)
        result = {self.OUTPUT: dest_id, self.UNITS_OVER: int(over.sum()),
                  self.UNITS_LEFT: int((left > 1e-9).sum()), self.TOTAL_COST: float(cost_yr.sum())}
        self._write_buildings(parameters, context, feedback, buildings, b_chunk, items, kind, take, idx, result,
                              b_sink)
        self._write_green(parameters, context, feedback, green, g_chunk, kind, take, value[self.SEQ_GAIN], result)
        self._report(feedback, unit_chunk, gap, left, per_kind, cost_yr)
        self.style_output(context, dest_id, self.tr(
            "Least-cost measures closing each unit's gap to its CO2 target: rooftop PV, retrofit, planting (t CO2/a), "
            "and the gap no measure closes. Made by the Low-Carbon & Resilience Planning Toolkit."))
        return result

    # ---- inputs -------------------------------------------------------------------------------
    def _field(self, parameters, name, layer, context, feedback):
        """Index of a building field; -1 where not given, or where it is the default name and absent."""
        if layer is None:
            return -1
        given = self.parameterAsString(parameters, name, context)
        default = self.parameterDefinition(name).defaultValue()
        if given and given == default and layer.fields().lookupField(given) < 0:
            feedback.pushInfo(self.tr("“{layer}” has no field “{field}”.").format(layer=layer.sourceName(),
                                                                                  field=given))
            return -1
        return self.field_index(parameters, name, layer, context)

    def _read(self, layer, numeric, text, unit_chunk, crs, context, feedback):
        """A layer read whole in the units' measuring CRS and the unit of each feature (by inner point)."""
        # Chunk by chunk (a Cancel is looked at between them), then joined: the mix needs every feature.
        parts, units = [], []
        for part in self.read_chunks(layer, feedback, numeric, text, transform=transform_to(layer, crs, context)):
            parts.append(part)
            units.append(zones.assign_to_zones(network.representative_points(part.geometry), unit_chunk.geometry))
            self.check_canceled(feedback)
        chunk = Chunk([f for p in parts for f in p.features],
                      np.concatenate([p.geometry for p in parts]) if parts else np.zeros(0, dtype=object),
                      {i: np.concatenate([p.values[i] for p in parts]) for i in (list(numeric) + list(text))}
                      if parts else {}, sum(p.repaired for p in parts),
                      fids=np.concatenate([p.fids for p in parts]) if parts and all(p.fids is not None for p in parts)
                      else None)
        self.report_repaired(feedback, chunk.repaired, layer)
        unit = np.concatenate(units) if units else np.zeros(0, dtype=int)
        outside = int(((unit < 0) & ~shapely.is_missing(chunk.geometry)).sum())
        if outside:
            feedback.pushWarning(self.tr("{n} features of “{layer}” lie outside every unit and are left out.")
                                 .format(n=outside, layer=layer.sourceName()))
        return chunk, unit

    # ---- outputs ------------------------------------------------------------------------------
    def _buildings_sink(self, parameters, context, feedback, buildings):
        """(sink, destination id, positions) of the buildings' output made before the buildings are read, where
        it adds new columns only (``writes_every_feature``: GDAL copies the buildings, SQL fills the columns,
        and the buildings are read as columns without a QgsFeature each); else None."""
        if parameters.get(self.BUILDINGS_OUTPUT) in (None, "") or buildings is None or \
                any(buildings.fields().lookupField(name) >= 0 for name, _kind in BUILDING_FIELDS):
            return None
        self.writes_every_feature(self.BUILDINGS_OUTPUT, buildings)
        fields, positions = self.output_fields(buildings.fields(), BUILDING_FIELDS, feedback)
        sink, dest_id = self.create_sink(parameters, self.BUILDINGS_OUTPUT, context, fields, buildings.wkbType(),
                                         buildings.sourceCrs())
        return sink, dest_id, positions

    def _write_buildings(self, parameters, context, feedback, buildings, chunk, items, kind, take, idx, result,
                         made=None):
        if parameters.get(self.BUILDINGS_OUTPUT) in (None, "") or buildings is None:
            return
        nb = len(chunk.features)
        pv_t = take[kind == cm.PV] if (kind == cm.PV).any() else np.zeros(nb)
        retro_t = take[kind == cm.RETROFIT] if (kind == cm.RETROFIT).any() else np.zeros(nb)
        cap = {k: c for k, _u, c, _x in items}

        def share(k, taken):
            with np.errstate(divide="ignore", invalid="ignore"):
                return np.where(cap[k] > 0, taken / cap[k], 0.0) if k in cap else np.zeros(nb)
        roof = chunk.values[idx["ROOF_FIELD"]] if idx["ROOF_FIELD"] >= 0 else np.zeros(nb)
        gfa = chunk.values[idx["GFA_FIELD"]] if idx["GFA_FIELD"] >= 0 else np.zeros(nb)
        pv_co2 = chunk.values[idx["PV_CO2_FIELD"]] if idx["PV_CO2_FIELD"] >= 0 else np.zeros(nb)
        with np.errstate(divide="ignore", invalid="ignore"):
            pv_m2 = np.where(np.nan_to_num(pv_co2) > 0, np.nan_to_num(roof) * pv_t / np.nan_to_num(pv_co2), 0.0)
        co2 = chunk.values[idx["CO2_FIELD"]] if idx["CO2_FIELD"] >= 0 else np.full(nb, np.nan)
        columns = [pv_m2, pv_t, np.nan_to_num(gfa) * share(cm.RETROFIT, retro_t), retro_t, co2 - retro_t]
        if made is None:
            dest = self.write_layer(parameters, self.BUILDINGS_OUTPUT, context, feedback, buildings, chunk,
                                    BUILDING_FIELDS, columns)
        else:
            sink, dest, positions = made
            self.write_chunk(sink, chunk, buildings.fields().count(), positions, columns, parameters,
                             self.BUILDINGS_OUTPUT)
        if dest is not None:
            result[self.BUILDINGS_OUTPUT] = dest

    def _write_green(self, parameters, context, feedback, green, chunk, kind, take, gain, result):
        if parameters.get(self.GREEN_OUTPUT) in (None, "") or green is None:
            return
        green_t = take[kind == cm.GREEN]
        dest = self.write_layer(parameters, self.GREEN_OUTPUT, context, feedback, green, chunk, GREEN_FIELDS,
                                [green_t / gain if gain > 0 else np.zeros(len(green_t)), green_t])
        if dest is not None:
            result[self.GREEN_OUTPUT] = dest

    def _report(self, feedback, unit_chunk, gap, left, per_kind, cost_yr):
        over = np.nan_to_num(gap) > 0
        feedback.pushInfo(self.tr(
            "{over} units are over target by {gap:,.1f} t CO2/a in all; the measures close {closed:,.1f} t (PV "
            "{pv:,.1f}, retrofit {retro:,.1f}, planting {green:,.1f}) for {cost:,.0f} a year.").format(
                over=int(over.sum()), gap=float(np.nansum(np.clip(gap, 0, None))),
                closed=float(sum(p.sum() for p in per_kind)), pv=float(per_kind[0].sum()),
                retro=float(per_kind[1].sum()), green=float(per_kind[2].sum()), cost=float(cost_yr.sum())))
        short = np.flatnonzero(left > 1e-9)
        for u in short[:MAX_LOGGED]:
            feedback.pushWarning(self.tr("Unit {unit}: no mix of the measures given closes its gap; {left:,.1f} t "
                                         "CO2/a remain.").format(unit=unit_label(unit_chunk.features[u]), left=left[u]))
        if len(short) > MAX_LOGGED:
            # a city's grid cells would each get a line (48 of Baltimore's 131 cells)
            feedback.pushWarning(self.tr("… {n} more units whose gap stays open, {left:,.1f} t CO2/a in all: see "
                                         "left_t in the output.").format(n=len(short) - MAX_LOGGED,
                                                                         left=float(left[short[MAX_LOGGED:]].sum())))
