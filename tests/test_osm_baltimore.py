"""South-east Baltimore's OpenStreetMap extract (resources/sample_data/osm/baltimore.osm.pbf): a city outside
Europe through lcr:prepare_osm and the master plan check, in its UTM zone and in EPSG:4326. Its units with
residents each hold buildings whose floors or use are tagged but whose residents are all estimated: the
per-resident CO2 must be flagged "estimated" for every one of them (one unit got a verdict before)."""
import sys
from pathlib import Path

import pandas as pd
import pytest
from osgeo import ogr

REPO = Path(__file__).resolve().parents[1]
BALTIMORE = REPO / "resources" / "sample_data" / "osm" / "baltimore.osm.pbf"
LAYERS = {"BUILDINGS": "buildings", "ROADS": "roads", "TRANSIT_STOPS": "transit_stops", "FACILITIES": "facilities",
          "GREEN_SPACES": "green_spaces", "SHELTERS": "shelters", "LANDCOVER": "landcover", "WATER": "water",
          "UNITS": "planning_units"}
sys.path.insert(0, str(REPO / "scripts"))


@pytest.fixture(scope="module")
def checked(tmp_path_factory, qgis_processing):
    import processing
    from batch_check import run_model
    from qgis.core import QgsApplication

    from lcr_toolkit.provider import LcrProvider

    if QgsApplication.processingRegistry().providerById("lcr") is None:
        checked.provider = LcrProvider()
        QgsApplication.processingRegistry().addProvider(checked.provider)
    folder = tmp_path_factory.mktemp("baltimore")
    runs = {}
    for key, extra in (("local", {}), ("4326", {"CRS": "EPSG:4326"})):
        gpkg = folder / f"baltimore_{key}.gpkg"
        prepared = processing.run("lcr:prepare_osm", {"INPUT": str(BALTIMORE), **extra, **{
            name: f"ogr:dbname='{gpkg}' table=\"{table}\" (geom)" for name, table in LAYERS.items()}})
        result = run_model("lcr:master_plan_check", str(gpkg), str(folder / f"master_{key}"))
        rules = pd.read_csv(result["check:rules"]).set_index("rule_id")
        source = ogr.Open(result["check:planning_check"].split("|")[0])
        units = pd.DataFrame([f.items() for f in source.GetLayerByName("planning_check")]).set_index("unit_id")
        runs[key] = prepared, rules, units
    return runs


def test_prepared_layers(checked):
    prepared, _, _ = checked["local"]
    # GDAL's OSM driver reads 1,731 multipolygons tagged building (ogrinfo … -sql "select count(*) from
    # multipolygons where building is not null"); every one is usable
    source = ogr.Open(str(BALTIMORE))
    layer = source.ExecuteSQL("SELECT COUNT(*) FROM multipolygons WHERE building IS NOT NULL")
    assert prepared["BUILDING_COUNT"] == next(iter(layer)).GetField(0) == 1731
    source.ReleaseResultSet(layer)
    assert prepared["LOCAL_CRS"] == "EPSG:32618" and prepared["STOP_COUNT"] == 76
    assert prepared["RESIDENTIAL_BUILDINGS"] == 564


def test_per_resident_co2_rests_on_estimated_residents_everywhere(checked):
    _, rules, units = checked["local"]
    lived = units[units["pop"] > 0]
    assert len(units) == 131 and len(lived) == 31
    assert rules.loc["CN_M_CO2_PC", "verdict"] == "estimated"
    assert rules.loc["CN_M_CO2_PC", ["n_pass", "n_fail", "n_est"]].tolist() == [0, 0, 31]
    assert (lived["net_t_cap_est"] == 1).all()


def test_same_verdicts_in_degrees(checked):
    _, rules, units = checked["local"]
    _, other_rules, other_units = checked["4326"]
    columns = ["verdict", "n_pass", "n_fail", "n_na", "n_est"]
    pd.testing.assert_frame_equal(rules[columns], other_rules[columns])
    verdicts = [c for c in units.columns if c.startswith("r_")] + ["n_pass", "n_fail", "n_na", "verdict"]
    pd.testing.assert_frame_equal(units[verdicts], other_units.loc[units.index, verdicts])


def test_per_resident_rules_skip_units_with_few_residents(checked):
    """13 units hold 1–99 (estimated) residents: a park area or shelter capacity per resident there is arithmetic
    (one had 110,811 m² of park per resident), so the per-resident rules give them no verdict; the 18 units with
    100 residents or more were judged, the shelter rules where designated shelters, not candidates, decide. Every
    one of those residents is floor area / 40 m², so now no unit gets a per-resident verdict: all 31 are estimated
    (n_est), as the CO2 per resident already was, and none is counted as having too few (n_few)."""
    from lcr_toolkit.core import profiles

    _, rules, units = checked["local"]
    few = units[(units["pop"] > 0) & (units["pop"] < 100)]
    assert len(few) == 13 and int((units["pop"] >= 100).sum()) == 18
    per_resident = ["CN_M_PARK_GREEN_PC", "CN_M_COMP_PARK_PC", "CN_M_COMM_PARK_PC", "CN_M_SHELTER_PC",
                    "CN_M_SHELTER_CAP"]
    for rule, field in zip(per_resident, profiles.rule_field_names(per_resident)):
        assert rules.loc[rule, ["n_few", "n_pass", "n_fail", "n_est"]].tolist() == [0, 0, 0, 13 + 18], rule
        assert units.loc[few.index, field].isna().all(), rule
    assert rules.loc["CN_M_CO2_PC", "n_few"] == 0      # already no verdict: estimated residents (n_est 31)
