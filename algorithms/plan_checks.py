"""lcr:master_plan_check and lcr:detailed_plan_check: the ready-made plan checks as algorithms.

Each runs the steps of its model (lcr:master_plan_check_model, lcr:detailed_plan_check_model, which
stay in the toolbox for users who change a check in the Model Designer) with the same parameters
and outputs, reading every input layer but the units once (``plan_check_glue``): the same numbers
as the model, in a fraction of its time and memory on a city.
"""
import time

import numpy as np
from qgis.core import (
    QgsApplication,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingModelAlgorithm,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core import shared
from ..qt_compat import MODEL_SOURCE, holds_numbers
from .base import LcrAlgorithm, resource_path, show_decimals
from .plan_check_glue import (
    DISCARD, MARK, TEMPORARY, Plan, StoredLayer, consumed_outputs, embedded, give_back_memory, last_uses,
    origin_name,
    step_order)

SOURCE = MODEL_SOURCE


def model_text(text):
    """A text of a shipped model in the user's language (the strings are those of ShippedModel)."""
    return QCoreApplication.translate("ShippedModel", text) if text else text


class ModelPlanCheck(LcrAlgorithm):
    GROUP_ID = "planning_checks"
    MODEL = ""      # file stem of the model in resources/models
    UNITS = ""      # the layer whose features the per-unit outputs are: read by the steps, as in the model
    BUILDINGS = "buildings"   # the layer whose steps' per-building fields OUTPUT_BUILDINGS gathers
    OUTPUT_BUILDINGS = "OUTPUT_BUILDINGS"

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
            if hasattr(definition, "options") and hasattr(definition, "setOptions"):    # an enum's choices
                definition.setOptions([model_text(option) for option in definition.options()])
            steps = sorted(set(uses.get(definition.name(), [])))
            definition.setHelp(self.tr("Used by the steps: {steps}.").format(steps="; ".join(steps)) if steps
                               else definition.description())
            show_decimals(definition)
            self.addParameter(definition)
        for _name, definition in sorted(self._destinations(model).items()):
            self.addParameter(definition)
        buildings = QgsProcessingParameterFeatureSink(
            self.OUTPUT_BUILDINGS, self.tr("Buildings with their per-building results"),
            QgsProcessing.SourceType.TypeVectorPolygon, optional=True, createByDefault=False)
        buildings.setHelp(self.tr(
            "Optional, not written unless asked for: the buildings with every field the steps compute per "
            "building (emissions, rooftop PV, life circles and, in the master check, transit and shelter "
            "coverage), as the single algorithms write them. On a city it is the largest output and keeps those "
            "fields in memory until the end of the run; the per-unit or per-parcel results do not need it."))
        self.addParameter(buildings)

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
        parameters = self._note_empty_layers(parameters, context, feedback)
        parameters = self._check_unit_fields(parameters, context, feedback)
        self._read_once(plan, parameters, context)
        order, used = step_order(model, plan.stored), consumed_outputs(model)
        plan.model_order = step_order(model)
        with shared.sharing():
            return self._run_steps(model, plan, order, used, parameters, context, feedback)

    def _run_steps(self, model, plan, order, used, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(len(order), feedback)
        results, outputs = {}, {}
        last_output, last_layer = last_uses(model, order)
        for number, child_id in enumerate(order):
            steps.setCurrentStep(number)
            self.check_canceled(feedback)
            child = model.childAlgorithm(child_id)
            feedback.pushInfo(self.tr("Step {n} of {total}: {step}").format(
                n=number + 1, total=len(order), step=model_text(child.description())))
            started = time.perf_counter()
            results[child_id] = self._run_step(child, plan, parameters, context, steps, results, used)
            plan.temporary.update(results[child_id].get(name) for name in plan.made_temporary)
            kept = plan.virtual.get(results[child_id].get("OUTPUT")) if plan.keeping else None
            if kept is not None:
                plan.kept[results[child_id]["OUTPUT"]] = (plan.model_order.index(child_id), kept)
            feedback.pushInfo(self.tr("{step}: {s:.1f} s").format(step=model_text(child.description()),
                                                                  s=time.perf_counter() - started))
            for name, output in child.modelOutputs().items():
                value = results[child_id].get(output.childOutputName())
                if value is not None and parameters.get(f"{child_id}:{name}") not in (None, ""):
                    outputs[f"{child_id}:{name}"] = value
            self._free_after(number, plan, results, last_output, last_layer, context)
        if plan.kept:
            self.check_canceled(feedback)
            feedback.pushInfo(self.tr("Writing the buildings with their per-building results"))
            outputs[self.OUTPUT_BUILDINGS] = self._write_buildings(plan, parameters, context, feedback)
        return outputs

    def _write_buildings(self, plan, parameters, context, feedback):
        """OUTPUT_BUILDINGS: the buildings read again, feature by feature in chunks, with the columns every
        per-building step computed (``plan.kept``, in the model's order of steps, whatever order they ran
        in; a field a later step computes again takes the later values, as the model's chain of layers
        does)."""
        source = plan.stored[self.BUILDINGS].source
        fields, positions, columns = QgsFields(source.fields()), [], []
        for _rank, virtual in sorted(plan.kept.values(), key=lambda kept: kept[0]):
            for position in sorted(virtual.pieces):
                field = virtual.fields().at(position)
                index = fields.lookupField(field.name())
                values = np.concatenate([v for _, v in sorted(virtual.pieces[position], key=lambda p: p[0])])
                if index < 0:
                    fields.append(field)
                    index = fields.count() - 1
                if index in positions:
                    columns[positions.index(index)] = values
                else:
                    positions.append(index)
                    columns.append(values)
        sink, dest_id = self.create_sink(parameters, self.OUTPUT_BUILDINGS, context, fields, source.wkbType(),
                                         source.sourceCrs())
        start = 0
        for chunk in self.read_chunks(source, feedback, repair=False):
            end = start + len(chunk.features)
            self.write_chunk(sink, chunk, source.fields().count(), positions, [c[start:end] for c in columns],
                             parameters, self.OUTPUT_BUILDINGS)
            start = end
        return dest_id

    def _free_after(self, number, plan, results, last_output, last_layer, context):
        """Frees what no later step reads: the intermediate outputs whose last reader was step
        ``number`` (kept columns, temporary layers) and the layers read once whose last step it was
        (with the results the steps shared from them), so the memory held at any step is that of the
        data still to be read, not of every step before it."""
        store, freed = context.temporaryLayerStore(), False
        for (child_id, output), last in last_output.items():
            if last != number:
                continue
            value = results.get(child_id, {}).get(output)
            if not isinstance(value, str) or value not in plan.temporary:
                continue   # an output the user asked for (a file) stays
            plan.temporary.discard(value)
            if value in plan.kept:
                continue   # for OUTPUT_BUILDINGS
            plan.virtual.pop(value, None)
            if store.mapLayer(value) is not None:
                store.removeMapLayer(value)
            results[child_id][output] = None
            freed = True
        alive = {id(virtual.root) for dest, virtual in plan.virtual.items() if dest in plan.temporary}
        for name in [n for n, stored in plan.stored.items()
                     if last_layer.get(n, -1) <= number and id(stored) not in alive and not stored.freed]:
            plan.stored[name].free()
            freed = True
        # what the step shared from its own reading of the units no later step can ask for again
        if shared.keep_only([a for stored in plan.stored.values() if not stored.freed for a in stored.arrays()]):
            freed = True
        if freed:
            give_back_memory()

    def empty_allowed(self):
        """{layer parameter: the rules not assessed without its features}: the layers whose absence only
        removes some rules. An empty one (an OpenStreetMap extract without transit stops) leaves those rules
        not assessed, which the log and the report say with the reason, instead of stopping the check."""
        return {}

    def _note_empty_layers(self, parameters, context, feedback):
        """``parameters`` with a line in the report's input notes for each layer of ``empty_allowed`` that
        has no features, and an empty optional layer (flood zones) left out as if not given; a required layer
        that is empty is refused here, before any step runs, named with its parameter."""
        allowed, notes, parameters = self.empty_allowed(), [], dict(parameters)
        for definition in self.parameterDefinitions():
            name = definition.name()
            if definition.type() != "source" or parameters.get(name) in (None, ""):
                continue
            source = self.parameterAsSource(parameters, name, context)
            if source is None or source.featureCount() != 0:
                continue
            if definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional:
                feedback.pushWarning(self.tr("{parameter}: “{layer}” has no features; it is left out, as if not "
                                             "given.").format(parameter=definition.description(),
                                                              layer=source.sourceName()))
                parameters[name] = None
                continue
            if name not in allowed:
                raise QgsProcessingException(self.tr(
                    "The layer “{layer}” ({parameter}) has no features; the check needs it.").format(
                        layer=source.sourceName(), parameter=definition.description()))
            notes.append(self.tr("{parameter}: “{layer}” has no features, so {rules} are not assessed.").format(
                parameter=definition.description(), layer=source.sourceName(), rules=allowed[name]))
        if not notes:
            return parameters
        for note in notes:
            feedback.pushWarning(note)
        given = self.parameterAsString(parameters, "input_notes", context) or ""
        parameters["input_notes"] = "\n".join([given, *notes] if given.strip() else notes)
        return parameters

    def missing_field_effects(self):
        """{optional field parameter of the units: what leaving it out does}, for the log and the report."""
        return {"name_field": self.tr("the report labels the units by their id"),
                "green_ratio_field": self.tr("the green-ratio rule is not assessed, and neither are the sponge "
                                             "runoff coefficient, storage need and control rate (no green ratio in "
                                             "the data)"),
                "landuse_field": self.tr("rules that apply to some land uses only are not assessed")}

    def absent_field_effects(self):
        """{optional field parameter: the sentence for the log and the report where it is not given}."""
        return {}

    def _check_unit_fields(self, parameters, context, feedback):
        """``parameters`` checked, before any step runs, for the fields they name on every input layer (the
        steps read those of the planning units, or parcels, from their own intermediate layers and would name
        those): a required one the layer lacks is refused, naming the user's layer, the field and the parameter;
        an optional one (the green ratio of parcels made by lcr:prepare_osm, a shelter capacity field whose
        default name the shelters lack) is left empty, so its rules are not assessed, which the log and the
        report's input notes say, as they say what an optional field not given changes."""
        parameters, notes, sources = dict(parameters), [], {}
        for definition in self.parameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterField):
                continue
            parent = definition.parentLayerParameterName()
            if parameters.get(parent) in (None, ""):
                continue
            if parent not in sources:
                sources[parent] = self.parameterAsSource(parameters, parent, context)
            layer = sources[parent]
            if layer is None:
                continue
            optional = bool(definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional)
            field = self.parameterAsString(parameters, definition.name(), context)
            # not given, or, on a layer other than the units, left at a default name the layer lacks (roof_type):
            # as not given, as the steps take it (the units' are said: the green ratio of prepare_osm's parcels)
            absent = optional and (not field or parameters.get(definition.name()) is None and parent != self.UNITS
                                   and field not in layer.fields().names())
            if absent:
                parameters[definition.name()] = ""
                if definition.name() in self.absent_field_effects():
                    notes.append(self.absent_field_effects()[definition.name()])
                continue
            if field in layer.fields().names():
                continue
            kind = self.parameterDefinition(parent).description().lower()
            missing = self.tr("the {kind} layer “{layer}” has no field “{field}” (parameter “{parameter}”)").format(
                kind=kind, layer=layer.sourceName(), field=field, parameter=definition.description())
            if not optional:
                raise QgsProcessingException(self.tr("{missing}. Its fields are: {fields}.").format(
                    missing=missing[:1].upper() + missing[1:], fields=", ".join(layer.fields().names())))
            parameters[definition.name()] = ""
            notes.append(self.tr("{missing}: it is left out as if not given; {effect}.").format(
                missing=missing[:1].upper() + missing[1:], effect=self.missing_field_effects().get(
                    definition.name(), self.tr("the rules that read it are not assessed"))))
        for note in notes:
            feedback.pushWarning(note)
        if notes:
            given = self.parameterAsString(parameters, "input_notes", context) or ""
            parameters["input_notes"] = "\n".join([given, *notes] if given.strip() else notes)
        return parameters

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
                        (numeric if holds_numbers(source.fields().at(index)) else text).append(index)
            self._note_whole_table(parameters, name, context, source)
            table = self.__dict__.get("_whole_tables", {}).pop(id(source), (None, None))[1]
            plan.stored[name] = StoredLayer(source, numeric, text, parameters[name], table)

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
        step_params, plan.made_temporary = {}, []
        for name, sources in child.parameterSources().items():
            values = [self._value(s, plan, parameters, context, results) for s in sources]
            step_params[name] = values[0] if len(values) == 1 else values
        plan.keeping = parameters.get(self.OUTPUT_BUILDINGS) not in (None, "") and provider == "lcr" and \
            algorithm.parameterDefinition("OUTPUT") is not None and \
            algorithm.parameterDefinition("OUTPUT").type() == "sink" and \
            getattr(plan.node(step_params.get("INPUT")), "root", None) is plan.stored.get(self.BUILDINGS)
        model_outputs = {o.childOutputName(): f"{child.childId()}:{n}" for n, o in child.modelOutputs().items()}
        for definition in algorithm.destinationParameterDefinitions():
            name = definition.name()
            asked = parameters.get(model_outputs.get(name, ""))
            optional = bool(definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional)
            if asked not in (None, ""):
                step_params[name] = asked
                # the step keeps its outputs when it ends well; a later step's failure or a Cancel takes
                # them back with the check's
                self._outputs.expect(asked, context)
            elif (child.childId(), name) in used or (plan.keeping and name == "OUTPUT"):
                if (child.childId(), name) in used:
                    plan.made_temporary.append(name)
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
        for name in plan.made_temporary:
            layer, origin = context.getMapLayer(str(result.get(name, ""))), origin_name(plan, step_params, context, name)
            if origin and layer is not None:
                layer.setName(origin)
        return result


class MasterPlanCheck(ModelPlanCheck):
    ALG_ID = "master_plan_check"
    MODEL = "master_plan_check_model"
    UNITS = "units"

    def empty_allowed(self):
        return {"transit_stops": self.tr("the transit rules (rail and bus coverage: no transit stops in the data)"),
                "green_spaces": self.tr("the park rules (park green per resident and park service coverage: no "
                                        "green spaces in the data)")}

    def missing_field_effects(self):
        return {**super().missing_field_effects(), **self._shelter_field_effects()}

    def absent_field_effects(self):
        return {name: self.tr("No shelter {what} field: {effect}.").format(what=what, effect=effect)
                for name, (what, effect) in self._shelter_field_sentences().items()}

    def _shelter_field_effects(self):
        return {name: effect for name, (_, effect) in self._shelter_field_sentences().items()}

    def _shelter_field_sentences(self):
        return {"shelter_type_field": (self.tr("type"), self.tr(
                    "shelter coverage uses the default service distance (500 m unless set) and the default area per "
                    "evacuee for every shelter, and every shelter counts as a fixed shelter")),
                "shelter_capacity_field": (self.tr("capacity"), self.tr(
                    "each shelter holds its effective area / the area per evacuee of its class, and the "
                    "fixed-shelter capacity per unit (shelter_cap_pct) is not assessed, which is not a pass"))}

    def displayName(self):  # noqa: N802
        return self.tr("Master plan check")


class DetailedPlanCheck(ModelPlanCheck):
    ALG_ID = "detailed_plan_check"
    MODEL = "detailed_plan_check_model"
    UNITS = "parcels"

    def displayName(self):  # noqa: N802
        return self.tr("Detailed plan check")
