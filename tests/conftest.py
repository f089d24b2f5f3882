"""Shared fixtures. The plugin is imported as ``lcr_toolkit`` through a link in a temporary
plugin folder, exactly as QGIS would load it, whatever the checkout's own folder is called."""
import faulthandler
import gc
import os
import signal
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLUGIN_ROOT = Path(tempfile.mkdtemp(prefix="lcr_plugins_"))
(PLUGIN_ROOT / "lcr_toolkit").symlink_to(REPO, target_is_directory=True)
sys.path.insert(0, str(PLUGIN_ROOT))
_PROVIDERS = []
# A test that runs longer than this (seconds; LCR_TEST_TIMEOUT, 0 for none) is taken for a hang (a deadlock
# once stalled a CI run for good): every thread's Python stack is written to stderr and the run ends with
# an error, so CI fails fast. Above the tests' own waits (the check again: up to 600 s on a busy machine).
TEST_TIMEOUT = float(os.environ.get("LCR_TEST_TIMEOUT", "900"))
_STDERR = []


def pytest_configure(config):
    # A copy of the real stderr, made while pytest does not capture it: the dump must reach the CI log.
    _STDERR.append(os.fdopen(os.dup(2), "w"))
    if hasattr(faulthandler, "register"):    # `kill -USR1 <pid>`: the stacks of a run that seems stuck
        faulthandler.register(signal.SIGUSR1, file=_STDERR[0], all_threads=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    if TEST_TIMEOUT > 0:
        faulthandler.dump_traceback_later(TEST_TIMEOUT, exit=True, file=_STDERR[0])
    try:
        return (yield)
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True, scope="session")
def _garbage_collected_before_qgis_exits(qgis_app):
    """Collect what the tests left in reference cycles (layers, sources, contexts) while QGIS still runs: pytest
    collects once more after the session, when QGIS has exited, and destroying QGIS objects then crashed QGIS
    3.40 (tests/test_outputs.py run alone ended in a segfault after every test passed)."""
    yield
    gc.collect()


@pytest.fixture(scope="session")
def plugin_root():
    """A folder holding the plugin as ``lcr_toolkit``, for QGIS_PLUGINPATH."""
    return PLUGIN_ROOT


@pytest.fixture
def provider(qgis_processing, monkeypatch):
    """The ``lcr`` provider, registered if no test (or plugin) has registered it yet."""
    # QGIS 3.42 on, runAndLoadResults hands iface.layerTreeView() to C++, which refuses pytest-qgis's
    # mock interface: load results without a layer tree, as qgis_process does (QGIS 3.22 never asks).
    postprocessing = sys.modules.get("processing.gui.Postprocessing")
    if getattr(postprocessing, "iface", None) is not None:
        monkeypatch.setattr(postprocessing, "iface", None)

    return _registered_provider()


@pytest.fixture(scope="module")
def lcr(qgis_processing):
    """The ``lcr`` provider for module-scoped fixtures, registered if no test (or plugin) has registered it yet."""
    return _registered_provider()


def _registered_provider():
    from qgis.core import QgsApplication

    from lcr_toolkit.provider import LcrProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("lcr")
    if existing is not None:
        return existing
    _PROVIDERS.append(LcrProvider())  # SIP drops the overrides of a provider nobody references
    registry.addProvider(_PROVIDERS[-1])
    return _PROVIDERS[-1]


@pytest.fixture
def plugin(qgis_iface, qgis_processing):
    """The plugin as QGIS creates it, with a provider of its own (the session's one is removed)."""
    from qgis.core import QgsApplication

    import lcr_toolkit

    registry = QgsApplication.processingRegistry()
    shared = registry.providerById("lcr")
    if shared is not None:
        registry.removeProvider(shared)
    instance = lcr_toolkit.classFactory(qgis_iface)
    yield instance
    instance.unload()


def _make_layer(geometry, crs, fields, rows, name="test"):
    """A memory layer: ``fields`` like "floors:integer&field=use:string", ``rows`` [(wkt, [values])]."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    spec = f"{geometry}?crs={crs}" + (f"&field={fields}" if fields else "")
    layer = QgsVectorLayer(spec, name, "memory")
    assert layer.isValid(), spec
    features = []
    for wkt, values in rows:
        feature = QgsFeature(layer.fields())
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(values))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


@pytest.fixture
def make_layer():
    return _make_layer


def _write_gpkg(path, name, epsg, geometry_type, fields, rows):
    """A GeoPackage table written by GDAL itself (types QGIS's writer would not make: booleans, curves):
    ``geometry_type`` an ogr.wkb* code, ``fields`` [(name, ogr.OFT*[, ogr.OFST* subtype])], ``rows``
    [(wkt, [values])]. Returns the "path|layername=name" URI."""
    from osgeo import ogr, osr

    data = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    table = data.CreateLayer(name, srs, geometry_type)
    for field_name, kind, *subtype in fields:
        definition = ogr.FieldDefn(field_name, kind)
        if subtype:
            definition.SetSubType(subtype[0])
        table.CreateField(definition)
    for wkt, values in rows:
        feature = ogr.Feature(table.GetLayerDefn())
        for (field_name, *_), value in zip(fields, values):
            feature.SetField(field_name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        table.CreateFeature(feature)
    data = None
    return f"{path}|layername={name}"


@pytest.fixture
def write_gpkg():
    return _write_gpkg


@pytest.fixture
def reprojected():
    """A memory copy of a layer in another CRS (e.g. "EPSG:4326"): same fields and attributes, each
    geometry transformed. For checking that an algorithm measures the same whatever the CRS."""
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsGeometry,
                           QgsProject, QgsVectorLayer, QgsWkbTypes)

    def copy(layer, authid):
        target = QgsCoordinateReferenceSystem(authid)
        transform = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance())
        kind = QgsWkbTypes.displayString(layer.wkbType())
        out = QgsVectorLayer(f"{kind}?crs={authid}", f"{layer.name()}_{authid}", "memory")
        out.dataProvider().addAttributes(layer.fields().toList())
        out.updateFields()
        features = []
        for feature in layer.getFeatures():
            moved = QgsFeature(out.fields())
            moved.setAttributes(feature.attributes())
            if feature.hasGeometry():
                geometry = QgsGeometry(feature.geometry())
                geometry.transform(transform)
                moved.setGeometry(geometry)
            features.append(moved)
        assert out.dataProvider().addFeatures(features)
        return out
    return copy


@pytest.fixture
def rect():
    """WKT of an axis-aligned rectangle: rect(x, y, width, height)."""
    def _rect(x, y, w, h):
        return f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + h},{x} {y + h},{x} {y}))"
    return _rect


def snapshot(layer):
    """Fields, geometries and attributes of a layer, to prove an algorithm left it unchanged."""
    return (layer.fields().names(),
            [(f.geometry().asWkt(), f.attributes()) for f in layer.getFeatures()])


@pytest.fixture
def layer_snapshot():
    return snapshot


@pytest.fixture
def write_geotiff():
    """Writes a one-band north-up GeoTIFF of square ``pixel``s and returns its path:
    write_geotiff(path, array, top_left, pixel, epsg=4549, nodata=None). The band type follows the
    array's dtype (uint8, int16, int32, int64 as Int32, float32, float64); others are refused."""
    from osgeo import gdal, osr

    types = {"uint8": gdal.GDT_Byte, "int16": gdal.GDT_Int16, "int32": gdal.GDT_Int32, "int64": gdal.GDT_Int32,
             "float32": gdal.GDT_Float32, "float64": gdal.GDT_Float64}

    def write(path, array, top_left, pixel, epsg=4549, nodata=None):
        rows, cols = array.shape
        dataset = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, types[array.dtype.name])
        dataset.SetGeoTransform((top_left[0], pixel, 0.0, top_left[1], 0.0, -pixel))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        dataset.SetProjection(srs.ExportToWkt())
        band = dataset.GetRasterBand(1)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        band.WriteArray(array)
        dataset.FlushCache()
        dataset = None
        return str(path)
    return write


class Calls(list):
    """The instances a spied method was called on, in order (each before the call, so a call that raises
    counts too); ``results`` holds what the calls that returned gave."""
    def __init__(self):
        super().__init__()
        self.results = []


@pytest.fixture
def spy(monkeypatch):
    """``spy(owner, "method")`` wraps the method for the test, still calling it, and returns its ``Calls``."""
    def wrap(owner, name):
        calls, original = Calls(), getattr(owner, name)

        def spied(self, *args, **kwargs):
            calls.append(self)
            calls.results.append(original(self, *args, **kwargs))
            return calls.results[-1]
        monkeypatch.setattr(owner, name, spied)
        return calls
    return wrap


@pytest.fixture
def write_modes(monkeypatch):
    """Iterates "sink" then "fast" with LCR_SINK_WRITE set to match: the GeoPackage result is written
    through the QGIS sink feature by feature, then by the fast writers (algorithms/fastwrite.py,
    geomwrite.py), whose files the tests compare."""
    def modes():
        for mode in ("sink", "fast"):
            monkeypatch.setenv("LCR_SINK_WRITE", "1" if mode == "sink" else "0")
            yield mode
    return modes


@pytest.fixture
def log_feedback():
    """Makes a feedback that keeps what the algorithm logs (infos, warnings, errors) in ``.lines``;
    ``.text`` joins them."""
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, info):  # noqa: N802
            self.lines.append(info)

        def pushWarning(self, warning):  # noqa: N802
            self.lines.append(warning)

        def reportError(self, error, fatalError=False):  # noqa: N802
            self.lines.append(error)

        @property
        def text(self):
            return "\n".join(self.lines)
    return Log


def _ucm_reference(cc, green, valid, cell, d_cool, radius, t_ref, uhi_max, classified=None):
    """InVEST 3.20 Urban Cooling worked out cell by cell from its User's Guide ("Urban Heat
    Mitigation Index", "Air Temperature Estimates"), with the 3.20 code's kernels: GA counts green
    cells within d_cool, CC_park weighs green CC by e^(−d/d_cool) up to 5·d_cool, T_air weighs
    T_nomix by e^(−d/r) up to 5·r, each summed over the raster's valid cells and divided by the
    kernel weight of those cells (GA then scaled by the whole disc's cell count); distances in whole
    cells, round(d / cell). Plain loops over a small grid, no convolution, independent of core.cooling.
    ``classified``: cells whose green flag is known (default ``valid``). Returns dict of arrays."""
    import math

    import numpy as np

    h, w = cc.shape
    classified = valid if classified is None else classified
    e = max(1, int(np.round(d_cool / cell)))
    r = max(1, int(np.round(radius / cell)))
    n_disc = sum(1 for di in range(-e, e + 1) for dj in range(-e, e + 1) if math.hypot(di, dj) <= e)
    out = {name: np.full((h, w), np.nan) for name in ("cc_park", "ga_m2", "hm", "t_nomix", "t_air")}
    for i in range(h):
        for j in range(w):
            if not valid[i, j]:
                continue
            park = weight = green_count = disc_count = 0.0
            for a in range(h):
                for b in range(w):
                    d = math.hypot(a - i, b - j)
                    if valid[a, b] and d <= 5 * e:
                        park += green[a, b] * cc[a, b] * math.exp(-d / e)
                        weight += math.exp(-d / e)
                    if classified[a, b] and d <= e:
                        green_count += green[a, b]
                        disc_count += 1
            out["cc_park"][i, j] = park / weight
            out["ga_m2"][i, j] = n_disc * green_count / disc_count * cell * cell
            keep = cc[i, j] >= out["cc_park"][i, j] or out["ga_m2"][i, j] < 20_000
            out["hm"][i, j] = cc[i, j] if keep else out["cc_park"][i, j]
            out["t_nomix"][i, j] = t_ref + (1 - out["hm"][i, j]) * uhi_max
    for i in range(h):
        for j in range(w):
            if not valid[i, j]:
                continue
            total = weight = 0.0
            for a in range(h):
                for b in range(w):
                    d = math.hypot(a - i, b - j)
                    if valid[a, b] and d <= 5 * r:
                        total += out["t_nomix"][a, b] * math.exp(-d / r)
                        weight += math.exp(-d / r)
            out["t_air"][i, j] = total / weight
    return out


@pytest.fixture
def ucm_reference():
    """``_ucm_reference``: InVEST Urban Cooling by brute force, for checking core.cooling."""
    return _ucm_reference
