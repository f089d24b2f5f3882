"""POIs of the Chinese web maps read as the toolkit's facility types (the GB 50180-2018
life-circle facilities of life_circle_facilities.csv) and transit stop types (bus, rail).

The table (resources/factors/poi_categories.csv) has three kinds of row (``match``):
- ``typecode``: an Amap typecode — six digits, two each for the big, middle and small class
  (141204 = 科教文化服务 14, 学校 12, 幼儿园 04) — or its 2- or 4-digit prefix; a POI's code takes
  the row of its longest listed prefix. A code kept in a numeric field loses its leading zero
  (090300 → 90300) and gets it back: Amap codes always have six digits.
- ``category``: a category path, segments separated by ``;`` (Amap ``type`` 科教文化服务;学校;幼儿园,
  Baidu ``tag`` 教育培训;幼儿园), matched by its leading segments, the longest match winning.
- ``name``: a word of the POI's name, read only where the category matched no row; the longest
  word found wins, so 某某小学(公交站) is a bus stop (公交站) rather than a school (小学).
A POI with several categories (Amap separates them with ``|``) takes the first that gives a
facility or stop type, else the first the table knows. A row with neither type records a category
that is known and is no facility or stop.
"""
import numpy as np
import pandas as pd

from . import tables
from .errors import InputError
from .textnum import text_mask

TYPECODE, CATEGORY, NAME = "typecode", "category", "name"
MATCHES = (TYPECODE, CATEGORY, NAME)
STOP_TYPES = ("bus", "rail")
COLUMNS = ["match", "code", "fac_type", "stop_type"]
AMAP_CODE_DIGITS = 6
_SEPARATORS = r"\s*[;；,，>]\s*"


def read_poi_table(path):
    """The POI category table: ``COLUMNS`` and optionally provider, label_zh, reason, source, year,
    verified. Kinds: table_* (``tables.read_csv_table``), poi_bad_match, poi_bad_stop_type,
    poi_bad_typecode (not 1–6 digits), poi_empty_code, table_duplicate_key."""
    frame = tables.read_csv_table(path, COLUMNS, [])
    for column in COLUMNS:
        frame[column] = frame[column].str.strip()
    frame["match"] = frame["match"].str.lower()
    frame["stop_type"] = frame["stop_type"].str.lower()
    frame["fac_type"] = frame["fac_type"].str.lower()
    frame["code"] = category_keys(frame["code"])

    def refuse(mask, kind, column):
        row = int(np.flatnonzero(np.asarray(mask))[0])
        raise InputError(kind, path=str(path), line=tables.line_of(frame, row), value=frame[column].iloc[row])

    if (~frame["match"].isin(MATCHES)).any():
        refuse(~frame["match"].isin(MATCHES), "poi_bad_match", "match")
    if (~frame["stop_type"].isin(("",) + STOP_TYPES)).any():
        refuse(~frame["stop_type"].isin(("",) + STOP_TYPES), "poi_bad_stop_type", "stop_type")
    if frame["code"].isna().any():
        refuse(frame["code"].isna(), "poi_empty_code", "code")
    typecodes = frame["match"] == TYPECODE
    bad_code = typecodes & ~frame["code"].str.fullmatch(r"\d{1,6}").fillna(False)
    if bad_code.any():
        refuse(bad_code, "poi_bad_typecode", "code")
    duplicated = (frame["match"] + "\x00" + frame["code"]).duplicated()
    if duplicated.any():
        refuse(duplicated, "table_duplicate_key", "code")
    return frame.reset_index(drop=True)


def category_keys(values):
    """Category texts as the table compares them: Unicode NFKC (full-width forms folded), lower
    case, the separators ；，, and > read as ``;`` without spaces around; a whole number without
    its ``.0``. None where missing or blank."""
    series = pd.Series(list(values), dtype=object)
    is_text = pd.Series(text_mask(series), index=series.index)
    # numbers from a numeric field (not digit strings, whose leading zeros are kept)
    numbers = pd.to_numeric(series.where(~is_text), errors="coerce")
    whole = numbers.notna() & (numbers % 1 == 0)
    text = series.where(is_text, None)
    text[whole] = numbers[whole].astype("int64").astype(str)
    text = text.str.normalize("NFKC").str.lower().str.strip().str.replace(_SEPARATORS, ";", regex=True)
    text = text.str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
    return text.where(text.str.len() > 0, None).to_numpy(dtype=object)


def _rows_by_prefix(keys, lookup, segments):
    """Row of the longest prefix of ``keys`` in ``lookup``; by characters, or by ``;`` segments."""
    rows = []
    for key in keys:
        row = -1
        if segments:
            parts = key.split(";")
            for end in range(len(parts), 0, -1):
                row = lookup.get(";".join(parts[:end]), -1)
                if row >= 0:
                    break
        else:
            for end in range(len(key), 0, -1):
                row = lookup.get(key[:end], -1)
                if row >= 0:
                    break
        rows.append(row)
    return rows


def classify(codes, names, table):
    """Facility and stop type of each POI from its category ``codes`` (typecodes or category
    paths, str/number/None) and, where the category matches no row, its ``names`` (or None).

    Returns a dict: ``fac_type``, ``stop_type`` (object arrays, None where none), ``by`` ("code",
    "name" or None), ``row`` (table row, -1 for none), and counts: ``n_fac``, ``n_stop``,
    ``n_by_name``, ``n_known_other`` (a row without a type matched), ``n_unmatched``, and
    ``unmatched``: {category as written: POIs} of the categories no row matched.
    """
    keys = category_keys(codes)
    n = len(keys)
    has_type = ((table["fac_type"] != "") | (table["stop_type"] != "")).to_numpy()
    by_code = {TYPECODE: {}, CATEGORY: {}}
    for position, (match, code) in enumerate(zip(table["match"], table["code"])):
        if match in by_code:
            by_code[match][code] = position

    inverse, distinct = pd.factorize(pd.Series(keys, dtype=object), use_na_sentinel=True)
    distinct_rows = []
    for value in distinct:
        alternatives = [a for a in value.split("|") if a]
        digits = [a.zfill(AMAP_CODE_DIGITS) for a in alternatives if a.isdigit() and len(a) <= AMAP_CODE_DIGITS]
        paths = [a for a in alternatives if not a.isdigit()]
        found = _rows_by_prefix(digits, by_code[TYPECODE], False) + _rows_by_prefix(paths, by_code[CATEGORY], True)
        typed = [r for r in found if r >= 0 and has_type[r]]
        known = [r for r in found if r >= 0]
        distinct_rows.append(typed[0] if typed else known[0] if known else -1)
    rows = np.append(np.array(distinct_rows, dtype=int), -1)[inverse]
    by = np.where(rows >= 0, "code", None).astype(object)

    unmatched_code = rows < 0
    if names is not None and unmatched_code.any():
        name_text = pd.Series(category_keys(names), dtype=object)[unmatched_code]
        name_rows = np.full(len(name_text), -1, dtype=int)
        words = table.index[table["match"] == NAME].to_numpy()
        # shortest first and, at equal length, the table's later rows first, so that the longest
        # word (and of equal ones the first listed) is the one left standing
        order = sorted(words, key=lambda r: (len(table["code"].iloc[r]), -r))
        for position in order:
            hit = name_text.str.contains(table["code"].iloc[position], regex=False, na=False).to_numpy()
            name_rows[hit] = position
        rows[unmatched_code] = name_rows
        by[np.flatnonzero(unmatched_code)[name_rows >= 0]] = "name"

    safe = np.maximum(rows, 0)
    fac = table["fac_type"].to_numpy(dtype=object)[safe]
    stop = table["stop_type"].to_numpy(dtype=object)[safe]
    fac_type = np.where((rows >= 0) & (fac != ""), fac, None).astype(object)
    stop_type = np.where((rows >= 0) & (stop != ""), stop, None).astype(object)
    no_row = rows < 0
    unmatched = pd.Series(keys[no_row], dtype=object).fillna("").value_counts()
    return {
        "fac_type": fac_type, "stop_type": stop_type, "by": by, "row": rows,
        "n_fac": int(pd.notna(fac_type).sum()), "n_stop": int(pd.notna(stop_type).sum()),
        "n_by_name": int((by == "name").sum()),
        "n_known_other": int(((rows >= 0) & pd.isna(fac_type) & pd.isna(stop_type)).sum()),
        "n_unmatched": int(no_row.sum()),
        "unmatched": {str(k): int(v) for k, v in unmatched.items()},
    }
