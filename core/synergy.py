"""Synergy / trade-off between low-carbon and resilience per planning unit (the "integrate" step).

Methods document §17 (and §16 for the normalisation). Everything here is unitless.

- Scores: a low-carbon score U1 and a resilience score U2 per unit, each the weighted arithmetic mean
  of min–max normalised indicators (``composite.normalise`` / ``composite.aggregate``; equal weights
  1/k or user weights normalised to sum 1). A "negative" indicator (higher is worse, e.g. net_t_cap,
  t_air_mean) is reversed: (max − x)/(max − min). Scores lie in 0–1; 1 = best unit of the layer.
- Quadrants: a unit is "high" on a score when score ≥ threshold; thresholds are the median of the
  units (default), 0.5, or the mean. win_win (both high), low_carbon_only, resilience_only, neither.
- Coupling coordination degree (common in Chinese studies, a convention, not a standard):
  C = 2√(U1·U2)/(U1 + U2) (C = 0 when U1 + U2 = 0: nothing to couple), T = α·U1 + β·U2 with
  β = 1 − α, D = √(C·T). D is classed on the conventional 10-level scale (0–0.1 extreme imbalance
  极度失调 … 0.9–1 quality coordination 优质协调): a convention of the literature, not a standard.
- Baseline vs plan: per indicator d_<field> = plan − baseline (raw units of the field); the change
  of both scores is computed with min and max taken over baseline ∪ plan, so baseline and plan
  scores share one scale and their difference means something. Change classes: see ``change_class``.
- Across units: Spearman ρ between U1 and U2 (scipy.stats.spearmanr), NaN with fewer than 3 units.
"""
import warnings

import numpy as np
import pandas as pd
from scipy import stats

from . import composite
from .errors import InputError

# Saved models store the chosen index: only ever append.
SPLIT_MEDIAN, SPLIT_HALF, SPLIT_MEAN = "median", "half", "mean"
SPLITS = (SPLIT_MEDIAN, SPLIT_HALF, SPLIT_MEAN)

WIN_WIN, LOW_CARBON_ONLY, RESILIENCE_ONLY, NEITHER = "win_win", "low_carbon_only", "resilience_only", "neither"
QUADRANT_ZH = {WIN_WIN: "双赢", LOW_CARBON_ONLY: "仅低碳", RESILIENCE_ONLY: "仅韧性", NEITHER: "均不足"}

TRADE_OFF_LC, TRADE_OFF_RES, LOSE_LOSE, NO_CHANGE = "trade_off_lc", "trade_off_res", "lose_lose", "no_change"
CHANGE_TOLERANCE = 1e-9   # a score change within ± this counts as no change

# Conventional 10-level scale of the coupling coordination degree D (class k covers [k/10, (k+1)/10),
# the last one includes 1). Convention of Chinese coupling-coordination studies, not a standard.
COORD_CLASSES = (
    ("extreme_imbalance", "极度失调"), ("serious_imbalance", "严重失调"), ("moderate_imbalance", "中度失调"),
    ("mild_imbalance", "轻度失调"), ("near_imbalance", "濒临失调"), ("barely_coordinated", "勉强协调"),
    ("primary_coordination", "初级协调"), ("intermediate_coordination", "中级协调"),
    ("good_coordination", "良好协调"), ("quality_coordination", "优质协调"),
)
NAME_LENGTH = composite.NAME_LENGTH


def _check(fields, negative_fields):
    if not fields:
        raise InputError("no_indicators")
    unknown = [f for f in negative_fields if f not in fields]
    if unknown:
        raise InputError("negative_not_indicator", fields=", ".join(unknown))


def _weights(fields, weights):
    if weights:
        return composite.user_weights(weights, fields)
    return np.full(len(fields), 1.0 / len(fields))


def score(matrix, fields, negative_fields=(), weights=None):
    """Score per row: Σ_j w_j x′_j of min–max normalised indicators (§2.9), 0–1, NaN where any
    indicator is missing. ``weights`` {field: w ≥ 0} (normalised to sum 1) or None for equal 1/k."""
    fields = list(fields)
    _check(fields, negative_fields)
    x = np.asarray(matrix, dtype=float).reshape(-1, len(fields))
    negative = np.array([f in negative_fields for f in fields], dtype=bool)
    normalised = composite.normalise(x, negative, composite.NORM_MINMAX)
    index, _ = composite.aggregate(normalised, _weights(fields, weights), composite.AGG_ARITHMETIC)
    return index


def thresholds(u1, u2, split=SPLIT_MEDIAN):
    """The (U1, U2) thresholds of the quadrants: median or mean of the units' non-missing scores, or 0.5."""
    if split not in SPLITS:
        raise InputError("method_unknown", value=split)
    if split == SPLIT_HALF:
        return 0.5, 0.5
    result = []
    for u in (u1, u2):
        u = np.asarray(u, dtype=float)
        u = u[~np.isnan(u)]
        if not len(u):
            result.append(np.nan)
        else:
            result.append(float(np.median(u) if split == SPLIT_MEDIAN else np.mean(u)))
    return tuple(result)


def quadrant(u1, u2, t1, t2):
    """Quadrant per unit: high means score ≥ threshold. Returns (codes, Chinese names): object
    arrays, None where a score is missing."""
    u1, u2 = np.asarray(u1, dtype=float), np.asarray(u2, dtype=float)
    with np.errstate(invalid="ignore"):
        high1, high2 = u1 >= t1, u2 >= t2
    codes = np.where(high1, np.where(high2, WIN_WIN, LOW_CARBON_ONLY),
                     np.where(high2, RESILIENCE_ONLY, NEITHER)).astype(object)
    codes[np.isnan(u1) | np.isnan(u2)] = None
    zh = np.array([None if c is None else QUADRANT_ZH[c] for c in codes], dtype=object)
    return codes, zh


def coupling(u1, u2, alpha=0.5):
    """Coupling C = 2√(U1·U2)/(U1 + U2) (0 when U1 + U2 = 0), coordination T = α·U1 + (1 − α)·U2,
    coupling coordination degree D = √(C·T). Scores ≥ 0 (min–max gives 0–1). Returns (C, T, D)."""
    if not 0 <= alpha <= 1:
        raise InputError("alpha_range", alpha=alpha)
    u1, u2 = np.asarray(u1, dtype=float), np.asarray(u2, dtype=float)
    total = u1 + u2
    with np.errstate(invalid="ignore", divide="ignore"):
        c = np.where(total > 0, 2.0 * np.sqrt(u1 * u2) / np.where(total > 0, total, 1.0), 0.0)
        c = np.where(np.isnan(total), np.nan, c)
        t = alpha * u1 + (1.0 - alpha) * u2
        d = np.sqrt(c * t)
    return c, t, d


def coord_class(d):
    """Class of D on the conventional 10-level scale: (codes, Chinese names), None where D is missing.
    Class k = floor(10·D) (D rounded to 9 decimals first), D = 1 in the top class."""
    d = np.asarray(d, dtype=float)
    valid = ~np.isnan(d)
    k = np.zeros(len(d), dtype=int)
    k[valid] = np.clip(np.floor(np.round(d[valid], 9) * 10), 0, 9).astype(int)
    codes = np.array([COORD_CLASSES[i][0] if v else None for i, v in zip(k, valid)], dtype=object)
    zh = np.array([COORD_CLASSES[i][1] if v else None for i, v in zip(k, valid)], dtype=object)
    return codes, zh


def spearman(u1, u2):
    """Spearman rank correlation ρ of U1 and U2 over units with both scores; NaN for fewer than 3
    such units or a constant score (no ranking)."""
    u1, u2 = np.asarray(u1, dtype=float), np.asarray(u2, dtype=float)
    both = ~np.isnan(u1) & ~np.isnan(u2)
    if both.sum() < 3:
        return float("nan")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rho = stats.spearmanr(u1[both], u2[both])[0]
    return float(rho)


def delta_names(fields, prefix="d_", limit=NAME_LENGTH):
    """Output names of the per-indicator changes: prefix + field cut to ``limit`` characters; where
    two cut names collide the later ends in _2, _3 … (its stem cut further to stay within ``limit``)."""
    names, taken = [], set()
    for field in fields:
        name = (prefix + field)[:limit]
        number = 1
        while name in taken:
            number += 1
            suffix = f"_{number}"
            name = (prefix + field)[:limit - len(suffix)] + suffix
        taken.add(name)
        names.append(name)
    return names


def match_ids(plan_ids, base_ids):
    """Row of the baseline for each plan unit (−1 where the baseline lacks the id or the id is missing).

    Ids are compared as given (the caller passes text). Refuses a baseline with a repeated id
    (``baseline_duplicate_ids``). Baseline rows without an id are ignored.
    """
    base = pd.Series(np.asarray(base_ids, dtype=object))
    base = base[base.notna()]
    repeated = base[base.duplicated()].unique()
    if len(repeated):
        raise InputError("baseline_duplicate_ids", ids=", ".join(str(i) for i in repeated[:10]),
                         n=len(repeated))
    lookup = pd.Series(base.index.to_numpy(), index=base.to_numpy())
    plan = pd.Series(np.asarray(plan_ids, dtype=object))
    rows = plan.map(lookup)
    return rows.fillna(-1).to_numpy(dtype=int)


def change_class(lc_delta, res_delta, tolerance=CHANGE_TOLERANCE):
    """Change class per unit from the two score changes (|Δ| ≤ tolerance counts as 0):
    no_change (both 0); win_win (neither worsens, one at least improves); lose_lose (neither
    improves, one at least worsens); trade_off_lc (low-carbon improves, resilience worsens);
    trade_off_res (resilience improves, low-carbon worsens). None where a change is missing."""
    a, b = np.asarray(lc_delta, dtype=float), np.asarray(res_delta, dtype=float)
    with np.errstate(invalid="ignore"):
        sa = np.where(a > tolerance, 1, np.where(a < -tolerance, -1, 0))
        sb = np.where(b > tolerance, 1, np.where(b < -tolerance, -1, 0))
    out = np.full(len(a), None, dtype=object)
    out[(sa == 0) & (sb == 0)] = NO_CHANGE
    out[(sa >= 0) & (sb >= 0) & ((sa + sb) > 0)] = WIN_WIN
    out[(sa <= 0) & (sb <= 0) & ((sa + sb) < 0)] = LOSE_LOSE
    out[(sa > 0) & (sb < 0)] = TRADE_OFF_LC
    out[(sa < 0) & (sb > 0)] = TRADE_OFF_RES
    out[np.isnan(a) | np.isnan(b)] = None
    return out


def compare(plan_lc, base_lc, plan_res, base_res, lc_fields, res_fields, lc_negative=(), res_negative=(),
            lc_weights=None, res_weights=None):
    """Baseline-vs-plan score changes on a common scale.

    ``plan_*`` (n × k) are the plan units' indicators, ``base_*`` (n × k) the matched baseline rows
    (NaN rows for unmatched units). Min and max of each indicator are taken over baseline ∪ plan;
    both scores are recomputed for plan and baseline on that scale. Returns (lc_delta, res_delta)
    = plan score − baseline score (NaN where either is missing).
    """
    deltas = []
    for plan, base, fields, negative, weights in ((plan_lc, base_lc, lc_fields, lc_negative, lc_weights),
                                                  (plan_res, base_res, res_fields, res_negative, res_weights)):
        plan = np.asarray(plan, dtype=float).reshape(-1, len(fields))
        base = np.asarray(base, dtype=float).reshape(-1, len(fields))
        both = score(np.vstack([plan, base]), fields, negative, weights)
        deltas.append(both[:len(plan)] - both[len(plan):])
    return deltas[0], deltas[1]


def synergy(lc_matrix, res_matrix, lc_fields, res_fields, lc_negative=(), res_negative=(), lc_weights=None,
            res_weights=None, split=SPLIT_MEDIAN, alpha=0.5):
    """Everything per unit at once (no baseline). Returns a dict of arrays: lc_score, res_score,
    quadrant, quadrant_zh, coupling_c, coord_t, coord_d, coord_class, coord_class_zh; and scalars
    thresholds (t1, t2), win_win (count), mean_d (NaN if none), rho (Spearman, NaN < 3 units),
    missing (units without both scores)."""
    _check(list(lc_fields), lc_negative)
    _check(list(res_fields), res_negative)
    u1 = score(lc_matrix, lc_fields, lc_negative, lc_weights)
    u2 = score(res_matrix, res_fields, res_negative, res_weights)
    t1, t2 = thresholds(u1, u2, split)
    codes, zh = quadrant(u1, u2, t1, t2)
    c, t, d = coupling(u1, u2, alpha)
    cls, cls_zh = coord_class(d)
    valid = ~np.isnan(d)
    return {"lc_score": u1, "res_score": u2, "quadrant": codes, "quadrant_zh": zh, "coupling_c": c,
            "coord_t": t, "coord_d": d, "coord_class": cls, "coord_class_zh": cls_zh, "thresholds": (t1, t2),
            "win_win": int((codes == WIN_WIN).sum()), "mean_d": float(d[valid].mean()) if valid.any() else float("nan"),
            "rho": spearman(u1, u2), "missing": int((~valid).sum())}
