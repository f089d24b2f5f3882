"""Tell the user which Python packages are missing and install them, with their consent, into their
QGIS profile: a message bar with an Install button, a question naming the packages, the folder and
the command, pip's progress with Cancel, then "restart QGIS" or, when pip fails, the command to run by
hand. Imports nothing the missing packages provide."""
from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import QEventLoop, QProcess
from qgis.PyQt.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from .. import deps
from .translated import Translated

TAG = "LCR Toolkit"


class DependencyInstaller(Translated):
    """One offer to install ``found`` (from :func:`deps.missing`). ``runner(command, parent)`` and
    ``ask(title, text)`` are injectable so that tests never run pip nor wait for a click."""

    def __init__(self, iface, found, runner=None, ask=None, inform=None, python=None):
        self.iface = iface
        self.found = found
        self.runner = runner or self.run_pip
        self.ask = ask or self._ask
        self.inform = inform or self._inform
        self.target = deps.deps_dir(QgsApplication.qgisSettingsDirPath())
        self.python = python or deps.python_executable()
        self.widget = None

    def command(self):
        return deps.install_command(self.python or "python3", self.target, deps.pip_requirements(self.found))

    def text(self):
        return self.tr("Python packages missing or too old: {packages}.").format(packages=deps.describe(self.found))

    def log(self):
        QgsMessageLog.logMessage(self.text() + " " + self.tr("Install them from the message bar, or run: {command}")
                                 .format(command=deps.shell_text(self.command())), TAG, Qgis.MessageLevel.Critical)

    def push_message(self):
        bar = self.iface.messageBar()
        if self.widget is not None:  # one offer at a time, however often the toolbar is clicked
            try:
                bar.popWidget(self.widget)
            except RuntimeError:  # the user closed it: Qt deleted it
                pass
        self.widget = bar.createMessage(self.tr("Low-Carbon & Resilience"), self.text())
        button = QPushButton(self.tr("Install…"), self.widget)
        button.clicked.connect(self.install)
        self.widget.layout().addWidget(button)
        bar.pushWidget(self.widget, Qgis.MessageLevel.Critical)
        return self.widget

    def install(self):
        """Ask, run pip, and say what happened. True when the packages were installed."""
        command = self.command()
        if not self.ask(self.tr("Install Python packages"), self.tr(
                "Install {packages} with pip into your QGIS profile?\n\nFolder: {folder}\nCommand: {command}\n\n"
                "This downloads the packages from the Python Package Index (pypi.org). Nothing outside "
                "the folder changes; delete it to undo.").format(
                    packages=", ".join(deps.pip_requirements(self.found)), folder=self.target,
                    command=deps.shell_text(command))):
            return False
        if self.python is None:
            self.inform(False, self.manual(self.tr("QGIS's Python interpreter was not found.")))
            return False
        ok, output = self.runner(command, self.iface.mainWindow())
        QgsMessageLog.logMessage(output[-4000:], TAG, Qgis.MessageLevel.Info if ok else Qgis.MessageLevel.Warning)
        if ok:
            if self.widget is not None:
                self.iface.messageBar().popWidget(self.widget)
            self.inform(True, self.tr("Installed into {folder}. Restart QGIS to use the Low-Carbon & Resilience "
                                 "toolkit.").format(folder=self.target))
        else:
            tail = "\n".join(output.strip().splitlines()[-6:])
            self.inform(False, self.manual(self.tr("pip did not finish:") + "\n" + tail))
        return ok

    def manual(self, reason):
        return self.tr("{reason}\n\nInstall the packages by hand: close QGIS and run, in a terminal (on Windows the "
                  "OSGeo4W Shell):\n\n{command}\n\nOn Debian or Ubuntu, where pip itself is missing, install it "
                  "first: sudo apt install python3-pip. Then start QGIS again.").format(
                      reason=reason, command=deps.shell_text(self.command()))

    def _ask(self, title, text):
        answer = QMessageBox.question(self.iface.mainWindow(), title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _inform(self, ok, text):
        box = QMessageBox.information if ok else QMessageBox.warning
        box(self.iface.mainWindow(), self.tr("Low-Carbon & Resilience"), text)

    def run_pip(self, command, parent=None):
        """Run ``command`` with a progress dialog showing pip's last line; (succeeded, output)."""
        process = QProcess()
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        dialog = QProgressDialog(self.tr("Installing Python packages…"), self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(self.tr("Low-Carbon & Resilience"))
        dialog.setMinimumDuration(0)
        output = []

        def read():
            text = bytes(process.readAllStandardOutput()).decode("utf-8", "replace")
            output.append(text)
            lines = [line for line in "".join(output).splitlines() if line.strip()]
            if lines:
                dialog.setLabelText(self.tr("Installing Python packages…") + "\n" + lines[-1][:100])

        loop = QEventLoop()
        process.readyReadStandardOutput.connect(read)
        process.finished.connect(loop.quit)
        process.errorOccurred.connect(loop.quit)
        dialog.canceled.connect(process.kill)
        process.start(command[0], command[1:])
        if process.waitForStarted(10000) and process.state() != QProcess.ProcessState.NotRunning:
            loop.exec()
            process.waitForFinished(5000)
        canceled = dialog.wasCanceled()
        dialog.canceled.disconnect(process.kill)
        dialog.close()  # (closing a progress dialog emits canceled)
        read()
        ok = (not canceled and process.exitStatus() == QProcess.ExitStatus.NormalExit
              and process.exitCode() == 0 and process.error() != QProcess.ProcessError.FailedToStart)
        if process.error() == QProcess.ProcessError.FailedToStart:
            output.append(self.tr("Could not start {python}.").format(python=command[0]))
        return ok, "".join(output)
