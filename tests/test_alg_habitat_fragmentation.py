"""lcr:habitat_fragmentation through processing.run: hand-worked mesh sizes and quality, bad input, demo."""
import math
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import ogr
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry,
                       QgsProcessingException, QgsProject, QgsVectorLayer, NULL)

import processing

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"
X0, Y0 = 500000, 3400000   # EPSG:4549 (false easting 500 km), about 30.7° N; multiples of the 20 m grid


def q(d, k=0.5):
    """InVEST quality at H = 1, written out for the comments' arithmetic."""
    return 1 - d ** 2.5 / (d ** 2.5 + k ** 2.5)


def run(params, **kwargs):
    base = {"HABITAT_CLASS_FIELD": "lucode", "ROAD_WIDTH_FIELD": "width_m", "OUTPUT": "TEMPORARY_OUTPUT"}
    return processing.run("lcr:habitat_fragmentation", {**base, **params}, **kwargs)


@pytest.fixture
def square(make_layer, rect):
    """A 100 ha unit, all tree cover, cut by one north-south road at x = 600 m."""
    def _square(width):
        units = make_layer("Polygon", "EPSG:4549", "unit_id:string", [(rect(X0, Y0, 1000, 1000), ["A"])])
        land = make_layer("Polygon", "EPSG:4549", "lucode:integer", [(rect(X0, Y0, 1000, 1000), [5])])
        roads = make_layer("LineString", "EPSG:4549", "width_m:double", [
            (f"LINESTRING({X0 + 600} {Y0 - 100},{X0 + 600} {Y0 + 1100})", [width])])
        return units, land, roads
    return _square


@pytest.mark.parametrize("width, mesh_ha", [
    (0, 52.0),      # (60² + 40²)/100 = 52 ha
    (10, 51.005),   # (59.5² + 39.5²)/100 = (3540.25 + 1560.25)/100 = 51.005 ha
])
def test_mesh_of_a_square_cut_by_one_road(provider, square, layer_snapshot, width, mesh_ha):
    units, land, roads = square(width)
    before = [layer_snapshot(x) for x in (units, land, roads)]
    result = run({"HABITAT": land, "ROADS": roads, "UNITS": units})
    out = next(result["OUTPUT"].getFeatures())
    assert result["OUTPUT"].fields().names() == ["unit_id", "mesh_ha", "patches", "habitat_ha", "hq_mean",
                                                 "degr_mean"]
    assert out["mesh_ha"] == pytest.approx(mesh_ha, abs=1e-6)
    assert out["patches"] == 2
    assert out["habitat_ha"] == pytest.approx(100.0)
    assert result["MEAN_MESH_HA"] == pytest.approx(mesh_ha, abs=1e-6)   # one unit: the same
    assert 0 < out["hq_mean"] < 1 and out["degr_mean"] > 0
    assert [layer_snapshot(x) for x in (units, land, roads)] == before


def test_null_width_takes_the_default(provider, square):
    units, land, roads = square(None)
    result = run({"HABITAT": land, "ROADS": roads, "UNITS": units, "ROAD_WIDTH": 10})
    assert next(result["OUTPUT"].getFeatures())["mesh_ha"] == pytest.approx(51.005, abs=1e-6)


@pytest.fixture
def small_piece(make_layer, rect):
    """A 1 m² tree-cover piece at the unit's corner (no 20 m grid point in it: its only sample is
    (0.5, 0.5)); a zero-width road 200 m east of that point; built-up land 100 m east of it."""
    units = make_layer("Polygon", "EPSG:4549", "unit_id:string", [(rect(X0, Y0, 1000, 1000), ["A"])])
    land = make_layer("Polygon", "EPSG:4549", "lucode:integer&field=class:string", [
        (rect(X0, Y0, 1, 1), [5, "tree_cover"]), (rect(X0 + 100.5, Y0, 50, 1), [1, "built_up"])])
    roads = make_layer("LineString", "EPSG:4549", "width_m:double", [
        (f"LINESTRING({X0 + 200.5} {Y0 - 50},{X0 + 200.5} {Y0 + 50})", [0])])
    return units, land, roads


def test_quality_at_hand_computed_distances(provider, small_piece):
    units, land, roads = small_piece
    result = run({"HABITAT": land, "ROADS": roads, "UNITS": units})
    out = next(result["OUTPUT"].getFeatures())
    # Road: d = 200 of 1000 → exp(−0.598) = 0.549910, S = 0.8; built: d = 100 of 500 → 0.549910, S = 0.7.
    # Weights 1 and 1 → ½ each: D = ½·0.549910·0.8 + ½·0.549910·0.7 = 0.75·exp(−0.598) = 0.412433;
    # D^2.5 = 0.109237, 0.5^2.5 = 0.176777: Q = 1 − 0.109237/0.286014 = 0.618064.
    assert out["degr_mean"] == pytest.approx(0.75 * math.exp(-0.598), abs=1e-9)
    assert out["hq_mean"] == pytest.approx(0.618064, abs=1e-6)
    assert q(0.75 * math.exp(-0.598)) == pytest.approx(0.618064, abs=1e-6)
    assert result["MEAN_HQ"] == pytest.approx(out["hq_mean"])
    assert out["habitat_ha"] == pytest.approx(1e-4) and out["patches"] == 1
    assert out["mesh_ha"] == pytest.approx(1e-10, rel=1e-9)   # (1 m²)²/10⁶ m² = 10⁻⁶ m² = 10⁻¹⁰ ha


def test_linear_decay_and_class_names(provider, small_piece):
    units, land, roads = small_piece
    result = run({"HABITAT": land, "ROADS": roads, "UNITS": units, "HABITAT_CLASS_FIELD": "class",
                  "DECAY": 1, "BUILT_WEIGHT": 0})
    out = next(result["OUTPUT"].getFeatures())
    # Linear, roads only: i = 1 − 200/1000 = 0.8; D = 1·0.8·0.8 = 0.64;
    # Q = 1 − 0.64^2.5/(0.64^2.5 + 0.5^2.5) = 1 − 0.32768/(0.32768 + 0.176777) = 0.350430.
    assert out["degr_mean"] == pytest.approx(0.64)
    assert out["hq_mean"] == pytest.approx(0.350430, abs=1e-6)


def test_geographic_input_is_measured_in_utm(provider, square, make_layer):
    units, land, roads = square(10)
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4549"),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())

    def moved(layer, kind, fields):
        rows = []
        for f in layer.getFeatures():
            g = QgsGeometry(f.geometry())
            g.densifyByDistance(10) if kind == "LineString" else None
            g.transform(to_wgs84)
            rows.append((g.asWkt(12), f.attributes()))
        return make_layer(kind, "EPSG:4326", fields, rows)

    result = run({"HABITAT": moved(land, "Polygon", "lucode:integer"),
                  "ROADS": moved(roads, "LineString", "width_m:double"),
                  "UNITS": moved(units, "Polygon", "unit_id:string")})
    out = next(result["OUTPUT"].getFeatures())
    # Same 51.005 ha within the scale difference of UTM zone 51 and the GK 120° E zone (< 0.2 %).
    assert out["mesh_ha"] == pytest.approx(51.005, rel=2e-3)
    assert out["patches"] == 2
    assert result["OUTPUT"].crs().authid() == "EPSG:4326"


def test_roads_as_polygons_are_refused(provider, square):
    units, land, _ = square(10)
    with pytest.raises(QgsProcessingException, match="Line"):
        run({"HABITAT": land, "ROADS": land, "UNITS": units})


def test_missing_class_field_is_refused(provider, square):
    units, land, roads = square(10)
    with pytest.raises(QgsProcessingException, match="lu_code.*not in"):
        run({"HABITAT": land, "ROADS": roads, "UNITS": units, "HABITAT_CLASS_FIELD": "lu_code"})


def test_empty_layers_are_refused(provider, square, make_layer):
    units, land, roads = square(10)
    empty_roads = make_layer("LineString", "EPSG:4549", "width_m:double", [])
    with pytest.raises(QgsProcessingException, match="no features"):
        run({"HABITAT": land, "ROADS": empty_roads, "UNITS": units})
    empty_units = make_layer("Polygon", "EPSG:4549", "unit_id:string", [])
    with pytest.raises(QgsProcessingException, match="no features"):
        run({"HABITAT": land, "ROADS": roads, "UNITS": empty_units})


def test_bad_table_is_refused(provider, square, tmp_path):
    units, land, roads = square(10)
    table = tmp_path / "t.csv"
    table.write_text("lucode,class,habitat,sens_roads\n5,tree_cover,1,0.8\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="sens_built"):
        run({"HABITAT": land, "ROADS": roads, "UNITS": units, "HABITAT_TABLE": str(table)})


def test_unknown_classes_are_logged_as_non_habitat(provider, square, make_layer, rect):
    units, _, roads = square(10)
    land = make_layer("Polygon", "EPSG:4549", "lucode:integer", [(rect(X0, Y0, 1000, 1000), [99])])
    result = run({"HABITAT": land, "ROADS": roads, "UNITS": units})
    out = next(result["OUTPUT"].getFeatures())
    assert (out["mesh_ha"], out["patches"], out["habitat_ha"]) == (0, 0, 0)
    assert out["hq_mean"] == NULL and out["degr_mean"] == NULL     # no habitat: no quality, not 0


def _read(layer, fields):
    source = ogr.Open(str(DISTRICT))   # keep the data source alive while its layer is read
    lyr = source.GetLayerByName(layer)
    geoms, values = [], {f: [] for f in fields}
    for feature in lyr:
        geoms.append(shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb())))
        for f in fields:
            values[f].append(feature.GetField(f))
    return np.array(geoms, dtype=object), values


def test_demo_district(provider):
    layer = lambda name: QgsVectorLayer(f"{DISTRICT}|layername={name}", name, "ogr")  # noqa: E731
    result = run({"HABITAT": layer("landcover"), "ROADS": layer("roads"), "UNITS": layer("planning_units")})
    out = {f["pilot_type"]: f for f in result["OUTPUT"].getFeatures()}
    # The wetland (ecological area) keeps larger undissected habitat than the old neighbourhoods.
    assert out["ecological_area"]["mesh_ha"] > out["old_community_renovation"]["mesh_ha"]
    # Independent habitat area (GDAL + shapely): land cover 3–7 (H > 0) clipped to each unit.
    units, uv = _read("planning_units", ["pilot_type"])
    land, lv = _read("landcover", ["lucode"])
    habitat = shapely.union_all(land[np.isin(lv["lucode"], [3, 4, 5, 6, 7])])
    for unit, pilot in zip(units, uv["pilot_type"]):
        expected = shapely.area(shapely.intersection(unit, habitat)) / 1e4
        f = out[pilot]
        assert f["habitat_ha"] == pytest.approx(expected, rel=1e-6)
        # Σ A_i ≤ habitat area, hence m_eff = Σ A_i²/A ≤ (Σ A_i)²/A ≤ habitat_ha²/unit_ha.
        assert f["mesh_ha"] <= expected ** 2 / (shapely.area(unit) / 1e4) + 1e-9
        assert 0 <= f["hq_mean"] <= 1 and f["patches"] >= 1
