"""Heidelberg's OpenStreetMap extract (resources/sample_data/osm/heidelberg.osm.pbf, June 2015): the western old
town on the Neckar below the castle hill, whose OSM buildings carry building:levels (185) or height (8 more), with
ferry landings on the river and the two lower stations of the Bergbahn funicular mapped as railway=halt. Through
lcr:prepare_osm and the master plan check: the floors come from the tags where they are, the residents from the
floors, and the stations that only say "halt" count as rail (the funicular cannot be told from the tags)."""
import re
import sys
from pathlib import Path

import pandas as pd
import pytest
import shapely
from osgeo import ogr

REPO = Path(__file__).resolve().parents[1]
HEIDELBERG = REPO / "resources" / "sample_data" / "osm" / "heidelberg.osm.pbf"
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_alg_prepare_osm import LAYERS, read  # noqa: E402
from test_osm_untyped import Feedback  # noqa: E402

_PROVIDERS = []
_WARNINGS = []       # prepare_osm's


@pytest.fixture(scope="module")
def heidelberg(qgis_processing, tmp_path_factory):
    import processing
    from batch_check import run_model
    from qgis.core import QgsApplication

    from lcr_toolkit.provider import LcrProvider

    if QgsApplication.processingRegistry().providerById("lcr") is None:
        _PROVIDERS.append(LcrProvider())
        QgsApplication.processingRegistry().addProvider(_PROVIDERS[-1])
    folder = tmp_path_factory.mktemp("heidelberg")
    gpkg = folder / "heidelberg.gpkg"
    feedback = Feedback()
    result = processing.run("lcr:prepare_osm", {"INPUT": str(HEIDELBERG), **{
        name: f"ogr:dbname='{gpkg}' table=\"{table}\" (geom)" for name, table in LAYERS.items()}}, feedback=feedback)
    checked = run_model("lcr:master_plan_check", str(gpkg), str(folder / "master"))
    _WARNINGS[:] = feedback.warnings
    return result, gpkg, pd.read_csv(checked["check:rules"]).set_index("rule_id")


def osm_buildings():
    """(levels, height) tag values of the extract's building areas, read with GDAL alone."""
    source = ogr.Open(str(HEIDELBERG))
    rows = []
    for feature in source.GetLayerByName("multipolygons"):
        if feature.GetField("building"):
            tags = feature.GetField("other_tags") or ""
            levels = re.search(r'"building:levels"=>"([^"]*)"', tags)
            height = re.search(r'"height"=>"([^"]*)"', tags)
            rows.append((levels and levels.group(1), height and height.group(1)))
    return rows


def test_floors_come_from_levels_then_height(heidelberg):
    result, gpkg, _ = heidelberg
    tags = osm_buildings()
    levels = [int(v) for v, _ in tags if v]
    by_height = [float(h) for v, h in tags if h and not v]
    assert result["BUILDING_COUNT"] == len(tags) == 1370
    assert len(levels) == 185 and sorted(set(levels)) == [1, 2, 3, 4]
    assert sorted(by_height) == [12.0] * 6 + [15.0, 20.0]
    # only building:levels is a floor count; height / 3 m is an estimate as the type defaults are
    assert result["FLOORS_ESTIMATED"] == 1370 - 185
    _, buildings, _ = read(gpkg, "buildings")
    from_height = buildings[buildings["floors_src"] == "height"]
    assert sorted(from_height["floors"]) == [4.0] * 6 + [5.0, 7.0]       # 12/3, 15/3, 20/3 rounded
    assert (buildings.loc[buildings["floors_src"] == "levels", "floors_est"] == 0).all()
    assert sorted(buildings.loc[buildings["floors_src"] == "levels", "floors"]) == sorted(levels)


def test_residents_are_floor_area_over_40_m2(heidelberg):
    result, gpkg, _ = heidelberg
    geometry, buildings, _ = read(gpkg, "buildings")
    homes = (buildings["use"] == "residential").to_numpy()
    expected = (shapely.area(geometry[homes]) * buildings.loc[homes, "floors"].to_numpy() / 40).sum()
    assert result["RESIDENTIAL_BUILDINGS"] == homes.sum() == 1255
    assert result["RESIDENTS"] == pytest.approx(expected) and round(expected) == 11748
    _, units, _ = read(gpkg, "planning_units")
    assert units["residents"].sum() == pytest.approx(expected) and len(units) == 6


def test_ferries_are_not_stops_and_the_funicular_halts_are_rail(heidelberg):
    result, gpkg, rules = heidelberg
    _, stops, _ = read(gpkg, "transit_stops")
    assert stops["stop_type"].value_counts().to_dict() == {"bus": 15, "ferry": 4, "rail": 2}
    assert result["STOP_COUNT"] == 21
    # the rail stops are the Bergbahn's Kornmarkt and Schloss stations, tagged railway=halt only
    assert sorted(stops.loc[stops["stop_type"] == "rail", "name"]) == ["Schloss", "Station Kornmarkt"]
    assert rules.loc["CN_M_RAIL800_COV", ["n_pass", "n_fail"]].tolist() == [4, 2]


def test_small_squares_give_no_park_coverage(heidelberg):
    """The five public greens (Jubiläumsplatz, Montpellierplatz, Krahnenplatz and two unnamed) are all under
    2,000 m², the smallest park the service-radius rule counts: no home is covered, in any unit."""
    _, gpkg, rules = heidelberg
    geometry, green, _ = read(gpkg, "green_spaces")
    areas = shapely.area(geometry)
    assert len(green) == 5 and areas.max() < 2000 and set(green["park_type"]) == {"pocket"}
    assert areas.sum() == pytest.approx(7142.6, abs=0.5)
    row = rules.loc["CN_M_PARK_COV"]
    assert (row["verdict"], row["n_fail"], row["value_max"]) == ("fail", 6, 0.0)
    # Per-resident park green by unit: the greens' area in the unit over its residents (all five lie in G001_000:
    # 7,142.6 m² / 3,601 residents = 1.98 m²). Those residents are floor area / 40 m², not data: in each of the 6
    # units holding residents (G000_002's 41 among them) the rule gives no verdict (n_est), none fails on it.
    _, units, _ = read(gpkg, "planning_units")
    assert (units["residents_est"] == (units["residents"] > 0)).all() and (units["residents"] > 0).sum() == 6
    pc = rules.loc["CN_M_PARK_GREEN_PC"]
    assert (pc["verdict"], pc["n_pass"], pc["n_fail"], pc["n_est"], pc["n_few"]) == ("estimated", 0, 0, 6, 0)


def test_candidate_shelters_are_said_to_be_candidates(heidelberg):
    """The 15 open spaces taken as shelter candidates hold 9,330 people by their area; the shelter rules of a
    check give no verdict where the candidates decide a rule, and the log says so."""
    result, gpkg, rules = heidelberg
    _, shelters, _ = read(gpkg, "shelters")
    assert result["SHELTER_COUNT"] == len(shelters) == 15 and (shelters["est"] == 1).all()
    people = shelters["capacity"].sum()
    line = [w for w in _WARNINGS if w.startswith("15 candidate shelters (open spaces")]
    assert people == 9330 and len(line) == 1 and "for 9,330 people" in line[0] and "not designated" in line[0]
    # The 2 units whose shelter area is the candidates' passed on them and then got no verdict (n_est); the 3 that
    # hold no candidate failed on 0 m² per resident. Per resident of estimated residents, none of the 6 units
    # holding residents gets a verdict now.
    assert rules.loc["CN_M_SHELTER_PC", ["n_pass", "n_fail", "n_est"]].tolist() == [0, 0, 6]
