"""The results page's table of units or parcels: a model over arrays read once from the result layer.

A table of items took 7 s to fill for 100 000 parcels and froze QGIS meanwhile, and a sort proxy
asking Python for every comparison took 16 s to sort them; here the layer's attributes are read
without geometry into numpy arrays, the model sorts itself with numpy, and a cell's text is made only
when the view shows it.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd
from qgis.core import QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QColor

from ...core import profiles, report

# A unit with too few rules assessed and a rule with default-based values only are both "no verdict"
COLOURS = {"pass": QColor("#c8e6c9"), "fail": QColor("#ffcdd2"), "insufficient_data": QColor("#d1e5f0"),
           "estimated": QColor("#d1e5f0"), "not_assessed": QColor("#e0e0e0")}
FID_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class UnitRows:
    fids: np.ndarray            # feature ids in the result layer
    ids: list                   # the id field, as text
    names: list                 # the name field as text, or None without a name column
    score: np.ndarray           # share of rules passed, 0–1, NaN where none was assessed
    n_pass: np.ndarray
    n_fail: np.ndarray
    n_na: np.ndarray            # rules that apply but have no value
    verdicts: np.ndarray        # the verdict lcr:planning_check wrote, "" where it wrote none
    failed: np.ndarray          # (units, rules) bool: r_ = 0
    missing: np.ndarray         # (units, rules) bool: no value though the rule applies (core.report)
    rule_names: np.ndarray      # the rules' names, in the columns' order of failed and missing

    @property
    def status(self):
        """pass / fail / insufficient_data / not_assessed per unit, as the report reads them."""
        return report.unit_result(self.n_pass, self.n_fail, self.n_na, self.verdicts)


def rules_by_field(layer, language):
    """The rule table as {r_<rule> field: (name in the check's language, applies_to)}, in its order;
    ``language`` 0 English, 1 Chinese."""
    features = list(layer.getFeatures()) if layer is not None else []
    name_field = "name_zh" if language == 1 else "name_en"
    fields = profiles.rule_field_names([f["rule_id"] for f in features])
    applies = [cell_text(f["applies_to"]) if f.fields().lookupField("applies_to") >= 0 else "" for f in features]
    return {field: (cell_text(f[name_field]) or f["rule_id"], scope)
            for field, f, scope in zip(fields, features, applies)}


def read_result_units(results, id_field, name_field, language):
    """``read_units`` of a finished run's files (planning check and rule table), or None without them.
    Safe on a worker thread: the layers are its own."""
    check, rules = results.get("check:planning_check"), results.get("check:rules")
    if not check or not rules:
        return None
    check_layer, rules_layer = QgsVectorLayer(check, "check", "ogr"), QgsVectorLayer(rules, "rules", "ogr")
    if not check_layer.isValid() or not rules_layer.isValid():
        return None
    return read_units(check_layer, id_field, name_field, rules_by_field(rules_layer, language))


def read_units(layer, id_field, name_field, rules):
    """The result layer's units as ``UnitRows``; ``rules``: {r_<rule> field: (name, applies_to)}."""
    fields = layer.fields()
    present = [field for field in rules if fields.lookupField(field) >= 0]
    counts = [name for name in ("score", "n_pass", "n_fail", "n_na", "n_nap") if fields.lookupField(name) >= 0]
    text = [name for name in (id_field, name_field, "verdict") if name and fields.lookupField(name) >= 0]
    wanted = list(dict.fromkeys(text + counts + present))
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(wanted, fields)
    positions = [fields.lookupField(name) for name in wanted]
    fids, records = [], []
    for feature in layer.getFeatures(request):
        fids.append(feature.id())
        attributes = feature.attributes()
        records.append([attributes[position] for position in positions])
    n = len(fids)
    transposed = list(zip(*records)) if records else [()] * len(wanted)
    columns = {name: list(values) for name, values in zip(wanted, transposed)}
    numbers = {name: _floats(columns[name]) for name in counts + present}
    check = pd.DataFrame({field: numbers[field] for field in present}, index=range(n))
    for name in ("n_na", "n_nap"):
        check[name] = numbers.get(name, np.zeros(n))
    scopes = pd.DataFrame({"field": present, "applies_to": [rules[field][1] for field in present]})
    values = check[present].to_numpy(float) if present else np.zeros((n, 0))
    named = bool(name_field) and name_field in columns and name_field != id_field
    return UnitRows(
        fids=np.array(fids, dtype=np.int64), ids=[cell_text(v) for v in columns.get(id_field, [""] * n)],
        names=[cell_text(v) for v in columns[name_field]] if named else None,
        score=numbers.get("score", np.full(n, np.nan)), n_pass=np.nan_to_num(numbers.get("n_pass", np.zeros(n))),
        n_fail=np.nan_to_num(numbers.get("n_fail", np.zeros(n))), failed=values == 0,
        n_na=np.nan_to_num(numbers.get("n_na", np.zeros(n))),
        verdicts=np.array([cell_text(v) for v in columns.get("verdict", [""] * n)], dtype=object),
        missing=report.unit_not_assessed(check, scopes) if present else np.zeros((n, 0), bool),
        rule_names=np.array([rules[field][0] for field in present], dtype=object))


class UnitTableModel(QAbstractTableModel):
    """Columns: id, [name], share of rules passed, failing rules, rules with no value. ``texts`` holds
    the translated headers and tooltip templates (the page's tr())."""

    def __init__(self, rows, texts, parent=None):
        super().__init__(parent)
        self.rows, self.texts = rows, texts
        self.columns = ["id"] + (["name"] if rows.names is not None else []) + ["share", "failing", "missing"]
        self.statuses = rows.status
        self.colours = [COLOURS[status] for status in self.statuses]
        self.order = np.arange(len(rows.fids))      # view row -> row of ``rows``

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows.fids)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt API)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.texts[self.columns[section]]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = int(self.order[index.row()]), self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.colours[row]
        if role == FID_ROLE:
            return int(self.rows.fids[row])
        return None

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        """Sort the rows by a column (numbers as numbers: shares, counts of rules); -1: the layer's order."""
        self.layoutAboutToBeChanged.emit()
        if column < 0 or column >= len(self.columns):
            self.order = np.arange(len(self.rows.fids))
        else:
            keys = self._sort_keys(self.columns[column])
            self.order = np.argsort(keys, kind="stable")
            if order == Qt.SortOrder.DescendingOrder:
                self.order = self.order[::-1]
        self.layoutChanged.emit()

    def _text(self, row, column):
        rows = self.rows
        if column == "id":
            return rows.ids[row]
        if column == "name":
            return rows.names[row]
        if column == "share":
            if np.isnan(rows.score[row]):
                return ""
            share = report.share_cell(rows.score[row])
            return self.texts["insufficient"].format(share=share) if self.statuses[row] == "insufficient_data" else share
        chosen = rows.failed[row] if column == "failing" else rows.missing[row]
        return "; ".join(rows.rule_names[chosen])

    def _tooltip(self, row, column):
        if column == "share":
            return self.texts["share_tip"].format(p=int(self.rows.n_pass[row]),
                                                  n=int(self.rows.n_pass[row] + self.rows.n_fail[row]))
        text = self._text(row, column)
        if column == "missing" and text:
            return self.texts["missing_tip"].format(rules=text)
        return text

    def _sort_keys(self, column):
        rows = self.rows
        if column == "share":
            return np.nan_to_num(rows.score, nan=-1.0)     # not assessed before 0 %
        if column in ("failing", "missing"):
            return (rows.failed if column == "failing" else rows.missing).sum(axis=1)
        return np.array(rows.ids if column == "id" else rows.names, dtype=object)


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def cell_text(value):
    """An attribute as table text: NULL empty, a float to two decimals without trailing zeros."""
    if is_null(value):
        return ""
    if isinstance(value, float):
        return format(value, ".2f").rstrip("0").rstrip(".")
    return format(value)


def _floats(values):
    # NULL arrives as a null QVariant, which to_numeric turns into NaN with everything else not a number
    return pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").to_numpy(float)
