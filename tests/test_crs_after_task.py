"""A run after the wizard's run keeps its CRS. QGIS 3.22 caches the CRS it makes from a string such as
"EPSG:4549" (every memory layer's) for all threads; one first made in the thread of a Processing task (the
wizard runs its plan check in one) gives an empty WKT in the main thread once the thread pool has ended that
thread (30 s idle). A later run in the main thread (a script, a test, a step without threading) then wrote
its outputs without a CRS: GeoPackage srs_id 0, "Undefined geographic SRS", and the next step refused the
layer. Each run now starts from a fresh CRS cache (LcrAlgorithm.processAlgorithm)."""
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_a_run_after_the_wizard_thread_ended_keeps_its_crs():
    # Its own process: the wizard's end-to-end run, then the master check in the main thread.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
                           "tests/test_ui_wizard.py::test_master_plan_end_to_end", "tests/crs_after_wizard.py"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "2 passed" in done.stdout
