"""Standards profiles: planning rules as data (one CSV per profile) and their vectorised evaluation.

A profile is a CSV in resources/profiles/ (or a user's own file) with one rule per row and the
columns of ``COLUMNS``. Rules come from DOMAIN.md §3 (GB 55014-2021, GB 50180-2018, the MNR
territorial master-plan guide, the sponge-city guide, Covenant of Mayors, 3-30-300, ...). Each rule
carries its source, clause and a ``status``: ``verified`` where the number was read in the named
source, ``unverified`` otherwise (then it is an editable default, never a legal verdict).

Evaluation, per feature and rule: 1 = pass, 0 = fail, NaN = not assessed (value missing, or no
field for the rule's indicator). Comparisons use a relative tolerance ``RTOL`` = 1e-9: a value
``v`` equals a threshold ``t`` when |v − t| ≤ 1e-9 × max(|v|, |t|), so a value computed as 0.1 + 0.2
meets "≥ 0.3" and "== 0.3", while 8.0 does not meet "> 8".
"""
import re

import numpy as np
import pandas as pd

from . import tables
from .errors import InputError

COLUMNS = ["rule_id", "name_en", "name_zh", "indicator", "unit", "level", "side", "operator",
           "threshold", "threshold_high", "source", "clause", "status"]
OPERATORS = (">=", ">", "<=", "<", "==", "between")
LEVELS = ("master", "detailed")
SIDES = ("low_carbon", "resilience", "both")
STATUSES = ("verified", "unverified")
RTOL = 1e-9
FIELD_PREFIX = "r_"
FIELD_MAX = 20
_NOT_WORD = re.compile(r"[^0-9a-z_]")


# ---- loading ------------------------------------------------------------------------------------
def load_profile(path):
    """Read and validate a profile CSV; returns a frame with ``COLUMNS`` (thresholds as float,
    ``threshold_high`` NaN unless the operator is ``between``). ``#`` comment lines are allowed at
    the top; errors name the file line (header = line 1, comments counted)."""
    frame = tables.read_csv_table(path, COLUMNS, [])
    for column in COLUMNS:
        frame[column] = frame[column].astype(str).str.strip()
    return validate_profile(frame, str(path))


def validate_profile(frame, path=""):
    """Check a profile frame read by ``tables.read_csv_table``; raises ``InputError`` naming the line.

    Kinds: profile_empty_value, profile_bad_choice (level/side/status), profile_bad_operator,
    profile_bad_threshold, profile_between_no_high, profile_high_not_above, profile_high_not_between,
    profile_duplicate_rule.
    """
    frame = frame.copy()
    frame.attrs = dict(frame.attrs)

    def fail(kind, row, **params):
        raise InputError(kind, path=path, line=tables.line_of(frame, row), **params)

    for column in ("level", "side", "status"):
        frame[column] = frame[column].str.lower()
    frame["rule_id"] = frame["rule_id"].str.strip()
    choices = {"level": LEVELS, "side": SIDES, "status": STATUSES, "operator": OPERATORS}
    for row in range(len(frame)):
        record = frame.iloc[row]
        for column in ("rule_id", "indicator"):
            if not record[column]:
                fail("profile_empty_value", row, column=column)
        if record["operator"] not in OPERATORS:
            fail("profile_bad_operator", row, value=record["operator"], allowed=", ".join(OPERATORS))
        for column in ("level", "side", "status"):
            if record[column] not in choices[column]:
                fail("profile_bad_choice", row, column=column, value=record[column],
                     allowed=", ".join(choices[column]))
        low = _number(record["threshold"])
        if low is None:
            fail("profile_bad_threshold", row, column="threshold", value=record["threshold"])
        high_text = record["threshold_high"]
        if record["operator"] == "between":
            if not high_text:
                fail("profile_between_no_high", row, rule=record["rule_id"])
            high = _number(high_text)
            if high is None:
                fail("profile_bad_threshold", row, column="threshold_high", value=high_text)
            if not high > low:
                fail("profile_high_not_above", row, rule=record["rule_id"], low=low, high=high)
        elif high_text:
            fail("profile_high_not_between", row, rule=record["rule_id"], operator=record["operator"])
    duplicated = frame["rule_id"].str.lower().duplicated()
    if duplicated.any():
        row = int(np.flatnonzero(duplicated.to_numpy())[0])
        fail("profile_duplicate_rule", row, rule=frame["rule_id"].iloc[row])
    frame["threshold"] = frame["threshold"].astype(float)
    frame["threshold_high"] = pd.to_numeric(frame["threshold_high"].replace("", np.nan)).astype(float)
    return frame.reset_index(drop=True)


def _number(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if np.isfinite(value) else None


def select_level(profile, level):
    """Rules of one planning level (``master`` or ``detailed``), or all rules for None."""
    if level is None:
        return profile
    chosen = profile[profile["level"] == level].reset_index(drop=True)
    chosen.attrs = {}
    return chosen


# ---- fields ----------------------------------------------------------------------------------
def parse_field_map(text, rule_ids):
    """``"rule_id=field, rule_id=field"`` → {rule_id as in the profile: field}. Rule ids match
    case-insensitively. Kinds: field_map_syntax, field_map_unknown_rule, field_map_repeated."""
    by_key = {str(r).lower(): r for r in rule_ids}
    mapping = {}
    for item in (text or "").split(","):
        if not item.strip():
            continue
        key, sep, field = item.partition("=")
        key, field = key.strip(), field.strip()
        if not sep or not key or not field:
            raise InputError("field_map_syntax", item=item.strip())
        rule = by_key.get(key.lower())
        if rule is None:
            raise InputError("field_map_unknown_rule", rule=key, rules=", ".join(rule_ids))
        if rule in mapping:
            raise InputError("field_map_repeated", rule=rule)
        mapping[rule] = field
    return mapping


def resolve_fields(profile, field_names, mapping):
    """Field read by each rule: the mapped field, else the field named like the rule's indicator
    (exact name, else case-insensitive), else None (rule not assessed). Mapped fields must exist:
    kind field_map_missing_field."""
    exact = set(field_names)
    folded = {}
    for name in field_names:
        folded.setdefault(name.lower(), name)
    fields = []
    for rule, indicator in zip(profile["rule_id"], profile["indicator"]):
        if rule in mapping:
            field = mapping[rule]
            if field not in exact:
                field = folded.get(field.lower())
                if field is None:
                    raise InputError("field_map_missing_field", rule=rule, field=mapping[rule],
                                     fields=", ".join(field_names))
            fields.append(field)
        else:
            fields.append(indicator if indicator in exact else folded.get(indicator.lower()))
    return fields


def rule_field_names(rule_ids):
    """Output field per rule: ``r_`` + rule id lower-cased, characters other than a–z, 0–9 and _
    as ``_``, cut to 20 characters (shapefile-safe). Where two rules would get the same name the
    later one ends in ``_2``, ``_3`` … (still ≤ 20 characters)."""
    names, seen = [], set()
    for rule in rule_ids:
        base = (FIELD_PREFIX + _NOT_WORD.sub("_", str(rule).strip().lower()))[:FIELD_MAX]
        name, n = base, 1
        while name in seen:
            n += 1
            suffix = f"_{n}"
            name = base[:FIELD_MAX - len(suffix)] + suffix
        seen.add(name)
        names.append(name)
    return names


# ---- evaluation -------------------------------------------------------------------------------
def compare(values, operator, threshold, threshold_high=np.nan):
    """1.0 where ``values`` meet ``operator threshold`` (``between``: threshold ≤ v ≤ threshold_high,
    both ends inclusive), 0.0 where not, NaN where the value is missing. Equality within RTOL."""
    v = np.asarray(values, dtype=float)

    def close(t):
        return np.abs(v - t) <= RTOL * np.maximum(np.abs(v), abs(t))

    with np.errstate(invalid="ignore"):
        if operator == ">=":
            ok = (v > threshold) | close(threshold)
        elif operator == ">":
            ok = (v > threshold) & ~close(threshold)
        elif operator == "<=":
            ok = (v < threshold) | close(threshold)
        elif operator == "<":
            ok = (v < threshold) & ~close(threshold)
        elif operator == "==":
            ok = close(threshold)
        elif operator == "between":
            ok = (((v > threshold) | close(threshold))
                  & ((v < threshold_high) | close(threshold_high)))
        else:
            raise InputError("profile_bad_operator", path="", line="?", value=operator,
                             allowed=", ".join(OPERATORS))
    return np.where(np.isnan(v), np.nan, ok.astype(float))


def evaluate(values, profile):
    """Per feature and rule, 1 pass / 0 fail / NaN not assessed.

    ``values``: DataFrame with one column per rule id (indicator values, NaN where missing; a rule
    without a column is not assessed). Returns a float DataFrame with the rule ids as columns."""
    n = len(values)
    out = {}
    for rule, op, low, high in zip(profile["rule_id"], profile["operator"], profile["threshold"],
                                   profile["threshold_high"]):
        if rule in values.columns:
            out[rule] = compare(values[rule].to_numpy(float), op, low, high)
        else:
            out[rule] = np.full(n, np.nan)
    return pd.DataFrame(out, index=values.index, columns=list(profile["rule_id"]))


def feature_summary(results):
    """Per feature: n_pass, n_fail, n_na (rules not assessed) and score = n_pass / (n_pass + n_fail),
    NaN where no rule was assessed. Returns a DataFrame."""
    r = results.to_numpy(float)
    n_pass = (r == 1).sum(axis=1)
    n_fail = (r == 0).sum(axis=1)
    n_na = np.isnan(r).sum(axis=1)
    assessed = n_pass + n_fail
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(assessed > 0, n_pass / np.maximum(assessed, 1), np.nan)
    return pd.DataFrame({"score": score, "n_pass": n_pass, "n_fail": n_fail, "n_na": n_na},
                        index=results.index)


def tally(values, results):
    """Per-rule sums of one batch of features, to add up over chunks: n_pass, n_fail, n_na,
    v_min, v_max, v_sum, v_count (of the values that were assessed)."""
    r = results.to_numpy(float)
    v = np.column_stack([values[c].to_numpy(float) if c in values.columns else np.full(len(results), np.nan)
                         for c in results.columns]) if len(results.columns) else np.zeros((len(results), 0))
    v = np.where(np.isnan(r), np.nan, v)
    has = ~np.isnan(v)
    with np.errstate(invalid="ignore"):
        frame = pd.DataFrame({
            "n_pass": (r == 1).sum(axis=0), "n_fail": (r == 0).sum(axis=0), "n_na": np.isnan(r).sum(axis=0),
            "v_min": np.where(has.any(axis=0), np.nanmin(np.where(has, v, np.inf), axis=0), np.nan),
            "v_max": np.where(has.any(axis=0), np.nanmax(np.where(has, v, -np.inf), axis=0), np.nan),
            "v_sum": np.where(has, v, 0.0).sum(axis=0), "v_count": has.sum(axis=0)},
            index=list(results.columns))
    return frame


def add_tallies(a, b):
    """Sum of two ``tally`` frames (None counts as empty)."""
    if a is None:
        return b
    if b is None:
        return a
    out = a[["n_pass", "n_fail", "n_na", "v_sum", "v_count"]] + b[["n_pass", "n_fail", "n_na", "v_sum", "v_count"]]
    out["v_min"] = np.fmin(a["v_min"], b["v_min"])
    out["v_max"] = np.fmax(a["v_max"], b["v_max"])
    return out


def rule_verdicts(profile, fields, total):
    """One row per rule: the profile's columns, ``field`` (read, or "" where none), ``verdict``
    (``pass`` when every assessed feature passes, ``fail`` when any fails, ``not_assessed`` when
    none has a value), n_pass, n_fail, n_na, value_min, value_mean, value_max."""
    table = profile[COLUMNS].copy().reset_index(drop=True)
    table.attrs = {}
    table.insert(4, "field", ["" if f is None else f for f in fields])
    ids = list(profile["rule_id"])
    t = total.reindex(ids) if total is not None else None
    for column in ("n_pass", "n_fail", "n_na"):
        table[column] = (t[column].fillna(0).astype(int).to_numpy() if t is not None else np.zeros(len(ids), int))
    if t is not None:
        count = t["v_count"].to_numpy(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            table["value_min"] = t["v_min"].to_numpy(float)
            table["value_mean"] = np.where(count > 0, t["v_sum"].to_numpy(float) / np.maximum(count, 1), np.nan)
            table["value_max"] = t["v_max"].to_numpy(float)
    else:
        for column in ("value_min", "value_mean", "value_max"):
            table[column] = np.nan
    verdict = np.where(table["n_fail"] > 0, "fail", np.where(table["n_pass"] > 0, "pass", "not_assessed"))
    table.insert(table.columns.get_loc("status") + 1, "verdict", verdict)
    return table
