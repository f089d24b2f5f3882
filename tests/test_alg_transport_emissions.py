"""lcr:transport_emissions through processing.run, with hand-computed zones and the demo district."""
import csv
from collections import defaultdict
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import NULL, QgsProcessingException, QgsProcessingFeedback

import processing

REPO = Path(__file__).resolve().parents[1]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
MODES_CSV = REPO / "resources" / "factors" / "transport_factors.csv"
FIELDS = "name:string&field=pop:double&field=car:double&field=label:string"
TRIPS_1000 = 1000 * 2.5 * 365       # 912 500 trips a year for 1000 residents
# Shipped table at the national 2023 grid factor 0.5306 (see test_core_transport), kg CO2 per trip:
# 0.15 × 6 × 0.0891 + 0.10 × 10 × 0.1225 × 0.5306 + 0.25 × 8 × 0.1021 = 0.08019 + 0.0649985 + 0.2042
KG_PER_TRIP = 0.3493885


@pytest.fixture
def zones(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", FIELDS, [
        (rect(0, 0, 100, 100), ["z1", 1000.0, None, "x"]),
        (rect(100, 0, 100, 100), ["z2", 2000.0, 0.5, "x"]),     # its own car share
        (rect(200, 0, 100, 100), ["z3", None, None, "x"]),      # no population
        (rect(300, 0, 100, 100), ["z4", 0.0, None, "x"]),       # nobody lives there
    ])


def run(params, **kwargs):
    return processing.run("lcr:transport_emissions", {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


def by_name(layer):
    return {f["name"]: f for f in layer.getFeatures()}


@pytest.mark.parametrize("authid", ["EPSG:4326", "EPSG:3857"])
def test_co2_per_hectare_is_measured_in_metres(provider, make_layer, rect, reprojected, authid):
    # 1 000 residents on 2 ha near Jiaxing: 318.817 t / 2 ha, whatever the zones' CRS. In degrees the
    # area would be 2e-8 "square degrees"; in Web Mercator 1/cos²(30.7°) = 1.35 times too large.
    zones = make_layer("Polygon", "EPSG:4549", "name:string&field=pop:double",
                       [(rect(572000, 3402000, 200, 100), ["z", 1000.0])])
    out = next(run({"INPUT": reprojected(zones, authid), "POPULATION_FIELD": "pop"})["OUTPUT"].getFeatures())
    # Measured in UTM 51N rather than Gauss-Krüger 120° E: the grids' areas differ by 2.8e-4 here.
    assert out["co2_t_ha"] == pytest.approx(318.817006 / 2, rel=1e-3)


def test_hand_computed_zones(provider, zones, layer_snapshot):
    before = layer_snapshot(zones)
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": zones, "POPULATION_FIELD": "pop", "CAR_SHARE_FIELD": "car"}, feedback=feedback)
    out = by_name(result["OUTPUT"])
    assert result["OUTPUT"].fields().names() == [
        "name", "pop", "car", "label", "pkm_walk", "pkm_bike", "pkm_bus", "pkm_rail", "pkm_car", "co2_t_yr",
        "co2_kg_cap", "co2_t_ha", "green_share", "green_share_est", "co2_t_yr_est", "co2_kg_cap_est"]
    # z1: 912 500 trips × (0.30 × 0.8, 0.20 × 2.5, 0.15 × 6, 0.10 × 10, 0.25 × 8) km.
    z1 = out["z1"]
    assert [z1[f"pkm_{m}"] for m in ("walk", "bike", "bus", "rail", "car")] == pytest.approx(
        [219_000, 456_250, 821_250, 912_500, 1_825_000])
    # 912 500 × 0.3493885 kg / 1000 = 318.817 t; 318.817 kg per resident; green 0.30+0.20+0.15+0.10 = 0.75.
    assert z1["co2_t_yr"] == pytest.approx(318.817006, abs=1e-6)
    assert z1["co2_kg_cap"] == pytest.approx(318.817006, abs=1e-6)
    assert z1["co2_t_ha"] == pytest.approx(318.817006, abs=1e-6)          # the zone is 1 ha
    assert z1["green_share"] == pytest.approx(0.75)
    # z2: car 0.5, the rest 0.5 in the table's proportions (/0.75): walk 0.2, bike 0.1333, bus 0.1, rail 0.0667.
    # Per trip: 0.1 × 6 × 0.0891 + 0.0667 × 10 × 0.0649985 + 0.5 × 8 × 0.1021 = 0.05346 + 0.0433323 + 0.4084
    # = 0.5051923 kg; × 1 825 000 trips = 921.976 t. Car pkm 1 825 000 × 0.5 × 8 = 7 300 000.
    z2 = out["z2"]
    assert z2["pkm_car"] == pytest.approx(7_300_000)
    assert z2["co2_t_yr"] == pytest.approx(921.976, abs=1e-3)
    assert z2["green_share"] == pytest.approx(0.5)
    # z3 has no population: everything empty; z4 has nobody: zero pkm and CO2, no share.
    assert all(out["z3"][f] == NULL for f in ("pkm_car", "co2_t_yr", "co2_kg_cap", "green_share"))
    assert out["z4"]["co2_t_yr"] == 0 and out["z4"]["pkm_walk"] == 0
    assert out["z4"]["green_share"] == NULL and out["z4"]["co2_kg_cap"] == NULL
    # z1's share is the shipped example's alone; z2 gave its own car share; z3 and z4 have no share.
    assert [out[z]["green_share_est"] for z in ("z1", "z2", "z3", "z4")] == [1, 0, 0, 0]
    # z1's CO2 rests on the shipped shares too; z4's 0 t (nobody travels) is flagged like z1's, as it
    # also comes from the shipped shares; z3 has no CO2 to flag.
    assert [out[z]["co2_t_yr_est"] for z in ("z1", "z2", "z3", "z4")] == [1, 0, 0, 1]
    assert [out[z]["co2_kg_cap_est"] for z in ("z1", "z2", "z3", "z4")] == [1, 0, 0, 1]
    # Totals: 318.817 + 921.976 = 1240.793 t; green share by trips
    # (0.75 × 912 500 + 0.5 × 1 825 000) / 2 737 500 = 0.583333.
    assert result["TOTAL_CO2_T"] == pytest.approx(1240.793, abs=1e-3)
    assert result["GREEN_SHARE"] == pytest.approx(0.5833333, abs=1e-6)
    log = feedback.textLog()
    assert "1 zones have no population value" in log
    assert "Unverified mode shares, trip lengths or emission factors are used for: walk, bike, bus, rail, car" in log
    assert "DEFRA 2007" in log
    assert layer_snapshot(zones) == before


def test_electric_mode_uses_the_grid_factor(provider, zones, tmp_path):
    table = tmp_path / "modes.csv"
    table.write_text("mode,share,trip_km,kg_co2_pkm,kwh_pkm,green,source,year,verified\n"
                     "metro,0.6,10,,0.1,1,operator data,2024,yes\n"
                     "car,0.4,5,0.2,,0,survey,2024,yes\n", encoding="utf-8")
    params = {"INPUT": zones, "POPULATION_FIELD": "pop", "MODE_TABLE": str(table)}
    # z1: 912 500 trips. Metro 912 500 × 0.6 × 10 = 5 475 000 pkm × 0.1 kWh = 547 500 kWh;
    # car 912 500 × 0.4 × 5 = 1 825 000 pkm × 0.2 kg = 365 000 kg.
    # Grid 1.0: 547.5 + 365 = 912.5 t. East China 2023 (0.55): 301.125 + 365 = 666.125 t.
    one = by_name(run({**params, "GRID_FACTOR": 1.0})["OUTPUT"])["z1"]
    east = by_name(run({**params, "GRID_REGION": 3})["OUTPUT"])["z1"]
    assert one["pkm_metro"] == pytest.approx(5_475_000) and one["pkm_car"] == pytest.approx(1_825_000)
    assert one["co2_t_yr"] == pytest.approx(912.5)
    assert east["co2_t_yr"] == pytest.approx(666.125)
    assert east["green_share"] == pytest.approx(0.6)
    assert "pkm_walk" not in [f.name() for f in one.fields()]


def test_verified_table_gives_no_factor_warning(provider, zones, tmp_path):
    table = tmp_path / "modes.csv"
    table.write_text("mode,share,trip_km,kg_co2_pkm,green,verified\nwalk,0.5,1,0,1,yes\ncar,0.5,8,0.15,0,yes\n",
                     encoding="utf-8")
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": zones, "POPULATION_FIELD": "pop", "MODE_TABLE": str(table), "TRIP_RATE": 2},
                 feedback=feedback)
    # z1 + z2 + z4 = 3000 residents × 2 × 365 = 2 190 000 trips × 0.5 × 8 km × 0.15 kg = 1314 t; green 0.5.
    assert result["TOTAL_CO2_T"] == pytest.approx(1314.0)
    assert result["GREEN_SHARE"] == pytest.approx(0.5)
    assert "Unverified mode shares" not in feedback.textLog()
    assert "unverified planning example" not in feedback.textLog()    # trip rate given


def test_zone_shares_that_cannot_sum_to_one_are_left_empty(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4549", "pop:double&field=car:double&field=walk:double", [
        (rect(0, 0, 10, 10), [100.0, 0.9, 0.3]),        # 1.2 > 1
        (rect(20, 0, 10, 10), [100.0, 0.25, None]),     # car only: fine
    ])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": layer, "POPULATION_FIELD": "pop", "CAR_SHARE_FIELD": "car", "WALK_SHARE_FIELD": "walk"},
                 feedback=feedback)
    values = [f["co2_t_yr"] for f in result["OUTPUT"].getFeatures()]
    assert values[0] == NULL
    # The second zone keeps the table shares: 100 × 912.5 × 0.3493885 / 1000 = 31.8817 t.
    assert values[1] == pytest.approx(31.8817006, abs=1e-6)
    assert "1 zones have their own mode shares that are negative or cannot sum to 1" in feedback.textLog()


@pytest.mark.parametrize("rows, message", [
    ("walk,0.5,1,0,,1\ncar,0.4,8,0.1,,0\n", r"modes\.csv sum to 0\.9"),
    ("walk,0.5,1,0,,maybe\ncar,0.5,8,0.1,,0\n", "green must be 0 or 1"),
    ("walk,0.5,1,0,,1\ncar,0.5,8,-0.1,,0\n", "line 3"),
    ("walk,0.5,1,,,1\ncar,0.5,8,0.1,,0\n", "needs kg_co2_pkm or kwh_pkm"),
])
def test_bad_tables_are_explained(provider, zones, tmp_path, rows, message):
    table = tmp_path / "modes.csv"
    table.write_text("mode,share,trip_km,kg_co2_pkm,kwh_pkm,green\n" + rows, encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=message):
        run({"INPUT": zones, "POPULATION_FIELD": "pop", "MODE_TABLE": str(table)})


def test_share_field_for_a_mode_the_table_lacks(provider, zones, tmp_path):
    table = tmp_path / "modes.csv"
    table.write_text("mode,share,trip_km,kg_co2_pkm,green\nwalk,0.5,1,0,1\nmetro,0.5,8,0.05,1\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="“car”.*walk, metro"):
        run({"INPUT": zones, "POPULATION_FIELD": "pop", "MODE_TABLE": str(table), "CAR_SHARE_FIELD": "car"})


@pytest.mark.parametrize("params, message", [
    ({"POPULATION_FIELD": "residents"}, "residents"),     # not a field of the zones
    ({"POPULATION_FIELD": "label"}, "numeric"),           # text
    ({}, "POPULATION_FIELD|Population"),                  # required
])
def test_population_field_problems(provider, zones, params, message):
    with pytest.raises(QgsProcessingException, match=message):
        run({"INPUT": zones, **params})


def test_line_layer_is_refused(provider, make_layer):
    lines = make_layer("LineString", "EPSG:4549", "pop:double", [("LINESTRING(0 0,10 10)", [10.0])])
    with pytest.raises(QgsProcessingException, match="needs Polygon"):
        run({"INPUT": lines, "POPULATION_FIELD": "pop"})


def test_demo_planning_units_with_residents_from_buildings(provider, make_layer):
    # planning_units has no population: sum buildings.residents by their unit_id (GDAL, not the plugin).
    source = ogr.Open(str(DISTRICT))
    residents = defaultdict(float)
    for feature in source.GetLayerByName("buildings"):
        residents[feature.GetField("unit_id")] += feature.GetField("residents") or 0
    units = [(f.GetGeometryRef().ExportToWkt(), [f.GetField("unit_id"), residents.get(f.GetField("unit_id"), 0.0)])
             for f in source.GetLayerByName("planning_units")]
    layer = make_layer("Polygon", "EPSG:4549", "unit_id:string&field=pop:double", units)
    # Independent factor: the shipped CSV read with csv, national grid 2023 for the electric rail row.
    with open(MODES_CSV, encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    kg_per_trip = sum(float(r["share"]) * float(r["trip_km"])
                      * (float(r["kg_co2_pkm"] or 0) + float(r["kwh_pkm"] or 0) * 0.5306) for r in rows)
    assert kg_per_trip == pytest.approx(KG_PER_TRIP)
    total_pop = sum(residents.values())
    assert total_pop == 144_649
    result = run({"INPUT": layer, "POPULATION_FIELD": "pop"})
    # 144 649 residents × 912.5 trips × 0.3493885 kg / 1000 = 46 116.56 t a year (≈ 0.32 t per resident).
    assert result["TOTAL_CO2_T"] == pytest.approx(total_pop * 2.5 * 365 * kg_per_trip / 1000, rel=1e-9)
    assert result["TOTAL_CO2_T"] == pytest.approx(46_116.56, abs=0.01)
    assert result["GREEN_SHARE"] == pytest.approx(0.75)
    out = {f["unit_id"]: f for f in result["OUTPUT"].getFeatures()}
    assert out["U1"]["pkm_car"] == pytest.approx(residents["U1"] * 2.5 * 365 * 0.25 * 8)
    assert out["U3"]["green_share"] == NULL          # the industrial park has no residents


def test_negative_population_is_counted_like_a_missing_one(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4549", "pop:double",
                       [(rect(0, 0, 10, 10), [-5.0]), (rect(20, 0, 10, 10), [10.0])])
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": layer, "POPULATION_FIELD": "pop"}, feedback=feedback)
    assert [f["co2_t_yr"] for f in result["OUTPUT"].getFeatures()][0] == NULL
    # 10 residents × 912.5 × 0.3493885 kg / 1000 = 3.188170 t.
    assert result["TOTAL_CO2_T"] == pytest.approx(3.18817006, abs=1e-8)
    assert "1 zones have no population value (or a negative one)" in feedback.textLog()


def test_own_mode_table_is_the_users_data(provider, zones, tmp_path):
    own = tmp_path / "modes.csv"
    own.write_text(MODES_CSV.read_text(encoding="utf-8"), encoding="utf-8")
    result = run({"INPUT": zones, "POPULATION_FIELD": "pop", "MODE_TABLE": str(own)})
    assert {f["green_share_est"] for f in result["OUTPUT"].getFeatures()} == {0}
