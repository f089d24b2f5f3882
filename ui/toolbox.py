"""Show the Processing toolbox opened at the toolkit's provider."""
from qgis import utils


def open_toolbox_at(provider_id):
    """Show the toolbox and expand ``provider_id``; False if the Processing plugin is not active."""
    processing_plugin = utils.plugins.get("processing")
    toolbox = getattr(processing_plugin, "toolbox", None)
    if toolbox is None:
        return False
    toolbox.setUserVisible(True)
    tree = toolbox.algorithmTree
    proxy = tree.model()
    index = proxy.mapFromSource(proxy.toolboxModel().indexForProvider(provider_id))
    if index.isValid():
        tree.expand(index)
        tree.setCurrentIndex(index)
        tree.scrollTo(index)
    return True
