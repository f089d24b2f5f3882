"""The steps of "Apply proposed measures and check again", as (key, algorithm id, parameters) for the
background task: which measures the failing rules call for (core.recheck.measures_for_rules), the
measure algorithms that propose them, lcr:apply_measures, the level's plan check on the plan with the
measures, lcr:compare_checks and the report. Only registered algorithms run; this module only wires the
wizard's answers into their parameters.

Measures by level: the detailed plan sizes LID storage per parcel (lcr:size_lid) for its runoff control
rule, sites the life-circle facility types some parcel's residents lack (lcr:site_facilities on the parcels
of eligible land use) for every resident of the parcels the life-circle rule judges (it asks every type,
lc_score 1), and emergency shelters (parcels of eligible land use out of the flood zones, capacity not
binding: the rule reads the walking distance) within the rule's distance of every parcel it judges. The
master plan sites the life-circle facility types some unit lacks (lcr:site_facilities, in the buildings: a
facility goes into a building) for the 15-minute coverage rule, emergency shelters (on the green spaces)
for the shelter area rule, and closes the carbon gaps (lcr:carbon_measures: rooftop PV and retrofit, which
the master check reads through its co2_field and pv_field) for the CO2 rule. The gap is the check's own net
CO2 without PV (its PV term counts the potential of every roof, the measures propose PV), found by
lcr:carbon_balance on the check's units with their transport and sequestration.
"""
import os
import sqlite3

from ...core import profiles, recheck
from . import saving

MEASURES_GPKG = "measures.gpkg"
# Wizard field -> (size_lid / apply_measures parameter, size_lid total used where the parcels have no such field)
LID_FIELDS = (("bioretention_field", "BIORETENTION_FIELD", "lid_bio_m2"),
              ("permeable_paving_field", "PERMEABLE_PAVING_FIELD", "lid_pave_m2"),
              ("green_roof_field", "GREEN_ROOF_LID_FIELD", "lid_groof_m2"),
              ("tank_field", "TANK_FIELD", "lid_tank_m3"))
BUILDING_ID = "lcr_bid"        # the id apply_measures matches the buildings and their carbon measures by
SITES_PREFIX = "sites_"         # tables of the proposed sites, one a facility type (sites_shelter for shelters)
COVERAGE_PREFIX = "coverage_"   # the coverage of each type by unit before and after its sites (max_pct, note)
LID_TABLE, CARBON_TABLE, CARBON_BUILDINGS = "lid_measures", "carbon_measures", "carbon_buildings"


def type_target(target_pct, n_types):
    """The coverage (%) to site each of ``n_types`` facility types for, so that the share of residents who
    reach every type at once is at least ``target_pct``: the residents missing a type number at most
    (100 − t) % per type, so at most n (100 − t) % miss one (the union bound, Boole's inequality); t = 100 −
    (100 − target) / n. Each type sited for the rule's own 80 % leaves the demo's units at 47–69 % for all eight.

    >>> type_target(80.0, 8)
    97.5
    """
    return 100.0 - (100.0 - target_pct) / max(n_types, 1)


def rule_rows(layer):
    """(rule_id, indicator, verdict, threshold) of a check's rule table layer (None: no rows)."""
    if layer is None:
        return []
    return [(f["rule_id"], f["indicator"], f["verdict"], _number(f["threshold"])) for f in layer.getFeatures()]


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def threshold(rows, indicator, default):
    """The threshold of the first rule on ``indicator`` (the profile's target), else ``default``."""
    return next((t for _r, i, _v, t in rows if i == indicator and t is not None), default)


def level_kinds(state):
    """The measures the wizard can propose at the state's level, from the layers and fields given."""
    layers, fields = state.layers, state.fields
    kinds = []
    if state.level == "detailed" and fields.get("green_ratio_field") and state.values.get("daily_rainfall"):
        kinds.append(recheck.LID)
    if layers.get("facilities") is not None and fields.get("facility_type_field") and layers.get("buildings"):
        kinds.append(recheck.FACILITIES)
    # new shelters go on the green spaces of a master plan, on the parcels of a detailed plan
    if layers.get("shelters") is not None and \
            layers.get("parcels" if state.level == "detailed" else "green_spaces") is not None:
        kinds.append(recheck.SHELTERS)
    if state.level == "detailed":
        return tuple(kinds)
    if layers.get("buildings") is not None:
        kinds.append(recheck.CARBON)
    return tuple(kinds)


def tables_in(gpkg):
    """Names of the tables of a GeoPackage (empty where there is none yet)."""
    if not os.path.exists(gpkg):
        return []
    with sqlite3.connect(gpkg) as db:
        return [row[0] for row in db.execute("SELECT table_name FROM gpkg_contents")]


def kinds_made(gpkg):
    """The measures the first round proposed, from the tables it wrote."""
    tables = tables_in(gpkg)
    found = [recheck.LID] if LID_TABLE in tables else []
    if any(t.startswith(SITES_PREFIX) and t != SITES_PREFIX + "shelter" for t in tables):
        found.append(recheck.FACILITIES)
    if SITES_PREFIX + "shelter" in tables:
        found.append(recheck.SHELTERS)
    if CARBON_BUILDINGS in tables:
        found.append(recheck.CARBON)
    return tuple(found)


def judged(rows, *indicators):
    """An expression selecting the features of the check layer that one of the rules on ``indicators`` judges
    (its r_ field is not NULL); "" where no rule reads them."""
    names = dict(zip([r for r, _i, _v, _t in rows], profiles.rule_field_names([r for r, _i, _v, _t in rows])))
    fields = [names[r] for r, i, _v, _t in rows if i in indicators]
    return " OR ".join(f'"{name}" IS NOT NULL' for name in fields)


def lacking_types(layer, target, rows_of_units=None):
    """Life-circle facility types (pct_<type> fields of the check) below ``target`` % in a unit with residents."""
    if layer is None:
        return []
    names = [n for n in layer.fields().names() if n.startswith("pct_")]
    lacking = set()
    for feature in rows_of_units if rows_of_units is not None else layer.getFeatures():
        if not (_number(feature["pop"]) or 0) > 0:
            continue
        for name in names:
            value = _number(feature[name])
            if value is not None and value < target - 1e-9:
                lacking.add(name[len("pct_"):])
    return [n[len("pct_"):] for n in names if n[len("pct_"):] in lacking]


def measure_steps(state, gpkg, kinds, first, values):
    """The steps that propose the measures (round one only: later rounds apply them as edited), and the
    tables apply_measures reads: {"lid": uri, "sites": [uri], "carbon": uri}. ``values``: the targets
    taken from the rule table and the facility types lacking."""
    layers, fields = state.layers, state.fields
    lid_params = {param: fields.get(name) or None for name, param, _total in LID_FIELDS}
    steps, tables = [], {}
    lid = recheck.LID in kinds
    if lid:
        tables["lid"] = saving.layer_uri(gpkg, LID_TABLE)
        if first:
            rain = state.values.get("daily_rainfall")
            steps.append(("size_lid", "lcr:size_lid", lambda _d: {
                "INPUT": layers["parcels"].id(), "GREEN_RATIO_FIELD": fields["green_ratio_field"],
                **({"DAILY_RAINFALL": rain, "TARGET_CONTROL_RATE": values["ctrl_rate"]} if rain
                   else {"DESIGN_RAINFALL_MM": state.values.get("design_rainfall_mm") or 25.0}),
                **lid_params, "BUILDINGS": layers["buildings"].id() if layers.get("buildings") else None,
                "OUTPUT": saving.sink(gpkg, LID_TABLE)}))
    site_types = (list(values.get("types", [])) if recheck.FACILITIES in kinds else []) + \
        (["shelter"] if recheck.SHELTERS in kinds else [])
    if not first:
        site_types = [t[len(SITES_PREFIX):] for t in tables_in(gpkg) if t.startswith(SITES_PREFIX)]
    tables["sites"] = [saving.layer_uri(gpkg, SITES_PREFIX + t) for t in site_types]
    if first:
        if state.level == "detailed" and site_types:
            steps += _detailed_sites(state, values, "shelter" in site_types, any(t != "shelter" for t in site_types))
        for kind in site_types:
            steps.append((f"site_{kind}", "lcr:site_facilities", _site(state, gpkg, kind, values)))
    if recheck.CARBON in kinds:
        tables["carbon"] = saving.layer_uri(gpkg, CARBON_BUILDINGS)
        steps.append(("bid", "native:fieldcalculator", lambda _d: {
            "INPUT": layers["buildings"].id(), "FIELD_NAME": BUILDING_ID, "FIELD_TYPE": 1, "FIELD_LENGTH": 0,
            "FIELD_PRECISION": 0, "FORMULA": "$id", "OUTPUT": "TEMPORARY_OUTPUT"}))
        if first:
            steps += _carbon(state, gpkg, values)
    return steps, tables


def site_outcomes(done, gpkg):
    """Per siting run (done step site_<type>): (type, sites proposed, target %, units with residents, units where
    no eligible site reaches the target (max_pct below it), units below the target after the sites), from the
    coverage table the run wrote."""
    found = []
    for key, (_params, results) in done.items():
        if not key.startswith("site_"):
            continue
        kind = key[len("site_"):]
        with sqlite3.connect(gpkg) as db:
            rows = db.execute(f'SELECT target_pct, max_pct, cov_after FROM "{COVERAGE_PREFIX + kind}" '
                              "WHERE pop > 0").fetchall()
        target = rows[0][0] if rows else None
        short = sum(1 for t, most, _after in rows if most is not None and most < t - 1e-6)
        below = sum(1 for t, _most, after in rows if after is not None and after < t - 1e-6)
        found.append((kind, int(results.get("SITES_PROPOSED") or 0), target, len(rows), short, below))
    return found


def _detailed_sites(state, values, shelters, facilities):
    """The parcels each detailed rule judges (the units of its siting), the parcels out of the flood zones (where
    new shelters may go) and the shelters out of them (the check leaves flooded shelters out), from the check."""
    check, layers = state.outputs["check:planning_check"], state.layers

    def extract(expression):
        return lambda _d: {"INPUT": check, "EXPRESSION": expression, "OUTPUT": "TEMPORARY_OUTPUT"}
    steps = [("lc_parcels", "native:extractbyexpression", extract(values["lc_judged"]))] if facilities else []
    if shelters:
        steps += [("shelter_parcels", "native:extractbyexpression", extract(values["shelter_judged"])),
                  ("dry_parcels", "native:extractbyexpression", extract('coalesce("exposed", 0) = 0'))]
        if layers.get("flood_zones") is not None:
            steps.append(("dry_shelters", "native:extractbylocation", lambda _d: {
                "INPUT": layers["shelters"].id(), "PREDICATE": [2], "INTERSECT": layers["flood_zones"].id(),
                "OUTPUT": "TEMPORARY_OUTPUT"}))
    return steps


def _detailed_site(state, kind, values, done, common):
    """site_facilities for a detailed rule: every resident of the judged parcels reaching each type lacking
    (buildings as homes, parcels of eligible land use as candidates), or every judged parcel within the rule's
    distance of a shelter (parcels as homes, each counting one whatever its residents: the rule judges each
    parcel's walk; capacity does not bind it)."""
    layers, fields = state.layers, state.fields
    landuse = fields.get("landuse_field") or None
    if kind == "shelter":
        parcels = done["shelter_parcels"][1]["OUTPUT"]
        existing = done["dry_shelters"][1]["OUTPUT"] if "dry_shelters" in done else layers["shelters"].id()
        return {**common, "INPUT": parcels, "POPULATION_FIELD": None, "UNITS": parcels, "TARGET_PCT": 100,
                "CANDIDATES": done["dry_parcels"][1]["OUTPUT"], "LANDUSE_FIELD": landuse, "FACILITIES": existing,
                "SHELTER_CAPACITY": False, "DISTANCE": values["shelter_m"]}
    return {**common, "UNITS": done["lc_parcels"][1]["OUTPUT"], "CANDIDATES": layers["parcels"].id(),
            "LANDUSE_FIELD": landuse, "FACILITIES": layers["facilities"].id(),
            "FACILITY_TYPE_FIELD": fields["facility_type_field"], "TARGET_PCT": values["type_pct"]}


def _site(state, gpkg, kind, values):
    layers, fields = state.layers, state.fields
    shelter = kind == "shelter"

    def make(done):
        common = {"INPUT": layers["buildings"].id(), "POPULATION_FIELD": fields.get("residents_field") or None,
                  "FACILITY_TYPE": kind, "ROADS": layers["roads"].id() if layers.get("roads") else None,
                  "OUTPUT": saving.sink(gpkg, SITES_PREFIX + kind),
                  "UNITS_OUTPUT": saving.sink(gpkg, COVERAGE_PREFIX + kind)}
        if state.level == "detailed":
            return _detailed_site(state, kind, values, done, common)
        common["UNITS"] = layers["units"].id()
        if shelter:
            # every resident with a place where the green spaces within reach allow
            return {**common, "CANDIDATES": layers["green_spaces"].id(), "FACILITIES": layers["shelters"].id(),
                    "FACILITY_CAPACITY_FIELD": fields.get("shelter_capacity_field") or None,
                    "FACILITY_AREA_FIELD": fields.get("shelter_area_field") or None, "TARGET_PCT": 100}
        return {**common, "CANDIDATES": layers["buildings"].id(), "FACILITIES": layers["facilities"].id(),
                "FACILITY_TYPE_FIELD": fields["facility_type_field"], "TARGET_PCT": values["type_pct"]}
    return make


def _carbon(state, gpkg, values):
    """Building emissions and rooftop PV as the check computes them, the check's balance without PV, and the
    least-cost PV and retrofit closing each unit's gap."""
    fields, check = state.fields, state.outputs["check:planning_check"]
    grid = {"GRID_REGION": state.grid_region, "GRID_YEAR": state.grid_year or None}
    return [
        ("emissions", "lcr:building_emissions", lambda d: {
            "INPUT": d["bid"][1]["OUTPUT"], "FLOORS_FIELD": fields.get("floors_field") or None,
            "USE_FIELD": fields.get("use_field") or None, **grid, "OUTPUT": "TEMPORARY_OUTPUT"}),
        ("pv", "lcr:rooftop_pv", lambda d: {
            "INPUT": d["emissions"][1]["OUTPUT"], "ROOF_TYPE_FIELD": fields.get("roof_field") or None,
            "DEMAND_FIELD": "energy_kwh", **grid, "OUTPUT": "TEMPORARY_OUTPUT"}),
        ("balance", "lcr:carbon_balance", lambda d: {
            "INPUT": check, "BUILDINGS": d["pv"][1]["OUTPUT"], "PV_CO2_FIELD": "",
            "BUILDING_POPULATION_FIELD": fields.get("residents_field") or None, "TRANSPORT_FIELD": "trans_co2_t",
            "POPULATION_FIELD": "pop", "SINK_LAYER": check, "SEQUESTRATION_FIELD": "seq_co2_t",
            "TARGET_T_PER_CAPITA": values["net_t_cap"], "OUTPUT": "TEMPORARY_OUTPUT"}),
        ("carbon", "lcr:carbon_measures", lambda d: {
            "INPUT": d["balance"][1]["OUTPUT"], "BUILDINGS": d["pv"][1]["OUTPUT"],
            "USE_FIELD": fields.get("use_field") or None, "OUTPUT": saving.sink(gpkg, CARBON_TABLE),
            "BUILDINGS_OUTPUT": saving.sink(gpkg, CARBON_BUILDINGS)}),
    ]


def apply_step(state, plan, gpkg, kinds, tables, tail):
    """lcr:apply_measures with every measure proposed; its outputs in the measures GeoPackage."""
    layers, fields = state.layers, state.fields

    def make(done):
        params = {}
        if recheck.LID in kinds:
            params.update({"PARCELS": layers["parcels"].id(), "PARCEL_ID_FIELD": fields[plan.unit_id],
                           **{param: fields.get(name) or None for name, param, _total in LID_FIELDS},
                           "LID": tables["lid"], "PARCELS_OUTPUT": saving.sink(gpkg, f"parcels_after{tail}")})
        if tables.get("sites"):
            params["SITES"] = tables["sites"]
            if any(not uri.endswith(SITES_PREFIX + "shelter") for uri in tables["sites"]):
                params.update({"FACILITIES": layers["facilities"].id(),
                               "FACILITY_TYPE_FIELD": fields.get("facility_type_field") or None,
                               "FACILITIES_OUTPUT": saving.sink(gpkg, f"facilities_after{tail}")})
            if any(uri.endswith(SITES_PREFIX + "shelter") for uri in tables["sites"]):
                params.update({"SHELTERS": layers["shelters"].id(),
                               "SHELTER_CAPACITY_FIELD": fields.get("shelter_capacity_field") or None,
                               "SHELTER_AREA_FIELD": fields.get("shelter_area_field") or None,
                               "SHELTER_TYPE_FIELD": fields.get("shelter_type_field") or None,
                               "SHELTERS_OUTPUT": saving.sink(gpkg, f"shelters_after{tail}")})
        if recheck.CARBON in kinds:
            params.update({"BUILDINGS": done["bid"][1]["OUTPUT"], "BUILDING_ID_FIELD": BUILDING_ID,
                           "BUILDING_MEASURES": tables["carbon"],
                           "BUILDINGS_OUTPUT": saving.sink(gpkg, f"buildings_after{tail}")})
        return params
    return make


def check_inputs(done, kinds):
    """The plan check's parameters that take the layers with the measures (and the fields holding them)."""
    applied = done["apply"][1]
    params = {}
    for output, param in (("PARCELS_OUTPUT", "parcels"), ("FACILITIES_OUTPUT", "facilities"),
                          ("SHELTERS_OUTPUT", "shelters"), ("BUILDINGS_OUTPUT", "buildings")):
        if applied.get(output):
            params[param] = applied[output]
    if recheck.CARBON in kinds and applied.get("BUILDINGS_OUTPUT"):
        params.update(co2_field="co2_after_t", pv_field="pv_t")
    return params
