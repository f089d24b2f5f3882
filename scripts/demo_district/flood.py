"""Nested flood depth bands of a 50-year design storm, calibrated to a share of flooded buildings."""
import numpy as np
import shapely
from shapely.geometry import Polygon

from .common import ORIGIN, order_key, polygons_of, smooth_profile, world


# Flood bands are scaled until this share of buildings touches one (the demo needs exposure).
FLOODED_SHARE_TARGET = (0.12, 0.18)

FLOOD_DEPTHS = (0.15, 0.4, 0.8, 1.5)
# Reach (m beyond the bank) of each depth band along the river, and radius of each band in the
# low-lying spots; deeper water reaches less far.
RIVER_REACH = {0.15: 170.0, 0.4: 100.0, 0.8: 45.0, 1.5: 12.0}
LOW_SPOTS = [  # centre (local m), radius per depth (m): an old-quarter basin and a rural polder
    ((930.0, 2520.0), {0.15: 230.0, 0.4: 150.0, 0.8: 80.0, 1.5: 30.0}),
    ((2150.0, 330.0), {0.15: 280.0, 0.4: 170.0, 0.8: 70.0}),
]
# The road underpass at the eastern rail station ponds in heavy rain (radius per depth, m).
UNDERPASS = {0.15: 90.0, 0.4: 55.0, 0.8: 25.0}


def flood_bands(rng, river_centre, district, underpass, scale):
    """Nested polygons per depth: width wobbles along the river, low spots are lumpy circles."""
    wobble = smooth_profile(rng, (1700.0, 600.0), (0.3, 0.15))
    spots = LOW_SPOTS + [((underpass.x - ORIGIN[0], underpass.y - ORIGIN[1]), UNDERPASS)]
    lump = [rng.uniform(0.0, 2 * np.pi, 2) for _ in spots]
    s = np.arange(0.0, river_centre.length, 25.0)
    pts = shapely.line_interpolate_point(river_centre, s)
    g = np.clip(0.8 + wobble(s), 0.15, 1.4)
    zones = []
    for depth in FLOOD_DEPTHS:
        radius = 30.0 + RIVER_REACH[depth] * scale * g
        band = shapely.union_all(shapely.buffer(pts, radius, quad_segs=6)).simplify(1.0)
        zones.append((band, depth))
        for (centre, radii), phase in zip(spots, lump):
            if depth not in radii:
                continue
            theta = np.linspace(0.0, 2 * np.pi, 73)[:-1]
            r = radii[depth] * scale * (1 + 0.22 * np.sin(2 * theta + phase[0]) + 0.12 * np.sin(3 * theta + phase[1]))
            xy = world(np.column_stack([centre[0] + r * np.cos(theta), centre[1] + r * np.sin(theta)]))
            zones.append((Polygon(xy), depth))
    return [(g2, depth) for geom, depth in zones for g2 in polygons_of(geom.intersection(district), 100.0)]


def flooded_share(zones, footprints):
    tree = shapely.STRtree([z for z, _ in zones])
    hit = np.unique(tree.query(footprints, predicate="intersects")[0])
    return len(hit) / max(len(footprints), 1)


def calibrated_flood_zones(seed, river_centre, district, underpass, footprints):
    """Scale the bands until the share of touched buildings lands in the target range.

    The same seed gives the same band shapes at every scale, so this stays deterministic while
    keeping the demo's exposure meaningful whatever the building layout turns out to be.
    """
    lo, hi = 0.3, 2.5
    scale = 1.0
    for _ in range(12):
        zones = flood_bands(np.random.default_rng(seed), river_centre, district, underpass, scale)
        share = flooded_share(zones, footprints)
        if FLOODED_SHARE_TARGET[0] <= share <= FLOODED_SHARE_TARGET[1]:
            break
        lo, hi = (scale, hi) if share < FLOODED_SHARE_TARGET[0] else (lo, scale)
        scale = (lo + hi) / 2.0
    return zones, share


def flood_rows(zones):
    ordered = sorted(zones, key=lambda z: (z[1], order_key(z[0])))
    return [(geom, dict(zone_id=f"FZ{i:02d}", depth_m=depth, event="design storm, 50-year return period"))
            for i, (geom, depth) in enumerate(ordered, 1)]
