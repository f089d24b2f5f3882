"""What a run writes at the user's destinations, so that a cancelled or failed run leaves nothing there.

``LcrAlgorithm`` registers every sink and output file here as it is made (``create_sink``,
``output_path``). After a normal end ``keep`` lets them go; on cancel or error ``discard`` closes the
sinks and removes what the run wrote: files it created, and files it overwrote (an output being
replaced), but never a file the run did not touch. That is decided per file by comparing its
identity and modification time with a snapshot taken before the sink or file was made, so an input,
an old result the run never reached, or a style file next to the output stays. A layer the run added
to a GeoPackage the user already had is deleted from it; the file stays.

Database destinations (PostGIS and the like) are left as they are: there is no file to remove.
"""
import contextlib
import os
import re

from osgeo import gdal
from qgis.core import QgsDataSourceUri, QgsProcessing, QgsProcessingOutputLayerDefinition, QgsProperty
from qgis.PyQt import sip

# Files a format writes beside the one named, by the named file's extension.
COMPANIONS = {
    ".shp": (".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qix", ".sbn", ".sbx"),
    ".tab": (".dat", ".id", ".map", ".ind"),
    ".mif": (".mid",),
}
# Suffixes appended to the whole name: SQLite's journals (GeoPackage) and GDAL's side files.
APPENDED = ("-wal", "-shm", "-journal", ".aux.xml", ".ovr")
_PROVIDER_URI = re.compile(r"^(.{3,}?):(.*)$")   # "postgres:…", "ogr:…"; not "C:/…"
# GDAL 3.10 (Debian 13) aborts the whole process (std::terminate inside GDALClose) when a GeoPackage
# being written is unlinked before it is closed; 3.6 (Debian 12) is the newest release seen to take it.
_UNLINK_BEFORE_CLOSE = os.name == "posix" and int(gdal.VersionInfo()) < 3070000


@contextlib.contextmanager
def inputs_left_alone():
    """Rasters opened inside write nothing beside themselves. GDAL keeps what it learns of a dataset
    (the statistics QGIS computes for a raster layer's default style) in a ``.aux.xml`` written beside
    the file when the dataset closes, in the user's data folder. A dataset opened while GDAL_PAM_ENABLED
    is NO never writes one; the option is set for this thread only (Processing runs algorithms in
    threads) and restored afterwards."""
    before = gdal.GetThreadLocalConfigOption("GDAL_PAM_ENABLED", None)
    gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO")
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", before)


class _Written:
    """One destination: its sink (if any), the path asked for and the state of its files before."""

    def __init__(self, path, update):
        self.sink = None
        self.path = path          # file path asked for (None: memory or database)
        self.update = update      # a layer written into an existing file ("ogr:dbname=… table=…")
        self.final = path         # file path and layer name the writer ended up with
        self.layer = None
        self.before = {p: _identity(p) for p in _files(path)} if path else {}


class RunOutputs:
    """The sinks and output files of one run (one algorithm instance: Processing makes one per run)."""

    def __init__(self):
        self._written = []

    def expect(self, destination, context):
        """Snapshot the files at ``destination`` (a path, "ogr:" URI, TEMPORARY_OUTPUT, a
        QgsProcessingOutputLayerDefinition or QgsProperty) before anything is written there."""
        path, update, layer = _destination(destination, context)
        written = _Written(path, update)
        written.layer = layer
        self._written.append(written)
        return written

    def add_sink(self, written, sink, dest_id):
        """Attach the sink made for ``written``; ``dest_id`` is where the writer put it."""
        written.sink = sink
        if written.path and dest_id:
            path, _, layer = str(dest_id).partition("|layername=")
            written.final, written.layer = path, layer.split("|")[0] or None

    def paths(self):
        """The files the run's outputs write."""
        return [written.final for written in self._written if written.final]

    def keep(self):
        """A normal end: flush the sinks where QGIS can (``finalize``, in releases since late 2024) and let
        them go."""
        for written in self._written:
            finalize = getattr(written.sink, "finalize", None)
            if finalize is not None and (not isinstance(written.sink, sip.simplewrapper) or
                                         not sip.isdeleted(written.sink)):
                finalize()
        self._written = []

    def discard(self):
        """Close the sinks and take back what the run wrote (see the module docstring). Returns the
        outputs taken back: their paths, or "path|layername=…" for a deleted layer."""
        removed = []
        for written in reversed(self._written):
            if _UNLINK_BEFORE_CLOSE and not written.update:
                # Unlinked first, a GeoPackage closes at once: SQLite sees its file gone and GDAL 3.6
                # skips the spatial index it would otherwise build at close (0.5 s per 30,000 features).
                # Elsewhere (an open file cannot be removed on Windows; newer GDAL, above) it is
                # closed first, the slow way.
                removed += _take_back(written)
            if hasattr(written.sink, "close") and not isinstance(written.sink, sip.simplewrapper):
                written.sink.close()   # a fastwrite.GpkgResultSink: no QGIS object
            elif written.sink is not None and not sip.isdeleted(written.sink):
                # Other references to the sink may still be alive in the failed run's frames; GDAL's
                # complaints about the file it can no longer write are expected and not shown.
                gdal.PushErrorHandler("CPLQuietErrorHandler")
                try:
                    sip.delete(written.sink)
                finally:
                    gdal.PopErrorHandler()
            removed += _take_back(written)
        self._written = []
        return list(dict.fromkeys(removed))


def dbf_names(names):
    """The field names a Shapefile's .dbf gets for ``names``, as GDAL writes them (ogrshapelayer.cpp,
    CreateField): at most 10 bytes, trailing spaces trimmed, and a name already taken (case-insensitively)
    becomes its first 8 bytes + "_1" … "_9", then + "10" … "99". GDAL cuts UTF-8 bytes, even inside a
    character (a Chinese name longer than three characters): such a broken character is shown as “\ufffd”."""
    taken, out = set(), []
    for name in names:
        radix = name.encode("utf-8")[:10].rstrip(b" ")
        new, number = radix, 1
        while new.upper() in taken and number < 100:
            new = radix[:8] + (f"_{number}" if number < 10 else f"{number}").encode()
            number += 1
        taken.add(new.upper())
        out.append(new.decode("utf-8", errors="replace"))
    return out


# Formats whose files hold a table only: QGIS writes a layer's attributes there and drops its geometries.
NO_GEOMETRY = (".csv", ".xlsx", ".ods", ".xls", ".dbf", ".txt")


def keeps_no_geometry(path):
    return bool(path) and os.path.splitext(str(path))[1].lower() in NO_GEOMETRY


def is_provider_uri(text):
    """“memory:”, “ogr:dbname=…”, “postgres:…” (not a Windows drive, “C:/…”)."""
    return text.startswith("memory:") or bool(_PROVIDER_URI.match(text))


def is_shapefile(path):
    return bool(path) and os.path.splitext(str(path))[1].lower() in (".shp", ".dbf")


def _destination(destination, context):
    """(file path or None, whether a layer is written into an existing file, the layer's name if given)."""
    if isinstance(destination, QgsProcessingOutputLayerDefinition):
        destination = destination.sink
    if isinstance(destination, QgsProperty):
        destination = destination.valueAsString(context.expressionContext())
    text = str(destination or "")
    if not text or text == QgsProcessing.TEMPORARY_OUTPUT or text.startswith("memory:"):
        return None, False, None
    match = _PROVIDER_URI.match(text)
    if match:
        if match.group(1) != "ogr":
            return None, False, None
        uri = QgsDataSourceUri(match.group(2))
        return (uri.database() or match.group(2).split("|")[0]) or None, True, uri.table() or None
    return text.split("|")[0], False, None


def _files(path):
    """The named file and what its format writes beside it."""
    stem, extension = os.path.splitext(path)
    return [path] + [stem + e for e in COMPANIONS.get(extension.lower(), ())] + [path + s for s in APPENDED]


def _identity(path):
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns


def _take_back(written):
    if not written.final:
        return []
    if written.update and written.before.get(written.final) is not None:
        # The user's own file: only the layer this run wrote goes, never the file and its other layers.
        if written.layer and _delete_layer(written.final, written.layer):
            return [f"{written.final}|layername={written.layer}"]
        return []
    removed = False
    for path in _files(written.final):
        now = _identity(path)
        if now is not None and now != written.before.get(path):
            try:
                os.remove(path)
                removed = True
            except OSError:
                pass
    return [written.final] if removed else []


def _delete_layer(path, layer):
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    if dataset is None:
        return False
    for index in range(dataset.GetLayerCount()):
        if dataset.GetLayer(index).GetName() == layer:
            return dataset.DeleteLayer(index) == 0
    return False
