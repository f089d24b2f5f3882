"""core.recheck (matching, merging, comparing two checks) and core.report_measures (the report's measures section),
on hand-worked numbers."""
import numpy as np
import pandas as pd
import pytest

from lcr_toolkit.core import recheck, report_measures
from lcr_toolkit.core.errors import InputError


def test_match_by_id_text_or_number():
    # 7.0 and "7" are the same parcel; "x" is not among the sources; None never matches.
    assert recheck.match([7.0, "x", "b", None], ["b", "7"]).tolist() == [1, -1, 0, -1]
    with pytest.raises(InputError) as err:
        recheck.match(["a"], ["a", "b", "a", "a"])
    assert err.value.kind == "duplicate_ids" and err.value.params == {"value": "a", "count": 2}


def test_merge_keeps_own_values_where_there_is_no_proposal():
    merged, n = recheck.merge_values([5.0, np.nan, 1.0, 2.0], [12.0, np.nan, 4.0], np.array([0, 2, -1, 1]))
    # row 3's proposal is NaN: it keeps its 2.0
    assert merged.tolist() == [12.0, 4.0, 1.0, 2.0] and n == 2


def test_compare_counts_and_changes():
    rules = [("r_a", "A", "Rule a", "规则甲"), ("r_b", "B", "Rule b", "规则乙")]
    before = {"r_a": np.array([0, 0, 1, np.nan]), "r_b": np.array([1, 1, 1, 1.0])}
    after = {"r_a": np.array([1, 0, 0, 1, 1])}          # r_b gone: all n/a after; one unit more (e)
    table, changes = recheck.compare(rules, before, after, ["p", "q", "r", "s"], ["q", "p", "r", "s", "e"])
    a, b = table.to_dict("records")
    # A before: p 0, q 0, r 1, s NaN; after: q 1, p 0, r 0, s 1, e 1.
    assert [a[k] for k in recheck.TABLE_COLUMNS[3:]] == [1, 2, 1, 3, 2, 0, 1, 1]
    assert [b[k] for k in recheck.TABLE_COLUMNS[3:]] == [4, 0, 0, 0, 0, 5, 0, 0]
    got = sorted(zip(changes["id"], changes["rule_id"], changes["before"], changes["after"]))
    assert got == [("p", "B", "pass", "n/a"), ("q", "A", "fail", "pass"), ("q", "B", "pass", "n/a"),
                   ("r", "A", "pass", "fail"), ("r", "B", "pass", "n/a"), ("s", "A", "n/a", "pass"),
                   ("s", "B", "pass", "n/a")]                  # e has no "before": no change listed


def test_measure_kinds_and_rows():
    assert report_measures.kind_of(["add_m3", "short_m3", "x"]) == report_measures.LID
    assert report_measures.kind_of(["fac_type", "new_pop"]) == report_measures.SITE
    assert report_measures.kind_of(["pv_t", "retro_t", "green_t", "left_t"]) == report_measures.CARBON
    assert report_measures.kind_of(["pv_t"]) is None
    lid = report_measures.measure_frame({"add_m3": [10.0, 0.0, 1234.5], "add_area_m2": [50.0, 0.0, 6000.0],
                                         "short_m3": [0.0, 0.0, 3.25]}, ["a", "b", "c"], report_measures.LID)
    headers, rows, classes = report_measures.measure_table(lid, "en")
    assert headers == ["Unit", "Measure", "Amount", "Effect"]
    assert rows == [["c", "LID storage", "1,234 m³ in 6,000 m² of measures",
                     "cannot hold the design rainfall on site: 3.2 m³ short"],
                    ["a", "LID storage", "10 m³ in 50 m² of measures", "holds the design rainfall"]]
    assert classes == ["fail", "pass"]
    assert report_measures.measure_table(lid, "zh")[1][1][2] == "调蓄 10 m³，设施面积 50 m²"
    assert report_measures.measures_cut_note(lid, "en", max_rows=1) == "The 1 largest of 2 measures are listed."
    carbon = report_measures.measure_frame({"pv_t": [5.0, 0.0], "retro_t": [1.0, 0.0], "green_t": [0.0, 0.0],
                                            "left_t": [0.0, 2.5]}, ["U", "V"], report_measures.CARBON)
    rows = report_measures.measure_table(carbon, "en")[1]
    assert rows == [["U", "carbon measures", "PV 5.0 t, retrofit 1.0 t, planting 0.0 t CO2/a",
                     "closes the gap to the CO2 target"],
                    ["V", "carbon measures", "PV 0.0 t, retrofit 0.0 t, planting 0.0 t CO2/a",
                     "2.5 t CO2/a left: no measure mix closes the gap"]]


def test_comparison_table_rows_and_classes():
    comparison = pd.DataFrame([["A", "Rule a", "规则甲", 1, 2, 0, 3, 0, 0, 2, 0],
                               ["B", "Rule b", "", 0, 0, 3, 0, 0, 3, 0, 0],
                               ["C", "Rule c", "规则丙", 2, 1, 0, 1, 2, 0, 0, 1]], columns=recheck.TABLE_COLUMNS)
    headers, rows, classes = report_measures.comparison_table(comparison, "zh")
    assert len(headers) == 10 and rows[0][:2] == ["规则甲", "A"] and rows[1][0] == "Rule b"
    assert rows[2][2:] == ["2", "1", "0", "1", "2", "0", "0", "1"]
    assert classes == ["pass", "not_assessed", "fail"]


def test_which_measures_the_failing_rules_call_for():
    # The demo master check with the CO2 target at 1.2 t: its failing rules, in the rule table's order.
    rows = [("CN_M_PARK_GREEN_PC", "park_green_m2_pc", "fail"), ("CN_M_LC15_COV", "full_pct", "fail"),
            ("CN_M_RAIL800_COV", "rail_pct", "fail"), ("CN_M_SHELTER_PC", "shelter_m2_cap", "pass"),
            ("CN_M_SHELTER_CAP", "shelter_cap_pct", "fail"), ("CN_M_CO2_PC", "net_t_cap", "fail"),
            ("CN_D_RUNOFF_CTRL", "ctrl_rate", "fail"), ("CN_M_GREEN_TRIP", "green_share", "estimated")]
    master = (recheck.FACILITIES, recheck.SHELTERS, recheck.CARBON)
    found, none = recheck.measures_for_rules(rows, master)
    assert found == {"facilities": ["CN_M_LC15_COV"], "carbon": ["CN_M_CO2_PC"]}
    # the runoff rule has a measure, but not among the master plan's; the fixed-shelter share has none
    assert none == ["CN_M_PARK_GREEN_PC", "CN_M_RAIL800_COV", "CN_M_SHELTER_CAP", "CN_D_RUNOFF_CTRL"]
    assert recheck.measures_for_rules(rows)[0]["lid"] == ["CN_D_RUNOFF_CTRL"]
    assert [recheck.measure_of(i, ("lid",)) for i in ("CTRL_RATE ", "far", None)] == ["lid", "", ""]


def test_which_measures_the_failing_detailed_rules_call_for():
    # The demo detailed check (daily rainfall given): its failing rules, in the rule table's order. The life-circle
    # completeness calls for new facilities, the design-storm retention (which counts the runoff LID storage holds)
    # for LID storage, the shelter distance for new shelters; the PV share reads the PV
    # potential of every usable roof (proposed PV is part of it), so no measure repairs it.
    rows = [("CN_D_FAR_RES", "far", "pass"), ("CN_D_RUNOFF_CTRL", "ctrl_rate", "fail"),
            ("CN_D_RETENTION", "retention", "fail"), ("CN_D_PV_SHARE", "pv_share", "fail"),
            ("CN_D_LC_COMPLETE", "lc_score", "fail"), ("CN_D_SHELTER_REACH", "shelter_m", "fail"),
            ("CN_D_FLOOD_FREE", "exposed", "fail"), ("CN_D_PUB_GREEN_15", "pub_green_m2_pc", "fail")]
    found, none = recheck.measures_for_rules(rows)
    assert found == {"lid": ["CN_D_RUNOFF_CTRL", "CN_D_RETENTION"], "facilities": ["CN_D_LC_COMPLETE"],
                     "shelters": ["CN_D_SHELTER_REACH"]}
    assert none == ["CN_D_PV_SHARE", "CN_D_FLOOD_FREE", "CN_D_PUB_GREEN_15"]


def test_comparison_table_names_each_rules_measure():
    comparison = pd.DataFrame({"rule_id": ["A", "B", "C"], "name_en": ["a", "b", "c"], "name_zh": ["甲", "乙", "丙"],
                               "pass_before": [0, 1, 3], "fail_before": [4, 2, 0], "na_before": [0, 0, 0],
                               "pass_after": [4, 1, 3], "fail_after": [0, 2, 0], "na_after": [0, 0, 0],
                               "fixed": [4, 0, 0], "broken": [0, 0, 0], "measure": ["carbon", "", ""]})
    headers, rows, classes = report_measures.comparison_table(comparison, "en")
    assert headers[-1] == "Measure" and [r[-1] for r in rows] == [
        "rooftop PV and retrofit", "none: no proposed measure repairs this rule", ""]   # C passes: nothing said
    assert classes == ["pass", "fail", "pass"]
    assert report_measures.unaddressed_note(comparison, "zh") == "所提措施无法修复的不达标规则（需修改规划本身）：B。"
    # a table of compare_checks without measures applied: the columns of before
    plain = report_measures.comparison_table(comparison.drop(columns="measure"), "en")
    assert len(plain[0]) == len(headers) - 1 and report_measures.unaddressed_note(comparison.drop(columns="measure"),
                                                                                 "en") == ""
