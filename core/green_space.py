"""Park green space of zones (planning units or parcels): how much there is per resident, which
residents live within a park's service radius, and how much lies within walking distance of a
parcel per resident around it.

Indicators, named as the standards profiles read them (territorial master-plan indicator names of the
市级国土空间总体规划编制指南(试行), MNR 2020; targets are set locally):

- ``park_green_m2_pc`` 人均公园绿地面积, ``comp_park_m2_pc`` 人均综合公园面积, ``comm_park_m2_pc``
  人均社区公园面积: area of the park green spaces (all types but the excluded ones, e.g. protective
  green), of the comprehensive and of the community parks lying in the zone, divided by the zone's
  residents (m²/person). A green space lies in the zone holding its representative point
  (``core.zones``): its whole area counts there, once.
- ``park_cov_pct`` 公园绿地服务半径覆盖率: share of the residents (%) whose home (a point inside the
  building) lies within the service radius of a park: 500 m of parks of 5 000 m² or more, 300 m of
  parks of 2 000–5 000 m², smaller ones serve no radius. The tiers follow the 2016 national
  garden-city standard (国家园林城市系列标准) as commonly quoted; not re-read in the standard, so they
  are parameters. Straight-line distance from the home point to the park's edge (0 inside).
- ``pub_green_m2_pc``: park area within walking distance of a parcel (a park counts where its
  representative point lies within the distance of the parcel's edge) divided by the residents of
  the parcels whose representative point lies within the same distance (m²/person); a catchment
  ratio, the first step of a two-step floating catchment (Luo & Wang 2003) without its second sum.
  1 000 m straight line is a screening stand-in for the 15-minute walk of GB 50180-2018.

Units: metres and m² of a projected CRS, persons. Missing or negative residents count as 0; a
value that cannot be measured (no residents) is NaN, written as NULL.
"""
import numpy as np
import shapely

from .zones import majority_estimated, representative_points, sum_by_zone

__all__ = ["PARK_SERVICE_TIERS", "service_radius", "within_service_radius", "park_areas", "per_resident",
           "coverage", "catchment_supply"]

# (minimum park area m², service radius m), after the 2016 national garden-city standard (unverified).
PARK_SERVICE_TIERS = ((5000.0, 500.0), (2000.0, 300.0))


def _residents(values):
    return np.nan_to_num(np.asarray(values, dtype=float), nan=0.0).clip(min=0.0)


def service_radius(area_m2, tiers=PARK_SERVICE_TIERS):
    """Service radius (m) of each park from its area (m²): the radius of the largest tier whose
    minimum area the park reaches; NaN for a park below every tier (or of unknown area).

    >>> service_radius([8000, 5000, 3000, 1999]).tolist()
    [500.0, 500.0, 300.0, nan]
    """
    area = np.asarray(area_m2, dtype=float)
    tiers = sorted(tiers, reverse=True)
    return np.select([area >= minimum for minimum, _ in tiers], [float(radius) for _, radius in tiers],
                     default=np.nan)


def within_service_radius(points, parks, radius_m):
    """True for each point lying within the service radius of at least one park: straight-line
    distance from the point to the park polygon (0 inside it) ≤ that park's ``radius_m`` (m; NaN:
    the park serves no radius). One STRtree query per distinct radius, none per feature.

    >>> square = shapely.box(0, 0, 100, 100)
    >>> within_service_radius(shapely.points([(150, 50), (450, 50)]), [square], [300.0]).tolist()
    [True, False]
    """
    points = np.asarray(points, dtype=object)
    parks = np.asarray(parks, dtype=object)
    radius = np.asarray(radius_m, dtype=float)
    out = np.zeros(len(points), dtype=bool)
    homes = np.flatnonzero(~shapely.is_missing(points)) if len(points) else np.zeros(0, dtype=int)
    serving = ~np.isnan(radius) & ~shapely.is_missing(parks) if len(parks) else np.zeros(0, dtype=bool)
    for distance in np.unique(radius[serving]):
        tree = shapely.STRtree(parks[serving & (radius == distance)])
        hit, _ = tree.query(points[homes], predicate="dwithin", distance=float(distance))
        out[homes[hit]] = True
    return out


def park_areas(zone_of_park, area_m2, counted, comprehensive, community, n_zones):
    """Park areas (m²) per zone: ``park_m2`` of the counted green spaces (park green: every type but
    the excluded ones), ``comp_park_m2`` and ``comm_park_m2`` of the counted comprehensive and
    community parks. ``zone_of_park`` is the zone index of each green space (-1: in none);
    ``comprehensive``/``community`` are masks, or None where the types are unknown (NaN areas).

    >>> park_areas([0, 0, 1], [100.0, 50.0, 30.0], [True, True, False], [True, False, False], None, 2)["park_m2"]
    array([150.,   0.])
    """
    area = np.nan_to_num(np.asarray(area_m2, dtype=float), nan=0.0)
    counted = np.asarray(counted, dtype=bool)
    out = {"park_m2": sum_by_zone(zone_of_park, np.where(counted, area, 0.0), n_zones)}
    for name, mask in (("comp_park_m2", comprehensive), ("comm_park_m2", community)):
        out[name] = (np.full(n_zones, np.nan) if mask is None
                     else sum_by_zone(zone_of_park, np.where(counted & np.asarray(mask, dtype=bool), area, 0.0),
                                      n_zones))
    return out


def per_resident(total, residents):
    """``total`` / residents; NaN where there is nobody (residents missing or ≤ 0).

    >>> per_resident([300.0, 10.0, 5.0], [100.0, 0.0, np.nan]).tolist()
    [3.0, nan, nan]
    """
    total = np.asarray(total, dtype=float)
    residents = np.asarray(residents, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(residents > 0, total / np.where(residents > 0, residents, 1.0), np.nan)


def coverage(zone_of_home, residents, served, n_zones):
    """Residents per zone, those of them served, and the served share (%, NaN without residents).

    >>> coverage([0, 0, 1, -1], [10.0, 30.0, 5.0, 99.0], [True, False, True, True], 2)["pct"].tolist()
    [25.0, 100.0]
    """
    residents = _residents(residents)
    total = sum_by_zone(zone_of_home, residents, n_zones)
    covered = sum_by_zone(zone_of_home, np.where(np.asarray(served, dtype=bool), residents, 0.0), n_zones)
    return {"residents": total, "covered": covered, "pct": 100.0 * per_resident(covered, total)}


WITHIN_BLOCK = 2048   # zones per block of ``within_sums``: its pair arrays stay small on a city


def within_sums(zones, inner, points, weights, distance_m, block=WITHIN_BLOCK):
    """Σ ``weights`` of the ``points`` lying within ``distance_m`` of each zone polygon (0 inside):
    the same as a bulk STRtree ``dwithin`` query summed by zone, but zones taken ``block`` at a time
    and the exact distance only where two bounds leave it open — the distance to the zone's bounding
    box (a lower bound) and to ``inner``, a point inside each zone or None (an upper bound). A
    micrometre margin keeps a pair within rounding of the limit for the exact test.

    >>> box = np.array([shapely.box(0, 0, 100, 100)])
    >>> within_sums(box, shapely.points([(50, 50)]), shapely.points([(50, 150), (50, 250), (150, 150)]),
    ...             [1.0, 2.0, 4.0], 100).tolist()    # 50 m, 150 m and 70.7 m from the box
    [5.0]
    """
    zones = np.asarray(zones, dtype=object)
    n = len(zones)
    sums = np.zeros(n)
    points = np.asarray(points, dtype=object)
    if not n or not len(points):
        return sums
    weights = np.asarray(weights, dtype=float)
    tree = shapely.STRtree(points)
    px, py = shapely.get_x(points), shapely.get_y(points)
    bounds = shapely.bounds(zones)
    inner = np.asarray(inner, dtype=object)
    inner = np.where(shapely.intersects(zones, inner), inner, None)   # a bound only where truly inside
    ix, iy = shapely.get_x(inner), shapely.get_y(inner)                # NaN where None
    eps = 1e-6
    for start in range(0, n, block):
        part = np.arange(start, min(start + block, n))
        part = part[np.isfinite(bounds[part]).all(axis=1)]
        if not len(part):
            continue
        b = bounds[part]
        zone, point = tree.query(shapely.box(b[:, 0] - distance_m, b[:, 1] - distance_m, b[:, 2] + distance_m,
                                             b[:, 3] + distance_m))
        zone = part[zone]
        x, y = px[point], py[point]
        low = np.hypot(np.maximum(np.maximum(bounds[zone, 0] - x, x - bounds[zone, 2]), 0.0),
                       np.maximum(np.maximum(bounds[zone, 1] - y, y - bounds[zone, 3]), 0.0))
        high = np.hypot(ix[zone] - x, iy[zone] - y)        # NaN without an inner point: not decided
        inside = high + eps <= distance_m
        open_ = ~inside & ~(low - eps > distance_m)
        if open_.any():
            inside[open_] = shapely.dwithin(zones[zone[open_]], points[point[open_]], distance_m)
        sums += np.bincount(zone[inside], weights=weights[point[inside]], minlength=n)
    return sums


def catchment_supply(zones, residents, park_points, park_area_m2, distance_m, estimated=None):
    """Park area per resident within ``distance_m`` (m) of each zone.

    For each zone: ``reach_green_m2`` = Σ area of the parks whose (representative) point lies within
    the distance of the zone polygon (0 inside); ``reach_pop`` = Σ residents of the zones whose
    representative point lies within it (the zone's own included); ``pub_green_m2_pc`` =
    reach_green_m2 / reach_pop, NaN where the zone itself has no residents. Bulk STRtree queries.
    With ``estimated`` (1 where a zone's residents are an estimate, e.g. residents_est of
    lcr:prepare_osm) also ``pub_green_m2_pc_est``: 1 where more than half of reach_pop is estimated
    residents (``zones.majority_estimated``), the divisor the amount per resident rests on; 0 where
    the zone has no residents (no amount).

    >>> zones = np.array([shapely.box(0, 0, 100, 100), shapely.box(2000, 0, 2100, 100)])
    >>> catchment_supply(zones, [50, 0], shapely.points([(300, 50)]), [1000.0], 1000)["pub_green_m2_pc"].tolist()
    [20.0, nan]
    """
    zones = np.asarray(zones, dtype=object)
    own = np.asarray(residents, dtype=float)
    residents = _residents(own)
    n = len(zones)
    parks = np.asarray(park_points, dtype=object)
    area = np.nan_to_num(np.asarray(park_area_m2, dtype=float), nan=0.0)
    present = ~shapely.is_missing(parks) if len(parks) else np.zeros(0, dtype=bool)
    homes = representative_points(zones)
    placed = ~shapely.is_missing(homes) if n else np.zeros(0, dtype=bool)
    green = within_sums(zones, homes, parks[present], area[present], distance_m)
    pop = within_sums(zones, homes, homes[placed], residents[placed], distance_m)
    value = np.where(own > 0, per_resident(green, pop), np.nan)
    out = {"reach_green_m2": green, "reach_pop": pop, "pub_green_m2_pc": value}
    if estimated is not None:
        flagged = np.where(np.asarray(estimated, dtype=float) == 1, residents, 0.0)
        # a zone without residents of its own has no amount to flag
        out["pub_green_m2_pc_est"] = np.where(own > 0, majority_estimated(
            pop, within_sums(zones, homes, homes[placed], flagged[placed], distance_m)), 0)
    return out
