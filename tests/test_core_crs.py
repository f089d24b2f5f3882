"""core.crs: which CRSs need a projected measure, and the UTM zone of a point."""
import pytest

from lcr_toolkit.core import crs


@pytest.mark.parametrize("lon, lat, epsg", [
    (120.75, 30.75, 32651),   # Jiaxing
    (108.94, 34.34, 32649),   # Xi'an
    (-3.7, 40.4, 32630),      # Madrid
    (151.2, -33.9, 32756),    # Sydney (south)
    (180.0, 0.0, 32660),
])
def test_utm_zone(lon, lat, epsg):
    assert crs.utm_epsg(lon, lat) == epsg


def test_utm_rejects_projected_coordinates():
    with pytest.raises(ValueError):
        crs.utm_epsg(572000.0, 3402000.0)


@pytest.mark.parametrize("geographic, authid, expected", [
    (True, "EPSG:4490", True), (False, "EPSG:3857", True), (False, "epsg:3857", True),
    (False, "EPSG:4549", False), (False, "", False),
])
def test_needs_projected_measure(geographic, authid, expected):
    assert crs.needs_projected_measure(geographic, authid) is expected


@pytest.mark.parametrize("box, degrees", [
    ((120.70, 30.70, 120.80, 30.80), True),            # Jiaxing in degrees
    ((115.2, 28.1, 122.9, 35.1), True),                # a province in degrees
    ((-180.0, -90.0, 180.0, 90.0), False),             # the world: no telling it from a sketch at the origin
    ((0.0, 0.0, 60.0, 10.0), False),                   # a sketch of 60 m × 10 m at the origin
    ((0.0, 0.0, 7.0, 1.0), False),                     # ... or of 7 m × 1 m, in whole metres
    ((120.0, 30.0, 121.0, 31.0), False),               # whole degrees: no telling them from such a sketch
    ((570000, 3400000, 574000, 3403000), False),       # Jiaxing in Gauss-Krüger 120° E
    ((13440000, 3590000, 13450000, 3600000), False),   # Jiaxing in Web Mercator
    ((100.0, 30.0, 200.0, 40.0), False),               # a box of 100 m east of the false origin
    ((0.0, 0.0, float("nan"), 1.0), False),
])
def test_degrees_in_metres(box, degrees):
    assert crs.degrees_in_metres(*box) is degrees
