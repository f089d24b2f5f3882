"""A headless QGIS session for the scripts (demo, bench, model and style writers).

Starts QgsApplication and Processing, and imports this checkout as the plugin ``lcr_toolkit``
through a link in a temporary plugin folder, the way QGIS loads it.
"""
import atexit
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.append("/usr/share/qgis/python/plugins")

from qgis.core import QgsApplication  # noqa: E402

_APP = None
_PROVIDER = []  # keeps the Python provider alive: without it SIP drops its overrides


def start(register_provider=True):
    """Start QGIS once; return the ``lcr`` provider (or None)."""
    global _APP
    if _APP is None:
        _APP = QgsApplication([], False)
        _APP.initQgis()
        atexit.register(_APP.exitQgis)
        from processing.core.Processing import Processing

        Processing.initialize()
        link_dir = tempfile.mkdtemp(prefix="lcr_plugins_")
        os.symlink(REPO, os.path.join(link_dir, "lcr_toolkit"))
        sys.path.insert(0, link_dir)
    registry = QgsApplication.processingRegistry()
    if register_provider and registry.providerById("lcr") is None:
        from lcr_toolkit.provider import LcrProvider

        _PROVIDER.append(LcrProvider())
        registry.addProvider(_PROVIDER[-1])
    return registry.providerById("lcr")
