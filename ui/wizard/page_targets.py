"""Page 3: the targets (rules) of the chosen profile, to review, edit and save as a profile of one's own."""
import os

import numpy as np
import pandas as pd
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from ...algorithms.planning_check import profile_path
from ...core import profiles, rule_text
from ...core.errors import InputError
from .. import settings
from ..translated import Translated


def profile_text(frame):
    """A profile frame as the strings of its CSV (thresholds without a trailing .0, NaN empty)."""
    def cell(value):
        if isinstance(value, float):
            return "" if np.isnan(value) else f"{value:g}"
        return format(value)
    return [[cell(value) for value in row] for row in frame[profiles.COLUMNS].itertuples(index=False)]


class CodeDelegate(QStyledItemDelegate):
    """Shows a profile code as words (">=" as "≥ at least") while the cell keeps the code the CSV stores;
    with ``choices`` the editor is a list of the allowed codes, so a typo cannot happen."""

    def __init__(self, words, choices=(), parent=None):
        super().__init__(parent)
        self.words = words          # code -> words
        self.choices = choices

    def displayText(self, value, locale):  # noqa: N802 (Qt API)
        return self.words(value) if value else ""

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt API)
        if not self.choices:
            return super().createEditor(parent, option, index)
        editor = QComboBox(parent)
        for code in self.choices:
            editor.addItem(self.words(code), code)
        return editor

    def setEditorData(self, editor, index):  # noqa: N802 (Qt API)
        if not self.choices:
            return super().setEditorData(editor, index)
        editor.setCurrentIndex(max(editor.findData(index.data() or ""), 0))

    def setModelData(self, editor, model, index):  # noqa: N802 (Qt API)
        if not self.choices:
            return super().setModelData(editor, model, index)
        model.setData(index, editor.currentData())


class TargetsPage(Translated, QWizardPage):
    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Targets"))
        self.setSubTitle(self.tr("The rules checked, one per row. Edit a threshold by double-clicking it; "
                                 "unverified rules are editable defaults, not legal limits."))
        self.table = QTableWidget(0, len(profiles.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.headers().get(name, name) for name in profiles.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.itemChanged.connect(self._edited)
        lang = lambda: rule_text.LANGS[self.state.language]  # noqa: E731 (read when shown: the language may change)
        self.delegates = {
            "operator": CodeDelegate(lambda code: "{} {}".format(rule_text.SYMBOLS.get(code, ""),
                                                                 rule_text.operator_text(code, lang())).strip(),
                                     profiles.OPERATORS, self.table),
            "level": CodeDelegate(lambda code: rule_text.level_text(code, lang()), profiles.LEVELS, self.table),
            "side": CodeDelegate(lambda code: rule_text.side_text(code, lang()), profiles.SIDES, self.table),
            "status": CodeDelegate(lambda code: rule_text.status_text(code, lang()), profiles.STATUSES, self.table),
            "unit": CodeDelegate(lambda code: rule_text.unit_text(code, lang()) or code, (), self.table)}
        for name, delegate in self.delegates.items():
            self.table.setItemDelegateForColumn(profiles.COLUMNS.index(name), delegate)
        # What a planner edits first comes first; the CSV keeps its own column order.
        shown_first = ("name_en", "name_zh", "operator", "threshold", "threshold_high", "unit", "status")
        header = self.table.horizontalHeader()
        for position, name in enumerate(shown_first):
            header.moveSection(header.visualIndex(profiles.COLUMNS.index(name)), position)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add rule"), self.add_rule), (self.tr("Remove rule"), self.remove_rule),
                           (self.tr("Load profile…"), self._choose_and_load),
                           (self.tr("Save as profile…"), self._choose_and_save)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.shown_for = None
        self.baseline = ("", [])   # (profile file or "" for the shipped one, its rows as shown)

    def headers(self):
        return {"rule_id": self.tr("Rule id"), "name_en": self.tr("Name"), "name_zh": self.tr("Name (Chinese)"),
                "indicator": self.tr("Indicator field"), "unit": self.tr("Unit"), "level": self.tr("Level"),
                "side": self.tr("Side"), "operator": self.tr("Test"), "threshold": self.tr("Threshold"),
                "threshold_high": self.tr("Upper threshold"), "source": self.tr("Source"),
                "clause": self.tr("Clause"), "status": self.tr("Status"),
                "applies_to": self.tr("Applies to land uses"),
                "by_class": self.tr("Thresholds by height class from")}

    def initializePage(self):  # noqa: N802 (Qt API)
        key = (self.state.level, self.state.profile, self.state.profile_file)
        if self.shown_for == key and self.state.targets is not None:
            return
        self.shown_for = key
        shipped = profiles.select_level(profiles.load_profile(profile_path(self.state.profile)), self.state.level)
        self.show_profile(self.state.targets if self.state.targets is not None else shipped)
        hidden = {"level", "name_en" if self.state.language == 1 else "name_zh"}
        for column, name in enumerate(profiles.COLUMNS):
            self.table.setColumnHidden(column, name in hidden)
        self.baseline = (self.state.profile_file, self.rows())
        self.message.setText("")

    def show_profile(self, frame):
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row, values in enumerate(profile_text(frame)):
            self.table.insertRow(row)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 280))
        self.table.resizeRowsToContents()     # long rule names wrap instead of being cut
        # but a long source or note (full text in its tooltip) takes three lines at most, so the rules fit
        tallest = 3 * self.table.fontMetrics().lineSpacing() + 8
        for row in range(self.table.rowCount()):
            self.table.setRowHeight(row, min(self.table.rowHeight(row), tallest))

    def rows(self):
        return [[(self.table.item(r, c).text().strip() if self.table.item(r, c) else "")
                 for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]

    def add_rule(self):
        row = self.table.rowCount()
        self.table.insertRow(row)
        defaults = {"level": self.state.level, "side": "both", "operator": ">=", "status": "unverified"}
        for column, name in enumerate(profiles.COLUMNS):
            self.table.setItem(row, column, QTableWidgetItem(defaults.get(name, "")))
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_rule(self):
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self.completeChanged.emit()

    def _edited(self, *_):
        self.message.setText("")
        self.completeChanged.emit()

    def validated(self):
        """The table as a validated profile frame, or None with the reason shown on the page."""
        frame = pd.DataFrame(self.rows(), columns=profiles.COLUMNS)
        try:
            if frame.empty:
                raise InputError("table_empty", path=self.tr("targets"))
            return profiles.validate_profile(frame, self.tr("being edited"))
        except InputError as err:
            self._show_error(err)
            return None

    def _show_error(self, err):
        self.message.setText("<span style='color:#b00020'>{}</span>".format(error_message(err)))
        line = err.params.get("line")
        if isinstance(line, int) and line >= 2:
            self.table.selectRow(line - 2)

    def isComplete(self):  # noqa: N802 (Qt API)
        return self.table.rowCount() > 0

    def validatePage(self):  # noqa: N802 (Qt API)
        frame = self.validated()
        if frame is None:
            return False
        if self.rows() == self.baseline[1]:
            self.state.targets, self.state.profile_file = frame, self.baseline[0]
            return True
        return self.save_profile(os.path.join(settings.user_profile_dir(), f"{self.state.profile}_edited.csv"))

    def save_profile(self, path):
        """Write the table as a profile CSV (the shipped profiles' columns); it becomes the profile run."""
        frame = self.validated()
        if frame is None:
            return False
        pd.DataFrame(self.rows(), columns=profiles.COLUMNS).to_csv(path, index=False, encoding="utf-8")
        self.state.targets = frame
        self.state.profile_file = path
        self.shown_for = (self.state.level, self.state.profile, path)
        self.baseline = (path, self.rows())
        self.message.setText(self.tr("Saved as {path}; the check will use it.").format(path=path))
        return True

    def load_profile(self, path):
        """Show a profile file's rules of this level; a file that fails validation is refused with the reason."""
        try:
            frame = profiles.select_level(profiles.load_profile(path), self.state.level)
        except InputError as err:
            self._show_error(err)
            return False
        if frame.empty:
            self.message.setText(self.tr("{path} has no rules for this planning level.").format(path=path))
            return False
        self.show_profile(frame)
        self.state.targets = frame
        self.state.profile_file = path
        self.shown_for = (self.state.level, self.state.profile, path)
        self.baseline = (path, self.rows())
        self.message.setText(self.tr("Loaded {path}.").format(path=path))
        self.completeChanged.emit()
        return True

    def _choose_and_load(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load a standards profile"),
                                              settings.user_profile_dir(), self.tr("Profiles (*.csv)"))
        if path:
            self.load_profile(path)

    def _choose_and_save(self):
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the targets as a profile"),
                                              settings.user_profile_dir(), self.tr("Profiles (*.csv)"))
        if path:
            self.save_profile(path if path.lower().endswith(".csv") else path + ".csv")


def error_message(err):
    """The planning check's own translated message for a profile error (one wording for both)."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("lcr:planning_check")
    return algorithm.input_error_message(err) if algorithm is not None else format(err)
