"""The plugin object QGIS creates: registers the provider and, in the desktop, a menu entry."""
import importlib
import os

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from qgis.PyQt.QtGui import QIcon

from .ui.toolbox import open_toolbox_at
from .qt_compat import QAction

PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))
SCRIPT_LOCALES = {"zh_Hans": "zh_CN", "zh_Hant": "zh_TW"}
REQUIREMENTS = (("shapely", 2), ("numpy", 1), ("pandas", 1), ("scipy", 1))


def missing_requirements():
    """Python packages the toolkit needs that QGIS's Python lacks (or has too old)."""
    missing = []
    for name, major in REQUIREMENTS:
        try:
            version = importlib.import_module(name).__version__
        except ImportError:
            missing.append(f"{name}>={major}")
            continue
        if int(version.split(".")[0]) < major:
            missing.append(f"{name}>={major} (found {version})")
    return missing


class LcrPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.action = None
        self.wizard_action = self.settings_action = self.wizard = None
        self.translator = None

    def initProcessing(self):  # noqa: N802 (QGIS API): what qgis_process calls
        self._install_translator()
        if self.provider is not None:
            return
        missing = missing_requirements()
        if missing:
            QgsMessageLog.logMessage(self.tr(
                "The Low-Carbon & Resilience toolkit needs these Python packages in QGIS's Python: {packages}. "
                "Install them (for example: python3 -m pip install \"shapely>=2\") and restart QGIS.")
                .format(packages=", ".join(missing)), "LCR Toolkit", Qgis.MessageLevel.Critical)
            return
        from .provider import LcrProvider

        self.provider = LcrProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()
        self.action = QAction(QIcon(os.path.join(PLUGIN_DIR, "resources", "icons", "lcr.svg")),
                              self.tr("Low-Carbon & Resilience toolbox"), self.iface.mainWindow())
        self.action.setToolTip(self.tr("Open the Processing toolbox at the Low-Carbon & Resilience tools"))
        self.action.triggered.connect(self.open_toolbox)
        self.iface.addPluginToMenu(self.menu_name(), self.action)
        self.iface.addToolBarIcon(self.action)
        self.wizard_action = QAction(QIcon(os.path.join(PLUGIN_DIR, "resources", "icons", "wizard.svg")),
                                     self.tr("Planning check wizard…"), self.iface.mainWindow())
        self.wizard_action.triggered.connect(self.open_wizard)
        self.settings_action = QAction(self.tr("Settings…"), self.iface.mainWindow())
        self.settings_action.triggered.connect(self.open_settings)
        for action in (self.wizard_action, self.settings_action):
            self.iface.addPluginToMenu(self.menu_name(), action)
        self.iface.addToolBarIcon(self.wizard_action)

    def unload(self):
        if self.action is not None:
            self.iface.removePluginMenu(self.menu_name(), self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.wizard is not None:
            self.wizard.close()
        for action in (self.wizard_action, self.settings_action):
            if action is not None:
                self.iface.removePluginMenu(self.menu_name(), action)
                self.iface.removeToolBarIcon(action)
                action.deleteLater()
        self.wizard_action = self.settings_action = self.wizard = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None

    def _ready(self):
        """True when the toolkit can run; otherwise says in the message bar what is missing."""
        missing = missing_requirements()
        if missing:
            self.iface.messageBar().pushCritical(self.tr("Low-Carbon & Resilience"), self.tr(
                "Missing Python packages: {packages}. See the plugin's README to install them.")
                .format(packages=", ".join(missing)))
            return False
        self.initProcessing()
        return True

    def open_toolbox(self):
        if not self._ready():
            return
        if not open_toolbox_at("lcr"):
            self.iface.messageBar().pushWarning(
                self.tr("Low-Carbon & Resilience"),
                self.tr("Enable the Processing plugin (Plugins ▸ Manage and Install Plugins) to use the toolbox."))

    def open_wizard(self):
        if not self._ready():
            return
        from .ui.wizard.wizard import PlanningWizard

        if self.wizard is None or not self.wizard.isVisible():
            # Modeless, so the map stays usable while the check runs and when zooming to a unit.
            self.wizard = PlanningWizard(self.iface.mapCanvas(), self.iface.mainWindow())
        self.wizard.show()
        self.wizard.raise_()

    def open_settings(self):
        from .ui.settings_dialog import SettingsDialog

        SettingsDialog(self.iface.mainWindow()).exec()

    def tr(self, text):
        return QCoreApplication.translate("LcrPlugin", text)

    def menu_name(self):
        return self.tr("&Low-Carbon && Resilience")

    def _install_translator(self):
        if self.translator is not None:
            return
        locale = QgsApplication.locale() or QSettings().value("locale/userLocale", QLocale().name()) or ""
        locale = locale.replace("-", "_")
        # QGIS names Simplified Chinese by its script (zh-Hans); the translation file by its region.
        locale = SCRIPT_LOCALES.get(locale, locale)
        for name in (locale, locale[:5], locale[:2]):
            path = os.path.join(PLUGIN_DIR, "i18n", f"lcr_toolkit_{name}.qm")
            if name and os.path.exists(path):
                translator = QTranslator()
                if translator.load(path):
                    QCoreApplication.installTranslator(translator)
                    self.translator = translator
                    return
