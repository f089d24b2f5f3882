"""QGIS entry point. Nothing is imported until QGIS asks for the plugin."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin import LcrPlugin

    return LcrPlugin(iface)
