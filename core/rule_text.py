"""A profile rule's codes as words for people, in English or Simplified Chinese.

Profiles store machine codes (operator ``>=``, unit ``m2/person``, side ``low_carbon``) so that a
CSV stays easy to write and to check; the wizard, the report and the legend show these words
instead. Like rule names, the words are the content of a check, in the language the user chose for
it (``"en"`` or ``"zh"``), so both languages live here side by side.
"""
import numpy as np

LANGS = ("en", "zh")

OPERATORS = {
    ">=": ("at least", "不低于"), ">": ("more than", "高于"), "<=": ("at most", "不高于"),
    "<": ("less than", "低于"), "==": ("equal to", "等于"), "between": ("between", "介于"),
}
SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}
SIDES = {"low_carbon": ("Low-carbon", "低碳"), "resilience": ("Resilience", "韧性"),
         "both": ("Low-carbon and resilience", "低碳与韧性")}
LEVELS = {"master": ("Master plan", "总体规划"), "detailed": ("Detailed plan", "详细规划")}
STATUSES = {"verified": ("verified", "已核实"), "unverified": ("unverified", "未核实")}
# The profiles' units; any other unit is shown as written, with m2 as m².
UNITS = {
    "%": ("%", "%"), "0-1": ("share, 0–1", "比例（0–1）"), "0/1": ("yes = 1, no = 0", "是 = 1，否 = 0"),
    "m2/person": ("m²/person", "m²/人"), "t/person·a": ("t/person·year", "吨/(人·年)"),
    "m2": ("m²", "m²"), "m": ("m", "米"), "ha": ("ha", "公顷"), "trees": ("trees", "棵"), "-": ("", ""),
}
BETWEEN = ("{low} to {high}", "{low} 至 {high}")
YES_NO = {0: ("no", "否"), 1: ("yes", "是")}


def _pick(pair, lang):
    return pair[LANGS.index(lang)]


def operator_text(operator, lang):
    """``>=`` → "at least" / "不低于"; an unknown operator as written."""
    return _pick(OPERATORS[operator], lang) if operator in OPERATORS else format(operator or "")


def side_text(side, lang):
    return _pick(SIDES[side], lang) if side in SIDES else format(side or "")


def level_text(level, lang):
    return _pick(LEVELS[level], lang) if level in LEVELS else format(level or "")


def status_text(status, lang):
    return _pick(STATUSES[status], lang) if status in STATUSES else format(status or "")


def unit_text(unit, lang):
    """A profile unit for people: ``m2/person`` → "m²/person" / "m²/人", ``-`` (no unit) → ""."""
    unit = format(unit or "").strip()
    if unit in UNITS:
        return _pick(UNITS[unit], lang)
    return unit.replace("m2", "m²")


def number(value):
    """A threshold or measured value: – where missing, thousands separated from 1000 on, else 3 significant digits."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "–"
    value = float(value)
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def requirement(operator, threshold, threshold_high, lang, unit=""):
    """The test as a phrase: "≥ 8 m²/person", "80 to 90 %", "–" without an operator. ``unit`` is
    appended as given (already in words, see ``unit_text``)."""
    if not operator:
        return "–"
    if operator == "between":
        text = _pick(BETWEEN, lang).format(low=number(threshold), high=number(threshold_high))
    else:
        text = f"{SYMBOLS.get(operator, operator)} {number(threshold)}"
    return f"{text} {unit}".strip() if unit else text


def target(operator, threshold, threshold_high, unit, lang):
    """A rule's target with its unit (a profile unit code), as a planner reads it: "≥ 8 m²/person";
    a share (unit ``0-1``) in per cent, "≥ 70 %" for 0.7, as ``value_text`` shows the measured value;
    a yes/no indicator (unit ``0/1``) tested for 0 or 1 reads "= 0 (no)" / "= 0（否）"."""
    unit = format(unit or "").strip()
    if unit == "0/1" and operator == "==" and threshold in YES_NO:
        word = _pick(YES_NO[int(threshold)], lang)
        return f"= {int(threshold)} ({word})" if lang == "en" else f"= {int(threshold)}（{word}）"
    if unit == "0-1":
        return requirement(operator, _percent(threshold), _percent(threshold_high), lang, "%")
    return requirement(operator, threshold, threshold_high, lang, unit_text(unit, lang))


def value_text(value, unit, lang):
    """A measured value in its rule's unit, for people: "3.65 m²/person", a share as "72 %", "–" where missing."""
    unit = format(unit or "").strip()
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "–"
    if unit == "0-1":
        return f"{number(_percent(value))} %"
    words = "" if unit == "0/1" else unit_text(unit, lang)
    return f"{number(value)} {words}".strip()


def _percent(share):
    # rounded so that 0.7 shows as 70, not 70.00000000000001
    return share if share is None or np.isnan(share) else round(float(share) * 100, 9)
