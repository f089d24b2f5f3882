"""Reading a GeoPackage table's geometries and chosen fields as arrays, through GDAL's columnar
(Arrow) interface (GDAL ≥ 3.6), instead of asking every QgsFeature for its geometry and values.

At a million buildings that per-feature work in Python costs about as much as QGIS's own reading and
writing of the features; the columnar read costs a few per cent of it. ``LcrAlgorithm.read_chunks``
uses it where a source is a whole GeoPackage table read as it is (``whole_table``): no subset, no
selection, no feature limit or filter, fields of simple types. The features themselves are still
read through QGIS (they are written to the output); their ids are checked against the rows read here.
"""
import os

import numpy as np
from osgeo import gdal, ogr
from qgis.core import QgsProviderRegistry

ARROW = hasattr(ogr.Layer, "GetArrowStreamAsNumPy")   # GDAL 3.6 and later
SIMPLE_TYPES = {ogr.OFTInteger: "number", ogr.OFTInteger64: "number", ogr.OFTReal: "number", ogr.OFTString: "text"}
URI_PARTS = {"path", "layerName"}   # an ogr URI with anything else (subset, geometry type, ...) is not whole


class Table:
    """A GeoPackage table: its file and layer name."""

    def __init__(self, path, layer):
        self.path = path
        self.layer = layer


def whole_table(layer):
    """The ``Table`` a QgsVectorLayer reads whole and unchanged, or None (another provider or format, a
    subset string, an ogr URI with other parts, GDAL older than 3.6), or a layer whose features are not the
    file's rows: one in edit mode (its unsaved edits are what the user sees), with a join or an expression
    field."""
    if not ARROW or layer is None or layer.providerType() != "ogr" or layer.subsetString() or \
            layer.isEditable() or layer.vectorJoins() or layer.fields().count() != layer.dataProvider().fields().count():
        return None
    parts = {k: v for k, v in QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).items()
             if v not in (None, "", [], -1)}
    path = parts.get("path", "")
    if set(parts) - URI_PARTS or not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    name = parts.get("layerName")
    if not name:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
        if dataset is None or dataset.GetLayerCount() != 1:
            return None
        name = dataset.GetLayer(0).GetName()
    return Table(path, name)


class Columns:
    """Batches of a ``Table``: ``fid`` (int array), ``wkb`` (object array, None without geometry) and
    ``values`` {field name: raw values} — floats (NaN for NULL) for number fields read as numbers, Python
    values (None for NULL) for the others (text fields read as numbers, any field read as text). Without
    ``geometry`` the geometry column is not read (wkb all None)."""

    def __init__(self, table, numbers, texts, batch_size, geometry=True):
        self.table, self.geometry = table, geometry
        self.numbers, self.texts = list(numbers), list(texts)
        self.batch_size = max(int(batch_size), 1)
        self._nulls = {}

    def batches(self):
        """Yield (fid, wkb, numbers, texts) per batch, ``numbers`` and ``texts`` {field name: raw values};
        nothing where the table cannot be read so (the caller then reads the features)."""
        dataset = gdal.OpenEx(self.table.path, gdal.OF_VECTOR | gdal.OF_READONLY)
        layer = dataset.GetLayerByName(self.table.layer) if dataset is not None else None
        if layer is None:
            return
        definition = layer.GetLayerDefn()
        fid_name = layer.GetFIDColumn() or "OGC_FID"
        kinds = {}
        for i in range(definition.GetFieldCount()):
            field = definition.GetFieldDefn(i)
            if field.GetSubType() == ogr.OFSTNone and field.GetType() in SIMPLE_TYPES:
                kinds[field.GetName()] = SIMPLE_TYPES[field.GetType()]
        wanted = set(self.numbers) | set(self.texts)
        if any(name not in kinds and name != fid_name for name in wanted):
            return
        layer.SetIgnoredFields([definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())
                                if definition.GetFieldDefn(i).GetName() not in wanted]
                               + ([] if self.geometry else ["OGR_GEOMETRY"]))
        geometry_name = layer.GetGeometryColumn()
        stream = layer.GetArrowStreamAsNumPy(options=[f"MAX_FEATURES_IN_BATCH={self.batch_size}", "INCLUDE_FID=YES"])
        try:
            yield from self._read(stream, dataset, kinds, fid_name, geometry_name)
        finally:
            # GDAL's Arrow batches must be released before their stream, and the stream before its layer and
            # dataset: here, in that order, also when the reader stops early and Python drops this generator
            # later (on whatever thread its collector then runs on), never left to the order locals go in.
            stream = layer = definition = None
            dataset = None

    def _read(self, stream, dataset, kinds, fid_name, geometry_name):
        for batch in stream:
            # copies: an array viewing a batch keeps GDAL's Arrow memory alive after the stream and the dataset
            # are gone (the plan check keeps the arrays), and freeing it then corrupted memory on QGIS 3.44
            fid = np.asarray(batch[fid_name]).copy()
            wkb = batch[geometry_name].copy() if self.geometry and geometry_name in batch else \
                np.full(len(fid), None, dtype=object)
            numbers, texts = {}, {}
            for name in self.numbers:
                if name == fid_name:
                    numbers[name] = fid.astype(float)
                elif kinds[name] == "number":
                    numbers[name] = np.ma.filled(np.ma.asarray(batch[name]).astype(float), np.nan)
                else:
                    numbers[name] = self._texts(dataset, batch[name], kinds[name], name, fid_name, fid)
            for name in self.texts:
                texts[name] = fid.tolist() if name == fid_name else \
                    self._texts(dataset, batch[name], kinds[name], name, fid_name, fid)
            yield fid, wkb, numbers, texts

    def _texts(self, dataset, array, kind, name, fid_name, fid):
        """Text values as QGIS gives them (``str``), None for NULL: text decoded from UTF-8, numbers written
        as Python writes its ints and floats."""
        if kind == "number":
            masked = np.ma.asarray(array)
            values = [str(v) for v in masked.data.tolist()]
            for i in np.flatnonzero(np.ma.getmaskarray(masked)):
                values[i] = None
            return values
        array = np.asarray(array)
        if array.dtype.kind == "S":
            values = np.char.decode(array, "utf-8", "replace").astype(object)
        else:
            values = np.array([b.decode("utf-8", "replace") if isinstance(b, bytes) else b for b in array.tolist()],
                              dtype=object)
        empty = np.flatnonzero((values == "") | (values == None))  # noqa: E711 (element-wise)
        if len(empty):
            nulls = np.isin(fid[empty], self._null_fids(dataset, name, fid_name))
            values[empty] = np.where(nulls, None, "")
        return values.tolist()

    def _null_fids(self, dataset, field, fid_name):
        """The fids where the text ``field`` is NULL (the arrays give NULL text as ""), once per field."""
        if field not in self._nulls:
            def quoted(name):
                return '"' + name.replace('"', '""') + '"'
            result = dataset.ExecuteSQL(f"SELECT {quoted(fid_name)} FROM {quoted(self.table.layer)} "
                                        f"WHERE {quoted(field)} IS NULL")
            try:
                # SQLite gives the table's key as the features' id, not as a field
                as_field = result.GetLayerDefn().GetFieldCount() > 0
                self._nulls[field] = np.array([feature.GetField(0) if as_field else feature.GetFID()
                                               for feature in result], dtype=np.int64)
            finally:
                dataset.ReleaseResultSet(result)
        return self._nulls[field]

