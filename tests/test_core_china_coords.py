"""core.china_coords: the GCJ-02 and BD-09 shifts against values of an independent implementation,
round trips within 1 m over all of China, the size of the shift in Chinese cities, and geometries."""
import numpy as np
import pytest

from lcr_toolkit.core import china_coords as cc

# WGS 84 → GCJ-02 → BD-09 of seven city centres, computed with the PyPI package eviltransform 0.1.1 (an
# implementation of the same public reconstruction by other authors), rounded to 1e-8°.
REFERENCE = [
    ((116.397428, 39.90923), (116.40367173, 39.91063353), (116.41004421, 39.91697288)),   # Beijing
    ((121.4737, 31.2304), (121.47822314, 31.2284577), (121.48478155, 31.23431056)),        # Shanghai
    ((120.7555, 30.7522), (120.75982002, 30.74990312), (120.76638477, 30.75572988)),       # Jiaxing
    ((118.0894, 24.4798), (118.09437717, 24.47715319), (118.10082067, 24.48341114)),       # Xiamen
    ((108.9398, 34.3416), (108.94445571, 34.34004447), (108.95090151, 34.34627411)),       # Xi'an
    ((125.3235, 43.8171), (125.3300064, 43.81955143), (125.33663639, 43.82523139)),        # Changchun
    ((114.0579, 22.5431), (114.06301409, 22.54038277), (114.06956407, 22.54604151)),       # Shenzhen
]


def metres(a, b):
    return cc.distance_m(a[0], a[1], b[0], b[1])


@pytest.mark.parametrize("wgs, gcj, bd", REFERENCE)
def test_shifts_match_an_independent_implementation(wgs, gcj, bd):
    assert metres(cc.wgs84_to_gcj02(*wgs), gcj) < 0.05       # within 5 cm
    assert metres(cc.gcj02_to_bd09(*gcj), bd) < 0.005     # the reference's rounding
    assert metres(cc.wgs84_to_bd09(*wgs), bd) < 0.05


@pytest.mark.parametrize("wgs, gcj, bd", REFERENCE)
def test_the_shift_is_hundreds_of_metres_in_chinese_cities(wgs, gcj, bd):
    assert 300 < metres(wgs, gcj) < 700
    assert 700 < metres(wgs, bd) < 1500


@pytest.fixture(scope="module")
def china():
    """20 000 points spread over mainland China and Hainan."""
    rng = np.random.default_rng(20240521)
    return rng.uniform(73.7, 134.9, 20_000), rng.uniform(18.2, 53.4, 20_000)


@pytest.mark.parametrize("origin, target", [(cc.WGS84, cc.GCJ02), (cc.WGS84, cc.BD09), (cc.GCJ02, cc.BD09),
                                            (cc.GCJ02, cc.WGS84), (cc.BD09, cc.WGS84), (cc.BD09, cc.GCJ02)])
def test_round_trip_within_a_metre_across_china(china, origin, target):
    lon, lat = china
    there = cc.convert(lon, lat, origin, target)
    back = cc.convert(*there, target, origin)
    error = cc.distance_m(lon, lat, *back)
    assert error.max() < 1.0
    assert error.max() < 0.01          # in fact within a centimetre: the iteration stops at ~1 mm
    assert cc.distance_m(lon, lat, *there).min() > 1.0   # and every point did move


def test_inverse_meets_its_tolerance(china):
    lon, lat = china
    gx, gy = cc.wgs84_to_gcj02(lon, lat)
    x, y, residual = cc.invert(cc.wgs84_to_gcj02, gx, gy)
    assert residual <= cc.TOLERANCE_DEG
    assert np.abs(x - lon).max() < 1e-7 and np.abs(y - lat).max() < 1e-7


def test_outside_china_nothing_moves():
    lon, lat = np.array([2.35, -74.0, 139.69, 100.5]), np.array([48.85, 40.7, 35.69, -0.5])  # Paris, NY, Tokyo, sea
    for origin, target in [(cc.WGS84, cc.GCJ02), (cc.GCJ02, cc.WGS84), (cc.WGS84, cc.BD09), (cc.BD09, cc.WGS84),
                           (cc.GCJ02, cc.BD09), (cc.BD09, cc.GCJ02)]:
        x, y = cc.convert(lon, lat, origin, target)
        assert np.array_equal(x, lon) and np.array_equal(y, lat)


def test_missing_coordinates_stay_missing():
    x, y = cc.gcj02_to_wgs84(np.array([120.7, np.nan]), np.array([30.7, np.nan]))
    assert np.isfinite(x[0]) and np.isnan(x[1]) and np.isnan(y[1])


def test_largest_shift_per_geometry():
    """Geometry 0 has a vertex moved 0.001° north and one not moved; geometry 1 has no vertex; geometry 2
    has one moved 0.002° east on the equator. On a sphere of R = 6,371,008.8 m: 0.001° = R × 1.7453293e-5 rad
    = 111.195 m, 0.002° = 222.390 m."""
    xy0 = np.array([[120.0, 30.0], [120.1, 30.0], [10.0, 0.0]])
    xy1 = np.array([[120.0, 30.001], [120.1, 30.0], [10.002, 0.0]])
    shift = cc.largest_shift_m(xy0, xy1, np.array([0, 0, 2]), 3)
    assert shift[0] == pytest.approx(111.19508, abs=1e-4) and np.isnan(shift[1])
    assert shift[2] == pytest.approx(222.39016, abs=1e-4)
    assert np.isnan(cc.largest_shift_m(np.zeros((0, 2)), np.zeros((0, 2)), np.zeros(0, int), 2)).all()


def test_unknown_system_is_refused():
    from lcr_toolkit.core.errors import InputError

    with pytest.raises(InputError, match="coordinate_system_unknown"):
        cc.converter("wgs84", "bd09mc")
