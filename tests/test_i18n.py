"""The Simplified Chinese translation covers every string the plugin shows, keeps each
placeholder, and is what a QGIS set to Chinese displays."""
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TS = REPO / "i18n" / "lcr_toolkit_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def messages(path):
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            yield name, message.findtext("source"), translation


def plugin_sources():
    tracked = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
                             cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    return [p for p in tracked if not p.startswith(("tests/", "scripts/")) and (REPO / p).exists()]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    if shutil.which("pylupdate5") is None:
        pytest.fail("pylupdate5 is missing (Debian package pyqt5-dev-tools; make test installs it)")
    ts = tmp_path_factory.mktemp("ts") / "extracted.ts"
    subprocess.run(["pylupdate5", "-noobsolete", *plugin_sources(), "-ts", str(ts)], cwd=REPO, check=True,
                   capture_output=True)
    return {(context, source) for context, source, _ in messages(ts)}


def test_committed_file_has_every_extracted_string(extracted):
    committed = {(context, source) for context, source, _ in messages(TS)}
    missing = extracted - committed
    assert not missing, f"run pylupdate5 and translate: {sorted(missing)[:5]}"


def test_every_string_is_translated_with_its_placeholders():
    for context, source, translation in messages(TS):
        text = translation.text or ""
        assert translation.get("type") not in ("unfinished", "obsolete") and text.strip(), (context, source)
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (context, source)
        assert re.search(r"[\u4e00-\u9fff]", text), (context, source)


@pytest.mark.parametrize("locale", ["zh_CN", "zh-Hans"])   # zh-Hans: what QGIS 3.22's language list sets
def test_chinese_locale_shows_chinese_names(qgis_processing, tmp_path, locale):
    from qgis.PyQt.QtCore import QSettings

    import lcr_toolkit
    from lcr_toolkit.algorithms.flood_exposure import FloodExposure

    qm = REPO / "i18n" / "lcr_toolkit_zh_CN.qm"
    if not qm.exists():
        subprocess.run(["lrelease", "-silent", str(TS)], check=True)
    settings = QSettings()
    previous = settings.value("locale/userLocale"), settings.value("locale/overrideFlag")
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", locale)
    plugin = lcr_toolkit.classFactory(None)
    try:
        plugin._install_translator()
        algorithm = FloodExposure()
        assert algorithm.displayName() != "Building flood exposure"
        assert re.search(r"[\u4e00-\u9fff]", algorithm.displayName())
        assert re.search(r"[\u4e00-\u9fff]", algorithm.group())
    finally:
        plugin.unload()
        settings.setValue("locale/userLocale", previous[0] or "")
        settings.setValue("locale/overrideFlag", previous[1] or False)
