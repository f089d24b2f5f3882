"""Krems an der Donau's OpenStreetMap extract (resources/sample_data/osm/krems.osm.pbf, December 2013): a
European old town on a river whose 1,195 buildings are nearly all building=yes with one landuse=residential
area. With the shipped mapping the fallback row gives them no residents: the whole town had 0 residents, its
master plan check judged no per-resident rule and counted buildings for its coverage rules, and neither the
log nor the report said why. Both say it now; a mapping folder whose fallback row is residential houses the
town (18,088 estimated residents, against about 24,000 in the whole municipality)."""
import sys
from pathlib import Path

import pandas as pd
import pytest
import shapely
from osgeo import ogr

REPO = Path(__file__).resolve().parents[1]
KREMS = REPO / "resources" / "sample_data" / "osm" / "krems.osm.pbf"
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_alg_prepare_osm import LAYERS, read  # noqa: E402
from test_osm_untyped import Feedback  # noqa: E402


@pytest.fixture(scope="module")
def krems(lcr, tmp_path_factory):
    import processing
    from batch_check import run_model

    folder = tmp_path_factory.mktemp("krems")
    own = folder / "mappings"
    own.mkdir()
    rows = (REPO / "resources" / "osm" / "building_use.csv").read_text(encoding="utf-8").splitlines()
    rows[-1] = rows[-1].replace(",fallback,,,other,", ",fallback,,,residential,")
    (own / "building_use.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    runs = {}
    for key, extra in (("shipped", {}), ("own", {"MAPPINGS": str(own)})):
        gpkg = folder / f"krems_{key}.gpkg"
        feedback = Feedback()
        result = processing.run("lcr:prepare_osm", {"INPUT": str(KREMS), **extra, **{
            name: f"ogr:dbname='{gpkg}' table=\"{table}\" (geom)" for name, table in LAYERS.items()}},
            feedback=feedback)
        runs[key] = result, feedback.warnings, gpkg
    checked = run_model("lcr:master_plan_check", str(runs["shipped"][2]), str(folder / "master"))
    return runs, checked


def test_untyped_town_has_no_residents_and_says_why(krems):
    result, warnings, _ = krems[0]["shipped"]
    # GDAL's OSM driver reads 1,195 multipolygons tagged building, 1,190 of them building=yes
    source = ogr.Open(str(KREMS))
    layer = source.GetLayerByName("multipolygons")
    tags = [feature.GetField("building") for feature in layer if feature.GetField("building")]
    assert len(tags) == result["BUILDING_COUNT"] == 1195 and tags.count("yes") == 1190
    assert result["LOCAL_CRS"] == "EPSG:32633" and result["RESIDENTS"] == 0
    # 79 buildings typed by their tags, 132 by a landuse area around them (none residential), 984 by the fallback
    assert result["USE_ESTIMATED"] == 1195 - 79
    assert [w for w in warnings if w.startswith("984 of 1195 buildings (82%) have no tag or landuse area")]
    assert [w for w in warnings if w.startswith("The land cover covers only 36% of the planning units")]


def test_fallback_made_residential_houses_the_town(krems):
    result, warnings, gpkg = krems[0]["own"]
    geometry, buildings, _ = read(gpkg, "buildings")
    homes = (buildings["use"] == "residential").to_numpy()
    assert result["RESIDENTIAL_BUILDINGS"] == homes.sum() == 984
    # residents = footprint × floors / 40 m² (every floor count here is the 2-floor fall-back)
    assert (buildings.loc[homes, "floors"] == 2).all()
    expected = (shapely.area(geometry[homes]) * 2 / 40).sum()
    assert result["RESIDENTS"] == pytest.approx(expected) and round(expected) == 18088
    _, units, _ = read(gpkg, "planning_units")
    assert units["residents"].sum() == pytest.approx(expected)
    assert not [w for w in warnings if "have no tag or landuse area" in w]


def test_master_plan_check_and_report_say_no_unit_holds_residents(krems):
    _, checked = krems
    rules = pd.read_csv(checked["check:rules"]).set_index("rule_id")
    per_resident = ["CN_M_PARK_GREEN_PC", "CN_M_COMP_PARK_PC", "CN_M_COMM_PARK_PC", "CN_M_SHELTER_PC",
                    "CN_M_SHELTER_CAP", "CN_M_CO2_PC", "CN_M_PARK_COV"]
    assert (rules.loc[per_resident, "verdict"] == "not_assessed").all()
    assert (rules.loc[per_resident, "n_na"] == 43).all()
    page = Path(checked["report:report_html"]).read_text(encoding="utf-8")
    assert "No unit holds residents (the check&#x27;s pop field is 0 or empty everywhere)" in page
