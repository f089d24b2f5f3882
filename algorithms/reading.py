"""Reading features into arrays: whole layers, or chunk by chunk, as columns where GDAL gives them (the
reading half of ``base.LcrAlgorithm``: a mixin of it, with the functions it uses)."""
import collections
import contextlib
import gc
import itertools
import os
from dataclasses import dataclass, field as dataclass_field

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsProcessingFeatureSource,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QUrl, QUrlQuery

from ..core import encoding as core_encoding
from ..core import tables, textnum, zones
from . import columnar
from ..qt_compat import holds_numbers

# No CRS has coordinates beyond this (a zone-prefixed Gauss-Krüger easting is below 5e7 m): a geometry
# with one is spoilt, like one with a NaN.
LARGEST_COORDINATE = 1e9
# shapely's type ids of the geometries a layer of each geometry type may hold
_TYPE_IDS = {QgsWkbTypes.GeometryType.PointGeometry: (0, 4), QgsWkbTypes.GeometryType.LineGeometry: (1, 2, 5),
             QgsWkbTypes.GeometryType.PolygonGeometry: (3, 6)}
_TYPE_NAMES = ("Point", "LineString", "LinearRing", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon",
               "GeometryCollection")


@dataclass
class Chunk:
    """A run of features read from a source, with their geometries and chosen fields as arrays."""
    features: list
    geometry: np.ndarray      # shapely geometries (None where the feature has none)
    values: dict              # field index -> numpy array (float for numeric, object for text)
    repaired: int             # invalid geometries repaired for the calculation
    unusable: dict = dataclass_field(default_factory=dict)   # numeric field index -> values read as missing
    unreadable: dict = dataclass_field(default_factory=dict)  # text field read as numbers -> (count, examples)
    fids: np.ndarray = None   # the features' ids where ``features`` holds None (written by a GpkgResultSink)
    bad_coordinates: int = 0  # geometries dropped (None) for a coordinate that is NaN, infinite or absurd
    type_ids: np.ndarray = None   # shapely's type id of each geometry as read (-1: none)
    collapsed: int = 0        # polygons dropped (None) because they have no area, not even once repaired
    foreign: np.ndarray = None    # True where a geometry is of a type the layer's type excludes (dropped)


class ReadingMixin:
    def read_whole(self, source, crs, context, feedback, numeric=(), text=(), features=True):
        """All of ``source`` as one ``Chunk``, its geometries in ``crs`` for the calculation (invalid
        ones repaired, with a warning naming the layer). Without ``features`` its QgsFeatures are dropped
        (``write_layer`` reads them again): a city's parcels and their fields weigh more as features."""
        chunk = next(self.read_chunks(source, feedback, numeric, text, whole=True,
                                      transform=transform_to(source, crs, context)))
        self.report_repaired(feedback, chunk.repaired, source)
        if not features:
            chunk.features = None
        return chunk

    def any_geometry_type(self, source):
        """Say that ``source`` is read for whatever geometries it holds, of any type (OSM multipolygons, whose
        broken ones are lines), instead of leaving those of another type than the layer's out."""
        self.__dict__.setdefault("_any_type", set()).add(id(source))

    def report_repaired(self, feedback, n, source):
        """Says that ``n`` invalid geometries of ``source`` were repaired (make_valid) for the calculation."""
        if n:
            feedback.pushWarning(self.tr(
                "{n} invalid geometries of “{layer}” were repaired for the calculation; the output keeps them "
                "as they were.").format(n=n, layer=source.sourceName()))

    def warn_apart(self, feedback, geometries, layer, other, other_layer, reach=0.0):
        """Warns, naming both layers, when no feature of ``layer`` can lie within ``reach`` of one of
        ``other_layer`` (geometries in one CRS): the results that need both are then honestly 0 or
        empty, but most likely the layers are of different places or in a wrong CRS."""
        if zones.extents_apart(geometries, other, reach):
            feedback.pushWarning(self.tr(
                "No feature of “{layer}” lies within reach of any feature of “{other}”: the extents of the two "
                "layers do not overlap. Check that both cover the same place and that their CRS is right.").format(
                    layer=layer, other=other_layer))

    def report_population(self, feedback, values, source):
        """Warns of the features of ``source`` whose population (an array read from a numeric field)
        is missing or negative: the core functions count them as 0."""
        bad = int((~(np.asarray(values, dtype=float) >= 0)).sum())
        if bad:
            feedback.pushWarning(self.tr(
                "{n} features of “{layer}” have a missing or negative population, counted as 0.").format(
                    n=bad, layer=source.sourceName()))

    def read_chunks(self, source, feedback, numeric=(), text=(), request=None, transform=None,
                    whole=False, repair=True, signed=False, nodata=(), features=True):
        """Yield ``Chunk``s of at most ``CHUNK_SIZE`` features (one of them all if ``whole``).

        Geometries are transformed by ``transform`` for the calculation only. With ``repair``,
        invalid ones are mended with make_valid for the calculation and counted in ``Chunk.repaired``.
        Numbers that cannot be real (``core.tables.usable_numbers``: infinite, implausibly large,
        negative unless ``signed``, and for the ``nodata`` fields — depths, heights, floors — the
        nodata codes 999, 9999, 99999) are read as missing, and the log says how many per field.
        Raises ``Canceled`` within ``CANCEL_EVERY`` features of a Cancel. Without ``features`` (a table read for
        its values only) a source read as columns gives no QgsFeatures: ``Chunk.features`` holds None and
        ``Chunk.fids`` the ids.
        """
        request = request or QgsFeatureRequest()
        total = max(source.featureCount(), 1)
        done = 0
        fields = source.fields()
        # only ``lookup_field(..., text_numbers=True)`` lets a text field into ``numeric``
        text_numbers = {i for i in numeric if 0 <= i < fields.count() and not holds_numbers(fields.at(i))}
        self._log_text_numbers(source, text_numbers, feedback)
        rows = iterate_features(source, request)
        # a request without geometry (tables read for their numbers) reads no missing geometry
        geometry = not request.flags() & QgsFeatureRequest.Flag.NoGeometry
        columns = None if whole else self._columns(source, request, transform, numeric, text)
        # A source a GpkgResultSink copies needs no QgsFeatures: the columns give the ids
        fids_only = columns is not None and (
            not features or self.__dict__.get("_copied_sources", {}).get(id(source)) is source)
        batches = self._row_batches(rows, transform, whole, feedback) if columns is None else \
            self._column_batches(columns, rows, fields, transform, feedback, fids_only)
        while True:
            with gc_paused():
                batch = next(batches, None)
                if batch is None:
                    return
                features, wkbs, raw = batch
                done += len(features)
                chunk = self._checked_chunk(source, feedback, features, wkbs, numeric, text, repair, signed, nodata,
                                            text_numbers, raw, geometry=geometry)
                if raw is not None and "fids" in raw:
                    chunk.fids = raw["fids"]
                self.check_canceled(feedback)   # making the arrays took a few tenths of a second
            yield chunk
            if not whole and len(features) >= self.CHUNK_SIZE:   # a full chunk: more may follow
                feedback.setProgress(100.0 * done / total)

    def _row_batches(self, rows, transform, whole, feedback):
        """(features, their geometries' WKB, None) of the features ``rows`` yields, ``CHUNK_SIZE`` at a time
        (all at once if ``whole``)."""
        features, wkbs = [], []
        # Per feature only what must be per feature (the geometry's WKB); attributes are taken
        # field by field afterwards, never as whole lists (that marshalling doubles the cost).
        for feature in rows:
            features.append(feature)
            if len(features) % self.CANCEL_EVERY == 0:
                self.check_canceled(feedback)
            geometry = feature.geometry()
            if geometry.isNull():
                wkbs.append(None)
            else:
                if transform is not None:
                    geometry = QgsGeometry(geometry)
                    geometry.transform(transform)
                wkbs.append(bytes(geometry.asWkb()))
            if not whole and len(features) >= self.CHUNK_SIZE:
                yield features, wkbs, None
                features, wkbs = [], []
        self.check_canceled(feedback)
        if features:
            yield features, wkbs, None

    def _columns(self, source, request, transform, numeric, text):
        """A ``columnar.Columns`` reader of ``source`` where it is a whole GeoPackage table read as it is
        (``_note_whole_table``), with its own geometries (no transform) and every feature, into a file no
        output of the run writes; else None."""
        source_table = self.__dict__.get("_whole_tables", {}).get(id(source))
        if source_table is None or source_table[0] is not source or transform is not None:
            return None
        if request.filterType() != QgsFeatureRequest.FilterType.FilterNone or request.limit() >= 0 or \
                request.destinationCrs().isValid():
            return None
        table = source_table[1]
        if any(os.path.exists(path) and os.path.samefile(path, table.path) for path in self._outputs.paths()):
            return None   # SQLite would have the file read and written at once
        names = source.fields().names()
        return columnar.Columns(table, [names[i] for i in numeric], [names[i] for i in text], self.CHUNK_SIZE,
                                geometry=not request.flags() & QgsFeatureRequest.Flag.NoGeometry)

    def _column_batches(self, columns, rows, fields, transform, feedback, fids_only=False):
        """(features, WKB, {"numbers"|"texts": {field index: raw values}}) per batch of ``columns``, the
        features themselves taken from ``rows`` ``CANCEL_EVERY`` at a time without touching them in Python.
        Where QGIS reads other features than GDAL's columns (their ids differ), the rest is read feature by
        feature. With ``fids_only`` the features are None (``rows`` is not read) and the ids come in the
        batch's "fids" (if the table gives no columns after all, the features are read)."""
        given = 0
        for fid, wkb, numbers, texts in columns.batches():
            indices = {name: fields.lookupField(name) for name in (*numbers, *texts)}
            if fids_only:
                given += len(fid)
                self.check_canceled(feedback)
                yield [None] * len(fid), wkb, {"numbers": {indices[n]: v for n, v in numbers.items()},
                                               "texts": {indices[n]: v for n, v in texts.items()}, "fids": fid}
                continue
            features = []
            while len(features) < len(fid):
                taken = list(itertools.islice(rows, min(self.CANCEL_EVERY, len(fid) - len(features))))
                self.check_canceled(feedback)
                if not taken:
                    break
                features += taken
            if len(features) != len(fid) or (len(fid) and (features[0].id() != fid[0] or features[-1].id() != fid[-1])):
                yield from self._row_batches(itertools.chain(features, rows), transform, False, feedback)
                return
            yield features, wkb, {"numbers": {indices[n]: v for n, v in numbers.items()},
                                  "texts": {indices[n]: v for n, v in texts.items()}}
        # Features GDAL's columns did not give (or none at all, where the table could not be read so).
        if fids_only and given:
            return
        yield from self._row_batches(rows, transform, False, feedback)

    def _log_text_numbers(self, source, text_numbers, feedback):
        """Says once per run and field that a text field is read as numbers."""
        logged = self.__dict__.setdefault("_text_numbers_logged", set())
        for index in sorted(text_numbers):
            field = source.fields().at(index).name()
            if (source.sourceName(), field) in logged:
                continue
            logged.add((source.sourceName(), field))
            feedback.pushInfo(self.tr(
                "“{layer}”: the text field “{field}” is read as numbers (6层 → 6, 6F → 6, 十二层 → 12, 12.5米 → "
                "12.5, 约30 → 30, 6-8层 → 7).").format(layer=source.sourceName(), field=field))

    def _checked_chunk(self, source, feedback, features, wkbs, numeric, text, repair, signed, nodata, text_numbers=(),
                       raw=None, geometry=True):
        chunk = _chunk(features, wkbs, numeric, text, repair, signed, nodata, text_numbers, raw)
        missing = int(shapely.is_missing(chunk.geometry).sum()) - chunk.bad_coordinates - chunk.collapsed \
            if geometry else 0
        if chunk.collapsed:
            feedback.pushWarning(self.tr(
                "“{layer}”: {n} polygons have no area (their outline folds onto a line or a point); they are left "
                "out of what is measured or placed.").format(layer=source.sourceName(), n=chunk.collapsed))
        allowed = _TYPE_IDS.get(QgsWkbTypes.geometryType(source.wkbType()))
        foreign = 0
        if geometry and allowed and chunk.type_ids is not None and id(source) not in self.__dict__.get("_any_type", ()):
            # (a GeometryCollection or a point in a polygon layer, a broken OSM multipolygon as lines): left
            # out like a missing geometry, and written without one, since the output's type cannot hold it
            chunk.foreign = (chunk.type_ids >= 0) & ~np.isin(chunk.type_ids, allowed)
            foreign = int(chunk.foreign.sum())
            if foreign:
                chunk.geometry[chunk.foreign] = None
                feedback.pushWarning(self.tr(
                    "“{layer}” is a {kind} layer, but {n} of its features hold other geometries, such as a {found}; "
                    "they are left out of what is measured or placed, and written without geometry.").format(
                        layer=source.sourceName(), kind=QgsWkbTypes.displayString(source.wkbType()), n=foreign,
                        found=_TYPE_NAMES[int(chunk.type_ids[chunk.foreign][0])]))
            else:
                chunk.foreign = None
        if chunk.bad_coordinates and geometry:
            feedback.pushWarning(self.tr(
                "“{layer}”: {n} features have a coordinate that is not a number or lies beyond ±{limit:g} (NaN, "
                "infinite, 1e300); they are left out of what is measured or placed.").format(
                    layer=source.sourceName(), n=chunk.bad_coordinates, limit=LARGEST_COORDINATE))
        if missing and not QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.GeometryType.NullGeometry:
            feedback.pushWarning(self.tr("“{layer}”: {n} features have no geometry (NULL or empty); they are "
                                         "left out of what is measured or placed.").format(
                                             layer=source.sourceName(), n=missing))
        for index, (count, examples) in chunk.unreadable.items():
            feedback.pushWarning(self.tr(
                "“{layer}”: {n} values of the text field “{field}” hold no number that can be read (such as "
                "{examples}); they are read as missing.").format(
                    layer=source.sourceName(), n=count, field=source.fields().at(index).name(),
                    examples=", ".join(f"“{e}”" for e in examples)))
        for index, count in chunk.unusable.items():
            feedback.pushWarning(self.tr(
                "“{layer}”: {n} values of “{field}” cannot be real ({kinds}); they are read as missing.").format(
                    layer=source.sourceName(), n=count, field=source.fields().at(index).name(),
                    kinds=self.tr("infinite, too large or negative") if index not in nodata else
                    self.tr("infinite, too large, negative or a nodata code such as −9999 or 9999")))
        return chunk


def decoded_field_names(layer):
    """The field names of ``layer`` as its file gives them where QGIS reads a GBK shapefile or text file
    as UTF-8 (``_gbk_uri``) and shows them garbled, in the layer's order; None where the layer is read
    right. For guessing fields by name (the wizard) as an algorithm reads them."""
    found = _gbk_uri(layer) if isinstance(layer, QgsVectorLayer) and layer.isValid() else None
    if found is None:
        return None
    decoded = QgsVectorLayer(found[0], "decoded", layer.providerType())
    if not decoded.isValid() or decoded.fields().count() != layer.fields().count():
        return None
    return decoded.fields().names()


def _gbk_uri(layer):
    """(uri, path, kind) opening ``layer``'s file as GBK where it is a shapefile or delimited text
    file that QGIS reads as UTF-8 and ``core.encoding`` finds GBK; else None. A layer whose encoding
    the user set (anything but UTF-8) is left as it is."""
    provider = layer.providerType()
    registry = QgsProviderRegistry.instance()
    if provider == "ogr":
        parts = registry.decodeUri(provider, layer.source())
        path = parts.get("path") or ""
        if not path.lower().endswith((".shp", ".dbf")):
            return None
        if layer.dataProvider().encoding().replace("-", "").upper() != "UTF8" or \
                core_encoding.shapefile_encoding(path) != core_encoding.GBK:
            return None
        # GDAL recodes the table itself through this open option (QGIS 3.22 and 3.40 alike)
        options = [o for o in (parts.get("openOptions") or []) if not o.upper().startswith("ENCODING=")]
        parts["openOptions"] = options + ["ENCODING=GB18030"]
        parts.pop("subset", None)
        return registry.encodeUri(provider, parts), path, "shapefile"
    if provider == "delimitedtext":
        url = QUrl(layer.source())
        query = QUrlQuery(url)
        current = query.queryItemValue("encoding") or "UTF-8"
        path = url.toLocalFile()
        if current.replace("-", "").upper() != "UTF8" or core_encoding.text_file_encoding(path) != core_encoding.GBK:
            return None
        query.removeAllQueryItems("encoding")
        query.addQueryItem("encoding", "GB18030")
        url.setQuery(query)
        return url.toString(), path, "text"
    return None


@contextlib.contextmanager
def gc_paused():
    """Python's cycle collector off for a bulk step, back on after it (if it was on). Reading or writing a
    chunk makes a hundred thousand Python objects (features, geometries, values), which set the collector
    off again and again to scan every object alive: 13 % of a million-building run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def iterate_features(source, request=None):
    """The features of ``source`` with Processing's invalid-geometry check switched off.

    That check (the context's "stop on invalid geometry" default) raises from inside the C++
    iterator, and an exception thrown there while Python iterates it can abort QGIS. The toolkit
    repairs invalid geometries itself (``read_chunks``) and counts them, so the check is not needed.
    """
    request = request or QgsFeatureRequest()
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
    request.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    return source.getFeatures(request)


def materialize(source, attributes=None):
    """``source`` as a memory layer, its features read as ``iterate_features`` reads them: a
    QgsProcessingFeatureSource's own ``materialize`` applies the context's invalid-geometry check
    whatever the request says, and stops at the first invalid feature. ``attributes``: the indices
    of the only fields given values (the others stay NULL), for a layer that is only drawn."""
    layer = QgsMemoryProviderUtils.createMemoryLayer(source.sourceName(), source.fields(), source.wkbType(),
                                                     source.sourceCrs())
    request = QgsFeatureRequest().setSubsetOfAttributes(attributes) if attributes is not None else None
    layer.dataProvider().addFeatures(list(iterate_features(source, request)))
    return layer


def transform_to(layer, target_crs, context):
    """A transform from ``layer``'s CRS to ``target_crs``, or None where they are the same."""
    if not target_crs.isValid() or not layer.sourceCrs().isValid() or layer.sourceCrs() == target_crs:
        return None
    return QgsCoordinateTransform(layer.sourceCrs(), target_crs, context.transformContext())


def _linear_wkb(wkb):
    """``wkb`` with any circular arcs replaced by straight segments (QGIS's default tolerance)."""
    if wkb is None:
        return None
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    return bytes(geometry.asWkb())


def _chunk(features, wkbs, numeric, text, repair, signed=False, nodata=(), text_numbers=(), raw=None):
    """The ``Chunk`` of ``features``: geometries from ``wkbs``, field values from ``raw`` (values read as
    columns: {"numbers": {index: floats, or texts for ``text_numbers``}, "texts": {index: values}}) or
    else from the features."""
    try:
        geometry = shapely.from_wkb(np.array(wkbs, dtype=object))
    except NotImplementedError:   # shapely reads no curves (a GeoPackage's CurvePolygon): their arcs as segments
        geometry = shapely.from_wkb(np.array([_linear_wkb(wkb) for wkb in wkbs], dtype=object))
    # An empty geometry is no geometry: every algorithm counts missing ones, and an empty polygon
    # measured as 0 m² would pass for a real one.
    geometry[shapely.is_empty(geometry)] = None
    # So is one with a coordinate that is no number or beyond any CRS's range (NaN, 1e300): GEOS fails on
    # it, or measures a 1e300 corner as a few square metres. (A NaN gives NaN bounds or length.)
    with np.errstate(invalid="ignore", over="ignore"):
        bounds = shapely.bounds(geometry)
        spoilt = ~shapely.is_missing(geometry) & (
            ~np.isfinite(bounds).all(axis=1) | (np.abs(bounds) > LARGEST_COORDINATE).any(axis=1)
            | ~np.isfinite(shapely.length(geometry)))
    geometry[spoilt] = None
    type_ids = shapely.get_type_id(geometry).astype(np.int8)   # before a repair makes a collection
    repaired = 0
    # A polygon whose outline folds onto itself (zero area, even repaired: a line or a point) is no
    # polygon to measure or to place, though one of the right shape would lie somewhere else.
    flat = np.isin(type_ids, (3, 6)) & ~(shapely.area(geometry) > 0)
    if flat.any():
        flat[flat] = ~(shapely.area(shapely.make_valid(geometry[flat])) > 0)
        geometry[flat] = None
    collapsed = int(flat.sum())
    if repair:
        invalid = ~shapely.is_valid(geometry) & ~shapely.is_missing(geometry)
        if invalid.any():
            geometry[invalid] = shapely.make_valid(geometry[invalid])
        repaired = int(invalid.sum())
    values, unusable, unreadable = {}, {}, {}
    for index in numeric:
        if raw is not None and index not in text_numbers:
            numbers = np.asarray(raw["numbers"][index], dtype=float)
        else:
            column = pd.Series(raw["numbers"][index] if raw is not None else [f[index] for f in features],
                               dtype=object)
        if index in text_numbers:
            numbers, unread = textnum.parse_numbers(column)
            if unread.any():
                unreadable[index] = (int(unread.sum()), list(pd.unique(column[unread]))[:3])
        elif raw is None:
            numbers = pd.to_numeric(column, errors="coerce").to_numpy(float)
        usable = tables.usable_numbers(numbers, signed=signed, nodata_codes=index in nodata)
        bad = int((~usable & ~np.isnan(numbers)).sum())
        if bad:
            numbers = np.where(usable, numbers, np.nan)
            unusable[index] = bad
        values[index] = numbers
    for index in text:
        # values read as columns are already text or None
        values[index] = np.array(raw["texts"][index] if raw is not None else
                                 [_text_or_none(f[index]) for f in features], dtype=object)
    return Chunk(features, geometry, values, repaired, unusable, unreadable, bad_coordinates=int(spoilt.sum()),
                 type_ids=type_ids, collapsed=collapsed)


def geometries_from_wkb(wkb, transform):
    """A QgsGeometry from WKB (an empty one for None), taken through ``transform`` where given."""
    geometry = QgsGeometry()
    if wkb is None:
        return geometry
    geometry.fromWkb(wkb)
    if transform is not None:
        geometry.transform(transform)
    return geometry


def _text_or_none(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return str(value)


def as_attribute_list(values):
    """Python values for QgsFeature.setAttribute: NaN and infinite numbers become None (NULL)."""
    array = np.asarray(values)
    if array.dtype.kind == "f":
        objects = array.astype(object)
        objects[~np.isfinite(array)] = None
        return objects.tolist()
    return array.tolist()


def run_all(calls):
    """Exhaust an iterator of calls made for their effect."""
    collections.deque(calls, maxlen=0)
