"""GeoPackage outputs whose geometries are replaced by SQL (algorithms/geomwrite.py, lcr:china_coordinates)
equal the sink's feature by feature: every table of the file row by row (fields, fids, geometry blobs byte for
byte, the R-tree's entries, the SQL of every table, index and trigger), the totals, the extent; on the demo
buildings (projected: taken to longitudes and latitudes and back), a copy with odd names, a quote and NULLs,
the buildings in EPSG:4326, points, lines, and 3D polygons with NULL and empty geometries. GDAL's GeoPackage
validator passes them, spatial filters (GDAL's and QGIS's) find the same features, the R-tree's triggers
work afterwards, and a cancelled run leaves no file."""
import sqlite3
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import gdal, ogr, osr
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry, \
    QgsProcessingFeedback, QgsProject, QgsRectangle, QgsVectorLayer

import processing

pytestmark = pytest.mark.usefixtures("provider")

DEMO = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"


def _z_layer(path):
    """Twelve 3D polygons near the demo (EPSG:4549) with z = fid; fid 4 has no geometry, fid 8 an empty one."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = dataset.CreateLayer("solids", srs, ogr.wkbPolygon25D, options=["FID=fid"])
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for fid in range(1, 13):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetFID(fid)
        feature.SetField("name", f"solid {fid}")
        x, y = 571000 + 50 * fid, 3401000 + 30 * fid
        if fid == 8:
            feature.SetGeometry(ogr.CreateGeometryFromWkt("POLYGON EMPTY"))
        elif fid != 4:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(
                f"POLYGON Z (({x} {y} {fid}, {x + 20} {y} {fid + 1}, {x + 20} {y + 10} {fid}, {x} {y} {fid}))"))
        layer.CreateFeature(feature)
    dataset = None


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("geomwrite")
    odd = str(folder / "odd.gpkg")
    gdal.VectorTranslate(odd, str(DEMO), format="GPKG", SQLStatement=(
        'SELECT fid, geom, bldg_id, CASE WHEN fid % 5 = 0 THEN NULL ELSE floors END AS "楼 层", '
        'CASE WHEN fid % 3 = 0 THEN NULL ELSE use END AS "use type" FROM buildings'), SQLDialect="SQLite",
        layerName="建筑 'buildings'", layerCreationOptions=["FID=fid"])
    wgs84 = str(folder / "wgs84.gpkg")
    gdal.VectorTranslate(wgs84, str(DEMO), format="GPKG", layers=["buildings"], dstSRS="EPSG:4326",
                         options=["-preserve_fid"])
    solids = str(folder / "solids.gpkg")
    _z_layer(solids)
    return {"demo": f"{DEMO}|layername=buildings", "odd": f"{odd}|layername=建筑 'buildings'",
            "wgs84": f"{wgs84}|layername=buildings", "points": f"{DEMO}|layername=facilities",
            "lines": f"{DEMO}|layername=roads", "solids": f"{solids}|layername=solids"}


def tables(path):
    """{table: rows} of every table of the file (the R-tree's own as its entries), and the schema."""
    db = sqlite3.connect(path)
    try:
        names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        out = {}
        for name in names:
            if name.endswith(("_node", "_rowid", "_parent")) or name == "sqlite_sequence":
                continue
            quoted = '"' + name.replace('"', '""') + '"'
            out[name] = db.execute(f"SELECT * FROM {quoted} ORDER BY 1").fetchall()
        out["schema"] = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        return out
    finally:
        db.close()


@pytest.fixture
def copies(spy):
    """The copies made by ``GpkgGeometrySink``."""
    from lcr_toolkit.algorithms import geomwrite

    return spy(geomwrite.GpkgGeometrySink, "copy")


def both_ways(source, conversion, tmp_path, write_modes):
    """{mode: (totals, output path)} of lcr:china_coordinates through the sink and the fast path."""
    results = {}
    for mode in write_modes():
        (tmp_path / mode).mkdir()
        output = str(tmp_path / mode / "out.gpkg")   # the same layer name both ways
        result = processing.run("lcr:china_coordinates", {"INPUT": source, "CONVERSION": conversion,
                                                           "OUTPUT": output})
        assert result.pop("OUTPUT") == output
        results[mode] = (result, output)
    return results


@pytest.mark.parametrize("variant, conversion", [("demo", 2), ("odd", 3), ("wgs84", 0), ("points", 1),
                                                 ("lines", 4), ("solids", 5)])
def test_same_file_both_ways(inputs, variant, conversion, tmp_path, write_modes, copies):
    results = both_ways(inputs[variant], conversion, tmp_path, write_modes)
    assert len(copies) == (0 if variant == "solids" else 1)   # z: through the sink (see geomwrite)
    (sink_totals, sink_path), (fast_totals, fast_path) = results["sink"], results["fast"]
    assert fast_totals == sink_totals and sink_totals["MOVED"] > 0
    sink, fast = tables(sink_path), tables(fast_path)
    assert sorted(fast) == sorted(sink)
    for name in sink:
        if name != "gpkg_contents":
            assert fast[name] == sink[name], name
    # gpkg_contents: the same but for the time of the last change; the extent to GDAL's rounding
    (sink_row,), (fast_row,) = sink["gpkg_contents"], fast["gpkg_contents"]
    assert fast_row[:4] == sink_row[:4] and fast_row[9:] == sink_row[9:]
    assert fast_row[5:9] == pytest.approx(sink_row[5:9], abs=1e-9)
    # the geometries did move: not the input's
    layer = inputs[variant].partition("|layername=")[2]
    db = sqlite3.connect(fast_path)
    moved = db.execute('SELECT count(*) FROM out WHERE geom IS NOT NULL').fetchone()[0]
    assert not db.execute('SELECT count(*) FROM out WHERE geom IS NULL').fetchone()[0]
    db.close()
    empty = 2 if variant == "solids" else 0   # without geometry, and empty: QGIS writes an empty polygon
    assert moved == sink_totals["MOVED"] + sink_totals["OUTSIDE"] + empty
    assert layer


def test_valid_and_filtered_alike(inputs, tmp_path, write_modes, copies):
    """GDAL's validator passes; GDAL's and QGIS's spatial filters find the same features in both files; the
    R-tree follows a geometry moved afterwards (its triggers work)."""
    results = both_ways(inputs["demo"], 2, tmp_path, write_modes)
    paths = {mode: path for mode, (_, path) in results.items()}
    try:
        from osgeo_utils.samples import validate_gpkg
    except ImportError:
        validate_gpkg = None
    if validate_gpkg is not None:
        for path in paths.values():
            validate_gpkg.check(path)   # raises on anything against the standard
    layers = {mode: QgsVectorLayer(f"{path}|layername=out", mode) for mode, path in paths.items()}
    extent = layers["sink"].extent()
    for i in range(4):
        for j in range(4):
            box = (extent.xMinimum() + i * extent.width() / 4, extent.yMinimum() + j * extent.height() / 4)
            rect = QgsRectangle(box[0], box[1], box[0] + extent.width() / 3, box[1] + extent.height() / 3)
            found = {mode: sorted(f.id() for f in layer.getFeatures(QgsFeatureRequest(rect)))
                     for mode, layer in layers.items()}
            assert found["fast"] == found["sink"]
            by_gdal = {}
            for mode, path in paths.items():
                dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
                ogr_layer = dataset.GetLayer(0)
                ogr_layer.SetSpatialFilterRect(rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
                by_gdal[mode] = sorted(f.GetFID() for f in ogr_layer)
            assert by_gdal["fast"] == by_gdal["sink"] == found["sink"]
    assert sum(1 for _ in layers["fast"].getFeatures(QgsFeatureRequest(extent))) == layers["fast"].featureCount()
    del layers
    dataset = gdal.OpenEx(paths["fast"], gdal.OF_VECTOR | gdal.OF_UPDATE)
    layer = dataset.GetLayer(0)
    feature = layer.GetFeature(7)
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (100 100)").Buffer(5))
    layer.SetFeature(feature)
    dataset = None
    db = sqlite3.connect(paths["fast"])
    assert db.execute("SELECT minx, maxx, miny, maxy FROM rtree_out_geom WHERE id = 7").fetchone() == \
        pytest.approx((95, 105, 95, 105), abs=1e-4)
    db.close()


def test_blobs_as_gdal_writes_them(tmp_path):
    """``gpkg_blobs`` gives the bytes GDAL gives the same geometries (points without an envelope, empty ones
    flagged, z envelopes), and None for none."""
    from lcr_toolkit.algorithms.geomwrite import gpkg_blobs

    wkts = ["POINT (1 2)", "POINT Z (1 2 3)", "LINESTRING (0 0, 3 4)", "POLYGON ((0 0, 2 0, 2 1, 0 0))",
            "POLYGON Z ((0 0 5, 2 0 7, 2 1 6, 0 0 5))", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
            "LINESTRING EMPTY", "POLYGON EMPTY", "POINT EMPTY", None]
    path = str(tmp_path / "gdal.gpkg")
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    layer = dataset.CreateLayer("g", srs, ogr.wkbUnknown, options=["FID=fid"])
    for fid, wkt in enumerate(wkts, 1):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetFID(fid)
        if wkt is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    dataset = None
    db = sqlite3.connect(path)
    expected = [row[0] for row in db.execute("SELECT geom FROM g ORDER BY fid")]
    db.close()
    geometries = np.array([None if w is None else shapely.from_wkt(w) for w in wkts], dtype=object)
    assert gpkg_blobs(geometries, 4549) == expected
    assert expected[0][:8] == b"GP\x00\x01" + (4549).to_bytes(4, "little")   # a point: no envelope


def test_transform_xy_as_each_geometry(tmp_path):
    """All vertices in one call of QGIS's transform land where ``QgsGeometry.transform`` puts each."""
    from lcr_toolkit.algorithms.geomwrite import transform_xy

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4549"),
                                       QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    xy = np.column_stack([np.linspace(570000, 590000, 7), np.linspace(3400000, 3420000, 7)])
    one_by_one = []
    for x, y in xy:
        geometry = QgsGeometry.fromWkt(f"POINT ({float(x)!r} {float(y)!r})")
        geometry.transform(transform)
        one_by_one.append([geometry.asPoint().x(), geometry.asPoint().y()])
    assert transform_xy(xy, transform).tolist() == one_by_one
    assert transform_xy(xy, None) is xy


def test_cancel_leaves_no_file(inputs, tmp_path, monkeypatch, copies):
    from qgis.core import QgsProcessingException

    from lcr_toolkit.algorithms import geomwrite

    feedback = QgsProcessingFeedback()
    original = geomwrite.GpkgGeometrySink.write

    def cancel_after(self, fids, geometries):
        original(self, fids, geometries)
        feedback.cancel()

    monkeypatch.setattr(geomwrite.GpkgGeometrySink, "write", cancel_after)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("lcr:china_coordinates", {"INPUT": inputs["demo"], "CONVERSION": 2,
                                                  "OUTPUT": str(tmp_path / "c.gpkg")}, feedback=feedback)
    assert len(copies) == 1
    assert list(tmp_path.iterdir()) == []
    feedback = QgsProcessingFeedback()
    feedback.cancel()   # during the copy
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("lcr:china_coordinates", {"INPUT": inputs["demo"], "CONVERSION": 2,
                                                  "OUTPUT": str(tmp_path / "c.gpkg")}, feedback=feedback)
    assert list(tmp_path.iterdir()) == []


def test_measures_go_through_the_sink(tmp_path, copies):
    """A layer with m values: shapely keeps none, so the sink writes it (as before)."""
    path = str(tmp_path / "m.gpkg")
    gdal.VectorTranslate(path, str(DEMO), format="GPKG", layers=["roads"], options=["-dim", "XYM"])
    output = str(tmp_path / "out.gpkg")
    processing.run("lcr:china_coordinates", {"INPUT": f"{path}|layername=roads", "CONVERSION": 2, "OUTPUT": output})
    assert copies == []
    assert QgsVectorLayer(output, "out").featureCount() == QgsVectorLayer(f"{path}|layername=roads").featureCount()


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    """The demo's buildings with their CO2, floor area and PV fields, its units with their gap to a 1.2 t per
    resident target, and the measures on buildings lcr:carbon_measures proposes (GeoPackages)."""
    folder = tmp_path_factory.mktemp("measures")
    demo = {name: f"{DEMO}|layername={name}" for name in ("buildings", "planning_units")}
    emissions = processing.run("lcr:building_emissions", {"INPUT": demo["buildings"], "FLOORS_FIELD": "floors",
                                                          "USE_FIELD": "use", "OUTPUT": str(folder / "e.gpkg")})
    pv = processing.run("lcr:rooftop_pv", {"INPUT": emissions["OUTPUT"], "ROOF_TYPE_FIELD": "roof_type",
                                           "DEMAND_FIELD": "energy_kwh", "OUTPUT": str(folder / "pv.gpkg")})
    units = processing.run("lcr:carbon_balance", {
        "INPUT": demo["planning_units"], "BUILDING_POPULATION_FIELD": "residents", "TARGET_T_PER_CAPITA": 1.2,
        "BUILDINGS": pv["OUTPUT"], "PV_CO2_FIELD": "", "OUTPUT": str(folder / "units.gpkg")})
    measures = processing.run("lcr:carbon_measures", {
        "INPUT": units["OUTPUT"], "BUILDINGS": pv["OUTPUT"], "USE_FIELD": "use", "OUTPUT": "TEMPORARY_OUTPUT",
        "BUILDINGS_OUTPUT": str(folder / "measures.gpkg")})
    return {"buildings": demo["buildings"], "pv": pv["OUTPUT"], "units": units["OUTPUT"],
            "measures": measures["BUILDINGS_OUTPUT"]}


def feature_table(path):
    """The columns and rows of the one feature table of ``path``."""
    db = sqlite3.connect(path)
    try:
        (name,) = db.execute("SELECT table_name FROM gpkg_contents").fetchone()
        quoted = '"' + name.replace('"', '""') + '"'
        return (db.execute(f"PRAGMA table_info({quoted})").fetchall(),
                db.execute(f"SELECT * FROM {quoted} ORDER BY fid").fetchall())
    finally:
        db.close()


@pytest.mark.parametrize("name", ["carbon_measures", "apply_measures"])
def test_measures_on_buildings_both_ways(measured, name, tmp_path, write_modes, spy):
    """The buildings' output of the measure algorithms, made before the buildings are read and filled by SQL,
    equals the sink's: the same columns, fids, values and geometries; the same totals."""
    from lcr_toolkit.algorithms import fastwrite

    made = spy(fastwrite.GpkgResultSink, "copy")
    if name == "carbon_measures":
        params = {"INPUT": measured["units"], "BUILDINGS": measured["pv"], "USE_FIELD": "use",
                  "OUTPUT": "TEMPORARY_OUTPUT"}
    else:
        params = {"BUILDINGS": measured["buildings"], "BUILDING_MEASURES": measured["measures"],
                  "BUILDING_ID_FIELD": "bldg_id"}
    results = {}
    for mode in write_modes():
        output = str(tmp_path / f"{mode}.gpkg")
        result = processing.run(f"lcr:{name}", {**params, "BUILDINGS_OUTPUT": output})
        assert result.pop("BUILDINGS_OUTPUT") == output
        result.pop("OUTPUT", None)
        results[mode] = (result, feature_table(output))
    assert [sink.path for sink in made] == [str(tmp_path / "fast.gpkg")]
    (sink_totals, (sink_columns, sink_rows)), (fast_totals, (fast_columns, fast_rows)) = \
        results["sink"], results["fast"]
    assert fast_totals == sink_totals
    assert [c[1:3] for c in fast_columns] == [c[1:3] for c in sink_columns]
    assert len(fast_rows) == len(sink_rows) == 3713
    assert fast_rows == sink_rows
    pv_t = [c[1] for c in sink_columns].index("pv_t")
    assert sum(row[pv_t] > 0 for row in fast_rows) > 100   # the values are there, not only the columns
