"""lcr:stormwater_runoff through processing.run: hand-computed parcels (TR-55 curve numbers), soil
groups, unknown classes, bad tables and inputs, and the demo district checked with GDAL + shapely + numpy."""
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import gdal, ogr
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
    # Park on the default soil group C: CN 74 → Q = 39.38 mm at 100 mm (TR-55 equations), × 5 = 196.9 m³
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


# ---- rasters ------------------------------------------------------------------------------
@pytest.fixture
def write_raster(write_geotiff):
    """Int16 rasters of 10 m pixels; ``origin`` is the top-left corner."""
    return lambda path, array, epsg=4549, origin=(X0, Y0 + 100), pixel=10.0, nodata=None: write_geotiff(
        path, array.astype(np.int16), origin, pixel, epsg, nodata)


@pytest.fixture
def hand_raster(write_raster, tmp_path):
    # 10 × 10 pixels of 10 m over X0…X0+100, Y0…Y0+100. Road (2): NW quadrant 25, SW columns 0–2 → 15,
    # SE columns 5–6 → 10 (50 road pixels); woods (5) the other 50.
    codes = np.full((10, 10), 5, dtype=np.int16)
    codes[:5, :5] = 2
    codes[5:, :3] = 2
    codes[5:, 5:7] = 2
    return write_raster(tmp_path / "lulc.tif", codes)


@pytest.fixture
def quadrants(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "unit:string", [
        (rect(X0, Y0 + 50, 50, 50), ["NW"]), (rect(X0 + 50, Y0 + 50, 50, 50), ["NE"]),
        (rect(X0, Y0, 50, 50), ["SW"]), (rect(X0 + 50, Y0, 50, 50), ["SE"]),
        (rect(X0, Y0, 100, 100), ["overlapping, listed last: gets nothing"])])


def test_raster_two_by_two_zones_by_hand(provider, hand_raster, quadrants, layer_snapshot):
    before = layer_snapshot(quadrants)
    feedback = QgsProcessingFeedback()
    result = run({"LULC_RASTER": hand_raster, "ZONES": quadrants, "DEFAULT_SOIL": 3,
                  "RAINFALL_MM": 100}, feedback=feedback)
    out = list(result["OUTPUT"].getFeatures())
    assert result["OUTPUT"].fields().names() == ["unit", "area_ha", "cn", "runoff_mm", "runoff_m3",
                                                 "retained_m3", "retention"]
    # Soil D, P = 100 mm, 100 m² pixels. Road CN 98: S = 5.1837, Q = 94.0376 mm → 9.40376 m³ runoff and
    # 0.59624 m³ retained per pixel. Woods good on D CN 77: S = 25400/77 − 254 = 75.8701, Ia = 15.1740,
    # Q = 84.826² / (100 + 0.8·75.8701) = 7195.45 / 160.696 = 44.7767 mm → 4.47767 m³ and 5.52233 m³.
    # NW 25 road: 235.094 m³ / 14.906 m³; NE 25 woods: 111.942 / 138.058;
    # SW 15 road + 10 woods: 141.056 + 44.777 = 185.833 / 8.944 + 55.223 = 64.167;
    # SE 10 road + 15 woods: 94.038 + 67.165 = 161.203 / 5.962 + 82.835 = 88.797.
    assert [f["area_ha"] for f in out[:4]] == pytest.approx([0.25] * 4)
    assert [f["runoff_m3"] for f in out[:4]] == pytest.approx([235.094, 111.942, 185.833, 161.203], abs=1e-3)
    assert [f["retained_m3"] for f in out[:4]] == pytest.approx([14.906, 138.058, 64.167, 88.797], abs=1e-3)
    # cn: (15·98 + 10·77)/25 = 89.6 and (10·98 + 15·77)/25 = 85.4; runoff_mm = m³ / 2500 m² × 1000
    assert [f["cn"] for f in out[:4]] == pytest.approx([98.0, 77.0, 89.6, 85.4])
    assert [f["runoff_mm"] for f in out[:4]] == pytest.approx([94.038, 44.777, 74.333, 64.481], abs=1e-3)
    # retention = retained / (0.1 m × 2500 m²)
    assert [f["retention"] for f in out[:4]] == pytest.approx([0.05962, 0.55223, 0.25667, 0.35519], abs=1e-5)
    # The fifth zone overlaps the others and is listed last: the first zone wins, so it is empty.
    assert out[4]["area_ha"] == 0 and is_null(out[4]["runoff_m3"])
    assert "1 zones contain no counted pixel" in feedback.textLog()
    # 50 × 9.40376 + 50 × 4.47767 = 694.072 m³; 1000 m³ of rain − 694.072 = 305.928 m³ retained
    assert result["TOTAL_RUNOFF_M3"] == pytest.approx(694.072, abs=1e-3)
    assert result["TOTAL_RETAINED_M3"] == pytest.approx(305.928, abs=1e-3)
    assert result["MEAN_RETENTION"] == pytest.approx(0.305928, abs=1e-6)
    assert layer_snapshot(quadrants) == before
    # Without zones: one polygon, the raster's extent (1 ha), same totals; cn = (50·98 + 50·77)/100 = 87.5
    whole = run({"LULC_RASTER": hand_raster, "DEFAULT_SOIL": 3})
    (zone,) = list(whole["OUTPUT"].getFeatures())
    assert zone.geometry().area() == pytest.approx(10000.0)
    assert zone["cn"] == pytest.approx(87.5) and zone["runoff_m3"] == pytest.approx(694.072, abs=1e-3)


def test_raster_zones_in_another_crs_are_reprojected(provider, hand_raster, make_layer):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsPointXY
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4549"),
                                       QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    # A zone 1 m beyond the raster on every side, in lon/lat: it holds all 100 pixels.
    corners = [transform.transform(QgsPointXY(x, y)) for x, y in
               ((X0 - 1, Y0 - 1), (X0 + 101, Y0 - 1), (X0 + 101, Y0 + 101), (X0 - 1, Y0 + 101), (X0 - 1, Y0 - 1))]
    wkt = "POLYGON((" + ",".join(f"{p.x()!r} {p.y()!r}" for p in corners) + "))"
    zones = make_layer("Polygon", "EPSG:4326", "unit:string", [(wkt, ["all"])])
    feedback = QgsProcessingFeedback()
    result = run({"LULC_RASTER": hand_raster, "ZONES": zones, "DEFAULT_SOIL": 3}, feedback=feedback)
    assert "reprojected from EPSG:4326" in feedback.textLog()
    assert result["TOTAL_RUNOFF_M3"] == pytest.approx(694.072, abs=1e-3)   # as above


def test_raster_invest_ufrm_test_storm(provider, tmp_path, write_raster, make_layer, rect):
    # InVEST UFRM test storm P = 40 mm: CN 61 → 0.333, 80 → 8.208, 90 → 18.861, 98 → 34.388 mm;
    # CN 0 → S = 100000 mm, no runoff. One 1 m pixel per class, one zone per pixel.
    table = tmp_path / "ufrm.csv"
    table.write_text("lucode,cn_a,cn_b,cn_c,cn_d\n0,0,0,0,0\n1,61,61,61,61\n2,80,80,80,80\n3,90,90,90,90\n"
                     "4,98,98,98,98\n", encoding="utf-8")
    raster = write_raster(tmp_path / "ufrm.tif", np.array([[0, 1, 2, 3, 4]], dtype=np.int16),
                          origin=(X0, Y0 + 1), pixel=1.0)
    zones = make_layer("Polygon", "EPSG:4549", "id:integer", [(rect(X0 + i, Y0, 1, 1), [i]) for i in range(5)])
    result = run({"LULC_RASTER": raster, "ZONES": zones, "CN_TABLE": str(table), "RAINFALL_MM": 40})
    out = list(result["OUTPUT"].getFeatures())
    assert [f["runoff_mm"] for f in out] == pytest.approx([0.0, 0.333, 8.208, 18.861, 34.388], abs=5e-4)
    # Q_m3 = Q · 1 m² · 1e-3; R_m3 = R·P·a·1e-3 = (40 − Q) · 1e-3: 0.04, 0.039667, 0.031792, 0.021139, 0.005612
    assert [f["runoff_m3"] for f in out] == pytest.approx([0.0, 0.000333, 0.008208, 0.018861, 0.034388], abs=5e-7)
    assert [f["retained_m3"] for f in out] == pytest.approx([0.04, 0.039667, 0.031792, 0.021139, 0.005612],
                                                            abs=5e-7)
    # R = 1 − Q/40: 1, 0.99168, 0.79480, 0.52847, 0.14029
    assert [f["retention"] for f in out] == pytest.approx([1.0, 0.99168, 0.79480, 0.52847, 0.14029], abs=2e-5)
    assert result["TOTAL_RUNOFF_M3"] == pytest.approx(0.061790, abs=2e-6)   # (0.333+8.208+18.861+34.388)e-3


def test_raster_soil_groups_and_bad_values(provider, tmp_path, write_raster):
    # Park (4) on 2 × 3 pixels of 10 m; soil [[1, 2, nodata], [4, 7, 3]]: CN 39, 61, –, 80, –, 74.
    lulc = write_raster(tmp_path / "park.tif", np.full((2, 3), 4, dtype=np.int16))
    soil = write_raster(tmp_path / "soil.tif", np.array([[1, 2, 0], [4, 7, 3]], dtype=np.int16), nodata=0)
    feedback = QgsProcessingFeedback()
    result = run({"LULC_RASTER": lulc, "SOIL_RASTER": soil}, feedback=feedback)
    # Q at 100 mm: CN 39 → (100 − 79.456)² / (100 + 317.826) = 1.0101; 61 → 19.8296; 80 → 50.5391;
    # 74 → 39.3761 mm. Sum 110.7549 mm × 100 m² × 1e-3 = 11.0755 m³ on 4 counted pixels.
    assert result["TOTAL_RUNOFF_M3"] == pytest.approx(11.0755, abs=1e-4)
    assert result["TOTAL_RETAINED_M3"] == pytest.approx(40.0 - 11.0755, abs=1e-4)    # 4 × 10 m³ of rain
    (zone,) = list(result["OUTPUT"].getFeatures())
    assert zone["area_ha"] == pytest.approx(0.04)
    assert zone["cn"] == pytest.approx((39 + 61 + 80 + 74) / 4)                       # 63.5
    log = feedback.textLog()
    assert "1 pixels (0.01 ha) have a soil group outside 1–4 (7)" in log
    assert "1 pixels (0.01 ha) lie on soil group nodata" in log


def test_raster_unknown_codes_and_nodata(provider, tmp_path, write_raster):
    # Road (2), code 9 (not in the table) and nodata 255 (left out silently); soil C default.
    lulc = write_raster(tmp_path / "l.tif", np.array([[2, 9, 255]], dtype=np.int16), nodata=255)
    feedback = QgsProcessingFeedback()
    result = run({"LULC_RASTER": lulc}, feedback=feedback)
    assert result["TOTAL_RUNOFF_M3"] == pytest.approx(9.40376, abs=1e-5)     # 94.0376 mm × 100 m² × 1e-3
    assert "1 pixels (0.01 ha) have land-cover codes the curve number table does not list (9)" in feedback.textLog()


def test_raster_mismatches_and_bad_inputs_are_refused(provider, tmp_path, write_raster, hand_raster, parcels):
    lulc = hand_raster
    coarse = write_raster(tmp_path / "coarse.tif", np.full((5, 5), 4, dtype=np.int16), pixel=20.0)
    with pytest.raises(QgsProcessingException, match="not on the land-cover raster's grid"):
        run({"LULC_RASTER": lulc, "SOIL_RASTER": coarse})
    shifted = write_raster(tmp_path / "shifted.tif", np.full((10, 10), 4, dtype=np.int16), origin=(X0 + 5, Y0 + 100))
    with pytest.raises(QgsProcessingException, match="same CRS, size and pixels"):
        run({"LULC_RASTER": lulc, "SOIL_RASTER": shifted})
    other_crs = write_raster(tmp_path / "crs.tif", np.full((10, 10), 4, dtype=np.int16), epsg=32651)
    with pytest.raises(QgsProcessingException, match="EPSG:32651"):
        run({"LULC_RASTER": lulc, "SOIL_RASTER": other_crs})
    geographic = write_raster(tmp_path / "geo.tif", np.full((2, 2), 4, dtype=np.int16), epsg=4326,
                              origin=(120.75, 30.7), pixel=0.0001)
    with pytest.raises(QgsProcessingException, match="where pixels have no fixed area"):
        run({"LULC_RASTER": geographic})
    with pytest.raises(QgsProcessingException, match="exactly one of the two"):
        run({})
    with pytest.raises(QgsProcessingException, match="exactly one of the two"):
        run({"INPUT": parcels, "CLASS_FIELD": "code", "LULC_RASTER": lulc})
    names_only = tmp_path / "names.csv"
    names_only.write_text("class,cn_a,cn_b,cn_c,cn_d\nroad,98,98,98,98\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no lucode column"):
        run({"LULC_RASTER": lulc, "CN_TABLE": str(names_only)})


def test_demo_district_raster_agrees_with_polygons(provider, tmp_path):
    """The landcover burnt into 5 m pixels and summed per planning unit ≈ the polygon total (2 %)."""
    source = ogr.Open(str(DISTRICT))
    landcover = source.GetLayerByName("landcover")
    xmin, xmax, ymin, ymax = landcover.GetExtent()
    cols, rows = int(np.ceil((xmax - xmin) / 5)), int(np.ceil((ymax - ymin) / 5))
    path = str(tmp_path / "demo_lulc.tif")
    raster = gdal.GetDriverByName("GTiff").Create(path, cols, rows, 1, gdal.GDT_Byte)
    raster.SetGeoTransform((xmin, 5.0, 0.0, ymax, 0.0, -5.0))
    raster.SetProjection(landcover.GetSpatialRef().ExportToWkt())
    raster.GetRasterBand(1).SetNoDataValue(0)
    gdal.RasterizeLayer(raster, [1], landcover, options=["ATTRIBUTE=lucode"])
    raster = None
    polygons = run({"INPUT": f"{DISTRICT}|layername=landcover", "CLASS_FIELD": "lucode"})
    result = run({"LULC_RASTER": path, "ZONES": f"{DISTRICT}|layername=planning_units"})
    assert result["OUTPUT"].featureCount() == 6
    # Pixel edges shift each class boundary by at most half a pixel: the totals agree within 2 %.
    assert result["TOTAL_RUNOFF_M3"] == pytest.approx(polygons["TOTAL_RUNOFF_M3"], rel=0.02)
    assert result["TOTAL_RETAINED_M3"] == pytest.approx(polygons["TOTAL_RETAINED_M3"], rel=0.02)
    assert result["MEAN_RETENTION"] == pytest.approx(polygons["MEAN_RETENTION"], rel=0.02)
    # The units' areas add up to the counted pixels: Σ area_ha × 1e4 × 0.1 m = runoff + retained.
    area_ha = sum(f["area_ha"] for f in result["OUTPUT"].getFeatures())
    assert result["TOTAL_RUNOFF_M3"] + result["TOTAL_RETAINED_M3"] == pytest.approx(area_ha * 1e4 * 0.1)
