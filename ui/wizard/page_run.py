"""Page 4: run the level's model in the background, with progress and a working Cancel."""
import os
import shutil
import time

from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from ...algorithms.planning_check import PROFILES, PlanningCheck
from ..translated import Translated
from . import prepare, saving
from .plans import plan_for
from .run import ModelRun, add_results, saved_outputs


class RunPage(Translated, QWizardPage):
    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.run = None
        self.setTitle(self.tr("Run the check"))
        self.setSubTitle(self.tr("The check runs in the background: you can keep working in QGIS."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.start_button = QPushButton(self.tr("Run"))
        self.cancel_button = QPushButton(self.tr("Cancel the run"))
        self.cancel_button.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        # What each step did and which unverified defaults it used, as the Processing dialog's Log shows it.
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setPlaceholderText(self.tr("What each step of the check did appears here once it has run."))
        self.started = 0.0
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.log, 1)

    def initializePage(self):  # noqa: N802 (Qt API)
        plan = plan_for(self.state.level)
        units = self.state.layers[plan.units]
        # The name the level page showed, not the key; quoted, as it ends in its own "(key)".
        profile = "“{}”".format(os.path.basename(self.state.profile_file) if self.state.profile_file
                                else PlanningCheck().profile_names()[PROFILES.index(self.state.profile)])
        if self.state.level == "detailed":
            text = self.tr("Checks the {count} parcels of “{units}” against {profile} ({rules} rules), using {layers} "
                           "more layers. The results are added to the project in a new group.")
        else:
            text = self.tr("Checks the {count} planning units of “{units}” against {profile} ({rules} rules), using "
                           "{layers} more layers. The results are added to the project in a new group.")
        self.summary.setText(text.format(
            count=units.featureCount(), units=units.name(), profile=profile,
            rules=len(self.state.targets) if self.state.targets is not None else "?",
            layers=sum(1 for role in plan.layers if self.state.layers.get(role.param) is not None) - 1))
        notes = [self.tr("The results are saved in {folder}, in a new folder for each run.").format(
            folder=self.state.folder)]
        if self.state.layers.get("flood_zones") is None:
            notes.append(prepare.NO_FLOOD.text())
        self.summary.setText(self.summary.text() + "\n\n" + "\n".join(notes))
        if self.state.status != "running":
            self.state.status = ""
            self.progress.setValue(0)
            self.status.setText(self.tr("Press Run to start."))

    def start(self):
        self.state.outputs, self.state.result_layers, self.state.unit_rows = {}, {}, None
        units = self.state.layers[plan_for(self.state.level).units]
        try:
            self.state.run_folder = saving.new_folder(self.state.folder, units.name())
        except OSError as error:
            self.status.setText(self.tr("Cannot make a folder for the results in {folder}: {reason}. Go back to "
                                        "the first page and choose another folder.").format(
                                            folder=self.state.folder, reason=error.strerror or error))
            self.status.setStyleSheet("color: #b00020;")
            return
        saving.remember(self.state.folder)
        self.state.status = "running"
        self.run = ModelRun(self.state, self._progress, self._finished)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Running…"))
        self.log.clear()
        self.started = time.monotonic()
        self.completeChanged.emit()
        self.run.start()

    def cancel(self):
        if self.run is not None:
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))
            self.run.cancel()

    def _progress(self, value):
        self.progress.setValue(int(value))

    def _finished(self, ok, results, unit_rows=None):
        cancelled = self.run.feedback.isCanceled()
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.log.setPlainText(self.run.feedback.textLog().strip())
        if ok and not cancelled:
            self.state.outputs = saved_outputs(
                {key: value for key, value in results.items() if key in self.run.parameters}, self.run.folder)
            group = self.tr("Planning check: {units}").format(
                units=self.state.layers[plan_for(self.state.level).units].name())
            _group, self.state.result_layers = add_results(self.state.outputs, group)
            self.state.unit_rows = unit_rows
            self.state.status = "done"
            self.progress.setValue(100)
            self.status.setText(self.tr("Done in {seconds:.1f} s. Press Next to see the results.").format(
                seconds=time.monotonic() - self.started))
            self.start_button.setText(self.tr("Run again"))
        elif cancelled:
            self.state.status = "cancelled"
            self.status.setText(self.tr("Cancelled: nothing was added to the project. Press Run to start again."))
        else:
            self.state.status = "failed"
            errors = [line for line in self.run.feedback.textLog().splitlines() if line.strip()][-3:]
            self.status.setText(self.tr("The check failed:") + "\n" + "\n".join(errors))
            self.status.setStyleSheet("color: #b00020;")
        if self.state.status != "done":      # nothing half-written is left in the user's folder
            shutil.rmtree(self.run.folder, ignore_errors=True)
        self.run = None
        self.completeChanged.emit()

    def isComplete(self):  # noqa: N802 (Qt API)
        return self.state.status == "done"

    def cleanupPage(self):  # noqa: N802 (Qt API) - Back during a run stops it
        self.cancel()
