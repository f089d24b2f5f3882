"""lcr:zone_pv_share through processing.run: PV yield and demand of the buildings per zone, by hand."""
import pytest

from qgis.core import NULL

import processing

X, Y = 572000, 3402000   # EPSG:4549, near Jiaxing


@pytest.fixture
def zones(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "zone:string", [
        (rect(X, Y, 100, 100), ["Z0"]), (rect(X + 100, Y, 100, 100), ["Z1"]), (rect(X + 200, Y, 100, 100), ["Z2"])])


@pytest.fixture
def buildings(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "pv_kwh_yr:double&field=energy_kwh:double", [
        (rect(X + 10, Y + 10, 20, 20), [30, 100]),
        (rect(X + 50, Y + 50, 20, 20), [None, 50]),      # no yield: counts 0
        (rect(X + 110, Y + 10, 20, 20), [5, 0]),         # Z1 has no demand
        (rect(X + 95, Y + 60, 30, 10), [7, 7]),          # straddles Z0 and Z1: its centre (110, 65) is in Z1
        (rect(X + 900, Y, 10, 10), [99, 99]),            # in no zone
    ])


def test_yield_over_demand_per_zone(provider, zones, buildings, reprojected):
    # Field defaults passed: QGIS 3.22 checks field parameters before applying their defaults.
    fields = {"PV_FIELD": "pv_kwh_yr", "DEMAND_FIELD": "energy_kwh", "OUTPUT": "TEMPORARY_OUTPUT"}
    result = processing.run("lcr:zone_pv_share", {"INPUT": zones, "BUILDINGS": buildings, **fields})
    out = {f["zone"]: f for f in result["OUTPUT"].getFeatures()}
    assert result["OUTPUT"].fields().names() == ["zone", "pv_kwh_yr", "demand_kwh", "pv_share",
                                                 "pv_share_est"]
    assert [out[z]["pv_kwh_yr"] for z in ("Z0", "Z1", "Z2")] == [30, 12, 0]
    assert [out[z]["demand_kwh"] for z in ("Z0", "Z1", "Z2")] == [150, 7, 0]
    assert out["Z0"]["pv_share"] == pytest.approx(0.2)
    assert out["Z1"]["pv_share"] == pytest.approx(1.0)     # 12 kWh against 7: the demand is met, no more
    assert out["Z2"]["pv_share"] == NULL
    assert result["PV_SHARE"] == pytest.approx(42 / 157)
    # Buildings stored in degrees fall in the same zones.
    moved = processing.run("lcr:zone_pv_share", {"INPUT": zones, "BUILDINGS": reprojected(buildings, "EPSG:4326"),
                                                 **fields})
    assert [f["pv_share"] for f in moved["OUTPUT"].getFeatures()] == [f["pv_share"] for f in out.values()]


def test_a_zone_whose_demand_rests_on_defaults_is_flagged(provider, zones, make_layer, rect, log_feedback):
    """energy_kwh_est = 1 on the buildings whose demand took default floors or use: Z0's flagged demand is
    100 of 150 (> half: flagged), Z1's 3 of 10 (not), Z2 has no demand (not)."""
    buildings = make_layer("Polygon", "EPSG:4549", "pv_kwh_yr:double&field=energy_kwh:double&field=energy_kwh_est:integer", [
        (rect(X + 10, Y + 10, 20, 20), [30, 100, 1]),
        (rect(X + 50, Y + 50, 20, 20), [0, 50, 0]),
        (rect(X + 110, Y + 10, 20, 20), [5, 3, 1]),
        (rect(X + 150, Y + 10, 20, 20), [5, 7, 0])])
    feedback = log_feedback()
    result = processing.run("lcr:zone_pv_share", {"INPUT": zones, "BUILDINGS": buildings, "PV_FIELD": "pv_kwh_yr",
                                                  "DEMAND_FIELD": "energy_kwh", "OUTPUT": "TEMPORARY_OUTPUT"},
                            feedback=feedback)
    out = {f["zone"]: f for f in result["OUTPUT"].getFeatures()}
    assert [out[z]["pv_share_est"] for z in ("Z0", "Z1", "Z2")] == [1, 0, 0]
    assert "1 zones' PV share rests mainly on buildings whose demand uses default floors or a default use " \
           "(“energy_kwh_est”)" in feedback.text
    # A planning check gives Z0 no verdict on the share: Z1 passes (0.5 ≥ 0.15), Z2 is not assessed (NULL).
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as profile:
        profile.write("rule_id,name_en,name_zh,indicator,unit,level,side,operator,threshold,threshold_high,source,"
                      "clause,status\nPV,PV share,光伏占比,pv_share,0-1,detailed,low_carbon,>=,0.15,,test,-,unverified\n")
    check = processing.run("lcr:planning_check", {"INPUT": result["OUTPUT"], "PROFILE_FILE": profile.name,
                                                  "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"})
    rule = next(check["TABLE"].getFeatures())
    assert (rule["n_pass"], rule["n_fail"], rule["n_na"], rule["n_est"]) == (1, 0, 1, 1)
