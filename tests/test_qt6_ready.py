"""Qt 6 / QGIS 4 readiness: the shipped code has no Qt5-only construct left (scripts/qt6_codemod.py
finds them by introspecting the bindings), and the compat names work on the QGIS running the tests."""
import configparser
import importlib.util
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsField, QgsFields

from lcr_toolkit.qt_compat import FieldType, QAction, field_type, font_families
REPO = Path(__file__).resolve().parents[1]


def codemod():
    spec = importlib.util.spec_from_file_location("qt6_codemod", REPO / "scripts" / "qt6_codemod.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_code_has_no_qt5_only_construct():
    mod = codemod()
    files = mod.shipped_files()
    assert any(f.endswith("plugin.py") for f in files) and not any("/tests/" in f or "/scripts/" in f for f in files)
    left = [f"{f}:{line}: {what}" for f in files for line, what in mod.problems(f)]
    assert left == [], "run scripts/qt6_codemod.py:\n" + "\n".join(left)


def test_codemod_rewrites_each_kind(tmp_path, monkeypatch):
    mod = codemod()
    monkeypatch.setattr(mod, "ROOT", str(tmp_path))
    (tmp_path / "algorithms").mkdir()
    path = tmp_path / "algorithms" / "x.py"
    path.write_text(
        "from qgis.core import Qgis, QgsField, QgsProcessing, QgsWkbTypes\n"
        "from qgis.PyQt.QtCore import Qt, QVariant\n"
        "from qgis.PyQt.QtWidgets import QAction, QDialog\n\n"
        "A = (Qt.AlignLeft, Qgis.Warning, QgsProcessing.TypeVectorPolygon, QgsWkbTypes.PolygonGeometry, 'é' and\n"
        "     QgsWkbTypes.Point, Qt.AlignmentFlag.AlignRight)\n"
        "F = QgsField('a', QVariant.Double)\n"
        "T = F.type() == QVariant.String\n"
        "QDialog().exec_\n"
        "from qgis.PyQt.QtGui import QFontDatabase\n"
        "N = len(QFontDatabase().families())\n", encoding="utf-8")
    assert mod.rewrite(str(path)) == 11
    text = path.read_text(encoding="utf-8")
    assert text == (
        "from qgis.core import Qgis, QgsField, QgsProcessing, QgsWkbTypes\n"
        "from qgis.PyQt.QtCore import Qt\n"
        "from qgis.PyQt.QtWidgets import QDialog\n"
        "from ..qt_compat import FieldType, QAction, field_type, font_families\n\n"
        "A = (Qt.AlignmentFlag.AlignLeft, Qgis.MessageLevel.Warning, QgsProcessing.SourceType.TypeVectorPolygon, "
        "QgsWkbTypes.GeometryType.PolygonGeometry, 'é' and\n"
        "     QgsWkbTypes.Type.Point, Qt.AlignmentFlag.AlignRight)\n"
        "F = QgsField('a', FieldType.Double)\n"
        "T = field_type(F) == FieldType.String\n"
        "QDialog().exec\n"
        "\n"
        "N = len(font_families())\n")
    assert mod.rewrite(str(path)) == 0  # re-running changes nothing


def test_compat_field_types_make_the_fields_they_name():
    fields = QgsFields()
    for name, kind in (("d", FieldType.Double), ("i", FieldType.Int), ("s", FieldType.String)):
        fields.append(QgsField(name, kind))
    assert [field_type(fields.field(n)) for n in "dis"] == [FieldType.Double, FieldType.Int, FieldType.String]
    assert field_type(fields.field("s")) == FieldType.String and field_type(fields.field("d")) != FieldType.String
    assert fields.field("d").isNumeric() and not fields.field("s").isNumeric()
    assert QAction.__name__ == "QAction"
    assert font_families() and all(isinstance(f, str) for f in font_families())


def test_compat_field_types_are_the_ones_qgsfield_reports():
    """QGIS 3.38 types fields by QMetaType (a QVariant.Type given to QgsField is deprecated there, and
    PyQt6 has none): FieldType must be of the type QgsField.type() returns on the running QGIS."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        field = QgsField("x", FieldType.Double)
    assert type(field.type()) is type(FieldType.Double) and field.type() == FieldType.Double
    assert (type(FieldType.Double).__qualname__ == "QMetaType.Type") == (Qgis.QGIS_VERSION_INT >= 33800)


def test_metadata_declares_qt6():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(REPO / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    assert general["supportsQt6"] == "True"
    assert general["qgisMinimumVersion"] == "3.22" and general["qgisMaximumVersion"] == "4.99"


@pytest.mark.skipif(Qgis.QGIS_VERSION_INT >= 32600, reason="the codemod reads the running bindings and is run on "
                    "QGIS 3.22, the oldest supported; newer bindings keep a scoped alias in the old class")
def test_codemod_writes_an_enum_qgis_moved_as_qgis_enum(tmp_path, monkeypatch):
    mod = codemod()
    monkeypatch.setattr(mod, "ROOT", str(tmp_path))
    path = tmp_path / "x.py"
    path.write_text("from qgis.core import QgsRenderContext\n\nF = QgsRenderContext.TextFormatAlwaysText\n",
                    encoding="utf-8")
    assert mod.rewrite(str(path)) == 1
    assert path.read_text(encoding="utf-8") == (
        "from qgis.core import QgsRenderContext\nfrom qgis.core import Qgis\n\nF = Qgis.TextRenderFormat.AlwaysText\n")
