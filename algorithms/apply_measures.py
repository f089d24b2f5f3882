"""lcr:apply_measures: the proposed measures merged into new copies of the plan layers, ready for the
same plan check again. The inputs are never changed."""
import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsWkbTypes,
)

from ..core import recheck, shelter
from .base import LcrAlgorithm
from .reading import Chunk, iterate_features
from .writing import FIELD_TYPES
from .carbon_measures import BUILDING_FIELDS
from .size_lid import TOTALS

# Parcel LID parameter -> the size_lid total it takes, and the field added where the parameter is empty.
LID_PARAMETERS = [("BIORETENTION_FIELD", TOTALS[0]), ("PERMEABLE_PAVING_FIELD", TOTALS[1]),
                  ("GREEN_ROOF_LID_FIELD", TOTALS[2]), ("TANK_FIELD", TOTALS[3])]
SHELTER = "shelter"


class ApplyMeasures(LcrAlgorithm):
    ALG_ID = "apply_measures"
    GROUP_ID = "plan_measures"
    STYLE = ""

    PARCELS = "PARCELS"
    PARCEL_ID_FIELD = "PARCEL_ID_FIELD"
    LID = "LID"
    FACILITIES = "FACILITIES"
    FACILITY_TYPE_FIELD = "FACILITY_TYPE_FIELD"
    SHELTERS = "SHELTERS"
    SHELTER_CAPACITY_FIELD = "SHELTER_CAPACITY_FIELD"
    SHELTER_AREA_FIELD = "SHELTER_AREA_FIELD"
    SHELTER_TYPE_FIELD = "SHELTER_TYPE_FIELD"
    SITES = "SITES"
    BUILDINGS = "BUILDINGS"
    BUILDING_ID_FIELD = "BUILDING_ID_FIELD"
    BUILDING_MEASURES = "BUILDING_MEASURES"
    PARCELS_OUTPUT = "PARCELS_OUTPUT"
    FACILITIES_OUTPUT = "FACILITIES_OUTPUT"
    SHELTERS_OUTPUT = "SHELTERS_OUTPUT"
    BUILDINGS_OUTPUT = "BUILDINGS_OUTPUT"
    PARCELS_CHANGED = "PARCELS_CHANGED"
    FACILITIES_ADDED = "FACILITIES_ADDED"
    SHELTERS_ADDED = "SHELTERS_ADDED"
    BUILDINGS_CHANGED = "BUILDINGS_CHANGED"

    def displayName(self):  # noqa: N802
        return self.tr("Apply proposed measures to the plan layers")

    def help_text(self):
        return self.tr(
            "Merges the measures proposed by Site new facilities, Size LID measures per parcel and Close carbon "
            "gaps into new copies of the plan layers, so that the same plan check can run again on the plan "
            "with the measures. The input layers are not changed.\n\n"
            "Parcels: the LID fields named below (those the plan check reads for sponge-city storage) take the "
            "totals after the measures (lid_bio_m2, lid_pave_m2, lid_groof_m2, lid_tank_m3 of the sized layer), "
            "matched by the parcel id field, which the sized layer keeps; a LID field left empty is added under "
            "the sized layer's name. Parcels the sizing has no value for keep theirs.\n\n"
            "Facilities and shelters: the proposed sites are appended, with the fields of the same name copied "
            "and the facility type field set to the site's fac_type; sites of type shelter go to the shelters, "
            "the others to the facilities. A new shelter's capacity (persons) goes to the shelters' capacity "
            "field, its effective area (capacity × the m² per person of an emergency shelter, the standard Site "
            "new facilities sizes new shelters by) to their area field, and “emergency” to their type field: "
            "the fields the plan check reads. Emergency shelters are not fixed shelters (GB 51143-2015), so the "
            "fixed-shelter capacity rule does not count them; the shelter area rules do.\n\n"
            "Buildings: pv_m2, pv_t, retro_m2, retro_t and co2_after_t of the measures on buildings are added, "
            "matched by the building id field (0 where a building has no measure). The Master plan check reads "
            "them with its fields “Building CO2 after measures” (co2_after_t) and “Rooftop PV” (pv_t); Carbon "
            "balance of planning units reads them as building CO2 and PV.\n\n"
            "Then run the plan check on the new layers and Compare two plan checks on the two results.")

    def initAlgorithm(self, config=None):  # noqa: N802
        polygon, point = QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint
        any_field, number = QgsProcessingParameterField.DataType.Any, QgsProcessingParameterField.DataType.Numeric
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.PARCELS, self.tr("Parcels"), [polygon], optional=True),
            self.tr("The plan's parcels, as the plan check reads them."))
        self.add_parameter(QgsProcessingParameterField(
            self.PARCEL_ID_FIELD, self.tr("Parcel id field"), parentLayerParameterName=self.PARCELS, type=any_field,
            optional=True),
            self.tr("Names each parcel; the LID layer must have a field of this name (Size LID measures keeps the "
                    "parcels' fields)."))
        labels = {"BIORETENTION_FIELD": self.tr("Bioretention area field (m²)"),
                  "PERMEABLE_PAVING_FIELD": self.tr("Permeable paving area field (m²)"),
                  "GREEN_ROOF_LID_FIELD": self.tr("Green roof area field (m²)"),
                  "TANK_FIELD": self.tr("Storage tank volume field (m³)")}
        for name, _total in LID_PARAMETERS:
            self.add_parameter(QgsProcessingParameterField(
                name, labels[name], parentLayerParameterName=self.PARCELS, type=number, optional=True),
                self.tr("The parcels' field the plan check reads for this LID measure; it takes the total after "
                        "the measures. Empty: a new field is added."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.LID, self.tr("LID measures to add (Size LID measures per parcel)"), [polygon], optional=True),
            self.tr("The output of Size LID measures per parcel, with lid_bio_m2, lid_pave_m2, lid_groof_m2 and "
                    "lid_tank_m3."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.FACILITIES, self.tr("Public facilities"), [point], optional=True),
            self.tr("The plan's life-circle facilities, as the plan check reads them."))
        self.add_parameter(QgsProcessingParameterField(
            self.FACILITY_TYPE_FIELD, self.tr("Facility type field"), defaultValue="fac_type",
            parentLayerParameterName=self.FACILITIES, type=any_field, optional=True),
            self.tr("The facilities' type field; new sites get their fac_type in it (added if the layer lacks it)."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.SHELTERS, self.tr("Emergency shelters"), [point], optional=True),
            self.tr("The plan's shelters, as the plan check reads them."))
        for name, label, kind, default in (
                (self.SHELTER_CAPACITY_FIELD, self.tr("Shelter capacity field (persons)"), number, "capacity"),
                (self.SHELTER_AREA_FIELD, self.tr("Shelter effective area field (m²)"), number, "eff_area_m2"),
                (self.SHELTER_TYPE_FIELD, self.tr("Shelter type field"), any_field, "shelter_type")):
            self.add_parameter(QgsProcessingParameterField(
                name, label, defaultValue=default, parentLayerParameterName=self.SHELTERS, type=kind, optional=True),
                self.tr("The shelters' field the plan check reads; the new shelters get their value in it (added "
                        "if the layer lacks it)."))
        self.add_parameter(QgsProcessingParameterMultipleLayers(
            self.SITES, self.tr("Proposed sites (Site new facilities)"), QgsProcessing.SourceType.TypeVectorPoint,
            optional=True),
            self.tr("Outputs of Site new facilities, one per facility type (with fac_type)."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Buildings"), [polygon, point], optional=True),
            self.tr("The plan's buildings, as the plan check reads them."))
        self.add_parameter(QgsProcessingParameterField(
            self.BUILDING_ID_FIELD, self.tr("Building id field"), parentLayerParameterName=self.BUILDINGS,
            type=any_field, optional=True),
            self.tr("Names each building; the measures layer must have a field of this name."))
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.BUILDING_MEASURES, self.tr("Measures on buildings (Close carbon gaps)"), [polygon, point],
            optional=True),
            self.tr("The Measures on buildings output of Close carbon gaps, with pv_m2, pv_t, retro_m2, retro_t "
                    "and co2_after_t."))
        for name, label in ((self.PARCELS_OUTPUT, self.tr("Parcels with the measures")),
                            (self.FACILITIES_OUTPUT, self.tr("Facilities with the new sites")),
                            (self.SHELTERS_OUTPUT, self.tr("Shelters with the new sites")),
                            (self.BUILDINGS_OUTPUT, self.tr("Buildings with the measures"))):
            self.add_parameter(QgsProcessingParameterFeatureSink(name, label, optional=True),
                               self.tr("A new layer; made when its input and its measures are given."))
        self.addOutput(QgsProcessingOutputNumber(self.PARCELS_CHANGED, self.tr("Parcels given LID measures")))
        self.addOutput(QgsProcessingOutputNumber(self.FACILITIES_ADDED, self.tr("Facilities added")))
        self.addOutput(QgsProcessingOutputNumber(self.SHELTERS_ADDED, self.tr("Shelters added")))
        self.addOutput(QgsProcessingOutputNumber(self.BUILDINGS_CHANGED, self.tr("Buildings given measures")))

    def error_messages(self):
        return {"duplicate_ids": self.tr("The id “{value}” is found {count} more time(s) in the measures layer: "
                                         "ids must name one feature each.")}

    def compute(self, parameters, context, feedback):
        result = {}
        parcels = self.optional_source(parameters, self.PARCELS, context, QgsWkbTypes.GeometryType.PolygonGeometry)
        lid = self.optional_source(parameters, self.LID, context, QgsWkbTypes.GeometryType.PolygonGeometry)
        sites = list(self.parameterAsLayerList(parameters, self.SITES, context) or [])
        facilities = self.optional_source(parameters, self.FACILITIES, context, None)
        shelters = self.optional_source(parameters, self.SHELTERS, context, None)
        buildings = self.optional_source(parameters, self.BUILDINGS, context, None)
        measures = self.optional_source(parameters, self.BUILDING_MEASURES, context, None)
        if not ((parcels and lid) or (sites and (facilities or shelters)) or (buildings and measures)):
            raise QgsProcessingException(self.tr(
                "Nothing to apply: give parcels with LID measures, facilities or shelters with proposed sites, or "
                "buildings with measures on buildings."))
        if parcels is not None and lid is not None:
            result.update(self._parcels(parameters, context, feedback, parcels, lid))
        if sites:
            result.update(self._sites(parameters, context, feedback, facilities, shelters, sites))
        if buildings is not None and measures is not None:
            result.update(self._buildings(parameters, context, feedback, buildings, measures))
        return result

    # ---- parcels ------------------------------------------------------------------------------
    def _id_field(self, parameters, name, layer, other, context):
        field = self.parameterAsString(parameters, name, context)
        if not field:
            raise QgsProcessingException(self.tr("{parameter}: name the id field that matches the features of "
                                                 "“{layer}” and “{other}”.").format(
                parameter=self.parameterDefinition(name).description(), layer=layer.sourceName(),
                other=other.sourceName()))
        if other.fields().lookupField(field) < 0:
            raise QgsProcessingException(self.tr("“{layer}” has no field “{field}” to match the features by.")
                                         .format(layer=other.sourceName(), field=field))
        return field

    def _parcels(self, parameters, context, feedback, parcels, lid):
        id_field = self._id_field(parameters, self.PARCEL_ID_FIELD, parcels, lid, context)
        totals = [self.lookup_field(lid, total) for _name, total in LID_PARAMETERS]
        lid_id = lid.fields().lookupField(id_field)
        chunk = next(self.read_chunks(lid, feedback, totals, [lid_id], whole=True, repair=False))
        targets = [self.field_index(parameters, name, parcels, context) for name, _t in LID_PARAMETERS]
        p_id = parcels.fields().lookupField(id_field)
        read = [i for i in targets if i >= 0]
        parcel_chunk = next(self.read_chunks(parcels, feedback, read, [p_id], whole=True, repair=False))
        where = recheck.match(parcel_chunk.values[p_id], chunk.values[lid_id])
        columns, new_fields, changed = [], [], np.zeros(len(where), dtype=bool)
        for (name, total), index, total_index in zip(LID_PARAMETERS, targets, totals):
            current = parcel_chunk.values[index] if index >= 0 else np.full(len(where), np.nan)
            merged, _n = recheck.merge_values(current, chunk.values[total_index], where)
            changed |= ~np.isclose(np.nan_to_num(merged), np.nan_to_num(current))
            columns.append(merged)
            new_fields.append((parcels.fields().at(index).name() if index >= 0 else total, "double"))
        unmatched = int((where < 0).sum())
        if unmatched:
            feedback.pushWarning(self.tr("{n} parcels have no match in “{layer}”: they keep their LID storage.")
                                 .format(n=unmatched, layer=lid.sourceName()))
        dest = self._write(parameters, self.PARCELS_OUTPUT, context, feedback, parcels, parcel_chunk, new_fields,
                           columns)
        feedback.pushInfo(self.tr("{n} parcels get LID measures; the LID fields of the copy: {fields}.").format(
            n=int(changed.sum()), fields=", ".join(f for f, _k in new_fields)))
        out = {self.PARCELS_CHANGED: int(changed.sum())}
        if dest is not None:
            out[self.PARCELS_OUTPUT] = dest
        return out

    def _write(self, parameters, output, context, feedback, source, chunk, new_fields, columns, made=None):
        """Like ``write_layer``, but a field of the input that is replaced raises no warning (a text field
        of that name still becomes a number field, see ``output_fields``). ``made``: the ``_sink`` made
        already."""
        sink, dest_id, positions = made or self._sink(parameters, output, context, source, new_fields)
        if sink is None:
            return None
        self.write_chunk(sink, chunk, source.fields().count(), positions, columns, parameters, output)
        return dest_id

    def _sink(self, parameters, output, context, source, new_fields):
        """(sink, destination id, positions of ``new_fields``) of ``output``: the fields of ``source`` and
        ``new_fields`` (a same-named field of the input reused)."""
        fields, positions = self.output_fields(source.fields(), new_fields, QgsProcessingFeedback())
        sink, dest_id = self.create_sink(parameters, output, context, fields, source.wkbType(), source.sourceCrs())
        return sink, dest_id, positions

    # ---- sites --------------------------------------------------------------------------------
    def _sites(self, parameters, context, feedback, facilities, shelters, sites):
        out = {}
        type_field = self.parameterAsString(parameters, self.FACILITY_TYPE_FIELD, context) or "fac_type"
        for layer in sites:
            if layer.fields().lookupField("fac_type") < 0:
                raise QgsProcessingException(self.tr("“{layer}” has no field fac_type: give the output of Site new "
                                                     "facilities.").format(layer=layer.name()))
        for target, output, count, shelter in ((facilities, self.FACILITIES_OUTPUT, self.FACILITIES_ADDED, False),
                                               (shelters, self.SHELTERS_OUTPUT, self.SHELTERS_ADDED, True)):
            chosen = [(layer, feature) for layer in sites for feature in iterate_features(layer)
                      if (str(feature["fac_type"]).strip().lower() == SHELTER) == shelter]
            if not chosen:
                continue
            if target is None:
                feedback.pushWarning(self.tr("{n} proposed sites of type {kind} are not applied: give the layer "
                                             "they belong to.").format(
                    n=len(chosen), kind=SHELTER if shelter else self.tr("life-circle facility")))
                continue
            dest, added = self._append(parameters, output, context, feedback, target, chosen,
                                       None if shelter else type_field,
                                       self._shelter_values(parameters, context, feedback) if shelter else {})
            out[count] = added
            if dest is not None:
                out[output] = dest
        return out

    def _shelter_values(self, parameters, context, feedback):
        """{shelters' field: (kind, value of a new site)}: its capacity, its effective area at the emergency
        standard's m² per person (Site new facilities sizes new shelters so), its type."""
        table = shelter.read_standards(self.factor_table("shelter_standards.csv", feedback))
        row = table[table["shelter_type"].str.lower() == shelter.EMERGENCY]
        per_cap = float(row["per_cap_m2"].iloc[0]) if len(row) else 1.0
        found = {}
        for name, kind, value in ((self.SHELTER_CAPACITY_FIELD, "double", lambda f: _times(_capacity(f), 1.0)),
                                  (self.SHELTER_AREA_FIELD, "double", lambda f: _times(_capacity(f), per_cap)),
                                  (self.SHELTER_TYPE_FIELD, "text", lambda f: shelter.EMERGENCY)):
            field = self.parameterAsString(parameters, name, context)
            if field:
                found[field] = (kind, value)
        return found

    def _append(self, parameters, output, context, feedback, target, chosen, type_field, mapped=None):
        fields = QgsFields(target.fields())
        if type_field and fields.lookupField(type_field) < 0:
            fields.append(QgsField(type_field, FIELD_TYPES["text"]))
        for name, (kind, _value) in (mapped or {}).items():
            if fields.lookupField(name) < 0:
                fields.append(QgsField(name, FIELD_TYPES[kind]))
        sink, dest_id = self.create_sink(parameters, output, context, fields, target.wkbType(), target.sourceCrs())
        if sink is None:
            return None, 0
        for feature in iterate_features(target):
            self.check_canceled(feedback)
            copy = QgsFeature(fields)
            copy.setGeometry(feature.geometry())
            copy.setAttributes(list(feature.attributes()) + [None] * (fields.count() - len(feature.attributes())))
            sink.addFeature(copy, QgsFeatureSink.Flag.FastInsert)
        type_index = fields.lookupField(type_field) if type_field else -1
        transforms = {}
        for layer, feature in chosen:
            if layer.id() not in transforms:
                transforms[layer.id()] = QgsCoordinateTransform(layer.crs(), target.sourceCrs(),
                                                                context.transformContext())
            geometry = feature.geometry()
            if layer.crs() != target.sourceCrs() and not geometry.isNull():
                geometry.transform(transforms[layer.id()])
            copy = QgsFeature(fields)
            copy.setGeometry(geometry)
            names = feature.fields().names()
            # The target's own fid is left to the provider: a copied one would clash.
            copy.setAttributes([feature[name] if name in names and name.lower() != "fid" else None
                                for name in fields.names()])
            if type_index >= 0:
                copy.setAttribute(type_index, feature["fac_type"])
            for name, (_kind, value) in (mapped or {}).items():
                copy.setAttribute(fields.lookupField(name), value(feature))
            if not sink.addFeature(copy, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, output))
        feedback.pushInfo(self.tr("{n} proposed sites appended to a copy of “{layer}”.").format(
            n=len(chosen), layer=target.sourceName()))
        return dest_id, len(chosen)

    # ---- buildings ----------------------------------------------------------------------------
    def _buildings(self, parameters, context, feedback, buildings, measures):
        id_field = self._id_field(parameters, self.BUILDING_ID_FIELD, buildings, measures, context)
        wanted = [self.lookup_field(measures, name) for name, _kind in BUILDING_FIELDS]
        m_id = measures.fields().lookupField(id_field)
        chunk = next(self.read_chunks(measures, feedback, wanted, [m_id], whole=True, repair=False))
        b_id = buildings.fields().lookupField(id_field)
        b_chunk = self._buildings_read(parameters, context, feedback, buildings, b_id)
        where = recheck.match(b_chunk.values[b_id], chunk.values[m_id])
        columns = [recheck.merge_values(np.zeros(len(where)), chunk.values[i], where)[0] for i in wanted]
        # co2_after_t without a measure: unknown here (the check computes CO2 itself), so NULL.
        columns[-1] = np.where(where >= 0, columns[-1], np.nan)
        changed = int(((where >= 0) & ((columns[1] > 0) | (columns[3] > 0))).sum())
        dest = self._write(parameters, self.BUILDINGS_OUTPUT, context, feedback, buildings, b_chunk,
                           BUILDING_FIELDS, columns, self.__dict__.pop("_buildings_sink", None))
        feedback.pushInfo(self.tr("{n} buildings get PV or a retrofit.").format(n=changed))
        out = {self.BUILDINGS_CHANGED: changed}
        if dest is not None:
            out[self.BUILDINGS_OUTPUT] = dest
        return out

    def _buildings_read(self, parameters, context, feedback, buildings, b_id):
        """The buildings' ids, in one chunk. Where the output adds new columns only, its sink is made first
        (``writes_every_feature``: GDAL copies the buildings, SQL fills the columns) and the buildings are
        then read as columns, in chunks, without a QgsFeature each."""
        if any(buildings.fields().lookupField(name) >= 0 for name, _kind in BUILDING_FIELDS):
            return next(self.read_chunks(buildings, feedback, [], [b_id], whole=True, repair=False))
        self.writes_every_feature(self.BUILDINGS_OUTPUT, buildings)
        self._buildings_sink = self._sink(parameters, self.BUILDINGS_OUTPUT, context, buildings, BUILDING_FIELDS)
        parts = list(self.read_chunks(buildings, feedback, [], [b_id], repair=False))
        fids = [p.fids for p in parts]
        return Chunk([f for p in parts for f in p.features], np.concatenate([p.geometry for p in parts]),
                     {b_id: np.concatenate([p.values[b_id] for p in parts])}, 0,
                     fids=np.concatenate(fids) if all(f is not None for f in fids) else None)


def _capacity(feature):
    """A proposed site's capacity (persons), None where it has none (sites of Site new facilities run
    without capacities, or a layer without the field)."""
    return feature["capacity"] if feature.fields().lookupField("capacity") >= 0 else None


def _times(value, factor):
    """``value`` × ``factor``, None where the value is not a number (NULL)."""
    try:
        return float(value) * factor
    except (TypeError, ValueError):
        return None
