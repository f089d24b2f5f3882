"""QGIS entry point. Nothing is imported until QGIS asks for the plugin."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from qgis.core import QgsApplication

    from .deps import add_to_path

    # Packages installed by the plugin's offer (ui/install_deps.py) win over QGIS's own, before
    # anything imports them.
    add_to_path(QgsApplication.qgisSettingsDirPath())
    from .plugin import LcrPlugin

    return LcrPlugin(iface)
