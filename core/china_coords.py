"""Longitudes and latitudes of the Chinese web maps, to and from WGS 84 / CGCS2000.

GCJ-02 (国测局坐标, "Mars coordinates") is the coordinate system Chinese law requires of public web
maps: Amap (高德), Tencent and Apple Maps in China give GCJ-02; Baidu (百度) adds a second shift of
its own, BD-09. A POI downloaded from them lies 300–700 m (in eastern China) from where the same
place is in WGS 84 or CGCS2000, which alone ruins a 300 m life-circle or 500 m bus-stop analysis.
The two cannot be told from the coordinates: the user must know what the data came from.

The shifts are not published by the state (Amap and Baidu offer conversion services, not
formulas); the formulas below are the widely documented public reconstruction of GCJ-02 and
BD-09, implemented here from the formula:

GCJ-02 from WGS 84, in degrees, with x = λ − 105, y = φ − 35:
  Δφ' = −100 + 2x + 3y + 0.2y² + 0.1xy + 0.2√|x|
        + ⅔(20 sin 6πx + 20 sin 2πx) + ⅔(20 sin πy + 40 sin(πy/3)) + ⅔(160 sin(πy/12) + 320 sin(πy/30))
  Δλ' = 300 + x + 2y + 0.1x² + 0.1xy + 0.1√|x|
        + ⅔(20 sin 6πx + 20 sin 2πx) + ⅔(20 sin πx + 40 sin(πx/3)) + ⅔(150 sin(πx/12) + 300 sin(πx/30))
  (Δφ', Δλ' are metres), turned into degrees on the Krasovsky 1940 ellipsoid (a = 6 378 245 m,
  e² = 0.006 693 421 622 965 943 23) at latitude φ: W = 1 − e² sin²φ,
  Δφ = 180 Δφ' / (π a (1 − e²) / W^1.5),  Δλ = 180 Δλ' / (π a cos φ / √W);
  GCJ-02 = (λ + Δλ, φ + Δφ).
BD-09 from GCJ-02 (k = 3000π/180): z = √(x² + y²) + 2·10⁻⁵ sin(k y), θ = atan2(y, x) + 3·10⁻⁶ cos(k x),
  BD-09 = (z cos θ + 0.0065, z sin θ + 0.006).

The reverse directions have no closed form: they are solved by fixed-point iteration
p ← p − (f(p) − target), which converges because each shift changes by millimetres over the few
hundred metres it moves a point; it stops when f(p) is within ``TOLERANCE_DEG`` (≈ 1 mm) of the
target. Outside the box ``CHINA_BOX`` (the one the reconstruction comes with; it holds China and
some of its neighbours) the maps do not shift and nothing is changed, in either system.

WGS 84 and CGCS2000 (EPSG:4326, EPSG:4490) differ by a few centimetres, far below the accuracy of
the reconstruction, and are treated as one here. Units: degrees in, degrees out.
"""
import numpy as np

from .errors import InputError

WGS84, GCJ02, BD09 = "wgs84", "gcj02", "bd09"
SYSTEMS = (WGS84, GCJ02, BD09)
KRASOVSKY_A = 6378245.0
KRASOVSKY_E2 = 0.00669342162296594323
BD_K = np.pi * 3000.0 / 180.0
CHINA_BOX = (72.004, 0.8293, 137.8347, 55.8271)    # west, south, east, north, degrees
TOLERANCE_DEG = 1e-8                               # about 1 mm
MAX_ITERATIONS = 50
EARTH_RADIUS_M = 6371008.8                         # mean radius, for the distances the log reports


def in_china(lon, lat):
    """True where (lon, lat) lies in ``CHINA_BOX``, the area the Chinese maps shift."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    west, south, east, north = CHINA_BOX
    with np.errstate(invalid="ignore"):
        return (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north)


def _gcj_shift(lon, lat):
    """(Δλ, Δφ) in degrees that GCJ-02 adds to a WGS 84 point (the module's formula)."""
    x = lon - 105.0
    y = lat - 35.0
    common = (20.0 * np.sin(6.0 * np.pi * x) + 20.0 * np.sin(2.0 * np.pi * x)) * 2.0 / 3.0
    root = np.sqrt(np.abs(x))
    north_m = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * root + common
               + (20.0 * np.sin(np.pi * y) + 40.0 * np.sin(np.pi * y / 3.0)) * 2.0 / 3.0
               + (160.0 * np.sin(np.pi * y / 12.0) + 320.0 * np.sin(np.pi * y / 30.0)) * 2.0 / 3.0)
    east_m = (300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * root + common
              + (20.0 * np.sin(np.pi * x) + 40.0 * np.sin(np.pi * x / 3.0)) * 2.0 / 3.0
              + (150.0 * np.sin(np.pi * x / 12.0) + 300.0 * np.sin(np.pi * x / 30.0)) * 2.0 / 3.0)
    phi = np.radians(lat)
    w = 1.0 - KRASOVSKY_E2 * np.sin(phi) ** 2
    dlat = north_m * 180.0 / (np.pi * KRASOVSKY_A * (1.0 - KRASOVSKY_E2) / (w * np.sqrt(w)))
    dlon = east_m * 180.0 / (np.pi * KRASOVSKY_A * np.cos(phi) / np.sqrt(w))
    return dlon, dlat


def wgs84_to_gcj02(lon, lat):
    """GCJ-02 of WGS 84 points (degrees); unchanged outside ``CHINA_BOX``."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    dlon, dlat = _gcj_shift(lon, lat)
    inside = in_china(lon, lat)
    return np.where(inside, lon + dlon, lon), np.where(inside, lat + dlat, lat)


def gcj02_to_bd09(lon, lat):
    """BD-09 of GCJ-02 points (degrees), Baidu's shift of the module's formula; unchanged outside
    ``CHINA_BOX``, where Baidu's maps do not shift either."""
    x = np.asarray(lon, dtype=float)
    y = np.asarray(lat, dtype=float)
    z = np.hypot(x, y) + 2e-5 * np.sin(y * BD_K)
    theta = np.arctan2(y, x) + 3e-6 * np.cos(x * BD_K)
    inside = in_china(x, y)
    return np.where(inside, z * np.cos(theta) + 0.0065, x), np.where(inside, z * np.sin(theta) + 0.006, y)


def wgs84_to_bd09(lon, lat):
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def invert(forward, lon, lat):
    """The points p with ``forward(p)`` = (lon, lat), by fixed-point iteration to ``TOLERANCE_DEG``.

    Returns ``(lon, lat, residual_deg)``, the residual being the largest |forward(p) − target| left
    (0 for no point). Raises InputError("coordinates_no_convergence") if ``MAX_ITERATIONS`` do not
    reach the tolerance, which for these shifts only happens with corrupt input.
    """
    target_lon = np.asarray(lon, dtype=float)
    target_lat = np.asarray(lat, dtype=float)
    x, y = target_lon.copy(), target_lat.copy()
    finite = np.isfinite(x) & np.isfinite(y)
    residual = 0.0
    for _ in range(MAX_ITERATIONS):
        fx, fy = forward(x, y)
        ex, ey = fx - target_lon, fy - target_lat
        residual = float(np.max(np.maximum(np.abs(ex), np.abs(ey))[finite], initial=0.0))
        if residual <= TOLERANCE_DEG:
            return x, y, residual
        x = x - ex
        y = y - ey
    raise InputError("coordinates_no_convergence", residual=residual)


def gcj02_to_wgs84(lon, lat):
    """WGS 84 of GCJ-02 points (degrees), the inverse of ``wgs84_to_gcj02`` iterated to convergence."""
    x, y, _ = invert(wgs84_to_gcj02, lon, lat)
    return x, y


def bd09_to_gcj02(lon, lat):
    x, y, _ = invert(gcj02_to_bd09, lon, lat)
    return x, y


def bd09_to_wgs84(lon, lat):
    x, y, _ = invert(wgs84_to_bd09, lon, lat)
    return x, y


_DIRECT = {
    (WGS84, GCJ02): wgs84_to_gcj02, (GCJ02, WGS84): gcj02_to_wgs84,
    (WGS84, BD09): wgs84_to_bd09, (BD09, WGS84): bd09_to_wgs84,
    (GCJ02, BD09): gcj02_to_bd09, (BD09, GCJ02): bd09_to_gcj02,
}


def converter(source, target):
    """The function (lon, lat) → (lon, lat) taking ``source`` coordinates to ``target`` (one of
    ``SYSTEMS``)."""
    if source not in SYSTEMS or target not in SYSTEMS:
        raise InputError("coordinate_system_unknown", value=f"{source} → {target}")
    if source == target:
        return lambda lon, lat: (np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    return _DIRECT[(source, target)]


def convert(lon, lat, source, target):
    return converter(source, target)(lon, lat)


def distance_m(lon0, lat0, lon1, lat1):
    """Great-circle distance in metres (haversine on a sphere of ``EARTH_RADIUS_M``), for reporting
    how far points moved."""
    phi0, phi1 = np.radians(lat0), np.radians(lat1)
    dphi = phi1 - phi0
    dlam = np.radians(np.asarray(lon1, dtype=float) - np.asarray(lon0, dtype=float))
    h = np.sin(dphi / 2) ** 2 + np.cos(phi0) * np.cos(phi1) * np.sin(dlam / 2) ** 2
    return 2.0 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def largest_shift_m(xy0, xy1, index, count):
    """Per geometry of ``count``, the largest distance (m) between its vertices' lon/lat degrees ``xy0`` and
    ``xy1`` (rows of the geometry numbered ``index``, as ``shapely.get_coordinates`` gives them); NaN for a
    geometry without vertices."""
    out = np.full(count, np.nan)
    if len(xy0):
        moved = distance_m(xy0[:, 0], xy0[:, 1], xy1[:, 0], xy1[:, 1])
        out_max = np.full(count, -np.inf)
        np.maximum.at(out_max, index, moved)
        out = np.where(np.isfinite(out_max), out_max, np.nan)
    return out
