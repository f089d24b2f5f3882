"""lcr:land_cover_shares: impervious share, area retaining the design storm and storm retention of
the land cover in each zone."""
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
)

from ..core import cover_shares, landuse
from .reading import transform_to
from .runoff_glue import CurveNumberAlgorithm

NEW_FIELDS = [("cover_m2", "double"), ("impervious_pct", "double"), ("sponge_area_pct", "double"),
              ("retention", "double"), ("cover_pct", "double")]
MAX_LISTED = 12   # unmatched class values named in the log before "…"


class LandCoverShares(CurveNumberAlgorithm):
    ALG_ID = "land_cover_shares"
    GROUP_ID = "resilience"
    STYLE = "land_cover_shares"

    INPUT = "INPUT"
    LANDCOVER = "LANDCOVER"
    CLASS_FIELD = "CLASS_FIELD"
    IMPERVIOUS_CLASSES = "IMPERVIOUS_CLASSES"
    RAINFALL_MM = "RAINFALL_MM"
    SPONGE_SHARE = "SPONGE_SHARE"
    STORAGE_FIELD = "STORAGE_FIELD"
    OUTPUT = "OUTPUT"
    IMPERVIOUS_PCT = "IMPERVIOUS_PCT"
    SPONGE_AREA_PCT = "SPONGE_AREA_PCT"
    RETENTION = "RETENTION"

    def displayName(self):  # noqa: N802
        return self.tr("Land-cover shares by zone (impervious, sponge, retention)")

    def help_text(self):
        return self.tr(
            "Cuts the land cover by each zone (planning unit or parcel) and measures, of the land cover "
            "found in the zone:\n"
            "impervious_pct: the share covered by the impervious classes (城区不透水表面占比, %);\n"
            "sponge_area_pct: the share whose cover retains at least 70 % of the design storm (%), a "
            "screening reading of the sponge-city target of 70 % of the rainfall absorbed on site "
            "(国办发〔2015〕75号), which is set on annual rainfall;\n"
            "retention: the design storm retained on site, retained / (runoff + retained), 0–1.\n\n"
            "Retention of a cover R = 1 − Q/P by the SCS curve-number method (USDA NRCS TR-55, 1986), "
            "as in Stormwater runoff: S = 25400/CN − 254 mm, Q = (P − λS)² / (P + (1 − λ)S) where P > λS, "
            "else 0. Curve numbers come from the cover's class and hydrologic soil group. The sponge share "
            "and the retention are taken over the area whose curve number is known; covers the table "
            "cannot match are counted in the log.\n\n"
            "With an LID storage field (m³ per zone, e.g. provided_m3 of Sponge-city rainfall capture) the "
            "storage holds the land cover's runoff up to its volume, and that counts as retained: retention = "
            "(Σ A·R + min(1000·S/P, Σ A·(1 − R))) / Σ A. sponge_area_pct stays a share of the land cover.\n\n"
            "Areas are true areas: a polygon straddling two zones gives each the part inside it, and "
            "layers in degrees or Web Mercator are measured in the UTM zone of the zones' centre.\n\n"
            "Output fields: cover_m2 (m² of land cover in the zone), impervious_pct (%), sponge_area_pct "
            "(%), retention (0–1), cover_pct (% of the zone's area the land cover maps); NULL where the zone "
            "holds no land cover (no impervious classes named: impervious_pct NULL). Where the land cover maps "
            "less than half of a zone (an OpenStreetMap extract leaves much ground unmapped) its shares rest on "
            "a small sample and are not assessed (NULL); the log counts such zones.")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.add_parameter(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Zones"), polygon),
                           self.tr("Planning units or parcels; the output is these zones."))
        self.add_parameter(QgsProcessingParameterFeatureSource(self.LANDCOVER, self.tr("Land cover"), polygon),
                           self.tr("Land-cover polygons with a class."))
        self.add_parameter(QgsProcessingParameterField(
            self.CLASS_FIELD, self.tr("Land-cover class field"), parentLayerParameterName=self.LANDCOVER,
            type=QgsProcessingParameterField.DataType.Any),
            self.tr("Land-cover class of each polygon: an integer code (matched to the table's lucode) or a "
                    "name (matched to class, ignoring case)."))
        self.add_parameter(QgsProcessingParameterString(
            self.IMPERVIOUS_CLASSES, self.tr("Impervious classes (comma-separated)"), defaultValue="1, 2",
            optional=True),
            self.tr("Classes of sealed ground, as the class field holds them (1, 2: built_up and road in the "
                    "shipped curve number table's codes). Empty: impervious_pct is not measured."))
        self.add_soil_field_parameter(self.LANDCOVER, self.tr(
            "Hydrologic soil group of each land-cover polygon: A, B, C, D or 1–4. Polygons with other values "
            "have no curve number. Empty: the default soil group everywhere."))
        self.add_default_soil_parameter()
        self.add_parameter(QgsProcessingParameterNumber(
            self.RAINFALL_MM, self.tr("Design rainfall (mm)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=25, minValue=0.001),
            self.tr("Rainfall depth of the design storm, in millimetres (sponge-city design rainfall of the "
                    "target annual runoff control rate; about 25 mm for 75 % in a Jiaxing-like climate)."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.SPONGE_SHARE, self.tr("Share of the storm to retain (0–1)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=cover_shares.SPONGE_RETENTION, minValue=0, maxValue=1),
            self.tr("A cover counts towards sponge_area_pct where its retention is at least this (0.7: 70 % of "
                    "the rainfall absorbed on site)."), advanced=True)
        self.add_parameter(QgsProcessingParameterField(
            self.STORAGE_FIELD, self.tr("LID storage field of the zones (m³)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Storage of the LID measures in each zone (bioretention, permeable paving, green roofs, tanks), "
                    "e.g. provided_m3 of Sponge-city rainfall capture: it holds runoff, which then counts as "
                    "retained. Missing or negative values count as 0. Empty: the land cover alone."), advanced=True)
        self.add_curve_parameters()
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Land-cover shares"), QgsProcessing.SourceType.TypeVectorPolygon),
                           self.tr("The zones with cover_m2, impervious_pct, sponge_area_pct, retention and cover_pct added."))
        self.addOutput(QgsProcessingOutputNumber(self.IMPERVIOUS_PCT, self.tr("Impervious share over all zones (%)")))
        self.addOutput(QgsProcessingOutputNumber(
            self.SPONGE_AREA_PCT, self.tr("Share retaining the design storm over all zones (%)")))
        self.addOutput(QgsProcessingOutputNumber(self.RETENTION, self.tr("Storm retention over all zones (0–1)")))

    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        cover = self.polygon_source(parameters, self.LANDCOVER, context)
        class_idx = self.field_index(parameters, self.CLASS_FIELD, cover, context, numeric=False)
        if class_idx < 0:
            raise QgsProcessingException(self.tr("Choose the class field of “{layer}”.")
                                         .format(layer=cover.sourceName()))
        soil_idx = self.field_index(parameters, self.SOIL_FIELD, cover, context, numeric=False)
        impervious = landuse.parse_category_list(self.parameterAsString(parameters, self.IMPERVIOUS_CLASSES, context))
        if not impervious:
            feedback.pushWarning(self.tr("No impervious classes given: impervious_pct stays empty (NULL)."))
        p_mm = self.parameterAsDouble(parameters, self.RAINFALL_MM, context)
        share = self.parameterAsDouble(parameters, self.SPONGE_SHARE, context)
        table, table_path, lam = self.curve_table(parameters, context, feedback, p_mm)
        default_soil = self.default_soil(parameters, context, feedback, soil_idx)

        storage_idx = self.field_index(parameters, self.STORAGE_FIELD, source, context)
        crs, _ = self.measuring_crs(source, context, feedback)
        zone_chunk = self.read_whole(source, crs, context, feedback, numeric=[storage_idx] if storage_idx >= 0 else [])
        sums = cover_shares.CoverSums.empty(len(zone_chunk.features))
        numeric, text = self.read_indices(cover, class_idx, soil_idx)
        counts = {"outside": 0, "unmatched": 0, "repaired": 0, "sealed": 0}
        unmatched, used = set(), []
        for chunk in self.read_chunks(cover, feedback, numeric, text, transform=transform_to(cover, crs, context)):
            rows, soil, cn = self.polygon_cn(chunk, class_idx, soil_idx, default_soil, table)
            sealed = landuse.in_categories(chunk.values[class_idx], impervious)
            counts["outside"] += sums.add(zone_chunk.geometry, chunk.geometry, sealed,
                                          cover_shares.storm_retention(cn, p_mm, lam), sponge_share=share,
                                          is_canceled=feedback.isCanceled)
            missing = np.isnan(cn)
            counts["unmatched"] += int(missing.sum())
            counts["sealed"] += int(sealed.sum())
            counts["repaired"] += chunk.repaired
            if missing.any() and len(unmatched) < MAX_LISTED:
                unmatched.update(landuse.category_keys(chunk.values[class_idx][missing][:MAX_LISTED]).tolist())
            used.append(rows[~missing])
            self.check_canceled(feedback)

        if storage_idx >= 0:
            self._add_storage(feedback, sums, zone_chunk.values[storage_idx], p_mm, source, storage_idx)
        columns, thin = cover_shares.thin_cover(cover_shares.cover_shares(sums, with_impervious=bool(impervious)),
                                                shapely.area(zone_chunk.geometry))
        dest_id = self.write_layer(parameters, self.OUTPUT, context, feedback, source, zone_chunk, NEW_FIELDS,
                                   [columns[name] for name, _ in NEW_FIELDS])
        self._report(feedback, cover, counts, unmatched, impervious, columns)
        self._report_thin(feedback, columns, thin)
        self.warn_unverified(feedback, table, np.concatenate(used) if used else [])
        overall = cover_shares.cover_shares(sums.total(), with_impervious=bool(impervious))
        self.style_output(context, dest_id, self.tr(
            "Land cover of each zone: impervious share, share retaining {s:.0%} of a {p} mm design storm and the "
            "storm retained (SCS curve number, λ = {lam}, curve numbers from {path}). Made by the Low-Carbon & "
            "Resilience Planning Toolkit.").format(s=share, p=p_mm, lam=lam, path=table_path))
        return {self.OUTPUT: dest_id, self.IMPERVIOUS_PCT: float(overall["impervious_pct"][0]),
                self.SPONGE_AREA_PCT: float(overall["sponge_area_pct"][0]),
                self.RETENTION: float(overall["retention"][0])}

    def _add_storage(self, feedback, sums, storage, p_mm, source, index):
        """The runoff each zone's LID storage holds, added to what its land cover retains (logged)."""
        storage = np.asarray(storage, dtype=float)
        bad = int((~(storage >= 0)).sum())
        if bad:
            feedback.pushWarning(self.tr("{n} zones have a missing or negative {field}: no LID storage there.")
                                 .format(n=bad, field=source.fields().at(index).name()))
        held = cover_shares.storage_retained_m2(sums, storage, p_mm)
        sums.retained_m2 += held
        feedback.pushInfo(self.tr(
            "LID storage ({field}): {held:,.1f} of {total:,.1f} m³ hold runoff of the {p:g} mm storm in {n} zones, "
            "counted as retained.").format(field=source.fields().at(index).name(), held=float(held.sum()) * p_mm
                                           / 1000.0, total=float(np.nansum(np.clip(storage, 0.0, None))), p=p_mm,
                                           n=int((held > 0).sum())))

    def _report_thin(self, feedback, columns, thin):
        """The zones whose land cover is too thin to judge, named by how much of them it covers."""
        if not thin.any():
            return
        shares = np.sort(columns["cover_pct"][thin])
        feedback.pushWarning(self.tr(
            "{n} zones are less than {min:.0%} covered by land cover (the land cover covers only {shares} % of the "
            "zone): their impervious_pct, sponge_area_pct and retention are not assessed (NULL), as shares of so "
            "little of the zone would say little about it; cover_pct gives each zone's share.").format(
                n=int(thin.sum()), min=cover_shares.MIN_COVER_SHARE,
                shares=", ".join(f"{v:.0f}" for v in shares[:MAX_LISTED]) + (", …" if len(shares) > MAX_LISTED
                                                                               else "")))

    def _report(self, feedback, cover, counts, unmatched, impervious, columns):
        if counts["unmatched"]:
            values = sorted(str(v) for v in unmatched if v is not None)
            feedback.pushWarning(self.tr(
                "{n} land-cover polygons have a class or soil group the curve number table cannot match ({values}): "
                "they count in cover_m2 and impervious_pct but not in sponge_area_pct and retention.").format(
                    n=counts["unmatched"], values=", ".join(values[:MAX_LISTED]) or "NULL"))
        if impervious and not counts["sealed"]:
            feedback.pushWarning(self.tr(
                "No land-cover polygon of “{layer}” has an impervious class ({classes}): check the classes against "
                "the values of the class field.").format(layer=cover.sourceName(),
                                                         classes=", ".join(sorted(impervious))))
        if counts["outside"]:
            feedback.pushInfo(self.tr("{n} land-cover polygons lie outside every zone.").format(n=counts["outside"]))
        if counts["repaired"]:
            feedback.pushWarning(self.tr("{n} invalid land-cover geometries were repaired for the overlay.")
                                 .format(n=counts["repaired"]))
        empty = int((columns["cover_m2"] <= 0).sum())
        if empty:
            feedback.pushWarning(self.tr("{n} zones hold no land cover: their shares stay empty (NULL).")
                                 .format(n=empty))
