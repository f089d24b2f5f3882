"""Page 5: the verdicts, coloured by status; a click on a failing unit zooms the map to it."""
import os

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsProject
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWizardPage,
)

from ...core import rule_text
from ..translated import Translated
from .prepare import input_notes
from .plans import plan_for
from .recheck import (
    AFTER_FOLDER, MEASURES_GPKG, RecheckRun, add_measure_layers, kind_names, measures_for, measures_summary, site_notes,
    suffix, why_no_measure)
from .run import REPORT_OUTPUTS, RESULTS_GPKG
from .unit_table import COLOURS, FID_ROLE, UnitTableModel, cell_text, is_null, read_units, rules_by_field

SORT_ROLE = Qt.ItemDataRole.UserRole + 1      # the rules table's cells sort by this number where they have one



class ResultsPage(Translated, QWizardPage):
    def __init__(self, state, canvas=None, parent=None):
        super().__init__(parent)
        self.state = state
        self.canvas = canvas
        self.setTitle(self.tr("Results"))
        self.setSubTitle(self.tr("Red: fails a target. Green: passes. Blue: fails nothing, but too few of its "
                                 "rules were assessed to pass. Grey: not assessed (no data). Click a failing "
                                 "unit or parcel to zoom the map to it."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rules = self._table()
        self.units = QTableView()
        self.units.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.units.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.units.setWordWrap(False)
        self.units.verticalHeader().setVisible(False)
        self.units.clicked.connect(self.zoom_to_index)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rules, self.tr("Rules"))
        self.tabs.addTab(self.units, self.tr("Units"))
        self.compare = self._table()
        self.recheck, self.recheck_round = None, 1
        self.recheck_button = QPushButton(self.tr("Apply proposed measures and check again"))
        self.recheck_button.clicked.connect(self.start_recheck)
        self.recheck_status = QLabel()
        self.recheck_status.setWordWrap(True)
        self.recheck_progress = QProgressBar()
        self.recheck_progress.setRange(0, 100)
        self.recheck_progress.setVisible(False)
        self.recheck_cancel = QPushButton(self.tr("Cancel"))
        self.recheck_cancel.clicked.connect(self.cancel)
        self.recheck_cancel.setVisible(False)
        self.html_button = QPushButton(self.tr("Open HTML report"))
        self.pdf_button = QPushButton(self.tr("Open PDF report"))
        self.html_button.clicked.connect(lambda: self.open_report("report:report_html"))
        self.pdf_button.clicked.connect(lambda: self.open_report("report:report_pdf"))
        self.folder_button = QPushButton(self.tr("Open the results folder"))
        self.folder_button.clicked.connect(self.open_folder)
        # What the results rest on beyond the user's data: estimates made in preparing it, layers not given.
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.html_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.saved)
        measures = QHBoxLayout()
        measures.addWidget(self.recheck_button)
        # The measures' notes run to a dozen lines in a detailed plan: scrolled past six, so the tables keep
        # their room on a 768-pixel screen.
        status = QScrollArea()
        status.setWidget(self.recheck_status)
        status.setWidgetResizable(True)
        status.setFrameShape(QScrollArea.Shape.NoFrame)
        status.setMaximumHeight(6 * self.recheck_status.fontMetrics().lineSpacing() + 4)
        measures.addWidget(status, 1)
        measures.addWidget(self.recheck_progress)
        measures.addWidget(self.recheck_cancel)
        layout.addLayout(measures)
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
        text = (self.tr("{fail} rules fail in at least one parcel, {passed} pass in every parcel assessed, {na} "
                        "could not be assessed, {est} without a verdict (only shipped default values); {units} parcels "
                        "fail at least one rule. The layers are in the group “{group}” of the Layers panel.")
                if detailed else
                self.tr("{fail} rules fail in at least one planning unit, {passed} pass in every unit assessed, "
                        "{na} could not be assessed, {est} without a verdict (only shipped default values); {units} "
                        "planning units fail at least one rule. The layers are in the group “{group}” of the "
                        "Layers panel."))
        self.summary.setText(text.format(fail=verdicts.count("fail"), passed=verdicts.count("pass"),
                                         na=verdicts.count("not_assessed"), est=verdicts.count("estimated"),
                                         units=failing, group=self._group_name()))
        for key, button in (("report:report_html", self.html_button), ("report:report_pdf", self.pdf_button)):
            path = self.state.outputs.get(key)
            button.setVisible(key in self.state.outputs)
            button.setEnabled(bool(path) and os.path.exists(path))
        notes = input_notes(self.state)
        if notes:
            notes.insert(0, self.tr("Estimated or not given, also listed in the report: the verdicts that rest on "
                                    "these inputs are screening results."))
        self.notes.setText("\n• ".join(notes))
        self.notes.setVisible(bool(notes))
        folder = self.state.run_folder
        self.saved.setText(self.tr("Saved in {folder}: the layers in {gpkg}, the reports as {files}. They are "
                                   "in the project: save the project to keep them there.").format(
                                       folder=folder, gpkg=RESULTS_GPKG, files=", ".join(
                                           os.path.basename(self.state.outputs[key]) for key in REPORT_OUTPUTS
                                           if self.state.outputs.get(key))) if folder else "")
        self.folder_button.setEnabled(bool(folder) and os.path.isdir(folder))
        why_not = measures_for(self.state)
        self.recheck_button.setEnabled(not why_not and self.recheck is None and bool(self.state.outputs))
        self.recheck_button.setToolTip(why_not or self.tr(
            "Proposes the measures the failing rules call for (LID storage per parcel, new life-circle facilities "
            "and emergency shelters on the parcels in a detailed plan; new life-circle facilities, emergency "
            "shelters, rooftop PV and retrofit in a master plan), merges them "
            "into new copies of the plan layers, runs the same check on them and shows per rule how many pass and "
            "fail before and after. Pressed again, it checks the measures as edited in their layers."))
        self.recheck_status.setText(why_not or (measures_summary(self.state) if self.state.outputs else ""))

    # ---- measures and the check again ------------------------------------------------------------
    def cancel(self):
        if self.recheck is not None:
            self.recheck.cancel()

    def start_recheck(self):
        self.recheck_button.setEnabled(False)
        self.recheck_status.setStyleSheet("")
        self.recheck_status.setText(self.tr("Proposing the measures and checking the plan again…"))
        self.recheck_progress.setValue(0)
        self.recheck_progress.setVisible(True)
        self.recheck_cancel.setVisible(True)
        self.recheck = RecheckRun(self.state, self._recheck_progress, self._recheck_finished)
        self.recheck_round = self.recheck.round
        self.recheck.start()

    def _recheck_progress(self, value):
        self.recheck_progress.setValue(int(value))

    def _recheck_finished(self, ok, steps, rows):
        run = self.recheck
        feedback = run.feedback
        cancelled = feedback.isCanceled()
        self.recheck = None
        self.recheck_progress.setVisible(False)
        self.recheck_cancel.setVisible(False)
        self.recheck_button.setEnabled(True)
        if not ok or cancelled:
            errors = [line for line in feedback.textLog().splitlines() if line.strip()][-3:]
            self.recheck_status.setText(self.tr("Cancelled.") if cancelled else
                                        self.tr("The measures or the check again failed:") + "\n" + "\n".join(errors))
            self.recheck_status.setStyleSheet("" if cancelled else "color: #b00020;")
            return
        self.state.comparison = rows
        # The report buttons now open the report with the section on the measures.
        report = steps.get("report", (None, {}))[1]
        for key, output in (("report:report_html", "OUTPUT_HTML"), ("report:report_pdf", "OUTPUT_PDF")):
            if report.get(output):
                self.state.outputs[key] = report[output]
        layer = next(iter(self.state.result_layers.values()), None)
        node = QgsProject.instance().layerTreeRoot().findLayer(layer.id()) if layer else None
        self.measure_layers = add_measure_layers(self.state.run_folder, node.parent() if node else None,
                                                 self.recheck_round)
        self.show_comparison(rows, run.kinds, run.unaddressed, run.task.sites)

    def show_comparison(self, rows, kinds=(), unaddressed=(), sites=()):
        """The before/after table per rule, in its own tab, coloured by the verdict after."""
        lang = self._lang()
        headers = [self.tr("Rule"), self.tr("Rule id"), self.tr("Before: pass / fail / n/a"),
                   self.tr("After: pass / fail / n/a"), self.tr("Fixed (fail → pass)"),
                   self.tr("Broken (pass → fail)"), self.tr("Measure")]
        names = kind_names()
        cells = []
        for row in rows:
            kind = row.get("measure")
            measure = names.get(kind) if not is_null(kind) and kind else (
                self.tr("none: no proposed measure repairs this rule") if row["fail_before"] else "")
            name = row["name_zh"] if lang == "zh" and row["name_zh"] else row["name_en"] or row["rule_id"]
            # sorted by the failing count of each side
            cells.append([(cell_text(name), None), (row["rule_id"], None)] + [
                ("{} / {} / {}".format(row[f"pass_{when}"], row[f"fail_{when}"], row[f"na_{when}"]),
                 row[f"fail_{when}"]) for when in ("before", "after")] + [
                (str(row[key]), row[key]) for key in ("fixed", "broken")] + [(measure, None)])
        verdicts = ["fail" if row["fail_after"] else "pass" if row["pass_after"] else "not_assessed" for row in rows]
        table = self.compare
        self._fill_rule_table(headers, cells, verdicts, table)
        if self.tabs.indexOf(table) < 0:
            self.tabs.addTab(table, self.tr("Before and after"))
        self.tabs.setCurrentWidget(table)
        fixed = sum(row["fixed"] for row in rows)
        before = sum(row["fail_before"] for row in rows)
        after = sum(row["fail_after"] for row in rows)
        text = self.tr(
            "With the proposed measures: {before} failing verdicts before, {after} after ({fixed} fixed). The "
            "measures and the layers with them are in {file}, the check again in the folder {folder}; the report "
            "buttons open the report with the measures.").format(
                before=before, after=after, fixed=fixed, file=MEASURES_GPKG,
                folder=AFTER_FOLDER + suffix(self.recheck_round))
        if kinds:
            text += " " + self.tr("Measures applied: {list}.").format(list=", ".join(names[k] for k in kinds))
        if sites:
            text += " " + site_notes(sites, self.state.level)
        if unaddressed:
            text += " " + self.tr("No proposed measure repairs: {rules} (the plan itself must change).").format(
                rules=", ".join(unaddressed))
            why = why_no_measure(self.state)
            text += " " + why if why else ""
        self.recheck_status.setText(text)

    def _group_name(self):
        layer = next(iter(self.state.result_layers.values()), None)
        node = QgsProject.instance().layerTreeRoot().findLayer(layer.id()) if layer else None
        return node.parent().name() if node else ""

    def _lang(self):
        return rule_text.LANGS[self.state.language]

    def _fill_rules(self, layer):
        lang = self._lang()
        features = list(layer.getFeatures()) if layer is not None else []
        rows = []
        for f in features:
            rows.append([(cell_text(f["name_zh" if lang == "zh" else "name_en"]), None),
                         self._rule_verdict(f),
                         (rule_text.target(f["operator"], number_or_nan(f["threshold"]),
                                           number_or_nan(f["threshold_high"]), f["unit"], lang), None),
                         (rule_text.value_text(number_or_nan(f["value_mean"]), f["unit"], lang),
                          number_or_none(f["value_mean"])),
                         (rule_text.status_text(f["status"], lang), None),
                         (f["rule_id"], None)])
        headers = [self.tr("Rule"), self.tr("Verdict"), self.tr("Target"), self.tr("Mean value"),
                   self.tr("Threshold checked"), self.tr("Rule id")]
        self._fill_rule_table(headers, rows, [f["verdict"] for f in features])
        return [f["verdict"] for f in features]

    def _rule_verdict(self, feature):
        """What a rule's verdict means, in words: how many units fail it, or why it was not assessed."""
        n_pass, n_fail = feature["n_pass"] or 0, feature["n_fail"] or 0
        n_na = feature["n_na"] or 0
        n_nap = feature["n_nap"] if feature.fields().lookupField("n_nap") >= 0 else 0
        detailed = self.state.level == "detailed"
        if n_fail:
            text = (self.tr("fails in {n} of {total} parcels") if detailed else
                    self.tr("fails in {n} of {total} units")).format(n=n_fail, total=n_pass + n_fail)
        elif n_pass:
            text = (self.tr("passes in all {total} parcels") if detailed else
                    self.tr("passes in all {total} units")).format(total=n_pass)
        elif feature.fields().lookupField("n_est") >= 0 and (feature["n_est"] or 0):
            text = self.tr("no verdict: only values from shipped defaults")
        elif (n_nap or 0) and not n_na:
            text = self.tr("not assessed: applies to no land use here")
        else:
            text = self.tr("not assessed: no value anywhere")
        tip = self.tr("Passing: {p}. Failing: {f}. No value: {na}. Land use not concerned: {nap}.").format(
            p=n_pass, f=n_fail, na=n_na, nap=n_nap or 0)
        return text, None, tip

    def _fill_units(self, layer):
        """The units table (a model over the layer's attributes); returns how many units fail a rule."""
        plan = plan_for(self.state.level)
        if layer is None:
            self.units.setModel(None)
            return 0
        rows = self.state.unit_rows      # read on the run's worker thread; here only without it
        if rows is None:
            rows = read_units(layer, self.state.fields.get(plan.unit_id), self.state.fields.get("name_field"),
                              rules_by_field(self.state.result_layers.get("check:rules"), self.state.language))
        texts = {"id": self.tr("Id"), "name": self.tr("Name"), "share": self.tr("Share of rules passed"),
                 "failing": self.tr("Failing rules"), "missing": self.tr("Not assessed (no value)"),
                 "share_tip": self.tr("{p} of {n} rules assessed here pass."),
                 "insufficient": self.tr("{share}, too few rules assessed to pass"),
                 "missing_tip": self.tr("The indicator has no value in this unit, e.g. a per-person indicator "
                                        "where nobody lives: {rules}")}
        self.unit_model = UnitTableModel(rows, texts, self)
        self.units.setModel(self.unit_model)
        self.units.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)   # the layer's order
        self.units.setSortingEnabled(True)
        self.units.resizeColumnsToContents()       # looks at the rows on screen only
        for column in range(self.unit_model.columnCount()):
            self.units.setColumnWidth(column, min(self.units.columnWidth(column), 300))
        return int((rows.status == "fail").sum())

    def _fill_rule_table(self, headers, rows, verdicts, table=None):
        """Rows of (text, number to sort by or None[, tooltip]) cells, coloured by each rule's verdict."""
        table = self.rules if table is None else table
        table.setSortingEnabled(False)
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for row, (cells, verdict) in enumerate(zip(rows, verdicts)):
            colour = COLOURS.get(verdict)
            for column, cell in enumerate(cells):
                item = SortItem(cell[0])
                if cell[1] is not None:
                    item.setData(SORT_ROLE, cell[1])
                item.setToolTip(cell[2] if len(cell) > 2 and cell[2] else cell[0])
                if colour is not None:
                    item.setBackground(colour)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        for column in range(table.columnCount()):
            table.setColumnWidth(column, min(table.columnWidth(column), 300))
        table.resizeRowsToContents()      # a long rule name wraps
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)   # keep the layer's order
        table.setSortingEnabled(True)

    def zoom_to_index(self, index):
        """Zoom the map canvas to the unit of a row that fails a rule (other rows are left alone)."""
        layer = self.state.result_layers.get("check:planning_check")
        if layer is None or not index.isValid() or self.canvas is None:
            return False
        feature = next(layer.getFeatures(QgsFeatureRequest(index.data(FID_ROLE))), None)
        if feature is None or not (feature["n_fail"] or 0) > 0:
            return False
        transform = QgsCoordinateTransform(layer.crs(), self.canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance())
        extent = transform.transformBoundingBox(feature.geometry().boundingBox())
        extent.scale(1.2)
        self.canvas.setExtent(extent)
        self.canvas.refresh()
        return True

    def open_folder(self):
        if self.state.run_folder and os.path.isdir(self.state.run_folder):
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.state.run_folder))

    def open_report(self, key):
        path = self.state.outputs.get(key)
        if path and os.path.exists(path):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))


class SortItem(QTableWidgetItem):
    """A cell shown as text that sorts by the number under SORT_ROLE where it has one."""

    def __lt__(self, other):
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is not None and theirs is not None:
            return mine < theirs
        return super().__lt__(other)


def number_or_none(value):
    return None if is_null(value) else float(value)


def number_or_nan(value):
    return float("nan") if is_null(value) else float(value)
