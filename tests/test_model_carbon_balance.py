"""The shipped model "Carbon balance of planning units" runs headless on the demo district from raw
layers, and its unit balances add up to the totals of the algorithms run one by one."""
from pathlib import Path

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingUtils

import processing

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"


def layer(name):
    return f"{DISTRICT}|layername={name}"


def as_layer(value):
    return value if hasattr(value, "getFeatures") else QgsProcessingUtils.mapLayerFromString(value, QgsProcessingContext())


def test_model_equals_the_steps_run_by_hand(provider):
    result = processing.run("lcr:carbon_balance_from_layers", {
        "units": layer("planning_units"), "buildings": layer("buildings"), "parcels": layer("parcels"),
        "landcover": layer("landcover"), "target_t_per_capita": 1.5, "floors_field": "floors", "use_field": "use",
        "roof_field": "roof_type", "residents_field": "residents", "parcel_residents_field": "residents",
        "class_field": "lucode",
        "balance:carbon_balance": "TEMPORARY_OUTPUT"})
    units = list(as_layer(result["balance:carbon_balance"]).getFeatures())
    assert len(units) == 6

    emissions = processing.run("lcr:building_emissions", {
        "INPUT": layer("buildings"), "FLOORS_FIELD": "floors", "USE_FIELD": "use", "OUTPUT": "TEMPORARY_OUTPUT"})
    pv = processing.run("lcr:rooftop_pv", {"INPUT": emissions["OUTPUT"], "ROOF_TYPE_FIELD": "roof_type",
                                           "DEMAND_FIELD": "energy_kwh", "OUTPUT": "TEMPORARY_OUTPUT"})
    transport = processing.run("lcr:transport_emissions", {
        "INPUT": layer("parcels"), "POPULATION_FIELD": "residents", "OUTPUT": "TEMPORARY_OUTPUT"})
    sinks = processing.run("lcr:carbon_stock", {"INPUT": layer("landcover"), "CLASS_FIELD": "lucode",
                                                "OUTPUT": "TEMPORARY_OUTPUT"})

    def total(field):
        return sum(u[field] for u in units if isinstance(u[field], float))

    # Every building, parcel and nearly all land cover lie inside the six units, which tile the district.
    assert total("bldg_co2_t") == pytest.approx(emissions["TOTAL_CO2_T"], rel=1e-9)
    assert total("pv_co2_t") == pytest.approx(pv["TOTAL_PV_CO2_T"], rel=1e-9)
    assert total("trans_co2_t") == pytest.approx(transport["TOTAL_CO2_T"], rel=1e-9)
    assert total("seq_co2_t") == pytest.approx(sinks["TOTAL_SEQ_CO2_T_YR"], rel=1e-6)
    net = emissions["TOTAL_CO2_T"] + transport["TOTAL_CO2_T"] - sinks["TOTAL_SEQ_CO2_T_YR"] - pv["TOTAL_PV_CO2_T"]
    assert total("net_co2_t") == pytest.approx(net, rel=1e-6)
    # Gap to 1.5 t per resident, unit by unit: net − 1.5 × residents.
    for unit in units:
        if isinstance(unit["net_t_cap"], float):       # NULL where a unit has no residents
            residents = unit["net_co2_t"] / unit["net_t_cap"]
            assert unit["target_gap_t"] == pytest.approx(unit["net_co2_t"] - 1.5 * residents, rel=1e-6)
