"""Assigning features to zones (planning units, parcels, grid cells) and summing by zone.

A feature belongs to the zone that contains its representative point (``representative_points``:
inside the polygon), so a building straddling a unit boundary counts once, where most of it usually
is. Zones are assumed not to overlap; where they do, the first zone in layer order wins.
"""
import numpy as np
import shapely

from .shared import last_of, shareable


@shareable(points=True)
def representative_points(geometries):
    """A point inside each polygon that follows it through a change of CRS: its centroid where that
    lies inside it; else, on the ray from the centroid through the nearest point of the polygon, the
    middle of the first stretch inside it (across a river strip curving round its centroid: the
    strip's middle). A point stays itself (other shapes take shapely ``point_on_surface``); None
    where the geometry is missing or empty.

    Why not ``point_on_surface`` alone: it scans the row through the middle of the bounding box, which
    a grid rotated by another projection (1.4° between Gauss-Krüger 120° E and UTM 51N at Jiaxing)
    moves, and a large parcel's point jumped 250 m. Over a parcel a conformal reprojection is as good
    as a rotation and a scale, which carry centroids, nearest points and midpoints to the image's.

    >>> bend = shapely.Polygon([(0, 0), (10, 0), (10, 10), (8, 10), (8, 2), (2, 2), (2, 10), (0, 10)])
    >>> [None if p is None else p.wkt for p in representative_points([shapely.box(0, 0, 4, 2), bend, None])]
    ['POINT (2 1)', 'POINT (5 1)', None]
    """
    geometries = np.asarray(geometries, dtype=object)
    out = np.full(len(geometries), None, dtype=object)
    if not len(geometries):
        return out
    present = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
    if not present.any():
        return out
    shapes = geometries[present]
    points = np.full(len(shapes), None, dtype=object)
    polygonal = np.flatnonzero(shapely.get_dimensions(shapes) == 2)
    centroids = shapely.centroid(shapes[polygonal])
    inside = shapely.contains_properly(shapes[polygonal], centroids)
    points[polygonal[inside]] = centroids[inside]
    outside = polygonal[~inside]
    if len(outside):
        crossed = _first_stretch_middle(shapes[outside], centroids[~inside])
        found = ~shapely.is_missing(crossed)
        points[outside[found]] = crossed[found]
    # the rest (points, lines, polygons whose ray only grazes them): point_on_surface, only where needed
    rest = shapely.is_missing(points)
    points[rest] = shapely.point_on_surface(shapes[rest])
    out[present] = points
    return out


def _first_stretch_middle(polygons, centroids):
    """For polygons whose centroid lies outside them: the middle of the first piece of the ray from
    the centroid through the polygon's nearest point that lies inside the polygon (None where the ray
    only grazes it)."""
    near = shapely.get_point(shapely.shortest_line(centroids, polygons), 1)
    start, through = shapely.get_coordinates(centroids), shapely.get_coordinates(near)
    xmin, ymin, xmax, ymax = shapely.bounds(polygons).T
    reach = 2.0 * np.hypot(xmax - xmin, ymax - ymin)
    step = through - start
    length = np.hypot(step[:, 0], step[:, 1])
    direction = step / np.where(length > 0, length, 1.0)[:, None]
    rays = shapely.linestrings(np.stack([start, through + direction * reach[:, None]], axis=1))
    pieces, owner = shapely.get_parts(shapely.intersection(rays, polygons), return_index=True)
    result = np.full(len(polygons), None, dtype=object)
    lines = shapely.get_dimensions(pieces) == 1
    pieces, owner = pieces[lines], owner[lines]
    if len(pieces):
        first = np.lexsort((shapely.distance(pieces, centroids[owner]), owner))
        owner, pieces = owner[first], pieces[first]
        keep = np.r_[True, owner[1:] != owner[:-1]]
        result[owner[keep]] = shapely.line_interpolate_point(pieces[keep], 0.5, normalized=True)
    result[length <= 0] = None
    return result


def assign_to_zones(geometries, zones):
    """Index of the zone containing each geometry's representative point, its boundary included; -1 where
    none (or no geometry). A point on the edge two zones share (a shelter or POI placed on the road centre
    line units are drawn along) goes to the first of them in layer order, not to neither."""
    geometries = np.asarray(geometries, dtype=object)
    out = np.full(len(geometries), -1, dtype=int)
    present = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries) if len(geometries) else \
        np.zeros(0, dtype=bool)
    if not present.any() or len(zones) == 0:
        return out
    # the array itself where every geometry is present: a plan check's steps then share its points
    points = representative_points(geometries if present.all() else geometries[present])
    # a step assigns chunk after chunk to the same zones: their tree is made once (inside a plan check)
    tree = last_of("zones.assign_to_zones", zones, lambda z: shapely.STRtree(np.asarray(z, dtype=object)))
    point_idx, zone_idx = tree.query(points, predicate="covered_by")
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


# A zone's value is flagged as resting on defaults when more than this share of what it sums does.
ESTIMATED_MAJORITY = 0.5


def estimated_sums(zone_index, amounts, estimated, n_zones):
    """Per zone, ``(total, flagged)``: the sum of ``amounts`` (negative and NaN count as 0) and the part
    of it from features flagged as estimated (``estimated`` = 1). Sums of chunks add up, so a layer read
    chunk by chunk keeps two arrays per zone; ``majority_estimated`` gives the verdict on them."""
    amounts = np.nan_to_num(np.asarray(amounts, dtype=float), nan=0.0).clip(min=0)
    flagged = np.where(np.asarray(estimated, dtype=float) == 1, amounts, 0.0)
    return sum_by_zone(zone_index, amounts, n_zones), sum_by_zone(zone_index, flagged, n_zones)


def majority_estimated(total, flagged, majority=ESTIMATED_MAJORITY):
    """1 where more than ``majority`` of a zone's ``total`` is ``flagged`` (``estimated_sums``), else 0;
    a zone whose total is 0 is not flagged."""
    total, flagged = np.asarray(total, dtype=float), np.asarray(flagged, dtype=float)
    return ((total > 0) & (flagged > majority * total)).astype(int)


def mostly_estimated(zone_index, amounts, estimated, n_zones, majority=ESTIMATED_MAJORITY):
    """Which zones' sum rests mainly on estimates (0/1 per zone): more than ``majority`` of the zone's
    total of ``amounts`` (a building's energy demand in kWh/a, a shelter's capacity in persons) comes
    from features their own algorithm flagged as estimated (``estimated`` = 1 in a ``<field>_est``
    field: default floors or use, a capacity guessed from a candidate's area). The test of a carbon
    balance's net_est (``balance.estimated_flags``). A zone whose total is 0 is not flagged.

    >>> mostly_estimated([0, 0, 1, 1, -1], [100.0, 50.0, 60.0, 40.0, 9.0], [1, 0, 0, 1, 1], 2).tolist()
    [1, 0]
    """
    return majority_estimated(*estimated_sums(zone_index, amounts, estimated, n_zones), majority=majority)


def extents_apart(a, b, reach=0.0):
    """True when the geometries ``a`` and ``b`` (one CRS; None for a missing one) both hold some
    geometry and their bounding boxes lie more than ``reach`` apart (in CRS units): then no feature of
    one lies within ``reach`` of any feature of the other, nor inside it.

    >>> extents_apart([shapely.Point(0, 0)], [shapely.box(300, 400, 310, 410)], 400)
    True
    >>> extents_apart([shapely.Point(0, 0)], [shapely.box(300, 400, 310, 410)], 500)
    False
    >>> extents_apart([None], [shapely.Point(9, 9)])
    False
    """
    boxes = [extent_box(geometries) for geometries in (a, b)]
    if boxes[0] is None or boxes[1] is None:   # nothing but missing geometries
        return False
    (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = (box.bounds for box in boxes)
    gap_x, gap_y = max(bx0 - ax1, ax0 - bx1, 0.0), max(by0 - ay1, ay0 - by1, 0.0)
    return bool(np.hypot(gap_x, gap_y) > reach)


def extent_box(geometries):
    """The bounding box of ``geometries`` as a polygon (None when all are missing): what
    ``extents_apart`` needs of a layer read in chunks, one box a chunk.

    >>> extent_box([shapely.Point(1, 2), None, shapely.Point(3, 5)]).bounds
    (1.0, 2.0, 3.0, 5.0)
    >>> extent_box([None]) is None
    True
    """
    geometries = np.asarray(geometries, dtype=object)
    if not len(geometries):
        return None
    bounds = shapely.total_bounds(geometries)
    return shapely.box(*bounds) if np.isfinite(bounds).all() else None
