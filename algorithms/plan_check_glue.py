"""Running a ready-made plan-check model's steps inside one algorithm, each input layer read once.

The shipped model (resources/models/*_model.model3) says which algorithm runs with what; run there,
every step reads its layers again (the buildings eight times in the master check) and keeps every
intermediate per-building layer in memory until the model ends. Here the same steps run, with the
same code and so the same numbers, but:

- each input layer but the planning units is read once (``StoredLayer``): its geometries, in each
  CRS a step measures in, and the fields the check names, as arrays; every step's ``read_chunks``
  on it is served from those arrays, in the same chunks;
- a step's per-feature output that only feeds a later step (building emissions into rooftop PV,
  PV into the carbon balance, carbon stock into the balance) is kept as the columns the step
  computed (``VirtualSink``), not as features, and later steps read those columns;
- a per-feature output nothing reads is not written at all.

The planning units (and the per-unit layers each step adds its fields to) are small and go
through Processing as in the model, so the per-unit result is the model's, field for field.
"""

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsMemoryProviderUtils,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..core import shared, tables
from ..core.memory import give_back as give_back_memory  # noqa: F401 (plan_checks imports it from here)
from ..qt_compat import MODEL_SOURCE
from .base import LcrAlgorithm
from .reading import Chunk

MARK = "lcr-plan:"
TEMPORARY = MARK + "temporary"   # an intermediate output a later step reads
DISCARD = MARK + "discard"       # a per-feature output no step reads and the user did not ask for


class _Placeholders:
    """``Chunk.features`` of a layer read once: the features are not kept, only their number."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __iter__(self):
        raise RuntimeError("the features of a layer read once are not kept")

    __getitem__ = __iter__


def _crs_key(transform):
    if transform is None:
        return ""
    crs = transform.destinationCrs()
    return crs.authid() or crs.toWkt()


def _plain(request):
    """Whether ``request`` asks for every feature in the layer's own CRS (only such reads are served)."""
    if request is None:
        return True
    return request.filterType() == QgsFeatureRequest.FilterType.FilterNone and not request.destinationCrs().isValid() \
        and request.limit() < 0


class LayerProxy:
    """What a step gets for a layer read once: the layer's source for its fields, CRS, extent and
    count, and the ``node`` that serves its reads."""

    def __init__(self, real, node):
        self.real = real
        self.node = node

    def fields(self):
        return self.node.fields()

    def __getattr__(self, name):
        return getattr(self.real, name)


class StoredLayer:
    """An input layer read once, per CRS: geometries (raw, and repaired where asked) and the fields
    the check names, numbers cleaned only of what no reading takes (``signed=True``)."""

    def __init__(self, source, numeric, text, value, table=None):
        self.source = source
        self.value = value   # the parameter value the check was given: what a step's own checks look at
        self.table = table   # the GeoPackage table (``columnar.Table``) the source reads whole, or None
        self.root = self
        self.numeric, self.text = sorted(set(numeric)), sorted(set(text))
        self.reads = {}      # CRS key -> {"geometry", "values", "repaired"}
        self.slices = {}     # the geometry arrays handed out, the same objects to every step (core.shared)
        self.proxy = LayerProxy(source, self)
        self.freed = False

    def free(self):
        """Drops the arrays read and every result the steps shared from them (after its last step)."""
        shared.release(self._geometries())
        self.reads.clear()
        self.slices.clear()
        self.freed = True

    def fields(self):
        return self.source.fields()

    def arrays(self):
        """The arrays read and handed out (geometries, slices, columns): what the steps' shared results
        may be computed from."""
        held = self._geometries()
        for read in self.reads.values():
            for kind in (True, False):
                held += list(read[kind].values())
        return held

    def _geometries(self):
        """The geometry arrays read (and repaired) and the slices handed out."""
        held = [part for pair in self.slices.values() for part in pair]
        for read in self.reads.values():
            held.append(read["geometry"])
            if read["repaired"] is not None:
                held.append(read["repaired"][0])
        return held

    def _chunks(self, algorithm, feedback, transform, numeric, text):
        """``read_chunks`` of the whole layer. A whole GeoPackage table (``table``) read in its own CRS is
        read as columns through GDAL without any QgsFeature (as ``read_chunks`` reads a source whose
        features a fast sink copies): no step writes these features, so only their geometries and values
        are wanted, and making a million QgsFeatures to take them from costs most of the reading."""
        source, owner = self.source, algorithm.__dict__
        columns = self.table is not None and transform is None
        if columns:
            owner.setdefault("_whole_tables", {})[id(source)] = (source, self.table)
            owner.setdefault("_copied_sources", {})[id(source)] = source
        try:
            yield from LcrAlgorithm.read_chunks(algorithm, source, feedback, numeric=numeric, text=text,
                                                transform=transform, repair=False, signed=True)
        finally:
            if columns:
                owner["_whole_tables"].pop(id(source), None)
                owner["_copied_sources"].pop(id(source), None)

    def _read(self, algorithm, feedback, transform, numeric=None, text=None):
        """Geometries and values of the whole layer, read chunk by chunk: only one chunk's features
        are held at a time (a million QgsFeatures at once would take gigabytes)."""
        geometry, values = [], {}
        for chunk in self._chunks(algorithm, feedback, transform, self.numeric if numeric is None else numeric,
                                  self.text if text is None else text):
            geometry.append(chunk.geometry)
            for index, column in chunk.values.items():
                values.setdefault(index, []).append(column)
        geometry = np.concatenate(geometry) if geometry else np.zeros(0, dtype=object)
        values = {index: np.concatenate(parts) for index, parts in values.items()}
        for index in (text if text is not None else self.text):
            if index in values:
                values[index] = _one_object_per_value(values[index])
        return geometry, values

    def base(self, algorithm, feedback, transform):
        if self.freed:
            raise QgsProcessingException("plan check: a layer read once was read after its last step")
        key = _crs_key(transform)
        if key not in self.reads:
            geometry, values = self._read(algorithm, feedback, transform)
            self.reads[key] = {"geometry": geometry, "repaired": None,
                               True: {i: values[i] for i in self.numeric},
                               False: {i: values[i] for i in self.text}}
        return self.reads[key]

    def geometry(self, algorithm, feedback, transform, repair):
        read = self.base(algorithm, feedback, transform)
        if not repair:
            return read["geometry"], None
        if read["repaired"] is None:
            # as base._chunk repairs: make_valid where invalid, counted per feature
            geometry = read["geometry"]
            invalid = ~shapely.is_valid(geometry) & ~shapely.is_missing(geometry)
            if invalid.any():
                geometry = geometry.copy()
                geometry[invalid] = shapely.make_valid(geometry[invalid])
            read["repaired"] = (geometry, invalid)
        return read["repaired"]

    def column(self, algorithm, feedback, transform, index, numeric):
        """Values of field ``index`` (numbers: float, text: object), read again (once) where the
        check did not name the field or names it in the other kind (a text field read as numbers)."""
        values = self.base(algorithm, feedback, transform)[numeric]
        if index not in values:
            _, read_again = self._read(algorithm, feedback, transform, numeric=[index] if numeric else [],
                                       text=[] if numeric else [index])
            values[index] = read_again[index]
        return values[index]


def _one_object_per_value(column):
    """A text column whose equal values are one object: a city's million land uses or roof types are
    a handful of strings, not a million (about 60 bytes each)."""
    codes, uniques = pd.factorize(pd.Series(column, dtype=object), sort=False)
    if not len(uniques) or len(uniques) * 2 > len(column):
        return column
    out = np.asarray(uniques, dtype=object)[np.maximum(codes, 0)]
    out[codes < 0] = column[codes < 0]   # missing values (None, NaN) as they were
    return out


class VirtualLayer:
    """A step's per-feature output kept as columns: the fields of the layer it wrote from, with the
    computed ones (``captured``, by field position) replacing or added to them."""

    def __init__(self, parent, fields, n):
        self.parent, self.root = parent, parent.root
        self._fields, self.n = fields, n
        self.pieces = {}     # position -> [(offset, values)]
        self.columns = {}
        self.proxy = LayerProxy(self.root.source, self)

    def fields(self):
        return self._fields

    def capture(self, offset, positions, columns):
        for position, column in zip(positions, columns):
            self.pieces.setdefault(position, []).append((offset, np.asarray(column)))
            self.columns.pop(position, None)

    def geometry(self, algorithm, feedback, transform, repair):
        return self.root.geometry(algorithm, feedback, transform, repair)

    def column(self, algorithm, feedback, transform, index, numeric):
        if index not in self.pieces:
            return self.parent.column(algorithm, feedback, transform, index, numeric)
        key = (index, numeric)
        if key not in self.columns:
            values = np.concatenate([v for _, v in sorted(self.pieces[index], key=lambda p: p[0])])
            self.columns[key] = _as_read(values, numeric)
        return self.columns[key]


def _as_read(values, numeric):
    """Computed values as a step reading them back from a layer sees them: numbers as floats,
    NULL (None, NaN, infinite: written as NULL) as NaN; text as str or None."""
    if numeric:
        if values.dtype.kind in "biuf":
            values = values.astype(float)
        else:
            values = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").to_numpy(float)
        values = np.where(np.isfinite(values), values, np.nan)
        return np.where(tables.usable_numbers(values, signed=True), values, np.nan)
    return np.array([None if v is None or (isinstance(v, float) and v != v) else str(v) for v in values],
                    dtype=object)


class VirtualSink:
    """The sink of an intermediate output: columns written from a layer read once are captured
    (``VirtualLayer``); features of a real layer (per-unit outputs) go to a memory layer."""

    def __init__(self, plan, fields, wkb_type, crs, context, name):
        self.plan, self.fields = plan, fields
        self.layer = QgsMemoryProviderUtils.createMemoryLayer(name, fields, wkb_type, crs)
        context.temporaryLayerStore().addMapLayer(self.layer)
        self.dest_id = self.layer.id()
        self.virtual = None

    def capture(self, chunk, positions, columns):
        origin = chunk.lcr_origin
        if self.virtual is None:
            self.virtual = VirtualLayer(origin, self.fields, origin.root.source.featureCount())
            self.plan.virtual[self.dest_id] = self.virtual
        self.virtual.capture(chunk.lcr_offset, positions, columns)

    def addFeatures(self, features, flags=None):  # noqa: N802 (QgsFeatureSink)
        if self.virtual is not None:
            raise QgsProcessingException("plan check: features written to a kept output")
        ok, _ = self.layer.dataProvider().addFeatures(features)
        return ok


class DiscardSink:
    """The sink of a per-feature output no step reads: nothing is written."""

    def addFeatures(self, features, flags=None):  # noqa: N802
        return True


class Plan:
    """The layers of one check run read once, and the intermediate outputs kept as columns."""

    def __init__(self):
        self.stored = {}     # model parameter name -> StoredLayer
        self.virtual = {}    # destination id -> VirtualLayer
        self.temporary = set()   # destination ids of the intermediate outputs (freed after their last reader)
        self.made_temporary = []  # the outputs of the step being run that are intermediate
        self.keeping = False      # whether the step being run keeps its per-building output (OUTPUT_BUILDINGS)
        self.kept = {}            # destination id -> (place in model_order, VirtualLayer) of the per-building outputs kept
        self.model_order = []     # the steps in the model's own order
        self.user_fields = set()   # names of the fields of the user's input layers
        self.replaced = set()      # those a step replaced, said once

    def node(self, value):
        if isinstance(value, str):
            if value.startswith(MARK + "layer:"):
                return self.stored.get(value[len(MARK + "layer:"):])
            return self.virtual.get(value)
        return None


def origin_name(plan, parameters, context, output):
    """The name of the user's layer whose features a step's ``output`` holds (those of UNITS for
    UNITS_OUTPUT, of INPUT otherwise): an intermediate output carries it, so that a later step's
    messages name a layer the user knows, not a step of the check."""
    prefix = output[:-len("_OUTPUT")] if output.endswith("_OUTPUT") else ""
    value = parameters.get(prefix if prefix in parameters else "INPUT")
    node = plan.node(value)
    if node is not None:
        return node.root.source.sourceName()
    layer = QgsProcessingUtils.mapLayerFromString(value, context) if isinstance(value, str) else None
    return layer.name() if layer is not None else None


class EmbeddedIO:
    """Mixed in front of a single algorithm's class when a plan check runs it as a step: reads of
    layers read once come from the ``Plan``, intermediate outputs are kept or dropped."""

    plan = None

    def checkParameterValues(self, parameters, context):  # noqa: N802
        given = {}
        for name, value in parameters.items():
            node = self.plan.node(value)
            given[name] = node.value if isinstance(node, StoredLayer) else value
        return super().checkParameterValues(given, context)

    def parameterAsSource(self, parameters, name, context):  # noqa: N802
        node = self.plan.node(parameters.get(name))
        if node is not None:
            return node.proxy
        return super().parameterAsSource(parameters, name, context)

    def _decoded_layer(self, parameters, name, context):
        if self.plan.node(parameters.get(name)) is not None:
            return None   # decoded (GBK) by the check when it read the layer
        return super()._decoded_layer(parameters, name, context)

    def read_chunks(self, source, feedback, numeric=(), text=(), request=None, transform=None,
                    whole=False, repair=True, signed=False, nodata=(), features=True):
        node = source.node if isinstance(source, LayerProxy) else None
        if node is None or not _plain(request):
            if isinstance(node, VirtualLayer):
                raise QgsProcessingException("plan check: a kept output cannot be read with a filter")
            real = source.real if node is not None else source
            yield from super().read_chunks(real, feedback, numeric, text, request, transform, whole, repair,
                                           signed, nodata, features)
            return
        geometry, invalid = node.geometry(self, feedback, transform, repair)
        values, unusable = {}, {}
        for index in numeric:
            column = node.column(self, feedback, transform, index, True)
            usable = tables.usable_numbers(column, signed=signed, nodata_codes=index in nodata)
            bad = ~usable & ~np.isnan(column)
            values[index] = np.where(usable, column, np.nan) if bad.any() else column
            if bad.any():
                unusable[index] = bad
        for index in text:
            values[index] = node.column(self, feedback, transform, index, False)
        self._warn_unusable(node, unusable, nodata, feedback)
        n = len(geometry)
        step = max(n, 1) if whole else self.CHUNK_SIZE
        for start in range(0, n, step):
            end = min(start + step, n)
            part = node.root.slices.setdefault((id(geometry), start, end), (geometry, geometry[start:end]))[1]
            chunk = Chunk(_Placeholders(end - start), part,
                          {i: v[start:end].copy() for i, v in values.items()},   # a step may change its own
                          int(invalid[start:end].sum()) if invalid is not None else 0,
                          {i: int(bad[start:end].sum()) for i, bad in unusable.items() if bad[start:end].any()})
            chunk.lcr_origin, chunk.lcr_offset = node, start
            self.check_canceled(feedback)
            yield chunk
            if not whole:
                feedback.setProgress(100.0 * end / max(n, 1))

    def _warn_unusable(self, node, unusable, nodata, feedback):
        """The values a step may not take that the layer's one reading kept (negative, nodata codes)."""
        for index, bad in unusable.items():
            feedback.pushWarning(self.tr(
                "“{layer}”: {n} values of “{field}” cannot be real ({kinds}); they are read as missing.").format(
                    layer=node.root.source.sourceName(), n=int(bad.sum()), field=node.fields().at(index).name(),
                    kinds=self.tr("infinite, too large or negative") if index not in nodata else
                    self.tr("infinite, too large, negative or a nodata code such as −9999 or 9999")))

    def output_fields(self, input_fields, new_fields, feedback):
        """The steps' own layers carry the fields earlier steps wrote, which a later step replaces: said
        only of a field one of the user's layers has, and once a check."""
        fields, positions = super().output_fields(input_fields, new_fields, QgsProcessingFeedback())
        for name, _kind in new_fields:
            if input_fields.lookupField(name) >= 0 and name in self.plan.user_fields and name not in self.plan.replaced:
                self.plan.replaced.add(name)
                feedback.pushWarning(self.tr("Your input layers already have a field “{field}”: the check computes "
                                             "it again and uses its own values.").format(field=name))
        return fields, positions

    def create_sink(self, parameters, name, context, fields, wkb_type=QgsWkbTypes.Type.NoGeometry, crs=None):
        value = parameters.get(name)
        if value == DISCARD:
            return DiscardSink(), ""
        if value == TEMPORARY:
            crs = crs if crs is not None else QgsCoordinateReferenceSystem()
            sink = VirtualSink(self.plan, fields, wkb_type, crs, context,
                               origin_name(self.plan, parameters, context, name) or self.parameterDefinition(name).description())
            return sink, sink.dest_id
        return super().create_sink(parameters, name, context, fields, wkb_type, crs)

    def write_chunk(self, sink, chunk, input_count, positions, columns, parameters, output, geometries=None,
                    transform=None):
        if isinstance(sink, DiscardSink):
            self.check_canceled()
            return
        origin = getattr(chunk, "lcr_origin", None)
        if origin is not None:
            if not isinstance(sink, VirtualSink) or geometries is not None:
                raise QgsProcessingException("plan check: a layer read once cannot be written as features")
            sink.capture(chunk, positions, columns)
            self.check_canceled()
            return
        super().write_chunk(sink, chunk, input_count, positions, columns, parameters, output, geometries, transform)


_EMBEDDED = {}


def embedded(algorithm_class, plan):
    """An instance of ``algorithm_class`` that runs as a step of ``plan``."""
    if algorithm_class not in _EMBEDDED:
        _EMBEDDED[algorithm_class] = type(f"Embedded{algorithm_class.__name__}", (EmbeddedIO, algorithm_class), {})
    algorithm = _EMBEDDED[algorithm_class]()
    algorithm.plan = plan
    algorithm.initAlgorithm({})
    return algorithm


# ---- the model's steps -------------------------------------------------------------------------------
def step_order(model, layers=None):
    """Child ids in an order where every step comes after the steps it reads.

    Without ``layers``, level by level (the steps needing none, then those needing only them, ...),
    each level by id: the model's own order. With ``layers`` (the model parameters read once), one
    step at a time, of the steps ready first one that reads, itself or through the steps it reads
    from, only layers already being read (that an earlier step read and a later one still reads),
    then one that reads any of them, each by id: a layer's readers then run one after the other and
    it is freed before the next layer is read, instead of every layer being held at once (the
    buildings of a city through the land cover's overlay). The steps are independent but for what
    they read from each other, so any such order gives the same results."""
    children = model.childAlgorithms()
    needs = {cid: set(model.dependsOnChildAlgorithms(cid)) for cid in children}
    order, done = [], set()
    if layers is None:
        while len(order) < len(children):
            ready = sorted(cid for cid in children if cid not in done and needs[cid] <= done)
            if not ready:
                raise QgsProcessingException("plan check: the model's steps depend on each other in a circle")
            order += ready
            done.update(ready)
        return order
    reads = _layers_read(model, set(layers))
    while len(order) < len(children):
        ready = [cid for cid in children if cid not in done and needs[cid] <= done]
        if not ready:
            raise QgsProcessingException("plan check: the model's steps depend on each other in a circle")
        being_read = {name for cid in done for name in reads[cid]} & \
            {name for cid in children if cid not in done for name in reads[cid]}

        def rank(cid):
            return 0 if reads[cid] <= being_read else 1 if reads[cid] & being_read else 2

        chosen = min(ready, key=lambda cid: (rank(cid), cid))
        order.append(chosen)
        done.add(chosen)
    return order


def _layers_read(model, layers):
    """{child id: the ``layers`` it reads, itself or through the steps whose outputs it reads}."""
    found = {}

    def read_by(cid):
        if cid not in found:
            found[cid] = set()   # a circle is refused by step_order
            names = set()
            for sources in model.childAlgorithm(cid).parameterSources().values():
                for source in sources:
                    if source.source() == MODEL_SOURCE.ModelParameter and source.parameterName() in layers:
                        names.add(source.parameterName())
                    elif source.source() == MODEL_SOURCE.ChildOutput:
                        names |= read_by(source.outputChildId())
            found[cid] = names
        return found[cid]

    for cid in model.childAlgorithms():
        read_by(cid)
    return found


def consumed_outputs(model):
    """(child id, output name) of every step output another step reads."""
    used = set()
    for child in model.childAlgorithms().values():
        for sources in child.parameterSources().values():
            for source in sources:
                if source.source() == MODEL_SOURCE.ChildOutput:
                    used.add((source.outputChildId(), source.outputName()))
    return used


def last_uses(model, order):
    """({(child id, output): index in ``order`` of the last step reading it},
    {model parameter: index of the last step reading it})."""
    outputs, parameters = {}, {}
    for number, child_id in enumerate(order):
        for sources in model.childAlgorithm(child_id).parameterSources().values():
            for source in sources:
                if source.source() == MODEL_SOURCE.ChildOutput:
                    outputs[(source.outputChildId(), source.outputName())] = number
                elif source.source() == MODEL_SOURCE.ModelParameter:
                    parameters[source.parameterName()] = number
    return outputs, parameters
