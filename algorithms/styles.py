"""Styling a result layer: the QML of resources/styles, with its legend labels in the user's language.

The QML files keep English labels; those are the translation keys. Labels made of numbers and
units only ("0.25–0.5", "20–40 kgCO₂/m²·a") read the same in every language and stay as written.
"""
import os

from qgis.core import QgsRuleBasedRenderer
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
)


def legend_labels():
    """{English label as written in a QML: the label in the current language}, for every label with words."""
    return {label: QCoreApplication.translate("Legend", label) for label in LABELS}


def apply_style(layer, style_name):
    """Load resources/styles/<style_name>.qml into ``layer`` and translate its rule labels.

    Returns False (and leaves the layer as it was) if the style cannot be loaded."""
    _message, ok = layer.loadNamedStyle(os.path.join(STYLE_DIR, f"{style_name}.qml"))
    if not ok or not isinstance(layer.renderer(), QgsRuleBasedRenderer):
        return ok
    renderer = layer.renderer().clone()
    labels = legend_labels()
    for rule in renderer.rootRule().descendants():
        rule.setLabel(labels.get(rule.label(), rule.label()))
    # A new renderer, not an edit in place: the layer tree's legend only refreshes on rendererChanged.
    layer.setRenderer(renderer)
    return ok
