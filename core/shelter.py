"""Emergency shelters: who lives within the service distance of a shelter, how much effective
shelter area there is per resident, and who finds no place when every shelter fills up.

Sources and tags (DOMAIN.md §3 rows 22–26b, §2.10):
- Service distance 500 m (~10 min walk) for emergency shelters: Guangdong Outline [V].
- Shelter classes and per-capita effective area, emergency / short- / medium- / long-term / central:
  ~1.0 / 2.0 / 3.0 / 4.5 m² per person, evacuation distance 0.5 / 1.0 / 1.5 / 2.5 km, GB 51143-2015
  §3–4 [U: numbers recalled, shipped as verified=no in resources/factors/shelter_standards.csv].
- Shelters are to avoid floodways and flood zones (row 26 [P]): shelters in a flood zone are flagged
  and, by default, left out of the assignment.
- Per-capita shelter area 人均应急避难场所面积 = effective shelter area / residents (m²/person).

Units: metres, m², persons. Distances come from ``core.network`` (along roads) or are straight lines.

Capacity-aware assignment (``assign``), a deterministic greedy in rounds:
in each round every building with residents left proposes to its nearest shelter in reach that it
has not tried yet and that still has room (candidates sorted by distance, then shelter index). Each shelter takes the proposals of the round
in order of distance (ties: building index) until its remaining capacity is used: buildings whose
cumulative demand fits are placed entirely, the one that crosses the limit is placed in part, the
rest get nothing there. Residents not placed go on to their next candidate in the next round. After
at most as many rounds as a building has candidates (``MAX_CANDIDATES``), whoever is left is
unplaced. Conservation holds by construction: assigned + unplaced = residents per building and the
residents placed in a shelter never exceed its capacity. It is a greedy, not an optimum: a near
building that arrives at a full shelter in a later round is not preferred over a farther one
placed there earlier.
"""
import numpy as np
import pandas as pd
import shapely
from scipy.spatial import cKDTree

from . import network as net_mod
from . import tables
from .errors import InputError
from .zones import assign_to_zones, sum_by_zone

MAX_CANDIDATES = 8   # shelters a building may try, nearest first


def read_standards(path):
    """Shelter standards: columns ``shelter_type`` (key, with optional ``aliases``), ``per_cap_m2``
    (effective area per person, m²) and ``distance_m`` (service distance, m). Needs a row
    ``default``; a per-capita area must be above 0."""
    frame = tables.read_csv_table(path, ["shelter_type", "per_cap_m2", "distance_m"], ["per_cap_m2", "distance_m"])
    frame["shelter_type"] = frame["shelter_type"].str.strip()
    keys = frame["shelter_type"].str.lower()
    if keys.duplicated().any():
        row = int(np.flatnonzero(keys.duplicated().to_numpy())[0])
        raise InputError("table_duplicate_key", path=str(path), line=tables.line_of(frame, row),
                         value=frame["shelter_type"].iloc[row])
    if "default" not in set(keys):
        raise InputError("shelter_table_no_default", path=str(path))
    zero = np.flatnonzero(frame["per_cap_m2"].to_numpy() <= 0)
    if zero.size:
        raise InputError("table_bad_number", path=str(path), line=tables.line_of(frame, zero[0]),
                         column="per_cap_m2", value="0")
    if "aliases" not in frame.columns:
        frame["aliases"] = ""
    return frame


def shelter_standards(types, table, service_distance_m):
    """Per shelter: per-capita standard (m²/person), service distance (m), whether the type was
    found in ``table``, and {unlisted type: count}.

    ``types`` holds str or None per shelter (all None without a type field). Shelters on the
    ``default`` row (missing or unlisted type) take ``service_distance_m``."""
    n = len(types)
    rows, fell_back, unknown = tables.match_keys(types, table, "shelter_type")
    per_cap = table["per_cap_m2"].to_numpy(float)[rows] if n else np.zeros(0)
    distance = table["distance_m"].to_numpy(float)[rows] if n else np.zeros(0)
    is_default = (table["shelter_type"].str.lower().to_numpy()[rows] == "default") if n else np.zeros(0, bool)
    distance = np.where(is_default | fell_back, float(service_distance_m), distance)
    return per_cap, distance, ~fell_back, unknown


def capacities(area_m2, per_cap_m2, capacity=None):
    """Shelter capacity (persons): the capacity given where it is a number ≥ 0, otherwise
    floor(effective area m² / per-capita standard m²). Missing or negative areas give 0."""
    area = np.nan_to_num(np.asarray(area_m2, dtype=float), nan=0.0).clip(min=0)
    derived = np.floor(area / np.asarray(per_cap_m2, dtype=float))
    if capacity is None:
        return derived
    capacity = np.asarray(capacity, dtype=float)
    return np.where(capacity >= 0, capacity, derived)


def flooded(points, zones, depth=None, min_depth=0.0):
    """1 where a shelter point lies in (or on the edge of) a flood polygon whose depth (m) is at
    least ``min_depth``; zones with a missing depth count as flooding. Without ``depth`` every
    zone counts. One STRtree bulk query."""
    points = np.asarray(points, dtype=object)
    out = np.zeros(len(points), dtype=int)
    zones = np.asarray(zones, dtype=object)
    if not len(points) or not len(zones):
        return out
    keep = ~shapely.is_missing(zones)
    if depth is not None:
        depth = np.asarray(depth, dtype=float)
        keep &= ~(depth < min_depth)
    zones = zones[keep]
    if not len(zones):
        return out
    present = np.flatnonzero(~shapely.is_missing(points))
    point_idx, _ = shapely.STRtree(zones).query(points[present], predicate="intersects")
    out[present[np.unique(point_idx)]] = 1
    return out


def candidates(building_points, shelter_points, reach_m, network=None, building_snap=None,
               shelter_snap=None, max_candidates=MAX_CANDIDATES, is_canceled=None):
    """Pairs (building, shelter, distance m) with distance ≤ the shelter's ``reach_m``, the
    ``max_candidates`` nearest per building, sorted by building, distance, shelter.

    Straight lines without ``network``. With a network (and the buildings and shelters snapped to
    it), one Dijkstra per shelter bounded by its reach (``network.reach`` with cutoff), evaluated
    only for the buildings within that reach in a straight line (a k-d tree query: the network
    distance is never shorter than the straight one, so nothing is missed). The cost grows with
    shelters × (network size + buildings near each): fine for hundreds of shelters, slow for
    many thousands. Shelters with reach 0 or no geometry have no candidates.
    """
    b_xy, b_ok = _xy(building_points)
    s_xy, s_ok = _xy(shelter_points)
    reach_m = np.asarray(reach_m, dtype=float)
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    b_ids = np.flatnonzero(b_ok)
    if not b_ids.size or not s_ok.any():
        return empty
    tree = cKDTree(b_xy[b_ids])
    bs, ss, ds = [], [], []
    for s in np.flatnonzero(s_ok & (reach_m > 0)):      # one bulk query per shelter, not per building
        near = b_ids[tree.query_ball_point(s_xy[s], reach_m[s])]
        if not near.size:
            continue
        if network is None:
            d = np.hypot(*(b_xy[near] - s_xy[s]).T)
        else:
            if not shelter_snap.on_network[s]:
                continue
            one = net_mod.Snapped(shelter_snap.edge[s:s + 1], shelter_snap.offset[s:s + 1],
                                  shelter_snap.access[s:s + 1])
            targets = net_mod.Snapped(building_snap.edge[near], building_snap.offset[near],
                                      building_snap.access[near])
            d, _ = net_mod.reach(network, one, cutoff=reach_m[s]).distance_to(targets)
        inside = d <= reach_m[s]
        bs.append(near[inside])
        ss.append(np.full(int(inside.sum()), s, dtype=np.int64))
        ds.append(d[inside])
        if is_canceled is not None and is_canceled():
            break
    if not bs:
        return empty
    b, s, d = np.concatenate(bs), np.concatenate(ss), np.concatenate(ds)
    order = np.lexsort((s, d, b))
    b, s, d = b[order], s[order], d[order]
    rank = _rank_within(b)
    keep = rank < max_candidates
    return b[keep], s[keep], d[keep]


def assign(n_buildings, residents, capacity, pair_building, pair_shelter, pair_distance):
    """Capacity-aware greedy assignment of residents to shelters (see the module docstring).

    ``pair_*`` from ``candidates`` (sorted by building, then distance). Returns a dict:
    ``assigned`` and ``unplaced`` per building (persons), ``shelter`` per building (the shelter that
    took most of its residents, the nearer on a tie; -1 where none), ``load`` per shelter (persons
    placed). Loops over rounds (≤ candidates per building), never over buildings.
    """
    residents = np.nan_to_num(np.asarray(residents, dtype=float), nan=0.0).clip(min=0)
    left = residents.copy()
    cap_left = np.nan_to_num(np.asarray(capacity, dtype=float), nan=0.0).clip(min=0).copy()
    n_shelters = len(cap_left)
    load = np.zeros(n_shelters)
    best = np.full(n_buildings, -1, dtype=np.int64)
    best_amount = np.zeros(n_buildings)
    pb = np.asarray(pair_building, dtype=np.int64)
    ps = np.asarray(pair_shelter, dtype=np.int64)
    pd_ = np.asarray(pair_distance, dtype=float)
    tried = np.zeros(pb.size, dtype=bool)
    for _ in range(int(_rank_within(pb).max()) + 1 if pb.size else 0):   # ≤ candidates per building
        open_ = np.flatnonzero(~tried & (left[pb] > 0) & (cap_left[ps] > 0))
        if not open_.size:
            break
        _, first = np.unique(pb[open_], return_index=True)   # nearest untried shelter with room
        take = open_[first]
        tried[take] = True
        b, s, d = pb[take], ps[take], pd_[take]
        order = np.lexsort((b, d, s))                       # per shelter, nearest first
        b, s = b[order], s[order]
        demand = left[b]
        cum = _cumsum_within(demand, s)
        before = cum - demand
        placed = np.clip(cap_left[s] - before, 0.0, demand)
        left[b] -= placed
        np.add.at(load, s, placed)
        cap_left = np.maximum(cap_left - np.bincount(s, weights=placed, minlength=n_shelters), 0.0)
        better = placed > best_amount[b]
        best[b[better]] = s[better]
        best_amount[b[better]] = placed[better]
    return {"assigned": residents - left, "unplaced": left, "shelter": best, "load": load}


def nearest_distance(building_points, shelter_points, network=None, building_snap=None, shelter_snap=None):
    """Distance (m) from each building to the nearest shelter, unbounded: along the network (one
    multi-source Dijkstra) or in a straight line. inf where there is none."""
    if network is None:
        return net_mod.euclidean_distance(shelter_points, building_points)[0]
    return net_mod.reach(network, shelter_snap).distance_to(building_snap)[0]


def per_capita(area_m2, persons):
    """Effective area per person, m²/person; NaN where there is nobody."""
    area = np.asarray(area_m2, dtype=float)
    persons = np.asarray(persons, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(persons > 0, area / np.where(persons > 0, persons, 1.0), np.nan)


def unit_summary(building_unit, residents, in_reach, unplaced, shelter_unit, shelter_area, n_units, standard_m2):
    """Per planning unit: pop, pop_reach, pop_unplaced (persons), shelter_m2_cap = Σ effective area
    of the (usable) shelters lying in the unit / pop (m²/person, NaN without residents) and
    meets_std = 1 where shelter_m2_cap ≥ ``standard_m2``."""
    residents = np.nan_to_num(np.asarray(residents, dtype=float), nan=0.0).clip(min=0)
    pop = sum_by_zone(building_unit, residents, n_units)
    pop_reach = sum_by_zone(building_unit, residents * np.asarray(in_reach, dtype=float), n_units)
    pop_unplaced = sum_by_zone(building_unit, unplaced, n_units)
    area = sum_by_zone(shelter_unit, shelter_area, n_units)
    m2_cap = per_capita(area, pop)
    return {"pop": pop, "pop_reach": pop_reach, "pop_unplaced": pop_unplaced, "shelter_m2_cap": m2_cap,
            "meets_std": (m2_cap >= standard_m2).astype(int)}


def shelter_units(shelter_points, unit_geometries):
    """Planning unit of each shelter point (-1 outside every unit)."""
    return assign_to_zones(shelter_points, unit_geometries)


# ---- helpers -------------------------------------------------------------------------------
def _xy(points):
    points = np.asarray(points, dtype=object)
    ok = ~shapely.is_missing(points) if len(points) else np.zeros(0, bool)
    if len(points):
        ok &= ~shapely.is_empty(np.where(ok, points, None))
    xy = np.full((len(points), 2), np.nan)
    if ok.any():
        xy[ok] = shapely.get_coordinates(points[ok])[:, :2]
    return xy, ok


def _rank_within(groups):
    """0, 1, 2… within runs of equal values of a sorted array."""
    groups = np.asarray(groups)
    if not groups.size:
        return np.zeros(0, dtype=np.int64)
    start = np.r_[True, groups[1:] != groups[:-1]]
    idx = np.arange(groups.size)
    return idx - np.maximum.accumulate(np.where(start, idx, 0))


def _cumsum_within(values, groups):
    """Cumulative sum of ``values`` restarting at each run of ``groups`` (sorted)."""
    return pd.Series(values).groupby(groups).cumsum().to_numpy(float)
