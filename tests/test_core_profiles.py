"""core.profiles: loading and validating standards profiles, and evaluating rules (hand-worked values)."""
import glob
import os

import numpy as np
import pandas as pd
import pytest

from lcr_toolkit.core import profiles
from lcr_toolkit.core.errors import InputError

PROFILE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "resources", "profiles")
HEADER = ",".join(profiles.COLUMNS)


def rule(rule_id="R1", indicator="x", op=">=", low="1", high="", level="detailed", side="both", status="verified"):
    return f"{rule_id},name,名称,{indicator},u,{level},{side},{op},{low},{high},src,§1,{status}"


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
    assert detailed.loc["CN_D_GREEN_RATIO", ["threshold", "status"]].tolist() == [0.30, "unverified"]
    eu = profiles.load_profile(os.path.join(PROFILE_DIR, "eu_generic.csv")).set_index("rule_id")
    assert eu.loc["EU_NL_NATURE_500", ["threshold", "status"]].tolist() == [60, "verified"]
    assert eu.loc["EU_COM_CO2_2030", "threshold"] == 40
