"""lcr:land_use_mix through processing.run: hand-drawn zones, hand-computed entropies, bad input, the demo district."""
import math
from pathlib import Path

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

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"
PARCEL_FIELDS = "code:string&field=far:double&field=gfa:double&field=residents:integer&field=jobs:integer&field=grp:string"
NEW = ["lum_entropy", "lum_k", "lum_hhi", "far", "density_pph", "jobs_housing"]


@pytest.fixture
def units(make_layer, rect):
    # Two 1 ha units side by side.
    return make_layer("Polygon", "EPSG:4549", "unit:string", [(rect(0, 0, 100, 100), ["A"]),
                                                             (rect(100, 0, 100, 100), ["B"])])


@pytest.fixture
def parcels(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", PARCEL_FIELDS, [
        (rect(0, 0, 50, 100), ["0701", 2.0, None, 100, 10, None]),     # A: 5000 m² residential
        (rect(50, 0, 100, 100), ["0901", 1.0, None, 40, 200, None]),   # straddles: 5000 m² in A and in B
        (rect(150, 0, 50, 50), ["1401", 0.0, None, 0, 0, None]),       # B: 2500 m² park
        (rect(150, 50, 50, 50), ["1701", None, None, None, 0, None]),  # B: 2500 m² water
    ])


def run(params, **kwargs):
    return processing.run("lcr:land_use_mix", {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


def by_unit(layer, key="unit"):
    return {f[key]: f for f in layer.getFeatures()}


BASE = {"LANDUSE_FIELD": "code", "CODE_DIGITS": 2, "EXCLUDE_CATEGORIES": "17, 12", "FAR_FIELD": "far",
        "POPULATION_FIELD": "residents", "JOBS_FIELD": "jobs"}


def test_two_units_with_a_straddling_parcel(provider, units, parcels, layer_snapshot):
    before = layer_snapshot(units), layer_snapshot(parcels)
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": parcels, "ZONES": units, **BASE}, feedback=feedback)
    out = result["OUTPUT"]
    assert out.fields().names() == ["unit", *NEW]
    rows = by_unit(out)
    # Study-area K = 3 (07, 09, 14; water 17 left out). A: shares (0.5, 0.5) → ln 2 / ln 3 = 0.630930.
    # B: 5000 m² commercial + 2500 m² park → (2/3, 1/3) → 0.636514 / ln 3 = 0.579380.
    assert rows["A"]["lum_entropy"] == pytest.approx(0.630930, abs=5e-7)
    assert rows["B"]["lum_entropy"] == pytest.approx(0.579380, abs=5e-7)
    assert [rows[u]["lum_k"] for u in "AB"] == [3, 3]
    assert rows["B"]["lum_hhi"] == pytest.approx(5 / 9)                       # 4/9 + 1/9
    # far: A (2 × 5000 + 1 × 5000) / 10 000 = 1.5; B (1 × 5000) / (10 000 − 2500 water) = 0.666667.
    assert rows["A"]["far"] == pytest.approx(1.5)
    assert rows["B"]["far"] == pytest.approx(5000 / 7500)
    # Residents split by area: A 100 + 40/2 = 120 per ha; B 20 per ha. Jobs: A 10 + 100, B 100.
    assert [rows[u]["density_pph"] for u in "AB"] == pytest.approx([120, 20])
    assert [rows[u]["jobs_housing"] for u in "AB"] == pytest.approx([110 / 120, 5.0])
    # Area-weighted mean over two 1 ha units.
    assert result["MEAN_ENTROPY"] == pytest.approx((0.630930 + 0.579380) / 2, abs=5e-7)
    assert "K = 3, all categories present in the study area" in feedback.textLog()
    assert (layer_snapshot(units), layer_snapshot(parcels)) == before


@pytest.mark.parametrize("params, expected_h, expected_k", [
    ({"ENTROPY_K": 1}, [1.0, 0.918296], [2, 2]),                  # K per unit: 2 uses each
    ({"ENTROPY_K": 2, "K_FIXED": 4}, [0.5, 0.459148], [4, 4]),    # ln 2 / ln 4; 0.636514 / ln 4
])
def test_choice_of_k(provider, units, parcels, params, expected_h, expected_k):
    feedback = QgsProcessingFeedback()
    rows = by_unit(run({"INPUT": parcels, "ZONES": units, **BASE, **params}, feedback=feedback)["OUTPUT"])
    assert [rows[u]["lum_entropy"] for u in "AB"] == pytest.approx(expected_h, abs=5e-7)
    assert [rows[u]["lum_k"] for u in "AB"] == expected_k
    assert "Entropy uses K" in feedback.textLog()


@pytest.mark.parametrize("shares, k, expected", [
    ((0.25, 0.25, 0.25, 0.25), 4, 1.0), ((0.5, 0.3, 0.2), 3, 0.937231),
    ((0.5, 0.3, 0.2), 4, 0.742738), ((0.6, 0.4), 4, 0.485475),
])
def test_domain_spot_values_through_the_algorithm(provider, make_layer, rect, shares, k, expected):
    # One 100 m × 100 m unit cut into strips whose widths are the shares.
    strips, x = [], 0.0
    for j, share in enumerate(shares):
        strips.append((rect(x, 0, 100 * share, 100), [f"use{j}"]))
        x += 100 * share
    landuse = make_layer("Polygon", "EPSG:4549", "code:string", strips)
    unit = make_layer("Polygon", "EPSG:4549", "unit:string", [(rect(0, 0, 100, 100), ["A"])])
    out = run({"INPUT": landuse, "ZONES": unit, "LANDUSE_FIELD": "code", "ENTROPY_K": 2, "K_FIXED": k})
    feature = next(out["OUTPUT"].getFeatures())
    assert feature["lum_entropy"] == pytest.approx(expected, abs=5e-7)
    assert feature["far"] == NULL and feature["density_pph"] == NULL and feature["jobs_housing"] == NULL


def test_gfa_field_wins_and_category_field_overrides(provider, make_layer, rect, units):
    parcels = make_layer("Polygon", "EPSG:4549", PARCEL_FIELDS, [
        (rect(0, 0, 50, 100), ["0701", 2.0, 30000.0, 0, 0, "mixed"]),   # GFA 30 000 m² wins over 2 × 5000
        (rect(50, 0, 50, 100), ["0703", 1.0, None, 0, 0, None]),        # 1 × 5000 m²
    ])
    rows = by_unit(run({"INPUT": parcels, "ZONES": units, "LANDUSE_FIELD": "code", "CATEGORY_FIELD": "grp",
                        "CODE_DIGITS": 2, "FAR_FIELD": "far", "GFA_FIELD": "gfa"})["OUTPUT"])
    assert rows["A"]["far"] == pytest.approx(3.5)             # (30 000 + 5000) / 10 000
    # Categories "mixed" and "07" (0703 cut to 07), half each, K = 2 → 1.
    assert rows["A"]["lum_entropy"] == pytest.approx(1.0)
    assert rows["B"]["lum_entropy"] == NULL                   # nothing in B
    assert rows["B"]["far"] == pytest.approx(0.0)


def test_nulls_and_outside_parcels_are_counted(provider, make_layer, rect, units):
    parcels = make_layer("Polygon", "EPSG:4549", PARCEL_FIELDS, [
        (rect(0, 0, 50, 100), ["0701", 1.0, None, 10, 0, None]),
        (rect(50, 0, 50, 100), [None, 1.0, None, 10, 0, None]),        # no land use: out of the mix
        (rect(900, 0, 50, 50), ["0901", 1.0, None, 99, 0, None]),       # outside both units
    ])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": parcels, "ZONES": units, "LANDUSE_FIELD": "code", "POPULATION_FIELD": "residents"},
                 feedback=feedback)
    rows = by_unit(result["OUTPUT"])
    assert rows["A"]["lum_entropy"] == 0.0                    # one classified use
    assert rows["A"]["density_pph"] == pytest.approx(20.0)    # its residents still count: 10 + 10
    log = feedback.textLog()
    assert "1 land-use polygons have no land-use value" in log
    assert "1 land-use polygons lie outside every planning unit" in log
    assert "20 of 119 residents" in log


def test_geographic_units_are_measured_in_metres(provider, make_layer):
    # A 100 m × 100 m unit near Jiaxing drawn in UTM 51N, stored in WGS 84, with 50 residents.
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:32651"),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    square = QgsGeometry.fromWkt("POLYGON((270000 3403000,270100 3403000,270100 3403100,270000 3403100,270000 3403000))")
    square.transform(to_wgs84)
    unit = make_layer("Polygon", "EPSG:4326", "unit:string", [(square.asWkt(12), ["A"])])
    landuse = make_layer("Polygon", "EPSG:4326", "code:string&field=residents:integer", [(square.asWkt(12), ["07", 50])])
    feedback = QgsProcessingFeedback()
    out = run({"INPUT": landuse, "ZONES": unit, "LANDUSE_FIELD": "code", "POPULATION_FIELD": "residents"},
              feedback=feedback)["OUTPUT"]
    assert next(out.getFeatures())["density_pph"] == pytest.approx(50.0, rel=1e-3)
    assert out.crs().authid() == "EPSG:4326"
    assert "UTM" in feedback.textLog()


def test_fixed_k_needs_a_number(provider, units, parcels):
    with pytest.raises(QgsProcessingException, match="K fixed"):
        run({"INPUT": parcels, "ZONES": units, "LANDUSE_FIELD": "code", "ENTROPY_K": 2})


def test_point_input_is_refused(provider, make_layer, units):
    points = make_layer("Point", "EPSG:4549", "code:string", [("POINT(5 5)", ["07"])])
    with pytest.raises(QgsProcessingException):
        run({"INPUT": points, "ZONES": units, "LANDUSE_FIELD": "code"})


def test_empty_zones_are_refused(provider, make_layer, parcels):
    empty = make_layer("Polygon", "EPSG:4549", "unit:string", [])
    with pytest.raises(QgsProcessingException, match="no features"):
        run({"INPUT": parcels, "ZONES": empty, "LANDUSE_FIELD": "code"})


def test_missing_field_is_named(provider, units, parcels):
    with pytest.raises(QgsProcessingException, match="lu_kind"):
        run({"INPUT": parcels, "ZONES": units, "LANDUSE_FIELD": "lu_kind"})


def test_text_far_field_is_refused(provider, units, parcels):
    with pytest.raises(QgsProcessingException, match="numeric"):
        run({"INPUT": parcels, "ZONES": units, "LANDUSE_FIELD": "code", "FAR_FIELD": "grp"})


def test_no_overlap_is_explained(provider, make_layer, rect, units):
    far_away = make_layer("Polygon", "EPSG:4549", "code:string", [(rect(5000, 5000, 10, 10), ["07"])])
    with pytest.raises(QgsProcessingException, match="overlaps the planning units"):
        run({"INPUT": far_away, "ZONES": units, "LANDUSE_FIELD": "code"})


def read(layer, fields):
    source = ogr.Open(str(DISTRICT))          # keep the dataset alive while its layer is read
    lyr = source.GetLayerByName(layer)
    rows = []
    for feature in lyr:
        rows.append((shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb())),
                     {f: feature.GetField(f) for f in fields}))
    return rows


def test_demo_district_matches_an_independent_overlay(provider):
    # Independent: GDAL reading, one shapely intersection per unit–parcel pair in plain Python.
    units = read("planning_units", ["unit_id"])
    parcels = read("parcels", ["lu_code", "far", "residents"])
    expected = {}
    for unit_geom, unit in units:
        areas, gfa, residents, water = {}, 0.0, 0.0, 0.0
        for geom, p in parcels:
            part = unit_geom.intersection(geom).area
            if part <= 0:
                continue
            gfa += (p["far"] or 0.0) * part
            residents += (p["residents"] or 0) * part / geom.area
            if p["lu_code"][:2] == "17":
                water += part
            else:
                areas[p["lu_code"][:2]] = areas.get(p["lu_code"][:2], 0.0) + part
        expected[unit["unit_id"]] = (areas, gfa / (unit_geom.area - water), residents / (unit_geom.area / 1e4))
    categories = set().union(*(a for a, _, _ in expected.values()))
    k = len(categories)

    result = run({"INPUT": f"{DISTRICT}|layername=parcels", "ZONES": f"{DISTRICT}|layername=planning_units",
                  "LANDUSE_FIELD": "lu_code", "CODE_DIGITS": 2, "EXCLUDE_CATEGORIES": "17",
                  "FAR_FIELD": "far", "POPULATION_FIELD": "residents"})
    rows = by_unit(result["OUTPUT"], "unit_id")
    assert len(rows) == 6
    weighted, total_area = 0.0, 0.0
    for (unit_geom, unit) in units:
        areas, far, density = expected[unit["unit_id"]]
        total = sum(areas.values())
        h = -sum(a / total * math.log(a / total) for a in areas.values()) / math.log(k)
        row = rows[unit["unit_id"]]
        assert row["lum_k"] == k
        assert row["lum_entropy"] == pytest.approx(h, abs=1e-9)
        assert row["far"] == pytest.approx(far, rel=1e-9)
        assert row["density_pph"] == pytest.approx(density, rel=1e-9)
        assert 0 <= row["lum_entropy"] <= 1
        weighted += h * unit_geom.area
        total_area += unit_geom.area
    assert result["MEAN_ENTROPY"] == pytest.approx(weighted / total_area, abs=1e-9)
    # A Chinese district of this kind: gross FAR of the new town and old neighbourhoods 0.5–3.
    assert 0.5 < rows["U1"]["far"] < 3 and 0.5 < rows["U2"]["far"] < 3


def test_loaded_output_is_styled(provider, units, parcels):
    from qgis.core import QgsProject, QgsRuleBasedRenderer

    result = processing.runAndLoadResults("lcr:land_use_mix", {"INPUT": parcels, "ZONES": units,
                                                               "LANDUSE_FIELD": "code", "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = QgsProject.instance().mapLayer(result["OUTPUT"])
    assert isinstance(layer.renderer(), QgsRuleBasedRenderer)
    assert any("lum_entropy" in rule.filterExpression() for rule in layer.renderer().rootRule().children())
    assert "K = 4, all categories present in the study area" in layer.metadata().abstract()
    QgsProject.instance().removeAllMapLayers()
