"""Dialog sizes that fit the screen: at 1366×768, or with QT_SCALE_FACTOR=1.5 on a laptop, the screen in
Qt's pixels is smaller than the sizes the dialogs are laid out for."""
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtWidgets import QApplication

# Room left for the window's frame and title bar and a desktop panel.
FRAME_W, FRAME_H = 40, 90


def fitted_size(width, height, widget=None):
    """(width, height) or less: what the screen the widget is on (else the primary screen) has room for."""
    screen = None
    if widget is not None and hasattr(widget, "screen"):
        screen = widget.screen()
    screen = screen or QApplication.primaryScreen()
    if screen is None:
        return QSize(width, height)
    room = screen.availableGeometry()
    return QSize(max(320, min(width, room.width() - FRAME_W)), max(240, min(height, room.height() - FRAME_H)))
