"""lcr:transit_coverage through processing.run: walking distances worked out by hand on a tiny
street plan with a river, coverage by population and by unit, the straight-line fallback, bad
input, and the demo district."""
import math
from pathlib import Path

import numpy as np
import pytest
import shapely
from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
)

import processing

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"

# The plan (metres). A river runs east-west between y = 0 and y = 600; the only crossing is the
# road at x = 1000.
#
#   (0,600) ===== north road ===== (1000,600)        bus stop at (500,610) → joins at (500,600), 10 m
#                                      ‖ bridge road
#   (0,0)   ===== south road ===== (1000,0)          rail station at (0,-10) → joins at (0,0), 10 m
#
# Buildings are 10 m squares; their representative point is the centre.
#   B1 south (300,20): joins the south road at (300,0), 20 m.
#      rail 10 + 300 + 20 = 330;  bus 10 + 500 + 600 + 700 + 20 = 1830
#   B2 north (100,580): joins the north road at (100,600), 20 m.
#      rail 10 + 1000 + 600 + 900 + 20 = 2530 (straight line √(100² + 590²) = 598.4 < 800!)
#      bus 10 + 400 + 20 = 430
#   B3 far away (5000,5000): 5000+ m from every road, more than MAX_SNAP: no distance.
#   B4 east (950,300): joins the bridge road at (1000,300), 50 m.
#      rail 10 + 1000 + 300 + 50 = 1360; bus 10 + 500 + 300 + 50 = 860
ROADS = ["LINESTRING(0 0, 1000 0)", "LINESTRING(1000 0, 1000 600)", "LINESTRING(0 600, 1000 600)"]
CENTRES = {"B1": (300, 20), "B2": (100, 580), "B3": (5000, 5000), "B4": (950, 300)}
POPULATION = {"B1": 100, "B2": 300, "B3": 50, "B4": None}
NETWORK = {"B1": (330, 1830), "B2": (2530, 430), "B3": (None, None), "B4": (1360, 860)}
RAIL, BUS = (0, -10), (500, 610)


def square(x, y):
    return f"POLYGON(({x - 5} {y - 5},{x + 5} {y - 5},{x + 5} {y + 5},{x - 5} {y + 5},{x - 5} {y - 5}))"


@pytest.fixture
def buildings(make_layer):
    return make_layer("Polygon", "EPSG:4549", "name:string&field=residents:integer",
                      [(square(*CENTRES[n]), [n, POPULATION[n]]) for n in CENTRES])


@pytest.fixture
def stops(make_layer):
    return make_layer("Point", "EPSG:4549", "name:string&field=stop_type:string", [
        (f"POINT({RAIL[0]} {RAIL[1]})", ["station", "Rail"]),       # case is ignored
        (f"POINT({BUS[0]} {BUS[1]})", ["stop", "公交"]),
        ("POINT(400 300)", ["pier", "ferry"]),                      # neither: ignored, logged
    ])


@pytest.fixture
def roads(make_layer):
    return make_layer("LineString", "EPSG:4549", "road_id:integer", [(w, [i]) for i, w in enumerate(ROADS)])


@pytest.fixture
def units(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "unit_id:string", [
        (rect(-100, -100, 1200, 340), ["south"]),     # y −100…240: B1
        (rect(-100, 240, 1200, 500), ["north"]),      # y 240…740: B2, B4
        (rect(9000, 9000, 100, 100), ["empty"]),
    ])


def run(params, **kwargs):
    return processing.run("lcr:transit_coverage", {"OUTPUT": "TEMPORARY_OUTPUT", "STOP_TYPE_FIELD": "stop_type",
                                                   **params}, **kwargs)


def null(value):
    """NULL as QGIS returns it (None, or a null QVariant depending on the version)."""
    return value is None or (hasattr(value, "isNull") and value.isNull())


def by_name(layer, key="name"):
    return {f[key]: f for f in layer.getFeatures()}


def test_network_distances_coverage_and_units(provider, buildings, stops, roads, units, layer_snapshot):
    before = [layer_snapshot(x) for x in (buildings, stops, roads, units)]
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "POPULATION_FIELD": "residents", "STOPS": stops, "ROADS": roads,
                  "UNITS": units, "UNITS_OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    out = by_name(result["OUTPUT"])
    assert result["OUTPUT"].fields().names() == ["name", "residents", "rail_m", "bus_m", "rail_cov", "bus_cov",
                                                 "method"]
    for name, (rail_m, bus_m) in NETWORK.items():
        if rail_m is None:
            assert null(out[name]["rail_m"]) and null(out[name]["bus_m"]), name
        else:
            assert out[name]["rail_m"] == pytest.approx(rail_m, abs=1e-6), name
            assert out[name]["bus_m"] == pytest.approx(bus_m, abs=1e-6), name
    assert [out[n]["rail_cov"] for n in CENTRES] == [1, 0, 0, 0]     # only B1 within 800 m of rail
    assert [out[n]["bus_cov"] for n in CENTRES] == [0, 1, 0, 0]      # only B2 within 500 m of bus
    assert {f["method"] for f in result["OUTPUT"].getFeatures()} == {"network"}
    # Residents 100 + 300 + 50 + 0 (NULL) = 450; rail covers B1: 100/450; bus covers B2: 300/450.
    assert result["RAIL_COVERAGE_PCT"] == pytest.approx(100 * 100 / 450)
    assert result["BUS_COVERAGE_PCT"] == pytest.approx(100 * 300 / 450)

    unit = by_name(result["UNITS_OUTPUT"], "unit_id")
    assert [unit["south"][k] for k in ("bldg", "pop", "pop_rail", "pop_bus", "rail_pct", "bus_pct",
                                       "bldg_rail_pct", "bldg_bus_pct")] == [1, 100, 100, 0, 100, 0, 100, 0]
    # north: B2 (300, bus) and B4 (NULL → 0, nothing): pop 300, bus 300/300, buildings 1 of 2 by bus.
    assert [unit["north"][k] for k in ("bldg", "pop", "pop_rail", "pop_bus", "rail_pct", "bus_pct",
                                       "bldg_rail_pct", "bldg_bus_pct")] == [2, 300, 0, 300, 0, 100, 0, 50]
    assert unit["empty"]["bldg"] == 0 and null(unit["empty"]["rail_pct"]) and null(unit["empty"]["bldg_bus_pct"])
    assert {f["method"] for f in result["UNITS_OUTPUT"].getFeatures()} == {"network"}

    log = feedback.textLog()
    assert "1 stops have another stop_type value and are ignored: ferry" in log
    assert "1 buildings are farther than 250.0 m from every road" in log
    assert "1 buildings have a missing or negative population" in log
    assert "network distance" in log
    assert [layer_snapshot(x) for x in (buildings, stops, roads, units)] == before


def test_straight_line_fallback_over_claims_across_the_river(provider, buildings, stops):
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "POPULATION_FIELD": "residents", "STOPS": stops}, feedback=feedback)
    out = by_name(result["OUTPUT"])
    rail, bus = np.array(RAIL), np.array(BUS)
    for name, centre in CENTRES.items():
        assert out[name]["rail_m"] == pytest.approx(np.hypot(*(np.array(centre) - rail))), name
        assert out[name]["bus_m"] == pytest.approx(np.hypot(*(np.array(centre) - bus))), name
    # B2 is 598.4 m from the station as the crow flies, but 2530 m on foot: covered only here.
    assert out["B2"]["rail_m"] == pytest.approx(math.hypot(100, 590), abs=0.01)
    assert out["B2"]["rail_cov"] == 1
    # B1 (301.5 m) and B2 (598.4 m) within 800 m of rail: (100 + 300)/450; bus: B2 401.1 m → 300/450
    # (B1 623.0 m, B4 546.4 m are beyond 500 m).
    assert result["RAIL_COVERAGE_PCT"] == pytest.approx(100 * 400 / 450)
    assert result["BUS_COVERAGE_PCT"] == pytest.approx(100 * 300 / 450)
    assert {f["method"] for f in result["OUTPUT"].getFeatures()} == {"euclidean"}
    assert "straight lines (Euclidean)" in feedback.textLog()


def test_coverage_by_building_count_and_own_distances(provider, buildings, stops, roads):
    result = run({"INPUT": buildings, "STOPS": stops, "ROADS": roads, "RAIL_DISTANCE": 1400,
                  "BUS_DISTANCE": 900, "MAX_SNAP": 10})
    # MAX_SNAP 10 m: every building is 20 m or more from a road, and both stops 10 m (kept: ≤ 10 m).
    assert all(null(f["rail_m"]) for f in result["OUTPUT"].getFeatures())
    assert result["RAIL_COVERAGE_PCT"] == 0
    result = run({"INPUT": buildings, "STOPS": stops, "ROADS": roads, "RAIL_DISTANCE": 1400, "BUS_DISTANCE": 900})
    out = by_name(result["OUTPUT"])
    # Rail within 1400 m: B1 (330), B4 (1360) → 2 of 4 buildings; bus within 900: B2 (430), B4 (860) → 2 of 4.
    assert [out[n]["rail_cov"] for n in CENTRES] == [1, 0, 0, 1]
    assert result["RAIL_COVERAGE_PCT"] == 50 and result["BUS_COVERAGE_PCT"] == 50


def test_geographic_buildings_are_measured_in_utm(provider, make_layer):
    # The same plan moved to Jiaxing (EPSG:4549 around 572000, 3402000); buildings stored in WGS 84,
    # stops and roads in EPSG:4549. Distances are taken in UTM 51N, whose scale differs from the
    # Gauss-Krüger zone's by about 1.3e-4 here (0.3 m on 2530 m).
    x0, y0 = 572000, 3402000
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4549"),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    rows = []
    for name, (x, y) in CENTRES.items():
        geometry = QgsGeometry.fromWkt(square(x0 + x, y0 + y))
        geometry.transform(to_wgs84)
        rows.append((geometry.asWkt(12), [name, POPULATION[name]]))
    buildings = make_layer("Polygon", "EPSG:4326", "name:string&field=residents:integer", rows)
    stops = make_layer("Point", "EPSG:4549", "stop_type:string", [
        (f"POINT({x0 + RAIL[0]} {y0 + RAIL[1]})", ["rail"]), (f"POINT({x0 + BUS[0]} {y0 + BUS[1]})", ["bus"])])
    moved = [shapely.to_wkt(shapely.transform(shapely.from_wkt(w), lambda c: c + [x0, y0])) for w in ROADS]
    roads = make_layer("LineString", "EPSG:4549", "", [(w, []) for w in moved])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "POPULATION_FIELD": "residents", "STOPS": stops, "ROADS": roads},
                 feedback=feedback)
    assert "EPSG:32651" in feedback.textLog()
    assert result["OUTPUT"].crs().authid() == "EPSG:4326"
    out = by_name(result["OUTPUT"])
    for name, (rail_m, bus_m) in NETWORK.items():
        if rail_m is not None:
            assert out[name]["rail_m"] == pytest.approx(rail_m, rel=5e-4), name
            assert out[name]["bus_m"] == pytest.approx(bus_m, rel=5e-4), name
    assert result["RAIL_COVERAGE_PCT"] == pytest.approx(100 * 100 / 450)


def test_building_on_a_separate_road_piece_has_no_path(provider, make_layer, stops):
    roads = make_layer("LineString", "EPSG:4549", "", [(w, []) for w in ROADS + ["LINESTRING(3000 0, 3100 0)"]])
    buildings = make_layer("Polygon", "EPSG:4549", "name:string", [(square(3050, 10), ["island"]),
                                                                   (square(*CENTRES["B1"]), ["B1"])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "STOPS": stops, "ROADS": roads}, feedback=feedback)
    out = by_name(result["OUTPUT"])
    # island: 10 m from its own road, which no stop reaches; B1 as before (rail 330 m).
    assert null(out["island"]["rail_m"]) and out["island"]["rail_cov"] == 0
    assert out["B1"]["rail_m"] == pytest.approx(330)
    assert result["RAIL_COVERAGE_PCT"] == 50             # 1 of 2 buildings
    assert "1 buildings near a road have no path to any rail station" in feedback.textLog()
    assert "2 connected piece(s)" in feedback.textLog()


def test_stops_elsewhere_warn(provider, buildings, make_layer):
    stops = make_layer("Point", "EPSG:4549", "stop_type:string", [("POINT(90000 90000)", ["bus"])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "STOPS": stops}, feedback=feedback)
    assert result["BUS_COVERAGE_PCT"] == 0
    assert "No building is within walking distance of any stop" in feedback.textLog()


def test_polygon_stops_are_refused(provider, buildings, make_layer, rect):
    polygons = make_layer("Polygon", "EPSG:4549", "stop_type:string", [(rect(0, 0, 5, 5), ["rail"])])
    with pytest.raises(QgsProcessingException, match="needs Point"):
        run({"INPUT": buildings, "STOPS": polygons})


def test_polygon_roads_are_refused(provider, buildings, stops, make_layer, rect):
    polygons = make_layer("Polygon", "EPSG:4549", "", [(rect(0, 0, 5, 5), [])])
    with pytest.raises(QgsProcessingException, match="needs Line"):
        run({"INPUT": buildings, "STOPS": stops, "ROADS": polygons})


def test_missing_stop_type_field_is_refused(provider, buildings, stops):
    with pytest.raises(QgsProcessingException, match="“kind” is not in"):
        run({"INPUT": buildings, "STOPS": stops, "STOP_TYPE_FIELD": "kind"})


def test_no_stop_of_a_known_type_is_refused(provider, buildings, stops):
    with pytest.raises(QgsProcessingException, match="Its values are: ferry, rail, 公交"):
        run({"INPUT": buildings, "STOPS": stops, "RAIL_VALUES": "metro", "BUS_VALUES": "tram"})


def test_value_in_both_lists_is_refused(provider, buildings, stops):
    with pytest.raises(QgsProcessingException, match="“rail” is listed both"):
        run({"INPUT": buildings, "STOPS": stops, "RAIL_VALUES": "rail", "BUS_VALUES": "bus，rail"})


def test_empty_buildings_and_non_numeric_population_are_refused(provider, stops, make_layer, buildings):
    empty = make_layer("Polygon", "EPSG:4549", "residents:integer", [])
    with pytest.raises(QgsProcessingException, match="has no features"):
        run({"INPUT": empty, "STOPS": stops})
    with pytest.raises(QgsProcessingException, match="must be numeric"):
        run({"INPUT": buildings, "STOPS": stops, "POPULATION_FIELD": "name"})


def test_only_bus_stops_warns_and_rail_is_zero(provider, buildings, make_layer):
    stops = make_layer("Point", "EPSG:4549", "stop_type:string", [(f"POINT({BUS[0]} {BUS[1]})", ["bus"])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": buildings, "STOPS": stops}, feedback=feedback)
    assert result["RAIL_COVERAGE_PCT"] == 0
    assert all(null(f["rail_m"]) for f in result["OUTPUT"].getFeatures())
    assert "No rail station" in feedback.textLog()


def test_loaded_outputs_are_styled(provider, buildings, stops, roads, units):
    from qgis.core import QgsRuleBasedRenderer

    result = processing.runAndLoadResults("lcr:transit_coverage", {
        "INPUT": buildings, "STOPS": stops, "STOP_TYPE_FIELD": "stop_type", "ROADS": roads, "UNITS": units,
        "OUTPUT": "TEMPORARY_OUTPUT", "UNITS_OUTPUT": "TEMPORARY_OUTPUT"})
    project = QgsProject.instance()
    layer, unit_layer = project.mapLayer(result["OUTPUT"]), project.mapLayer(result["UNITS_OUTPUT"])
    rules = [rule.filterExpression() for rule in layer.renderer().rootRule().children()]
    assert isinstance(layer.renderer(), QgsRuleBasedRenderer) and any('"rail_m" >= 800' in r for r in rules)
    assert any('"rail_pct"' in rule.filterExpression() for rule in unit_layer.renderer().rootRule().children())
    assert "walking distance along the roads" in layer.metadata().abstract()
    assert "network distances" in unit_layer.metadata().abstract()
    project.removeAllMapLayers()


# ---- the demo district ------------------------------------------------------------------------
def read(layer, fields=()):
    source = ogr.Open(str(DISTRICT))
    lyr = source.GetLayerByName(layer)
    geoms, values = [], {f: [] for f in fields}
    for feature in lyr:
        geoms.append(shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb())))
        for f in fields:
            values[f].append(feature.GetField(f))
    return np.array(geoms, dtype=object), values


def test_demo_district(provider):
    params = {"INPUT": f"{DISTRICT}|layername=buildings", "POPULATION_FIELD": "residents",
              "STOPS": f"{DISTRICT}|layername=transit_stops", "UNITS": f"{DISTRICT}|layername=planning_units",
              "UNITS_OUTPUT": "TEMPORARY_OUTPUT"}
    walked = run({**params, "ROADS": f"{DISTRICT}|layername=roads"})
    straight = run(params)

    # Independent straight-line coverage: GDAL reading, shapely distances from the buildings' centroids
    # (every demo building holds its own).
    buildings, values = read("buildings", ["bldg_id", "residents"])
    stops, kinds = read("transit_stops", ["stop_type"])
    residents = np.array([r or 0 for r in values["residents"]], dtype=float)
    points = shapely.centroid(buildings)
    assert shapely.contains_properly(buildings, points).all()
    rail = shapely.multipoints(stops[np.array(kinds["stop_type"]) == "rail"])
    d_rail = shapely.distance(points, rail)
    expected = 100 * residents[d_rail <= 800].sum() / residents.sum()
    assert straight["RAIL_COVERAGE_PCT"] == pytest.approx(expected, rel=1e-9)

    # Walking is never shorter than the straight line, building by building.
    ids = values["bldg_id"]
    net = {f["bldg_id"]: (f["rail_m"], f["bus_m"]) for f in walked["OUTPUT"].getFeatures()}
    air = {f["bldg_id"]: (f["rail_m"], f["bus_m"]) for f in straight["OUTPUT"].getFeatures()}
    pairs = np.array([(net[i][k], air[i][k]) for i in ids for k in (0, 1) if not null(net[i][k])], dtype=float)
    assert len(pairs) > 0.99 * 2 * len(ids)                    # all but a few buildings reach the roads
    assert np.all(pairs[:, 0] >= pairs[:, 1] - 1e-6)
    # The demo's roads form blocks of a few hundred metres: the median detour is 1.2–1.6 × the straight line.
    assert 1.2 < np.median(pairs[:, 0] / pairs[:, 1]) < 1.6
    # Network coverage 27.2 % rail, 68.9 % bus; straight lines 62.9 % and 95.4 %.
    assert 20 < walked["RAIL_COVERAGE_PCT"] < straight["RAIL_COVERAGE_PCT"]
    assert 50 < walked["BUS_COVERAGE_PCT"] < straight["BUS_COVERAGE_PCT"]

    # The units add up to the district: every building lies in one unit.
    units = list(walked["UNITS_OUTPUT"].getFeatures())
    assert sum(u["bldg"] for u in units) == len(ids)
    assert sum(u["pop"] for u in units) == pytest.approx(residents.sum())
    assert 100 * sum(u["pop_rail"] for u in units) / residents.sum() == pytest.approx(walked["RAIL_COVERAGE_PCT"])


def test_no_stops_leaves_coverage_not_assessed(provider, buildings, roads, units, make_layer, log_feedback):
    """A stops layer with no feature (an OpenStreetMap extract without mapped stops): coverage is unknown, not
    0 %: every coverage field NULL, the buildings and residents of each unit still counted (south: B1, 100;
    north: B2 and B4, 300), the totals left empty, and the log says why."""
    empty = make_layer("Point", "EPSG:4549", "name:string&field=stop_type:string", [])
    feedback = log_feedback()
    result = run({"INPUT": buildings, "POPULATION_FIELD": "residents", "STOPS": empty, "ROADS": roads,
                  "UNITS": units, "UNITS_OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    out = by_name(result["OUTPUT"])
    assert all(null(out[n][k]) for n in CENTRES for k in ("rail_m", "bus_m", "rail_cov", "bus_cov"))
    assert result["RAIL_COVERAGE_PCT"] is None and result["BUS_COVERAGE_PCT"] is None
    unit = by_name(result["UNITS_OUTPUT"], "unit_id")
    assert [unit["south"]["bldg"], unit["south"]["pop"], unit["north"]["bldg"], unit["north"]["pop"]] == [1, 100, 2, 300]
    assert all(null(unit[u][k]) for u in ("south", "north") for k in ("pop_rail", "pop_bus", "rail_pct", "bus_pct",
                                                                       "bldg_rail_pct", "bldg_bus_pct"))
    assert any(line.startswith("“test” has no features: transit coverage is not assessed") for line in feedback.lines)
