"""Writing "the input's features with new geometries" to a GeoPackage without a QgsFeature per feature, and
moving many geometries through a QgsCoordinateTransform in one call.

``GpkgGeometrySink`` is ``fastwrite.GpkgResultSink``'s twin for algorithms that move every vertex and keep
every field (lcr:china_coordinates): GDAL copies the input table in C (fields, fids, old geometries,
without a spatial index), then one SQLite ``UPDATE … SET geom = ? WHERE fid = ?`` per chunk replaces the
geometries with GeoPackage geometry blobs built as arrays (``gpkg_blobs``: the header GDAL writes, the
envelope from ``shapely.bounds``, ISO WKB from ``shapely.to_wkb``), while the same chunk's bounds go into
the R-tree. The R-tree table, its triggers and its ``gpkg_extensions`` row are made from the SQL that
GDAL wrote into QGIS's empty output for this very table (so they are what this GDAL version writes); the
triggers are made last, once every geometry and bound is in (they call GDAL's SQL functions, which this
connection lacks). The layer's extent in ``gpkg_contents`` becomes that of the new geometries. Everything
after the copy is one transaction: a cancelled or failed run rolls back and its file is removed.
"""
import os
import sqlite3

import numpy as np
import shapely
from qgis.core import QgsGeometry

from .fastwrite import GpkgResultSink, _quoted

# The blob header of a GeoPackage geometry (GeoPackage 1.2, 2.1.3): "GP", version 0, flags, srs id.
# Flags: bit 0 little-endian, bits 1–3 the envelope (1: x, y; 2: x, y, z), bit 4 an empty geometry.
_LITTLE, _XY, _XYZ, _EMPTY = 0x01, 0x02, 0x04, 0x10
SIMPLE_TYPES = {"POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON"}


def gpkg_blobs(geometries, srs_id):
    """GeoPackage geometry blobs of shapely ``geometries`` (None stays None), as GDAL writes them: no
    envelope for points and empty geometries (flagged empty), an x, y (x, y, z where the geometry has z)
    envelope for the others; ISO WKB, little-endian, z kept."""
    geometries = np.asarray(geometries, dtype=object)
    blobs = [None] * len(geometries)
    present = ~shapely.is_missing(geometries)
    if not present.any():
        return blobs
    wkbs = shapely.to_wkb(geometries, output_dimension=3, byte_order=1, flavor="iso")
    empty = present & shapely.is_empty(geometries)
    point = present & ~empty & (shapely.get_type_id(geometries) == shapely.GeometryType.POINT)
    with_z = present & shapely.has_z(geometries)
    boxed = present & ~empty & ~point
    for rows, flags, box in ((np.flatnonzero(point), _LITTLE, None), (np.flatnonzero(empty), _LITTLE | _EMPTY, None),
                             (np.flatnonzero(boxed & ~with_z), _LITTLE | _XY, "xy"),
                             (np.flatnonzero(boxed & with_z), _LITTLE | _XYZ, "xyz")):
        if not len(rows):
            continue
        fields = [("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4")]
        if box:
            fields += [(name, "<f8") for name in ("minx", "maxx", "miny", "maxy")]
        if box == "xyz":
            fields += [("minz", "<f8"), ("maxz", "<f8")]
        header = np.zeros(len(rows), dtype=fields)
        header["magic"], header["flags"], header["srs"] = b"GP", flags, srs_id
        if box:
            bounds = shapely.bounds(geometries[rows])
            header["minx"], header["miny"], header["maxx"], header["maxy"] = bounds.T
        if box == "xyz":
            z = shapely.get_coordinates(geometries[rows], include_z=True, return_index=True)
            lowest, highest = np.full(len(rows), np.inf), np.full(len(rows), -np.inf)
            np.minimum.at(lowest, z[1], z[0][:, 2])
            np.maximum.at(highest, z[1], z[0][:, 2])
            header["minz"], header["maxz"] = lowest, highest
        raw, size = header.tobytes(), header.itemsize
        for i, row in enumerate(rows.tolist()):
            blobs[row] = raw[i * size:(i + 1) * size] + wkbs[row]
    return blobs


def transform_xy(xy, transform):
    """Coordinates ``xy`` (n × 2) taken through the QgsCoordinateTransform ``transform`` (None: as they are)
    in one call of QGIS's transform, on one line string of them all, which gives each point as
    ``QgsGeometry.transform`` gives it. Raises QgsCsException as that does."""
    if transform is None or not len(xy):
        return xy
    header = np.array([1], "<u1").tobytes() + np.array([2, len(xy)], "<u4").tobytes()
    line = QgsGeometry()
    line.fromWkb(header + np.ascontiguousarray(xy, dtype="<f8").tobytes())
    line.transform(transform)
    return np.frombuffer(bytes(line.asWkb()), dtype="<f8", offset=len(header)).reshape(-1, 2)


class GpkgGeometrySink(GpkgResultSink):
    """The output GeoPackage ``path`` (one layer, made empty by QGIS) filled from the input table ``table``
    with its fields and fids and new geometries: ``copy``, then ``write`` per chunk, then ``finalize``."""

    CREATION_OPTIONS = ("SPATIAL_INDEX=NO",)   # the R-tree is filled with the new bounds as they are written

    def __init__(self, path, table, input_names):
        super().__init__(path, table, input_names, [])
        self._srs_id = 0
        self._empty = None
        self._description = ""
        self._index = None   # (R-tree table, its CREATE statement, its triggers' CREATE statements, extension rows)
        self._extent = [np.inf, np.inf, -np.inf, -np.inf]

    @classmethod
    def make(cls, path, table, input_names, new_names=()):
        """The sink, or None where the input is not as this path needs (see ``GpkgResultSink.make``)."""
        if list(new_names) or GpkgResultSink.make(path, table, input_names, []) is None:
            return None
        return cls(path, table, input_names)

    def open_output(self):
        """``GpkgResultSink.open_output``, then read from QGIS's empty layer its srs id and the SQL of its
        spatial index (none if it has none)."""
        if not super().open_output():
            return False
        db = sqlite3.connect(self.path)
        try:
            found = db.execute("SELECT srs_id, m, geometry_type_name, z FROM gpkg_geometry_columns WHERE "
                               "lower(table_name) = lower(?)", (self.layer,)).fetchone()
            # measures, curves, mixed types: the sink's way (shapely keeps no m, reads no curves); z too, as
            # QGIS 3.22 writes a feature without geometry as a 2-D empty geometry and 3.40 in the layer's z
            if found is None or found[1] == 1 or found[3] != 0 or str(found[2]).upper() not in SIMPLE_TYPES:
                return False
            self._srs_id = int(found[0])
            # A feature without geometry is written by QGIS as an empty geometry of the layer's type, in 2D
            self._empty = gpkg_blobs([shapely.from_wkt(f"{found[2]} EMPTY")], self._srs_id)[0]
            self._description = db.execute("SELECT description FROM gpkg_contents WHERE lower(table_name) = "
                                           "lower(?)", (self.layer,)).fetchone()[0]
            rtree = f"rtree_{self.layer}_{self._geometry}"
            table = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (rtree,)).fetchone()
            if table is not None:
                triggers = [row[0] for row in db.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND substr(name, 1, ?) = ? "
                    "ORDER BY rowid", (self.layer, len(rtree), rtree))]
                extensions = db.execute(
                    "SELECT * FROM gpkg_extensions WHERE lower(table_name) = lower(?) AND extension_name = "
                    "'gpkg_rtree_index'", (self.layer,)).fetchall()
                registry = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = "
                                      "'gpkg_extensions'").fetchone()[0]
                self._index = (rtree, table[0], triggers, extensions, registry)
        finally:
            db.close()
        return True

    def _copy_rows(self, canceled):
        # That copy keeps the input's geometry blobs and index boxes, both of which this sink replaces.
        return None

    def copy(self, canceled):
        if not super().copy(canceled):
            return False
        if self._index is not None:
            self._db.execute(self._index[1])
        return True

    def write(self, fids, geometries):
        """Set the geometries (shapely, in the layer's CRS; None for none) of the features ``fids``."""
        geometries = np.asarray(geometries, dtype=object)
        fids = np.asarray(fids, dtype=np.int64)
        blobs = [self._empty if blob is None else blob for blob in gpkg_blobs(geometries, self._srs_id)]
        self._db.executemany(f"UPDATE {_quoted(self.layer)} SET {_quoted(self._geometry)} = ? WHERE fid = ?",
                             zip(blobs, fids.tolist()))
        boxed = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
        if not boxed.any():
            return
        bounds = shapely.bounds(geometries[boxed])
        self._extent = [min(self._extent[0], bounds[:, 0].min()), min(self._extent[1], bounds[:, 1].min()),
                        max(self._extent[2], bounds[:, 2].max()), max(self._extent[3], bounds[:, 3].max())]
        if self._index is not None:
            self._db.executemany(f"INSERT INTO {_quoted(self._index[0])} VALUES (?, ?, ?, ?, ?)", zip(
                fids[boxed].tolist(), bounds[:, 0].tolist(), bounds[:, 2].tolist(), bounds[:, 1].tolist(),
                bounds[:, 3].tolist()))

    def finalize(self):
        """Make the index's triggers and extension row, set the layer's extent, commit and close. Should
        any of it fail, the file (which holds the old geometries) is removed."""
        if self._db is None:
            return
        try:
            if self._index is not None:
                for statement in self._index[2]:
                    self._db.execute(statement)
                if not self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_extensions'").fetchone():
                    self._db.execute(self._index[4])
                for row in self._index[3]:
                    self._db.execute(f"INSERT INTO gpkg_extensions VALUES ({', '.join('?' * len(row))})", row)
            extent = self._extent if np.isfinite(self._extent).all() else [None] * 4
            # QGIS's description (GDAL copied the input's), the new geometries' extent
            self._db.execute("UPDATE gpkg_contents SET description = ?, min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                             "WHERE lower(table_name) = lower(?)",
                             (self._description, *map(_number, extent), self.layer))
            super().finalize()
        except BaseException:
            self.close()
            os.remove(self.path)
            raise


def _number(value):
    return None if value is None else float(value)
