"""core.zones on hand-drawn zones."""
import numpy as np
import shapely

from lcr_toolkit.core import zones


def test_assign_by_representative_point_first_zone_wins():
    units = [shapely.box(0, 0, 10, 10), shapely.box(10, 0, 20, 10), shapely.box(0, 0, 20, 10)]
    things = np.array([
        shapely.box(1, 1, 3, 3),          # in unit 0 (and in the overlapping unit 2: first wins)
        shapely.box(12, 1, 14, 3),        # in unit 1
        shapely.box(8, 1, 19, 2),         # straddles: its representative point decides
        shapely.box(50, 50, 51, 51),      # outside
        None,
    ], dtype=object)
    index = zones.assign_to_zones(things, units)
    assert index[:2].tolist() == [0, 1]
    assert index[2] in (0, 1)
    assert index[3:].tolist() == [-1, -1]


def test_sum_by_zone_skips_outside_and_nan():
    assert zones.sum_by_zone([0, 1, 0, -1, 1], [1.0, 2.0, 3.0, 100.0, np.nan], 3).tolist() == [4.0, 2.0, 0.0]
