"""Translation for the dialogs: the class name is the context, as pylupdate5 records it."""
from qgis.PyQt.QtCore import QCoreApplication


class Translated:
    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)
