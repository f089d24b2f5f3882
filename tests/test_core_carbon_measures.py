"""Carbon gap closure: hand-worked offers and mixes, and the same optimum as HiGHS's linear programme."""
import numpy as np
import pytest
from scipy import optimize

from lcr_toolkit.core import carbon_measures as cm
from lcr_toolkit.core.errors import InputError


def test_pv_offer_capped_at_demand_and_best_roofs_cheapest():
    # Roof A: 100 m², 20 000 kWh, 10 t; demand 10 000 kWh → cap 5 t. Roof B: 100 m², 10 000 kWh, 5 t, demand more.
    # At 60 per m²·a: A 6 000 / 10 t = 600 per t, B 1 200 per t: the sunnier roof first.
    cap, cost = cm.pv_offer([10.0, 5.0], [20000.0, 10000.0], [10000.0, 50000.0], [100.0, 100.0], 60.0)
    assert cap.tolist() == [5.0, 5.0] and cost.tolist() == [600.0, 1200.0]


def test_retrofit_offer_by_use():
    savings, default = cm.parse_savings("residential:0.2, Office:0.3", 0.25)
    assert savings == {"residential": 0.2, "office": 0.3}
    cap, cost = cm.retrofit_offer([10.0, 10.0, 8.0], [1000.0, 500.0, 400.0], ["Residential", "office", "shop"],
                                  savings, default, 20.0)
    # 10 × 0.2 = 2 t for 20 000 → 10 000 per t; 10 × 0.3 = 3 t for 10 000; 8 × 0.25 = 2 t for 8 000.
    assert cap.tolist() == pytest.approx([2.0, 3.0, 2.0])
    assert cost.tolist() == pytest.approx([10000.0, 10000 / 3, 4000.0])
    with pytest.raises(InputError):
        cm.parse_savings("residential:1.5", 0.2)


def test_close_gaps_cheapest_first_and_left_over():
    # Unit 0, gap 6: items (cap, cost) (5, 600), (5, 1200), (2, 4000) → 5 + 1 from the second.
    # Unit 1, gap 10: (3, 100) only → 3 taken, 7 left. Unit 2: no gap. Item of unit -1 unused.
    take, left = cm.close_gaps([6.0, 10.0, -1.0], [0, 0, 0, 1, -1], [5.0, 5.0, 2.0, 3.0, 9.0],
                               [600.0, 1200.0, 4000.0, 100.0, 1.0])
    assert take.tolist() == [5.0, 1.0, 0.0, 3.0, 0.0] and left.tolist() == [0.0, 7.0, 0.0]


@pytest.mark.parametrize("seed", range(6))
def test_same_optimum_as_highs(seed):
    rng = np.random.default_rng(seed)
    n_units, n = 4, 30
    unit = rng.integers(0, n_units, n)
    cap = rng.uniform(0, 10, n)
    cost = rng.uniform(100, 5000, n)
    gap = rng.uniform(0, 40, n_units)
    take, left = cm.close_gaps(gap, unit, cap, cost)
    for u in range(n_units):
        mine = unit == u
        need = gap[u] - left[u]
        lp = optimize.linprog(cost[mine], A_ub=-np.ones((1, mine.sum())), b_ub=[-need],
                              bounds=list(zip(np.zeros(mine.sum()), cap[mine])), method="highs")
        assert take[mine].sum() == pytest.approx(need)
        assert take[mine] @ cost[mine] == pytest.approx(lp.fun, rel=1e-9, abs=1e-6)
