"""Where to add facilities so that enough residents reach one on foot: covering location.

Sources: the location set covering problem (Toregas, Swain, ReVelle & Bergman 1971, Operations
Research 19: 1363–1373) finds the fewest sites covering every demand; the maximal covering
location problem (Church & ReVelle 1974, Papers of the Regional Science Association 32: 101–118)
the k sites covering the most demand. Here covering a *share* of the residents of each planning
unit (a partial set covering):

    min Σ_j x_j                                    (set covering: fewest new sites)
    s.t. y_g ≤ Σ_j a_gj · x_j                      for every group g of homes
         Σ_{g ∈ u} w_g · y_g ≥ need_u               for every unit u
    or
    max Σ_g w_g · y_g  s.t. Σ_j x_j ≤ k, y_g ≤ Σ_j a_gj · x_j      (maximal covering: best k)

x_j ∈ {0, 1} builds candidate j; y_g ∈ [0, 1] (an integral x makes its best y 0 or 1, so y needs
no integrality); a_gj = 1 where candidate j lies within the walking distance d of the homes of g
(distance as in ``network.py``); w_g their residents. Homes with the same unit and the same set of
candidates in reach are one group. need_u = max(0, t · W_u − C_u): t the target share, W_u the
unit's residents, C_u those already within d of an existing facility; where even every candidate
together cannot reach t · W_u, need_u is what they can reach and the unit is reported as short.

Solved by HiGHS (``scipy.optimize.milp``). The greedy (add the candidate covering the most
residents still needed, capped at each unit's need, until every need is met; or k times) runs
first; for the fewest sites its redundant sites are then dropped, the last added first (a site
whose residents every unit can spare: the greedy's early picks are often made redundant by later
ones), which gives the incumbent. The LP relaxation (x ∈ [0, 1]) then proves a bound within one
slice: at least ⌈LP⌉ sites (at most LP residents with k); and the MIP looks for a strictly better
solution (a cut Σx ≤
n_greedy − 1, or coverage ≥ greedy's + 1 person) in slices of ``SLICE_S`` seconds, between which
``is_canceled`` is looked at (HiGHS holds Python's lock and cannot be interrupted from SciPy); a
slice that finds something better makes it the incumbent and the next slice looks beyond it, one
that finds nothing better ends the search (HiGHS is deterministic: the same slice would find the
same), as does the time limit. A slice finishing infeasible proves the incumbent optimal; the gap
reported is (incumbent − best bound) / incumbent, the bound the better of the LP's and the MIP's
dual bound, NaN where neither was proven in the time. Above ``MAX_MIP_PAIRS``
group–candidate pairs the greedy answer (without its redundant sites) is kept (the greedy of
Chvátal 1979 for set covering; it may use more sites than the optimum, and the log says so).
Units: metres, persons, shares 0–1.
"""
import heapq
import time
from dataclasses import dataclass

import numpy as np
import shapely
from scipy import optimize, sparse

from .errors import InputError, check_canceled

SLICE_S = 0.5            # HiGHS time per call: the longest a Cancel waits
MAX_MIP_PAIRS = 50_000   # group–candidate pairs above which the greedy answer is kept: HiGHS overruns
#                          its time limit in presolve on larger models (10 s at 345,000 pairs), holding a Cancel
EPS = 1e-6
CELL_SHARES = (0.05, 0.1, 0.2, 0.4)   # grid cells tried in turn until a large problem fits the MIP, × the distance

# Land use (用地用海分类 2023 code prefixes) where a new facility of each type may go, by default:
# 0702 城镇 / 0704 农村社区服务设施用地 for every community facility; the 5-minute ones
# (kindergarten, clinic, elderly care: 居住街坊 配套 in GB 50180-2018) also inside 0701 城镇住宅用地;
# 0804 教育 (080403 中小学, 080404 幼儿园), 0806 医疗卫生, 0807 社会福利, 0901 商业, 0801 机关团体,
# 0803 文化, 0805 体育; shelters on 1401 公园绿地, 1403 广场 and 0805 体育 (open ground).
# A planning choice of the toolkit, not a rule of a standard: give ELIGIBLE_CODES to change it.
DEFAULT_ELIGIBLE = {
    "kindergarten": ("0701", "0702", "0704", "080404"),
    "primary_school": ("0702", "0704", "080403"),
    "middle_school": ("080403",),
    "clinic": ("0701", "0702", "0704", "0806"),
    "elderly_care": ("0701", "0702", "0704", "0807"),
    "market": ("0702", "0704", "0901"),
    "community_center": ("0702", "0704", "0801", "0803"),
    "sports": ("0702", "0704", "0805", "1401"),
    "shelter": ("0805", "1401", "1403"),
}
# The 2023 guide's 0804 教育用地 is refined only at the third level; data often stop at 0804.
for _key in ("kindergarten", "primary_school", "middle_school"):
    DEFAULT_ELIGIBLE[_key] += ("0804",)


@dataclass
class Problem:
    """A covering problem: ``cover`` (groups × candidates) 0/1 CSR, ``weight`` residents per group,
    ``unit`` unit index per group, ``need`` residents still to cover per unit."""
    cover: sparse.csr_matrix
    weight: np.ndarray
    unit: np.ndarray
    need: np.ndarray

    @property
    def n_candidates(self):
        return self.cover.shape[1]


@dataclass
class Solution:
    """``chosen`` candidate indices in rank order (rank 1 first), ``new_pop`` residents each newly
    covers (in that order: those already covered by a higher-ranked site are not counted again),
    ``method`` "mip" or "greedy", ``optimal``, ``gap`` (relative, 0–1; NaN for greedy beyond the
    MIP size), ``seconds`` in the solver, ``greedy`` the greedy's number of sites (or residents
    covered, with k), ``pruned`` the greedy's redundant sites dropped, ``bound`` the best bound
    proven (sites at least; residents at most with k; NaN none) and ``bound_by`` what proved it:
    "lp" (the LP relaxation) or "mip" (HiGHS's branch and bound); ``stalled``: the search ended
    before the time limit, as a slice found nothing better (a longer limit would change nothing)."""
    chosen: np.ndarray
    new_pop: np.ndarray
    method: str
    optimal: bool
    gap: float
    seconds: float
    note: str = ""
    greedy: float = np.nan
    pruned: int = 0
    bound: float = np.nan
    bound_by: str = ""
    stalled: bool = False


def eligible_codes(codes, prefixes):
    """True where a land-use code (text or None) starts with one of ``prefixes`` (text)."""
    prefixes = tuple(p.strip() for p in prefixes if p and p.strip())
    return np.array([isinstance(c, str) and c.startswith(prefixes) for c in codes], dtype=bool) \
        if prefixes else np.zeros(len(codes), dtype=bool)


def parse_codes(text):
    """Code prefixes from "0701, 0702;080404" (commas, semicolons or spaces between)."""
    return tuple(t for t in str(text or "").replace(";", ",").replace(" ", ",").split(",") if t.strip())


def unit_needs(weight, unit, covered, coverable, n_units, target):
    """Per unit: residents W_u, already covered C_u, reachable at most R_u (covered or within reach
    of a candidate), the need need_u = min(max(0, t·W_u − C_u), R_u − C_u) and whether the target
    is out of reach (R_u < t·W_u). ``weight``, ``unit`` (-1: in no unit), ``covered``, ``coverable``
    per home. Returns a dict of (n_units,) arrays: pop, covered, reachable, need, short."""
    if not 0 <= target <= 1:
        raise InputError("target_out_of_range", value=target * 100)
    inside = unit >= 0
    w = np.where(inside, weight, 0.0)
    u = np.where(inside, unit, 0)
    pop = np.bincount(u, w, n_units)
    have = np.bincount(u, w * covered, n_units)
    reach = np.bincount(u, w * (covered | coverable), n_units)
    goal = target * pop
    need = np.clip(np.minimum(goal - have, reach - have), 0.0, None)
    return {"pop": pop, "covered": have, "reachable": reach, "need": np.where(need > EPS, need, 0.0),
            "short": reach < goal - EPS}


def build_problem(pair_home, pair_candidate, n_candidates, weight, unit, covered, need):
    """Group the homes not yet covered, with residents, in a unit with a need, and within reach of
    a candidate, by (unit, set of candidates in reach); returns the ``Problem`` and the group of
    each home (-1: none). Homes with the same set get the same sum of two random keys over their
    candidates (a hash: a collision, chance ~1e-30, would merge two groups)."""
    n = len(weight)
    active = (~covered) & (weight > 0) & (unit >= 0)
    active &= need[np.maximum(unit, 0)] > 0
    keep = active[pair_home]
    ph, pc = pair_home[keep], pair_candidate[keep]
    keys = np.random.default_rng(0).random((2, n_candidates))
    h1 = np.bincount(ph, keys[0][pc], n)
    h2 = np.bincount(ph, keys[1][pc], n)
    homes = np.unique(ph)
    table = np.column_stack([unit[homes], h1[homes], h2[homes]])
    _, first, inverse = np.unique(table, axis=0, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    group = np.full(n, -1, dtype=np.int64)
    group[homes] = inverse
    n_groups = len(first)
    rep = homes[first]                         # one home per group gives the group's candidates
    is_rep = np.zeros(n, dtype=bool)
    is_rep[rep] = True
    at = is_rep[ph]
    cover = sparse.csr_matrix((np.ones(int(at.sum())), (group[ph[at]], pc[at])), shape=(n_groups, n_candidates))
    cover.data[:] = 1.0
    w = np.bincount(inverse, weight[homes], n_groups)
    return Problem(cover, w, unit[rep], need), group


def greedy(problem, k=None, is_canceled=None):
    """Candidates in the order the greedy adds them: each time the one whose newly covered
    residents, capped at each unit's remaining need (uncapped with ``k``), are the most; stops when
    every need is met (or after k), or when no candidate adds anyone. Lazy evaluation (Minoux
    1978): a candidate's gain can only fall as others are added, so the stored gains are upper
    bounds and only the candidate on top of the heap is evaluated again. Ties go to the lower index."""
    cover, w = problem.cover, problem.weight
    by_candidate = cover.tocsc()
    by_candidate.sort_indices()
    open_ = np.ones(cover.shape[0], dtype=bool)
    need = np.maximum(problem.need.astype(float), 0.0)
    unit = problem.unit

    def rows_of(j):
        rows = by_candidate.indices[by_candidate.indptr[j]:by_candidate.indptr[j + 1]]
        return rows[open_[rows]]

    def gain(j):
        rows = rows_of(j)
        if k is not None or not len(rows):
            return float(w[rows].sum())
        per_unit = np.bincount(unit[rows], w[rows])
        return float(np.minimum(per_unit, need[:len(per_unit)]).sum())

    start = np.asarray(cover.T @ w).reshape(-1)          # uncapped: an upper bound of every gain
    heap = [(-g, j) for j, g in enumerate(start) if g > EPS]
    heapq.heapify(heap)
    chosen = []
    while heap and ((k is None and (need > EPS).any()) or (k is not None and len(chosen) < k)):
        if len(chosen) % 50 == 0:
            check_canceled(is_canceled)
        _, j = heapq.heappop(heap)
        g = gain(j)
        if g <= EPS:
            continue
        if heap and g < -heap[0][0] - EPS:
            heapq.heappush(heap, (-g, j))                # someone else may now be better
            continue
        chosen.append(j)
        rows = rows_of(j)
        open_[rows] = False
        need -= np.bincount(unit[rows], w[rows], len(need))
        np.maximum(need, 0.0, out=need)
    return np.array(chosen, dtype=np.int64)


def prune(problem, chosen, is_canceled=None):
    """``chosen`` without its redundant sites: in reverse order (the last added first), a site is
    dropped where every unit still meets its need without it (each group counts the chosen sites
    reaching it; dropping a site loses the groups only it reaches)."""
    chosen = np.asarray(chosen, dtype=np.int64)
    if not len(chosen):
        return chosen
    by_candidate = problem.cover.tocsc()
    count = np.asarray(problem.cover[:, chosen].sum(axis=1)).reshape(-1)
    n_units = len(problem.need)
    slack = np.bincount(problem.unit, problem.weight * (count > 0), n_units) - problem.need
    keep = np.ones(len(chosen), dtype=bool)
    for i in range(len(chosen) - 1, -1, -1):
        if i % 50 == 0:
            check_canceled(is_canceled)
        j = chosen[i]
        rows = by_candidate.indices[by_candidate.indptr[j]:by_candidate.indptr[j + 1]]
        lost = rows[count[rows] == 1]
        drop = np.bincount(problem.unit[lost], problem.weight[lost], n_units)
        if (drop <= slack + EPS).all():
            keep[i] = False
            count[rows] -= 1
            slack -= drop
    return chosen[keep]


def lp_bound(problem, k=None, time_limit=SLICE_S):
    """The bound the LP relaxation of the MIP proves: at least ⌈LP⌉ sites (``k`` None), at most LP
    residents (best k); None where HiGHS did not solve it within ``time_limit`` s."""
    c, constraints, _ = _model(problem, k)
    result = optimize.milp(c, constraints=constraints, integrality=np.zeros(len(c)), bounds=optimize.Bounds(0, 1),
                           options={"time_limit": time_limit, "presolve": True})
    if result.status != 0 or result.fun is None:
        return None
    return float(np.ceil(result.fun - EPS)) if k is None else float(-result.fun)


def rank(problem, chosen):
    """``chosen`` in greedy order among themselves and the residents each newly covers."""
    sub = Problem(problem.cover[:, chosen], problem.weight, problem.unit, problem.need)
    order = greedy(sub, k=len(chosen))
    rest = np.setdiff1d(np.arange(len(chosen)), order)      # sites adding nobody once the others are in
    order = np.r_[order, rest].astype(np.int64)
    covered = np.zeros(len(problem.weight), dtype=bool)
    by_candidate = problem.cover.tocsc()
    new = []
    for j in chosen[order]:
        rows = by_candidate.indices[by_candidate.indptr[j]:by_candidate.indptr[j + 1]]
        new.append(float(problem.weight[rows[~covered[rows]]].sum()))
        covered[rows] = True
    return chosen[order], np.array(new)


def solve(problem, k=None, time_limit=10.0, max_pairs=MAX_MIP_PAIRS, is_canceled=None):
    """Fewest candidates meeting every unit's need (``k`` None) or the ``k`` covering the most
    residents: greedy, then the MIP of the module docstring in slices (see there). Returns a
    ``Solution``."""
    start = time.perf_counter()
    incumbent = greedy(problem, k, is_canceled)
    greedy_value = _value(problem, incumbent, k)
    if k is None:
        incumbent = prune(problem, incumbent, is_canceled)
    started = {"greedy_value": greedy_value, "pruned": int(greedy_value - len(incumbent)) if k is None else 0}
    nnz = problem.cover.nnz
    if nnz == 0 or (k is None and not len(incumbent)):
        return _solution(problem, incumbent, "mip", True, 0.0, start, **started)
    if nnz > max_pairs:
        return _solution(problem, incumbent, "greedy", False, np.nan, start, note=f"{nnz} pairs > {max_pairs}",
                         **started)
    value = _value(problem, incumbent, k)
    check_canceled(is_canceled)               # the LP holds Python's lock: look before starting it
    bound = lp_bound(problem, k, max(0.05, min(SLICE_S, time_limit)))   # sites at least / persons at most
    bound_by = "lp" if bound is not None else ""
    c, constraints, integrality = _model(problem, k)
    optimal = bound is not None and (value <= bound + EPS if k is None else value >= bound - EPS)
    stalled = False
    while not optimal and time.perf_counter() - start < time_limit:
        check_canceled(is_canceled)
        cut = _cut(problem, k, value)
        left = max(0.05, min(SLICE_S, time_limit - (time.perf_counter() - start)))
        result = optimize.milp(c, constraints=constraints + [cut], integrality=integrality,
                               bounds=optimize.Bounds(0, 1), options={"time_limit": left, "presolve": True})
        if result.status == 2:            # nothing strictly better: the incumbent is optimal
            optimal, bound, bound_by = True, value, "mip"
            break
        improved = False
        if result.x is not None:
            found = np.flatnonzero(result.x[:problem.n_candidates] > 0.5)
            if _better(_value(problem, found, k), value, k):
                incumbent, value, improved = found, _value(problem, found, k), True
        dual = getattr(result, "mip_dual_bound", None)
        if dual is not None and np.isfinite(dual):
            this = min(value, dual) if k is None else max(value, -dual)
            if bound is None or (this > bound + EPS if k is None else this < bound - EPS):
                bound, bound_by = this, "mip"
        if result.status == 0:            # solved: its optimum is the best there is
            optimal, bound, bound_by = True, value, "mip"
            break
        if not improved:                  # HiGHS is deterministic: the same slice again finds nothing more
            stalled = True
            break
    if optimal:
        gap = 0.0
    elif bound is None:
        gap = np.nan                      # HiGHS proved no bound in the time: the distance is unknown
    elif k is None:
        gap = (value - np.ceil(bound - EPS)) / value if value else 0.0
    else:
        gap = (bound - value) / bound if bound > 0 else 0.0
    return _solution(problem, incumbent, "mip", optimal, float(max(0.0, gap)) if np.isfinite(gap) else gap, start,
                     bound=np.nan if bound is None else float(np.ceil(bound - EPS) if k is None else bound),
                     bound_by=bound_by, stalled=stalled, **started)


def _model(problem, k):
    g, m = problem.cover.shape
    link = sparse.hstack([-problem.cover, sparse.eye(g)]).tocsr()        # y_g − Σ a_gj x_j ≤ 0
    constraints = [optimize.LinearConstraint(link, -np.inf, 0.0)]
    if k is None:
        live = np.flatnonzero(problem.need > 0)
        rows = np.searchsorted(live, problem.unit)
        inside = np.isin(problem.unit, live)
        a = sparse.csr_matrix((problem.weight[inside], (rows[inside], m + np.flatnonzero(inside))),
                              shape=(len(live), m + g))
        constraints.append(optimize.LinearConstraint(a, problem.need[live] - EPS, np.inf))
        c = np.r_[np.ones(m), np.zeros(g)]
    else:
        constraints.append(optimize.LinearConstraint(np.r_[np.ones(m), np.zeros(g)][None, :], 0, k))
        c = np.r_[np.zeros(m), -problem.weight]
    return c, constraints, np.r_[np.ones(m), np.zeros(g)]


def _cut(problem, k, value):
    """Only strictly better solutions: one site fewer, or one more person (weights are persons)."""
    g, m = problem.cover.shape
    if k is None:
        return optimize.LinearConstraint(np.r_[np.ones(m), np.zeros(g)][None, :], 0, value - 1)
    step = max(EPS, min(1.0, float(problem.weight[problem.weight > 0].min())))
    return optimize.LinearConstraint(np.r_[np.zeros(m), problem.weight][None, :], value + step - EPS, np.inf)


def _value(problem, chosen, k):
    if k is None:
        return len(chosen)
    hit = np.asarray(problem.cover[:, chosen].sum(axis=1)).reshape(-1) > 0
    return float(problem.weight[hit].sum())


def _better(new, old, k):
    return new < old if k is None else new > old + EPS


def _solution(problem, chosen, method, optimal, gap, start, note="", greedy_value=np.nan, pruned=0, bound=np.nan,
              bound_by="", stalled=False):
    ordered, new = rank(problem, np.asarray(chosen, dtype=np.int64))
    return Solution(ordered, new, method, optimal, gap, time.perf_counter() - start, note, float(greedy_value),
                    pruned, bound, bound_by, stalled)


def aggregate(xy, unit, active, pair_home, pair_site, cell_m):
    """Homes merged into demand points: the ``active`` homes of one unit in one square grid cell of
    ``cell_m`` metres (``xy`` per home, NaN without a point) are one point; it reaches the sites that
    reach *every* home of the cell (conservative: a solution placing or covering the point does so
    for each of its homes in reality). Returns the cell of each home (-1: not active) and the
    (cell, site) pairs."""
    n = len(unit)
    cell = np.full(n, -1, dtype=np.int64)
    ok = active & np.isfinite(xy).all(axis=1)
    if not ok.any():
        return cell, np.zeros(0, np.int64), np.zeros(0, np.int64)
    key = np.column_stack([unit[ok], np.floor(xy[ok] / cell_m).astype(np.int64)])
    _, inverse = np.unique(key, axis=0, return_inverse=True)
    cell[ok] = inverse.reshape(-1)
    homes_in = np.bincount(cell[ok])
    keep = cell[pair_home] >= 0
    pc, ps = cell[pair_home[keep]], pair_site[keep]
    n_sites = int(pair_site.max(initial=-1)) + 1
    both, count = np.unique(pc * max(n_sites, 1) + ps, return_counts=True)
    pc, ps = both // max(n_sites, 1), both % max(n_sites, 1)
    every = count == homes_in[pc]
    return cell, pc[every], ps[every]


def point_xy(points):
    """(n, 2) coordinates of shapely points, NaN where missing."""
    points = np.asarray(points, dtype=object)
    xy = np.full((len(points), 2), np.nan)
    present = ~shapely.is_missing(points) if len(points) else np.zeros(0, dtype=bool)
    if present.any():
        xy[present] = shapely.get_coordinates(points[present])[:, :2]
    return xy


def cell_sizes(distance_m):
    """Grid cells (m) to merge homes in, finest first: 5, 10, 20 and 40 % of the walking distance (a
    cell much smaller than the reach changes little of what its homes reach)."""
    return tuple(share * float(distance_m) for share in CELL_SHARES)


def aggregated_problem(xy, pair_home, pair_site, n_sites, weight, unit, covered, need, cells,
                       max_pairs=MAX_MIP_PAIRS):
    """The covering problem of demand points (``aggregate``) for the first cell size (m) of ``cells``
    whose problem has at most ``max_pairs`` pairs (the largest if none does); each unit's need capped
    at what its demand points can reach. Returns the problem and the cell size (m)."""
    active = (~covered) & (weight > 0) & (unit >= 0)
    active &= need[np.maximum(unit, 0)] > 0
    for cell_m in cells:
        cell, pc, ps = aggregate(xy, unit, active, pair_home, pair_site, cell_m)
        n_cells = int(cell.max(initial=-1)) + 1
        w = np.bincount(cell[active], weight[active], n_cells)
        u = np.zeros(n_cells, dtype=np.int64)
        u[cell[active]] = unit[active]
        reach = np.bincount(u, w * (np.bincount(pc, minlength=n_cells) > 0), len(need))
        problem, _ = build_problem(pc, ps, n_sites, w, u, np.zeros(n_cells, dtype=bool), np.minimum(need, reach))
        if problem.cover.nnz <= max_pairs:
            break
    return problem, cell_m


# ---- the whole life circle: every type at once ------------------------------------------------
# A home counts in the 15-minute life-circle coverage (full_pct of life_circle.py) only where it reaches
# *every* facility type. Siting each type to the target t alone leaves the share reaching all of them far
# lower (the homes each type reaches differ); siting each for 100 − (100 − t)/n % (the union bound) reaches
# t but over-builds. Here the types are sited jointly:
#
#    min Σ_t Σ_j x_tj
#    s.t. y_g ≤ Σ_{j ∈ N_t(g)} x_tj         for every group g and every type t not already reaching g
#         Σ_{g ∈ u} w_g · y_g ≥ need_u       for every unit u
#
# with need_u = max(0, t · W_u − F_u) (F_u: residents already reaching every type), capped at what can reach
# every type (each type covered or with an eligible candidate within its distance). The sequential start
# sites the types in turn, scarcest first, each covering only the homes every type before it reaches, with
# the unit's target carried over (so the homes left after the last type reach all types and number at least
# the target); its redundant sites are then dropped across all types, and the joint MIP above (HiGHS, in
# slices, strictly better solutions only, as ``solve``) improves on it or proves it optimal when small.


@dataclass
class TypeReach:
    """One facility type: (home, candidate) pairs within its walking distance, the homes an existing
    facility of the type already reaches, the number of candidates and its name."""
    pair_home: np.ndarray
    pair_cand: np.ndarray
    covered: np.ndarray
    n_candidates: int
    name: str = ""


@dataclass
class WholeSolution:
    """``chosen``: candidate indices per type (list, in the order of ``types``); ``order`` the types in the
    order sited; ``method`` "mip" (the joint MIP improved or proved the sequential answer) or "sequential";
    ``sequential`` the number of sites of the sequential start (after pruning), ``pruned`` its redundant
    sites dropped; ``optimal``, ``gap`` (0–1, NaN unknown), ``bound`` (sites at least, NaN none),
    ``bound_by`` ("lp"/"mip"; "types": the sum of each type's own bound, ``type_bound``), ``note`` why
    the MIP did not run, ``seconds``."""
    chosen: list
    order: list
    method: str
    optimal: bool
    gap: float
    sequential: int
    pruned: int = 0
    bound: float = np.nan
    bound_by: str = ""
    note: str = ""
    seconds: float = 0.0

    @property
    def n_sites(self):
        return int(sum(len(c) for c in self.chosen))


def reach_all(types, n):
    """Per home: reaches every type already (``full``), and could (every type covered or with a candidate
    within reach: ``reachable``)."""
    full = np.ones(n, dtype=bool)
    reachable = np.ones(n, dtype=bool)
    for t in types:
        full &= t.covered
        reachable &= t.covered | (np.bincount(t.pair_home, minlength=n) > 0)
    return full, reachable


def whole_needs(types, weight, unit, n_units, target):
    """``unit_needs`` for the share reaching every type: covered = reaching all types already, reachable =
    able to reach all of them."""
    full, reachable = reach_all(types, len(weight))
    return unit_needs(weight, unit, full, reachable & ~full, n_units, target)


def scarcest_order(types, weight, reachable):
    """Types by the residents (among those able to reach all types) an existing facility reaches, fewest
    first; ties by the fewest candidates with a home in reach."""
    w = np.where(reachable, weight, 0.0)
    have = [float(w[t.covered].sum()) for t in types]
    sites = [len(np.unique(t.pair_cand)) for t in types]
    return sorted(range(len(types)), key=lambda i: (have[i], sites[i]))


def _hit(t, chosen):
    hit = t.covered.copy()
    if len(chosen):
        hit[t.pair_home[np.isin(t.pair_cand, chosen)]] = True
    return hit


def sequential_whole(types, weight, unit, n_units, target, order=None, xy=None, cells=(), time_limit=10.0,
                     max_pairs=MAX_MIP_PAIRS, is_canceled=None):
    """Types sited in turn (``order``, default ``scarcest_order``): type k covers, among the homes every type
    before it reaches (at first: those able to reach all types), max(0, t · W_u − those it reaches already)
    per unit, capped at all of them, by ``solve`` (with ``aggregated_problem`` above ``max_pairs`` when ``xy``
    and ``cells`` are given). Returns the chosen candidates per type and the order."""
    weight = np.asarray(weight, dtype=float)
    n = len(weight)
    _, reachable = reach_all(types, n)
    inside = unit >= 0
    goal = target * np.bincount(np.where(inside, unit, 0), np.where(inside, weight, 0.0), n_units)
    homes = reachable & inside & (weight > 0)
    order = scarcest_order(types, weight, homes) if order is None else list(order)
    chosen = [np.zeros(0, dtype=np.int64) for _ in types]
    start = time.perf_counter()
    for step, i in enumerate(order):
        check_canceled(is_canceled)
        t = types[i]
        u = np.where(homes, unit, -1)
        ui = np.where(homes, unit, 0)
        have = np.bincount(ui, weight * (homes & t.covered), n_units)
        reach = np.bincount(ui, weight * homes, n_units)
        need = np.clip(np.minimum(goal - have, reach - have), 0.0, None)
        need = np.where(need > EPS, need, 0.0)
        problem, _ = build_problem(t.pair_home, t.pair_cand, t.n_candidates, weight, u, t.covered, need)
        if problem.cover.nnz > max_pairs and xy is not None and len(cells):
            problem, _ = aggregated_problem(xy, t.pair_home, t.pair_cand, t.n_candidates, weight, u, t.covered,
                                            need, cells, max_pairs)
        left = max(0.5, (time_limit - (time.perf_counter() - start)) / (len(order) - step))
        solution = solve(problem, None, left, max_pairs, is_canceled)
        chosen[i] = np.sort(solution.chosen)
        homes &= _hit(t, chosen[i])
    return chosen, order


def whole_required(types, weight, unit, n_units, target):
    """Residents per unit that must reach every type: min(t · W_u, those able to)."""
    needs = whole_needs(types, weight, unit, n_units, target)
    return needs["covered"] + needs["need"]


def full_after(types, chosen, n):
    """Per home: reaches every type with the existing facilities and the ``chosen`` sites."""
    full = np.ones(n, dtype=bool)
    for t, c in zip(types, chosen):
        full &= _hit(t, c)
    return full


def prune_whole(types, chosen, weight, unit, n_units, required, is_canceled=None):
    """``chosen`` (per type) without the sites every unit can spare: the last type's sites first, the
    last of each type first, a site is dropped where each unit keeps ``required`` residents reaching every
    type without it."""
    n = len(weight)
    weight = np.asarray(weight, dtype=float)
    inside = unit >= 0
    ui = np.where(inside, unit, 0)
    count = []
    for t, c in zip(types, chosen):
        keep = np.isin(t.pair_cand, c)
        cnt = np.bincount(t.pair_home[keep], minlength=n).astype(float)
        cnt[t.covered] = np.inf
        count.append(cnt)
    full = np.all([c > 0 for c in count], axis=0) if count else np.zeros(n, bool)
    slack = np.bincount(ui, np.where(inside, weight, 0.0) * full, n_units) - required
    kept = [np.ones(len(c), dtype=bool) for c in chosen]
    for i in range(len(types) - 1, -1, -1):
        t = types[i]
        for s in range(len(chosen[i]) - 1, -1, -1):
            check_canceled(is_canceled)
            rows = t.pair_home[t.pair_cand == chosen[i][s]]
            lost = rows[(count[i][rows] == 1) & full[rows] & inside[rows]]
            drop = np.bincount(unit[lost], weight[lost], n_units)
            if (drop <= slack + EPS).all():
                kept[i][s] = False
                count[i][rows] -= 1
                full[lost] = False
                slack -= drop
    return [c[k] for c, k in zip(chosen, kept)]


def type_bound(types, weight, unit, n_units, target, time_limit=SLICE_S, is_canceled=None):
    """A lower bound of the sites of every joint solution: each type alone must reach the residents
    required to reach all types (min(t · W_u, those able to)), so needs at least ⌈LP⌉ sites of its own
    one-type problem (the LP relaxation, ``lp_bound``, within ``time_limit`` s; at least 1 site where
    it has a need and the LP was not solved in the time). The sum over the types; valid where the joint
    MIP is too large, the sequential answer's gap is measured against it."""
    weight = np.asarray(weight, dtype=float)
    required = whole_required(types, weight, unit, n_units, target)
    inside = unit >= 0
    total = 0.0
    for t in types:
        check_canceled(is_canceled)
        have = np.bincount(np.where(inside, unit, 0), weight * (t.covered & inside), n_units)
        need = np.clip(required - have, 0.0, None)
        need = np.where(need > EPS, need, 0.0)
        if not need.any():
            continue
        problem, _ = build_problem(t.pair_home, t.pair_cand, t.n_candidates, weight, unit, t.covered, need)
        bound = lp_bound(problem, None, time_limit) if problem.cover.nnz else None
        total += max(1.0, bound or 0.0)
    return total


def joint_model(types, weight, unit, n_units, target):
    """The joint MIP of the whole life circle: groups of the homes that could reach every type but do not
    yet, in a unit with a need, by (unit, candidates in reach of each type, types already reached). Returns
    (c, constraints, integrality, columns, n_pairs): columns (type, candidate) of the x variables."""
    weight = np.asarray(weight, dtype=float)
    n = len(weight)
    needs = whole_needs(types, weight, unit, n_units, target)
    full, reachable = reach_all(types, n)
    active = reachable & ~full & (weight > 0) & (unit >= 0)
    active &= needs["need"][np.maximum(unit, 0)] > 0
    cols_t, cols_j = [], []
    for i, t in enumerate(types):
        used = np.unique(t.pair_cand[active[t.pair_home]])
        cols_t.append(np.full(len(used), i))
        cols_j.append(used)
    cols_t, cols_j = np.concatenate(cols_t), np.concatenate(cols_j)
    m = len(cols_j)
    offset = {i: np.flatnonzero(cols_t == i) for i in range(len(types))}
    rng = np.random.default_rng(0)
    keys = rng.random((2, m))
    type_keys = rng.random((2, len(types)))
    h = np.zeros((2, n))
    pair_rows = []
    for i, t in enumerate(types):
        keep = active[t.pair_home] & ~t.covered[t.pair_home]
        ph = t.pair_home[keep]
        col = offset[i][np.searchsorted(cols_j[offset[i]], t.pair_cand[keep])]
        pair_rows.append((i, ph, col))
        for r in range(2):
            h[r] += np.bincount(ph, keys[r][col], n) + type_keys[r][i] * t.covered
    homes = np.flatnonzero(active)
    _, first, inverse = np.unique(np.column_stack([unit[homes], h[0][homes], h[1][homes]]), axis=0,
                                  return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    g = len(first)
    group = np.full(n, -1, dtype=np.int64)
    group[homes] = inverse
    rep = np.zeros(n, dtype=bool)
    rep[homes[first]] = True
    link_r, link_c, n_rows = [], [], 0
    for i, ph, col in pair_rows:
        on = rep[ph]
        need_row = rep & ~types[i].covered               # one link row per group not reached by type i
        row_of = np.full(n, -1, dtype=np.int64)
        row_of[need_row] = n_rows + np.arange(int(need_row.sum()))
        link_r.append(row_of[ph[on]])
        link_c.append(col[on])
        y_rows = np.flatnonzero(need_row)
        link_r.append(row_of[y_rows])
        link_c.append(m + group[y_rows])
        n_rows += int(need_row.sum())
    r, c = np.concatenate(link_r), np.concatenate(link_c)
    val = np.where(c < m, -1.0, 1.0)
    link = sparse.csr_matrix((val, (r, c)), shape=(n_rows, m + g))
    w = np.bincount(inverse, weight[homes], g)
    gu = unit[homes[first]]
    live = np.flatnonzero(needs["need"] > 0)
    a = sparse.csr_matrix((w, (np.searchsorted(live, gu), m + np.arange(g))), shape=(len(live), m + g))
    constraints = [optimize.LinearConstraint(link, -np.inf, 0.0),
                   optimize.LinearConstraint(a, needs["need"][live] - EPS, np.inf)]
    c_obj = np.r_[np.ones(m), np.zeros(g)]
    return c_obj, constraints, np.r_[np.ones(m), np.zeros(g)], (cols_t, cols_j), int((c < m).sum())


def solve_whole(types, weight, unit, n_units, target, time_limit=10.0, max_pairs=MAX_MIP_PAIRS, xy=None,
                cells=(), order=None, is_canceled=None):
    """The fewest sites (all types together) bringing each unit's share of residents reaching every type to
    the target: the sequential start without its redundant sites, then the joint MIP in slices while it has
    at most ``max_pairs`` pairs (see the comment above ``TypeReach``). Returns a ``WholeSolution``."""
    start = time.perf_counter()
    weight = np.asarray(weight, dtype=float)
    unit = np.asarray(unit)
    chosen, order = sequential_whole(types, weight, unit, n_units, target, order, xy, cells, time_limit / 2,
                                     max_pairs, is_canceled)
    before = int(sum(len(c) for c in chosen))
    chosen = prune_whole(types, chosen, weight, unit, n_units, whole_required(types, weight, unit, n_units, target),
                         is_canceled)
    value = int(sum(len(c) for c in chosen))
    out = WholeSolution(chosen, order, "sequential", value == 0, 0.0 if value == 0 else np.nan, value,
                        before - value)
    if value == 0:
        out.seconds = time.perf_counter() - start
        return out
    check_canceled(is_canceled)
    c, constraints, integrality, (cols_t, cols_j), n_pairs = joint_model(types, weight, unit, n_units, target)
    if n_pairs > max_pairs:
        out.note = f"{n_pairs} pairs > {max_pairs}"
        out.bound = type_bound(types, weight, unit, n_units, target, 2 * SLICE_S, is_canceled)
        out.bound_by = "types"
        out.gap = max(0.0, (value - out.bound) / value)
        out.optimal = value <= out.bound + EPS
        out.seconds = time.perf_counter() - start
        return out
    out.method = "mip"
    lp = optimize.milp(c, constraints=constraints, integrality=np.zeros(len(c)), bounds=optimize.Bounds(0, 1),
                       options={"time_limit": max(0.05, min(SLICE_S, time_limit)), "presolve": True})
    if lp.status == 0 and lp.fun is not None:
        out.bound, out.bound_by = float(np.ceil(lp.fun - EPS)), "lp"
    optimal = np.isfinite(out.bound) and value <= out.bound + EPS
    while not optimal and time.perf_counter() - start < time_limit:
        check_canceled(is_canceled)
        cut = optimize.LinearConstraint(c[None, :], 0, value - 1)
        left = max(0.05, min(SLICE_S, time_limit - (time.perf_counter() - start)))
        result = optimize.milp(c, constraints=constraints + [cut], integrality=integrality,
                               bounds=optimize.Bounds(0, 1), options={"time_limit": left, "presolve": True})
        if result.status == 2:                  # nothing with fewer sites: the incumbent is optimal
            optimal, out.bound_by = True, "mip"
            break
        improved = False
        if result.x is not None:
            x = result.x[:len(cols_j)] > 0.5
            found = [np.sort(cols_j[x & (cols_t == i)]) for i in range(len(types))]
            if int(x.sum()) < value:
                chosen, value, improved = found, int(x.sum()), True
        dual = getattr(result, "mip_dual_bound", None)
        if dual is not None and np.isfinite(dual) and (not np.isfinite(out.bound) or dual > out.bound + EPS):
            out.bound, out.bound_by = float(np.ceil(min(value, dual) - EPS)), "mip"
        if result.status == 0:
            optimal, out.bound_by = True, "mip"
            break
        if not improved:
            break
    out.chosen, out.optimal = chosen, bool(optimal)
    if optimal:
        out.gap, out.bound = 0.0, float(value)
        out.bound_by = out.bound_by or "mip"
    elif np.isfinite(out.bound):
        out.gap = max(0.0, (value - out.bound) / value)
    out.seconds = time.perf_counter() - start
    return out
