"""The river and the old canal."""
import numpy as np
from shapely.geometry import LineString

from .common import ORIGIN, SIZE, smooth_profile, value_along, world


def make_river(rng):
    """Main river: meanders west to east like the Jiaxing canals, about 60 m wide."""
    meander = smooth_profile(rng, (2400.0, 850.0), (140.0, 35.0))
    xs = np.arange(-120.0, SIZE[0] + 121.0, 40.0)
    centre = LineString(world(np.column_stack([xs, 1350.0 + meander(xs)])))
    return centre, centre.buffer(30.0, cap_style="flat", join_style="mitre")


def make_canal(rng, river_centre):
    """Old canal that leaves the river northwards through the wetland and the old quarter."""
    x_mouth = 640.0
    y_mouth = value_along(river_centre, ORIGIN[0] + x_mouth, 0) - ORIGIN[1]
    ys = np.arange(y_mouth, SIZE[1] + 80.0, 30.0)
    drift = smooth_profile(rng, (1300.0, 520.0), (40.0, 15.0))
    # Anchored so the canal leaves the river exactly at its mouth.
    xs = x_mouth + drift(ys - y_mouth) - drift(0.0)
    centre = LineString(world(np.column_stack([xs, ys])))
    return centre, centre.buffer(10.0, cap_style="flat", join_style="mitre")
