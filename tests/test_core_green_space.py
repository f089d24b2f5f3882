"""core.green_space on hand-drawn parks, homes and parcels (metres), checked against sums worked out by hand."""
import numpy as np
import pytest
import shapely

from lcr_toolkit.core import green_space


def test_service_radius_tiers():
    # 500 m from 5 000 m², 300 m from 2 000 m²; below 2 000 m² (or unknown) no radius.
    radius = green_space.service_radius([8000, 5000, 4999.9, 2000, 1999, np.nan])
    np.testing.assert_array_equal(radius, [500, 500, 300, 300, np.nan, np.nan])
    # Tiers given in any order: the largest minimum area that the park reaches decides.
    radius = green_space.service_radius([100, 700, 1500], tiers=[(500, 200), (1000, 400)])
    np.testing.assert_array_equal(radius, [np.nan, 200, 400])


def test_within_service_radius_measures_to_the_park_edge():
    small = shapely.box(0, 0, 100, 100)            # radius 300 m
    large = shapely.box(1000, 0, 1100, 100)        # radius 500 m
    tiny = shapely.box(0, 2000, 10, 2010)          # below every tier: no radius
    homes = shapely.points([
        (50, 50),          # inside the small park: distance 0
        (400, 50),         # 300 m from the small park's east edge: served (≤)
        (400.01, 50),      # 300.01 m from it, 599.99 m from the large park: not served
        (700, 50),         # 300 m from the large park's west edge (600 m from the small one): served
        (5, 2020),         # 10 m from the tiny park, which serves no radius
    ])
    served = green_space.within_service_radius(np.append(homes, None), [small, large, tiny], [300, 500, np.nan])
    assert served.tolist() == [True, True, False, True, False, False]
    assert green_space.within_service_radius(homes, [small, None], [300, 500]).tolist() == \
        [True, True, False, False, False]
    assert green_space.within_service_radius(homes, [], []).tolist() == [False] * 5


def test_park_areas_by_zone():
    # Parks: 1 000 m² comprehensive and 500 m² community in zone 0; 800 m² protective (not counted)
    # and 300 m² other in zone 1; 200 m² in no zone. Zone 2 has none.
    zone = [0, 0, 1, 1, -1]
    area = [1000.0, 500.0, 800.0, 300.0, 200.0]
    counted = [True, True, False, True, True]
    comprehensive = [True, False, False, False, False]
    community = [False, True, False, False, False]
    areas = green_space.park_areas(zone, area, counted, comprehensive, community, 3)
    assert areas["park_m2"].tolist() == [1500.0, 300.0, 0.0]
    assert areas["comp_park_m2"].tolist() == [1000.0, 0.0, 0.0]
    assert areas["comm_park_m2"].tolist() == [500.0, 0.0, 0.0]
    # A comprehensive park whose type is also left out counts nowhere.
    assert green_space.park_areas([0], [50.0], [False], [True], [False], 1)["comp_park_m2"].tolist() == [0.0]
    unknown = green_space.park_areas(zone, area, counted, None, None, 3)
    assert np.isnan(unknown["comp_park_m2"]).all() and np.isnan(unknown["comm_park_m2"]).all()


def test_per_resident_is_null_without_residents():
    values = green_space.per_resident([1500.0, 300.0, 0.0, 10.0], [100.0, 0.0, np.nan, -5.0])
    np.testing.assert_array_equal(values, [15.0, np.nan, np.nan, np.nan])


def test_coverage_counts_residents_of_served_homes():
    # Zone 0: 10 served + 30 not → 25 %; zone 1: 5 served, a NaN and a negative count 0 → 100 %;
    # zone 2: nobody → NaN; the home in no zone counts nowhere.
    counts = green_space.coverage([0, 0, 1, 1, 1, -1], [10.0, 30.0, 5.0, np.nan, -3.0, 99.0],
                                  [True, False, True, True, False, True], 3)
    assert counts["residents"].tolist() == [40.0, 5.0, 0.0]
    assert counts["covered"].tolist() == [10.0, 5.0, 0.0]
    np.testing.assert_array_equal(counts["pct"], [25.0, 100.0, np.nan])


def test_catchment_supply_by_hand():
    parcels = np.array([shapely.box(0, 0, 100, 100),        # P0, 100 residents
                        shapely.box(500, 0, 600, 100),      # P1, 300
                        shapely.box(3000, 0, 3100, 100),    # P2, 50, far from everything
                        shapely.box(0, 1200, 100, 1300)])   # P3, nobody
    residents = [100, 300, 50, 0]
    # K0 (2 000 m²) at (50, 600): 500 m from P0, √(450² + 500²) = 672.7 m from P1, 600 m from P3.
    # K1 (1 000 m²) at (1550, 50): 950 m from P1, 1 450 m from P0 and P2. K2 lies in no reach.
    parks = shapely.points([(50, 600), (1550, 50), (9000, 9000)])
    supply = green_space.catchment_supply(parcels, residents, parks, [2000.0, 1000.0, 5000.0], 1000)
    assert supply["reach_green_m2"].tolist() == [2000.0, 3000.0, 0.0, 2000.0]
    # Neighbours by their inside points (the box centres): P0 and P1 are 450 m apart; P3's centre is
    # 1 150 m from P0 and √(450² + 1150²) m from P1.
    assert supply["reach_pop"].tolist() == [400.0, 400.0, 50.0, 0.0]
    np.testing.assert_allclose(supply["pub_green_m2_pc"], [5.0, 7.5, 0.0, np.nan])


def test_catchment_supply_without_parks_or_geometry():
    parcels = np.array([shapely.box(0, 0, 10, 10), None], dtype=object)
    supply = green_space.catchment_supply(parcels, [10, 5], np.array([], dtype=object), [], 1000)
    assert supply["reach_green_m2"].tolist() == [0.0, 0.0]
    assert supply["reach_pop"].tolist() == [10.0, 0.0]
    assert supply["pub_green_m2_pc"][0] == 0.0
    # The parcel without geometry has residents but nothing can be measured around it.
    assert supply["pub_green_m2_pc"][1] == pytest.approx(np.nan, nan_ok=True)


def test_within_sums_equal_a_bulk_dwithin_query_on_random_parcels():
    """The bounds only decide what they can prove: the sums are those of one STRtree dwithin query
    (pairs summed per zone), over irregular parcels, some without an inner point, a missing one, and
    points exactly at the limit."""
    from lcr_toolkit.core import green_space

    rng = np.random.default_rng(7)
    centres = rng.uniform(0, 3000, (300, 2))
    zones = np.array([shapely.Polygon(c + rng.uniform(20, 90) * np.column_stack(
        [np.cos(a), np.sin(a)]) * rng.uniform(0.5, 1.0, 7)[:, None])
        for c, a in zip(centres, np.sort(rng.uniform(0, 2 * np.pi, (300, 7)), axis=1))], dtype=object)
    zones[5] = None
    points = shapely.points(rng.uniform(-500, 3500, (2000, 2)))
    # a point 250 m right of a box zone's edge: exactly at the limit
    zones[0] = shapely.box(0, 0, 100, 100)
    points[0] = shapely.Point(350, 50)
    weights = rng.uniform(0, 10, 2000)
    inner = green_space.representative_points(zones)
    inner[1:40] = None
    zone, point = shapely.STRtree(points).query(zones, predicate="dwithin", distance=250)
    want = np.bincount(zone, weights=weights[point], minlength=len(zones))
    got = green_space.within_sums(zones, inner, points, weights, 250, block=64)
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=0)
    assert got[0] >= weights[0] and got[5] == 0 and (got > 0).sum() > 250
