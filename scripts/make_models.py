"""Write the ready-made models in resources/models/ with the PyQGIS model API.

Run: .venv/bin/python scripts/make_models.py [file stems] (headless; all models when none are named).
Open the result in the Model Designer to change it; this script is only the reproducible first draft
of each model.
"""
import os
import sys

import qgis_session
from qgis.core import (
    QgsApplication,
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProperty,
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


# ---- plan checks: raw layers -> indicators named like the profile's -> check, synergy, report ----
POLYGON, POINT, LINE = ([QgsProcessing.TypeVectorPolygon], [QgsProcessing.TypeVectorPoint],
                        [QgsProcessing.TypeVectorLine])
param = QgsProcessingModelChildParameterSource.fromModelParameter
output = QgsProcessingModelChildParameterSource.fromChildOutput
static = QgsProcessingModelChildParameterSource.fromStaticValue


SOURCES = {"units": ("Planning units", POLYGON), "parcels": ("Parcels", POLYGON), "buildings": ("Buildings", POLYGON),
           "landcover": ("Land cover", POLYGON), "roads": ("Roads", LINE), "transit_stops": ("Transit stops", POINT),
           "flood_zones": ("Flood zones", POLYGON), "shelters": ("Shelters", POINT),
           "facilities": ("Facilities", POINT), "green_spaces": ("Green spaces", POLYGON)}
# The fields both plan-check models ask for: name -> (label, parent, default, numeric, optional).
FIELDS = {
    "residents_field": ("Building residents field", "buildings", "residents", True, False),
    "floors_field": ("Floors field", "buildings", "floors", True, False),
    "use_field": ("Building use field", "buildings", "use", False, False),
    "roof_field": ("Roof type field", "buildings", "roof_type", False, False),
    "class_field": ("Land-cover class field (integer codes)", "landcover", "lucode", True, False),
    "depth_field": ("Flood depth field (m)", "flood_zones", "depth_m", True, False),
    "shelter_area_field": ("Shelter effective area field (m²)", "shelters", "eff_area_m2", True, False),
    "facility_type_field": ("Facility type field", "facilities", "fac_type", False, False),
}


def add_sources(model, names):
    for position, name in enumerate(names):
        label, kinds = SOURCES[name]
        add_parameter(model, QgsProcessingParameterFeatureSource(name, label, kinds), 40 + 200 * position, 40)


def add_fields(model, fields, x0=40):
    """fields: names in FIELDS, or (name, label, parent, default, numeric, optional) of one model's own."""
    fields = [(field, *FIELDS[field]) if isinstance(field, str) else field for field in fields]
    for position, (name, label, parent, default, numeric, optional) in enumerate(fields):
        kind = QgsProcessingParameterField.Numeric if numeric else QgsProcessingParameterField.Any
        add_parameter(model, QgsProcessingParameterField(
            name, label, defaultValue=default, parentLayerParameterName=parent, type=kind, optional=optional),
            x0 + 200 * (position % 8), 100 + 50 * (position // 8))


def add_check_parameters(model, default_profile):
    """The profile, report language and title: shared by both plan-check models."""
    from lcr_toolkit.algorithms.planning_check import PlanningCheck  # importable once QGIS has started

    add_parameter(model, QgsProcessingParameterEnum(
        "profile", "Standards profile", PlanningCheck().profile_names(), defaultValue=default_profile), 40, 260)
    add_parameter(model, QgsProcessingParameterEnum(
        "language", "Report language", ["English", "Simplified Chinese (简体中文)"], defaultValue=0), 240, 260)
    add_parameter(model, QgsProcessingParameterString(
        "title", "Report title", defaultValue="", optional=True), 440, 260)


def add_plan_settings(model, x):
    """Appended to both plan-check models: an own profile CSV, and the grid region and year of
    every step that converts electricity to CO2."""
    from lcr_toolkit.algorithms.base import LcrAlgorithm  # importable once QGIS has started

    add_parameter(model, QgsProcessingParameterFile(
        "profile_file", "Own profile (CSV), replaces the standards profile", extension="csv", optional=True),
        x, 260)
    add_parameter(model, QgsProcessingParameterEnum(
        "grid_region", "Electricity grid region", LcrAlgorithm().grid_region_names(), defaultValue=0), x + 200, 260)
    add_parameter(model, QgsProcessingParameterNumber(
        "grid_year", "Grid factor year (empty: latest published)", QgsProcessingParameterNumber.Integer,
        optional=True, minValue=2000, maxValue=2100), x + 400, 260)


def add_steps(model, steps):
    """Adds the steps, feeding grid_region and grid_year to each one that has a grid factor."""
    registry = QgsApplication.processingRegistry()
    for step in steps:
        algorithm = registry.algorithmById(step.algorithmId())
        for name in ("GRID_REGION", "GRID_YEAR"):
            if algorithm is not None and algorithm.parameterDefinition(name) is not None:
                step.addParameterSources(name, [param(name.lower())])
        model.addChildAlgorithm(step)


def emissions_and_pv():
    """Building emissions, then rooftop PV against the buildings' energy demand: in both models."""
    return [child("lcr:building_emissions", "emissions", "Building operational emissions", {
                "INPUT": param("buildings"), "FLOORS_FIELD": param("floors_field"), "USE_FIELD": param("use_field")},
                240, 340),
            child("lcr:rooftop_pv", "pv", "Rooftop solar potential", {
                "INPUT": output("emissions", "OUTPUT"), "ROOF_TYPE_FIELD": param("roof_field"),
                "DEMAND_FIELD": static("energy_kwh")}, 240, 440)]


def calculator(child_id, description, source, name, formula, x, y):
    """A float field computed by an expression; model parameters are @variables in the formula."""
    return child("native:fieldcalculator", child_id, description, {
        "INPUT": source, "FIELD_NAME": static(name), "FIELD_TYPE": static(0), "FIELD_LENGTH": static(0),
        "FIELD_PRECISION": static(0), "FORMULA": static(formula)}, x, y)


def summary(child_id, description, source, join, fields, x, y):
    """Sums of the joined points' fields per polygon (fields <name>_sum), after indexing the points:
    the join step is slow without an index and says so as an error in the log."""
    return [child("native:createspatialindex", f"{child_id}_index", f"{description}: spatial index",
                  {"INPUT": join}, x - 200, y),
            child("qgis:joinbylocationsummary", child_id, description, {
                "INPUT": source, "JOIN": output(f"{child_id}_index", "OUTPUT"), "PREDICATE": static([0]),
                "JOIN_FIELDS": static(fields), "SUMMARIES": static([5]), "DISCARD_NONMATCHING": static(False)},
                x, y)]


def sums_by_id(child_id, description, pieces, target, id_field, prefix, fields, x, y):
    """Sums of the pieces' fields (<name>_sum) per id of the polygon they were cut from, joined to
    ``target`` by that id. By id, not by location: a cut piece can carry a boundary sliver on
    which its point on surface lands, next door."""
    piece_id = f"attribute('{prefix}' || @{id_field})"
    aggregates = [{"aggregate": "first_value", "delimiter": ",", "input": piece_id, "length": 0,
                   "name": "piece_id", "precision": 0, "type": 10}]
    aggregates += [{"aggregate": "sum", "delimiter": ",", "input": f'"{name}"', "length": 0,
                    "name": f"{name}_sum", "precision": 0, "type": 6} for name in fields]
    return [child("native:aggregate", f"{child_id}_sums", description, {
                "INPUT": pieces, "GROUP_BY": static(piece_id), "AGGREGATES": static(aggregates)}, x - 200, y),
            child("native:joinattributestable", child_id, f"{description}: join by id", {
                "INPUT": target, "FIELD": param(id_field), "INPUT_2": output(f"{child_id}_sums", "OUTPUT"),
                "FIELD_2": static("piece_id"), "FIELDS_TO_COPY": static([f"{name}_sum" for name in fields]),
                "METHOD": static(1), "DISCARD_NONMATCHING": static(False), "PREFIX": static("")}, x, y)]


def check_steps(source, id_field, name_field, low_carbon, low_negative, resilience, res_negative, y, level,
                landuse_field=None):
    """planning_check -> synergy -> planning_report (the last only where the algorithm exists).
    ``level`` is planning_check's LEVEL (1 master, 2 detailed): pilot profiles mix both levels."""
    check = {"INPUT": source, "PROFILE": param("profile"), "PROFILE_FILE": param("profile_file"),
             "LEVEL": static(level), "FIELD_MAP": static("")}
    if landuse_field:
        check["LANDUSE_FIELD"] = param(landuse_field)
    steps = [
        child("lcr:planning_check", "check", "Planning check", check, 400, y),
        child("lcr:synergy", "synergy", "Low-carbon and resilience synergy", {
            "INPUT": output("check", "OUTPUT"), "LOW_CARBON_INDICATORS": static(low_carbon),
            "LOW_CARBON_NEGATIVE": static(low_negative), "RESILIENCE_INDICATORS": static(resilience),
            "RESILIENCE_NEGATIVE": static(res_negative), "UNIT_ID_FIELD": param(id_field)}, 400, y + 100),
    ]
    outputs = {"check": [("planning_check", "OUTPUT", "Planning check"),
                         ("rules", "TABLE", "Planning check rules")],
               "synergy": [("synergy", "OUTPUT", "Low-carbon and resilience synergy")]}
    if QgsApplication.processingRegistry().algorithmById("lcr:planning_report") is not None:
        steps.append(child("lcr:planning_report", "report", "Planning check report", {
            "CHECK": output("check", "OUTPUT"), "RULES": output("check", "TABLE"),
            "SYNERGY": output("synergy", "OUTPUT"), "NAME_FIELD": param(name_field),
            "LANGUAGE": param("language"), "TITLE": param("title")}, 400, y + 200))
        outputs["report"] = [("report_html", "OUTPUT_HTML", "Planning check report (HTML)"),
                             ("report_pdf", "OUTPUT_PDF", "Planning check report (PDF)")]
    for step in steps:
        results = {}
        for number, (name, child_output, label) in enumerate(outputs[step.childId()]):
            result = QgsProcessingModelOutput(name, label)
            result.setChildId(step.childId())
            result.setChildOutputName(child_output)
            result.setPosition(step.position() + QPointF(220, 40 * number))
            results[name] = result
        step.setModelOutputs(results)
    return steps


def master_plan_check():
    model = QgsProcessingModelAlgorithm("Master plan check", "Planning checks", "planning_checks")
    model.setHelpContent({"ALG_DESC": (
        "From raw layers to the master-plan check of every planning unit in one run. Indicators, each "
        "named like the profile's: full_pct (15-minute life circle), rail_pct (rail 800 m coverage), "
        "green_share (transport model), net_t_cap (carbon balance of building, transport, PV and "
        "land-cover sinks), shelter_m2_cap (shelter coverage), shelter_cap_pct (capacity of the fixed "
        "shelters in the unit, type other than “emergency”, per 100 residents), park_green_m2_pc, "
        "comp_park_m2_pc, comm_park_m2_pc (green spaces of type other than “protective”, "
        "“comprehensive”, “community” inside the unit, per resident) and impervious_pct (share of the "
        "unit covered by the impervious land-cover classes), park_cov_pct (share of the residents "
        "whose building lies within the straight-line service radius of a park: 500 m of parks of "
        "5 000 m² or more, 300 m of parks of 2 000–5 000 m², after the 2016 national garden-city "
        "standard, unverified) and sponge_area_pct (share of the unit whose land cover retains at "
        "least 70 % of the design storm, SCS curve number: a screening reading of the 70 % target). "
        "Then the planning check, the synergy of low-carbon and resilience scores and the report.")})
    add_sources(model, ["units", "buildings", "landcover", "roads", "transit_stops", "flood_zones", "shelters",
                        "facilities", "green_spaces"])
    add_fields(model, [
        ("unit_id_field", "Unit id field", "units", "unit_id", False, False),
        ("name_field", "Unit name field (report labels)", "units", "name", False, True),
        "residents_field", "floors_field", "use_field", "roof_field", "class_field",
        ("stop_type_field", "Stop type field", "transit_stops", "stop_type", False, False),
        "depth_field", "shelter_area_field",
        ("shelter_capacity_field", "Shelter capacity field (persons)", "shelters", "capacity", True, False),
        ("shelter_type_field", "Shelter type field", "shelters", "shelter_type", False, False),
        "facility_type_field",
        ("park_type_field", "Green space type field", "green_spaces", "park_type", False, False),
    ])
    add_parameter(model, QgsProcessingParameterNumber(
        "target_t_per_capita", "Target (t CO2 per resident a year)", QgsProcessingParameterNumber.Double,
        optional=True, minValue=0), 640, 260)
    add_parameter(model, QgsProcessingParameterString(
        "impervious_classes", "Impervious land-cover classes (codes, comma-separated)", defaultValue="1,2"),
        840, 260)
    add_check_parameters(model, 0)
    add_parameter(model, QgsProcessingParameterNumber(
        "design_rainfall_mm", "Design rainfall (mm)", QgsProcessingParameterNumber.Double, defaultValue=25,
        minValue=0.1), 1040, 260)

    steps = [
        child("lcr:life_circle", "life", "Community life circles by unit", {
            "INPUT": param("buildings"), "POPULATION_FIELD": param("residents_field"),
            "FACILITIES": param("facilities"), "FACILITY_TYPE_FIELD": param("facility_type_field"),
            "ROADS": param("roads"), "UNITS": param("units")}, 40, 340),
        child("lcr:transport_emissions", "transport", "Transport emissions of the unit residents", {
            "INPUT": output("life", "UNITS_OUTPUT"), "POPULATION_FIELD": static("pop")}, 40, 440),
        *emissions_and_pv(),
        child("lcr:carbon_stock", "sinks", "Carbon stock and sequestration", {
            "INPUT": param("landcover"), "CLASS_FIELD": param("class_field")}, 440, 340),
        child("lcr:carbon_balance", "balance", "Carbon balance", {
            "INPUT": output("transport", "OUTPUT"), "BUILDINGS": output("pv", "OUTPUT"),
            "BUILDING_POPULATION_FIELD": param("residents_field"), "TRANSPORT_FIELD": static("co2_t_yr"),
            "SINK_LAYER": output("sinks", "OUTPUT"), "POPULATION_FIELD": static("pop"),
            "TARGET_T_PER_CAPITA": param("target_t_per_capita")}, 240, 540),
        child("lcr:transit_coverage", "transit", "Transit coverage by unit", {
            "INPUT": param("buildings"), "POPULATION_FIELD": param("residents_field"),
            "STOPS": param("transit_stops"), "STOP_TYPE_FIELD": param("stop_type_field"),
            "ROADS": param("roads"), "UNITS": output("balance", "OUTPUT")}, 240, 640),
        child("lcr:shelter_coverage", "shelter", "Shelter coverage by unit", {
            "INPUT": param("buildings"), "POPULATION_FIELD": param("residents_field"),
            "SHELTERS": param("shelters"), "AREA_FIELD": param("shelter_area_field"),
            "ROADS": param("roads"), "FLOOD_ZONES": param("flood_zones"), "FLOOD_DEPTH_FIELD": param("depth_field"),
            "UNITS": output("transit", "UNITS_OUTPUT")}, 240, 740),
        # Fixed shelters (all but emergency ones, GB 51143) and parks: their sums per unit.
        calculator("fixed_capacity", "Capacity of fixed shelters", param("shelters"), "fixed_cap",
                   "if(attribute(@shelter_type_field) = 'emergency', 0, attribute(@shelter_capacity_field))",
                   640, 340),
        *summary("unit_capacity", "Fixed-shelter capacity per unit", output("shelter", "UNITS_OUTPUT"),
                output("fixed_capacity", "OUTPUT"), ["fixed_cap"], 440, 840),
        calculator("park_area", "Park area", param("green_spaces"), "park_m2",
                   "if(attribute(@park_type_field) = 'protective', 0, area($geometry))", 840, 340),
        calculator("comp_area", "Comprehensive park area", output("park_area", "OUTPUT"), "comp_m2",
                   "if(attribute(@park_type_field) = 'comprehensive', area($geometry), 0)", 840, 440),
        calculator("comm_area", "Community park area", output("comp_area", "OUTPUT"), "comm_m2",
                   "if(attribute(@park_type_field) = 'community', area($geometry), 0)", 840, 540),
        child("native:pointonsurface", "park_points", "Green spaces as points", {
            "INPUT": output("comm_area", "OUTPUT"), "ALL_PARTS": static(False)}, 840, 640),
        *summary("unit_parks", "Park area per unit", output("unit_capacity", "OUTPUT"),
                output("park_points", "OUTPUT"), ["park_m2", "comp_m2", "comm_m2"], 440, 940),
        # Impervious share: land cover cut by the units, summed per unit id.
        child("native:intersection", "cover_pieces", "Land cover cut by the units", {
            "INPUT": param("landcover"), "OVERLAY": param("units"), "INPUT_FIELDS": static([]),
            "OVERLAY_FIELDS": static([]), "OVERLAY_FIELDS_PREFIX": static("unit_")}, 1040, 340),
        calculator("cover_impervious", "Impervious area", output("cover_pieces", "OUTPUT"), "imp_m2",
                   "if(array_contains(array_foreach(string_to_array(@impervious_classes), trim(@element)), "
                   "to_string(attribute(@class_field))), area($geometry), 0)", 1040, 440),
        calculator("cover_area", "Land-cover area", output("cover_impervious", "OUTPUT"), "lc_m2",
                   "area($geometry)", 1040, 540),
        child("lcr:stormwater_runoff", "cover_runoff", "Design-storm retention of land cover", {
            "INPUT": output("cover_area", "OUTPUT"), "CLASS_FIELD": param("class_field"),
            "RAINFALL_MM": param("design_rainfall_mm")}, 1040, 640),
        calculator("cover_sponge", "Area retaining 70 % of the design storm", output("cover_runoff", "OUTPUT"),
                   "sponge_m2", 'if("retention" >= 0.7, area($geometry), 0)', 1040, 740),
        *sums_by_id("unit_cover", "Land cover per unit", output("cover_sponge", "OUTPUT"),
                    output("unit_parks", "OUTPUT"), "unit_id_field", "unit_", ["imp_m2", "lc_m2", "sponge_m2"],
                    440, 1040),
        # Park service radius: 500 m of parks of 5 000 m² or more, 300 m of those of 2 000–5 000 m².
        child("native:extractbyexpression", "large_parks", "Parks of 2 000 m² or more", {
            "INPUT": output("park_area", "OUTPUT"), "EXPRESSION": static('"park_m2" >= 2000')}, 1240, 340),
        child("native:buffer", "park_service", "Park service areas", {
            "INPUT": output("large_parks", "OUTPUT"),
            "DISTANCE": static(QgsProperty.fromExpression('if("park_m2" >= 5000, 500, 300)')),
            "SEGMENTS": static(8), "END_CAP_STYLE": static(0), "JOIN_STYLE": static(0),
            "MITER_LIMIT": static(2), "DISSOLVE": static(True)}, 1240, 440),
        child("native:pointonsurface", "building_points", "Buildings as points", {
            "INPUT": param("buildings"), "ALL_PARTS": static(False)}, 1240, 540),
        child("native:extractbylocation", "park_served", "Buildings within a park service radius", {
            "INPUT": output("building_points", "OUTPUT"), "PREDICATE": static([0]),
            "INTERSECT": output("park_service", "OUTPUT")}, 1240, 640),
        *summary("unit_park_served", "Residents within a park service radius per unit",
                 output("unit_cover", "OUTPUT"), output("park_served", "OUTPUT"), [], 440, 1140),
    ]
    # The residents field is the model's choice, so the summed field is named from it.
    steps[-1].addParameterSources("JOIN_FIELDS", [param("residents_field")])
    previous = "unit_park_served"
    for name, formula in [
        ("shelter_cap_pct", '100 * coalesce("fixed_cap_sum", 0) / "pop"'),
        ("park_green_m2_pc", 'coalesce("park_m2_sum", 0) / "pop"'),
        ("comp_park_m2_pc", 'coalesce("comp_m2_sum", 0) / "pop"'),
        ("comm_park_m2_pc", 'coalesce("comm_m2_sum", 0) / "pop"'),
        ("impervious_pct", '100 * coalesce("imp_m2_sum", 0) / "lc_m2_sum"'),
        ("sponge_area_pct", '100 * coalesce("sponge_m2_sum", 0) / "lc_m2_sum"'),
        ("park_cov_pct", "100 * coalesce(attribute(@residents_field || '_sum'), 0) / \"pop\""),
    ]:
        steps.append(calculator(name, name, output(previous, "OUTPUT"), name, formula, 640, 440 + 100 * len(steps)))
        previous = name
    steps += check_steps(output(previous, "OUTPUT"), "unit_id_field", "name_field",
                         ["net_t_ha", "rail_pct"], ["net_t_ha"],
                         ["full_pct", "shelter_m2_cap", "impervious_pct"], ["impervious_pct"], 2400, 1)
    add_plan_settings(model, 1240)
    add_steps(model, steps)
    return model


def detailed_plan_check():
    model = QgsProcessingModelAlgorithm("Detailed plan check", "Planning checks", "planning_checks")
    model.setHelpContent({"ALG_DESC": (
        "From raw layers to the detailed-plan check of every parcel in one run. Indicators, each named "
        "like the profile's: far and green_ratio (the parcel's own fields), exposed (flood exposure), "
        "shelter_m (walking distance to a shelter), lc_score (share of the parcel's residents who reach "
        "every life-circle facility type, 0–1), pv_share (rooftop PV yield / building energy demand), "
        "retention (share of the design storm retained, SCS curve number of the land cover in the parcel) "
        "ctrl_rate (sponge-city annual runoff control rate of the LID storage in the parcel: bioretention, "
        "permeable paving, green roof and tank fields; only with a daily rainfall CSV) and "
        "pub_green_m2_pc (park area, green spaces of type other than “protective”, per resident, both "
        "counted within 1 000 m straight-line of the parcel: a screening stand-in for the 15-minute "
        "walk; residential parcels only). Then the planning check, the synergy of low-carbon and "
        "resilience scores and the report.")})
    add_sources(model, ["parcels", "buildings", "landcover", "roads", "flood_zones", "shelters", "facilities"])
    add_fields(model, [
        ("parcel_id_field", "Parcel id field", "parcels", "parcel_id", False, False),
        ("name_field", "Parcel name field (report labels)", "parcels", "parcel_id", False, True),
        ("parcel_residents_field", "Parcel residents field", "parcels", "residents", True, False),
        ("green_ratio_field", "Green ratio field (0–1)", "parcels", "green_ratio", True, True),
        ("landuse_field", "Land-use code field", "parcels", "lu_code", False, True),
        ("bioretention_field", "Bioretention area field (m²)", "parcels", None, True, True),
        ("permeable_paving_field", "Permeable paving area field (m²)", "parcels", None, True, True),
        ("green_roof_field", "Green roof area field (m²)", "parcels", None, True, True),
        ("tank_field", "Storage tank volume field (m³)", "parcels", None, True, True),
        "residents_field", "floors_field", "use_field", "roof_field", "class_field", "depth_field",
        "shelter_area_field", "facility_type_field",
    ])
    add_parameter(model, QgsProcessingParameterNumber(
        "design_rainfall_mm", "Design rainfall (mm)", QgsProcessingParameterNumber.Double, defaultValue=25,
        minValue=0.1), 640, 260)
    add_parameter(model, QgsProcessingParameterFile(
        "daily_rainfall", "Daily rainfall (CSV date, rain_mm) for the runoff control rate", extension="csv",
        optional=True), 840, 260)
    add_check_parameters(model, 1)
    add_parameter(model, QgsProcessingParameterFeatureSource("green_spaces", "Green spaces", POLYGON), 1440, 40)
    add_parameter(model, QgsProcessingParameterField(
        "park_type_field", "Green space type field", defaultValue="park_type", parentLayerParameterName="green_spaces"),
        1440, 100)

    steps = [
        child("lcr:flood_exposure", "flood", "Parcel flood exposure", {
            "INPUT": param("parcels"), "HAZARD": param("flood_zones"), "DEPTH_FIELD": param("depth_field"),
            "POPULATION_FIELD": param("parcel_residents_field")}, 40, 340),
        child("lcr:shelter_coverage", "shelter", "Shelter reach of parcels", {
            "INPUT": output("flood", "OUTPUT"), "POPULATION_FIELD": param("parcel_residents_field"),
            "SHELTERS": param("shelters"), "AREA_FIELD": param("shelter_area_field"), "ROADS": param("roads"),
            "FLOOD_ZONES": param("flood_zones"), "FLOOD_DEPTH_FIELD": param("depth_field")}, 40, 440),
        child("lcr:life_circle", "life", "Life circles of the parcels' residents", {
            "INPUT": param("buildings"), "POPULATION_FIELD": param("residents_field"),
            "FACILITIES": param("facilities"), "FACILITY_TYPE_FIELD": param("facility_type_field"),
            "ROADS": param("roads"), "UNITS": output("shelter", "OUTPUT")}, 40, 540),
        calculator("lc_score", "lc_score", output("life", "UNITS_OUTPUT"), "lc_score", '"full_pct" / 100',
                   40, 640),
        *emissions_and_pv(),
        child("native:pointonsurface", "pv_points", "Buildings as points", {
            "INPUT": output("pv", "OUTPUT"), "ALL_PARTS": static(False)}, 240, 540),
        *summary("parcel_pv", "PV yield and demand per parcel", output("lc_score", "OUTPUT"),
                output("pv_points", "OUTPUT"), ["pv_kwh_yr", "energy_kwh"], 240, 640),
        calculator("pv_share", "pv_share", output("parcel_pv", "OUTPUT"), "pv_share",
                   'if("energy_kwh_sum" > 0, coalesce("pv_kwh_yr_sum", 0) / "energy_kwh_sum", NULL)', 240, 740),
        # Public green within a 15-minute walk, approximated by 1 000 m around the parcel.
        calculator("park_area", "Park area", param("green_spaces"), "park_m2",
                   "if(attribute(@park_type_field) = 'protective', 0, area($geometry))", 1440, 340),
        child("native:pointonsurface", "park_points", "Green spaces as points", {
            "INPUT": output("park_area", "OUTPUT"), "ALL_PARTS": static(False)}, 1440, 440),
        child("native:pointonsurface", "parcel_points", "Parcels as points", {
            "INPUT": param("parcels"), "ALL_PARTS": static(False)}, 1240, 440),
        child("native:buffer", "walk_area", "1 000 m around each parcel", {
            "INPUT": param("parcels"), "DISTANCE": static(1000), "SEGMENTS": static(8),
            "END_CAP_STYLE": static(0), "JOIN_STYLE": static(0), "MITER_LIMIT": static(2),
            "DISSOLVE": static(False)}, 1040, 440),
        *summary("walk_green", "Park area within 1 000 m", output("walk_area", "OUTPUT"),
                 output("park_points", "OUTPUT"), ["park_m2"], 1240, 540),
        *summary("walk_people", "Residents within 1 000 m", output("walk_green", "OUTPUT"),
                 output("parcel_points", "OUTPUT"), [], 1240, 640),
    ]
    steps[-1].addParameterSources("JOIN_FIELDS", [param("parcel_residents_field")])
    steps += [
        calculator("pub_green", "pub_green_m2_pc", output("walk_people", "OUTPUT"), "pub_green_m2_pc",
                   "if(attribute(@parcel_residents_field) > 0, coalesce(\"park_m2_sum\", 0) / "
                   "attribute(@parcel_residents_field || '_sum'), NULL)", 1240, 740),
        child("native:joinattributestable", "join_green", "Join pub_green_m2_pc by parcel id", {
            "INPUT": output("pv_share", "OUTPUT"), "FIELD": param("parcel_id_field"),
            "INPUT_2": output("pub_green", "OUTPUT"), "FIELD_2": param("parcel_id_field"),
            "FIELDS_TO_COPY": static(["pub_green_m2_pc"]), "METHOD": static(1),
            "DISCARD_NONMATCHING": static(False), "PREFIX": static("")}, 1040, 740),
        child("lcr:sponge_capture", "sponge", "Sponge-city capture", {
            "INPUT": output("join_green", "OUTPUT"), "GREEN_RATIO_FIELD": param("green_ratio_field"),
            "DESIGN_RAINFALL_MM": param("design_rainfall_mm"), "DAILY_RAINFALL": param("daily_rainfall"),
            "BIORETENTION_FIELD": param("bioretention_field"),
            "PERMEABLE_PAVING_FIELD": param("permeable_paving_field"),
            "GREEN_ROOF_LID_FIELD": param("green_roof_field"), "TANK_FIELD": param("tank_field")},
            440, 340),
        # Retention of the design storm: land cover cut by the parcels, summed per parcel.
        child("native:intersection", "cover_pieces", "Land cover cut by the parcels", {
            "INPUT": param("landcover"), "OVERLAY": param("parcels"), "INPUT_FIELDS": static([]),
            "OVERLAY_FIELDS_PREFIX": static("parcel_")}, 640, 340),
        child("lcr:stormwater_runoff", "cover_runoff", "Design-storm runoff of land cover", {
            "INPUT": output("cover_pieces", "OUTPUT"), "CLASS_FIELD": param("class_field"),
            "RAINFALL_MM": param("design_rainfall_mm")}, 640, 440),
        *sums_by_id("parcel_runoff", "Runoff and retained rain per parcel", output("cover_runoff", "OUTPUT"),
                    output("sponge", "OUTPUT"), "parcel_id_field", "parcel_", ["runoff_m3", "retained_m3"], 640, 540),
        calculator("runoff", "retention", output("parcel_runoff", "OUTPUT"), "retention",
                   '"retained_m3_sum" / ("runoff_m3_sum" + "retained_m3_sum")', 640, 640),
    ]
    steps += check_steps(output("runoff", "OUTPUT"), "parcel_id_field", "name_field",
                         ["pv_share", "green_ratio"], [], ["retention", "shelter_m", "depth_m"],
                         ["shelter_m", "depth_m"], 1000, 2, landuse_field="landuse_field")
    add_plan_settings(model, 1640)
    add_steps(model, steps)
    return model


def main():
    """Writes every model, or only those named on the command line (file stems)."""
    qgis_session.start()
    builders = {"emissions_and_flood_exposure": emissions_and_flood, "carbon_balance_from_layers": carbon_balance,
                "resilience_assessment": resilience_assessment, "master_plan_check": master_plan_check,
                "detailed_plan_check": detailed_plan_check}
    for name in sys.argv[1:] or builders:
        path = os.path.join(qgis_session.REPO, "resources", "models", f"{name}.model3")
        if not builders[name]().toFile(path):
            sys.exit(f"cannot write {path}")
        print(path)


if __name__ == "__main__":
    main()
