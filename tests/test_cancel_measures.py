"""Cancel on a city of 40,000 buildings: the three plan-measure tools stop within a second of the click,
fail and leave nothing at the output path. The timing helpers are test_cancel's."""
import math
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import ogr

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_cancel import _write, assert_cancelled, cancel_in_first_call, run_and_cancel  # noqa: E402

N = 40_000
SPACING_M = 50.0
ORIGIN = (572000.0, 3402000.0)


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """Buildings on a jittered 50 m grid, roads every 100 m, 600 candidate sites, 1 km units."""
    rng = np.random.default_rng(16)
    path = tmp_path_factory.mktemp("town") / "town.gpkg"
    side = math.ceil(math.sqrt(N))
    extent = side * SPACING_M
    i = np.arange(N)
    x = ORIGIN[0] + (i % side) * SPACING_M + rng.uniform(0, 8, N)
    y = ORIGIN[1] + (i // side) * SPACING_M + rng.uniform(0, 8, N)
    co2 = rng.uniform(5, 100, N)
    grid = np.arange(0, extent + 1, 100.0)
    roads = [shapely.linestrings([[ORIGIN[0] + a, ORIGIN[1] + c], [ORIGIN[0] + b, ORIGIN[1] + c]])
             for c in grid for a, b in zip(grid[:-1], grid[1:])]
    roads += [shapely.linestrings([[ORIGIN[0] + c, ORIGIN[1] + a], [ORIGIN[0] + c, ORIGIN[1] + b]])
              for c in grid for a, b in zip(grid[:-1], grid[1:])]
    corners = np.arange(0, extent, 1000.0)
    ux, uy = (v.ravel() for v in np.meshgrid(corners, corners))
    units = shapely.box(ORIGIN[0] + ux, ORIGIN[1] + uy, ORIGIN[0] + ux + 1000, ORIGIN[1] + uy + 1000)
    candidates = shapely.points(ORIGIN[0] + rng.uniform(0, extent, 600), ORIGIN[1] + rng.uniform(0, extent, 600))
    layer = {
        "buildings": _write(path, "buildings", shapely.box(x, y, x + 25, y + 25), ogr.wkbPolygon, {
            "residents": (ogr.OFTReal, rng.integers(0, 120, N).astype(float).tolist()),
            "green": (ogr.OFTReal, rng.uniform(0, 0.5, N).tolist()),
            "co2_t_yr": (ogr.OFTReal, co2.tolist()), "gfa_m2": (ogr.OFTReal, (30 * co2).tolist()),
            "roof_m2": (ogr.OFTReal, [375.0] * N), "pv_co2_t": (ogr.OFTReal, rng.uniform(10, 40, N).tolist())}),
        "roads": _write(path, "roads", np.array(roads), ogr.wkbLineString, {"k": (ogr.OFTInteger, [0] * len(roads))}),
        "units": _write(path, "units", units, ogr.wkbPolygon, {
            "target_gap_t": (ogr.OFTReal, rng.uniform(0, 8000, len(units)).tolist())}),
        "candidates": _write(path, "candidates", candidates, ogr.wkbPoint, {"lu": (ogr.OFTString, ["0702"] * 600),
                                                                            "eff": (ogr.OFTReal, [3000.0] * 600)}),
    }
    return layer


@pytest.mark.parametrize("where", ["pair_distances", "solve", "shelter_solve"])
def test_site_facilities_stops_within_a_second(provider, town, tmp_path, log_feedback, monkeypatch, where):
    from lcr_toolkit.core import network, shelter_siting, siting

    # Cancelled as the search of walking distances starts (it takes well under 0.1 s here), or as the solver starts (the greedy, then
    # slices of 0.5 s of HiGHS, which holds the lock): the solver may take less than 0.1 s, and a cancel
    # due after the run has ended cancels nothing.
    # Shelters by capacity: cancelled as the capacitated solver starts (its LPs, greedy and MIP slices).
    out = tmp_path / "sites.gpkg"
    if where == "pair_distances":
        arm = cancel_in_first_call(monkeypatch, network, where, delay=0.0)
    else:
        module = shelter_siting if where == "shelter_solve" else siting

        def arm(schedule):
            original = module.solve

            def first_call(*args, **kwargs):
                schedule(0.0)
                return original(*args, **kwargs)
            monkeypatch.setattr(module, "solve", first_call)
    shelters = {"FACILITY_TYPE": "shelter", "CANDIDATE_AREA_FIELD": "eff"} if where == "shelter_solve" else {}
    stop = run_and_cancel(log_feedback(), "lcr:site_facilities", {
        "INPUT": town["buildings"], "POPULATION_FIELD": "residents", "CANDIDATES": town["candidates"],
        "ROADS": town["roads"], "UNITS": town["units"], "OUTPUT": str(out), **shelters}, arm=arm)
    assert_cancelled(stop, out)


def test_size_lid_stops_within_a_second(provider, town, tmp_path, log_feedback, monkeypatch):
    from lcr_toolkit.core import sponge

    out = tmp_path / "lid.gpkg"
    stop = run_and_cancel(log_feedback(), "lcr:size_lid", {
        "INPUT": town["buildings"], "GREEN_RATIO_FIELD": "green", "DESIGN_RAINFALL_MM": 25, "OUTPUT": str(out)},
        arm=cancel_in_first_call(monkeypatch, sponge, "capture_volume_m3"))
    assert_cancelled(stop, out)


def test_carbon_measures_stops_within_a_second(provider, town, tmp_path, log_feedback, monkeypatch):
    from lcr_toolkit.core import zones

    out = tmp_path / "carbon.gpkg"
    stop = run_and_cancel(log_feedback(), "lcr:carbon_measures", {
        "INPUT": town["units"], "BUILDINGS": town["buildings"], "OUTPUT": str(out)},
        arm=cancel_in_first_call(monkeypatch, zones, "assign_to_zones", delay=0.0))
    assert_cancelled(stop, out)
