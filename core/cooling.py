"""Heat mitigation by land cover, the InVEST Urban Cooling way (InVEST user's guide, urban_cooling_model.rst;
reference values from natcap/invest tests/test_ucm.py).

The cooling-capacity, heat-mitigation and air-temperature steps of the InVEST 3.20 Urban Cooling
model, re-derived from its User's Guide (chapter "Urban Cooling", sections "Cooling Capacity
Index", "Urban Heat Mitigation Index (Effect of Large Green Spaces)", "Air Temperature
Estimates") and the kernel semantics of its code (``pygeoprocessing.convolve_2d`` with
``ignore_nodata_and_edges=True``):

    ETI  = kc · ET0 / ET_max                       (ET_max: the largest ET0 of the raster, where
                                                    the land cover has data or not; with a single
                                                    ET0 number, ETI = kc)
    CC   = (w_shade·shade + w_albedo·albedo + w_eti·ETI) / (w_shade + w_albedo + w_eti)
                                                   ("factors", daytime; InVEST divides by the
                                                    weights' sum, 0.6 / 0.2 / 0.2 by default)
    CC   = 1 − building_intensity                  ("intensity", night-time)
    GA_i = cell_area · n_disc · Σ_j g_j·D_ij / Σ_j v_j·D_ij             (m²)
    CC_park,i = Σ_j g_j·CC_j·K_ij / Σ_j v_j·K_ij
    HM_i = CC_i if CC_i ≥ CC_park,i or GA_i < 2 ha, else CC_park,i
    T_nomix = T_ref + (1 − HM) · UHI_max            (°C)
    T_air,i = Σ_j T_nomix,j·K'_ij / Σ_j v_j·K'_ij

D is the flat disc of radius d_cool (D_ij = 1 when d(i,j) ≤ d_cool, n_disc = Σ D its cell count),
K the exponential kernel e^(−d/d_cool) cut at 5·d_cool, K' the same with the air mixing distance
r, and v_j = 1 for valid cells. Sums run over the cells of the raster only: dividing by the
kernel weight of the valid cells in reach is what ``ignore_nodata_and_edges`` does, so a cell at
the raster edge or next to nodata is not diluted by the outside (GA is scaled back up by n_disc,
the weight of the whole disc, because InVEST's disc kernel is not normalised). Nothing is
rounded: a cell near a park but short of 2 ha of green keeps its CC, one with 2 ha or more takes
CC_park where it is higher. The User's Guide does not test whether green cells are contiguous
(its note: many small green spaces act like one large one), nor does this module.

For GA, valid cells are those with a known land-cover class; for CC_park and T_air, those with a
CC (a class and, in the factors method, an ET0 value): InVEST convolves the green-area raster,
whose nodata is the land cover's, and the CC raster, whose nodata also covers missing ET0.

Distances are in whole cells as in InVEST: an expected distance d becomes round(d / cell size)
cells (at least one here; InVEST's kernel breaks at 0), and a cell lies inside a kernel when its
centre distance is ≤ the cut-off. The User's Guide calls the air-mixing kernel Gaussian; the
3.20 code uses the exponential kernel above, which is what is followed here.

Units: ET0 in mm (any period, as long as it is the same everywhere), kc/shade/albedo/building
intensity unitless, cell size and distances in metres, temperatures in °C. Pure numpy/scipy/pandas:
reading and writing rasters is the algorithm's job.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.fft import next_fast_len
from scipy.signal import fftconvolve

from . import tables
from .errors import InputError

COLUMNS = ("lucode", "kc", "shade", "albedo", "green_area")
INTENSITY = "building_intensity"
METHODS = ("factors", "intensity")          # cooling-capacity methods, in the algorithm's enum order
INTENSITY_COLUMNS = ("lucode", "green_area", INTENSITY)
DEFAULT_WEIGHTS = (0.6, 0.2, 0.2)          # shade, albedo, ETI (InVEST Urban Cooling defaults)
GREEN_AREA_THRESHOLD_M2 = 20_000.0          # 2 ha: smaller green areas do not cool their surroundings
KERNEL_CUTOFF = 5.0                         # exponential kernels are cut at 5 expected distances
FFT_MIN_SIZE = 15                           # kernels at least this wide are convolved by FFT
# Peak bytes of heat_mitigation and air_temperature per cell of their window, of the exponential
# kernel and of the padded FFT grid: a least-squares fit, within ±11 %, of tracemalloc peaks
# (numpy 1.24, scipy 1.10) on windows of 10^4 to 6·10^5 cells with kernels of 21 to 1001 cells a side.
BYTES_PER_WINDOW_CELL = 32
BYTES_PER_KERNEL_CELL = 14
BYTES_PER_FFT_CELL = 30
# What the tile loop of lcr:urban_cooling holds per window cell besides: codes, valid, table rows,
# ET0, ETI, CC and its terms for heat mitigation; the validity mask and T_air for the mixing.
TILE_BYTES_PER_CELL = {"cooling": 80, "mixing": 16}
GRID_BYTES_PER_CELL = 8                     # HM of the whole grid (float64), and ET0 where it is a raster


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
    intensity: object = None   # building intensity (0..1) per row; None with the factors method

    def unverified(self, rows):
        """Labels of the used rows the table marks as not verified (in table order)."""
        if self.verified is None:
            return []
        used = sorted({int(r) for r in np.asarray(rows).ravel() if r >= 0})
        return [self.labels[r] for r in used if not self.verified[r]]


def read_biophysical(path, method="factors"):
    """Read an InVEST Urban Cooling biophysical table and check it.

    Columns (case-insensitive): ``lucode`` (whole number ≥ 0), ``green_area`` (0 or 1) and, for the
    ``factors`` method, ``kc`` (≥ 0), ``shade`` and ``albedo`` (0..1); for the ``intensity`` method
    ``building_intensity`` (0..1, floor area over footprint area scaled to 0..1 as InVEST asks),
    where kc, shade and albedo may be left out (NaN). Optional ``class``/``lulc_name``, ``source``,
    ``year``, ``verified``; other columns are ignored, so an InVEST table works unchanged. Errors
    (``InputError``) name the CSV line.
    """
    if method not in METHODS:
        raise ValueError(method)
    required = list(COLUMNS) if method == "factors" else list(INTENSITY_COLUMNS)
    frame = tables.read_csv_table(path, required, required)
    codes = frame["lucode"].to_numpy(float)
    bad = np.flatnonzero(codes != np.round(codes))
    if bad.size:
        raise InputError("cooling_bad_lucode", path=str(path), line=tables.line_of(frame, bad[0]),
                         value=frame["lucode"].iloc[bad[0]])
    duplicated = np.flatnonzero(pd.Series(codes).duplicated().to_numpy())
    if duplicated.size:
        raise InputError("table_duplicate_key", path=str(path), line=tables.line_of(frame, duplicated[0]),
                         value=int(codes[duplicated[0]]))
    fractions = ("shade", "albedo") if method == "factors" else (INTENSITY,)
    for column in fractions:
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

    def column(name):
        # The other method's columns are not checked, so a blank or a word in them does not stop a
        # run that never reads them.
        if name in required:
            return frame[name].to_numpy(float)
        if name not in frame.columns:
            return np.full(len(frame), np.nan)
        return pd.to_numeric(frame[name].str.strip(), errors="coerce").to_numpy(float)

    return Biophysical(codes=codes.astype(np.int64), kc=column("kc"), shade=column("shade"),
                       albedo=column("albedo"), green=green, labels=labels, verified=verified, path=str(path),
                       intensity=column(INTENSITY) if method == "intensity" else None)


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
    """CC = (w_shade·shade + w_albedo·albedo + w_eti·ETI) / (w_shade + w_albedo + w_eti) (unitless;
    InVEST UCM "factors" method, User's Guide eq. "coolingcapacity_factors"). InVEST scales the
    weights to sum 1, so CC stays within 0..1 whatever weights are typed; the defaults already do."""
    w_shade, w_albedo, w_eti = (w / float(sum(weights)) for w in weights)
    return w_shade * np.asarray(shade, float) + w_albedo * np.asarray(albedo, float) + w_eti * np.asarray(eti, float)


def cooling_capacity_intensity(building_intensity):
    """CC = 1 − building intensity (unitless; InVEST UCM "intensity" method for night-time
    temperatures, User's Guide eq. "coolingcapacity_intensity"): heat stored in the built volume by
    day is released at night, so more floor area per footprint cools less."""
    return 1.0 - np.asarray(building_intensity, float)


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


def memory_estimate(height, width, cell_size_m, cooling_distance_m, radius_m, tile, et0_grid=False):
    """Peak bytes of the two distance-weighted steps of lcr:urban_cooling on a ``height`` × ``width``
    grid of ``cell_size_m`` cells, run per ``tile`` × ``tile`` tile grown by the kernel's reach
    (``tiles``): {"cooling": the CC_park and GA step (kernel of ``cooling_distance_m``), "mixing": the
    air temperature step (kernel of ``radius_m``)}. ``et0_grid``: ET0 is a raster resampled onto the grid.

    Both hold HM for the whole grid; each holds its window's arrays, its exponential kernel (side
    2·ceil(5·d/cell) + 1) and the FFT of the window and kernel. A 20 km cooling distance on 10 m
    cells makes a kernel of 20 001² cells:

    >>> round(memory_estimate(200, 200, 10.0, 20_000, 500, 1024)["cooling"] / 2**30, 1)
    16.7
    """
    grid = GRID_BYTES_PER_CELL * height * width * (2 if et0_grid else 1)

    def step(name, distance_m):
        if name == "mixing" and float(distance_m) < float(cell_size_m) / 2.0:
            side = reach = 0                 # no mixing: T_air is T_nomix, cell by cell
        else:
            reach = kernel_reach(distance_m, cell_size_m)
            side = 2 * reach + 1
        rows, cols = min(height, min(tile, height) + 2 * reach), min(width, min(tile, width) + 2 * reach)
        fft = 0
        if side >= FFT_MIN_SIZE:
            fft = next_fast_len(rows + side - 1, real=True) * next_fast_len(cols + side - 1, real=True)
        window = (BYTES_PER_WINDOW_CELL + TILE_BYTES_PER_CELL[name]) * rows * cols
        return grid + window + BYTES_PER_KERNEL_CELL * side ** 2 + BYTES_PER_FFT_CELL * fft

    return {"cooling": step("cooling", cooling_distance_m), "mixing": step("mixing", radius_m)}


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


def edge_normalised(values, valid, kernel):
    """Σ_j values_j·k_ij / Σ_j valid_j·k_ij: the kernel-weighted mean of ``values`` over the valid
    cells within the grid, as ``pygeoprocessing.convolve_2d(ignore_nodata_and_edges=True)`` gives
    it for a normalised kernel (multiply by the kernel's sum for an unnormalised one).

    ``values`` must be 0 where not ``valid``. NaN where no valid cell is in reach, and outside
    ``valid``. Cells beyond the grid and nodata carry no weight, so edges and holes do not pull the
    mean towards 0 (InVEST's reason for the option)."""
    valid = np.asarray(valid, dtype=bool)
    numerator = convolve(values, kernel)
    weight = convolve(valid.astype(float), kernel)
    # FFT round-off leaves ~1e-17 where the true weight is 0; no real weight is that small,
    # since a valid cell always counts itself with the kernel's centre value.
    reached = valid & (weight > 1e-12 * float(kernel.max()))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(reached, numerator / np.where(reached, weight, 1.0), np.nan)


def heat_mitigation(cc, green, valid, cell_size_m, cooling_distance_m, green_valid=None):
    """CC_park, GA (m²) and HM, as in InVEST 3.20 Urban Cooling (formulas in the module docstring).

    ``cc`` is the cooling capacity (NaN where not ``valid``), ``green`` 1/0 per cell, ``cell_size_m``
    the side of a square cell and ``cooling_distance_m`` d_cool. ``green_valid`` marks the cells
    whose green flag is known (a land-cover class; default ``valid``), over which GA is averaged.
    Returns dict ``cc_park``, ``ga_m2``, ``hm`` (NaN outside ``valid``).
    """
    expected = cells(cooling_distance_m, cell_size_m)
    valid = np.asarray(valid, dtype=bool)
    green_valid = valid if green_valid is None else np.asarray(green_valid, dtype=bool) | valid
    green = np.asarray(green, dtype=float)
    cc0 = np.where(valid, cc, 0.0)
    cc_park = edge_normalised(np.where(valid, green, 0.0) * cc0, valid, exponential_kernel(expected))
    # A weighted mean of values ≥ 0: FFT round-off below 0 is not a negative cooling.
    cc_park = np.maximum(cc_park, 0.0)
    disc = disc_kernel(expected)
    # InVEST's disc kernel is not normalised: the edge-corrected mean is scaled back to a cell count.
    green_cells = edge_normalised(np.where(green_valid, green, 0.0), green_valid, disc) * disc.sum()
    ga_m2 = green_cells * float(cell_size_m) ** 2
    # Exactly 2 ha of green is "not < 2 ha"; the FFT's last-digit noise must not decide such a tie
    # (whole green cells make it common: 200 cells of 10 m).
    with np.errstate(invalid="ignore"):
        keep_cc = (cc0 >= cc_park) | (ga_m2 < GREEN_AREA_THRESHOLD_M2 * (1.0 - 1e-9))
    hm = np.where(keep_cc, cc0, cc_park)
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
    t_air = edge_normalised(np.where(valid, t_nomix, 0.0), valid, kernel)
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
    under 15 (the elderly share is the first variable of Reid et al. 2009's heat vulnerability
    index). Both are clipped to 0..1; a missing age field counts 0. NaN where the population is
    missing or ≤ 0, or where no age field is given at all.
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
