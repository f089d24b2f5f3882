"""The bundled demo district: its layers are what a planner expects, and both algorithms agree on
it with an independent calculation (GDAL reading + shapely, not the plugin's code path)."""
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from osgeo import ogr

import processing

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"
LAYERS = {"planning_units": 6, "parcels": (200, 800), "buildings": (2000, 8000), "landcover": (1, None),
          "roads": (50, None), "transit_stops": (10, None), "flood_zones": (3, None), "shelters": (5, 20),
          "facilities": (20, None), "green_spaces": (5, None)}


def read(layer, fields):
    """Geometries and fields of a demo layer, through GDAL."""
    source = ogr.Open(str(DISTRICT))
    lyr = source.GetLayerByName(layer)
    geoms, values = [], {f: [] for f in fields}
    for feature in lyr:
        geometry = feature.GetGeometryRef()
        geoms.append(shapely.from_wkb(bytes(geometry.ExportToWkb())) if geometry else None)
        for f in fields:
            values[f].append(feature.GetField(f))
    return np.array(geoms, dtype=object), values


def test_layers_crs_and_sizes():
    source = ogr.Open(str(DISTRICT))
    for name, expected in LAYERS.items():
        layer = source.GetLayerByName(name)
        assert layer is not None, name
        assert layer.GetSpatialRef().GetAuthorityCode(None) == "4549", name
        count = layer.GetFeatureCount()
        low, high = (expected, expected) if isinstance(expected, int) else expected
        assert count >= low and (high is None or count <= high), (name, count)


def test_pilot_types_are_all_there():
    _, values = read("planning_units", ["pilot_type"])
    assert set(values["pilot_type"]) == {"new_town", "old_community_renovation", "industrial_park_renewal",
                                         "rural_low_carbon_village", "ecological_area", "waterfront_renewal"}


def test_building_emissions_matches_independent_floor_area(provider):
    geoms, values = read("buildings", ["floors"])
    floors = np.array([f if f and f > 0 else 1 for f in values["floors"]], dtype=float)
    expected_gfa = float((shapely.area(geoms) * floors).sum())
    result = processing.run("lcr:building_emissions", {
        "INPUT": f"{DISTRICT}|layername=buildings", "FLOORS_FIELD": "floors", "USE_FIELD": "use",
        "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["TOTAL_GFA_M2"] == pytest.approx(expected_gfa, rel=1e-9)
    assert result["OUTPUT"].featureCount() == len(geoms)
    # Operational intensity of a Chinese district with these uses: 15–60 kgCO2 per m² a year.
    assert 15 < 1000 * result["TOTAL_CO2_T"] / result["TOTAL_GFA_M2"] < 60


def test_flood_exposure_matches_independent_overlay(provider):
    buildings, values = read("buildings", ["residents"])
    zones, _ = read("flood_zones", [])
    reached = shapely.intersects(buildings, shapely.union_all(zones))
    residents = np.array([r or 0 for r in values["residents"]], dtype=float)
    result = processing.run("lcr:flood_exposure", {
        "INPUT": f"{DISTRICT}|layername=buildings", "HAZARD": f"{DISTRICT}|layername=flood_zones",
        "DEPTH_FIELD": "depth_m", "POPULATION_FIELD": "residents", "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["EXPOSED_COUNT"] == int(reached.sum())
    assert result["EXPOSED_POPULATION"] == pytest.approx(residents[reached].sum())
    assert 0.05 < result["EXPOSED_COUNT"] / len(buildings) < 0.3


def test_sponge_capture_matches_independent_control_rate_and_the_plan(provider):
    lid = ["bioret_m2", "perm_pave_m2", "green_roof_m2", "tank_m3"]
    geoms, values = read("parcels", ["parcel_id", "unit_id", "green_ratio", *lid])
    rain = pd.read_csv(DISTRICT.parent / "demo_daily_rainfall.csv", comment="#")["rain_mm"].to_numpy()
    rain = rain[rain > 2.0]
    # ψ from the green ratio, the rest paved (0.15 / 0.85); storage 0.2, 0.03, 0.05 m³ per m², tank 1 m³ per m³.
    green, area = np.array(values["green_ratio"]), shapely.area(geoms)
    provided = np.column_stack([values[f] for f in lid]) @ [0.2, 0.03, 0.05, 1.0]
    depth = provided / (0.15 * green + 0.85 * (1 - green)) / area * 1000.0   # mm
    # α(H) = Σ min(P, H) / Σ P over the rain days, the same as [Σ(P ≤ H) P + H·N(P > H)] / Σ P.
    expected = 100 * np.minimum(rain[None, :], depth[:, None]).sum(axis=1) / rain.sum()
    result = processing.run("lcr:sponge_capture", {
        "INPUT": f"{DISTRICT}|layername=parcels", "GREEN_RATIO_FIELD": "green_ratio", "TARGET_CONTROL_RATE": 75,
        "DAILY_RAINFALL": os.fspath(DISTRICT.parent / "demo_daily_rainfall.csv"), "BIORETENTION_FIELD": "bioret_m2",
        "PERMEABLE_PAVING_FIELD": "perm_pave_m2", "GREEN_ROOF_LID_FIELD": "green_roof_m2", "TANK_FIELD": "tank_m3",
        "OUTPUT": "TEMPORARY_OUTPUT"})
    rate = {f["parcel_id"]: f["ctrl_rate"] for f in result["OUTPUT"].getFeatures()}
    assert [rate[p] for p in values["parcel_id"]] == pytest.approx(expected, abs=1e-6)
    assert result["DESIGN_MM"] == pytest.approx(25.2, abs=0.05)
    # The plan: most LID parcels of the sponge units (new town, waterfront) reach 75 %, the old
    # neighbourhood's retrofits stay at 40–70 %, the village and the wetland have none.
    unit = np.array(values["unit_id"])
    has_lid = np.array(values["bioret_m2"]) > 0
    for uid in ("U1", "U6"):
        assert (expected[(unit == uid) & has_lid] >= 75).mean() > 0.75, uid
    assert np.all((expected[(unit == "U2") & has_lid] > 40) & (expected[(unit == "U2") & has_lid] < 70))
    assert not has_lid[np.isin(unit, ["U4", "U5"])].any()
