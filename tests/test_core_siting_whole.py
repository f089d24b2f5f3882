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
