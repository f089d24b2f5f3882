"""lcr:prepare_osm on the real OpenStreetMap extracts of resources/sample_data/osm (Kotka's suburbs and
Helsinki's centre): counts of buildings, stops and facilities by type, features checked by hand against
their OSM tags, and from the raw .osm.pbf through the master plan check in one run, headless, with the
same verdicts whether the extract is written in EPSG:4326 or in its local metric CRS. Each step is
timed (printed with -s)."""
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from osgeo import ogr

REPO = Path(__file__).resolve().parents[1]
OSM_DATA = REPO / "resources" / "sample_data" / "osm"
KOTKA = OSM_DATA / "kotka.osm.pbf"
HELSINKI = OSM_DATA / "helsinki.osm.pbf"
sys.path.insert(0, str(REPO / "scripts"))
# Sinks -> layer names of the demo district, which batch_check and the wizard look for.
LAYERS = {"BUILDINGS": "buildings", "ROADS": "roads", "TRANSIT_STOPS": "transit_stops", "FACILITIES": "facilities",
          "GREEN_SPACES": "green_spaces", "SHELTERS": "shelters", "LANDCOVER": "landcover", "WATER": "water",
          "UNITS": "planning_units"}
TIMES = {}


def read(path, name):
    source = ogr.Open(str(path))
    layer = source.GetLayerByName(name)
    rows, geometries = [], []
    for feature in layer:
        rows.append(feature.items())
        geometry = feature.GetGeometryRef()
        geometries.append(shapely.from_wkb(bytes(geometry.ExportToWkb())) if geometry else None)
    srs = layer.GetSpatialRef()
    epsg = srs.GetAuthorityCode(None) if srs is not None else None
    return np.array(geometries, dtype=object), pd.DataFrame(rows), epsg


def prepare(source, gpkg, **extra):
    import processing

    parameters = {"INPUT": str(source), **{name: f"ogr:dbname='{gpkg}' table=\"{layer}\" (geom)"
                                           for name, layer in LAYERS.items()}, **extra}
    started = time.perf_counter()
    result = processing.run("lcr:prepare_osm", parameters)
    TIMES[f"prepare_osm {source.name} {extra.get('CRS', 'local')}"] = time.perf_counter() - started
    return result


@pytest.fixture(scope="module")
def kotka(lcr, tmp_path_factory):
    folder = tmp_path_factory.mktemp("osm")
    local, degrees = folder / "kotka_local.gpkg", folder / "kotka_4326.gpkg"
    return {"local": (local, prepare(KOTKA, local)), "4326": (degrees, prepare(KOTKA, degrees, CRS="EPSG:4326")),
            "folder": folder}


@pytest.fixture(scope="module")
def helsinki(lcr, tmp_path_factory):
    gpkg = tmp_path_factory.mktemp("osm") / "helsinki.gpkg"
    return gpkg, prepare(HELSINKI, gpkg)


def test_kotka_buildings(kotka):
    gpkg, result = kotka["local"]
    geometry, buildings, epsg = read(gpkg, "buildings")
    assert epsg == "32635" and result["LOCAL_CRS"] == "EPSG:32635"     # UTM 35N: 26.95° E
    # 2,219 building areas in the file: 22 ways cut open by the extract's edge, 4 rings GDAL cannot repair.
    assert len(buildings) == result["BUILDING_COUNT"] == 2193
    assert buildings["bldg_id"].is_unique
    assert (buildings["floors"] >= 1).all() and (buildings["residents_est"] == 1).all()
    assert (buildings["floors_est"] == (buildings["floors_src"] != "levels")).all()
    assert (buildings["floors_src"] == "levels").sum() == 10          # the only building:levels tags
    assert result["FLOORS_ESTIMATED"] == 2183
    assert buildings["use_src"].value_counts().to_dict() == {"tag": 1620, "landuse": 485, "fallback": 88}
    assert result["USE_ESTIMATED"] == 485 + 88
    residential = buildings["use"] == "residential"
    assert result["RESIDENTIAL_BUILDINGS"] == residential.sum() == (buildings["residents"] > 0).sum()
    np.testing.assert_allclose(buildings["residents"], np.where(
        residential, shapely.area(geometry) * buildings["floors"] / 40.0, 0), rtol=1e-9)
    assert result["RESIDENTS"] == pytest.approx(buildings["residents"].sum())
    by_id = buildings.set_index("bldg_id")
    # way/369836441: building=terrace, building:levels=1 -> 1 floor from the tag, housing.
    row = by_id.loc["way/369836441"]
    assert (row["building"], row["use"], row["use_src"], row["floors"], row["floors_src"], row["floors_est"]) == (
        "terrace", "residential", "tag", 1, "levels", 0)
    assert row["residents"] == pytest.approx(row["footprint_m2"] / 40.0)
    # way/180464600: building=school, no levels -> the school type's default, 3 floors; no residents.
    row = by_id.loc["way/180464600"]
    assert (row["use"], row["floors"], row["floors_src"], row["residents"]) == ("school", 3, "type", 0)


def test_kotka_points_and_areas(kotka):
    gpkg, result = kotka["local"]
    _, stops, _ = read(gpkg, "transit_stops")
    # 36 highway=bus_stop nodes; poles of both directions within 30 m are one stop.
    assert result["STOP_COUNT"] == len(stops) == 33 and set(stops["stop_type"]) == {"bus"}
    _, facilities, _ = read(gpkg, "facilities")
    assert facilities["fac_type"].value_counts().to_dict() == {"kindergarten": 2, "sports": 2, "primary_school": 1}
    school = facilities.set_index("osm_ref").loc["way/180464603"]      # Helilän koulu: amenity=school, no level
    assert (school["name"], school["fac_type"], school["type_est"]) == ("Helilän koulu", "primary_school", 1)
    assert facilities.set_index("osm_ref").loc["node/1324225776", "name"] == "Otsonkallio"   # amenity=kindergarten
    _, shelters, _ = read(gpkg, "shelters")
    site = shelters.set_index("osm_ref").loc["way/180464603"]          # the school ground, 1.2 ha
    assert site["shelter_type"] == "short_term" and site["eff_area_m2"] == pytest.approx(0.3 * site["area_m2"])
    assert site["capacity"] == np.floor(site["eff_area_m2"] / 2.0)     # 2 m² per evacuee, shelter_standards.csv
    roads_g, roads, _ = read(gpkg, "roads")
    assert roads["road_id"].is_unique and (shapely.length(roads_g) > 0).all()
    assert "motorway" not in set(roads["road_class"])
    units_g, units, _ = read(gpkg, "planning_units")
    assert len(units) == 27 and (np.round(shapely.area(units_g)) == 250_000).all()
    cover_g, cover, _ = read(gpkg, "landcover")
    assert set(cover["lucode"]) <= {1, 2, 3, 4, 5, 6, 7}
    # No overlaps: the pieces add up to the area of their union.
    assert shapely.area(cover_g).sum() == pytest.approx(shapely.union_all(cover_g).area, rel=1e-6)


def test_helsinki_stops_facilities_and_parks(helsinki):
    gpkg, result = helsinki
    _, stops, _ = read(gpkg, "transit_stops")
    assert stops["mode"].value_counts().to_dict() == {"bus": 57, "tram": 25, "metro": 23, "rail": 5, "ferry": 1}
    assert set(stops.loc[stops["mode"].isin(["tram", "metro", "rail"]), "stop_type"]) == {"rail"}
    _, facilities, _ = read(gpkg, "facilities")
    assert facilities["fac_type"].value_counts().to_dict() == {
        "sports": 13, "community_center": 12, "market": 8, "clinic": 7, "middle_school": 2, "primary_school": 1}
    _, green, _ = read(gpkg, "green_spaces")
    assert green["park_type"].value_counts().to_dict() == {"pocket": 12, "community": 3, "comprehensive": 1}
    sizes = green.groupby("park_type")["area_m2"]
    assert sizes.min()["comprehensive"] >= 100_000 and sizes.max()["pocket"] < 10_000
    _, buildings, _ = read(gpkg, "buildings")
    assert (buildings["floors_src"] == "levels").sum() == 160


def test_admin_units_missing_level_names_the_levels(lcr, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="admin_level 3"):
        processing.run("lcr:prepare_osm", {"INPUT": str(KOTKA), "UNITS_METHOD": 1, "ADMIN_LEVEL": 3,
                                           **{name: "TEMPORARY_OUTPUT" for name in LAYERS}})
    with pytest.raises(QgsProcessingException, match="does not exist"):
        processing.run("lcr:prepare_osm", {"INPUT": str(tmp_path / "none.osm.pbf"),
                                           **{name: "TEMPORARY_OUTPUT" for name in LAYERS}})


def test_same_layers_in_4326(kotka):
    local, _ = kotka["local"]
    degrees, result = kotka["4326"]
    assert result["LOCAL_CRS"] == "EPSG:32635"
    for name in LAYERS.values():
        _, a, _ = read(local, name)
        _, b, epsg = read(degrees, name)
        assert epsg == "4326", name
        pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9, obj=name)


def run_master(gpkg, out_base):
    from batch_check import run_model

    started = time.perf_counter()
    result = run_model("lcr:master_plan_check", str(gpkg), str(out_base))   # no flood zones: OSM has none
    TIMES[f"master_plan_check {Path(gpkg).name}"] = time.perf_counter() - started
    return result


def test_from_osm_to_master_plan_check(kotka):
    """Raw .osm.pbf -> lcr:prepare_osm -> lcr:master_plan_check, no hand preparation, no flood zones."""
    checks = {}
    for key in ("local", "4326"):
        gpkg, _ = kotka[key]
        started = time.perf_counter()
        result = run_master(gpkg, kotka["folder"] / f"master_{key}")
        rules = pd.read_csv(result["check:rules"]).set_index("rule_id")
        _, units, _ = read(result["check:planning_check"].split("|")[0], "planning_check")
        checks[key] = (rules, units.set_index("unit_id"))
        TIMES[f"whole {key}"] = TIMES[f"prepare_osm kotka.osm.pbf {'local' if key == 'local' else 'EPSG:4326'}"] + \
            time.perf_counter() - started
    rules, units = checks["local"]
    assert len(units) == 27
    # Every rule is assessed on some unit but the estimates: the green-trip share (the shipped example mode
    # shares) and every amount per resident (OSM has no residents: every building's are estimated, so in each
    # of the 26 units with residents are the net CO2, the park green and the shelter area and places per
    # resident); the unit without residents has no per-capita values. The coverage shares are judged.
    per_resident = ["CN_M_CO2_PC", "CN_M_PARK_GREEN_PC", "CN_M_COMP_PARK_PC", "CN_M_COMM_PARK_PC", "CN_M_SHELTER_PC",
                    "CN_M_SHELTER_CAP"]
    assert (rules["n_pass"] + rules["n_fail"] > 0).sum() == len(rules) - 1 - len(per_resident)
    assert (rules.loc[["CN_M_GREEN_TRIP", *per_resident], "verdict"] == "estimated").all()
    assert (rules.loc[per_resident, "n_est"] == 26).all()
    # one unit's life-circle coverage rests on guessed facility types (type_est: schools without isced:level)
    assert rules.loc["CN_M_LC15_COV", ["n_fail", "n_est"]].tolist() == [25, 1]
    assert set(rules["verdict"]) <= {"pass", "fail", "estimated"}
    assert (units["pop"] > 0).sum() == 26
    other_rules, other_units = checks["4326"]
    pd.testing.assert_frame_equal(rules[["verdict", "n_pass", "n_fail", "n_na"]],
                                  other_rules[["verdict", "n_pass", "n_fail", "n_na"]])
    verdicts = [c for c in units.columns if c.startswith("r_")] + ["n_pass", "n_fail", "n_na", "verdict"]
    pd.testing.assert_frame_equal(units[verdicts], other_units.loc[units.index, verdicts])
    print("\nstep times (s): " + ", ".join(f"{k} {v:.1f}" for k, v in TIMES.items()))


def test_the_wizard_guesses_every_layer_and_field(kotka):
    """The sinks' names and fields are those ui/field_guess.py looks for, in English and as translated."""
    from lcr_toolkit.ui.field_guess import guess_field, guess_layer

    gpkg, _ = kotka["local"]
    fields = {name: list(read(gpkg, name)[1].columns) for name in LAYERS.values()}
    expected = {("planning_units", "unit_id"): "unit_id", ("planning_units", "name"): "name",
                ("buildings", "residents"): "residents", ("buildings", "floors"): "floors",
                ("buildings", "use"): "use", ("buildings", "roof"): "roof_type",
                ("landcover", "landcover_class"): "lucode", ("transit_stops", "stop_type"): "stop_type",
                ("shelters", "shelter_area"): "eff_area_m2", ("shelters", "capacity"): "capacity",
                ("shelters", "shelter_type"): "shelter_type", ("facilities", "facility_type"): "fac_type",
                ("green_spaces", "park_type"): "park_type"}
    for (layer, role), field in expected.items():
        assert guess_field(role, fields[layer]) == field, (layer, role)
    from lcr_toolkit.algorithms.prepare_osm import PrepareOsm

    algorithm = PrepareOsm()
    algorithm.initAlgorithm()
    labels = {name: algorithm.parameterDefinition(name).description() for name in LAYERS}
    roles = {"UNITS": "units", "BUILDINGS": "buildings", "LANDCOVER": "landcover", "ROADS": "roads",
             "TRANSIT_STOPS": "transit_stops", "SHELTERS": "shelters", "FACILITIES": "facilities",
             "GREEN_SPACES": "green_spaces"}
    for name, role in roles.items():
        assert guess_layer(role, [labels[name]]) == labels[name], name


HAND_MADE = """<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="hand">
{nodes}
 <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
  <tag k="boundary" v="administrative"/><tag k="admin_level" v="9"/><tag k="name" v="测试街道"/></way>
 <way id="101"><nd ref="5"/><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="5"/><tag k="landuse" v="residential"/></way>
 <way id="102"><nd ref="9"/><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="9"/>
  <tag k="building" v="yes"/><tag k="building:levels" v="6层"/></way>
 <way id="103"><nd ref="13"/><nd ref="14"/><nd ref="15"/><nd ref="16"/><nd ref="13"/>
  <tag k="building" v="apartments"/><tag k="height" v="31 m"/><tag k="name" v="幸福小区1号楼"/></way>
 <way id="104"><nd ref="19"/><nd ref="20"/><nd ref="21"/><tag k="highway" v="residential"/><tag k="name" v="幸福路"/></way>
 <way id="105"><nd ref="20"/><nd ref="22"/><tag k="highway" v="footway"/></way>
 <way id="106"><nd ref="24"/><nd ref="25"/><nd ref="26"/><nd ref="27"/><nd ref="24"/>
  <tag k="leisure" v="park"/><tag k="name" v="幸福公园"/></way>
</osm>
"""
NODES = {1: (120.750, 30.750), 2: (120.760, 30.750), 3: (120.760, 30.758), 4: (120.750, 30.758),
         5: (120.751, 30.751), 6: (120.755, 30.751), 7: (120.755, 30.755), 8: (120.751, 30.755),
         9: (120.752, 30.752), 10: (120.7525, 30.752), 11: (120.7525, 30.7525), 12: (120.752, 30.7525),
         13: (120.753, 30.753), 14: (120.7535, 30.753), 15: (120.7535, 30.7535), 16: (120.753, 30.7535),
         17: (120.756, 30.7565), 18: (120.758, 30.757), 19: (120.750, 30.756), 20: (120.755, 30.756),
         21: (120.760, 30.756), 22: (120.755, 30.758), 23: (120.754, 30.757), 24: (120.757, 30.751),
         25: (120.759, 30.751), 26: (120.759, 30.753), 27: (120.757, 30.753)}
NODE_TAGS = {17: {"highway": "bus_stop", "name": "幸福路站"}, 18: {"railway": "halt"},
             23: {"amenity": "school", "name": "幸福小学"}}


def test_hand_made_osm_xml_in_china(lcr, tmp_path):
    """An .osm (XML) file in Jiaxing with Chinese names: CGCS2000 3-degree GK 120° E, administrative units,
    floors from text ("6层") and from a height, a school typed by its name, a park by its size."""
    nodes = "\n".join(
        f' <node id="{i}" lat="{lat}" lon="{lon}">' + "".join(f'<tag k="{k}" v="{v}"/>' for k, v in
                                                              NODE_TAGS.get(i, {}).items()) + "</node>"
        for i, (lon, lat) in NODES.items())
    source = tmp_path / "jiaxing.osm"
    source.write_text(HAND_MADE.format(nodes=nodes), encoding="utf-8")
    gpkg = tmp_path / "jiaxing.gpkg"
    result = prepare(source, gpkg, UNITS_METHOD=1, ADMIN_LEVEL=9)
    assert result["LOCAL_CRS"] == "EPSG:4549"
    units_g, units, epsg = read(gpkg, "planning_units")
    assert epsg == "4549" and units[["unit_id", "name", "name_zh"]].values.tolist() == [["way/100", "测试街道", "测试街道"]]
    geometry, buildings, _ = read(gpkg, "buildings")
    buildings = buildings.set_index("bldg_id")
    assert buildings.loc["way/102", ["use", "use_src", "floors", "floors_src"]].tolist() == [
        "residential", "landuse", 6, "levels"]
    assert buildings.loc["way/103", ["use", "use_src", "floors", "floors_src"]].tolist() == [
        "residential", "tag", 10, "height"]                     # 31 m / 3 m
    assert buildings["residents"].to_numpy() == pytest.approx(shapely.area(geometry) * buildings["floors"] / 40)
    _, stops, _ = read(gpkg, "transit_stops")
    assert sorted(stops[["mode", "stop_type"]].values.tolist()) == [["bus", "bus"], ["rail", "rail"]]
    assert stops.set_index("mode").loc["bus", "name_zh"] == "幸福路站"
    _, facilities, _ = read(gpkg, "facilities")
    assert facilities[["fac_type", "type_est", "name"]].values.tolist() == [["primary_school", 1, "幸福小学"]]
    _, green, _ = read(gpkg, "green_spaces")
    assert green["park_type"].tolist() == ["community"] and 10_000 <= green["area_m2"][0] < 100_000
    _, shelters, _ = read(gpkg, "shelters")
    assert shelters[["site", "shelter_type"]].values.tolist() == [["park", "short_term"]]
    assert shelters["capacity"][0] == np.floor(0.6 * green["area_m2"][0] / 2.0)
    roads_g, roads, _ = read(gpkg, "roads")
    # 幸福路 is cut at the node the footway shares with it.
    assert sorted(roads["osm_ref"]) == ["way/104", "way/104", "way/105"]
    halves = shapely.length(roads_g[(roads["osm_ref"] == "way/104").to_numpy()])
    assert halves == pytest.approx([478.3, 478.3], rel=0.01)   # 0.005° of longitude at 30.756° N each
