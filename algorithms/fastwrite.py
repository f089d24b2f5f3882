"""Writing "the input's features plus computed columns" to a GeoPackage without a QgsFeature per feature.

Through a QGIS sink every feature is a Python object whose attributes are set one by one: at 100,000
buildings that alone costs 20–45 % more than QGIS reading and writing the same features. Where the
source is a whole GeoPackage table (``columnar.whole_table``: no subset, selection, limit or filter)
and the destination is a new GeoPackage file, ``GpkgResultSink`` instead

1. lets QGIS make the output as today (``parameterAsSink``: the same file, layer name, field types and
   layer to load on completion), closes it and reads from it the layer's name and the SQL types of
   the new columns,
2. makes that file again with GDAL in C (``VectorTranslate``: every input feature with its fid, the
   spatial index built in bulk) and adds the new columns with those types, and
3. fills them with one SQLite ``UPDATE … WHERE fid = ?`` per chunk, all in one transaction (the
   spatial index triggers act on changes of the geometry or the fid only).

Values are converted as QGIS converts them when writing a feature (NaN → NULL; a fractional number
into an integer field rounds half away from zero, as Qt's ``QVariant.toInt`` does). The env variable
``LCR_SINK_WRITE=1`` forces the feature-by-feature sink (tests compare both).
"""
import os
import re
import sqlite3

import numpy as np
from osgeo import gdal, ogr

_PROVIDER_URI = re.compile(r"^[A-Za-z]{3,}:")   # "ogr:…", "memory:…"; not "C:/…"
# Field types copied unchanged by GDAL and by QGIS alike; anything else (dates, lists, booleans,
# JSON) goes through the sink.
PLAIN = {ogr.OFTInteger, ogr.OFTInteger64, ogr.OFTReal, ogr.OFTString}


def disabled():
    return os.environ.get("LCR_SINK_WRITE", "") not in ("", "0")


def gpkg_path(dest_id):
    """The file of a destination id that is a whole new GeoPackage file written by the sink, else None."""
    text = str(dest_id or "")
    if "|" in text or _PROVIDER_URI.match(text) or not text.lower().endswith(".gpkg"):
        return None
    return text if os.path.isfile(text) else None


def _plain_table(path, layer_name):
    """(GDAL dataset, layer) of ``layer_name`` in ``path`` if its fid column is "fid" and all its fields
    are of plain types; else (None, None)."""
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    layer = dataset.GetLayerByName(layer_name) if dataset is not None else None
    if layer is None or layer.GetFIDColumn() != "fid":
        return None, None
    definition = layer.GetLayerDefn()
    for i in range(definition.GetFieldCount()):
        field = definition.GetFieldDefn(i)
        if field.GetType() not in PLAIN or field.GetSubType() != ogr.OFSTNone:
            return None, None
    return dataset, layer


class GpkgResultSink:
    """The output GeoPackage ``path`` (one layer, made empty by QGIS) filled from the input table
    ``table`` (a ``columnar.Table``): ``copy`` the features, then ``write`` the computed columns."""

    CREATION_OPTIONS = ()   # GDAL's layer creation options beyond the geometry column and fid (subclasses)

    def __init__(self, path, table, input_names, new_names):
        self.path = path
        self.table = table
        self.input_names = list(input_names)      # the input's fields (QGIS's "fid" first) in output order
        self.new_names = list(new_names)
        self.layer = None                         # the output layer's name, its geometry column,
        self._geometry = None                     # its field types and the new columns' SQL types
        self._kinds = {}
        self._declared = []
        self._db = None

    @classmethod
    def make(cls, path, table, input_names, new_names):
        """The sink, or None where the input is not as this path needs."""
        source, source_layer = _plain_table(table.path, table.layer)
        if source is None:
            return None
        names = [source_layer.GetLayerDefn().GetFieldDefn(i).GetName()
                 for i in range(source_layer.GetLayerDefn().GetFieldCount())]
        if ["fid", *names] != list(input_names) or set(new_names) & {"fid", *names}:
            return None
        return cls(path, table, input_names, new_names)

    def open_output(self):
        """Check the output QGIS made (closed by now): one empty layer with the input's fields then the new
        ones. False where it is otherwise (the caller then makes a sink again)."""
        output = gdal.OpenEx(self.path, gdal.OF_VECTOR | gdal.OF_READONLY)
        if output is None or output.GetLayerCount() != 1:
            return False
        out_layer = output.GetLayer(0)
        definition = out_layer.GetLayerDefn()
        out_names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        if out_layer.GetFIDColumn() != "fid" or ["fid", *out_names] != self.input_names + self.new_names or \
                out_layer.GetFeatureCount():
            return False
        self.layer = out_layer.GetName()
        self._geometry = out_layer.GetGeometryColumn()
        self._kinds = {definition.GetFieldDefn(i).GetName(): definition.GetFieldDefn(i).GetType()
                       for i in range(definition.GetFieldCount())}
        output = out_layer = None
        db = sqlite3.connect(self.path)
        try:
            declared = {row[1]: row[2] for row in db.execute(f"PRAGMA table_info({_quoted(self.layer)})")}
        finally:
            db.close()
        self._declared = [declared.get(name) for name in self.new_names]
        return self._geometry != "" and None not in self._declared

    def copy(self, canceled):
        """Copy every input feature (geometry, fields, fid) in C; ``canceled()`` is asked between batches
        and stops the copy (returns False)."""
        stopped = []

        def progress(_complete, _message, _data):
            if canceled():
                stopped.append(True)
                return 0
            return 1

        os.remove(self.path)   # QGIS's empty layer: GDAL makes it again, full, and builds its index at once
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            result = gdal.VectorTranslate(
                self.path, self.table.path, format="GPKG", layers=[self.table.layer], layerName=self.layer,
                layerCreationOptions=[f"GEOMETRY_NAME={self._geometry}", "FID=fid", *self.CREATION_OPTIONS], options=["-preserve_fid"],
                callback=progress)
        except RuntimeError:   # GDAL with exceptions on: a stop or a failure raises
            if not stopped:
                raise
            result = None
        finally:
            gdal.PopErrorHandler()
        ok = result is not None and not stopped
        result = None
        if not ok:
            if stopped:
                return False
            raise RuntimeError(f"GDAL could not copy {self.table.path} into {self.path}: {gdal.GetLastErrorMsg()}")
        self._db = sqlite3.connect(self.path, isolation_level=None)
        # The spatial index triggers name GDAL's SQL functions, which this connection lacks; the ones on any
        # update run their body only where the fid changes, which never happens here. Stand-ins that refuse
        # to run let the statements compile and guarantee the index is never touched.
        for function in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
            self._db.create_function(function, 1, _never)
        self._db.execute("BEGIN")
        for name, declared in zip(self.new_names, self._declared):
            self._db.execute(f"ALTER TABLE {_quoted(self.layer)} ADD COLUMN {_quoted(name)} {declared}")
        return True

    def write(self, fids, positions_values):
        """Set the new columns of the features ``fids``: ``positions_values`` [(new field index, values)]."""
        names, columns = [], []
        for index, values in positions_values:
            name = self.new_names[index]
            names.append(name)
            columns.append(self._sql_values(values, self._kinds[name]))
        if not names:
            return
        sets = ", ".join(f"{_quoted(n)} = ?" for n in names)
        rows = zip(*columns, np.asarray(fids, dtype=np.int64).tolist())
        self._db.executemany(f"UPDATE {_quoted(self.layer)} SET {sets} WHERE fid = ?", rows)

    @staticmethod
    def _sql_values(values, kind):
        array = np.asarray(values)
        if array.dtype.kind == "f":
            finite = np.isfinite(array)
            if kind in (ogr.OFTInteger, ogr.OFTInteger64):
                rounded = np.where(array < 0, np.ceil(array - 0.5), np.floor(array + 0.5))
                objects = np.where(finite, rounded, 0).astype(np.int64).astype(object)
            else:
                objects = array.astype(object)
            objects[~finite] = None
            return objects.tolist()
        if array.dtype.kind == "b":
            return array.astype(np.int64).tolist()
        return array.tolist()

    def finalize(self):
        """Commit and close (``RunOutputs.keep``)."""
        if self._db is not None:
            self._db.execute("COMMIT")
            self._db.close()
            self._db = None

    def close(self):
        """Drop what is not committed and close (a cancelled or failed run; the file is then removed)."""
        if self._db is not None:
            try:
                self._db.execute("ROLLBACK")
            finally:
                self._db.close()
                self._db = None


def _never(_geometry):
    raise RuntimeError("the spatial index is not to be updated")


def _quoted(name):
    return '"' + name.replace('"', '""') + '"'
