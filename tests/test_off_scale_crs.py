"""A projected CRS in metres used where it is off true scale (Monaco written in EPSG:4547, a CGCS2000
Gauss-Krüger zone of central meridian 114° E, 106° of longitude away; Jiaxing, 6.7° away, in the same
wrong zone): the algorithms measure in it as they must (the numbers are the planar ones, unchanged), but
warn, naming the layer, the CRS and the error. Monaco's own UTM zone (32N) and Jiaxing's own Gauss-Krüger
zone (EPSG:4549, meridian 120° E) are true to 0.04 % there and are not named."""
import pytest
from osgeo import osr
from pyproj import Geod

import processing

MONACO, JIAXING = (7.4200, 43.7350), (120.7400, 30.7300)


def planar(epsg, points):
    wgs, target = osr.SpatialReference(), osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    target.ImportFromEPSG(epsg)
    for srs in (wgs, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return [p[:2] for p in osr.CoordinateTransformation(wgs, target).TransformPoints(points)]


def error_there(epsg, lon, lat):
    """Relative error of a 0.001° step north at (lon, lat): its planar length in the CRS (GDAL) against its
    length on the WGS 84 ellipsoid (pyproj's geodesic): a transverse Mercator is conformal, so lengths east
    are off by the same."""
    (x0, y0), (x1, y1) = planar(epsg, [(lon, lat), (lon, lat + 0.001)])
    ground = Geod(ellps="WGS84").inv(lon, lat, lon, lat + 0.001)[2]
    return ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 / ground - 1


# Jiaxing in EPSG:4547: A = 6.74° × cos 30.73° = 0.10111 rad from the meridian, so lengths are
# k − 1 = A²/2 (1 + e'² cos² φ) = 0.005112 × 1.00498 = 0.514 % too long (Snyder 1987, eq. 8-11, first terms) and
# areas 1.0 %: the neighbouring-but-one 3-degree zone. Monaco: about 38 %.
@pytest.mark.parametrize("epsg, place, warned, about, tolerance", [
    (4547, MONACO, True, 0.38, 0.01), (32632, MONACO, False, 0.0, 1e-3),
    (4547, JIAXING, True, 0.00514, 1e-4), (4549, JIAXING, False, 0.0, 1e-3)])
def test_land_cover_shares_warns_of_an_off_scale_crs_and_keeps_its_numbers(provider, make_layer, rect, log_feedback,
                                                                           epsg, place, warned, about, tolerance):
    (x, y), = planar(epsg, [place])
    x, y = round(x), round(y)
    zones = make_layer("Polygon", f"EPSG:{epsg}", "zone:string", [(rect(x, y, 100, 100), ["Z0"])], name="zones")
    cover = make_layer("Polygon", f"EPSG:{epsg}", "lucode:integer", [(rect(x, y, 100, 100), [1])], name="cover")
    feedback = log_feedback()
    result = processing.run("lcr:land_cover_shares", {"INPUT": zones, "LANDCOVER": cover, "CLASS_FIELD": "lucode",
                                                      "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    said = [line for line in feedback.lines if "off true scale" in line]
    error = error_there(epsg, *place)
    assert error == pytest.approx(about, abs=tolerance)
    if warned:
        assert said == [f"“zones” is measured in its CRS EPSG:{epsg}, which is {error:.1%} off true scale where the "
                        f"layer lies (a CRS made for another area, or used far from its centre): lengths and distances "
                        f"are up to {error:.1%} off "
                        f"and areas about twice that. The results are not corrected: reproject the layers to a CRS "
                        f"made for the place (e.g. its UTM zone) or set them to longitudes and latitudes "
                        f"(EPSG:4326), which are measured in the UTM zone."]
    else:
        assert not said
    # the planar area, not corrected: 100 m × 100 m in the CRS
    assert next(result["OUTPUT"].getFeatures())["cover_m2"] == pytest.approx(10000)
