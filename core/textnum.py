"""Numbers that survey and planning tables store as text: floors as 6层, 6F, 地上6层 or 十二层,
heights as 12.5米 or 18m, estimates as 约30 or 30左右.

``parse_numbers`` reads them with pandas string methods (one regular expression pass per rule over
the whole column, no loop over features) and says which values it could not read, so an algorithm
can count them in its log instead of silently reading them as missing.

Rules, in this order, on the text folded by Unicode NFKC (full-width ６ and Ｆ become 6 and F) and
lower-cased:
1. blank text is missing, not unreadable; commas between groups of three digits are thousands
   separators (1,200 → 1200); any other comma between digits (12,5 or 6,8层) is unreadable, being a
   decimal comma or a list;
2. 地上 n (above ground) gives n, whatever else the text says (地上6层地下2层 → 6);
3. a text about basements only (地下2层, B1, B2F) is unreadable: it gives no above-ground count;
4. a range a–b (6-8层, 6~8, 6至8) gives its mid-point, (a + b) / 2;
5. otherwise the first Arabic number, with its sign and decimals (6层, 6F, F6, 12.5米, 约30 → 30);
6. otherwise a Chinese numeral below 1000 written before 层, 楼, 米, m, f or alone (十二层 → 12,
   二十八 → 28, 一百零五米 → 105, 两层 → 2); a numeral inside other words (二类住宅) is not read;
7. anything else is unreadable.
Units are not converted: a height is read in the unit it is written in (米 and m are metres).
"""
import numpy as np
import pandas as pd

_RANGE = r"(-?\d+(?:\.\d+)?)\s*(?:-|~|～|至|到|—|–)\s*(\d+(?:\.\d+)?)"
_NUMBER = r"(-?\d+(?:\.\d+)?)"
_THOUSANDS = r"(?<=\d),(?=\d{3}(?!\d))"
_ABOVE_GROUND = r"地上\s*(\d+(?:\.\d+)?)"
_BASEMENT_ONLY = r"^(?:地下|b\d)"
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_CN_RUN = r"([零〇一二两三四五六七八九十百]+)\s*(?:层|楼|米|m|f|左右|$)"
# hundreds, the 零 that may follow them, tens digit, 十, units: 一百零五 = 1, 零, -, -, 5
_CN_PARTS = r"^(?:([一二两三四五六七八九])百)?零?(?:([一二两三四五六七八九])?(十))?([零〇一二两三四五六七八九])?$"


def parse_numbers(values):
    """Numbers from ``values`` (numbers, numeric text or text such as "6层", per the module's
    rules). Returns ``(numbers, unreadable)``: a float array (NaN where missing or unreadable) and
    a boolean mask of the values that hold text but no number the rules can read."""
    series = pd.Series(_objects(values), dtype=object)
    # a copy: pandas 3 (copy-on-write) hands out a read-only view, and the text values are filled in below
    numbers = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, copy=True)
    unreadable = np.zeros(len(series), dtype=bool)
    is_text = text_mask(series) & np.isnan(numbers)
    if not is_text.any():
        return numbers, unreadable
    text = series[is_text].astype(str).str.normalize("NFKC").str.strip().str.lower()
    text = text.str.replace(_THOUSANDS, "", regex=True)
    parsed = pd.Series(np.nan, index=text.index)

    blank = text == ""
    above = pd.to_numeric(text.str.extract(_ABOVE_GROUND, expand=False), errors="coerce")
    parsed = parsed.fillna(above)
    basement = text.str.contains(_BASEMENT_ONLY, regex=True) & above.isna()
    ranges = text.str.extract(_RANGE)
    low, high = pd.to_numeric(ranges[0], errors="coerce"), pd.to_numeric(ranges[1], errors="coerce")
    parsed = parsed.where(parsed.notna() | basement, (low + high) / 2)
    first = pd.to_numeric(text.str.extract(_NUMBER, expand=False), errors="coerce")
    parsed = parsed.where(parsed.notna() | basement, first)
    parsed = parsed.where(parsed.notna() | basement, _chinese_numerals(text))
    parsed = parsed.mask(text.str.contains(r"\d,\d", regex=True))

    numbers[is_text] = parsed.to_numpy(dtype=float)
    unreadable[is_text] = (parsed.isna() & ~blank).to_numpy()
    return numbers, unreadable


def text_mask(series):
    """True where an object Series holds text (not a number, None or a QGIS NULL)."""
    try:
        return series.str.len().notna().to_numpy()   # .str gives NaN for whatever is not text
    except AttributeError:                          # pandas refuses .str on a Series without any text
        return np.zeros(len(series), dtype=bool)


def _chinese_numerals(text):
    """The value of the Chinese numeral (below 1000) of each text, per rule 6; NaN where none."""
    run = text.str.extract(_CN_RUN, expand=False)
    parts = run.str.extract(_CN_PARTS)
    hundreds = parts[0].map(_CN_DIGIT)
    tens = parts[1].map(_CN_DIGIT).where(parts[1].notna(), parts[2].notna().astype(float))
    units = parts[3].map(_CN_DIGIT)
    matched = run.notna() & (parts.notna().any(axis=1) | run.isin(["零", "〇"]))
    value = hundreds.fillna(0) * 100 + tens.fillna(0) * 10 + units.fillna(0)
    return value.where(matched)


def _objects(values):
    values = list(values)
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array
