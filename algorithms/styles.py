"""Styling a result layer: the QML of resources/styles, with its legend labels in the user's language.

The QML files keep English labels; those are the translation keys. Labels made of numbers and
units only ("0.25–0.5", "20–40 kgCO₂/m²·a") read the same in every language and stay as written.
"""
import os

from qgis.core import (
    QgsApplication,
    QgsLayerTreeGroup,
    QgsPalLayerSettings,
    QgsRuleBasedRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from qgis.PyQt.QtGui import QColor

from ..ui.field_guess import guess_field

STYLE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "resources", "styles")


# Marked for pylupdate5 here, translated when a style is applied (a translator may come later).
LABELS = (
    QT_TRANSLATE_NOOP("Legend", "No data"),
    QT_TRANSLATE_NOOP("Legend", "Not flooded"),
    QT_TRANSLATE_NOOP("Legend", "No rail station reachable"),
    QT_TRANSLATE_NOOP("Legend", "No usable shelter reachable"),
    QT_TRANSLATE_NOOP("Legend", "In a flood zone"),
    QT_TRANSLATE_NOOP("Legend", "No capacity"),
    QT_TRANSLATE_NOOP("Legend", "Win-win: both scores high"),
    QT_TRANSLATE_NOOP("Legend", "Low-carbon only"),
    QT_TRANSLATE_NOOP("Legend", "Resilience only"),
    QT_TRANSLATE_NOOP("Legend", "Neither: both scores low"),
    QT_TRANSLATE_NOOP("Legend", "No score"),
    QT_TRANSLATE_NOOP("Legend", "Fails 3 rules or more"),
    QT_TRANSLATE_NOOP("Legend", "Fails 2 rules"),
    QT_TRANSLATE_NOOP("Legend", "Fails 1 rule"),
    QT_TRANSLATE_NOOP("Legend", "Passes every rule assessed"),
    QT_TRANSLATE_NOOP("Legend", "Insufficient data: too few rules assessed"),
    QT_TRANSLATE_NOOP("Legend", "Not assessed"),
    QT_TRANSLATE_NOOP("Legend", "Cannot reach the target on site"),
    QT_TRANSLATE_NOOP("Legend", "Already at target"),
    QT_TRANSLATE_NOOP("Legend", "Over target after every measure given"),
    QT_TRANSLATE_NOOP("Legend", "Now passes with the measures"),
    QT_TRANSLATE_NOOP("Legend", "Now fails with the measures"),
    QT_TRANSLATE_NOOP("Legend", "Now not assessed"),
)


# What each style's classes measure, and in which unit: the legend's title (after the layer's name).
TITLES = {
    "building_emissions": QT_TRANSLATE_NOOP("Legend", "operational CO₂ per m² of floor area (kgCO₂/m²·a)"),
    "flood_exposure": QT_TRANSLATE_NOOP("Legend", "deepest flood water at the building (m)"),
    "land_use_mix": QT_TRANSLATE_NOOP("Legend", "land-use mix, entropy (0 = one use, 1 = even mix)"),
    "carbon_balance": QT_TRANSLATE_NOOP("Legend", "net CO₂ per hectare (tCO₂/ha·a)"),
    "rooftop_pv": QT_TRANSLATE_NOOP("Legend", "rooftop PV yield (MWh/a)"),
    "transport_emissions": QT_TRANSLATE_NOOP("Legend", "residents' transport CO₂ per hectare (tCO₂/ha·a)"),
    "carbon_stock": QT_TRANSLATE_NOOP("Legend", "carbon stored per hectare (tC/ha)"),
    "transit_coverage": QT_TRANSLATE_NOOP("Legend", "walking distance to the nearest rail station (m)"),
    "transit_coverage_units": QT_TRANSLATE_NOOP("Legend", "residents within walking distance of rail (%)"),
    "resilience_index": QT_TRANSLATE_NOOP("Legend", "resilience index (0–1)"),
    "stormwater_runoff": QT_TRANSLATE_NOOP("Legend", "design-storm runoff depth (mm)"),
    "sponge_capture": QT_TRANSLATE_NOOP("Legend", "storage provided as a share of storage needed (%)"),
    "life_circle": QT_TRANSLATE_NOOP("Legend", "life-circle completeness score (0–1)"),
    "life_circle_units": QT_TRANSLATE_NOOP("Legend", "residents with every facility type in reach (%)"),
    "habitat_fragmentation": QT_TRANSLATE_NOOP("Legend", "effective mesh size of habitat (ha)"),
    "shelter_coverage": QT_TRANSLATE_NOOP("Legend", "walking distance to the assigned shelter (m)"),
    "shelter_coverage_shelters": QT_TRANSLATE_NOOP("Legend", "shelter load, residents assigned per place (%)"),
    "urban_cooling": QT_TRANSLATE_NOOP("Legend", "heat mitigation index, mean of the unit (0–1)"),
    "synergy": QT_TRANSLATE_NOOP("Legend", "low-carbon × resilience quadrant (marker at the unit's centre)"),
    "planning_check": QT_TRANSLATE_NOOP("Legend", "verdict: rules failed per unit"),
    "park_supply": QT_TRANSLATE_NOOP("Legend", "residents within a park's service radius (%)"),
    "public_green_reach": QT_TRANSLATE_NOOP("Legend", "park area within 1 000 m walk (ha)"),
    "shelter_capacity": QT_TRANSLATE_NOOP("Legend", "fixed shelter places per 100 residents (%)"),
    "land_cover_shares": QT_TRANSLATE_NOOP("Legend", "impervious cover (%)"),
    "zone_pv_share": QT_TRANSLATE_NOOP("Legend", "rooftop PV as a share of the zone's energy demand (%)"),
    "site_facilities": QT_TRANSLATE_NOOP("Legend", "proposed site, by rank (1 = brings the most residents in reach)"),
    "site_facilities_units": QT_TRANSLATE_NOOP("Legend", "residents in reach after the proposed sites (%)"),
    "size_lid": QT_TRANSLATE_NOOP("Legend", "LID storage to add, as a depth over the parcel (mm)"),
    "carbon_measures": QT_TRANSLATE_NOOP("Legend", "CO₂ cut by the proposed measures (tCO₂/a)"),
    "changed_verdicts": QT_TRANSLATE_NOOP("Legend", "a rule's verdict the measures changed (outline)"),
}
# Styles of planning units or parcels: labelled with the unit's name. The synergy markers sit on the
# same units as the check, whose labels are enough.
UNIT_STYLES = {"planning_check", "carbon_balance", "land_use_mix", "transport_emissions", "transit_coverage_units",
               "resilience_index", "life_circle_units", "habitat_fragmentation", "urban_cooling", "park_supply",
               "public_green_reach", "shelter_capacity", "land_cover_shares", "zone_pv_share", "sponge_capture",
               "site_facilities_units", "size_lid", "carbon_measures"}
STYLE_PROPERTY = "lcr_toolkit/style"


def legend_title(style_name):
    """What the style's classes measure and their unit, in the current language ("" if none is written)."""
    title = TITLES.get(style_name, "")
    return QCoreApplication.translate("Legend", title) if title else ""


def titled_name(name, style_name):
    """The layer name a legend shows: "Flood exposure — deepest flood water at the building (m)"."""
    title = legend_title(style_name)
    return f"{name} — {title}" if title and title not in name else name


def label_field(layer):
    """The field naming each unit: a Chinese name in a Chinese QGIS, else the name, else the id."""
    names = layer.fields().names()
    chinese = QgsApplication.locale().lower().startswith("zh")
    roles = ("name_zh", "name", "unit_id", "parcel_id") if chinese else ("name", "unit_id", "parcel_id")
    return next((field for field in (guess_field(role, names) for role in roles) if field), None)


def label_units(layer):
    """Label each unit with its name, in dark text on a white halo, below its centre (where the synergy
    marker sits). False when the layer has no name or id field."""
    field = label_field(layer)
    if field is None:
        return False
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.quadOffset = QgsPalLayerSettings.QuadrantPosition.QuadrantBelow
    settings.yOffset = 1.5
    text = QgsTextFormat()
    text.setSize(8)
    text.setColor(QColor("#1a1a1a"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return True


def _order_project_of(layer):
    try:
        project = layer.project()
    except RuntimeError:   # the layer was deleted before the event loop came round
        return
    order_results(project)


def order_results(project):
    """Put each synergy layer (markers and outlines, no fill) directly above the planning-check layer
    it was loaded with in ``project``, so the verdict's fill shows under the markers and neither hides
    the other."""
    if project is None:
        return
    root = project.layerTreeRoot()
    for group in _groups(root):
        nodes = [child for child in group.children() if hasattr(child, "layer") and child.layer() is not None]
        checks = [n for n in nodes if n.layer().customProperty(STYLE_PROPERTY) == "planning_check"]
        synergies = [n for n in nodes if n.layer().customProperty(STYLE_PROPERTY) == "synergy"]
        if not checks or not synergies:
            continue
        top = min(group.children().index(n) for n in checks)
        for node in synergies:
            if group.children().index(node) > top:
                clone = node.clone()
                group.insertChildNode(top, clone)
                group.removeChildNode(node)


def _groups(group):
    yield group
    for child in group.children():
        if isinstance(child, QgsLayerTreeGroup):
            yield from _groups(child)


def legend_labels():
    """{English label as written in a QML: the label in the current language}, for every label with words."""
    return {label: QCoreApplication.translate("Legend", label) for label in LABELS}


def apply_style(layer, style_name):
    """Load resources/styles/<style_name>.qml into ``layer``, translate its rule labels and label the
    units of a unit-level style with their names.

    Returns False (and leaves the layer as it was) if the style cannot be loaded."""
    _message, ok = layer.loadNamedStyle(os.path.join(STYLE_DIR, f"{style_name}.qml"))
    if not ok:
        return ok
    layer.setCustomProperty(STYLE_PROPERTY, style_name)
    if style_name in UNIT_STYLES:
        label_units(layer)
    if style_name in ("planning_check", "synergy"):
        # Once the caller (the wizard, a script) has put the layers in the layer tree: synergy markers
        # above the check's fill.
        QTimer.singleShot(0, lambda: _order_project_of(layer))
    if not isinstance(layer.renderer(), QgsRuleBasedRenderer):
        return ok
    renderer = layer.renderer().clone()
    labels = legend_labels()
    for rule in renderer.rootRule().descendants():
        rule.setLabel(labels.get(rule.label(), rule.label()))
    # A new renderer, not an edit in place: the layer tree's legend only refreshes on rendererChanged.
    layer.setRenderer(renderer)
    return ok
