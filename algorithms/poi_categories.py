"""lcr:poi_categories: facility type (GB 50180 life circles) and transit stop type of POIs
downloaded from Amap or Baidu, from their category codes, category names or names."""
import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)

from ..core import life_circle as lc
from ..core import poi
from ..core.errors import InputError
from .base import LcrAlgorithm

NEW_FIELDS = [("fac_type", "text"), ("stop_type", "text"), ("cat_by", "text")]
MAX_LISTED = 10   # unmatched categories named in the log


class PoiCategories(LcrAlgorithm):
    ALG_ID = "poi_categories"
    GROUP_ID = "data_preparation"
    STYLE = ""

    INPUT = "INPUT"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    NAME_FIELD = "NAME_FIELD"
    TABLE = "TABLE"
    OUTPUT = "OUTPUT"
    N_FACILITIES = "N_FACILITIES"
    N_STOPS = "N_STOPS"
    N_UNMATCHED = "N_UNMATCHED"

    def displayName(self):  # noqa: N802
        return self.tr("POI categories to facility and stop types (Amap, Baidu)")

    def help_text(self):
        return self.tr(
            "Adds to POIs downloaded from Amap (高德) or Baidu (百度) the facility type that Community life "
            "circles reads (fac_type: kindergarten, primary_school, middle_school, clinic, elderly_care, "
            "market, community_center, sports, the types of GB 50180-2018 in the facility table) and the "
            "stop type that Transit coverage reads (stop_type: bus or rail).\n\n"
            "The category field may hold Amap typecodes (141204 幼儿园; six digits: big, middle and small "
            "class; a code stored as a number, 90300, gets its leading zero back), Amap type names "
            "(科教文化服务;学校;幼儿园) or Baidu tags (教育培训;幼儿园). The table "
            "(resources/factors/poi_categories.csv, editable, a reason on every row) maps each code or "
            "category, the most detailed listed match winning. Where the category matches no row, the "
            "name field is searched for words such as 社区卫生服务中心 or 日间照料中心, which the maps' "
            "categories do not single out; the longest word found wins, so a stop named 某某小学(公交站) "
            "is a bus stop.\n\n"
            "Remember to convert the POIs' GCJ-02 or BD-09 coordinates (Convert Chinese web-map "
            "coordinates) before measuring distances.\n\n"
            "Output fields: fac_type, stop_type (NULL where none), cat_by (code or name: what gave the "
            "type). The log counts the POIs of each type and names the categories no row matched.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("POIs"), [QgsProcessing.SourceType.TypeVectorAnyGeometry]),
            self.tr("POIs from Amap or Baidu (points; AOI polygons work too)."))
        self.add_parameter(QgsProcessingParameterField(
            self.CATEGORY_FIELD, self.tr("Category field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Any),
            self.tr("Amap typecode (typecode), Amap type (type) or Baidu tag (tag) of each POI."))
        self.add_parameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Name field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.String, optional=True),
            self.tr("Name of each POI, searched for the table's words where the category matches no row."))
        self.add_parameter(QgsProcessingParameterFile(
            self.TABLE, self.tr("POI category table (CSV)"), extension="csv", optional=True),
            self.tr("Replaces the shipped table: columns match (typecode, category or name), code, fac_type, "
                    "stop_type, and reason, source, year, verified."), advanced=True)
        self.add_parameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("POIs with types")),
                           self.tr("The POIs with fac_type, stop_type and cat_by added."))
        self.addOutput(QgsProcessingOutputNumber(self.N_FACILITIES, self.tr("POIs with a facility type")))
        self.addOutput(QgsProcessingOutputNumber(self.N_STOPS, self.tr("POIs with a stop type")))
        self.addOutput(QgsProcessingOutputNumber(self.N_UNMATCHED, self.tr("POIs no row matched")))

    def error_messages(self):
        return {
            "poi_bad_match": self.tr("The POI category table {path}, line {line}: match “{value}” must be "
                                     "typecode, category or name."),
            "poi_bad_stop_type": self.tr("The POI category table {path}, line {line}: stop_type “{value}” must "
                                         "be bus, rail or empty."),
            "poi_bad_typecode": self.tr("The POI category table {path}, line {line}: the typecode “{value}” "
                                        "is not 1 to 6 digits."),
            "poi_empty_code": self.tr("The POI category table {path}, line {line}: code is empty."),
        }

    def compute(self, parameters, context, feedback):
        source = self.feature_source(parameters, self.INPUT, context, None)
        category_idx = self.field_index(parameters, self.CATEGORY_FIELD, source, context, numeric=False)
        if category_idx < 0:
            raise QgsProcessingException(self.tr("Choose the field of the POIs that holds their category."))
        name_idx = self.field_index(parameters, self.NAME_FIELD, source, context, numeric=False)
        path = (self.parameterAsFile(parameters, self.TABLE, context)
                or self.factor_table("poi_categories.csv", feedback))
        table = poi.read_poi_table(path)
        self._check_facility_types(table, path, feedback)

        chunk = self.read_whole(source, source.sourceCrs(), context, feedback,
                                text=[i for i in (category_idx, name_idx) if i >= 0])
        result = poi.classify(chunk.values[category_idx], chunk.values.get(name_idx), table)
        dest_id = self.write_layer(parameters, self.OUTPUT, context, feedback, source, chunk, NEW_FIELDS,
                                   [result["fac_type"], result["stop_type"], result["by"]])
        self._report(source, source.fields().at(category_idx).name(), result, path, feedback)
        return {self.OUTPUT: dest_id, self.N_FACILITIES: result["n_fac"], self.N_STOPS: result["n_stop"],
                self.N_UNMATCHED: result["n_unmatched"]}

    def _check_facility_types(self, table, path, feedback):
        """Warns of rows naming a facility type that the life-circle table in force lacks."""
        facility_path = self.factor_table("life_circle_facilities.csv", feedback)
        try:
            known = {str(t).strip().lower() for t in lc.read_facility_table(facility_path)["fac_type"]}
        except InputError:
            return
        unknown = sorted(set(table["fac_type"]) - known - {""})
        if unknown:
            feedback.pushWarning(self.tr(
                "The POI category table {path} names facility types that the facility table {facilities} "
                "lacks: {types}. Community life circles will ignore POIs of those types.").format(
                    path=path, facilities=facility_path, types=", ".join(unknown)))

    def _report(self, source, field, result, path, feedback):
        feedback.pushInfo(self.tr("POI category table: {path}.").format(path=path))
        facilities = pd.Series(result["fac_type"], dtype=object).value_counts()
        stops = pd.Series(result["stop_type"], dtype=object).value_counts()
        feedback.pushInfo(self.tr(
            "“{layer}”: {n_fac} POIs have a facility type ({facilities}), {n_stop} a stop type ({stops}); "
            "{n_name} of them by their name.").format(
                layer=source.sourceName(), n_fac=result["n_fac"], n_stop=result["n_stop"],
                n_name=result["n_by_name"],
                facilities=", ".join(f"{k} {v}" for k, v in facilities.items()) or "–",
                stops=", ".join(f"{k} {v}" for k, v in stops.items()) or "–"))
        if result["n_known_other"]:
            feedback.pushInfo(self.tr("{n} POIs are in categories the table knows as neither a life-circle "
                                      "facility nor a stop.").format(n=result["n_known_other"]))
        if result["n_unmatched"]:
            listed = list(result["unmatched"].items())[:MAX_LISTED]
            feedback.pushWarning(self.tr(
                "{n} POIs of “{layer}” could not be mapped: no row of the table matches their “{field}” (nor their "
                "name). Most frequent: {values}. Add rows to the table where they are facilities or stops.").format(
                    n=result["n_unmatched"], layer=source.sourceName(), field=field,
                    values=", ".join(f"{v or 'NULL'} ({c})" for v, c in listed)
                    + ("…" if len(result["unmatched"]) > MAX_LISTED else "")))
        if not np.any(pd.notna(result["fac_type"])) and not np.any(pd.notna(result["stop_type"])):
            feedback.pushWarning(self.tr("No POI of “{layer}” got a type: is “{field}” the category field?").format(
                layer=source.sourceName(), field=field))
