"""Carbon stored in land cover, the InVEST Carbon Storage and Sequestration way (methods document §3).

Each land-cover class has four pools in t C/ha of elemental carbon (not CO2): ``c_above``,
``c_below``, ``c_soil`` and ``c_dead``. Its density is their sum, and
    stock (t C) = density (t C/ha) × area (ha)
for a polygon, or the same summed over pixels (pixel area in ha) for a raster, nodata left out.
    CO2e (t) = C (t) × 44/12   (molar masses of CO2 and C)
    change (t C) = stock in the scenario − stock in the baseline
An optional ``c_rate`` (t C/ha/yr) gives annual sequestration = area (ha) × c_rate × 44/12 in
t CO2/yr: an extension planners ask for, since InVEST's pools are static.

Classes that the table does not list are not guessed: their stock stays NaN (NULL in the output)
and the caller counts them. Pure numpy/pandas: the QGIS and GDAL reading is the algorithm's job.
"""
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import tables
from .errors import InputError

POOLS = ("c_above", "c_below", "c_soil", "c_dead")
RATE = "c_rate"
CO2_PER_C = 44.0 / 12.0
M2_PER_HA = 10_000.0
TEXT_KEYS = ("class", "lulc_name")   # the first one present is the text key
LOOKUP_MAX = 1 << 22                 # widest lucode range matched through a look-up array


@dataclass(frozen=True)
class CarbonPools:
    """A checked carbon-pools table, one entry per row (see ``read_carbon_pools``)."""
    density: np.ndarray        # t C/ha: c_above + c_below + c_soil + c_dead
    rate: object               # t C/ha/yr per row, or None without a c_rate column
    codes: object              # int64 lucode per row (-1 where blank), or None without a lucode column
    names: dict                # normalised class name or alias -> row
    labels: list               # a readable name per row (class, else lucode)
    verified: object           # bool per row (verified == "yes"), or None without a verified column
    path: str

    @property
    def has_rate(self):
        return self.rate is not None

    def unverified(self, rows):
        """Labels of the given rows that the table marks as not verified (in table order)."""
        if self.verified is None:
            return []
        used = sorted({int(r) for r in np.asarray(rows).ravel() if r >= 0})
        return [self.labels[r] for r in used if not self.verified[r]]


def read_carbon_pools(path):
    """Read a carbon-pools CSV in InVEST's layout and check it.

    Columns (case-insensitive): a key, ``lucode`` (integer land-cover code) and/or ``class`` (text;
    InVEST's ``lulc_name`` serves when there is no ``class``); ``c_above, c_below, c_soil, c_dead``
    in t C/ha (numbers ≥ 0); optional ``c_rate`` in t C/ha/yr (≥ 0, blank = 0); optional
    ``aliases`` (other names separated by ``|``); optional ``source, year, verified``. Other
    columns are ignored, so an existing InVEST table works unchanged.
    Errors (``InputError``) name the file line: missing columns, non-numbers, a lucode that is not
    a whole number, a duplicated key, a row without any key.
    """
    frame = tables.read_csv_table(path, list(POOLS), list(POOLS))
    columns = set(frame.columns)
    text_key = next((c for c in TEXT_KEYS if c in columns), None)
    if "lucode" not in columns and text_key is None:
        raise InputError("carbon_table_no_key", path=str(path))
    n = len(frame)

    codes = None
    if "lucode" in columns:
        raw = frame["lucode"].str.strip()
        numbers = pd.to_numeric(raw, errors="coerce").to_numpy(float)
        blank = (raw == "").to_numpy()
        bad = ~blank & ~(np.isfinite(numbers) & (numbers == np.round(numbers)) & (numbers >= 0))
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise InputError("carbon_bad_lucode", path=str(path), line=tables.line_of(frame, row), value=raw.iloc[row])
        codes = np.where(blank, -1, np.nan_to_num(numbers)).astype(np.int64)   # -1: blank (codes are ≥ 0)
        _refuse_duplicates(path, frame, np.where(blank, None, codes.astype(object)), raw.to_numpy())

    names, labels = {}, []
    text = frame[text_key].str.strip() if text_key else pd.Series([""] * n)
    if text_key:
        _refuse_duplicates(path, frame, np.array([t.lower() or None for t in text], dtype=object),
                           text.to_numpy())
    for row in range(n):
        name = text.iloc[row]
        has_code = codes is not None and codes[row] >= 0
        if not name and not has_code:
            raise InputError("carbon_row_no_key", path=str(path), line=tables.line_of(frame, row))
        if name:
            names[name.lower()] = row
        labels.append(name or str(codes[row]))
    if "aliases" in columns:
        for row, aliases in enumerate(frame["aliases"]):
            for alias in str(aliases).split("|"):
                alias = alias.strip().lower()
                if alias:
                    names.setdefault(alias, row)

    rate = None
    if RATE in columns:
        raw = frame[RATE].str.strip()
        numbers = pd.to_numeric(raw.where(raw != "", "0"), errors="coerce").to_numpy(float)
        bad = ~(numbers >= 0)
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise InputError("table_bad_number", path=str(path), line=tables.line_of(frame, row), column=RATE,
                             value=raw.iloc[row])
        rate = numbers

    verified = None
    if "verified" in columns:
        verified = (frame["verified"].str.strip().str.lower() == "yes").to_numpy()
    density = frame[list(POOLS)].to_numpy(float).sum(axis=1)
    return CarbonPools(density=density, rate=rate, codes=codes, names=names, labels=labels,
                       verified=verified, path=str(path))


def _refuse_duplicates(path, frame, keys, shown):
    """Raise ``table_duplicate_key`` at the first repeated non-None key (``shown``: its text per row)."""
    present = np.array([k is not None for k in keys], dtype=bool)
    if not present.any():
        return
    series = pd.Series(keys[present])
    duplicated = series.duplicated().to_numpy()
    if duplicated.any():
        row = int(np.flatnonzero(present)[np.flatnonzero(duplicated)[0]])
        raise InputError("table_duplicate_key", path=str(path), line=tables.line_of(frame, row), value=shown[row])


def _rows_of_codes(values, valid, pools):
    """Table row of each integer-valued code (``values`` numeric, ``valid`` mask); -1 elsewhere.
    Vectorised (a look-up array over the table's code range, or a sorted search when that range is
    huge), so it suits rasters of millions of pixels."""
    codes = pools.codes
    keep = codes >= 0
    if not keep.any():
        return np.full(values.shape, -1, dtype=np.int64)
    if values.dtype.kind == "f":
        valid = valid & np.isfinite(values) & (values == np.round(values))
        values = np.where(valid, values, -1)
    values = values.astype(np.int64, copy=False)
    low, high = int(codes[keep].min()), int(codes[keep].max())
    if high - low <= LOOKUP_MAX:
        lookup = np.full(high - low + 1, -1, dtype=np.int64)
        lookup[codes[keep] - low] = np.flatnonzero(keep)
        out = lookup[np.clip(values, low, high) - low]
        out[~valid | (values < low) | (values > high)] = -1
        return out
    table_rows = np.flatnonzero(keep)
    order = np.argsort(codes[keep], kind="stable")
    sorted_codes, sorted_rows = codes[keep][order], table_rows[order]
    position = np.clip(np.searchsorted(sorted_codes, values), 0, len(sorted_codes) - 1)
    hit = valid & (sorted_codes[position] == values)
    return np.where(hit, sorted_rows[position], -1)


def match_classes(values, pools):
    """Table row for each feature's class, -1 where the table has no such class.

    ``values`` is a float array (a numeric class field, NaN for NULL), matched to ``lucode``; or an
    object array of text (None for NULL), matched, ignoring case and surrounding spaces, to
    ``class`` and ``aliases``, then as a whole number to ``lucode``.
    Returns ``(rows, null)``: ``null`` marks features without any class value.
    """
    values = np.asarray(values)
    if values.dtype.kind in "fiu":
        if pools.codes is None:
            raise InputError("carbon_table_no_lucode", path=pools.path)
        values = values.astype(float)
        null = np.isnan(values)
        return _rows_of_codes(values, ~null, pools), null
    keys = np.array([("" if v is None else str(v)).strip().lower() for v in values], dtype=object)
    null = keys == ""
    if len(keys) == 0:
        return np.zeros(0, dtype=np.int64), null
    distinct, inverse = np.unique(keys, return_inverse=True)   # one look-up per distinct value
    found = np.array([_row_of_text(key, pools) for key in distinct], dtype=np.int64)
    return found[inverse], null


def _row_of_text(key, pools):
    if not key:
        return -1
    if key in pools.names:
        return pools.names[key]
    if pools.codes is not None:
        try:
            number = float(key)
        except ValueError:
            return -1
        if np.isfinite(number) and number == round(number):
            hits = np.flatnonzero(pools.codes == int(number))
            return int(hits[0]) if hits.size else -1
    return -1


def _per_row(table_values, rows):
    """``table_values[rows]`` as floats, NaN where ``rows`` is -1."""
    rows = np.asarray(rows)
    return np.where(rows >= 0, np.asarray(table_values, dtype=float)[np.maximum(rows, 0)], np.nan)


def polygon_carbon(area_m2, rows, scenario_rows=None, pools=None):
    """Carbon of polygons of known area and class rows (from ``match_classes``).

    area_ha = area (m²) / 10 000; c_stock_t = density[class] (t C/ha) × area_ha;
    co2e_t = c_stock_t × 44/12; with a scenario: c_scen_t = density[scenario class] × area_ha and
    c_change_t = c_scen_t − c_stock_t; with rates: seq_co2_t_yr = area_ha × c_rate × 44/12
    (t CO2/yr) and, with a scenario, seq_scen_co2_t_yr likewise for the scenario class.
    Unknown classes (row -1) and missing areas (NaN) give NaN. Returns {field name: array}.
    """
    area_ha = np.asarray(area_m2, dtype=float) / M2_PER_HA
    out = {"area_ha": area_ha}
    out["c_stock_t"] = _per_row(pools.density, rows) * area_ha
    out["co2e_t"] = out["c_stock_t"] * CO2_PER_C
    if scenario_rows is not None:
        out["c_scen_t"] = _per_row(pools.density, scenario_rows) * area_ha
        out["c_change_t"] = out["c_scen_t"] - out["c_stock_t"]
    if pools.has_rate:
        out["seq_co2_t_yr"] = _per_row(pools.rate, rows) * area_ha * CO2_PER_C
        if scenario_rows is not None:
            out["seq_scen_co2_t_yr"] = _per_row(pools.rate, scenario_rows) * area_ha * CO2_PER_C
    return out


def pixel_area_ha(geotransform, to_m2=1.0):
    """Area of one pixel in ha from a GDAL geotransform (|det| of its 2×2 part, CRS units² × to_m2)."""
    _, a, b, _, d, e = geotransform
    return abs(a * e - b * d) * to_m2 / M2_PER_HA


@dataclass
class ZoneSums:
    """Sums of one land-cover raster over zones; add the sums of its blocks together with ``+=``."""
    area_ha: np.ndarray        # area of pixels with a known class, per zone
    c_t: np.ndarray            # t C per zone
    rate_t_yr: np.ndarray      # t C/yr per zone (0 without rates)
    row_pixels: np.ndarray     # classified pixels per table row (inside zones or not)
    outside_ha: float = 0.0    # classified pixels outside every zone
    unknown: Counter = None    # pixel count per code the table lacks

    @classmethod
    def empty(cls, n_zones, n_rows):
        return cls(np.zeros(n_zones), np.zeros(n_zones), np.zeros(n_zones), np.zeros(n_rows, dtype=np.int64),
                   0.0, Counter())

    def __iadd__(self, other):
        self.area_ha += other.area_ha
        self.c_t += other.c_t
        self.rate_t_yr += other.rate_t_yr
        self.row_pixels += other.row_pixels
        self.outside_ha += other.outside_ha
        self.unknown.update(other.unknown)
        return self


def raster_zone_sums(codes, valid, zone, n_zones, pools, pixel_ha):
    """Carbon of a block of land-cover pixels summed per zone (InVEST's definition).

    Per pixel: density (t C/ha) of its code × pixel area (ha); pixels where ``valid`` is False
    (nodata), and NaN in a float raster, are left out. ``zone`` holds each pixel's zone index (-1 outside all zones), or is None
    for a single zone covering everything. Codes the table lacks are counted in ``unknown`` and
    left out, as are pixels outside every zone (their area goes to ``outside_ha``).
    Returns a ``ZoneSums`` (area in ha, C in t, sequestration in t C/yr, pixels per table row).
    """
    codes = np.asarray(codes)
    valid = np.asarray(valid, dtype=bool)
    if codes.dtype.kind == "f":
        valid = valid & ~np.isnan(codes)    # NaN is nodata in a float raster
    if pools.codes is None:
        raise InputError("carbon_table_no_lucode", path=pools.path)
    rows = _rows_of_codes(codes, valid, pools)
    unknown = valid & (rows < 0)
    counter = Counter()
    if unknown.any():
        missing, counts = np.unique(codes[unknown], return_counts=True)
        counter.update({_code_label(m): int(c) for m, c in zip(missing.tolist(), counts.tolist())})
    n_rows = len(pools.density)
    known = rows >= 0
    row_pixels = np.bincount(rows[known], minlength=n_rows)
    if zone is None:
        counts, outside = row_pixels.reshape(1, n_rows), 0
        counts = np.vstack([counts, np.zeros((n_zones - 1, n_rows), dtype=counts.dtype)])
    else:
        zone = np.asarray(zone)
        inside = known & (zone >= 0)
        outside = int(np.count_nonzero(known)) - int(np.count_nonzero(inside))
        # Pixels per (zone, class) by integer counting; the densities are applied once per pair.
        counts = np.bincount(zone[inside].astype(np.int64) * n_rows + rows[inside],
                             minlength=n_zones * n_rows)[:n_zones * n_rows].reshape(n_zones, n_rows)
    area = counts.sum(axis=1) * pixel_ha
    carbon = counts @ pools.density * pixel_ha
    rate = counts @ pools.rate * pixel_ha if pools.has_rate else np.zeros(n_zones)
    return ZoneSums(area.astype(float), carbon, rate, row_pixels, outside * pixel_ha, counter)


def _code_label(value):
    value = float(value)
    return str(int(value)) if np.isfinite(value) and value == round(value) else str(value)


def zone_carbon(base, scenario=None, has_rate=False):
    """Output columns per zone from raster sums (``ZoneSums`` of the baseline and the scenario).

    area_ha = classified baseline area; c_stock_t = Σ density × pixel area; co2e_t = × 44/12;
    c_scen_t, c_change_t = c_scen_t − c_stock_t; seq_co2_t_yr = Σ c_rate × pixel area × 44/12
    (and seq_scen_co2_t_yr). A zone with no classified pixel in a raster gets NaN for that raster's
    values, not 0: it was not measured. Returns {field name: array}.
    """
    def measured(values, sums):
        return np.where(sums.area_ha > 0, values, np.nan)

    out = {"area_ha": base.area_ha.copy(), "c_stock_t": measured(base.c_t, base)}
    out["co2e_t"] = out["c_stock_t"] * CO2_PER_C
    if scenario is not None:
        out["c_scen_t"] = measured(scenario.c_t, scenario)
        out["c_change_t"] = out["c_scen_t"] - out["c_stock_t"]
    if has_rate:
        out["seq_co2_t_yr"] = measured(base.rate_t_yr, base) * CO2_PER_C
        if scenario is not None:
            out["seq_scen_co2_t_yr"] = measured(scenario.rate_t_yr, scenario) * CO2_PER_C
    return out


def output_fields(has_scenario, has_rate):
    """Names of the fields an output gets, in order (all doubles)."""
    names = ["area_ha", "c_stock_t", "co2e_t"]
    if has_scenario:
        names += ["c_scen_t", "c_change_t"]
    if has_rate:
        names.append("seq_co2_t_yr")
        if has_scenario:
            names.append("seq_scen_co2_t_yr")
    return names


def totals(columns):
    """Scalar totals of output columns (NaN left out): C, CO2e, change, sequestration (t CO2/yr)."""
    def total(name):
        values = columns.get(name)
        return 0.0 if values is None else float(np.nansum(values))
    return {"c_t": total("c_stock_t"), "co2e_t": total("co2e_t"), "scen_t": total("c_scen_t"),
            "change_t": total("c_change_t"), "seq_co2_t_yr": total("seq_co2_t_yr"),
            "seq_scen_co2_t_yr": total("seq_scen_co2_t_yr")}
