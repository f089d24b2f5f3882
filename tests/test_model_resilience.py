"""The shipped model "Resilience assessment of planning units" runs headless on the demo district
from raw layers; its index is the min-max, equal-weight mean of the unit indicators it joined."""
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsProcessingContext, QgsProcessingUtils

import processing

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"
INDICATORS = ["hm_mean", "t_air_mean", "full_pct", "shelter_m2_cap", "mesh_ha", "hq_mean"]


def layer(name):
    return f"{DISTRICT}|layername={name}"


def as_layer(value):
    return value if hasattr(value, "getFeatures") else QgsProcessingUtils.mapLayerFromString(value, QgsProcessingContext())


def test_resilience_model_on_demo_district(provider):
    result = processing.run("lcr:resilience_assessment", {
        "units": layer("planning_units"), "buildings": layer("buildings"), "landcover": layer("landcover"),
        "roads": layer("roads"), "flood_zones": layer("flood_zones"), "shelters": layer("shelters"),
        "facilities": layer("facilities"), "unit_id_field": "unit_id", "residents_field": "residents",
        "class_field": "lucode", "depth_field": "depth_m", "shelter_area_field": "eff_area_m2",
        "facility_type_field": "fac_type", "index:resilience_index": "TEMPORARY_OUTPUT",
        "flood:flood_exposure": "TEMPORARY_OUTPUT", "runoff:stormwater_runoff": "TEMPORARY_OUTPUT"})
    units = list(as_layer(result["index:resilience_index"]).getFeatures())
    assert len(units) == 6
    assert as_layer(result["flood:flood_exposure"]).featureCount() == 3713
    assert as_layer(result["runoff:stormwater_runoff"]).featureCount() == 739

    values = np.array([[u[name] if isinstance(u[name], (int, float)) else np.nan for name in INDICATORS]
                       for u in units], dtype=float)
    complete = ~np.isnan(values).any(axis=1)
    assert complete.sum() >= 3            # units without residents have no life-circle or shelter share
    low, high = np.nanmin(values, axis=0), np.nanmax(values, axis=0)   # each field over its non-NULL values
    span = np.where(high > low, high - low, 1.0)
    scaled = np.where(high > low, (values - low) / span, 1.0)
    scaled[:, 1] = np.where(high[1] > low[1], (high[1] - values[:, 1]) / span[1], 1.0)   # t_air: lower is better
    expected = scaled.mean(axis=1)
    for unit, want, ok in zip(units, expected, complete):
        if ok:
            assert unit["res_index"] == pytest.approx(want, abs=1e-9)
        else:
            assert not isinstance(unit["res_index"], float)


def run_on(district):
    def at(name):
        return f"{district}|layername={name}"
    result = processing.run("lcr:resilience_assessment", {
        "units": at("planning_units"), "buildings": at("buildings"), "landcover": at("landcover"),
        "roads": at("roads"), "flood_zones": at("flood_zones"), "shelters": at("shelters"),
        "facilities": at("facilities"), "unit_id_field": "unit_id", "residents_field": "residents",
        "class_field": "lucode", "depth_field": "depth_m", "shelter_area_field": "eff_area_m2",
        "facility_type_field": "fac_type", "index:resilience_index": "TEMPORARY_OUTPUT",
        "flood:flood_exposure": "TEMPORARY_OUTPUT", "runoff:stormwater_runoff": "TEMPORARY_OUTPUT"})
    return {u["unit_id"]: {name: u[name] if isinstance(u[name], (int, float)) else None
                           for name in INDICATORS + ["res_index", "res_rank"]}
            for u in as_layer(result["index:resilience_index"]).getFeatures()}


@pytest.mark.parametrize("epsg", [4326, 3857])
def test_resilience_model_does_not_depend_on_the_crs(provider, tmp_path, epsg):
    """The demo district reprojected to degrees or Web Mercator gives the same index and ranks: every
    step measures in metres (land cover rasterised in UTM 51N instead of Gauss-Krüger 120° E, so the
    10 m cells fall a little differently: heat mitigation moves by < 0.5 %)."""
    from osgeo import gdal

    copy = tmp_path / f"demo_{epsg}.gpkg"
    gdal.VectorTranslate(str(copy), str(DISTRICT), dstSRS=f"EPSG:{epsg}", reproject=True)
    here, there = run_on(DISTRICT), run_on(copy)
    assert set(here) == set(there)
    for unit, values in here.items():
        for name, value in values.items():
            if value is None:
                assert there[unit][name] is None, (unit, name)
            else:
                assert there[unit][name] == pytest.approx(value, rel=1e-2, abs=1e-6), (unit, name)
