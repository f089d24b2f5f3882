"""lcr:habitat_fragmentation: effective mesh size of habitat cut by roads, and InVEST-style habitat quality."""
import numpy as np
import shapely
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core import habitat as core_habitat
from .base import LcrAlgorithm, factor_names
from .reading import transform_to

NEW_FIELDS = [("mesh_ha", "double"), ("patches", "int"), ("habitat_ha", "double"), ("hq_mean", "double"),
              ("degr_mean", "double")]


class HabitatFragmentation(LcrAlgorithm):
    ALG_ID = "habitat_fragmentation"
    GROUP_ID = "resilience"
    STYLE = "habitat_fragmentation"

    HABITAT = "HABITAT"
    HABITAT_CLASS_FIELD = "HABITAT_CLASS_FIELD"
    HABITAT_TABLE = "HABITAT_TABLE"
    ROADS = "ROADS"
    ROAD_WIDTH_FIELD = "ROAD_WIDTH_FIELD"
    ROAD_WIDTH = "ROAD_WIDTH"
    ROAD_MAX_DISTANCE = "ROAD_MAX_DISTANCE"
    BUILT_MAX_DISTANCE = "BUILT_MAX_DISTANCE"
    DECAY = "DECAY"
    ROAD_WEIGHT = "ROAD_WEIGHT"
    BUILT_WEIGHT = "BUILT_WEIGHT"
    HALF_SATURATION = "HALF_SATURATION"
    SAMPLE_SPACING = "SAMPLE_SPACING"
    UNITS = "UNITS"
    OUTPUT = "OUTPUT"
    MEAN_MESH_HA = "MEAN_MESH_HA"
    MEAN_HQ = "MEAN_HQ"

    def displayName(self):  # noqa: N802
        return self.tr("Habitat fragmentation and quality")

    def help_text(self):
        return self.tr(
            "Measures, per planning unit, how much transport infrastructure cuts habitat into pieces, "
            "and how much roads and built-up land degrade what is left.\n\n"
            "Habitat: land-cover polygons whose class has a habitat suitability H above 0 in the habitat "
            "table. Barriers: roads buffered by half their width (a road of width 0 cuts as a line), "
            "and built-up land. Rails or other linear barriers can be merged into the roads layer.\n\n"
            "Effective mesh size (Jaeger 2000), CUT variant: the habitat is clipped at each unit's "
            "boundary, cut by the barriers, and m_eff = Σ A_i² / A_unit, with A_i the areas of the "
            "remaining patches and A_unit the unit's whole area. It is the expected area reachable from "
            "a random point of the unit without crossing a barrier.\n\n"
            "Habitat quality (InVEST Habitat Quality, vector form): at sample points inside the habitat "
            "(a regular grid of the sample spacing, plus one point per habitat piece), the impact of each "
            "threat is exp(−2.99·d/d_max) (exponential) or 1 − d/d_max (linear), 0 beyond d_max, with d "
            "the distance to the NEAREST road or built-up polygon (as InVEST ≥ 3.13). Degradation "
            "D = Σ (w_r/Σw)·i_r·S_jr with the class's sensitivities; quality Q = H·(1 − D^2.5/(D^2.5 + "
            "k^2.5)). k is the half-saturation constant: 0.5 as in InVEST's tests; the InVEST User's "
            "Guide suggests starting with 0.05 and setting k to half the largest degradation found.\n\n"
            "The shipped table (resources/factors/habitat_sensitivity.csv, columns lucode, class, habitat, "
            "sens_roads, sens_built, built) is keyed to the demo district's codes and holds team "
            "estimates marked unverified: replace it with local values. Distances need metres: a "
            "geographic or Web Mercator layer is measured in the UTM zone of its centre.\n\n"
            "Output: the planning units with mesh_ha (ha), patches (count), habitat_ha (habitat area "
            "before cutting, ha), hq_mean (area-weighted mean quality, 0–1) and degr_mean (mean "
            "degradation). MEAN_MESH_HA is the effective mesh size of all units together "
            "(Σ Σ A_i² / Σ A_unit); MEAN_HQ the habitat-area-weighted mean quality.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.HABITAT, self.tr("Land cover (habitat)"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("Land-cover polygons; classes with habitat suitability above 0 are habitat, classes "
                    "marked built are the built-up threat."))
        self.add_parameter(QgsProcessingParameterField(
            self.HABITAT_CLASS_FIELD, self.tr("Land-cover class field"), parentLayerParameterName=self.HABITAT,
            type=QgsProcessingParameterField.DataType.Any),
            self.tr("An integer code (matched to the table's lucode) or a class name (matched to class)."))
        self.add_parameter(QgsProcessingParameterFile(
            self.HABITAT_TABLE, self.tr("Habitat table (CSV)"), extension="csv", optional=True),
            self.tr("CSV with lucode, class, habitat (H 0–1), sens_roads, sens_built (0–1), optionally built "
                    "(1 for built-up classes), source, year, verified. Empty: the shipped table."), advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.ROADS, self.tr("Roads"), [QgsProcessing.SourceType.TypeVectorLine]),
            self.tr("Road (and rail) centre lines: barriers and the ROADS threat."))
        self.add_parameter(QgsProcessingParameterField(
            self.ROAD_WIDTH_FIELD, self.tr("Road width field (m)"), parentLayerParameterName=self.ROADS,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Full width of each road in metres. Empty values take the default width."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.ROAD_WIDTH, self.tr("Default road width (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=10, minValue=0),
            self.tr("Width of roads without a width value. 0 cuts the habitat along the centre line."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.ROAD_MAX_DISTANCE, self.tr("Road threat distance (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=1000, minValue=0),
            self.tr("d_max of the ROADS threat: beyond it roads have no impact."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.BUILT_MAX_DISTANCE, self.tr("Built-up threat distance (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=500, minValue=0),
            self.tr("d_max of the BUILT_UP threat: beyond it built-up land has no impact."))
        self.add_parameter(QgsProcessingParameterEnum(
            self.DECAY, self.tr("Distance decay"), [self.tr("Exponential"), self.tr("Linear")], defaultValue=0),
            self.tr("Exponential: exp(−2.99·d/d_max), 5 % left at d_max. Linear: 1 − d/d_max."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.ROAD_WEIGHT, self.tr("Road threat weight"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=1, minValue=0),
            self.tr("Relative weight of roads; weights are normalised to sum to 1."), advanced=True)
        self.add_parameter(QgsProcessingParameterNumber(
            self.BUILT_WEIGHT, self.tr("Built-up threat weight"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=1, minValue=0),
            self.tr("Relative weight of built-up land; weights are normalised to sum to 1."), advanced=True)
        self.add_parameter(QgsProcessingParameterNumber(
            self.HALF_SATURATION, self.tr("Half-saturation constant k"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.5, minValue=0.000001),
            self.tr("Degradation at which quality is halved. 0.5 as in InVEST's tests; the InVEST User's Guide "
                    "suggests 0.05 to start, then half the largest degradation found."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.SAMPLE_SPACING, self.tr("Quality sample spacing (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=20, minValue=0),
            self.tr("Spacing of the grid of points where quality is sampled. 0: one point per habitat piece."),
            advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.UNITS, self.tr("Planning units"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("Reporting units; habitat is clipped at their boundaries (CUT variant)."))
        self.add_parameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Habitat fragmentation"), QgsProcessing.SourceType.TypeVectorPolygon),
            self.tr("The planning units with mesh_ha, patches, habitat_ha, hq_mean and degr_mean."))
        self.addOutput(QgsProcessingOutputNumber(self.MEAN_MESH_HA, self.tr("Effective mesh size of all units (ha)")))
        self.addOutput(QgsProcessingOutputNumber(self.MEAN_HQ, self.tr("Mean habitat quality")))

    def error_messages(self):
        return {}

    def _check_memory(self, habitat, spacing):
        """Refuse, before the long fragmentation step, a sample spacing whose points would not fit in memory."""
        area = float(np.nansum(shapely.area(habitat))) if len(habitat) else 0.0
        estimate = core_habitat.sample_memory_estimate(area, spacing, len(habitat))
        self.refuse_if_too_big(estimate, self.tr(
            "Sampling habitat quality every {s:g} m over {ha:,.0f} ha of habitat (about {n:,.0f} points)").format(
                s=spacing, ha=area / 1e4, n=area / spacing ** 2 if spacing > 0 else len(habitat)), self.tr(
            "Raise “{parameter}” (now {value:g} m); the default is 20 m.").format(
                parameter=self.parameterDefinition(self.SAMPLE_SPACING).description(), value=spacing))

    def compute(self, parameters, context, feedback):
        table_path = (self.parameterAsFile(parameters, self.HABITAT_TABLE, context)
                      or self.factor_table("habitat_sensitivity.csv", feedback))
        table = core_habitat.read_habitat_table(table_path)
        source = self.polygon_source(parameters, self.HABITAT, context)
        class_idx = self.field_index(parameters, self.HABITAT_CLASS_FIELD, source, context, numeric=False)
        if class_idx < 0:
            raise QgsProcessingException(self.tr("Choose the land-cover class field of “{layer}”.")
                                         .format(layer=source.sourceName()))
        roads = self.feature_source(parameters, self.ROADS, context, QgsWkbTypes.GeometryType.LineGeometry)
        width_idx = self.field_index(parameters, self.ROAD_WIDTH_FIELD, roads, context)
        units = self.polygon_source(parameters, self.UNITS, context)
        transform, to_m2 = self.area_measure(source, context, feedback)
        if abs(to_m2 - 1.0) > 1e-9:
            raise QgsProcessingException(self.tr(
                "“{layer}” is in a CRS whose unit is not the metre; reproject it to a projected CRS in metres.")
                .format(layer=source.sourceName()))
        target = transform.destinationCrs() if transform is not None else source.sourceCrs()

        # Land cover: habitat suitability, sensitivities, built-up threat.
        is_num = source.fields().at(class_idx).isNumeric()
        chunk = next(self.read_chunks(source, feedback, [class_idx] if is_num else [],
                                      [] if is_num else [class_idx], transform=transform, whole=True))
        self.report_repaired(feedback, chunk.repaired, source)
        rows, unknown = core_habitat.match_classes(chunk.values[class_idx], table)
        if unknown:
            feedback.pushWarning(self.tr(
                "{n} land-cover polygons have a class the habitat table does not list ({values}); they count "
                "as non-habitat.").format(n=sum(unknown.values()),
                                          values=", ".join(sorted(unknown)[:12])))
        known = rows >= 0
        lookup = np.where(known, rows, 0)
        h = np.where(known, table.column("habitat")[lookup], 0.0)
        s_roads = np.where(known, table.column("sens_roads")[lookup], 0.0)
        s_built = np.where(known, table.column("sens_built")[lookup], 0.0)
        built_mask = known & table.frame["built"].to_numpy(bool)[lookup] & ~shapely.is_missing(chunk.geometry)
        land = chunk.geometry
        built = land[built_mask]
        unverified = table.unverified(rows[known])
        if unverified:
            feedback.pushWarning(self.tr("Unverified habitat values were used for: {classes}.")
                                 .format(classes=", ".join(factor_names(unverified, "habitat_sensitivity.csv", "class"))))

        # Roads in the same CRS.
        request = QgsFeatureRequest()
        if roads.sourceCrs() != target:
            request.setDestinationCrs(target, context.transformContext())
            feedback.pushInfo(self.tr("The roads are reprojected from {a} to {b}.").format(
                a=roads.sourceCrs().authid(), b=target.authid()))
        road_chunk = next(self.read_chunks(roads, feedback, [width_idx] if width_idx >= 0 else [],
                                           request=request, whole=True,
                                           nodata=[width_idx] if width_idx >= 0 else []))
        default_width = self.parameterAsDouble(parameters, self.ROAD_WIDTH, context)
        widths = np.full(len(road_chunk.features), default_width)
        if width_idx >= 0:
            given = road_chunk.values[width_idx]
            missing = np.isnan(given) | (given < 0)
            if missing.any():
                feedback.pushWarning(self.tr("{n} roads have no valid width: they take {w} m.")
                                     .format(n=int(missing.sum()), w=default_width))
            widths = np.where(missing, default_width, given)
        road_geoms = road_chunk.geometry
        present = ~shapely.is_missing(road_geoms)
        barriers, is_line = core_habitat.barrier_geometries(road_geoms[present], widths[present])

        spacing = self.parameterAsDouble(parameters, self.SAMPLE_SPACING, context)
        self._check_memory(land[h > 0], spacing)

        # Units, measured in the same CRS; written unchanged.
        unit_chunk = next(self.read_chunks(units, feedback, transform=transform_to(units, target, context),
                                           whole=True))
        # Patches take about the first 60 % of the time; quality sampling the rest.
        frag = core_habitat.fragmentation(unit_chunk.geometry, land, h, barriers, is_line, built,
                                          progress=lambda p: feedback.setProgress(0.6 * p),
                                          is_canceled=feedback.isCanceled)
        pieces, owner, hab = frag["pieces"], frag["piece_unit"], frag["piece_habitat"]
        decay = core_habitat.DECAYS[self.parameterAsEnum(parameters, self.DECAY, context)]
        degr, hq = core_habitat.habitat_quality(
            pieces, h[hab], s_roads[hab], s_built[hab], barriers, built,
            self.parameterAsDouble(parameters, self.ROAD_MAX_DISTANCE, context),
            self.parameterAsDouble(parameters, self.BUILT_MAX_DISTANCE, context), decay, decay,
            self.parameterAsDouble(parameters, self.ROAD_WEIGHT, context),
            self.parameterAsDouble(parameters, self.BUILT_WEIGHT, context),
            self.parameterAsDouble(parameters, self.HALF_SATURATION, context), spacing,
            is_canceled=feedback.isCanceled)
        self.check_canceled(feedback)
        n = len(unit_chunk.features)
        piece_area = shapely.area(pieces)
        hq_mean = core_habitat.unit_means(owner, piece_area, hq, n)
        degr_mean = core_habitat.unit_means(owner, piece_area, degr, n)
        mesh_ha = frag["mesh_m2"] / 1e4
        habitat_ha = frag["habitat_m2"] / 1e4

        fields, positions = self.output_fields(units.fields(), NEW_FIELDS, feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         units.wkbType(), units.sourceCrs())
        self.write_chunk(sink, unit_chunk, units.fields().count(), positions,
                         [mesh_ha, frag["patches"], habitat_ha, hq_mean, degr_mean], parameters, self.OUTPUT)

        total_unit = float(frag["unit_m2"].sum())
        mean_mesh = float((frag["mesh_m2"] * frag["unit_m2"]).sum() / total_unit / 1e4) if total_unit > 0 else 0.0
        weight = np.where(np.isnan(hq), 0.0, piece_area)
        mean_hq = float(np.nansum(hq * weight) / weight.sum()) if weight.sum() > 0 else float("nan")
        if not (h > 0).any():
            feedback.pushWarning(self.tr("No land-cover class is habitat (H above 0): check the class field "
                                         "and the habitat table."))
        if np.isfinite(mean_hq):
            feedback.pushInfo(self.tr("Effective mesh size of all units {m:,.2f} ha; mean habitat quality {q:.3f}.")
                              .format(m=mean_mesh, q=mean_hq))
        else:
            feedback.pushInfo(self.tr("Effective mesh size of all units {m:,.2f} ha; habitat quality could not be "
                                      "measured: no habitat lies in the units.").format(m=mean_mesh))
        self.style_output(context, dest_id, self.tr(
            "Habitat fragmentation: effective mesh size (Jaeger 2000, CUT variant) of habitat cut by roads "
            "and built-up land, and InVEST-style habitat quality. Values from {path}. Made by the "
            "Low-Carbon & Resilience Planning Toolkit.").format(path=table_path))
        return {self.OUTPUT: dest_id, self.MEAN_MESH_HA: mean_mesh, self.MEAN_HQ: mean_hq}
