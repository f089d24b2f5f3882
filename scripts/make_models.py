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


def main():
    qgis_session.start()
    model = emissions_and_flood()
    path = os.path.join(qgis_session.REPO, "resources", "models", "emissions_and_flood_exposure.model3")
    if not model.toFile(path):
        sys.exit(f"cannot write {path}")
    print(path)


if __name__ == "__main__":
    main()
