"""A projected CRS in metres used where it is far off true scale (Monaco written in EPSG:4547, a CGCS2000
Gauss-Krüger zone of central meridian 114° E, 106° of longitude away): the algorithms measure in it as they
must (the numbers are the planar ones, unchanged), but warn, naming the layer, the CRS and the error. Its
own UTM zone (32N) is true to 0.04 % there and is not named."""
import pytest
from osgeo import osr
from pyproj import Geod

import processing

LON, LAT = 7.4200, 43.7350   # Monaco


def planar(epsg, points):
    wgs, target = osr.SpatialReference(), osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    target.ImportFromEPSG(epsg)
    for srs in (wgs, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return [p[:2] for p in osr.CoordinateTransformation(wgs, target).TransformPoints(points)]


def error_there(epsg):
    """Relative error of a 0.001° step north at Monaco: its planar length in the CRS (GDAL) against its
    length on the WGS 84 ellipsoid (pyproj's geodesic): a transverse Mercator is conformal, so lengths east
    are off by the same."""
    (x0, y0), (x1, y1) = planar(epsg, [(LON, LAT), (LON, LAT + 0.001)])
    ground = Geod(ellps="WGS84").inv(LON, LAT, LON, LAT + 0.001)[2]
    return ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 / ground - 1


@pytest.mark.parametrize("epsg, warned", [(4547, True), (32632, False)])
def test_land_cover_shares_warns_of_an_off_scale_crs_and_keeps_its_numbers(provider, make_layer, rect, log_feedback,
                                                                           epsg, warned):
    (x, y), = planar(epsg, [(LON, LAT)])
    x, y = round(x), round(y)
    zones = make_layer("Polygon", f"EPSG:{epsg}", "zone:string", [(rect(x, y, 100, 100), ["Z0"])], name="zones")
    cover = make_layer("Polygon", f"EPSG:{epsg}", "lucode:integer", [(rect(x, y, 100, 100), [1])], name="cover")
    feedback = log_feedback()
    result = processing.run("lcr:land_cover_shares", {"INPUT": zones, "LANDCOVER": cover, "CLASS_FIELD": "lucode",
                                                      "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    said = [line for line in feedback.lines if "off true scale" in line]
    error = error_there(epsg)
    if warned:
        assert error > 0.3   # about 38 % too long
        assert said == [f"“zones” is measured in its CRS EPSG:{epsg}, which is {error:.0%} off true scale where the "
                        f"layer lies (its area of use is elsewhere): lengths and distances are up to {error:.0%} off "
                        f"and areas about twice that. The results are not corrected: reproject the layers to a CRS "
                        f"made for the place (e.g. its UTM zone) or set them to longitudes and latitudes "
                        f"(EPSG:4326), which are measured in the UTM zone."]
    else:
        assert abs(error) < 0.001 and not said
    # the planar area, not corrected: 100 m × 100 m in the CRS
    assert next(result["OUTPUT"].getFeatures())["cover_m2"] == pytest.approx(10000)
