"""lcr:land_use_mix: land-use entropy, HHI, floor area ratio, density and jobs–housing per planning unit."""
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
    QgsProcessingParameterString,
)

from ..core import landuse, landuse_codes
from .base import LcrAlgorithm
from .reading import transform_to
from .landuse_codes import READ_SCHEMES as LANDUSE_SCHEMES
from .landuse_codes import LanduseSchemes

NEW_FIELDS = [("lum_entropy", "double"), ("lum_k", "int"), ("lum_hhi", "double"), ("far", "double"),
              ("density_pph", "double"), ("jobs_housing", "double")]


class LandUseMix(LanduseSchemes, LcrAlgorithm):
    ALG_ID = "land_use_mix"
    GROUP_ID = "low_carbon"
    STYLE = "land_use_mix"

    INPUT = "INPUT"
    ZONES = "ZONES"
    LANDUSE_FIELD = "LANDUSE_FIELD"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    CODE_DIGITS = "CODE_DIGITS"
    EXCLUDE_CATEGORIES = "EXCLUDE_CATEGORIES"
    ENTROPY_K = "ENTROPY_K"
    K_FIXED = "K_FIXED"
    FAR_FIELD = "FAR_FIELD"
    GFA_FIELD = "GFA_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    JOBS_FIELD = "JOBS_FIELD"
    WORKER_SHARE = "WORKER_SHARE"
    OUTPUT = "OUTPUT"
    MEAN_ENTROPY = "MEAN_ENTROPY"

    def displayName(self):  # noqa: N802
        return self.tr("Land-use mix and intensity")

    def help_text(self):
        return self.tr(
            "Measures how mixed and how intense the land use of each planning unit is.\n\n"
            "Each land-use polygon (e.g. a parcel) is cut by the units: a parcel straddling two units "
            "gives each the area inside it, and its floor area, residents and jobs are split in "
            "proportion to that area.\n\n"
            "Land-use entropy H = −Σ p_j ln p_j / ln K, p_j being the share of the unit's classified "
            "land in category j (Cervero & Kockelman 1997; Frank et al. 2004). 0 = one use, 1 = K uses "
            "in equal shares. K is the number of categories considered: all categories present in the "
            "study area (the units), those present in the unit itself, or a fixed number; results "
            "differ, so lum_k and the log state the K used. HHI = Σ p_j².\n\n"
            "Categories: the land-use field as it is, or its first N characters (2 gives the first-level "
            "class of a Chinese land-use code: 0701 → 07). An optional category field wins where it is "
            "filled. Listed categories (e.g. 17 water, 12 roads) are left out of the mix and of the "
            "land area.\n\n"
            "far = Σ gross floor area / land area (the unit less its left-out categories); floor area "
            "is the GFA field where above 0, else FAR field × parcel area. density_pph = residents per "
            "hectare of unit. jobs_housing = jobs / (residents × resident workers per resident); with "
            "the default share 1 it is jobs per resident. Fields are NULL where their inputs are not "
            "given or a denominator is 0.\n\n"
            "Areas are true areas: units in a geographic CRS or Web Mercator are measured in the UTM "
            "zone of their centre.\n\n"
            "Output: the units with lum_entropy (0–1), lum_k (categories), lum_hhi (0–1), far (m²/m²), "
            "density_pph (persons/ha), jobs_housing (ratio). MEAN_ENTROPY: mean entropy weighted by "
            "unit area.")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.add_parameter(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Land use"), polygon),
                           self.tr("Land-use polygons, e.g. parcels, each with a land-use code."))
        self.add_parameter(QgsProcessingParameterFeatureSource(self.ZONES, self.tr("Planning units"), polygon),
                           self.tr("The units to measure (polygons); the output is these units."))
        self.add_parameter(QgsProcessingParameterField(
            self.LANDUSE_FIELD, self.tr("Land-use field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Any),
            self.tr("Land-use code or class of each polygon (e.g. 0701, or residential). Keep codes as "
                    "text: a number field loses leading zeros."))
        self.add_parameter(QgsProcessingParameterField(
            self.CATEGORY_FIELD, self.tr("Category field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("A field mapping each polygon to a coarser category; where filled it is used as it "
                    "is instead of the land-use field."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.CODE_DIGITS, self.tr("Leading characters of the code that make the category"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=0, minValue=0, maxValue=20),
            self.tr("0 uses the land-use value as it is; 2 groups codes by their first two characters "
                    "(0701, 0703 → 07)."))
        self.add_parameter(QgsProcessingParameterString(
            self.EXCLUDE_CATEGORIES, self.tr("Categories to leave out (comma-separated)"), optional=True),
            self.tr("Categories counted neither in the mix nor in the land area, e.g. “17, 12” for water "
                    "and roads with two-character categories. They must match the category exactly."))
        self.add_parameter(QgsProcessingParameterEnum(
            self.ENTROPY_K, self.tr("Number of categories K in the entropy"),
            [self.tr("All categories present in the study area"),
             self.tr("Categories present in the unit"),
             self.tr("A fixed number (K fixed)")], defaultValue=0),
            self.tr("The study area is the set of units. Comparing units needs one K for all: keep the "
                    "default or a fixed K."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.K_FIXED, self.tr("K fixed"), QgsProcessingParameterNumber.Type.Integer, optional=True,
            minValue=2),
            self.tr("The number of categories K when K is fixed (e.g. the classes a plan distinguishes)."))
        self.add_parameter(QgsProcessingParameterField(
            self.FAR_FIELD, self.tr("Floor area ratio field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Floor area ratio (容积率) of each polygon; floor area = FAR × its area."))
        self.add_parameter(QgsProcessingParameterField(
            self.GFA_FIELD, self.tr("Gross floor area field (m²)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Gross floor area of each polygon; where above 0 it wins over the FAR field."))
        self.add_parameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Residents field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Residents of each polygon; missing values count as 0."))
        self.add_parameter(QgsProcessingParameterField(
            self.JOBS_FIELD, self.tr("Jobs field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            self.tr("Jobs located in each polygon; with residents it gives the jobs–housing ratio."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.WORKER_SHARE, self.tr("Resident workers per resident"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=1.0, minValue=0.01, maxValue=1.0),
            self.tr("Employed residents per resident, to turn residents into resident workers. 1 gives "
                    "jobs per resident; a local employment rate gives the jobs–housing ratio (职住比), "
                    "balanced near 1."), advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Land-use mix")),
                           self.tr("The planning units with lum_entropy, lum_k, lum_hhi, far, density_pph "
                                   "and jobs_housing added."))
        self.add_scheme_parameter(self.tr(
            "Codes of GB 50137 or of the third land survey (三调) read as 2023 codes "
            "(resources/factors/landuse_crosswalk.csv) fall into the same first-level classes as 2023 "
            "codes do; codes the crosswalk does not know count as having no category."))
        self.addOutput(QgsProcessingOutputNumber(self.MEAN_ENTROPY, self.tr("Mean land-use entropy (area-weighted)")))

    def error_messages(self):
        return {
            "k_fixed_too_small": self.tr("A fixed K must be 2 or more (given: {value})."),
            "k_mode_unknown": self.tr("Unknown choice of K: {value}."),
            "code_digits_negative": self.tr("The number of leading characters cannot be negative."),
            "worker_share_not_positive": self.tr("Resident workers per resident must be above 0."),
            **self.crosswalk_messages(),
        }

    def compute(self, parameters, context, feedback):
        source = self.polygon_source(parameters, self.INPUT, context)
        zones = self.polygon_source(parameters, self.ZONES, context)
        lu_idx = self.field_index(parameters, self.LANDUSE_FIELD, source, context, numeric=False)
        cat_idx = self.field_index(parameters, self.CATEGORY_FIELD, source, context, numeric=False)
        far_idx = self.field_index(parameters, self.FAR_FIELD, source, context)
        gfa_idx = self.field_index(parameters, self.GFA_FIELD, source, context)
        pop_idx = self.field_index(parameters, self.POPULATION_FIELD, source, context)
        jobs_idx = self.field_index(parameters, self.JOBS_FIELD, source, context)
        digits = self.parameterAsInt(parameters, self.CODE_DIGITS, context)
        excluded = landuse.parse_category_list(self.parameterAsString(parameters, self.EXCLUDE_CATEGORIES, context))
        k_mode = self.parameterAsEnum(parameters, self.ENTROPY_K, context)
        k_fixed = None
        if parameters.get(self.K_FIXED) not in (None, ""):
            k_fixed = self.parameterAsInt(parameters, self.K_FIXED, context)
        if k_mode == landuse.K_FIXED and k_fixed is None:
            raise QgsProcessingException(self.tr(
                "K is set to a fixed number but “K fixed” is empty: give the number of categories."))
        worker_share = self.parameterAsDouble(parameters, self.WORKER_SHARE, context)
        if digits and source.fields().at(lu_idx).isNumeric():
            feedback.pushInfo(self.tr(
                "The land-use field is numeric: codes that lost their leading zero (701) are read as 0701 "
                "before their first {n} characters are taken.").format(n=digits))
        scheme = self.read_scheme(parameters, context)
        crosswalk = None
        if scheme is not None:
            crosswalk_path = self.factor_table("landuse_crosswalk.csv", feedback)
            crosswalk = landuse_codes.read_crosswalk(crosswalk_path)
            feedback.pushInfo(self.tr("Land-use codes are read as {scheme} and translated to 用地用海分类 2023 codes "
                                      "through {path}.").format(
                scheme=self.scheme_names()[LANDUSE_SCHEMES.index(scheme)], path=crosswalk_path))
        unknown_codes = {}

        # Areas are measured in the units' CRS, or in UTM where that CRS would distort them.
        transform, to_m2 = self.area_measure(zones, context, feedback)
        measure_crs = transform.destinationCrs() if transform is not None else zones.sourceCrs()
        zone_chunk = next(self.read_chunks(zones, feedback, transform=transform, whole=True))
        zone_m2 = np.nan_to_num(shapely.area(zone_chunk.geometry), nan=0.0) * to_m2
        if zone_chunk.repaired:
            feedback.pushWarning(self.tr("{n} invalid unit geometries were repaired for the overlay.")
                                 .format(n=zone_chunk.repaired))
        input_transform = transform_to(source, measure_crs, context)
        if input_transform is not None:
            feedback.pushInfo(self.tr("The land-use layer is reprojected from {a} to {b} for the overlay.")
                              .format(a=source.sourceCrs().authid(), b=measure_crs.authid()))

        tally = landuse.LandUseTally(zone_chunk.geometry, excluded, to_m2)
        numeric = [i for i in (far_idx, gfa_idx, pop_idx, jobs_idx) if i >= 0]
        text = [i for i in (lu_idx, cat_idx) if i >= 0]
        repaired = 0
        # a FAR of 9999 is a nodata fill, not a tower block
        for chunk in self.read_chunks(source, feedback, numeric, text, transform=input_transform,
                                      nodata=[far_idx] if far_idx >= 0 else []):
            codes = chunk.values[lu_idx]
            if crosswalk is not None:
                translated = landuse_codes.translate(codes, crosswalk, scheme)
                codes = translated["code"]
                for code, count in translated["unknown"].items():
                    unknown_codes[code] = unknown_codes.get(code, 0) + count
            categories = landuse.category_keys(codes, digits, chunk.values.get(cat_idx))
            tally.add(chunk.geometry, categories, far=chunk.values.get(far_idx), gfa_m2=chunk.values.get(gfa_idx),
                      residents=chunk.values.get(pop_idx), jobs=chunk.values.get(jobs_idx))
            repaired += chunk.repaired
            self.check_canceled(feedback)

        if unknown_codes:
            feedback.pushWarning(self.tr(
                "{n} polygons have a land-use code that the crosswalk does not know ({codes}): they have no "
                "category.").format(n=sum(unknown_codes.values()),
                                    codes=", ".join(f"{c} ({k})" for c, k in
                                                    sorted(unknown_codes.items(), key=lambda i: -i[1])[:12])))
        table = tally.land_table()
        if table.shape[1] == 0 or not (table.to_numpy() > 0).any():
            raise QgsProcessingException(self.tr(
                "No classified land-use polygon of “{layer}” overlaps the planning units. Check that both "
                "layers cover the same place and that the land-use field is filled.").format(
                    layer=source.sourceName()))
        h, k, hhi, n_over_k = landuse.mix(table, k_mode, k_fixed)
        land_m2 = np.maximum(zone_m2 - tally.excluded_m2, 0.0)
        has_intensity = far_idx >= 0 or gfa_idx >= 0
        far, density, ratio = landuse.intensity(
            tally.gfa_m2 if has_intensity else None, tally.residents if pop_idx >= 0 else None,
            tally.jobs if jobs_idx >= 0 else None, zone_m2, land_m2, worker_share)
        mean = landuse.area_weighted_mean(h, zone_m2)

        fields, positions = self.output_fields(zones.fields(), NEW_FIELDS, feedback)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields,
                                         zones.wkbType(), zones.sourceCrs())
        self.write_chunk(sink, zone_chunk, zones.fields().count(), positions,
                         [h, k, hhi, far, density, ratio], parameters, self.OUTPUT)

        self._report(feedback, table, k_mode, k, excluded, tally, repaired, n_over_k, h, pop_idx, mean)
        self.style_output(context, dest_id, self.tr(
            "Land-use mix per planning unit: entropy −Σ p ln p / ln K ({k}), HHI Σ p², floor area ratio, "
            "residents per hectare and jobs–housing ratio. Made by the Low-Carbon & Resilience Planning "
            "Toolkit.").format(k=self._k_text(k_mode, k)))
        return {self.OUTPUT: dest_id, self.MEAN_ENTROPY: mean}

    def _k_text(self, k_mode, k):
        if k_mode == landuse.K_STUDY_AREA:
            return self.tr("K = {k}, all categories present in the study area").format(k=int(k[0]))
        if k_mode == landuse.K_IN_ZONE:
            return self.tr("K = categories present in each unit, {low} to {high}").format(
                low=int(k.min()), high=int(k.max()))
        return self.tr("K fixed at {k}").format(k=int(k[0]))

    def _report(self, feedback, table, k_mode, k, excluded, tally, repaired, n_over_k, h, pop_idx, mean):
        present = [str(c) for c, a in zip(table.columns, table.to_numpy().sum(axis=0)) if a > 0]
        shown = ", ".join(present[:30]) + (" …" if len(present) > 30 else "")
        feedback.pushInfo(self.tr("Entropy uses {ktext}. Categories in the study area ({n}): {cats}.").format(
            ktext=self._k_text(k_mode, k), n=len(present), cats=shown))
        if excluded:
            feedback.pushInfo(self.tr("Left out of the mix and the land area: {cats} ({n} polygons).").format(
                cats=", ".join(sorted(excluded)), n=tally.counts["excluded"]))
        counts = tally.counts
        if counts["no_category"]:
            feedback.pushWarning(self.tr("{n} land-use polygons have no land-use value and are left out of "
                                         "the mix.").format(n=counts["no_category"]))
        if counts["outside"]:
            feedback.pushWarning(self.tr("{n} land-use polygons lie outside every planning unit.")
                                 .format(n=counts["outside"]))
        if counts["no_intensity"]:
            feedback.pushWarning(self.tr("{n} land-use polygons have neither a floor area nor a FAR value: "
                                         "their floor area counts as 0.").format(n=counts["no_intensity"]))
        if n_over_k:
            feedback.pushWarning(self.tr("{n} units have more categories than the fixed K: their entropy can "
                                         "exceed 1.").format(n=n_over_k))
        empty = int(np.isnan(h).sum())
        if empty:
            feedback.pushWarning(self.tr("{n} units hold no classified land: their entropy is NULL.")
                                 .format(n=empty))
        if repaired:
            feedback.pushWarning(self.tr("{n} invalid land-use geometries were repaired for the overlay.")
                                 .format(n=repaired))
        if pop_idx >= 0:
            feedback.pushInfo(self.tr("{a:,.0f} of {b:,.0f} residents lie inside the planning units.").format(
                a=float(tally.residents.sum()), b=tally.residents_total))
        feedback.pushInfo(self.tr("Mean land-use entropy, weighted by unit area: {m:.3f}.").format(m=mean))
