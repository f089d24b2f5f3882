"""Page 5: the verdicts, coloured by status; a click on a failing unit zooms the map to it."""
import os

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsProject
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWizardPage,
)

from ..translated import Translated
from .plans import plan_for

COLOURS = {"pass": QColor("#c8e6c9"), "fail": QColor("#ffcdd2"), "not_assessed": QColor("#e0e0e0")}
FID_ROLE = Qt.ItemDataRole.UserRole


class ResultsPage(Translated, QWizardPage):
    def __init__(self, state, canvas=None, parent=None):
        super().__init__(parent)
        self.state = state
        self.canvas = canvas
        self.setTitle(self.tr("Results"))
        self.setSubTitle(self.tr("Red: fails a target. Green: passes. Grey: not assessed (no data). "
                                 "Click a failing unit or parcel to zoom the map to it."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rules = self._table()
        self.units = self._table()
        self.units.cellClicked.connect(self.zoom_to_row)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rules, self.tr("Rules"))
        self.tabs.addTab(self.units, self.tr("Units"))
        self.html_button = QPushButton(self.tr("Open HTML report"))
        self.pdf_button = QPushButton(self.tr("Open PDF report"))
        self.html_button.clicked.connect(lambda: self.open_report("report:report_html"))
        self.pdf_button.clicked.connect(lambda: self.open_report("report:report_pdf"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.html_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    @staticmethod
    def _table():
        table = QTableWidget()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        return table

    def initializePage(self):  # noqa: N802 (Qt API)
        layers = self.state.result_layers
        verdicts = self._fill_rules(layers.get("check:rules"))
        failing = self._fill_units(layers.get("check:planning_check"))
        detailed = self.state.level == "detailed"
        self.tabs.setTabText(1, self.tr("Parcels") if detailed else self.tr("Planning units"))
        text = (self.tr("{fail} rules failed, {passed} passed, {na} not assessed; {units} parcels fail at least "
                        "one rule. The layers are in the group “{group}” of the Layers panel.") if detailed else
                self.tr("{fail} rules failed, {passed} passed, {na} not assessed; {units} planning units fail at "
                        "least one rule. The layers are in the group “{group}” of the Layers panel."))
        self.summary.setText(text.format(fail=verdicts.count("fail"), passed=verdicts.count("pass"),
                                         na=verdicts.count("not_assessed"), units=failing, group=self._group_name()))
        for key, button in (("report:report_html", self.html_button), ("report:report_pdf", self.pdf_button)):
            path = self.state.outputs.get(key)
            button.setVisible(key in self.state.outputs)
            button.setEnabled(bool(path) and os.path.exists(path))

    def _group_name(self):
        layer = next(iter(self.state.result_layers.values()), None)
        node = QgsProject.instance().layerTreeRoot().findLayer(layer.id()) if layer else None
        return node.parent().name() if node else ""

    def _fill_rules(self, layer):
        name_column = "name_zh" if self.state.language == 1 else "name_en"
        columns = [(name_column, self.tr("Rule")), ("verdict", self.tr("Verdict")), ("operator", self.tr("Test")),
                   ("threshold", self.tr("Target")), ("value_mean", self.tr("Mean value")), ("unit", self.tr("Unit")),
                   ("n_fail", self.tr("Failing")), ("n_pass", self.tr("Passing")),
                   ("status", self.tr("Threshold checked")), ("rule_id", self.tr("Rule id"))]
        features = list(layer.getFeatures()) if layer is not None else []
        self._fill(self.rules, columns, features, lambda f: f["verdict"])
        return [f["verdict"] for f in features]

    def _fill_units(self, layer):
        plan = plan_for(self.state.level)
        id_field = self.state.fields.get(plan.unit_id)
        name_field = self.state.fields.get("name_field")
        columns = [(id_field, self.tr("Id"))]
        if name_field and name_field != id_field:
            columns.append((name_field, self.tr("Name")))
        columns += [("score", self.tr("Score")), ("n_fail", self.tr("Rules failed")),
                    ("n_pass", self.tr("Rules passed")), ("n_na", self.tr("Not assessed"))]
        features = list(layer.getFeatures()) if layer is not None else []
        self._fill(self.units, columns, features, unit_status)
        return sum(1 for f in features if unit_status(f) == "fail")

    def _fill(self, table, columns, features, status_of):
        table.setSortingEnabled(False)
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels([title for _name, title in columns])
        table.setRowCount(len(features))
        for row, feature in enumerate(features):
            colour = COLOURS.get(status_of(feature))
            for column, (name, _title) in enumerate(columns):
                value = feature[name]
                text = cell_text(value)
                if name == "threshold" and feature.fields().lookupField("threshold_high") >= 0 \
                        and isinstance(feature["threshold_high"], float):
                    value, text = None, "{}–{}".format(text, f"{feature['threshold_high']:g}")
                item = QTableWidgetItem(self._value_text(text) if name in ("verdict", "status") else text)
                if isinstance(value, (int, float)):     # sorts as a number, not as text
                    item.setData(Qt.ItemDataRole.DisplayRole, round(value, 2))
                item.setToolTip(item.text())
                item.setData(FID_ROLE, feature.id())
                if colour is not None:
                    item.setBackground(colour)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.setColumnWidth(0, min(table.columnWidth(0), 300))
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)   # keep the layer's order
        table.setSortingEnabled(True)

    def _value_text(self, value):
        return {"pass": self.tr("pass"), "fail": self.tr("fail"), "not_assessed": self.tr("not assessed"),
                "verified": self.tr("verified"), "unverified": self.tr("unverified")}.get(value, value)

    def zoom_to_row(self, row, _column=0):
        """Zoom the map canvas to the unit of a row that fails a rule (other rows are left alone)."""
        layer = self.state.result_layers.get("check:planning_check")
        item = self.units.item(row, 0)
        if layer is None or item is None or self.canvas is None:
            return False
        feature = next(layer.getFeatures(QgsFeatureRequest(item.data(FID_ROLE))), None)
        if feature is None or unit_status(feature) != "fail":
            return False
        transform = QgsCoordinateTransform(layer.crs(), self.canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance())
        extent = transform.transformBoundingBox(feature.geometry().boundingBox())
        extent.scale(1.2)
        self.canvas.setExtent(extent)
        self.canvas.refresh()
        return True

    def open_report(self, key):
        path = self.state.outputs.get(key)
        if path and os.path.exists(path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def cell_text(value):
    """An attribute as table text: NULL empty, a float to two decimals without trailing zeros."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    if isinstance(value, float):
        return format(value, ".2f").rstrip("0").rstrip(".")
    return format(value)


def unit_status(feature):
    """fail if any rule fails, pass if some pass and none fails, not_assessed otherwise."""
    if (feature["n_fail"] or 0) > 0:
        return "fail"
    return "pass" if (feature["n_pass"] or 0) > 0 else "not_assessed"
