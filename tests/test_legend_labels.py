"""Legends a planner reads: every style label is words (translated when the style is applied) or
numbers and units; the planning check is coloured by its verdict, not by its score."""
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
STYLES = sorted((REPO / "resources" / "styles").glob("*.qml"))
UNITS = "kgCO₂/m²·a|tCO₂/ha·a|tCO₂/a|tC/ha|MWh/a|mm|m|ha|%|HM"
NUMBERS_AND_UNITS = re.compile(rf"[<>≥]? ?\d+(\.\d+)?(–\d+(\.\d+)?)?( ({UNITS}))?")
SYNERGY_EN = ["Win-win: both scores high", "Low-carbon only", "Resilience only",
              "Neither: both scores low", "No score"]
CHECK_EN = ["Fails 3 rules or more", "Fails 2 rules", "Fails 1 rule", "Passes every rule assessed",
            "Insufficient data: too few rules assessed", "Not assessed"]


def qml_labels(path):
    root = ET.parse(path).getroot()
    return [e.get("label") for e in root.iter() if e.tag in ("rule", "range", "category")]


def labels(layer):
    return [rule.label() for rule in layer.renderer().rootRule().descendants()]


def memory_layer(fields):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"Polygon?crs=EPSG:4549&field={fields}", "styled", "memory")
    assert layer.isValid()
    return layer


def test_every_label_is_a_translated_phrase_or_numbers_and_units(qgis_app):
    from lcr_toolkit.algorithms.styles import legend_labels

    phrases = legend_labels()
    found = {label for path in STYLES for label in qml_labels(path)}
    assert sorted(label for label in found if not NUMBERS_AND_UNITS.fullmatch(label) and label not in phrases) == []
    assert sorted(set(phrases) - found) == []            # no phrase left over from an old style
    assert {"–", "0 m", "≈ flood"} & found == set()
    assert all(key == text for key, text in phrases.items())   # no translator installed: English


def test_synergy_and_check_labels_in_english(qgis_app):
    from lcr_toolkit.algorithms.styles import apply_style

    synergy = memory_layer("coord_d:double&field=quadrant:string")
    assert apply_style(synergy, "synergy")
    assert labels(synergy) == SYNERGY_EN
    check = memory_layer("score:double&field=n_pass:integer&field=n_fail:integer&field=n_na:integer")
    assert apply_style(check, "planning_check")
    assert labels(check) == CHECK_EN
    colours = [rule.symbol().color().name() for rule in check.renderer().rootRule().children()]
    assert colours == ["#67000d", "#cb181d", "#fb6a4a", "#a1d99b", "#4292c6", "#f0f0f0"]
    balance = memory_layer("net_co2_t:double&field=net_t_ha:double")
    assert apply_style(balance, "carbon_balance")
    assert labels(balance) == ["No data", "< 0 tCO₂/ha·a", "0–50 tCO₂/ha·a", "50–100 tCO₂/ha·a",
                               "100–200 tCO₂/ha·a", "200–400 tCO₂/ha·a", "≥ 400 tCO₂/ha·a"]


def test_nested_rules_are_relabelled(qgis_app, tmp_path, monkeypatch):
    from qgis.core import QgsFillSymbol, QgsRuleBasedRenderer

    from lcr_toolkit.algorithms import styles

    root = QgsRuleBasedRenderer.Rule(None)
    parent = QgsRuleBasedRenderer.Rule(None, 0, 0, '"n_fail" IS NOT NULL', "Fails 1 rule")
    parent.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol(), 0, 0, '"n_fail" > 5', "No data"))
    parent.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol(), 0, 0, '"n_fail" <= 5', "0–5"))
    root.appendChild(parent)
    layer = memory_layer("n_fail:integer")
    layer.setRenderer(QgsRuleBasedRenderer(root))
    assert layer.saveNamedStyle(os.fspath(tmp_path / "nested.qml"))[1]
    monkeypatch.setattr(styles, "STYLE_DIR", os.fspath(tmp_path))
    monkeypatch.setattr(styles, "legend_labels", lambda: {"Fails 1 rule": "A", "No data": "B"})
    target = memory_layer("n_fail:integer")
    assert styles.apply_style(target, "nested")
    assert labels(target) == ["A", "B", "0–5"]
    assert not styles.apply_style(target, "no_such_style")


def _release(ts, qm):
    if shutil.which("lrelease") is None:
        pytest.fail("lrelease is missing (Debian package qttools5-dev-tools; make test installs it)")
    subprocess.run(["lrelease", "-silent", os.fspath(ts), "-qm", os.fspath(qm)], check=True)
    return qm


def test_labels_follow_the_installed_translators(qgis_app, tmp_path):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from lcr_toolkit.algorithms.styles import apply_style

    plugin_ts = REPO / "i18n" / "lcr_toolkit_zh_CN.ts"
    own_ts = tmp_path / "legend_zh.ts"
    own_ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
                      "<context><name>Legend</name><message><source>No score</source>"
                      "<translation>无评分</translation></message></context></TS>", encoding="utf-8")
    translators = []
    for ts in (plugin_ts, own_ts):                      # installed last, asked first
        translator = QTranslator()
        assert translator.load(os.fspath(_release(ts, tmp_path / f"{ts.stem}.qm")))
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    try:
        plugin_legend = {source: text for source, text in _translations(plugin_ts)}
        expected = [{**plugin_legend, "No score": "无评分"}.get(label, label) for label in SYNERGY_EN]
        layer = memory_layer("coord_d:double&field=quadrant:string")
        assert apply_style(layer, "synergy")
        assert labels(layer) == expected and expected[-1] == "无评分"
        balance = memory_layer("net_co2_t:double&field=net_t_ha:double")
        assert apply_style(balance, "carbon_balance")
        assert labels(balance)[1:3] == ["< 0 tCO₂/ha·a", "0–50 tCO₂/ha·a"]   # numbers and units as written
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)


def _translations(ts):
    for context in ET.parse(ts).getroot().iter("context"):
        if context.findtext("name") == "Legend":
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation.get("type") not in ("unfinished", "obsolete") and (translation.text or "").strip():
                    yield message.findtext("source"), translation.text


@pytest.mark.parametrize("ids", ["unit_id:string", "parcel_id:string&field=landuse:string"])
def test_check_colours_follow_the_verdict(qgis_app, ids):
    from qgis.core import QgsFeature, QgsRenderContext

    from lcr_toolkit.algorithms.styles import apply_style

    layer = memory_layer(f"{ids}&field=score:double&field=n_pass:integer&field=n_fail:integer&field=verdict:string")
    assert apply_style(layer, "planning_check")
    renderer = layer.renderer()
    by_key = {rule.ruleKey(): rule.label() for rule in renderer.rootRule().children()}
    context = QgsRenderContext()
    context.setExpressionContext(layer.createExpressionContext())
    renderer.startRender(context, layer.fields())
    try:
        # (n_pass, n_fail, verdict): failing units are shaded by how many rules they fail; the
        # others take the verdict lcr:planning_check wrote (NULL: not assessed).
        verdicts = []
        for n_pass, n_fail, verdict in [(1, 2, "fail"), (3, 0, "pass"), (0, 0, "not_assessed"), (None, None, None),
                                        (2, None, "pass"), (0, 1, "fail"), (4, 3, "fail"), (0, 7, "fail"),
                                        (1, 0, "insufficient_data")]:
            feature = QgsFeature(layer.fields())
            feature["n_pass"], feature["n_fail"], feature["verdict"] = n_pass, n_fail, verdict
            keys = renderer.legendKeysForFeature(feature, context)      # the root rule's key as well
            verdicts.append([by_key[key] for key in keys if key in by_key])
    finally:
        renderer.stopRender(context)
    fails_3, fails_2, fails_1, passes, insufficient, not_assessed = ([label] for label in CHECK_EN)
    assert verdicts == [fails_2, passes, not_assessed, not_assessed, passes, fails_1, fails_3, fails_3, insufficient]


def test_processing_and_wizard_outputs_get_the_same_legend(qgis_app, qgis_processing, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorFileWriter

    from lcr_toolkit.algorithms.writing import StyleOnLoad
    from lcr_toolkit.ui.wizard.run import add_results

    loaded = memory_layer("n_pass:integer&field=n_fail:integer")
    StyleOnLoad("planning_check", "abstract").postProcessLayer(loaded, QgsProcessingContext(), QgsProcessingFeedback())
    path = os.fspath(tmp_path / "planning_check.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV2(loaded, path, QgsProject.instance().transformContext(), options)
    try:
        _group, layers = add_results({"check:planning_check": path}, "legend test")
        assert labels(loaded) == labels(layers["check:planning_check"]) == CHECK_EN
    finally:
        QgsProject.instance().removeAllMapLayers()
        QgsProject.instance().layerTreeRoot().removeAllChildren()
