"""lcr:planning_check with thresholds by climate zone and height class (GB 50180-2018 Table 4.0.2): the
FLOORS_FIELD, HEIGHT_FIELD and CLIMATE_ZONE parameters on hand-worked parcels, through processing.run."""
import pytest
from qgis.core import QgsProcessingException

import processing

from lcr_toolkit.core import profiles

HEADER = ",".join(profiles.COLUMNS)
# zone III/IV/V rows of the shipped table: floors ≤ 3 / 6 / 9 / 18 / 26 → FAR ≤ 1.2 / 1.6 / 2.1 / 2.8 / 3.1,
# green ≥ 0.25 / 0.30 / 0.30 / 0.35 / 0.35; heights ≤ 18 / 27 / 36 / 54 / 80 m.
PARCELS = [  # name, land use, far, green_ratio, floors, height_m
    ("walkup", "0701", 1.55, 0.30, 5.0, None),       # multi-storey I: 1.55 ≤ 1.6 pass; 0.30 ≥ 0.30 pass
    ("dense_walkup", "0701", 1.70, 0.30, 6.0, None),  # 1.70 > 1.6 fail (the old flat rule 1.0–2.5 passed it)
    ("tower", "0701", 2.90, 0.35, 26.0, None),       # high-rise II: 2.9 ≤ 3.1 pass (the old cap 2.5 failed it)
    ("tower_by_height", "0701", 2.90, 0.32, None, 78.0),  # 78 m → high-rise II: FAR pass, green 0.32 < 0.35 fail
    ("unknown_height", "0701", 2.95, 0.26, None, None),   # class unknown: own thresholds 3.1 / 0.25 → pass, pass
    ("supertall", "0701", 3.5, 0.40, 40.0, 130.0),   # above the table (26 floors / 80 m): not assessed
    ("villas", "R1", 1.1, 0.24, 2.0, 7.0),           # low-rise: 1.1 ≤ 1.2 pass, 0.24 < 0.25 fail
    ("office", "0801", 4.0, 0.10, 20.0, 90.0),       # not residential: not applicable
    ("river", "1701", 0.0, 0.0, None, None),         # water: not applicable
]


@pytest.fixture
def parcels(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "name:string&field=lu:string&field=far:double&field=green_ratio:double"
                      "&field=floors:double&field=height_m:double&field=floors_text:string",
                      [(rect(20 * i, 0, 10, 10), [*row, "5"]) for i, row in enumerate(PARCELS)])


def run(params, **kwargs):
    return processing.run("lcr:planning_check", {"OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT",
                                                 "PROFILE": 1, "LEVEL": 2, "LANDUSE_FIELD": "lu", **params}, **kwargs)


def verdicts(result, field):
    return {f["name"]: (None if f[field] is None or f[field] != f[field] else f[field])
            for f in result["OUTPUT"].getFeatures()}


def test_rows_picked_from_floors_and_height_in_zone_iii(provider, parcels, log_feedback):
    feedback = log_feedback()
    result = run({"INPUT": parcels, "FLOORS_FIELD": "floors", "HEIGHT_FIELD": "height_m", "CLIMATE_ZONE": 3},
                 feedback=feedback)
    far = verdicts(result, "r_cn_d_far_res")
    green = verdicts(result, "r_cn_d_green_ratio")
    assert far == {"walkup": 1, "dense_walkup": 0, "tower": 1, "tower_by_height": 1, "unknown_height": 1,
                   "supertall": None, "villas": 1, "office": None, "river": None}
    assert green == {"walkup": 1, "dense_walkup": 1, "tower": 1, "tower_by_height": 0, "unknown_height": 1,
                     "supertall": None, "villas": 0, "office": None, "river": None}
    out = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    assert out["river"]["n_nap"] == 9 and out["office"]["n_nap"] == 4     # FAR, green, life circle, public green
    rules = {f["rule_id"]: f for f in result["TABLE"].getFeatures()}
    far_rule = rules["CN_D_FAR_RES"]
    assert (far_rule["n_pass"], far_rule["n_fail"], far_rule["n_na"]) == (5, 1, 1)
    # the rule table shows the rule's own threshold: the value used where the height class is unknown
    assert (rules["CN_D_FAR_RES"]["operator"], rules["CN_D_FAR_RES"]["threshold"]) == ("<=", 3.1)
    log = "\n".join(feedback.lines)
    assert "Rule CN_D_FAR_RES: thresholds by climate zone and height class from " \
           "gb50180_residential_blocks.csv:far_max." in log
    # of the 7 residential parcels: 5 by their class, 1 unknown, 1 above the table (26 floors, 80 m)
    assert ("Rule CN_D_FAR_RES: 5 features checked against their height class, 1 against the rule's own threshold "
            "(height class unknown), 1 not assessed (above the table's highest class).") in log
    assert "Rule CN_D_GREEN_RATIO: 1 features are above the highest height class" in log
    assert "No building climate zone chosen" not in log and "No floors or height field" not in log


def test_zone_not_set_is_lenient_and_warns(provider, parcels, log_feedback):
    feedback = log_feedback()
    result = run({"INPUT": parcels, "FLOORS_FIELD": "floors", "HEIGHT_FIELD": "height_m"}, feedback=feedback)
    # zone III rows are the most lenient for these classes: the same verdicts as with zone III
    assert verdicts(result, "r_cn_d_far_res")["dense_walkup"] == 0
    assert "No building climate zone chosen: the rules CN_D_FAR_RES, CN_D_GREEN_RATIO use the most lenient row" \
        in "\n".join(feedback.lines)
    # zone I/VII is stricter: multi-storey I ≤ 1.4, high-rise II ≤ 2.8, low-rise green ≥ 0.30
    strict = run({"INPUT": parcels, "FLOORS_FIELD": "floors", "HEIGHT_FIELD": "height_m", "CLIMATE_ZONE": 1})
    assert verdicts(strict, "r_cn_d_far_res") == {
        "walkup": 0, "dense_walkup": 0, "tower": 0, "tower_by_height": 0, "unknown_height": 1,
        "supertall": None, "villas": 0, "office": None, "river": None}


def test_without_floors_or_height_the_rules_own_threshold_applies(provider, parcels, log_feedback):
    feedback = log_feedback()
    result = run({"INPUT": parcels, "CLIMATE_ZONE": 3}, feedback=feedback)
    # FAR ≤ 3.1 and green ≥ 0.25 everywhere: the supertall parcel (3.5) fails, the villas' 0.24 fails
    assert verdicts(result, "r_cn_d_far_res") == {
        "walkup": 1, "dense_walkup": 1, "tower": 1, "tower_by_height": 1, "unknown_height": 1,
        "supertall": 0, "villas": 1, "office": None, "river": None}
    log = "\n".join(feedback.lines)
    assert "No floors or height field: the rules CN_D_FAR_RES, CN_D_GREEN_RATIO cannot tell" in log
    assert "Rule CN_D_FAR_RES: 0 features checked against their height class, 7 against the rule's own" in log


def test_own_profile_with_its_class_table(provider, parcels, tmp_path):
    (tmp_path / "local.csv").write_text(
        "climate_zone,height_class,floors_max,height_max_m,far_max,source,clause,status\n"
        "III_IV_V,low,6,20,1.5,local,§1,verified\nIII_IV_V,high,30,100,2.5,local,§2,verified\n", encoding="utf-8")
    (tmp_path / "own.csv").write_text(
        HEADER + "\nFAR,FAR,容积率,far,-,detailed,low_carbon,<=,2.5,,local,§1,verified,07|R,local.csv:far_max\n",
        encoding="utf-8")
    result = run({"INPUT": parcels, "PROFILE_FILE": str(tmp_path / "own.csv"), "FLOORS_FIELD": "floors",
                  "HEIGHT_FIELD": "height_m", "CLIMATE_ZONE": 3})
    assert verdicts(result, "r_far") == {
        "walkup": 0, "dense_walkup": 0, "tower": 0, "tower_by_height": 0, "unknown_height": 0,
        "supertall": None, "villas": 1, "office": None, "river": None}


def test_bad_class_parameters(provider, parcels, tmp_path, log_feedback):
    # floors kept as text are read as numbers ("5" and "5层" alike), not refused
    feedback = log_feedback()
    run({"INPUT": parcels, "FLOORS_FIELD": "floors_text"}, feedback=feedback)
    assert "the text field “floors_text” is read as numbers" in feedback.text
    assert "hold no number" not in feedback.text
    (tmp_path / "own.csv").write_text(
        HEADER + "\nFAR,FAR,容积率,far,-,detailed,low_carbon,between,1,2.5,local,§1,verified,07|R,local.csv:far_max\n",
        encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"line 2: rule FAR takes its threshold from a class table"):
        run({"INPUT": parcels, "PROFILE_FILE": str(tmp_path / "own.csv")})
    (tmp_path / "own.csv").write_text(
        HEADER + "\nFAR,FAR,容积率,far,-,detailed,low_carbon,<=,2.5,,local,§1,verified,07|R,nowhere.csv:far_max\n",
        encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"The class table nowhere.csv named in the profile"):
        run({"INPUT": parcels, "PROFILE_FILE": str(tmp_path / "own.csv")})


def test_zone_missing_from_an_own_class_table(provider, parcels, tmp_path):
    (tmp_path / "local.csv").write_text(
        "climate_zone,height_class,floors_max,height_max_m,far_max,source,clause,status\n"
        "III_IV_V,all,30,100,2.5,local,§1,verified\n", encoding="utf-8")
    (tmp_path / "own.csv").write_text(
        HEADER + "\nFAR,FAR,容积率,far,-,detailed,low_carbon,<=,2.5,,local,§1,verified,07|R,local.csv:far_max\n",
        encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"has no rows for the climate zone I_VII; its zones are: III_IV_V"):
        run({"INPUT": parcels, "PROFILE_FILE": str(tmp_path / "own.csv"), "CLIMATE_ZONE": 1})
