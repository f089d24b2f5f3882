"""Assigning features to zones (planning units, parcels, grid cells) and summing by zone.

A feature belongs to the zone that contains its representative point (shapely
``point_on_surface``: inside the polygon, unlike a centroid), so a building straddling a unit
boundary counts once, where most of it usually is. Zones are assumed not to overlap; where they
do, the first zone in layer order wins.
"""
import numpy as np
import shapely


def assign_to_zones(geometries, zones):
    """Index of the zone containing each geometry's representative point; -1 where none (or no geometry)."""
    geometries = np.asarray(geometries, dtype=object)
    out = np.full(len(geometries), -1, dtype=int)
    present = ~shapely.is_missing(geometries)
    if not present.any() or len(zones) == 0:
        return out
    points = shapely.point_on_surface(geometries[present])
    tree = shapely.STRtree(np.asarray(zones, dtype=object))
    point_idx, zone_idx = tree.query(points, predicate="within")
    # The first zone in layer order wins where zones overlap: keep the smallest zone index per point.
    order = np.lexsort((zone_idx, point_idx))
    point_idx, zone_idx = point_idx[order], zone_idx[order]
    first = np.ones(len(point_idx), dtype=bool)
    first[1:] = point_idx[1:] != point_idx[:-1]
    chosen = np.full(int(present.sum()), -1, dtype=int)
    chosen[point_idx[first]] = zone_idx[first]
    out[present] = chosen
    return out


def sum_by_zone(zone_index, values, n_zones):
    """Sum of ``values`` per zone (NaN counts as 0; features outside every zone are left out)."""
    zone_index = np.asarray(zone_index)
    values = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
    inside = zone_index >= 0
    return np.bincount(zone_index[inside], weights=values[inside], minlength=n_zones)
