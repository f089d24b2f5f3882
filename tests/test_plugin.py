"""The plugin as QGIS loads it: provider, menu and toolbar in, everything out on unload;
outputs styled only when they are loaded."""
import pytest
from qgis.core import QgsApplication, QgsGraduatedSymbolRenderer, QgsProject, QgsRuleBasedRenderer

import processing
from lcr_toolkit.provider import ShippedModel


def test_init_gui_registers_provider_and_action(plugin, qgis_iface):
    plugin.initGui()
    provider = QgsApplication.processingRegistry().providerById("lcr")
    assert provider is not None
    assert {a.id() for a in provider.algorithms()} == {
        "lcr:building_emissions", "lcr:flood_exposure", "lcr:emissions_and_flood_exposure",
        "lcr:carbon_stock", "lcr:rooftop_pv", "lcr:transport_emissions", "lcr:transit_coverage",
        "lcr:land_use_mix", "lcr:carbon_balance", "lcr:carbon_balance_from_layers",
        "lcr:stormwater_runoff", "lcr:sponge_capture", "lcr:urban_cooling", "lcr:shelter_coverage",
        "lcr:life_circle", "lcr:habitat_fragmentation", "lcr:china_coordinates", "lcr:poi_categories",
        "lcr:landuse_codes", "lcr:resilience_index", "lcr:resilience_assessment",
        "lcr:planning_check", "lcr:synergy", "lcr:planning_report", "lcr:master_plan_check",
        "lcr:detailed_plan_check", "lcr:master_plan_check_model", "lcr:detailed_plan_check_model", "lcr:zone_pv_share", "lcr:land_cover_shares", "lcr:shelter_capacity",
        "lcr:park_supply", "lcr:public_green_reach", "lcr:prepare_osm",
        "lcr:site_facilities", "lcr:size_lid", "lcr:carbon_measures", "lcr:apply_measures",
        "lcr:compare_checks"}
    assert {a.group() for a in provider.algorithms()} >= {"Low-carbon", "Resilience"}
    assert all(a.shortHelpString() for a in provider.algorithms() if not isinstance(a, ShippedModel))
    assert plugin.action in qgis_iface.mainWindow().findChildren(type(plugin.action))


def test_unload_leaves_nothing_behind(plugin, qgis_iface):
    plugin.initGui()
    action = plugin.action
    plugin.unload()
    assert QgsApplication.processingRegistry().providerById("lcr") is None
    assert plugin.action is None and plugin.provider is None
    plugin.unload()  # a second unload is harmless
    del action


def test_init_processing_alone_is_enough_for_headless_use(plugin):
    plugin.initProcessing()
    plugin.initProcessing()  # idempotent
    assert QgsApplication.processingRegistry().algorithmById("lcr:flood_exposure") is not None


def test_every_parameter_has_help(provider):
    for algorithm in provider.algorithms():
        if isinstance(algorithm, ShippedModel):
            continue
        for parameter in algorithm.parameterDefinitions():
            assert parameter.help(), f"{algorithm.id()} {parameter.name()}"


def test_loaded_outputs_are_styled(provider, make_layer, rect):
    buildings = make_layer("Polygon", "EPSG:4549", "floors:integer", [(rect(0, 0, 10, 10), [2])])
    hazard = make_layer("Polygon", "EPSG:4549", "depth_m:double", [(rect(0, 0, 5, 5), [0.7])])
    emissions = processing.runAndLoadResults("lcr:building_emissions", {"INPUT": buildings, "OUTPUT": "TEMPORARY_OUTPUT"})
    flood = processing.runAndLoadResults("lcr:flood_exposure", {"INPUT": buildings, "HAZARD": hazard,
                                                                "DEPTH_FIELD": "depth_m", "OUTPUT": "TEMPORARY_OUTPUT"})
    project = QgsProject.instance()
    emissions_layer = project.mapLayer(emissions["OUTPUT"])
    flood_layer = project.mapLayer(flood["OUTPUT"])
    assert isinstance(emissions_layer.renderer(), QgsGraduatedSymbolRenderer)
    assert "co2_t_yr" in emissions_layer.renderer().classAttribute()
    assert isinstance(flood_layer.renderer(), QgsRuleBasedRenderer)
    assert "GFA × EUI" in emissions_layer.metadata().abstract()
    project.removeAllMapLayers()
