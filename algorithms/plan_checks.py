"""lcr:master_plan_check and lcr:detailed_plan_check: the ready-made plan checks as algorithms.

Each runs the steps of its model (lcr:master_plan_check_model, lcr:detailed_plan_check_model, which
stay in the toolbox for users who change a check in the Model Designer) with the same parameters
and outputs, reading every input layer but the units once (``plan_check_glue``): the same numbers
as the model, in a fraction of its time and memory on a city.
"""
import time

from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProcessingModelAlgorithm,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core import shared
from ..qt_compat import MODEL_SOURCE
from .base import LcrAlgorithm, resource_path
from .plan_check_glue import DISCARD, MARK, TEMPORARY, Plan, StoredLayer, consumed_outputs, embedded, step_order

SOURCE = MODEL_SOURCE


def model_text(text):
    """A text of a shipped model in the user's language (the strings are those of ShippedModel)."""
    return QCoreApplication.translate("ShippedModel", text) if text else text


class ModelPlanCheck(LcrAlgorithm):
    GROUP_ID = "planning_checks"
    MODEL = ""      # file stem of the model in resources/models
    UNITS = ""      # the layer whose features the per-unit outputs are: read by the steps, as in the model

    def load_model(self):
        model = QgsProcessingModelAlgorithm()
        path = resource_path("models", f"{self.MODEL}.model3")
        if not model.fromFile(path):
            raise QgsProcessingException(self.tr("Cannot read the model {path}.").format(path=path))
        return model

    def help_text(self):
        description = model_text(self.load_model().helpContent().get("ALG_DESC", ""))
        return "{description}\n\n{how}".format(description=description, how=self.tr(
            "Runs the steps of the model “{model}” (in this group: open it in the Model Designer to change a "
            "check) with the same parameters and the same results, but reads each input layer once and keeps no "
            "per-building layer, so its time and memory grow with the buildings, not with the buildings times "
            "the steps.").format(model=model_text(self.load_model().displayName())))

    def initAlgorithm(self, config=None):  # noqa: N802
        model = self.load_model()
        uses = {}
        for child in model.childAlgorithms().values():
            for sources in child.parameterSources().values():
                for source in sources:
                    if source.source() == SOURCE.ModelParameter:
                        uses.setdefault(source.parameterName(), []).append(model_text(child.description()))
        for definition in model.parameterDefinitions():
            if definition.isDestination():
                continue
            definition = definition.clone()
            definition.setDescription(model_text(definition.description()))
            steps = sorted(set(uses.get(definition.name(), [])))
            definition.setHelp(self.tr("Used by the steps: {steps}.").format(steps="; ".join(steps)) if steps
                               else definition.description())
            self.addParameter(definition)
        for _name, definition in sorted(self._destinations(model).items()):
            self.addParameter(definition)

    def _destinations(self, model):
        """The model's outputs, named "step:output" as in the model, defined as its steps define them."""
        from . import ALGORITHMS

        classes = {cls.ALG_ID: cls for cls in ALGORITHMS}
        found = {}
        for child in model.childAlgorithms().values():
            for name, output in child.modelOutputs().items():
                step = classes[child.algorithmId().partition(":")[2]]()
                step.initAlgorithm({})
                definition = step.parameterDefinition(output.childOutputName()).clone()
                definition.setName(f"{child.childId()}:{name}")
                definition.setDescription(model_text(output.description()))
                definition.setHelp(self.tr("Written by the step “{step}”.").format(step=model_text(child.description())))
                found[definition.name()] = definition
        return found

    # ---- running ----------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        model = self.load_model()
        plan = Plan()
        self._read_once(plan, parameters, context)
        order, used = step_order(model), consumed_outputs(model)
        with shared.sharing():
            return self._run_steps(model, plan, order, used, parameters, context, feedback)

    def _run_steps(self, model, plan, order, used, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(len(order), feedback)
        results, outputs = {}, {}
        for number, child_id in enumerate(order):
            steps.setCurrentStep(number)
            self.check_canceled(feedback)
            child = model.childAlgorithm(child_id)
            feedback.pushInfo(self.tr("Step {n} of {total}: {step}").format(
                n=number + 1, total=len(order), step=model_text(child.description())))
            started = time.perf_counter()
            results[child_id] = self._run_step(child, plan, parameters, context, steps, results, used)
            feedback.pushInfo(self.tr("{step}: {s:.1f} s").format(step=model_text(child.description()),
                                                                  s=time.perf_counter() - started))
            for name, output in child.modelOutputs().items():
                value = results[child_id].get(output.childOutputName())
                if value is not None and parameters.get(f"{child_id}:{name}") not in (None, ""):
                    outputs[f"{child_id}:{name}"] = value
        return outputs

    def _read_once(self, plan, parameters, context):
        """Every input layer but the units, with the fields the check names on it; the names of the fields
        of every input layer, the units' too."""
        for definition in self.parameterDefinitions():
            name = definition.name()
            if definition.type() not in ("source", "vector") or parameters.get(name) in (None, ""):
                continue
            source = self.parameterAsSource(parameters, name, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            plan.user_fields.update(source.fields().names())
            if name == self.UNITS:
                continue
            numeric, text = [], []
            for field in self.parameterDefinitions():
                if isinstance(field, QgsProcessingParameterField) and field.parentLayerParameterName() == name:
                    index = source.fields().lookupField(self.parameterAsString(parameters, field.name(), context) or "")
                    if index >= 0:
                        (numeric if source.fields().at(index).isNumeric() else text).append(index)
            plan.stored[name] = StoredLayer(source, numeric, text, parameters[name])

    def _value(self, source, plan, parameters, context, results):
        kind = source.source()
        if kind == SOURCE.StaticValue:
            return source.staticValue()
        if kind == SOURCE.ChildOutput:
            return results[source.outputChildId()].get(source.outputName())
        if kind != SOURCE.ModelParameter:
            raise QgsProcessingException(f"plan check: unsupported source of a step parameter ({kind})")
        name = source.parameterName()
        if name in plan.stored:
            return f"{MARK}layer:{name}"
        definition = self.parameterDefinition(name)
        if isinstance(definition, QgsProcessingParameterField) and definition.parentLayerParameterName() in plan.stored:
            return self.parameterAsString(parameters, name, context) or None   # as read (a GBK file's names decoded)
        value = parameters.get(name)
        return definition.defaultValue() if value is None else value

    def _run_step(self, child, plan, parameters, context, feedback, results, used):
        provider, _, alg_id = child.algorithmId().partition(":")
        if provider == "lcr":
            from . import ALGORITHMS

            algorithm = embedded({cls.ALG_ID: cls for cls in ALGORITHMS}[alg_id], plan)
        else:
            algorithm = QgsApplication.processingRegistry().createAlgorithmById(child.algorithmId())
            if algorithm is None:
                raise QgsProcessingException(self.tr("The algorithm {id} of the step “{step}” is not installed.")
                                             .format(id=child.algorithmId(), step=child.description()))
        step_params = {}
        for name, sources in child.parameterSources().items():
            values = [self._value(s, plan, parameters, context, results) for s in sources]
            step_params[name] = values[0] if len(values) == 1 else values
        model_outputs = {o.childOutputName(): f"{child.childId()}:{n}" for n, o in child.modelOutputs().items()}
        for definition in algorithm.destinationParameterDefinitions():
            name = definition.name()
            asked = parameters.get(model_outputs.get(name, ""))
            optional = bool(definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional)
            if asked not in (None, ""):
                step_params[name] = asked
            elif (child.childId(), name) in used:
                step_params[name] = TEMPORARY if provider == "lcr" and definition.type() == "sink" \
                    else "TEMPORARY_OUTPUT"
            elif not optional:
                step_params[name] = DISCARD if provider == "lcr" and definition.type() == "sink" \
                    else definition.generateTemporaryDestination()
        description = model_text(child.description())
        ok, message = algorithm.checkParameterValues(step_params, context)
        if not ok:
            raise QgsProcessingException(f"{description}: {message}")
        if provider == "lcr":
            return algorithm.processAlgorithm(step_params, context, feedback) or {}
        result, ok = algorithm.run(step_params, context, feedback, {}, False)
        if not ok:
            raise QgsProcessingException(self.tr("The step “{step}” failed.").format(step=description))
        return result


class MasterPlanCheck(ModelPlanCheck):
    ALG_ID = "master_plan_check"
    MODEL = "master_plan_check_model"
    UNITS = "units"

    def displayName(self):  # noqa: N802
        return self.tr("Master plan check")


class DetailedPlanCheck(ModelPlanCheck):
    ALG_ID = "detailed_plan_check"
    MODEL = "detailed_plan_check_model"
    UNITS = "parcels"

    def displayName(self):  # noqa: N802
        return self.tr("Detailed plan check")
