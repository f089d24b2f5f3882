"""LID sizing as a fractional knapsack: hand-worked amounts, shortfalls and an LP check by HiGHS."""
import numpy as np
import pytest
from scipy import optimize

from lcr_toolkit.core import lid_sizing
from lcr_toolkit.core.errors import InputError

STORAGE = np.array([0.2, 0.03, 0.05, 1.0])   # m³ per m² (bioretention, paving, green roof), per m³ (tank)


def test_room_from_open_and_roof_area():
    # 10 000 m² parcel, 4 000 m² roof: open 6 000. 10 % bio 600 m², 30 % paving 1 800 m², 50 % of roof 2 000 m²,
    # 2 % over tanks 2 m deep 240 m³; 100 m² of bioretention already there leaves 500.
    room = lid_sizing.capacities([6000.0], [4000.0], [0.1, 0.3, 0.5, 0.02], 2.0, existing=[[100, np.nan, 0, 0]])
    assert room.tolist() == [[500.0, 1800.0, 2000.0, 240.0]]
    with pytest.raises(InputError):
        lid_sizing.capacities([1.0], [1.0], [0.1, 1.5, 0, 0], 2.0)


def test_least_area_fills_the_densest_measure_first():
    # Area per m³: tank 0.5 (2 m deep), bioretention 5, green roof 20, paving 33.3.
    room = np.array([[500.0, 1800.0, 2000.0, 0.0], [500.0, 1800.0, 2000.0, 0.0], [10.0, 10.0, 10.0, 0.0]])
    weight = np.array([1.0, 1.0, 1.0, 0.5])
    added, short = lid_sizing.size([80.0, 170.0, 5.0], room, STORAGE, weight)
    # 80 m³: 400 m² of bioretention. 170 m³: 500 m² bio (100) + 1 400 m² green roof (70).
    # 5 m³: room holds 2 + 0.3 + 0.5 = 2.8 m³: everything, 2.2 m³ short.
    assert added[0].tolist() == [400.0, 0.0, 0.0, 0.0]
    assert added[1].tolist() == [500.0, 0.0, 1400.0, 0.0]
    assert added[2].tolist() == [10.0, 10.0, 10.0, 0.0]
    assert short.tolist() == pytest.approx([0.0, 0.0, 2.2])


def test_rounding_up_never_leaves_a_parcel_short():
    added, short = lid_sizing.size([10.001], np.array([[1000.0, 0, 0, 0]]), STORAGE, np.ones(4))
    assert added[0, 0] == pytest.approx(50.01) and added[0] @ STORAGE >= 10.001 and short[0] == 0


@pytest.mark.parametrize("seed", range(6))
def test_same_optimum_as_the_linear_programme(seed):
    rng = np.random.default_rng(seed)
    room = rng.uniform(0, 500, (1, 4))
    cost = rng.uniform(100, 2000, 4)
    need = float(rng.uniform(0, (room * STORAGE).sum()))
    added, short = lid_sizing.size([need], room, STORAGE, cost)
    lp = optimize.linprog(cost, A_ub=-STORAGE[None, :], b_ub=[-need], bounds=list(zip([0] * 4, room[0])),
                          method="highs")
    assert short[0] == 0 and added[0] @ STORAGE >= need - 1e-9
    assert added[0] @ cost == pytest.approx(lp.fun, abs=0.01 * cost.max() * 4)   # rounding to 0.01 units


def test_depth_over_the_parcel():
    # 131.25 m³ over 1 ha = 13.125 mm; 10.95 m³ over 1 000 m² = 10.95 mm; no area → NaN.
    depth = lid_sizing.depth_mm([131.25, 10.95, 5.0, np.nan], [10000.0, 1000.0, 0.0, 50.0])
    assert depth[:2] == pytest.approx([13.125, 10.95])
    assert np.isnan(depth[2:]).all()
