"""lcr:sponge_capture: does each parcel hold the design rainfall of a sponge-city target?"""
import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ..core import sponge
from .sponge_glue import LID_PARAMETERS, REMAINDER_KEYS, SpongeAlgorithm

NEW_FIELDS = [("psi", "double"), ("design_mm", "double"), ("need_m3", "double"), ("provided_m3", "double"),
              ("ctrl_rate", "double"), ("meets", "int")]
# Parameter → surface key of runoff_coefficients.csv (order fixed: saved models store names).
SURFACE_PARAMETERS = [("ROOF_FIELD", "roof_hard"), ("GREEN_ROOF_FIELD", "green_roof"), ("PAVED_FIELD", "paved"),
                      ("PERMEABLE_FIELD", "permeable_paving"), ("GREEN_FIELD", "green"), ("WATER_FIELD", "water")]


class SpongeCapture(SpongeAlgorithm):
    ALG_ID = "sponge_capture"
    GROUP_ID = "resilience"
    STYLE = "sponge_capture"

    SHARES = "SHARES"
    OUTPUT = "OUTPUT"
    PARCELS_MEETING = "PARCELS_MEETING"
    TOTAL_NEED_M3 = "TOTAL_NEED_M3"
    TOTAL_PROVIDED_M3 = "TOTAL_PROVIDED_M3"
    DESIGN_MM = "DESIGN_MM"

    def displayName(self):  # noqa: N802
        return self.tr("Sponge-city rainfall capture")

    def help_text(self):
        return self.tr(
            "Checks whether each parcel stores the design rainfall of a sponge-city runoff control target.\n\n"
            "Runoff coefficient: ψ = Σ ψi·Ai / Σ Ai over the parcel's surfaces, with the rainfall coefficients "
            "ψc of resources/factors/runoff_coefficients.csv (mid-points of the published ranges; Appendix E "
            "Table E.0.1 as in the 2014 Sponge City Technical Guide; marked unverified). Surfaces come from the "
            "surface fields (areas in m², or shares 0–1) and/or the green ratio field (a share 0–1, 绿地率); the "
            "rest of the parcel is the remainder surface. With only a green ratio g: ψ = g·ψgreen + (1 − g)·ψremainder.\n\n"
            "Storage needed (volume method, 2014 Sponge City Technical Guide, formula recalled, not checked "
            "against the text): V = 10·H·ψ·F, V in m³, H the design rainfall in mm, F the parcel area in ha. "
            "H is given, or found from a target annual runoff-volume control rate α and a daily rainfall CSV "
            "(columns date, rain_mm; 30 years or more recommended; days ≤ 2 mm dropped): "
            "α(H) = [Σ(Pi ≤ H) Pi + H·N(Pi > H)] / Σ Pi, solved for H.\n\n"
            "Storage provided: LID areas (m²) and tank volumes (m³) times the storage per unit of "
            "resources/factors/lid_measures.csv (team estimates, unverified). The achieved control rate is "
            "α at H = provided / (10·ψ·F) and needs the rainfall CSV.\n\n"
            "Output fields: psi (0–1), design_mm (mm), need_m3 (m³), provided_m3 (m³), ctrl_rate (%, NULL "
            "without rainfall series), meets (1 where provided ≥ need). Targets: 70–85 % by climate zone "
            "(2014 guide), e.g. ≥ 80 % for new building plots in local manuals.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Parcels"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("Parcel polygons (plots) to check."))
        self.add_green_ratio_parameter(optional=True)
        surface_names = {
            "ROOF_FIELD": self.tr("Hard roof field"), "GREEN_ROOF_FIELD": self.tr("Green roof field"),
            "PAVED_FIELD": self.tr("Concrete or asphalt paving field"),
            "PERMEABLE_FIELD": self.tr("Permeable paving field"), "GREEN_FIELD": self.tr("Green space field"),
            "WATER_FIELD": self.tr("Water surface field")}
        for name, _key in SURFACE_PARAMETERS:
            self.add_parameter(QgsProcessingParameterField(
                name, surface_names[name], parentLayerParameterName=self.INPUT,
                type=QgsProcessingParameterField.DataType.Numeric, optional=True),
                self.tr("Area of this surface in the parcel (m²), or its share 0–1 when “Surface fields hold "
                        "shares” is set. Missing values count as 0."), advanced=True)
        self.add_parameter(QgsProcessingParameterBoolean(
            self.SHARES, self.tr("Surface fields hold shares (0–1)"), defaultValue=False),
            self.tr("Set when the surface fields give shares of the parcel area instead of m²."), advanced=True)
        self.add_remainder_parameter(self.tr(
            "Surface type of the parcel area not covered by the green ratio or the surface fields. "
            "Default: concrete or asphalt paving (ψ 0.85), the safe side."))
        self.add_rainfall_parameters(self.tr(
            "CSV with columns date, rain_mm, one row a day, 30 years or more recommended. Needed for "
            "the target control rate and the achieved control rate."))
        self.add_lid_parameters(self.tr(
            "Size of this LID measure in the parcel; missing values count as 0. Its storage per "
            "unit comes from the LID table."))
        self.add_table_parameters(
            self.tr("CSV with columns surface, psi (0–1). Replaces the shipped table; it must keep the "
                    "surface keys the parameters use."),
            self.tr("CSV with columns measure, storage_m3_per_unit. Replaces the shipped table."))
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Sponge capture")),
                           self.tr("The parcels with psi, design_mm, need_m3, provided_m3, ctrl_rate and meets."))
        self.addOutput(QgsProcessingOutputNumber(self.PARCELS_MEETING, self.tr("Parcels meeting the target")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_NEED_M3, self.tr("Total storage needed (m³)")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_PROVIDED_M3, self.tr("Total storage provided (m³)")))
        self.addOutput(QgsProcessingOutputNumber(self.DESIGN_MM, self.tr("Design rainfall (mm)")))

    def error_messages(self):
        return {
            **super().error_messages(),
            "share_out_of_range": self.tr(
                "Shares must lie between 0 and 1; {count} parcels have values outside it, e.g. {value}. "
                "For percentages, divide by 100."),
            "shares_sum_over_one": self.tr(
                "The surface shares of {count} parcels add up to more than 1, e.g. {value}."),
            "surface_area_negative": self.tr("Surface areas cannot be negative (found {value})."),
        }

    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        green_idx = self.field_index(parameters, self.GREEN_RATIO_FIELD, source, context)
        surfaces = [(self.field_index(parameters, name, source, context), key) for name, key in SURFACE_PARAMETERS]
        surfaces = [(i, key) for i, key in surfaces if i >= 0]
        lids = [(self.field_index(parameters, name, source, context), key) for name, key in LID_PARAMETERS]
        lids = [(i, key) for i, key in lids if i >= 0]
        shares = self.parameterAsBool(parameters, self.SHARES, context)
        remainder_key = REMAINDER_KEYS[self.parameterAsEnum(parameters, self.REMAINDER, context)]
        unknown = green_idx < 0 and not surfaces
        # Alone, such a run would compute nothing; as a step of a plan check (``plan`` set) on parcels without
        # a green ratio, it still gives the LID storage the retention step adds.
        if unknown and getattr(self, "plan", None) is None:
            raise QgsProcessingException(self.tr(
                "Give a green ratio field or at least one surface field: without them the runoff "
                "coefficient is unknown."))
        if unknown:
            # LID storage alone (a plan check on parcels without a green ratio): what the parcels hold is
            # known, what they need is not.
            feedback.pushWarning(self.tr(
                "No green ratio field and no surface field: the runoff coefficient is unknown, so psi, need_m3, "
                "ctrl_rate and meets are NULL; provided_m3 is the storage of the LID fields."))

        coef_path = (self.parameterAsFile(parameters, self.COEFFICIENTS, context)
                     or self.factor_table("runoff_coefficients.csv", feedback))
        lid_path = (self.parameterAsFile(parameters, self.LID_TABLE, context)
                    or self.factor_table("lid_measures.csv", feedback))
        coefficients = sponge.read_runoff_coefficients(coef_path)
        keys = [key for _i, key in surfaces] + (["green"] if green_idx >= 0 else []) + [remainder_key]
        psi_values = sponge.lookup(coefficients, keys, "psi")
        self.warn_unverified(coefficients.loc[keys], coef_path, feedback)
        storage = np.zeros(0)
        if lids:
            lid_table = sponge.read_lid_measures(lid_path)
            lid_keys = [key for _i, key in lids]
            storage = sponge.lookup(lid_table, lid_keys, "storage_m3_per_unit")
            self.warn_unverified(lid_table.loc[lid_keys], lid_path, feedback)
        else:
            feedback.pushInfo(self.tr("No LID field given: every parcel provides 0 m³ of storage."))

        design_mm, rain = self.design_rainfall(parameters, context, feedback)
        feedback.pushWarning(self.tr(
            "The volume method V = 10·H·ψ·F and the control-rate formula are recalled from the 2014 Sponge "
            "City Technical Guide and not checked against its text."))

        transform, to_m2 = self.area_measure(source, context, feedback)
        fields, positions = self.output_fields(source.fields(), NEW_FIELDS, feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         source.wkbType(), source.sourceCrs())
        numeric = [i for i, _k in surfaces] + [i for i, _k in lids] + ([green_idx] if green_idx >= 0 else [])
        meeting, total_need, total_provided, skipped, overfull, repaired = 0, 0.0, 0.0, 0, 0, 0
        psi_surfaces, psi_rest = psi_values[:len(surfaces)], psi_values[-1]
        psi_green = psi_values[-2] if green_idx >= 0 else np.nan
        # Fields of shares (0–1): 999 or 9999 there is a nodata code, read as missing.
        share_fields = ([green_idx] if green_idx >= 0 else []) + ([i for i, _k in surfaces] if shares else [])
        percent = [0]
        for chunk in self.read_chunks(source, feedback, numeric, transform=transform, nodata=share_fields):
            if green_idx >= 0:
                chunk.values[green_idx] = self.green_ratio_shares(chunk.values[green_idx], percent)
            self._check_shares(chunk, share_fields, source)
            repaired += chunk.repaired
            area = shapely.area(chunk.geometry) * to_m2   # NaN for a missing geometry
            given = np.column_stack([chunk.values[i] for i, _k in surfaces]) if surfaces else \
                None if not unknown else np.zeros((len(area), 0))
            if green_idx >= 0:
                ratio = chunk.values[green_idx]
                sponge.green_ratio_psi(ratio, 0.0, 0.0)   # refuses ratios outside 0–1
                green_areas = ratio if shares else ratio * area
                given = green_areas[:, None] if given is None else np.column_stack([given, green_areas])
                psi_given = np.append(psi_surfaces, psi_green)
            else:
                psi_given = psi_surfaces
            part, remainder, over = sponge.surface_shares(given, area, shares)
            overfull += over
            psi = sponge.composite_psi(part, psi_given, remainder, psi_rest)
            if green_idx >= 0:
                psi = np.where(np.isnan(chunk.values[green_idx]), np.nan, psi)
            psi = np.where((area > 0) & ~unknown, psi, np.nan)
            valid = ~np.isnan(psi)
            need = np.where(valid, sponge.capture_volume_m3(design_mm, psi, area), np.nan)
            provided = np.zeros(len(area))
            if lids:
                provided = sponge.provided_storage_m3(np.column_stack([chunk.values[i] for i, _k in lids]), storage)
            provided = np.where(valid | (unknown & (area > 0)), provided, np.nan)
            ctrl = np.full(len(area), np.nan)
            if rain is not None:
                ctrl = 100.0 * sponge.control_rate(sponge.achieved_depth_mm(provided, psi, area), rain)
            meets = np.where(valid, (provided >= need - 1e-9).astype(float), np.nan)
            self.write_chunk(sink, chunk, source.fields().count(), positions,
                             [psi, np.where(valid, design_mm, np.nan), need, provided, ctrl, meets],
                             parameters, self.OUTPUT)
            meeting += int(np.nansum(meets))
            total_need += float(np.nansum(need))
            total_provided += float(np.nansum(provided))
            if not unknown:   # the base counts the missing geometries
                skipped += int((~valid & ~shapely.is_missing(chunk.geometry)).sum())
            self.check_canceled(feedback)

        self.report_repaired(feedback, repaired, source)
        self.log_percent_green(feedback, source, green_idx, percent[0])
        if skipped:
            feedback.pushWarning(self.tr(
                "{n} parcels have no area or no green ratio: their results are NULL.").format(n=skipped))
        if overfull:
            feedback.pushWarning(self.tr(
                "{n} parcels have surface areas adding up to more than the parcel; they were scaled to fit.")
                .format(n=overfull))
        feedback.pushInfo(self.tr(
            "{m} parcels meet the design rainfall of {h:.1f} mm; storage needed {need:,.0f} m³, provided "
            "{provided:,.0f} m³.").format(m=meeting, h=design_mm, need=total_need, provided=total_provided))
        self.style_output(context, dest_id, self.tr(
            "Sponge-city capture per parcel: runoff coefficient ψ, storage needed V = 10·H·ψ·F for a design "
            "rainfall of {h:.1f} mm, LID storage provided, achieved control rate. Made by the Low-Carbon & "
            "Resilience Planning Toolkit.").format(h=design_mm))
        return {self.OUTPUT: dest_id, self.PARCELS_MEETING: meeting, self.TOTAL_NEED_M3: total_need,
                self.TOTAL_PROVIDED_M3: total_provided, self.DESIGN_MM: design_mm}

    def _check_shares(self, chunk, indices, source):
        """Refuses a share field (0–1) with values outside 0–1, naming the field and the layer."""
        for index in indices:
            values = chunk.values[index]
            with np.errstate(invalid="ignore"):
                bad = (values < 0) | (values > 1)
            if bad.any():
                raise QgsProcessingException(self.tr(
                    "“{field}” of “{layer}” holds shares, which must lie between 0 and 1; {count} parcels have "
                    "values outside it, e.g. {value:g}. For percentages, divide by 100.").format(
                        field=source.fields().at(index).name(), layer=source.sourceName(), count=int(bad.sum()),
                        value=float(values[bad][0])))
