"""Units of indicator values, so a layer field in one unit can be checked against a rule in another.

A unit is written as terms joined by ``.`` (or ``·``, ``*``) and ``/``: ``m2``, ``ha``, ``%``,
``m2/person``, ``t/person·a``, ``kg/person/a``, ``m2/10k people``, ``m2/万人``. Each term has a
dimension and a factor to that dimension's base unit (SI definitions; 1 亩 = 10 000/15 m², the
Chinese statutory mu). A term may start with a count (``10k``, ``1000``, ``万``, ``千``) that
multiplies it, e.g. ``10k people`` = 10 000 persons. Two units convert when their dimensions match
term by term (with exponents), by the ratio of their factors.

Base units: ratio 0–1 (``%`` = 0.01, ``‰`` = 0.001), m, m², t, person, year. ``-`` (no unit, e.g.
floor area ratio) is dimensionless and deliberately NOT convertible to a ratio: a floor area ratio
is never written in per cent, so ``far[%]`` is a mistake to report, not to convert.
"""
import re

from .errors import InputError

# term -> (dimension, factor to the base unit of that dimension)
TERMS = {
    "-": (None, 1.0), "": (None, 1.0),
    "0-1": ("ratio", 1.0), "ratio": ("ratio", 1.0), "fraction": ("ratio", 1.0), "share": ("ratio", 1.0),
    "%": ("ratio", 0.01), "pct": ("ratio", 0.01), "percent": ("ratio", 0.01),
    "‰": ("ratio", 0.001), "permille": ("ratio", 0.001),
    "m": ("length", 1.0), "km": ("length", 1000.0),
    "m2": ("area", 1.0), "ha": ("area", 1.0e4), "km2": ("area", 1.0e6), "mu": ("area", 1.0e4 / 15),
    "亩": ("area", 1.0e4 / 15), "公顷": ("area", 1.0e4), "hm2": ("area", 1.0e4), "平方米": ("area", 1.0),
    "平方公里": ("area", 1.0e6),
    "t": ("mass", 1.0), "kg": ("mass", 1.0e-3), "tco2": ("mass", 1.0), "kgco2": ("mass", 1.0e-3),
    "person": ("person", 1.0), "persons": ("person", 1.0), "people": ("person", 1.0),
    "capita": ("person", 1.0), "cap": ("person", 1.0), "inhabitant": ("person", 1.0),
    "inhabitants": ("person", 1.0), "人": ("person", 1.0),
    "a": ("time", 1.0), "yr": ("time", 1.0), "year": ("time", 1.0),
}
_COUNT = re.compile(r"^(\d+(?:\.\d+)?)(k?)(.+)$")
_COUNT_WORDS = {"万": 1.0e4, "千": 1.0e3, "百": 100.0}


def normalize(text):
    """Lower case, no spaces, ² ³ as 2 3, and ``·`` ``*`` ``×`` as ``.``."""
    text = str(text or "").strip().lower().replace(" ", "").replace("²", "2").replace("³", "3")
    return re.sub(r"[·*×]", ".", text)


def _term(term):
    if term in TERMS:
        return TERMS[term]
    count = _COUNT.match(term)
    if count:
        number = float(count.group(1)) * (1000.0 if count.group(2) else 1.0)
        rest = count.group(3)
    elif term[:1] in _COUNT_WORDS:
        number, rest = _COUNT_WORDS[term[0]], term[1:]
    else:
        return None
    if rest not in TERMS or TERMS[rest][0] is None:
        return None
    dimension, factor = TERMS[rest]
    return dimension, factor * number


def parse(text):
    """``(factor, dimensions)`` of a unit: the factor to base units and a sorted tuple of
    (dimension, exponent); None when a term is unknown."""
    text = normalize(text)
    if text in TERMS:
        parts = [text]
    else:
        parts = text.split("/")
    factor, powers = 1.0, {}
    for position, part in enumerate(parts):
        sign = 1 if position == 0 else -1
        for term in ([part] if part in TERMS else part.split(".")):
            found = _term(term)
            if found is None:
                return None
            dimension, term_factor = found
            factor *= term_factor ** sign
            if dimension is not None:
                powers[dimension] = powers.get(dimension, 0) + sign
    return factor, tuple(sorted((d, p) for d, p in powers.items() if p))


def factor(from_unit, to_unit):
    """Multiplier taking a value in ``from_unit`` to ``to_unit`` (1 when both are written alike,
    known or not). Kinds: unit_unknown (unit), unit_incompatible (from_unit, to_unit)."""
    if normalize(from_unit) == normalize(to_unit):
        return 1.0
    parsed = {}
    for unit in (from_unit, to_unit):
        parsed[unit] = parse(unit)
        if parsed[unit] is None:
            raise InputError("unit_unknown", unit=unit)
    (f_from, d_from), (f_to, d_to) = parsed[from_unit], parsed[to_unit]
    if d_from != d_to:
        raise InputError("unit_incompatible", from_unit=from_unit, to_unit=to_unit)
    return f_from / f_to


_NAMED_UNIT = re.compile(r"[(\[（【]([^)\]）】]+)[)\]）】]\s*$|_([^_]+)$")
_NAMED_SUFFIX = re.compile(r"(公顷|平方公里|平方米|亩)$")


def area_factor_from_name(name):
    """The factor to m² that a field's name declares for its values, as bureaus' tables name them:
    有效面积(公顷), 有效避难面积（hm²）, area_ha, 面积_万m2, 用地面积亩 → 10 000, 10 000, 10 000,
    10 000, 10 000/15; None where the name declares no area unit (有效面积, area_m2 give 1.0: m²).

    >>> area_factor_from_name("有效面积(公顷)"), area_factor_from_name("area_ha"), area_factor_from_name("有效面积")
    (10000.0, 10000.0, None)
    >>> area_factor_from_name("eff_area_m2"), area_factor_from_name("shelter_type")
    (1.0, None)
    """
    import unicodedata

    text = unicodedata.normalize("NFKC", str(name or "")).strip()
    match = _NAMED_UNIT.search(text) or _NAMED_SUFFIX.search(text)
    if match is None:
        return None
    unit = next(group for group in match.groups() if group)
    try:
        return factor(unit, "m2")
    except InputError:
        return None
