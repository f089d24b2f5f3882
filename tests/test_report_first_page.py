"""The demo's report as a review panel reads it (scripts/demo.py): the first page of the PDF names the
plan, the organisation and the date, gives the verdict in one sentence and the rules failed most often
before the rule table; neither the PDF's text nor the HTML holds a folder path of the machine."""
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[1]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
sys.path.insert(0, str(REPO / "scripts"))


def pdf_pages(path):
    """The PDF's text, page by page; NFKC folds the ligatures (ﬁ) and the CJK font's radicals back."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing (Debian package poppler-utils; make test installs it)")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [unicodedata.normalize("NFKC", page) for page in text.split("\f")]


def machine_paths(tmp_path):
    return {str(tmp_path), str(REPO), str(REPO.resolve()), str(Path.home()), tempfile.gettempdir() + os.sep,
            "/tmp/", "/home/", "/work/", "/usr/"}


@pytest.fixture(scope="module")
def demo(lcr, tmp_path_factory):
    """The master plan check of the demo district as the demo runs it: the model's own report, then
    the report made again with the plan's name (what out/demo/master_plan_check.pdf holds)."""
    import demo as demo_script
    from batch_check import run_model

    folder = tmp_path_factory.mktemp("demo")
    base = str(folder / "master_plan_check")
    # The plan, district and organisation reach the report through the model's own parameters.
    run_model("lcr:master_plan_check", str(DISTRICT), base, **demo_script.report_details("master_plan_check"))
    model_report = {ext: Path(base + ext) for ext in (".html", ".pdf")}
    return {"base": base, "folder": folder, "model_report": model_report,
            "plan": demo_script.PLANS["master_plan_check"], "organisation": demo_script.ORGANISATION}


def test_first_page_tells_who_what_and_the_verdict(demo):
    pages = pdf_pages(demo["base"] + ".pdf")
    first = pages[0]
    today = datetime.date.today().isoformat()
    for expected in (demo["plan"], demo["organisation"], "Demo district (invented)",
                     "China, territorial master plan (cn_master)", "Master plan (territorial)",
                     "Rules failed most often"):
        assert expected in first, expected
    assert re.search(rf"Date:\s+{today}", first)
    check = pd.read_csv(demo["base"] + "_rules.csv")
    assert len(check) == 12
    # the verdict sentence, with the counts of the check's unit verdicts
    from osgeo import ogr

    source = ogr.Open(demo["base"] + ".gpkg")
    verdicts = pd.Series([f["verdict"] for f in source.GetLayerByName("planning_check")]).value_counts()
    n = int(verdicts.sum())
    sentence = f"{int(verdicts.get('pass', 0))} of {n} units pass; {int(verdicts['fail'])} fail"
    assert " ".join(first.split()).count(sentence) == 1, sentence
    # the rules that fail in most units, three to five of them, are named before the rule table
    failing = check[check["n_fail"] > 0].sort_values("n_fail", ascending=False, kind="stable")
    top = list(failing["rule_id"].head(5))
    assert len(top) >= 3 and all(rule in first for rule in top)
    assert "Indicators (rules)" not in first and "Indicators (rules)" in pages[1]
    assert "§18" in first and "methods.html" in first


def test_no_folder_path_in_the_reports(demo, tmp_path):
    paths = machine_paths(demo["folder"])
    for html, pdf in ((demo["base"] + ".html", demo["base"] + ".pdf"),
                      (demo["model_report"][".html"], demo["model_report"][".pdf"])):
        texts = {"html": Path(html).read_text(encoding="utf-8"), "pdf": "\n".join(pdf_pages(pdf))}
        for kind, text in texts.items():
            assert not [p for p in paths if p in text], (kind, [p for p in paths if p in text])
    # the inputs are listed by layer and file name
    page = Path(demo["base"] + ".html").read_text(encoding="utf-8")
    assert "master_plan_check.gpkg" in page and "master_plan_check_rules.csv" in page


def test_wizard_passes_the_project_title_as_plan_name_where_the_model_takes_it(qgis_processing, tmp_path):
    from types import SimpleNamespace

    from qgis.core import QgsProject

    from lcr_toolkit.ui.wizard.plans import plan_for
    from lcr_toolkit.ui.wizard.run import model_parameters
    from lcr_toolkit.ui.wizard.state import WizardState

    def definition(name):
        return SimpleNamespace(name=lambda: name, defaultValue=lambda: None)

    declared = {name: definition(name) for name in ("profile", "language", "title", "plan_name")}
    model = SimpleNamespace(parameterDefinitions=lambda: list(declared.values()),
                            parameterDefinition=lambda name: declared.get(name), outputDefinitions=lambda: [])
    layers = {role.param: SimpleNamespace(id=lambda name=role.param: name) for role in plan_for("master").layers}
    state = WizardState(level="master", layers=layers)
    QgsProject.instance().setTitle("Hexing regulatory plan 2025–2035")
    try:
        assert model_parameters(state, model, str(tmp_path))["plan_name"] == "Hexing regulatory plan 2025–2035"
        del declared["plan_name"]
        assert "plan_name" not in model_parameters(state, model, str(tmp_path))
    finally:
        QgsProject.instance().setTitle("")
