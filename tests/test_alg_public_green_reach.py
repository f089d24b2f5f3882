"""lcr:public_green_reach through processing.run: park area and neighbours within walking distance of
each parcel, worked out by hand, the same in degrees and in Web Mercator as in metres."""
import pytest

from qgis.core import NULL, QgsProcessingFeedback

import processing

X, Y = 572000, 3402000   # EPSG:4549, near Jiaxing


@pytest.fixture
def parcels(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "pid:string&field=residents:integer", [
        (rect(X, Y, 100, 100), ["P0", 100]), (rect(X + 500, Y, 100, 100), ["P1", 300]),
        (rect(X + 3000, Y, 100, 100), ["P2", 50]), (rect(X, Y + 1200, 100, 100), ["P3", 0]),
        (rect(X + 5000, Y, 100, 100), ["P4", None])])


@pytest.fixture
def green(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "kind:string", [
        # K0, 2 000 m² centred on (X+50, Y+600): 500 m from P0, √(450² + 500²) = 673 m from P1, 600 m from P3.
        (rect(X + 30, Y + 575, 40, 50), ["community"]),
        # K1, 1 000 m² centred on (X+1550, Y+40): 950 m from P1, 1 450 m from P0 and P2.
        (rect(X + 1525, Y + 30, 50, 20), ["comprehensive"]),
        # Protective green between P0 and P1: not park green.
        (rect(X + 200, Y + 20, 50, 50), ["protective"]),
    ])


def run(parcels, green, **params):
    return processing.run("lcr:public_green_reach", {
        "INPUT": parcels, "POPULATION_FIELD": "residents", "GREEN_SPACES": green, "TYPE_FIELD": "kind",
        "OUTPUT": "TEMPORARY_OUTPUT", **params})


def rows(result):
    return {f["pid"]: f for f in result["OUTPUT"].getFeatures()}


def test_park_area_per_resident_within_walking_distance(provider, parcels, green):
    result = run(parcels, green)
    out = rows(result)
    assert result["OUTPUT"].fields().names() == ["pid", "residents", "reach_green_m2", "reach_pop", "pub_green_m2_pc",
                                                 "pub_green_m2_pc_est"]
    assert {out[p]["pub_green_m2_pc_est"] for p in out} == {0}   # no residents_est field: nothing flagged
    assert [out[p]["reach_green_m2"] for p in ("P0", "P1", "P2", "P3", "P4")] == pytest.approx([2000, 3000, 0, 2000, 0])
    # P0 and P1 lie 450 m apart (centre to edge): each counts the other; P3's centre is 1 150 m from P0.
    assert [out[p]["reach_pop"] for p in ("P0", "P1", "P2", "P3", "P4")] == [400, 400, 50, 0, 0]
    assert [out[p]["pub_green_m2_pc"] for p in ("P0", "P1", "P2")] == pytest.approx([5.0, 7.5, 0.0])
    assert out["P3"]["pub_green_m2_pc"] == NULL and out["P4"]["pub_green_m2_pc"] == NULL
    assert result["PARCELS_WITH_RESIDENTS"] == 3


def test_shorter_walk(provider, parcels, green):
    out = rows(run(parcels, green, DISTANCE=600))
    assert [out[p]["reach_green_m2"] for p in ("P0", "P1", "P3")] == pytest.approx([2000, 0, 2000])
    assert out["P1"]["pub_green_m2_pc"] == 0.0


@pytest.mark.parametrize("authid", ["EPSG:4326", "EPSG:3857"])
def test_same_in_degrees_and_web_mercator(provider, parcels, green, reprojected, authid):
    metric = rows(run(parcels, green))
    other = rows(run(reprojected(parcels, authid), reprojected(green, authid)))
    for pid in ("P0", "P1", "P2", "P3"):
        # Park areas are measured in UTM 51N instead of Gauss-Krüger 120° E: the grids' areas differ by
        # 2.8e-4 here. No distance lies within a metre of the 1 000 m, so the same parks and people count.
        assert other[pid]["reach_green_m2"] == pytest.approx(metric[pid]["reach_green_m2"], rel=1e-3)
        assert other[pid]["reach_pop"] == metric[pid]["reach_pop"]


def test_mostly_estimated_residents_within_reach_flag_the_amount(provider, make_layer, rect, green):
    # residents_est: P0 (60, estimated) and P1 (40) count each other: 60 of 100 within reach are estimated → both
    # flagged. P5 (50, estimated) and P6 (50), 250 m apart: 50 of 100, not more than half → neither. P2 alone,
    # not estimated → not.
    parcels = make_layer("Polygon", "EPSG:4549", "pid:string&field=residents:integer&field=residents_est:integer", [
        (rect(X, Y, 100, 100), ["P0", 60, 1]), (rect(X + 500, Y, 100, 100), ["P1", 40, 0]),
        (rect(X + 3000, Y, 100, 100), ["P2", 50, 0]), (rect(X + 6000, Y, 100, 100), ["P5", 50, 1]),
        (rect(X + 6300, Y, 100, 100), ["P6", 50, 0]), (rect(X + 250, Y + 200, 100, 100), ["P7", 0, 0])])
    feedback = QgsProcessingFeedback()
    result = processing.run("lcr:public_green_reach", {
        "INPUT": parcels, "POPULATION_FIELD": "residents", "GREEN_SPACES": green, "TYPE_FIELD": "kind",
        "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    out = rows(result)
    assert [out[p]["reach_pop"] for p in ("P0", "P1", "P2", "P5", "P6")] == [100, 100, 50, 100, 100]
    assert [out[p]["pub_green_m2_pc_est"] for p in ("P0", "P1", "P2", "P5", "P6")] == [1, 1, 0, 0, 0]
    assert out["P0"]["pub_green_m2_pc"] == pytest.approx(2000 / 100)   # the amount itself does not change
    # P7 has no residents, so no amount: its neighbours' estimates flag nothing there
    assert (out["P7"]["reach_pop"], out["P7"]["pub_green_m2_pc"], out["P7"]["pub_green_m2_pc_est"]) == (100, NULL, 0)
    assert "2 parcels' residents within 1000 m are mostly estimated (“residents_est”)" in feedback.textLog()
