"""Show the Processing toolbox opened at the toolkit's provider."""
from qgis import utils
from qgis.core import QgsApplication


def open_toolbox_at(provider_id):
    """Show the toolbox and expand ``provider_id``; False if the Processing plugin is not active."""
    processing_plugin = utils.plugins.get("processing")
    toolbox = getattr(processing_plugin, "toolbox", None)
    provider = QgsApplication.processingRegistry().providerById(provider_id)
    if toolbox is None or provider is None:
        return False
    toolbox.setUserVisible(True)
    tree = toolbox.algorithmTree
    model = tree.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data() == provider.name():
            tree.expand(index)
            tree.setCurrentIndex(index)
            tree.scrollTo(index)
            break
    return True
