"""LID storage per parcel that captures the design rainfall of a runoff control target, within the
room each measure has on the parcel, at least area or least cost.

The storage a parcel needs is the volume method of ``sponge.py``, V = 10·H·ψ·F (m³; H design
rainfall mm, ψ composite rainfall runoff coefficient, F parcel area ha), less what its LID measures
already hold. Each measure j holds s_j m³ per unit (m² of bioretention, permeable paving or green
roof; m³ of tank: resources/factors/lid_measures.csv) and has room for at most

    cap_bio = share_bio · open,  cap_paving = share_paving · open,  cap_roof = share_roof · roof,
    cap_tank = share_tank · open · tank depth                       (m² or m³, less what is there)

with open = parcel area − roof area (m²). The sizing is the linear programme

    min Σ_j c_j · x_j   s.t.  Σ_j s_j · x_j ≥ V_add,  0 ≤ x_j ≤ cap_j

per parcel, c_j the area a unit of measure j takes (1 m² per m²; 1/depth m² per m³ of tank) for
least area, or its cost per unit for least cost. One covering constraint with bounds is a
fractional knapsack: filling the measures in increasing order of c_j / s_j (area or cost per m³
held) until V_add is met is optimal (Dantzig 1957), so the programme is solved exactly, for all
parcels at once, without a solver. Where even every measure at its room holds less than V_add the
parcel is flagged with the shortfall (m³). Amounts are rounded up to 0.01 m² or m³.
Units: m², m³, mm; shares 0–1.
"""
import numpy as np

from .errors import InputError

MEASURES = ("bioretention", "permeable_paving", "green_roof", "tank")
ROUND = 0.01


def capacities(open_m2, roof_m2, shares, tank_depth_m, existing=None):
    """Room per parcel and measure (n, 4), in m² (bioretention, permeable paving, green roof) and m³
    (tank), from the open and roof areas (m²), the shares (4,) of open area (of roof area for green
    roofs) and the tank depth (m); ``existing`` amounts (n, 4; NaN = none) are taken off the room."""
    shares = np.asarray(shares, dtype=float)
    if ((shares < 0) | (shares > 1) | ~np.isfinite(shares)).any():
        raise InputError("share_out_of_range", value=float(shares[~((shares >= 0) & (shares <= 1))][0]), count=1)
    open_m2 = np.clip(np.nan_to_num(np.asarray(open_m2, dtype=float)), 0.0, None)
    roof_m2 = np.clip(np.nan_to_num(np.asarray(roof_m2, dtype=float)), 0.0, None)
    room = np.column_stack([shares[0] * open_m2, shares[1] * open_m2, shares[2] * roof_m2,
                            shares[3] * open_m2 * float(tank_depth_m)])
    if existing is not None:
        room = room - np.nan_to_num(np.asarray(existing, dtype=float))
    return np.clip(room, 0.0, None)


def size(need_m3, room, storage, unit_weight):
    """Amounts to add (n, m) meeting ``need_m3`` (n,) at least Σ unit_weight·amount, within ``room``
    (n, m), with ``storage`` (m,) m³ per unit: the fractional knapsack of the module docstring.
    Returns ``(amounts, shortfall_m3)``; NaN needs give NaN rows."""
    need = np.asarray(need_m3, dtype=float)
    room = np.asarray(room, dtype=float)
    storage = np.asarray(storage, dtype=float)
    weight = np.asarray(unit_weight, dtype=float)
    if (storage <= 0).any() or (weight < 0).any():
        raise InputError("lid_storage_not_positive", value=float(storage.min()))
    order = np.argsort(weight / storage, kind="stable")
    held = room[:, order] * storage[order]                    # m³ each measure can hold, cheapest first
    before = np.cumsum(held, axis=1) - held
    wanted = np.clip(np.nan_to_num(need)[:, None] - before, 0.0, held)
    amounts = np.zeros_like(room)
    amounts[:, order] = wanted / storage[order]
    amounts = np.minimum(np.ceil(amounts / ROUND - 1e-9) * ROUND, np.maximum(room, 0.0))
    shortfall = np.clip(np.nan_to_num(need) - held.sum(axis=1), 0.0, None)
    # Rounding up can meet need exactly only when room is left; where room ran out the shortfall stands.
    missing = np.isnan(need)
    amounts[missing] = np.nan
    shortfall = np.where(missing, np.nan, shortfall)
    return amounts, shortfall


def depth_mm(volume_m3, area_m2):
    """A storage volume as a depth over the parcel: mm = 1 000 · V / A (V m³, A m² measured in true
    metres). NaN where the area is 0, negative or missing. Used to compare parcels of any size."""
    volume = np.asarray(volume_m3, dtype=float)
    area = np.asarray(area_m2, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(area > 0, 1000.0 * volume / np.where(area > 0, area, 1.0), np.nan)
