"""lcr:shelter_coverage through processing.run: the optimal capacity-aware assignment worked out by
hand (the nearest shelter overflows, residents spill to the second, some stay unplaced), a flooded
shelter left out, per-capita area by unit, straight lines vs the road network, bad input, and the
demo district."""
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

import processing

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"

# Shelters (no type field: 500 m service distance, 2.0 m² per person from the default row):
#   A at (0, 0): area 300 m², capacity field 100.   B at (400, 0): area 160 m², capacity NULL → 160 / 2 = 80.
# Buildings, 10 m squares centred on the x axis (centre, residents):
#   B1 (50, 60): A 50, B 350     B2 (100, 70): A 100, B 300     B3 (150, 30): A 150, B 250
#   B4 (300, 50): A 300, B 100   B5 (2000, 20): nearest B 1600 m, out of reach
# Capacity 180 < 210 residents in reach: 180 placed. Least walking: moving a person from A to B costs
# d_B − d_A = 300, 200, 100, −200 m for B1–B4, so B takes B4 (50) and B3 (30), A takes B1 60 and B2 40.
# Assigned 60, 40, 30, 50, 0; unplaced 0, 30, 0, 0, 20 (50 in all). In reach 210 of 230 = 91.30 %.
# Shelters: A 100/100 = 100 %, 300/100 = 3.0 m²/person; B 80/80 = 100 %, 160/80 = 2.0 m²/person.
CENTRES = {"B1": (50, 60), "B2": (100, 70), "B3": (150, 30), "B4": (300, 50), "B5": (2000, 20)}
NEAREST = {"B1": 50, "B2": 100, "B3": 150, "B4": 100, "B5": 1600}


def square(x, y=0):
    return f"POLYGON(({x - 5} {y - 5},{x + 5} {y - 5},{x + 5} {y + 5},{x - 5} {y + 5},{x - 5} {y - 5}))"


@pytest.fixture
def buildings(make_layer):
    return make_layer("Polygon", "EPSG:4549", "name:string&field=residents:integer",
                      [(square(x), [n, pop]) for n, (x, pop) in CENTRES.items()])


@pytest.fixture
def shelters(make_layer):
    return make_layer("Point", "EPSG:4549", "shelter_id:string&field=eff_area_m2:double&field=cap:integer", [
        ("POINT(0 0)", ["A", 300.0, 100]), ("POINT(400 0)", ["B", 160.0, None])])


@pytest.fixture
def units(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "unit_id:string", [
        (rect(-100, -100, 300, 200), ["west"]),        # x −100…200: B1, B2, B3 and shelter A
        (rect(200, -100, 1900, 200), ["east"]),        # x 200…2100: B4, B5 and shelter B
    ])


def run(params, **kwargs):
    return processing.run("lcr:shelter_coverage", {
        "POPULATION_FIELD": "residents", "AREA_FIELD": "eff_area_m2", "CAPACITY_FIELD": "cap",
        "OUTPUT": "TEMPORARY_OUTPUT", "SHELTERS_OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


def null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def by_name(layer, key="name"):
    return {f[key]: f for f in layer.getFeatures()}


def test_hand_worked_spill_and_unplaced(provider, buildings, shelters, units, layer_snapshot):
    before = [layer_snapshot(x) for x in (buildings, shelters, units)]
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "SHELTERS": shelters, "UNITS": units, "UNITS_OUTPUT": "TEMPORARY_OUTPUT"},
                 feedback=feedback)
    out = by_name(result["OUTPUT"])
    assert result["OUTPUT"].fields().names() == ["name", "residents", "shelter_m", "in_reach", "assigned", "unplaced",
                                                 "shelter_id", "method", "shelter_m_est"]
    names = list(CENTRES)
    assert [out[n]["assigned"] for n in names] == [60, 40, 30, 50, 0]
    assert [out[n]["unplaced"] for n in names] == [0, 30, 0, 0, 20]
    assert [out[n]["in_reach"] for n in names] == [1, 1, 1, 1, 0]
    assert [out[n]["shelter_id"] for n in names[:4]] == ["A", "A", "B", "B"] and null(out["B5"]["shelter_id"])
    for n in names:
        assert out[n]["shelter_m"] == pytest.approx(NEAREST[n]), n
    assert {f["method"] for f in result["OUTPUT"].getFeatures()} == {"euclidean"}
    assert result["POP_IN_REACH_PCT"] == pytest.approx(100 * 210 / 230)
    assert result["POP_UNPLACED"] == 50 and result["SHELTERS_FLOODED"] == 0

    sh = by_name(result["SHELTERS_OUTPUT"], "shelter_id")
    assert [sh["A"][k] for k in ("capacity", "assigned", "load_pct", "flooded", "per_cap_m2", "reach_m")] == \
        [100, 100, 100, 0, 3.0, 500]
    assert [sh["B"][k] for k in ("capacity", "assigned", "load_pct", "flooded", "per_cap_m2", "reach_m")] == \
        [80, 80, 100, 0, 2.0, 500]

    # west: 60 + 70 + 30 = 160 residents, all in reach, 30 unplaced; A's 300 m² / 160 = 1.875 < 2.0 → 0.
    # east: 50 + 20 = 70, 50 in reach, 20 unplaced; B's 160 m² / 70 = 2.286 ≥ 2.0 → 1.
    unit = by_name(result["UNITS_OUTPUT"], "unit_id")
    assert [unit["west"][k] for k in ("pop", "pop_reach", "pop_unplaced", "meets_std")] == [160, 160, 30, 0]
    assert unit["west"]["shelter_m2_cap"] == pytest.approx(1.875)
    assert [unit["east"][k] for k in ("pop", "pop_reach", "pop_unplaced", "meets_std")] == [70, 50, 20, 1]
    assert unit["east"]["shelter_m2_cap"] == pytest.approx(160 / 70)
    assert "marked unverified" in feedback.textLog()
    assert [layer_snapshot(x) for x in (buildings, shelters, units)] == before


def test_flooded_shelter_is_left_out(provider, buildings, shelters, make_layer, rect):
    floods = make_layer("Polygon", "EPSG:4549", "depth_m:double", [(rect(-20, -20, 40, 40), [0.5])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "SHELTERS": shelters, "FLOOD_ZONES": floods, "FLOOD_DEPTH_FIELD": "depth_m"},
                 feedback=feedback)
    # Only B (80) is usable; all of B1–B4 try it in round 1, nearest first: B4 100 m (50), B3 250 m (30) → full;
    # B2 (300 m) and B1 (350 m) get nothing. Unplaced 60 + 70 + 0 + 0 + 20 = 150.
    out = by_name(result["OUTPUT"])
    assert [out[n]["assigned"] for n in CENTRES] == [0, 0, 30, 50, 0]
    assert result["POP_UNPLACED"] == 150 and result["SHELTERS_FLOODED"] == 1
    # Nearest usable shelter is now B for everyone: 350, 300, 250, 100, 1600.
    assert [out[n]["shelter_m"] for n in CENTRES] == pytest.approx([350, 300, 250, 100, 1600])
    sh = by_name(result["SHELTERS_OUTPUT"], "shelter_id")
    assert (sh["A"]["flooded"], sh["A"]["assigned"], sh["B"]["flooded"], sh["B"]["assigned"]) == (1, 0, 0, 80)
    assert null(sh["A"]["per_cap_m2"])
    assert "1 shelters lie in a flood zone and are left out" in feedback.textLog()
    # Flagged but kept: the hand-worked result (50 unplaced). Deeper minimum than 0.5 m: not flagged.
    kept = run({"INPUT": buildings, "SHELTERS": shelters, "FLOOD_ZONES": floods, "EXCLUDE_FLOODED": False})
    assert kept["SHELTERS_FLOODED"] == 1 and kept["POP_UNPLACED"] == 50
    shallow = run({"INPUT": buildings, "SHELTERS": shelters, "FLOOD_ZONES": floods, "FLOOD_DEPTH_FIELD": "depth_m",
                   "MIN_DEPTH": 1.0})
    assert shallow["SHELTERS_FLOODED"] == 0 and shallow["POP_UNPLACED"] == 50


def test_network_distances(provider, buildings, shelters, make_layer):
    # A road along y = −20 from x = −300 to 1000 (vertices every 50 m). Each building and shelter joins it
    # 20 m straight down: d = 20 + |x_b − x_s| + 20. B1: A 90, B 390; B2: A 140, B 340; B3: A 190, B 290;
    # B4: A 340, B 140: same order as the straight lines, so the same assignment. B5 is 1000 m from the
    # road's end, more than MAX_SNAP 250: off the network, no distance, not in reach.
    xs = range(-300, 1001, 50)
    roads = make_layer("LineString", "EPSG:4549", "id:integer",
                       [("LINESTRING(" + ",".join(f"{x} -20" for x in xs) + ")", [1])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "SHELTERS": shelters, "ROADS": roads}, feedback=feedback)
    out = by_name(result["OUTPUT"])
    assert [out[n]["shelter_m"] for n in list(CENTRES)[:4]] == pytest.approx([90, 140, 190, 140])
    assert null(out["B5"]["shelter_m"]) and out["B5"]["in_reach"] == 0
    assert [out[n]["assigned"] for n in CENTRES] == [60, 40, 30, 50, 0]
    assert {f["method"] for f in result["OUTPUT"].getFeatures()} == {"network"}
    assert "1 buildings are farther than 250.0 m from every road" in feedback.textLog()
    tight = run({"INPUT": buildings, "SHELTERS": shelters, "ROADS": roads, "SERVICE_DISTANCE": 150})
    # At 150 m: A reaches B1 (90) and B2 (140); B reaches B4 (140). A: 60 + 40 of B2; B: 50.
    # Unplaced: B2 30, B3 30 (nothing within 150 m), B5 20 = 80; in reach 60 + 70 + 50 = 180 of 230.
    assert tight["POP_UNPLACED"] == 80
    assert tight["POP_IN_REACH_PCT"] == pytest.approx(100 * 180 / 230)


def test_shelter_types_set_capacity_and_distance(provider, buildings, make_layer):
    # Types: A emergency (1.0 m²/person, 500 m): 300 m² → 300 persons; B long_term (4.5, 2500 m):
    # 160 m² → floor(35.6) = 35. No capacity field.
    # Capacity 335 ≥ 230 residents, and all are in reach (B5 only of B, 1600 m ≤ 2500), so the optimum
    # places everyone. B5's 20 must go to B; B's other 15 places go to the building saving most by
    # being there rather than at A: B4 (A 300 − B 100 = 200 m each; B1–B3 would walk farther to B).
    # A: B1–B3 160 + B4 35 = 195; B: B4 15 + B5 20 = 35; nobody unplaced. (The earlier greedy filled
    # B with 35 of B4 first and left B5's 20 unplaced with 105 places free at A.)
    typed = make_layer("Point", "EPSG:4549", "shelter_id:string&field=eff_area_m2:double&field=kind:string", [
        ("POINT(0 0)", ["A", 300.0, "emergency"]), ("POINT(400 0)", ["B", 160.0, "long_term"])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "SHELTERS": typed, "SHELTER_TYPE_FIELD": "kind", "CAPACITY_FIELD": None},
                 feedback=feedback)
    sh = by_name(result["SHELTERS_OUTPUT"], "shelter_id")
    assert [sh["A"]["capacity"], sh["A"]["assigned"], sh["A"]["reach_m"]] == [300, 195, 500]
    assert [sh["B"]["capacity"], sh["B"]["assigned"], sh["B"]["reach_m"]] == [35, 35, 2500]
    assert result["POP_UNPLACED"] == 0 and result["POP_IN_REACH_PCT"] == 100
    out = by_name(result["OUTPUT"])
    assert [out[n]["assigned"] for n in CENTRES] == [60, 70, 30, 50, 20]
    assert out["B4"]["shelter_id"] == "A" and out["B5"]["shelter_id"] == "B"     # B4: 35 at A, 15 at B
    assert "Assignment: the optimum over 9 building–shelter pairs" in feedback.textLog()


@pytest.mark.parametrize("change, message", [
    ({"POPULATION_FIELD": "nope"}, "Field “nope” is not in"),
    ({"AREA_FIELD": "shelter_id"}, "must be numeric"),
    ("polygons", "holds Polygon geometries"),
    ("empty", "has no features"),
    ("empty_buildings", "has no features"),
])
def test_bad_input(provider, buildings, shelters, make_layer, rect, change, message):
    params = {"INPUT": buildings, "SHELTERS": shelters}
    if change == "polygons":
        params["SHELTERS"] = make_layer("Polygon", "EPSG:4549", "eff_area_m2:double&field=cap:integer",
                                        [(rect(0, 0, 10, 10), [100.0, 10])])
    elif change == "empty":
        params["SHELTERS"] = make_layer("Point", "EPSG:4549", "eff_area_m2:double&field=cap:integer", [])
    elif change == "empty_buildings":
        params["INPUT"] = make_layer("Polygon", "EPSG:4549", "residents:integer", [])
    else:
        params.update(change)
    with pytest.raises(QgsProcessingException, match=message):
        run(params)


def _demo(name):
    return f"{DISTRICT}|layername={name}"


def test_demo_district_conservation_and_flooded_shelters(provider):
    # Independent numbers read with OGR and shapely: residents, capacities, shelters inside flood zones.
    ds = ogr.Open(str(DISTRICT))
    residents = sum(f["residents"] or 0 for f in ds.GetLayerByName("buildings"))
    capacity = {f["shelter_id"]: f["capacity"] for f in ds.GetLayerByName("shelters")}
    points = {f["shelter_id"]: shapely.from_wkt(f.GetGeometryRef().ExportToWkt()) for f in ds.GetLayerByName("shelters")}
    zones = shapely.union_all([shapely.from_wkt(f.GetGeometryRef().ExportToWkt())
                               for f in ds.GetLayerByName("flood_zones")])
    in_flood = sorted(k for k, p in points.items() if zones.intersects(p))
    assert len(in_flood) == 2
    result = run({"INPUT": _demo("buildings"), "SHELTERS": _demo("shelters"), "SHELTER_TYPE_FIELD": "shelter_type",
                  "CAPACITY_FIELD": "capacity", "FLOOD_ZONES": _demo("flood_zones"), "FLOOD_DEPTH_FIELD": "depth_m",
                  "ROADS": _demo("roads"), "UNITS": _demo("planning_units"), "UNITS_OUTPUT": "TEMPORARY_OUTPUT"})
    features = list(result["OUTPUT"].getFeatures())
    pop = np.array([f["residents"] or 0 for f in features], float)
    assigned = np.array([f["assigned"] for f in features], float)
    unplaced = np.array([f["unplaced"] for f in features], float)
    assert assigned + unplaced == pytest.approx(pop)                     # per building
    assert assigned.sum() + unplaced.sum() == pytest.approx(residents)   # 144 649 residents
    assert result["POP_UNPLACED"] == pytest.approx(unplaced.sum())
    sh = by_name(result["SHELTERS_OUTPUT"], "shelter_id")
    assert sorted(k for k, f in sh.items() if f["flooded"] == 1) == in_flood and result["SHELTERS_FLOODED"] == 2
    for key, f in sh.items():
        assert f["assigned"] <= capacity[key] + 1e-6, key
        if key in in_flood:
            assert f["assigned"] == 0
    # Shelters' loads add up to the residents placed, and buildings name the shelter they went to.
    assert sum(f["assigned"] for f in sh.values()) == pytest.approx(assigned.sum())
    named = {f["shelter_id"] for f in features if not null(f["shelter_id"])}
    assert named <= set(sh) - set(in_flood)
    # Per unit: residents sum to those inside units; usable capacity 113 456 < 144 649, so some are unplaced.
    units = list(result["UNITS_OUTPUT"].getFeatures())
    assert sum(f["pop"] for f in units) <= residents + 1e-6
    usable = sum(c for k, c in capacity.items() if k not in in_flood)
    assert assigned.sum() <= usable and result["POP_UNPLACED"] >= residents - usable


def test_geographic_crs_is_measured_in_metres_and_null_residents(provider, make_layer):
    # Lon/lat near Jiaxing: the building's centre is 0.001° east of the shelter. QgsDistanceArea on the
    # ellipsoid gives the independent distance (~96 m); the algorithm measures in UTM 51N: within 0.5 %.
    from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsPointXY, QgsProject
    x0, x1, y0, y1 = 120.7508, 120.7512, 30.7498, 30.7502      # centre (120.751, 30.75)
    wkt = f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"
    buildings = make_layer("Polygon", "EPSG:4326", "name:string&field=residents:integer",
                           [(wkt, ["G", 10]), (wkt, ["N", None])])
    shelters = make_layer("Point", "EPSG:4326", "shelter_id:string&field=eff_area_m2:double&field=cap:integer",
                          [("POINT(120.75 30.75)", ["S", 100.0, 5])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "SHELTERS": shelters}, feedback=feedback)
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext())
    measure.setEllipsoid("WGS84")
    expected = measure.measureLine(QgsPointXY(120.75, 30.75), QgsPointXY(120.751, 30.75))
    out = by_name(result["OUTPUT"])
    assert out["G"]["shelter_m"] == pytest.approx(expected, rel=0.005)
    # Capacity 5: G places 5, 5 unplaced; N (NULL residents) counts 0.
    assert (out["G"]["assigned"], out["G"]["unplaced"], out["N"]["assigned"], out["N"]["unplaced"]) == (5, 5, 0, 0)
    log = feedback.textLog()
    assert "Distances are measured in" in log and "EPSG:32651" in log
    assert "1 buildings have a missing or negative population" in log


@pytest.mark.parametrize("flag", ["est", "cap_est"])
def test_what_estimated_shelters_decide_is_flagged(provider, buildings, units, make_layer, log_feedback, flag):
    """Shelter A (0, 0) flagged as estimated (a candidate: est, or its capacity's cap_est), B (400, 0) not. Nearest
    shelter: B1–B3 have A nearer than B (50, 100, 150 m against 350, 300, 250): flagged; B4 has B nearer (100 m
    against 300): not; B5 reaches neither within 500 m but its nearest, B at 1600 m, is B: not. Units: west holds
    only A's area (300 m²): flagged; east only B's: not."""
    shelters = make_layer("Point", "EPSG:4549", f"shelter_id:string&field=eff_area_m2:double&field=cap:integer"
                                                f"&field={flag}:integer", [
                              ("POINT(0 0)", ["A", 300.0, 100, 1]), ("POINT(400 0)", ["B", 160.0, None, 0])])
    feedback = log_feedback()
    result = run({"INPUT": buildings, "SHELTERS": shelters, "UNITS": units, "UNITS_OUTPUT": "TEMPORARY_OUTPUT"},
                 feedback=feedback)
    out = by_name(result["OUTPUT"])
    assert [out[n]["shelter_m_est"] for n in ("B1", "B2", "B3", "B4", "B5")] == [1, 1, 1, 0, 0]
    assert [out[n]["shelter_m"] for n in ("B1", "B2", "B3", "B4")] == pytest.approx([50, 100, 150, 100], abs=1)
    per_unit = by_name(result["UNITS_OUTPUT"], "unit_id")
    assert (per_unit["west"]["shelter_m2_cap_est"], per_unit["east"]["shelter_m2_cap_est"]) == (1, 0)
    assert f"1 usable shelters of “{shelters.name()}” are flagged as estimated (“{flag}” = 1" in feedback.text
    assert "3 buildings' nearest shelter is one of them" in feedback.text


def test_mostly_estimated_residents_flag_the_area_per_resident(provider, shelters, units, make_layer, log_feedback):
    """residents_est (lcr:prepare_osm) on B1 (60) and B3 (30): west 90 of 160 residents (more than half) → flagged;
    on B5 (20): east 20 of 70 → not. The shelters are data, so only the residents decide."""
    buildings = make_layer("Polygon", "EPSG:4549", "name:string&field=residents:integer&field=residents_est:integer",
                           [(square(x), [n, pop, int(n in ("B1", "B3", "B5"))]) for n, (x, pop) in CENTRES.items()])
    feedback = log_feedback()
    result = run({"INPUT": buildings, "SHELTERS": shelters, "UNITS": units, "UNITS_OUTPUT": "TEMPORARY_OUTPUT"},
                 feedback=feedback)
    unit = by_name(result["UNITS_OUTPUT"], "unit_id")
    assert (unit["west"]["shelter_m2_cap_est"], unit["east"]["shelter_m2_cap_est"]) == (1, 0)
    assert unit["west"]["shelter_m2_cap"] == pytest.approx(1.875)
    assert "1 more units' residents are mostly estimated (“residents_est”)" in feedback.text
