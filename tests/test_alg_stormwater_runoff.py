"""lcr:stormwater_runoff through processing.run: hand-computed parcels (TR-55 curve numbers), soil
groups, unknown classes, bad tables and inputs, and the demo district checked with GDAL + shapely + numpy."""
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

import processing

REPO = Path(__file__).resolve().parents[1]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
X0, Y0 = 572000.0, 3402000.0   # near Jiaxing, EPSG:4549


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def run(params, **kwargs):
    return processing.run("lcr:stormwater_runoff", {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


@pytest.fixture
def parcels(make_layer, rect):
    # 100 m × 50 m = 5000 m² park_green (lucode 4) on soil B; 200 m × 100 m = 20000 m² road (lucode 2) on soil D.
    return make_layer("Polygon", "EPSG:4549", "code:integer&field=cls:string&field=hsg:string", [
        (rect(X0, Y0, 100, 50), [4, "park_green", "B"]),
        (rect(X0 + 300, Y0, 200, 100), [2, "road", "d"]),
    ])


def test_hand_computed_parcels(provider, parcels, layer_snapshot):
    before = layer_snapshot(parcels)
    result = run({"INPUT": parcels, "CLASS_FIELD": "code", "SOIL_FIELD": "hsg", "RAINFALL_MM": 100})
    out = list(result["OUTPUT"].getFeatures())
    assert result["OUTPUT"].fields().names() == ["code", "cls", "hsg", "cn", "runoff_mm", "runoff_m3",
                                                 "retained_m3", "retention"]
    # Park, open space good, B: CN 61 → S = 25400/61 − 254 = 162.393 mm, Ia = 32.479 mm,
    #   Q = (100 − 32.479)² / (100 + 0.8·162.393) = 4559.13 / 229.915 = 19.83 mm
    #   runoff 19.83 mm × 5000 m² × 0.001 = 99.15 m³; retained (100 − 19.83) × 5 = 400.85 m³; R = 0.8017
    # Road, paved with curbs: CN 98 → S = 5.184, Ia = 1.037, Q = 98.963² / 104.147 = 94.04 mm
    #   runoff 94.04 × 20 = 1880.8 m³; retained 5.96 × 20 = 119.2 m³; R = 0.0596
    assert [f["cn"] for f in out] == [61.0, 98.0]
    assert [f["runoff_mm"] for f in out] == pytest.approx([19.83, 94.04], abs=0.005)
    assert [f["runoff_m3"] for f in out] == pytest.approx([99.15, 1880.8], abs=0.1)
    assert [f["retained_m3"] for f in out] == pytest.approx([400.85, 119.2], abs=0.1)
    assert [f["retention"] for f in out] == pytest.approx([0.8017, 0.0596], abs=1e-4)
    assert result["TOTAL_RUNOFF_M3"] == pytest.approx(1979.95, abs=0.2)       # 99.15 + 1880.8
    assert result["TOTAL_RETAINED_M3"] == pytest.approx(520.05, abs=0.2)      # 400.85 + 119.2
    # area-weighted: (0.8017·5000 + 0.0596·20000) / 25000 = (4008.5 + 1192) / 25000 = 0.2080
    assert result["MEAN_RETENTION"] == pytest.approx(0.2080, abs=1e-4)
    # runoff + retained = all rain: 100 mm × 25000 m² × 0.001 = 2500 m³
    assert result["TOTAL_RUNOFF_M3"] + result["TOTAL_RETAINED_M3"] == pytest.approx(2500.0)
    assert layer_snapshot(parcels) == before


def test_default_soil_and_text_class(provider, parcels):
    # Park on the default soil group C: CN 74 → Q = 39.38 mm at 100 mm (DOMAIN §5.2), × 5 = 196.9 m³
    result = run({"INPUT": parcels, "CLASS_FIELD": "cls", "DEFAULT_SOIL": 2})
    out = list(result["OUTPUT"].getFeatures())
    assert [f["cn"] for f in out] == [74.0, 98.0]
    assert out[0]["runoff_m3"] == pytest.approx(196.9, abs=0.05)
    # 40 mm storm, soil A: park CN 39 → S = 397.28, Ia = 79.46 > 40 → no runoff; road CN 98 → 34.388 mm × 20
    result = run({"INPUT": parcels, "CLASS_FIELD": "code", "DEFAULT_SOIL": 0, "RAINFALL_MM": 40})
    assert [f["runoff_mm"] for f in result["OUTPUT"].getFeatures()] == pytest.approx([0.0, 34.388], abs=5e-4)
    assert result["TOTAL_RUNOFF_M3"] == pytest.approx(687.76, abs=0.01)


def test_bad_soil_and_unknown_class_are_counted(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4549", "code:integer&field=hsg:string", [
        (rect(X0, Y0, 100, 100), [2, "C"]), (rect(X0 + 200, Y0, 100, 100), [2, "E"]),
        (rect(X0 + 400, Y0, 100, 100), [99, "C"]), (rect(X0 + 600, Y0, 100, 100), [None, "C"]),
        (rect(X0 + 800, Y0, 100, 100), [4, None])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": layer, "CLASS_FIELD": "code", "SOIL_FIELD": "hsg"}, feedback=feedback)
    out = list(result["OUTPUT"].getFeatures())
    assert out[0]["runoff_mm"] == pytest.approx(94.04, abs=0.005)
    assert all(is_null(f["runoff_mm"]) and is_null(f["cn"]) for f in out[1:])   # NULL, not 0
    assert result["TOTAL_RUNOFF_M3"] == pytest.approx(940.4, abs=0.1)           # 94.04 mm × 10000 m²
    log = feedback.textLog()
    assert "1 polygons have a soil group outside A–D / 1–4 (E)" in log
    assert "1 polygons have a class the curve number table does not list (99)" in log
    assert "1 polygons have no class value" in log
    assert "1 polygons have no soil group" in log


def test_numeric_soil_codes(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4549", "code:integer&field=hsg:integer", [
        (rect(X0, Y0, 100, 100), [4, 1]), (rect(X0 + 200, Y0, 100, 100), [4, 4]),
        (rect(X0 + 400, Y0, 100, 100), [4, 5])])
    feedback = QgsProcessingFeedback()
    out = list(run({"INPUT": layer, "CLASS_FIELD": "code", "SOIL_FIELD": "hsg"},
                   feedback=feedback)["OUTPUT"].getFeatures())
    assert out[0]["cn"] == 39.0 and out[1]["cn"] == 80.0 and is_null(out[2]["cn"])   # open space good A / D
    assert "outside A–D / 1–4 (5)" in feedback.textLog()


def test_unverified_water_is_warned(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4549", "code:integer", [(rect(X0, Y0, 100, 100), [3])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": layer, "CLASS_FIELD": "code"}, feedback=feedback)
    # water CN 100 → S = 0, all 100 mm run off: 100 × 10000 × 0.001 = 1000 m³, retention 0
    assert result["TOTAL_RUNOFF_M3"] == pytest.approx(1000.0)
    assert result["MEAN_RETENTION"] == pytest.approx(0.0)
    assert "Unverified curve numbers were used for: water" in feedback.textLog()


def test_custom_table_and_bad_table_lines(provider, parcels, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("lucode,cn_a,cn_b,cn_c,cn_d\n4,80,80,80,80\n2,80,80,80,80\n", encoding="utf-8")
    # CN 80 everywhere at 100 mm: Q = 50.54 mm × 25000 m² = 1263.5 m³
    result = run({"INPUT": parcels, "CLASS_FIELD": "code", "CN_TABLE": str(good)})
    assert result["TOTAL_RUNOFF_M3"] == pytest.approx(1263.5, abs=0.2)
    bad = tmp_path / "bad.csv"
    bad.write_text("# my table\nlucode,cn_a,cn_b,cn_c,cn_d\n4,80,80,80,80\n2,80,80,180,80\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="line 4: a curve number is above 100"):
        run({"INPUT": parcels, "CLASS_FIELD": "code", "CN_TABLE": str(bad)})
    bad.write_text("lucode,cn_a,cn_b,cn_c,cn_d\n4,80,eighty,80,80\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="line 2"):
        run({"INPUT": parcels, "CLASS_FIELD": "code", "CN_TABLE": str(bad)})
    bad.write_text("class,cn_a,cn_b,cn_c,cn_d\npark_green,80,80,80,80\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no lucode column"):
        run({"INPUT": parcels, "CLASS_FIELD": "code", "CN_TABLE": str(bad)})


def test_bad_inputs_are_refused(provider, parcels, make_layer):
    with pytest.raises(QgsProcessingException):
        run({"INPUT": parcels})
    with pytest.raises(QgsProcessingException, match="is not in"):
        run({"INPUT": parcels, "CLASS_FIELD": "nope"})
    lines = make_layer("LineString", "EPSG:4549", "code:integer", [("LINESTRING(0 0,10 10)", [1])])
    with pytest.raises(QgsProcessingException, match="needs Polygon"):
        run({"INPUT": lines, "CLASS_FIELD": "code"})
    empty = make_layer("Polygon", "EPSG:4549", "code:integer", [])
    with pytest.raises(QgsProcessingException, match="has no features"):
        run({"INPUT": empty, "CLASS_FIELD": "code"})


def test_geographic_layer_uses_true_areas(provider, make_layer):
    # 0.001° × 0.001° at 30.7005° N on WGS 84: meridian arc M·dφ = 110 863 m/rad × 1.745e-5 = 110.86 m and
    # N·cos φ·dλ = 95.80 m → 10 621 m² (measured in UTM 51N by the base); road CN 98 → 94.04 mm
    # → 94.04 × 10 621 × 0.001 = 998.8 m³
    layer = make_layer("Polygon", "EPSG:4326", "code:integer",
                       [("POLYGON((120.75 30.7,120.751 30.7,120.751 30.701,120.75 30.701,120.75 30.7))", [2])])
    result = run({"INPUT": layer, "CLASS_FIELD": "code"})
    assert result["TOTAL_RUNOFF_M3"] == pytest.approx(998.8, rel=0.002)


def test_demo_district_landcover_matches_gdal_shapely_numpy(provider):
    # Independent: soil C column of TR-55 (built_up commercial 94, road 98, water 100, park open space good 74,
    # woods good 70, row crops SR good 85, newly graded 91), Q written out again here.
    cn_c = {1: 94, 2: 98, 3: 100, 4: 74, 5: 70, 6: 85, 7: 91}
    source = ogr.Open(str(DISTRICT))
    codes, areas = [], []
    for feature in source.GetLayerByName("landcover"):
        areas.append(shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb())).area)   # EPSG:4549, m
        codes.append(feature.GetField("lucode"))
    cn = np.array([cn_c[c] for c in codes], dtype=float)
    s = 25400.0 / cn - 254.0
    p = 100.0
    q = np.where(p > 0.2 * s, (p - 0.2 * s) ** 2 / (p - 0.2 * s + s), 0.0)
    areas = np.array(areas)
    expected = float((q * areas).sum() / 1000)
    result = run({"INPUT": f"{DISTRICT}|layername=landcover", "CLASS_FIELD": "lucode"})
    assert result["TOTAL_RUNOFF_M3"] == pytest.approx(expected, rel=1e-9)
    assert result["TOTAL_RETAINED_M3"] == pytest.approx(areas.sum() * 0.1 - expected, rel=1e-9)
    by_name = run({"INPUT": f"{DISTRICT}|layername=landcover", "CLASS_FIELD": "class"})
    assert by_name["TOTAL_RUNOFF_M3"] == pytest.approx(expected, rel=1e-9)
    # Peri-urban mix on soil C at 100 mm: between all-woods (CN 70, 32.71 mm) and all-paved (94.04 mm).
    assert 0.3271 < expected / (areas.sum() * 0.1) < 0.9404
