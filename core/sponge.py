"""Sponge-city capture check per parcel: composite rainfall runoff coefficient, the storage volume a
design rainfall needs (volume method), LID storage provided, and the annual runoff-volume control rate.

Sources (methods document §11): rainfall runoff coefficients ψc by surface from Appendix E
Table E.0.1 (jianbiaoku.com book 25917, matching the 海绵城市建设技术指南 2014 table) [P]; volume
method V = 10·H·ψ·F and the annual control rate α(H) from daily rainfall (海绵城市建设技术指南 2014)
[U: recalled]. Units: areas m², F ha, rainfall mm, volumes m³, ψ and α dimensionless 0–1.
Pure numpy/pandas, no QGIS.
"""
import numpy as np
import pandas as pd

from . import tables
from .errors import InputError

MIN_RAIN_MM = 2.0   # days with rain ≤ 2 mm are dropped before computing α (guideline practice)


# ---- tables -------------------------------------------------------------------------------
def read_runoff_coefficients(path):
    """Runoff coefficient table: columns ``surface`` (unique key), ``psi`` (0–1, rainfall ψc).

    Returns a frame indexed by the lower-cased surface key.
    """
    frame = tables.read_csv_table(path, ["surface", "psi"], ["psi"])
    frame["surface"] = frame["surface"].str.strip().str.lower()
    _check_unique(frame, "surface", path)
    over = np.flatnonzero(frame["psi"].to_numpy() > 1)
    if over.size:
        raise InputError("table_fraction_range", path=str(path), line=tables.line_of(frame, over[0]), column="psi")
    return frame.set_index("surface", drop=False)


def read_lid_measures(path):
    """LID storage table: columns ``measure`` (unique key), ``storage_m3_per_unit`` (m³ per m² of
    measure, or per m³ of tank). Returns a frame indexed by the lower-cased measure key."""
    frame = tables.read_csv_table(path, ["measure", "storage_m3_per_unit"], ["storage_m3_per_unit"])
    frame["measure"] = frame["measure"].str.strip().str.lower()
    _check_unique(frame, "measure", path)
    return frame.set_index("measure", drop=False)


def _check_unique(frame, column, path):
    duplicated = frame[column].duplicated()
    if duplicated.any():
        row = int(np.flatnonzero(duplicated.to_numpy())[0])
        raise InputError("table_duplicate_key", path=str(path), line=tables.line_of(frame, row),
                         value=frame[column].iloc[row])


def lookup(table, keys, column):
    """Values of ``column`` for ``keys`` of a table from the readers above; InputError if a key is missing."""
    missing = [k for k in keys if k not in table.index]
    if missing:
        raise InputError("table_missing_key", keys=", ".join(missing))
    return np.array([float(table.loc[k, column]) for k in keys])


# ---- runoff coefficient -----------------------------------------------------------------
def surface_shares(given, area_m2=None, shares=False):
    """Share (0–1) of each parcel's area per given surface, and the remainder share.

    ``given`` is an (n, k) array of surface areas (m²) or, with ``shares``, of shares 0–1; NaN
    means the surface is absent (0). Areas: share_i = A_i / A_parcel, the remainder
    1 − Σ share_i; where the given areas exceed the parcel they are scaled to fill it (remainder 0)
    and counted. Shares: each must lie in 0–1 and their sum must not exceed 1.
    Returns ``(shares (n, k), remainder (n,), overfull count)``; rows with a parcel area ≤ 0 or NaN
    (areas mode) are NaN.
    """
    given = np.nan_to_num(np.atleast_2d(np.asarray(given, dtype=float)), nan=0.0)
    n = given.shape[0]
    if shares:
        bad = (given < 0) | (given > 1)
        if bad.any():
            raise InputError("share_out_of_range", value=float(given[bad][0]), count=int(bad.any(axis=1).sum()))
        total = given.sum(axis=1)
        over = total > 1 + 1e-9
        if over.any():
            raise InputError("shares_sum_over_one", value=float(total[over][0]), count=int(over.sum()))
        return given, 1.0 - total, 0
    if (given < 0).any():
        raise InputError("surface_area_negative", value=float(given[given < 0][0]))
    area = np.asarray(area_m2, dtype=float).reshape(n)
    total = given.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        over = total > area * (1 + 1e-9)
        denominator = np.where(over, total, area)
        out = given / denominator[:, None]
    out[~(area > 0)] = np.nan
    remainder = np.where(area > 0, np.clip(1.0 - out.sum(axis=1), 0.0, 1.0), np.nan)
    return out, remainder, int((over & (area > 0)).sum())


def composite_psi(shares, psi, remainder=None, psi_remainder=0.0):
    """Composite rainfall runoff coefficient ψ = Σ ψ_i·A_i / Σ A_i, written with area shares
    s_i = A_i / ΣA: ψ = Σ ψ_i·s_i + ψ_rem·s_rem. ``shares`` (n, k), ``psi`` (k,). Dimensionless."""
    shares = np.atleast_2d(np.asarray(shares, dtype=float))
    value = shares @ np.asarray(psi, dtype=float)
    if remainder is not None:
        value = value + np.asarray(remainder, dtype=float) * psi_remainder
    return value


def green_ratio_psi(green_ratio, psi_green, psi_rest):
    """ψ = g·ψ_green + (1 − g)·ψ_rest for a green-space ratio g (0–1): the planning-indicator path
    (绿地率) when surfaces are not mapped. NaN ratios give NaN; ratios outside 0–1 are refused."""
    g = np.asarray(green_ratio, dtype=float)
    bad = (g < 0) | (g > 1)
    if bad.any():
        raise InputError("share_out_of_range", value=float(g[bad][0]), count=int(bad.sum()))
    return g * psi_green + (1.0 - g) * psi_rest


# ---- volumes --------------------------------------------------------------------------------
def capture_volume_m3(design_mm, psi, area_m2):
    """Storage volume needed, volume method (海绵城市建设技术指南 2014) [U: recalled]:
    V = 10·H·ψ·F, V in m³, H design rainfall in mm, F catchment area in ha (= A m² / 10 000)."""
    return 10.0 * np.asarray(design_mm, dtype=float) * np.asarray(psi, dtype=float) \
        * np.asarray(area_m2, dtype=float) / 10000.0


def provided_storage_m3(amounts, storage_per_unit):
    """LID storage provided (m³) = Σ_j amount_j · storage_j, amounts (n, m) in m² of measure (m³ for
    tanks), NaN = none; storage_per_unit (m,) in m³ per unit. Negative amounts are refused."""
    amounts = np.atleast_2d(np.asarray(amounts, dtype=float))
    if (amounts < 0).any():
        raise InputError("lid_amount_negative", value=float(amounts[amounts < 0][0]))
    return np.nan_to_num(amounts, nan=0.0) @ np.asarray(storage_per_unit, dtype=float)


def achieved_depth_mm(provided_m3, psi, area_m2):
    """Rainfall depth the provided storage captures, inverting the volume method:
    H = V / (10·ψ·F) mm (F ha). Infinite where ψ·F = 0 (nothing runs off), NaN where ψ or A is NaN."""
    runoff_per_mm = 10.0 * np.asarray(psi, dtype=float) * np.asarray(area_m2, dtype=float) / 10000.0
    provided = np.asarray(provided_m3, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(runoff_per_mm > 0, provided / runoff_per_mm, np.inf) + 0.0 * runoff_per_mm


# ---- rainfall statistics ---------------------------------------------------------------------
def read_daily_rainfall(path):
    """Daily rainfall CSV: column ``rain_mm`` (mm, ≥ 0, one row a day); an optional ``date`` column
    gives the number of years covered. Returns ``(rain_mm array, years or None)``."""
    frame = tables.read_csv_table(path, ["rain_mm"], ["rain_mm"])
    years = None
    if "date" in frame.columns:
        dates = pd.to_datetime(frame["date"].str.strip(), errors="coerce")
        if dates.notna().any():
            years = int(dates.dt.year.nunique())
    return frame["rain_mm"].to_numpy(float), years


def rain_days(rain_mm, min_mm=MIN_RAIN_MM):
    """Sorted daily rainfall (mm) of the days above ``min_mm`` (guideline: drop days ≤ 2 mm)."""
    rain = np.asarray(rain_mm, dtype=float)
    rain = np.sort(rain[rain > min_mm])
    if rain.size == 0:
        raise InputError("rainfall_no_days", min_mm=min_mm)
    return rain


def control_rate(depth_mm, rain_sorted):
    """Annual total runoff-volume control rate α(H), 0–1, for capture depths H (mm):

    α(H) = [Σ_{P_i ≤ H} P_i + H·N(P_i > H)] / Σ P_i over the rain days P_i (sorted, from
    ``rain_days``): rain up to H is held on every day. 海绵城市建设技术指南 2014 [U: recalled].
    Vectorised over H (searchsorted on the sorted series); H = ∞ gives 1, NaN gives NaN.
    """
    rain = np.asarray(rain_sorted, dtype=float)
    h = np.asarray(depth_mm, dtype=float)
    cumulative = np.concatenate([[0.0], np.cumsum(rain)])
    k = np.searchsorted(rain, np.nan_to_num(h, nan=0.0, posinf=np.inf), side="right")
    held = np.where(np.isinf(h), 0.0, np.nan_to_num(h) * (rain.size - k))
    alpha = (cumulative[k] + held) / cumulative[-1]
    return np.where(np.isnan(h), np.nan, np.minimum(alpha, 1.0))


def design_rainfall_mm(rain_sorted, target):
    """Design rainfall H (mm) whose control rate α(H) equals ``target`` (0–1, e.g. 0.75).

    α is piecewise linear and strictly increasing in H on [0, max P] (its slope N(P > H)/ΣP is
    positive there), so H is exact by linear interpolation between α at 0 and at every rain value.
    """
    if not 0 < target <= 1:
        raise InputError("target_out_of_range", value=target * 100)
    rain = np.unique(np.asarray(rain_sorted, dtype=float))
    nodes = np.concatenate([[0.0], rain])
    return float(np.interp(target, control_rate(nodes, rain_sorted), nodes))
