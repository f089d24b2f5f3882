"""Capacitated shelter siting: the MIP against a brute-force optimum checked by an independent max flow, the
greedy never below it, a hand-worked case where capacity needs more sites, and the conservative aggregation."""
import itertools

import numpy as np
import pytest
from scipy import sparse
from scipy.sparse import csgraph

from lcr_toolkit.core import shelter, siting
from lcr_toolkit.core import shelter_siting as ss
from lcr_toolkit.core.errors import Canceled


def feasible(pairs, weight, unit, capacity, open_, goal):
    """Whether the open sites can place goal_u residents of every unit u: a max flow (Edmonds–Karp, not the LP
    of the module) source → unit (goal_u) → home (residents) → site (any) → sink (capacity); integers only."""
    n_u, n_h, n_s = len(goal), len(weight), len(capacity)
    src, sink = 0, 1 + n_u + n_h + n_s
    u0, h0, s0 = 1, 1 + n_u, 1 + n_u + n_h
    edges = [(src, u0 + u, int(goal[u])) for u in range(n_u)]
    edges += [(u0 + unit[h], h0 + h, int(weight[h])) for h in range(n_h)]
    edges += [(h0 + h, s0 + s, 10 ** 6) for h, s in pairs if open_[s]]
    edges += [(s0 + s, sink, int(capacity[s])) for s in range(n_s) if open_[s]]
    a, b, c = (np.array(v, dtype=np.int32) for v in zip(*edges))
    graph = sparse.csr_matrix((c, (a, b)), shape=(sink + 1, sink + 1))
    return csgraph.maximum_flow(graph, src, sink).flow_value == int(sum(goal))


def brute_force(pairs, weight, unit, capacity, fixed, goal):
    """Fewest new sites (every subset, smallest first) letting the max flow place every goal; None if none does."""
    new = [s for s in range(len(capacity)) if not fixed[s]]
    for size in range(len(new) + 1):
        for subset in itertools.combinations(new, size):
            open_ = np.array(fixed, dtype=bool)
            open_[list(subset)] = True
            if feasible(pairs, weight, unit, capacity, open_, goal):
                return size
    return None


def make(pairs, weight, unit, capacity, fixed, target):
    weight, unit = np.asarray(weight, float), np.asarray(unit)
    goal = target * np.bincount(unit, weight, int(unit.max()) + 1)
    ph, ps = (np.array(v, dtype=np.int64) for v in zip(*pairs))
    return ss.build(ph, ps, weight, unit, capacity, fixed, goal)[0], goal


# Four homes of 50 residents at x = 0, 100, 200, 300. Site A at x = 150 reaches all four (≤ 150 m) and holds 120;
# B at x = 0 reaches homes 0, 1 and C at x = 300 homes 2, 3, each holding 100. Everyone to be placed: 200 persons.
HAND = [(0, 0), (1, 0), (2, 0), (3, 0), (0, 1), (1, 1), (2, 2), (3, 2)]
HAND_CAP = [120.0, 100.0, 100.0]


def test_capacity_needs_more_sites_than_reach_alone():
    # Uncapacitated (every site within reach counts as serving): A alone covers all four homes.
    covering, _ = siting.build_problem(*(np.array(v) for v in zip(*HAND)), 3, np.full(4, 50.0), np.zeros(4, int),
                                       np.zeros(4, bool), np.array([200.0]))
    assert siting.solve(covering).chosen.tolist() == [0]
    # With capacities A takes 120 and 80 are left: a second site. Two is the fewest (B + C hold 200 too).
    p, goal = make(HAND, [50] * 4, [0] * 4, HAND_CAP, [False] * 3, 1.0)
    solution = ss.solve(p)
    assert len(solution.chosen) == 2 and solution.optimal and solution.gap == 0.0
    # The LP relaxation already proves it: A whole (120) and 0.8 of B or C (80) is 1.8 sites at best, ⌈1.8⌉ = 2.
    assert (solution.bound, solution.bound_by) == (2.0, "lp")
    assert solution.load.sum() == pytest.approx(200.0)
    assert (solution.load <= np.array(HAND_CAP) + 1e-6).all()
    assert brute_force(HAND, [50] * 4, [0] * 4, HAND_CAP, [False] * 3, goal) == 2
    # The greedy opens A (120 placed) first, then B or C for the 80 left on its side: also two here.
    chosen, z = ss.greedy(p, ss.unit_needs(p)["need"])
    assert chosen[0] == 0 and len(chosen) == 2 and z.sum() == pytest.approx(200.0)


def test_existing_shelter_capacity_counts_and_short_units():
    # An existing shelter at B's place (fixed) holding 100: one more site (C or A) does it.
    p, _ = make(HAND, [50] * 4, [0] * 4, HAND_CAP, [False, True, False], 1.0)
    solution = ss.solve(p)
    assert len(solution.chosen) == 1 and solution.chosen[0] in (0, 2)
    # A holding 40 and C 10: every site together places 150 of the 200 residents in reach; the unit is short by
    # capacity, its need is 150, and all three sites are needed for it.
    p, _ = make(HAND, [50] * 4, [0] * 4, [40.0, 100.0, 10.0], [False] * 3, 1.0)
    needs = ss.unit_needs(p)
    assert needs["need"].tolist() == pytest.approx([150.0]) and needs["short"].tolist() == [True]
    assert needs["reachable"].tolist() == [200.0]
    assert len(ss.solve(p).chosen) == 3


@pytest.mark.parametrize("seed", range(10))
def test_mip_equals_brute_force_and_greedy_is_never_better(seed):
    rng = np.random.default_rng(seed)
    n, m = 10, 7
    pairs = sorted({(int(h), int(s)) for h, s in zip(rng.integers(0, n, 28), rng.integers(0, m, 28))})
    weight = 2 * rng.integers(1, 15, n)                      # even: half of a unit is whole persons
    unit = rng.integers(0, 2, n)
    capacity = rng.integers(10, 60, m).astype(float)
    fixed = np.zeros(m, dtype=bool)
    fixed[0] = True
    for target in (0.5, 1.0):
        p, goal = make(pairs, weight, unit, capacity, fixed, target)
        needs = ss.unit_needs(p)
        if needs["short"].any():                              # not every goal can be met: compare the needs
            goal = np.round(needs["need"], 6)
            assert feasible(pairs, weight, unit, capacity, np.ones(m, bool), np.floor(goal + 1e-6))
            continue
        optimum = brute_force(pairs, weight, unit, capacity, fixed, goal)
        solution = ss.solve(p)
        assert solution.optimal and len(solution.chosen) == optimum, (seed, target)
        open_ = fixed.copy()
        open_[solution.chosen] = True
        assert feasible(pairs, weight, unit, capacity, open_, goal)
        assert len(ss.greedy(p, needs["need"])[0]) >= optimum


@pytest.mark.parametrize("seed", range(6))
def test_best_k_equals_brute_force(seed):
    rng = np.random.default_rng(100 + seed)
    n, m, k = 9, 6, 2
    pairs = sorted({(int(h), int(s)) for h, s in zip(rng.integers(0, n, 24), rng.integers(0, m, 24))})
    weight = rng.integers(1, 30, n).astype(float)
    capacity = rng.integers(10, 80, m).astype(float)
    p, _ = make(pairs, weight, [0] * n, capacity, [False] * m, 1.0)
    best = 0.0
    for subset in itertools.combinations(range(m), k):
        open_ = np.zeros(m, bool)
        open_[list(subset)] = True
        best = max(best, ss.place(p, open_).sum())
    solution = ss.solve(p, k=k)
    assert len(solution.chosen) <= k and solution.load.sum() == pytest.approx(best)
    assert ss.greedy(p, None, k=k)[1].sum() <= best + 1e-6


def test_greedy_kept_above_the_size_and_cancel():
    p, _ = make(HAND, [50] * 4, [0] * 4, HAND_CAP, [False] * 3, 1.0)
    solution = ss.solve(p, max_pairs=3)
    assert solution.method == "greedy" and np.isnan(solution.gap) and len(solution.chosen) == 2
    with pytest.raises(Canceled):
        ss.solve(p, is_canceled=lambda: True)


def test_aggregation_is_conservative():
    # Homes 0, 1 share a 100 m cell of unit 0; site 0 reaches both, site 1 only home 1; home 2 alone in a cell.
    xy = np.array([[10.0, 10.0], [60.0, 20.0], [150.0, 10.0]])
    cell, pc, ps = siting.aggregate(xy, np.zeros(3, int), np.ones(3, bool), np.array([0, 1, 1, 2]),
                                    np.array([0, 0, 1, 1]), 100.0)
    assert cell.tolist() == [0, 0, 1]
    assert sorted(zip(pc.tolist(), ps.tolist())) == [(0, 0), (1, 1)]
    p, _ = ss.build(None, None, np.array([5.0, 7.0, 3.0]), np.zeros(3, int), [100.0, 100.0], [False, False],
                    np.array([15.0]), cell, (pc, ps))
    assert sorted(p.weight.tolist()) == [3.0, 12.0]


def test_aggregated_covering_answer_holds_for_the_homes():
    # 400 homes and 40 candidates scattered over 1 km², 250 m straight-line reach, two units (west, east half).
    rng = np.random.default_rng(7)
    homes, sites = rng.uniform(0, 1000, (400, 2)), rng.uniform(0, 1000, (40, 2))
    near = np.hypot(*(homes[:, None, :] - sites[None, :, :]).transpose(2, 0, 1)) <= 250
    ph, pc = np.nonzero(near)
    weight, unit = rng.integers(1, 20, 400).astype(float), (homes[:, 0] > 500).astype(int)
    covered = np.zeros(400, bool)
    needs = siting.unit_needs(weight, unit, covered, near.any(axis=1), 2, 0.6)
    exact, _ = siting.build_problem(ph, pc, 40, weight, unit, covered, needs["need"])
    small, cell_m = siting.aggregated_problem(homes, ph, pc, 40, weight, unit, covered, needs["need"],
                                              (25.0, 50.0, 100.0, 200.0), max_pairs=exact.cover.nnz // 3)
    # 1,242 exact pairs; 25, 50 and 100 m cells leave more than 414, 200 m cells 97.
    assert (exact.cover.nnz, cell_m, small.cover.nnz) == (1242, 200.0, 97)
    assert small.need.tolist() == pytest.approx(needs["need"].tolist())     # every unit can still reach 60 %
    solution = siting.solve(small)
    hit = near[:, solution.chosen].any(axis=1)
    got = np.bincount(unit, weight * hit, 2)
    assert (got >= needs["need"] - 1e-6).all()         # what the demand points promise, the homes get
    # The price of cells almost as large as the reach: 6 sites where the exact optimum needs 4.
    assert (len(solution.chosen), len(siting.solve(exact).chosen)) == (6, 4)


def test_top_up_when_the_nearest_first_assignment_moves_places_between_units():
    # Unit 0: home a (100 residents, 100 m from S); unit 1: home b (100, 50 m from S). S holds 100, 50 % of each
    # unit is the goal: the MIP's own assignment gives 50 to each. lcr:shelter_coverage's assignment places the
    # most (100 either way), then the nearest: all of b. Unit 0 has 0 of its 50; T (reaching a only) tops it up.
    weight, unit = np.array([100.0, 100.0]), np.array([0, 1])
    pb, ps, dist = np.array([0, 1, 0]), np.array([0, 0, 1]), np.array([100.0, 50.0, 80.0])
    capacity = np.array([100.0, 100.0])
    p, _ = ss.build(pb, ps, weight, unit, capacity, [False, False], np.array([50.0, 50.0]))
    solution = ss.solve(p)
    assert solution.chosen.tolist() == [0] and solution.load.tolist() == [100.0, 0.0]
    open_ = np.array([True, False])
    after = shelter.assign(2, weight, capacity * open_, pb[open_[ps]], ps[open_[ps]], dist[open_[ps]])
    assert after["assigned"].tolist() == [0.0, 100.0]
    assert ss.top_up_site(unit, weight, after["assigned"], solution.need, capacity, open_, pb, ps) == 1
    open_[1] = True
    after = shelter.assign(2, weight, capacity * open_, pb, ps, dist)
    assert ss.top_up_site(unit, weight, after["assigned"], solution.need, capacity, open_, pb, ps) == -1
