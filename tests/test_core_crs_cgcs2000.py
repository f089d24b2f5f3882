"""core.crs for Chinese data: the CGCS2000 3-degree Gauss-Krüger zone of a longitude, and the datum test."""
import pytest

from lcr_toolkit.core import crs


@pytest.mark.parametrize("lon, epsg", [(120.75, 4549), (121.47, 4549), (118.09, 4548), (108.94, 4545),
                                       (116.4, 4548), (75.0, 4534), (73.6, 4534), (135.0, 4554), (136.4, 4554),
                                       (70.0, None), (137.0, None), (2.35, None), (float("nan"), None)])
def test_gk_zone(lon, epsg):
    assert crs.cgcs2000_gk_epsg(lon) == epsg


def test_cgcs2000_is_told_from_wgs84():
    assert crs.is_cgcs2000("EPSG:4490", "")
    assert crs.is_cgcs2000("", 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000"]]')
    assert not crs.is_cgcs2000("EPSG:4326", 'GEOGCS["WGS 84",DATUM["WGS_1984"]]')
