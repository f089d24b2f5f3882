"""lcr:landuse_codes: the canonical land-use code (用地用海分类 2023), group and land cover of
parcels coded in GB 50137-2011, the third land survey (三调) or the 2023 classification itself."""
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)

from ..core import landuse_codes
from .base import LcrAlgorithm

# The scheme of each choice. Saved models store the index: only ever append.
SCHEMES = (landuse_codes.MIXED, landuse_codes.GB50137, landuse_codes.SANDIAO)
# How algorithms that read land use take the codes (their LANDUSE_SCHEME): as written (用地用海 2023 digits,
# GB 50137 letters, which the profiles' applies_to list side by side), or translated to 用地用海 2023
# through the crosswalk. Only ever append.
READ_SCHEMES = (None, landuse_codes.GB50137, landuse_codes.SANDIAO)
NEW_FIELDS = [("lu_code", "text"), ("lu_name", "text"), ("lu_group", "text"), ("lu_constr", "int"), ("lucode", "int")]
MAX_LISTED = 12


class LanduseSchemes:
    """What every algorithm reading land-use codes through the crosswalk shares: the parameter saying
    how the codes are written, the names of the classifications and the messages of the crosswalk's
    errors (a mixin of LcrAlgorithm's subclasses)."""

    LANDUSE_SCHEME = "LANDUSE_SCHEME"

    def add_scheme_parameter(self, help_text, as_written=None):
        """The LANDUSE_SCHEME choice, an index into READ_SCHEMES; ``as_written`` names the first choice."""
        self.add_parameter(QgsProcessingParameterEnum(
            self.LANDUSE_SCHEME, self.tr("Land-use codes are written in"),
            [as_written or self.tr("As written (用地用海分类 2023, GB 50137-2011 or any own codes)"),
             self.tr("GB 50137-2011, read as 用地用海分类 2023 codes through the crosswalk"),
             self.tr("三调 工作分类 / GB/T 21010-2017, read as 用地用海分类 2023 codes through the crosswalk")],
            defaultValue=0), help_text, advanced=True)

    def read_scheme(self, parameters, context):
        """The scheme the codes are translated from (READ_SCHEMES), or None: read as written."""
        if parameters.get(self.LANDUSE_SCHEME) in (None, ""):
            return None
        return READ_SCHEMES[self.parameterAsEnum(parameters, self.LANDUSE_SCHEME, context)]

    def scheme_names(self):
        return [self.tr("用地用海分类 2023 (letter codes such as R2 as GB 50137-2011)"),
                self.tr("GB 50137-2011 城市用地分类"),
                self.tr("三调 工作分类 / GB/T 21010-2017 土地利用现状分类")]

    def crosswalk_messages(self):
        return {
            "crosswalk_bad_scheme": self.tr("The land-use crosswalk {path}, line {line}: scheme “{value}” is not "
                                            "one of {known}."),
            "crosswalk_bad_value": self.tr("The land-use crosswalk {path}, line {line}: {column} “{value}” must be "
                                           "a whole number ≥ 0 (construction: 0 or 1) or empty."),
        }


class LanduseCodes(LanduseSchemes, LcrAlgorithm):
    ALG_ID = "landuse_codes"
    GROUP_ID = "data_preparation"
    STYLE = ""

    INPUT = "INPUT"
    CODE_FIELD = "CODE_FIELD"
    SCHEME = "SCHEME"
    TABLE = "TABLE"
    OUTPUT = "OUTPUT"
    N_MAPPED = "N_MAPPED"
    N_UNMAPPED = "N_UNMAPPED"

    def displayName(self):  # noqa: N802
        return self.tr("Land-use codes to 用地用海分类 2023 (GB 50137, 三调)")

    def help_text(self):
        return self.tr(
            "Reads each parcel's land-use code in the classification it is written in and adds the "
            "toolkit's canonical code of the 2023 用地用海分类 (国土空间调查、规划、用途管制用地用海分类指南), "
            "its group and the land cover it counts as. Run it on parcels coded in GB 50137-2011 (R2, A33) "
            "or in the third land survey's classes (三调, GB/T 21010-2017: 0701, 05H1, 1104A) so that the "
            "standards profiles' applies_to, which are written in 用地用海 codes, apply to them as to "
            "parcels coded in 2023 codes (Planning check: choose lu_code as the land-use field), and so "
            "that Carbon stock, Stormwater runoff or Land-cover shares can read lucode.\n\n"
            "Codes are read whether stored as text or as numbers: 701, 701.0 and 0701 are one code. The "
            "same digits mean different land in 三调 and in the 2023 classification (0601 industry or rural "
            "roads, 1101 rivers or storage), so choose the classification: it cannot be guessed.\n\n"
            "The crosswalk (resources/factors/landuse_crosswalk.csv, editable) matches each code by its "
            "longest listed prefix (R21, 0201K and 1104A find R21, 0201 and 1104).\n\n"
            "Output fields: lu_code (用地用海 2023 code; NULL where the code is unknown or its class spans "
            "several 2023 classes, as GB 50137 E2), lu_name (its Chinese name), lu_group (residential, "
            "public_service, commercial, industrial, storage, transport, utilities, green, special, "
            "reserved, water, wetland, farmland, garden, forest, grassland, agri_facility, sea, other), "
            "lu_constr (1 construction land, 0 not), lucode (land cover of the shipped carbon and "
            "curve-number tables: 1 built_up, 2 road, 3 water, 4 park_green, 5 tree_cover, 6 cropland, "
            "7 bare).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Parcels"), [QgsProcessing.SourceType.TypeVector]),
            self.tr("Parcels (or any features, or a table) with a land-use code."))
        self.add_parameter(QgsProcessingParameterField(
            self.CODE_FIELD, self.tr("Land-use code field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Any),
            self.tr("The field holding the codes, as text or as numbers."))
        self.add_parameter(QgsProcessingParameterEnum(
            self.SCHEME, self.tr("Classification of the codes"), self.scheme_names(), defaultValue=0),
            self.tr("Which classification the codes are written in."))
        self.add_parameter(QgsProcessingParameterFile(
            self.TABLE, self.tr("Land-use crosswalk (CSV)"), extension="csv", optional=True),
            self.tr("Replaces the shipped crosswalk: columns scheme (ydyh, gb50137, sandiao), code, ydyh_code, "
                    "lu_group, construction, lucode and optionally name_zh."), advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Parcels with canonical codes")),
                           self.tr("The input with lu_code, lu_name, lu_group, lu_constr and lucode added."))
        self.addOutput(QgsProcessingOutputNumber(self.N_MAPPED, self.tr("Features whose code the crosswalk knows")))
        self.addOutput(QgsProcessingOutputNumber(self.N_UNMAPPED, self.tr("Features whose code it does not know")))

    def error_messages(self):
        return self.crosswalk_messages()

    def compute(self, parameters, context, feedback):
        source = self.feature_source(parameters, self.INPUT, context, None)
        code_idx = self.field_index(parameters, self.CODE_FIELD, source, context, numeric=False)
        if code_idx < 0:
            raise QgsProcessingException(self.tr("Choose the field that holds the land-use codes."))
        scheme_index = self.parameterAsEnum(parameters, self.SCHEME, context)
        path = (self.parameterAsFile(parameters, self.TABLE, context)
                or self.factor_table("landuse_crosswalk.csv", feedback))
        table = landuse_codes.read_crosswalk(path)
        chunk = self.read_whole(source, source.sourceCrs(), context, feedback, text=[code_idx])
        out = landuse_codes.translate(chunk.values[code_idx], table, SCHEMES[scheme_index])
        dest_id = self.write_layer(parameters, self.OUTPUT, context, feedback, source, chunk, NEW_FIELDS,
                                   [out["code"], out["name"], out["group"], out["construction"], out["lucode"]])
        n_mapped = int(out["matched"].sum())
        n_unmapped = len(out["matched"]) - n_mapped
        field = source.fields().at(code_idx).name()
        feedback.pushInfo(self.tr("“{layer}”: {n} of {total} codes of “{field}” read as {scheme} through {path}.")
                          .format(layer=source.sourceName(), n=n_mapped, total=len(out["matched"]), field=field,
                                  scheme=self.scheme_names()[scheme_index], path=path))
        if n_unmapped:
            unknown = list(out["unknown"].items())
            missing = n_unmapped - sum(out["unknown"].values())
            if unknown:
                feedback.pushWarning(self.tr(
                    "“{layer}”: {n} features have a code of “{field}” that the crosswalk does not know: {codes}. "
                    "Their lu_code, lu_group and lucode are left empty.").format(
                        layer=source.sourceName(), n=n_unmapped - missing, field=field,
                        codes=", ".join(f"{c} ({k})" for c, k in unknown[:MAX_LISTED])
                        + ("…" if len(unknown) > MAX_LISTED else "")))
            if missing:
                feedback.pushWarning(self.tr("“{layer}”: {n} features have no code in “{field}”: their lu_code, "
                                             "lu_group and lucode are left empty.").format(
                    layer=source.sourceName(), n=missing, field=field))
        spanning = int((out["matched"] & pd.isna(out["code"])).sum())
        if spanning:
            feedback.pushInfo(self.tr("{n} features have a class that spans several 2023 classes (such as GB 50137 "
                                      "E2 or H): lu_code is empty, lu_group and lu_constr are set.").format(n=spanning))
        return {self.OUTPUT: dest_id, self.N_MAPPED: n_mapped, self.N_UNMAPPED: n_unmapped}
