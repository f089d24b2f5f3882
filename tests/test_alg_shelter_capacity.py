"""lcr:shelter_capacity through processing.run: fixed-shelter capacity per 100 residents by hand."""
import pytest
from qgis.core import NULL, QgsProcessingException

import processing

X, Y = 572000, 3402000   # EPSG:4549, near Jiaxing


@pytest.fixture
def zones(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "zone:string&field=pop:double", [
        (rect(X, Y, 1000, 1000), ["Z1", 1000]), (rect(X + 1000, Y, 1000, 1000), ["Z2", 0]),
        (rect(X + 2000, Y, 1000, 1000), ["Z3", 200])])


@pytest.fixture
def shelters(make_layer):
    return make_layer("Point", "EPSG:4549", "kind:string&field=capacity:integer", [
        (f"POINT({X + 100} {Y + 100})", ["long_term", 300]),
        (f"POINT({X + 200} {Y + 100})", ["emergency", 500]),      # not a fixed shelter
        (f"POINT({X + 300} {Y + 100})", ["紧急", 100]),            # the emergency class's alias
        (f"POINT({X + 400} {Y + 100})", [None, 50]),              # no type: the default row, fixed
        (f"POINT({X + 1500} {Y + 100})", ["short_term", 80]),     # Z2, which has no residents
        (f"POINT({X + 2500} {Y + 100})", ["bunker", None]),       # unlisted type, no capacity
        (f"POINT({X + 9000} {Y + 100})", ["central", 1000]),      # in no zone
    ])


def run(zones, shelters, feedback=None, **params):
    return processing.run("lcr:shelter_capacity", {
        "INPUT": zones, "POPULATION_FIELD": "pop", "SHELTERS": shelters, "TYPE_FIELD": "kind",
        "CAPACITY_FIELD": "capacity", "OUTPUT": "TEMPORARY_OUTPUT", **params}, feedback=feedback)


def test_fixed_capacity_per_hundred_residents(provider, zones, shelters, log_feedback):
    feedback = log_feedback()
    result = run(zones, shelters, feedback)
    out = {f["zone"]: f for f in result["OUTPUT"].getFeatures()}
    assert [out[z]["fixed_cap"] for z in ("Z1", "Z2", "Z3")] == [350, 80, 0]
    assert out["Z1"]["shelter_cap_pct"] == pytest.approx(35.0)
    assert out["Z2"]["shelter_cap_pct"] == NULL
    assert out["Z3"]["shelter_cap_pct"] == 0.0
    assert result["FIXED_CAPACITY"] == 430
    assert result["CAPACITY_PCT"] == pytest.approx(100 * 430 / 1200)
    assert "bunker" in feedback.text and "1 fixed shelters have a missing or negative capacity" in feedback.text
    assert "1 fixed shelters lie in no zone" in feedback.text


def test_without_type_field_every_shelter_is_fixed(provider, zones, shelters):
    out = {f["zone"]: f for f in run(zones, shelters, TYPE_FIELD=None)["OUTPUT"].getFeatures()}
    assert out["Z1"]["fixed_cap"] == 950 and out["Z1"]["shelter_cap_pct"] == pytest.approx(95.0)


def test_shelters_in_degrees_land_in_the_same_zones(provider, zones, shelters, reprojected):
    out = {f["zone"]: f for f in run(zones, reprojected(shelters, "EPSG:4326"))["OUTPUT"].getFeatures()}
    assert [out[z]["fixed_cap"] for z in ("Z1", "Z2", "Z3")] == [350, 80, 0]


def test_capacity_field_must_be_numeric(provider, zones, shelters):
    with pytest.raises(QgsProcessingException, match="must be numeric"):
        run(zones, shelters, CAPACITY_FIELD="kind")


@pytest.mark.parametrize("saved_as", [None, "shelters.shp"])
def test_a_zone_whose_capacity_is_mostly_estimated_is_flagged(provider, zones, make_layer, log_feedback, tmp_path,
                                                               saved_as):
    """capacity_est = 1 on candidate shelters (capacity guessed from their area): Z1 holds 300 flagged of 350
    fixed (the flagged emergency shelter does not count: not fixed) → flagged; Z2 holds 40 flagged of 80 (not
    more than half) → not; Z3 holds nothing → not. Saved as a Shapefile, the flag is named “capacity_e”."""
    shelters = make_layer("Point", "EPSG:4549", "kind:string&field=capacity:integer&field=capacity_est:integer", [
        (f"POINT({X + 100} {Y + 100})", ["long_term", 300, 1]),
        (f"POINT({X + 200} {Y + 100})", ["emergency", 500, 1]),
        (f"POINT({X + 400} {Y + 100})", ["short_term", 50, 0]),
        (f"POINT({X + 1500} {Y + 100})", ["short_term", 40, 1]),
        (f"POINT({X + 1600} {Y + 100})", ["short_term", 40, 0])])
    if saved_as:
        shelters = processing.run("native:savefeatures", {"INPUT": shelters, "OUTPUT": str(tmp_path / saved_as)})["OUTPUT"]
    feedback = log_feedback()
    result = run(zones, shelters, feedback)
    out = {f["zone"]: f for f in result["OUTPUT"].getFeatures()}
    assert [out[z]["shelter_cap_pct_est"] for z in ("Z1", "Z2", "Z3")] == [1, 0, 0]
    flag = "capacity_e" if saved_as else "capacity_est"
    assert f"1 zones' fixed-shelter capacity rests mainly on capacities flagged as estimated (“{flag}”" in feedback.text
    assert ("“capacity_e” is read as “capacity_est”" in feedback.text) == bool(saved_as)


def test_mostly_estimated_residents_flag_the_share_too(provider, make_layer, rect, log_feedback):
    """The zones' residents flagged as mostly estimated (pop_est of lcr:life_circle's units, 1 where more than half
    of a unit's residents are): Z2's capacity is data, its residents are not → flagged; Z1's capacity is mostly
    estimated → flagged for that reason alone; Z3 neither."""
    zones = make_layer("Polygon", "EPSG:4549", "zone:string&field=pop:double&field=pop_est:integer", [
        (rect(X, Y, 1000, 1000), ["Z1", 1000, 0]), (rect(X + 1000, Y, 1000, 1000), ["Z2", 400, 1]),
        (rect(X + 2000, Y, 1000, 1000), ["Z3", 200, 0])])
    shelters = make_layer("Point", "EPSG:4549", "kind:string&field=capacity:integer&field=capacity_est:integer", [
        (f"POINT({X + 100} {Y + 100})", ["long_term", 300, 1]), (f"POINT({X + 1500} {Y + 100})", ["short_term", 80, 0]),
        (f"POINT({X + 2500} {Y + 100})", ["short_term", 20, 0])])
    feedback = log_feedback()
    out = {f["zone"]: f for f in run(zones, shelters, feedback)["OUTPUT"].getFeatures()}
    assert [out[z]["shelter_cap_pct_est"] for z in ("Z1", "Z2", "Z3")] == [1, 1, 0]
    assert [out[z]["shelter_cap_pct"] for z in ("Z1", "Z2", "Z3")] == pytest.approx([30.0, 20.0, 10.0])
    assert "1 more zones' residents are flagged as mostly estimated (“pop_est”)" in feedback.text
    assert "1 zones' fixed-shelter capacity rests mainly on capacities flagged as estimated" in feedback.text
