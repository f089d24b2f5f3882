"""The shipped models' texts reach the translation: i18n/model_strings.py lists them all, and a
QGIS set to Chinese shows a model's name, parameters and help in Chinese."""
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u4e00-\u9fff]")


def make_model_strings():
    sys.path.insert(0, str(REPO / "scripts"))
    spec = importlib.util.spec_from_file_location("make_model_strings", REPO / "scripts" / "make_model_strings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_list_matches_the_models(provider):
    module = make_model_strings()
    committed = (REPO / "i18n" / "model_strings.py").read_text(encoding="utf-8")
    assert committed == module.render(module.model_texts()), "run scripts/make_model_strings.py (make models)"


def test_chinese_locale_translates_a_shipped_model(provider, tmp_path):
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from lcr_toolkit.provider import ShippedModel

    qm = tmp_path / "zh_CN.qm"   # from the committed .ts, not a .qm left by an older build
    subprocess.run(["lrelease", "-silent", str(REPO / "i18n" / "lcr_toolkit_zh_CN.ts"), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        model = ShippedModel(str(REPO / "resources" / "models" / "master_plan_check_model.model3"))
        assert model.loaded
        assert model.name() == "master_plan_check_model"       # the id never follows the language
        assert CJK.search(model.displayName()) and CJK.search(model.group())
        assert CJK.search(model.shortHelpString())
        assert CJK.search(model.parameterDefinition("units").description())
    finally:
        QCoreApplication.removeTranslator(translator)
    assert QgsApplication.processingRegistry().algorithmById("lcr:master_plan_check").displayName() == "Master plan check"
