"""core.composite: normalisation, weights and aggregation, against hand-worked numbers."""
import math

import numpy as np
import pytest

from lcr_toolkit.core import composite
from lcr_toolkit.core.errors import InputError


def test_inform_geometric_mean_on_raw_scores():
    # Worked by hand: HE 6, V 4, LCC 5 on 0–10, equal weights → (6·4·5)^(1/3) = 120^(1/3) = 4.932424.
    result = composite.composite_index([[6, 4, 5]], ["he", "v", "lcc"], normalisation="none",
                                       aggregation="geometric")
    assert result["index"][0] == pytest.approx(4.932424, abs=1e-6)
    assert result["weights"] == pytest.approx([1 / 3] * 3)


def test_minmax_with_negative_indicator():
    # a (positive) = 0, 5, 10 → (x − 0)/10 = 0, 0.5, 1.
    # b (negative) = 2, 6, 4 → (6 − x)/(6 − 2) = 1, 0, 0.5.
    # Equal weights, arithmetic: (0 + 1)/2 = 0.5, (0.5 + 0)/2 = 0.25, (1 + 0.5)/2 = 0.75 → ranks 2, 3, 1.
    result = composite.composite_index([[0, 2], [5, 6], [10, 4]], ["a", "b"], negative_fields=["b"])
    assert result["normalised"] == pytest.approx(np.array([[0, 1], [0.5, 0], [1, 0.5]]))
    assert result["index"] == pytest.approx([0.5, 0.25, 0.75])
    assert list(result["rank"]) == [2, 3, 1]


def test_constant_column_gives_one_and_zscore():
    out = composite.normalise([[3, 1], [3, 2], [3, 3]], [False, False], "minmax")
    assert out[:, 0] == pytest.approx([1, 1, 1])          # max = min: no contrast → 1 for all
    # z-score of 1, 2, 3: mean 2, population sd √(2/3) = 0.816497 → −1.224745, 0, 1.224745.
    z = composite.normalise([[1], [2], [3]], [False], "zscore")[:, 0]
    assert z == pytest.approx([-1.224745, 0, 1.224745], abs=1e-6)
    zn = composite.normalise([[1], [2], [3]], [True], "zscore")[:, 0]
    assert zn == pytest.approx([1.224745, 0, -1.224745], abs=1e-6)


def test_entropy_weights_by_hand():
    # Column 1 = 1, 1, 2 → p = .25, .25, .5;  Σ p ln p = 2·.25·ln .25 + .5·ln .5
    #   = .5·(−1.386294) + .5·(−0.693147) = −1.039721;  e1 = 1.039721 / ln 3 (1.098612) = 0.946395.
    # Column 2 = 0, 1, 1 → p = 0, .5, .5 (0·ln 0 = 0);  Σ = ln .5 = −0.693147;  e2 = 0.630930.
    # 1 − e = 0.053605, 0.369070, sum 0.422675 → w = 0.126824, 0.873176.
    weights, entropy = composite.entropy_weights(np.array([[1, 0], [1, 1], [2, 1]], float))
    assert entropy == pytest.approx([0.946395, 0.630930], abs=1e-6)
    assert weights == pytest.approx([0.126824, 0.873176], abs=1e-6)
    # A constant column carries no information: e = 1, weight 0; all constant → equal weights.
    w, e = composite.entropy_weights(np.array([[1, 1], [1, 2]], float))
    assert e[0] == pytest.approx(1) and w == pytest.approx([0, 1])
    w, _ = composite.entropy_weights(np.ones((3, 2)))
    assert w == pytest.approx([0.5, 0.5])


def test_entropy_through_composite_index():
    # Raw a = 0, 0, 5 → min-max 0, 0, 1;  b = 1, 2, 2 → 0, 1, 1 (n = 3).
    # a: p = 0, 0, 1 → e = 0;  b: p = 0, .5, .5 → e = ln 2/ln 3 = 0.630930.
    # 1 − e = 1, 0.369070 → w = 1/1.369070 = 0.730423, 0.269577.
    result = composite.composite_index([[0, 1], [0, 2], [5, 2]], ["a", "b"], weighting="entropy")
    assert result["weights"] == pytest.approx([0.730423, 0.269577], abs=1e-6)
    assert result["index"] == pytest.approx([0, 0.269577, 1], abs=1e-6)


def test_user_weights_and_target():
    # Weights a=3, b=1 → 0.75, 0.25. Target 10 for both; a = 5, 20 → min(x/10, 1) = 0.5, 1;
    # b negative = 20, 5 → min(10/x, 1) = 0.5, 1. Index 0.75·0.5 + 0.25·0.5 = 0.5; 1.
    pairs = composite.parse_pairs("a=3, b = 1", ["a", "b"], "WEIGHTS")
    targets = composite.parse_pairs("a=10；b=10", ["a", "b"], "TARGETS")
    result = composite.composite_index([[5, 20], [20, 5]], ["a", "b"], ["b"], normalisation="target",
                                       weighting="user", targets=targets, weights=pairs)
    assert result["weights"] == pytest.approx([0.75, 0.25])
    assert result["normalised"] == pytest.approx(np.array([[0.5, 0.5], [1, 1]]))
    assert result["index"] == pytest.approx([0.5, 1])


def test_geometric_floor_and_negative_refused():
    # Components 0 and 1, equal weights: 0 is raised to 0.01 → √(0.01·1) = 0.1.
    index, floored = composite.aggregate([[0, 1]], [0.5, 0.5], "geometric")
    assert index[0] == pytest.approx(0.1) and floored == 1
    with pytest.raises(InputError) as err:
        composite.aggregate([[-1, 1]], [0.5, 0.5], "geometric")
    assert err.value.kind == "geometric_negative"


def test_nulls_give_missing_index():
    # Row 2 lacks b: its index is NaN and counted; min-max of b uses 2 and 4 only.
    result = composite.composite_index([[0, 2], [10, math.nan], [5, 4]], ["a", "b"])
    assert result["missing"] == 1
    assert math.isnan(result["index"][1]) and math.isnan(result["rank"][1])
    assert result["normalised"][:, 1][[0, 2]] == pytest.approx([0, 1])
    assert result["index"][[0, 2]] == pytest.approx([0, 0.75])     # (0 + 0)/2, (0.5 + 1)/2
    assert list(result["rank"][[0, 2]]) == [2, 1]


@pytest.mark.parametrize("text, kind, item", [
    ("a=1, b", "pair_syntax", "b"),
    ("a=1, c=2", "pair_unknown_field", "c=2"),
    ("a=x", "pair_bad_number", "a=x"),
    ("a=-1", "pair_bad_number", "a=-1"),
    ("a=1, a=2", "pair_duplicate", "a=2"),
])
def test_bad_pairs_name_the_item(text, kind, item):
    with pytest.raises(InputError) as err:
        composite.parse_pairs(text, ["a", "b"], "WEIGHTS")
    assert err.value.kind == kind and err.value.params["item"] == item


def test_zero_target_and_missing_entries_refused():
    with pytest.raises(InputError) as err:
        composite.parse_pairs("a=0", ["a"], "TARGETS")
    assert err.value.kind == "pair_bad_number"
    with pytest.raises(InputError) as err:
        composite.composite_index([[1, 2]], ["a", "b"], weighting="user", weights={"a": 1})
    assert err.value.kind == "weights_missing" and err.value.params["fields"] == "b"
    with pytest.raises(InputError) as err:
        composite.composite_index([[1, 2]], ["a", "b"], ["c"])
    assert err.value.kind == "negative_not_indicator"


def test_component_names_are_short_and_unique():
    names = composite.component_names(["green", "population_density_2020", "population_density_2021"])
    # "n_" + 18 characters; the clash keeps 18 characters and ends in _2.
    assert names == ["n_green", "n_population_density", "n_population_densi_2"]
    assert all(len(n) <= 20 for n in names)


def test_a_column_without_values_stays_missing_without_warnings():
    """A district without residents (Singapore's Marina Bay extract): its per-capita column is all NaN."""
    import warnings

    x = np.array([[np.nan, 1.0], [np.nan, 3.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for method in (composite.NORM_MINMAX, composite.NORM_ZSCORE):
            out = composite.normalise(x, [False, False], method)
            assert np.isnan(out[:, 0]).all() and out[:, 1].tolist() == ([0.0, 1.0] if method == composite.NORM_MINMAX
                                                                        else [-1.0, 1.0])
