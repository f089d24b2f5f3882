"""Names that differ between Qt 5 / QGIS 3.22 and Qt 6 / QGIS 4, chosen once here (scripts/qt6_codemod.py
writes the plugin's code against them)."""
from qgis.core import Qgis, QgsProcessingModelChildParameterSource
from qgis.PyQt.QtGui import QFontDatabase

try:  # Qt 6 keeps QAction in QtGui; Qt 5 in QtWidgets
    from qgis.PyQt.QtGui import QAction
except ImportError:
    from qgis.PyQt.QtWidgets import QAction

if Qgis.QGIS_VERSION_INT >= 33800:
    # QGIS 3.38 on: QgsField is typed by QMetaType (QgsField.type() returns one, and a QVariant.Type given
    # to QgsField is deprecated); PyQt6 has no QVariant.Type at all.
    from qgis.PyQt.QtCore import QMetaType

    class FieldType:
        Double = QMetaType.Type.Double
        Int = QMetaType.Type.Int
        LongLong = QMetaType.Type.LongLong
        String = QMetaType.Type.QString
        Bool = QMetaType.Type.Bool
        Date = QMetaType.Type.QDate
        DateTime = QMetaType.Type.QDateTime
else:
    from qgis.PyQt.QtCore import QVariant

    class FieldType:
        Double = QVariant.Type.Double
        Int = QVariant.Type.Int
        LongLong = QVariant.Type.LongLong
        String = QVariant.Type.String
        Bool = QVariant.Type.Bool
        Date = QVariant.Type.Date
        DateTime = QVariant.Type.DateTime


def field_type(field):
    """A field's type, comparable with FieldType (QMetaType.Type from QGIS 3.38, QVariant.Type before)."""
    return field.type()


def holds_numbers(field):
    """Whether a field's values read as numbers: numeric types, and true/false as 1/0 (GeoPackage booleans,
    and 0/1 columns that QGIS 3.40's delimited-text reader types as boolean)."""
    return field.isNumeric() or field.type() == FieldType.Bool


def font_families():
    """The installed font families: a static function in Qt 6, a method of an instance in Qt 5."""
    try:
        return list(QFontDatabase.families())
    except TypeError:
        return list(QFontDatabase().families())


__all__ = ["QAction", "FieldType", "field_type", "font_families", "holds_numbers"]


# Where a model step's parameter comes from (model parameter, child output, static value): the enum
# moved to Qgis in QGIS 3.26.
MODEL_SOURCE = getattr(Qgis, "ProcessingModelChildParameterSource", None) or QgsProcessingModelChildParameterSource.Source
