"""Run by test_crs_after_task.py in its own pytest process, after the wizard's end-to-end run: not collected
by the suite on its own (its name does not start with test_)."""
import sys
from pathlib import Path

from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem
from qgis.PyQt.QtCore import QThreadPool

import processing

REPO = Path(__file__).resolve().parents[1]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
sys.path.insert(0, str(REPO / "scripts"))


def test_master_check_in_the_main_thread_after_the_wizard_thread_ended(provider, tmp_path):
    from batch_check import model_parameters

    # The main thread works with the CRS (loads results, say) while the task's thread idles, until the
    # thread pool ends that thread (after 30 s idle).
    assert QgsCoordinateReferenceSystem("EPSG:4549").toWkt()
    QThreadPool.globalInstance().waitForDone()
    model = "lcr:master_plan_check"
    processing.run(model, model_parameters(model, DISTRICT, str(tmp_path / "after")))
    source = ogr.Open(str(tmp_path / "after.gpkg"))
    srs = {f.GetField(0): f.GetField(1) for f in source.ExecuteSQL("SELECT table_name, srs_id FROM gpkg_geometry_columns")}
    assert srs == {"planning_check": 4549, "synergy": 4549}
