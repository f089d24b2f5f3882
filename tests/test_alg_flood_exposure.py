"""lcr:flood_exposure through processing.run, with hand-computed depths, damage and people."""
import os

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProcessingException, QgsProject

import processing

# Shipped curve (Huizinga et al. 2017, Asia residential, 4-decimal JRC values as transcribed in CLIMADA):
# 0.5 m → 0.3266, 1.0 m → 0.4941, 1.5 m → 0.6166.


@pytest.fixture
def buildings(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "name:string&field=residents:integer", [
        (rect(0, 0, 10, 10), ["deep", 30]),       # in both zones → 1.5 m
        (rect(40, 0, 10, 10), ["shallow", 12]),   # outer zone only → 0.5 m
        (rect(200, 0, 10, 10), ["dry", 50]),
        (rect(80, 0, 10, 10), ["edge", None]),    # touches the outer zone's edge x=80
    ])


@pytest.fixture
def hazard(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "depth_m:double", [
        (rect(-10, -10, 90, 30), [0.5]), (rect(-10, -10, 30, 30), [1.5]), (rect(500, 500, 10, 10), [None])])


def run(params, **kwargs):
    return processing.run("lcr:flood_exposure", {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


def test_depth_exposure_damage_population(provider, buildings, hazard, layer_snapshot):
    before = layer_snapshot(buildings), layer_snapshot(hazard)
    result = run({"INPUT": buildings, "HAZARD": hazard, "DEPTH_FIELD": "depth_m",
                  "POPULATION_FIELD": "residents"})
    out = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    assert result["OUTPUT"].fields().names() == ["name", "residents", "depth_m", "exposed", "damage_fr", "pop_exp"]
    assert [out[n]["depth_m"] for n in ("deep", "shallow", "dry", "edge")] == [1.5, 0.5, 0.0, 0.5]
    assert [out[n]["exposed"] for n in ("deep", "shallow", "dry", "edge")] == [1, 1, 0, 1]
    assert out["deep"]["damage_fr"] == pytest.approx(0.6166)
    assert out["shallow"]["damage_fr"] == pytest.approx(0.3266)
    assert out["dry"]["damage_fr"] == 0
    assert [out[n]["pop_exp"] for n in ("deep", "shallow", "dry", "edge")] == [30, 12, 0, 0]
    assert result["EXPOSED_COUNT"] == 3
    assert result["EXPOSED_POPULATION"] == 42
    assert (layer_snapshot(buildings), layer_snapshot(hazard)) == before


def test_minimum_depth_threshold(provider, buildings, hazard):
    result = run({"INPUT": buildings, "HAZARD": hazard, "DEPTH_FIELD": "depth_m",
                  "POPULATION_FIELD": "residents", "MIN_DEPTH": 0.5})
    assert result["EXPOSED_COUNT"] == 1           # only the 1.5 m building is deeper than 0.5 m
    assert result["EXPOSED_POPULATION"] == 30


def test_hazard_in_another_crs(provider, buildings, make_layer, rect):
    # The two zones drawn in EPSG:4549, stored in WGS 84.
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4549"),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    rows = []
    for wkt, depth in [(rect(572000 - 10, 3402000 - 10, 90, 30), 0.5), (rect(572000 - 10, 3402000 - 10, 30, 30), 1.5)]:
        geometry = QgsGeometry.fromWkt(wkt)
        geometry.transform(to_wgs84)
        rows.append((geometry.asWkt(12), [depth]))
    hazard = make_layer("Polygon", "EPSG:4326", "depth_m:double", rows)
    moved = make_layer("Polygon", "EPSG:4549", "name:string", [
        (rect(572000, 3402000, 10, 10), ["deep"]), (rect(572040, 3402000, 10, 10), ["shallow"]),
        (rect(572200, 3402000, 10, 10), ["dry"])])
    result = run({"INPUT": moved, "HAZARD": hazard, "DEPTH_FIELD": "depth_m"})
    assert [f["depth_m"] for f in result["OUTPUT"].getFeatures()] == [1.5, 0.5, 0.0]
    assert result["OUTPUT"].crs().authid() == "EPSG:4549"


def test_own_damage_curve(provider, buildings, hazard, tmp_path):
    curve = tmp_path / "curve.csv"
    curve.write_text("depth_m,damage_fraction\n0,0\n2,1\n", encoding="utf-8")
    result = run({"INPUT": buildings, "HAZARD": hazard, "DEPTH_FIELD": "depth_m", "DAMAGE_CURVE": os.fspath(curve)})
    assert sorted(f["damage_fr"] for f in result["OUTPUT"].getFeatures()) == pytest.approx([0, 0.25, 0.25, 0.75])


def test_hazard_without_any_depth_is_refused(provider, buildings, make_layer, rect):
    hazard = make_layer("Polygon", "EPSG:4549", "depth_m:double", [(rect(0, 0, 5, 5), [None])])
    with pytest.raises(QgsProcessingException, match="depth"):
        run({"INPUT": buildings, "HAZARD": hazard, "DEPTH_FIELD": "depth_m"})


def test_line_hazard_is_refused(provider, buildings, make_layer):
    lines = make_layer("LineString", "EPSG:4549", "depth_m:double", [("LINESTRING(0 0,10 10)", [1.0])])
    with pytest.raises(QgsProcessingException, match="needs Polygon"):
        run({"INPUT": buildings, "HAZARD": lines, "DEPTH_FIELD": "depth_m"})


def test_far_away_hazard_warns(provider, buildings, make_layer, rect):
    from qgis.core import QgsProcessingFeedback

    hazard = make_layer("Polygon", "EPSG:4549", "depth_m:double", [(rect(9000, 9000, 5, 5), [1.0])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "HAZARD": hazard, "DEPTH_FIELD": "depth_m"}, feedback=feedback)
    assert result["EXPOSED_COUNT"] == 0
    assert "does not overlap" in feedback.textLog()


def test_without_a_hazard_exposure_is_not_assessed(provider, buildings, layer_snapshot):
    """No flood map (OpenStreetMap has none): every building is written with NULL exposure, not 0 (not exposed),
    and the totals are NULL; a hazard given without its depth field is refused by name."""
    from qgis.core import QgsProcessingFeedback

    before = layer_snapshot(buildings)
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "POPULATION_FIELD": "residents"}, feedback=feedback)
    rows = list(result["OUTPUT"].getFeatures())
    assert len(rows) == 4
    for feature in rows:
        assert all(feature[f] is None or feature[f] != feature[f] or (hasattr(feature[f], "isNull") and feature[f].isNull())
                   for f in ("depth_m", "exposed", "damage_fr", "pop_exp"))
    assert result["EXPOSED_COUNT"] is None and result["EXPOSED_POPULATION"] is None
    assert "No flood hazard layer given: flood exposure is not assessed" in feedback.textLog()
    assert layer_snapshot(buildings) == before


def test_a_hazard_without_its_depth_field_is_refused(provider, buildings, hazard):
    with pytest.raises(QgsProcessingException, match="Name the depth field"):
        run({"INPUT": buildings, "HAZARD": hazard})
