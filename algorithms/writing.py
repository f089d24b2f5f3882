"""Writing results through sinks, and styling the outputs Processing loads (the writing half of
``base.LcrAlgorithm``: a mixin of it, with the functions it uses)."""
import itertools
import os

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt import sip

from ..core.errors import Canceled
from . import fastwrite, geomwrite
from .outputs import dbf_names, is_shapefile, keeps_no_geometry
from .styles import apply_style, order_results, titled_name
from ..qt_compat import FieldType, field_type
from .reading import as_attribute_list, gc_paused, geometries_from_wkb, run_all

# Shapely's WKB is written 3-D at most: shapely 2.1 built on GEOS ≥ 3.12 writes 4-D by default, but inside
# QGIS (qgis_process, the desktop) its GEOS calls go to the GEOS QGIS is linked with, and GEOS 3.11 (Debian 12,
# QGIS 3.22) refuses 4 ("WKB output dimension must be 2 or 3"). M values are not used by the toolkit.
WKB_DIMENSION = 3
FIELD_TYPES = {"double": FieldType.Double, "int": FieldType.Int, "text": FieldType.String}
# Post-processors must outlive the algorithm: Processing runs a copy of the algorithm and loads
# the outputs after that copy is gone, and SIP drops a Python object nobody references. They are
# not shared between runs: the run's context deletes its post-processors when it is done with them
# (a shared one was gone for the next run of the same tool). Kept here until QGIS deleted them.
_STYLE_PROCESSORS = []


class StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Applies a style of resources/styles and a metadata abstract to an output that Processing loads."""

    def __init__(self, style_name, abstract):
        super().__init__()
        self.style_name = style_name
        self.abstract = abstract

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        apply_style(layer, self.style_name)
        # The legend's title says what is measured and in which unit.
        layer.setName(titled_name(layer.name(), self.style_name))
        order_results(context.project())
        metadata = layer.metadata()
        metadata.setAbstract(self.abstract)
        layer.setMetadata(metadata)
        layer.triggerRepaint()


class WritingMixin:
    def writes_every_feature(self, name, source, geometries=False):
        """Say, before ``create_sink(…, name, …)``, that the sink ``name`` gets every feature of ``source``, in
        the order ``read_chunks`` reads them, with its own geometry and fields followed by new ones, each
        written once by ``write_chunk`` (no geometries given). Where ``source`` is a whole GeoPackage table
        and the destination a GeoPackage file, the sink is then a ``fastwrite.GpkgResultSink``: the features
        copied in C, the new columns filled by SQL, and ``read_chunks`` reads no QgsFeatures of ``source``.
        With ``geometries``: its own fields only and new geometries, every feature's given once to
        ``write_chunk`` in the layer's CRS (no ``transform``); the sink is a ``geomwrite.GpkgGeometrySink``."""
        self.__dict__.setdefault("_every_feature", {})[name] = (source, geometries)

    def create_sink(self, parameters, name, context, fields, wkb_type=QgsWkbTypes.Type.NoGeometry, crs=None):
        """``parameterAsSink`` for the sink parameter ``name``, registered so that a cancelled or failed
        run closes it and removes what it wrote. Returns (sink, destination id); (None, "") for an
        optional output not asked for. See ``writes_every_feature``."""
        fields = self._fid_safe(fields)
        written = self._outputs.expect(parameters.get(name, self.parameterDefinition(name).defaultValue()), context)
        if is_shapefile(written.path):
            self._warn_cut_names(written.path, fields)
        if keeps_no_geometry(written.path) and wkb_type not in (QgsWkbTypes.Type.NoGeometry, QgsWkbTypes.Type.Unknown):
            self._geometry_dropped(written.path, name)
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type,
                                             crs if crs is not None else QgsCoordinateReferenceSystem())
        self._outputs.add_sink(written, sink, dest_id)
        _keep_no_crs(dest_id, crs, wkb_type, context)
        if sink is not None and is_shapefile(dest_id) and wkb_type == QgsWkbTypes.Type.NoGeometry:
            dest_id = _table_only_shapefile(dest_id, context)
        source, geometries = self.__dict__.get("_every_feature", {}).pop(name, (None, False))
        if sink is not None and source is not None:
            fast = None if written.update else \
                self._result_sink(source, context, fields, wkb_type, crs, dest_id, geometries)
            if fast is not None:
                if not written.final:   # a temporary file: gone, too, if the run stops
                    written.final, written.before = fast.path, {}
                sip.delete(sink)   # closes QGIS's empty layer: GDAL and SQLite fill it
                written.sink = sink = fast
                if not fast.open_output():   # not the layer expected: a sink again, as it would have been
                    sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type,
                                                         crs if crs is not None else QgsCoordinateReferenceSystem())
                    self._outputs.add_sink(written, sink, dest_id)
                    return sink, dest_id
                if not fast.copy(lambda: self._feedback is not None and self._feedback.isCanceled()):
                    raise Canceled()
                self.__dict__.setdefault("_copied_sources", {})[id(source)] = source
        return sink, dest_id

    def _warn_cut_names(self, path, fields):
        """Say which field names a Shapefile output cuts (a .dbf keeps 10 bytes a name), and to what: the
        values stay right, but a field read by its full name (a style, a model's next step) is not found."""
        names = fields.names()
        cut = [(old, new) for old, new in zip(names, dbf_names(names)) if old != new]
        feedback = getattr(self, "_feedback", None)
        if cut and feedback is not None:
            feedback.pushWarning(self.tr(
                "“{file}” is a Shapefile, which keeps field names of 10 bytes at most: {names}. Write a GeoPackage "
                "(.gpkg) to keep the full names.").format(
                    file=os.path.basename(path), names=", ".join(f"{old} → {new}" for old, new in cut)))

    def _geometry_dropped(self, path, name):
        """A table-only output (CSV, spreadsheet) of a layer: refused where the geometries are the result
        (``GEOMETRY_IS_RESULT``), else said, so that nobody looks for the features on a map in vain."""
        file = os.path.basename(path)
        if self.GEOMETRY_IS_RESULT:
            raise QgsProcessingException(self.tr(
                "“{file}” ({output}) holds a table only, and the result of this tool is the geometries: choose a "
                "GeoPackage (.gpkg) or another format with geometries.").format(
                    file=file, output=self.parameterDefinition(name).description()))
        feedback = getattr(self, "_feedback", None)
        if feedback is not None:
            feedback.pushWarning(self.tr(
                "“{file}” holds a table only: the output keeps the attributes and no geometries. Write a "
                "GeoPackage (.gpkg) to keep them.").format(file=file))

    def _fid_safe(self, fields):
        """``fields`` with a field “fid” that holds no whole numbers (a Shapefile's or GeoJSON's text ids)
        renamed: a GeoPackage output takes a field of that name for its feature ids and would refuse the
        layer."""
        index = fields.lookupField("fid")
        if index < 0 or field_type(fields.at(index)) in (FieldType.Int, FieldType.LongLong):
            return fields
        new = next(f"fid_{n}" for n in itertools.count(1) if fields.lookupField(f"fid_{n}") < 0)
        feedback = getattr(self, "_feedback", None)
        if feedback is not None:
            feedback.pushWarning(self.tr(
                "The input's field “{field}” holds no whole numbers, and a GeoPackage takes a field of that name for "
                "its feature ids: the output calls it “{new}”.").format(field=fields.at(index).name(), new=new))
        field = QgsField(fields.at(index))
        field.setName(new)
        return _retyped(fields, index, field)

    def _result_sink(self, source, context, fields, wkb_type, crs, dest_id, geometries=False):
        """A ``fastwrite.GpkgResultSink`` (``geomwrite.GpkgGeometrySink`` for new ``geometries``) for
        ``create_sink``'s ``source`` case, or None."""
        source_table = self.__dict__.get("_whole_tables", {}).get(id(source))
        path = fastwrite.gpkg_path(dest_id)
        if fastwrite.disabled() or source_table is None or source_table[0] is not source or path is None or \
                tuple(fields.names()) in self.__dict__.get("_reused_fields", ()):
            return None
        # (``iterate_features`` reads every feature whatever the context's invalid-geometry check)
        if wkb_type != source.wkbType() or (crs is not None and crs != source.sourceCrs()):
            return None
        table = source_table[1]
        if os.path.samefile(path, table.path):
            return None
        count = source.fields().count()
        kind = geomwrite.GpkgGeometrySink if geometries else fastwrite.GpkgResultSink
        return kind.make(path, table, source.fields().names(), fields.names()[count:])

    def output_path(self, parameters, name, context):
        """The file path of the raster or file destination parameter ``name``, registered so that a
        cancelled or failed run removes the file if it wrote (or overwrote) it."""
        if self.parameterDefinition(name).type() == "fileDestination":
            path = self.parameterAsFileOutput(parameters, name, context)
        else:
            path = self.parameterAsOutputLayer(parameters, name, context)
        if path:
            self._outputs.expect(path, context)
        return path

    def output_fields(self, input_fields, new_fields, feedback):
        """Input fields plus ``new_fields`` [(name, kind)] (kind "double", "int" or "text"), reusing a
        same-named input field; one of another type (text where numbers go, say, or integers where
        decimals go) is replaced by a field of the new type, or its values would be text or cut to integers.

        Returns the QgsFields and the position of each new field.
        """
        fields = QgsFields(input_fields)
        positions = []
        for name, kind in new_fields:
            index = fields.lookupField(name)
            if index >= 0:
                feedback.pushWarning(self.tr(
                    "The input already has a field “{field}”: its values are replaced in the output.")
                    .format(field=name))
                if field_type(fields.at(index)) not in _KEEPS[kind]:
                    fields = _retyped(fields, index, QgsField(fields.at(index).name(), FIELD_TYPES[kind]))
            else:
                fields.append(QgsField(name, FIELD_TYPES[kind]))
                index = fields.count() - 1
            positions.append(index)
        if any(index < input_fields.count() for index in positions):
            # a GpkgResultSink copies the input's columns as they are and only fills new ones
            self.__dict__.setdefault("_reused_fields", set()).add(tuple(fields.names()))
        return fields, positions

    def write_chunk(self, sink, chunk, input_count, positions, columns, parameters, output, geometries=None,
                    transform=None):
        """Add a chunk's features to ``sink`` with the computed ``columns`` at ``positions``
        (positions from ``input_count`` on are new fields appended to the input's), ``CANCEL_EVERY``
        features at a time. ``geometries`` (shapely, one per feature; None keeps a feature without
        geometry) replace the features' own, taken through ``transform`` where given."""
        if isinstance(sink, geomwrite.GpkgGeometrySink):
            if geometries is None or transform is not None or positions:
                raise RuntimeError("a GpkgGeometrySink writes geometries in the layer's CRS only")
            self.check_canceled()
            sink.write(chunk.fids if chunk.fids is not None else
                       np.fromiter(map(QgsFeature.id, chunk.features), np.int64, len(chunk.features)), geometries)
            return
        if isinstance(sink, fastwrite.GpkgResultSink):
            if geometries is not None or any(p < input_count for p in positions):
                raise RuntimeError("a GpkgResultSink writes new columns only")
            self.check_canceled()
            fids = chunk.fids if chunk.fids is not None else \
                np.fromiter(map(QgsFeature.id, chunk.features), np.int64, len(chunk.features))
            sink.write(fids, [(p - input_count, values) for p, values in zip(positions, columns)])
            return
        with gc_paused():
            self._write_chunk(sink, chunk, input_count, positions, columns, parameters, output, geometries, transform)

    def _write_chunk(self, sink, chunk, input_count, positions, columns, parameters, output, geometries, transform):
        appended = sum(1 for position in positions if position >= input_count)
        lists = [as_attribute_list(column) for column in columns]
        wkbs = None if geometries is None else shapely.to_wkb(np.asarray(geometries, dtype=object), output_dimension=WKB_DIMENSION)
        if wkbs is None and chunk.foreign is not None:   # a sink of the layer's type refuses them
            run_all(map(QgsFeature.clearGeometry, itertools.compress(chunk.features, chunk.foreign)))
        for start in range(0, len(chunk.features), self.CANCEL_EVERY):
            self.check_canceled()
            stop = start + self.CANCEL_EVERY
            batch = chunk.features[start:stop]
            # ``map`` calls the QgsFeature methods from C: at a million features a Python loop around
            # them would cost a sixth of what QGIS takes to write them.
            if appended:
                run_all(map(QgsFeature.padAttributes, batch, itertools.repeat(appended)))
            for position, values in zip(positions, lists):
                run_all(map(QgsFeature.setAttribute, batch, itertools.repeat(position), values[start:stop]))
            if wkbs is not None:
                run_all(map(QgsFeature.setGeometry, batch,
                             map(geometries_from_wkb, wkbs[start:stop], itertools.repeat(transform))))
            if not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, output))

    def write_layer(self, parameters, output, context, feedback, source, chunk, new_fields, columns):
        """The sink ``output``: the features of ``chunk`` (read whole from ``source``) with
        ``new_fields`` [(name, kind)] holding ``columns``. Returns its id, or None where the sink is
        not made (an optional output not asked for)."""
        fields, positions = self.output_fields(source.fields(), new_fields, feedback)
        sink, dest_id = self.create_sink(parameters, output, context, fields, source.wkbType(), source.sourceCrs())
        if sink is None:
            return None
        if chunk.features is not None:
            self.write_chunk(sink, chunk, source.fields().count(), positions, columns, parameters, output)
            return dest_id
        start = 0   # the features were dropped after reading: read again, in the same order
        for part in self.read_chunks(source, feedback, repair=False):
            end = start + len(part.features)
            self.write_chunk(sink, part, source.fields().count(), positions, [c[start:end] for c in columns],
                             parameters, output)
            start = end
        return dest_id

    def style_output(self, context, dest_id, abstract, style=None):
        """Style the output with resources/styles/<style>.qml (default ``STYLE``), but only if
        Processing loads it."""
        if not context.willLoadLayerOnCompletion(dest_id):
            return
        processor = StyleOnLoad(style or self.STYLE, abstract)
        _STYLE_PROCESSORS[:] = [p for p in _STYLE_PROCESSORS if not sip.isdeleted(p)] + [processor]
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)


def _keep_no_crs(dest_id, crs, wkb_type, context):
    """A temporary (memory) output of a layer without CRS gets none either: QGIS gives a memory layer made
    without one EPSG:4326, which would label the input's metres as degrees."""
    if (crs is not None and crs.isValid()) or wkb_type == QgsWkbTypes.Type.NoGeometry or not dest_id:
        return
    layer = context.temporaryLayerStore().mapLayer(dest_id)
    if isinstance(layer, QgsVectorLayer) and layer.providerType() == "memory" and layer.crs().isValid():
        layer.setCrs(QgsCoordinateReferenceSystem())


# The input field types a new field of each kind may be written into (an integer fits a decimal field).
_KEEPS = {"double": (FieldType.Double,), "int": (FieldType.Int, FieldType.LongLong, FieldType.Double),
          "text": (FieldType.String,)}


def _table_only_shapefile(dest_id, context):
    """The .dbf a table without geometries asked for as “x.shp” is written to: GDAL writes x.dbf alone, and
    “x.shp”, the id Processing returns and would load, is no file (the output would not load, and a
    model's next step would not find it). The layer to load on completion moves with it."""
    table = os.path.splitext(dest_id)[0] + ".dbf"
    loads = context.layersToLoadOnCompletion()
    if dest_id in loads:
        details = loads.pop(dest_id)
        loads[table] = details
        context.setLayersToLoadOnCompletion(loads)
    return table


def _retyped(fields, index, field):
    """``fields`` with the field at ``index`` replaced by ``field``."""
    out = QgsFields()
    for i in range(fields.count()):
        out.append(field if i == index else fields.at(i))
    return out
