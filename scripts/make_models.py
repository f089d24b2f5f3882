"""Write the ready-made models in resources/models/ with the PyQGIS model API.

Run: .venv/bin/python scripts/make_models.py (headless). Open the result in the Model Designer to
change it; this script is only the reproducible first draft of each model.
"""
import os
import sys

import qgis_session
from qgis.core import (
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QPointF


def add_parameter(model, parameter, x, y):
    component = QgsProcessingModelParameter(parameter.name())
    component.setPosition(QPointF(x, y))
    model.addModelParameter(parameter, component)


def child(algorithm_id, child_id, description, sources, x, y):
    step = QgsProcessingModelChildAlgorithm(algorithm_id)
    step.setChildId(child_id)
    step.setDescription(description)
    step.setPosition(QPointF(x, y))
    for name, source in sources.items():
        step.addParameterSources(name, [source])
    return step


def emissions_and_flood():
    model = QgsProcessingModelAlgorithm("Building emissions and flood exposure", "Workflows", "workflows")
    model.setHelpContent({"ALG_DESC": "Operational CO2 of every building, then its exposure to a design "
                                      "flood, in one run: the output keeps both sets of fields."})
    polygon = [QgsProcessing.TypeVectorPolygon]
    add_parameter(model, QgsProcessingParameterFeatureSource("buildings", "Buildings", polygon), 120, 60)
    add_parameter(model, QgsProcessingParameterField(
        "floors_field", "Floors field", parentLayerParameterName="buildings",
        type=QgsProcessingParameterField.Numeric, optional=True), 120, 120)
    add_parameter(model, QgsProcessingParameterField(
        "use_field", "Use field", parentLayerParameterName="buildings", optional=True), 120, 180)
    add_parameter(model, QgsProcessingParameterField(
        "population_field", "Population field", parentLayerParameterName="buildings",
        type=QgsProcessingParameterField.Numeric, optional=True), 120, 240)
    add_parameter(model, QgsProcessingParameterFeatureSource("hazard", "Flood hazard", polygon), 420, 60)
    add_parameter(model, QgsProcessingParameterField(
        "depth_field", "Depth field (m)", parentLayerParameterName="hazard",
        type=QgsProcessingParameterField.Numeric), 420, 120)

    param = QgsProcessingModelChildParameterSource.fromModelParameter
    emissions = child("lcr:building_emissions", "emissions", "Building operational emissions", {
        "INPUT": param("buildings"), "FLOORS_FIELD": param("floors_field"), "USE_FIELD": param("use_field"),
    }, 270, 330)
    exposure = child("lcr:flood_exposure", "exposure", "Building flood exposure", {
        "INPUT": QgsProcessingModelChildParameterSource.fromChildOutput("emissions", "OUTPUT"),
        "HAZARD": param("hazard"), "DEPTH_FIELD": param("depth_field"),
        "POPULATION_FIELD": param("population_field"),
    }, 270, 450)
    output = QgsProcessingModelOutput("result", "Buildings with emissions and flood exposure")
    output.setChildId("exposure")
    output.setChildOutputName("OUTPUT")
    output.setPosition(QPointF(470, 520))
    exposure.setModelOutputs({"result": output})
    model.addChildAlgorithm(emissions)
    model.addChildAlgorithm(exposure)
    return model


def carbon_balance():
    model = QgsProcessingModelAlgorithm("Carbon balance of planning units", "Workflows", "workflows")
    model.setHelpContent({"ALG_DESC": "From raw layers to the net CO2 of every planning unit in one run: "
                                      "building emissions, rooftop PV, passenger transport (from parcel "
                                      "residents), land-cover carbon sinks, then the balance and its gap "
                                      "to a per-capita target."})
    polygon = [QgsProcessing.TypeVectorPolygon]
    numeric = QgsProcessingParameterField.Numeric
    for name, label, x in [("units", "Planning units", 60), ("buildings", "Buildings", 260),
                           ("parcels", "Parcels (with residents)", 460), ("landcover", "Land cover", 660)]:
        add_parameter(model, QgsProcessingParameterFeatureSource(name, label, polygon), x, 40)
    for name, label, parent, default, kind, x, y in [
        ("floors_field", "Floors field", "buildings", "floors", numeric, 260, 100),
        ("use_field", "Use field", "buildings", "use", QgsProcessingParameterField.Any, 260, 150),
        ("roof_field", "Roof type field", "buildings", "roof_type", QgsProcessingParameterField.Any, 260, 200),
        ("residents_field", "Building residents field", "buildings", "residents", numeric, 260, 250),
        ("parcel_residents_field", "Parcel residents field", "parcels", "residents", numeric, 460, 100),
        ("class_field", "Land-cover class field", "landcover", "lucode", QgsProcessingParameterField.Any, 660, 100),
    ]:
        add_parameter(model, QgsProcessingParameterField(
            name, label, defaultValue=default, parentLayerParameterName=parent, type=kind), x, y)
    add_parameter(model, QgsProcessingParameterNumber(
        "target_t_per_capita", "Target (t CO2 per resident a year)", QgsProcessingParameterNumber.Double,
        optional=True, minValue=0), 60, 100)

    param = QgsProcessingModelChildParameterSource.fromModelParameter
    output = QgsProcessingModelChildParameterSource.fromChildOutput
    static = QgsProcessingModelChildParameterSource.fromStaticValue
    steps = [
        child("lcr:building_emissions", "emissions", "Building operational emissions", {
            "INPUT": param("buildings"), "FLOORS_FIELD": param("floors_field"), "USE_FIELD": param("use_field"),
        }, 260, 340),
        child("lcr:rooftop_pv", "pv", "Rooftop solar potential", {
            "INPUT": output("emissions", "OUTPUT"), "ROOF_TYPE_FIELD": param("roof_field"),
            "DEMAND_FIELD": static("energy_kwh"),
        }, 260, 440),
        child("lcr:transport_emissions", "transport", "Passenger transport emissions", {
            "INPUT": param("parcels"), "POPULATION_FIELD": param("parcel_residents_field"),
        }, 460, 340),
        child("lcr:carbon_stock", "sinks", "Carbon stock and sequestration", {
            "INPUT": param("landcover"), "CLASS_FIELD": param("class_field"),
        }, 660, 340),
        child("lcr:carbon_balance", "balance", "Carbon balance", {
            "INPUT": param("units"), "BUILDINGS": output("pv", "OUTPUT"),
            "BUILDING_POPULATION_FIELD": param("residents_field"), "TRANSPORT": output("transport", "OUTPUT"),
            "SINK_LAYER": output("sinks", "OUTPUT"), "TARGET_T_PER_CAPITA": param("target_t_per_capita"),
        }, 400, 560),
    ]
    result = QgsProcessingModelOutput("carbon_balance", "Carbon balance of planning units")
    result.setChildId("balance")
    result.setChildOutputName("OUTPUT")
    result.setPosition(QPointF(600, 640))
    steps[-1].setModelOutputs({"carbon_balance": result})
    for step in steps:
        model.addChildAlgorithm(step)
    return model


def main():
    qgis_session.start()
    for name, build in [("emissions_and_flood_exposure", emissions_and_flood), ("carbon_balance_from_layers", carbon_balance)]:
        path = os.path.join(qgis_session.REPO, "resources", "models", f"{name}.model3")
        if not build().toFile(path):
            sys.exit(f"cannot write {path}")
        print(path)


if __name__ == "__main__":
    main()
