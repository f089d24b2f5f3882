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
)
from qgis.PyQt.QtCore import QPointF


def new_model(name, group, group_id):
    """An empty model that names its outputs "child id:output name" on every QGIS. From 3.26 a new
    model names them after their descriptions instead, which would rename the outputs scripts and the
    wizard read (check:rules becomes planning_check_rules); files without the key load as Version1."""
    model = QgsProcessingModelAlgorithm(name, group, group_id)
    model.loadVariant(dict(model.toVariant(), internal_version="Version1"))
    return model


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
    model = new_model("Building emissions and flood exposure", "Workflows", "workflows")
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
    model = new_model("Carbon balance from raw layers", "Workflows", "workflows")
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
    model = new_model("Resilience assessment of planning units", "Workflows", "workflows")
    model.setHelpContent({"ALG_DESC": "From raw layers to a composite resilience index of every planning unit in "
                                      "one run: flood exposure of buildings, stormwater runoff of land cover, "
                                      "shelters, 15-minute life circles, urban cooling (land cover rasterised at "
                                      "10 m in a CRS in metres) and habitat fragmentation, joined by unit id and combined with "
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
        # Urban cooling rasterises the polygons itself, at 10 m in a CRS in metres (in degrees or Web
        # Mercator a cell of the layer's own CRS has no fixed size).
        child("lcr:urban_cooling", "cooling", "Urban cooling", {
            "LANDCOVER": param("landcover"), "CLASS_FIELD": param("class_field"), "CELL_SIZE": static(10),
            "UNITS": param("units")}, 220, 320),
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
    # optional: rooftop PV takes the "default" roof row without it (survey data rarely hold roof types)
    "roof_field": ("Roof type field", "buildings", "roof_type", False, True),
    "class_field": ("Land-cover class field (integer codes)", "landcover", "lucode", True, False),
    "depth_field": ("Flood depth field (m)", "flood_zones", "depth_m", True, False),
    "shelter_area_field": ("Shelter effective area field (m²)", "shelters", "eff_area_m2", True, False),
    "facility_type_field": ("Facility type field", "facilities", "fac_type", False, False),
}


def add_sources(model, names, optional=()):
    for position, name in enumerate(names):
        label, kinds = SOURCES[name]
        add_parameter(model, QgsProcessingParameterFeatureSource(name, label, kinds, optional=name in optional),
                      40 + 200 * position, 40)


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
    # The report's first page: who made which plan, where and when.
    for position, (name, label) in enumerate([
            ("plan_name", "Plan name (report's first page)"), ("district", "District (report)"),
            ("organisation", "Organisation (report)"), ("report_date", "Report date (empty: today)")]):
        add_parameter(model, QgsProcessingParameterString(name, label, optional=True), 40 + 200 * position, 210)
    # Inputs estimated or left out (the wizard's, after preparing OpenStreetMap data), listed in the report.
    add_parameter(model, QgsProcessingParameterString(
        "input_notes", "Inputs estimated or not given (report, one a line)", multiLine=True, optional=True), 840, 210)


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


def emissions_and_pv(known_co2=False):
    """Building emissions, then rooftop PV against the buildings' energy demand: in both models.
    ``known_co2``: the buildings' CO2 after measures (model parameter co2_field) replaces the computed one."""
    sources = {"INPUT": param("buildings"), "FLOORS_FIELD": param("floors_field"), "USE_FIELD": param("use_field")}
    if known_co2:
        sources["CO2_FIELD"] = param("co2_field")
    return [child("lcr:building_emissions", "emissions", "Building operational emissions", sources, 240, 340),
            child("lcr:rooftop_pv", "pv", "Rooftop solar potential", {
                "INPUT": output("emissions", "OUTPUT"), "ROOF_TYPE_FIELD": param("roof_field"),
                "DEMAND_FIELD": static("energy_kwh")}, 240, 440)]


def calculator(child_id, description, source, name, formula, x, y, field_type=0):
    """A field computed by an expression (``field_type`` 0 float, 1 integer); model parameters are @variables
    in the formula."""
    return child("native:fieldcalculator", child_id, description, {
        "INPUT": source, "FIELD_NAME": static(name), "FIELD_TYPE": static(field_type), "FIELD_LENGTH": static(0),
        "FIELD_PRECISION": static(0), "FORMULA": static(formula)}, x, y)


def check_steps(source, id_field, name_field, low_carbon, low_negative, resilience, res_negative, y, level,
                landuse_field=None, check_sources=None):
    """planning_check -> synergy -> planning_report (the last only where the algorithm exists).
    ``level`` is planning_check's LEVEL (1 master, 2 detailed): pilot profiles mix both levels;
    ``check_sources``: more of planning_check's parameters, wired as given."""
    check = {"INPUT": source, "PROFILE": param("profile"), "PROFILE_FILE": param("profile_file"),
             "LEVEL": static(level), "FIELD_MAP": static(""), **(check_sources or {})}
    if landuse_field:
        check["LANDUSE_FIELD"] = param(landuse_field)
    steps = [
        child("lcr:planning_check", "check", "Planning check", check, 400, y),
        child("lcr:synergy", "synergy", "Low-carbon and resilience synergy", {
            "INPUT": output("check", "OUTPUT"), "LOW_CARBON_INDICATORS": static(low_carbon),
            "LOW_CARBON_NEGATIVE": static(low_negative), "RESILIENCE_INDICATORS": static(resilience),
            "RESILIENCE_NEGATIVE": static(res_negative), "UNIT_ID_FIELD": param(id_field),
            "SKIP_ABSENT": static(True)}, 400, y + 100),
    ]
    outputs = {"check": [("planning_check", "OUTPUT", "Planning check"),
                         ("rules", "TABLE", "Planning check rules")],
               "synergy": [("synergy", "OUTPUT", "Low-carbon and resilience synergy")]}
    if QgsApplication.processingRegistry().algorithmById("lcr:planning_report") is not None:
        steps.append(child("lcr:planning_report", "report", "Planning check report", {
            "CHECK": output("check", "OUTPUT"), "RULES": output("check", "TABLE"),
            "SYNERGY": output("synergy", "OUTPUT"), "NAME_FIELD": param(name_field),
            "LANGUAGE": param("language"), "TITLE": param("title"), "PLAN_NAME": param("plan_name"),
            "DISTRICT": param("district"), "ORGANISATION": param("organisation"), "DATE": param("report_date"),
            "NOTES": param("input_notes")},
            400, y + 200))
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
    model = new_model("Master plan check (model)", "Planning checks", "planning_checks")
    model.setHelpContent({"ALG_DESC": (
        "From raw layers to the master-plan check of every planning unit in one run. Indicators, each "
        "named like the profile's: full_pct (15-minute life circle), rail_pct (rail 800 m coverage), "
        "green_share (transport model), net_t_cap (carbon balance of building, transport, PV and "
        "land-cover sinks), shelter_m2_cap (shelter coverage), shelter_cap_pct (capacity of the fixed "
        "shelters in the unit, type other than “emergency”, per 100 residents), park_green_m2_pc, "
        "comp_park_m2_pc, comm_park_m2_pc (green spaces of type other than “protective”, "
        "“comprehensive”, “community” inside the unit, per resident) and impervious_pct (share of the "
        "unit's land cover in the impervious land-cover classes), park_cov_pct (share of the residents "
        "whose building lies within the straight-line service radius of a park: 500 m of parks of "
        "5 000 m² or more, 300 m of parks of 2 000–5 000 m², after the 2016 national garden-city "
        "standard, unverified) and sponge_area_pct (share of the unit's land cover that retains at "
        "least 70 % of the design storm, SCS curve number: a screening reading of the 70 % target). "
        "Areas and distances are true metres whatever the layers' CRS (degrees and Web Mercator are "
        "measured in UTM). Then the planning check, the synergy of low-carbon and resilience scores and "
        "the report.")})
    # Flood zones are optional here: the master check uses them only to flag shelters in a flood zone, and
    # data such as OpenStreetMap (lcr:prepare_osm) has none.
    add_sources(model, ["units", "buildings", "landcover", "roads", "transit_stops", "flood_zones", "shelters",
                        "facilities", "green_spaces"], optional=("flood_zones",))
    add_fields(model, [
        ("unit_id_field", "Unit id field", "units", "unit_id", False, False),
        ("name_field", "Unit name field (report labels)", "units", "name", False, True),
        "residents_field", "floors_field", "use_field", "roof_field", "class_field",
        ("stop_type_field", "Stop type field", "transit_stops", "stop_type", False, False),
        ("depth_field", "Flood depth field (m)", "flood_zones", "depth_m", True, True), "shelter_area_field",
        # optional: without a type every shelter reaches the default distance, without a capacity it holds its
        # effective area / the default area per evacuee and the fixed-shelter capacity is not assessed
        ("shelter_capacity_field", "Shelter capacity field (persons)", "shelters", "capacity", True, True),
        ("shelter_type_field", "Shelter type field", "shelters", "shelter_type", False, True),
        "facility_type_field",
        ("park_type_field", "Green space type field", "green_spaces", "park_type", False, False),
        # Carbon measures merged into the buildings (lcr:apply_measures): empty, the check computes both.
        ("co2_field", "Building CO2 after measures field (t/a), replaces the computed CO2", "buildings", None, True,
         True),
        ("pv_field", "Rooftop PV field (avoided t CO2/a), replaces the PV potential of every roof", "buildings", None,
         True, True),
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
        *emissions_and_pv(known_co2=True),
        child("lcr:carbon_stock", "sinks", "Carbon stock and sequestration", {
            "INPUT": param("landcover"), "CLASS_FIELD": param("class_field")}, 440, 340),
        child("lcr:carbon_balance", "balance", "Carbon balance", {
            "INPUT": output("transport", "OUTPUT"), "BUILDINGS": output("pv", "OUTPUT"),
            "PV_CO2_FIELD": param("pv_field"),
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
            # the class sets each shelter's service distance (a central shelter reaches 2500 m, not 500 m)
            "SHELTER_TYPE_FIELD": param("shelter_type_field"), "CAPACITY_FIELD": param("shelter_capacity_field"),
            "ROADS": param("roads"), "FLOOD_ZONES": param("flood_zones"), "FLOOD_DEPTH_FIELD": param("depth_field"),
            "UNITS": output("transit", "UNITS_OUTPUT")}, 240, 740),
        # Per-unit indicators measured in metres whatever the layers' CRS: each step adds its fields to the units.
        child("lcr:shelter_capacity", "unit_capacity", "Fixed-shelter capacity per unit", {
            "INPUT": output("shelter", "UNITS_OUTPUT"), "POPULATION_FIELD": static("pop"),
            "SHELTERS": param("shelters"), "TYPE_FIELD": param("shelter_type_field"),
            "CAPACITY_FIELD": param("shelter_capacity_field")}, 440, 840),
        child("lcr:park_supply", "unit_parks", "Park green per resident and park service coverage per unit", {
            "INPUT": output("unit_capacity", "OUTPUT"), "POPULATION_FIELD": static("pop"),
            "GREEN_SPACES": param("green_spaces"), "TYPE_FIELD": param("park_type_field"),
            "BUILDINGS": param("buildings"), "BUILDING_POPULATION_FIELD": param("residents_field")}, 440, 940),
        child("lcr:land_cover_shares", "unit_cover", "Impervious and sponge shares of the land cover per unit", {
            "INPUT": output("unit_parks", "OUTPUT"), "LANDCOVER": param("landcover"),
            "CLASS_FIELD": param("class_field"), "IMPERVIOUS_CLASSES": param("impervious_classes"),
            "RAINFALL_MM": param("design_rainfall_mm")}, 440, 1040),
    ]
    steps += check_steps(output("unit_cover", "OUTPUT"), "unit_id_field", "name_field",
                         ["net_t_ha", "rail_pct"], ["net_t_ha"],
                         ["full_pct", "shelter_m2_cap", "impervious_pct"], ["impervious_pct"], 2400, 1,
                         check_sources={"POPULATION_FIELD": static("pop")})
    add_plan_settings(model, 1240)
    add_steps(model, steps)
    return model


def detailed_plan_check():
    model = new_model("Detailed plan check (model)", "Planning checks", "planning_checks")
    model.setHelpContent({"ALG_DESC": (
        "From raw layers to the detailed-plan check of every parcel in one run. Indicators, each named "
        "like the profile's: far and green_ratio (the parcel's own fields), exposed (flood exposure), "
        "shelter_m (walking distance to a shelter), lc_score (share of the parcel's residents who reach "
        "every life-circle facility type, 0–1), pv_share (rooftop PV yield / building energy demand), "
        "retention (share of the design storm retained, SCS curve number of the land cover in the parcel, "
        "plus the runoff its LID storage holds) "
        "ctrl_rate (sponge-city annual runoff control rate of the LID storage in the parcel: bioretention, "
        "permeable paving, green roof and tank fields; only with a daily rainfall CSV) and "
        "pub_green_m2_pc (park area, green spaces of type other than “protective”, per resident, both "
        "counted within 1 000 m straight-line of the parcel: a screening stand-in for the 15-minute "
        "walk; residential parcels only). Areas and distances are true metres whatever the layers' CRS "
        "(degrees and Web Mercator are measured in UTM). Then the planning check, the synergy of "
        "low-carbon and resilience scores and the report.")})
    # Flood zones are optional, as in the master check: without them the flood step writes NULL exposure and
    # the flood rules are not assessed (said in the log, the rule table and the report).
    add_sources(model, ["parcels", "buildings", "landcover", "roads", "flood_zones", "shelters", "facilities"],
                optional=("flood_zones",))
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
        ("parcel_floors_field", "Average floors of the parcel's residential buildings field", "parcels", None,
         True, True),
        ("parcel_height_field", "Height of the parcel's tallest residential building field (m)", "parcels", None,
         True, True),
        "residents_field", "floors_field", "use_field", "roof_field", "class_field",
        ("depth_field", "Flood depth field (m)", "flood_zones", "depth_m", True, True),
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
        # lc_score is full_pct read as 0-1: it rests on guessed facility types where full_pct does
        calculator("lc_score_est", "lc_score_est", output("lc_score", "OUTPUT"), "lc_score_est", '"full_pct_est"',
                   40, 700, field_type=1),
        *emissions_and_pv(),
        child("lcr:zone_pv_share", "pv_share", "Rooftop PV yield and energy demand of the buildings per parcel", {
            "INPUT": output("lc_score_est", "OUTPUT"), "BUILDINGS": output("pv", "OUTPUT"),
            "PV_FIELD": static("pv_kwh_yr"), "DEMAND_FIELD": static("energy_kwh")}, 240, 640),
        # Public green within a 15-minute walk, approximated by 1 000 m around the parcel.
        child("lcr:public_green_reach", "pub_green", "Park green per resident within 1 000 m of each parcel", {
            "INPUT": output("pv_share", "OUTPUT"), "POPULATION_FIELD": param("parcel_residents_field"),
            "GREEN_SPACES": param("green_spaces"), "TYPE_FIELD": param("park_type_field"),
            "DISTANCE": static(1000)}, 1040, 740),
        child("lcr:sponge_capture", "sponge", "Sponge-city capture", {
            "INPUT": output("pub_green", "OUTPUT"), "GREEN_RATIO_FIELD": param("green_ratio_field"),
            "DESIGN_RAINFALL_MM": param("design_rainfall_mm"), "DAILY_RAINFALL": param("daily_rainfall"),
            "BIORETENTION_FIELD": param("bioretention_field"),
            "PERMEABLE_PAVING_FIELD": param("permeable_paving_field"),
            "GREEN_ROOF_LID_FIELD": param("green_roof_field"), "TANK_FIELD": param("tank_field")},
            440, 340),
        # Retention of the design storm in each parcel: by its land cover, plus the runoff its LID storage
        # (provided_m3 of the sponge step) holds, as the rule's "retained on site" reads.
        child("lcr:land_cover_shares", "runoff", "Design-storm retention of the land cover and LID storage per parcel",
              {"INPUT": output("sponge", "OUTPUT"), "LANDCOVER": param("landcover"),
               "CLASS_FIELD": param("class_field"), "RAINFALL_MM": param("design_rainfall_mm"),
               "STORAGE_FIELD": static("provided_m3")}, 640, 440),
    ]
    # GB 50180-2018 Table 4.0.2: FAR and green ratio by climate zone and the parcel's height class
    add_parameter(model, QgsProcessingParameterEnum(
        "climate_zone", "Building climate zone (GB 50178)",
        ["Not set: the most lenient row of any zone", "Zones I and VII", "Zones II and VI (e.g. Beijing, Xiong'an, Xi'an)",
         "Zones III, IV and V (e.g. Shanghai, Jiaxing, Xiamen)"], defaultValue=0), 1040, 260)
    steps += check_steps(output("runoff", "OUTPUT"), "parcel_id_field", "name_field",
                         ["pv_share", "green_ratio"], [], ["retention", "shelter_m", "depth_m"],
                         ["shelter_m", "depth_m"], 1000, 2, landuse_field="landuse_field",
                         check_sources={"FLOORS_FIELD": param("parcel_floors_field"),
                                        "HEIGHT_FIELD": param("parcel_height_field"),
                                        "CLIMATE_ZONE": param("climate_zone")})
    add_plan_settings(model, 1640)
    add_steps(model, steps)
    return model


def main():
    """Writes every model, or only those named on the command line (file stems)."""
    qgis_session.start()
    builders = {"emissions_and_flood_exposure": emissions_and_flood, "carbon_balance_from_layers": carbon_balance,
                "resilience_assessment": resilience_assessment, "master_plan_check_model": master_plan_check,
                "detailed_plan_check_model": detailed_plan_check}
    for name in sys.argv[1:] or builders:
        path = os.path.join(qgis_session.REPO, "resources", "models", f"{name}.model3")
        if not builders[name]().toFile(path):
            sys.exit(f"cannot write {path}")
        print(path)


if __name__ == "__main__":
    main()
