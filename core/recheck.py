"""Applying proposed measures to copies of the plan layers, and comparing two plan checks.

Applying is bookkeeping, not a model: a parcel's LID storage after the measures is what it had plus
what lcr:size_lid adds (its lid_* totals, m² or m³); a building's CO2 after retrofit is co2_after_t
of lcr:carbon_measures; new sites are appended to the facilities. The only computation that needs
care is matching features of two layers by an id (``match``): a key found twice in the layer the
values come from is an error, never a silent pick.

Comparing: a check layer of lcr:planning_check holds per feature and rule r_<rule> = 1 (pass),
0 (fail) or NULL (not assessed, or not applicable to the land use). Per rule the counts of each
before and after are taken over all features of each layer; per feature present in both (matched by
id), every rule whose verdict changed is listed. Units: counts of features.
"""
import numpy as np
import pandas as pd

from .errors import InputError

__all__ = ["PASS", "FAIL", "NA", "match", "verdict_labels", "compare", "merge_values", "MEASURE_KINDS",
           "measure_of", "measures_for_rules"]

PASS, FAIL, NA = "pass", "fail", "n/a"
# The measures of the Plan measures tools, and the indicators whose rules each can repair: LID storage per parcel
# (lcr:size_lid) the runoff control rate and the design-storm retention (which counts the runoff that storage
# holds); new life-circle facilities (lcr:site_facilities) the 15-minute coverage;
# and, in a detailed plan, the life-circle completeness of a parcel (lc_score); new emergency shelters
# (lcr:site_facilities, shelter) the shelter area per resident (they are not fixed shelters, so not the fixed-shelter
# capacity share) and a parcel's walking distance to a shelter (shelter_m); PV and retrofit (lcr:carbon_measures) the
# net CO2. Other rules (floor area ratio, rail coverage, park supply, impervious share, …) no measure here repairs;
# nor the rooftop PV share (pv_share), which reads the PV potential of every usable roof: proposed PV is part of it.
LID, FACILITIES, SHELTERS, CARBON = "lid", "facilities", "shelters", "carbon"
MEASURE_KINDS = (LID, FACILITIES, SHELTERS, CARBON)
MEASURE_INDICATORS = {"ctrl_rate": LID, "retention": LID, "full_pct": FACILITIES, "lc_score": FACILITIES, "shelter_m2_cap": SHELTERS,
                      "shelter_m": SHELTERS, "net_t_cap": CARBON, "net_t_ha": CARBON, "net_co2_t": CARBON}
TABLE_COLUMNS = ["rule_id", "name_en", "name_zh", "pass_before", "fail_before", "na_before", "pass_after",
                 "fail_after", "na_after", "fixed", "broken"]


def _keys(values):
    """Ids as text, so that 7, 7.0 and "7" match; None/NaN stay None."""
    out = []
    for v in values:
        if v is None or (isinstance(v, float) and np.isnan(v)):
            out.append(None)
        elif isinstance(v, float) and v.is_integer():
            out.append(str(int(v)))
        else:
            out.append(str(v).strip())
    return np.array(out, dtype=object)


def match(target_ids, source_ids):
    """For each target id, the position of the same id among ``source_ids`` (-1 where absent).

    >>> match(["a", "b", "c"], ["c", "a"]).tolist()
    [1, -1, 0]

    An id found twice among the sources raises InputError ``duplicate_ids`` (id, count)."""
    source = pd.Series(_keys(source_ids))
    present = source.dropna()
    twice = present[present.duplicated()]
    if len(twice):
        raise InputError("duplicate_ids", value=str(twice.iloc[0]), count=int(present.duplicated().sum()))
    index = pd.Index(present.to_numpy(dtype=object))
    found = index.get_indexer(pd.Index(_keys(target_ids)))
    return np.where(found >= 0, present.index.to_numpy()[np.maximum(found, 0)] if len(present) else -1, -1)


def merge_values(current, proposed, where):
    """``current`` (n,) with ``proposed[where]`` taken where ``where`` >= 0 and the proposed value is a
    number: a parcel's LID amount after the measures (the sizing's total), or its own value elsewhere."""
    current = np.asarray(current, dtype=float)
    where = np.asarray(where)
    proposed = np.asarray(proposed, dtype=float)
    taken = proposed[np.maximum(where, 0)] if len(proposed) else np.full(len(where), np.nan)
    use = (where >= 0) & np.isfinite(taken)
    return np.where(use, taken, current), int(use.sum())


def verdict_labels(values):
    """1 → pass, 0 → fail, anything else (NULL: not assessed or not applicable) → n/a."""
    values = np.asarray(values, dtype=float)
    return np.where(values == 1, PASS, np.where(values == 0, FAIL, NA)).astype(object)


def compare(rules, before, after, before_ids=None, after_ids=None):
    """Per rule counts before and after, and the verdicts that changed per feature.

    ``rules``: [(field, rule_id, name_en, name_zh)]; ``before`` / ``after``: {field: (n,) 1/0/NaN}
    (a field missing from one layer counts all its features n/a there); ``*_ids``: the feature ids
    that match the two layers (None: by position). Returns (table, changes): table with
    TABLE_COLUMNS (fixed: fail → pass, broken: pass → fail, over the matched features); changes with
    columns position_after, id, rule_id, before, after, one row per changed verdict.

    >>> t, c = compare([("r_a", "A", "a", "甲")], {"r_a": [0, 1, np.nan]}, {"r_a": [1, 1, 0]})
    >>> t[["pass_before", "fail_before", "na_before", "pass_after", "fail_after", "fixed"]].values.tolist()
    [[1, 1, 1, 2, 1, 1]]
    >>> c[["id", "before", "after"]].values.tolist()
    [['1', 'fail', 'pass'], ['3', 'n/a', 'fail']]
    """
    n_before = len(next(iter(before.values()))) if before else 0
    n_after = len(next(iter(after.values()))) if after else 0
    before_ids = _keys(np.arange(1, n_before + 1) if before_ids is None else before_ids)
    after_ids = _keys(np.arange(1, n_after + 1) if after_ids is None else after_ids)
    where = match(after_ids, before_ids)
    matched = where >= 0
    rows, changes = [], []
    for field, rule_id, name_en, name_zh in rules:
        b = verdict_labels(before.get(field, np.full(n_before, np.nan)))
        a = verdict_labels(after.get(field, np.full(n_after, np.nan)))
        b_matched = np.where(matched, b[np.maximum(where, 0)] if n_before else NA, None)
        changed = matched & (b_matched != a)
        rows.append([rule_id, name_en, name_zh, int((b == PASS).sum()), int((b == FAIL).sum()), int((b == NA).sum()),
                     int((a == PASS).sum()), int((a == FAIL).sum()), int((a == NA).sum()),
                     int((changed & (b_matched == FAIL) & (a == PASS)).sum()),
                     int((changed & (b_matched == PASS) & (a == FAIL)).sum())])
        positions = np.flatnonzero(changed)
        changes.append(pd.DataFrame({"position_after": positions, "id": after_ids[positions],
                                     "rule_id": rule_id, "before": b_matched[positions], "after": a[positions]}))
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    changes = pd.concat(changes, ignore_index=True) if changes else pd.DataFrame(
        columns=["position_after", "id", "rule_id", "before", "after"])
    return table, changes.sort_values(["position_after", "rule_id"], kind="stable").reset_index(drop=True)


def measure_of(indicator, kinds=MEASURE_KINDS):
    """The measure among ``kinds`` that can repair a rule on ``indicator``, "" where none of them can.

    >>> measure_of("net_t_cap"), measure_of("far"), measure_of("ctrl_rate", (CARBON,))
    ('carbon', '', '')
    """
    kind = MEASURE_INDICATORS.get(str(indicator or "").strip().lower(), "")
    return kind if kind in kinds else ""


def measures_for_rules(rules, kinds=MEASURE_KINDS):
    """Which measures the failing rules call for: ``rules`` rows (rule_id, indicator, verdict) of a check's
    rule table; ``kinds`` the measures that can be run. Returns ({kind: [rule ids]} of the failing rules a
    measure repairs, [rule ids] of the failing rules no measure among ``kinds`` repairs), in the table's order.

    >>> measures_for_rules([("A", "far", "fail"), ("B", "net_t_cap", "fail"), ("C", "full_pct", "pass")])
    ({'carbon': ['B']}, ['A'])
    """
    found, unaddressed = {}, []
    for rule_id, indicator, verdict in rules:
        if verdict != "fail":
            continue
        kind = measure_of(indicator, kinds)
        if kind:
            found.setdefault(kind, []).append(rule_id)
        else:
            unaddressed.append(rule_id)
    return found, unaddressed
