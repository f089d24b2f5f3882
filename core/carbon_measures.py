"""Measures that close each planning unit's gap to its CO2 target at least cost: rooftop PV on the
best roofs (capped at the building's demand), building retrofit, and tree planting on green space.

Each measure m offers a reduction of up to cap_m t CO2/a at a cost per tonne k_m (annualised cost
per t CO2 a year):

    PV on building b:    cap = pv_co2_t · min(1, demand_kWh / pv_kWh)     k = c_PV · roof_m² / pv_co2_t
    retrofit of b:       cap = co2_t · saving(use)                       k = c_retrofit · GFA / cap
    planting green g:    cap = area_ha · gain                            k = c_green / gain

pv_co2_t, roof_m² and pv_kWh come from Rooftop PV potential (usable roof, yield and avoided CO2 of
the whole usable roof), co2_t and GFA from Building operational emissions; saving is the share of
operational CO2 a retrofit saves by use; gain the extra sequestration of planted trees, t CO2/ha·a.
So a roof with more sun per m² costs less per tonne: the best roofs come first.

Per unit u with gap G_u > 0 (t CO2/a over target, e.g. target_gap_t of the carbon balance), the
linear programme  min Σ k_m x_m  s.t.  Σ_{m ∈ u} x_m ≥ G_u,  0 ≤ x_m ≤ cap_m  has one covering
constraint and bounds: a fractional knapsack, whose optimum takes the measures in increasing k_m
until G_u is met (Dantzig 1957). All units are solved at once by a sort within units. Where
Σ cap_m < G_u no mix closes the gap: the unit keeps left_t = G_u − Σ cap_m. Units: t CO2/a, m², ha,
cost per year in the currency of the costs given.
"""
import numpy as np
import pandas as pd

from .errors import InputError

PV, RETROFIT, GREEN = 0, 1, 2


def parse_savings(text, default):
    """Retrofit savings by use from "residential:0.2, office:0.3" ({use lower-cased: share}), and the
    default share for other uses. Shares must lie in 0–1."""
    out = {}
    for item in str(text or "").replace(";", ",").split(","):
        if not item.strip():
            continue
        use, _, share = item.partition(":")
        try:
            value = float(share)
        except ValueError:
            raise InputError("saving_bad", value=item.strip()) from None
        if not 0 <= value <= 1:
            raise InputError("saving_bad", value=item.strip())
        out[use.strip().lower()] = value
    if not 0 <= default <= 1:
        raise InputError("saving_bad", value=str(default))
    return out, default


def pv_offer(pv_co2_t, pv_kwh, demand_kwh, roof_m2, cost_per_m2):
    """PV reduction cap (t/a) per building, capped at its demand, and the cost per tonne."""
    pv_co2_t = _clean(pv_co2_t)
    share = np.ones_like(pv_co2_t)
    if demand_kwh is not None and pv_kwh is not None:
        pv_kwh, demand = _clean(pv_kwh), _clean(demand_kwh)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(pv_kwh > 0, np.minimum(1.0, demand / pv_kwh), 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        cost = np.where(pv_co2_t > 0, cost_per_m2 * _clean(roof_m2) / pv_co2_t, np.inf)
    return pv_co2_t * share, cost


def retrofit_offer(co2_t, gfa_m2, uses, savings, default, cost_per_m2):
    """Retrofit reduction cap (t/a) per building and the cost per tonne."""
    if uses is None:
        share = np.full(len(co2_t), default)
    else:   # looked up once per distinct use (a city has a handful): code -1 is a missing use
        codes, distinct = pd.factorize(pd.Series(uses, dtype=object))
        share = np.array([savings.get(str(u).strip().lower(), default) for u in distinct] + [default],
                         dtype=float)[codes]
    cap = _clean(co2_t) * share
    with np.errstate(divide="ignore", invalid="ignore"):
        cost = np.where(cap > 0, cost_per_m2 * _clean(gfa_m2) / cap, np.inf)
    return cap, cost


def close_gaps(gap_t, item_unit, item_cap_t, item_cost):
    """Reduction taken from each item (t/a) and the gap left per unit: the fractional knapsack of the
    module docstring, every unit at once. Items of unit -1, with no cap or an infinite cost are not used."""
    gap = np.clip(np.nan_to_num(np.asarray(gap_t, dtype=float)), 0.0, None)
    unit = np.asarray(item_unit)
    cap = np.clip(np.nan_to_num(np.asarray(item_cap_t, dtype=float)), 0.0, None)
    cost = np.asarray(item_cost, dtype=float)
    usable = (unit >= 0) & (cap > 0) & np.isfinite(cost)
    take = np.zeros(len(cap))
    ids = np.flatnonzero(usable)
    order = ids[np.lexsort((cost[ids], unit[ids]))]
    u, c = unit[order], cap[order]
    cum = np.cumsum(c)
    first = np.r_[True, u[1:] != u[:-1]]
    offset = np.maximum.accumulate(np.where(first, cum - c, 0.0))     # cumulative cap before each unit
    before = cum - c - offset
    take[order] = np.clip(gap[u] - before, 0.0, c)
    offered = np.bincount(unit[ids], cap[ids], len(gap)) if len(ids) else np.zeros(len(gap))
    return take, np.clip(gap - offered, 0.0, None)


def _clean(values):
    return np.clip(np.nan_to_num(np.asarray(values, dtype=float), nan=0.0, posinf=0.0, neginf=0.0), 0.0, None)
