"""What the scripts run inside a real QGIS window share (qgis_install_shots.py, qgis_wizard_shots.py):
the log LCR_OUT/shots.log, a generator of steps driven on the Qt event loop, and PNGs of widgets.

``qgis.bin --code`` runs those scripts without ``__file__``: the shell scripts that start QGIS give
this folder in LCR_SCRIPTS, and the scripts put it on ``sys.path`` to import this module.
"""
import os
import time
import traceback

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer

OUT = os.environ["LCR_OUT"]


def log(text):
    with open(os.path.join(OUT, "shots.log"), "a", encoding="utf-8") as handle:
        handle.write(text + "\n")


def drive(steps, timeout_s, settle_ms, log=log):
    """Run a generator on the Qt event loop: it yields a delay in ms, or a predicate to poll (every
    200 ms, for ``timeout_s`` at most) until true, then waits ``settle_ms``. Modal dialogs are opened
    from timers (``later``), so the generator never runs inside their loop. QGIS ends with the
    generator: status 0, or 1 with the traceback in the log."""
    def advance():
        try:
            wait = next(steps)
        except StopIteration:
            QgsProject.instance().setDirty(False)
            os._exit(0)
        except Exception:  # noqa: BLE001 - the run must end, and say why
            log(traceback.format_exc())
            os._exit(1)
        if callable(wait):
            poll(wait, time.monotonic() + timeout_s)
        else:
            QTimer.singleShot(wait, advance)

    def poll(ready, deadline):
        if ready():
            QTimer.singleShot(settle_ms, advance)
        elif time.monotonic() > deadline:
            log("timed out waiting")
            os._exit(1)
        else:
            QTimer.singleShot(200, lambda: poll(ready, deadline))

    advance()


def later(function, *args):
    QTimer.singleShot(0, lambda: function(*args))


def save(widget, name):
    path = os.path.join(OUT, f"{name}.png")
    if not widget.grab().save(path):
        raise RuntimeError(f"could not write {path}")
