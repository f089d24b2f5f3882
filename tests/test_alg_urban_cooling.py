"""lcr:urban_cooling through processing.run: the InVEST CC reference raster (test_cc_rasters), zonal means
and heat risk by hand, bad inputs, and the demo district."""
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr
from qgis.core import QgsProcessingException

import processing

REPO = Path(__file__).resolve().parents[1]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
X0, Y0 = 572000.0, 3402000.0   # near Jiaxing, EPSG:4549

# InVEST tests/test_ucm.py test_cc_rasters: lucode, kc, albedo, shade, green_area.
INVEST_TABLE = ("lucode,kc,albedo,shade,green_area\n1,1,0.05,0,0\n2,1.1,0.1,1,1\n3,0.9,0.2,0,1\n"
                "4,0.3,0.3,0.2,0\n5,0.2,0.4,0,0\n")
LULC = np.array([[2, 3, 1, 5, 5, 5], [3, 3, 1, 1, 4, 5], [5, 5, 4, 2, 3, 1], [4, 1, 4, 2, 2, 1],
                 [1, 5, 4, 1, 1, 2]])
ET0 = np.array([[800, 799, 567, 234, 422, 422], [765, 867, 765, 654, 456, 677],
                [556, 443, 456, 265, 876, 890], [433, 266, 677, 776, 900, 687],
                [456, 832, 234, 234, 234, 554]], dtype=float)
EXPECTED_CC = np.array([
    [0.815556, 0.1998, 0.136, 0.0904, 0.098756, 0.098756],
    [0.193, 0.2134, 0.18, 0.155333, 0.2104, 0.110089],
    [0.104711, 0.099689, 0.2104, 0.684778, 0.2152, 0.207778],
    [0.208867, 0.069111, 0.225133, 0.809689, 0.84, 0.162667],
    [0.111333, 0.116978, 0.1956, 0.062, 0.062, 0.755422]])


@pytest.fixture
def write_raster(write_geotiff):
    """``origin`` is the bottom-left corner here, where the unit rectangles start."""
    return lambda path, array, pixel=1.0, epsg=4549, origin=(X0, Y0), nodata=None: write_geotiff(
        path, array, (origin[0], origin[1] + array.shape[0] * pixel), pixel, epsg, nodata)


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def run(params, **kwargs):
    return processing.run("lcr:urban_cooling", {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


@pytest.fixture
def invest_table(tmp_path):
    path = tmp_path / "invest_ucm.csv"
    path.write_text(INVEST_TABLE, encoding="utf-8")
    return str(path)


@pytest.fixture
def two_classes(tmp_path):
    # Code 1: shade 1 → CC 0.6; code 2: all 0 → CC 0. No green area, so HM = CC.
    path = tmp_path / "two.csv"
    path.write_text("lucode,kc,shade,albedo,green_area\n1,0,1,0,0\n2,0,0,0,0\n", encoding="utf-8")
    return str(path)


def test_domain_5_4_cc_raster_through_the_algorithm(provider, tmp_path, write_raster, invest_table, make_layer, rect):
    # One 1 m unit per cell of the 5 × 6 raster: each unit's cc_mean is that cell's CC (test_cc_rasters).
    lulc = write_raster(tmp_path / "lulc.tif", LULC.astype(np.int32))
    et0 = write_raster(tmp_path / "et0.tif", ET0)
    rows = [(rect(X0 + c, Y0 + 4 - r, 1, 1), [r, c]) for r in range(5) for c in range(6)]
    units = make_layer("Polygon", "EPSG:4549", "r:integer&field=c:integer", rows)
    hm_path, tair_path = str(tmp_path / "hm.tif"), str(tmp_path / "tair.tif")
    result = run({"LULC_RASTER": lulc, "ET0_RASTER": et0, "BIOPHYSICAL_TABLE": invest_table, "UNITS": units,
                  "COOLING_DISTANCE": 2, "AVERAGE_RADIUS": 1, "T_REF": 30, "UHI_MAX": 3,
                  "OUTPUT_HM_RASTER": hm_path, "OUTPUT_TAIR_RASTER": tair_path})
    out = result["OUTPUT"]
    assert out.fields().names() == ["r", "c", "cc_mean", "hm_mean", "t_air_mean", "t_air_max", "heat_risk"]
    cc = np.zeros((5, 6))
    for feature in out.getFeatures():
        cc[feature["r"], feature["c"]] = feature["cc_mean"]
        assert is_null(feature["heat_risk"])
    np.testing.assert_allclose(cc, EXPECTED_CC, atol=1e-6)
    # The rasters: HM ≥ CC cell by cell (HM is CC or a larger CC_park); 30 ≤ T_air ≤ 33.
    hm = gdal.Open(hm_path).ReadAsArray()
    t_air = gdal.Open(tair_path).ReadAsArray()
    assert hm.shape == (5, 6) and np.all(hm >= EXPECTED_CC - 1e-6)
    assert t_air.min() >= 30 and t_air.max() <= 33
    assert result["T_AIR_MEAN"] == pytest.approx(float(t_air.mean()), abs=1e-5)


def test_zonal_means_and_heat_risk_by_hand(provider, tmp_path, write_raster, log_feedback, two_classes, make_layer,
                                            rect, layer_snapshot):
    # 10 m cells, 2 rows × 4 columns: left two columns code 1 (CC 0.6), right two code 2 (CC 0).
    # No mixing (radius 0): T = 30 + (1 − 0.6)·3 = 31.2 on the left, 30 + 3 = 33 on the right.
    lulc = write_raster(tmp_path / "lulc.tif", np.array([[1, 1, 2, 2], [1, 1, 2, 2]], np.int32), pixel=10)
    units = make_layer("Polygon", "EPSG:4549", "name:string&field=pop:integer&field=old:integer&field=kids:integer", [
        (rect(X0, Y0, 20, 20), ["left", 1000, 300, None]),
        (rect(X0 + 20, Y0, 20, 20), ["right", 1000, 150, 50]),
        (rect(X0 + 5000, Y0, 20, 20), ["away", 10, 1, 1]),
        (rect(X0 + 10, Y0, 20, 20), ["late", None, 5, 5]),   # overlaps both: the first unit wins each cell
    ])
    before = layer_snapshot(units)
    feedback = log_feedback()
    result = run({"LULC_RASTER": lulc, "BIOPHYSICAL_TABLE": two_classes, "UNITS": units, "AVERAGE_RADIUS": 0,
                  "T_REF": 30, "UHI_MAX": 3, "POPULATION_FIELD": "pop", "ELDERLY_FIELD": "old",
                  "CHILDREN_FIELD": "kids"}, feedback=feedback)
    out = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    assert out["left"]["hm_mean"] == pytest.approx(0.6)
    assert out["left"]["t_air_mean"] == pytest.approx(31.2) and out["left"]["t_air_max"] == pytest.approx(31.2)
    assert out["right"]["t_air_mean"] == pytest.approx(33.0) and out["right"]["hm_mean"] == pytest.approx(0.0)
    # left: (31.2 − 30)/3 = 0.4 × (300 + NULL→0)/1000 = 0.12; right: (33 − 30)/3 = 1 × (150 + 50)/1000 = 0.2.
    assert out["left"]["heat_risk"] == pytest.approx(0.12)
    assert out["right"]["heat_risk"] == pytest.approx(0.2)
    for name in ("away", "late"):   # no cell of their own: NULL, counted in the log
        assert all(is_null(out[name][f]) for f in ("hm_mean", "t_air_mean", "t_air_max", "heat_risk"))
    assert "2 planning units contain no land-cover cell" in feedback.text
    # Area means over the 8 cells: T (4·31.2 + 4·33)/8 = 32.1, HM 0.3.
    assert result["T_AIR_MEAN"] == pytest.approx(32.1) and result["HM_MEAN"] == pytest.approx(0.3)
    assert "Unverified" not in feedback.text   # a table without a verified column raises no warning
    assert layer_snapshot(units) == before


def test_land_cover_polygons_are_rasterised_in_metres(provider, tmp_path, write_raster, two_classes, make_layer, rect,
                                                      log_feedback, layer_snapshot):
    # The layout of test_zonal_means_and_heat_risk_by_hand as polygons: code 1 (CC 0.6) on the left 20 m,
    # code 2 (CC 0) on the right 20 m, rasterised at 10 m; no mixing: T 31.2 °C on the left, 33 °C on the right.
    cover = make_layer("Polygon", "EPSG:4549", "lucode:integer", [
        (rect(X0, Y0, 20, 20), [1]), (rect(X0 + 20, Y0, 20, 20), [2]), (rect(X0 + 40, Y0, 20, 20), [None])])
    units = make_layer("Polygon", "EPSG:4549", "name:string", [
        (rect(X0, Y0, 20, 20), ["left"]), (rect(X0 + 20, Y0, 20, 20), ["right"])])
    before = layer_snapshot(cover)
    params = {"LANDCOVER": cover, "CLASS_FIELD": "lucode", "CELL_SIZE": 10, "BIOPHYSICAL_TABLE": two_classes,
              "UNITS": units, "AVERAGE_RADIUS": 0, "T_REF": 30, "UHI_MAX": 3}
    feedback = log_feedback()
    result = run(params, feedback=feedback)
    out = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    assert out["left"]["t_air_mean"] == pytest.approx(31.2) and out["right"]["t_air_mean"] == pytest.approx(33.0)
    assert result["T_AIR_MEAN"] == pytest.approx(32.1) and result["HM_MEAN"] == pytest.approx(0.3)
    assert "4 × 2 cells" in feedback.text        # the polygon without a class adds no cell
    assert "1 polygons of" in feedback.text and "no whole-number class" in feedback.text   # the NULL class
    assert layer_snapshot(cover) == before
    # The same polygons in degrees: rasterised in UTM 51N, cells of 10 m again, the same temperatures.
    lonlat = processing.run("native:reprojectlayer", {"INPUT": cover, "TARGET_CRS": "EPSG:4326",
                                                      "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    feedback = log_feedback()
    degrees = run(dict(params, LANDCOVER=lonlat), feedback=feedback)
    assert "EPSG:32651" in feedback.text
    assert degrees["T_AIR_MEAN"] == pytest.approx(32.1, abs=0.1)
    with pytest.raises(QgsProcessingException, match="not both"):
        run(dict(params, LULC_RASTER=write_raster(tmp_path / "l.tif", np.ones((2, 4), np.int32), pixel=10)))
    with pytest.raises(QgsProcessingException, match="land-cover raster or land-cover polygons"):
        run({"BIOPHYSICAL_TABLE": two_classes, "UNITS": units})


def test_park_at_the_raster_edge_per_unit_matches_the_user_guide(provider, tmp_path, write_raster, make_layer, rect,
                                                                 ucm_reference):
    # 10 × 16 cells of 30 m: a park (code 2, green) in the four western columns, built land (code 1)
    # elsewhere, one nodata cell. One ET0 number, so ETI = kc: CC built = 0.6·0.1 + 0.2·0.2 + 0.2·0.3 =
    # 0.16, park = 0.6·0.8 + 0.2·0.15 + 0.2·1.0 = 0.71. d_cool 150 m (5 cells), mixing 60 m (2 cells):
    # the kernels hang over the raster's edges everywhere. Units: the park, the next 4 columns, the rest.
    lulc = np.ones((10, 16), np.int32)
    lulc[:, :4] = 2
    lulc[8, 12] = 255
    path = write_raster(tmp_path / "lulc.tif", lulc, pixel=30, nodata=255)
    table = tmp_path / "bio.csv"
    table.write_text("lucode,kc,shade,albedo,green_area\n1,0.3,0.1,0.2,0\n2,1.0,0.8,0.15,1\n", encoding="utf-8")
    units = make_layer("Polygon", "EPSG:4549", "id:integer", [
        (rect(X0, Y0, 120, 300), [0]), (rect(X0 + 120, Y0, 120, 300), [1]), (rect(X0 + 240, Y0, 240, 300), [2])])
    hm_path = str(tmp_path / "hm.tif")
    result = run({"LULC_RASTER": path, "BIOPHYSICAL_TABLE": str(table), "UNITS": units, "COOLING_DISTANCE": 150,
                  "AVERAGE_RADIUS": 60, "T_REF": 30, "UHI_MAX": 3, "OUTPUT_HM_RASTER": hm_path})
    valid = lulc != 255
    cc = np.where(lulc == 2, 0.71, 0.16)
    ref = ucm_reference(cc, (lulc == 2).astype(float), valid, 30.0, 150.0, 60.0, 30.0, 3.0)
    out = {f["id"]: f for f in result["OUTPUT"].getFeatures()}
    for unit, columns in ((0, slice(0, 4)), (1, slice(4, 8)), (2, slice(8, 16))):
        inside = valid[:, columns]
        for field, name in (("hm_mean", "hm"), ("t_air_mean", "t_air")):
            expected = ref[name][:, columns][inside].mean()
            assert out[unit][field] == pytest.approx(expected, rel=5e-3)
            assert out[unit][field] == pytest.approx(expected, rel=1e-9)
        assert out[unit]["t_air_max"] == pytest.approx(ref["t_air"][:, columns][inside].max(), rel=1e-9)
    # Next to the park, cells take the park's cooling: unit 1's HM is above its CC.
    assert out[1]["cc_mean"] == pytest.approx(0.16) and out[1]["hm_mean"] > 0.18
    hm = gdal.Open(hm_path).ReadAsArray()
    np.testing.assert_allclose(hm[valid], ref["hm"][valid], rtol=1e-6)   # a Float32 raster
    assert result["HM_MEAN"] == pytest.approx(ref["hm"][valid].mean(), rel=1e-9)


def test_night_time_building_intensity_method(provider, tmp_path, write_raster, make_layer, rect, invest_table):
    # CC = 1 − building_intensity: code 1 (intensity 0.8) → 0.2, code 2 (0.2) → 0.8. No green, no mixing:
    # T = 30 + (1 − 0.2)·3 = 32.4 on the left, 30 + (1 − 0.8)·3 = 30.6 on the right. No kc, shade or albedo.
    lulc = write_raster(tmp_path / "lulc.tif", np.array([[1, 1, 2, 2], [1, 1, 2, 2]], np.int32), pixel=10)
    table = tmp_path / "night.csv"
    table.write_text("lucode,green_area,building_intensity\n1,0,0.8\n2,0,0.2\n", encoding="utf-8")
    units = make_layer("Polygon", "EPSG:4549", "name:string", [(rect(X0, Y0, 20, 20), ["left"]),
                                                               (rect(X0 + 20, Y0, 20, 20), ["right"])])
    result = run({"LULC_RASTER": lulc, "BIOPHYSICAL_TABLE": str(table), "UNITS": units, "CC_METHOD": 1,
                  "AVERAGE_RADIUS": 0, "T_REF": 30, "UHI_MAX": 3})
    out = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    assert out["left"]["cc_mean"] == pytest.approx(0.2) and out["left"]["t_air_mean"] == pytest.approx(32.4)
    assert out["right"]["hm_mean"] == pytest.approx(0.8) and out["right"]["t_air_mean"] == pytest.approx(30.6)
    with pytest.raises(QgsProcessingException, match="lacks the column.*building_intensity"):
        run({"LULC_RASTER": lulc, "BIOPHYSICAL_TABLE": invest_table, "UNITS": units, "CC_METHOD": 1})


def test_et_max_is_the_whole_et0_rasters(provider, tmp_path, write_raster, make_layer, rect, invest_table):
    # InVEST takes ET_max from the whole ET0 raster: here 800 mm under a land-cover nodata cell. Forest
    # (kc 1.1, shade 1, albedo 0.1) on ET0 400: ETI = 1.1 × 400/800 = 0.55, CC = 0.6 + 0.02 + 0.11 = 0.73
    # (ET_max 400 would give 0.84). Three green cells of 100 m² are far below 2 ha, so HM = CC.
    lulc = write_raster(tmp_path / "lulc.tif", np.array([[2, 2], [255, 2]], np.int32), pixel=10, nodata=255)
    et0 = write_raster(tmp_path / "et0.tif", np.array([[400.0, 400.0], [800.0, 400.0]]), pixel=10)
    units = make_layer("Polygon", "EPSG:4549", "id:integer", [(rect(X0, Y0, 20, 20), [1])])
    result = run({"LULC_RASTER": lulc, "ET0_RASTER": et0, "BIOPHYSICAL_TABLE": invest_table, "UNITS": units,
                  "AVERAGE_RADIUS": 0})
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["cc_mean"] == pytest.approx(0.73) and feature["hm_mean"] == pytest.approx(0.73)


def test_uniform_land_cover_no_mixing_effect(provider, tmp_path, write_raster, two_classes, make_layer, rect):
    # One class everywhere: mixing a uniform field changes nothing, edges included: T = 31.2 everywhere.
    lulc = write_raster(tmp_path / "lulc.tif", np.ones((20, 20), np.int32), pixel=10)
    units = make_layer("Polygon", "EPSG:4549", "id:integer", [(rect(X0, Y0, 200, 200), [1])])
    result = run({"LULC_RASTER": lulc, "BIOPHYSICAL_TABLE": two_classes, "UNITS": units, "AVERAGE_RADIUS": 50})
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["t_air_mean"] == pytest.approx(31.2) and feature["t_air_max"] == pytest.approx(31.2)


def test_shipped_table_warns_unverified_and_unknown_codes(provider, tmp_path, write_raster, log_feedback, make_layer,
                                                          rect):
    # Codes 1 (built_up) and 9 (not in the table); 255 is nodata.
    lulc = write_raster(tmp_path / "lulc.tif", np.array([[1, 9], [255, 1]], np.int32), pixel=10, nodata=255)
    units = make_layer("Polygon", "EPSG:4549", "id:integer", [(rect(X0, Y0, 20, 20), [1])])
    feedback = log_feedback()
    result = run({"LULC_RASTER": lulc, "UNITS": units, "AVERAGE_RADIUS": 0}, feedback=feedback)
    # built_up: 0.6·0.2 + 0.2·0.3 + 0.2·0.3 (ETI = kc with one ET0) = 0.24; T = 30 + 0.76·3 = 32.28.
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["cc_mean"] == pytest.approx(0.24) and feature["t_air_mean"] == pytest.approx(32.28)
    assert "Unverified biophysical values were used for: built_up" in feedback.text
    assert "1 cells have land-cover codes the biophysical table does not list (9)" in feedback.text


def test_bad_inputs_are_refused(provider, tmp_path, write_raster, invest_table, make_layer, rect):
    units = make_layer("Polygon", "EPSG:4549", "pop:integer&field=old:integer", [(rect(X0, Y0, 20, 20), [10, 2])])
    lulc = write_raster(tmp_path / "lulc.tif", np.ones((2, 2), np.int32), pixel=10)
    degrees = write_raster(tmp_path / "deg.tif", np.ones((2, 2), np.int32), pixel=0.0001, epsg=4326,
                           origin=(120.7, 30.7))
    with pytest.raises(QgsProcessingException, match="EPSG:4326.*Reproject it to a projected CRS"):
        run({"LULC_RASTER": degrees, "BIOPHYSICAL_TABLE": invest_table, "UNITS": units})
    missing = tmp_path / "missing.csv"
    missing.write_text("lucode,kc,shade,albedo\n1,1,0,0\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="lacks the column.*green_area"):
        run({"LULC_RASTER": lulc, "BIOPHYSICAL_TABLE": str(missing), "UNITS": units})
    bad = tmp_path / "bad.csv"
    bad.write_text("lucode,kc,shade,albedo,green_area\n1,1,0,0,0\n2,1,0,0,yes\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="line 3.*green_area"):
        run({"LULC_RASTER": lulc, "BIOPHYSICAL_TABLE": str(bad), "UNITS": units})
    away = make_layer("Polygon", "EPSG:4549", "id:integer", [(rect(X0 + 9000, Y0, 20, 20), [1])])
    with pytest.raises(QgsProcessingException, match="No planning unit overlaps"):
        run({"LULC_RASTER": lulc, "BIOPHYSICAL_TABLE": invest_table, "UNITS": away})
    with pytest.raises(QgsProcessingException, match="needs the population field"):
        run({"LULC_RASTER": lulc, "BIOPHYSICAL_TABLE": invest_table, "UNITS": units, "ELDERLY_FIELD": "old"})
    with pytest.raises(QgsProcessingException, match="CC weights"):
        run({"LULC_RASTER": lulc, "BIOPHYSICAL_TABLE": invest_table, "UNITS": units, "CC_WEIGHTS": "0.6;0.2"})
    unknown_only = write_raster(tmp_path / "nine.tif", np.full((2, 2), 9, np.int32), pixel=10)
    with pytest.raises(QgsProcessingException, match="no cell with a land-cover code"):
        run({"LULC_RASTER": unknown_only, "BIOPHYSICAL_TABLE": invest_table, "UNITS": units})
    points = make_layer("Point", "EPSG:4549", "id:integer", [(f"POINT({X0} {Y0})", [1])])
    with pytest.raises(QgsProcessingException, match="Polygon"):
        run({"LULC_RASTER": lulc, "BIOPHYSICAL_TABLE": invest_table, "UNITS": points})


def test_tiles_give_the_whole_raster_result(provider, tmp_path, write_raster, invest_table, make_layer, rect,
                                            monkeypatch):
    # 37 × 53 cells of 30 m, mostly green (so GA ≥ 2 ha and CC_park counts), with nodata and an ET0 raster
    # whose largest value lies in one corner tile: run on tiles of 8 cells (their halos reach 15 and 10
    # cells) it must match one whole-raster tile.
    from lcr_toolkit.algorithms.urban_cooling import UrbanCooling

    rng = np.random.default_rng(4549)
    lulc = rng.choice([1, 2, 3, 4, 5], (37, 53), p=[0.05, 0.45, 0.4, 0.05, 0.05]).astype(np.int32)
    lulc[5:9, 40:44] = 255
    et0 = rng.uniform(200, 600, lulc.shape)
    et0[0, 0] = 900.0
    paths = {"lulc": write_raster(tmp_path / "lulc.tif", lulc, pixel=30, nodata=255),
             "et0": write_raster(tmp_path / "et0.tif", et0, pixel=30)}
    units = make_layer("Polygon", "EPSG:4549", "id:integer", [
        (rect(X0 + 30 * x, Y0 + 30 * y, 600, 450), [i])
        for i, (x, y) in enumerate([(0, 0), (20, 0), (33, 22), (5, 10)])])
    outputs = {}
    for tile in (4096, 8):
        monkeypatch.setattr(UrbanCooling, "TILE", tile)
        hm, tair = str(tmp_path / f"hm_{tile}.tif"), str(tmp_path / f"tair_{tile}.tif")
        result = run({"LULC_RASTER": paths["lulc"], "ET0_RASTER": paths["et0"], "BIOPHYSICAL_TABLE": invest_table,
                      "UNITS": units, "COOLING_DISTANCE": 90, "AVERAGE_RADIUS": 60,
                      "OUTPUT_HM_RASTER": hm, "OUTPUT_TAIR_RASTER": tair})
        rows = sorted([f[name] for name in ("id", *UrbanCooling.FIELDS[:4])] for f in result["OUTPUT"].getFeatures())
        outputs[tile] = (np.array(rows, float), result["T_AIR_MEAN"], result["HM_MEAN"],
                         gdal.Open(hm).ReadAsArray(), gdal.Open(tair).ReadAsArray())
    whole, tiled = outputs[4096], outputs[8]
    assert (whole[0][:, 2] > whole[0][:, 1] + 0.01).all()   # hm_mean > cc_mean: green areas cool their surroundings
    np.testing.assert_allclose(tiled[0], whole[0], rtol=0, atol=1e-9)
    assert tiled[1] == pytest.approx(whole[1], abs=1e-9) and tiled[2] == pytest.approx(whole[2], abs=1e-9)
    for a, b in zip(tiled[3:], whole[3:]):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-5)   # Float32 rasters: one rounding step at 33 °C
        assert np.array_equal(a == -9999, b == -9999) and (a == -9999).sum() == 16


def rasterise_demo(path, layer_name, attribute, cell=10.0):
    source = ogr.Open(str(DISTRICT))
    layer = source.GetLayerByName(layer_name)
    xmin, xmax, ymin, ymax = 570000.0, 574000.0, 3400500.0, 3403500.0
    cols, rows = int((xmax - xmin) / cell), int((ymax - ymin) / cell)
    kind = gdal.GDT_Byte if attribute == "lucode" else gdal.GDT_Int32
    raster = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, kind)
    raster.SetGeoTransform((xmin, cell, 0, ymax, 0, -cell))
    raster.SetProjection(layer.GetSpatialRef().ExportToWkt())
    band = raster.GetRasterBand(1)
    band.SetNoDataValue(0 if attribute == "lucode" else -1)
    band.Fill(0 if attribute == "lucode" else -1)
    gdal.RasterizeLayer(raster, [1], layer, options=[f"ATTRIBUTE={attribute}"])
    raster.FlushCache()
    array = band.ReadAsArray()
    raster = None
    return str(path), array


def test_demo_district_wetland_is_cooler_than_industrial_park(provider, tmp_path):
    lulc_path, lulc = rasterise_demo(tmp_path / "demo_lulc.tif", "landcover", "lucode")
    units = f"{DISTRICT}|layername=planning_units"
    result = run({"LULC_RASTER": lulc_path, "UNITS": units})
    out = {f["pilot_type"]: f for f in result["OUTPUT"].getFeatures()}
    wetland, industry = out["ecological_area"], out["industrial_park_renewal"]
    assert wetland["t_air_mean"] < industry["t_air_mean"] - 0.25   # 31.93 vs 32.31 °C at the defaults
    assert wetland["hm_mean"] > industry["hm_mean"]
    assert 30 <= industry["t_air_max"] <= 33 and 30 <= wetland["t_air_mean"] <= 33
    # Independent check of cc_mean: per-cell CC from the shipped table with one ET0 (ETI = kc), e.g.
    # built_up 0.12 + 0.06 + 0.06 = 0.24, tree_cover 0.6 + 0.02 + 0.22 = 0.84, averaged over the unit's
    # cells as GDAL rasterises the units (cell centre inside), cells without land cover left out.
    table = {1: 0.24, 2: 0.02, 3: 0.21, 4: 0.22, 5: 0.84, 6: 0.22, 7: 0.12}
    cc = np.vectorize(lambda c: table.get(int(c), np.nan))(lulc)
    source = ogr.Open(str(DISTRICT))
    units_layer = source.GetLayerByName("planning_units")
    for unit in (wetland, industry):
        units_layer.SetAttributeFilter(f"unit_id = '{unit['unit_id']}'")
        mask = gdal.GetDriverByName("MEM").Create("", lulc.shape[1], lulc.shape[0], 1, gdal.GDT_Byte)
        mask.SetGeoTransform((570000.0, 10.0, 0, 3403500.0, 0, -10.0))
        gdal.RasterizeLayer(mask, [1], units_layer, burn_values=[1])
        inside = mask.GetRasterBand(1).ReadAsArray() == 1
        assert unit["cc_mean"] == pytest.approx(np.nanmean(cc[inside]), abs=1e-9)
