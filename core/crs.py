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

