"""core.synergy: scores, quadrants, coupling coordination, Spearman and baseline changes by hand."""
import math

import numpy as np
import pytest

from lcr_toolkit.core import synergy
from lcr_toolkit.core.errors import InputError


def test_coupling_by_hand():
    # U1 = .8, U2 = .2: C = 2√.16/1.0 = 2·.4 = .8; T = .5·.8 + .5·.2 = .5; D = √(.8·.5) = √.4 = 0.632456.
    # U1 = U2 = .5: C = 2·.5/1 = 1; T = .5; D = √.5 = 0.707107.  U1 = U2 = 0: C = 0 by definition, D = 0.
    c, t, d = synergy.coupling([0.8, 0.5, 0.0], [0.2, 0.5, 0.0])
    assert c == pytest.approx([0.8, 1.0, 0.0])
    assert t == pytest.approx([0.5, 0.5, 0.0])
    assert d == pytest.approx([0.632456, 0.707107, 0.0], abs=1e-6)
    # α = .8: T = .8·.8 + .2·.2 = .68; D = √(.8·.68) = √.544 = 0.737564.
    _, t, d = synergy.coupling([0.8], [0.2], alpha=0.8)
    assert t == pytest.approx([0.68]) and d == pytest.approx([0.737564], abs=1e-6)
    with pytest.raises(InputError):
        synergy.coupling([0.5], [0.5], alpha=1.5)


def test_coord_classes():
    codes, zh = synergy.coord_class([0.05, 0.632456, 0.707107, 0.3, 1.0, np.nan])
    assert list(codes) == ["extreme_imbalance", "primary_coordination", "intermediate_coordination",
                           "mild_imbalance", "quality_coordination", None]
    assert list(zh) == ["极度失调", "初级协调", "中级协调", "轻度失调", "优质协调", None]


def test_scores_and_quadrants_median():
    # LC indicator a (positive) 0, 10, 0, 10 → U1 = 0, 1, 0, 1.
    # RES indicator t (negative, °C) 30, 30, 28, 28 → (30 − t)/2 = 0, 0, 1, 1.
    u1 = synergy.score(np.array([[0], [10], [0], [10]]), ["a"])
    u2 = synergy.score(np.array([[30], [30], [28], [28]]), ["t"], ["t"])
    assert u1 == pytest.approx([0, 1, 0, 1]) and u2 == pytest.approx([0, 0, 1, 1])
    t1, t2 = synergy.thresholds(u1, u2)          # medians: (0 + 1)/2 = .5 each
    assert (t1, t2) == (0.5, 0.5)
    codes, zh = synergy.quadrant(u1, u2, t1, t2)
    assert list(codes) == ["neither", "low_carbon_only", "resilience_only", "win_win"]
    assert list(zh) == ["均不足", "仅低碳", "仅韧性", "双赢"]


def test_median_split_differs_from_half():
    # U1 = .1, .2, .3, .9: median (.2 + .3)/2 = .25, mean 1.5/4 = .375; U2 all .6 (median .6).
    u1, u2 = np.array([0.1, 0.2, 0.3, 0.9]), np.full(4, 0.6)
    assert synergy.thresholds(u1, u2) == pytest.approx((0.25, 0.6))
    assert synergy.thresholds(u1, u2, synergy.SPLIT_MEAN) == pytest.approx((0.375, 0.6))
    median = synergy.quadrant(u1, u2, *synergy.thresholds(u1, u2))[0]
    half = synergy.quadrant(u1, u2, 0.5, 0.5)[0]
    assert list(median) == ["resilience_only", "resilience_only", "win_win", "win_win"]
    assert list(half) == ["resilience_only", "resilience_only", "resilience_only", "win_win"]


def test_user_weights_score():
    # a = 0, 10 → 0, 1; b = 0, 4 → 0, 1 but the other way round (rows 4, 0): weights a=3, b=1 → .75/.25.
    # Row 1: .75·0 + .25·1 = .25; row 2: .75·1 + .25·0 = .75.
    u = synergy.score(np.array([[0, 4], [10, 0]]), ["a", "b"], weights={"a": 3, "b": 1})
    assert u == pytest.approx([0.25, 0.75])


def test_spearman_by_hand():
    # Ranks x 1,2,3,4; y ranks 2,1,4,3: d² = 1+1+1+1 = 4; ρ = 1 − 6·4/(4·15) = 1 − 24/60 = 0.6.
    assert synergy.spearman([0.1, 0.2, 0.3, 0.4], [0.5, 0.1, 0.9, 0.7]) == pytest.approx(0.6)
    assert math.isnan(synergy.spearman([0.1, 0.2], [0.3, 0.4]))          # < 3 units
    assert math.isnan(synergy.spearman([0.1, 0.2, np.nan], [0.3, 0.4, 0.5]))


def test_change_classes():
    lc = [0.1, 0.1, -0.1, -0.1, 0.0, 0.2, 0.0, np.nan]
    res = [0.2, -0.2, 0.3, -0.3, 0.0, 0.0, -0.1, 0.1]
    assert list(synergy.change_class(lc, res)) == [
        "win_win", "trade_off_lc", "trade_off_res", "lose_lose", "no_change", "win_win", "lose_lose", None]


def test_compare_on_common_scale():
    # LC a: baseline 0, 10 → plan 5, 10. Common min 0, max 10: baseline .0, 1.0; plan .5, 1.0 → Δ .5, 0.
    # RES t (negative): baseline 30, 28 → plan 31, 26. Common min 26, max 31: baseline (31−30)/5 = .2,
    # (31−28)/5 = .6; plan 0, 1 → Δ −.2, +.4.
    lc_d, res_d = synergy.compare([[5], [10]], [[0], [10]], [[31], [26]], [[30], [28]], ["a"], ["t"],
                                  res_negative=["t"])
    assert lc_d == pytest.approx([0.5, 0.0])
    assert res_d == pytest.approx([-0.2, 0.4])
    assert list(synergy.change_class(lc_d, res_d)) == ["trade_off_lc", "win_win"]


def test_match_ids_and_names():
    assert list(synergy.match_ids(["b", "a", "z"], ["a", "b", None])) == [1, 0, -1]
    with pytest.raises(InputError) as err:
        synergy.match_ids(["a"], ["a", "b", "a"])
    assert err.value.kind == "baseline_duplicate_ids"
    long = "abcdefghijklmnopqrstuvwxyz"
    assert synergy.delta_names(["net_t_cap", long, long + "2"]) == ["d_net_t_cap", "d_abcdefghijklmnopqr",
                                                                    "d_abcdefghijklmnop_2"]


def test_synergy_bundle_and_errors():
    out = synergy.synergy([[0.8], [0.5], [0.0], [1.0]], [[0.2], [0.5], [0.0], [1.0]], ["a"], ["b"],
                          split=synergy.SPLIT_HALF)
    # min-max: U1 = .8, .5, 0, 1 (max 1, min 0); U2 = .2, .5, 0, 1.
    assert out["coord_d"] == pytest.approx([0.632456, 0.707107, 0.0, 1.0], abs=1e-6)
    assert out["mean_d"] == pytest.approx((0.632456 + 0.707107 + 0 + 1) / 4, abs=1e-6)
    assert list(out["quadrant"]) == ["low_carbon_only", "win_win", "neither", "win_win"]
    assert out["win_win"] == 2
    with pytest.raises(InputError) as err:
        synergy.synergy([[1], [2]], [[1], [2]], ["a"], ["b"], lc_negative=["x"])
    assert err.value.kind == "negative_not_indicator"
