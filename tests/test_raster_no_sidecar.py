"""Raster inputs are read without writing beside them: GDAL keeps what it learns of a dataset (the
statistics QGIS computes for a raster layer's default style) in a .aux.xml written beside the file when
the dataset closes; none may appear in the user's data folder."""
import gc
import os

import numpy as np
import pytest
from qgis.core import QgsProject

import processing

X0, Y0 = 572000.0, 3402000.0   # EPSG:4549, near Jiaxing
POOLS = "lucode,c_above,c_below,c_soil,c_dead\n1,15,10,60,1\n2,5,3,20,0\n"
CASES = {
    "carbon_stock": ("lcr:carbon_stock", lambda d, z: {"LULC_RASTER": d["lulc"], "ZONES": z, "POOLS_TABLE": d["pools"]}),
    "stormwater_runoff": ("lcr:stormwater_runoff", lambda d, z: {"LULC_RASTER": d["lulc"], "ZONES": z}),
    "urban_cooling_et0": ("lcr:urban_cooling", lambda d, z: {"LULC_RASTER": d["lulc"], "UNITS": z,
                                                            "ET0_RASTER": d["et0"]}),
    "rooftop_pv": ("lcr:rooftop_pv", lambda d, z: {"INPUT": z, "IRRADIATION_RASTER": d["et0"]}),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_raster_run_writes_nothing_beside_its_input(provider, tmp_path, write_geotiff, make_layer, rect, case):
    data = tmp_path / "data"
    data.mkdir()
    lulc = np.ones((20, 20), np.uint8)
    lulc[:, 10:] = 2
    files = {"lulc": write_geotiff(data / "lulc.tif", lulc, (X0, Y0 + 40), 2.0, nodata=0),
             "et0": write_geotiff(data / "et0.tif", np.full((4, 4), 1200.0, np.float32), (X0, Y0 + 40), 10.0),
             "pools": str(data / "pools.csv")}
    (data / "pools.csv").write_text(POOLS, encoding="utf-8")
    before = sorted(os.listdir(data))
    zones = make_layer("Polygon", "EPSG:4549", "name:string", [(rect(X0, Y0, 40, 40), ["all"])])
    algorithm, params = CASES[case]
    result = processing.run(algorithm, {**params(files, zones), "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["OUTPUT"].featureCount() == 1
    # GDAL writes its side file when a dataset closes: let go of the run's layers first.
    result = None
    QgsProject.instance().removeAllMapLayers()
    gc.collect()
    assert sorted(os.listdir(data)) == before


def test_the_pam_setting_is_restored():
    from osgeo import gdal

    from lcr_toolkit.algorithms.outputs import inputs_left_alone

    gdal.SetThreadLocalConfigOption("GDAL_PAM_ENABLED", None)
    with inputs_left_alone():
        assert gdal.GetConfigOption("GDAL_PAM_ENABLED") == "NO"
    assert gdal.GetConfigOption("GDAL_PAM_ENABLED") is None
