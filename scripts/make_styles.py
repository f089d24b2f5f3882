"""Write the QML styles in resources/styles/ from PyQGIS renderers, so they stay valid QGIS XML.

Run: .venv/bin/python scripts/make_styles.py (headless). Labels are numbers and units, which read
the same in every language, or English words: those are translation keys, listed in
algorithms/styles.py, which translates them when a style is applied.
"""
import os
import re
import sys

import qgis_session
from qgis.core import (
    QgsCentroidFillSymbolLayer,
    QgsFillSymbol,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsGraduatedSymbolRenderer,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSimpleFillSymbolLayer,
    QgsVectorLayer,
)

STYLES = os.path.join(qgis_session.REPO, "resources", "styles")

# kgCO2 per m² of floor area a year: residential ~18, office ~46, commercial ~82 with the shipped table.
CO2_INTENSITY = [(0, 20, "#ffffb2"), (20, 40, "#fecc5c"), (40, 60, "#fd8d3c"), (60, 80, "#f03b20"),
                 (80, 10000, "#bd0026")]
# Water depth classes (m): ankle, knee, waist, chest, above.
DEPTH = [(0.0, 0.15, "#c6dbef"), (0.15, 0.5, "#6baed6"), (0.5, 1.0, "#2171b5"), (1.0, 2.0, "#08519c"),
         (2.0, None, "#08306b")]


def fill(color):
    return QgsFillSymbol.createSimple({"color": color, "outline_color": "#505050", "outline_width": "0.1"})


def co2_style(layer):
    ranges = []
    for low, high, color in CO2_INTENSITY:
        label = f"≥ {low} kgCO₂/m²·a" if high >= 10000 else f"{low}–{high} kgCO₂/m²·a"
        ranges.append(QgsRendererRange(low, high, fill(color), label))
    renderer = QgsGraduatedSymbolRenderer('"co2_t_yr" * 1000 / nullif("gfa_m2", 0)', ranges)
    layer.setRenderer(renderer)


def depth_style(layer):
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(fill("#e0e0e0"), 0, 0, '"depth_m" IS NULL OR "depth_m" <= 0',
                                               "Not flooded"))
    for low, high, color in DEPTH:
        if high is None:
            expression, label = f'"depth_m" > {low}', f"> {low} m"
        else:
            expression, label = f'"depth_m" > {low} AND "depth_m" <= {high}', f"{low}–{high} m"
        root.appendChild(QgsRuleBasedRenderer.Rule(fill(color), 0, 0, expression, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))


# Land-use entropy classes (0 = one use, 1 = K uses in equal shares); no unit.
ENTROPY = [(0.0, 0.2, "#f7fcf0"), (0.2, 0.4, "#ccebc5"), (0.4, 0.6, "#7bccc4"), (0.6, 0.8, "#2b8cbe"),
           (0.8, None, "#084081")]
# Net CO2 per hectare of planning unit, t/ha·a: below 0 = net sink; a dense centre reaches several hundred.
NET_PER_HA = [(None, 0, "#1a9641"), (0, 50, "#ffffbf"), (50, 100, "#fee08b"), (100, 200, "#fdae61"),
              (200, 400, "#f46d43"), (400, None, "#a50026")]


def classes_style(layer, field, classes, unit, null_label="No data"):
    """Rule-based classes on ``field``: (low, high, colour), None for an open end; NULL in grey."""
    expression_classes_style(layer, f'"{field}"', classes, unit, null_label)


def land_use_mix_style(layer):
    classes_style(layer, "lum_entropy", ENTROPY, "")


def carbon_balance_style(layer):
    classes_style(layer, "net_t_ha", NET_PER_HA, " tCO₂/ha·a")


# Rooftop PV yield per building, MWh/a: a 150 m² pitched roof gives ~15, a large factory roof several hundred.
PV_MWH = [(None, 5, "#fff7bc"), (5, 10, "#fee391"), (10, 25, "#fec44f"), (25, 50, "#fe9929"), (50, 100, "#ec7014"),
          (100, None, "#993404")]
# Residents' transport CO2 per hectare of zone, t/ha·a: ~70 in a dense residential unit, < 10 in a village.
TRANSPORT_PER_HA = [(None, 10, "#fef0d9"), (10, 25, "#fdd49e"), (25, 50, "#fdbb84"), (50, 100, "#e34a33"),
                    (100, None, "#b30000")]


def expression_classes_style(layer, expression, classes, unit, null_label="No data"):
    """Rule-based classes on an expression: (low, high, colour), None for an open end; NULL in grey."""
    term = expression if re.fullmatch(r'"[^"]+"', expression) else f"({expression})"
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(fill("#e0e0e0"), 0, 0, f"{term} IS NULL", null_label))
    for low, high, color in classes:
        if low is None:
            rule, label = f"{term} < {high}", f"< {high}{unit}"
        elif high is None:
            rule, label = f"{term} >= {low}", f"≥ {low}{unit}"
        else:
            rule, label = f"{term} >= {low} AND {term} < {high}", f"{low}–{high}{unit}"
        root.appendChild(QgsRuleBasedRenderer.Rule(fill(color), 0, 0, rule, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def rooftop_pv_style(layer):
    expression_classes_style(layer, '"pv_kwh_yr" / 1000', PV_MWH, " MWh/a")


def transport_emissions_style(layer):
    classes_style(layer, "co2_t_ha", TRANSPORT_PER_HA, " tCO₂/ha·a")


# Carbon density of land cover, t C/ha (stock / area): sealed ground ~15–30, cropland and parks ~100, trees ~180.
CARBON_DENSITY = [(None, 10, "#f7fcf5"), (10, 30, "#e5f5e0"), (30, 60, "#c7e9c0"), (60, 100, "#74c476"),
                  (100, 150, "#31a354"), (150, None, "#006d2c")]


def carbon_stock_style(layer):
    expression_classes_style(layer, '"c_stock_t" / nullif("area_ha", 0)', CARBON_DENSITY, " tC/ha")


# Walking distance to the nearest rail station, m: 800 m is the rail-coverage indicator's radius.
WALK_M = [(0, 400, "#1a9850"), (400, 800, "#91cf60"), (800, 1200, "#fee08b"), (1200, 2000, "#fc8d59"),
          (2000, None, "#d73027")]
# Share of residents within walking distance of rail, %.
COVERAGE_PCT = [(0, 20, "#f1eef6"), (20, 40, "#bdc9e1"), (40, 60, "#74a9cf"), (60, 80, "#2b8cbe"),
                (80, None, "#045a8d")]


def transit_coverage_style(layer):
    classes_style(layer, "rail_m", WALK_M, " m", "No rail station reachable")


def transit_coverage_units_style(layer):
    classes_style(layer, "rail_pct", COVERAGE_PCT, " %")


# Rooftop PV yield as a share of the buildings' demand, %: the profiles ask for 10–30 %.
PV_SHARE_PCT = [(None, 10, "#fff7bc"), (10, 15, "#fee391"), (15, 20, "#fec44f"), (20, 30, "#fe9929"),
                (30, None, "#cc4c02")]


def zone_pv_share_style(layer):
    expression_classes_style(layer, '100 * "pv_share"', PV_SHARE_PCT, " %")


# Share of the residents living within a park's service radius, %: the master-plan target is above 80 %.
def park_supply_style(layer):
    classes_style(layer, "park_cov_pct", COVERAGE_PCT, " %")


# Park green within walking distance of a parcel, ha: the whole district's parks are about 120 ha.
REACH_GREEN_HA = [(None, 1, "#f7fcf5"), (1, 5, "#c7e9c0"), (5, 10, "#74c476"), (10, 20, "#31a354"),
                  (20, None, "#006d2c")]


def public_green_reach_style(layer):
    expression_classes_style(layer, '"reach_green_m2" / 10000', REACH_GREEN_HA, " ha")


# Fixed-shelter capacity per 100 residents, %: 15 % is the general code's floor, 20–30 % Guangdong's range.
SHELTER_CAP_PCT = [(None, 5, "#d7191c"), (5, 15, "#fdae61"), (15, 30, "#a6d96a"), (30, None, "#1a9641")]


def shelter_capacity_style(layer):
    classes_style(layer, "shelter_cap_pct", SHELTER_CAP_PCT, " %")


# Impervious share of the land cover, %: the master-plan placeholder cap is 60 %.
IMPERVIOUS_PCT = [(None, 20, "#1a9641"), (20, 40, "#a6d96a"), (40, 60, "#ffffbf"), (60, 80, "#fdae61"),
                  (80, None, "#d7191c")]


def land_cover_shares_style(layer):
    classes_style(layer, "impervious_pct", IMPERVIOUS_PCT, " %")


# Composite resilience index, 0–1 (min-max or target normalisation); no unit. Red = least resilient.
RES_INDEX = [(None, 0.2, "#d7191c"), (0.2, 0.4, "#fdae61"), (0.4, 0.6, "#ffffbf"), (0.6, 0.8, "#a6d96a"),
             (0.8, None, "#1a9641")]


def resilience_index_style(layer):
    classes_style(layer, "res_index", RES_INDEX, "")


# Event runoff depth, mm (design storm 100 mm, soil C): woods ~33, lawn ~39, built-up ~83, paved ~94, water 100.
RUNOFF_MM = [(None, 10, "#f7fbff"), (10, 30, "#c6dbef"), (30, 50, "#6baed6"), (50, 70, "#3182bd"),
             (70, 90, "#08519c"), (90, None, "#08306b")]


def stormwater_runoff_style(layer):
    classes_style(layer, "runoff_mm", RUNOFF_MM, " mm")

# LID storage provided as a share of the storage the design rainfall needs, %: ≥ 100 % meets the target.
SPONGE_PCT = [(None, 25, "#d7191c"), (25, 50, "#fdae61"), (50, 100, "#ffffbf"), (100, None, "#1a9641")]


def sponge_capture_style(layer):
    expression_classes_style(layer, '100 * "provided_m3" / nullif("need_m3", 0)', SPONGE_PCT, " %")


# Life-circle completeness: share of facility types reached (0–1), and % of residents reaching every type.
LC_SCORE = [(None, 0.5, "#d7191c"), (0.5, 0.75, "#fdae61"), (0.75, 1.0, "#a6d96a"), (1.0, None, "#1a9641")]
LC_FULL_PCT = [(None, 25, "#d7191c"), (25, 50, "#fdae61"), (50, 75, "#ffffbf"), (75, 90, "#a6d96a"),
               (90, None, "#1a9641")]


def life_circle_style(layer):
    classes_style(layer, "lc_score", LC_SCORE, "")


def life_circle_units_style(layer):
    classes_style(layer, "full_pct", LC_FULL_PCT, " %")


# Effective mesh size per planning unit, ha: < 1 ha finely cut urban habitat, > 50 ha large undissected habitat.
MESH_HA = [(None, 1, "#d7191c"), (1, 5, "#fdae61"), (5, 20, "#ffffbf"), (20, 50, "#a6d96a"), (50, None, "#1a9641")]


def habitat_fragmentation_style(layer):
    classes_style(layer, "mesh_ha", MESH_HA, " ha")

# Distance to the nearest usable emergency shelter, m: 500 m is the emergency shelter radius.
SHELTER_M = [(0, 250, "#1a9850"), (250, 500, "#91cf60"), (500, 1000, "#fee08b"), (1000, 2000, "#fc8d59"),
             (2000, None, "#d73027")]
# Shelter load, % of capacity; flooded shelters drawn as blue squares.
SHELTER_LOAD = [(None, 50, "#1a9641"), (50, 90, "#fdae61"), (90, None, "#d7191c")]


def shelter_coverage_style(layer):
    """Buildings by shelter_m; also writes shelter_coverage_shelters.qml for the shelter points."""
    from qgis.core import QgsMarkerSymbol
    classes_style(layer, "shelter_m", SHELTER_M, " m", "No usable shelter reachable")
    points = QgsVectorLayer("Point?crs=EPSG:4549&field=load_pct:double&field=flooded:integer",
                            "shelter_coverage_shelters", "memory")
    root = QgsRuleBasedRenderer.Rule(None)

    def marker(color, shape="circle"):
        return QgsMarkerSymbol.createSimple({"name": shape, "color": color, "size": "3.5",
                                             "outline_color": "#202020"})
    root.appendChild(QgsRuleBasedRenderer.Rule(marker("#2171b5", "square"), 0, 0, '"flooded" = 1',
                                               "In a flood zone"))
    root.appendChild(QgsRuleBasedRenderer.Rule(marker("#bdbdbd"), 0, 0,
                                               '"flooded" = 0 AND "load_pct" IS NULL', "No capacity"))
    for low, high, color in SHELTER_LOAD:
        if low is None:
            rule, label = f'"load_pct" < {high}', f"< {high} %"
        elif high is None:
            rule, label = f'"load_pct" >= {low}', f"≥ {low} %"
        else:
            rule, label = f'"load_pct" >= {low} AND "load_pct" < {high}', f"{low}–{high} %"
        root.appendChild(QgsRuleBasedRenderer.Rule(marker(color), 0, 0, f'"flooded" = 0 AND {rule}', label))
    points.setRenderer(QgsRuleBasedRenderer(root))
    message, ok = points.saveNamedStyle(os.path.join(STYLES, "shelter_coverage_shelters.qml"))
    if not ok:
        sys.exit(f"shelter_coverage_shelters: {message}")


# Proposed sites by rank (1 = brings the most residents within reach): the first few drawn largest. Gold with a
# black rim: the check's verdicts under them are reds, green and blue, on which red stars were lost.
SITE_RANKS = [(1, 3, "#ffd92f", "5"), (4, 10, "#ffd92f", "4"), (11, None, "#fff3a8", "3")]


def site_facilities_style(layer):
    """Units by cov_after (% of residents within reach after the proposed sites); also writes
    site_facilities.qml for the proposed sites (stars by rank)."""
    from qgis.core import QgsMarkerSymbol
    classes_style(layer, "cov_after", LC_FULL_PCT, " %")
    points = QgsVectorLayer("Point?crs=EPSG:4549&field=rank:integer&field=new_pop:double", "site_facilities",
                            "memory")
    root = QgsRuleBasedRenderer.Rule(None)
    for low, high, color, size in SITE_RANKS:
        symbol = QgsMarkerSymbol.createSimple({"name": "star", "color": color, "size": size,
                                               "outline_color": "#000000", "outline_width": "0.3"})
        rule, label = (f'"rank" >= {low}', f"> {low - 1}") if high is None else \
            (f'"rank" >= {low} AND "rank" <= {high}', f"{low}–{high}")
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, rule, label))
    points.setRenderer(QgsRuleBasedRenderer(root))
    message, ok = points.saveNamedStyle(os.path.join(STYLES, "site_facilities.qml"))
    if not ok:
        sys.exit(f"site_facilities: {message}")


# LID storage to add, as a depth over the parcel (field add_mm, from the area in metres); parcels short of room in red.
LID_ADDED_MM = [(0, 5, "#deebf7"), (5, 10, "#9ecae1"), (10, 20, "#4292c6"), (20, None, "#084594")]


def size_lid_style(layer):
    """Parcels by LID storage to add per m² of parcel; those that cannot reach the target on site in red."""
    expression_classes_style(layer, '"add_mm"', LID_ADDED_MM, " mm")
    root = layer.renderer().rootRule()
    short = QgsRuleBasedRenderer.Rule(fill("#d7191c"), 0, 0, '"on_site" = 0', "Cannot reach the target on site")
    root.insertChild(0, short)
    for rule in root.children()[1:]:
        rule.setFilterExpression(f'coalesce("on_site", 1) = 1 AND ({rule.filterExpression()})')


# CO2 the proposed measures cut per unit, t/a; units left over target in red, units already under it in green.
CUT_T = [(0, 1000, "#fff5eb"), (1000, 5000, "#fdbe85"), (5000, 20000, "#fd8d3c"), (20000, None, "#d94701")]


def carbon_measures_style(layer):
    """Units by the CO2 the measures cut; those no mix brings to target in red, those under target in green."""
    expression_classes_style(layer, 'coalesce("pv_t", 0) + coalesce("retro_t", 0) + coalesce("green_t", 0)', CUT_T,
                             " tCO₂/a")
    root = layer.renderer().rootRule()
    for rule in root.children():
        rule.setFilterExpression(f'coalesce("closes", 1) = 1 AND coalesce("gap_t", 0) > 0 AND ({rule.filterExpression()})')
    root.insertChild(0, QgsRuleBasedRenderer.Rule(fill("#1a9641"), 0, 0, 'coalesce("gap_t", 0) <= 0',
                                                  "Already at target"))
    root.insertChild(0, QgsRuleBasedRenderer.Rule(fill("#d7191c"), 0, 0, '"closes" = 0',
                                                  "Over target after every measure given"))


# Heat mitigation index per planning unit (0-1): built-up ~0.24, grass ~0.22, tree cover ~0.84 with the shipped table.
HM_INDEX = [(None, 0.2, "#d7191c"), (0.2, 0.3, "#fdae61"), (0.3, 0.4, "#ffffbf"), (0.4, 0.6, "#abd9e9"),
            (0.6, None, "#2c7bb6")]


def urban_cooling_style(layer):
    classes_style(layer, "hm_mean", HM_INDEX, " HM")


# Quadrants of the low-carbon × resilience synergy ("quadrant" holds the code; high = at or above the threshold),
# drawn as a marker at each unit's centre over its outline, no fill: loaded with the planning check, the
# verdict's fill stays visible under it. Shapes tell the quadrants apart in greyscale print; a white rim
# keeps each marker readable on any verdict colour.
SYNERGY_QUADRANTS = [("win_win", "Win-win: both scores high", "#1a9641", "circle"),
                     ("low_carbon_only", "Low-carbon only", "#a6d96a", "triangle"),
                     ("resilience_only", "Resilience only", "#2c7bb6", "square"),
                     ("neither", "Neither: both scores low", "#252525", "diamond")]


def quadrant_symbol(color, shape):
    marker = QgsMarkerSymbol.createSimple({"name": shape, "color": color, "outline_color": "#ffffff",
                                           "outline_width": "0.5", "size": "4.2"})
    centre = QgsCentroidFillSymbolLayer()
    centre.setSubSymbol(marker)
    centre.setPointOnSurface(True)
    symbol = outline_only()
    symbol.appendSymbolLayer(centre)
    return symbol


def outline_only():
    return QgsFillSymbol.createSimple({"style": "no", "outline_color": "#8c8c8c", "outline_width": "0.3"})


def synergy_style(layer):
    root = QgsRuleBasedRenderer.Rule(None)
    for code, label, color, shape in SYNERGY_QUADRANTS:
        root.appendChild(QgsRuleBasedRenderer.Rule(quadrant_symbol(color, shape), 0, 0, f"\"quadrant\" = '{code}'",
                                                   label))
    root.appendChild(QgsRuleBasedRenderer.Rule(outline_only(), 0, 0, '"quadrant" IS NULL', "No score"))
    layer.setRenderer(QgsRuleBasedRenderer(root))


# Planning check verdict per unit or parcel, the one lcr:planning_check writes (core.profiles.
# unit_verdict), as the wizard and the report read it. Failing units are shaded by how many rules
# they fail, as in a detailed plan nearly every parcel fails one; a unit without a failure but with
# too few rules assessed has its own colour, never the pass green. Lightness falls with every rule
# failed (grey values 32, 78, 146 against 193 for a pass and 240 for not assessed), so the verdicts
# stay apart in greyscale print and for red-green colour blindness; too few rules assessed (grey 128)
# is hatched white as well. core/report.py colours the report's map alike.
CHECK_VERDICTS = [
    ('coalesce("n_fail", 0) >= 3', "Fails 3 rules or more", "#67000d"),
    ('coalesce("n_fail", 0) = 2', "Fails 2 rules", "#cb181d"),
    ('coalesce("n_fail", 0) = 1', "Fails 1 rule", "#fb6a4a"),
    ('coalesce("n_fail", 0) = 0 AND "verdict" = \'pass\'', "Passes every rule assessed", "#a1d99b"),
    ('coalesce("n_fail", 0) = 0 AND "verdict" = \'insufficient_data\'', "Insufficient data: too few rules assessed",
     "#4292c6"),
    ('coalesce("n_fail", 0) = 0 AND coalesce("verdict", \'not_assessed\') = \'not_assessed\'', "Not assessed",
     "#f0f0f0"),
]


def planning_check_style(layer):
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, label, color in CHECK_VERDICTS:
        # A mid-grey outline shows between two dark units as between two light ones.
        symbol = QgsFillSymbol.createSimple({"color": color, "outline_color": "#8c8c8c", "outline_width": "0.3"})
        if label.startswith("Insufficient"):
            hatch = QgsLinePatternFillSymbolLayer()
            hatch.setLineAngle(45)
            hatch.setDistance(1.6)
            hatch.setSubSymbol(QgsLineSymbol.createSimple({"color": "#ffffff", "width": "0.3"}))
            symbol.appendSymbolLayer(hatch)
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))


# Verdicts the proposed measures changed (lcr:compare_checks, one feature per unit and rule changed), drawn
# over the check it compares: outlines only, so the verdict's fill shows through. Blue and orange stay apart
# for red-green colour blindness; the line style (solid, dashed, dotted) tells them apart in greyscale.
CHANGED_VERDICTS = [("\"after\" = 'pass'", "Now passes with the measures", "#0571b0", "solid"),
                    ("\"after\" = 'fail'", "Now fails with the measures", "#e66101", "dash"),
                    ("coalesce(\"after\", '') NOT IN ('pass', 'fail')", "Now not assessed", "#636363", "dot")]


def changed_verdicts_style(layer):
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, label, color, line in CHANGED_VERDICTS:
        # a white rim under the line keeps it readable on every verdict colour and on the measures' fills
        symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": "#ffffff", "outline_width": "1.5"})
        symbol.appendSymbolLayer(QgsSimpleFillSymbolLayer.create({"style": "no", "outline_color": color,
                                                                  "outline_width": "0.9", "outline_style": line}))
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def main():
    qgis_session.start(register_provider=False)
    for name, fields, apply in [
        ("building_emissions", "field=gfa_m2:double&field=co2_t_yr:double", co2_style),
        ("flood_exposure", "field=depth_m:double&field=exposed:integer", depth_style),
        ("land_use_mix", "field=lum_entropy:double&field=lum_k:integer", land_use_mix_style),
        ("carbon_balance", "field=net_co2_t:double&field=net_t_ha:double", carbon_balance_style),
        ("rooftop_pv", "field=pv_kwh_yr:double&field=pv_co2_t:double", rooftop_pv_style),
        ("transport_emissions", "field=co2_t_ha:double&field=green_share:double", transport_emissions_style),
        ("carbon_stock", "field=area_ha:double&field=c_stock_t:double", carbon_stock_style),
        ("transit_coverage", "field=rail_m:double&field=rail_cov:integer", transit_coverage_style),
        ("transit_coverage_units", "field=rail_pct:double&field=bus_pct:double", transit_coverage_units_style),
        ("resilience_index", "field=res_index:double&field=res_rank:integer", resilience_index_style),
        ("stormwater_runoff", "field=runoff_mm:double&field=runoff_m3:double", stormwater_runoff_style),
        ("sponge_capture", "field=need_m3:double&field=provided_m3:double", sponge_capture_style),
        ("life_circle", "field=lc_score:double&field=lc_missing:string", life_circle_style),
        ("life_circle_units", "field=full_pct:double&field=pop_full:double", life_circle_units_style),
        ("habitat_fragmentation", "field=mesh_ha:double&field=hq_mean:double", habitat_fragmentation_style),
        ("shelter_coverage", "field=shelter_m:double&field=unplaced:double", shelter_coverage_style),
        ("urban_cooling", "field=hm_mean:double&field=t_air_mean:double", urban_cooling_style),
        ("synergy", "field=coord_d:double&field=quadrant:string", synergy_style),
        ("planning_check", "field=score:double&field=n_pass:integer&field=n_fail:integer&field=verdict:string",
         planning_check_style),
        ("park_supply", "field=park_green_m2_pc:double&field=park_cov_pct:double", park_supply_style),
        ("public_green_reach", "field=reach_green_m2:double&field=pub_green_m2_pc:double", public_green_reach_style),
        ("shelter_capacity", "field=fixed_cap:double&field=shelter_cap_pct:double", shelter_capacity_style),
        ("land_cover_shares", "field=impervious_pct:double&field=retention:double", land_cover_shares_style),
        ("zone_pv_share", "field=pv_kwh_yr:double&field=pv_share:double", zone_pv_share_style),
        ("site_facilities_units", "field=cov_before:double&field=cov_after:double", site_facilities_style),
        ("changed_verdicts", "field=rule_id:string&field=before:string&field=after:string", changed_verdicts_style),
        ("size_lid", "field=add_mm:double&field=on_site:integer", size_lid_style),
        ("carbon_measures", "field=gap_t:double&field=pv_t:double&field=retro_t:double&field=green_t:double"
                            "&field=closes:integer", carbon_measures_style),
    ]:
        layer = QgsVectorLayer(f"Polygon?crs=EPSG:4549&{fields}", name, "memory")
        apply(layer)
        message, ok = layer.saveNamedStyle(os.path.join(STYLES, f"{name}.qml"))
        if not ok:
            sys.exit(f"{name}: {message}")


if __name__ == "__main__":
    main()
