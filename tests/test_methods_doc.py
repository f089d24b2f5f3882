"""The methods document shipped in the plugin: every tool has a section in both languages, the HTML
pages are what scripts/make_docs.py makes of the markdown, each tool's help cites its section and its
Help button opens it, and nothing cites a file the user does not have."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QUrl

from lcr_toolkit.core import methods

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))


def test_pages_are_made_from_the_markdown():
    import make_docs

    for source, (target, lang) in make_docs.PAGES.items():
        rendered = make_docs.render((REPO / "docs" / source).read_text(encoding="utf-8"), lang)
        assert rendered == (REPO / "docs" / target).read_text(encoding="utf-8"), \
            f"docs/{target} is stale: run scripts/make_docs.py"


def test_both_languages_have_the_same_sections():
    assert methods.sections("en") == methods.sections("zh")
    assert methods.section("building_emissions") == "2" and methods.section("areas") == "1.1"


def test_every_tool_has_a_section_and_its_help_cites_it(provider):
    from lcr_toolkit.algorithms import ALGORITHMS

    for algorithm in ALGORITHMS:
        section = methods.section(algorithm.ALG_ID)
        assert section, algorithm.ALG_ID
        assert algorithm().shortHelpString().endswith(f"the methods document, §{section} (the Help button opens it).")
    for model in provider.algorithms():
        assert methods.section(model.name()), model.name()
        assert f"§{methods.section(model.name())}" in model.shortHelpString(), model.name()


def test_help_button_opens_the_local_document_at_the_tool(provider):
    for algorithm in provider.algorithms():
        url = QUrl(algorithm.helpUrl())
        assert url.isLocalFile(), algorithm.helpUrl()
        page = Path(url.toLocalFile())
        assert page.is_file() and page.resolve().parent == REPO / "docs", algorithm.helpUrl()
        assert url.fragment() == algorithm.name()
        assert f'id="{algorithm.name()}"' in page.read_text(encoding="utf-8"), algorithm.helpUrl()


def test_nothing_cites_a_file_the_user_does_not_have():
    tracked = subprocess.run(["git", "ls-files", "*.py", "*.md", "*.ts"], cwd=REPO, capture_output=True, text=True,
                             check=True).stdout.split()
    citing = [path for path in tracked if re.search(r"\bDOMAIN\b", (REPO / path).read_text(encoding="utf-8"))
              and path != "tests/test_methods_doc.py"]
    assert not citing


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sections_cited_by_the_document_exist(lang):
    text = (REPO / "docs" / methods.SOURCES[lang]).read_text(encoding="utf-8")
    numbers = set(methods.sections(lang).values())
    cited = set(re.findall(r"§(\d+(?:\.\d+)?)", text)) | set(re.findall(r"第 (\d+(?:\.\d+)?)(?:、\d+)* 节", text))
    assert cited and cited <= numbers, cited - numbers
