"""Reading and checking the factor tables (CSV) that users may replace.

Every check names the CSV line (1-based, the header is line 1) so a planner can fix the file.
"""
import csv
import os

import numpy as np
import pandas as pd

from .errors import InputError


# Chinese spreadsheets are often saved as GBK; GB 18030 is its superset and decodes them too.
ENCODINGS = ("utf-8-sig", "gb18030")
# No factor, count or measure the toolkit reads comes near this; values above it are typos or
# nodata fills, and products of two of them would overflow to inf.
LARGEST_PLAUSIBLE = 1e15


def text_encoding(path):
    """The first of ``ENCODINGS`` that decodes the whole file, or None (e.g. UTF-16, binary)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    for encoding in ENCODINGS:
        try:
            data.decode(encoding)
            return encoding
        except UnicodeDecodeError:
            continue
    return None


NODATA_CODES = (-99999.0, -9999.0, -999.0, 999.0, 9999.0, 99999.0)


def usable_numbers(values, signed=False, nodata_codes=False):
    """Mask of the values that can be real measurements or counts: finite, at most
    ``LARGEST_PLAUSIBLE`` in size, ≥ 0 unless ``signed``, and, with ``nodata_codes``, none of
    ``NODATA_CODES`` (the fills GIS and hydraulic models write where a depth or height is unknown;
    no flood is 999 m deep and no building has 999 floors). NaN (missing) is not usable either.
    """
    values = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        usable = np.isfinite(values) & (np.abs(values) <= LARGEST_PLAUSIBLE)
        if not signed:
            usable &= values >= 0
    if nodata_codes:
        usable &= ~np.isin(values, NODATA_CODES)
    return usable


def percent_as_share(values):
    """A share (0–1) as plan tables often write it, as a per-cent number without a % sign (绿地率 35 for
    35 %): a value above 1 and at most 100 is no share and is read as per cent, divided by 100; 0.35 stays
    0.35, and a value above 100 stays (for the caller to refuse). Returns (shares, how many were read as
    per cent)."""
    values = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        percent = (values > 1.0) & (values <= 100.0)
    if not percent.any():
        return values, 0
    return np.where(percent, values / 100.0, values), int(percent.sum())


def record_lines(path, encoding="utf-8-sig"):
    """File line (1-based) on which each data record of a CSV starts, skipping blank lines and
    ``#`` comment lines as ``read_csv_table`` does; None if the file cannot be read."""
    try:
        with open(path, newline="", encoding=encoding) as handle:
            reader = csv.reader(handle)
            starts, previous, header = [], 0, False
            for record in reader:
                start, previous = previous + 1, reader.line_num
                if not record or not "".join(record).strip() or record[0].lstrip().startswith("#"):
                    continue
                if not header:
                    header = True
                    continue
                starts.append(start)
            return starts
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def line_of(frame, row):
    """File line of data row ``row`` (0-based) of a frame from ``read_csv_table``."""
    lines = frame.attrs.get("lines")
    return lines[int(row)] if lines is not None and int(row) < len(lines) else int(row) + 2


def read_csv_table(path, required, numeric):
    """Read a CSV with the given required columns; ``numeric`` columns must hold numbers >= 0.

    Column names are matched case-insensitively, ignoring surrounding spaces. A UTF-8 byte order
    mark (as Excel writes) is accepted, and so is a GBK/GB 18030 file (``frame.attrs["encoding"]``
    says which was read). Numbers must be finite and at most ``LARGEST_PLAUSIBLE``.
    """
    if os.path.isfile(path) and os.path.getsize(path) == 0:
        raise InputError("table_empty", path=str(path))
    encoding = text_encoding(path)
    if encoding is None and os.path.isfile(path):
        raise InputError("table_not_text", path=str(path))
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding or ENCODINGS[0],
                            comment="#", skipinitialspace=True)
    except pd.errors.EmptyDataError as exc:   # only blank or comment lines
        raise InputError("table_empty", path=str(path)) from exc
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise InputError("table_unreadable", path=str(path), reason=str(exc)) from exc
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputError("table_missing_columns", path=str(path), columns=", ".join(missing))
    if frame.empty:
        raise InputError("table_empty", path=str(path))
    frame.attrs["lines"] = record_lines(path, encoding)
    frame.attrs["encoding"] = encoding
    for column in numeric:
        text = frame[column].str.strip()
        values = pd.to_numeric(text, errors="coerce")
        bad = ~np.isfinite(values.to_numpy(float)) | (values < 0).to_numpy()
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise InputError("table_bad_number", path=str(path), line=line_of(frame, row), column=column,
                             value=text.iloc[row])
        huge = (values > LARGEST_PLAUSIBLE).to_numpy()
        if huge.any():
            row = int(np.flatnonzero(huge)[0])
            raise InputError("table_implausible_number", path=str(path), line=line_of(frame, row),
                             column=column, value=text.iloc[row])
        frame[column] = values.astype(float)
    return frame


# Columns a shipped table carries for Chinese readers; a user's own table may leave them out.
CHINESE_COLUMNS = ("name_zh", "source_zh")


def in_language(frame, column, lang):
    """``frame[column]`` as text, in Simplified Chinese (``<column>_zh``) where ``lang`` is "zh" and the
    table has it: the English value stays where the Chinese one is empty."""
    english = frame[column].astype(str)
    chinese_column = "name_zh" if column != "source" else "source_zh"
    if lang != "zh" or chinese_column not in frame:
        return english
    chinese = frame[chinese_column].fillna("").astype(str).str.strip()
    return chinese.where(chinese != "", english)


def names_in_language(names, path, key_column, lang):
    """``names`` (keys of the table at ``path``, e.g. land-cover classes) as a reader of ``lang`` reads
    them: the table's ``name_zh`` in Chinese, else the key itself."""
    if lang != "zh":
        return list(names)
    try:
        frame = read_csv_table(path, [key_column], [])
    except InputError:
        return list(names)
    if "name_zh" not in frame:
        return list(names)
    lookup = dict(zip(frame[key_column].astype(str).str.strip(), in_language(frame, key_column, lang)))
    return [lookup.get(str(name).strip(), str(name)) for name in names]


def match_keys(values, table, key_column, fallbacks=("default",), normalise=None):
    """Row of ``table`` for each value, matched on ``key_column`` or the ``aliases`` column
    (other spellings separated by ``|``), ignoring case and surrounding spaces. Missing and unlisted
    values take the row of the first of ``fallbacks`` the table has. ``normalise`` (str → str), where
    given, is applied to the keys, aliases and values before they are compared (after the case folding).

    Returns ``(rows, fell_back, unknown)``: the row per value, a mask of values that took the
    fallback row, and {unlisted value: count} (missing values are not in it). One dict look-up per
    distinct value, not per feature.
    """
    lookup = {}
    fold = (lambda text: normalise(text.strip().lower())) if normalise else (lambda text: text.strip().lower())
    aliases = table["aliases"] if "aliases" in table.columns else [""] * len(table)
    for position, (key, others) in enumerate(zip(table[key_column], aliases)):
        for name in [key, *str(others).split("|")]:
            name = fold(str(name))
            if name:
                lookup.setdefault(name, position)
    fallback = next((lookup[k] for k in fallbacks if k in lookup), None)
    raw = np.array(["" if v is None else str(v).strip() for v in values], dtype=object)
    if len(raw) == 0:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=bool), {}
    distinct, first, inverse, counts = np.unique(np.array([v.lower() for v in raw], dtype=object),
                                                 return_index=True, return_inverse=True, return_counts=True)
    distinct_rows = np.array([lookup.get(fold(k), -1) for k in distinct], dtype=int)
    unknown = {raw[first[i]]: int(counts[i]) for i in np.flatnonzero(distinct_rows < 0) if distinct[i] != ""}
    fell_back = (distinct_rows < 0)[inverse]
    if fell_back.any() and fallback is None:
        # The fallback row is needed only by values the table does not list.
        empty = int(counts[np.flatnonzero(distinct == "")].sum())
        listed = sorted(unknown, key=lambda k: -unknown[k])[:10]
        raise InputError("table_no_default", fallback=fallbacks[0],
                         values=", ".join(listed + ([f"({empty}× empty)"] if empty else [])))
    distinct_rows[distinct_rows < 0] = fallback if fallback is not None else 0
    return distinct_rows[inverse], fell_back, unknown


def check_keys(frame, path, key_column):
    """Strip the keys of ``key_column``, refuse a key given twice (ignoring case), and give the
    frame an empty ``aliases`` column if it has none, as ``match_keys`` expects.

    Returns the lower-case keys.
    """
    frame[key_column] = frame[key_column].str.strip()
    keys = frame[key_column].str.lower()
    duplicated = keys.duplicated()
    if duplicated.any():
        row = int(np.flatnonzero(duplicated.to_numpy())[0])
        raise InputError("table_duplicate_key", path=str(path), line=line_of(frame, row),
                         value=frame[key_column].iloc[row])
    if "aliases" not in frame.columns:
        frame["aliases"] = ""
    return keys


def read_eui_table(path):
    """Energy use intensity per building use: columns ``use, elec_kwh_m2, fuel_kwh_m2``.

    Units: kWh per m² of gross floor area per year, delivered energy. An optional ``aliases``
    column lists other spellings of the use separated by ``|`` (e.g. ``住宅|R|0701``).
    Returns a frame indexed by the normalised use key.
    """
    frame = read_csv_table(path, ["use", "elec_kwh_m2", "fuel_kwh_m2"], ["elec_kwh_m2", "fuel_kwh_m2"])
    check_keys(frame, path, "use")
    return frame


def read_damage_curve(path):
    """Depth-damage curve: columns ``depth_m`` (m, strictly increasing) and ``damage_fraction`` (0..1)."""
    frame = read_csv_table(path, ["depth_m", "damage_fraction"], ["depth_m", "damage_fraction"])
    depth = frame["depth_m"].to_numpy()
    steps = np.flatnonzero(np.diff(depth) <= 0)
    if steps.size:
        raise InputError("table_not_increasing", path=str(path), line=line_of(frame, steps[0] + 1), column="depth_m")
    over = np.flatnonzero(frame["damage_fraction"].to_numpy() > 1)
    if over.size:
        raise InputError("table_fraction_range", path=str(path), line=line_of(frame, over[0]),
                         column="damage_fraction")
    return frame


def read_grid_factors(path):
    """Grid emission factors: columns ``region, year, kgco2_per_kwh`` (kgCO2/kWh), one row per
    region and year."""
    frame = read_csv_table(path, ["region", "year", "kgco2_per_kwh"], ["year", "kgco2_per_kwh"])
    frame["region"] = frame["region"].str.strip()
    frame["year"] = frame["year"].astype(int)
    return frame


def grid_factor(table, region, year=None):
    """The factor (kgCO2/kWh) and its table row for ``region`` in ``year`` (latest year if None)."""
    rows = table[table["region"] == region]
    if rows.empty:
        raise InputError("grid_region_unknown", region=region)
    if year is None:
        return float(rows.sort_values("year").iloc[-1]["kgco2_per_kwh"]), rows.sort_values("year").iloc[-1]
    match = rows[rows["year"] == int(year)]
    if match.empty:
        raise InputError("grid_year_unknown", region=region, year=int(year),
                         years=", ".join(str(y) for y in sorted(rows["year"])))
    return float(match.iloc[0]["kgco2_per_kwh"]), match.iloc[0]
