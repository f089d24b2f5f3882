"""Composite (risk / resilience) index of planning units from indicator columns.

OECD/JRC Handbook on constructing composite indicators (2008); INFORM (EC-JRC):
each indicator is normalised to a common scale, weighted, and the weighted components are
aggregated into one index per unit.

- Normalisation (``normalise``): min–max x′ = (x − min)/(max − min), reversed for a "negative"
  (higher is worse) indicator as (max − x)/(max − min); z-score x′ = (x − mean)/sd (population sd,
  sign reversed for negative indicators); target x′ = min(x/target, 1), reversed min(target/x, 1);
  or none (the values are already on a common scale, e.g. the INFORM 0–10 dimensions).
- Weighting: equal (1/k), user weights (normalised to sum 1), or entropy weights (熵权法,
  ``entropy_weights``).
- Aggregation (``aggregate``): weighted arithmetic mean Σ w_j x′_j, or weighted geometric mean
  Π x′_j^w_j (INFORM: Risk = HE^(1/3)·V^(1/3)·LCC^(1/3)).

Indicators are a matrix: one row per unit, one column per indicator, NaN for a missing value.
A unit with any missing indicator gets a missing index (never a silent 0). Everything is unitless.
"""
import warnings

import numpy as np
import pandas as pd

from .errors import InputError

# Saved models store the chosen index of each option: only ever append to these tuples.
NORM_MINMAX, NORM_ZSCORE, NORM_TARGET, NORM_NONE = "minmax", "zscore", "target", "none"
NORMALISATIONS = (NORM_MINMAX, NORM_ZSCORE, NORM_TARGET, NORM_NONE)
WEIGHT_EQUAL, WEIGHT_USER, WEIGHT_ENTROPY = "equal", "user", "entropy"
WEIGHTINGS = (WEIGHT_EQUAL, WEIGHT_USER, WEIGHT_ENTROPY)
AGG_ARITHMETIC, AGG_GEOMETRIC = "arithmetic", "geometric"
AGGREGATIONS = (AGG_ARITHMETIC, AGG_GEOMETRIC)

# Weighted geometric mean: components below this floor are raised to it, so that a unit that is the
# worst on one indicator (min–max gives it 0) is not wiped out to 0 whatever its other indicators.
GEOMETRIC_FLOOR = 0.01
NAME_LENGTH = 20   # shapefile-safe field names


def parse_pairs(text, fields, what):
    """``{field: value}`` from "field=value, field=value" (``what`` names the parameter in errors).

    Every field must be one of ``fields`` and appear once; every value must be a number > 0 for
    targets, ≥ 0 for weights. Chinese commas (，) and semicolons also separate items.
    """
    pairs = {}
    if not text or not text.strip():
        return pairs
    for separator in ("，", ";", "；"):
        text = text.replace(separator, ",")
    for item in text.split(","):
        item = item.strip()
        if not item:
            continue
        field, sign, value = item.rpartition("=")
        field = field.strip()
        if not sign or not field or not value.strip():
            raise InputError("pair_syntax", what=what, item=item)
        if field not in fields:
            raise InputError("pair_unknown_field", what=what, item=item, field=field,
                             fields=", ".join(fields))
        if field in pairs:
            raise InputError("pair_duplicate", what=what, item=item, field=field)
        try:
            number = float(value)
        except ValueError:
            raise InputError("pair_bad_number", what=what, item=item) from None
        if not np.isfinite(number) or number < 0 or (what == "TARGETS" and number == 0):
            raise InputError("pair_bad_number", what=what, item=item)
        pairs[field] = number
    return pairs


def component_names(fields, limit=NAME_LENGTH):
    """Output names of the normalised components: "n_" + field, cut to ``limit`` characters.

    Where two cut names collide, the later one ends in _2, _3 … (its stem cut further so the name
    still has at most ``limit`` characters).
    """
    names, taken = [], set()
    for field in fields:
        name = ("n_" + field)[:limit]
        number = 1
        while name in taken:
            number += 1
            suffix = f"_{number}"
            name = ("n_" + field)[:limit - len(suffix)] + suffix
        taken.add(name)
        names.append(name)
    return names


def normalise(matrix, negative, method, targets=None):
    """Normalised indicator matrix (n × k) of ``method`` (one of NORMALISATIONS); NaN stays NaN.

    ``negative``: k booleans, True where a higher value is worse. Statistics (min, max, mean, sd)
    are those of each column's non-missing values.
    - min–max: (x − min)/(max − min), negative (max − x)/(max − min); 0–1. A constant column
      (max = min) carries no contrast: every unit gets 1.
    - z-score: (x − mean)/sd, negative (mean − x)/sd; a constant column gives 0.
    - target: min(x/target, 1), negative min(target/x, 1) (x ≤ 0 counts as meeting the target: 1);
      ``targets`` holds a target > 0 per column. 0–1 for non-negative x.
    - none: the values unchanged (they must already share a scale and direction; ``negative`` is
      then ignored, the caller refuses it).
    """
    x = np.asarray(matrix, dtype=float)
    negative = np.asarray(negative, dtype=bool)
    # A column with no value at all (every unit without residents: per-capita NaN) stays NaN; numpy's
    # "All-NaN slice" / "Mean of empty slice" warnings would only print to the console of qgis_process.
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        if method == NORM_NONE:
            return x.copy()
        if method == NORM_MINMAX:
            low, high = np.nanmin(x, axis=0), np.nanmax(x, axis=0)
            span = high - low
            out = np.where(negative, high - x, x - low) / np.where(span > 0, span, 1.0)
            return np.where((span > 0) | np.isnan(x), out, 1.0)
        if method == NORM_ZSCORE:
            mean, sd = np.nanmean(x, axis=0), np.nanstd(x, axis=0)
            out = np.where(negative, mean - x, x - mean) / np.where(sd > 0, sd, 1.0)
            return np.where((sd > 0) | np.isnan(x), out, 0.0)
        if method == NORM_TARGET:
            target = np.asarray(targets, dtype=float)
            positive = np.minimum(x / target, 1.0)
            reverse = np.where(x > 0, np.minimum(target / np.where(x > 0, x, 1.0), 1.0), 1.0)
            return np.where(np.isnan(x), np.nan, np.where(negative, reverse, positive))
    raise InputError("method_unknown", value=method)


def entropy_weights(normalised):
    """Entropy weights (熵权法) of the columns of a complete, non-negative normalised matrix (n × k).

    p_ij = x′_ij / Σ_i x′_ij; e_j = −(1/ln n) Σ_i p_ij ln p_ij (0·ln 0 = 0);
    w_j = (1 − e_j) / Σ_k (1 − e_k). A column summing to 0 has e_j = 1 (no information, weight 0).
    Where no column carries information (all e_j = 1), weights are equal.
    Returns (weights, entropies). Needs n ≥ 2 rows.
    """
    x = np.asarray(normalised, dtype=float)
    n, k = x.shape
    if n < 2:
        raise InputError("entropy_too_few", n=n)
    if (x < 0).any():
        raise InputError("entropy_negative")
    totals = x.sum(axis=0)
    p = x / np.where(totals > 0, totals, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    entropy = np.where(totals > 0, -plogp.sum(axis=0) / np.log(n), 1.0)
    entropy = np.clip(entropy, 0.0, 1.0)
    divergence = 1.0 - entropy
    if divergence.sum() <= 1e-12:
        return np.full(k, 1.0 / k), entropy
    return divergence / divergence.sum(), entropy


def user_weights(pairs, fields):
    """Weights from ``{field: weight ≥ 0}`` for every field in ``fields``, normalised to sum 1."""
    missing = [f for f in fields if f not in pairs]
    if missing:
        raise InputError("weights_missing", fields=", ".join(missing))
    weights = np.array([pairs[f] for f in fields], dtype=float)
    if weights.sum() <= 0:
        raise InputError("weights_zero")
    return weights / weights.sum()


def aggregate(normalised, weights, method):
    """Composite index per row: weighted arithmetic mean Σ_j w_j x′_j or weighted geometric mean
    Π_j max(x′_j, GEOMETRIC_FLOOR)^w_j (weights summing to 1). NaN where any component is NaN.

    Returns (index, floored): ``floored`` counts components raised to the floor (geometric only).
    The geometric mean refuses negative components (z-scores): it has no meaning for them.
    """
    x = np.asarray(normalised, dtype=float)
    w = np.asarray(weights, dtype=float)
    complete = ~np.isnan(x).any(axis=1)
    index = np.full(x.shape[0], np.nan)
    if method == AGG_ARITHMETIC:
        index[complete] = x[complete] @ w
        return index, 0
    if method == AGG_GEOMETRIC:
        values = x[complete]
        if (values < 0).any():
            raise InputError("geometric_negative")
        floored = int((values < GEOMETRIC_FLOOR).sum())
        index[complete] = np.exp(np.log(np.maximum(values, GEOMETRIC_FLOOR)) @ w)
        return index, floored
    raise InputError("method_unknown", value=method)


def rank(index):
    """Rank of each index value, 1 = highest (best); ties share the best rank; NaN stays NaN."""
    return pd.Series(np.asarray(index, dtype=float)).rank(ascending=False, method="min").to_numpy()


def composite_index(matrix, fields, negative_fields=(), normalisation=NORM_MINMAX, weighting=WEIGHT_EQUAL,
                    aggregation=AGG_ARITHMETIC, targets=None, weights=None):
    """Everything at once: normalised components, weights, index, rank.

    ``matrix`` n × k raw indicators (NaN missing), ``fields`` their k names, ``negative_fields`` the
    names where higher is worse, ``targets``/``weights`` ``{field: value}`` (see ``parse_pairs``).
    Entropy weights are computed on the units with all indicators present.
    Returns a dict: normalised (n × k), weights (k), entropy (k or None), index (n), rank (n),
    missing (units without an index), floored (components raised to GEOMETRIC_FLOOR).
    """
    fields = list(fields)
    unknown = [f for f in negative_fields if f not in fields]
    if unknown:
        raise InputError("negative_not_indicator", fields=", ".join(unknown))
    for value, options in ((normalisation, NORMALISATIONS), (weighting, WEIGHTINGS), (aggregation, AGGREGATIONS)):
        if value not in options:
            raise InputError("method_unknown", value=value)
    negative = np.array([f in negative_fields for f in fields], dtype=bool)
    if normalisation == NORM_NONE and negative.any():
        raise InputError("negative_without_normalisation", fields=", ".join(negative_fields))
    target_values = None
    if normalisation == NORM_TARGET:
        targets = targets or {}
        missing = [f for f in fields if f not in targets]
        if missing:
            raise InputError("targets_missing", fields=", ".join(missing))
        target_values = [targets[f] for f in fields]
    x = np.asarray(matrix, dtype=float).reshape(-1, len(fields))
    normalised = normalise(x, negative, normalisation, target_values)
    complete = ~np.isnan(normalised).any(axis=1)
    entropy = None
    if weighting == WEIGHT_EQUAL:
        w = np.full(len(fields), 1.0 / len(fields))
    elif weighting == WEIGHT_USER:
        w = user_weights(weights or {}, fields)
    else:
        w, entropy = entropy_weights(normalised[complete])
    index, floored = aggregate(normalised, w, aggregation)
    return {"normalised": normalised, "weights": w, "entropy": entropy, "index": index,
            "rank": rank(index), "missing": int((~complete).sum()), "floored": floored}
