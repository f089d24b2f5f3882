"""Shared fixtures. The plugin is imported as ``lcr_toolkit`` through a link in a temporary
plugin folder, exactly as QGIS would load it, whatever the checkout's own folder is called."""
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLUGIN_ROOT = Path(tempfile.mkdtemp(prefix="lcr_plugins_"))
(PLUGIN_ROOT / "lcr_toolkit").symlink_to(REPO, target_is_directory=True)
sys.path.insert(0, str(PLUGIN_ROOT))


@pytest.fixture(scope="session")
def plugin_root():
    """A folder holding the plugin as ``lcr_toolkit``, for QGIS_PLUGINPATH."""
    return PLUGIN_ROOT


@pytest.fixture(scope="session")
def provider(qgis_processing):
    """The ``lcr`` provider, registered once for the session."""
    from qgis.core import QgsApplication

    from lcr_toolkit.provider import LcrProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("lcr")
    if existing is not None:
        return existing
    lcr = LcrProvider()
    registry.addProvider(lcr)
    return lcr
