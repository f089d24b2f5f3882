"""lcr:carbon_stock through processing.run: hand-computed polygons, the InVEST raster reference case
(InVEST tests/test_carbon.py), zones, bad inputs, and the demo district checked with GDAL + shapely."""
import csv
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import gdal, ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
)

import processing

REPO = Path(__file__).resolve().parents[1]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
SHIPPED = REPO / "resources" / "factors" / "carbon_pools.csv"
X0, Y0 = 572000.0, 3402000.0   # near Jiaxing, EPSG:4549 (CGCS2000 / 3-degree GK CM 120E)

# A = 40+10+50+0 = 100 t C/ha growing 2 t C/ha/yr; B = 20 t C/ha, rate 0.
HAND = ("# hand-made pools\nlucode,class,c_above,c_below,c_soil,c_dead,c_rate,source,year,verified\n"
        "1,A,40,10,50,0,2,test,2026,yes\n2,B,0,0,20,0,0,test,2026,no\n")
INVEST_5_3 = "lucode,c_above,c_below,c_soil,c_dead\n1,15,10,60,1\n2,5,3,20,0\n3,2,1,5,0\n"


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def run(params, **kwargs):
    return processing.run("lcr:carbon_stock", {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


@pytest.fixture
def hand_table(tmp_path):
    path = tmp_path / "pools.csv"
    path.write_text(HAND, encoding="utf-8")
    return str(path)


@pytest.fixture
def parcels(make_layer, rect):
    # 200 m × 100 m = 2 ha of A (code 1), planned as B; 50 m × 100 m = 0.5 ha of B (code 2), planned as A.
    return make_layer("Polygon", "EPSG:4549", "code:integer&field=cls:string&field=plan:integer", [
        (rect(X0, Y0, 200, 100), [1, "a", 2]),
        (rect(X0 + 300, Y0, 50, 100), [2, " B ", 1]),
    ])


def test_hand_computed_polygons_with_plan(provider, parcels, hand_table, layer_snapshot):
    before = layer_snapshot(parcels)
    result = run({"INPUT": parcels, "CLASS_FIELD": "code", "SCENARIO_FIELD": "plan", "POOLS_TABLE": hand_table})
    out = list(result["OUTPUT"].getFeatures())
    assert result["OUTPUT"].fields().names() == ["code", "cls", "plan", "area_ha", "c_stock_t", "co2e_t",
                                                 "c_scen_t", "c_change_t", "seq_co2_t_yr", "seq_scen_co2_t_yr"]
    assert [f["area_ha"] for f in out] == pytest.approx([2.0, 0.5])
    assert [f["c_stock_t"] for f in out] == pytest.approx([200.0, 10.0])     # 2 × 100, 0.5 × 20
    assert result["TOTAL_C_T"] == pytest.approx(210.0)
    assert result["TOTAL_CO2E_T"] == pytest.approx(770.0)                     # 210 × 44/12
    assert [f["c_scen_t"] for f in out] == pytest.approx([40.0, 50.0])        # 2 × 20, 0.5 × 100
    assert result["TOTAL_CHANGE_T"] == pytest.approx(-120.0)                  # (40 + 50) − 210
    assert result["TOTAL_SEQ_CO2_T_YR"] == pytest.approx(2 * 2 * 44 / 12)     # 14.667 t CO2/yr
    assert result["TOTAL_SEQ_SCEN_CO2_T_YR"] == pytest.approx(0.5 * 2 * 44 / 12)
    assert layer_snapshot(parcels) == before


def test_valuation_and_pool_totals_of_polygons(provider, parcels, hand_table, make_layer, rect):
    # InVEST's value of sequestration: 100 per t C, discount 10 %, price change 0 %, 2020 → 2023:
    # 100/3 × (1 + 1/1.1 + 1/1.1²) = 91.184573 per t C of change. Changes −160 and +40 t C.
    params = {"INPUT": parcels, "CLASS_FIELD": "code", "SCENARIO_FIELD": "plan", "POOLS_TABLE": hand_table,
              "PRICE": 100, "DISCOUNT_RATE": 10, "PRICE_CHANGE": 0, "YEAR_CURRENT": 2020, "YEAR_FUTURE": 2023}
    result = run(params)
    assert result["OUTPUT"].fields().names()[-2:] == ["seq_scen_co2_t_yr", "npv_seq"]
    constant = 100 / 3 * (1 + 1 / 1.1 + 1 / 1.1 ** 2)
    assert [f["npv_seq"] for f in result["OUTPUT"].getFeatures()] == pytest.approx([-160 * constant, 40 * constant])
    assert result["TOTAL_NPV"] == pytest.approx(-120 * constant)                # −10 942.15
    # A price per t CO2 is per 12/44 t C: 100 × 12/44 per t CO2 is the same 100 per t C.
    per_co2 = run({**params, "PRICE": 100 * 12 / 44, "PRICE_UNIT": 1})
    assert per_co2["TOTAL_NPV"] == pytest.approx(-120 * constant)
    # Pools (A 40/10/50/0, B 0/0/20/0 t C/ha): baseline 2 ha A + 0.5 ha B; plan 2 ha B + 0.5 ha A.
    pools = [result[f"TOTAL_C_{p}_T"] for p in ("ABOVE", "BELOW", "SOIL", "DEAD")]
    plan = [result[f"TOTAL_SCEN_C_{p}_T"] for p in ("ABOVE", "BELOW", "SOIL", "DEAD")]
    assert pools == pytest.approx([80.0, 20.0, 110.0, 0.0]) and sum(pools) == pytest.approx(result["TOTAL_C_T"])
    assert plan == pytest.approx([20.0, 5.0, 65.0, 0.0]) and sum(plan) == pytest.approx(90.0)
    # Without a plan nothing is valued: no npv_seq field, the NPV and plan pools left empty.
    feedback = QgsProcessingFeedback()
    alone = run({**params, "SCENARIO_FIELD": None}, feedback=feedback)
    assert "npv_seq" not in alone["OUTPUT"].fields().names()
    assert alone["TOTAL_NPV"] is None and alone["TOTAL_SCEN_C_SOIL_T"] is None
    assert alone["TOTAL_C_SOIL_T"] == pytest.approx(110.0)
    assert "choose the plan class field" in feedback.textLog()
    with pytest.raises(QgsProcessingException, match="year of the baseline and the year of the plan"):
        run({**params, "YEAR_FUTURE": None})
    with pytest.raises(QgsProcessingException, match="2023 → 2020"):
        run({**params, "YEAR_CURRENT": 2023, "YEAR_FUTURE": 2020})


def test_text_classes_match_the_class_column(provider, parcels, hand_table):
    result = run({"INPUT": parcels, "CLASS_FIELD": "cls", "POOLS_TABLE": hand_table})
    assert [f["c_stock_t"] for f in result["OUTPUT"].getFeatures()] == pytest.approx([200.0, 10.0])
    assert result["TOTAL_C_T"] == pytest.approx(210.0)
    assert result["TOTAL_CHANGE_T"] == 0                                      # no plan given
    assert "c_scen_t" not in result["OUTPUT"].fields().names()


def test_missing_and_null_classes_are_counted_not_zero(provider, make_layer, rect, hand_table):
    layer = make_layer("Polygon", "EPSG:4549", "cls:string", [
        (rect(X0, Y0, 200, 100), ["A"]), (rect(X0 + 300, Y0, 100, 100), ["Z"]),
        (rect(X0 + 500, Y0, 100, 100), ["Z"]), (rect(X0 + 700, Y0, 100, 100), [None])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": layer, "CLASS_FIELD": "cls", "POOLS_TABLE": hand_table}, feedback=feedback)
    stocks = [f["c_stock_t"] for f in result["OUTPUT"].getFeatures()]
    assert stocks[0] == pytest.approx(200.0)
    assert all(is_null(v) for v in stocks[1:])                                # NULL, not 0
    assert result["TOTAL_C_T"] == pytest.approx(200.0)
    log = feedback.textLog()
    assert "2 polygons (2.00 ha) have a class the carbon table does not list (Z)" in log
    assert "1 polygons have no class value" in log


def test_geographic_layer_is_measured_in_metres(provider, make_layer, rect, hand_table):
    # 100 m × 100 m = 1 ha drawn in EPSG:4549, stored in WGS 84. In degrees it would be ~1e-8 "ha".
    geometry = QgsGeometry.fromWkt(rect(X0, Y0, 100, 100))
    geometry.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4549"),
                                              QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()))
    layer = make_layer("Polygon", "EPSG:4326", "code:integer", [(geometry.asWkt(12), [1])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": layer, "CLASS_FIELD": "code", "POOLS_TABLE": hand_table}, feedback=feedback)
    # UTM 51N and the Gauss-Krüger zone differ in scale by < 0.2 % here.
    assert next(result["OUTPUT"].getFeatures())["area_ha"] == pytest.approx(1.0, rel=2e-3)
    assert result["TOTAL_C_T"] == pytest.approx(100.0, rel=2e-3)
    assert "UTM" in feedback.textLog()


def test_invest_table_without_rates_or_sources(provider, parcels, tmp_path):
    path = tmp_path / "invest.csv"
    path.write_text("LUCODE,LULC_Name,C_above,C_below,C_soil,C_dead\n1,A,100,0,0,0\n2,B,0,0,0,20\n", encoding="utf-8")
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": parcels, "CLASS_FIELD": "code", "POOLS_TABLE": str(path)}, feedback=feedback)
    assert result["TOTAL_C_T"] == pytest.approx(210.0)
    assert result["TOTAL_SEQ_CO2_T_YR"] == 0
    assert "seq_co2_t_yr" not in result["OUTPUT"].fields().names()
    assert "Unverified" not in feedback.textLog()


def test_shipped_table_warns_unverified(provider, parcels):
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": parcels, "CLASS_FIELD": "code"}, feedback=feedback)
    # Shipped: built_up 5+5+15+2 = 27 t C/ha × 2 ha + road 0+0+15+0 = 15 × 0.5 ha = 61.5 t C.
    assert result["TOTAL_C_T"] == pytest.approx(61.5)
    assert "Unverified carbon pools were used for: built_up, road" in feedback.textLog()


@pytest.mark.parametrize("text, message", [
    ("# pools\nlucode,c_above,c_below,c_soil,c_dead\n1,1,1,1,1\n2,1,one,1,1\n", "line 4"),
    ("lucode,c_above,c_below,c_soil,c_dead\n1,1,1,1,1\n1,2,2,2,2\n", "line 3: “1” appears twice"),
    ("lucode,c_above,c_below,c_soil\n1,1,1,1\n", "lacks the column"),
    ("lucode,c_above,c_below,c_soil,c_dead\nurban,1,1,1,1\n", "line 2: lucode “urban” is not a whole number"),
])
def test_malformed_tables_are_refused_with_their_line(provider, parcels, tmp_path, text, message):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=message):
        run({"INPUT": parcels, "CLASS_FIELD": "code", "POOLS_TABLE": str(path)})


def test_bad_inputs_are_refused(provider, parcels, make_layer, hand_table, tmp_path, write_raster):
    with pytest.raises(QgsProcessingException, match="class field"):
        run({"INPUT": parcels, "POOLS_TABLE": hand_table})
    with pytest.raises(QgsProcessingException, match="is not in"):
        run({"INPUT": parcels, "CLASS_FIELD": "nope", "POOLS_TABLE": hand_table})
    lines = make_layer("LineString", "EPSG:4549", "code:integer", [("LINESTRING(0 0,10 10)", [1])])
    with pytest.raises(QgsProcessingException, match="needs Polygon"):
        run({"INPUT": lines, "CLASS_FIELD": "code"})
    empty = make_layer("Polygon", "EPSG:4549", "code:integer", [])
    with pytest.raises(QgsProcessingException, match="has no features"):
        run({"INPUT": empty, "CLASS_FIELD": "code"})
    with pytest.raises(QgsProcessingException, match="exactly one"):
        run({"POOLS_TABLE": hand_table})
    raster = write_raster(tmp_path / "lulc.tif", np.ones((2, 2), np.uint8))
    with pytest.raises(QgsProcessingException, match="exactly one"):
        run({"INPUT": parcels, "CLASS_FIELD": "code", "LULC_RASTER": raster})
    # A numeric class field against a table keyed only by class names.
    names_only = tmp_path / "names.csv"
    names_only.write_text("class,c_above,c_below,c_soil,c_dead\nA,1,1,1,1\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no lucode column"):
        run({"INPUT": parcels, "CLASS_FIELD": "code", "POOLS_TABLE": str(names_only)})


# ---- rasters ------------------------------------------------------------------------------
@pytest.fixture
def write_raster(write_geotiff):
    """``origin`` is the top-left corner."""
    return lambda path, array, epsg=4549, origin=(X0, Y0 + 10), pixel=1.0, nodata=None: write_geotiff(
        path, array, origin, pixel, epsg, nodata)


@pytest.fixture
def invest_table(tmp_path):
    path = tmp_path / "invest_5_3.csv"
    path.write_text(INVEST_5_3, encoding="utf-8")
    return str(path)


def test_domain_5_3_invest_reference(provider, tmp_path, write_raster, invest_table):
    # InVEST tests/test_carbon.py: 10 × 10 pixels of 1 m; baseline all lucode 1 (86 t/ha), alternate all
    # lucode 2 (28 t/ha).
    base = write_raster(tmp_path / "bas.tif", np.ones((10, 10), np.uint8))
    alt = write_raster(tmp_path / "alt.tif", np.full((10, 10), 2, np.uint8))
    result = run({"LULC_RASTER": base, "SCENARIO_RASTER": alt, "POOLS_TABLE": invest_table})
    assert result["TOTAL_C_T"] == pytest.approx(0.86)          # 86 t/ha × 100 m² = 0.86 t
    assert result["TOTAL_CHANGE_T"] == pytest.approx(-0.58)    # 0.28 − 0.86
    assert result["TOTAL_CO2E_T"] == pytest.approx(0.86 * 44 / 12)
    (zone,) = list(result["OUTPUT"].getFeatures())             # no zones: the raster's extent
    assert zone["c_scen_t"] == pytest.approx(0.28)
    assert zone["area_ha"] == pytest.approx(0.01)
    assert zone.geometry().area() == pytest.approx(100.0)
    assert result["OUTPUT"].crs().authid() == "EPSG:4549"


def test_domain_5_3_invest_valuation_and_npv_raster(provider, tmp_path, write_raster, invest_table):
    # InVEST tests/test_carbon.py: 43 per t C, discount −7.1 %, price change 2.8 %, 2016 → 2030:
    # 59.00136 per t C; change −58 t C/ha → npv_alt −3 422.079 per ha; on 0.01 ha −0.58 t → −34.2208.
    lulc = np.ones((10, 10), np.uint8)
    lulc[0, 0] = 255
    base = write_raster(tmp_path / "bas.tif", lulc, nodata=255)
    alt = write_raster(tmp_path / "alt.tif", np.full((10, 10), 2, np.uint8))
    npv_path = str(tmp_path / "npv.tif")
    result = run({"LULC_RASTER": base, "SCENARIO_RASTER": alt, "POOLS_TABLE": invest_table, "PRICE": 43,
                  "DISCOUNT_RATE": -7.1, "PRICE_CHANGE": 2.8, "YEAR_CURRENT": 2016, "YEAR_FUTURE": 2030,
                  "OUTPUT_NPV_RASTER": npv_path})
    # 99 baseline pixels (one nodata); the plan's 100 pixels: change 100 × 28e-4 − 99 × 86e-4 = −0.5714 t C.
    assert result["TOTAL_CHANGE_T"] == pytest.approx(-0.5714)
    assert result["TOTAL_NPV"] == pytest.approx(-0.5714 * 59.00136070250062)
    (zone,) = list(result["OUTPUT"].getFeatures())
    assert zone["npv_seq"] == pytest.approx(result["TOTAL_NPV"])
    npv = gdal.Open(npv_path)
    values = npv.ReadAsArray()
    nodata = npv.GetRasterBand(1).GetNoDataValue()
    assert values[0, 0] == nodata and result["OUTPUT_NPV_RASTER"] == npv_path
    np.testing.assert_allclose(values[values != nodata], -3422.079, atol=1e-3)   # InVEST's expected npv_alt
    assert result["TOTAL_C_SOIL_T"] == pytest.approx(99 * 60e-4) and result["TOTAL_SCEN_C_SOIL_T"] == pytest.approx(0.2)
    # The NPV raster pairs pixels one to one: a plan raster on a shifted grid is refused for it.
    shifted = write_raster(tmp_path / "shifted.tif", np.full((10, 10), 2, np.uint8), origin=(X0 + 3, Y0 + 10))
    with pytest.raises(QgsProcessingException, match="same grid"):
        run({"LULC_RASTER": base, "SCENARIO_RASTER": shifted, "POOLS_TABLE": invest_table, "PRICE": 43,
             "YEAR_CURRENT": 2016, "YEAR_FUTURE": 2030, "OUTPUT_NPV_RASTER": str(tmp_path / "no.tif")})


def test_raster_zones_in_another_crs_nodata_and_unknown_codes(provider, tmp_path, write_raster, invest_table,
                                                             make_layer, rect):
    # Columns 0–4 lucode 1, 5–8 lucode 2, column 9 nodata; pixel (0, 0) holds 9, a code the table lacks.
    lulc = np.ones((10, 10), np.uint8)
    lulc[:, 5:9] = 2
    lulc[:, 9] = 255
    lulc[0, 0] = 9
    base = write_raster(tmp_path / "lulc.tif", lulc, nodata=255)
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4549"),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    rows = []
    for name, wkt in [("west", rect(X0, Y0, 5, 10)), ("east", rect(X0 + 5, Y0, 5, 10)),
                      ("away", rect(X0 + 500, Y0, 5, 5))]:
        geometry = QgsGeometry.fromWkt(wkt)
        geometry.transform(to_wgs84)
        rows.append((geometry.asWkt(12), [name]))
    zones = make_layer("Polygon", "EPSG:4326", "name:string", rows)
    feedback = QgsProcessingFeedback()
    result = run({"LULC_RASTER": base, "ZONES": zones, "POOLS_TABLE": invest_table}, feedback=feedback)
    out = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    # West: 50 − 1 unknown = 49 px × 86 t/ha × 0.0001 ha = 0.4214 t; east: 40 px × 28 × 0.0001 = 0.112 t.
    assert out["west"]["c_stock_t"] == pytest.approx(0.4214)
    assert out["west"]["area_ha"] == pytest.approx(0.0049)
    assert out["east"]["c_stock_t"] == pytest.approx(0.112)
    assert is_null(out["away"]["c_stock_t"])                    # no pixel: NULL, not 0
    assert result["TOTAL_C_T"] == pytest.approx(0.5334)
    log = feedback.textLog()
    assert "The zones are reprojected from EPSG:4326 to the raster's CRS EPSG:4549" in log
    assert "1 pixels (0.00 ha) have codes the carbon table does not list (9)" in log
    assert "1 zones contain no classified pixel" in log


def test_rasters_on_different_grids_are_refused(provider, tmp_path, write_raster, invest_table):
    base = write_raster(tmp_path / "bas.tif", np.ones((10, 10), np.uint8))
    utm = write_raster(tmp_path / "utm.tif", np.ones((10, 10), np.uint8), epsg=32651, origin=(300000, 3400000))
    with pytest.raises(QgsProcessingException, match="both need the same CRS and pixel size"):
        run({"LULC_RASTER": base, "SCENARIO_RASTER": utm, "POOLS_TABLE": invest_table})
    coarse = write_raster(tmp_path / "coarse.tif", np.ones((5, 5), np.uint8), pixel=2.0)
    with pytest.raises(QgsProcessingException, match="need the same pixel size"):
        run({"LULC_RASTER": base, "SCENARIO_RASTER": coarse, "POOLS_TABLE": invest_table})
    degrees = write_raster(tmp_path / "deg.tif", np.ones((10, 10), np.uint8), epsg=4326, origin=(120.7, 30.7),
                           pixel=0.0001)
    with pytest.raises(QgsProcessingException, match="Reproject it to a projected CRS"):
        run({"LULC_RASTER": degrees, "POOLS_TABLE": invest_table})


def test_plan_raster_shifted_by_metres_is_another_extent(provider, tmp_path, write_raster, invest_table):
    # X0 is a projected easting of ~10^5 m: a 2 m shift is 2 pixels, not rounding.
    base = write_raster(tmp_path / "bas.tif", np.ones((10, 10), np.uint8))
    same = write_raster(tmp_path / "same.tif", np.full((10, 10), 2, np.uint8))
    shifted = write_raster(tmp_path / "shift.tif", np.full((10, 10), 2, np.uint8), origin=(X0 + 2, Y0 + 10))
    warning = "covers a different extent"
    feedback = QgsProcessingFeedback()
    run({"LULC_RASTER": base, "SCENARIO_RASTER": same, "POOLS_TABLE": invest_table}, feedback=feedback)
    assert warning not in feedback.textLog()
    feedback = QgsProcessingFeedback()
    run({"LULC_RASTER": base, "SCENARIO_RASTER": shifted, "POOLS_TABLE": invest_table}, feedback=feedback)
    assert warning in feedback.textLog()


# ---- demo district ------------------------------------------------------------------------
def shipped_density():
    """t C/ha per lucode and per class, summed from the shipped CSV with the csv module."""
    with open(SHIPPED, encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    by_code = {int(r["lucode"]): sum(float(r[p]) for p in ("c_above", "c_below", "c_soil", "c_dead")) for r in rows}
    return by_code, {r["class"]: by_code[int(r["lucode"])] for r in rows}


def test_demo_district_landcover_matches_gdal_and_shapely(provider):
    by_code, by_class = shipped_density()
    source = ogr.Open(str(DISTRICT))
    expected, area_m2, by_name = 0.0, 0.0, 0.0
    for feature in source.GetLayerByName("landcover"):
        area = shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb())).area   # EPSG:4549, metres
        expected += area / 1e4 * by_code[feature.GetField("lucode")]
        by_name += area / 1e4 * by_class[feature.GetField("class")]
        area_m2 += area
    layer = f"{DISTRICT}|layername=landcover"
    result = run({"INPUT": layer, "CLASS_FIELD": "lucode"})
    assert result["TOTAL_C_T"] == pytest.approx(expected, rel=1e-9)
    assert result["TOTAL_CO2E_T"] == pytest.approx(expected * 44 / 12, rel=1e-9)
    assert run({"INPUT": layer, "CLASS_FIELD": "class"})["TOTAL_C_T"] == pytest.approx(by_name, rel=1e-9)
    # A peri-urban district (a third built up or road, the rest green, crops and trees): 30–150 t C/ha.
    assert 30 < result["TOTAL_C_T"] / (area_m2 / 1e4) < 150


def test_demo_district_raster_agrees_with_polygons(provider, tmp_path):
    """The landcover burnt into 5 m pixels and summed per planning unit ≈ the polygon total."""
    source = ogr.Open(str(DISTRICT))
    landcover = source.GetLayerByName("landcover")
    xmin, xmax, ymin, ymax = landcover.GetExtent()
    cols, rows = int(round((xmax - xmin) / 5)), int(round((ymax - ymin) / 5))
    path = str(tmp_path / "demo_lulc.tif")
    raster = gdal.GetDriverByName("GTiff").Create(path, cols, rows, 1, gdal.GDT_Byte)
    raster.SetGeoTransform((xmin, 5.0, 0.0, ymax, 0.0, -5.0))
    raster.SetProjection(landcover.GetSpatialRef().ExportToWkt())
    raster.GetRasterBand(1).SetNoDataValue(0)
    gdal.RasterizeLayer(raster, [1], landcover, options=["ATTRIBUTE=lucode"])
    raster = None
    polygons = run({"INPUT": f"{DISTRICT}|layername=landcover", "CLASS_FIELD": "lucode"})["TOTAL_C_T"]
    result = run({"LULC_RASTER": path, "ZONES": f"{DISTRICT}|layername=planning_units"})
    assert result["OUTPUT"].featureCount() == 6
    # Pixel edges shift each class boundary by at most half a pixel: the totals agree within 1 %.
    assert result["TOTAL_C_T"] == pytest.approx(polygons, rel=0.01)
