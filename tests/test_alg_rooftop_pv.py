"""lcr:rooftop_pv through processing.run, with hand-computed yields, a tiny GDAL raster and the demo district."""
import csv
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import ogr
from qgis.core import (
    NULL,
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
FIELDS = "name:string&field=roof_type:string&field=demand:double&field=label:integer"
# Shipped usable shares: flat 0.6, pitched 0.5, green 0.2, industrial_metal 0.7, default 0.4.
# Default H 1300 kWh/m²·a, η 0.20, PR 0.80 → 208 kWh per m² of usable roof a year.
KWH_PER_M2 = 1300 * 0.20 * 0.80


@pytest.fixture
def buildings(make_layer, rect):
    x0, y0 = 572000, 3402000       # near Jiaxing in EPSG:4549 (CGCS2000 / 3-degree GK CM 120E)
    return make_layer("Polygon", "EPSG:4549", FIELDS, [
        (rect(x0, y0, 20, 10), ["a", "flat", 49_920.0, 1]),            # 200 m² × 0.6 = 120 m²
        (rect(x0 + 40, y0, 15, 10), ["b", "Pitched", 0.0, 2]),         # 150 m² × 0.5 = 75 m²
        (rect(x0 + 80, y0, 10, 10), ["c", "thatch", None, 3]),         # 100 m² × default 0.4 = 40 m²
        (rect(x0 + 120, y0, 10, 10), ["d", None, 10_000.0, 4]),        # 100 m² × default 0.4 = 40 m²
    ])


def run(params, **kwargs):
    return processing.run("lcr:rooftop_pv", {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


def by_name(layer):
    return {f["name"]: f for f in layer.getFeatures()}


def test_hand_computed_yield_co2_and_totals(provider, buildings, layer_snapshot):
    before = layer_snapshot(buildings)
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "ROOF_TYPE_FIELD": "roof_type", "GRID_REGION": 3}, feedback=feedback)
    out = by_name(result["OUTPUT"])
    assert result["OUTPUT"].fields().names() == ["name", "roof_type", "demand", "label", "roof_m2", "irr_kwh_m2",
                                                 "pv_kwh_yr", "pv_co2_t"]
    # a: 120 m² × 1300 × 0.20 × 0.80 = 120 × 208 = 24 960 kWh/a; b: 75 × 208 = 15 600; c, d: 40 × 208 = 8 320.
    assert [out[n]["roof_m2"] for n in "abcd"] == pytest.approx([120.0, 75.0, 40.0, 40.0])
    assert [out[n]["pv_kwh_yr"] for n in "abcd"] == pytest.approx([24_960.0, 15_600.0, 8_320.0, 8_320.0])
    assert [out[n]["irr_kwh_m2"] for n in "abcd"] == [1300.0] * 4
    # East China grid 2023, 0.5500 kgCO2/kWh: 24 960 × 0.55 / 1000 = 13.728 t; total 57 200 kWh → 31.46 t.
    assert out["a"]["pv_co2_t"] == pytest.approx(13.728)
    assert result["TOTAL_PV_KWH"] == pytest.approx(57_200.0)
    assert result["TOTAL_PV_CO2_T"] == pytest.approx(31.46)
    log = feedback.textLog()
    assert "1 buildings have a roof type the table does not list" in log and "thatch (1)" in log
    assert "1 buildings have no roof type" in log
    assert "Unverified planning defaults were used: irradiation 1300" in log
    assert "Unverified usable roof shares" in log
    assert layer_snapshot(buildings) == before


def test_demand_field_gives_pv_share(provider, buildings):
    result = run({"INPUT": buildings, "ROOF_TYPE_FIELD": "roof_type", "DEMAND_FIELD": "demand", "GRID_REGION": 3})
    out = by_name(result["OUTPUT"])
    assert result["OUTPUT"].fields().names()[-2:] == ["pv_share", "pv_export_kwh"]
    # a: 24 960 / 49 920 = 0.5; d: 8 320 / 10 000 = 0.832; b (demand 0) and c (NULL) stay empty.
    assert out["a"]["pv_share"] == pytest.approx(0.5)
    assert out["d"]["pv_share"] == pytest.approx(0.832)
    assert out["b"]["pv_share"] == NULL and out["c"]["pv_share"] == NULL
    # b uses nothing: its 15 600 kWh are export, not avoided CO2; c has no demand, so it is credited
    # whole. Credited: 24 960 + 0 + 8 320 + 8 320 = 41 600 kWh × 0.55 = 22.88 t (57 200 kWh produced).
    assert [out[n]["pv_export_kwh"] for n in "abcd"] == pytest.approx([0.0, 15_600.0, 0.0, 0.0])
    assert out["b"]["pv_co2_t"] == 0
    assert result["TOTAL_PV_KWH"] == pytest.approx(57_200.0)
    assert result["TOTAL_EXPORT_KWH"] == pytest.approx(15_600.0)
    assert result["TOTAL_PV_CO2_T"] == pytest.approx(22.88)
    exported = run({"INPUT": buildings, "ROOF_TYPE_FIELD": "roof_type", "DEMAND_FIELD": "demand", "GRID_REGION": 3,
                    "EXPORT_CREDIT": True})
    assert exported["TOTAL_PV_CO2_T"] == pytest.approx(31.46)


def test_own_parameters_and_roof_table(provider, buildings, tmp_path):
    table = tmp_path / "roofs.csv"
    table.write_text("roof_type,usable_share,aliases\nflat,1.0,\nthatched,0.1,thatch\ndefault,0\n", encoding="utf-8")
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "ROOF_TYPE_FIELD": "roof_type", "ROOF_TABLE": str(table),
                  "IRRADIATION": 1000, "EFFICIENCY": 0.25, "PERFORMANCE_RATIO": 0.5, "GRID_FACTOR": 1.0},
                 feedback=feedback)
    # a: 200 m² × 1.0 × 1000 × 0.25 × 0.5 = 25 000; c: 100 × 0.1 (alias) × 125 = 1 250; b, d: default 0.
    assert result["TOTAL_PV_KWH"] == pytest.approx(26_250.0)
    assert result["TOTAL_PV_CO2_T"] == pytest.approx(26.25)
    assert "Unverified planning defaults" not in feedback.textLog()
    # A table without a verified column is treated as unverified.
    assert "Unverified usable roof shares were used for: flat, thatched, default" in feedback.textLog()


def test_irradiation_raster_is_sampled_per_building(provider, buildings, tmp_path, write_geotiff):
    # Cells of 40 m from x = 572000, y = 3402040 down: columns 572000–040 (a), 040–080 (b), 080–120 (c);
    # d (x 572120–130) lies outside. Values 1000, 1500, nodata.
    raster = write_geotiff(tmp_path / "h.tif", np.float32([[1000, 1500, -9999]]), (572000, 3402040), 40,
                           nodata=-9999)
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "ROOF_TYPE_FIELD": "roof_type", "IRRADIATION_RASTER": raster,
                  "IRRADIATION": 1200}, feedback=feedback)
    out = by_name(result["OUTPUT"])
    assert [out[n]["irr_kwh_m2"] for n in "abcd"] == [1000.0, 1500.0, 1200.0, 1200.0]
    # a: 120 m² × 1000 × 0.16 = 19 200; b: 75 × 1500 × 0.16 = 18 000; c, d: 40 × 1200 × 0.16 = 7 680.
    assert [out[n]["pv_kwh_yr"] for n in "abcd"] == pytest.approx([19_200.0, 18_000.0, 7_680.0, 7_680.0])
    assert "2 buildings lie outside the irradiation raster or on nodata" in feedback.textLog()


def square_near_jiaxing(authid):
    """A 100 m × 100 m square drawn in UTM 51N near Jiaxing, carried into ``authid``."""
    square = QgsGeometry.fromWkt(
        "POLYGON((270000 3403000,270100 3403000,270100 3403100,270000 3403100,270000 3403000))")
    square.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:32651"),
                                            QgsCoordinateReferenceSystem(authid), QgsProject.instance()))
    return square.asWkt(12)


@pytest.mark.parametrize("authid", ["EPSG:4326", "EPSG:3857"])
def test_geographic_and_web_mercator_inputs_give_true_areas(provider, make_layer, authid):
    layer = make_layer("Polygon", authid, "roof_type:string", [(square_near_jiaxing(authid), ["flat"])])
    result = run({"INPUT": layer, "ROOF_TYPE_FIELD": "roof_type"})
    # 10 000 m² × 0.6 × 208 kWh/m² = 1 248 000 kWh/a (not a degree² or inflated Mercator area).
    assert result["TOTAL_PV_KWH"] == pytest.approx(1_248_000.0, rel=1e-3)


def test_raster_in_another_crs_than_a_geographic_layer(provider, make_layer, tmp_path, write_geotiff):
    # One 1° cell over 120–121° E, 30–31° N (Jiaxing) holding 1100 kWh/m²; areas are measured in UTM 51N,
    # the points reprojected to WGS 84 for sampling. 10 000 m² × 0.6 × 1100 × 0.16 = 1 056 000 kWh/a.
    raster = write_geotiff(tmp_path / "h4326.tif", np.float32([[1100]]), (120.0, 31.0), 1.0, 4326)
    layer = make_layer("Polygon", "EPSG:4326", "roof_type:string", [(square_near_jiaxing("EPSG:4326"), ["flat"])])
    result = run({"INPUT": layer, "ROOF_TYPE_FIELD": "roof_type", "IRRADIATION_RASTER": raster})
    assert next(result["OUTPUT"].getFeatures())["irr_kwh_m2"] == 1100.0
    assert result["TOTAL_PV_KWH"] == pytest.approx(1_056_000.0, rel=1e-3)


def test_chains_with_building_emissions(provider, buildings):
    emissions = processing.run("lcr:building_emissions", {"INPUT": buildings, "OUTPUT": "TEMPORARY_OUTPUT"})
    result = run({"INPUT": emissions["OUTPUT"], "ROOF_TYPE_FIELD": "roof_type", "DEMAND_FIELD": "energy_kwh"})
    # Default row: 70 kWh/m² of floor on one default floor. a: 200 m² × 70 = 14 000 kWh; PV 24 960 meets
    # all of it, and 10 960 kWh are beyond it.
    out = by_name(result["OUTPUT"])
    assert out["a"]["energy_kwh"] == pytest.approx(14_000.0)
    assert out["a"]["pv_share"] == pytest.approx(1.0)
    assert out["a"]["pv_export_kwh"] == pytest.approx(10_960.0)


def test_missing_geometry_and_point_layer(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4549", "roof_type:string", [(rect(0, 0, 10, 10), ["flat"]), (None, ["flat"])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": layer, "ROOF_TYPE_FIELD": "roof_type"}, feedback=feedback)
    values = [f["pv_kwh_yr"] for f in result["OUTPUT"].getFeatures()]
    assert values[0] == pytest.approx(100 * 0.6 * KWH_PER_M2) and values[1] == NULL    # 12 480 kWh
    assert "1 features have no geometry" in feedback.textLog()
    points = make_layer("Point", "EPSG:4549", "roof_type:string", [("POINT(0 0)", ["flat"])])
    with pytest.raises(QgsProcessingException, match="needs Polygon"):
        run({"INPUT": points})


@pytest.mark.parametrize("params, message", [
    ({"ROOF_TYPE_FIELD": "roof"}, "roof"),                          # no such field, named
    ({"DEMAND_FIELD": "name"}, "numeric"),                          # text demand field
    ({"EFFICIENCY": 1.5}, "EFFICIENCY|efficiency|Module efficiency"),
])
def test_bad_parameters(provider, buildings, params, message):
    with pytest.raises(QgsProcessingException, match=message):
        run({"INPUT": buildings, **params})


def test_roof_table_without_default_row(provider, buildings, tmp_path):
    table = tmp_path / "roofs.csv"
    table.write_text("roof_type,usable_share\nflat,0.6\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="default"):
        run({"INPUT": buildings, "ROOF_TABLE": str(table)})


def test_empty_layer(provider, make_layer):
    with pytest.raises(QgsProcessingException, match="no features"):
        run({"INPUT": make_layer("Polygon", "EPSG:4549", "roof_type:string", [])})


def test_demo_district_matches_gdal_and_shapely(provider):
    # Independent path: GDAL reads the footprints and roof types, shapely measures them, csv reads the shares.
    with open(REPO / "resources" / "factors" / "pv_defaults.csv", encoding="utf-8") as handle:
        shares = {row["roof_type"]: float(row["usable_share"])
                  for row in csv.DictReader(line for line in handle if not line.startswith("#"))}
    source = ogr.Open(str(DISTRICT))
    areas, roofs = [], []
    for feature in source.GetLayerByName("buildings"):
        areas.append(shapely.area(shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb()))))
        roofs.append(feature.GetField("roof_type"))
    usable = np.array([shares.get(r, shares["default"]) for r in roofs]) * np.array(areas)
    expected_kwh = float(usable.sum() * KWH_PER_M2)
    result = run({"INPUT": f"{DISTRICT}|layername=buildings", "ROOF_TYPE_FIELD": "roof_type", "GRID_REGION": 3})
    assert result["TOTAL_PV_KWH"] == pytest.approx(expected_kwh, rel=1e-9)
    assert result["TOTAL_PV_CO2_T"] == pytest.approx(expected_kwh * 0.55 / 1000, rel=1e-9)
    assert result["OUTPUT"].featureCount() == len(areas)
    # Sense check: mostly flat (0.6) and pitched (0.5) roofs → 0.5–0.6 × 208 ≈ 100–125 kWh per m² of footprint.
    assert 100 < expected_kwh / sum(areas) < 150


def test_chunks_add_up_with_a_raster(provider, buildings, tmp_path, write_geotiff, monkeypatch):
    from lcr_toolkit.algorithms.base import LcrAlgorithm

    monkeypatch.setattr(LcrAlgorithm, "CHUNK_SIZE", 3)        # 4 buildings → chunks of 3 and 1
    raster = write_geotiff(tmp_path / "h.tif", np.float32([[1000, 1500, 1300, 1100]]), (572000, 3402040), 40)
    result = run({"INPUT": buildings, "ROOF_TYPE_FIELD": "roof_type", "IRRADIATION_RASTER": raster})
    # Usable m² × H: 120 × 1000 + 75 × 1500 + 40 × 1300 + 40 × 1100 = 328 500 kWh of sunlight a year,
    # × 0.20 × 0.80 = 52 560 kWh/a.
    assert result["OUTPUT"].featureCount() == 4
    assert result["TOTAL_PV_KWH"] == pytest.approx(52_560.0)


def test_the_models_default_roof_field_absent_counts_as_not_given(provider, make_layer, rect):
    """Survey buildings without roof types, through a plan-check model that fills in its default "roof_type":
    every roof takes the default row (100 m² × 0.4 × 208 kWh/m² = 8,320 kWh/a), said in the log; any other
    missing name is an error naming it."""
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    layer = make_layer("Polygon", "EPSG:4549", "建筑编号:string", [(rect(572000, 3402000, 10, 10), ["A1"])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": layer, "ROOF_TYPE_FIELD": "roof_type"}, feedback=feedback)
    assert result["TOTAL_PV_KWH"] == pytest.approx(100 * 0.4 * KWH_PER_M2)
    assert "No roof type field: every building takes the “default” usable share." in feedback.textLog()
    with pytest.raises(QgsProcessingException, match="roof_typ"):
        run({"INPUT": layer, "ROOF_TYPE_FIELD": "roof_typ"})
