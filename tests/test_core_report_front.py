"""core.report_front and profiles.shipped_match: the report's first page (the plan, the profile, the
verdict in one sentence, the rules failed most often) and its list of defaults and unverified values,
on hand-built frames."""
import numpy as np
import pandas as pd
import pytest

from lcr_toolkit.core import profiles, report, report_front, report_html


def check(results):
    """A check frame of units with the given verdicts and one rule field."""
    counts = {"pass": (2, 0, 0), "fail": (1, 1, 0), "insufficient_data": (1, 0, 3), "not_assessed": (0, 0, 2)}
    rows = [counts[r] for r in results]
    return pd.DataFrame({"score": [p / (p + f) if p + f else np.nan for p, f, _ in rows],
                         "n_pass": [r[0] for r in rows], "n_fail": [r[1] for r in rows],
                         "n_na": [r[2] for r in rows], "r_far": [1.0] * len(rows), "verdict": list(results)})


def built(results, lang="en", **kw):
    return report.build_report(check(results), [f"u{i}" for i in range(len(results))], lang=lang, **kw)


@pytest.mark.parametrize("results, lang, sentence", [
    (["pass"] * 3 + ["fail"] * 2 + ["insufficient_data"], "en",
     "3 of 6 units pass; 2 fail; 1 has too few rules assessed."),
    (["pass", "fail", "not_assessed"], "en", "1 of 3 units passes; 1 fails; 1 could not be assessed."),
    (["fail", "fail"], "en", "0 of 2 units pass; 2 fail."),
    (["insufficient_data", "insufficient_data", "pass"], "en", "1 of 3 units passes; 2 have too few rules assessed."),
    (["pass"] * 3 + ["fail"] * 2 + ["insufficient_data"], "zh", "6 个单元中 3 个通过；2 个不通过；1 个数据不足（已评估指标过少）。"),
    (["fail"], "en", "The unit fails."),
    (["insufficient_data"], "zh", "该单元已评估指标过少，不能判定通过。"),
])
def test_verdict_in_one_sentence(results, lang, sentence):
    assert report_front.verdict_sentence(built(results, lang)) == sentence


def rules_frame():
    # A fails in 3 of 4 units, B in 3 of 10 (as many units, a smaller share), C has values from shipped
    # defaults only (no verdict), D passes, E fails in the 1 unit assessed and is unverified.
    return pd.DataFrame({
        "rule_id": ["A", "B", "C", "D", "E"], "name_en": ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"],
        "name_zh": ["甲", "乙", "丙", "丁", "戊"], "unit": ["%", "m2/person", "0-1", "-", "%"],
        "operator": [">=", "<=", ">=", "between", ">="], "threshold": [80, 500, 0.4, 1, 70],
        "threshold_high": [np.nan, np.nan, np.nan, 2.5, np.nan], "level": ["master"] * 5,
        "source": ["GB 1", "GB 2", "", "GB 1", "local"], "clause": ["§1", "", "", "§2", ""],
        "status": ["verified", "verified", "unverified", "verified", "unverified"],
        "verdict": ["fail", "fail", "estimated", "pass", "fail"], "n_pass": [1, 7, 0, 4, 0],
        "n_fail": [3, 3, 0, 0, 1], "n_na": [0, 0, 0, 0, 3], "n_est": [0, 0, 4, 0, 0]})


def front_report(lang="en", rules=None, **kw):
    frame = pd.DataFrame({"score": [0.5] * 4, "n_pass": [1] * 4, "n_fail": [1] * 4, "n_na": [0] * 4,
                          **{f"r_{r.lower()}": [1.0] * 4 for r in "ABCDE"}})
    return report.build_report(frame, list("abcd"), lang=lang, rules=rules_frame() if rules is None else rules,
                               created="2026-05-04", **kw)


def test_rules_failed_most_often():
    headers, rows = report_front.top_failing(front_report())
    assert headers == ["Rule", "Requirement", "Fails in"]
    # A and B fail in 3 units each: A first (3 of 4 against 3 of 10); C is estimated, D passes
    assert [row[0].split("\n")[0] for row in rows] == ["A", "B", "E"]
    assert rows[0] == ["A\nAlpha", "≥ 80 %", "3 of 4 assessed"]
    assert rows[1][1] == "≤ 500 m²/person" and rows[2][0] == "E\nEpsilon [unverified]"
    assert len(report_front.top_failing(front_report(), limit=2)[1]) == 2
    zh = report_front.top_failing(front_report("zh"))[1]
    assert zh[0] == ["A\n甲", "≥ 80 %", "已评估 4 个中 3 个"] and zh[2][0] == "E\n戊 [未核实]"
    passing = rules_frame().assign(n_fail=0, verdict="pass")
    assert report_front.top_failing(front_report(rules=passing))[1] == []


def test_defaults_and_unverified_in_one_place():
    headers, rows = report_front.unverified_table(front_report())
    assert headers == ["Rule", "Name", "Requirement", "Source, clause"]
    assert rows == [["C", "Gamma", "≥ 40 %", "–"], ["E", "Epsilon", "≥ 70 %", "local"]]
    headers, rows = report_front.estimated_table(front_report())
    assert rows == [["C", "Gamma", "4", "estimated from defaults only"]]
    page = report_html.to_html(front_report())
    assert page.index("<h2>Defaults and unverified values</h2>") > page.index("<h2>Results by unit</h2>")
    assert "Rule thresholds not verified" in page and "Rules with values from shipped defaults" in page
    # No rule withheld for too few residents: no such section (tables written before n_few existed too)
    assert report_front.few_residents_table(front_report())[1] == [] and "too few residents" not in page


def test_rules_withheld_for_too_few_residents_are_listed():
    rules = rules_frame().assign(n_few=[0, 2, 0, 0, 0])      # B (m2/person): 2 units below the minimum
    headers, rows = report_front.few_residents_table(front_report(rules=rules))
    assert headers[2] == "Units with too few residents" and rows == [["B", "Beta", "2", "fails in 3 of 10 units"]]
    page = report_html.to_html(front_report(rules=rules))
    assert "Per-resident rules not assessed: too few residents" in page
    page = report_html.to_html(front_report("zh", rules=rules))
    assert "因常住人口过少未评价的人均指标" in page


def shipped():
    return {"other": pd.DataFrame({"rule_id": ["X"], "operator": [">="], "threshold": [1.0],
                                   "threshold_high": [np.nan]}),
            "cn_master": rules_frame()[["rule_id", "operator", "threshold", "threshold_high"]]}


def test_profile_recognised_and_edits_named():
    table = report.rule_frame(pd.DataFrame({f"r_{r.lower()}": [1.0] for r in "ABCDE"}), rules_frame())
    assert profiles.shipped_match(table, shipped()) == ("cn_master", [])
    # a level's rules only are a subset of the profile; an edited threshold and operator are named
    edited = rules_frame().iloc[:3].copy()
    edited.loc[1, "threshold"] = 400
    edited.loc[2, "operator"] = ">"
    assert profiles.shipped_match(edited, shipped()) == ("cn_master", ["B", "C"])
    assert profiles.shipped_match(rules_frame().assign(rule_id=list("VWXYZ")), shipped()) == (None, [])
    text = report_front.profile_text(front_report(shipped_profiles=shipped()))
    assert text == "China, territorial master plan (cn_master)"
    rules = rules_frame()
    rules.loc[0, "threshold"] = 75
    assert report_front.profile_text(front_report("zh", rules=rules, shipped_profiles=shipped())) == \
        "中国，国土空间总体规划（cn_master），已修改阈值：A"
    assert report_front.profile_text(front_report(shipped_profiles={})) == "your own profile (not a shipped one)"
    assert report_front.profile_text(front_report(profile_name="Jiaxing 2035 local")) == "Jiaxing 2035 local"


def test_every_shipped_profile_has_a_name_in_both_languages():
    from lcr_toolkit.algorithms.planning_check import PROFILES

    assert all(f"profile_{key}" in report.LABELS for key in PROFILES)
    named = front_report(shipped_profiles={"cn_future": shipped()["cn_master"]})
    assert report_front.profile_text(named) == "cn_future"


def test_first_page_header():
    plain = front_report()
    assert report_front.heading(plain) == ("Planning check report", "")
    assert report_front.meta_rows(plain)[:3] == [("District", "not given"), ("Organisation", "not given"),
                                                 ("Date", "2026-05-04")]
    assert report_front.meta_rows(plain)[4] == ("Planning level", "Master plan (territorial)")
    given = front_report("zh", plan_name=" 和兴片区详细规划 ", district="秀洲区", organisation="某规划院",
                         date="2026年3月")
    assert report_front.heading(given) == ("和兴片区详细规划", "规划指标核查报告")
    assert report_front.meta_rows(given)[:3] == [("区域", "秀洲区"), ("编制单位", "某规划院"), ("日期", "2026年3月")]
    mixed = rules_frame().assign(level=["master", "detailed", "master", "", "master"])
    assert report_front.level_text(front_report(rules=mixed)) == "Master and detailed plan rules"
    no_rules = report.build_report(pd.DataFrame({"score": [1.0], "n_pass": [1], "n_fail": [0], "n_na": [0],
                                                 "r_x": [1.0]}), ["a"])
    assert report_front.level_text(no_rules) == report_front.profile_text(no_rules) == "unknown (no rule table)"


def test_html_first_page_order_and_inputs_by_file_name():
    built_report = front_report(plan_name="Plan P", organisation="Org O", methods_section="18",
                                inputs=[{"role": "check", "name": "planning_check", "file": "district.gpkg",
                                         "crs": "EPSG:4549", "count": 4}])
    page = report_html.to_html(built_report)
    first = ["Plan P", "Org O", "2026-05-04", "0 of 4 units pass; 4 fail.", "Rules failed most often", "A – Alpha",
             "methods.html", "§18", "Indicators (rules)"]
    positions = [page.index(text) for text in first]
    assert positions == sorted(positions)
    assert "planning_check (district.gpkg)" in page


@pytest.mark.parametrize("pop, lang, shown", [
    ([0.0, 0.0, np.nan, 0.0], "en", True), ([0.0, 0.0, np.nan, 0.0], "zh", True),
    ([0.0, 12.0, np.nan, 0.0], "en", False), (None, "en", False)])
def test_first_page_says_when_no_unit_has_residents(pop, lang, shown):
    """Krems an der Donau's OpenStreetMap extract (untyped buildings) gave every unit 0 residents: its first page
    said "0 of 43 units pass; 43 fail" with coverage rules counted on buildings and no word about residents.
    A check whose pop field sums to 0 (or is empty) now says so among the caveats; without a pop field, nothing."""
    extra = {} if pop is None else {"pop": pop}
    frame = pd.DataFrame({"score": [0.5] * 4, "n_pass": [1] * 4, "n_fail": [1] * 4, "n_na": [0] * 4,
                          **{f"r_{r.lower()}": [1.0] * 4 for r in "ABCDE"}, **extra})
    built_report = report.build_report(frame, list("abcd"), lang=lang, rules=rules_frame(), created="2026-05-04")
    caveats = [line for line, caveat in report_front.first_page_notes(built_report) if caveat]
    start = {"en": "No unit holds residents (the check's pop field is 0 or empty everywhere)",
             "zh": "所有单元均无居民（核查结果的 pop 字段全部为 0 或空）"}[lang]
    assert any(line.startswith(start) for line in caveats) == shown
