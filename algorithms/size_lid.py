"""lcr:size_lid: the LID storage each parcel needs to capture the design rainfall of a runoff control
target, within the room each measure has on the parcel, at least area or least cost."""
import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core import lid_sizing, network, sponge, zones
from .reading import transform_to
from .sponge_glue import LID_PARAMETERS, REMAINDER_KEYS, SpongeAlgorithm

ADDED = ["add_bio_m2", "add_pave_m2", "add_groof_m2", "add_tank_m3"]
TOTALS = ["lid_bio_m2", "lid_pave_m2", "lid_groof_m2", "lid_tank_m3"]
NEW_FIELDS = ([("need_m3", "double"), ("prov_m3", "double"), ("add_m3", "double")]
              + [(f, "double") for f in ADDED + TOTALS]
              + [("add_area_m2", "double"), ("add_cost", "double"), ("short_m3", "double"), ("on_site", "int")]
              + [("add_mm", "double")])
LEAST_AREA, LEAST_COST = 0, 1


class SizeLid(SpongeAlgorithm):
    ALG_ID = "size_lid"
    GROUP_ID = "plan_measures"
    STYLE = "size_lid"

    ROOF_FIELD = "ROOF_FIELD"
    BUILDINGS = "BUILDINGS"
    SHARES = [("BIORETENTION_SHARE", 0.10), ("PAVING_SHARE", 0.30), ("GREEN_ROOF_SHARE", 0.50), ("TANK_SHARE", 0.0)]
    TANK_DEPTH_M = "TANK_DEPTH_M"
    OBJECTIVE = "OBJECTIVE"
    OUTPUT = "OUTPUT"
    PARCELS_SHORT = "PARCELS_SHORT"
    TOTAL_ADDED_M3 = "TOTAL_ADDED_M3"
    TOTAL_SHORT_M3 = "TOTAL_SHORT_M3"
    DESIGN_MM = "DESIGN_MM"

    def displayName(self):  # noqa: N802
        return self.tr("Size LID measures per parcel")

    def help_text(self):
        return self.tr(
            "The low-impact-development storage each parcel must add to hold the design rainfall of a sponge-city "
            "target, and where the parcel has no room for it.\n\n"
            "Storage needed: V = 10·H·ψ·F as in Sponge-city rainfall capture (ψ from the green ratio and the "
            "surface of the rest of the parcel; H given, or found from the target annual runoff control rate and "
            "a daily rainfall CSV), less the storage of the LID measures already there.\n\n"
            "Room per parcel: bioretention, permeable paving and tanks take a share of the open area (parcel area "
            "less roofs), green roofs a share of the roof area (from a roof field, or the footprints of the "
            "buildings whose inner point lies in the parcel); a tank holds its footprint × depth. Tanks are off "
            "by default (share 0).\n\n"
            "Sizing: least area of new measures (m², tanks by footprint) or least cost (needs a cost_per_unit "
            "column in the LID table): the measures are filled in order of area (cost) per m³ held, which is the "
            "exact optimum of this linear programme. Parcels whose room cannot hold the need are flagged "
            "(on_site 0) with the shortfall short_m3.\n\n"
            "Output fields: need_m3, prov_m3 (already there), add_m3, add_bio_m2, add_pave_m2, add_groof_m2, "
            "add_tank_m3 (to add), lid_bio_m2, lid_pave_m2, lid_groof_m2, lid_tank_m3 (totals after), "
            "add_area_m2, add_cost, short_m3, on_site, add_mm (storage added as a depth over the parcel, mm = "
            "1000 · add_m3 / parcel area in m², the area measured in metres whatever the layer's CRS). Run Sponge-city rainfall capture on the output with the "
            "lid_* fields as LID fields to check.")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon, number = QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessingParameterField.DataType.Numeric
        double = QgsProcessingParameterNumber.Type.Double
        self.add_parameter(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Parcels"), [polygon]),
                           self.tr("Parcel polygons (plots) to size LID measures for."))
        self.add_green_ratio_parameter(optional=False)
        self.add_remainder_parameter(self.tr(
            "Surface type of the parcel area outside the green ratio. Default: concrete or asphalt "
            "paving (ψ 0.85), the safe side."))
        self.add_rainfall_parameters(self.tr(
            "CSV with columns date, rain_mm, one row a day, 30 years or more recommended."))
        self.add_lid_parameters(self.tr(
            "LID measures already in the parcel; missing values count as 0. They count as storage "
            "provided and take their room."))
        self.add_parameter(QgsProcessingParameterField(
            self.ROOF_FIELD, self.tr("Roof area field (m²)"), parentLayerParameterName=self.INPUT, type=number,
            optional=True),
            self.tr("Roof area of the parcel's buildings. Without it the footprints of the buildings layer are "
                    "used; without either, the parcel has no roof."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Buildings"), [polygon], optional=True),
            self.tr("Building footprints; each counts in the parcel holding its inner point."))
        share_names = {"BIORETENTION_SHARE": self.tr("Share of open area for bioretention"),
                       "PAVING_SHARE": self.tr("Share of open area for permeable paving"),
                       "GREEN_ROOF_SHARE": self.tr("Share of roof area for green roofs"),
                       "TANK_SHARE": self.tr("Share of open area over tanks")}
        for name, default in self.SHARES:
            self.add_parameter(QgsProcessingParameterNumber(
                name, share_names[name], double, defaultValue=default, minValue=0, maxValue=1),
                self.tr("The most of the open area (roof area for green roofs) this measure may take, 0–1. "
                        "Open area = parcel area − roof area."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.TANK_DEPTH_M, self.tr("Tank depth (m)"), double, defaultValue=2.0, minValue=0),
            self.tr("Depth of storage tanks or modules: a tank holds its footprint × depth."), advanced=True)
        self.add_parameter(QgsProcessingParameterEnum(
            self.OBJECTIVE, self.tr("Size for"), [self.tr("Least area of new measures"), self.tr("Least cost")],
            defaultValue=LEAST_AREA),
            self.tr("Least area counts m² of measure (tanks by footprint); least cost needs a cost_per_unit "
                    "column (per m², per m³ for tanks) in the LID table."))
        self.add_table_parameters(
            self.tr("CSV with columns surface, psi (0–1). Replaces the shipped table."),
            self.tr("CSV with columns measure, storage_m3_per_unit and optionally cost_per_unit. Replaces the "
                    "shipped table."))
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("LID measures to add")),
                           self.tr("The parcels with the storage needed, the measures to add and the totals after."))
        self.addOutput(QgsProcessingOutputNumber(self.PARCELS_SHORT,
                                                 self.tr("Parcels that cannot reach the target on site")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_ADDED_M3, self.tr("Storage added (m³)")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_SHORT_M3, self.tr("Shortfall (m³)")))
        self.addOutput(QgsProcessingOutputNumber(self.DESIGN_MM, self.tr("Design rainfall (mm)")))

    def error_messages(self):
        return {
            **super().error_messages(),
            "share_out_of_range": self.tr("Shares must lie between 0 and 1 (found {value})."),
            "lid_storage_not_positive": self.tr("Every LID measure must hold more than 0 m³ per unit and cost 0 "
                                                "or more (found {value})."),
        }

    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        green_idx = self.field_index(parameters, self.GREEN_RATIO_FIELD, source, context)
        roof_idx = self.field_index(parameters, self.ROOF_FIELD, source, context)
        lids = [self.field_index(parameters, name, source, context) for name, _key in LID_PARAMETERS]
        buildings = self.optional_source(parameters, self.BUILDINGS, context, QgsWkbTypes.GeometryType.PolygonGeometry)
        shares = [self.parameterAsDouble(parameters, name, context) for name, _d in self.SHARES]
        depth = self.parameterAsDouble(parameters, self.TANK_DEPTH_M, context)
        objective = self.parameterAsEnum(parameters, self.OBJECTIVE, context)
        remainder = REMAINDER_KEYS[self.parameterAsEnum(parameters, self.REMAINDER, context)]

        coef_path = (self.parameterAsFile(parameters, self.COEFFICIENTS, context)
                     or self.factor_table("runoff_coefficients.csv", feedback))
        coefficients = sponge.read_runoff_coefficients(coef_path)
        psi_green, psi_rest = sponge.lookup(coefficients, ["green", remainder], "psi")
        self.warn_unverified(coefficients.loc[["green", remainder]], coef_path, feedback)
        lid_path = (self.parameterAsFile(parameters, self.LID_TABLE, context)
                    or self.factor_table("lid_measures.csv", feedback))
        lid_table = sponge.read_lid_measures(lid_path)
        storage = sponge.lookup(lid_table, list(lid_sizing.MEASURES), "storage_m3_per_unit")
        self.warn_unverified(lid_table.loc[list(lid_sizing.MEASURES)], lid_path, feedback)
        cost = self._costs(lid_table, lid_path, objective)
        weight = cost if objective == LEAST_COST else np.array([1.0, 1.0, 1.0, 1.0 / depth if depth > 0 else 1.0])
        if depth <= 0 and shares[3] > 0:
            feedback.pushWarning(self.tr("Tank depth 0 m: tanks hold nothing and are left out."))
        design_mm, _rain = self.design_rainfall(parameters, context, feedback)

        transform, to_m2 = self.area_measure(source, context, feedback)
        numeric = [green_idx] + [i for i in lids + [roof_idx] if i >= 0]
        chunk = next(self.read_chunks(source, feedback, numeric, transform=transform, whole=True))
        self.check_canceled(feedback)
        self.report_repaired(feedback, chunk.repaired, source)
        area = shapely.area(chunk.geometry) * to_m2
        roof = self._roofs(chunk, roof_idx, buildings, transform, source, context, feedback, to_m2)
        percent = [0]
        ratio = self.green_ratio_shares(chunk.values[green_idx], percent)
        self.log_percent_green(feedback, source, green_idx, percent[0])
        outside = (ratio < 0) | (ratio > 1)
        if outside.any():
            raise QgsProcessingException(self.tr(
                "The green ratio field “{field}” of “{layer}” must hold shares 0–1; {count} parcels have values "
                "outside it, e.g. {value}. For percentages, divide by 100.").format(
                    field=source.fields().at(green_idx).name(), layer=source.sourceName(), count=int(outside.sum()),
                    value=float(ratio[outside][0])))
        psi = np.where((area > 0) & ~np.isnan(ratio), sponge.green_ratio_psi(ratio, psi_green, psi_rest), np.nan)
        existing = np.column_stack([chunk.values[i] if i >= 0 else np.full(len(area), np.nan) for i in lids])
        provided = sponge.provided_storage_m3(existing, storage)
        need = sponge.capture_volume_m3(design_mm, psi, area)
        need_add = np.where(np.isnan(psi), np.nan, np.clip(need - provided, 0.0, None))
        open_m2 = np.clip(area - roof, 0.0, None)
        room = lid_sizing.capacities(open_m2, roof, shares, depth, existing)
        if depth <= 0:
            room[:, 3] = 0.0
        added, short = lid_sizing.size(need_add, room, storage, weight)
        self.check_canceled(feedback)

        valid = ~np.isnan(psi)
        totals = np.nan_to_num(existing) + np.nan_to_num(added)
        add_m3 = added @ storage
        footprint = np.array([1.0, 1.0, 1.0, 1.0 / depth if depth > 0 else 0.0])
        columns = [np.where(valid, need, np.nan), np.where(valid, provided, np.nan), add_m3]
        columns += [added[:, j] for j in range(4)] + [np.where(valid, totals[:, j], np.nan) for j in range(4)]
        columns += [added @ footprint, added @ cost if cost is not None else np.full(len(area), np.nan), short,
                    np.where(valid, (short <= 1e-9).astype(float), np.nan), lid_sizing.depth_mm(add_m3, area)]
        fields, positions = self.output_fields(source.fields(), NEW_FIELDS, feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs())
        self.write_chunk(sink, chunk, source.fields().count(), positions, columns, parameters, self.OUTPUT)
        return self._report(feedback, context, dest_id, valid, shapely.is_missing(chunk.geometry), need_add, add_m3,
                            added, short, design_mm, objective, cost, footprint)

    # ---- inputs -------------------------------------------------------------------------------
    def _costs(self, lid_table, path, objective):
        if "cost_per_unit" not in lid_table.columns:
            if objective == LEAST_COST:
                raise QgsProcessingException(self.tr(
                    "Least cost needs a cost_per_unit column in the LID table {path}: give your own table with the "
                    "cost of each measure per m² (per m³ for tanks).").format(path=path))
            return None
        values = lid_table.loc[list(lid_sizing.MEASURES), "cost_per_unit"]
        cost = np.array([float(v) if str(v).strip() else np.nan for v in values])
        if not np.isfinite(cost).all() or (cost < 0).any():
            raise QgsProcessingException(self.tr(
                "The LID table {path}: cost_per_unit must be a number ≥ 0 for every measure.").format(path=path))
        return cost

    def _roofs(self, chunk, roof_idx, buildings, transform, source, context, feedback, to_m2):
        """Roof area per parcel (m²): the roof field, else the footprints of the buildings whose inner
        point lies in the parcel, else 0."""
        n = len(chunk.geometry)
        if roof_idx >= 0:
            roof = np.clip(np.nan_to_num(chunk.values[roof_idx]), 0.0, None)
            return roof
        if buildings is None:
            feedback.pushInfo(self.tr("No roof field and no buildings: parcels have no roof for green roofs."))
            return np.zeros(n)
        crs = transform.destinationCrs() if transform is not None else source.sourceCrs()
        roof = np.zeros(n)
        counted, repaired = 0, 0
        for part in self.read_chunks(buildings, feedback, transform=transform_to(buildings, crs, context)):
            repaired += part.repaired
            inside = zones.assign_to_zones(network.representative_points(part.geometry), chunk.geometry)
            footprint = np.nan_to_num(shapely.area(part.geometry)) * to_m2
            roof += zones.sum_by_zone(inside, footprint, n)
            counted += int((inside >= 0).sum())
            self.check_canceled(feedback)
        self.report_repaired(feedback, repaired, buildings)
        feedback.pushInfo(self.tr("Roofs: {n} buildings of “{layer}” lie in a parcel.").format(
            n=counted, layer=buildings.sourceName()))
        return roof

    # ---- outputs ------------------------------------------------------------------------------
    def _report(self, feedback, context, dest_id, valid, missing, need_add, add_m3, added, short, design_mm,
                objective, cost, footprint):
        skipped = int((~valid & ~missing).sum())       # the base counts those without geometry
        if skipped:
            feedback.pushWarning(self.tr(
                "{n} parcels have no area or no green ratio: their results are NULL.").format(n=skipped))
        flagged = int((short > 1e-9).sum())
        lacking = int((np.nan_to_num(need_add) > 0).sum())
        feedback.pushInfo(self.tr(
            "{m} parcels need more storage; {added:,.0f} m³ of LID storage added ({area:,.0f} m² of measures{cost}). "
            "{f} parcels cannot hold the design rainfall of {h:.1f} mm on site: {short:,.0f} m³ short in all.")
            .format(m=lacking, added=float(np.nansum(add_m3)), area=float(np.nansum(added @ footprint)),
                    cost=self.tr(", cost {c:,.0f}").format(c=float(np.nansum(added @ cost)))
                    if cost is not None else "",
                    f=flagged, h=design_mm, short=float(np.nansum(short))))
        if flagged:
            feedback.pushWarning(self.tr("{f} parcels cannot reach the target on site (on_site = 0): allow more "
                                         "room for the measures, or manage their runoff off site.").format(f=flagged))
        self.style_output(context, dest_id, self.tr(
            "LID storage to add per parcel for a design rainfall of {h:.1f} mm ({objective}), and the shortfall "
            "where the parcel has no room. Made by the Low-Carbon & Resilience Planning Toolkit.").format(
                h=design_mm, objective=self.tr("least cost") if objective == LEAST_COST else self.tr("least area")))
        return {self.OUTPUT: dest_id, self.PARCELS_SHORT: flagged, self.TOTAL_ADDED_M3: float(np.nansum(add_m3)),
                self.TOTAL_SHORT_M3: float(np.nansum(short)), self.DESIGN_MM: design_mm}
