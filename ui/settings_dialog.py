"""Settings: grid emission factor (region, year), report language, and the user's own factor tables."""
import os

import pandas as pd
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..algorithms.base import LcrAlgorithm, ui_lang
from ..core import tables
from ..core.errors import InputError
from . import settings
from .screen_fit import fitted_size
from .translated import Translated


FILE_ROLE = Qt.ItemDataRole.UserRole


class SettingsDialog(Translated, QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Low-Carbon & Resilience settings"))
        self.grid = None
        self._read_grid()
        self.region = QComboBox()
        for key, name in zip(LcrAlgorithm.GRID_REGIONS, LcrAlgorithm().grid_region_names()):
            self.region.addItem(name, key)
        self.year = QComboBox()
        self.factor = QLabel()
        self.factor.setWordWrap(True)
        # at the top of its row: the row's height is worked out for a narrower label, and the text
        # centred in it left a gap under the year
        self.factor.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.language = QComboBox()
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Simplified Chinese (简体中文)"), "zh")
        grid_box = QGroupBox(self.tr("Electricity grid emission factor"))
        form = QFormLayout(grid_box)
        form.addRow(self.tr("Grid region:"), self.region)
        form.addRow(self.tr("Year:"), self.year)
        form.addRow(self.factor)
        report_box = QGroupBox(self.tr("Reports"))
        QFormLayout(report_box).addRow(self.tr("Report language:"), self.language)

        self.tables = QListWidget()
        self.tables.setMaximumWidth(300)
        self.content = QTableWidget()
        self.table_note = QLabel()
        self.table_note.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.reset_button = QPushButton(self.tr("Reset to the shipped table"))
        self.import_button.clicked.connect(self._choose_and_import)
        self.reset_button.clicked.connect(self.reset_table)
        factors_box = QGroupBox(self.tr("Default factor tables"))
        factors = QVBoxLayout(factors_box)
        split = QHBoxLayout()
        split.addWidget(self.tables)
        split.addWidget(self.content, 1)
        factors.addLayout(split)
        factors.addWidget(self.table_note)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        factors.addLayout(row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        # Qt's own translation of these buttons is often not installed (as in the wizard)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(grid_box)
        layout.addWidget(report_box)
        layout.addWidget(factors_box, 1)
        layout.addWidget(buttons)

        self.region.setCurrentIndex(max(self.region.findData(settings.grid_region()), 0))
        self._fill_years(settings.grid_year())
        self.language.setCurrentIndex(max(self.language.findData(settings.language()), 0))
        self.region.currentIndexChanged.connect(lambda *_: self._fill_years(self.year.currentData()))
        self.year.currentIndexChanged.connect(self._show_factor)
        titles = self.table_titles()
        for name in settings.factor_tables():
            item = QListWidgetItem(titles.get(name, name))
            item.setData(FILE_ROLE, name)
            item.setToolTip(name)
            self.tables.addItem(item)
        self.tables.currentItemChanged.connect(lambda item, _previous: self.show_table(self.current_table()))
        self.tables.setCurrentRow(0)
        self.resize(fitted_size(960, 700, self))

    def table_titles(self):
        """What each factor table holds, for people; the file name stays in the tooltip and the note."""
        return {
            "building_eui.csv": self.tr("Building energy use per m²"),
            "carbon_pools.csv": self.tr("Carbon stored by land cover"),
            "cooling_biophysical.csv": self.tr("Cooling by land cover"),
            "curve_numbers.csv": self.tr("Runoff curve numbers (SCS)"),
            "emission_factors.csv": self.tr("Fuel emission factors"),
            "flood_damage_curve.csv": self.tr("Flood depth–damage curve"),
            "grid_factors.csv": self.tr("Electricity grid emission factors"),
            "habitat_sensitivity.csv": self.tr("Habitat and its sensitivity to threats"),
            "landuse_crosswalk.csv": self.tr("Land-use codes: 用地用海 2023, GB 50137, 三调"),
            "lid_measures.csv": self.tr("Sponge-city (LID) measures"),
            "life_circle_facilities.csv": self.tr("Life-circle facilities and walking distances"),
            "poi_categories.csv": self.tr("POI categories of Amap and Baidu"),
            "pv_defaults.csv": self.tr("Rooftop PV defaults"),
            "runoff_coefficients.csv": self.tr("Runoff coefficients"),
            "shelter_standards.csv": self.tr("Emergency shelter standards"),
            "transport_factors.csv": self.tr("Transport modes and emission factors"),
        }

    def select_table(self, name):
        """Show the factor table ``name`` (a file name such as grid_factors.csv)."""
        for row in range(self.tables.count()):
            if self.tables.item(row).data(FILE_ROLE) == name:
                self.tables.setCurrentRow(row)
                return True
        return False

    def current_table(self):
        """The file name of the selected factor table, or "" when none is selected."""
        item = self.tables.currentItem()
        return item.data(FILE_ROLE) if item is not None else ""

    def _read_grid(self):
        self.grid = tables.read_grid_factors(settings.factor_path("grid_factors.csv"))

    def _table_changed(self, name):
        self.show_table(name)
        if name == "grid_factors.csv":
            self._read_grid()
            self._fill_years(self.year.currentData())

    def _fill_years(self, wanted):
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("Latest published"), 0)
        for year in settings.grid_years(self.region.currentData()):
            self.year.addItem(format(year), int(year))
        self.year.setCurrentIndex(max(self.year.findData(wanted), 0))
        self.year.blockSignals(False)
        self._show_factor()

    def _show_factor(self, *_):
        year = self.year.currentData() or None
        try:
            factor, row = tables.grid_factor(self.grid, self.region.currentData(), year)
        except InputError as err:   # the user's own grid table may lack the region
            self.factor.setText(LcrAlgorithm().input_error_message(err))
            return
        self.factor.setText(self.tr("{factor} kgCO2/kWh ({year}). Source: {source}").format(
            factor=f"{factor:.4f}", year=int(row["year"]),
            source=(str(row.get("source_zh") or "").strip() if ui_lang() == "zh" else "") or row["source"]))

    def show_table(self, name):
        if not name:
            return
        own = settings.user_factor_path(name)
        path = settings.factor_path(name)
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#", encoding="utf-8-sig")
        self.content.setColumnCount(len(frame.columns))
        self.content.setHorizontalHeaderLabels([format(c) for c in frame.columns])
        self.content.setRowCount(len(frame))
        for r, values in enumerate(frame.itertuples(index=False)):
            for c, value in enumerate(values):
                self.content.setItem(r, c, QTableWidgetItem(format(value)))
        self.content.resizeColumnsToContents()
        self.reset_button.setEnabled(bool(own))
        self.table_note.setStyleSheet("")
        self.table_note.setText(
            self.tr("{name}: your own table, kept in your QGIS profile: {path}. The algorithms use it instead of "
                    "the shipped one, unless a table is given in their advanced parameters.").format(
                        name=name, path=own) if own else
            self.tr("{name}: the shipped table. Import a CSV with the same columns to keep your own "
                    "version.").format(name=name))

    def import_table(self, path):
        """Use ``path`` as the user's version of the selected table; refused (with the reason shown)
        when it lacks the shipped table's columns or rows."""
        name = self.current_table()
        try:
            settings.import_factor_table(name, path)
        except InputError as err:
            self.table_note.setStyleSheet("color: #b00020;")
            self.table_note.setText(LcrAlgorithm().input_error_message(err))
            return False
        self._table_changed(name)
        return True

    def reset_table(self):
        settings.reset_factor_table(self.current_table())
        self._table_changed(self.current_table())

    def _choose_and_import(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a factor table"), os.path.expanduser("~"),
                                              self.tr("CSV tables (*.csv)"))
        if path:
            self.import_table(path)

    def accept(self):
        settings.set_grid_region(self.region.currentData())
        settings.set_grid_year(self.year.currentData() or 0)
        settings.set_language(self.language.currentData())
        super().accept()
