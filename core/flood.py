"""Exposure of buildings to a flood hazard given as depth polygons.

Depth: the deepest hazard polygon a building intersects (shapely ``intersects``, so a shared
boundary counts, as in QGIS's join by location). Exposure: depth > a threshold. Damage: a
depth-damage curve interpolated linearly and held flat beyond its ends (Huizinga et al. 2017,
JRC global flood depth-damage functions, are the shipped default). Units: metres, fractions 0..1.
"""
import numpy as np
import shapely


def max_depth(buildings, hazards, depths):
    """Deepest intersecting hazard depth (m) per building; 0 where none. Missing geometries never match.

    ``buildings`` and ``hazards`` are shapely geometry arrays in one CRS; ``depths`` aligns with
    ``hazards`` (NaN depths are ignored). One STRtree bulk query, no Python loop, its tree over the
    more numerous layer.
    """
    buildings = np.asarray(buildings, dtype=object)
    depths = np.asarray(depths, dtype=float)
    keep = ~np.isnan(depths) & ~shapely.is_missing(hazards)
    out = np.zeros(len(buildings))
    if not keep.any() or len(buildings) == 0:
        return out
    hazards = np.asarray(hazards, dtype=object)[keep]
    depths = np.maximum(depths[keep], 0.0)
    if len(hazards) <= len(buildings):
        # The fewer, larger hazard polygons each prepared once against a tree of the buildings: three
        # times faster than a building at a time against the hazards (4,046 bands of ~190 vertices and
        # 100,000 buildings: 0.06 s against 0.18 s); intersects is symmetric, so the pairs are the same.
        h_idx, b_idx = shapely.STRtree(buildings).query(hazards, predicate="intersects")
    else:
        b_idx, h_idx = shapely.STRtree(hazards).query(buildings, predicate="intersects")
    np.maximum.at(out, b_idx, depths[h_idx])
    return out


def damage_fraction(depth_m, curve_depth_m, curve_fraction):
    """Damage fraction (0..1) at each depth, linear between the curve's points, flat beyond them."""
    return np.interp(np.asarray(depth_m, dtype=float), curve_depth_m, curve_fraction)


def exposure(depth_m, min_depth_m, population=None, curve_depth_m=None, curve_fraction=None):
    """Exposed flag, damage fraction and exposed population per building.

    A building is exposed where depth > ``min_depth_m``; damage and population count only for
    exposed buildings. Missing population counts as 0.
    Returns ``(exposed (0/1 int), damage_fr, pop_exp)``.
    """
    depth = np.asarray(depth_m, dtype=float)
    exposed = depth > min_depth_m
    damage = np.zeros(depth.shape)
    if curve_depth_m is not None:
        damage = np.where(exposed, damage_fraction(depth, curve_depth_m, curve_fraction), 0.0)
    if population is None:
        pop_exp = np.zeros(depth.shape)
    else:
        pop = np.nan_to_num(np.asarray(population, dtype=float), nan=0.0)
        pop_exp = np.where(exposed, pop, 0.0)
    return exposed.astype(int), damage, pop_exp
