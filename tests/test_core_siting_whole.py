"""The whole life circle: every facility type sited jointly so that a share of residents reaches all of
them; the sequential start, the joint MIP and a brute-force optimum on small hand-built cases."""
import itertools

import numpy as np
import pytest

from lcr_toolkit.core import siting


def reach(pairs, n, covered=(), m=None, name=""):
    ph, pc = (np.array(c, dtype=np.int64) for c in zip(*pairs)) if pairs else (np.zeros(0, np.int64),) * 2
    cov = np.zeros(n, dtype=bool)
    cov[list(covered)] = True
    return siting.TypeReach(ph, pc, cov, m or int(pc.max(initial=-1)) + 1, name)


def brute_force(types, weight, unit, target):
    """Fewest (type, candidate) sites with each unit's share reaching every type ≥ the target (or all who can)."""
    weight, unit = np.asarray(weight, float), np.asarray(unit)
    n_units = unit.max() + 1
    required = siting.whole_required(types, weight, unit, n_units, target)
    options = [(i, j) for i, t in enumerate(types) for j in np.unique(t.pair_cand)]
    for size in range(len(options) + 1):
        for subset in itertools.combinations(options, size):
            chosen = [np.array([j for i2, j in subset if i2 == i], dtype=np.int64) for i in range(len(types))]
            full = siting.full_after(types, chosen, len(weight))
            if (np.bincount(unit, weight * full, n_units) >= required - 1e-9).all():
                return size
    return None


# Eight homes of 10 residents h0–h7, one unit, target 50 %: 40 residents must reach both types.
# Kindergartens: K0 reaches h0–h3, K1 h4–h7, K2 h2–h5. Markets: M0 reaches h0–h1, M1 h2–h5, M2 h6–h7.
# Each type alone for 50 %: K0 (or K1, K2) and M1, which share only h2, h3 (or all of h2–h5 for K2 and
# M1: the best). Two sites suffice (K2 + M1 give h2–h5, 40 residents); the union bound would site each
# type for 75 %: K0+K1 and M0+M1+M2 or so, four or five.
KG = [(0, 0), (1, 0), (2, 0), (3, 0), (4, 1), (5, 1), (6, 1), (7, 1), (2, 2), (3, 2), (4, 2), (5, 2)]
MK = [(0, 0), (1, 0), (2, 1), (3, 1), (4, 1), (5, 1), (6, 2), (7, 2)]


def test_two_types_jointly_match_the_brute_force():
    types = [reach(KG, 8, name="kg"), reach(MK, 8, name="mk")]
    weight, unit = np.full(8, 10.0), np.zeros(8, dtype=int)
    solution = siting.solve_whole(types, weight, unit, 1, 0.5)
    assert brute_force(types, weight, unit, 0.5) == 2 == solution.n_sites
    assert [c.tolist() for c in solution.chosen] == [[2], [1]]
    assert solution.optimal and solution.gap == 0.0
    full = siting.full_after(types, solution.chosen, 8)
    assert full.tolist() == [False, False, True, True, True, True, False, False]


def test_sequential_start_counts_only_homes_the_earlier_types_reach():
    # An existing market reaches h0, h1: the market is then the less scarce type, so kindergartens go first;
    # with 75 % (60 residents) both types must reach 6 homes.
    types = [reach(KG, 8, name="kg"), reach(MK, 8, covered=(0, 1), name="mk")]
    weight, unit = np.full(8, 10.0), np.zeros(8, dtype=int)
    assert siting.scarcest_order(types, weight, np.ones(8, bool)) == [0, 1]
    chosen, order = siting.sequential_whole(types, weight, unit, 1, 0.75)
    full = siting.full_after(types, chosen, 8)
    assert (10.0 * full).sum() >= 60.0
    solution = siting.solve_whole(types, weight, unit, 1, 0.75)
    assert solution.n_sites == brute_force(types, weight, unit, 0.75)


@pytest.mark.parametrize("seed", range(12))
def test_random_small_cases_match_the_brute_force(seed):
    """Three types, two units, random reach: the MIP's count is the brute force's, and its sites reach the
    target in every unit."""
    rng = np.random.default_rng(seed)
    n = 9
    weight = rng.integers(1, 20, n).astype(float)
    unit = np.array([0] * 5 + [1] * 4)
    types = []
    for i in range(3):
        pairs = [(h, j) for h in range(n) for j in range(3) if rng.random() < 0.35]
        types.append(reach(pairs, n, covered=np.flatnonzero(rng.random(n) < 0.2), m=3, name=str(i)))
    target = float(rng.choice([0.5, 0.7, 0.9]))
    solution = siting.solve_whole(types, weight, unit, 2, target)
    assert solution.optimal
    assert solution.n_sites == brute_force(types, weight, unit, target)
    required = siting.whole_required(types, weight, unit, 2, target)
    full = siting.full_after(types, solution.chosen, n)
    assert (np.bincount(unit, weight * full, 2) >= required - 1e-9).all()
    # The sequential start (pruned) also meets the target, with at least as many sites.
    chosen, _ = siting.sequential_whole(types, weight, unit, 2, target)
    assert (np.bincount(unit, weight * siting.full_after(types, chosen, n), 2) >= required - 1e-9).all()
    assert sum(map(len, chosen)) >= solution.n_sites


def test_unreachable_type_caps_the_need():
    # No market candidate reaches h6, h7: at most 6 of 8 homes can reach both; 100 % asks for those 6.
    types = [reach(KG, 8), reach(MK[:-2], 8)]
    weight, unit = np.full(8, 10.0), np.zeros(8, dtype=int)
    needs = siting.whole_needs(types, weight, unit, 1, 1.0)
    assert needs["short"].tolist() == [True] and needs["reachable"].tolist() == [60.0]
    solution = siting.solve_whole(types, weight, unit, 1, 1.0)
    assert siting.full_after(types, solution.chosen, 8).sum() == 6
    assert solution.n_sites == brute_force(types, weight, unit, 1.0) == 4


def test_each_type_alone_bounds_the_joint_answer():
    # Each type alone needs two sites for 75 % (K0+K1 or such; M0+M1 …): at least 4 in all; with 50 %, K2
    # alone or M1 alone: at least 2, which the joint optimum (2) attains.
    types = [reach(KG, 8, name="kg"), reach(MK, 8, name="mk")]
    weight, unit = np.full(8, 10.0), np.zeros(8, dtype=int)
    assert siting.type_bound(types, weight, unit, 1, 0.5) == 2
    assert siting.type_bound(types, weight, unit, 1, 0.75) == 4 <= brute_force(types, weight, unit, 0.75)
    # Too large for the joint MIP (max_pairs 1): the sequential answer and its gap against that bound.
    solution = siting.solve_whole(types, weight, unit, 1, 0.75, max_pairs=1)
    assert solution.method == "sequential" and solution.bound_by == "types" and solution.bound == 4
    assert solution.gap == pytest.approx((solution.n_sites - 4) / solution.n_sites)


# Merged into 100 m cells, h0 (10, 10) and h1 (60, 20) share a cell that reaches no kindergarten site (K0 reaches
# only h0, K1 only h1: a demand point reaches the sites reaching *every* home of its cell); h2 (150, 10) is alone in
# its cell, reached by K2. Markets already reach every home. 5, 5 and 10 residents, one unit, target 100 %.
CELL_XY = np.array([[10.0, 10.0], [60.0, 20.0], [150.0, 10.0]])
CELL_KG = [(0, 0), (1, 1), (2, 2)]


def test_top_up_completes_on_the_homes_what_the_cells_cannot_reach():
    weight, unit, covered = np.array([5.0, 5.0, 10.0]), np.zeros(3, dtype=int), np.zeros(3, dtype=bool)
    ph, pc = (np.array(c) for c in zip(*CELL_KG))
    needs = siting.unit_needs(weight, unit, covered, np.ones(3, bool), 1, 1.0)
    exact, group = siting.build_problem(ph, pc, 3, weight, unit, covered, needs["need"])
    cells, _ = siting.aggregated_problem(CELL_XY, ph, pc, 3, weight, unit, covered, needs["need"], (100.0,))
    # The cells can reach only h2's 10 residents: their need is capped there, and K2 alone meets it ...
    assert needs["need"].tolist() == [20.0] and cells.need.tolist() == [10.0]
    assert siting.solve(cells).chosen.tolist() == [2]
    # ... which leaves the homes 10 short: K0 and K1 are added for h0 and h1.
    assert siting.top_up(exact, [2]).tolist() == [0, 1, 2]
    # The whole is pruned on the homes: a site of the coarse answer the added ones make redundant goes (a
    # fourth candidate K3 reaching h2 too, kept after K2).
    wide = siting.Problem(*_with_site_reaching(exact, rows=[group[2]]))
    assert siting.top_up(wide, [3, 2]).tolist() == [0, 1, 2]


def _with_site_reaching(problem, rows):
    """``problem`` with one more candidate (index m) reaching the given groups."""
    cover = problem.cover.tolil()
    cover.resize(cover.shape[0], cover.shape[1] + 1)
    for r in rows:
        cover[r, cover.shape[1] - 1] = 1.0
    return cover.tocsr(), problem.weight, problem.unit, problem.need


def test_sequential_start_reaches_the_target_where_the_cells_cap_the_need():
    # Above max_pairs the kindergartens are sited on the 100 m cells: K2 alone left 10 of the 20 residents
    # required reaching both types (the unit below its target, which no later type or pruning gives back).
    types = [reach(CELL_KG, 3, name="kg"), reach([], 3, covered=(0, 1, 2), m=1, name="mk")]
    weight, unit = np.array([5.0, 5.0, 10.0]), np.zeros(3, dtype=int)
    required = siting.whole_required(types, weight, unit, 1, 1.0)
    chosen, _ = siting.sequential_whole(types, weight, unit, 1, 1.0, xy=CELL_XY, cells=(100.0,), max_pairs=1)
    assert required.tolist() == [20.0] and [c.tolist() for c in chosen] == [[0, 1, 2], []]
    solution = siting.solve_whole(types, weight, unit, 1, 1.0, max_pairs=1, xy=CELL_XY, cells=(100.0,))
    assert solution.method == "sequential" and solution.n_sites == 3
    assert siting.full_after(types, solution.chosen, 3).tolist() == [True, True, True]
    assert siting.meets(types, solution.chosen, weight, unit, 1, required)
    assert not siting.meets(types, [np.array([2]), np.zeros(0, np.int64)], weight, unit, 1, required)


@pytest.mark.parametrize("seed", range(6))
def test_sequential_start_on_cells_meets_every_unit_on_the_homes(seed):
    # 300 homes and 30 candidates per type over 1 km², 200 and 300 m straight-line reach, two units; cells of
    # 250 m, as large as the reach (a cell's homes share few sites, so the cells reach less than the homes and
    # their need is capped): each unit's residents reaching both types still number what whole_required asks
    # (on the cells alone every seed fell short).
    rng = np.random.default_rng(seed)
    homes = rng.uniform(0, 1000, (300, 2))
    weight, unit = rng.integers(1, 20, 300).astype(float), (homes[:, 0] > 500).astype(int)
    types = []
    for d in (200.0, 300.0):
        sites = rng.uniform(0, 1000, (30, 2))
        near = np.hypot(*(homes[:, None, :] - sites[None, :, :]).transpose(2, 0, 1)) <= d
        types.append(reach(list(zip(*np.nonzero(near))), 300, m=30))
    required = siting.whole_required(types, weight, unit, 2, 0.8)
    chosen, _ = siting.sequential_whole(types, weight, unit, 2, 0.8, xy=homes, cells=(250.0,), max_pairs=10)
    got = np.bincount(unit, weight * siting.full_after(types, chosen, 300), 2)
    assert (got >= required - 1e-9).all(), (got, required)
    # pruned across the types (the joint MIP too large at 10 pairs), the answer still meets it, with no more sites
    solution = siting.solve_whole(types, weight, unit, 2, 0.8, xy=homes, cells=(250.0,), max_pairs=10)
    assert siting.meets(types, solution.chosen, weight, unit, 2, required)
    assert solution.method == "sequential" and solution.n_sites <= sum(map(len, chosen))
