"""metadata.txt as the Plugin Manager shows it: no placeholder address, a changelog for this version,
an about text that names both checks and every group of tools, and help that opens offline."""
import configparser
from pathlib import Path

from qgis.PyQt.QtCore import QUrl

REPO = Path(__file__).resolve().parents[1]


def metadata():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(REPO / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_no_placeholder_and_a_changelog():
    general = metadata()
    assert "example." not in (REPO / "metadata.txt").read_text(encoding="utf-8")
    assert general["changelog"].splitlines()[0] == general["version"]
    about = general["about"]
    for words in ("master-plan", "detailed-plan", "Low-carbon", "Resilience", "Planning checks", "Data preparation",
                  "wizard", "offline"):
        assert words in about, words


def test_help_opens_the_chinese_document_in_a_chinese_qgis(provider, monkeypatch):
    from lcr_toolkit.algorithms import base

    class Chinese:
        @staticmethod
        def locale():
            return "zh-Hans"

    monkeypatch.setattr(base, "QgsApplication", Chinese)
    for algorithm in provider.algorithms():
        url = QUrl(algorithm.helpUrl())
        assert url.isLocalFile() and url.toLocalFile().endswith("docs/methods_zh.html"), algorithm.id()
        assert f'id="{url.fragment()}"' in Path(url.toLocalFile()).read_text(encoding="utf-8")
