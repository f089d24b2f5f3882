"""Heat mitigation by land cover, the InVEST Urban Cooling way (methods document §12).

Daytime ("factors") method of the InVEST Urban Cooling model, re-derived from its User's Guide and
the kernel semantics its code uses:

    ETI  = kc · ET0 / ET_max                       (ET_max: the largest valid ET0 of the raster;
                                                    with a single ET0 number, ETI = kc)
    CC   = w_shade·shade + w_albedo·albedo + w_eti·ETI        (weights 0.6 / 0.2 / 0.2 by default)
    GA_i = cell_area · Σ_{j: d(i,j) ≤ d_cool} g_j             (m², a flat disc of radius d_cool)
    CC_park,i = Σ_j g_j · CC_j · K(d(i,j))                     (K: exponential kernel e^(−d/d_cool),
                                                    cut at 5·d_cool, normalised to sum 1)
    HM_i = CC_i if CC_i ≥ CC_park,i or GA_i < 2 ha, else CC_park,i
    T_nomix = T_ref + (1 − HM) · UHI_max            (°C)
    T_air   = Σ_j T_nomix,j · K_r(d(i,j)) / Σ_j valid_j · K_r(d(i,j))
             (K_r: the same normalised exponential kernel with expected distance r = the air
              mixing radius; nodata and cells beyond the raster edge carry no weight)

Distances are in whole cells as in InVEST: an expected distance d becomes round(d / cell size)
cells (at least one), and a cell lies inside a kernel when its centre distance is ≤ the cut-off.
For CC_park and GA, nodata cells and cells beyond the edges count as 0 (InVEST convolves them
without renormalising); only T_air is renormalised.

Units: ET0 in mm (any period, as long as it is the same everywhere), kc/shade/albedo unitless,
cell size and distances in metres, temperatures in °C. Pure numpy/scipy/pandas: reading and
writing rasters is the algorithm's job.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.signal import fftconvolve

from . import tables
from .errors import InputError

COLUMNS = ("lucode", "kc", "shade", "albedo", "green_area")
DEFAULT_WEIGHTS = (0.6, 0.2, 0.2)          # shade, albedo, ETI (InVEST's defaults)
GREEN_AREA_THRESHOLD_M2 = 20_000.0          # 2 ha: smaller green areas do not cool their surroundings
KERNEL_CUTOFF = 5.0                         # exponential kernels are cut at 5 expected distances
FFT_MIN_SIZE = 15                           # kernels at least this wide are convolved by FFT


@dataclass(frozen=True)
class Biophysical:
    """A checked biophysical table, one entry per row (see ``read_biophysical``)."""
    codes: np.ndarray      # int64 lucode
    kc: np.ndarray         # crop coefficient (unitless)
    shade: np.ndarray      # share of tree canopy ≥ 2 m (0..1)
    albedo: np.ndarray     # solar reflectance (0..1)
    green: np.ndarray      # 1.0 where the class is green area, else 0.0
    labels: list           # class name (or lucode) per row
    verified: object       # bool per row, or None without a verified column
    path: str

    def unverified(self, rows):
        """Labels of the used rows the table marks as not verified (in table order)."""
        if self.verified is None:
            return []
        used = sorted({int(r) for r in np.asarray(rows).ravel() if r >= 0})
        return [self.labels[r] for r in used if not self.verified[r]]


def read_biophysical(path):
    """Read an InVEST Urban Cooling biophysical table and check it.

    Columns (case-insensitive): ``lucode`` (whole number ≥ 0), ``kc`` (≥ 0), ``shade`` and
    ``albedo`` (0..1), ``green_area`` (0 or 1); optional ``class``/``lulc_name``, ``source``,
    ``year``, ``verified``. Other columns (e.g. ``building_intensity``) are ignored, so an InVEST
    table works unchanged. Errors (``InputError``) name the CSV line.
    """
    frame = tables.read_csv_table(path, list(COLUMNS), list(COLUMNS))
    codes = frame["lucode"].to_numpy(float)
    bad = np.flatnonzero(codes != np.round(codes))
    if bad.size:
        raise InputError("cooling_bad_lucode", path=str(path), line=tables.line_of(frame, bad[0]),
                         value=frame["lucode"].iloc[bad[0]])
    duplicated = np.flatnonzero(pd.Series(codes).duplicated().to_numpy())
    if duplicated.size:
        raise InputError("table_duplicate_key", path=str(path), line=tables.line_of(frame, duplicated[0]),
                         value=int(codes[duplicated[0]]))
    for column in ("shade", "albedo"):
        over = np.flatnonzero(frame[column].to_numpy() > 1)
        if over.size:
            raise InputError("table_fraction_range", path=str(path), line=tables.line_of(frame, over[0]),
                             column=column)
    green = frame["green_area"].to_numpy(float)
    not_flag = np.flatnonzero((green != 0) & (green != 1))
    if not_flag.size:
        raise InputError("cooling_bad_green_area", path=str(path), line=tables.line_of(frame, not_flag[0]),
                         value=green[not_flag[0]])
    text_key = next((c for c in ("class", "lulc_name") if c in frame.columns), None)
    labels = [(str(frame[text_key].iloc[i]).strip() if text_key else "") or str(int(codes[i]))
              for i in range(len(frame))]
    verified = None
    if "verified" in frame.columns:
        verified = (frame["verified"].str.strip().str.lower() == "yes").to_numpy()
    return Biophysical(codes=codes.astype(np.int64), kc=frame["kc"].to_numpy(float),
                       shade=frame["shade"].to_numpy(float), albedo=frame["albedo"].to_numpy(float),
                       green=green, labels=labels, verified=verified, path=str(path))


def parse_weights(text):
    """CC weights (shade, albedo, ETI) from text such as "0.6,0.2,0.2": three numbers ≥ 0, not all 0."""
    parts = [p.strip() for p in str(text or "").replace(";", ",").split(",")]
    try:
        weights = tuple(float(p) for p in parts)
    except ValueError:
        raise InputError("cooling_bad_weights", value=text) from None
    if len(weights) != 3 or not all(np.isfinite(w) and w >= 0 for w in weights) or sum(weights) == 0:
        raise InputError("cooling_bad_weights", value=text)
    return weights


def class_rows(lulc, valid, table):
    """Table row of each cell's land-cover code (-1 for nodata or unlisted codes) and
    {unlisted code: cells}. Vectorised through ``np.searchsorted`` on the sorted codes."""
    lulc = np.asarray(lulc)
    rows = np.full(lulc.shape, -1, dtype=np.int64)
    order = np.argsort(table.codes)
    sorted_codes = table.codes[order]
    values = lulc[valid]
    integral = np.isfinite(values) & (values == np.round(values)) if values.dtype.kind == "f" else \
        np.ones(values.shape, dtype=bool)
    codes = np.where(integral, values, -1).astype(np.int64)
    position = np.clip(np.searchsorted(sorted_codes, codes), 0, len(sorted_codes) - 1)
    found = integral & (sorted_codes[position] == codes)
    rows[valid] = np.where(found, order[position], -1)
    missing, counts = np.unique(values[~found], return_counts=True)
    unknown = {(int(m) if float(m) == round(float(m)) else float(m)): int(c) for m, c in zip(missing, counts)}
    return rows, unknown


def evapotranspiration_index(kc, et0, valid, et_max=None):
    """ETI = kc · ET0 / ET_max (unitless), ET_max the largest ET0 over ``valid`` cells, or ``et_max``
    when given (a tile of a raster takes the whole raster's).

    ``et0`` (mm) is an array like ``kc`` or one number; with one number ETI = kc. NaN outside
    ``valid``; 0 everywhere if ET_max is 0.
    """
    kc = np.asarray(kc, dtype=float)
    et0 = np.broadcast_to(np.asarray(et0, dtype=float), kc.shape)
    eti = np.full(kc.shape, np.nan)
    if not valid.any():
        return eti
    et_max = float(np.max(et0[valid])) if et_max is None else float(et_max)
    eti[valid] = kc[valid] * et0[valid] / et_max if et_max > 0 else 0.0
    return eti


def cooling_capacity(shade, albedo, eti, weights=DEFAULT_WEIGHTS):
    """CC = w_shade·shade + w_albedo·albedo + w_eti·ETI (unitless; InVEST UCM "factors" method)."""
    w_shade, w_albedo, w_eti = weights
    return w_shade * np.asarray(shade, float) + w_albedo * np.asarray(albedo, float) + w_eti * np.asarray(eti, float)


def cells(distance_m, cell_size_m):
    """A distance in whole cells, as InVEST rounds it: round(d / cell size), at least 1."""
    return max(1, int(round(float(distance_m) / float(cell_size_m))))


def exponential_kernel(expected_cells):
    """Normalised exponential decay kernel: e^(−d/expected) for centre distances d ≤ 5·expected
    (in cells), 0 beyond, scaled to sum 1. Square, of side 2·ceil(5·expected) + 1."""
    reach = KERNEL_CUTOFF * expected_cells
    half = int(np.ceil(reach))
    offsets = np.arange(-half, half + 1, dtype=float)
    distance = np.hypot(offsets[:, None], offsets[None, :])
    kernel = np.where(distance <= reach, np.exp(-distance / expected_cells), 0.0)
    return kernel / kernel.sum()


def kernel_reach(distance_m, cell_size_m):
    """Cells from a kernel's centre to its edge: the halo a tile needs for a kernel of expected
    distance ``distance_m`` (or radius, for the green-area disc, which is shorter)."""
    return int(np.ceil(KERNEL_CUTOFF * cells(distance_m, cell_size_m)))


def tiles(height, width, tile, halo):
    """Cover a height × width grid with square tiles of ``tile`` cells: for each, its core and the core
    grown by ``halo`` cells and clipped to the grid, both as (row0, row1, col0, col1).

    Convolving the grown window (zeros beyond it) gives the core the same values as convolving the
    whole grid, as long as ``halo`` reaches as far as the kernel: so large rasters are processed a
    tile at a time, in bounded memory."""
    for y0 in range(0, height, tile):
        for x0 in range(0, width, tile):
            y1, x1 = min(y0 + tile, height), min(x0 + tile, width)
            yield (y0, y1, x0, x1), (max(0, y0 - halo), min(height, y1 + halo), max(0, x0 - halo),
                                     min(width, x1 + halo))


def disc_kernel(radius_cells):
    """Flat disc: 1 for cells whose centre lies within ``radius_cells`` of the centre, else 0."""
    offsets = np.arange(-radius_cells, radius_cells + 1, dtype=float)
    return (np.hypot(offsets[:, None], offsets[None, :]) <= radius_cells).astype(float)


def convolve(values, kernel):
    """``values`` convolved with a symmetric ``kernel``, same shape, zeros beyond the edges."""
    values = np.asarray(values, dtype=float)
    if kernel.shape[0] >= FFT_MIN_SIZE:
        return fftconvolve(values, kernel, mode="same")
    from scipy.ndimage import convolve as direct
    return direct(values, kernel, mode="constant", cval=0.0)


def heat_mitigation(cc, green, valid, cell_size_m, cooling_distance_m):
    """CC_park, GA (m²) and HM, as in InVEST Urban Cooling (formulas in the module docstring).

    ``cc`` is the cooling capacity (NaN where not ``valid``), ``green`` 1/0 per cell, ``cell_size_m``
    the side of a square cell and ``cooling_distance_m`` d_cool. Returns dict ``cc_park``, ``ga_m2``,
    ``hm`` (NaN outside ``valid``).
    """
    expected = cells(cooling_distance_m, cell_size_m)
    green = np.where(valid, np.asarray(green, dtype=float), 0.0)
    cc0 = np.where(valid, cc, 0.0)
    cc_park = np.maximum(convolve(green * cc0, exponential_kernel(expected)), 0.0)
    green_cells = np.rint(convolve(green, disc_kernel(expected)))
    ga_m2 = green_cells * float(cell_size_m) ** 2
    hm = np.where((cc0 >= cc_park) | (ga_m2 < GREEN_AREA_THRESHOLD_M2), cc0, cc_park)
    nan = np.nan
    return {"cc_park": np.where(valid, cc_park, nan), "ga_m2": np.where(valid, ga_m2, nan),
            "hm": np.where(valid, hm, nan)}


def air_temperature(hm, valid, t_ref, uhi_max, cell_size_m, radius_m):
    """T_air (°C): T_nomix = T_ref + (1 − HM)·UHI_max, mixed with the normalised exponential kernel
    of expected distance ``radius_m`` (cut at 5×), weighting only valid cells (nodata and the
    outside of the raster carry no weight). ``radius_m`` below half a cell: no mixing.
    Returns (t_nomix, t_air), NaN outside ``valid``."""
    t_nomix = np.where(valid, t_ref + (1.0 - np.where(valid, hm, 0.0)) * uhi_max, np.nan)
    if float(radius_m) < float(cell_size_m) / 2.0:
        return t_nomix, t_nomix.copy()
    kernel = exponential_kernel(cells(radius_m, cell_size_m))
    weight = convolve(valid.astype(float), kernel)
    mixed = convolve(np.where(valid, t_nomix, 0.0), kernel)
    with np.errstate(invalid="ignore", divide="ignore"):
        t_air = np.where(valid & (weight > 0), mixed / np.where(weight > 0, weight, 1.0), np.nan)
    # A weighted mean stays within its inputs' range; clip FFT round-off (~1e-12) back into it.
    if valid.any():
        t_air = np.clip(t_air, np.nanmin(t_nomix), np.nanmax(t_nomix))
    return t_nomix, t_air


class ZonalStatistics:
    """Count, mean and maximum of rasters per zone, added tile by tile (see ``zonal_statistics``)."""

    def __init__(self, n_zones):
        self.n_zones = n_zones
        self.count, self.total, self.maximum = {}, {}, {}

    def add(self, zone, valid, **rasters):
        """Add the valid cells of zone index ≥ 0 (``zone``: index per cell, -1 outside)."""
        inside = valid & (zone >= 0)
        index = zone[inside].astype(np.int64)
        count = np.bincount(index, minlength=self.n_zones).astype(float)
        for name, raster in rasters.items():
            values = raster[inside]
            maxima = pd.Series(values).groupby(index).max()
            column = np.full(self.n_zones, np.nan)
            column[maxima.index.to_numpy()] = maxima.to_numpy()
            self.count[name] = self.count.get(name, 0.0) + count
            self.total[name] = self.total.get(name, 0.0) + np.bincount(index, weights=values, minlength=self.n_zones)
            self.maximum[name] = np.fmax(self.maximum.get(name, np.full(self.n_zones, np.nan)), column)

    def result(self):
        """{"cells": count per zone, "<name>_mean": …, "<name>_max": …}, NaN for zones without a valid cell."""
        out = {"cells": next(iter(self.count.values()), np.zeros(self.n_zones))}
        for name, total in self.total.items():
            count = self.count[name]
            with np.errstate(invalid="ignore", divide="ignore"):
                out[f"{name}_mean"] = np.where(count > 0, total / np.where(count > 0, count, 1.0), np.nan)
            out[f"{name}_max"] = self.maximum[name]
        return out


def zonal_statistics(zone, valid, n_zones, **rasters):
    """Mean and maximum of each raster per zone, over valid cells of zone index ≥ 0.

    ``zone`` holds the zone index per cell (-1 outside). Returns {"cells": count per zone,
    "<name>_mean": …, "<name>_max": …} with NaN for zones without a valid cell.
    """
    stats = ZonalStatistics(n_zones)
    stats.add(zone, valid, **rasters)
    return stats.result()


def heat_risk(t_air_mean, t_ref, uhi_max, population, elderly=None, children=None):
    """Heat risk of a unit (0..1): hazard × vulnerability =
    (T_air,mean − T_ref) / UHI_max  ×  (elderly + children) / population.

    The hazard term is the unit's share of the maximum heat-island anomaly (0 = reference
    temperature, 1 = the full UHI_max); the vulnerability term is the share of residents over 65 or
    under 15 (the elderly share leads the usual heat vulnerability indices). Both are clipped to 0..1; a
    missing age field counts 0. NaN where the population is missing or ≤ 0, or where no age field
    is given at all.
    """
    t_air_mean = np.asarray(t_air_mean, dtype=float)
    population = np.asarray(population, dtype=float)
    if elderly is None and children is None:
        return np.full(t_air_mean.shape, np.nan)
    vulnerable = np.zeros(t_air_mean.shape)
    for group in (elderly, children):
        if group is not None:
            vulnerable = vulnerable + np.nan_to_num(np.asarray(group, dtype=float), nan=0.0)
    hazard = np.clip((t_air_mean - t_ref) / uhi_max, 0.0, 1.0) if uhi_max > 0 else np.zeros(t_air_mean.shape)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.clip(vulnerable / population, 0.0, 1.0)
    return np.where(np.isfinite(population) & (population > 0) & np.isfinite(t_air_mean), hazard * share, np.nan)
