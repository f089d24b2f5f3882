"""lcr:planning_report through processing.run: planning check → report (HTML + PDF), both languages."""
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import Qt

import processing

from lcr_toolkit.core import profiles

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"
PROFILE_TEXT = ",".join(profiles.COLUMNS) + "\n" + "\n".join([
    "FAR,Floor area ratio,容积率,far,-,detailed,low_carbon,between,1,2.5,GB 50180-2018,§4.0.1,unverified,",
    "GREEN,Green ratio,绿地率,green_ratio,0-1,detailed,both,>=,0.3,,GB 50180-2018,§4.0.2,verified,",
]) + "\n"


@pytest.fixture
def checked(provider, make_layer, rect, tmp_path):
    profile = tmp_path / "p.csv"
    profile.write_text(PROFILE_TEXT, encoding="utf-8")
    units = make_layer("Polygon", "EPSG:4549", "name:string&field=far:double&field=green_ratio:double", [
        (rect(0, 0, 100, 100), ["甲", 1.5, 0.35]),     # pass, pass
        (rect(100, 0, 100, 100), ["B", 3.0, 0.35]),    # FAR fails
        (rect(0, 100, 100, 100), ["C", None, None]),   # not assessed
    ])
    return processing.run("lcr:planning_check", {"INPUT": units, "PROFILE_FILE": str(profile),
                                                 "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"})


def report(tmp_path, check, rules=None, lang=0, **extra):
    html, pdf = tmp_path / f"r{lang}.html", tmp_path / f"r{lang}.pdf"
    params = {"CHECK": check, "NAME_FIELD": "name", "LANGUAGE": lang, "OUTPUT_HTML": str(html),
              "OUTPUT_PDF": str(pdf), **extra}
    if rules is not None:
        params["RULES"] = rules
    result = processing.run("lcr:planning_report", params)
    assert result == {"OUTPUT_HTML": str(html), "OUTPUT_PDF": str(pdf)}
    assert pdf.read_bytes()[:4] == b"%PDF" and pdf.stat().st_size > 1000
    return html.read_text(encoding="utf-8")


def test_report_english(checked, tmp_path):
    page = report(tmp_path, checked["OUTPUT"], checked["TABLE"])
    assert ">FAR<" in page and ">GREEN<" in page
    assert "unverified / 未核实" in page and "FAR [unverified]" in page     # B fails the unverified FAR rule
    assert "1 of 3 units passes; 1 fails; 1 could not be assessed." in page
    assert "data:image/png;base64," in page and "甲" in page
    # FAR: 甲 passes, B fails, C has no value → fails in 1 of the 2 units that assessed it
    far = page[page.index(">FAR<"):].split("</tr>")[0]
    assert ">1 to 2.5<" in far and ">–<" in far and '<td class="verdict">fails in 1 of 2 units</td>' in far
    green = page[page.index(">GREEN<"):].split("</tr>")[0]
    assert ">≥ 0.3<" in green and ">share, 0–1<" in green and ">passes in all 2 units<" in green
    # units: B passes 1 of its 2 rules (50 %); C has no value for either rule
    assert ">50 %<" in page and ">100 %<" in page
    c_row = page[page.index(">C<"):].split("</tr>")[0]
    assert ">not assessed<" in c_row and ">FAR, GREEN<" in c_row


def test_report_chinese(checked, tmp_path):
    page = report(tmp_path, checked["OUTPUT"], checked["TABLE"], lang=1, TITLE="示范区详细规划核查")
    assert "示范区详细规划核查" in page and "各单元核查结果" in page and "容积率" in page
    assert "3 个单元中 1 个通过；1 个不通过；1 个无法评估。" in page and "FAR [未核实]" in page
    assert ">2 个单元中 1 个不达标<" in page and ">2 个单元全部达标<" in page and ">比例（0–1）<" in page
    assert ">指标达标率<" in page and ">未评估（无数值）<" in page
    if shutil.which("pdftotext"):   # the PDF keeps its text as text (poppler-utils)
        pdf_text = subprocess.run(["pdftotext", str(tmp_path / "r1.pdf"), "-"], capture_output=True,
                                  text=True, check=True).stdout
        # the CJK font maps some glyphs to Kangxi radicals (⽰ for 示): NFKC folds them back
        pdf_text = unicodedata.normalize("NFKC", pdf_text)
        assert "示范区详细规划核查" in pdf_text and "各单元核查结果" in pdf_text and "未核实" in pdf_text
        # (the cell wraps after "2 个单元中 1"; NFKC turns （ into ()
        assert "2 个单元全部达标" in pdf_text and "指标达标率" in pdf_text and "比例(0" in pdf_text


def test_report_without_rules_table(checked, tmp_path):
    page = report(tmp_path, checked["OUTPUT"])
    assert ">r_far<" in page and ">r_green<" in page and "No rule table was given" in page


def test_report_with_synergy(checked, tmp_path):
    synergy = processing.run("lcr:synergy", {"INPUT": checked["OUTPUT"], "LOW_CARBON_INDICATORS": ["far"],
                                             "RESILIENCE_INDICATORS": ["green_ratio"], "OUTPUT": "TEMPORARY_OUTPUT"})
    page = report(tmp_path, checked["OUTPUT"], checked["TABLE"], SYNERGY=synergy["OUTPUT"])
    assert "<svg" in page and "Win-win" in page and "Low-carbon score" in page


def test_not_a_check_layer(provider, make_layer, rect, tmp_path):
    layer = make_layer("Polygon", "EPSG:4549", "score:double", [(rect(0, 0, 1, 1), [1.0])])
    with pytest.raises(QgsProcessingException, match="lacks the field.*n_pass.*Planning check"):
        processing.run("lcr:planning_report", {"CHECK": layer, "OUTPUT_HTML": str(tmp_path / "a.html"),
                                               "OUTPUT_PDF": str(tmp_path / "a.pdf")})
    layer = make_layer("Polygon", "EPSG:4549", "score:double&field=n_pass:integer&field=n_fail:integer"
                       "&field=n_na:integer", [(rect(0, 0, 1, 1), [1.0, 1, 0, 0])])
    with pytest.raises(QgsProcessingException, match="no r_<rule> fields"):
        processing.run("lcr:planning_report", {"CHECK": layer, "OUTPUT_HTML": str(tmp_path / "a.html"),
                                               "OUTPUT_PDF": str(tmp_path / "a.pdf")})


def test_demo_district(provider, tmp_path):
    check = processing.run("lcr:planning_check", {"INPUT": f"{DISTRICT}|layername=parcels", "PROFILE": 1,
                                                  "LANDUSE_FIELD": "lu_code", "OUTPUT": "TEMPORARY_OUTPUT",
                                                  "TABLE": "TEMPORARY_OUTPUT"})
    page = report(tmp_path, check["OUTPUT"], check["TABLE"], NAME_FIELD="parcel_id")
    rules = [f["rule_id"] for f in check["TABLE"].getFeatures()]
    assert len(rules) == 9 and all(f">{rule}<" in page for rule in rules)
    # The parcels carry far and green_ratio only: a residential parcel passes both (the lenient row of
    # Table 4.0.2) but has no value for the other 7 rules that apply to it, too few to pass; the 328
    # others are farmland, forest, water or other land no rule of cn_detailed applies to here.
    assert "0 of 459 units pass; 131 have too few rules assessed; 328 could not be assessed." in page
    assert "building_eui.csv" in page
    # the residential rules apply to 131 of the 459 parcels: 328 not applicable (lu_code not 0701 / R)
    row = page[page.index(">CN_D_FAR_RES<"):].split("</tr>")[0]
    assert ">328<" in row
    # the rule table gives n_pass 131 of the 131 residential parcels: FAR 1.2–2.55 is within the most
    # lenient row of GB 50180 Table 4.0.2 (≤ 3.1; the demo parcels carry no floors to pick their row)
    assert ">131<" in row and ">passes in all 131 units<" in row


def test_units_table_capped(checked, tmp_path, monkeypatch):
    from lcr_toolkit.core import report as core

    monkeypatch.setattr(core, "MAX_UNITS_LISTED", 2)
    page = report(tmp_path, checked["OUTPUT"], checked["TABLE"])
    # B (50 %) and 甲 (100 %) are listed; C, not assessed (no share), is left out but still counted
    assert ">B<" in page and ">甲<" in page and ">C<" not in page
    note = ("The 2 units with the lowest share of rules passed are listed, of 3; every unit is in the Planning "
            "check layer.")
    assert note in page and "1 of 3 units passes; 1 fails; 1 could not be assessed." in page
    assert ">fails in 1 of 2 units<" in page
    if shutil.which("pdftotext"):
        pdf_text = subprocess.run(["pdftotext", os.fspath(tmp_path / "r0.pdf"), "-"], capture_output=True,
                                  text=True, check=True).stdout
        # (pdftotext moves the note's digits elsewhere: its words are checked)
        assert "units with the lowest share of rules passed are listed, of" in pdf_text
        assert "every unit is in the Planning check layer." in pdf_text
    page = report(tmp_path, checked["OUTPUT"], checked["TABLE"], lang=1)
    assert "列出指标达标率最低的 2 个单元（共 3 个）；全部单元见规划核查结果图层。" in page


def test_map_names_and_outlines_units_up_to_a_limit(provider, make_layer, rect, monkeypatch):
    from lcr_toolkit.algorithms import report_layout
    from lcr_toolkit.core import report as core

    built = core.build_report(pd.DataFrame({"score": [1.0], "n_pass": [1], "n_fail": [0], "n_na": [0],
                                            "r_x": [1.0]}), ["a"])

    def styled():   # names on?, outline style per category, for three units
        layer = make_layer("Polygon", "EPSG:4549", "name:string",
                           [(rect(i * 10, 0, 10, 10), [f"u{i}"]) for i in range(3)])
        report_layout.style_layer(layer, built, 0, "Sans")
        return layer.labelsEnabled(), {c.value(): c.symbol().symbolLayer(0).strokeStyle()
                                       for c in layer.renderer().categories()}

    keys = ("pass", "fail", "insufficient_data", "not_assessed")
    assert styled() == (True, dict.fromkeys(keys, Qt.SolidLine))
    monkeypatch.setattr(report_layout, "MAX_MAP_DETAIL", 2)
    assert styled() == (False, dict.fromkeys(keys, Qt.NoPen))


def test_a_report_cancelled_at_its_end_leaves_no_html_or_pdf(checked, tmp_path):
    # Cancel as the last step reports 100 %: both files are written by then, and both go.
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda value: feedback.cancel() if value >= 100 else None)
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("lcr:planning_report", {"CHECK": checked["OUTPUT"], "NAME_FIELD": "name",
                                               "OUTPUT_HTML": str(html), "OUTPUT_PDF": str(pdf)}, feedback=feedback)
    assert feedback.progress() >= 100
    assert list(tmp_path.iterdir()) == [tmp_path / "p.csv"]


def test_a_map_in_degrees_is_drawn_in_its_local_metric_crs(qgis_processing, make_layer):
    """A check in EPSG:4326 (Baltimore, 39.28° N) is mapped in UTM 18N: drawn as it is, its 500 m squares
    would come out 1 / cos(39.28°) = 1.29 times wider than high, with a scale bar true one way only."""
    from qgis.core import QgsProject

    from lcr_toolkit.algorithms.report_layout import map_crs_extent

    # a 0.01° square: 0.01 × 111,320 × cos(39.275°) = 861.6 m wide, 0.01 × 110,990 = 1,110 m high, turned by
    # the grid convergence (−76.575 + 75)° × sin(39.275°) = −1.0°: its bounding box is 861.6 cos 1° + 1,110 sin 1°
    # = 881 m wide and 1,110 cos 1° + 861.6 sin 1° = 1,125 m high
    layer = make_layer("Polygon", "EPSG:4326", "u:string",
                       [("POLYGON((-76.58 39.27,-76.57 39.27,-76.57 39.28,-76.58 39.28,-76.58 39.27))", ["a"])])
    crs, extent = map_crs_extent(layer, QgsProject.instance())
    assert crs.authid() == "EPSG:32618"
    assert extent.width() == pytest.approx(881, rel=0.005) and extent.height() == pytest.approx(1125, rel=0.005)
    projected = make_layer("Polygon", "EPSG:4549", "u:string", [("POLYGON((0 0,10 0,10 10,0 10,0 0))", ["a"])])
    crs, extent = map_crs_extent(projected, QgsProject.instance())
    assert crs.authid() == "EPSG:4549" and extent.width() == 10


def test_a_check_in_a_crs_off_scale_says_so_on_the_first_page(provider, make_layer, rect, tmp_path):
    """Units in CGCS2000 3-degree Gauss-Krüger zone 39 (EPSG:4527, central meridian 117° E, false easting
    39,500 km) but 1,500 km east of that meridian: the transverse Mercator scale there is 1 + x²/2R² = 1 + 1500²/(2 · 6371²) = 1.028, so distances are
    3 % and areas (1.028² − 1) 6 % off. The check's log said it; its report now says it too, in both languages.
    The same units 1 km from the meridian (scale 1.00000001) get no such line."""
    profile = tmp_path / "p.csv"
    profile.write_text(PROFILE_TEXT, encoding="utf-8")
    pages = {}
    for key, x in (("far", 39_500_000 + 1_500_000), ("near", 39_500_000 + 1_000)):
        units = make_layer("Polygon", "EPSG:4527", "name:string&field=far:double&field=green_ratio:double",
                           [(rect(x, 3_300_000, 100, 100), ["A", 1.5, 0.35])])
        check = processing.run("lcr:planning_check", {"INPUT": units, "PROFILE_FILE": str(profile),
                                                      "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        pages[key] = [report(tmp_path, check, lang=lang) for lang in (0, 1)]
    english, chinese = pages["far"]
    assert ("The units are measured in EPSG:4527, which is 3 % off true scale where they lie" in english
            and "areas up to 6 % off" in english)
    assert "各单元在 EPSG:4527 中量算，该坐标系在单元所在处比例偏差 3 %" in chinese and "面积最多偏差 6 %" in chinese
    assert all("off true scale" not in page and "比例偏差" not in page for page in pages["near"])


def test_a_long_units_table_is_laid_out_a_page_at_a_time(provider, make_layer, rect, tmp_path, monkeypatch):
    """95 units with PAGE_ROWS_AT_MOST 30: the units table is one table a page, each holding the rows that fit
    there (at most 30), every unit listed once and in the order of the HTML table, and no frame reaches past
    the page's bottom margin."""
    from qgis.core import QgsLayoutFrame

    from lcr_toolkit.algorithms import report_layout

    monkeypatch.setattr(report_layout, "PAGE_ROWS_AT_MOST", 30)
    profile = tmp_path / "p.csv"
    profile.write_text(PROFILE_TEXT, encoding="utf-8")
    units = make_layer("Polygon", "EPSG:4549", "name:string&field=far:double&field=green_ratio:double",
                       [(rect(i % 10 * 100, i // 10 * 100, 100, 100), [f"U{i:03d}", 1.0 + i / 50, 0.35])
                        for i in range(95)])
    checked = processing.run("lcr:planning_check", {"INPUT": units, "PROFILE_FILE": str(profile),
                                                    "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"})
    frames = []
    build = report_layout.build_layout

    def spy(*args, **kwargs):
        layout, image = build(*args, **kwargs)
        frames.extend(item for item in layout.items() if isinstance(item, QgsLayoutFrame))
        pages = layout.pageCollection()
        bottom = [pages.positionOnPage(f.pos()).y() + f.rect().height() for f in frames]
        assert max(bottom) <= report_layout.PAGE_H - report_layout.MARGIN + 0.01
        return layout, image

    monkeypatch.setattr(report_layout, "build_layout", spy)
    page = report(tmp_path, checked["OUTPUT"], checked["TABLE"])
    html_order = [name for name in (f"U{i:03d}" for i in range(95)) if f">{name}<" in page]
    assert len(html_order) == 95
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", os.fspath(tmp_path / "r0.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        pages = text.split("\f")[1:]   # the first page's map names the units too
        listed = [name for p in pages for name in re.findall(r"^\s*(U\d{3})\s", p, flags=re.M)]
        per_page = [len(re.findall(r"^\s*U\d{3}\s", p, flags=re.M)) for p in pages]
        assert sorted(listed) == sorted(html_order) and len(listed) == 95
        assert max(per_page) <= 30 and sum(1 for n in per_page if n) >= 4   # 95 rows, ≤ 30 a page
        html_rows = re.findall(r"<tr class=\"\w+\"><td class=\"short\">(U\d{3})</td>", page)
        assert html_rows and listed == html_rows


def test_unit_names_sit_on_their_units(provider, make_layer, rect):
    """A name placed around its unit's centroid (QGIS's default) lands on a neighbour on a dense parcel map
    and reads as the neighbour's: the report centres each name on its own unit, inside it."""
    from types import SimpleNamespace

    from qgis.core import QgsPalLayerSettings

    from lcr_toolkit.algorithms.report_layout import style_layer

    layer = make_layer("Polygon", "EPSG:4549", "name:string&field=verdict:string",
                       [(rect(0, 0, 10, 10), ["P1", "pass"]), (rect(10, 0, 10, 10), ["P2", "fail"])])
    style_layer(layer, SimpleNamespace(lang="en"), 0, "DejaVu Sans")
    settings = layer.labeling().settings()
    assert layer.labelsEnabled() and settings.fieldName == "name"
    assert settings.placement == QgsPalLayerSettings.Placement.OverPoint and settings.centroidInside
