"""Emergency shelters: who lives within the service distance of a shelter, how much effective
shelter area there is per resident, and who finds no place when every shelter fills up.

Sources:
- Service distance 500 m (~10 min walk) for emergency shelters: GB 50413-2007 城市抗震防灾规划标准
  §8.2.10 (also the Guangdong outline 粤府办〔2013〕44号); fixed shelters 2–3 km.
- Shelter classes (GB 51143-2015 防灾避难场所设计规范 §3.1.4): emergency / short- / medium- / long-term /
  central. Effective area per EVACUEE: ≥ 1 m² emergency, ≥ 2 m² fixed (GB 50413-2007 §8.2.8); the
  3.0 / 4.5 m² and 1.0 / 1.5 / 2.5 km of the longer stays are placeholders (verified=no in
  resources/factors/shelter_standards.csv).
- Shelters are to avoid floodways and flood-diversion zones (shelter siting rules of the national
  codes): shelters in a flood zone are flagged and, by default, left out of the assignment.
- Per-capita shelter area 人均应急避难场所面积 = effective shelter area / residents (m²/person), an
  indicator of the territorial master-plan guide whose target is set locally.

Units: metres, m², persons. Distances come from ``core.network`` (along roads) or are straight lines.

Capacity-aware assignment (``assign``): every building within a shelter's service distance along
the network (or in a straight line) is a candidate pair. The assignment places as many residents as
the capacities allow, and among all ways of doing so the one with the least total person-distance:
a transportation problem (Hitchcock 1941), solved exactly as a linear programme (``assign_optimal``).
Residents may be split between shelters. Buildings and shelters that share no candidate pair with
each other form independent groups (connected components of the pairs); ``assign`` solves them in
pieces of about ``LP_PIECE_PAIRS`` pairs and looks at ``is_canceled`` between pieces. HiGHS cannot be
interrupted from SciPy, so a budget of simplex iterations per piece (``lp_iterations``: about 0.3 s
of work on a 2-core machine of 2026) is what bounds the wait for a Cancel. A budget of iterations, not
of seconds, so that the same data give the same assignment on a busy or a slow machine (with a time
limit, a piece of 20,000 pairs that needs 0.22 s fell to the greedy once the machine was loaded);
``LP_SAFETY_S`` of wall-clock time stops only a pathological piece. A
piece the solver does not finish within its budget (or fails on), a group of more than ``LP_MAX_GROUP_PAIRS``
pairs (the simplex needs tens of seconds at 100,000) and everything above ``MAX_LP_PAIRS`` pairs in
all take a deterministic greedy in rounds (``assign_greedy``) instead: in each round every building
with residents left proposes to its nearest untried shelter with room (of its ``MAX_CANDIDATES``
nearest); each shelter takes the proposals nearest first until full (the one crossing the limit in
part). The greedy can leave residents unplaced whom the optimum places (a near building arriving
late at a full shelter is not preferred over a farther one placed there earlier). Either way
assigned + unplaced = residents per building and no shelter takes more than its capacity.
"""
import re
import unicodedata

import numpy as np
import pandas as pd
import shapely
from scipy import optimize, sparse
from scipy.sparse import csgraph
from scipy.spatial import cKDTree

from . import network as net_mod
from . import tables
from .errors import InputError, check_canceled
from .zones import assign_to_zones, sum_by_zone

MAX_CANDIDATES = 8         # shelters a building may try in the greedy, nearest first
MAX_LP_PAIRS = 2_000_000   # candidate pairs above which the greedy stands in for the optimum
LP_ITERATIONS = 15_000     # simplex iterations a piece of LP_PIECE_PAIRS pairs may take (~0.3 s)
LP_SAFETY_S = 3.0          # wall-clock limit of a piece, for what the iterations do not bound (presolve)
LP_PIECE_PAIRS = 20_000    # small independent groups are solved together up to this many pairs
LP_MAX_GROUP_PAIRS = 150_000   # a group this large is not tried: it would not finish in the budget


def lp_iterations(pairs):
    """The iteration budget of a piece of ``pairs`` pairs: ``LP_ITERATIONS`` scaled down for larger
    pieces, whose iterations cost more (HiGHS on random transport problems: ~20 µs an iteration at
    20,000 pairs, ~50 µs at 100,000-150,000)."""
    return max(1, int(LP_ITERATIONS * LP_PIECE_PAIRS / max(int(pairs), LP_PIECE_PAIRS)))


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


# Words around the class in the types Chinese plans write (固定避难场所, Ⅰ类地震应急避难场所, 室内紧急避难场所): the
# kind of site (GB 21734-2008's title; the indoor/outdoor form of GB/T 44013-2024) says nothing of the class.
_TYPE_SUFFIXES = ("地震应急避难场所", "应急避难场所", "避难场所", "避难所")
_TYPE_FORMS = ("室内", "室外")


def type_key(text):
    """A shelter type as the standards table compares it: Unicode NFKC (full-width Ｉ and the Roman
    numerals Ⅰ Ⅱ Ⅲ become I, II, III; the ideographic space a space), lower case, without spaces, and
    without the words that name the kind of site rather than its class (室内/室外, …避难场所), as long
    as something is left: "Ⅱ 类避难场所" is "ii类", "室内紧急避难场所" "紧急", "避难场所" stays itself.

    >>> [type_key(t) for t in ("Ⅰ类", "ＩＩ 类", "固定避难场所", "室外 中心避难场所", "室内避难场所")]
    ['i类', 'ii类', '固定', '中心', '避难场所']
    """
    key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)).lower())
    for form in _TYPE_FORMS:
        if key.startswith(form) and len(key) > len(form):
            key = key[len(form):]
    for suffix in _TYPE_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[:-len(suffix)]
    return key


def shelter_standards(types, table, service_distance_m):
    """Per shelter: per-capita standard (m²/person), service distance (m), whether the type was
    found in ``table``, and {unlisted type: count}.

    ``types`` holds str or None per shelter (all None without a type field). Shelters on the
    ``default`` row (missing or unlisted type) take ``service_distance_m``."""
    n = len(types)
    rows, fell_back, unknown = tables.match_keys(types, table, "shelter_type", normalise=type_key)
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
               shelter_snap=None, max_candidates=None, is_canceled=None):
    """Pairs (building, shelter, distance m) with distance ≤ the shelter's ``reach_m``, sorted by
    building, distance, shelter; with ``max_candidates``, only that many nearest per building.

    Straight lines without ``network``: one k-d tree ball query for all shelters. With a network
    (buildings and shelters snapped to it): ``network.pair_distances`` once per distinct reach (shelter
    class), from the shelters of that reach only (in memory-bounded batches, ``is_canceled`` looked at
    between them). One search of all shelters would run every shelter out to the largest reach (a
    500 m emergency shelter to a central shelter's 2500 m) and drop most of what it found: at 950k
    buildings three times the time and 0.6 GB more at its peak. The pairs are the same: each pair's
    distance is the shortest way in either search, and the searches of a class hold every way within
    its reach. Shelters with reach 0 or no geometry have no candidates.
    """
    reach_m = np.asarray(reach_m, dtype=float)
    if network is None:
        s, b, d = _euclidean_pairs(building_points, shelter_points, reach_m)
    else:
        found = [net_mod.pair_distances(network, shelter_snap, building_snap, np.where(reach_m == r, r, 0.0),
                                        is_canceled=is_canceled) for r in np.unique(reach_m[reach_m > 0])]
        s, b, d = (np.concatenate(c) for c in zip(*found)) if found else (np.zeros(0, np.int64),) * 2 + (np.zeros(0),)
    order = np.lexsort((s, d, b))
    b, s, d = b[order], s[order], d[order]
    if max_candidates is not None:
        keep = _rank_within(b) < max_candidates
        b, s, d = b[keep], s[keep], d[keep]
    return b, s, d


def assign(n_buildings, residents, capacity, pair_building, pair_shelter, pair_distance,
           max_pairs=MAX_LP_PAIRS, bounded=True, is_canceled=None):
    """Capacity-aware assignment of residents to shelters: the optimum (``assign_optimal``) of each
    independent group of buildings and shelters, solved in pieces, each within its iteration budget
    (``lp_iterations``; ``bounded`` False: no limit); the greedy in rounds (``assign_greedy``) for pieces
    the solver does not finish,
    and for everything when there are more than ``max_pairs`` candidate pairs. ``pair_*`` from
    ``candidates``; ``is_canceled`` (a callable) is looked at between pieces and raises ``Canceled``.

    Returns a dict: ``assigned`` and ``unplaced`` per building (persons), ``shelter`` per building (the
    shelter that took most of its residents, the nearer on a tie; -1 where none), ``load`` per shelter
    (persons placed), ``persons`` per pair, ``method`` ("optimal", "greedy" or "mixed"), ``pieces``
    (pieces solved) and ``greedy_pairs`` (pairs the greedy assigned).
    """
    residents, capacity, pb, ps, pd_ = _clean(residents, capacity, pair_building, pair_shelter, pair_distance)
    x = np.zeros(pb.size)
    by_greedy = np.zeros(pb.size, dtype=bool)
    if pb.size > max_pairs:
        pieces, by_greedy[:] = [], True
    else:
        pieces, too_big = _pieces(residents, capacity, pb, ps, LP_PIECE_PAIRS, LP_MAX_GROUP_PAIRS)
        by_greedy[too_big] = True
    for piece in pieces:
        check_canceled(is_canceled)
        persons = _optimal_persons(residents, capacity, pb[piece], ps[piece], pd_[piece], bounded)
        if persons is None:
            by_greedy[piece] = True
        else:
            x[piece] = persons
    check_canceled(is_canceled)
    if by_greedy.any():
        x[by_greedy] = assign_greedy(len(residents), residents, capacity, pb[by_greedy], ps[by_greedy],
                                     pd_[by_greedy])["persons"]
    method = "optimal" if not by_greedy.any() else "greedy" if by_greedy.all() else "mixed"
    result = _result(n_buildings, residents, capacity, pb, ps, pd_, x, method)
    result.update(pieces=len(pieces), greedy_pairs=int(by_greedy.sum()))
    return result


def assign_optimal(n_buildings, residents, capacity, pair_building, pair_shelter, pair_distance, bounded=False):
    """The most residents placed within reach, and among such assignments the least total
    person-distance (persons × m): a transportation problem (Hitchcock 1941) solved as a linear
    programme by HiGHS (``scipy.optimize.linprog``, method "highs").

    x_p ≥ 0 persons per candidate pair p = (b, s) with distance d_p; Σ_p∋b x_p ≤ residents_b,
    Σ_p∋s x_p ≤ capacity_s; minimise Σ_p (d_p − M) x_p with M = d_max × min(#buildings, #shelters)
    + 1. Both aims in one objective: if an optimum placed fewer persons than possible, an
    augmenting path (building, shelter, building, … shelter) with k ≤ min(#b, #s) forward pairs
    would change the objective by at most k·d_max − M < 0 per person, so it is not an optimum.
    The constraint matrix is that of a network flow (totally unimodular): the simplex vertex is
    whole persons wherever residents and capacities are. Returns None if the solver fails or, where
    ``bounded``, does not finish within its budget (``lp_iterations``, ``LP_SAFETY_S``).
    """
    residents, capacity, pb, ps, pd_ = _clean(residents, capacity, pair_building, pair_shelter, pair_distance)
    x = _optimal_persons(residents, capacity, pb, ps, pd_, bounded)
    return None if x is None else _result(n_buildings, residents, capacity, pb, ps, pd_, x, "optimal")


def _optimal_persons(residents, capacity, pb, ps, pd_, bounded):
    """Persons per pair of the LP of ``assign_optimal``, or None if HiGHS fails or, where ``bounded``,
    runs out of its budget."""
    x = np.zeros(pb.size)
    live = np.flatnonzero((residents[pb] > 0) & (capacity[ps] > 0))
    if not live.size:
        return x
    b_rows, b_of = np.unique(pb[live], return_inverse=True)
    s_rows, s_of = np.unique(ps[live], return_inverse=True)
    cols = np.arange(live.size)
    a_ub = sparse.csr_matrix((np.ones(2 * live.size), (np.r_[b_of, b_rows.size + s_of], np.r_[cols, cols])),
                             shape=(b_rows.size + s_rows.size, live.size))
    d = pd_[live]
    big = float(d.max(initial=0.0)) * min(b_rows.size, s_rows.size) + 1.0
    options = {"maxiter": lp_iterations(live.size), "time_limit": LP_SAFETY_S} if bounded else {}
    solved = optimize.linprog(d - big, A_ub=a_ub, b_ub=np.r_[residents[b_rows], capacity[s_rows]],
                              bounds=(0, None), method="highs", options=options)
    if solved.status != 0:
        return None
    # Solver round-off (1e-9 persons) would show as 59.999999 in the output.
    x[live] = np.round(np.clip(solved.x, 0.0, None), 6)
    return x


def _pieces(residents, capacity, pb, ps, piece_pairs, max_group):
    """Index arrays of the pairs to solve together, and the index array of the pairs in groups of
    more than ``max_group`` pairs, left to the greedy. The pairs that can place someone (residents and
    capacity above 0) are split into connected groups of buildings and shelters; small groups are
    packed up to ``piece_pairs`` pairs (a piece of independent groups has the optimum of each group)."""
    live = np.flatnonzero((residents[pb] > 0) & (capacity[ps] > 0))
    if not live.size:
        return [], live
    n_b = len(residents)
    graph = sparse.coo_matrix((np.ones(live.size), (pb[live], n_b + ps[live])), shape=(n_b + len(capacity),) * 2)
    _, label = csgraph.connected_components(graph, directed=False)
    group = label[pb[live]]
    order = np.argsort(group, kind="stable")
    live, group = live[order], group[order]
    sizes = np.bincount(group)
    too_big = sizes[group] > max_group
    left_out = np.sort(live[too_big])
    live, group = live[~too_big], group[~too_big]
    pieces, first, filled = [], 0, 0
    for start in np.flatnonzero(np.r_[True, group[1:] != group[:-1]]).tolist() if live.size else []:
        size = int(sizes[group[start]])
        if filled and filled + size > piece_pairs:
            pieces.append(np.sort(live[first:start]))
            first, filled = start, 0
        filled += size
    if live.size:
        pieces.append(np.sort(live[first:]))
    return pieces, left_out


def assign_greedy(n_buildings, residents, capacity, pair_building, pair_shelter, pair_distance,
                  max_candidates=MAX_CANDIDATES):
    """The deterministic greedy in rounds of the module docstring, over the ``max_candidates``
    nearest shelters of each building (``pair_*`` sorted by building, then distance). Loops over
    rounds (≤ candidates per building), never over buildings. Same dict as ``assign``."""
    residents, capacity, pb, ps, pd_ = _clean(residents, capacity, pair_building, pair_shelter, pair_distance)
    left = residents.copy()
    cap_left = capacity.copy()
    n_shelters = len(cap_left)
    x = np.zeros(pb.size)
    tried = _rank_within(pb) >= max_candidates
    for _ in range(min(int(_rank_within(pb).max()) + 1, max_candidates) if pb.size else 0):
        open_ = np.flatnonzero(~tried & (left[pb] > 0) & (cap_left[ps] > 0))
        if not open_.size:
            break
        _, first = np.unique(pb[open_], return_index=True)   # nearest untried shelter with room
        take = open_[first]
        tried[take] = True
        order = np.lexsort((pb[take], pd_[take], ps[take]))  # per shelter, nearest first
        take = take[order]
        b, s = pb[take], ps[take]
        demand = left[b]
        before = _cumsum_within(demand, s) - demand
        placed = np.clip(cap_left[s] - before, 0.0, demand)
        left[b] -= placed
        x[take] = placed
        cap_left = np.maximum(cap_left - np.bincount(s, weights=placed, minlength=n_shelters), 0.0)
    return _result(n_buildings, residents, capacity, pb, ps, pd_, x, "greedy")


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


EMERGENCY = "emergency"   # the standards table's key of the class that is not a fixed shelter


def fixed_shelters(types, table):
    """Which shelters are fixed shelters (固定避难场所: every class of GB 51143-2015 but the emergency
    one, 紧急避难场所, central shelters included), from each shelter's type matched to the standards
    ``table`` (key or alias, ignoring case). A missing or unlisted type takes the table's default
    row, a short-term fixed shelter. Returns the mask and {unlisted type: count}."""
    rows, _, unknown = tables.match_keys(types, table, "shelter_type", normalise=type_key)
    keys = table["shelter_type"].str.lower().to_numpy()
    return keys[rows] != EMERGENCY if len(rows) else np.zeros(0, dtype=bool), unknown


def fixed_capacity(zone_of_shelter, capacity, fixed, residents, n_zones, placed=None):
    """Capacity of the fixed shelters lying in each zone (persons; missing or negative capacity
    counts 0) and ``shelter_cap_pct`` = 100 × that capacity / the zone's residents (persons per 100
    residents, %; NaN without residents). 固定避难场所容量占规划人口比例: the share of the planned
    population the fixed shelters of the area hold. A zone that is not ``placed`` (it has no
    geometry) can hold no known shelter: both values are NaN there.

    >>> fixed_capacity([0, 0, 1], [300.0, 50.0, np.nan], [True, False, True], [1000.0, 0.0], 2)["shelter_cap_pct"]
    array([30., nan])
    >>> fixed_capacity([0, -1], [300.0, 100.0], [True, True], [1000.0, 200.0], 2, [True, False])["fixed_cap"]
    array([300.,  nan])
    """
    capacity = np.nan_to_num(np.asarray(capacity, dtype=float), nan=0.0).clip(min=0)
    held = sum_by_zone(zone_of_shelter, np.where(np.asarray(fixed, dtype=bool), capacity, 0.0), n_zones)
    if placed is not None:
        held = np.where(np.asarray(placed, dtype=bool), held, np.nan)
    return {"fixed_cap": held, "shelter_cap_pct": 100.0 * per_capita(held, residents)}


def shelter_units(shelter_points, unit_geometries):
    """Planning unit of each shelter point (-1 outside every unit)."""
    return assign_to_zones(shelter_points, unit_geometries)


# ---- helpers -------------------------------------------------------------------------------
def _clean(residents, capacity, pair_building, pair_shelter, pair_distance):
    """Residents and capacities as floats ≥ 0 (missing: 0), and the pairs as arrays."""
    residents = np.nan_to_num(np.asarray(residents, dtype=float), nan=0.0).clip(min=0)
    capacity = np.nan_to_num(np.asarray(capacity, dtype=float), nan=0.0).clip(min=0)
    return (residents, capacity, np.asarray(pair_building, dtype=np.int64),
            np.asarray(pair_shelter, dtype=np.int64), np.asarray(pair_distance, dtype=float))


def _result(n_buildings, residents, capacity, pb, ps, pd_, x, method):
    """The dict of ``assign`` from persons ``x`` per pair."""
    assigned = np.minimum(np.bincount(pb, weights=x, minlength=n_buildings), residents)
    best = np.full(n_buildings, -1, dtype=np.int64)
    placed = np.flatnonzero(x > 0)
    order = placed[np.lexsort((ps[placed], pd_[placed], -x[placed], pb[placed]))]
    first = order[np.r_[True, pb[order][1:] != pb[order][:-1]]] if order.size else order
    best[pb[first]] = ps[first]
    return {"assigned": assigned, "unplaced": residents - assigned, "shelter": best,
            "load": np.bincount(ps, weights=x, minlength=len(capacity)), "persons": x, "method": method}


def _euclidean_pairs(building_points, shelter_points, reach_m):
    """(shelter, building, straight distance) for every building within its shelter's reach."""
    b_xy, b_ok = _xy(building_points)
    s_xy, s_ok = _xy(shelter_points)
    b_ids = np.flatnonzero(b_ok)
    s_ids = np.flatnonzero(s_ok & (reach_m > 0))
    if not b_ids.size or not s_ids.size:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    near = cKDTree(b_xy[b_ids]).query_ball_point(s_xy[s_ids], reach_m[s_ids])
    count = np.fromiter((len(n) for n in near), dtype=np.int64, count=len(near))
    s = np.repeat(s_ids, count)
    b = b_ids[np.concatenate([np.asarray(n, dtype=np.int64) for n in near])]
    d = np.hypot(*(b_xy[b] - s_xy[s]).T)
    inside = d <= reach_m[s]
    return s[inside], b[inside], d[inside]


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
