"""lcr:building_emissions through processing.run, on layers built here, with hand-computed numbers."""
import math

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject
from qgis.core import NULL, QgsProcessingException

import processing

FIELDS = "floors:integer&field=use:string&field=gfa:double&field=name:string"
GRID, GAS = 0.5306, 0.20196
# Shipped EUI (kWh/m²·a): office 85 elec + 5 fuel; residential 30 + 12; default 60 + 10.


def kg_per_m2(elec, fuel):
    return elec * GRID + fuel * GAS


@pytest.fixture
def buildings(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", FIELDS, [
        (rect(0, 0, 10, 10), [3, "office", None, "a"]),         # 100 m² × 3 = 300 m²
        (rect(20, 0, 20, 10), [None, "住宅", None, "b"]),        # 200 m² × default floors 2 = 400 m²
        (rect(50, 0, 10, 5), [6, "barn", 1000.0, "c"]),         # GFA field wins: 1000 m², unheated
    ])


def run(params):
    return processing.run("lcr:building_emissions", {"OUTPUT": "TEMPORARY_OUTPUT", **params})


def test_fields_values_and_totals(provider, buildings, layer_snapshot):
    before = layer_snapshot(buildings)
    result = run({"INPUT": buildings, "FLOORS_FIELD": "floors", "DEFAULT_FLOORS": 2, "USE_FIELD": "use",
                  "GFA_FIELD": "gfa"})
    out = result["OUTPUT"]
    assert out.fields().names() == ["floors", "use", "gfa", "name", "gfa_m2", "eui_kwh_m2", "energy_kwh", "co2_t_yr",
                                    "co2_t_yr_est", "energy_kwh_est"]
    rows = {f["name"]: f for f in out.getFeatures()}
    # a: its own floors and a listed use; b: default floors; c: GFA given, "barn" is listed.
    assert [rows[k]["co2_t_yr_est"] for k in "abc"] == [0, 1, 0]
    assert rows["a"]["gfa_m2"] == pytest.approx(300.0)
    assert rows["a"]["eui_kwh_m2"] == pytest.approx(90.0)
    assert rows["a"]["energy_kwh"] == pytest.approx(27_000.0)
    assert rows["a"]["co2_t_yr"] == pytest.approx(300 * kg_per_m2(85, 5) / 1000)      # 13.833 t
    assert rows["b"]["gfa_m2"] == pytest.approx(400.0)
    assert rows["b"]["co2_t_yr"] == pytest.approx(400 * kg_per_m2(30, 12) / 1000)     # 7.337 t
    assert rows["c"]["gfa_m2"] == pytest.approx(1000.0)
    assert rows["c"]["co2_t_yr"] == pytest.approx(1000 * kg_per_m2(3, 0) / 1000)      # 1.5918 t: lighting only
    assert result["TOTAL_GFA_M2"] == pytest.approx(1700.0)
    assert result["TOTAL_CO2_T"] == pytest.approx(13.83324 + 7.3370 + 1.5918, abs=1e-3)
    assert layer_snapshot(buildings) == before


def test_estimated_floors_or_use_flagged_upstream_flag_the_co2(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4549", "floors:double&field=floors_est:integer&field=use:string"
                       "&field=use_est:integer&field=name:string", [
                           (rect(0, 0, 10, 10), [3, 0, "office", 0, "surveyed"]),
                           (rect(20, 0, 10, 10), [3, 1, "office", 0, "floors guessed"]),
                           (rect(40, 0, 10, 10), [3, 0, "office", 1, "use guessed"]),
                           (rect(60, 0, 10, 10), [3, 0, "warehouse?", 0, "unlisted use"]),
                       ])
    out = run({"INPUT": layer, "FLOORS_FIELD": "floors", "USE_FIELD": "use"})["OUTPUT"]
    flags = {f["name"]: f["co2_t_yr_est"] for f in out.getFeatures()}
    assert flags == {"surveyed": 0, "floors guessed": 1, "use guessed": 1, "unlisted use": 1}


def test_without_optional_fields_every_building_is_one_default_floor(provider, buildings):
    result = run({"INPUT": buildings, "GRID_FACTOR": 1.0, "FUEL_FACTOR": 0.0})
    # 100 + 200 + 50 m² of footprint × 60 kWh electricity × 1 kg/kWh = 21 t.
    assert result["TOTAL_GFA_M2"] == pytest.approx(350.0)
    assert result["TOTAL_CO2_T"] == pytest.approx(21.0)


def test_own_eui_table(provider, buildings, tmp_path):
    table = tmp_path / "eui.csv"
    table.write_text("use,elec_kwh_m2,fuel_kwh_m2\noffice,100,0\ndefault,10,0\n", encoding="utf-8")
    result = run({"INPUT": buildings, "USE_FIELD": "use", "EUI_TABLE": str(table), "GRID_FACTOR": 0.5})
    # office 100 m² × 100 × 0.5 = 5 t; the others 250 m² × 10 × 0.5 = 1.25 t.
    assert result["TOTAL_CO2_T"] == pytest.approx(6.25)


@pytest.mark.parametrize("authid", ["EPSG:4326", "EPSG:3857"])
def test_geographic_and_web_mercator_inputs_give_true_areas(provider, make_layer, authid):
    # A 100 m × 100 m square near Jiaxing, drawn in UTM 51N and carried into the test CRS.
    square = QgsGeometry.fromWkt("POLYGON((270000 3403000,270100 3403000,270100 3403100,270000 3403100,270000 3403000))")
    square.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:32651"),
                                            QgsCoordinateReferenceSystem(authid), QgsProject.instance()))
    layer = make_layer("Polygon", authid, "floors:integer", [(square.asWkt(12), [1])])
    result = run({"INPUT": layer, "FLOORS_FIELD": "floors"})
    assert result["TOTAL_GFA_M2"] == pytest.approx(10_000.0, rel=1e-3)


def test_point_layer_is_refused(provider, make_layer):
    points = make_layer("Point", "EPSG:4549", "floors:integer", [("POINT(0 0)", [1])])
    with pytest.raises(QgsProcessingException, match="needs Polygon"):
        run({"INPUT": points})


def test_outlines_from_a_cad_drawing_are_refused_with_the_way_to_polygons(provider, tmp_path):
    """A DXF's closed polylines (building outlines as CAD draws them) are lines: the message says which
    Processing tools make polygons of them."""
    from osgeo import ogr

    path = str(tmp_path / "总图.dxf")
    source = ogr.GetDriverByName("DXF").CreateDataSource(path)
    layer = source.CreateLayer("entities", None, ogr.wkbLineString)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("LINESTRING(0 0,20 0,20 10,0 10,0 0)"))
    layer.CreateFeature(feature)
    source = None
    with pytest.raises(QgsProcessingException, match="holds Line geometries.*Lines to polygons"):
        run({"INPUT": f"{path}|layername=entities|geometrytype=LineString"})


def test_empty_layer_is_refused(provider, make_layer):
    empty = make_layer("Polygon", "EPSG:4549", "floors:integer", [])
    with pytest.raises(QgsProcessingException, match="no features"):
        run({"INPUT": empty})


def test_missing_field_is_named(provider, buildings):
    with pytest.raises(QgsProcessingException, match="storeys"):
        run({"INPUT": buildings, "FLOORS_FIELD": "storeys"})


def test_text_floors_field_is_read_and_what_holds_no_number_is_counted(provider, buildings, log_feedback):
    # floors kept as text (6层, 十二层) are read; the names a, b, c hold no number: default floors, logged
    feedback = log_feedback()
    result = processing.run("lcr:building_emissions", {
        "INPUT": buildings, "FLOORS_FIELD": "name", "DEFAULT_FLOORS": 2, "GRID_FACTOR": 1.0, "FUEL_FACTOR": 0.0,
        "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    assert result["TOTAL_GFA_M2"] == pytest.approx(2 * 350.0)
    assert "3 values of the text field “name” hold no number" in feedback.text


def test_malformed_table_gives_line_not_traceback(provider, buildings, tmp_path):
    table = tmp_path / "eui.csv"
    table.write_text("use,elec_kwh_m2,fuel_kwh_m2\ndefault,ten,0\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="line 2"):
        run({"INPUT": buildings, "EUI_TABLE": str(table)})


def test_invalid_and_missing_geometries_are_handled(provider, make_layer):
    # A self-intersecting "bow-tie" (two 10 m × 5 m triangles, 50 m²) and a feature with no geometry.
    layer = make_layer("Polygon", "EPSG:4549", "floors:integer", [
        ("POLYGON((0 0,10 10,10 0,0 10,0 0))", [1]), (None, [2])])
    from qgis.core import QgsFeatureRequest, QgsProcessingContext, QgsProcessingFeedback

    context = QgsProcessingContext()
    context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    feedback = QgsProcessingFeedback()
    result = processing.run("lcr:building_emissions", {"INPUT": layer, "FLOORS_FIELD": "floors",
                                                       "OUTPUT": "TEMPORARY_OUTPUT"},
                            context=context, feedback=feedback)
    gfa = [f["gfa_m2"] for f in result["OUTPUT"].getFeatures()]
    assert gfa[0] == pytest.approx(50.0)
    assert gfa[1] == NULL
    assert "repaired" in feedback.textLog() and "no geometry" in feedback.textLog()


def test_a_cancelled_run_fails_and_writes_nothing(provider, make_layer, rect, tmp_path):
    from qgis.core import QgsProcessingFeedback

    layer = make_layer("Polygon", "EPSG:4549", "floors:integer", [(rect(i * 20, 0, 10, 10), [1]) for i in range(35)])
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "emissions.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("lcr:building_emissions", {"INPUT": layer, "OUTPUT": str(out)}, feedback=feedback)
    assert list(tmp_path.iterdir()) == []


def test_chunks_add_up(provider, make_layer, rect, monkeypatch):
    from lcr_toolkit.algorithms.base import LcrAlgorithm

    monkeypatch.setattr(LcrAlgorithm, "CHUNK_SIZE", 10)
    layer = make_layer("Polygon", "EPSG:4549", "floors:integer", [(rect(i * 20, 0, 10, 10), [2]) for i in range(35)])
    result = run({"INPUT": layer, "FLOORS_FIELD": "floors"})
    assert result["OUTPUT"].featureCount() == 35
    assert result["TOTAL_GFA_M2"] == pytest.approx(35 * 200.0)


@pytest.mark.parametrize("params, factor", [
    ({}, 0.5306),                                           # national average, latest year (2023)
    ({"GRID_REGION": 3}, 0.5500),                           # East China grid 2023 (Jiaxing, Shanghai)
    ({"GRID_REGION": 5, "GRID_YEAR": 2022}, 0.5857),        # North-West grid 2022 (Xi'an)
    ({"GRID_REGION": 3, "GRID_FACTOR": 0.1}, 0.1),          # the user's own factor wins
])
def test_grid_region_and_year(provider, make_layer, rect, params, factor):
    layer = make_layer("Polygon", "EPSG:4549", "use:string", [(rect(0, 0, 10, 10), ["office"])])
    result = run({"INPUT": layer, "USE_FIELD": "use", "FUEL_FACTOR": 0, **params})
    assert result["TOTAL_CO2_T"] == pytest.approx(100 * 85 * factor / 1000)    # 100 m² × 85 kWh


def test_grid_year_not_published_is_explained(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4549", "use:string", [(rect(0, 0, 10, 10), ["office"])])
    with pytest.raises(QgsProcessingException, match="2022, 2023"):
        run({"INPUT": layer, "GRID_REGION": 3, "GRID_YEAR": 2019})


def test_curved_footprints_from_a_geopackage(provider, write_gpkg, tmp_path):
    """A GeoPackage CurvePolygon (a round tower, r = 10 m, 3 floors) and a plain square: shapely reads no
    curves, which raised NotImplementedError; the arcs are read as segments: 3 × π × 10² = 942.5 m² (±0.5 %)."""
    from osgeo import ogr

    layer = write_gpkg(tmp_path / "curved.gpkg", "buildings", 4549, ogr.wkbCurvePolygon, [("floors", ogr.OFTInteger)],
                       [("CURVEPOLYGON(CIRCULARSTRING(500000 3400000,500020 3400000,500000 3400000))", [3]),
                        ("POLYGON((500100 3400000,500110 3400000,500110 3400010,500100 3400010,500100 3400000))", [2])])
    result = processing.run("lcr:building_emissions", {"INPUT": layer, "FLOORS_FIELD": "floors",
                                                       "OUTPUT": "TEMPORARY_OUTPUT"})
    gfa = sorted(f["gfa_m2"] for f in result["OUTPUT"].getFeatures())
    assert gfa[0] == pytest.approx(200.0) and gfa[1] == pytest.approx(3 * math.pi * 100, rel=5e-3)


def test_known_co2_field_replaces_the_computed_co2(provider, make_layer, rect):
    # Office a (300 m², 13.833 t, 27 000 kWh) retrofitted to 10 t: energy and EUI fall by 10 / 13.833; b has no
    # known value and keeps its computed CO2; the totals follow.
    layer = make_layer("Polygon", "EPSG:4549", "floors:integer&field=use:string&field=co2_after_t:double"
                       "&field=name:string", [(rect(0, 0, 10, 10), [3, "office", 10.0, "a"]),
                                              (rect(20, 0, 10, 10), [3, "office", None, "b"])])
    result = run({"INPUT": layer, "FLOORS_FIELD": "floors", "USE_FIELD": "use", "CO2_FIELD": "co2_after_t"})
    rows = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    computed = 300 * kg_per_m2(85, 5) / 1000
    assert rows["a"]["co2_t_yr"] == pytest.approx(10.0) and rows["b"]["co2_t_yr"] == pytest.approx(computed)
    assert rows["a"]["energy_kwh"] == pytest.approx(27_000.0 * 10.0 / computed)
    assert rows["a"]["eui_kwh_m2"] == pytest.approx(90.0 * 10.0 / computed)
    assert result["TOTAL_CO2_T"] == pytest.approx(10.0 + computed)
