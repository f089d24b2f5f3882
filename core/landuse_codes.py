"""Land-use codes of the three Chinese classifications a planning institute meets, read as the
toolkit's canonical codes (用地用海分类 2023) with its groups and land covers.

The crosswalk table (resources/factors/landuse_crosswalk.csv) lists, per scheme, codes matched
as prefixes (the longest listed prefix of a feature's code wins), each with its 用地用海 2023 code,
the toolkit's group, whether it is construction land and the land cover (``lucode`` of the shipped
carbon and curve-number tables) it counts as. Schemes:

- ``ydyh``: 用地用海分类 (国土空间调查、规划、用途管制用地用海分类指南, Ministry of Natural
  Resources, 2023): already canonical; the code is kept as written (0701, 070102);
- ``gb50137``: GB 50137-2011 城市用地分类与规划建设用地标准 (R2, A33, G1);
- ``sandiao``: 第三次全国国土调查 (三调) 工作分类 on GB/T 21010-2017 (0701, 05H1, 1104A).

Codes are read by ``landuse.normalise_codes`` first, so 701, "701", 701.0 and "0701" are one code.
The same digits mean different land in 三调 and in the 2023 guide (0601 industry in 三调, rural roads
in 2023), so the scheme is the user's choice, never guessed. ``MIXED`` reads letter codes as
GB 50137 and digit codes as 用地用海 2023, as the toolkit's profiles do.
"""
import numpy as np
import pandas as pd

from . import tables
from .errors import InputError
from .landuse import normalise_codes

YDYH, GB50137, SANDIAO = "ydyh", "gb50137", "sandiao"
SCHEMES = (YDYH, GB50137, SANDIAO)
MIXED = "mixed"
COLUMNS = ["scheme", "code", "ydyh_code", "lu_group", "construction", "lucode"]


def read_crosswalk(path):
    """The crosswalk table: ``COLUMNS`` (and optionally name_zh, name_en, cover, reason, source, year,
    verified). Codes are normalised as features' codes are; ``lucode`` is a whole number ≥ 0 or
    empty; ``construction`` 0, 1 or empty.

    Kinds: table_* (``tables.read_csv_table``), crosswalk_bad_scheme, crosswalk_bad_value
    (lucode or construction), table_duplicate_key (a scheme lists a code twice)."""
    frame = tables.read_csv_table(path, COLUMNS, [])
    frame["scheme"] = frame["scheme"].str.strip().str.lower()
    bad = ~frame["scheme"].isin(SCHEMES)
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputError("crosswalk_bad_scheme", path=str(path), line=tables.line_of(frame, row),
                         value=frame["scheme"].iloc[row], known=", ".join(SCHEMES))
    frame["code"] = normalise_codes(frame["code"])
    frame["ydyh_code"] = normalise_codes(frame["ydyh_code"])
    for column, allowed in (("lucode", None), ("construction", {0.0, 1.0})):
        text = frame[column].str.strip()
        values = pd.to_numeric(text, errors="coerce")
        wrong = (text != "") & (values.isna() | (values < 0) | (values % 1 != 0))
        if allowed is not None:
            wrong |= values.notna() & ~values.isin(allowed)
        if wrong.any():
            row = int(np.flatnonzero(wrong.to_numpy())[0])
            raise InputError("crosswalk_bad_value", path=str(path), line=tables.line_of(frame, row),
                             column=column, value=text.iloc[row])
        frame[column] = values.astype(float)
    keyed = frame["scheme"] + "\x00" + frame["code"].fillna("")
    duplicated = keyed.duplicated() | frame["code"].isna()
    if duplicated.any():
        row = int(np.flatnonzero(duplicated.to_numpy())[0])
        raise InputError("table_duplicate_key", path=str(path), line=tables.line_of(frame, row),
                         value=f"{frame['scheme'].iloc[row]} {frame['code'].iloc[row] or '(empty)'}")
    for column in ("lu_group", "name_zh"):
        if column in frame.columns:
            frame[column] = frame[column].str.strip().replace("", None)
    return frame.reset_index(drop=True)


def longest_prefix_rows(codes, keys):
    """Position in ``keys`` (a list of codes) of the longest key that each code starts with; -1
    for none or a missing code. One dictionary look-up per prefix of each distinct code."""
    lookup = {key: position for position, key in enumerate(keys)}
    inverse, distinct = pd.factorize(pd.Series(codes, dtype=object), use_na_sentinel=True)
    found = []
    for code in distinct:
        position = -1
        for end in range(len(code), 0, -1):
            position = lookup.get(code[:end], -1)
            if position >= 0:
                break
        found.append(position)
    return np.append(np.array(found, dtype=int), -1)[inverse]


def translate(codes, table, scheme):
    """The canonical reading of land-use ``codes`` (str/number/None per feature) written in
    ``scheme`` (one of ``SCHEMES`` or ``MIXED``).

    Returns a dict of arrays per feature: ``code`` (the 用地用海 2023 code: the code itself for
    ``ydyh``, the table's ydyh_code otherwise; None where unknown or where one class of the source
    spans several), ``group`` (text or None), ``construction`` and ``lucode`` (float, NaN where
    unknown), ``name`` (name_zh of the canonical code's row, or None), ``matched`` (bool: the code
    is in the table), and ``unknown``: {code as read: features} for codes the table lacks.
    """
    if scheme not in SCHEMES and scheme != MIXED:
        raise InputError("crosswalk_bad_scheme", path="", line=0, value=scheme, known=", ".join(SCHEMES))
    text = normalise_codes(codes)
    n = len(text)
    rows = np.full(n, -1, dtype=int)
    if scheme == MIXED:
        letters = pd.Series(text, dtype=object).str[:1].str.isalpha().eq(True).to_numpy(dtype=bool)
        parts = ((GB50137, letters), (YDYH, ~letters))
    else:
        parts = ((scheme, np.ones(n, dtype=bool)),)
    own_code = np.zeros(n, dtype=bool)
    for part_scheme, mask in parts:
        subset = table.index[table["scheme"] == part_scheme].to_numpy()
        found = longest_prefix_rows(text[mask], list(table["code"].iloc[subset]))
        rows[mask] = np.where(found >= 0, subset[np.maximum(found, 0)], -1)
        own_code[mask] = part_scheme == YDYH
    matched = rows >= 0
    safe = np.maximum(rows, 0)

    def column(name, fill):
        values = table[name].to_numpy(dtype=object if fill is None else float)[safe]
        if fill is None:  # pandas 3 reads missing text as NaN
            values = np.where(pd.isna(values), None, values)
        return np.where(matched, values, fill)

    canonical = np.where(own_code, text, column("ydyh_code", None))
    canonical = np.where(matched, canonical, None).astype(object)
    ydyh = table.index[table["scheme"] == YDYH].to_numpy()
    name_rows = longest_prefix_rows(canonical, list(table["code"].iloc[ydyh]))
    names = table["name_zh"].to_numpy(dtype=object)[ydyh][np.maximum(name_rows, 0)] \
        if "name_zh" in table.columns and len(ydyh) else np.full(n, None, dtype=object)
    unknown = pd.Series(text[~matched & pd.notna(text)], dtype=object).value_counts()
    return {
        "code": canonical,
        "group": column("lu_group", None).astype(object),
        "construction": column("construction", np.nan).astype(float),
        "lucode": column("lucode", np.nan).astype(float),
        "name": np.where(name_rows >= 0, names, None).astype(object),
        "matched": matched,
        "unknown": {str(k): int(v) for k, v in unknown.items()},
    }
