"""The issue's two parameters that exhausted memory are refused before anything is allocated, with
the estimate and the parameter to change: a 20 km cooling distance in lcr:urban_cooling and a 0.3 m
sample spacing in lcr:habitat_fragmentation. The machine is taken to have 16 GB, so a step may use 8."""
import re
import time

import numpy as np
import pytest
from qgis.core import QgsProcessingException

import processing

X0, Y0 = 572000.0, 3402000.0   # EPSG:4549


@pytest.fixture
def sixteen_gb(monkeypatch):
    from lcr_toolkit.core import memory

    monkeypatch.setattr(memory, "physical_memory_bytes", lambda: 16 * 2 ** 30)


def refused(algorithm, parameters):
    """The message of the refusal, which must come at once (no 10 GB allocated first)."""
    start = time.perf_counter()
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(algorithm, parameters)
    assert time.perf_counter() - start < 5
    return str(raised.value)


def need_gb(message):
    return float(re.search(r"would need about ([\d.]+) GB", message).group(1))


def test_a_20_km_cooling_distance_is_refused(provider, sixteen_gb, tmp_path, write_geotiff, make_layer, rect):
    # 200 × 200 cells of 10 m: the kernel of 20 km is 20 001 cells a side.
    lulc = write_geotiff(tmp_path / "lulc.tif", np.ones((200, 200), dtype=np.int32), (X0, Y0 + 2000), 10.0)
    units = make_layer("Polygon", "EPSG:4549", "name:string", [(rect(X0, Y0, 2000, 2000), ["all"])])
    out, hm = tmp_path / "cooling.gpkg", tmp_path / "hm.tif"
    message = refused("lcr:urban_cooling", {"LULC_RASTER": lulc, "UNITS": units, "COOLING_DISTANCE": 20_000,
                                            "OUTPUT": str(out), "OUTPUT_HM_RASTER": str(hm)})
    assert "Green area cooling distance (m)" in message and "20000 m" in message
    assert need_gb(message) > 10 and "8.0 GB" in message
    assert not out.exists() and not hm.exists()


def test_the_recommended_cooling_distance_runs(provider, sixteen_gb, tmp_path, write_geotiff, make_layer, rect):
    lulc = write_geotiff(tmp_path / "lulc.tif", np.ones((200, 200), dtype=np.int32), (X0, Y0 + 2000), 10.0)
    units = make_layer("Polygon", "EPSG:4549", "name:string", [(rect(X0, Y0, 2000, 2000), ["all"])])
    result = processing.run("lcr:urban_cooling", {"LULC_RASTER": lulc, "UNITS": units, "COOLING_DISTANCE": 450,
                                                  "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["OUTPUT"].featureCount() == 1


def test_a_0_3_m_sample_spacing_is_refused(provider, sixteen_gb, tmp_path, make_layer, rect):
    # 3 km² of woodland: 3.3·10^7 sample points at 0.3 m, about 10 GB.
    land = make_layer("Polygon", "EPSG:4549", "lucode:integer", [(rect(X0, Y0, 2000, 1500), [5])])
    units = make_layer("Polygon", "EPSG:4549", "unit_id:string", [(rect(X0, Y0, 2000, 1500), ["A"])])
    roads = make_layer("LineString", "EPSG:4549", "width_m:double",
                       [(f"LINESTRING({X0 + 600} {Y0 - 100},{X0 + 600} {Y0 + 1600})", [10])])
    out = tmp_path / "habitat.gpkg"
    message = refused("lcr:habitat_fragmentation", {"HABITAT": land, "HABITAT_CLASS_FIELD": "lucode", "ROADS": roads,
                                                    "UNITS": units, "SAMPLE_SPACING": 0.3, "OUTPUT": str(out)})
    assert "Quality sample spacing (m)" in message and "0.3 m" in message
    assert 9.5 < need_gb(message) < 11
    assert not out.exists()
