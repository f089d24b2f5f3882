"""Rooftop solar PV: planning-level annual yield, roof-type look-up, raster sampling, and the
Huld PV power model.

Planning level: E_PV (kWh/a) = A_roof (m², footprint) × f_usable (share of the roof
that can carry modules, by roof type) × H (kWh/m²·a, annual irradiation on the module plane)
× η (module efficiency at STC) × PR (performance ratio: inverter, wiring, soiling, temperature
and shading losses). Avoided CO2 (t/a) = E_PV × EF_grid (kgCO2/kWh) / 1000.
The defaults below are planning values marked unverified (no source read): replace them with
local data (a roof survey, a SEBE/PVGIS irradiation map, the product data sheet).
"""
import numpy as np

from . import tables
from .errors import InputError
from .zones import sum_by_zone

# Planning defaults, unverified: typical ranges η 0.18–0.22 and PR 0.75–0.85 (no source read).
DEFAULT_EFFICIENCY = 0.20
DEFAULT_PERFORMANCE_RATIO = 0.80
# kWh/m²·a on the module plane, for the Yangtze River Delta (Shanghai, Jiaxing). Unverified: it
# sits in the 1050–1400 kWh/m²·a band of China's solar resource grading (GB/T 31155-2014, band
# recalled, not checked; a secondary source confirms the next band, 1400–1750) and below the
# 1446–1658 kWh/m² that Odhiambo et al. (2021), Energies 14(1):143, report for the region's most
# suitable open land (mostly Jiangsu and Anhui). Not read in a primary irradiation data set.
DEFAULT_IRRADIATION = 1300.0

# Huld et al. (2011) coefficients k1..k6, as used by UMEP SEBEpv (UMEP-dev/UMEP, SEBEpv/SEBEfiles/pvmodel.py).
HULD_COEFFICIENTS = {
    "c-Si": (-0.01724, -0.0447, -0.0047, 0.000149, 0.000147, 0.000005),
    "CdTe": (-0.046689, -0.072844, -0.002262, 0.000276, 0.000159, -0.000006),
}
# Sandia (King et al. 2004) module temperature coefficients a, b (as used by UMEP SEBEpv).
SANDIA_MOUNTS = {
    "open_rack_glass_back": (-3.47, -0.0594),
    "roof_mount_glass_back": (-2.98, -0.0471),
}


def read_roof_table(path):
    """Usable roof share by roof type: columns ``roof_type, usable_share`` (0..1) and optionally
    ``aliases`` (other spellings separated by ``|``), ``source``, ``year``, ``verified``.

    It needs a row named ``default`` for roof types it does not list.
    """
    frame = tables.read_csv_table(path, ["roof_type", "usable_share"], ["usable_share"])
    over = np.flatnonzero(frame["usable_share"].to_numpy() > 1)
    if over.size:
        raise InputError("table_fraction_range", path=str(path), line=tables.line_of(frame, over[0]), column="usable_share")
    if "default" not in set(tables.check_keys(frame, path, "roof_type")):
        raise InputError("roof_table_no_default", path=str(path))
    return frame


def match_roof_types(roof_types, table):
    """Usable share of each building's roof type (see ``read_roof_table``).

    Matching ignores case and surrounding spaces and accepts the table's aliases. Missing types
    (None or blank) and types the table does not list take the ``default`` row.
    Returns ``(usable_share, rows, unknown)``: the shares, the table row used for each building,
    and a dict {unlisted type: number of buildings} (missing types are not in it).
    """
    rows, _, unknown = tables.match_keys(roof_types, table, "roof_type")
    share = table["usable_share"].to_numpy(dtype=float)[rows]
    return share, rows, unknown


def check_pv_parameters(efficiency, performance_ratio, irradiation):
    """Refuse an efficiency or performance ratio outside (0, 1], or a negative irradiation."""
    if not 0 < efficiency <= 1:
        raise InputError("pv_efficiency_range", value=efficiency)
    if not 0 < performance_ratio <= 1:
        raise InputError("pv_performance_ratio_range", value=performance_ratio)
    if not irradiation >= 0:
        raise InputError("pv_irradiation_negative", value=irradiation)


def pv_yield(footprint_m2, usable_share, irradiation_kwh_m2, efficiency, performance_ratio):
    """Usable roof area (m²) and annual PV yield (kWh/a) of each building.

    A_usable = footprint × f_usable; E = A_usable × H × η × PR (planning level).
    ``irradiation_kwh_m2`` (H, kWh/m²·a on the module plane) is a number or one value per building.
    NaN footprints (no geometry) give NaN.
    """
    irradiation = np.asarray(irradiation_kwh_m2, dtype=float)
    lowest = float(np.nanmin(irradiation)) if irradiation.size and not np.isnan(irradiation).all() else 0.0
    check_pv_parameters(efficiency, performance_ratio, lowest)
    roof = np.asarray(footprint_m2, dtype=float) * np.asarray(usable_share, dtype=float)
    energy = roof * irradiation * efficiency * performance_ratio
    return roof, energy


def avoided_co2_t(energy_kwh, grid_factor):
    """CO2 avoided (t/a) when PV replaces grid electricity: E (kWh/a) × EF_grid (kgCO2/kWh) / 1000."""
    if grid_factor < 0:
        raise InputError("factor_negative")
    return np.asarray(energy_kwh, dtype=float) * grid_factor / 1000.0


def demand_share(energy_kwh, demand_kwh):
    """Share of the annual demand that PV meets: min(E, demand) / demand, 0–1; NaN where demand is
    missing or ≤ 0. Generation beyond the demand meets no more of it."""
    energy = np.asarray(energy_kwh, dtype=float)
    demand = np.asarray(demand_kwh, dtype=float)
    positive = demand > 0
    return np.divide(np.minimum(energy, demand), demand, out=np.full(energy.shape, np.nan), where=positive)


def self_consumption(energy_kwh, demand_kwh, export_credit=False):
    """Which PV yield offsets the building's own electricity and which is surplus (kWh/a).

    Used on site: min(E, demand); export: E − used. The credited energy, which avoided CO2 is taken
    from, is what is used on site, plus the export only when the grid is known to take it
    (``export_credit``): crediting a surplus nobody takes would drive a unit's net CO2 below zero on
    paper alone. Where the demand is unknown (NaN) the whole yield is credited and nothing is called
    export, since there is nothing to cap it with.
    Returns ``(used, export, credited)``."""
    energy = np.asarray(energy_kwh, dtype=float)
    demand = np.asarray(demand_kwh, dtype=float)
    known = ~np.isnan(demand)
    used = np.where(known, np.minimum(energy, np.maximum(demand, 0.0)), energy)
    export = np.where(known, energy - used, 0.0)
    credited = used + export if export_credit else used
    return used, export, credited


def zone_demand_share(zone_of_building, energy_kwh, demand_kwh, n_zones):
    """PV yield and demand of the buildings of each zone (kWh/a; missing values count 0) and the
    zone's share Σ yield / Σ demand (``demand_share``: NaN where the zone's demand is 0). Buildings
    in no zone (-1) count nowhere.

    >>> zone_demand_share([0, 0, 1, -1], [30.0, np.nan, 5.0, 9.0], [100.0, 50.0, 0.0, 9.0], 2)["pv_share"]
    array([0.2, nan])
    """
    energy = sum_by_zone(zone_of_building, energy_kwh, n_zones)
    demand = sum_by_zone(zone_of_building, demand_kwh, n_zones)
    return {"pv_kwh_yr": energy, "demand_kwh": demand, "pv_share": demand_share(energy, demand)}


def pixel_indices(x, y, geotransform, width, height):
    """Row and column of the raster cell holding each point, -1 (both) where it falls outside.

    ``geotransform`` is GDAL's (x0, dx, rx, y0, ry, dy): x = x0 + col·dx + row·rx,
    y = y0 + col·ry + row·dy; rotation terms are inverted exactly.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    x0, dx, rx, y0, ry, dy = geotransform
    det = dx * dy - rx * ry
    u = x - x0
    v = y - y0
    col = np.floor((dy * u - rx * v) / det)
    row = np.floor((-ry * u + dx * v) / det)
    inside = (col >= 0) & (col < width) & (row >= 0) & (row < height)   # NaN compares False
    col = np.where(inside, col, -1).astype(np.int64)
    row = np.where(inside, row, -1).astype(np.int64)
    return row, col


def sample_raster(x, y, geotransform, width, height, read_block, nodata=None, block=1024):
    """Value of a raster at each point; NaN outside the raster, on nodata and on non-finite cells.

    ``read_block(xoff, yoff, xsize, ysize)`` returns a 2-D array of that window (e.g. GDAL's
    ``band.ReadAsArray``). Only the ``block`` × ``block`` tiles that hold points are read, once
    each, so a city-wide raster is never loaded whole.
    """
    row, col = pixel_indices(x, y, geotransform, width, height)
    out = np.full(len(row), np.nan)
    inside = np.flatnonzero(row >= 0)
    if inside.size == 0:
        return out
    tiles_per_row = (width + block - 1) // block
    tile = (row[inside] // block) * tiles_per_row + col[inside] // block
    order = np.argsort(tile, kind="stable")
    tile_sorted = tile[order]
    starts = np.flatnonzero(np.r_[True, tile_sorted[1:] != tile_sorted[:-1]])
    ends = np.r_[starts[1:], len(tile_sorted)]
    for start, end in zip(starts, ends):           # one read per tile that holds points
        members = inside[order[start:end]]
        tile_id = int(tile_sorted[start])
        yoff = (tile_id // tiles_per_row) * block
        xoff = (tile_id % tiles_per_row) * block
        xsize = min(block, width - xoff)
        ysize = min(block, height - yoff)
        window = np.asarray(read_block(xoff, yoff, xsize, ysize), dtype=float)
        out[members] = window[row[members] - yoff, col[members] - xoff]
    if nodata is not None and not np.isnan(nodata):
        out[out == nodata] = np.nan
    out[~np.isfinite(out)] = np.nan
    return out


def huld_relative_power(irradiance_w_m2, module_temp_c, technology="c-Si"):
    """PV power relative to its STC rating, P/P_stc, by the Huld et al. (2011) model.

    P/P_stc = G′·[1 + k1 ln G′ + k2 (ln G′)² + k3 T′ + k4 T′ ln G′ + k5 T′ (ln G′)² + k6 T′²],
    G′ = G / 1000 W/m², T′ = T_mod − 25 °C; k1..k6 for ``technology`` "c-Si" or "CdTe" (as in UMEP
    SEBEpv). At STC (1000 W/m², 25 °C) the result is exactly 1. G ≤ 0 gives 0.
    Units: G in W/m² on the module plane, T_mod in °C; result dimensionless.
    """
    if technology not in HULD_COEFFICIENTS:
        raise InputError("pv_technology_unknown", technology=technology,
                         known=", ".join(sorted(HULD_COEFFICIENTS)))
    k1, k2, k3, k4, k5, k6 = HULD_COEFFICIENTS[technology]
    g = np.asarray(irradiance_w_m2, dtype=float) / 1000.0
    t = np.asarray(module_temp_c, dtype=float) - 25.0
    positive = g > 0
    ln_g = np.log(np.where(positive, g, 1.0))
    relative = g * (1 + k1 * ln_g + k2 * ln_g ** 2 + k3 * t + k4 * t * ln_g + k5 * t * ln_g ** 2 + k6 * t ** 2)
    return np.where(positive, relative, 0.0)


def sandia_module_temperature(irradiance_w_m2, ambient_temp_c, wind_m_s, mount="roof_mount_glass_back"):
    """Module back-surface temperature (°C) by the Sandia model: T_mod = G·exp(a + b·ws) + T_amb.

    a, b for glass-back modules, open rack (−3.47, −0.0594) or roof mount (−2.98, −0.0471)
    (King et al. 2004, as in UMEP SEBEpv). G in W/m², ws in m/s.
    """
    if mount not in SANDIA_MOUNTS:
        raise InputError("pv_mount_unknown", mount=mount, known=", ".join(sorted(SANDIA_MOUNTS)))
    a, b = SANDIA_MOUNTS[mount]
    g = np.asarray(irradiance_w_m2, dtype=float)
    return g * np.exp(a + b * np.asarray(wind_m_s, dtype=float)) + np.asarray(ambient_temp_c, dtype=float)
