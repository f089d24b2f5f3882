"""Operational CO2 of buildings.

Method (GB/T 51366-2019 建筑碳排放计算标准, operational stage, simplified to one year and no on-site
renewables): E = GFA × EUI, CO2 = E_elec × EF_grid + E_fuel × EF_fuel.
Units: areas in m², EUI in kWh/(m²·a), emission factors in kgCO2/kWh, CO2 in t/a.
"""
import numpy as np

from . import tables
from .errors import InputError

# Values no building has, read as missing: the tallest building has 163 floors (Burj Khalifa, CTBUH
# "The Skyscraper Center"), so more than 200 is a code or a typing slip; the largest building by floor
# area has about 1.8 million m² (New Century Global Center, Chengdu), so more than 10 million m² is one too
# (an integer field holding 3 000 000 000, say).
MOST_FLOORS = 200
LARGEST_GFA_M2 = 1e7


def gross_floor_area(footprint_m2, floors=None, gfa_m2=None, default_floors=1.0):
    """Gross floor area (m²) of each building.

    A positive ``gfa_m2`` of at most ``LARGEST_GFA_M2`` wins; otherwise GFA = footprint (m²) × floors,
    where floors that are missing (NaN), not positive or above ``MOST_FLOORS`` are replaced by
    ``default_floors``.
    Returns ``(gfa, n_default_floors)``: the array and how many buildings used the default
    (counted only among those whose GFA came from the footprint).
    """
    footprint = np.asarray(footprint_m2, dtype=float)
    if default_floors <= 0:
        raise InputError("default_floors_not_positive", value=default_floors)
    if floors is None:
        floors = np.full(footprint.shape, np.nan)
    floors = np.asarray(floors, dtype=float)
    bad_floors = ~((floors > 0) & (floors <= MOST_FLOORS))
    floors = np.where(bad_floors, default_floors, floors)
    from_footprint = footprint * floors
    if gfa_m2 is None:
        return from_footprint, int(bad_floors.sum())
    given = np.asarray(gfa_m2, dtype=float)
    use_given = (given > 0) & (given <= LARGEST_GFA_M2)
    gfa = np.where(use_given, given, from_footprint)
    return gfa, int((bad_floors & ~use_given).sum())


def match_uses(uses, table):
    """Look up each building's use in an EUI table (see ``tables.read_eui_table``).

    Matching ignores case and surrounding spaces and accepts the table's aliases. Uses not in the
    table, and missing uses, take the row named ``default`` (or ``other``).
    Returns ``(elec_kwh_m2, fuel_kwh_m2, n_fallback, rows)``, ``rows`` being the table row used
    for each building.
    """
    rows, fell_back, _ = tables.match_keys(uses, table, "use", fallbacks=("default", "other"))
    elec = table["elec_kwh_m2"].to_numpy(dtype=float)[rows]
    fuel = table["fuel_kwh_m2"].to_numpy(dtype=float)[rows]
    return elec, fuel, int(fell_back.sum()), rows


def operational_co2(gfa_m2, elec_kwh_m2, fuel_kwh_m2, grid_factor, fuel_factor):
    """Annual energy (kWh/a) and CO2 (t/a): E = GFA × (EUI_elec + EUI_fuel);
    CO2 = GFA × (EUI_elec × EF_grid + EUI_fuel × EF_fuel) / 1000.

    ``grid_factor`` and ``fuel_factor`` are in kgCO2/kWh (e.g. 0.5306 for China's 2023 national
    grid average, MEE/NBS).
    """
    if grid_factor < 0 or fuel_factor < 0:
        raise InputError("factor_negative")
    gfa = np.asarray(gfa_m2, dtype=float)
    elec = np.asarray(elec_kwh_m2, dtype=float)
    fuel = np.asarray(fuel_kwh_m2, dtype=float)
    energy = gfa * (elec + fuel)
    co2 = gfa * (elec * grid_factor + fuel * fuel_factor) / 1000.0
    return energy, co2


def known_co2(co2_t, energy_kwh, eui_kwh_m2, known_t):
    """CO2 (t/a), energy (kWh/a) and EUI (kWh/m²·a) with a known CO2 taking the computed one's place
    where ``known_t`` holds a usable value (finite, ≥ 0), e.g. a building's CO2 after an energy
    retrofit (co2_after_t of lcr:apply_measures). A retrofit lowers the energy use intensity
    (carbon_measures: a share of the operational CO2 saved), so energy and EUI are scaled by the same
    ratio known / computed; where the computed CO2 is 0 they are kept. Returns the three arrays and the
    number of buildings whose CO2 was replaced.

    >>> c, e, u, n = known_co2([2.0, 4.0], [100.0, 200.0], [10.0, 20.0], [1.5, float("nan")])
    >>> c.tolist(), e.tolist(), u.tolist(), n
    ([1.5, 4.0], [75.0, 200.0], [7.5, 20.0], 1)
    """
    co2 = np.asarray(co2_t, dtype=float)
    known = np.asarray(known_t, dtype=float)
    use = np.isfinite(known) & (known >= 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(use & (co2 > 0), known / co2, 1.0)
    return (np.where(use, known, co2), np.asarray(energy_kwh, dtype=float) * ratio,
            np.asarray(eui_kwh_m2, dtype=float) * ratio, int(use.sum()))


def co2_estimated(floors, gfa_m2, rows, table, *flags):
    """1 where a building's CO2 rests on defaults rather than on the user's data, else 0.

    A building's CO2 (``operational_co2``) is flagged when its floor area took the default floors
    (no positive GFA and no positive floors value, see ``gross_floor_area``), when its use took the
    table's fallback row (``default`` or ``other``, see ``match_uses``), or when an upstream step
    flagged its floors or use as estimated (``flags``: arrays of a ``<field>_est`` field, 1 =
    estimated, e.g. ``floors_est`` and ``use_est`` of lcr:prepare_osm). ``rows`` are the table rows
    ``match_uses`` returned. Dimensionless (0/1).
    """
    rows = np.asarray(rows, dtype=int)
    n = len(rows)
    floors = np.full(n, np.nan) if floors is None else np.asarray(floors, dtype=float)
    gfa = np.full(n, np.nan) if gfa_m2 is None else np.asarray(gfa_m2, dtype=float)
    defaulted = ~(gfa > 0) & ~(floors > 0)
    keys = table["use"].astype(str).str.strip().str.lower().to_numpy()
    fallback_rows = np.flatnonzero(np.isin(keys, ["default", "other"]))
    estimated = defaulted | np.isin(rows, fallback_rows)
    for flag in flags:
        if flag is not None:
            estimated |= np.nan_to_num(np.asarray(flag, dtype=float), nan=0.0) == 1
    return estimated.astype(int)
