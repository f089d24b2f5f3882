"""Choosing where areas can be measured honestly.

Planar areas are wrong in a geographic CRS (degrees) and inflated in Web Mercator (by 1/cos²φ,
about 1.35× at Jiaxing's 30.8° N). Such inputs are measured in a transverse Mercator zone of their
centre: for CGCS2000 longitudes and latitudes (EPSG:4490, the datum of Chinese survey and planning
data) the CGCS2000 3-degree Gauss-Krüger zone (EPSG:4534–4554, central meridians 75° E … 135° E,
the CRS such data are delivered in), for anything else the WGS 84 UTM zone. Both are metric and
true to well under 0.1 %: at most 1.5° from the central meridian a 3-degree zone's scale error is
below 0.03 % at 30° N, a UTM zone's (scale 0.9996 on the meridian) below 0.1 %; the GK zone also
needs no change of datum.
"""
import math

WEB_MERCATOR_IDS = frozenset({"EPSG:3857", "EPSG:900913", "EPSG:3785", "EPSG:102100", "ESRI:102100"})


def needs_projected_measure(is_geographic, authid):
    """True where planar measures in the layer's own CRS would be wrong."""
    return bool(is_geographic) or (authid or "").upper() in WEB_MERCATOR_IDS


def utm_epsg(lon, lat):
    """EPSG code of the WGS 84 / UTM zone containing (lon, lat) in degrees: 326zz north, 327zz south."""
    if not (-180.0 <= lon <= 360.0 and -90.0 <= lat <= 90.0) or math.isnan(lon) or math.isnan(lat):
        raise ValueError(f"not a longitude/latitude: {lon}, {lat}")
    if lon > 180.0:   # data that run 0…360°
        lon -= 360.0
    zone = min(int((lon + 180.0) // 6.0) + 1, 60)
    return (32600 if lat >= 0 else 32700) + zone


def lonlat_plausible(west, south, east, north):
    """True where a box in degrees can be on the Earth: latitudes within ±90°, longitudes within
    −180°…360° (some global data run 0…360°), all finite. Metre coordinates read as degrees fail."""
    values = (west, south, east, north)
    if not all(math.isfinite(v) for v in values):
        return False
    return -180.0 <= west <= east <= 360.0 and -90.0 <= south <= north <= 90.0


# The largest extent, in CRS units, that ``degrees_in_metres`` takes for degrees: a province in degrees
# spans a few; a layer in metres at least tens of metres.
DEGREES_SPAN = 10.0


def degrees_in_metres(xmin, ymin, xmax, ymax):
    """True where the coordinates of a layer labelled with a projected CRS look like longitudes and
    latitudes: every one within ±180 and ±90, the extent tiny in metres (at most ``DEGREES_SPAN``
    each way), and its corners not all whole numbers (as surveyed longitudes and latitudes never
    are). Such a layer would lie at the projection's false origin, where no planning data lie: a
    Gauss-Krüger or UTM zone puts x = 0 500 km west of its central meridian, outside the zone; Web
    Mercator puts (0, 0) in the Gulf of Guinea. A sketch of whole metres drawn at the origin, as
    tests do, is let through.

    >>> degrees_in_metres(120.70, 30.70, 120.80, 30.80), degrees_in_metres(570000, 3400000, 574000, 3403000)
    (True, False)
    >>> degrees_in_metres(0, 0, 10, 10), degrees_in_metres(0, 0, 60, 10.5)
    (False, False)
    """
    values = (xmin, ymin, xmax, ymax)
    return (all(math.isfinite(v) for v in values)
            and -180.0 <= xmin <= xmax <= 180.0 and -90.0 <= ymin <= ymax <= 90.0
            and xmax - xmin <= DEGREES_SPAN and ymax - ymin <= DEGREES_SPAN
            and not all(float(v).is_integer() for v in values))


CGCS2000_GK_FIRST_EPSG = 4534        # CGCS2000 / 3-degree Gauss-Kruger CM 75E
CGCS2000_GK_CENTRAL_MERIDIANS = (75, 135)
# Mainland China with Hainan, Taiwan and the islands, as a box: the first test of ``local_metric_epsg``
# (the names of the data decide inside it, since the box also holds Korea, Mongolia and western Japan).
CHINA_BOX = (73.5, 18.0, 135.1, 53.6)


def in_china_box(lon, lat):
    west, south, east, north = CHINA_BOX
    return west <= lon <= east and south <= lat <= north


def cgcs2000_gk_epsg(lon):
    """EPSG code of the CGCS2000 3-degree Gauss-Krüger zone (central meridian in the CRS name, no
    zone number in the easting) whose central meridian is nearest ``lon`` (degrees east); None
    where that meridian would be outside 75° E … 135° E, i.e. the point is not in China's zones.
    A zone reaches 1.5° either side of its meridian: 73.5° E is still in the 75° E zone."""
    if not math.isfinite(lon):
        return None
    meridian = 3 * math.floor(lon / 3.0 + 0.5)
    first, last = CGCS2000_GK_CENTRAL_MERIDIANS
    if lon >= first - 1.5 and meridian < first:
        meridian = first
    if not first <= meridian <= last:
        return None
    return CGCS2000_GK_FIRST_EPSG + (meridian - first) // 3


def local_metric_epsg(lon, lat, chinese):
    """The local CRS in metres for data centred at (lon, lat): in China (inside ``CHINA_BOX`` and
    ``chinese``, e.g. names in Chinese characters) the CGCS2000 3-degree Gauss-Krüger zone that
    Chinese planning data use; elsewhere the WGS 84 UTM zone.

    >>> local_metric_epsg(120.75, 30.75, True), local_metric_epsg(26.95, 60.53, False)
    (4549, 32635)
    """
    zone = cgcs2000_gk_epsg(lon) if chinese and in_china_box(lon, lat) else None
    return zone if zone is not None else utm_epsg(lon, lat)


def measuring_epsg(lon, lat, cgcs2000):
    """EPSG code of the CRS in metres that longitudes and latitudes centred at (lon, lat) are measured in:
    for CGCS2000 degrees (``cgcs2000``, EPSG:4490) the CGCS2000 3-degree Gauss-Krüger zone of the centre
    (no change of datum), where China's zones reach; else the WGS 84 UTM zone.

    >>> measuring_epsg(120.75, 30.75, True), measuring_epsg(120.75, 30.75, False), measuring_epsg(10.0, 50.0, True)
    (4549, 32651, 32632)
    """
    zone = cgcs2000_gk_epsg(lon) if cgcs2000 else None
    return zone if zone is not None else utm_epsg(lon, lat)


def is_cgcs2000(authid, wkt):
    """True for a CRS on the CGCS2000 datum (China Geodetic Coordinate System 2000), from its
    authority id or, for a CRS read from a .prj without one, its WKT."""
    if (authid or "").upper() in ("EPSG:4490", "EPSG:4480", "EPSG:4479"):
        return True
    text = (wkt or "").replace("_", " ").lower()
    return "china 2000" in text or "china geodetic coordinate system 2000" in text or "cgcs2000" in text


# WGS 84 ellipsoid: semi-major axis (m) and first eccentricity squared (NIMA TR8350.2, 2000, table 3.1).
WGS84_A = 6378137.0
WGS84_E2 = 6.69437999014e-3


def ground_metres_per_degree(lat):
    """(east, north): metres on the WGS 84 ellipsoid of one degree of longitude and of latitude at
    latitude ``lat``: N·cos φ·π/180 and M·π/180, N = a / √(1 − e² sin² φ) the prime-vertical and
    M = a (1 − e²) / (1 − e² sin² φ)^1.5 the meridian radius of curvature.

    >>> [round(v) for v in ground_metres_per_degree(0.0)], [round(v) for v in ground_metres_per_degree(45.0)]
    ([111319, 110574], [78847, 111132])
    """
    s2 = math.sin(math.radians(lat)) ** 2
    n = WGS84_A / math.sqrt(1.0 - WGS84_E2 * s2)
    m = WGS84_A * (1.0 - WGS84_E2) / (1.0 - WGS84_E2 * s2) ** 1.5
    return n * math.cos(math.radians(lat)) * math.pi / 180.0, m * math.pi / 180.0


def scale_error(lat, step_deg, east_m, north_m):
    """Largest relative error of lengths measured in a projected CRS at latitude ``lat``: ``east_m`` and
    ``north_m`` are the planar lengths in that CRS of ``step_deg`` degrees of longitude and of latitude
    (small steps); 0 where the CRS is true to scale there. Areas are off by about twice as much.

    >>> round(scale_error(45.0, 0.001, 78.847, 111.132), 4), round(scale_error(45.0, 0.001, 86.73, 111.13), 3)
    (0.0, 0.1)
    """
    east, north = ground_metres_per_degree(lat)
    return max(abs(east_m / (east * step_deg) - 1.0), abs(north_m / (north * step_deg) - 1.0))


# Off-scale projected CRSs: beyond this relative error of lengths where the data lie, every length and
# area measured in the CRS is warned about. Inside its own zone a Transverse Mercator CRS stays under 0.1 %
# (a 3-degree Gauss-Krüger zone 0.03 %, a UTM zone's edge at the equator 0.1 %), so twice that is a CRS used
# outside its zone: Jiaxing (120.7° E, 30.7° N) in the Gauss-Krüger zone of meridian 114° E is 0.5 % off
# (areas 1 %), Monaco in it tens of per cent.
SCALE_TOLERANCE = 0.002


def sample_points(west, south, east, north):
    """The centre and the four corners of a box in degrees, as (lon, lat) pairs: where the scale of a
    CRS over the box is looked at (its error grows away from the central meridian, so it is largest at
    a corner or, for a box straddling the meridian, still largest at a corner)."""
    return [((west + east) / 2.0, (south + north) / 2.0), (west, south), (east, south), (west, north),
            (east, north)]


# Gauss-Krüger zone numbers before the easting (GB/T 17798-2007 and survey practice; the EPSG CRSs "… zone N"
# have false easting N × 1,000,000 + 500,000): 6-degree zones 13–23 and 3-degree zones 25–45 cover China.
GK6_ZONES, GK3_ZONES = (13, 23), (25, 45)
CGCS2000_GK6_ZONE_EPSG, CGCS2000_GK6_CM_EPSG = 4491, 4502         # zone 13 / CM 75E
CGCS2000_GK3_ZONE_EPSG = 4513                                     # zone 25; CM 75E is CGCS2000_GK_FIRST_EPSG


def _zone_epsgs(zone):
    """(EPSG of the CGCS2000 CRS with zone number ``zone`` in its eastings, EPSG of the one without); None for
    a number that is no Chinese GK zone."""
    if GK3_ZONES[0] <= zone <= GK3_ZONES[1]:
        return CGCS2000_GK3_ZONE_EPSG + zone - GK3_ZONES[0], CGCS2000_GK_FIRST_EPSG + zone - GK3_ZONES[0]
    if GK6_ZONES[0] <= zone <= GK6_ZONES[1]:
        return CGCS2000_GK6_ZONE_EPSG + zone - GK6_ZONES[0], CGCS2000_GK6_CM_EPSG + zone - GK6_ZONES[0]
    return None


def gk_zone_number_hint(false_easting, xmin, xmax):
    """Why Gauss-Krüger eastings ``xmin`` … ``xmax`` do not fit a CRS whose false easting is
    ``false_easting`` (m), where the zone number is the cause: ``("in_data", zone, epsg)`` where the
    eastings carry a zone number (40,571,800 is 571,800 m in zone 40) and the CRS has none, ``epsg``
    being the CGCS2000 CRS with that zone number; ``("in_crs", zone, epsg)`` where the CRS has one
    (false easting 40,500,000) and the eastings have not, ``epsg`` being the CGCS2000 CRS of the
    same central meridian without it; None otherwise. Eastings lie within 1,000,000 m of the number.

    >>> gk_zone_number_hint(500000, 40571800, 40572200), gk_zone_number_hint(40500000, 571800, 572200)
    (('in_data', 40, 4528), ('in_crs', 40, 4549))
    >>> gk_zone_number_hint(500000, 571800, 572200), gk_zone_number_hint(500000, 3e7, 3.1e7)
    (None, None)
    """
    if not all(math.isfinite(v) for v in (false_easting, xmin, xmax)):
        return None
    if false_easting < 1e6 and xmin >= 1e6 and int(xmin // 1e6) == int(xmax // 1e6):
        zone = int(xmin // 1e6)
        epsgs = _zone_epsgs(zone)
        return ("in_data", zone, epsgs[0]) if epsgs else None
    if false_easting >= 1e6 and 0 < xmin <= xmax < 1e6:
        zone = int(false_easting // 1e6)
        epsgs = _zone_epsgs(zone)
        return ("in_crs", zone, epsgs[1]) if epsgs else None
    return None
