"""The plugin object QGIS creates: registers the provider and, in the desktop, a menu entry."""
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from qgis.PyQt.QtGui import QIcon

from . import deps
from .qt_compat import QAction
from .ui.toolbox import open_toolbox_at

PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))
SCRIPT_LOCALES = {"zh_Hans": "zh_CN", "zh_Hant": "zh_TW"}


def menu_text(text):
    """An action's text as a menu shows it: a lone "&" would underline the next letter instead."""
    return text.replace("&", "&&")


class LcrPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.action = None
        self.wizard_action = self.settings_action = self.wizard = None
        self.translator = None
        self.installer = None

    def _installer(self):
        """The offer to install what is missing (None when nothing is)."""
        found = deps.missing()
        if not found:
            self.installer = None
        elif self.installer is None:
            from .ui.install_deps import DependencyInstaller

            self.installer = DependencyInstaller(self.iface, found)
        return self.installer

    def initProcessing(self):  # noqa: N802 (QGIS API): what qgis_process calls
        self._install_translator()
        if self.provider is not None:
            return
        if self._installer() is not None:
            # No provider whose algorithms would fail to import: the log (and, in the desktop, the
            # message bar) says what is missing and how to install it.
            self.installer.log()
            return
        from .provider import LcrProvider

        self.provider = LcrProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()
        self.action = QAction(QIcon(os.path.join(PLUGIN_DIR, "resources", "icons", "lcr.svg")),
                              menu_text(self.tr("Low-Carbon & Resilience toolbox")), self.iface.mainWindow())
        self.action.setToolTip(self.tr("Open the Processing toolbox at the Low-Carbon & Resilience tools"))
        self.action.triggered.connect(self.open_toolbox)
        self.iface.addPluginToMenu(self.menu_name(), self.action)
        self.iface.addToolBarIcon(self.action)
        self.wizard_action = QAction(QIcon(os.path.join(PLUGIN_DIR, "resources", "icons", "wizard.svg")),
                                     menu_text(self.tr("Planning check wizard…")), self.iface.mainWindow())
        self.wizard_action.triggered.connect(self.open_wizard)
        self.settings_action = QAction(menu_text(self.tr("Settings…")), self.iface.mainWindow())
        self.settings_action.triggered.connect(self.open_settings)
        for action in (self.wizard_action, self.settings_action):
            self.iface.addPluginToMenu(self.menu_name(), action)
        self.iface.addToolBarIcon(self.wizard_action)
        if self.installer is not None:
            self.installer.push_message()

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
        if self._installer() is not None:
            self.installer.push_message()
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
        if not self._ready():
            return
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
