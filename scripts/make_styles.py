"""Write the QML styles in resources/styles/ from PyQGIS renderers, so they stay valid QGIS XML.

Run: .venv/bin/python scripts/make_styles.py (headless). Labels carry units only, so they read
the same in English and Chinese.
"""
import os
import sys

import qgis_session
from qgis.core import (
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsRendererRange,
    QgsRuleBasedRenderer,
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
    root.appendChild(QgsRuleBasedRenderer.Rule(fill("#e0e0e0"), 0, 0, '"depth_m" IS NULL OR "depth_m" <= 0', "0 m"))
    for low, high, color in DEPTH:
        if high is None:
            expression, label = f'"depth_m" > {low}', f"> {low} m"
        else:
            expression, label = f'"depth_m" > {low} AND "depth_m" <= {high}', f"{low}–{high} m"
        root.appendChild(QgsRuleBasedRenderer.Rule(fill(color), 0, 0, expression, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def main():
    qgis_session.start(register_provider=False)
    for name, fields, apply in [
        ("building_emissions", "field=gfa_m2:double&field=co2_t_yr:double", co2_style),
        ("flood_exposure", "field=depth_m:double&field=exposed:integer", depth_style),
    ]:
        layer = QgsVectorLayer(f"Polygon?crs=EPSG:4549&{fields}", name, "memory")
        apply(layer)
        message, ok = layer.saveNamedStyle(os.path.join(STYLES, f"{name}.qml"))
        if not ok:
            sys.exit(f"{name}: {message}")


if __name__ == "__main__":
    main()
