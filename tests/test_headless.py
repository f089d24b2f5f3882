"""The algorithms and the shipped model run headless: from qgis_process.bin with the plugin
enabled from a plugin folder, and the model through processing.run."""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import shapely

import processing

QGIS_PROCESS = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"


@pytest.fixture(scope="module")
def district(tmp_path_factory, qgis_processing):
    """A GeoPackage with 3 buildings and 2 nested flood zones (EPSG:4549)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorFileWriter, QgsVectorLayer, QgsCoordinateTransformContext

    folder = tmp_path_factory.mktemp("district")
    path = str(folder / "district.gpkg")
    layers = {
        "buildings": ("Polygon?crs=EPSG:4549&field=floors:integer&field=use:string&field=residents:integer", [
            ("POLYGON((0 0,10 0,10 10,0 10,0 0))", [3, "office", 0]),              # 300 m² office, 1.5 m
            ("POLYGON((40 0,60 0,60 10,40 10,40 0))", [2, "residential", 20]),     # 400 m² homes, 0.5 m
            ("POLYGON((200 0,210 0,210 10,200 10,200 0))", [None, "hotel", 0]),    # 100 m² hotel, dry
        ]),
        "flood_zones": ("Polygon?crs=EPSG:4549&field=depth_m:double", [
            ("POLYGON((-10 -10,80 -10,80 20,-10 20,-10 -10))", [0.5]),
            ("POLYGON((-10 -10,20 -10,20 20,-10 20,-10 -10))", [1.5]),
        ]),
    }
    for name, (spec, rows) in layers.items():
        layer = QgsVectorLayer(spec, name, "memory")
        features = []
        for wkt, values in rows:
            feature = QgsFeature(layer.fields())
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
            feature.setAttributes(values)
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.layerName = name
        if os.path.exists(path):
            options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
        error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), options)
        assert error[0] == QgsVectorFileWriter.NoError, error
    return path


# Hand-computed (shipped factors): office 300 m² × (85 × 0.5306 + 5 × 0.20196) / 1000 = 13.83324 t;
# residential 400 m² × (30 × 0.5306 + 12 × 0.20196) / 1000 = 7.33661 t; hotel 100 m² × 1 floor
# × (140 × 0.5306 + 45 × 0.20196) / 1000 = 8.33722 t.
TOTAL_CO2 = 13.83324 + 7.336608 + 8.337220


@pytest.fixture(scope="module")
def qgis_process_env(tmp_path_factory, plugin_root):
    """Environment for qgis_process.bin: fresh settings, the plugin folder, our shapely 2."""
    if not os.path.exists(QGIS_PROCESS):
        pytest.fail("qgis_process.bin is not installed (make test installs QGIS)")
    env = dict(os.environ)
    settings = str(tmp_path_factory.mktemp("qgis_settings"))
    env.update({
        "QGIS_CUSTOM_CONFIG_PATH": settings,
        "QGIS_OPTIONS_PATH": settings,
        "QGIS_PLUGINPATH": str(plugin_root),
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:" + env.get("PATH", ""),
        "PYTHONPATH": os.path.dirname(os.path.dirname(shapely.__file__)),
    })
    enabled = subprocess.run([QGIS_PROCESS, "plugins", "enable", "lcr_toolkit"], env=env,
                             capture_output=True, text=True, timeout=120)
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    return env


def qgis_process(env, algorithm, **params):
    args = [QGIS_PROCESS, "run", algorithm, "--json"] + [f"--{k}={v}" for k, v in params.items()]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout[done.stdout.index("{"):])["results"]


def test_building_emissions_from_qgis_process(qgis_process_env, district, tmp_path):
    out = tmp_path / "emissions.gpkg"
    results = qgis_process(qgis_process_env, "lcr:building_emissions", INPUT=f"{district}|layername=buildings",
                           FLOORS_FIELD="floors", USE_FIELD="use", OUTPUT=out)
    assert results["TOTAL_GFA_M2"] == pytest.approx(800.0)
    assert results["TOTAL_CO2_T"] == pytest.approx(TOTAL_CO2, abs=1e-4)
    # a GeoPackage table into a GeoPackage file: written by GDAL and SQLite (algorithms/fastwrite.py)
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(out), "emissions", "ogr")
    rows = sorted((f["use"], round(f["co2_t_yr"], 4)) for f in layer.getFeatures())
    assert rows == [("hotel", 8.3372), ("office", 13.8332), ("residential", 7.3366)]


def test_flood_exposure_from_qgis_process(qgis_process_env, district, tmp_path):
    results = qgis_process(qgis_process_env, "lcr:flood_exposure", INPUT=f"{district}|layername=buildings",
                           HAZARD=f"{district}|layername=flood_zones", DEPTH_FIELD="depth_m",
                           POPULATION_FIELD="residents", OUTPUT=tmp_path / "flood.gpkg")
    assert results["EXPOSED_COUNT"] == 2
    assert results["EXPOSED_POPULATION"] == 20


def test_model_from_qgis_process(qgis_process_env, district, tmp_path):
    out = tmp_path / "model.gpkg"
    qgis_process(qgis_process_env, "lcr:emissions_and_flood_exposure", buildings=f"{district}|layername=buildings",
                 hazard=f"{district}|layername=flood_zones", depth_field="depth_m", floors_field="floors",
                 use_field="use", population_field="residents", **{"exposure:result": out})
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(out), "model", "ogr")
    rows = sorted((f["use"], round(f["co2_t_yr"], 4), f["depth_m"], f["exposed"]) for f in layer.getFeatures())
    assert rows == [("hotel", 8.3372, 0.0, 0), ("office", 13.8332, 1.5, 1), ("residential", 7.3366, 0.5, 1)]


def test_model_through_processing_run(provider, district):
    result = processing.run("lcr:emissions_and_flood_exposure", {
        "buildings": f"{district}|layername=buildings", "hazard": f"{district}|layername=flood_zones",
        "depth_field": "depth_m", "floors_field": "floors", "use_field": "use",
        "population_field": "residents", "exposure:result": "TEMPORARY_OUTPUT"})
    layer = result["exposure:result"]
    if isinstance(layer, str):
        from qgis.core import QgsProcessingUtils, QgsProcessingContext

        layer = QgsProcessingUtils.mapLayerFromString(layer, QgsProcessingContext())
    assert sum(f["co2_t_yr"] for f in layer.getFeatures()) == pytest.approx(TOTAL_CO2, abs=1e-4)
    assert sum(f["pop_exp"] for f in layer.getFeatures()) == 20


def test_prepare_osm_from_qgis_process(qgis_process_env, tmp_path):
    """lcr:prepare_osm from the command line: one file per layer, sizes and counts as processing.run gives."""
    kotka = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "osm" / "kotka.osm.pbf"
    outputs = {name: tmp_path / f"{name.lower()}.gpkg" for name in (
        "BUILDINGS", "ROADS", "TRANSIT_STOPS", "FACILITIES", "GREEN_SPACES", "SHELTERS", "LANDCOVER", "WATER", "UNITS")}
    results = qgis_process(qgis_process_env, "lcr:prepare_osm", INPUT=kotka, GRID_SIZE=1000, **outputs)
    assert results["BUILDING_COUNT"] == 2193 and results["STOP_COUNT"] == 33
    assert results["LOCAL_CRS"] == "EPSG:32635"
    assert all(path.exists() for path in outputs.values())


def test_site_facilities_from_qgis_process(qgis_process_env, district, tmp_path):
    """An algorithm writing shapely geometries, run where QGIS's own GEOS is loaded first: on Debian 12
    (GEOS 3.11) shapely 2.1's default 4-D WKB raised "WKB output dimension must be 2 or 3" (found on OSM
    Baltimore). 20 residents in one building, every building a candidate: one site within 300 m of all."""
    out = tmp_path / "sites.gpkg"
    results = qgis_process(qgis_process_env, "lcr:site_facilities", FACILITY_TYPE="kindergarten",
                           INPUT=f"{district}|layername=buildings", POPULATION_FIELD="residents",
                           CANDIDATES=f"{district}|layername=buildings", TARGET_PCT=80, OUTPUT=out)
    assert results["SITES_PROPOSED"] == 1 and results["COVERAGE_BEFORE"] == 0
    assert results["COVERAGE_AFTER"] == pytest.approx(100.0)
    from qgis.core import QgsVectorLayer

    assert QgsVectorLayer(str(out), "sites", "ogr").featureCount() == 1
