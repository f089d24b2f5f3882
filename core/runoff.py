"""SCS Curve Number event runoff (TR-55, NRCS 1986; InVEST Urban Flood Risk Mitigation form).

All depths are in millimetres, areas in m², volumes in m³. Pure numpy/pandas, no QGIS.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import tables
from .errors import InputError

CN_COLUMNS = ("cn_a", "cn_b", "cn_c", "cn_d")
SOIL_GROUPS = "ABCD"
S_CN_ZERO_MM = 100000.0   # InVEST UFRM: S_max for CN = 0 (the formula would divide by zero)


def s_max_mm(cn):
    """Potential maximum retention S (mm) = 25400 / CN − 254 (TR-55 eq. 2-4 in metric units).

    CN = 0 gives S = 100000 mm, InVEST UFRM's special case. NaN CN gives NaN.
    """
    cn = np.asarray(cn, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        s = 25400.0 / cn - 254.0
    return np.where(cn == 0, S_CN_ZERO_MM, s)


def runoff_mm(p_mm, cn, lam=0.2):
    """Event runoff depth Q (mm), SCS-CN (TR-55 eq. 2-1/2-3; InVEST UFRM form with λ):

    Q = (P − λS)² / (P + (1 − λ)S) for P > λS, else 0; S from ``s_max_mm``. P in mm.
    NaN CN or P gives NaN.
    """
    p = np.asarray(p_mm, dtype=float)
    s = s_max_mm(cn)
    ia = lam * s
    with np.errstate(divide="ignore", invalid="ignore"):
        q = np.where(p > ia, (p - ia) ** 2 / (p + (1.0 - lam) * s), 0.0)
    return np.where(np.isnan(p) | np.isnan(s), np.nan, q)


def retention_index(p_mm, q_mm):
    """Runoff retention index R = 1 − Q/P (InVEST UFRM), 0–1; NaN where P ≤ 0."""
    p = np.asarray(p_mm, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(p > 0, 1.0 - np.asarray(q_mm, dtype=float) / p, np.nan)


def volume_m3(depth_mm, area_m2):
    """Volume (m³) = depth (mm) × area (m²) × 1e-3."""
    return np.asarray(depth_mm, dtype=float) * np.asarray(area_m2, dtype=float) * 1e-3


def composite_cn(cns, areas):
    """Area-weighted composite CN = Σ CN_i·A_i / Σ A_i (TR-55 worksheet 2)."""
    cns, areas = np.asarray(cns, dtype=float), np.asarray(areas, dtype=float)
    return float((cns * areas).sum() / areas.sum())


def soil_group_index(values):
    """Hydrologic soil group of each feature as 0..3 (A..D), -1 where NULL, -2 where not A–D/1–4.

    ``values`` is a float array (numeric field: 1–4) or an object array of text ("A".."D", "1".."4",
    case and surrounding spaces ignored).
    """
    values = np.asarray(values)
    if values.dtype.kind == "f":
        out = np.full(values.shape, -2, dtype=np.int64)
        out[np.isnan(values)] = -1
        ok = np.isin(values, [1.0, 2.0, 3.0, 4.0])
        out[ok] = values[ok].astype(np.int64) - 1
        return out
    text = pd.Series(values, dtype=object)
    null = text.isna().to_numpy()
    norm = text.fillna("").astype(str).str.strip().str.upper()
    mapping = {"A": 0, "B": 1, "C": 2, "D": 3, "1": 0, "2": 1, "3": 2, "4": 3}
    out = norm.map(mapping).fillna(-2).to_numpy().astype(np.int64)
    out[null | (norm == "").to_numpy()] = -1
    return out


@dataclass(frozen=True)
class CnTable:
    path: str
    frame: object          # the table as read
    cn: np.ndarray         # (rows, 4) CN for soil groups A..D
    codes: object          # pandas Index of int lucode per row, or None
    names: dict            # lower-case class name -> row
    labels: list           # readable label per row

    def unverified(self, rows):
        """Labels of the given rows marked verified != yes (all rows have the column in shipped tables)."""
        if "verified" not in self.frame.columns:
            return []
        flags = self.frame["verified"].str.strip().str.lower() != "yes"
        rows = np.unique(np.asarray(rows, dtype=np.int64))
        return [self.labels[r] for r in rows[rows >= 0] if flags.iloc[r]]


def read_cn_table(path):
    """Curve-number table in InVEST UFRM layout: key ``lucode`` (integer) and/or ``class`` (text),
    then ``cn_a, cn_b, cn_c, cn_d`` (CN 0–100 for hydrologic soil groups A–D); optional
    ``source, year, verified``. Errors (``InputError``) name the CSV line."""
    frame = tables.read_csv_table(path, list(CN_COLUMNS), list(CN_COLUMNS))
    columns = frame.columns
    if "lucode" not in columns and "class" not in columns:
        raise InputError("cn_table_no_key", path=str(path))
    cn = frame[list(CN_COLUMNS)].to_numpy(dtype=float)
    over = np.flatnonzero((cn > 100).any(axis=1))
    if over.size:
        raise InputError("cn_out_of_range", path=str(path), line=tables.line_of(frame, over[0]))
    codes = None
    labels = [""] * len(frame)
    if "lucode" in columns:
        raw = frame["lucode"].str.strip()
        numbers = pd.to_numeric(raw, errors="coerce")
        bad = numbers.isna() | (numbers < 0) | (numbers % 1 != 0)
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            raise InputError("cn_bad_lucode", path=str(path), line=tables.line_of(frame, row), value=raw.iloc[row])
        codes = pd.Index(numbers.astype(np.int64))
        dup = codes.duplicated()
        if dup.any():
            row = int(np.flatnonzero(dup)[0])
            raise InputError("table_duplicate_key", path=str(path), line=tables.line_of(frame, row),
                             value=raw.iloc[row])
        labels = [str(c) for c in codes]
    names = {}
    if "class" in columns:
        for row, name in enumerate(frame["class"].str.strip()):
            if not name:
                continue
            key = name.lower()
            if key in names:
                raise InputError("table_duplicate_key", path=str(path), line=tables.line_of(frame, row), value=name)
            names[key] = row
            labels[row] = name
    return CnTable(str(path), frame, cn, codes, names, labels)


def match_classes(values, table):
    """Table row per feature, -1 where the class is not in the table, -2 where NULL.

    A float array (numeric field) is matched to ``lucode``; text to ``class`` (ignoring case),
    then, as a whole number, to ``lucode``.
    """
    values = np.asarray(values)
    if values.dtype.kind == "f":
        if table.codes is None:
            raise InputError("cn_table_no_lucode", path=table.path)
        rows = np.full(values.shape, -1, dtype=np.int64)
        null = np.isnan(values)
        whole = ~null & (values % 1 == 0)
        rows[whole] = table.codes.get_indexer(values[whole].astype(np.int64))
        rows[null] = -2
        return rows
    text = pd.Series(values, dtype=object)
    null = (text.isna() | (text.fillna("").astype(str).str.strip() == "")).to_numpy()
    norm = text.fillna("").astype(str).str.strip()
    rows = norm.str.lower().map(table.names).fillna(-1).to_numpy().astype(np.int64)
    if table.codes is not None:
        numbers = pd.to_numeric(norm, errors="coerce").to_numpy()
        todo = (rows < 0) & ~np.isnan(numbers) & (numbers % 1 == 0)
        rows[todo] = table.codes.get_indexer(numbers[todo].astype(np.int64))
    rows[null] = -2
    return rows


def feature_cn(rows, soil, table):
    """CN per feature from its table row and soil group index (0..3); NaN where either is unknown."""
    rows, soil = np.asarray(rows), np.asarray(soil)
    ok = (rows >= 0) & (soil >= 0)
    cn = np.full(rows.shape, np.nan)
    cn[ok] = table.cn[rows[ok], soil[ok]]
    return cn


def polygon_runoff(cn, area_m2, p_mm, lam=0.2):
    """Runoff of polygons for a design storm P (mm): {cn, runoff_mm, runoff_m3, retained_m3, retention}.

    runoff_mm = Q(P, CN, λ) (``runoff_mm``); runoff_m3 = Q·A·1e-3; retained_m3 = (P − Q)·A·1e-3;
    retention = 1 − Q/P. NaN (NULL) where CN or area is unknown.
    """
    q = runoff_mm(p_mm, cn, lam)
    area = np.asarray(area_m2, dtype=float)
    return {"cn": np.asarray(cn, dtype=float), "runoff_mm": q, "runoff_m3": volume_m3(q, area),
            "retained_m3": volume_m3(p_mm - q, area), "retention": retention_index(np.full(q.shape, p_mm), q)}


# ---- rasters (InVEST UFRM per pixel, summed per zone) ----------------------------------------
LOOKUP_MAX = 1 << 22   # widest lucode range matched through a look-up array


def raster_rows(codes, valid, table):
    """Table row of each pixel's integer land-cover code; -1 where the table lacks it, -2 where
    ``valid`` is False (nodata) or the value is NaN or not a whole number. Vectorised (a look-up array
    over the table's code range, else pandas' hash index)."""
    if table.codes is None:
        raise InputError("cn_table_no_lucode", path=table.path)
    codes = np.asarray(codes)
    valid = np.asarray(valid, dtype=bool)
    if codes.dtype.kind == "f":
        valid = valid & np.isfinite(codes) & (codes == np.round(codes))
        codes = np.where(valid, codes, 0)
    codes = codes.astype(np.int64, copy=False)
    table_codes = table.codes.to_numpy(dtype=np.int64)
    if len(table_codes) == 0:
        rows = np.full(codes.shape, -1, dtype=np.int64)
    else:
        low, high = int(table_codes.min()), int(table_codes.max())
        if high - low <= LOOKUP_MAX:
            lookup = np.full(high - low + 1, -1, dtype=np.int64)
            lookup[table_codes - low] = np.arange(len(table_codes))
            rows = lookup[np.clip(codes, low, high) - low]
            rows[(codes < low) | (codes > high)] = -1
        else:
            rows = table.codes.get_indexer(codes.ravel()).reshape(codes.shape).astype(np.int64)
    rows[~valid] = -2
    return rows


def raster_soil(values, valid):
    """Soil group index per pixel of a hydrologic soil group raster: 0..3 for values 1–4 (A–D),
    -1 for nodata (``valid`` False or NaN), -2 for any other value."""
    values = np.asarray(values)
    valid = np.asarray(valid, dtype=bool)
    if values.dtype.kind == "f":
        valid = valid & ~np.isnan(values)
    ok = valid & np.isin(values, [1, 2, 3, 4])
    out = np.full(values.shape, -2, dtype=np.int64)
    out[ok] = values[ok].astype(np.int64) - 1
    out[~valid] = -1
    return out


@dataclass
class RunoffSums:
    """Pixel counts of a land-cover raster per zone × table row × soil group, plus what was left out.
    Add the sums of blocks together with ``+=``."""
    pixels: np.ndarray        # (n_zones, n_rows, 4) int64: counted pixels
    outside: int = 0          # classified pixels with a soil group outside every zone
    unknown: dict = None      # pixel count per land-cover code the table lacks
    bad_soil: dict = None     # pixel count per soil value outside 1–4
    no_soil: int = 0          # classified pixels on soil nodata

    @classmethod
    def empty(cls, n_zones, n_rows):
        return cls(np.zeros((n_zones, n_rows, 4), dtype=np.int64), 0, {}, {}, 0)

    def __iadd__(self, other):
        self.pixels += other.pixels
        self.outside += other.outside
        self.no_soil += other.no_soil
        for mine, theirs in ((self.unknown, other.unknown), (self.bad_soil, other.bad_soil)):
            for key, count in theirs.items():
                mine[key] = mine.get(key, 0) + count
        return self


def _value_counts(values):
    found, counts = np.unique(values, return_counts=True)
    return {_code_label(v): int(c) for v, c in zip(found.tolist(), counts.tolist())}


def _code_label(value):
    value = float(value)
    return str(int(value)) if np.isfinite(value) and value == round(value) else str(value)


def raster_zone_counts(codes, valid, soil, zone, n_zones, table, soil_values=None):
    """Count a block of pixels per (zone, table row, soil group) for ``zone_runoff``.

    ``codes``/``valid``: land-cover codes and their nodata mask (``raster_rows``); ``soil``: soil
    group index per pixel (``raster_soil``) or an int 0..3 for one group everywhere; ``zone``: zone
    index per pixel (-1 outside every zone) or None for one zone covering everything;
    ``soil_values``: the soil raster's values, to name bad ones. Pixels with a code the table lacks,
    a soil value outside 1–4 or soil nodata are counted (``RunoffSums``) and left out.
    """
    rows = raster_rows(codes, valid, table)
    if np.isscalar(soil) or np.ndim(soil) == 0:
        soil = np.full(rows.shape, int(soil), dtype=np.int64)
    soil = np.asarray(soil)
    out = RunoffSums.empty(n_zones, len(table.cn))
    unknown = rows == -1
    if unknown.any():
        out.unknown = _value_counts(np.asarray(codes)[unknown])
    classified = rows >= 0
    bad = classified & (soil == -2)
    if bad.any():
        out.bad_soil = _value_counts(np.asarray(soil_values)[bad]) if soil_values is not None else {"?": int(bad.sum())}
    out.no_soil = int(np.count_nonzero(classified & (soil == -1)))
    known = classified & (soil >= 0)
    n_rows = len(table.cn)
    key = rows * 4 + soil
    if zone is None:
        out.pixels[0] = np.bincount(key[known], minlength=n_rows * 4).reshape(n_rows, 4)
    else:
        zone = np.asarray(zone)
        inside = known & (zone >= 0)
        out.outside = int(np.count_nonzero(known)) - int(np.count_nonzero(inside))
        flat = zone[inside].astype(np.int64) * (n_rows * 4) + key[inside]
        out.pixels[:] = np.bincount(flat, minlength=n_zones * n_rows * 4)[:n_zones * n_rows * 4].reshape(
            n_zones, n_rows, 4)
    return out


def zone_runoff(sums, table, p_mm, pixel_m2, lam=0.2):
    """Per-zone runoff from pixel counts (InVEST UFRM per pixel, summed over the zone's pixels).

    Per pixel: CN = table[class, soil group]; Q (mm) = ``runoff_mm(P, CN, λ)``;
    runoff m³ = Q·a·1e-3 and retained m³ = (P − Q)·a·1e-3 (= InVEST R_m3 = R·P·a·1e-3 with
    R = 1 − Q/P), a = pixel area (m²). Per zone: area_ha = counted pixels × a / 10 000;
    cn = area-weighted mean CN; runoff_m3, retained_m3 = sums; runoff_mm = runoff_m3 / area × 1000;
    retention = retained_m3 / (P × area × 1e-3) (the area-weighted mean of R). A zone without any
    counted pixel gets NaN (NULL) except area_ha = 0. Returns {field name: array}.
    """
    counts = sums.pixels.reshape(sums.pixels.shape[0], -1).astype(float)
    cn = table.cn.ravel()
    q = runoff_mm(p_mm, cn, lam)
    usable = ~np.isnan(q)                       # a NaN CN in the table cannot occur (checked numbers)
    cn, q = np.where(usable, cn, 0.0), np.where(usable, q, 0.0)
    n_pixels = counts.sum(axis=1)
    area_m2 = n_pixels * pixel_m2
    runoff = counts @ q * pixel_m2 * 1e-3
    retained = counts @ (p_mm - q) * pixel_m2 * 1e-3
    with np.errstate(divide="ignore", invalid="ignore"):
        some = n_pixels > 0
        return {"area_ha": area_m2 / 10_000.0,
                "cn": np.where(some, counts @ cn / n_pixels, np.nan),
                "runoff_mm": np.where(some, runoff / area_m2 * 1000.0, np.nan),
                "runoff_m3": np.where(some, runoff, np.nan),
                "retained_m3": np.where(some, retained, np.nan),
                "retention": np.where(some, retained / (p_mm * area_m2 * 1e-3), np.nan)}


def runoff_totals(columns, p_mm):
    """Scalar totals of per-zone columns: runoff and retained m³ (NaN left out) and the area-weighted
    mean retention index = Σ retained / (P × Σ area × 1e-3)."""
    runoff = float(np.nansum(columns["runoff_m3"]))
    retained = float(np.nansum(columns["retained_m3"]))
    area_m2 = float(np.sum(columns["area_ha"])) * 10_000.0
    mean = retained / (p_mm * area_m2 * 1e-3) if area_m2 > 0 and p_mm > 0 else float("nan")
    return {"runoff": runoff, "retained": retained, "area": area_m2, "mean_retention": mean}
