"""Where to add emergency shelters so that enough residents find a *place* within walking distance:
capacitated covering location.

Sources: capacitated set covering and capacitated maximal covering (Current & Storbeck 1988,
Environment and Planning B 15: 153–163; Pirkul & Schilling 1991, Management Science 37: 233–248):
a site serves at most its capacity, so the residents are assigned to sites (the assignment of
``shelter.assign``) as well as the sites chosen. Here, per planning unit, a target share:

    min Σ_{j new} x_j                                        (fewest new shelters)
    s.t. Σ_j z_gj ≤ w_g                      every group g   (nobody placed twice)
         Σ_g z_gj ≤ Q_j · x_j                every new site j (capacity, persons)
         Σ_g z_ge ≤ Q_e                      every existing shelter e (always open)
         z_gj ≤ w_g · x_j                    every pair with a new site (implied by the two above
                                                              for integral x; tightens the LP bound)
         Σ_{g ∈ u} Σ_j z_gj ≥ need_u         every unit u
    or, with k sites: max Σ z_gj  s.t. the first four and Σ_j x_j ≤ k.

x_j ∈ {0, 1} opens candidate j; z_gj ≥ 0 persons of group g placed at site j, only for the pairs
within the walking distance d; w_g residents of the group (homes of one unit reaching the same
sites, exact; or, when the problem is too large, homes of one unit in one grid cell, reaching the
sites that reach *every* home of the cell, ``siting.aggregate``: conservative, so a solution of
the aggregated problem places its residents in reality too). Q = floor(effective area / m² per
person), ``shelter.capacities``. need_u = the unit's share of the most residents that can be placed
with every candidate open and no unit above t · W_u (a linear programme): a unit below t · W_u
there is short, because residents have no site within d (reach) or the sites in reach hold too
few (capacity).

Solved like ``siting.solve``: a greedy start (existing shelters filled first by the LP, then the
candidate placing the most residents still needed, capped at its room and each unit's need), then
HiGHS (``scipy.optimize.milp``) in slices of ``siting.SLICE_S`` s looking for strictly fewer sites
(or one more person), after the LP relaxation (x ∈ [0, 1]) has proven a bound in one slice: the gap
(incumbent − bound) / incumbent reported, the bound the better of the LP's and the MIP's; above
``siting.MAX_MIP_PAIRS``
group–site pairs the greedy answer is kept. Units: persons, m².
"""
import time
from dataclasses import dataclass

import numpy as np
from scipy import optimize, sparse

from .errors import check_canceled
from .siting import EPS, MAX_MIP_PAIRS, SLICE_S, build_problem

LP_TIME_S = SLICE_S   # HiGHS time for each assignment LP: the longest a Cancel waits on one


@dataclass
class CapProblem:
    """``cover`` (groups × sites) 0/1 CSR; ``weight`` residents and ``unit`` per group; ``capacity``
    (persons) and ``fixed`` (an existing shelter, always open) per site; ``goal`` t · W_u per unit."""
    cover: sparse.csr_matrix
    weight: np.ndarray
    unit: np.ndarray
    capacity: np.ndarray
    fixed: np.ndarray
    goal: np.ndarray

    def pairs(self):
        coo = self.cover.tocoo()
        order = np.lexsort((coo.col, coo.row))
        return coo.row[order].astype(np.int64), coo.col[order].astype(np.int64)


@dataclass
class CapSolution:
    """``chosen`` new sites (site indices), ``load`` persons per site in the model's assignment,
    ``need`` per unit, ``method``, ``optimal``, ``gap`` (0–1, NaN unknown), ``seconds``, ``note``,
    ``greedy`` the greedy's number of sites (or persons placed, with k), ``bound`` the best bound
    proven (new sites at least; persons at most with k; NaN none) and ``bound_by`` "lp" or "mip"
    (as ``siting.Solution``), ``stalled`` as there."""
    chosen: np.ndarray
    load: np.ndarray
    need: np.ndarray
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


def build(pair_home, pair_site, weight, unit, capacity, fixed, goal, cell=None, cell_pairs=None):
    """The ``CapProblem`` of homes (``weight`` residents, ``unit`` -1 outside every unit) and sites
    (``capacity`` persons, ``fixed`` existing) from the (home, site) pairs within the distance; with
    ``cell`` and ``cell_pairs`` from ``siting.aggregate``, of its demand points instead. Groups as
    ``siting.build_problem``. Returns the problem and the group of each home (or cell; -1: none)."""
    capacity = np.asarray(capacity, dtype=float)
    if cell is not None:
        inside = cell >= 0
        n_cells = int(cell.max(initial=-1)) + 1
        weight_c = np.bincount(cell[inside], weight[inside], n_cells)
        unit_c = np.full(n_cells, -1, dtype=np.int64)
        unit_c[cell[inside]] = unit[inside]
        weight, unit, (pair_home, pair_site) = weight_c, unit_c, cell_pairs
    covering, group = build_problem(np.asarray(pair_home, np.int64), np.asarray(pair_site, np.int64), len(capacity),
                                    np.asarray(weight, float), np.asarray(unit), np.zeros(len(weight), dtype=bool),
                                    np.ones(len(goal)))
    return CapProblem(covering.cover, covering.weight, covering.unit, capacity, np.asarray(fixed, dtype=bool),
                      np.asarray(goal, dtype=float)), group


def place(problem, open_, cap_unit=None, time_limit=None):
    """The most residents placed at the ``open_`` sites (a transportation LP, HiGHS), each unit at
    most ``cap_unit`` (None: uncapped). Returns persons per pair (order of ``problem.pairs()``), or
    None if HiGHS does not finish."""
    g, s = problem.pairs()
    live = np.flatnonzero(open_[s] & (problem.capacity[s] > 0) & (problem.weight[g] > 0))
    z = np.zeros(len(g))
    if not live.size:
        return z
    n = live.size
    rows = [sparse.csr_matrix((np.ones(n), (g[live], np.arange(n))), shape=(len(problem.weight), n)),
            sparse.csr_matrix((np.ones(n), (s[live], np.arange(n))), shape=(len(problem.capacity), n))]
    bound = [problem.weight, _finite_capacity(problem)]
    if cap_unit is not None:
        rows.append(sparse.csr_matrix((np.ones(n), (problem.unit[g[live]], np.arange(n))),
                                      shape=(len(cap_unit), n)))
        bound.append(np.maximum(cap_unit, 0.0))
    options = {} if time_limit is None else {"time_limit": float(time_limit)}
    solved = optimize.linprog(-np.ones(n), A_ub=sparse.vstack(rows).tocsr(), b_ub=np.concatenate(bound),
                              bounds=(0, None), method="highs", options=options)
    if solved.status != 0:
        return None
    z[live] = np.clip(solved.x, 0.0, None)
    return z


def unit_needs(problem, time_limit=None):
    """Per unit: ``need`` (persons to place, see the module docstring), ``reachable`` (residents
    within d of some site) and ``short`` (need below the goal)."""
    n_units = len(problem.goal)
    reach = np.asarray(problem.cover.sum(axis=1)).reshape(-1) > 0
    reachable = np.bincount(problem.unit, problem.weight * reach, n_units)
    z = place(problem, np.ones(len(problem.capacity), dtype=bool), problem.goal, time_limit)
    if z is None:                       # too slow: what reach alone allows (capacity then may fall short)
        need = np.minimum(problem.goal, reachable)
    else:
        g, _ = problem.pairs()
        need = np.minimum(np.bincount(problem.unit[g], z, n_units), problem.goal)
    need = np.where(need > EPS, need, 0.0)
    return {"need": need, "reachable": reachable, "short": need < problem.goal - 1e-6}


def greedy(problem, need, k=None, is_canceled=None):
    """New sites in the order the greedy opens them and the persons per pair it assigns: existing
    shelters filled first (the LP of ``place``, each unit at most its need), then each time the
    candidate whose room (capacity) and reachable residents still needed (capped at each unit's
    need; uncapped with ``k``) place the most, filled with the groups having the fewest sites in
    reach first; until every need is met, no candidate adds anyone, or k sites."""
    g, s = problem.pairs()
    n_units = len(problem.goal)
    cap_left = _finite_capacity(problem).copy()
    rem = np.full(n_units, np.inf) if k is not None else need.astype(float).copy()
    z = place(problem, problem.fixed, None if k is not None else rem, LP_TIME_S)
    if z is None:
        z = np.zeros(len(g))
    left = problem.weight - np.bincount(g, z, len(problem.weight))
    cap_left -= np.bincount(s, z, len(cap_left))
    rem -= np.bincount(problem.unit[g], z, n_units)
    open_ = problem.fixed.copy()
    degree = np.bincount(g, minlength=len(problem.weight))
    su, su_inv = np.unique(s * n_units + problem.unit[g], return_inverse=True)
    su_inv = su_inv.reshape(-1)
    su_site, su_unit = su // n_units, su % n_units
    by_site = np.argsort(s, kind="stable")
    starts = np.searchsorted(s[by_site], np.arange(len(cap_left) + 1))
    chosen = []
    while (k is None and (rem > EPS).any()) or (k is not None and len(chosen) < k):
        check_canceled(is_canceled)
        wanted = np.where(rem[problem.unit] > EPS, np.maximum(left, 0.0), 0.0)
        per_su = np.bincount(su_inv, wanted[g], len(su))
        per_su = np.minimum(per_su, rem[su_unit])
        gain = np.minimum(np.bincount(su_site, per_su, len(cap_left)), cap_left)
        gain[open_] = 0.0
        j = int(np.argmax(gain))
        if gain[j] <= EPS:
            break
        open_[j] = True
        chosen.append(j)
        pairs = by_site[starts[j]:starts[j + 1]]
        pairs = pairs[np.argsort(degree[g[pairs]], kind="stable")]
        for p in pairs:                  # the pairs of one site: a few hundred at most
            u = problem.unit[g[p]]
            take = min(left[g[p]], cap_left[j], rem[u])
            if take <= EPS:
                continue
            z[p] += take
            left[g[p]] -= take
            cap_left[j] -= take
            rem[u] -= take
            if cap_left[j] <= EPS:
                break
    return np.array(chosen, dtype=np.int64), z


def solve(problem, k=None, time_limit=10.0, max_pairs=MAX_MIP_PAIRS, is_canceled=None):
    """Fewest new sites meeting every unit's need (``k`` None) or the ``k`` placing the most
    residents: greedy, then the MIP of the module docstring in slices. Returns a ``CapSolution``."""
    start = time.perf_counter()
    check_canceled(is_canceled)      # each LP below holds Python's lock: look before starting one
    needs = unit_needs(problem, time_limit=LP_TIME_S)
    check_canceled(is_canceled)
    need = needs["need"]
    chosen, z = greedy(problem, need, k, is_canceled)
    greedy_value = len(chosen) if k is None else float(z.sum())
    g, s = problem.pairs()
    n_sites = len(problem.capacity)

    def done(chosen, z, method, optimal, gap, note="", bound=None, bound_by="", stalled=False):
        if bound is not None and k is None:
            bound = float(np.ceil(bound - EPS))
        return CapSolution(chosen, np.bincount(s, z, n_sites), need, method, optimal, gap,
                           time.perf_counter() - start, note, greedy_value, 0,
                           np.nan if bound is None else float(bound), bound_by, stalled)

    if k is None and not len(chosen):
        return done(chosen, z, "mip", True, 0.0)
    if len(g) > max_pairs:
        return done(chosen, z, "greedy", False, np.nan, f"{len(g)} pairs > {max_pairs}")
    model = _model(problem, need, k)
    value = len(chosen) if k is None else float(z.sum())
    check_canceled(is_canceled)
    relaxed = optimize.milp(model["c"], constraints=model["rows"], integrality=np.zeros(len(model["c"])),
                            bounds=model["bounds"], options={"time_limit": max(0.05, min(SLICE_S, time_limit)),
                                                             "presolve": True})
    bound, bound_by = None, ""
    if relaxed.status == 0 and relaxed.fun is not None:       # sites at least / persons at most
        bound, bound_by = (float(np.ceil(relaxed.fun - EPS)), "lp") if k is None else (float(-relaxed.fun), "lp")
    optimal = bound is not None and (value <= bound + EPS if k is None else value >= bound - EPS)
    stalled = False
    while not optimal and time.perf_counter() - start < time_limit:
        check_canceled(is_canceled)
        left = max(0.05, min(SLICE_S, time_limit - (time.perf_counter() - start)))
        result = optimize.milp(model["c"], constraints=model["rows"] + [model["cut"](value)],
                               integrality=model["integrality"], bounds=model["bounds"],
                               options={"time_limit": left, "presolve": True})
        if result.status == 2:           # nothing strictly better: the incumbent is optimal
            optimal, bound, bound_by = True, value, "mip"
            break
        improved = False
        if result.x is not None:
            x, zz = result.x[:n_sites], np.clip(result.x[n_sites:], 0.0, None)
            found = np.flatnonzero((x > 0.5) & ~problem.fixed)
            new_value = len(found) if k is None else float(zz.sum())
            if (new_value < value) if k is None else (new_value > value + EPS):
                chosen, z, value, improved = found, zz, new_value, True
        dual = getattr(result, "mip_dual_bound", None)
        if dual is not None and np.isfinite(dual):
            this = min(value, dual) if k is None else max(value, -dual)
            if bound is None or (this > bound + EPS if k is None else this < bound - EPS):
                bound, bound_by = this, "mip"
        if result.status == 0:
            optimal, bound, bound_by = True, value, "mip"
            break
        if not improved:
            stalled = True
            break
    if optimal:
        gap = 0.0
    elif bound is None:
        gap = np.nan
    elif k is None:
        gap = max(0.0, (value - np.ceil(bound - EPS)) / value) if value else 0.0
    else:
        gap = max(0.0, (bound - value) / bound) if bound > 0 else 0.0
    return done(np.asarray(chosen, dtype=np.int64), z, "mip", optimal, gap, bound=bound, bound_by=bound_by,
                stalled=stalled)


def _finite_capacity(problem):
    """Capacities with an unknown (infinite or NaN) one replaced by every resident: no limit."""
    cap = np.asarray(problem.capacity, dtype=float)
    return np.where(np.isfinite(cap), np.clip(cap, 0.0, None), float(problem.weight.sum()) + 1.0)


def _model(problem, need, k):
    """Objective, constraint rows, a function giving the cut for a value, integrality, bounds over
    the variables [x (one per site), z (one per pair)]."""
    g, s = problem.pairs()
    n_s, n_p = len(problem.capacity), len(g)
    cap = _finite_capacity(problem)
    col = n_s + np.arange(n_p)
    group = sparse.csr_matrix((np.ones(n_p), (g, col)), shape=(len(problem.weight), n_s + n_p))
    site = sparse.csr_matrix((np.r_[np.ones(n_p), -cap], (np.r_[s, np.arange(n_s)], np.r_[col, np.arange(n_s)])),
                             shape=(n_s, n_s + n_p))
    new = np.flatnonzero(~problem.fixed[s])
    link = sparse.csr_matrix((np.r_[np.ones(new.size), -problem.weight[g[new]]],
                              (np.r_[np.arange(new.size), np.arange(new.size)], np.r_[col[new], s[new]])),
                             shape=(new.size, n_s + n_p))
    rows = [optimize.LinearConstraint(group, -np.inf, problem.weight),
            optimize.LinearConstraint(site, -np.inf, 0.0),
            optimize.LinearConstraint(link, -np.inf, 0.0)]
    count = np.r_[(~problem.fixed).astype(float), np.zeros(n_p)][None, :]
    if k is None:
        live = np.flatnonzero(need > 0)
        at = np.flatnonzero(np.isin(problem.unit[g], live))
        units = sparse.csr_matrix((np.ones(at.size), (np.searchsorted(live, problem.unit[g[at]]), col[at])),
                                  shape=(live.size, n_s + n_p))
        rows.append(optimize.LinearConstraint(units, need[live] - EPS, np.inf))
        c = count.reshape(-1)

        def cut(value):
            return optimize.LinearConstraint(count, 0, value - 1)
    else:
        rows.append(optimize.LinearConstraint(count, 0, k))
        c = np.r_[np.zeros(n_s), -np.ones(n_p)]
        step = max(EPS, min(1.0, float(problem.weight[problem.weight > 0].min(initial=1.0))))

        def cut(value):
            return optimize.LinearConstraint(np.r_[np.zeros(n_s), np.ones(n_p)][None, :], value + step - EPS, np.inf)
    lower = problem.fixed.astype(float)
    bounds = optimize.Bounds(np.r_[lower, np.zeros(n_p)], np.r_[np.ones(n_s), np.full(n_p, np.inf)])
    return {"c": c, "rows": rows, "cut": cut, "integrality": np.r_[np.ones(n_s), np.zeros(n_p)], "bounds": bounds}


def top_up_site(unit, weight, assigned, need, capacity, open_, pair_home, pair_site):
    """The closed site that would take the most residents still without a place in units whose
    placed residents (``assigned`` per home, from ``shelter.assign``) are below their ``need``: their
    unplaced residents within reach, capped at its capacity. -1 where no unit is short or no site
    helps. ``shelter.assign`` places the most residents over all units, then the nearest: where
    capacity binds it may give a unit's places to another unit's residents, which the MIP's own
    assignment did not; a site added here gives the short unit room."""
    inside = unit >= 0
    placed = np.bincount(unit[inside], assigned[inside], len(need))
    short = placed < need - 1e-6
    want = np.where(inside & short[np.maximum(unit, 0)], np.maximum(weight - assigned, 0.0), 0.0)
    closed = ~open_[pair_site]
    score = np.bincount(pair_site[closed], want[pair_home[closed]], len(open_))
    score = np.minimum(score, np.nan_to_num(capacity, posinf=np.inf))
    best = int(np.argmax(score)) if len(score) else -1
    return best if best >= 0 and score[best] > 1e-6 else -1
