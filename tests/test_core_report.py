"""core.report and core.report_html: the report's data model, tables, HTML and quadrant SVG, on hand-built frames."""
import re

import numpy as np
import pandas as pd
import pytest

from lcr_toolkit.core import report, report_html
from lcr_toolkit.core.errors import InputError


def check_frame():
    # unit a: r_far 1, r_green 0 → fail; b: 1, 1 → pass; c: NULL, NULL → not assessed
    return pd.DataFrame({"score": [0.5, 1.0, np.nan], "n_pass": [1, 2, 0], "n_fail": [1, 0, 0],
                         "n_na": [0, 0, 2], "r_far": [1, 1, np.nan], "r_green": [0, 1, np.nan]})


def rules_frame():
    return pd.DataFrame({
        "rule_id": ["FAR", "GREEN"], "name_en": ["Floor area ratio", "Green ratio"], "name_zh": ["容积率", "绿地率"],
        "unit": ["-", "0-1"], "operator": ["between", ">="], "threshold": [1.0, 0.3], "threshold_high": [2.5, None],
        "source": ["GB 50180-2018", "GB 50180-2018"], "clause": ["§4.0.1", "§4.0.2"],
        "status": ["verified", "unverified"], "verdict": ["pass", "fail"], "n_pass": [2, 1], "n_fail": [0, 1],
        "n_na": [1, 1], "value_min": [1.2, 0.25], "value_mean": [1.45, 0.3], "value_max": [1.7, 0.35]})


def synergy_frame():
    return pd.DataFrame({"name": ["a", "b", "c", "d"], "lc_score": [0.0, 1.0, 0.25, 0.75],
                         "res_score": [1.0, 0.0, 0.5, 0.9],
                         "quadrant": ["resilience_only", "low_carbon_only", "neither", "win_win"]})


def make(lang="en", rules=True, synergy=True):
    return report.build_report(check_frame(), ["a", "b", "c"], lang=lang, created="2026-01-01",
                               rules=rules_frame() if rules else None, synergy=synergy_frame() if synergy else None,
                               inputs=[{"role": "check", "name": "check", "file": "x.gpkg", "crs": "EPSG:4549",
                                        "count": 3}])


def test_units_results_and_failing_rules():
    units = make().units
    # sorted by score, lowest first, no score last
    assert list(units["name"]) == ["a", "b", "c"]
    assert list(units["result"]) == ["fail", "pass", "not_assessed"]
    assert units.loc[0, "failing"] == [("GREEN", True)]
    assert units.loc[1, "failing"] == []
    # c has both fields NULL and n_na 2: both rules are not assessed there
    assert list(units["not_assessed"]) == [[], [], ["FAR", "GREEN"]]


def scoped_check():
    # FAR and GREEN apply to residential land only (applies_to 0701|R), PV everywhere.
    return pd.DataFrame({
        "name": ["res", "shop", "shop_no_pv", "res_empty", "res_no_far"],
        "score": [1.0, 1.0, np.nan, np.nan, 0.5], "n_pass": [1, 1, 0, 0, 1], "n_fail": [0, 0, 0, 0, 1],
        "n_na": [2, 0, 1, 3, 1], "n_nap": [0, 2, 2, 0, 0],
        "r_far": [1, np.nan, np.nan, np.nan, np.nan], "r_green": [np.nan, np.nan, np.nan, np.nan, 0],
        "r_pv": [np.nan, 1, np.nan, np.nan, 1]})


def test_not_assessed_leaves_out_rules_not_applicable():
    rules = pd.DataFrame({"rule_id": ["FAR", "GREEN", "PV"], "status": ["verified"] * 3,
                          "applies_to": ["0701|R", "0701|R", ""]})
    check = scoped_check()
    frame = report.rule_frame(check.drop(columns="name"), rules)
    found = report.not_assessed(check, frame)
    ids = np.array(["FAR", "GREEN", "PV"], dtype=object)
    # res: FAR has a value, so the residential rules apply: GREEN and PV lack values (= n_na 2)
    # shop: n_na 0 → nothing; shop_no_pv: FAR, GREEN both NULL and n_nap 2 → not applicable, PV NULL → not assessed
    # res_empty: all NULL, n_nap 0 → all three; res_no_far: GREEN has a value → FAR not assessed
    assert [list(ids[row]) for row in found] == [["GREEN", "PV"], [], ["PV"], ["FAR", "GREEN", "PV"], ["FAR"]]


def test_rule_table_text():
    headers, rows, classes = report.rule_table(make())
    far, green = rows
    # FAR: unit "-" (none); n_pass 2, n_fail 0 → assessed in 2 units, passes in both
    assert far[:7] == ["FAR", "Floor area ratio", "verified", "1 to 2.5", "–", "1.2 / 1.45 / 1.7",
                       "passes in all 2 units"]
    assert green[2] == "unverified / 未核实" and green[3] == "≥ 0.3" and green[4] == "share, 0–1"
    # GREEN: n_pass 1, n_fail 1 → 1 of 2 assessed units fails
    assert green[5:11] == ["0.25 / 0.3 / 0.35", "fails in 1 of 2 units", "1", "1", "1", "–"]   # no n_nap column
    assert green[11] == "GB 50180-2018, §4.0.2"
    assert classes == ["pass verified", "fail unverified"]
    zh = report.rule_table(make("zh"))[1]
    assert zh[0][1] == "容积率" and zh[0][3] == "1 至 2.5" and zh[0][4] == "–" and zh[0][6] == "2 个单元全部达标"
    assert zh[1][2] == "unverified / 未核实" and zh[1][4] == "比例（0–1）" and zh[1][6] == "2 个单元中 1 个不达标"
    assert report.rule_table(make("zh"))[0][0] == "指标编号"


def test_verdict_cell():
    row = {"verdict": "fail", "n_pass": 3.0, "n_fail": 1.0}
    assert report.verdict_cell(row, "en") == "fails in 1 of 4 units"
    assert report.verdict_cell(row, "zh") == "4 个单元中 1 个不达标"
    row = {"verdict": "pass", "n_pass": 4.0, "n_fail": 0.0}
    assert report.verdict_cell(row, "en") == "passes in all 4 units"
    assert report.verdict_cell(row, "zh") == "4 个单元全部达标"
    assert report.verdict_cell({"verdict": "fail", "n_pass": 0.0, "n_fail": 1.0}, "en") == "fails in the 1 unit assessed"
    assert report.verdict_cell({"verdict": "not_assessed", "n_pass": 0.0, "n_fail": 0.0}, "zh") == "未评估"
    assert report.verdict_cell({"verdict": "fail", "n_pass": np.nan, "n_fail": np.nan}, "en") == "fail"


def test_unit_table_text():
    headers, rows, classes = report.unit_table(make())
    assert headers == ["Unit", "Result", "Share of rules passed", "Pass", "Fail", "Not assessed", "Failing rules",
                       "Not assessed (no value)"]
    # a: 1 of 2 assessed rules pass → 50 %; c: none assessed
    assert rows[0] == ["a", "fail", "50 %", "1", "1", "0", "GREEN [unverified]", "–"]
    assert rows[1] == ["b", "pass", "100 %", "2", "0", "0", "–", "–"]
    assert rows[2] == ["c", "not assessed", "–", "0", "0", "2", "–", "FAR, GREEN"]
    assert classes == ["fail", "pass", "not_assessed"]
    zh_headers, zh_rows, _ = report.unit_table(make("zh"))
    assert zh_headers[2] == "指标达标率" and zh_headers[7] == "未评估（无数值）"
    assert zh_rows[0][:3] == ["a", "不通过", "50 %"] and zh_rows[0][6] == "GREEN [未核实]"


def test_html_names_every_rule_and_marks_unverified():
    page = report_html.to_html(make(), map_png=b"\x89PNG")
    for rule in ("FAR", "GREEN"):
        assert f">{rule}<" in page
    assert "unverified / 未核实" in page and "GREEN [unverified]" in page
    assert "data:image/png;base64," in page and "<svg" in page
    assert not re.search(r'(src|href)="https?:', page)   # self-contained
    # the verdict cell keeps its class, so CSS colours it
    assert '<tr class="fail unverified">' in page and '<td class="verdict">fails in 1 of 2 units</td>' in page
    assert "<th>Share of rules passed</th>" in page and "<th>Not assessed (no value)</th>" in page
    assert ">50 %<" in page and ">FAR, GREEN<" in page and ">m2" not in page and ">0-1<" not in page
    zh = report_html.to_html(make("zh"))
    assert "规划指标核查报告" in zh and "各单元核查结果" in zh and "GREEN [未核实]" in zh and "双赢" in zh
    assert "2 个单元中 1 个不达标" in zh and "指标达标率" in zh and "比例（0–1）" in zh


def test_summary_counts():
    lines = report.summary_lines(make())
    assert lines[0] == "3 units checked: 1 pass, 1 fail, 0 have too few rules assessed to pass, 1 not assessed."
    assert lines[1].startswith("2 rules: 1 pass in every unit, 1 fail somewhere, 0 not assessed, 0 judged on shipped "
                               "defaults only; 1 of them")
    assert lines[2].startswith("Integration: 1 of 4 units are win-win")


def test_without_rule_table_counts_from_fields():
    built = make(rules=False)
    rules = built.rules.set_index("rule_id")
    assert (rules.loc["r_green", "n_pass"], rules.loc["r_green", "n_fail"], rules.loc["r_green", "n_na"]) == (1, 1, 1)
    assert rules.loc["r_green", "verdict"] == "fail" and rules.loc["r_far", "verdict"] == "pass"
    assert report.text("no_rule_table", "en") in report.caveat_lines(built)


def test_quadrant_points_and_thresholds():
    frame = synergy_frame()
    # high lc: b (1.0), d (.75); low: a (0), c (.25) → line at (.25 + .75)/2 = .5
    # high res: a (1), d (.9); low: b (0), c (.5) → (.5 + .9)/2 = .7
    assert report.quadrant_thresholds(frame) == pytest.approx((0.5, 0.7))
    svg = report_html.quadrant_svg(frame, "en")
    # x = 70 + lc·400, y = 20 + (1 − res)·400
    for x, y in ((70, 20), (470, 420), (170, 220), (370, 60)):
        assert f'cx="{x:.2f}" cy="{y:.2f}"' in svg
    # threshold lines at x = 70 + .5·400 = 270, y = 20 + .3·400 = 140
    assert 'x1="270.00"' in svg and 'y1="140.00"' in svg
    assert "Win-win (1)" in svg and "双赢 (1)" in report_html.quadrant_svg(frame, "zh")


def test_quadrant_without_quadrant_field_uses_median():
    frame = synergy_frame().drop(columns="quadrant")
    # medians: lc (.25 + .75)/2 = .5; res (.5 + .9)/2 = .7
    assert report.quadrant_thresholds(frame) == pytest.approx((0.5, 0.7))
    built = report.build_report(check_frame(), ["a", "b", "c"], synergy=frame)
    assert list(built.synergy["quadrant"]) == ["resilience_only", "low_carbon_only", "neither", "win_win"]


def test_bad_inputs():
    with pytest.raises(InputError) as err:
        report.check_columns(["score", "n_pass", "r_x"])
    assert err.value.kind == "report_not_check" and err.value.params["missing"] == "n_fail, n_na"
    with pytest.raises(InputError) as err:
        report.check_columns(["score", "n_pass", "n_fail", "n_na"])
    assert err.value.kind == "report_no_rule_fields"
    with pytest.raises(InputError) as err:
        report.build_report(check_frame(), ["a", "b", "c"], synergy=pd.DataFrame({"lc_score": [0.1]}))
    assert err.value.kind == "report_not_synergy"


def test_factor_summary(tmp_path):
    (tmp_path / "a.csv").write_text("# comment\nkey,value,source,year,verified\n"
                                    "x,1,Source one,2014,yes\ny,2,Source two,2020,no\nz,3,Source one,2020,no\n",
                                    encoding="utf-8")
    summary = report.factor_summary({"a.csv": str(tmp_path / "a.csv")}, own={"a.csv"})
    assert summary.to_dict("records") == [{"table": "a.csv", "own": True, "rows": 3, "years": "2014–2020", "verified": "1/3",
                                           "sources": ["Source one", "Source two"], "more": 0}]



def capped_report(lang):
    # p1 passes both rules (100 %), p2 and p5 pass one of two (50 %), p3 fails both (0 %), p4 has no value
    check = pd.DataFrame({"score": [1.0, 0.5, 0.0, np.nan, 0.5], "n_pass": [2, 1, 0, 0, 1],
                          "n_fail": [0, 1, 2, 0, 1], "n_na": [0, 0, 0, 2, 0],
                          "r_far": [1, 0, 0, np.nan, 1], "r_green": [1, 1, 0, np.nan, 0]})
    return report.build_report(check, ["p1", "p2", "p3", "p4", "p5"], lang=lang, max_units=3)


def test_unit_table_lists_the_lowest_scores_up_to_the_cap():
    built = capped_report("en")
    # lowest share first, ties by name: p3 (0 %), p2 and p5 (50 %); p1 (100 %) and p4 (none) are left out
    assert [row[:3] for row in report.unit_table(built)[1]] == [["p3", "fail", "0 %"], ["p2", "fail", "50 %"],
                                                                ["p5", "fail", "50 %"]]
    assert report.units_cut_note(built) == ("The 3 units with the lowest share of rules passed are listed, of 5; "
                                            "every unit is in the Planning check layer.")
    assert report.units_cut_note(capped_report("zh")) == "列出指标达标率最低的 3 个单元（共 5 个）；全部单元见规划核查结果图层。"
    # the summary and the rule table still count all five units
    assert report.summary_lines(built)[0] == "5 units checked: 1 pass, 3 fail, 0 have too few rules assessed to pass, 1 not assessed."
    far = built.rules.set_index("rule_id").loc["r_far"]
    assert (far["n_pass"], far["n_fail"], far["n_na"]) == (2, 2, 1)
    page = report_html.to_html(built)
    assert report.units_cut_note(built) in page and ">p3<" in page and ">p1<" not in page and ">p4<" not in page


def test_no_cut_note_when_every_unit_is_listed():
    built = make()
    assert report.units_cut_note(built) == "" and len(report.unit_table(built)[1]) == 3
    assert "are listed, of" not in report_html.to_html(built)
    many = pd.DataFrame({"score": [1.0] * 1200, "n_pass": [1] * 1200, "n_fail": [0] * 1200, "n_na": [0] * 1200,
                         "r_far": [1.0] * 1200})
    built = report.build_report(many, [f"u{i}" for i in range(1200)], lang="zh")
    assert built.max_units == report.MAX_UNITS_LISTED == 500 and len(report.unit_table(built)[1]) == 500
    assert report.units_cut_note(built) == "列出指标达标率最低的 500 个单元（共 1,200 个）；全部单元见规划核查结果图层。"


def test_units_verdicts_come_from_the_check_and_estimated_rules_say_so():
    check = pd.DataFrame({"score": [1.0, 1.0, np.nan], "n_pass": [4, 1, 0], "n_fail": [0, 0, 0], "n_na": [0, 3, 0],
                          "r_a": [1.0, 1.0, np.nan], "verdict": ["pass", "insufficient_data", None]})
    built = report.build_report(check, ["full", "wetland", "old"])
    results = dict(zip(built.units["name"], built.units["result"]))
    # the third unit is an older check without a verdict: judged from its counts, nothing assessed
    assert results == {"full": "pass", "wetland": "insufficient_data", "old": "not_assessed"}
    assert report.summary_lines(built)[0] == ("3 units checked: 1 pass, 0 fail, 1 have too few rules assessed "
                                              "to pass, 1 not assessed.")
    row = {"verdict": "estimated", "n_pass": 0.0, "n_fail": 0.0}
    assert report.verdict_cell(row, "en") == "estimated from defaults only"
    assert report.verdict_cell(row, "zh") == "仅有默认值估算"


def test_quadrant_draws_a_repeated_dot_once_where_it_comes_last():
    frame = pd.DataFrame({"lc_score": [0.0, 1.0, 0.0, 0.0], "res_score": [1.0, 0.0, 1.0, 1.0],
                          "quadrant": ["resilience_only", "low_carbon_only", "resilience_only", "win_win"],
                          "name": ["", "", "", ""]})
    svg = report_html.quadrant_svg(frame, "en")
    circles = [line for line in svg.splitlines() if line.startswith("<circle")]
    # (0, 1) → (70, 20) in resilience_only twice: drawn once, after the low-carbon dot (where the last one was),
    # then the win-win dot at the same place on top
    assert [(c.split('"')[1], c.split('"')[3], c.split('"')[7]) for c in circles] == [
        ("470.00", "420.00", report_html.COLOURS["low_carbon_only"]),
        ("70.00", "20.00", report_html.COLOURS["resilience_only"]),
        ("70.00", "20.00", report_html.COLOURS["win_win"])]


@pytest.mark.parametrize("lang, line", [
    ("en", "Integration: no unit has both a low-carbon and a resilience score"),
    ("zh", "协同：没有单元同时具有低碳得分和韧性得分")])
def test_synergy_without_scored_units_gets_a_sentence_not_an_empty_chart(lang, line):
    """Krems' OpenStreetMap check left every unit without a synergy score (no residents): the report drew an
    empty chart with four zero counts on a page of its own and said "0 of 0 units are win-win"."""
    unscored = synergy_frame().assign(lc_score=None, res_score=None)
    built = report.build_report(check_frame(), ["a", "b", "c"], lang=lang, synergy=unscored)
    assert len(built.synergy) == 0 and not report.synergy_scored(built)
    lines = report.summary_lines(built)
    assert [x for x in lines if x.startswith(line)] and not [x for x in lines if "0 of 0" in x or "0 个中" in x]
    page = report_html.to_html(built)
    assert report.text("synergy_heading", lang) not in page
    assert report.synergy_scored(make())
