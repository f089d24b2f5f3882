"""lcr:planning_check through processing.run: per-feature results, rule table, errors, demo district."""
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsWkbTypes

import processing

from lcr_toolkit.core import profiles

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"
PROFILES = Path(__file__).resolve().parents[1] / "resources" / "profiles"
HEADER = ",".join(profiles.COLUMNS)
PROFILE_TEXT = HEADER + "\n" + "\n".join([
    "PARK,Park green,公园绿地,park_green_m2_pc,m2,master,both,>,8,,GB 55014-2021,§2.1.3,verified",
    "FAR,Floor area ratio,容积率,far,-,detailed,low_carbon,between,1,2.5,test,§1,unverified",
    "FLOOD,Flood free,不淹,exposed,0/1,detailed,resilience,==,0,,test,-,unverified",
    "CANOPY,Canopy,树冠,canopy_pct,%,detailed,resilience,>=,30,,3-30-300,30,verified",
]) + "\n"


def null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull()) or value != value


@pytest.fixture
def profile_file(tmp_path):
    path = tmp_path / "own.csv"
    path.write_text("# my profile\n" + PROFILE_TEXT, encoding="utf-8")
    return str(path)


@pytest.fixture
def units(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "name:string&field=park_green_m2_pc:double&field=far:double"
                      "&field=exposed:integer&field=pc:double", [
                          (rect(0, 0, 10, 10), ["a", 9.0, 1.0, 0, 10.0]),
                          (rect(20, 0, 10, 10), ["b", 8.0, 2.6, 0, 40.0]),
                          (rect(40, 0, 10, 10), ["c", None, 2.5, 1, None]),
                      ])


def run(params, **kwargs):
    return processing.run("lcr:planning_check", {"OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT",
                                                 **params}, **kwargs)


def rows(layer, key):
    return {f[key]: f for f in layer.getFeatures()}


def test_features_and_rule_table(provider, units, profile_file, layer_snapshot):
    before = layer_snapshot(units)
    result = run({"INPUT": units, "PROFILE_FILE": profile_file, "FIELD_MAP": "canopy=pc"})
    out = rows(result["OUTPUT"], "name")
    assert result["OUTPUT"].fields().names()[-11:] == ["score", "n_pass", "n_fail", "n_na",
                                                       "r_park", "r_far", "r_flood", "r_canopy", "n_nap",
                                                       "n_est", "verdict"]
    assert [f["n_nap"] for f in result["OUTPUT"].getFeatures()] == [0, 0, 0]
    # a: park 9 > 8 ✓, far 1.0 in [1, 2.5] ✓ (edge), exposed 0 ✓, canopy 10 ≥ 30 ✗ → 3/4
    # b: park 8 > 8 ✗ (edge), far 2.6 ✗, exposed 0 ✓, canopy 40 ✓ → 2/4
    # c: park NULL, far 2.5 ✓ (edge), exposed 1 ✗, canopy NULL → 1/2, 2 not assessed
    assert [out[n]["r_park"] for n in "abc"][:2] == [1, 0] and null(out["c"]["r_park"])
    assert [out[n]["r_far"] for n in "abc"] == [1, 0, 1]
    assert [out[n]["r_flood"] for n in "abc"] == [1, 1, 0]
    assert [out[n]["r_canopy"] for n in "ab"] == [0, 1] and null(out["c"]["r_canopy"])
    assert [out[n]["score"] for n in "abc"] == pytest.approx([0.75, 0.5, 0.5])
    assert [(out[n]["n_pass"], out[n]["n_fail"], out[n]["n_na"]) for n in "abc"] == [(3, 1, 0), (2, 2, 0), (1, 1, 2)]
    assert [out[n]["verdict"] for n in "abc"] == ["fail", "fail", "fail"]

    table = result["TABLE"]
    assert QgsWkbTypes.geometryType(table.wkbType()) == QgsWkbTypes.NullGeometry
    rules = rows(table, "rule_id")
    assert {r: rules[r]["verdict"] for r in rules} == {"PARK": "fail", "FAR": "fail", "FLOOD": "fail",
                                                       "CANOPY": "fail"}
    assert (rules["PARK"]["n_pass"], rules["PARK"]["n_fail"], rules["PARK"]["n_na"]) == (1, 1, 1)
    assert (rules["CANOPY"]["field"], rules["FLOOD"]["field"]) == ("pc", "exposed")
    # far values 1.0, 2.6, 2.5 → min 1.0, mean 6.1 / 3, max 2.6
    assert [rules["FAR"][k] for k in ("value_min", "value_mean", "value_max")] == pytest.approx([1.0, 6.1 / 3, 2.6])
    assert rules["FAR"]["status"] == "unverified" and rules["PARK"]["status"] == "verified"
    assert rules["FAR"]["threshold_high"] == 2.5 and null(rules["PARK"]["threshold_high"])
    assert table.fields().names() == ["rule_id", "name_en", "name_zh", "indicator", "field", "unit", "level",
                                      "side", "operator", "threshold", "threshold_high", "source", "clause",
                                      "status", "verdict", "n_pass", "n_fail", "n_na", "value_min",
                                      "value_mean", "value_max", "applies_to", "n_nap", "field_unit", "n_est",
                                      "n_few"]
    assert (result["RULES_PASSED"], result["RULES_FAILED"], result["RULES_NOT_ASSESSED"]) == (0, 4, 0)
    assert layer_snapshot(units) == before


def test_unmapped_rule_is_not_assessed_and_unverified_is_logged(provider, units, profile_file, log_feedback):
    feedback = log_feedback()
    # Detailed rules only; CANOPY has no canopy_pct field and no mapping: not assessed.
    result = run({"INPUT": units, "PROFILE_FILE": profile_file, "LEVEL": 2}, feedback=feedback)
    rules = rows(result["TABLE"], "rule_id")
    assert set(rules) == {"FAR", "FLOOD", "CANOPY"}          # detailed only: PARK (master) left out
    assert rules["CANOPY"]["verdict"] == "not_assessed" and rules["CANOPY"]["n_na"] == 3
    assert rules["CANOPY"]["field"] == ""
    assert (result["RULES_PASSED"], result["RULES_FAILED"], result["RULES_NOT_ASSESSED"]) == (0, 2, 1)
    log = "\n".join(feedback.lines)
    assert "UNVERIFIED" in log and "FAR, FLOOD" in log


def test_master_level_passes_when_all_pass(provider, make_layer, rect, profile_file):
    layer = make_layer("Polygon", "EPSG:4549", "park_green_m2_pc:double",
                       [(rect(0, 0, 1, 1), [8.5]), (rect(2, 0, 1, 1), [None])])
    result = run({"INPUT": layer, "PROFILE_FILE": profile_file, "LEVEL": 1})
    # 8.5 > 8 passes; NULL not assessed → rule passes (every assessed feature passes)
    assert (result["RULES_PASSED"], result["RULES_FAILED"], result["RULES_NOT_ASSESSED"]) == (1, 0, 0)
    scores = [f["score"] for f in result["OUTPUT"].getFeatures()]
    assert scores[0] == 1.0 and null(scores[1])


@pytest.mark.parametrize("text, message", [
    ("PARK=nope", "does not have"), ("NOPE=far", "has no rule"), ("PARK", "rule_id=field")])
def test_bad_field_map(provider, units, profile_file, text, message):
    with pytest.raises(QgsProcessingException, match=message):
        run({"INPUT": units, "PROFILE_FILE": profile_file, "FIELD_MAP": text})


def test_malformed_profile_names_line(provider, units, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("# comment\n# comment\n" + PROFILE_TEXT.replace(",between,1,2.5,", ",between,1,,"),
                    encoding="utf-8")
    # comments on lines 1–2, header line 3, PARK line 4, FAR line 5
    with pytest.raises(QgsProcessingException, match=r"line 5: rule FAR uses between but has no threshold_high"):
        run({"INPUT": units, "PROFILE_FILE": str(path)})
    path.write_text(PROFILE_TEXT.replace(",>,8,", ",=>,8,"), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"line 2: unknown operator “=>”"):
        run({"INPUT": units, "PROFILE_FILE": str(path)})


def test_bad_inputs(provider, make_layer, rect, profile_file):
    points = make_layer("Point", "EPSG:4549", "far:double", [("POINT(0 0)", [1.0])])
    with pytest.raises(QgsProcessingException, match="Point"):
        run({"INPUT": points, "PROFILE_FILE": profile_file})
    empty = make_layer("Polygon", "EPSG:4549", "far:double", [])
    with pytest.raises(QgsProcessingException, match="no features"):
        run({"INPUT": empty, "PROFILE_FILE": profile_file})
    master_only = profile_file.replace("own.csv", "m.csv")
    Path(master_only).write_text(PROFILE_TEXT.split("\n")[0] + "\n" + PROFILE_TEXT.split("\n")[1] + "\n",
                                 encoding="utf-8")
    layer = make_layer("Polygon", "EPSG:4549", "far:double", [(rect(0, 0, 1, 1), [1.0])])
    with pytest.raises(QgsProcessingException, match="no detailed rules"):
        run({"INPUT": layer, "PROFILE_FILE": master_only, "LEVEL": 2})


ALIAS_PROFILE = HEADER + "\n" + "\n".join([
    "FAR,Floor area ratio,容积率,far,-,detailed,low_carbon,between,1,2.5,test,§1,unverified",
    "GREEN,Green ratio,绿地率,green_ratio,0-1,detailed,both,>=,0.3,,test,§2,unverified",
    "CANOPY,Canopy,树冠,canopy_pct,%,detailed,resilience,>=,30,,3-30-300,30,verified",
]) + "\n"


def test_chinese_field_names_and_numbers_as_text(provider, make_layer, rect, tmp_path, log_feedback):
    """容积率 and 绿地率 are read for far and green_ratio (field_aliases.csv); text values are numbers, a
    percentage a share for a rule in shares and a per cent for a rule in %; a percentage FAR is unreadable."""
    path = tmp_path / "alias.csv"
    path.write_text(ALIAS_PROFILE, encoding="utf-8")
    layer = make_layer("Polygon", "EPSG:4549", "name:string&field=容积率:string&field=绿地率:string"
                       "&field=canopy_pct:string&field=plan_far:double", [
                           (rect(0, 0, 1, 1), ["a", "1.5", "35%", "35%", 3.0]),   # all pass
                           (rect(2, 0, 1, 1), ["b", "2.6", "0.25", "20", 3.0]),   # 2.6 > 2.5, 0.25 < 0.3, 20 < 30
                           (rect(4, 0, 1, 1), ["c", "35%", "", "abc", 3.0])])     # a FAR in per cent, blank, no number
    feedback = log_feedback()
    result = run({"INPUT": layer, "PROFILE_FILE": str(path)}, feedback=feedback)
    rules = rows(result["TABLE"], "rule_id")
    assert [rules[r]["field"] for r in ("FAR", "GREEN", "CANOPY")] == ["容积率", "绿地率", "canopy_pct"]
    for rule in ("FAR", "GREEN", "CANOPY"):
        assert (rules[rule]["n_pass"], rules[rule]["n_fail"], rules[rule]["n_na"]) == (1, 1, 1), rule
    assert rules["GREEN"]["value_min"] == pytest.approx(0.25) and rules["GREEN"]["value_max"] == pytest.approx(0.35)
    assert rules["CANOPY"]["value_max"] == pytest.approx(35.0)
    out = rows(result["OUTPUT"], "name")
    assert (out["a"]["n_pass"], out["b"]["n_fail"], out["c"]["n_na"]) == (3, 3, 3)
    log = "\n".join(feedback.lines)
    assert "Rule FAR: reads “容积率” for its indicator “far”" in log
    assert "“绿地率” holds text: 2 values read as numbers, 1 of them written as a percentage" in log
    assert "“容积率”: 1 values hold no number the check can read (e.g. 35%)" in log
    assert "“canopy_pct”: 1 values hold no number the check can read (e.g. abc)" in log
    # The field map wins over an alias: 3.0 > 2.5 fails everywhere
    rules = rows(run({"INPUT": layer, "PROFILE_FILE": str(path), "FIELD_MAP": "FAR=plan_far"})["TABLE"], "rule_id")
    assert (rules["FAR"]["field"], rules["FAR"]["n_fail"]) == ("plan_far", 3)


FEW_PROFILE = HEADER + "\n" + "\n".join([
    "PARK,Park green,公园绿地,park_green_m2_pc,m2/person,master,both,>,8,,GB 55014-2021,§2.1.3,verified",
    "SHELTER_CAP,Shelter capacity,避难容量,shelter_cap_pct,%,master,resilience,>=,15,,test,-,unverified",
    "FAR,Floor area ratio,容积率,far,-,master,low_carbon,<=,2.5,,test,§1,unverified",
]) + "\n"


def test_per_resident_rules_need_enough_residents(provider, make_layer, rect, tmp_path, log_feedback):
    """A unit of 5 residents with 110,811 m² of park each and a shelter capacity of 1.48 million % gets no
    verdict on those rules (fewer than 100 residents); 100 residents exactly are judged; unknown residents too."""
    path = tmp_path / "few.csv"
    path.write_text(FEW_PROFILE, encoding="utf-8")
    layer = make_layer("Polygon", "EPSG:4549", "name:string&field=pop:double&field=park_green_m2_pc:double"
                       "&field=shelter_cap_pct:double&field=far:double", [
                           (rect(0, 0, 1, 1), ["a", 5, 110_811.0, 1.48e6, 1.2]),
                           (rect(2, 0, 1, 1), ["b", 100, 5.0, 20.0, 1.2]),
                           (rect(4, 0, 1, 1), ["c", 99, 9.0, None, 1.2]),
                           (rect(6, 0, 1, 1), ["d", None, 9.0, None, 1.2])])
    feedback = log_feedback()
    result = run({"INPUT": layer, "PROFILE_FILE": str(path), "POPULATION_FIELD": "pop"}, feedback=feedback)
    rules = rows(result["TABLE"], "rule_id")
    # PARK: a and c withheld; b 5 ≤ 8 fails, d 9 > 8 passes. SHELTER_CAP: a withheld, b 20 ≥ 15 passes.
    assert [rules["PARK"][k] for k in ("n_pass", "n_fail", "n_na", "n_few")] == [1, 1, 2, 2]
    assert [rules["SHELTER_CAP"][k] for k in ("n_pass", "n_fail", "n_na", "n_few")] == [1, 0, 3, 1]
    assert [rules["FAR"][k] for k in ("n_pass", "n_na", "n_few")] == [4, 0, 0]
    out = rows(result["OUTPUT"], "name")
    assert null(out["a"]["r_park"]) and null(out["a"]["r_shelter_cap"]) and out["a"]["r_far"] == 1
    # a: one rule of three assessed, below the half a pass needs
    assert (out["a"]["n_na"], out["a"]["verdict"]) == (2, "insufficient_data")
    assert out["b"]["r_park"] == 0 and out["d"]["r_park"] == 1
    log = "\n".join(feedback.lines)
    assert "Rule PARK: 2 features not assessed, too few residents (fewer than 100)" in log
    assert "Per-resident rules PARK, SHELTER_CAP: not assessed where “pop” is below 100 residents" in log
    # 0 judges every unit, as does a run without a residents field: PARK a, c, d pass, b fails
    for extra in ({"POPULATION_FIELD": "pop", "MIN_RESIDENTS": 0}, {}):
        rules = rows(run({"INPUT": layer, "PROFILE_FILE": str(path), **extra})["TABLE"], "rule_id")
        assert [rules["PARK"][k] for k in ("n_pass", "n_fail", "n_few")] == [3, 1, 0]


# ---- the demo district ------------------------------------------------------------------------
def test_demo_parcels_cn_detailed(provider):
    result = run({"INPUT": f"{DISTRICT}|layername=parcels", "PROFILE": 1})
    # Independent evaluation: sqlite + numpy, the two cn_detailed rules that parcels carry. They take
    # their thresholds from GB 50180-2018 Table 4.0.2 by height class; the demo parcels have no floors
    # or height, so each rule's own threshold applies, the table's most lenient value:
    # CN_D_FAR_RES far <= 3.1, CN_D_GREEN_RATIO green_ratio >= 0.25.
    with sqlite3.connect(str(DISTRICT)) as db:
        data = db.execute("SELECT parcel_id, far, green_ratio FROM parcels").fetchall()
    far = np.array([r[1] for r in data], float)
    green = np.array([r[2] for r in data], float)
    far_ok = far <= 3.1 + 1e-12
    green_ok = green >= 0.25 - 1e-12
    rules = rows(result["TABLE"], "rule_id")
    assert (rules["CN_D_FAR_RES"]["n_pass"], rules["CN_D_FAR_RES"]["n_fail"]) == (far_ok.sum(), (~far_ok).sum())
    assert (rules["CN_D_GREEN_RATIO"]["n_pass"], rules["CN_D_GREEN_RATIO"]["n_fail"]) == (
        green_ok.sum(), (~green_ok).sum())
    assert rules["CN_D_FAR_RES"]["value_mean"] == pytest.approx(far.mean())
    # Demo parcels: 459. Without a land-use field both rules apply to every parcel and fail somewhere
    # (a commercial parcel has far 3.14; farmland and water have green ratio 0); the other 7 rules have
    # no field → not assessed.
    assert len(data) == 459 and (~far_ok).sum() == 1 and (~green_ok).sum() == 219
    assert (result["RULES_PASSED"], result["RULES_FAILED"], result["RULES_NOT_ASSESSED"]) == (0, 2, 7)
    out = {f["parcel_id"]: f for f in result["OUTPUT"].getFeatures()}
    expected_score = (far_ok.astype(int) + green_ok.astype(int)) / 2
    got = np.array([out[r[0]]["score"] for r in data], float)
    assert got == pytest.approx(expected_score)
    assert all(out[r[0]]["n_na"] == 7 for r in data)
    assert rules["CN_D_GREEN_RATIO"]["status"] == "unverified"


def test_demo_units_rail_rule_after_transit_coverage(provider, tmp_path):
    transit = processing.run("lcr:transit_coverage", {
        "INPUT": f"{DISTRICT}|layername=buildings", "POPULATION_FIELD": "residents",
        "STOPS": f"{DISTRICT}|layername=transit_stops", "STOP_TYPE_FIELD": "stop_type",
        "ROADS": f"{DISTRICT}|layername=roads", "UNITS": f"{DISTRICT}|layername=planning_units",
        "OUTPUT": "TEMPORARY_OUTPUT", "UNITS_OUTPUT": "TEMPORARY_OUTPUT"})
    units = transit["UNITS_OUTPUT"]
    result = run({"INPUT": units, "PROFILE": 0})
    rail = {f["unit_id"]: f["rail_pct"] for f in units.getFeatures()}
    out = {f["unit_id"]: f for f in result["OUTPUT"].getFeatures()}
    # CN_M_RAIL800_COV: rail_pct >= 40 (placeholder target, unverified)
    for unit, pct in rail.items():
        if null(pct):
            assert null(out[unit]["r_cn_m_rail800_cov"])
        else:
            assert out[unit]["r_cn_m_rail800_cov"] == (1 if pct >= 40 else 0)
    values = [p for p in rail.values() if not null(p)]
    rule = rows(result["TABLE"], "rule_id")["CN_M_RAIL800_COV"]
    assert rule["n_pass"] == sum(p >= 40 for p in values)
    assert rule["n_fail"] == sum(p < 40 for p in values)
    assert rule["verdict"] == ("fail" if rule["n_fail"] else "pass")
    assert rule["value_max"] == pytest.approx(max(values))
    assert rule["status"] == "unverified" and rule["field"] == "rail_pct"
    # Demo (network distances): U1 39.1 %, U2 14.7 %, U4 0 %, U6 18.0 %; U3 and U5 have no residents
    # (rail_pct NULL) → 0 pass, 4 fail, 2 not assessed against ≥ 40 %.
    assert (rule["n_pass"], rule["n_fail"], rule["n_na"]) == (0, 4, 2)

    # The same rule at ≥ 15 % (own profile): U1 and U6 pass, U2 and U4 fail.
    own = tmp_path / "rail.csv"
    own.write_text(HEADER + "\nRAIL,Rail,轨道,rail_pct,%,master,low_carbon,>=,15,,test,-,unverified\n",
                   encoding="utf-8")
    again = run({"INPUT": units, "PROFILE_FILE": str(own)})
    passed = {f["unit_id"]: f["r_rail"] for f in again["OUTPUT"].getFeatures()}
    assert {u: passed[u] for u in ("U1", "U2", "U4", "U6")} == {"U1": 1, "U2": 0, "U4": 0, "U6": 1}
    assert null(passed["U3"]) and null(passed["U5"])


# ---- land use (applies_to, LANDUSE_FIELD) and units ([unit] in the field map) ------------------
SCOPED_TEXT = HEADER + "\n" + "\n".join([
    "FAR,Floor area ratio,容积率,far,-,detailed,low_carbon,between,1,2.5,test,§1,unverified,0701|R",
    "GREEN,Green ratio,绿地率,green_ratio,0-1,detailed,both,>=,0.30,,test,§2,unverified,07|R",
    "IND,Industrial FAR,工业容积率,far,-,detailed,low_carbon,>=,1.0,,test,§3,unverified,1001|M",
    "AREA,Parcel area,面积,area_ha,ha,detailed,both,<=,2,,test,§4,unverified,",
]) + "\n"


@pytest.fixture
def parcels(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "name:string&field=lu:string&field=far:double"
                      "&field=green_pct:double&field=area_m2:double", [
                          (rect(0, 0, 1, 1), ["res", "0701", 1.0, 30.0, 20000.0]),
                          (rect(2, 0, 1, 1), ["res_r2", "R2", 2.6, 29.0, 25000.0]),
                          (rect(4, 0, 1, 1), ["rural", "0703", 3.0, 35.0, 1000.0]),
                          (rect(6, 0, 1, 1), ["industry", "100101", 0.8, 10.0, 50000.0]),
                          (rect(8, 0, 1, 1), ["park", "1401", None, 80.0, None]),
                          (rect(10, 0, 1, 1), ["unknown", None, 1.5, 40.0, 100.0]),
                      ])


@pytest.fixture
def scoped_file(tmp_path):
    path = tmp_path / "scoped.csv"
    path.write_text(SCOPED_TEXT, encoding="utf-8")
    return str(path)


def test_landuse_field_and_units(provider, parcels, scoped_file, layer_snapshot, log_feedback):
    before = layer_snapshot(parcels)
    feedback = log_feedback()
    result = run({"INPUT": parcels, "PROFILE_FILE": scoped_file, "LANDUSE_FIELD": "lu",
                  "FIELD_MAP": "GREEN=green_pct[%], AREA=area_m2[m2]"}, feedback=feedback)
    out = rows(result["OUTPUT"], "name")
    get = {n: [None if null(out[n][k]) else out[n][k] for k in ("r_far", "r_green", "r_ind", "r_area")]
           for n in out}
    # res 0701: far 1.0 ✓ (edge), 30 % = 0.30 ✓ (edge), IND n/a, 2.0 ha ≤ 2 ✓ (edge)
    assert get["res"] == [1, 1, None, 1]
    # R2: far 2.6 ✗, 0.29 ✗, IND n/a, 2.5 ha ✗
    assert get["res_r2"] == [0, 0, None, 0]
    # 0703 rural homestead: FAR (0701|R) n/a, GREEN (07|R) 0.35 ✓, IND n/a, 0.1 ha ✓
    assert get["rural"] == [None, 1, None, 1]
    # 100101 under 1001: IND 0.8 ✗; FAR, GREEN n/a; 5 ha ✗
    assert get["industry"] == [None, None, 0, 0]
    # 1401 park: only AREA applies, its value is NULL → not assessed
    assert get["park"] == [None, None, None, None]
    # no land-use code: the three scoped rules are not assessed (not "not applicable"); 0.01 ha ✓
    assert get["unknown"] == [None, None, None, 1]
    counts = {n: (out[n]["n_pass"], out[n]["n_fail"], out[n]["n_na"], out[n]["n_nap"]) for n in out}
    assert counts == {"res": (3, 0, 0, 1), "res_r2": (0, 3, 0, 1), "rural": (2, 0, 0, 2),
                      "industry": (0, 2, 0, 2), "park": (0, 0, 1, 3), "unknown": (1, 0, 3, 0)}
    assert [out[n]["score"] for n in ("res", "res_r2", "rural", "industry", "unknown")] == \
        pytest.approx([1.0, 0.0, 1.0, 0.0, 1.0])
    assert null(out["park"]["score"])

    rules = rows(result["TABLE"], "rule_id")
    table = {r: (rules[r]["n_pass"], rules[r]["n_fail"], rules[r]["n_na"], rules[r]["n_nap"]) for r in rules}
    assert table == {"FAR": (1, 1, 1, 3), "GREEN": (2, 1, 1, 2), "IND": (0, 1, 1, 4), "AREA": (3, 2, 1, 0)}
    assert (rules["FAR"]["applies_to"], rules["AREA"]["applies_to"]) == ("0701|R", "")
    assert (rules["GREEN"]["field_unit"], rules["AREA"]["field_unit"], rules["FAR"]["field_unit"]) == ("%", "m2", "")
    # value range in the rule's unit: green 0.30, 0.29, 0.35 (assessed ones only)
    assert [rules["GREEN"][k] for k in ("value_min", "value_max")] == pytest.approx([0.29, 0.35])
    assert [rules["AREA"][k] for k in ("value_min", "value_max")] == pytest.approx([0.01, 5.0])
    log = "\n".join(feedback.lines)
    assert "GREEN: “green_pct” converted from % to 0-1 (× 0.01)" in log
    assert "AREA: “area_m2” converted from m2 to ha (× 0.0001)" in log
    assert "No land-use code field" not in log
    assert layer_snapshot(parcels) == before


def test_applies_to_without_landuse_field_warns_and_applies_to_all(provider, parcels, scoped_file, log_feedback):
    feedback = log_feedback()
    result = run({"INPUT": parcels, "PROFILE_FILE": scoped_file}, feedback=feedback)
    warnings = [line for line in feedback.lines if "No land-use code field" in line]
    assert len(warnings) == 1 and "FAR, GREEN, IND" in warnings[0]
    rules = rows(result["TABLE"], "rule_id")
    # far 1.0, 2.6, 3.0, 0.8, NULL, 1.5 against IND (≥ 1) on every feature: 4 pass, 1 fail, 1 NULL
    assert (rules["IND"]["n_pass"], rules["IND"]["n_fail"], rules["IND"]["n_na"], rules["IND"]["n_nap"]) == (
        4, 1, 1, 0)
    assert all(f["n_nap"] == 0 for f in result["OUTPUT"].getFeatures())


@pytest.mark.parametrize("field_map, message", [
    ("FAR=far[%]", r"rule FAR is in -, which cannot be converted from the field's unit %"),
    ("AREA=area_m2[m]", r"rule AREA is in ha, which cannot be converted from the field's unit m\b"),
    ("AREA=area_m2[acre]", r"rule AREA: unknown unit “acre”"),
    ("AREA=area_m2[]", r"rule_id=field\[unit\]"),
])
def test_unit_errors(provider, parcels, scoped_file, field_map, message):
    with pytest.raises(QgsProcessingException, match=message):
        run({"INPUT": parcels, "PROFILE_FILE": scoped_file, "FIELD_MAP": field_map})


def test_bad_applies_to_names_line(provider, parcels, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("# c\n" + SCOPED_TEXT.replace(",0701|R\n", ",0701||R\n"), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"line 3: rule FAR has applies_to “0701\|\|R”"):
        run({"INPUT": parcels, "PROFILE_FILE": str(path)})


def test_demo_parcels_cn_detailed_by_land_use(provider):
    result = run({"INPUT": f"{DISTRICT}|layername=parcels", "PROFILE": 1, "LANDUSE_FIELD": "lu_code"})
    # Independent: pandas on the GeoPackage table. CN_D_FAR_RES and CN_D_GREEN_RATIO apply to
    # 0701|R (urban housing); the demo has 131 parcels 0701 and no R codes. Without floors or height
    # they check far <= 3.1 and green_ratio >= 0.25 (the most lenient row of GB 50180 Table 4.0.2).
    with sqlite3.connect(str(DISTRICT)) as db:
        data = pd.read_sql("SELECT parcel_id, lu_code, far, green_ratio FROM parcels", db)
    res = data["lu_code"].str.upper().str.startswith(("0701", "R"))
    far_ok = data["far"] <= 3.1 + 1e-12
    green_ok = data["green_ratio"] >= 0.25 - 1e-12
    assert (len(data), res.sum()) == (459, 131)
    built = data["lu_code"].str.startswith(tuple(f"{code:02d}" for code in range(7, 17)))
    assert (~built).sum() == 113 + 30 + 12           # paddy 0101, forest 0301, river 1701
    rules = rows(result["TABLE"], "rule_id")
    far, green = rules["CN_D_FAR_RES"], rules["CN_D_GREEN_RATIO"]
    assert (far["n_pass"], far["n_fail"], far["n_na"], far["n_nap"]) == (
        (res & far_ok).sum(), (res & ~far_ok).sum(), 0, (~res).sum())
    assert (green["n_pass"], green["n_fail"], green["n_na"], green["n_nap"]) == (
        (res & green_ok).sum(), (res & ~green_ok).sum(), 0, (~res).sum())
    # worked out above: residential far 1.2–2.55 → 131 pass (the old flat cap 2.5 failed 3 parcels of
    # 2.51–2.55 that Table 4.0.2 permits in zone III (Jiaxing) from 10 floors up, in every zone from 19);
    # green 0.30–0.40 → 131 pass
    assert (far["n_pass"], far["n_fail"], far["n_nap"]) == (131, 0, 328)
    assert (green["n_pass"], green["n_fail"], green["n_nap"]) == (131, 0, 328)
    assert far["value_mean"] == pytest.approx(data.loc[res, "far"].mean())
    assert (result["RULES_PASSED"], result["RULES_FAILED"], result["RULES_NOT_ASSESSED"]) == (2, 0, 7)
    # Rules not applicable to each parcel, from the profile's applies_to prefixes (worked here with str.startswith).
    profile = pd.read_csv(PROFILES / "cn_detailed.csv", comment="#", dtype=str).fillna("")
    applies = pd.DataFrame({r.rule_id: data["lu_code"].str.upper().str.startswith(tuple(r.applies_to.split("|")))
                            for r in profile.itertuples()})
    out = {f["parcel_id"]: f for f in result["OUTPUT"].getFeatures()}
    for row in data.itertuples():
        feature = out[row.parcel_id]
        n_apply = int(applies.loc[row.Index].sum())
        assessed = int(res[row.Index]) * 2            # FAR and green ratio: the only rules with a field
        assert (feature["n_nap"], feature["n_na"]) == (9 - n_apply, n_apply - assessed), row.lu_code
        if res[row.Index]:
            assert feature["n_nap"] == 0
            assert feature["score"] == pytest.approx((int(far_ok[row.Index]) + int(green_ok[row.Index])) / 2)
        else:
            assert null(feature["score"]) and null(feature["r_cn_d_far_res"])
        if not built[row.Index]:   # farmland, forest, water: no detailed rule applies
            assert feature["n_nap"] == 9


# ---- honest verdicts: too few rules assessed, values from shipped defaults ------------------
HONEST_TEXT = HEADER + "\n" + "\n".join([
    "PARK,Park green,公园绿地,park_green_m2_pc,m2,master,both,>,8,,GB 55014-2021,§2.1.3,verified",
    "GREEN,Green trips,绿色出行,green_share,0-1,master,low_carbon,>=,0.7,,test,§1,unverified",
    "FLOOD,Flood free,不淹,exposed,0/1,master,resilience,==,0,,test,-,unverified",
    "RAIL,Rail,轨道,rail_pct,%,master,low_carbon,>=,40,,test,-,unverified",
]) + "\n"


def test_unit_verdicts_insufficient_data_and_defaults(provider, make_layer, rect, tmp_path, log_feedback):
    profile = tmp_path / "honest.csv"
    profile.write_text(HONEST_TEXT, encoding="utf-8")
    layer = make_layer("Polygon", "EPSG:4549", "name:string&field=park_green_m2_pc:double&field=green_share:double"
                       "&field=green_share_est:integer&field=exposed:integer&field=rail_pct:double", [
                           (rect(0, 0, 1, 1), ["all", 9.0, 0.8, 0, 0, 50.0]),      # 4 of 4 from data: pass
                           (rect(2, 0, 1, 1), ["wetland", 9.0, 0.8, 1, None, None]),  # 1 assessed, 1 default, 2 NULL
                           (rect(4, 0, 1, 1), ["half", 9.0, 0.8, 1, 0, None]),    # 2 of 4 assessed: pass at 50 %
                           (rect(6, 0, 1, 1), ["fails", None, 0.1, 1, 1, None]),  # a failure stands
                           (rect(8, 0, 1, 1), ["nothing", None, 0.9, 1, None, None]),
                       ])
    feedback = log_feedback()
    result = run({"INPUT": layer, "PROFILE_FILE": str(profile)}, feedback=feedback)
    out = rows(result["OUTPUT"], "name")
    verdicts = {n: out[n]["verdict"] for n in out}
    assert verdicts == {"all": "pass", "wetland": "insufficient_data", "half": "pass", "fails": "fail",
                        "nothing": "not_assessed"}
    # green_share from defaults is neither a pass nor a fail
    assert null(out["wetland"]["r_green"]) and out["all"]["r_green"] == 1
    assert [(out[n]["n_pass"], out[n]["n_fail"], out[n]["n_na"], out[n]["n_est"]) for n in out] == [
        (4, 0, 0, 0), (1, 0, 2, 1), (2, 0, 1, 1), (0, 1, 2, 1), (0, 0, 3, 1)]
    rules = rows(result["TABLE"], "rule_id")
    assert (rules["GREEN"]["n_pass"], rules["GREEN"]["n_fail"], rules["GREEN"]["n_est"]) == (1, 0, 4)
    assert rules["GREEN"]["verdict"] == "pass"
    assert "green_share_est" in "\n".join(feedback.lines)
    stricter = run({"INPUT": layer, "PROFILE_FILE": str(profile), "MIN_ASSESSED_SHARE": 75})
    assert {f["name"]: f["verdict"] for f in stricter["OUTPUT"].getFeatures()}["half"] == "insufficient_data"


def test_a_rule_with_only_default_values_is_estimated(provider, make_layer, rect, tmp_path):
    profile = tmp_path / "honest.csv"
    profile.write_text(HONEST_TEXT, encoding="utf-8")
    layer = make_layer("Polygon", "EPSG:4549", "name:string&field=green_share:double&field=green_share_est:integer", [
        (rect(0, 0, 1, 1), ["a", 0.8, 1]), (rect(2, 0, 1, 1), ["b", 0.8, 1])])
    result = run({"INPUT": layer, "PROFILE_FILE": str(profile)})
    rules = rows(result["TABLE"], "rule_id")
    assert rules["GREEN"]["verdict"] == "estimated" and rules["GREEN"]["n_est"] == 2
    assert {f["verdict"] for f in result["OUTPUT"].getFeatures()} == {"not_assessed"}


def test_a_flag_whose_name_a_shapefile_cut_still_counts(provider, make_layer, rect, tmp_path, log_feedback):
    """exposed_est saved in a Shapefile is “exposed_es”: both units' flood values rest on defaults, so the
    rule is estimated, not passed."""
    profile = tmp_path / "honest.csv"
    profile.write_text(HONEST_TEXT, encoding="utf-8")
    layer = make_layer("Polygon", "EPSG:4549", "name:string&field=exposed:integer&field=exposed_est:integer", [
        (rect(0, 0, 1, 1), ["a", 0, 1]), (rect(2, 0, 1, 1), ["b", 0, 1])])
    saved = processing.run("native:savefeatures", {"INPUT": layer, "OUTPUT": str(tmp_path / "units.shp")})["OUTPUT"]
    feedback = log_feedback()
    rules = rows(run({"INPUT": saved, "PROFILE_FILE": str(profile)}, feedback=feedback)["TABLE"], "rule_id")
    assert rules["FLOOD"]["verdict"] == "estimated" and (rules["FLOOD"]["n_pass"], rules["FLOOD"]["n_est"]) == (0, 2)
    assert "“exposed_es” is read as “exposed_est”" in feedback.text


@pytest.mark.parametrize("kind", ["memory", "gpkg"])
def test_a_true_false_field_reads_as_one_and_zero(provider, make_layer, write_gpkg, rect, profile_file, tmp_path,
                                                  kind):
    """A flood flag kept as true/false (a GeoPackage boolean; QGIS 3.40 types a 0/1 CSV column so) is
    the 1/0 the FLOOD rule compares with 0: a and b pass, c fails."""
    values = [("a", False), ("b", False), ("c", True)]
    if kind == "memory":
        layer = make_layer("Polygon", "EPSG:4549", "name:string&field=exposed:boolean",
                           [(rect(20 * i, 0, 10, 10), [name, flag]) for i, (name, flag) in enumerate(values)])
    else:
        from osgeo import ogr
        layer = write_gpkg(tmp_path / "flags.gpkg", "units", 4549, ogr.wkbPolygon,
                           [("name", ogr.OFTString), ("exposed", ogr.OFTInteger, ogr.OFSTBoolean)],
                           [(rect(20 * i, 0, 10, 10), [name, int(flag)]) for i, (name, flag) in enumerate(values)])
    result = run({"INPUT": layer, "PROFILE_FILE": profile_file})
    out = rows(result["OUTPUT"], "name")
    assert [out[name]["r_flood"] for name, _ in values] == [1, 1, 0]
    rules = rows(result["TABLE"], "rule_id")
    assert (rules["FLOOD"]["n_pass"], rules["FLOOD"]["n_fail"], rules["FLOOD"]["n_na"]) == (2, 1, 0)
