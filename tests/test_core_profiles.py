"""core.profiles: loading and validating standards profiles, and evaluating rules (hand-worked values)."""
import glob
import os

import numpy as np
import pandas as pd
import pytest

from lcr_toolkit.core import profiles, units
from lcr_toolkit.core.errors import InputError

PROFILE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "resources", "profiles")
HEADER = ",".join(profiles.COLUMNS)


def rule(rule_id="R1", indicator="x", op=">=", low="1", high="", level="detailed", side="both", status="verified",
         applies_to=None, unit="u"):
    text = f"{rule_id},name,名称,{indicator},{unit},{level},{side},{op},{low},{high},src,§1,{status}"
    return text if applies_to is None else f"{text},{applies_to}"


def write(tmp_path, *rows, comments=0):
    path = tmp_path / "p.csv"
    path.write_text("".join("# note\n" for _ in range(comments)) + HEADER + "\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    return str(path)


def nan_list(a):
    return [None if np.isnan(v) else v for v in np.asarray(a, float)]


# ---- comparisons ------------------------------------------------------------------------------
@pytest.mark.parametrize("op, expected", [
    # values:    7.99, 8.0, 8.0+1e-12 (equal within 1e-9 relative), 8.01, NaN
    (">=", [0, 1, 1, 1, None]),
    (">", [0, 0, 0, 1, None]),
    ("<=", [1, 1, 1, 0, None]),
    ("<", [1, 0, 0, 0, None]),
    ("==", [0, 1, 1, 0, None]),
])
def test_every_operator_with_edge_equality(op, expected):
    values = [7.99, 8.0, 8.0 + 1e-12, 8.01, np.nan]
    assert nan_list(profiles.compare(values, op, 8.0)) == expected


def test_between_is_inclusive_at_both_ends():
    values = [0.99, 1.0, 1.7, 2.5, 2.5000001, np.nan]
    # 2.5000001 differs from 2.5 by 4e-8 relative > 1e-9: outside
    assert nan_list(profiles.compare(values, "between", 1.0, 2.5)) == [0, 1, 1, 1, 0, None]


@pytest.mark.parametrize("op, expected", [
    # values: 100 (1 − 2e-9), 100 (1 − 0.5e-9), 100 (1 + 0.5e-9), 100 (1 + 2e-9): the middle two
    # are within RTOL = 1e-9 of 100 and count as equal to it, the outer two do not
    (">=", [0, 1, 1, 1]),
    (">", [0, 0, 0, 1]),
    ("<=", [1, 1, 1, 0]),
    ("<", [1, 0, 0, 0]),
    ("==", [0, 1, 1, 0]),
])
def test_tolerance_edge_1e_9(op, expected):
    values = [100 * (1 - 2e-9), 100 * (1 - 0.5e-9), 100 * (1 + 0.5e-9), 100 * (1 + 2e-9)]
    assert nan_list(profiles.compare(values, op, 100.0)) == expected


def test_between_tolerance_at_both_ends():
    values = [10 * (1 - 2e-9), 10 * (1 - 0.5e-9), 20 * (1 + 0.5e-9), 20 * (1 + 2e-9), None]
    assert nan_list(profiles.compare(values, "between", 10.0, 20.0)) == [0, 1, 1, 0, None]


def test_tolerance_is_relative():
    # 0.1 + 0.2 = 0.30000000000000004 meets == 0.3; 0.3 + 1e-6 does not; 0 == 0 exactly
    assert nan_list(profiles.compare([0.1 + 0.2, 0.3 + 1e-6], "==", 0.3)) == [1, 0]
    assert nan_list(profiles.compare([0.0, 1e-12], "==", 0.0)) == [1, 0]


# ---- evaluation -------------------------------------------------------------------------------
@pytest.fixture
def profile(tmp_path):
    return profiles.load_profile(write(
        tmp_path, rule("PARK", "park", ">", "8"), rule("FAR", "far", "between", "1", "2.5", status="unverified"),
        rule("FLOOD", "exposed", "==", "0", level="master"), rule("NOFIELD", "absent", "<=", "5")))


def test_evaluate_scores_counts_and_verdicts(profile):
    values = pd.DataFrame({"PARK": [9.0, 8.0, np.nan], "FAR": [1.5, 3.0, 2.5], "FLOOD": [0.0, 0.0, 0.0]})
    results = profiles.evaluate(values, profile)
    assert nan_list(results["PARK"]) == [1, 0, None]
    assert nan_list(results["FAR"]) == [1, 0, 1]
    assert nan_list(results["FLOOD"]) == [1, 1, 1]
    assert nan_list(results["NOFIELD"]) == [None, None, None]
    summary = profiles.feature_summary(results)
    # feature 0: 3 pass of 3 assessed → 1.0; feature 1: 1 of 3 → 1/3; feature 2: 2 of 2 → 1.0
    assert summary["score"].tolist() == pytest.approx([1.0, 1 / 3, 1.0])
    assert summary["n_pass"].tolist() == [3, 1, 2]
    assert summary["n_fail"].tolist() == [0, 2, 0]
    assert summary["n_na"].tolist() == [1, 1, 2]
    # two chunks added up give the same as one
    total = profiles.add_tallies(profiles.tally(values.iloc[:2], results.iloc[:2]),
                                 profiles.tally(values.iloc[2:], results.iloc[2:]))
    table = profiles.rule_verdicts(profile, ["park", "far", "exposed", None], total).set_index("rule_id")
    assert table["verdict"].to_dict() == {"PARK": "fail", "FAR": "fail", "FLOOD": "pass", "NOFIELD": "not_assessed"}
    assert table.loc["PARK", ["n_pass", "n_fail", "n_na"]].tolist() == [1, 1, 1]
    # PARK values assessed: 9, 8 → min 8, mean 8.5, max 9; FAR 1.5, 3, 2.5 → mean 7/3
    assert table.loc["PARK", ["value_min", "value_mean", "value_max"]].tolist() == pytest.approx([8, 8.5, 9])
    assert table.loc["FAR", "value_mean"] == pytest.approx(7 / 3)
    assert np.isnan(table.loc["NOFIELD", "value_mean"])
    assert table.loc["NOFIELD", "field"] == ""
    assert table.loc["FAR", "status"] == "unverified"


def test_no_assessed_rule_gives_null_score(profile):
    results = profiles.evaluate(pd.DataFrame({"PARK": [np.nan]}), profile)
    summary = profiles.feature_summary(results)
    assert np.isnan(summary["score"][0]) and summary["n_na"][0] == 4


def test_select_level(profile):
    assert list(profiles.select_level(profile, "master")["rule_id"]) == ["FLOOD"]
    assert list(profiles.select_level(profile, "detailed")["rule_id"]) == ["PARK", "FAR", "NOFIELD"]
    assert len(profiles.select_level(profile, None)) == 4


# ---- fields -----------------------------------------------------------------------------------
def test_field_map_and_indicator_fallback(profile):
    mapping = profiles.parse_field_map(" park = green_pc , far=FAR_X", list(profile["rule_id"]))
    assert mapping == {"PARK": "green_pc", "FAR": "FAR_X"}
    # FAR mapped case-insensitively to far_x; FLOOD falls back to its indicator "exposed"; NOFIELD: none
    fields = profiles.resolve_fields(profile, ["green_pc", "far_x", "exposed", "far"], mapping)
    assert fields == ["green_pc", "far_x", "exposed", None]


@pytest.mark.parametrize("text, kind", [("PARK", "field_map_syntax"), ("PARK=", "field_map_syntax"),
                                        ("NOPE=x", "field_map_unknown_rule"),
                                        ("PARK=a,park=b", "field_map_repeated")])
def test_bad_field_map(profile, text, kind):
    with pytest.raises(InputError) as err:
        profiles.parse_field_map(text, list(profile["rule_id"]))
    assert err.value.kind == kind


def test_mapped_field_must_exist(profile):
    with pytest.raises(InputError) as err:
        profiles.resolve_fields(profile, ["a"], {"PARK": "green_pc"})
    assert err.value.kind == "field_map_missing_field"


def test_rule_field_names_lower_truncated_unique():
    names = profiles.rule_field_names(["CN_M_PARK_GREEN_PC", "A-B", "VERY_LONG_RULE_ID_NUMBER_1",
                                       "VERY_LONG_RULE_ID_NUMBER_2"])
    # "r_very_long_rule_id_number_1" cut to 20 → "r_very_long_rule_id_"; the clash becomes "..._2"
    assert names == ["r_cn_m_park_green_pc", "r_a_b", "r_very_long_rule_id_", "r_very_long_rule_i_2"]
    assert all(len(n) <= 20 for n in names)


# ---- malformed profiles -----------------------------------------------------------------------
@pytest.mark.parametrize("bad_row, kind", [
    (rule("B", op="=>"), "profile_bad_operator"),
    (rule("B", low="eight"), "profile_bad_threshold"),
    (rule("B", op="between", low="1"), "profile_between_no_high"),
    (rule("B", op="between", low="2", high="2"), "profile_high_not_above"),
    (rule("B", op="between", low="2", high="x"), "profile_bad_threshold"),
    (rule("B", op=">=", low="2", high="3"), "profile_high_not_between"),
    (rule("A"), "profile_duplicate_rule"),
    (rule("B", level="regional"), "profile_bad_choice"),
    (rule("B", side="water"), "profile_bad_choice"),
    (rule("B", status="maybe"), "profile_bad_choice"),
    (rule("", ), "profile_empty_value"),
])
@pytest.mark.parametrize("comments", [0, 3])
def test_malformed_profile_names_the_line(tmp_path, bad_row, kind, comments):
    # header on line 1 (+ comments), good rule A on the next line, the bad rule on the one after
    path = write(tmp_path, rule("A"), bad_row, comments=comments)
    with pytest.raises(InputError) as err:
        profiles.load_profile(path)
    assert err.value.kind == kind
    assert err.value.params["line"] == 3 + comments


def test_missing_columns(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("rule_id,indicator,operator,threshold\nA,x,>=,1\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        profiles.load_profile(str(path))
    assert err.value.kind == "table_missing_columns"
    assert "status" in err.value.params["columns"]


def test_negative_threshold_and_case(tmp_path):
    prof = profiles.load_profile(write(tmp_path, rule("A", op="<", low="-40", level="Master", status="VERIFIED")))
    assert prof["threshold"][0] == -40 and prof["level"][0] == "master" and prof["status"][0] == "verified"
    assert np.isnan(prof["threshold_high"][0])


# ---- shipped profiles -------------------------------------------------------------------------
SHIPPED = sorted(glob.glob(os.path.join(PROFILE_DIR, "*.csv")))


def test_every_listed_profile_is_shipped():
    from lcr_toolkit.algorithms.planning_check import PROFILES  # noqa: PLC0415
    assert sorted(os.path.basename(p)[:-4] for p in SHIPPED) == sorted(PROFILES)


@pytest.mark.parametrize("path", SHIPPED, ids=os.path.basename)
def test_shipped_profiles_load(path):
    prof = profiles.load_profile(path)
    assert len(prof) >= 4
    assert set(prof["status"]) <= {"verified", "unverified"}
    assert all(len(n) <= 20 for n in profiles.rule_field_names(prof["rule_id"]))
    assert len(set(profiles.rule_field_names(prof["rule_id"]))) == len(prof)  # no suffix needed


def test_shipped_verified_values():
    master = profiles.load_profile(os.path.join(PROFILE_DIR, "cn_master.csv")).set_index("rule_id")
    # GB 55014-2021 §2.1.3: per-capita park green > 8 m², service coverage > 80 % [V]
    assert master.loc["CN_M_PARK_GREEN_PC", ["operator", "threshold", "status"]].tolist() == [">", 8, "verified"]
    assert master.loc["CN_M_PARK_COV", ["operator", "threshold", "status"]].tolist() == [">", 80, "verified"]
    detailed = profiles.load_profile(os.path.join(PROFILE_DIR, "cn_detailed.csv")).set_index("rule_id")
    # GB 50180-2018 Table 4.0.2 by climate zone and height class (class table unverified); the rule's own
    # threshold is the table's most lenient value, used where the height class is unknown
    assert detailed.loc["CN_D_GREEN_RATIO", ["operator", "threshold", "status", "by_class"]].tolist() == [
        ">=", 0.25, "unverified", "gb50180_residential_blocks.csv:green_min"]
    assert detailed.loc["CN_D_FAR_RES", ["operator", "threshold", "status", "by_class"]].tolist() == [
        "<=", 3.1, "unverified", "gb50180_residential_blocks.csv:far_max"]
    # GB 50180-2018 §4.0.4, 2.0 m²/person, and GB 50413-2007 §8.2.10, 500 m: clauses quoted in secondary sources
    assert detailed.loc["CN_D_PUB_GREEN_15", ["threshold", "status"]].tolist() == [2.0, "verified"]
    assert detailed.loc["CN_D_SHELTER_REACH", ["threshold", "status", "clause"]].tolist() == [
        500, "verified", "GB 50413-2007 §8.2.10"]
    # 2 m² is per evacuee (GB 50413-2007 §8.2.8), not per resident: the per-resident target is local
    assert master.loc["CN_M_SHELTER_PC", ["threshold", "status"]].tolist() == [0.3, "unverified"]
    assert "local" in master.loc["CN_M_SHELTER_PC", "name_en"]
    eu = profiles.load_profile(os.path.join(PROFILE_DIR, "eu_generic.csv")).set_index("rule_id")
    assert eu.loc["EU_NL_NATURE_500", ["threshold", "status"]].tolist() == [60, "verified"]
    assert eu.loc["EU_COM_CO2_2030", "threshold"] == 40


# ---- applies_to and land use ------------------------------------------------------------------
def test_applies_to_column_is_optional_and_normalised(tmp_path):
    old = tmp_path / "old.csv"
    old.write_text(",".join(profiles.REQUIRED_COLUMNS) + "\n" + rule("A") + "\n", encoding="utf-8")
    assert profiles.load_profile(str(old))["applies_to"].tolist() == [""]
    # new header, a row without the last field, and codes with spaces around and lower case
    prof = profiles.load_profile(write(tmp_path, rule("A"), rule("B", applies_to=" 07 | r2 ")))
    assert prof["applies_to"].tolist() == ["", "07|R2"]


@pytest.mark.parametrize("codes", ["07||08", "07 08", "07;08", "|07"])
def test_bad_applies_to_names_the_line(tmp_path, codes):
    path = write(tmp_path, rule("A"), rule("B", applies_to=codes), comments=2)
    with pytest.raises(InputError) as err:
        profiles.load_profile(path)
    assert err.value.kind == "profile_bad_applies_to"
    assert (err.value.params["line"], err.value.params["rule"]) == (5, "B")


@pytest.fixture
def scoped(tmp_path):
    return profiles.load_profile(write(
        tmp_path, rule("RES", "far", "between", "1", "2.5", applies_to="07|R"),
        rule("IND", "far", ">=", "1", applies_to="1001|m1"), rule("ALL", "far", "<=", "3")))


def test_rule_scope_prefix_matching(scoped):
    codes = ["0701", "070101", "07", "0", "0801", "r2", " R ", "1001", "10", "M1", "M2", None, ""]
    scope = profiles.rule_scope(scoped, codes)
    # 07 covers 0701, 070101 and 07 itself but not 0; R covers r2 and R (case, spaces ignored);
    # 1001 does not cover 10; M1 does not cover M2; missing codes are unknown (NaN)
    assert nan_list(scope["RES"]) == [1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, None, None]
    assert nan_list(scope["IND"]) == [0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, None, None]
    assert nan_list(scope["ALL"]) == [1] * 13


def test_not_applicable_counts(scoped):
    codes = ["0701", "1001", "0801", None]
    values = pd.DataFrame({"RES": [2.0, 2.0, 9.0, 2.0], "IND": [2.0, 0.5, 9.0, 2.0], "ALL": [2.0, 0.5, 9.0, np.nan]})
    scope = profiles.rule_scope(scoped, codes)
    results = profiles.evaluate(values, scoped, scope)
    # 0701: RES 2 ✓, IND n/a, ALL 2 ✓ → 2/2, 1 n/a
    # 1001: RES n/a, IND 0.5 ✗, ALL 0.5 ✓ → 1/2, 1 n/a
    # 0801: RES n/a, IND n/a, ALL 9 ✗ → 0/1, 2 n/a
    # None: RES and IND unknown land use → not assessed; ALL NaN → not assessed → 3 n/a(ssessed)
    assert nan_list(results["RES"]) == [1, None, None, None]
    assert nan_list(results["IND"]) == [None, 0, None, None]
    assert nan_list(results["ALL"]) == [1, 1, 0, None]
    summary = profiles.feature_summary(results, scope)
    assert summary["n_pass"].tolist() == [2, 1, 0, 0]
    assert summary["n_fail"].tolist() == [0, 1, 1, 0]
    assert summary["n_na"].tolist() == [0, 0, 0, 3]
    assert summary["n_nap"].tolist() == [1, 1, 2, 0]
    assert nan_list(summary["score"]) == [1.0, 0.5, 0.0, None]
    # two chunks: the tallies add up
    total = profiles.add_tallies(profiles.tally(values.iloc[:2], results.iloc[:2], scope.iloc[:2]),
                                 profiles.tally(values.iloc[2:], results.iloc[2:], scope.iloc[2:]))
    table = profiles.rule_verdicts(scoped, ["far"] * 3, total).set_index("rule_id")
    assert table.loc["RES", ["n_pass", "n_fail", "n_na", "n_nap"]].tolist() == [1, 0, 1, 2]
    assert table.loc["IND", ["n_pass", "n_fail", "n_na", "n_nap"]].tolist() == [0, 1, 1, 2]
    assert table.loc["ALL", ["n_pass", "n_fail", "n_na", "n_nap"]].tolist() == [2, 1, 1, 0]
    # value range only over assessed features: RES read 2.0 once; n/a values (9.0) left out
    assert table.loc["RES", ["value_min", "value_max"]].tolist() == [2.0, 2.0]
    assert table.loc["RES", "applies_to"] == "07|R" and table.loc["ALL", "applies_to"] == ""
    assert table.loc["RES", "verdict"] == "pass" and table.loc["IND", "verdict"] == "fail"


def test_without_scope_every_rule_applies(scoped):
    values = pd.DataFrame({"RES": [2.0], "IND": [0.5], "ALL": [9.0]})
    summary = profiles.feature_summary(profiles.evaluate(values, scoped), None)
    assert summary[["n_pass", "n_fail", "n_na", "n_nap"]].iloc[0].tolist() == [1, 2, 0, 0]


# ---- units ------------------------------------------------------------------------------------
@pytest.mark.parametrize("source, target, expected", [
    ("%", "0-1", 0.01), ("0-1", "%", 100.0), ("‰", "%", 0.1), ("pct", "ratio", 0.01),
    ("ha", "m2", 1e4), ("m2", "ha", 1e-4), ("km2", "ha", 100.0), ("m²", "m2", 1.0), ("mu", "m2", 1e4 / 15),
    ("亩", "ha", 1 / 15), ("km", "m", 1000.0), ("m", "km", 0.001), ("kg", "t", 0.001), ("t", "kg", 1000.0),
    ("kg/person·a", "t/person·a", 0.001), ("kg/person/a", "t/person·a", 0.001), ("t/cap.a", "kg/person*a", 1000.0),
    ("m2/10k people", "m2/person", 1e-4), ("m2/万人", "m2/person", 1e-4), ("ha/1000 people", "m2/person", 10.0),
    ("m2/person", "m2/10k people", 1e4), ("trees", "Trees", 1.0), ("-", "-", 1.0),
])
def test_unit_factors(source, target, expected):
    assert units.factor(source, target) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("source, target, kind", [
    ("m2", "m", "unit_incompatible"), ("%", "-", "unit_incompatible"), ("t/person", "t/person·a", "unit_incompatible"),
    ("kg", "m2/person", "unit_incompatible"), ("0/1", "%", "unit_unknown"), ("furlong", "m", "unit_unknown"),
])
def test_unit_errors(source, target, kind):
    with pytest.raises(InputError) as err:
        units.factor(source, target)
    assert err.value.kind == kind


def test_field_map_units(tmp_path):
    prof = profiles.load_profile(write(tmp_path, rule("GREEN", "green_ratio", unit="0-1"),
                                       rule("AREA", "a", unit="ha"), rule("FAR", "far", unit="-")))
    text = "green = green_pct [%], AREA=a_m2[m2], far=far"
    assert profiles.parse_field_map(text, prof["rule_id"]) == {"GREEN": "green_pct", "AREA": "a_m2", "FAR": "far"}
    field_units = profiles.parse_field_units(text, prof["rule_id"])
    assert field_units == {"GREEN": "%", "AREA": "m2"}
    assert profiles.unit_factors(prof, field_units) == pytest.approx({"GREEN": 0.01, "AREA": 1e-4})
    with pytest.raises(InputError) as err:
        profiles.unit_factors(prof, {"FAR": "%"})
    assert (err.value.kind, err.value.params) == (
        "field_map_unit_incompatible", {"rule": "FAR", "field_unit": "%", "rule_unit": "-"})
    with pytest.raises(InputError) as err:
        profiles.unit_factors(prof, {"AREA": "acre"})
    assert err.value.kind == "field_map_unit_unknown" and err.value.params["rule"] == "AREA"


@pytest.mark.parametrize("text", ["GREEN=g[]", "GREEN=g[%", "GREEN=[%]", "GREEN=g[%][%]"])
def test_field_map_unit_syntax(tmp_path, text):
    prof = profiles.load_profile(write(tmp_path, rule("GREEN", "g")))
    with pytest.raises(InputError) as err:
        profiles.parse_field_map(text, prof["rule_id"])
    assert err.value.kind == "field_map_syntax"


def test_shipped_applies_to():
    detailed = profiles.load_profile(os.path.join(PROFILE_DIR, "cn_detailed.csv")).set_index("rule_id")
    # GB 50180-2018 is for urban residential areas: urban housing land only
    for rule in ("CN_D_FAR_RES", "CN_D_GREEN_RATIO", "CN_D_LC_COMPLETE", "CN_D_PUB_GREEN_15"):
        assert detailed.loc[rule, "applies_to"] == "0701|R", rule
    # sponge-city targets: construction land of the 用地用海分类 (07–16) and of GB 50137
    for rule in ("CN_D_RUNOFF_CTRL", "CN_D_RETENTION"):
        assert detailed.loc[rule, "applies_to"] == "07|08|09|10|11|12|13|14|15|16|R|A|B|M|W|S|U|G", rule
    # where people live or work; built land with buildings or networks
    assert detailed.loc["CN_D_SHELTER_REACH", "applies_to"] == "07|08|09|10|11|R|A|B|M|W"
    for rule in ("CN_D_FLOOD_FREE", "CN_D_PV_SHARE"):
        assert detailed.loc[rule, "applies_to"] == "07|08|09|10|11|12|13|15|R|A|B|M|W|S|U", rule
    park = profiles.load_profile(os.path.join(PROFILE_DIR, "cn_industrial_park.csv")).set_index("rule_id")
    assert park.loc["CN_IP_FAR", "applies_to"] == "1001|M"


@pytest.mark.parametrize("counts, verdict", [
    ((3, 0, 0, 0), "pass"),
    ((1, 0, 1, 0), "pass"),                 # half the rules assessed: enough at the default 50 %
    ((2, 0, 10, 0), "insufficient_data"),   # the wetland unit of the demo: 2 of 12
    ((1, 0, 0, 2), "insufficient_data"),    # values from shipped defaults are not assessed from data
    ((0, 1, 10, 1), "fail"),                # a failure stands however little was assessed
    ((0, 0, 5, 1), "not_assessed"),
    ((0, 0, 0, 0), "not_assessed"),
])
def test_unit_verdict(counts, verdict):
    assert profiles.unit_verdict(*[[c] for c in counts]).tolist() == [verdict]


def test_unit_verdict_minimum_share():
    assert profiles.unit_verdict([3], [0], [1], [0], min_share=0.8).tolist() == ["insufficient_data"]
    assert profiles.unit_verdict([4], [0], [1], [0], min_share=0.8).tolist() == ["pass"]


def test_impossible_values_by_indicator_and_unit(tmp_path):
    frame = profiles.load_profile(write(
        tmp_path, rule("FAR", "far", unit="-"), rule("GREEN", "green_ratio", unit="0-1"),
        rule("DIST", "shelter_m", unit="m"), rule("NET", "net_t_cap", op="<=", low="7", unit="t/person·a"),
        rule("PCT", "green_pct", unit="%")))
    raw = pd.DataFrame({"FAR": [1.5, -5, 9999, 999, np.nan], "GREEN": [0.3, -0.1, 9999, 0, 1],
                        "DIST": [300, -1, 9999, 999, 99999], "NET": [-3, -9999, 9999, 2, 0],
                        "PCT": [40, 9999, -999, 100, 99999]})
    bad = profiles.impossible_values(raw, frame)
    # FAR and shares: negative or a positive nodata code; a distance: negative only (9999 m can be real);
    # a net amount (a difference): anything finite
    assert bad["FAR"].tolist() == [False, True, True, True, False]
    assert bad["GREEN"].tolist() == [False, True, True, False, False]
    assert bad["DIST"].tolist() == [False, True, False, False, False]
    assert bad["NET"].tolist() == [False] * 5
    assert bad["PCT"].tolist() == [False, True, True, False, True]


def test_per_resident_rules_of_the_master_profile():
    profile = profiles.load_profile(os.path.join(PROFILE_DIR, "cn_master.csv"))
    # m2/person (4), t/person·a (1) and the shelter capacity per 100 residents (%); not the shares of residents
    # reached (park_cov_pct, full_pct, rail_pct), which stay between 0 and 100 %.
    assert profiles.per_resident_rules(profile) == [
        "CN_M_PARK_GREEN_PC", "CN_M_COMP_PARK_PC", "CN_M_COMM_PARK_PC", "CN_M_SHELTER_PC", "CN_M_SHELTER_CAP",
        "CN_M_CO2_PC"]


def test_withhold_few_residents():
    results = pd.DataFrame({"P": [1.0, 0.0, 1.0, np.nan, 1.0], "F": [1.0, 1.0, 0.0, 1.0, 1.0]})
    residents = [5.0, 100.0, 99.0, 3.0, np.nan]
    out, counts = profiles.withhold_few_residents(results, ["P"], residents, 100)
    # 5 and 99 residents lose their verdict; 3 residents had none to lose; 100 and unknown keep theirs
    assert np.isnan(out["P"].to_numpy()[[0, 2, 3]]).all() and out["P"].to_numpy()[[1, 4]].tolist() == [0.0, 1.0]
    assert counts == {"P": 2} and out["F"].equals(results["F"])
    assert profiles.withhold_few_residents(results, ["P"], residents, 0)[1] == {}
    assert profiles.withhold_few_residents(results, ["P"], None, 100)[0] is results


def test_alias_fields_and_text_values():
    profile = pd.DataFrame({"rule_id": ["FAR", "GREEN", "PV"], "indicator": ["far", "green_ratio", "pv_share"]})
    aliases = profiles.load_aliases(os.path.join(os.path.dirname(PROFILE_DIR), "fields", "field_aliases.csv"))
    fields, used = profiles.alias_fields(profile, [None, None, "pv_share"], ["地块编号", "容积率", "GREENING_RATIO",
                                                                             "pv_share"], aliases)
    assert fields == ["容积率", "GREENING_RATIO", "pv_share"] and set(used) == {"FAR", "GREEN"}
    numbers, percent, unreadable = profiles.text_values(["35%", "０.３", "30 %", "", "n/a", 0.4], "0-1")
    assert numbers[:3] == pytest.approx([0.35, 0.3, 0.30]) and np.isnan(numbers[3:5]).all() and numbers[5] == 0.4
    assert percent.tolist() == [True, False, True, False, False, False]
    assert unreadable.tolist() == [False, False, False, False, True, False]
    assert profiles.text_values(["35%"], "%")[0].tolist() == [35.0]
    numbers, percent, unreadable = profiles.text_values(["35%", "2.5"], "-")     # a FAR is never in per cent
    assert np.isnan(numbers[0]) and numbers[1] == 2.5 and unreadable.tolist() == [True, False]
