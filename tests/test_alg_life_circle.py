"""lcr:life_circle through processing.run: facility types reached on the river plan of
test_core_life_circle (worked by hand there), scores, per-unit shares, the straight-line fallback,
Chinese aliases, bad input, and the demo district."""
import shutil
from pathlib import Path

import numpy as np
import pytest
import shapely
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

import processing

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"

# Same plan as tests/test_core_life_circle.py: kindergarten 300 m, clinic 500 m, sports 1000 m.
ROADS = ["LINESTRING(0 0, 1000 0)", "LINESTRING(1000 0, 1000 200)", "LINESTRING(0 200, 1000 200)"]
FACILITIES = [("POINT(100 210)", "幼儿园"), ("POINT(1000 100)", "Sports"), ("POINT(400 -10)", "社区卫生服务站"),
              ("POINT(450 -10)", "kindergarten"), ("POINT(500 100)", "ferry")]
HOMES = {"H1": (100, 20), "H2": (300, 180), "H3": (950, 100), "H4": (5000, 5000), "H5": (400, 20)}
POP = {"H1": 100, "H2": 200, "H3": 50, "H4": 30, "H5": 400}
NETWORK = {"H1": [0, 1, 0], "H2": [1, 0, 1], "H3": [0, 0, 1], "H4": [0, 0, 0], "H5": [1, 1, 1]}
EUCLID = {"H1": [1, 1, 1], "H2": [1, 1, 1], "H3": [0, 0, 1], "H4": [0, 0, 0], "H5": [1, 1, 1]}
TYPES = ["lc_kindergarten", "lc_clinic", "lc_sports"]
TABLE = ("# test table\nfac_type,circle,distance_m,aliases,source,year,verified\n"
         "kindergarten,5,300,幼儿园|托儿所,test,2018,no\nclinic,10,500,社区卫生服务站,test,2018,yes\n"
         "sports,15,1000,体育,test,2018,no\n")


def square(x, y):
    return f"POLYGON(({x - 5} {y - 5},{x + 5} {y - 5},{x + 5} {y + 5},{x - 5} {y + 5},{x - 5} {y - 5}))"


@pytest.fixture
def homes(make_layer):
    return make_layer("Polygon", "EPSG:4549", "name:string&field=residents:integer",
                      [(square(*HOMES[n]), [n, POP[n]]) for n in HOMES])


@pytest.fixture
def facilities(make_layer):
    return make_layer("Point", "EPSG:4549", "fac_type:string", [(w, [t]) for w, t in FACILITIES])


@pytest.fixture
def roads(make_layer):
    return make_layer("LineString", "EPSG:4549", "road_id:integer", [(w, [i]) for i, w in enumerate(ROADS)])


@pytest.fixture
def units(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "unit_id:string", [
        (rect(-100, -100, 1200, 190), ["south"]),   # y −100…90: H1, H5
        (rect(-100, 90, 1200, 200), ["north"]),     # y 90…290: H2, H3
        (rect(9000, 9000, 100, 100), ["empty"]),
    ])


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "facilities.csv"
    path.write_text(TABLE, encoding="utf-8")
    return str(path)


def run(params, **kwargs):
    return processing.run("lcr:life_circle", {"OUTPUT": "TEMPORARY_OUTPUT", "FACILITY_TYPE_FIELD": "fac_type",
                                              **params}, **kwargs)


def null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def by_name(layer, key="name"):
    return {f[key]: f for f in layer.getFeatures()}


def test_network_reach_scores_and_units(provider, homes, facilities, roads, units, table, layer_snapshot):
    before = [layer_snapshot(x) for x in (homes, facilities, roads, units)]
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": homes, "POPULATION_FIELD": "residents", "FACILITIES": facilities, "ROADS": roads,
                  "FACILITY_TABLE": table, "UNITS": units, "UNITS_OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    out = by_name(result["OUTPUT"])
    assert result["OUTPUT"].fields().names() == ["name", "residents"] + TYPES + ["lc_score", "lc_missing", "method",
                                                                               "lc_score_est"]
    assert [out[n]["lc_score_est"] for n in ("H1", "H2", "H3", "H5")] == [0, 0, 0, 0]   # no type_est field
    for name, reached in NETWORK.items():
        assert [out[name][t] for t in TYPES] == reached, name
        assert out[name]["lc_score"] == pytest.approx(sum(reached) / 3), name
        assert out[name]["method"] == "network"
    # H1 is 190 m from the kindergarten K1 across the river but 2030 m on foot.
    assert out["H1"]["lc_missing"] == "kindergarten,sports" and out["H5"]["lc_missing"] == ""
    # 780 residents, H5 (400) reaches all three: 51.28 %; mean score (100/3 + 200·2/3 + 50/3 + 400)/780.
    assert result["FULL_COVERAGE_PCT"] == pytest.approx(100 * 400 / 780)
    assert result["MEAN_SCORE"] == pytest.approx((100 / 3 + 400 / 3 + 50 / 3 + 400) / 780)

    unit = by_name(result["UNITS_OUTPUT"], "unit_id")
    keys = ["bldg", "pop", "pop_full", "full_pct", "pct_kindergarten", "pct_clinic", "pct_sports"]
    # south: H1 (100) + H5 (400); H5 full → 80 %; K 400/500, C 500/500, S 400/500.
    assert [unit["south"][k] for k in keys] == pytest.approx([2, 500, 400, 80, 80, 100, 80])
    # north: H2 (200) + H3 (50); none full; K 200/250, C 0, S 250/250.
    assert [unit["north"][k] for k in keys] == pytest.approx([2, 250, 0, 0, 80, 0, 100])
    assert unit["empty"]["bldg"] == 0 and null(unit["empty"]["full_pct"]) and null(unit["empty"]["pct_clinic"])
    assert [(unit[u]["pop_est"], unit[u]["full_pct_est"]) for u in ("south", "north", "empty")] == [(0, 0)] * 3

    log = feedback.textLog()
    assert "1 facilities have a fac_type value not in the table and are ignored: ferry (1)" in log
    assert "Unverified walking distances are used for: kindergarten, sports" in log
    assert "1 homes are farther than 250.0 m from every road" in log
    assert [layer_snapshot(x) for x in (homes, facilities, roads, units)] == before


def test_straight_line_fallback_and_building_count(provider, homes, facilities, table):
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": homes, "FACILITIES": facilities, "FACILITY_TABLE": table}, feedback=feedback)
    out = by_name(result["OUTPUT"])
    for name, reached in EUCLID.items():
        assert [out[name][t] for t in TYPES] == reached, name
        assert out[name]["method"] == "euclidean"
    # By building count: H1, H2, H5 full = 3 of 5 = 60 %; mean score (1 + 1 + 1/3 + 0 + 1)/5 = 0.6667.
    assert result["FULL_COVERAGE_PCT"] == pytest.approx(60)
    assert result["MEAN_SCORE"] == pytest.approx(10 / 15)
    assert "No roads given: distances are straight lines" in feedback.textLog()


def test_shipped_table_and_a_type_without_facility(provider, homes, facilities, roads):
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": homes, "POPULATION_FIELD": "residents", "FACILITIES": facilities, "ROADS": roads,
                  "DISTANCE_SCALE": 2}, feedback=feedback)
    out = by_name(result["OUTPUT"])
    names = result["OUTPUT"].fields().names()
    assert names[2:10] == ["lc_kindergarten", "lc_primary_school", "lc_middle_school", "lc_clinic",
                           "lc_elderly_care", "lc_market", "lc_community_center", "lc_sports"]
    # Shipped: clinic 300 m × 2 = 600; kindergarten 600; sports 2000. H5: K 80, C 30, S 720 → all 1;
    # H1: K 380 → 1 (≤ 600), C 330 → 1, S 1020 → 1. The five types without any facility are missed.
    assert [out["H1"][t] for t in ("lc_kindergarten", "lc_clinic", "lc_sports", "lc_market")] == [1, 1, 1, 0]
    assert out["H5"]["lc_score"] == pytest.approx(3 / 8)
    assert result["FULL_COVERAGE_PCT"] == 0
    log = feedback.textLog()
    assert "No facility of type primary_school, middle_school, elderly_care, market, community_center" in log
    assert "Walking distances are multiplied by 2" in log


def test_geographic_layers_are_measured_in_metres(provider, make_layer, table):
    # Shanghai, about 31.2° N: 0.001° of longitude ≈ 95.2 m, 0.001° of latitude ≈ 110.9 m (UTM 51N).
    homes = make_layer("Polygon", "EPSG:4326", "name:string",
                       [("POLYGON((121.47 31.23,121.4701 31.23,121.4701 31.2301,121.47 31.2301,121.47 31.23))", ["A"])])
    facilities = make_layer("Point", "EPSG:4326", "fac_type:string",
                            [("POINT(121.4729 31.23005)", ["幼儿园"]),    # ≈ 0.0028° × 95.2 = 267 m east
                             ("POINT(121.4760 31.23005)", ["clinic"]),    # ≈ 0.0059° × 95.2 = 562 m > 500
                             ("POINT(121.4700 31.2380)", ["sports"])])    # ≈ 0.0079° × 110.9 = 876 m
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": homes, "FACILITIES": facilities, "FACILITY_TABLE": table}, feedback=feedback)
    feature = next(result["OUTPUT"].getFeatures())
    assert [feature[t] for t in TYPES] == [1, 0, 1]
    assert "UTM" in feedback.textLog() or "326" in feedback.textLog()


def test_polygon_facilities_are_refused(provider, homes, make_layer, rect):
    polygons = make_layer("Polygon", "EPSG:4549", "fac_type:string", [(rect(0, 0, 10, 10), ["clinic"])])
    with pytest.raises(QgsProcessingException, match="needs Point geometries"):
        run({"INPUT": homes, "FACILITIES": polygons})


def test_missing_type_field_is_refused(provider, homes, facilities):
    with pytest.raises(QgsProcessingException, match="Field “kind” is not in"):
        run({"INPUT": homes, "FACILITIES": facilities, "FACILITY_TYPE_FIELD": "kind"})


def test_empty_layer_and_non_numeric_population_are_refused(provider, make_layer, homes, facilities):
    empty = make_layer("Polygon", "EPSG:4549", "name:string", [])
    with pytest.raises(QgsProcessingException, match="has no features"):
        run({"INPUT": empty, "FACILITIES": facilities})
    with pytest.raises(QgsProcessingException, match="must be numeric"):
        run({"INPUT": homes, "FACILITIES": facilities, "POPULATION_FIELD": "name"})


def test_bad_table_is_refused(provider, homes, facilities, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("fac_type,distance_m\nclinic,near\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="“near” in column distance_m is not a number"):
        run({"INPUT": homes, "FACILITIES": facilities, "FACILITY_TABLE": str(path)})


def _rep_points(layer):
    """The centroid, or a point on the surface where the centroid falls outside (no demo home's does)."""
    shapes = shapely.from_wkb([bytes(f.geometry().asWkb()) for f in layer.getFeatures()])
    centroids = shapely.centroid(shapes)
    return np.where(shapely.contains_properly(shapes, centroids), centroids, shapely.point_on_surface(shapes))


def test_demo_district(provider, tmp_path):
    # A subset string makes QGIS reopen the GeoPackage for update, which rewrites its header: use a copy.
    district = shutil.copy(DISTRICT, tmp_path / "district.gpkg")
    homes = QgsVectorLayer(f"{district}|layername=buildings", "homes", "ogr")
    homes.setSubsetString("\"use\" = 'residential'")
    facilities = QgsVectorLayer(f"{district}|layername=facilities", "facilities", "ogr")
    roads = QgsVectorLayer(f"{district}|layername=roads", "roads", "ogr")
    units = QgsVectorLayer(f"{district}|layername=planning_units", "units", "ogr")
    assert homes.featureCount() == 2574
    common = {"INPUT": homes, "POPULATION_FIELD": "residents", "FACILITIES": facilities}
    net = run({**common, "ROADS": roads, "UNITS": units, "UNITS_OUTPUT": "TEMPORARY_OUTPUT"})
    euc = run(common)
    types = [n for n in net["OUTPUT"].fields().names()
             if n.startswith("lc_") and n not in ("lc_score", "lc_missing", "lc_score_est")]
    assert len(types) == 8
    net_hits = {f["bldg_id"]: [f[t] for t in types] for f in net["OUTPUT"].getFeatures()}
    euc_hits = {f["bldg_id"]: [f[t] for t in types] for f in euc["OUTPUT"].getFeatures()}
    # Network distance is never shorter than the straight line: each reached set is a subset.
    a, b = np.array([net_hits[k] for k in sorted(net_hits)]), np.array([euc_hits[k] for k in sorted(net_hits)])
    assert np.all(a <= b)
    assert net["FULL_COVERAGE_PCT"] <= euc["FULL_COVERAGE_PCT"]

    # Independent straight-line check: a dense distance matrix from the homes' representative points,
    # with the shipped distances (300 m kindergarten, clinic, elderly care; 500 m primary school,
    # market; 1000 m middle school, community centre, sports), for every home and type.
    ids = [f["bldg_id"] for f in homes.getFeatures()]
    pop = np.array([f["residents"] or 0 for f in homes.getFeatures()], dtype=float)
    home_xy = shapely.get_coordinates(_rep_points(homes))
    fac = list(facilities.getFeatures())
    fac_xy = np.array([[f.geometry().asPoint().x(), f.geometry().asPoint().y()] for f in fac])
    fac_type = np.array([f["fac_type"] for f in fac])
    limit = {"kindergarten": 300, "primary_school": 500, "middle_school": 1000, "clinic": 300,
             "elderly_care": 300, "market": 500, "community_center": 1000, "sports": 1000}
    assert types == [f"lc_{k}" for k in limit]
    dist = np.hypot(*(home_xy[:, None, :] - fac_xy[None, :, :]).transpose(2, 0, 1))
    expected = np.stack([(dist[:, fac_type == kind] <= d).any(axis=1) for kind, d in limit.items()], axis=1)
    assert np.array([euc_hits[i] for i in ids]).tolist() == expected.astype(int).tolist()
    full = expected.all(axis=1)
    assert euc["FULL_COVERAGE_PCT"] == pytest.approx(100 * pop[full].sum() / pop.sum())
    assert euc["MEAN_SCORE"] == pytest.approx((pop * expected.mean(axis=1)).sum() / pop.sum())
    # In a straight line 47.4 % of the residents reach all eight types (checked just above). Walking along
    # the roads, around the blocks, 32 994 of the 144 649 (22.8 %) do, with a mean score of 0.554: the
    # same residents, unit by unit, as an independent walk over the GDAL-read layers with the demo
    # generator's own router (scripts/demo_district/walk.py: scipy Dijkstra between whole roads, not
    # core/network.py). The new town and the waterfront fare best, the old neighbourhoods less, the
    # village not at all (no kindergarten, market or middle school); U3 and U5 have no residents.
    assert euc["FULL_COVERAGE_PCT"] == pytest.approx(47.43, abs=0.01)
    assert net["FULL_COVERAGE_PCT"] == pytest.approx(100 * 32994 / 144649)
    assert net["MEAN_SCORE"] == pytest.approx(0.5537, abs=1e-4)
    by_unit = {f["unit_id"]: (f["pop"], f["pop_full"]) for f in net["UNITS_OUTPUT"].getFeatures()
               if not null(f["pop"]) and f["pop"] > 0}
    assert by_unit == {"U1": (73731, 18076), "U2": (34745, 5829), "U4": (6231, 0), "U6": (29942, 9089)}
    assert sum(p for p, _ in by_unit.values()) == pytest.approx(pop.sum())   # every home lies in a unit
    print(f"demo district: full coverage network {net['FULL_COVERAGE_PCT']:.1f} %, "
          f"straight line {euc['FULL_COVERAGE_PCT']:.1f} %, mean score network {net['MEAN_SCORE']:.3f}, "
          f"straight line {euc['MEAN_SCORE']:.3f}")


def guessed_facilities(make_layer, guessed):
    """The plan's facilities with type_est (lcr:prepare_osm's flag of a guessed type) = 1 on ``guessed``."""
    return make_layer("Point", "EPSG:4549", "fac_type:string&field=type_est:integer",
                      [(w, [t, int(i in guessed)]) for i, (w, t) in enumerate(FACILITIES)])


def test_guessed_facility_types_flag_homes_and_units(provider, make_layer, roads, units, table):
    # Only the north kindergarten (100 210) is a guess. Along the roads H2 reaches a kindergarten only through
    # it (the south one, 450 −10, is 1 450 m away); H5 reaches the south one; no other home reaches one.
    facilities = guessed_facilities(make_layer, {0})
    feedback = QgsProcessingFeedback()
    homes = make_layer("Polygon", "EPSG:4549", "name:string&field=residents:integer&field=residents_est:integer",
                       [(square(*HOMES[n]), [n, POP[n], int(n in ("H1", "H2"))]) for n in HOMES])
    result = run({"INPUT": homes,
                  "POPULATION_FIELD": "residents", "FACILITIES": facilities, "ROADS": roads, "FACILITY_TABLE": table,
                  "UNITS": units, "UNITS_OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    out = by_name(result["OUTPUT"])
    assert {n: out[n]["lc_score_est"] for n in ("H1", "H2", "H3", "H5")} == {"H1": 0, "H2": 1, "H3": 0, "H5": 0}
    assert [out[n][t] for n in ("H2", "H5") for t in TYPES] == NETWORK["H2"] + NETWORK["H5"]   # reach unchanged
    unit = by_name(result["UNITS_OUTPUT"], "unit_id")
    # north: H2 200 of 250 residents rest on the guess (80 % > 50 %); south none.
    # residents_est: south H1 100 of 500 (20 %), north H2 200 of 250 (80 %).
    assert [(unit[u]["pop_est"], unit[u]["full_pct_est"]) for u in ("south", "north", "empty")] == \
        [(0, 0), (1, 1), (0, 0)]
    log = feedback.textLog()
    assert "1 homes reach a facility type only through facilities whose type is guessed (“type_est”)" in log
    assert "1 units' residents are mostly estimated (“residents_est”" in log
    assert "1 units' life-circle coverage rests on guessed facility types (“type_est”)" in log


def test_guessed_types_half_of_the_residents_is_no_majority(provider, make_layer, roads, units, table):
    # north: H2 (resting on the guessed kindergarten) and H3 hold 50 residents each: 50 %, not more than half.
    residents = {**POP, "H2": 50, "H3": 50}
    homes = make_layer("Polygon", "EPSG:4549", "name:string&field=residents:integer",
                       [(square(*HOMES[n]), [n, residents[n]]) for n in HOMES])
    result = run({"INPUT": homes, "POPULATION_FIELD": "residents", "FACILITIES": guessed_facilities(make_layer, {0}),
                  "ROADS": roads, "FACILITY_TABLE": table, "UNITS": units, "UNITS_OUTPUT": "TEMPORARY_OUTPUT"})
    unit = by_name(result["UNITS_OUTPUT"], "unit_id")
    assert [unit[u]["full_pct_est"] for u in ("south", "north", "empty")] == [0, 0, 0]


def test_guessed_types_in_a_straight_line(provider, make_layer, homes, table):
    # Straight lines: H1 (100 20) is 190 m from the guessed kindergarten (100 210) and 351 m from the known one
    # (450 −10, beyond 300 m); H2 (300 180) is 242 m from the known one; H5 58 m.
    result = run({"INPUT": homes, "FACILITIES": guessed_facilities(make_layer, {0}), "FACILITY_TABLE": table})
    out = by_name(result["OUTPUT"])
    assert {n: out[n]["lc_score_est"] for n in HOMES} == {"H1": 1, "H2": 0, "H3": 0, "H4": 0, "H5": 0}
