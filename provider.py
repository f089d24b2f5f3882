"""The Processing provider ``lcr``: the toolkit's algorithms and its ready-made models."""
import glob
import os

from qgis.core import (Qgis, QgsApplication, QgsMessageLog, QgsProcessingException, QgsProcessingModelAlgorithm,
                       QgsProcessingParameterDefinition, QgsProcessingParameterField, QgsProcessingProvider,
                       QgsXmlUtils)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtXml import QDomDocument

from .algorithms import ALGORITHMS
from .algorithms.base import methods_note, methods_url, plugin_metadata, refuses_instead_of_raising, resource_path
from .algorithms.reading import decoded_field_names


class LcrProvider(QgsProcessingProvider):
    def id(self):
        return "lcr"

    def name(self):
        return QCoreApplication.translate("LcrProvider", "Low-Carbon & Resilience")

    def longName(self):  # noqa: N802
        return "{name} {version}".format(name=self.name(), version=plugin_metadata("version"))

    def icon(self):
        return QIcon(resource_path("icons", "lcr.svg"))

    def svgIconPath(self):  # noqa: N802
        return resource_path("icons", "lcr.svg")

    def loadAlgorithms(self):  # noqa: N802
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
        self._models = []
        for path in sorted(glob.glob(resource_path("models", "*.model3"))):
            model = ShippedModel(path)
            if model.loaded:
                self.addAlgorithm(model)
                self._models.append(model)
            else:
                QgsMessageLog.logMessage(QCoreApplication.translate(
                    "LcrProvider", "Cannot read the model {path}.").format(path=path),
                    "LCR Toolkit", Qgis.MessageLevel.Warning)
        registry = QgsApplication.processingRegistry()
        if registry.providerById(self.id()) is None:
            # The registry lists a provider only after loading it, so a model cannot find its
            # lcr: steps (nor build its outputs) until then: load the models again once listed.
            registry.providerAdded.connect(self._reload_models)

    def _reload_models(self, provider_id):
        if provider_id != self.id():
            return
        QgsApplication.processingRegistry().providerAdded.disconnect(self._reload_models)
        for model in self._models:
            model.load()


# The English group of a model (as its .model3 holds it) to the group id the algorithms use.
GROUP_IDS = {"Low-carbon": "low_carbon", "Resilience": "resilience", "Planning checks": "planning_checks",
             "Data preparation": "data_preparation", "Workflows": "workflows"}


def translate_model_text(text):
    return QCoreApplication.translate("ShippedModel", text) if text else text


class ShippedModel(QgsProcessingModelAlgorithm):
    """A model from resources/models/, whose id is its file name: ``lcr:<file stem>``.

    A plain model's id would be its display name, spaces and all, and would change with a
    translation or a rename; saved models that call it need an id that never changes.
    """

    def __init__(self, path):
        super().__init__()
        self.path = path
        self._group_id = ""
        self.loaded = self.load()

    def load(self):
        """Read the file and show its texts in the user's language: the .model3 keeps English, and
        i18n/model_strings.py (made by scripts/make_model_strings.py) hands the texts to pylupdate5.

        The texts are translated in the file's variant before QGIS builds the model: setting them on
        the built definitions would go through Python wrappers of C++ objects a reload deletes, and a
        stale wrapper at a reused address crashed QGIS 3.40."""
        document = QDomDocument()
        try:
            with open(self.path, "rb") as handle:
                if not document.setContent(handle.read())[0]:
                    return False
        except OSError:
            return False
        model = QgsXmlUtils.readVariant(document.firstChildElement())
        if not isinstance(model, dict):
            return False
        english_group = model.get("model_group", "")
        model["model_name"] = translate_model_text(model.get("model_name", ""))
        model["model_group"] = translate_model_text(english_group)
        help_content = model.get("help") or {}
        if help_content.get("ALG_DESC"):
            description = translate_model_text(help_content["ALG_DESC"])
            help_content["ALG_DESC"] = f"{description}\n\n{methods_note(self.name())}"
            model["help"] = help_content
        for definition in (model.get("parameterDefinitions") or {}).values():
            definition["description"] = translate_model_text(definition.get("description", ""))
            if isinstance(definition.get("options"), list):      # an enum's choices
                definition["options"] = [translate_model_text(str(o)) for o in definition["options"]]
        for child in (model.get("children") or {}).values():
            for output in (child.get("outputs") or {}).values():
                # A version 1 model names its outputs child:output whatever their description.
                output["component_description"] = translate_model_text(output.get("component_description", ""))
        if not self.loadVariant(model):
            return False
        # One toolbox group per name: the group id of the algorithms in the same group.
        self._group_id = GROUP_IDS.get(english_group, english_group)
        return True

    def groupId(self):  # noqa: N802
        return self._group_id

    def name(self):
        return os.path.splitext(os.path.basename(self.path))[0]

    def helpUrl(self):  # noqa: N802
        return methods_url(self.name())

    def createInstance(self):  # noqa: N802
        return ShippedModel(self.path)

    @refuses_instead_of_raising
    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Refuses, before any step runs, a required field that the layer given for it lacks, naming that layer,
        the field and the parameter: a step reading it from an earlier step's output (the units' id, read by
        the check from the units with every indicator added) would name that intermediate layer instead."""
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        for definition in self.parameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterField) or \
                    definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional:
                continue
            parent = definition.parentLayerParameterName()
            if parameters.get(parent) in (None, ""):
                continue
            try:
                layer = self.parameterAsVectorLayer(parameters, parent, context)
                field = self.parameterAsString(parameters, definition.name(), context)
            except QgsProcessingException:
                continue        # an unreadable layer: the step that reads it says so
            if layer is None or not field:
                continue
            # a GBK file QGIS reads as UTF-8: the steps read its true names (algorithms.base), so either will do
            names = set(layer.fields().names()) | set(decoded_field_names(layer) or [])
            if field in names:
                continue
            return False, QCoreApplication.translate(
                "ShippedModel", "The layer “{layer}” ({parameter}) has no field “{field}” (parameter "
                "“{field_parameter}”). Its fields are: {fields}.").format(
                    layer=layer.sourceName(), parameter=self.parameterDefinition(parent).description(), field=field,
                    field_parameter=definition.description(),
                    fields=", ".join(decoded_field_names(layer) or layer.fields().names()))
        return True, ""
