"""Covering location: the MIP against the greedy and a brute-force optimum on small hand-built cases."""
import itertools

import numpy as np
import pytest

from lcr_toolkit.core import siting
from lcr_toolkit.core.errors import Canceled, InputError


def problem(pairs, weight, unit=None, n_candidates=None, target=1.0, covered=None):
    """A covering problem from (home, candidate) pairs; every home in unit 0 unless given."""
    weight = np.asarray(weight, dtype=float)
    n = len(weight)
    unit = np.zeros(n, dtype=int) if unit is None else np.asarray(unit)
    covered = np.zeros(n, dtype=bool) if covered is None else np.asarray(covered)
    ph, pc = (np.array(c, dtype=np.int64) for c in zip(*pairs))
    m = n_candidates or int(pc.max()) + 1
    coverable = np.bincount(ph, minlength=n) > 0
    needs = siting.unit_needs(weight, unit, covered, coverable, int(unit.max()) + 1, target)
    return siting.build_problem(ph, pc, m, weight, unit, covered, needs["need"])[0], needs


def brute_force_fewest(pairs, weight, unit, target, m):
    weight, unit = np.asarray(weight, float), np.asarray(unit)
    n_units = unit.max() + 1
    pop = np.bincount(unit, weight, n_units)
    for size in range(m + 1):
        for subset in itertools.combinations(range(m), size):
            hit = np.zeros(len(weight), bool)
            for h, c in pairs:
                hit[h] |= c in subset
            if (np.bincount(unit, weight * hit, n_units) >= target * pop - 1e-9).all():
                return size
    return None


def brute_force_best_k(pairs, weight, k, m):
    best = 0.0
    for subset in itertools.combinations(range(m), k):
        hit = np.zeros(len(weight), bool)
        for h, c in pairs:
            hit[h] |= c in subset
        best = max(best, float(np.asarray(weight, float)[hit].sum()))
    return best


# Six homes of 10 residents in a row a–f. Candidate 0 in the middle reaches b, c, d, e; candidate 1
# reaches a, b, c; candidate 2 reaches d, e, f. Everyone covered: the greedy takes 0 first (40
# residents), then still needs a and f: 1 and 2, three sites. The optimum is 1 and 2: two.
TRAP = [(1, 0), (2, 0), (3, 0), (4, 0), (0, 1), (1, 1), (2, 1), (3, 2), (4, 2), (5, 2)]


def test_greedy_falls_into_the_trap_and_the_mip_does_not():
    p, needs = problem(TRAP, [10] * 6)
    assert needs["need"].tolist() == [60.0]
    assert sorted(siting.greedy(p).tolist()) == [0, 1, 2]
    solution = siting.solve(p)
    assert sorted(solution.chosen.tolist()) == [1, 2]
    assert solution.method == "mip" and solution.optimal and solution.gap == 0.0
    assert solution.new_pop.tolist() == [30.0, 30.0]
    assert brute_force_fewest(TRAP, [10] * 6, [0] * 6, 1.0, 3) == 2


def test_target_share_and_best_k():
    # 60 % of 60 residents = 36: candidate 0 covers 40 → one site.
    p, _ = problem(TRAP, [10] * 6, target=0.6)
    assert siting.solve(p).chosen.tolist() == [0]
    # The best single site is 0 (40 residents), the best two are 1 and 2 (60).
    p, _ = problem(TRAP, [10] * 6)
    one = siting.solve(p, k=1)
    assert one.chosen.tolist() == [0] and one.new_pop.tolist() == [40.0]
    two = siting.solve(p, k=2)
    assert sorted(two.chosen.tolist()) == [1, 2] and two.new_pop.sum() == 60.0 and two.optimal


def test_homes_already_covered_and_out_of_reach():
    # a already covered by an existing facility; f (home 5) reaches no candidate: 90 % of 60 = 54 is out of
    # reach (at most 50): need is the 40 that candidates can add (b–e), and the unit is short.
    pairs = [(1, 0), (2, 0), (3, 0), (4, 0), (0, 1), (1, 1), (2, 1), (3, 2), (4, 2)]
    covered = np.array([True, False, False, False, False, False])
    p, needs = problem(pairs, [10] * 6, target=0.9, covered=covered)
    assert needs["covered"].tolist() == [10.0] and needs["reachable"].tolist() == [50.0]
    assert needs["need"].tolist() == [40.0] and needs["short"].tolist() == [True]
    assert siting.solve(p).chosen.tolist() == [0]


def test_units_each_reach_their_target():
    # Unit 0: homes 0, 1 (10 each); unit 1: homes 2, 3 (10, 30). Candidate 0 reaches 0, 1, 2; candidate 1
    # reaches 3; candidate 2 reaches 1 and 3. 50 % in each: unit 0 needs 10, unit 1 needs 20 → home 3 →
    # candidate 1 or 2, and unit 0 by 2 (home 1): {2} alone is the optimum.
    pairs = [(0, 0), (1, 0), (2, 0), (3, 1), (1, 2), (3, 2)]
    p, needs = problem(pairs, [10, 10, 10, 30], unit=[0, 0, 1, 1], target=0.5)
    assert needs["need"].tolist() == [10.0, 20.0]
    assert siting.solve(p).chosen.tolist() == [2]


@pytest.mark.parametrize("seed", range(12))
def test_mip_equals_brute_force_on_random_cases(seed):
    rng = np.random.default_rng(seed)
    n, m = 14, 8
    pairs = sorted({(int(h), int(c)) for h, c in zip(rng.integers(0, n, 30), rng.integers(0, m, 30))})
    weight = rng.integers(1, 50, n).astype(float)
    unit = rng.integers(0, 2, n)
    p, needs = problem(pairs, weight, unit=unit, n_candidates=m, target=0.7)
    optimum = brute_force_fewest(pairs, weight, unit, 0.7, m) if not needs["short"].any() else None
    solution = siting.solve(p)
    if optimum is not None:
        assert len(solution.chosen) == optimum and solution.optimal
        assert len(siting.greedy(p)) >= optimum
    k_problem, _ = problem(pairs, weight, n_candidates=m)
    best = siting.solve(k_problem, k=3)
    assert best.new_pop.sum() == pytest.approx(brute_force_best_k(pairs, weight, 3, m))


def test_greedy_kept_above_the_size_and_cancel():
    # The greedy's 0, 1, 2 without the redundant 0 (1 and 2 reach all its homes): kept as it is, gap unknown.
    p, _ = problem(TRAP, [10] * 6)
    solution = siting.solve(p, max_pairs=5)
    assert solution.method == "greedy" and sorted(solution.chosen.tolist()) == [1, 2] and np.isnan(solution.gap)
    assert (solution.greedy, solution.pruned) == (3.0, 1)
    with pytest.raises(Canceled):
        siting.solve(p, is_canceled=lambda: True)


def test_codes_and_bad_target():
    assert siting.parse_codes("0701, 0702;080404") == ("0701", "0702", "080404")
    assert siting.eligible_codes(["070101", "0801", None, "080404"], ("0701", "0804")).tolist() == \
        [True, False, False, True]
    with pytest.raises(InputError):
        siting.unit_needs(np.ones(1), np.zeros(1, int), np.zeros(1, bool), np.ones(1, bool), 1, 1.5)


# Two triangles of homes 0–2 and 3–5 (10 residents each), each candidate reaching two homes of one triangle: every
# home covered needs two sites per triangle (4), the LP relaxation half of each candidate (3 × 1 / 2 per triangle = 3).
TRIANGLES = [(0, 0), (1, 0), (1, 1), (2, 1), (2, 2), (0, 2), (3, 3), (4, 3), (4, 4), (5, 4), (5, 5), (3, 5)]


def test_prune_drops_only_redundant_sites():
    p, _ = problem(TRAP, [10] * 6)
    assert siting.prune(p, np.array([0, 1, 2])).tolist() == [1, 2]        # 0 is the last looked at, and redundant
    assert siting.prune(p, np.array([1, 2, 0])).tolist() == [1, 2]        # the last added goes first
    t, _ = problem(TRIANGLES, [10] * 6)
    assert siting.prune(t, np.arange(6)).tolist() == [0, 1, 3, 4]         # 2 and 5 are spare, then none is
    for seed in range(12):                                                 # still every need, never below the optimum
        rng = np.random.default_rng(seed)
        pairs = sorted({(int(h), int(c)) for h, c in zip(rng.integers(0, 14, 30), rng.integers(0, 8, 30))})
        weight, unit = rng.integers(1, 50, 14).astype(float), rng.integers(0, 2, 14)
        q, needs = problem(pairs, weight, unit=unit, n_candidates=8, target=0.7)
        kept = siting.prune(q, siting.greedy(q))
        hit = np.asarray(q.cover[:, kept].sum(axis=1)).reshape(-1) > 0
        assert (np.bincount(q.unit, q.weight * hit, len(q.need)) >= q.need - 1e-6).all()
        if not needs["short"].any():
            assert len(kept) >= brute_force_fewest(pairs, weight, unit, 0.7, 8)


def test_lp_bound_and_what_proved_it():
    t, _ = problem(TRIANGLES, [10] * 6)
    assert siting.lp_bound(t) == 3.0 and brute_force_fewest(TRIANGLES, [10] * 6, [0] * 6, 1.0, 6) == 4
    # No time for the MIP: the 4 sites are within (4 − 3) / 4 of the optimum, proven by the LP.
    quick = siting.solve(t, time_limit=0.0)
    assert len(quick.chosen) == 4 and not quick.optimal and quick.gap == 0.25
    assert (quick.bound, quick.bound_by) == (3.0, "lp")
    # With time, the MIP finds no 3 sites: 4 is optimal, proven by HiGHS.
    full = siting.solve(t)
    assert full.optimal and full.gap == 0.0 and (full.bound, full.bound_by) == (4.0, "mip")
    # The trap: the LP needs x1 = x2 = 1 (a and f), so 2 sites, which the pruned greedy has: optimal by the LP.
    p, _ = problem(TRAP, [10] * 6)
    trap = siting.solve(p)
    assert trap.optimal and (trap.bound, trap.bound_by) == (2.0, "lp")
    # Best k = 1: the LP's x0 + x1 + x2 ≤ 1 covers at most 10·(4 x0 + 3 x1 + 3 x2) ≤ 40, which C0 covers.
    assert siting.lp_bound(p, k=1) == pytest.approx(40.0)
    one = siting.solve(p, k=1)
    assert one.optimal and one.bound == pytest.approx(40.0) and one.bound_by == "lp"


def test_a_slice_finding_nothing_ends_the_search(monkeypatch):
    """HiGHS stopped by its slice with nothing better and no bound (as on large problems): the search ends there,
    well before the time limit (``stalled``), and the gap is the LP's."""
    from types import SimpleNamespace

    real = siting.optimize.milp

    def slice_without_result(c, integrality=None, **kwargs):
        if np.asarray(integrality).any():                       # a MIP slice
            return SimpleNamespace(status=1, x=None, mip_dual_bound=None)
        return real(c, integrality=integrality, **kwargs)       # the LP relaxation
    monkeypatch.setattr(siting.optimize, "milp", slice_without_result)
    t, _ = problem(TRIANGLES, [10] * 6)
    solution = siting.solve(t, time_limit=60.0)
    assert solution.stalled and solution.seconds < 30 and not solution.optimal
    assert (len(solution.chosen), solution.gap, solution.bound, solution.bound_by) == (4, 0.25, 3.0, "lp")
    assert not siting.solve(t, time_limit=0.0).stalled                     # ended by the time limit instead
