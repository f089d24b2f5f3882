"""core.balance on hand-computed numbers."""
import math

import numpy as np
import pytest
import shapely

from lcr_toolkit.core import balance
from lcr_toolkit.core.errors import InputError


def test_apportion_by_area_share():
    units = [shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)]
    sinks = np.array([shapely.box(50, 0, 150, 100),      # 8 t: half in each unit → 4 + 4
                      shapely.box(150, 0, 250, 100),     # 6 t: half in unit 1 (3), half outside (3)
                      shapely.box(10, 10, 20, 20),       # 1 t, wholly in unit 0
                      None], dtype=object)
    per_unit, outside = balance.apportion_by_area(sinks, [8.0, 6.0, 1.0, 5.0], units)
    assert per_unit.tolist() == pytest.approx([5.0, 7.0])
    assert outside == pytest.approx(3.0 + 5.0)          # the half outside and the sink without geometry


def test_net_balance_and_intensities():
    # Unit 1: 50 + 10 − 4 − 2 = 54; unit 2: 40 + 0 − 4 − 5 = 31 (NaN transport counts 0).
    net = balance.net_balance([50.0, 40.0], [10.0, np.nan], [4.0, 4.0], [2.0, 5.0])
    assert net.tolist() == [54.0, 31.0]
    assert balance.net_balance([50.0, 40.0], None, None, None).tolist() == [50.0, 40.0]
    per_cap, per_ha = balance.intensities(net, [100.0, 0.0], [1.0, 0.5])
    assert per_cap[0] == pytest.approx(0.54) and math.isnan(per_cap[1])       # no residents → NULL
    assert per_ha.tolist() == pytest.approx([54.0, 62.0])                      # 31 / 0.5 ha


def test_target_gap():
    net, pop, area = np.array([54.0, 31.0]), np.array([100.0, 50.0]), np.array([1.0, 1.0])
    # 0.6 t per resident: 54 − 60 = −6, 31 − 30 = 1.
    assert balance.target_gap(net, pop, area, 0.6).tolist() == pytest.approx([-6.0, 1.0])
    # 40 t per ha: 54 − 40 = 14, 31 − 40 = −9.
    assert balance.target_gap(net, pop, area, target_t_per_ha=40).tolist() == pytest.approx([14.0, -9.0])
    # Both: the larger gap of each unit.
    assert balance.target_gap(net, pop, area, 0.6, 40).tolist() == pytest.approx([14.0, 1.0])
    assert np.isnan(balance.target_gap(net, pop, area)).all()
    assert math.isnan(balance.target_gap(net, np.array([np.nan, 50.0]), area, 0.6)[0])


def test_target_gap_without_residents():
    # A unit with no residents has no per-resident allowance: 31 − 0.6 × 0 would call all 31 t a gap.
    net, pop, area = np.array([54.0, 31.0]), np.array([100.0, 0.0]), np.array([1.0, 0.5])
    gap = balance.target_gap(net, pop, area, 0.6)
    assert gap[0] == pytest.approx(-6.0) and math.isnan(gap[1])
    # With a per-hectare target too, it takes that gap alone: 31 − 40 × 0.5 = 11; U1 max(−6, 54 − 40) = 14.
    assert balance.target_gap(net, pop, area, 0.6, 40).tolist() == pytest.approx([14.0, 11.0])
    assert balance.no_resident_units(pop, 0.6).tolist() == [False, True]
    assert balance.no_resident_units(pop, None).tolist() == []


def test_target_errors():
    with pytest.raises(InputError) as err:
        balance.target_gap([1.0], None, [1.0], target_t_per_capita=1.0)
    assert err.value.kind == "target_needs_population"
    with pytest.raises(InputError) as err:
        balance.target_gap([1.0], [1.0], [1.0], target_t_per_ha=-1.0)
    assert err.value.kind == "target_negative"


def test_estimated_flags_majority_of_emissions_or_residents():
    gross = [60.0, 45.0, 10.0, 0.0, 10.0]
    flagged = [30.0, 40.0, 0.0, 0.0, 5.01]       # exactly half is not "more than half"
    population = [100, 50, 100, 10, np.nan]
    flagged_pop = [0, 0, 60, 10, 0]
    net_est, cap_est = balance.estimated_flags(gross, flagged, population, flagged_pop)
    assert net_est.tolist() == [0, 1, 0, 0, 1]
    assert cap_est.tolist() == [0, 1, 1, 1, 1]
    net_only, cap_only = balance.estimated_flags(gross, flagged)
    assert cap_only.tolist() == net_only.tolist() == [0, 1, 0, 0, 1]
