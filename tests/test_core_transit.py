"""core.transit: stop types, coverage flags and population-weighted shares, by hand."""
import numpy as np
import pytest

from lcr_toolkit.core import transit
from lcr_toolkit.core.errors import InputError


def test_parse_values_accepts_chinese_separators():
    assert transit.parse_values(" Rail, metro，地铁；轨道 ,, ") == ["rail", "metro", "地铁", "轨道"]
    assert transit.parse_values("") == [] and transit.parse_values(None) == []


def test_classify_stops():
    is_rail, is_bus, other = transit.classify_stops(["RAIL", "bus ", None, "ferry", "地铁", "公交"],
                                                    ["rail", "地铁"], ["bus", "公交"])
    assert list(is_rail) == [True, False, False, False, True, False]
    assert list(is_bus) == [False, True, False, False, False, True]
    assert other == ["", "ferry"]
    with pytest.raises(InputError) as err:
        transit.classify_stops(["bus"], ["rail", "bus"], ["bus"])
    assert err.value.kind == "stop_values_overlap" and err.value.params == {"value": "bus"}


def test_covered_includes_the_threshold_and_never_nan_or_inf():
    assert list(transit.covered([0, 799.9, 800, 800.1, np.nan, np.inf], 800)) == [1, 1, 1, 0, 0, 0]


def test_sums_and_shares_by_unit_and_in_chunks():
    # Unit 0: pop 100 (rail+bus) and 300 (bus); unit 1: pop NaN (→ 0, rail); one building outside.
    zone = np.array([0, 0, 1, -1])
    pop = np.array([100, 300, np.nan, 50])
    rail = np.array([1, 0, 1, 1])
    bus = np.array([1, 1, 0, 0])
    whole = transit.coverage_sums(zone, 3, pop, rail, bus)
    parts = transit.add_sums(transit.coverage_sums(zone[:2], 3, pop[:2], rail[:2], bus[:2]),
                             transit.coverage_sums(zone[2:], 3, pop[2:], rail[2:], bus[2:]))
    for key in whole:
        assert parts[key] == pytest.approx(whole[key])
    shares = transit.coverage_shares(whole, by_population=True)
    assert list(shares["pop"]) == [400, 0, 0]
    # Unit 0: rail 100/400 = 25 %, bus 400/400 = 100 %; buildings 1/2 rail, 2/2 bus.
    assert shares["rail_pct"][0] == 25 and shares["bus_pct"][0] == 100
    assert shares["bldg_rail_pct"][0] == 50 and shares["bldg_bus_pct"][0] == 100
    # Unit 1 has a building but no resident: population shares are undefined, building share 100 %.
    assert np.isnan(shares["rail_pct"][1]) and shares["bldg_rail_pct"][1] == 100
    assert np.isnan(shares["bldg_rail_pct"][2])          # no building at all
    by_count = transit.coverage_shares(whole, by_population=False)
    assert by_count["rail_pct"][0] == 50 and np.isnan(by_count["pop"][0])
