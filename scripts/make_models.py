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


def resilience_assessment():
    model = QgsProcessingModelAlgorithm("Resilience assessment of planning units", "Workflows", "workflows")
    model.setHelpContent({"ALG_DESC": "From raw layers to a composite resilience index of every planning unit in "
                                      "one run: flood exposure of buildings, stormwater runoff of land cover, "
                                      "shelters, 15-minute life circles, urban cooling (land cover rasterised at "
                                      "10 m) and habitat fragmentation, joined by unit id and combined with "
                                      "min-max normalisation and equal weights."})
    polygon, point, line = ([QgsProcessing.TypeVectorPolygon], [QgsProcessing.TypeVectorPoint],
                            [QgsProcessing.TypeVectorLine])
    for name, label, kinds, x in [
        ("units", "Planning units", polygon, 40), ("buildings", "Buildings", polygon, 220),
        ("landcover", "Land cover", polygon, 400), ("roads", "Roads", line, 580),
        ("flood_zones", "Flood zones", polygon, 760), ("shelters", "Shelters", point, 940),
        ("facilities", "Facilities", point, 1120)]:
        add_parameter(model, QgsProcessingParameterFeatureSource(name, label, kinds), x, 40)
    fields = QgsProcessingParameterField
    for name, label, parent, default, kind, x in [
        ("unit_id_field", "Unit id field", "units", "unit_id", fields.Any, 40),
        ("residents_field", "Residents field", "buildings", "residents", fields.Numeric, 220),
        ("class_field", "Land-cover class field (integer codes)", "landcover", "lucode", fields.Numeric, 400),
        ("depth_field", "Flood depth field (m)", "flood_zones", "depth_m", fields.Numeric, 760),
        ("shelter_area_field", "Shelter effective area field (m²)", "shelters", "eff_area_m2", fields.Numeric, 940),
        ("facility_type_field", "Facility type field", "facilities", "fac_type", fields.Any, 1120),
    ]:
        add_parameter(model, fields(name, label, defaultValue=default, parentLayerParameterName=parent, type=kind), x, 100)

    param = QgsProcessingModelChildParameterSource.fromModelParameter
    output = QgsProcessingModelChildParameterSource.fromChildOutput
    static = QgsProcessingModelChildParameterSource.fromStaticValue
    steps = [
        child("lcr:flood_exposure", "flood", "Building flood exposure", {
            "INPUT": param("buildings"), "HAZARD": param("flood_zones"), "DEPTH_FIELD": param("depth_field"),
            "POPULATION_FIELD": param("residents_field")}, 760, 220),
        child("lcr:stormwater_runoff", "runoff", "Stormwater runoff", {
            "INPUT": param("landcover"), "CLASS_FIELD": param("class_field")}, 400, 220),
        child("lcr:shelter_coverage", "shelter", "Shelter coverage", {
            "INPUT": param("buildings"), "POPULATION_FIELD": param("residents_field"),
            "SHELTERS": param("shelters"), "AREA_FIELD": param("shelter_area_field"), "ROADS": param("roads"),
            "FLOOD_ZONES": param("flood_zones"), "UNITS": param("units")}, 940, 220),
        child("lcr:life_circle", "life", "Community life circles", {
            "INPUT": param("buildings"), "POPULATION_FIELD": param("residents_field"),
            "FACILITIES": param("facilities"), "FACILITY_TYPE_FIELD": param("facility_type_field"),
            "ROADS": param("roads"), "UNITS": param("units")}, 1120, 220),
        child("gdal:rasterize", "raster", "Land cover to a 10 m raster", {
            "INPUT": param("landcover"), "FIELD": param("class_field"), "UNITS": static(1), "WIDTH": static(10),
            "HEIGHT": static(10), "EXTENT": param("landcover"), "NODATA": static(0), "DATA_TYPE": static(1)},
            220, 220),
        child("lcr:urban_cooling", "cooling", "Urban cooling", {
            "LULC_RASTER": output("raster", "OUTPUT"), "UNITS": param("units")}, 220, 320),
        child("lcr:habitat_fragmentation", "habitat", "Habitat fragmentation", {
            "HABITAT": param("landcover"), "HABITAT_CLASS_FIELD": param("class_field"), "ROADS": param("roads"),
            "UNITS": param("units")}, 580, 320),
    ]
    joins = [("join_life", "cooling", "life", "UNITS_OUTPUT", ["full_pct"]),
             ("join_shelter", "join_life", "shelter", "UNITS_OUTPUT", ["shelter_m2_cap"]),
             ("join_habitat", "join_shelter", "habitat", "OUTPUT", ["mesh_ha", "hq_mean"])]
    for position, (join_id, left, right, right_output, copied) in enumerate(joins):
        steps.append(child("native:joinattributestable", join_id, f"Join {', '.join(copied)} by unit id", {
            "INPUT": output(left, "OUTPUT"), "FIELD": param("unit_id_field"),
            "INPUT_2": output(right, right_output), "FIELD_2": param("unit_id_field"),
            "FIELDS_TO_COPY": static(copied), "METHOD": static(1), "DISCARD_NONMATCHING": static(False),
            "PREFIX": static("")}, 400 + 180 * position, 440))
    steps.append(child("lcr:resilience_index", "index", "Resilience index", {
        "INPUT": output("join_habitat", "OUTPUT"),
        "INDICATORS": static(["hm_mean", "t_air_mean", "full_pct", "shelter_m2_cap", "mesh_ha", "hq_mean"]),
        "NEGATIVE_INDICATORS": static(["t_air_mean"])}, 580, 560))
    outputs = {"index": ("resilience_index", "Resilience index of planning units"),
               "flood": ("flood_exposure", "Flood exposure of buildings"),
               "runoff": ("stormwater_runoff", "Stormwater runoff of land cover")}
    for step in steps:
        if step.childId() in outputs:
            name, label = outputs[step.childId()]
            result = QgsProcessingModelOutput(name, label)
            result.setChildId(step.childId())
            result.setChildOutputName("OUTPUT")
            result.setPosition(step.position() + QPointF(160, 60))
            step.setModelOutputs({name: result})
        model.addChildAlgorithm(step)
    return model


def main():
    qgis_session.start()
    for name, build in [("emissions_and_flood_exposure", emissions_and_flood),
                        ("carbon_balance_from_layers", carbon_balance),
                        ("resilience_assessment", resilience_assessment)]:
        path = os.path.join(qgis_session.REPO, "resources", "models", f"{name}.model3")
        if not build().toFile(path):
            sys.exit(f"cannot write {path}")
        print(path)


if __name__ == "__main__":
    main()
