"""Transit coverage: the share of residents (and buildings) within walking distance of stops.

Indicator: 轨道交通站点800米半径服务覆盖率 (rail stations, 800 m) and the bus-stop analogue
(300 or 500 m): Coverage = Σ pop of buildings within distance d of at least
one stop / Σ pop, in percent. Distances come from ``network`` (along roads) or are straight lines.
Units: metres, persons, percent (0–100).
"""
import re

import numpy as np

from .errors import InputError
from .zones import sum_by_zone

_SEPARATORS = re.compile(r"[,;，；、]")


def parse_values(text):
    """The values a comma-separated list names, stripped and lower-cased, empty ones dropped.
    Commas, semicolons and their full-width forms (，；、) all separate."""
    return [v.strip().lower() for v in _SEPARATORS.split(text or "") if v.strip()]


def classify_stops(types, rail_values, bus_values):
    """Which stops are rail and which are bus, matching ``types`` (str or None) to the value lists
    case-insensitively. A value in both lists raises ``InputError("stop_values_overlap")``.
    A value in Chinese characters also matches a type that contains it, as Chinese stop tables
    write the kind with a suffix or prefix: 公交 matches 公交站, 公交车站 and 常规公交, 地铁 matches
    地铁站, 轨道 matches 轨道交通站 (a type containing a rail and a bus word counts as both).
    Returns ``(is_rail, is_bus, other)``: two boolean arrays and the sorted distinct types (None
    shown as "") that matched neither list."""
    rail, bus = set(rail_values), set(bus_values)
    both = sorted(rail & bus)
    if both:
        raise InputError("stop_values_overlap", value=", ".join(both))
    keys = np.array([("" if t is None else str(t)).strip().lower() for t in types], dtype=object)
    distinct, inverse = np.unique(keys, return_inverse=True) if len(keys) else (np.array([], object), np.zeros(0, int))

    def matches(key, values):
        return key in values or any(not v.isascii() and v in key for v in values)

    is_rail = np.array([matches(k, rail) for k in distinct], dtype=bool)[inverse] if len(keys) else np.zeros(0, bool)
    is_bus = np.array([matches(k, bus) for k in distinct], dtype=bool)[inverse] if len(keys) else np.zeros(0, bool)
    other = sorted({str(k) for k in distinct if not matches(k, rail) and not matches(k, bus)})
    return is_rail, is_bus, other


def covered(distance_m, threshold_m):
    """1 where the distance (m) is at most the threshold, else 0 (also for NaN and inf)."""
    return (np.asarray(distance_m, dtype=float) <= threshold_m).astype(int)


def percent(part, whole):
    """100 × part / whole, NaN where whole is 0."""
    part = np.asarray(part, dtype=float)
    whole = np.asarray(whole, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(whole > 0, 100.0 * part / np.where(whole > 0, whole, 1.0), np.nan)


def coverage_sums(zone_index, n_zones, population, rail_cov, bus_cov):
    """Additive totals per zone (planning unit; or one zone for the whole area): buildings and
    residents, and those covered by rail and by bus.

    ``zone_index`` from ``zones.assign_to_zones`` (-1: left out); ``population`` per building
    (NaN counts 0) or None; ``rail_cov``/``bus_cov`` 0/1 per building. Returns a dict of arrays
    bldg, bldg_rail, bldg_bus, pop, pop_rail, pop_bus (persons; 0 without population). Sums of
    chunks add up, so a layer can be read in parts.
    """
    zone_index = np.asarray(zone_index)
    rail_cov = np.asarray(rail_cov, dtype=float)
    bus_cov = np.asarray(bus_cov, dtype=float)
    if population is None:
        population = np.zeros(len(zone_index))
    population = np.nan_to_num(np.asarray(population, dtype=float), nan=0.0)
    return {"bldg": sum_by_zone(zone_index, np.ones(len(zone_index)), n_zones),
            "bldg_rail": sum_by_zone(zone_index, rail_cov, n_zones),
            "bldg_bus": sum_by_zone(zone_index, bus_cov, n_zones),
            "pop": sum_by_zone(zone_index, population, n_zones),
            "pop_rail": sum_by_zone(zone_index, population * rail_cov, n_zones),
            "pop_bus": sum_by_zone(zone_index, population * bus_cov, n_zones)}


COVERAGE_KEYS = ("bldg_rail", "bldg_bus", "pop_rail", "pop_bus", "rail_pct", "bus_pct", "bldg_rail_pct",
                 "bldg_bus_pct")


def not_assessed(shares):
    """``coverage_shares`` of data without any transit stop: coverage is not assessed, not 0 % (a layer
    of stops with no feature says nothing about the buses a town has). Every coverage value is NaN
    (written as NULL, which a planning check counts as not assessed); buildings and residents stay."""
    out = dict(shares)
    for key in COVERAGE_KEYS:
        if key in out:
            out[key] = np.full(np.shape(out[key]), np.nan)
    return out


def add_sums(total, more):
    """Element-wise sum of two ``coverage_sums`` results (``total`` may be None)."""
    if total is None:
        return {k: np.array(v, dtype=float) for k, v in more.items()}
    return {k: total[k] + more[k] for k in total}


def coverage_shares(sums, by_population):
    """Coverage in percent from ``coverage_sums``: rail_pct and bus_pct weighted by population
    (``by_population``) or by building count, bldg_rail_pct and bldg_bus_pct by building count;
    NaN where the zone has no resident (no building). pop, pop_rail, pop_bus are NaN without
    population."""
    out = dict(sums)
    out["bldg_rail_pct"] = percent(sums["bldg_rail"], sums["bldg"])
    out["bldg_bus_pct"] = percent(sums["bldg_bus"], sums["bldg"])
    if by_population:
        out["rail_pct"] = percent(sums["pop_rail"], sums["pop"])
        out["bus_pct"] = percent(sums["pop_bus"], sums["pop"])
    else:
        nan = np.full(np.shape(sums["pop"]), np.nan)
        out.update(pop=nan, pop_rail=nan, pop_bus=nan,
                   rail_pct=out["bldg_rail_pct"], bus_pct=out["bldg_bus_pct"])
    return out
