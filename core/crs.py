"""Choosing where areas can be measured honestly.

Planar areas are wrong in a geographic CRS (degrees) and inflated in Web Mercator (by 1/cos²φ,
about 1.35× at Jiaxing's 30.8° N). Such inputs are measured in the UTM zone of their centre.
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



# Mainland China with Hainan, Taiwan and the islands, as a box: the first test of ``local_metric_epsg``
# (the names of the data decide inside it, since the box also holds Korea, Mongolia and western Japan).
CHINA_BOX = (73.5, 18.0, 135.1, 53.6)


def in_china_box(lon, lat):
    west, south, east, north = CHINA_BOX
    return west <= lon <= east and south <= lat <= north


def cgcs2000_gk_epsg(lon):
    """EPSG code of the CGCS2000 3-degree Gauss-Krüger CRS (central-meridian variant, no zone number
    in the easting) whose central meridian is nearest ``lon``: EPSG:4534 (75° E) … 4554 (135° E)."""
    meridian = min(max(3 * math.floor(lon / 3.0 + 0.5), 75), 135)
    return 4534 + (meridian - 75) // 3


def local_metric_epsg(lon, lat, chinese):
    """The local CRS in metres for data centred at (lon, lat): in China (inside ``CHINA_BOX`` and
    ``chinese``, e.g. names in Chinese characters) the CGCS2000 3-degree Gauss-Krüger zone that
    Chinese planning data use; elsewhere the WGS 84 UTM zone.

    >>> local_metric_epsg(120.75, 30.75, True), local_metric_epsg(26.95, 60.53, False)
    (4549, 32635)
    """
    if chinese and in_china_box(lon, lat):
        return cgcs2000_gk_epsg(lon)
    return utm_epsg(lon, lat)
