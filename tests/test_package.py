"""`make package` builds the ZIP that Plugins > Manage and Install Plugins > Install from ZIP takes: the
plugin's own files only (no tests, scripts, CI, venv, caches or QGIS profile), and everything the
plugin needs to load and register its algorithms from that ZIP alone."""
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TOP_FILES = {"__init__.py", "plugin.py", "provider.py", "deps.py", "qt_compat.py", "metadata.txt", "LICENSE",
             "README.md"}
TOP_DIRS = {"algorithms", "core", "ui", "i18n", "resources", "docs"}
FORBIDDEN = ("tests/", "scripts/", ".ci/", "out/", ".venv", "__pycache__", ".qgis-settings", "dist/", ".pyc",
             ".git", "Makefile", "requirements.txt", "pytest.ini", "docs/screenshots", ".ts", "model_strings.py")


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run(["make", "-s", "-C", str(REPO), "package", f"DIST={dist}"], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    zips = list(dist.glob("lcr_toolkit-*.zip"))
    assert len(zips) == 1
    return zips[0]


def test_zip_holds_only_the_plugin(package):
    names = zipfile.ZipFile(package).namelist()
    assert all(n.startswith("lcr_toolkit/") for n in names)
    inner = [n[len("lcr_toolkit/"):] for n in names if n != "lcr_toolkit/"]
    top = {n.split("/")[0] for n in inner}
    assert top == TOP_FILES | TOP_DIRS
    assert [n for n in inner if any(bad in n for bad in FORBIDDEN)] == []
    for needed in ("i18n/lcr_toolkit_zh_CN.qm", "docs/methods.html", "docs/methods_zh.html", "docs/methods.md",
                   "resources/icons/lcr.svg", "resources/sample_data/demo_district.gpkg"):
        assert needed in inner
    tracked = subprocess.run(["git", "-C", str(REPO), "ls-files", "algorithms", "core", "ui", "resources"],
                             capture_output=True, text=True, check=True).stdout.split()
    assert sorted(set(tracked) - set(inner)) == []
    size = os.path.getsize(package)
    assert size < 6_000_000, size


def test_plugin_from_the_zip_alone_registers_its_algorithms(package, tmp_path):
    zipfile.ZipFile(package).extractall(tmp_path)
    code = ("import sys\nfrom qgis.core import QgsApplication\napp = QgsApplication([], False)\napp.initQgis()\n"
            "import lcr_toolkit\nplugin = lcr_toolkit.classFactory(None)\nplugin.initProcessing()\n"
            "provider = QgsApplication.processingRegistry().providerById('lcr')\n"
            "print(lcr_toolkit.__file__)\nprint(len(provider.algorithms()))\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    where, count = done.stdout.split()[-2:]
    assert where.startswith(str(tmp_path))
    from lcr_toolkit.algorithms import ALGORITHMS

    assert int(count) == len(ALGORITHMS) + len(list((REPO / "resources" / "models").glob("*.model3")))
