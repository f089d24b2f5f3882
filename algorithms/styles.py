"""Styling a result layer: the QML of resources/styles, with its legend labels in the user's language.

The QML files keep English labels; those are the translation keys. Labels made of numbers and
units only ("0.25–0.5", "20–40 kgCO₂/m²·a") read the same in every language and stay as written.
"""
import os

from qgis.core import QgsRuleBasedRenderer
from qgis.PyQt.QtCore import QCoreApplication

STYLE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "resources", "styles")


def legend_labels():
    """{English label as written in a QML: the label in the current language}, for every label with words.

    Written out as literal calls so pylupdate5 extracts them, and evaluated on each call so a
    translator installed later applies."""
    return {
        "No data": QCoreApplication.translate("Legend", "No data"),
        "Not flooded": QCoreApplication.translate("Legend", "Not flooded"),
        "No rail station reachable": QCoreApplication.translate("Legend", "No rail station reachable"),
        "No usable shelter reachable": QCoreApplication.translate("Legend", "No usable shelter reachable"),
        "In a flood zone": QCoreApplication.translate("Legend", "In a flood zone"),
        "No capacity": QCoreApplication.translate("Legend", "No capacity"),
        "Win-win: both scores high": QCoreApplication.translate("Legend", "Win-win: both scores high"),
        "Low-carbon only": QCoreApplication.translate("Legend", "Low-carbon only"),
        "Resilience only": QCoreApplication.translate("Legend", "Resilience only"),
        "Neither: both scores low": QCoreApplication.translate("Legend", "Neither: both scores low"),
        "No score": QCoreApplication.translate("Legend", "No score"),
        "Fails 3 rules or more": QCoreApplication.translate("Legend", "Fails 3 rules or more"),
        "Fails 2 rules": QCoreApplication.translate("Legend", "Fails 2 rules"),
        "Fails 1 rule": QCoreApplication.translate("Legend", "Fails 1 rule"),
        "Passes every rule assessed": QCoreApplication.translate("Legend", "Passes every rule assessed"),
        "Not assessed": QCoreApplication.translate("Legend", "Not assessed"),
    }


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
