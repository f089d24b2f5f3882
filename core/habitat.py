"""Habitat fragmentation by transport infrastructure and habitat quality, on polygons.

Effective mesh size (Jaeger 2000, Landscape Ecology 15:115-130), CUT variant: the habitat of each
reporting unit is clipped at the unit's boundary, cut by the barriers (roads buffered by half their
width, zero-width roads as cutting lines; built-up land is never habitat), and
m_eff = (1/A_unit)·Σ A_i², with A_i the areas of the remaining patches and A_unit the unit's total
area (m² in, reported in ha). Patches that straddle a unit boundary are cut there (CUT, not CBC).

Habitat quality (InVEST Habitat Quality, DOMAIN.md 1.5), vector form: threat impact
i_r = exp(−2.99·d/d_max) (exponential) or 1 − d/d_max (linear), 0 beyond d_max, with d the
distance (m) to the NEAREST threat feature (as InVEST ≥ 3.13 does with a distance transform);
D = Σ_r (w_r/Σw)·i_r·S_jr; Q = H_j·(1 − D^z/(D^z + k^z)), z = 2.5, k = half-saturation.
Quality is sampled at a regular grid of points inside the habitat plus one representative point
per habitat piece (so that no piece is left without a sample); each piece takes the mean of its
points and units the area-weighted mean of their pieces.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from . import tables
from .errors import InputError

Z = 2.5              # InVEST's fixed exponent of the half-saturation function
DECAY_RATE = 2.99    # exp(−2.99) ≈ 0.05: 5 % of the impact is left at d_max
DECAYS = ("exponential", "linear")


def decay(distance_m, max_distance_m, kind="exponential"):
    """Threat impact i_r (0..1) at ``distance_m`` (m): exp(−2.99·d/d_max) or 1 − d/d_max, 0 beyond d_max
    and where the distance is NaN (no threat). InVEST Habitat Quality, DOMAIN.md 1.5."""
    d = np.asarray(distance_m, dtype=float)
    if max_distance_m <= 0:
        return np.zeros(d.shape)
    ratio = d / max_distance_m
    if kind == "exponential":
        impact = np.exp(-DECAY_RATE * ratio)
    elif kind == "linear":
        impact = 1.0 - ratio
    else:
        raise ValueError(f"unknown decay {kind}")
    return np.where(np.isnan(d) | (ratio > 1.0), 0.0, impact)


def quality(degradation, habitat, half_saturation=0.5, z=Z):
    """Habitat quality Q = H·(1 − D^z/(D^z + k^z)), z = 2.5 (InVEST Habitat Quality); D = 0 gives H."""
    d = np.asarray(degradation, dtype=float)
    dz = np.power(np.maximum(d, 0.0), z)
    kz = half_saturation ** z
    return np.asarray(habitat, dtype=float) * (1.0 - np.divide(dz, dz + kz, out=np.zeros(d.shape), where=(dz + kz) > 0))


def degradation(impacts, weights, sensitivities):
    """D = Σ_r (w_r/Σw)·i_r·S_jr: ``impacts`` and ``sensitivities`` are lists of arrays, one per threat."""
    weights = np.asarray(weights, dtype=float)
    total = weights.sum()
    if total <= 0:
        return np.zeros(np.shape(impacts[0]))
    return sum((w / total) * np.asarray(i) * np.asarray(s) for w, i, s in zip(weights, impacts, sensitivities))


# ---- table ---------------------------------------------------------------------------------
@dataclass
class HabitatTable:
    frame: pd.DataFrame
    codes: dict     # integer lucode -> row
    names: dict     # lower-case class name -> row

    def column(self, name):
        return self.frame[name].to_numpy(float)

    def unverified(self, rows):
        rows = np.unique(np.asarray(rows, dtype=int))
        rows = rows[rows >= 0]
        if "verified" not in self.frame.columns:
            return [str(self.frame["class"].iloc[r]) for r in rows]
        flags = self.frame["verified"].str.strip().str.lower()
        return [str(self.frame["class"].iloc[r]) for r in rows if flags.iloc[r] != "yes"]


def read_habitat_table(path):
    """Habitat table: ``lucode, class, habitat (H 0..1), sens_roads, sens_built (S 0..1)``, optional
    ``built`` (1 = built-up land, the BUILT_UP threat; default: class named built_up), source, year, verified."""
    frame = tables.read_csv_table(path, ["lucode", "class", "habitat", "sens_roads", "sens_built"],
                                  ["lucode", "habitat", "sens_roads", "sens_built"])
    for column in ("habitat", "sens_roads", "sens_built"):
        over = np.flatnonzero(frame[column].to_numpy() > 1)
        if over.size:
            raise InputError("table_fraction_range", path=str(path), line=tables.line_of(frame, over[0]),
                             column=column)
    frame["class"] = frame["class"].str.strip()
    if "built" in frame.columns:
        frame["built"] = pd.to_numeric(frame["built"], errors="coerce").fillna(0).to_numpy(float) > 0
    else:
        frame["built"] = frame["class"].str.lower().isin(["built_up", "built-up", "built up"])
    codes, names = {}, {}
    for row, (code, name) in enumerate(zip(frame["lucode"], frame["class"])):
        if code in codes or name.lower() in names:
            raise InputError("table_duplicate_key", path=str(path), line=tables.line_of(frame, row),
                             value=name if name.lower() in names else int(code))
        codes[int(code)] = row
        names[name.lower()] = row
    return HabitatTable(frame.reset_index(drop=True), codes, names)


def match_classes(values, table):
    """Table row per class value (−1 where missing or unlisted), and {unlisted value: count}.

    Numbers (or text holding a whole number) match ``lucode``; other text matches ``class``
    ignoring case. One look-up per distinct value."""
    raw = np.array(["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip()
                    for v in values], dtype=object)
    if len(raw) == 0:
        return np.zeros(0, dtype=int), {}
    distinct, inverse, counts = np.unique(raw, return_inverse=True, return_counts=True)
    rows = np.full(len(distinct), -1, dtype=int)
    for i, value in enumerate(distinct):
        if value == "":
            continue
        try:
            number = float(value)
            if number.is_integer() and int(number) in table.codes:
                rows[i] = table.codes[int(number)]
                continue
        except ValueError:
            pass
        rows[i] = table.names.get(value.lower(), -1)
    unknown = {str(distinct[i]): int(counts[i]) for i in np.flatnonzero(rows < 0) if distinct[i] != ""}
    return rows[inverse], unknown


# ---- geometry ------------------------------------------------------------------------------
def barrier_geometries(roads, widths_m):
    """Roads as barriers: lines buffered by half their width (flat caps, m); zero-width roads stay lines."""
    roads = np.asarray(roads, dtype=object)
    widths = np.nan_to_num(np.asarray(widths_m, dtype=float), nan=0.0)
    wide = widths > 0
    out = roads.copy()
    if wide.any():
        out[wide] = shapely.buffer(roads[wide], widths[wide] / 2.0, cap_style="flat")
    return out, ~wide


def _pairs(tree_geoms, query_geoms):
    """(query index, tree index) of intersecting pairs, sorted by query index."""
    if len(tree_geoms) == 0 or len(query_geoms) == 0:
        return np.zeros(0, int), np.zeros(0, int)
    q, t = shapely.STRtree(tree_geoms).query(query_geoms, predicate="intersects")
    order = np.lexsort((t, q))
    return q[order], t[order]


def _groups(index, n):
    """Start/stop of each group 0..n−1 in a sorted index array."""
    starts = np.searchsorted(index, np.arange(n), side="left")
    stops = np.searchsorted(index, np.arange(n), side="right")
    return starts, stops


def _cut_by_lines(polygon, lines):
    """Parts of ``polygon`` after cutting it along ``lines`` (zero-width barriers), by polygonising
    the noded boundaries and keeping the faces inside the polygon."""
    edges = shapely.union_all(np.concatenate([[shapely.boundary(polygon)], lines]))
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(edges)))
    if len(faces) == 0:
        return shapely.get_parts(polygon)
    inside = shapely.contains(polygon, shapely.point_on_surface(faces))
    return faces[inside]


def fragmentation(units, habitat, habitat_h, barriers, is_line, built=None, progress=None, is_canceled=None):
    """Effective mesh size per unit, CUT variant (Jaeger 2000), and the habitat pieces for quality.

    ``units``: planning-unit polygons; ``habitat``: land-cover polygons with suitability ``habitat_h``
    (only H > 0 is habitat); ``barriers``: buffered roads (``is_line`` marks zero-width roads kept as
    lines); ``built``: optional built-up polygons, also barriers. All in one projected CRS in metres.

    Returns a dict of per-unit arrays ``unit_m2``, ``habitat_m2`` (habitat clipped to the unit,
    before cutting), ``patch_m2`` (Σ A_i), ``mesh_m2`` (Σ A_i² / A_unit), ``patches`` (count), and the
    habitat pieces ``pieces`` (habitat ∩ unit − barriers), ``piece_unit``, ``piece_habitat`` (index
    into ``habitat``).
    """
    units = np.asarray(units, dtype=object)
    n = len(units)
    habitat = np.asarray(habitat, dtype=object)
    keep = np.flatnonzero((np.asarray(habitat_h, dtype=float) > 0) & ~shapely.is_missing(habitat)
                          & ~shapely.is_empty(habitat))
    out = {"unit_m2": shapely.area(units), "habitat_m2": np.zeros(n), "patch_m2": np.zeros(n),
           "mesh_m2": np.zeros(n), "patches": np.zeros(n, dtype=int)}
    unit_idx, hab_pos = _pairs(habitat[keep], units)
    hab_idx = keep[hab_pos]
    pieces = shapely.intersection(habitat[hab_idx], units[unit_idx])
    # Barriers per unit: one union of the barrier pieces (clipped to the unit) that reach it.
    barriers = np.asarray(barriers, dtype=object)
    is_line = np.asarray(is_line, dtype=bool)
    if built is not None and len(built):
        barriers = np.concatenate([barriers, np.asarray(built, dtype=object)])
        is_line = np.concatenate([is_line, np.zeros(len(built), dtype=bool)])
    present = ~shapely.is_missing(barriers)
    barriers, is_line = barriers[present], is_line[present]
    b_unit, b_idx = _pairs(barriers, units)
    b_starts, b_stops = _groups(b_unit, n)
    area_union = np.empty(n, dtype=object)
    line_union = [None] * n
    for u in range(n):
        chosen = b_idx[b_starts[u]:b_stops[u]]
        polys = barriers[chosen[~is_line[chosen]]]
        area_union[u] = shapely.union_all(polys) if len(polys) else None
        lines = barriers[chosen[is_line[chosen]]]
        line_union[u] = shapely.intersection(lines, units[u]) if len(lines) else None
    has_barrier = np.array([g is not None for g in area_union], dtype=bool)
    cut = pieces.copy()
    with_barrier = has_barrier[unit_idx]
    if with_barrier.any():
        cut[with_barrier] = shapely.difference(pieces[with_barrier], area_union[unit_idx[with_barrier]])
    h_starts, h_stops = _groups(unit_idx, n)
    for u in range(n):
        if is_canceled is not None and is_canceled():
            break
        lo, hi = h_starts[u], h_stops[u]
        if hi == lo:
            continue
        # One union per unit: the habitat before cutting, then the unit's barriers taken out of it.
        merged = shapely.union_all(pieces[lo:hi])
        out["habitat_m2"][u] = shapely.area(merged)
        if area_union[u] is not None:
            merged = shapely.difference(merged, area_union[u])
        if line_union[u] is not None and not shapely.is_empty(merged):
            parts = _cut_by_lines(merged, shapely.get_parts(line_union[u]))
        else:
            parts = shapely.get_parts(merged)
        parts = parts[shapely.get_type_id(parts) == 3]
        areas = shapely.area(parts)
        areas = areas[areas > 0]
        out["patch_m2"][u] = areas.sum()
        out["mesh_m2"][u] = np.square(areas).sum() / out["unit_m2"][u] if out["unit_m2"][u] > 0 else 0.0
        out["patches"][u] = len(areas)
        if progress is not None:
            progress(100.0 * (u + 1) / n)
    out.update(pieces=cut, piece_unit=unit_idx, piece_habitat=hab_idx)
    return out


def sample_points(pieces, spacing_m):
    """Sample points of habitat quality: a grid of ``spacing_m`` (points at (i + ½)·spacing in the
    CRS, so the grid does not depend on the data) inside the pieces, plus each piece's
    representative point. Returns (points, piece index of each point)."""
    pieces = np.asarray(pieces, dtype=object)
    usable = np.flatnonzero(~shapely.is_empty(pieces) & (shapely.area(pieces) > 0))
    points = [shapely.point_on_surface(pieces[usable])]
    owners = [usable]
    if spacing_m > 0 and len(usable):
        xmin, ymin, xmax, ymax = shapely.total_bounds(pieces[usable])
        xs = (np.arange(np.floor(xmin / spacing_m), np.ceil(xmax / spacing_m)) + 0.5) * spacing_m
        ys = (np.arange(np.floor(ymin / spacing_m), np.ceil(ymax / spacing_m)) + 0.5) * spacing_m
        if len(xs) * len(ys) > 0:
            gx, gy = np.meshgrid(xs, ys)
            grid = shapely.points(gx.ravel(), gy.ravel())
            g, p = shapely.STRtree(pieces[usable]).query(grid, predicate="within")
            points.append(grid[g])
            owners.append(usable[p])
    return np.concatenate(points), np.concatenate(owners)


def nearest_distance(points, threats, max_distance_m):
    """Distance (m) from each point to the nearest threat geometry; NaN beyond ``max_distance_m``."""
    out = np.full(len(points), np.nan)
    threats = np.asarray(threats, dtype=object)
    threats = threats[~shapely.is_missing(threats)] if len(threats) else threats
    if len(threats) == 0 or len(points) == 0 or max_distance_m <= 0:
        return out
    idx, dist = shapely.STRtree(threats).query_nearest(points, max_distance=max_distance_m,
                                                       return_distance=True, all_matches=False)
    out[idx[0]] = dist
    return out


def habitat_quality(pieces, piece_h, piece_s_roads, piece_s_built, roads, built, road_max_m, built_max_m,
                    road_decay="exponential", built_decay="exponential", road_weight=1.0, built_weight=1.0,
                    half_saturation=0.5, spacing_m=20.0):
    """Mean degradation D and quality Q per habitat piece (InVEST Habitat Quality at sample points).

    Distances in m to the nearest road barrier (``roads``: buffered roads or lines) and built-up
    polygon (``built``). Returns (D per piece, Q per piece), NaN for pieces without a sample."""
    n = len(pieces)
    points, owner = sample_points(pieces, spacing_m)
    i_road = decay(nearest_distance(points, roads, road_max_m), road_max_m, road_decay)
    i_built = decay(nearest_distance(points, built, built_max_m), built_max_m, built_decay)
    d = degradation([i_road, i_built], [road_weight, built_weight],
                    [np.asarray(piece_s_roads)[owner], np.asarray(piece_s_built)[owner]])
    q = quality(d, np.asarray(piece_h)[owner], half_saturation)
    count = np.bincount(owner, minlength=n).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        d_mean = np.bincount(owner, weights=d, minlength=n) / count
        q_mean = np.bincount(owner, weights=q, minlength=n) / count
    return d_mean, q_mean


def unit_means(piece_unit, piece_area_m2, values, n_units):
    """Area-weighted mean of ``values`` per unit (NaN where a unit has no habitat)."""
    values = np.asarray(values, dtype=float)
    area = np.where(np.isnan(values), 0.0, np.asarray(piece_area_m2, dtype=float))
    weight = np.bincount(piece_unit, weights=area, minlength=n_units)
    total = np.bincount(piece_unit, weights=np.nan_to_num(values) * area, minlength=n_units)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(weight > 0, total / weight, np.nan)
