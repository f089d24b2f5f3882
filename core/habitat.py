"""Habitat fragmentation by transport infrastructure and habitat quality, on polygons.

Effective mesh size (Jaeger 2000, Landscape Ecology 15:115-130), CUT variant: the habitat of each
reporting unit is clipped at the unit's boundary, cut by the barriers (roads buffered by half their
width, zero-width roads as cutting lines; built-up land is never habitat), and
m_eff = (1/A_unit)·Σ A_i², with A_i the areas of the remaining patches and A_unit the unit's total
area (m² in, reported in ha). Patches that straddle a unit boundary are cut there (CUT, not CBC).

Habitat quality (InVEST Habitat Quality user's guide, habitat_quality.rst), vector form: threat impact
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
from .errors import InputError, check_canceled
from .groups import group_union

Z = 2.5              # InVEST's fixed exponent of the half-saturation function
DECAY_RATE = 2.99    # exp(−2.99) ≈ 0.05: 5 % of the impact is left at d_max
DECAYS = ("exponential", "linear")
# Grid points made and tested at once when sampling, and sample points per nearest-threat query:
# bounds the grid's memory and the wait for a Cancel (about a second's work).
SAMPLE_BATCH = 200_000
# Peak bytes per sample point kept (its shapely Point, owner, distances, impacts, degradation and
# quality) and per grid point of a batch being tested: 315–325 B measured (peak RSS, shapely 2.0,
# GEOS 3.11) with 10^6 and 4·10^6 points, nearly all of it the GEOS point.
BYTES_PER_SAMPLE = 320
BYTES_PER_GRID_POINT = 320


def decay(distance_m, max_distance_m, kind="exponential"):
    """Threat impact i_r (0..1) at ``distance_m`` (m): exp(−2.99·d/d_max) or 1 − d/d_max, 0 beyond d_max
    and where the distance is NaN (no threat). InVEST Habitat Quality user's guide."""
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


def _overlapping_pairs(a, b, pattern="T********"):
    """(index into a, index into b) of pairs whose DE-9IM matrix matches ``pattern`` (default:
    interiors intersect), sorted by the index into a."""
    i, j = _pairs(b, a)
    if len(i):
        match = shapely.relate_pattern(a[i], b[j], pattern)
        i, j = i[match], j[match]
    return i, j


def _polygon_parts(geoms):
    """Polygon parts of positive area, with the index of the geometry each came from."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    nested = np.isin(shapely.get_type_id(parts), [4, 5, 6, 7])
    while nested.any():
        inner, at = shapely.get_parts(parts[nested], return_index=True)
        parts = np.concatenate([parts[~nested], inner])
        owner = np.concatenate([owner[~nested], owner[nested][at]])
        nested = np.isin(shapely.get_type_id(parts), [4, 5, 6, 7])
    keep = (shapely.get_type_id(parts) == 3) & (shapely.area(parts) > 0)
    return parts[keep], owner[keep]


def _split_by_lines(parts, lines):
    """Faces of each part after cutting it along the zero-width barriers that cross its interior, and
    the part each face came from: the part's boundary and the lines (clipped near the part) are noded
    and polygonised, and the faces inside the part are kept."""
    owner = np.arange(len(parts))
    p, l = _overlapping_pairs(parts, lines)
    if len(p) == 0:
        return parts, owner
    crossed = np.unique(p)
    bounds = shapely.bounds(parts[p])
    pad = 1.0 + 1e-6 * np.abs(bounds).max(axis=1)
    clipped = shapely.intersection(lines[l], shapely.box(*(bounds + np.outer(pad, [-1, -1, 1, 1])).T))
    cuts = group_union(np.searchsorted(crossed, p), clipped, len(crossed))
    edges = shapely.union(shapely.boundary(parts[crossed]), cuts)
    faces, at = shapely.get_parts(shapely.polygonize(edges[:, None], axis=1), return_index=True)
    inside = shapely.contains(parts[crossed[at]], shapely.point_on_surface(faces))
    whole = np.setdiff1d(owner, crossed)
    return (np.concatenate([parts[whole], faces[inside]]),
            np.concatenate([whole, crossed[at[inside]]]))


def _dissolve(parts, owner, n):
    """Union of the polygons ``parts`` per group 0..n−1 (None where empty).

    The fast coverage union is exact only for a valid coverage (no overlaps, shared edges matching
    exactly). It leaves rings that touch themselves where parts meet at a corner, which make_valid
    splits as the full union would; on other input it returns overlapping rings or loses area. So a
    group whose repaired coverage union does not have the summed area of its parts is unioned in full."""
    out = np.full(n, None, dtype=object)
    order = np.argsort(owner, kind="stable")
    parts, owner = parts[order], owner[order]
    starts = np.searchsorted(owner, np.arange(n))
    stops = np.searchsorted(owner, np.arange(n), side="right")
    groups = np.flatnonzero(stops > starts)
    out[groups] = [shapely.coverage_union_all(parts[starts[g]:stops[g]]) for g in groups]
    invalid = groups[~shapely.is_valid(out[groups])]
    out[invalid] = shapely.make_valid(out[invalid], method="structure", keep_collapsed=False)
    total = np.bincount(owner, weights=shapely.area(parts), minlength=n)[groups]
    bad = groups[~np.isclose(shapely.area(out[groups]), total, rtol=1e-9, atol=0)]
    for g in bad:
        out[g] = shapely.union_all(parts[starts[g]:stops[g]])
    return out


def fragmentation(units, habitat, habitat_h, barriers, is_line, built=None, progress=None, is_canceled=None):
    """Effective mesh size per unit, CUT variant (Jaeger 2000), and the habitat pieces for quality.

    ``units``: planning-unit polygons; ``habitat``: land-cover polygons with suitability ``habitat_h``
    (only H > 0 is habitat); ``barriers``: buffered roads (``is_line`` marks zero-width roads kept as
    lines); ``built``: optional built-up polygons, also barriers. All in one projected CRS in metres.

    Each habitat piece (habitat ∩ unit) loses the barrier areas that overlap it, one vectorized
    difference for all pieces; the cut pieces of a unit are then dissolved by a coverage union (a
    full union only where the land cover overlaps itself) and the patches split along barrier lines.

    Returns a dict of per-unit arrays ``unit_m2``, ``habitat_m2`` (habitat clipped to the unit,
    before cutting), ``patch_m2`` (Σ A_i), ``mesh_m2`` (Σ A_i² / A_unit), ``patches`` (count), and the
    habitat pieces ``pieces`` (habitat ∩ unit − barriers), ``piece_unit``, ``piece_habitat`` (index
    into ``habitat``). ``is_canceled`` (a callable) is looked at between the steps and raises ``Canceled``.
    """
    def step(percent):
        if progress is not None:
            progress(percent)
        check_canceled(is_canceled)

    units = np.asarray(units, dtype=object)
    n = len(units)
    habitat = np.asarray(habitat, dtype=object)
    keep = np.flatnonzero((np.asarray(habitat_h, dtype=float) > 0) & ~shapely.is_missing(habitat)
                          & ~shapely.is_empty(habitat))
    out = {"unit_m2": shapely.area(units), "habitat_m2": np.zeros(n), "patch_m2": np.zeros(n),
           "mesh_m2": np.zeros(n), "patches": np.zeros(n, dtype=int)}
    unit_idx, hab_pos = _pairs(habitat[keep], units)
    hab_idx = keep[hab_pos]
    pieces = habitat[hab_idx].copy()
    shapely.prepare(units)
    clip = ~shapely.contains_properly(units[unit_idx], pieces)
    pieces[clip] = shapely.intersection(pieces[clip], units[unit_idx[clip]])
    out.update(pieces=pieces, piece_unit=unit_idx, piece_habitat=hab_idx)
    step(10)
    if len(pieces) == 0:
        return out

    parts, owner = _polygon_parts(pieces)
    out["habitat_m2"] = shapely.area(_dissolve(parts, unit_idx[owner], n))
    step(30)

    # Barrier areas are taken out of each piece they reach (local, vectorized) before the dissolve.
    barriers = np.asarray(barriers, dtype=object)
    is_line = np.asarray(is_line, dtype=bool)
    if built is not None and len(built):
        barriers = np.concatenate([barriers, np.asarray(built, dtype=object)])
        is_line = np.concatenate([is_line, np.zeros(len(built), dtype=bool)])
    present = ~shapely.is_missing(barriers) & ~shapely.is_empty(barriers)
    polys, lines = barriers[present & ~is_line], barriers[present & is_line]
    p, k = _overlapping_pairs(pieces, polys)
    cut = pieces.copy()
    if len(p):
        hit = np.unique(p)
        cut[hit] = shapely.difference(pieces[hit], group_union(np.searchsorted(hit, p), polys[k], len(hit)))
    out["pieces"] = cut
    step(50)

    parts, owner = _polygon_parts(cut)
    merged = _dissolve(parts, unit_idx[owner], n)
    step(80)
    patches, patch_unit = _polygon_parts(merged)
    patches, at = _split_by_lines(patches, lines)
    patch_unit = patch_unit[at]
    area = shapely.area(patches)
    out["patches"] = np.bincount(patch_unit, minlength=n)
    out["patch_m2"] = np.bincount(patch_unit, weights=area, minlength=n)
    squares = np.bincount(patch_unit, weights=np.square(area), minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["mesh_m2"] = np.where(out["unit_m2"] > 0, squares / out["unit_m2"], 0.0)
    step(100)
    return out


def sample_memory_estimate(habitat_area_m2, spacing_m, n_pieces):
    """Peak bytes of sampling habitat quality (``habitat_quality``) over ``habitat_area_m2`` m² of
    habitat in ``n_pieces`` pieces at a grid of ``spacing_m``: about area / spacing² grid points fall in
    the habitat and are kept, plus one point per piece, and one batch of grid points is tested at a time.

    >>> round(sample_memory_estimate(3e6, 0.3, 100) / 2**30, 1)   # 3 km² at 0.3 m: 3.3·10^7 points
    10.0
    """
    kept = float(n_pieces)
    if spacing_m > 0:
        kept += float(habitat_area_m2) / float(spacing_m) ** 2
    return kept * BYTES_PER_SAMPLE + (SAMPLE_BATCH * BYTES_PER_GRID_POINT if spacing_m > 0 else 0)


def sample_points(pieces, spacing_m, is_canceled=None):
    """Sample points of habitat quality: a grid of ``spacing_m`` (points at (i + ½)·spacing in the
    CRS, so the grid does not depend on the data) inside the pieces, plus each piece's
    representative point. Returns (points, piece index of each point).

    The grid is made and tested in bands of rows of about ``SAMPLE_BATCH`` points, ``is_canceled``
    looked at between them, so only the points inside the habitat are ever held all at once."""
    pieces = np.asarray(pieces, dtype=object)
    usable = np.flatnonzero(~shapely.is_empty(pieces) & (shapely.area(pieces) > 0))
    points = [shapely.point_on_surface(pieces[usable])]
    owners = [usable]
    if spacing_m > 0 and len(usable):
        xmin, ymin, xmax, ymax = shapely.total_bounds(pieces[usable])
        xs = (np.arange(np.floor(xmin / spacing_m), np.ceil(xmax / spacing_m)) + 0.5) * spacing_m
        ys = (np.arange(np.floor(ymin / spacing_m), np.ceil(ymax / spacing_m)) + 0.5) * spacing_m
        tree = shapely.STRtree(pieces[usable])
        rows = max(1, SAMPLE_BATCH // max(len(xs), 1))
        for start in range(0, len(ys) if len(xs) else 0, rows):
            check_canceled(is_canceled)
            gx, gy = np.meshgrid(xs, ys[start:start + rows])
            grid = shapely.points(gx.ravel(), gy.ravel())
            g, p = tree.query(grid, predicate="within")
            points.append(grid[g])
            owners.append(usable[p])
    return np.concatenate(points), np.concatenate(owners)


def nearest_distance(points, threats, max_distance_m, is_canceled=None):
    """Distance (m) from each point to the nearest threat geometry; NaN beyond ``max_distance_m``.
    Queried ``SAMPLE_BATCH`` points at a time, ``is_canceled`` looked at between them."""
    out = np.full(len(points), np.nan)
    threats = np.asarray(threats, dtype=object)
    threats = threats[~shapely.is_missing(threats)] if len(threats) else threats
    if len(threats) == 0 or len(points) == 0 or max_distance_m <= 0:
        return out
    # Small tree nodes prune long road buffers far better: 2–4× faster nearest searches than the default 10.
    tree = shapely.STRtree(threats, node_capacity=4)
    for start in range(0, len(points), SAMPLE_BATCH):
        check_canceled(is_canceled)
        idx, dist = tree.query_nearest(points[start:start + SAMPLE_BATCH], max_distance=max_distance_m,
                                       return_distance=True, all_matches=False)
        out[start + idx[0]] = dist
    return out


def habitat_quality(pieces, piece_h, piece_s_roads, piece_s_built, roads, built, road_max_m, built_max_m,
                    road_decay="exponential", built_decay="exponential", road_weight=1.0, built_weight=1.0,
                    half_saturation=0.5, spacing_m=20.0, is_canceled=None):
    """Mean degradation D and quality Q per habitat piece (InVEST Habitat Quality at sample points).

    Distances in m to the nearest road barrier (``roads``: buffered roads or lines) and built-up
    polygon (``built``). Returns (D per piece, Q per piece), NaN for pieces without a sample.
    ``is_canceled`` (a callable) is looked at between batches of points and raises ``Canceled``;
    ``sample_memory_estimate`` gives the memory it needs."""
    n = len(pieces)
    points, owner = sample_points(pieces, spacing_m, is_canceled)
    i_road = decay(nearest_distance(points, roads, road_max_m, is_canceled), road_max_m, road_decay)
    i_built = decay(nearest_distance(points, built, built_max_m, is_canceled), built_max_m, built_decay)
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
