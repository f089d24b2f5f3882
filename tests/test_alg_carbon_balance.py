"""lcr:carbon_balance through processing.run: a hand-computed two-unit case, missing components,
targets, bad input, and a chained run (also as a model) on the demo district."""
from collections import defaultdict
from pathlib import Path

import pytest
from qgis.core import (
    NULL,
    Qgis,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
)

import processing

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"
NEW = ["bldg_co2_t", "trans_co2_t", "seq_co2_t", "pv_co2_t", "net_co2_t", "net_t_cap", "net_t_ha", "target_gap_t",
       "net_co2_t_est", "net_t_cap_est", "net_t_ha_est"]


@pytest.fixture
def units(make_layer, rect):
    # U1 [0,100]² and U2 [100,200]×[0,100]: 1 ha each; 100 and 50 residents; transport 10 t and NULL.
    return make_layer("Polygon", "EPSG:4549", "unit:string&field=pop:integer&field=trans:double", [
        (rect(0, 0, 100, 100), ["U1", 100, 10.0]), (rect(100, 0, 100, 100), ["U2", 50, None])])


@pytest.fixture
def buildings(make_layer):
    return make_layer("Point", "EPSG:4549", "co2_t_yr:double&field=pv_co2_t:double&field=residents:integer", [
        ("POINT(20 20)", [30.0, 2.0, 60]), ("POINT(70 70)", [20.0, None, 40]),    # U1: 50 t, PV 2 t
        ("POINT(150 50)", [40.0, 5.0, 50]),                                        # U2: 40 t, PV 5 t
        ("POINT(900 900)", [99.0, 0.0, 7]),                                        # outside: not counted
    ])


@pytest.fixture
def sinks(make_layer, rect):
    # 8 t/a over [50,150]×[0,100]: half in each unit → 4 t each.
    return make_layer("Polygon", "EPSG:4549", "seq_co2_t_yr:double", [(rect(50, 0, 100, 100), [8.0])])


def run(params, **kwargs):
    return processing.run("lcr:carbon_balance", {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


def rows(result, key="unit"):
    return {f[key]: f for f in result["OUTPUT"].getFeatures()}


def test_two_units_by_hand(provider, units, buildings, sinks, layer_snapshot):
    before = [layer_snapshot(layer) for layer in (units, buildings, sinks)]
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": units, "BUILDINGS": buildings, "TRANSPORT_FIELD": "trans", "SINK_LAYER": sinks,
                  "POPULATION_FIELD": "pop", "TARGET_T_PER_CAPITA": 0.6}, feedback=feedback)
    out = rows(result)
    assert result["OUTPUT"].fields().names() == ["unit", "pop", "trans", *NEW]
    u1, u2 = out["U1"], out["U2"]
    # U1: buildings 30 + 20 = 50, transport 10, sinks 8/2 = 4, PV 2 (+ NULL = 0) → net 50 + 10 − 4 − 2 = 54.
    assert [u1[f] for f in NEW[:5]] == pytest.approx([50, 10, 4, 2, 54])
    # U2: buildings 40, transport NULL → 0, sinks 4, PV 5 → net 40 + 0 − 4 − 5 = 31.
    assert [u2[f] for f in NEW[:5]] == pytest.approx([40, 0, 4, 5, 31])
    assert u1["net_t_cap"] == pytest.approx(0.54) and u2["net_t_cap"] == pytest.approx(0.62)   # 54/100, 31/50
    assert u1["net_t_ha"] == pytest.approx(54.0) and u2["net_t_ha"] == pytest.approx(31.0)     # 1 ha each
    # Target 0.6 t per resident: U1 54 − 0.6 × 100 = −6 (under), U2 31 − 0.6 × 50 = +1 (over).
    assert u1["target_gap_t"] == pytest.approx(-6.0) and u2["target_gap_t"] == pytest.approx(1.0)
    assert result["TOTAL_NET_CO2_T"] == pytest.approx(85.0)
    assert result["UNITS_OVER_TARGET"] == 1
    log = feedback.textLog()
    assert "1 buildings lie outside every unit" in log and "1 units have no transport CO2 value" in log
    assert [layer_snapshot(layer) for layer in (units, buildings, sinks)] == before


def test_balances_resting_on_defaults_are_flagged(provider, make_layer, rect):
    # U1: buildings 30 t surveyed + 20 t estimated, transport 10 t from the shipped shares → 30 of 60 t
    # estimated: not more than half, not flagged. U2: 40 t estimated of 45 → flagged. U3: 10 t surveyed,
    # but 60 of its 100 residents estimated → only its per-resident value is flagged.
    units = make_layer("Polygon", "EPSG:4549", "unit:string&field=trans:double&field=trans_est:integer", [
        (rect(0, 0, 100, 100), ["U1", 10.0, 1]), (rect(100, 0, 100, 100), ["U2", 5.0, 0]),
        (rect(200, 0, 100, 100), ["U3", 0.0, 0])])
    buildings = make_layer("Point", "EPSG:4549", "co2_t_yr:double&field=co2_t_yr_est:integer"
                           "&field=residents:double&field=residents_est:integer", [
                               ("POINT(20 20)", [30.0, 0, 60, 0]), ("POINT(70 70)", [20.0, 1, 40, 0]),
                               ("POINT(150 50)", [40.0, 1, 50, 0]),
                               ("POINT(220 50)", [10.0, 0, 40, 0]), ("POINT(270 50)", [0.0, 0, 60, 1])])
    feedback = QgsProcessingFeedback()
    out = rows(run({"INPUT": units, "BUILDINGS": buildings, "TRANSPORT_FIELD": "trans",
                    "BUILDING_POPULATION_FIELD": "residents"}, feedback=feedback))
    assert [out[u]["net_co2_t_est"] for u in ("U1", "U2", "U3")] == [0, 1, 0]
    assert [out[u]["net_t_cap_est"] for u in ("U1", "U2", "U3")] == [0, 1, 1]
    assert [out[u]["net_t_ha_est"] for u in ("U1", "U2", "U3")] == [0, 1, 0]
    assert "2 units' net CO2 per resident rests mainly on defaults" in feedback.textLog()


def test_unit_residents_without_flag_keep_the_buildings_estimate(provider, make_layer, rect):
    # The plan checks pass the units' "pop" (the buildings' residents summed, no pop_est) and the buildings'
    # residents (residents_est = 1, as lcr:prepare_osm writes them). U1's CO2 is surveyed but all 90 of its
    # residents are estimated → its per-resident value is flagged (it was not: found on OSM Baltimore).
    # U2: 30 of 100 residents estimated → not flagged.
    units = make_layer("Polygon", "EPSG:4549", "unit:string&field=pop:double", [
        (rect(0, 0, 100, 100), ["U1", 90.0]), (rect(100, 0, 100, 100), ["U2", 100.0])])
    buildings = make_layer("Point", "EPSG:4549", "co2_t_yr:double&field=co2_t_yr_est:integer"
                           "&field=residents:double&field=residents_est:integer", [
                               ("POINT(20 20)", [30.0, 0, 90, 1]),
                               ("POINT(150 50)", [40.0, 0, 70, 0]), ("POINT(170 50)", [10.0, 0, 30, 1])])
    out = rows(run({"INPUT": units, "BUILDINGS": buildings, "POPULATION_FIELD": "pop",
                    "BUILDING_POPULATION_FIELD": "residents"}))
    assert [out[u]["net_t_cap_est"] for u in ("U1", "U2")] == [1, 0]
    assert [out[u]["net_co2_t_est"] for u in ("U1", "U2")] == [0, 0]
    assert out["U1"]["net_t_cap"] == pytest.approx(30.0 / 90)


def test_missing_components_count_zero_and_are_named(provider, units, buildings):
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": units, "BUILDINGS": buildings, "PV_CO2_FIELD": ""}, feedback=feedback)
    out = rows(result)
    assert [out["U1"][f] for f in NEW[:5]] == pytest.approx([50, 0, 0, 0, 50])
    assert out["U1"]["net_t_cap"] == NULL and out["U1"]["target_gap_t"] == NULL
    assert result["UNITS_OVER_TARGET"] == 0
    assert "Not given, counted as 0: PV-avoided CO2, transport CO2, sequestration." in feedback.textLog()


def test_default_field_absent_is_not_given_but_a_named_one_must_exist(provider, units, make_layer):
    plain = make_layer("Point", "EPSG:4549", "co2_t_yr:double", [("POINT(20 20)", [5.0])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": units, "BUILDINGS": plain}, feedback=feedback)      # pv_co2_t is the default name
    assert result["TOTAL_NET_CO2_T"] == pytest.approx(5.0)
    assert "has no field “pv_co2_t”" in feedback.textLog()
    with pytest.raises(QgsProcessingException, match="pv_kwh"):
        run({"INPUT": units, "BUILDINGS": plain, "PV_CO2_FIELD": "pv_kwh"})


def test_targets_per_hectare_and_both(provider, units, buildings, sinks):
    common = {"INPUT": units, "BUILDINGS": buildings, "TRANSPORT_FIELD": "trans", "SINK_LAYER": sinks}
    out = rows(run({**common, "TARGET_T_PER_HA": 40}))
    # 54 − 40 × 1 ha = 14 (over), 31 − 40 = −9.
    assert out["U1"]["target_gap_t"] == pytest.approx(14.0) and out["U2"]["target_gap_t"] == pytest.approx(-9.0)
    result = run({**common, "POPULATION_FIELD": "pop", "TARGET_T_PER_HA": 40, "TARGET_T_PER_CAPITA": 0.6})
    out = rows(result)
    # The larger gap of each unit: U1 max(−6, 14) = 14; U2 max(1, −9) = 1.
    assert out["U1"]["target_gap_t"] == pytest.approx(14.0) and out["U2"]["target_gap_t"] == pytest.approx(1.0)
    assert result["UNITS_OVER_TARGET"] == 2


def test_residents_from_buildings(provider, units, buildings):
    out = rows(run({"INPUT": units, "BUILDINGS": buildings, "BUILDING_POPULATION_FIELD": "residents",
                    "TARGET_T_PER_CAPITA": 0.5}))
    # Residents U1 60 + 40 = 100, U2 50. Net U1 50 − 2 = 48, U2 40 − 5 = 35.
    assert out["U1"]["net_t_cap"] == pytest.approx(0.48) and out["U2"]["net_t_cap"] == pytest.approx(0.7)
    assert out["U2"]["target_gap_t"] == pytest.approx(35 - 0.5 * 50)


def test_transport_layer_by_representative_point(provider, units, make_layer, rect):
    zones = make_layer("Polygon", "EPSG:4549", "co2_t_yr:double&field=green_share:double", [
        (rect(0, 0, 50, 100), [3.0, 0.5]), (rect(50, 0, 50, 100), [4.0, 0.4]), (rect(100, 0, 100, 100), [6.0, 0.7])])
    out = rows(run({"INPUT": units, "TRANSPORT": zones}))
    assert out["U1"]["trans_co2_t"] == pytest.approx(7.0) and out["U2"]["trans_co2_t"] == pytest.approx(6.0)


def test_transport_twice_is_refused(provider, units, make_layer, rect):
    zones = make_layer("Polygon", "EPSG:4549", "co2_t_yr:double", [(rect(0, 0, 50, 100), [3.0])])
    with pytest.raises(QgsProcessingException, match="not both"):
        run({"INPUT": units, "TRANSPORT_FIELD": "trans", "TRANSPORT": zones})


def test_per_capita_target_without_residents_is_refused(provider, units, buildings):
    with pytest.raises(QgsProcessingException, match="residents"):
        run({"INPUT": units, "BUILDINGS": buildings, "TARGET_T_PER_CAPITA": 1.0})


def test_line_buildings_are_refused(provider, units, make_layer):
    lines = make_layer("LineString", "EPSG:4549", "co2_t_yr:double", [("LINESTRING(0 0,10 10)", [1.0])])
    with pytest.raises(QgsProcessingException, match="needs Point / Polygon"):
        run({"INPUT": units, "BUILDINGS": lines})


def test_sink_field_missing_is_named(provider, units, make_layer, rect):
    sinks = make_layer("Polygon", "EPSG:4549", "c_stock_t:double", [(rect(0, 0, 10, 10), [1.0])])
    with pytest.raises(QgsProcessingException, match="seq_co2_t_yr"):
        run({"INPUT": units, "SINK_LAYER": sinks})


def test_empty_units_are_refused(provider, make_layer):
    empty = make_layer("Polygon", "EPSG:4549", "unit:string", [])
    with pytest.raises(QgsProcessingException, match="no features"):
        run({"INPUT": empty})


def independent_sums(emissions):
    """co2_t_yr and residents summed by the buildings' own unit_id attribute."""
    co2, residents = defaultdict(float), defaultdict(float)
    for feature in emissions.getFeatures():
        co2[feature["unit_id"]] += feature["co2_t_yr"]
        residents[feature["unit_id"]] += feature["residents"] or 0
    return co2, residents


def test_chained_on_the_demo_district(provider):
    emissions = processing.run("lcr:building_emissions", {
        "INPUT": f"{DISTRICT}|layername=buildings", "FLOORS_FIELD": "floors", "USE_FIELD": "use",
        "OUTPUT": "TEMPORARY_OUTPUT"})
    result = run({"INPUT": f"{DISTRICT}|layername=planning_units", "BUILDINGS": emissions["OUTPUT"],
                  "BUILDING_POPULATION_FIELD": "residents", "TARGET_T_PER_CAPITA": 2.0})
    co2, residents = independent_sums(emissions["OUTPUT"])
    out = rows(result, "unit_id")
    assert len(out) == 6
    for unit_id, feature in out.items():
        assert feature["bldg_co2_t"] == pytest.approx(co2[unit_id], rel=1e-9)
        assert feature["net_co2_t"] == pytest.approx(co2[unit_id], rel=1e-9)    # no other component given
        if residents[unit_id]:
            assert feature["net_t_cap"] == pytest.approx(co2[unit_id] / residents[unit_id], rel=1e-9)
            assert feature["target_gap_t"] == pytest.approx(co2[unit_id] - 2.0 * residents[unit_id], rel=1e-9)
    assert result["TOTAL_NET_CO2_T"] == pytest.approx(emissions["TOTAL_CO2_T"], rel=1e-9)
    expected_over = sum(1 for u in out if co2[u] - 2.0 * residents[u] > 0)
    assert result["UNITS_OVER_TARGET"] == expected_over
    # Operational CO2 per resident of the homes-led units: between 0.3 and 5 t a year.
    assert 0.3 < out["U2"]["net_t_cap"] < 5


def test_chains_in_a_model(provider):
    """building_emissions → carbon_balance as a Processing model, the unit totals fed by the first step."""
    model = QgsProcessingModelAlgorithm("balance", "tests", "tests")
    polygon = [QgsProcessing.TypeVectorPolygon]
    for name in ("buildings", "units"):
        model.addModelParameter(QgsProcessingParameterFeatureSource(name, name, polygon),
                                QgsProcessingModelParameter(name))
    param = QgsProcessingModelChildParameterSource.fromModelParameter
    value = QgsProcessingModelChildParameterSource.fromStaticValue
    emissions = QgsProcessingModelChildAlgorithm("lcr:building_emissions")
    emissions.setChildId("emissions")
    emissions.addParameterSources("INPUT", [param("buildings")])
    emissions.addParameterSources("FLOORS_FIELD", [value("floors")])
    emissions.addParameterSources("USE_FIELD", [value("use")])
    roll_up = QgsProcessingModelChildAlgorithm("lcr:carbon_balance")
    roll_up.setChildId("balance")
    roll_up.addParameterSources("INPUT", [param("units")])
    roll_up.addParameterSources("BUILDINGS", [QgsProcessingModelChildParameterSource.fromChildOutput("emissions", "OUTPUT")])
    output = QgsProcessingModelOutput("result", "Carbon balance")
    output.setChildId("balance")
    output.setChildOutputName("OUTPUT")
    roll_up.setModelOutputs({"result": output})
    model.addChildAlgorithm(emissions)
    model.addChildAlgorithm(roll_up)
    # A model made here names its output "child id:output name" before QGIS 3.26 and after the
    # output's description from 3.26 (models loaded from older files keep the old names).
    name = "carbon_balance" if Qgis.QGIS_VERSION_INT >= 32600 else "balance:result"
    assert [p.name() for p in model.destinationParameterDefinitions()] == [name]

    result = processing.run(model, {"buildings": f"{DISTRICT}|layername=buildings",
                                    "units": f"{DISTRICT}|layername=planning_units",
                                    name: "TEMPORARY_OUTPUT"})
    layer = result[name]          # processing.run hands back the loaded layer
    direct = processing.run("lcr:building_emissions", {
        "INPUT": f"{DISTRICT}|layername=buildings", "FLOORS_FIELD": "floors", "USE_FIELD": "use",
        "OUTPUT": "TEMPORARY_OUTPUT"})
    total = sum(f["net_co2_t"] for f in layer.getFeatures())
    assert total == pytest.approx(direct["TOTAL_CO2_T"], rel=1e-9)


def test_loaded_output_is_styled(provider, units, buildings):
    from qgis.core import QgsProject, QgsRuleBasedRenderer

    result = processing.runAndLoadResults("lcr:carbon_balance", {"INPUT": units, "BUILDINGS": buildings,
                                                                 "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = QgsProject.instance().mapLayer(result["OUTPUT"])
    assert isinstance(layer.renderer(), QgsRuleBasedRenderer)
    assert any("net_t_ha" in rule.filterExpression() for rule in layer.renderer().rootRule().children())
    assert "per resident and per hectare" in layer.metadata().abstract()
    QgsProject.instance().removeAllMapLayers()


def test_geographic_units_give_tonnes_per_true_hectare(provider, make_layer):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject

    # A 100 m × 100 m unit near Jiaxing drawn in UTM 51N, stored in WGS 84, with one 50 t building.
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:32651"),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    square = QgsGeometry.fromWkt("POLYGON((270000 3403000,270100 3403000,270100 3403100,270000 3403100,270000 3403000))")
    square.transform(to_wgs84)
    point = QgsGeometry.fromWkt("POINT(270050 3403050)")
    point.transform(to_wgs84)
    unit = make_layer("Polygon", "EPSG:4326", "unit:string", [(square.asWkt(12), ["U1"])])
    building = make_layer("Point", "EPSG:4326", "co2_t_yr:double", [(point.asWkt(12), [50.0])])
    feedback = QgsProcessingFeedback()
    out = rows(run({"INPUT": unit, "BUILDINGS": building, "TARGET_T_PER_HA": 30}, feedback=feedback))
    assert out["U1"]["net_t_ha"] == pytest.approx(50.0, rel=1e-3)            # 50 t over 1 ha
    assert out["U1"]["target_gap_t"] == pytest.approx(50 - 30 * 1.0, rel=1e-3)
    assert "UTM" in feedback.textLog()
