"""lcr:synergy through processing.run: quadrants, coupling coordination, baseline changes, bad input, demo."""
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr
from qgis.core import NULL, QgsProcessingException

import processing

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"
SCORE_FIELDS = ["lc_score", "res_score", "coupling_c", "coord_t", "coord_d", "quadrant", "quadrant_zh",
                "coord_class", "coord_class_zh"]


def run(params, **kwargs):
    return processing.run("lcr:synergy", {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


def rows(result, key="uid"):
    return {f[key]: f for f in result["OUTPUT"].getFeatures()}


@pytest.fixture
def units(make_layer, rect):
    # co2 (tCO2/cap, negative): 4, 0, 4, 2 → U1 = (4 − x)/4 = 0, 1, 0, .5.
    # green (%, positive): 10, 10, 30, 30 → part (x − 10)/20 = 0, 0, 1, 1; heat (°C, negative) 32, 32, 30, 31
    #   → (32 − x)/2 = 0, 0, 1, .5; U2 = mean = 0, 0, 1, .75.
    return make_layer("Polygon", "EPSG:4549",
                      "uid:string&field=co2:double&field=green:double&field=heat:double", [
                          (rect(0, 0, 10, 10), ["A", 4, 10, 32]), (rect(10, 0, 10, 10), ["B", 0, 10, 32]),
                          (rect(0, 10, 10, 10), ["C", 4, 30, 30]), (rect(10, 10, 10, 10), ["D", 2, 30, 31])])


BASE = {"LOW_CARBON_INDICATORS": ["co2"], "LOW_CARBON_NEGATIVE": ["co2"],
        "RESILIENCE_INDICATORS": ["green", "heat"], "RESILIENCE_NEGATIVE": ["heat"]}


def test_four_units_by_hand(provider, units, layer_snapshot):
    before = layer_snapshot(units)
    result = run({"INPUT": units, **BASE})
    out = rows(result)
    assert result["OUTPUT"].fields().names() == ["uid", "co2", "green", "heat"] + [
        "lc_score", "res_score", "coupling_c", "coord_t", "coord_d", "quadrant", "quadrant_zh", "coord_class",
        "coord_class_zh"]
    assert [out[u]["lc_score"] for u in "ABCD"] == pytest.approx([0, 1, 0, 0.5])
    assert [out[u]["res_score"] for u in "ABCD"] == pytest.approx([0, 0, 1, 0.75])
    # Medians: U1 (0 + .5)/2 = .25; U2 (0 + .75)/2 = .375. A neither, B LC only, C RES only, D win-win.
    assert [out[u]["quadrant"] for u in "ABCD"] == ["neither", "low_carbon_only", "resilience_only", "win_win"]
    assert [out[u]["quadrant_zh"] for u in "ABCD"] == ["均不足", "仅低碳", "仅韧性", "双赢"]
    # A: U1 + U2 = 0 → C = 0, T = 0, D = 0. B: C = 0, T = .5, D = 0.
    # D: C = 2√(.5·.75)/1.25 = 2·0.612372/1.25 = 0.979796; T = .625; D = √(0.979796·.625) = √0.612372 = 0.782542.
    assert [out[u]["coupling_c"] for u in "ABCD"] == pytest.approx([0, 0, 0, 0.979796], abs=1e-6)
    assert [out[u]["coord_t"] for u in "ABCD"] == pytest.approx([0, 0.5, 0.5, 0.625])
    assert [out[u]["coord_d"] for u in "ABCD"] == pytest.approx([0, 0, 0, 0.782542], abs=1e-6)
    assert out["D"]["coord_class"] == "intermediate_coordination" and out["D"]["coord_class_zh"] == "中级协调"
    assert out["A"]["coord_class"] == "extreme_imbalance" and out["A"]["coord_class_zh"] == "极度失调"
    assert result["WIN_WIN_COUNT"] == 1
    assert result["MEAN_D"] == pytest.approx(0.782542 / 4, abs=1e-6)
    # Ranks U1: A,C tie 1.5, D 3, B 4; U2: A,B tie 1.5, D 3, C 4.
    # ρ = Pearson of ranks: x−2.5 = −1, 1.5, −1, .5; y−2.5 = −1, −1, 1.5, .5: Σxy = 1 − 1.5 − 1.5 + .25 = −1.75;
    # Σx² = Σy² = 1 + 2.25 + 1 + .25 = 4.5 → ρ = −1.75/4.5 = −0.388889.
    assert result["SPEARMAN_RHO"] == pytest.approx(-0.388889, abs=1e-6)
    assert layer_snapshot(units) == before


def test_half_split_alpha_and_weights(provider, units):
    # Weights green=1, heat=3 → U2 = .25·g + .75·h = 0, 0, 1, .25·1 + .75·.5 = .625.
    # Split 0.5: D is win-win (U1 .5 ≥ .5, U2 .625 ≥ .5). α = 1: T = U1 → B: T = 1, C = 0, D = 0.
    result = run({"INPUT": units, **BASE, "RESILIENCE_WEIGHTS": "green=1, heat=3", "QUADRANT_SPLIT": 1,
                  "ALPHA": 1.0})
    out = rows(result)
    assert [out[u]["res_score"] for u in "ABCD"] == pytest.approx([0, 0, 1, 0.625])
    assert [out[u]["quadrant"] for u in "ABCD"] == ["neither", "low_carbon_only", "resilience_only", "win_win"]
    assert out["B"]["coord_t"] == pytest.approx(1.0)
    # D: C = 2√(.5·.625)/1.125 = 2·0.559017/1.125 = 0.993808; T = .5; D = √(0.496904) = 0.704914.
    assert out["D"]["coord_d"] == pytest.approx(0.704914, abs=1e-6)


def test_baseline_comparison(provider, units, make_layer, rect):
    # Baseline (ids in another order, with an extra unit E): co2 4, 4, 4, 1 for A, B, C, D, E co2 0;
    # green 10, 10, 10, 30, 10; heat 32, 31, 32, 31, 32.
    base = make_layer("Polygon", "EPSG:4549", "uid:string&field=co2:double&field=green:double&field=heat:double", [
        (rect(0, 0, 1, 1), ["D", 1, 30, 31]), (rect(0, 0, 1, 1), ["A", 4, 10, 32]),
        (rect(0, 0, 1, 1), ["C", 4, 10, 32]), (rect(0, 0, 1, 1), ["B", 4, 10, 31]),
        (rect(0, 0, 1, 1), ["E", 0, 10, 32])])
    result = run({"INPUT": units, **BASE, "BASELINE": base, "UNIT_ID_FIELD": "uid"})
    out = rows(result)
    names = result["OUTPUT"].fields().names()
    assert names[4:] == ["lc_score", "res_score", "coupling_c", "coord_t", "coord_d", "d_co2", "d_green", "d_heat",
                         "lc_delta", "res_delta", "quadrant", "quadrant_zh", "coord_class", "coord_class_zh", "change"]
    # d = plan − baseline: A 0,0,0; B −4, 0, +1; C 0, +20, −2; D +1, 0, 0.
    assert [out[u]["d_co2"] for u in "ABCD"] == pytest.approx([0, -4, 0, 1])
    assert [out[u]["d_green"] for u in "ABCD"] == pytest.approx([0, 0, 20, 0])
    assert [out[u]["d_heat"] for u in "ABCD"] == pytest.approx([0, 1, -2, 0])
    # Common scale over baseline ∪ plan: co2 0–4 → score (4 − x)/4; green 10–30 → (x − 10)/20;
    # heat 30–32 → (32 − x)/2, U2 = mean of the two.
    # lc_delta: A 0; B (4−0)/4 − 0 = 1; C 0; D (4−2)/4 − (4−1)/4 = .5 − .75 = −.25.
    # res_delta: A 0; B (0 + 0)/2 − (0 + .5)/2 = −.25; C (1 + 1)/2 − 0 = 1; D (1 + .5)/2 − (1 + .5)/2 = 0.
    assert [out[u]["lc_delta"] for u in "ABCD"] == pytest.approx([0, 1, 0, -0.25])
    assert [out[u]["res_delta"] for u in "ABCD"] == pytest.approx([0, -0.25, 1, 0])
    assert [out[u]["change"] for u in "ABCD"] == ["no_change", "trade_off_lc", "win_win", "lose_lose"]


def test_baseline_missing_unit_and_trade_off_res(provider, make_layer, rect):
    # Plan X: lc 1 (pos), res 5 → baseline X: lc 2, res 1 → LC worsens, RES improves: trade_off_res.
    # Plan Y: no baseline unit → NULL changes.
    plan = make_layer("Polygon", "EPSG:4549", "uid:integer&field=lc:double&field=res:double", [
        (rect(0, 0, 1, 1), [1, 1, 5]), (rect(1, 0, 1, 1), [2, 2, 1]), (rect(2, 0, 1, 1), [3, 2, 5])])
    base = make_layer("Polygon", "EPSG:4549", "uid:integer&field=lc:double&field=res:double", [
        (rect(0, 0, 1, 1), [1, 2, 1]), (rect(1, 0, 1, 1), [3, 2, 5])])
    result = run({"INPUT": plan, "LOW_CARBON_INDICATORS": ["lc"], "RESILIENCE_INDICATORS": ["res"],
                  "BASELINE": base, "UNIT_ID_FIELD": "uid"})
    out = rows(result)
    # Common scale lc 1–2, res 1–5: unit 1 lc 0 − 1 = −1, res 1 − 0 = 1; unit 3: 1 − 1 = 0, 1 − 1 = 0.
    assert out[1]["lc_delta"] == pytest.approx(-1) and out[1]["res_delta"] == pytest.approx(1)
    assert out[1]["change"] == "trade_off_res"
    assert out[3]["change"] == "no_change"
    assert out[2]["change"] == NULL and out[2]["lc_delta"] == NULL


def test_two_units_rho_is_null(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4549", "uid:string&field=a:double&field=b:double", [
        (rect(0, 0, 1, 1), ["A", 1, 2]), (rect(1, 0, 1, 1), ["B", 2, 1])])
    result = run({"INPUT": layer, "LOW_CARBON_INDICATORS": ["a"], "RESILIENCE_INDICATORS": ["b"]})
    assert result["SPEARMAN_RHO"] is None
    # U1 = 0, 1; U2 = 1, 0; medians .5: A resilience_only, B low_carbon_only; C = 0 for both → D = 0.
    assert [f["quadrant"] for f in result["OUTPUT"].getFeatures()] == ["resilience_only", "low_carbon_only"]
    assert result["MEAN_D"] == pytest.approx(0.0)


@pytest.mark.parametrize("params, message", [
    ({"LOW_CARBON_INDICATORS": ["nope"]}, "is not in"),
    ({"LOW_CARBON_NEGATIVE": ["green"]}, "must also be chosen"),
    ({"RESILIENCE_WEIGHTS": "green=1"}, "no weight for the indicator"),
    ({"LOW_CARBON_INDICATORS": ["uid"]}, "must be numeric"),
])
def test_bad_indicators(provider, units, params, message):
    with pytest.raises(QgsProcessingException, match=message):
        run({"INPUT": units, **BASE, **params})


def test_an_absent_indicator_is_left_out_while_each_side_keeps_one(provider, units):
    """The detailed plan check names green_ratio; parcels whose green ratio is 绿地率 have none: with SKIP_ABSENT
    (as the plan-check models set it) the scores are those without it (as by hand above), said in the log,
    instead of the whole model failing at its end. Without it a missing field is refused (tests/bad_input)."""
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    out = rows(run({"INPUT": units, **BASE, "RESILIENCE_INDICATORS": ["green", "green_ratio", "heat"],
                    "SKIP_ABSENT": True}, feedback=feedback))
    assert [out[u]["res_score"] for u in "ABCD"] == pytest.approx([0, 0, 1, 0.75])
    assert "No field “green_ratio” in" in feedback.textLog()


def test_units_sharing_an_id_are_scored_and_named_in_the_log(provider, make_layer, rect):
    # C and D renamed "C": the scores are those by hand above; 2 units share their id.
    from qgis.core import QgsProcessingFeedback

    units = make_layer("Polygon", "EPSG:4549", "uid:string&field=co2:double&field=green:double&field=heat:double", [
        (rect(0, 0, 10, 10), ["A", 4, 10, 32]), (rect(10, 0, 10, 10), ["B", 0, 10, 32]),
        (rect(0, 10, 10, 10), ["C", 4, 30, 30]), (rect(10, 10, 10, 10), ["C", 2, 30, 31])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": units, **BASE, "UNIT_ID_FIELD": "uid"}, feedback=feedback)
    assert [f["res_score"] for f in result["OUTPUT"].getFeatures()] == pytest.approx([0, 0, 1, 0.75])
    assert "2 units share their id with another (e.g. “C”)" in feedback.textLog()


def test_bad_baselines(provider, units, make_layer, rect):
    no_id = make_layer("Polygon", "EPSG:4549", "code:string&field=co2:double&field=green:double&field=heat:double",
                       [(rect(0, 0, 1, 1), ["A", 1, 1, 1])])
    with pytest.raises(QgsProcessingException, match="has no unit id field"):
        run({"INPUT": units, **BASE, "BASELINE": no_id, "UNIT_ID_FIELD": "uid"})
    with pytest.raises(QgsProcessingException, match="needs the unit id field"):
        run({"INPUT": units, **BASE, "BASELINE": no_id})
    twice = make_layer("Polygon", "EPSG:4549", "uid:string&field=co2:double&field=green:double&field=heat:double",
                       [(rect(0, 0, 1, 1), ["A", 1, 1, 1]), (rect(0, 0, 1, 1), ["A", 2, 2, 2])])
    with pytest.raises(QgsProcessingException, match="more than one feature: A"):
        run({"INPUT": units, **BASE, "BASELINE": twice, "UNIT_ID_FIELD": "uid"})
    lacking = make_layer("Polygon", "EPSG:4549", "uid:string&field=co2:double", [(rect(0, 0, 1, 1), ["A", 1])])
    with pytest.raises(QgsProcessingException, match="Field “green” is not in"):
        run({"INPUT": units, **BASE, "BASELINE": lacking, "UNIT_ID_FIELD": "uid"})
    empty = make_layer("Polygon", "EPSG:4549", "uid:string&field=co2:double", [])
    with pytest.raises(QgsProcessingException, match="has no features"):
        run({"INPUT": units, **BASE, "BASELINE": empty, "UNIT_ID_FIELD": "uid"})
    with pytest.raises(QgsProcessingException, match="has no features"):
        run({"INPUT": empty, "LOW_CARBON_INDICATORS": ["co2"], "RESILIENCE_INDICATORS": ["co2"]})


def test_null_indicator_gives_null_scores(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4549", "uid:string&field=a:double&field=b:double", [
        (rect(0, 0, 1, 1), ["A", 1, 2]), (rect(1, 0, 1, 1), ["B", 2, 1]), (rect(2, 0, 1, 1), ["C", None, 1])])
    result = run({"INPUT": layer, "LOW_CARBON_INDICATORS": ["a"], "RESILIENCE_INDICATORS": ["b"]})
    out = rows(result)
    assert out["C"]["lc_score"] == NULL and out["C"]["quadrant"] == NULL and out["C"]["coord_d"] == NULL
    assert out["A"]["lc_score"] == pytest.approx(0.0)        # (1 − 1)/(2 − 1) over the non-missing values


def _parcel_means():
    source = ogr.Open(str(DISTRICT))
    layer = source.GetLayerByName("parcels")
    records = [(f.GetField("unit_id"), f.GetField("green_ratio"), f.GetField("far")) for f in layer]
    frame = pd.DataFrame(records, columns=["unit_id", "green_ratio", "far"])
    return frame.groupby("unit_id").mean()


def test_demo_district(provider, make_layer):
    emissions = processing.run("lcr:building_emissions", {
        "INPUT": f"{DISTRICT}|layername=buildings", "FLOORS_FIELD": "floors", "USE_FIELD": "use",
        "OUTPUT": "TEMPORARY_OUTPUT"})
    balance = processing.run("lcr:carbon_balance", {
        "INPUT": f"{DISTRICT}|layername=planning_units", "BUILDINGS": emissions["OUTPUT"],
        "BUILDING_POPULATION_FIELD": "residents", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    # Resilience indicators from the parcels (pandas group-by): mean green ratio (+) and mean FAR (−, density).
    means = _parcel_means()
    rows_in = []
    for f in balance.getFeatures():
        uid = f["unit_id"]
        cap = None if f["net_t_cap"] == NULL else f["net_t_cap"]      # NULL where a unit has no residents
        rows_in.append((f.geometry().asWkt(), [uid, cap, f["net_t_ha"],
                                               float(means.loc[uid, "green_ratio"]), float(means.loc[uid, "far"])]))
    layer = make_layer("Polygon", "EPSG:4549", "unit_id:string&field=net_t_cap:double&field=net_t_ha:double"
                       "&field=green:double&field=far:double", rows_in)
    result = run({"INPUT": layer, "LOW_CARBON_INDICATORS": ["net_t_cap", "net_t_ha"],
                  "LOW_CARBON_NEGATIVE": ["net_t_cap", "net_t_ha"], "RESILIENCE_INDICATORS": ["green", "far"],
                  "RESILIENCE_NEGATIVE": ["far"]})
    out = rows(result, "unit_id")
    assert len(out) == 6

    # Independent calculation with pandas.
    frame = pd.DataFrame([v for _, v in rows_in], columns=["unit_id", "net_t_cap", "net_t_ha", "green", "far"])
    frame = frame.set_index("unit_id").astype(float)
    mm = (frame - frame.min()) / (frame.max() - frame.min())
    u1 = ((1 - mm["net_t_cap"]) + (1 - mm["net_t_ha"])) / 2
    u2 = (mm["green"] + (1 - mm["far"])) / 2
    c = 2 * np.sqrt(u1 * u2) / (u1 + u2)
    d = np.sqrt(c * (u1 + u2) / 2)
    for uid in frame.index:
        if np.isnan(u1[uid]):
            assert out[uid]["lc_score"] == NULL and out[uid]["quadrant"] == NULL
            continue
        assert out[uid]["lc_score"] == pytest.approx(u1[uid], abs=1e-9)
        assert out[uid]["res_score"] == pytest.approx(u2[uid], abs=1e-9)
        assert out[uid]["coord_d"] == pytest.approx(d[uid], abs=1e-9)
        high = (u1[uid] >= u1.median(), u2[uid] >= u2.median())
        expected = {(True, True): "win_win", (True, False): "low_carbon_only", (False, True): "resilience_only",
                    (False, False): "neither"}[high]
        assert out[uid]["quadrant"] == expected
    assert result["MEAN_D"] == pytest.approx(d.mean(), abs=1e-9)
    both = u1.notna() & u2.notna()          # units U3 and U5 have no residents: net_t_cap NULL
    assert result["SPEARMAN_RHO"] == pytest.approx(u1[both].rank().corr(u2[both].rank()), abs=1e-9)
    assert frame["net_t_cap"].notna().sum() >= 3
    win = sum(1 for uid in frame.index if u1[uid] >= u1.median() and u2[uid] >= u2.median())
    assert result["WIN_WIN_COUNT"] == win and 0 <= win <= 6
    assert all(0 <= out[u]["res_score"] <= 1 for u in out)
    assert not math.isnan(result["SPEARMAN_RHO"])


def test_loaded_output_is_styled(provider, units):
    from qgis.core import QgsProject, QgsRuleBasedRenderer

    result = processing.runAndLoadResults("lcr:synergy", {"INPUT": units, **BASE, "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = QgsProject.instance().mapLayer(result["OUTPUT"])
    assert isinstance(layer.renderer(), QgsRuleBasedRenderer)
    rules = [rule.filterExpression() for rule in layer.renderer().rootRule().children()]
    assert "\"quadrant\" = 'win_win'" in rules
    assert [rule.label() for rule in layer.renderer().rootRule().children()] == [
        "Win-win: both scores high", "Low-carbon only", "Resilience only",
        "Neither: both scores low", "No score"]
    assert "coupling coordination" in layer.metadata().abstract()
    QgsProject.instance().removeAllMapLayers()


def test_group_is_planning_checks(provider):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("lcr:synergy")
    assert alg.groupId() == "planning_checks" and alg.group() == "Planning checks"
