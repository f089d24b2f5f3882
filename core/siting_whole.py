"""The whole life circle: every facility type sited at once (see ``siting`` for one type).

A home counts in the 15-minute life-circle coverage (full_pct of life_circle.py) only where it reaches
*every* facility type. Siting each type to the target t alone leaves the share reaching all of them far
lower (the homes each type reaches differ); siting each for 100 − (100 − t)/n % (the union bound) reaches
t but over-builds. Here the types are sited jointly:

   min Σ_t Σ_j x_tj
   s.t. y_g ≤ Σ_{j ∈ N_t(g)} x_tj         for every group g and every type t not already reaching g
        Σ_{g ∈ u} w_g · y_g ≥ need_u       for every unit u

with need_u = max(0, t · W_u − F_u) (F_u: residents already reaching every type), capped at what can reach
every type (each type covered or with an eligible candidate within its distance). The sequential start
sites the types in turn, scarcest first, each covering only the homes every type before it reaches, with
the unit's target carried over (so the homes left after the last type reach all types and number at least
the target); its redundant sites are then dropped across all types, and the joint MIP above (HiGHS, in
slices, strictly better solutions only, as ``solve``) improves on it or proves it optimal when small.
"""
import time
from dataclasses import dataclass

import numpy as np
from scipy import optimize, sparse

from . import siting
from .errors import check_canceled


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
    """``siting.unit_needs`` for the share reaching every type: covered = reaching all types already, reachable =
    able to reach all of them."""
    full, reachable = reach_all(types, len(weight))
    return siting.unit_needs(weight, unit, full, reachable & ~full, n_units, target)


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
                     max_pairs=siting.MAX_MIP_PAIRS, is_canceled=None):
    """Types sited in turn (``order``, default ``scarcest_order``): type k covers, among the homes every type
    before it reaches (at first: those able to reach all types), max(0, t · W_u − those it reaches already)
    per unit, capped at all of them, by ``siting.solve`` (with ``siting.aggregated_problem`` above
    ``max_pairs`` when ``xy`` and ``cells`` are given). Returns the chosen candidates per type and the order."""
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
        need = np.where(need > siting.EPS, need, 0.0)
        problem, _ = siting.build_problem(t.pair_home, t.pair_cand, t.n_candidates, weight, u, t.covered, need)
        if problem.cover.nnz > max_pairs and xy is not None and len(cells):
            problem, _ = siting.aggregated_problem(xy, t.pair_home, t.pair_cand, t.n_candidates, weight, u, t.covered,
                                            need, cells, max_pairs)
        left = max(0.5, (time_limit - (time.perf_counter() - start)) / (len(order) - step))
        solution = siting.solve(problem, None, left, max_pairs, is_canceled)
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
            if (drop <= slack + siting.EPS).all():
                kept[i][s] = False
                count[i][rows] -= 1
                full[lost] = False
                slack -= drop
    return [c[k] for c, k in zip(chosen, kept)]


def type_bound(types, weight, unit, n_units, target, time_limit=siting.SLICE_S, is_canceled=None):
    """A lower bound of the sites of every joint solution: each type alone must reach the residents
    required to reach all types (min(t · W_u, those able to)), so needs at least ⌈LP⌉ sites of its own
    one-type problem (the LP relaxation, ``siting.lp_bound``, within ``time_limit`` s; at least 1 site where
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
        need = np.where(need > siting.EPS, need, 0.0)
        if not need.any():
            continue
        problem, _ = siting.build_problem(t.pair_home, t.pair_cand, t.n_candidates, weight, unit, t.covered, need)
        bound = siting.lp_bound(problem, None, time_limit) if problem.cover.nnz else None
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
                   optimize.LinearConstraint(a, needs["need"][live] - siting.EPS, np.inf)]
    c_obj = np.r_[np.ones(m), np.zeros(g)]
    return c_obj, constraints, np.r_[np.ones(m), np.zeros(g)], (cols_t, cols_j), int((c < m).sum())


def solve_whole(types, weight, unit, n_units, target, time_limit=10.0, max_pairs=siting.MAX_MIP_PAIRS, xy=None,
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
        out.bound = type_bound(types, weight, unit, n_units, target, 2 * siting.SLICE_S, is_canceled)
        out.bound_by = "types"
        out.gap = max(0.0, (value - out.bound) / value)
        out.optimal = value <= out.bound + siting.EPS
        out.seconds = time.perf_counter() - start
        return out
    out.method = "mip"
    lp = optimize.milp(c, constraints=constraints, integrality=np.zeros(len(c)), bounds=optimize.Bounds(0, 1),
                       options={"time_limit": max(0.05, min(siting.SLICE_S, time_limit)), "presolve": True})
    if lp.status == 0 and lp.fun is not None:
        out.bound, out.bound_by = float(np.ceil(lp.fun - siting.EPS)), "lp"
    optimal = np.isfinite(out.bound) and value <= out.bound + siting.EPS
    while not optimal and time.perf_counter() - start < time_limit:
        check_canceled(is_canceled)
        cut = optimize.LinearConstraint(c[None, :], 0, value - 1)
        left = max(0.05, min(siting.SLICE_S, time_limit - (time.perf_counter() - start)))
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
        if dual is not None and np.isfinite(dual) and (not np.isfinite(out.bound) or dual > out.bound + siting.EPS):
            out.bound, out.bound_by = float(np.ceil(min(value, dual) - siting.EPS)), "mip"
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
