"""algorithms/raster.py, the raster glue of carbon stock, stormwater runoff and urban cooling: windows,
nodata, grid checks and zone burning by hand, and its errors and warnings through the algorithms."""
import numpy as np
import pytest
import shapely
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsRasterLayer

import processing

X0, Y0 = 572000.0, 3402000.0   # near Jiaxing, EPSG:4549
INVEST_5_3 = "lucode,c_above,c_below,c_soil,c_dead\n1,15,10,60,1\n2,5,3,20,0\n3,2,1,5,0\n"


@pytest.fixture
def write_raster(write_geotiff):
    """``origin`` is the bottom-left corner here, where the zone rectangles start."""
    return lambda path, array, pixel=1.0, epsg=4549, origin=(X0, Y0), nodata=None: write_geotiff(
        path, array, (origin[0], origin[1] + array.shape[0] * pixel), pixel, epsg, nodata)


def as_raster(path):
    from lcr_toolkit.algorithms.raster import Raster

    return Raster(QgsRasterLayer(path, "r"), gdal.Open(path))


@pytest.fixture
def pools(tmp_path):
    path = tmp_path / "invest_5_3.csv"
    path.write_text(INVEST_5_3, encoding="utf-8")
    return str(path)


def test_windows_blocks_and_nodata(provider, tmp_path, write_raster):
    from lcr_toolkit.algorithms.raster import valid_pixels

    values = np.arange(70, dtype=np.int32).reshape(10, 7)
    raster = as_raster(write_raster(tmp_path / "a.tif", values, nodata=3))
    assert (raster.width, raster.height, raster.nodata()) == (7, 10, 3)
    np.testing.assert_array_equal(raster.read(), values)
    np.testing.assert_array_equal(raster.read(2, 3, 4, 2), values[2:5, 4:6])
    # Blocks of 21 pixels on 7 columns: 3 rows each, the last holding the one row left.
    assert list(raster.blocks(21)) == [(0, 3), (3, 3), (6, 3), (9, 1)] and raster.block_count(21) == 4
    assert list(raster.blocks(1)) == [(y, 1) for y in range(10)]
    assert valid_pixels(values, 3).sum() == 69 and not valid_pixels(values, 3)[0, 3]
    floats = np.array([[1.0, np.nan], [-9.0, 2.0]])
    np.testing.assert_array_equal(valid_pixels(floats, -9.0), [[True, False], [False, True]])
    np.testing.assert_array_equal(valid_pixels(floats, None), [[True, False], [True, True]])
    # The extent: 7 × 10 m from the origin.
    assert raster.extent().toString(0) == f"{X0:.0f},{Y0:.0f} : {X0 + 7:.0f},{Y0 + 10:.0f}"


def test_grid_comparisons(provider, tmp_path, write_raster):
    ones = np.ones((4, 4), np.uint8)
    base = as_raster(write_raster(tmp_path / "a.tif", ones))
    same = as_raster(write_raster(tmp_path / "b.tif", ones))
    shifted = as_raster(write_raster(tmp_path / "c.tif", ones, origin=(X0 + 2, Y0)))
    coarse = as_raster(write_raster(tmp_path / "d.tif", ones, pixel=2.0))
    assert base.same_grid(same) and base.same_pixels(same)
    assert base.same_pixels(shifted) and not base.same_grid(shifted)     # same pixels, elsewhere
    assert not base.same_pixels(coarse) and not base.same_grid(coarse)


def test_zones_burn_by_pixel_centre_first_zone_wins_on_any_window(provider, tmp_path, write_raster):
    from lcr_toolkit.algorithms.raster import ZoneLayer

    raster = as_raster(write_raster(tmp_path / "a.tif", np.zeros((6, 8), np.uint8)))
    # Zone 0: x 0–4 m, y 0–3 m from the south-west corner; zone 1: x 2–8 m, all rows (overlaps zone 0,
    # which wins there); zone 2: no geometry. Row 0 of the raster is the northern one (y 5–6 m).
    geometries = np.array([shapely.box(X0, Y0, X0 + 4, Y0 + 3), shapely.box(X0 + 2, Y0, X0 + 8, Y0 + 6), None])
    zones = ZoneLayer(geometries, raster.dataset.GetSpatialRef())
    expected = np.array([[-1, -1, 1, 1, 1, 1, 1, 1]] * 3 + [[0, 0, 0, 0, 1, 1, 1, 1]] * 3)
    np.testing.assert_array_equal(zones.burn(raster), expected)
    np.testing.assert_array_equal(zones.burn(raster, 2, 3, 1, 4), expected[2:5, 1:5])
    # A raster elsewhere (shifted 4 m east) gets its own grid burnt: its column 0 lies at x 4–5 m.
    east = as_raster(write_raster(tmp_path / "b.tif", np.zeros((6, 8), np.uint8), origin=(X0 + 4, Y0)))
    np.testing.assert_array_equal(zones.burn(east)[:, :5], np.ones((6, 4 + 1), int) * [1, 1, 1, 1, -1])


def test_plan_raster_elsewhere_is_summed_on_its_own_grid(provider, tmp_path, write_raster, pools, make_layer, rect):
    # Baseline 10 × 10 px of 2 m, lucode 1 (86 t C/ha); the plan is shifted 5 px east: its columns 0–4
    # hold lucode 2 (28 t/ha), columns 5–9 lucode 3 (8 t/ha). The east zone (x 10–20 m) sees the plan's
    # columns 0–4: 50 px × 28 t/ha × 4e-4 ha = 0.56 t (baseline 50 × 86 × 4e-4 = 1.72 t); the west zone
    # (x 0–10 m) has no plan pixel: NULL.
    plan = np.full((10, 10), 2, np.uint8)
    plan[:, 5:] = 3
    base = write_raster(tmp_path / "base.tif", np.ones((10, 10), np.uint8), pixel=2.0)
    shifted = write_raster(tmp_path / "plan.tif", plan, pixel=2.0, origin=(X0 + 10, Y0))
    zones = make_layer("Polygon", "EPSG:4549", "name:string", [
        (rect(X0, Y0, 10, 20), ["west"]), (rect(X0 + 10, Y0, 10, 20), ["east"])])
    feedback = QgsProcessingFeedback()
    result = processing.run("lcr:carbon_stock", {"LULC_RASTER": base, "SCENARIO_RASTER": shifted, "ZONES": zones,
                                                 "POOLS_TABLE": pools, "OUTPUT": "TEMPORARY_OUTPUT"},
                            feedback=feedback)
    out = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    assert out["east"]["c_stock_t"] == pytest.approx(1.72) and out["east"]["c_scen_t"] == pytest.approx(0.56)
    west = out["west"]["c_scen_t"]
    assert out["west"]["c_stock_t"] == pytest.approx(1.72) and (west is None or west.isNull())
    assert "covers a different extent from the land-cover raster" in feedback.textLog()


def test_zones_away_from_the_raster_are_warned(provider, tmp_path, write_raster, make_layer, rect):
    lulc = write_raster(tmp_path / "l.tif", np.full((4, 4), 2, np.int32))
    away = make_layer("Polygon", "EPSG:4549", "id:integer", [(rect(X0 + 9000, Y0, 10, 10), [1])])
    feedback = QgsProcessingFeedback()
    processing.run("lcr:stormwater_runoff", {"LULC_RASTER": lulc, "ZONES": away, "OUTPUT": "TEMPORARY_OUTPUT"},
                   feedback=feedback)
    log = feedback.textLog()
    assert "do not overlap the raster" in log
    assert "1 zones contain no counted pixel" in log


def test_rasters_gdal_cannot_read_or_without_fixed_pixels_are_refused(provider, tmp_path, make_layer, rect,
                                                                      pools, write_raster):
    units = make_layer("Polygon", "EPSG:4549", "id:integer", [(rect(X0, Y0, 2, 2), [1])])
    geographic = write_raster(tmp_path / "geo.tif", np.ones((2, 2), np.int32), epsg=4326, origin=(120.7, 30.7),
                              pixel=0.0001)
    # The cooling algorithm says why metres matter to it; the others share the pixel-area message.
    with pytest.raises(QgsProcessingException, match="cooling distances are in metres"):
        processing.run("lcr:urban_cooling", {"LULC_RASTER": geographic, "UNITS": units, "OUTPUT": "TEMPORARY_OUTPUT"})
    with pytest.raises(QgsProcessingException, match="where pixels have no fixed area"):
        processing.run("lcr:carbon_stock", {"LULC_RASTER": geographic, "POOLS_TABLE": pools,
                                            "OUTPUT": "TEMPORARY_OUTPUT"})
    rectangular = write_raster(tmp_path / "rect.tif", np.ones((2, 2), np.int32))
    dataset = gdal.Open(rectangular, gdal.GA_Update)
    dataset.SetGeoTransform((X0, 1.0, 0, Y0 + 4, 0, -2.0))
    dataset = None
    with pytest.raises(QgsProcessingException, match="cells of 1 × 2"):
        processing.run("lcr:urban_cooling", {"LULC_RASTER": rectangular, "UNITS": units, "OUTPUT": "TEMPORARY_OUTPUT"})
