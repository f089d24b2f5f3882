"""Standards profiles: planning rules as data (one CSV per profile) and their vectorised evaluation.

A profile is a CSV in resources/profiles/ (or a user's own file) with one rule per row and the
columns of ``COLUMNS``. Rules come from national standards and guides (GB 55014-2021, GB 50180-2018,
GB 50413-2007, the MNR territorial master-plan guide, the sponge-city guide), Covenant of Mayors,
3-30-300, ...; each rule names its source and clause in its own row. Each rule carries a ``status``:
``verified`` where the number was read in the named source, ``unverified`` otherwise (then it is an
editable default, never a legal verdict).

A rule whose threshold depends on the parcel's climate zone and height class (GB 50180-2018 Table
4.0.2: FAR and green ratio of residential blocks) names a column of a class table in ``by_class``
(``file.csv:column``); see ``load_class_table`` and ``class_thresholds``.

Evaluation, per feature and rule: 1 = pass, 0 = fail, NaN = not assessed (value missing, or no
field for the rule's indicator). Comparisons use a relative tolerance ``RTOL`` = 1e-9: a value
``v`` equals a threshold ``t`` when |v − t| ≤ 1e-9 × max(|v|, |t|), so a value computed as 0.1 + 0.2
meets "≥ 0.3" and "== 0.3", while 8.0 does not meet "> 8".
"""
import os
import re

import numpy as np
import pandas as pd

from . import landuse, tables, textnum, units
from .errors import InputError

REQUIRED_COLUMNS = ["rule_id", "name_en", "name_zh", "indicator", "unit", "level", "side", "operator",
                    "threshold", "threshold_high", "source", "clause", "status"]
# Optional so that profiles written before the columns existed still load (as "applies to all" and
# "one threshold for every feature").
OPTIONAL_COLUMNS = ["applies_to", "by_class"]
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
OPERATORS = (">=", ">", "<=", "<", "==", "between")
LEVELS = ("master", "detailed")
SIDES = ("low_carbon", "resilience", "both")
STATUSES = ("verified", "unverified")
RTOL = 1e-9
FIELD_PREFIX = "r_"
FIELD_MAX = 20
_NOT_WORD = re.compile(r"[^0-9a-z_]")
_FIELD_UNIT = re.compile(r"^(.*?)\s*\[([^\[\]]*)\]$")
_CODE = re.compile(r"^[^\s,;|]+$")
_BY_CLASS = re.compile(r"^([^:/\\]+\.csv):([a-z0-9_]+)$", re.IGNORECASE)
# Operators a class-table threshold can take: the most lenient of several rows is well defined.
BY_CLASS_OPERATORS = (">=", ">", "<=", "<")
CLASS_ROW, OWN_THRESHOLD, ABOVE_TABLE = 1, 0, -1     # where a by_class threshold came from
CLASS_TABLE_COLUMNS = ["climate_zone", "height_class", "floors_max", "height_max_m", "source", "clause", "status"]


# ---- loading ------------------------------------------------------------------------------------
def load_profile(path):
    """Read and validate a profile CSV; returns a frame with ``COLUMNS`` (thresholds as float,
    ``threshold_high`` NaN unless the operator is ``between``). ``#`` comment lines are allowed at
    the top; errors name the file line (header = line 1, comments counted). A missing
    ``applies_to`` column reads as empty (the rule applies to every feature)."""
    frame = tables.read_csv_table(path, REQUIRED_COLUMNS, [])
    for column in COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
        # a row shorter than the header leaves NaN in its last columns
        frame[column] = frame[column].fillna("").astype(str).str.strip()
    return validate_profile(frame, str(path))


def validate_profile(frame, path=""):
    """Check a profile frame read by ``tables.read_csv_table``; raises ``InputError`` naming the line.

    Kinds: profile_empty_value, profile_bad_choice (level/side/status), profile_bad_operator,
    profile_bad_threshold, profile_between_no_high, profile_high_not_above, profile_high_not_between,
    profile_duplicate_rule, profile_bad_applies_to, profile_bad_by_class, profile_by_class_operator.

    ``applies_to``: land-use codes separated by ``|`` (e.g. ``0701|R``), each without spaces,
    commas or semicolons; stored upper-cased, joined by ``|``.

    ``by_class``: empty, or ``file.csv:column`` — the rule's threshold per feature comes from that
    column of a class table (``class_thresholds``); the operator must be one of ``BY_CLASS_OPERATORS``.
    """
    frame = frame.copy()
    frame.attrs = dict(frame.attrs)
    for column in OPTIONAL_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
        frame[column] = frame[column].fillna("").astype(str)

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
        codes = record["applies_to"].strip()
        if codes and not all(_CODE.match(code.strip()) for code in codes.split("|")):
            fail("profile_bad_applies_to", row, rule=record["rule_id"], value=codes)
        by_class = record["by_class"].strip()
        if by_class:
            if not _BY_CLASS.match(by_class):
                fail("profile_bad_by_class", row, rule=record["rule_id"], value=by_class)
            if record["operator"] not in BY_CLASS_OPERATORS:
                fail("profile_by_class_operator", row, rule=record["rule_id"], operator=record["operator"],
                     allowed=", ".join(BY_CLASS_OPERATORS))
    duplicated = frame["rule_id"].str.lower().duplicated()
    if duplicated.any():
        row = int(np.flatnonzero(duplicated.to_numpy())[0])
        fail("profile_duplicate_rule", row, rule=frame["rule_id"].iloc[row])
    frame["threshold"] = frame["threshold"].astype(float)
    frame["by_class"] = frame["by_class"].str.strip()
    frame["applies_to"] = ["|".join(c.strip().upper() for c in text.split("|") if c.strip())
                           for text in frame["applies_to"]]
    # Not replace("", nan): pandas 2.2 warns that replace will stop downcasting the column it returns.
    frame["threshold_high"] = [float(text) if text else np.nan for text in frame["threshold_high"]]
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
def _field_map_item_texts(text):
    """The items of a field map: separated by semicolons (; or the full-width ；) where it has any, so that a
    field name may hold a comma, else by commas (, or the full-width ，, as Chinese keyboards type them). Only
    the separators and = divide: a field name keeps its spaces ("park area", "绿地 面积")."""
    text = text or ""
    return re.split(r"[;；]", text) if re.search(r"[;；]", text) else re.split(r"[,，]", text)


def _field_map_items(text, rule_ids):
    """(rule, field, unit or None) per item of ``"rule_id=field[unit], ..."`` (or ``; ...``)."""
    by_key = {str(r).lower(): r for r in rule_ids}
    items, seen = [], set()
    for item in _field_map_item_texts(text):
        if not item.strip():
            continue
        key, sep, field = item.partition("=")
        key, field, unit = key.strip(), field.strip(), None
        bracket = _FIELD_UNIT.match(field)
        if bracket:
            field, unit = bracket.group(1).strip(), bracket.group(2).strip()
        if not sep or not key or not field or unit == "" or "[" in field or "]" in field:
            raise InputError("field_map_syntax", item=item.strip())
        rule = by_key.get(key.lower())
        if rule is None:
            raise InputError("field_map_unknown_rule", rule=key, rules=", ".join(rule_ids))
        if rule in seen:
            raise InputError("field_map_repeated", rule=rule)
        seen.add(rule)
        items.append((rule, field, unit))
    return items


def parse_field_map(text, rule_ids):
    """``"rule_id=field, rule_id=field[unit]"`` (or items separated by ``;``, see ``_field_map_item_texts``) →
    {rule_id as in the profile: field}. Rule ids match case-insensitively; the optional ``[unit]`` is read by
    ``parse_field_units``. Kinds:
    field_map_syntax, field_map_unknown_rule, field_map_repeated."""
    return {rule: field for rule, field, _ in _field_map_items(text, rule_ids)}


def parse_field_units(text, rule_ids):
    """{rule_id: unit} for the field-map items written ``rule_id=field[unit]``: the unit the field
    holds, when it differs from the rule's (see ``core.units``)."""
    return {rule: unit for rule, _, unit in _field_map_items(text, rule_ids) if unit is not None}


def unit_factors(profile, field_units):
    """{rule_id: multiplier} taking each field's unit to its rule's ``unit`` column (``core.units``).
    Kinds: field_map_unit_unknown (rule, unit), field_map_unit_incompatible (rule, field_unit,
    rule_unit)."""
    rule_units = dict(zip(profile["rule_id"], profile["unit"]))
    factors = {}
    for rule, unit in field_units.items():
        try:
            factors[rule] = units.factor(unit, rule_units[rule])
        except InputError as err:
            if err.kind == "unit_unknown":
                raise InputError("field_map_unit_unknown", rule=rule, unit=err.params["unit"],
                                 known=", ".join(sorted(k for k in units.TERMS if k))) from None
            raise InputError("field_map_unit_incompatible", rule=rule, field_unit=unit,
                             rule_unit=rule_units[rule]) from None
    return factors


def rule_scope(profile, codes):
    """Whether each rule applies to each feature, from the rules' ``applies_to`` codes and the
    features' land-use codes: 1 applies, 0 not applicable, NaN unknown (the rule has codes but the
    feature's code is missing). Codes are prefixes, compared ignoring case and surrounding spaces:
    ``07`` covers 0701 and 070101 (用地用海分类 2020), ``R`` covers R2 and R21 (GB 50137-2011).

    Codes are read by ``landuse.normalise_codes``: 701 and "701.0" (a code that lost its leading
    zero in a numeric field) are 0701.

    ``codes``: sequence of str/number/None per feature. Returns a float DataFrame with the rule ids
    as columns."""
    ids = list(profile["rule_id"])
    text = pd.Series(landuse.normalise_codes(codes), dtype=object)
    missing = text.isna()
    out = {}
    for rule, applies_to in zip(ids, profile["applies_to"]):
        if not applies_to:
            out[rule] = np.ones(len(text))
            continue
        # one startswith per distinct code, not per feature
        distinct = text[~missing].unique()
        hits = {c: c.startswith(tuple(applies_to.split("|"))) for c in distinct}
        out[rule] = np.where(missing, np.nan, [float(hits.get(c, False)) for c in text])
    return pd.DataFrame(out, columns=ids)


# ---- thresholds by climate zone and height class ------------------------------------------------
def load_class_table(path):
    """Read a class table: one row per climate zone and height class, with ``CLASS_TABLE_COLUMNS``
    (``floors_max`` and ``height_max_m`` numbers ≥ 0: the highest average floor count and building
    height of the class) and any number of threshold columns that rules name in ``by_class``.
    ``#`` comment lines are allowed. Keys are compared ignoring case and surrounding spaces.

    Kinds: table_* (``tables.read_csv_table``), class_table_duplicate (zone and class twice),
    profile_bad_choice (status)."""
    frame = tables.read_csv_table(path, CLASS_TABLE_COLUMNS, ["floors_max", "height_max_m"])
    for column in ("climate_zone", "height_class", "status"):
        frame[column] = frame[column].str.strip()
    frame["status"] = frame["status"].str.lower()
    for row, status in enumerate(frame["status"]):
        if status not in STATUSES:
            raise InputError("profile_bad_choice", path=str(path), line=tables.line_of(frame, row),
                             column="status", value=status, allowed=", ".join(STATUSES))
    keys = frame["climate_zone"].str.upper() + "/" + frame["height_class"].str.lower()
    duplicated = keys.duplicated()
    if duplicated.any():
        row = int(np.flatnonzero(duplicated.to_numpy())[0])
        raise InputError("class_table_duplicate", path=str(path), line=tables.line_of(frame, row),
                         zone=frame["climate_zone"].iloc[row], height_class=frame["height_class"].iloc[row])
    frame.attrs["path"] = str(path)
    return frame


def class_table_files(profile):
    """The class-table files the profile's ``by_class`` column names, in order, without repeats."""
    files = []
    for text in profile["by_class"] if "by_class" in profile.columns else []:
        match = _BY_CLASS.match(text or "")
        if match and match.group(1) not in files:
            files.append(match.group(1))
    return files


def load_class_tables(profile, folders):
    """{file: class table} for every file the profile's ``by_class`` names, each looked up in
    ``folders`` in turn (e.g. the profile's own folder, then the shipped tables). Every named column
    must be in its table and hold a number in every row. Kinds: class_table_not_found (file,
    folders), class_table_missing_column (path, column, rule), table_bad_number."""
    found = {}
    for name in class_table_files(profile):
        path = next((os.path.join(folder, name) for folder in folders
                     if folder and os.path.isfile(os.path.join(folder, name))), None)
        if path is None:
            raise InputError("class_table_not_found", file=name, folders=", ".join(f for f in folders if f))
        found[name] = load_class_table(path)
    for rule, text in zip(profile["rule_id"], profile["by_class"]):
        match = _BY_CLASS.match(text or "")
        if not match:
            continue
        table, column = found[match.group(1)], match.group(2).lower()
        if column not in table.columns:
            raise InputError("class_table_missing_column", path=table.attrs["path"], column=column, rule=rule)
        values = pd.to_numeric(table[column].astype(str).str.strip(), errors="coerce").to_numpy(float)
        bad = ~np.isfinite(values) | (np.abs(values) > tables.LARGEST_PLAUSIBLE)
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise InputError("table_bad_number", path=table.attrs["path"], line=tables.line_of(table, row),
                             column=column, value=table[column].iloc[row])
    return found


def _class_rows(table, zone, measure, limit_column):
    """For each feature measure (floors or height), the table rows of its class: per climate zone
    (``zone`` only, or every zone for None), the row with the smallest ``limit_column`` that the
    measure does not exceed (within RTOL). Returns a boolean matrix features × rows."""
    m = np.asarray(measure, dtype=float)
    limits = table[limit_column].to_numpy(float)
    zones = table["climate_zone"].str.upper().to_numpy()
    chosen = np.zeros((len(m), len(table)), bool)
    for key in ([zone.upper()] if zone is not None else sorted(set(zones))):
        rows = np.flatnonzero(zones == key)
        rows = rows[np.argsort(limits[rows], kind="stable")]
        lower = -np.inf
        with np.errstate(invalid="ignore"):
            for row in rows:
                upper = limits[row] * (1 + RTOL)
                chosen[:, row] = (m > lower) & (m <= upper)
                lower = upper
    return chosen


def class_thresholds(profile, class_tables, zone=None, floors=None, height=None):
    """Per-feature thresholds of the rules with ``by_class``, from their class tables.

    The feature's height class is taken from ``floors`` (住宅建筑平均层数, the residential
    buildings' average floor count), else from ``height`` (m) where the floors are missing; values
    ≤ 0 count as missing. Per climate zone the class is the first row (by ``floors_max`` or
    ``height_max_m``) that the value does not exceed. ``zone``: a ``climate_zone`` key of the
    tables, or None for every zone — then the most lenient of the zones' rows applies (the
    lowest threshold for ``>=``/``>``, the highest for ``<=``/``<``), so that no feature fails
    that some zone's row permits.

    Where the class is unknown (no floors nor height) the rule's own ``threshold`` applies; above
    the table's highest class the threshold is NaN (the rule is not assessed there).

    Returns ``(thresholds, source)``: {rule_id: float array per feature} and {rule_id: int array per
    feature}: ``CLASS_ROW`` (1) a class row, ``OWN_THRESHOLD`` (0) the rule's own threshold,
    ``ABOVE_TABLE`` (-1) above the highest class. Kind: class_table_no_zone (path, zone, zones)."""
    n = len(floors) if floors is not None else len(height) if height is not None else 0
    f = np.full(n, np.nan) if floors is None else np.asarray(floors, dtype=float)
    h = np.full(n, np.nan) if height is None else np.asarray(height, dtype=float)
    with np.errstate(invalid="ignore"):
        f = np.where(f > 0, f, np.nan)
        h = np.where(h > 0, h, np.nan)
    by_floors = ~np.isnan(f)
    by_height = ~by_floors & ~np.isnan(h)
    thresholds, sources = {}, {}
    for rule, text, operator, own in zip(profile["rule_id"], profile["by_class"], profile["operator"],
                                         profile["threshold"]):
        match = _BY_CLASS.match(text or "")
        if not match:
            continue
        table = class_tables[match.group(1)]
        if zone is not None and not (table["climate_zone"].str.upper() == zone.upper()).any():
            raise InputError("class_table_no_zone", path=table.attrs.get("path", match.group(1)), zone=zone,
                             zones=", ".join(dict.fromkeys(table["climate_zone"])))
        values = pd.to_numeric(table[match.group(2).lower()].astype(str).str.strip()).to_numpy(float)
        chosen = (_class_rows(table, zone, f, "floors_max") & by_floors[:, None]) \
            | (_class_rows(table, zone, h, "height_max_m") & by_height[:, None])
        lenient = np.max if operator in ("<=", "<") else np.min
        fill = -np.inf if operator in ("<=", "<") else np.inf
        picked = np.where(chosen, values[None, :], fill)
        found = chosen.any(axis=1)
        result = np.where(found, lenient(picked, axis=1) if len(values) else np.nan, np.nan)
        known = by_floors | by_height
        result = np.where(known, result, float(own))
        thresholds[rule] = result.astype(float)
        sources[rule] = np.where(known, np.where(found, CLASS_ROW, ABOVE_TABLE), OWN_THRESHOLD).astype(int)
    return thresholds, sources


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


ALIAS_COLUMNS = ["indicator", "alias", "kind", "source"]


def load_aliases(path):
    """The field-alias crosswalk (resources/fields/field_aliases.csv): {indicator: [(alias, source), …]} in
    file order. Kinds: table_* of ``tables.read_csv_table``."""
    frame = tables.read_csv_table(path, ALIAS_COLUMNS, [])
    aliases = {}
    for indicator, alias, source in zip(frame["indicator"], frame["alias"], frame["source"]):
        if str(indicator).strip() and str(alias).strip():
            aliases.setdefault(str(indicator).strip(), []).append((str(alias).strip(), str(source).strip()))
    return aliases


def alias_fields(profile, fields, field_names, aliases):
    """``fields`` (``resolve_fields``) with each rule that found no field given the first alias of its
    indicator the layer has (exact name, else case-insensitive), and {rule_id: (field, source)} of those."""
    exact = set(field_names)
    folded = {}
    for name in field_names:
        folded.setdefault(name.lower(), name)
    out, used = list(fields), {}
    for position, (rule, indicator) in enumerate(zip(profile["rule_id"], profile["indicator"])):
        if out[position] is not None:
            continue
        for alias, source in aliases.get(indicator, []):
            field = alias if alias in exact else folded.get(alias.lower())
            if field is not None:
                out[position], used[rule] = field, (field, source)
                break
    return out, used


def text_values(values, unit):
    """Indicator values a layer stores as text, in the rule's ``unit``: "2.5" → 2.5, "35%" → 0.35 for a
    rule in shares (0-1), 35 for a rule in %; other text as ``textnum.parse_numbers`` reads it. A percentage
    for a rule that is not a share or ratio (a FAR of "35%") cannot be read. Returns (numbers, percent,
    unreadable): floats (NaN where missing or unreadable), and masks of the values read as a percentage and
    of those holding text but no readable number."""
    series = pd.Series(np.asarray(list(values), dtype=object))
    numbers, unreadable = textnum.parse_numbers(series)
    is_text = textnum.text_mask(series)
    percent = np.zeros(len(series), bool)
    if is_text.any():
        percent[is_text] = series[is_text].astype(str).str.normalize("NFKC").str.contains("%", regex=False).to_numpy()
    percent &= ~np.isnan(numbers)
    if percent.any():
        parsed = units.parse(unit)
        if parsed is not None and parsed[1] == (("ratio", 1),):
            numbers = np.where(percent, numbers * units.factor("%", unit), numbers)
        else:
            numbers = np.where(percent, np.nan, numbers)
            unreadable = unreadable | percent
            percent = np.zeros(len(series), bool)
    return numbers, percent, unreadable


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


# ---- values a rule cannot be given --------------------------------------------------------------
# Indicators that are a difference (net emissions, a change, a cut, a gap) can lie below zero; every
# other indicator of a profile is an amount, a share, a ratio, a distance or a count.
_SIGNED_INDICATOR = re.compile(r"net|change|cut|gap|diff|delta|balance|saving|reduction", re.IGNORECASE)


def can_be_negative(indicator):
    """True where the indicator is a difference (its name says net, change, cut, gap, …)."""
    return bool(_SIGNED_INDICATOR.search(str(indicator)))


def _shares_or_ratios(unit):
    """True for a dimensionless unit (``-`` of a floor area ratio, ``0/1`` of a flag) or a share
    (``0-1``, ``%``, ``‰``): 999 or 9999 in such a field is a nodata code, never a value."""
    if units.normalize(unit) in ("-", "", "0/1"):
        return True
    parsed = units.parse(unit)
    return parsed is not None and all(dimension == "ratio" for dimension, _ in parsed[1])


# Shares that plan tables (控规 parcel tables) often write as per cent numbers without a % sign: 绿地率 35,
# 建筑密度 28. None of them can exceed 1 as a share.
PERCENT_WRITTEN_SHARES = ("green_ratio", "building_density", "green_share")


def percent_written_shares(raw, profile, field_units=None):
    """``raw`` with the values of a share that no share can have read as per cent: for a rule whose
    indicator is in ``PERCENT_WRITTEN_SHARES`` and whose unit is a share (0-1), read from a field
    without a unit of its own (``field_units``), a value above 1 and at most 100 is divided by 100
    (a 绿地率 of 35 is 35 %, 0.35; 0.35 stays 0.35). Returns (values, {rule_id: values read so})."""
    field_units = field_units or {}
    rows = profile.set_index("rule_id")
    out, counts = raw.copy(), {}
    for rule in raw.columns:
        unit = units.parse(rows.at[rule, "unit"])
        if (rows.at[rule, "indicator"] not in PERCENT_WRITTEN_SHARES or rule in field_units
                or unit is None or unit != (1.0, (("ratio", 1),))):
            continue
        shares, n = tables.percent_as_share(raw[rule].to_numpy(float))
        if n:
            out[rule] = shares
            counts[rule] = n
    return out, counts


def impossible_values(raw, profile, field_units=None):
    """Where a field's value cannot be its rule's indicator, as a bool DataFrame like ``raw``.

    ``raw``: one column per rule id, the numbers as the field holds them (before any unit factor);
    ``field_units``: {rule_id: unit of the field} where it differs from the rule's ``unit``. A value
    is impossible where it is negative and the indicator is no difference (``can_be_negative``), or
    where it is one of the nodata codes 999, 9999, 99999 (``tables.NODATA_CODES``) in a field of
    ratios or shares (a FAR, a green ratio, a per cent). Such values are read as missing.
    """
    field_units = field_units or {}
    rows = profile.set_index("rule_id")
    out = {}
    for rule in raw.columns:
        values = raw[rule].to_numpy(float)
        bad = np.zeros(len(values), dtype=bool)
        with np.errstate(invalid="ignore"):
            if not can_be_negative(rows.at[rule, "indicator"]):
                bad |= values < 0
            if _shares_or_ratios(field_units.get(rule, rows.at[rule, "unit"])):
                bad |= np.isin(values, [c for c in tables.NODATA_CODES if c > 0])
        out[rule] = bad
    return pd.DataFrame(out, index=raw.index, columns=raw.columns)


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


def evaluate(values, profile, scope=None, estimated=None, thresholds=None):
    """Per feature and rule, 1 pass / 0 fail / NaN not assessed, not applicable or estimated.

    ``values``: DataFrame with one column per rule id (indicator values in the rule's unit, NaN
    where missing; a rule without a column is not assessed). ``scope``: ``rule_scope`` output, or
    None when every rule applies; where it is 0 or NaN the result is NaN. ``estimated``: DataFrame
    of booleans per rule id (a rule without a column: False), True where the feature's value rests
    on the toolkit's shipped defaults rather than the user's data; such a value gives no verdict.
    ``thresholds``: {rule_id: threshold per feature} (``class_thresholds``) replacing the rule's
    own; NaN there is not assessed. Returns a float DataFrame with the rule ids as columns."""
    n = len(values)
    out = {}
    for rule, op, low, high in zip(profile["rule_id"], profile["operator"], profile["threshold"],
                                   profile["threshold_high"]):
        if rule in values.columns:
            if thresholds is not None and rule in thresholds:
                low = np.asarray(thresholds[rule], dtype=float)
                result = np.where(np.isnan(low), np.nan, compare(values[rule].to_numpy(float), op, low, high))
            else:
                result = compare(values[rule].to_numpy(float), op, low, high)
            if scope is not None:
                result = np.where(scope[rule].to_numpy(float) == 1, result, np.nan)
            if estimated is not None and rule in estimated.columns:
                result = np.where(estimated[rule].to_numpy(bool), np.nan, result)
            out[rule] = result
        else:
            out[rule] = np.full(n, np.nan)
    return pd.DataFrame(out, index=values.index, columns=list(profile["rule_id"]))


def _not_applicable(results, scope):
    if scope is None:
        return np.zeros(results.shape, bool)
    return scope[list(results.columns)].to_numpy(float) == 0


def _estimated(results, scope, estimated):
    """Where a rule that applies rests on shipped defaults (see ``evaluate``)."""
    if estimated is None:
        return np.zeros(results.shape, bool)
    mask = np.column_stack([estimated[c].to_numpy(bool) if c in estimated.columns
                            else np.zeros(len(results), bool) for c in results.columns]) \
        if len(results.columns) else np.zeros(results.shape, bool)
    return mask & ~_not_applicable(results, scope)


# ---- per-resident rules and units with few residents ------------------------------------------------
# Indicators that divide by the unit's residents although their unit does not show it: the fixed-shelter
# capacity per 100 residents (%).
PER_RESIDENT_INDICATORS = ("shelter_cap_pct",)
# Below this many residents a per-resident value gives no verdict. An assumption, not a standard: one
# resident more or less moves a per-resident value by 1/n (1 % at n = 100), and a count of n residents
# has a relative uncertainty of about 1/sqrt(n) (10 % at n = 100, Poisson); the smallest residential
# scale of GB 50180-2018 (居住街坊, §2.0.5, Table 3.0.4) holds 1 000–3 000 residents, ten times more.
DEFAULT_MIN_RESIDENTS = 100


def per_resident_rules(profile):
    """Rule ids whose indicator is a ratio to the residents: a unit with persons in its denominator
    (m2/person, t/person·a, m2/10k people, 人) or an indicator of ``PER_RESIDENT_INDICATORS``."""
    found = []
    for rule, indicator, unit in zip(profile["rule_id"], profile["indicator"], profile["unit"]):
        parsed = units.parse(unit)
        if (parsed is not None and ("person", -1) in parsed[1]) or indicator in PER_RESIDENT_INDICATORS:
            found.append(rule)
    return found


def withhold_few_residents(results, rules, residents, min_residents):
    """``results`` (``evaluate``) with the verdicts of the per-resident ``rules`` removed (NaN) where a
    feature has fewer than ``min_residents`` residents (a known count; NaN residents are left alone),
    and per rule the number of verdicts so removed. A ratio to 5 residents (110 811 m² of park each,
    1.48 million % shelter capacity) is arithmetic, not a planning fact."""
    counts = {}
    if residents is None or not min_residents or not rules:
        return results, counts
    few = np.asarray(residents, dtype=float) < min_residents
    out = results.copy()
    for rule in rules:
        if rule in out.columns:
            values = out[rule].to_numpy(float)
            counts[rule] = int((few & ~np.isnan(values)).sum())
            out[rule] = np.where(few, np.nan, values)
    return out, counts


# A unit is judged only when at least this share of the rules that apply to it were assessed
# from the user's data; below it, a unit without a failure is "insufficient data", not a pass.
DEFAULT_MIN_ASSESSED_SHARE = 0.5
PASS, FAIL, INSUFFICIENT, NOT_ASSESSED = "pass", "fail", "insufficient_data", "not_assessed"


def unit_verdict(n_pass, n_fail, n_na, n_est=0, min_share=DEFAULT_MIN_ASSESSED_SHARE):
    """The verdict of each unit from its rule counts, one definition for the check, its map, the
    wizard and the report:

    - ``fail``: at least one rule assessed from the user's data fails;
    - ``not_assessed``: no rule that applies was assessed;
    - ``insufficient_data``: no failure, but fewer than ``min_share`` of the rules that apply
      (assessed + not assessed + estimated from defaults) were assessed;
    - ``pass``: no failure, and enough rules assessed.
    A rule estimated from shipped defaults never counts toward a pass."""
    n_pass, n_fail, n_na, n_est = (np.nan_to_num(np.asarray(v, dtype=float)) for v in (n_pass, n_fail, n_na, n_est))
    assessed = n_pass + n_fail
    applicable = assessed + n_na + n_est
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(applicable > 0, assessed / np.maximum(applicable, 1), 0.0)
    return np.where(n_fail > 0, FAIL, np.where(assessed == 0, NOT_ASSESSED,
                                               np.where(share + 1e-12 < min_share, INSUFFICIENT, PASS)))


def feature_summary(results, scope=None, estimated=None, min_share=DEFAULT_MIN_ASSESSED_SHARE):
    """Per feature: n_pass, n_fail, n_na (rules that apply but were not assessed: no value, or an
    unknown land-use code), n_nap (rules not applicable to its land use), n_est (rules whose value
    rests on shipped defaults: no verdict), score = n_pass / (n_pass + n_fail), NaN where no rule
    was assessed, and ``verdict`` (``unit_verdict``). Returns a DataFrame."""
    r = results.to_numpy(float)
    nap = _not_applicable(results, scope)
    est = _estimated(results, scope, estimated)
    n_pass = (r == 1).sum(axis=1)
    n_fail = (r == 0).sum(axis=1)
    n_na = (np.isnan(r) & ~nap & ~est).sum(axis=1)
    n_est = est.sum(axis=1)
    assessed = n_pass + n_fail
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(assessed > 0, n_pass / np.maximum(assessed, 1), np.nan)
    return pd.DataFrame({"score": score, "n_pass": n_pass, "n_fail": n_fail, "n_na": n_na,
                         "n_nap": nap.sum(axis=1), "n_est": n_est,
                         "verdict": unit_verdict(n_pass, n_fail, n_na, n_est, min_share)}, index=results.index)


def tally(values, results, scope=None, estimated=None):
    """Per-rule sums of one batch of features, to add up over chunks: n_pass, n_fail, n_na, n_nap,
    n_est, v_min, v_max, v_sum, v_count (of the values that were assessed)."""
    r = results.to_numpy(float)
    nap = _not_applicable(results, scope)
    est = _estimated(results, scope, estimated)
    v = np.column_stack([values[c].to_numpy(float) if c in values.columns else np.full(len(results), np.nan)
                         for c in results.columns]) if len(results.columns) else np.zeros((len(results), 0))
    v = np.where(np.isnan(r), np.nan, v)
    has = ~np.isnan(v)
    with np.errstate(invalid="ignore"):
        frame = pd.DataFrame({
            "n_pass": (r == 1).sum(axis=0), "n_fail": (r == 0).sum(axis=0),
            "n_na": (np.isnan(r) & ~nap & ~est).sum(axis=0), "n_nap": nap.sum(axis=0), "n_est": est.sum(axis=0),
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
    summed = ["n_pass", "n_fail", "n_na", "n_nap", "n_est", "v_sum", "v_count"]
    out = a[summed] + b[summed]
    out["v_min"] = np.fmin(a["v_min"], b["v_min"])
    out["v_max"] = np.fmax(a["v_max"], b["v_max"])
    return out


def rule_verdicts(profile, fields, total, field_units=None):
    """One row per rule: the profile's columns, ``field`` (read, or "" where none), ``verdict``
    (``pass`` when every assessed feature passes, ``fail`` when any fails, ``estimated`` when no
    feature was assessed from the user's data but some have a value from shipped defaults,
    ``not_assessed`` when none was assessed), n_pass, n_fail, n_na, value_min, value_mean,
    value_max (in the rule's unit), n_nap (features the rule does not apply to), field_unit (the
    unit the field was read in when converted, else "") and n_est (features whose value rests on
    shipped defaults)."""
    table = profile[COLUMNS].copy().reset_index(drop=True)
    table.attrs = {}
    table.insert(4, "field", ["" if f is None else f for f in fields])
    ids = list(profile["rule_id"])
    t = total.reindex(ids) if total is not None else None
    for column in ("n_pass", "n_fail", "n_na", "n_nap"):
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
    n_est = t["n_est"].fillna(0).astype(int).to_numpy() if t is not None else np.zeros(len(ids), int)
    verdict = np.where(table["n_fail"] > 0, "fail", np.where(table["n_pass"] > 0, "pass",
                                                             np.where(n_est > 0, "estimated", "not_assessed")))
    table.insert(table.columns.get_loc("status") + 1, "verdict", verdict)
    table["field_unit"] = [(field_units or {}).get(rule, "") for rule in ids]
    table["n_est"] = n_est
    return table


# ---- which shipped profile a check ran ----------------------------------------------------------------
def shipped_match(rules, shipped):
    """(key, edited rule ids) of the first shipped profile holding every rule of a check's rule table
    ``rules`` (rule_id, operator, threshold, threshold_high as numbers), or (None, []): a check runs a
    profile, or its rules of one level, so the table's rules are a subset of the profile's. A rule whose
    operator or thresholds differ from the shipped ones was edited (the wizard's targets page writes
    such a profile), which whoever reads the verdicts must know.

    ``shipped``: {key: frame of ``load_profile``}, in the order to try them."""
    if rules is None or not len(rules):
        return None, []
    for key, profile in shipped.items():
        own = profile.set_index("rule_id")
        if not set(rules["rule_id"]) <= set(own.index):
            continue
        return key, [row["rule_id"] for row in rules.to_dict("records") if _differs(row, own.loc[row["rule_id"]])]
    return None, []


def _differs(row, shipped):
    if row.get("operator", shipped["operator"]) != shipped["operator"]:
        return True
    return not all(np.isclose(float(row.get(column, np.nan)), float(shipped[column]), rtol=RTOL, atol=0,
                              equal_nan=True) for column in ("threshold", "threshold_high"))
