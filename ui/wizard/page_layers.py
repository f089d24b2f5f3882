"""Page 2: a project layer for each role the level's model needs, the fields it reads and its design values."""
import os

from qgis.core import (
    QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsMapLayerProxyModel, QgsProject)
from qgis.gui import QgsDoubleSpinBox, QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import QGridLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from ...algorithms.reading import decoded_field_names
from ...core import crs as core_crs
from .. import field_guess
from ...qt_compat import holds_numbers
from ..translated import Translated
from .plans import NUMERIC, STRING, plan_for


class LayersPage(Translated, QWizardPage):
    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Layers and fields"))
        self.setSubTitle(self.tr("Choose the project layer for each input and the fields to read. "
                                 "Guesses from the field names are filled in: check them."))
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.notes = QLabel()       # what the run will do with the layers, not keeping the user from going on
        self.notes.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.notes)
        self.layer_boxes, self.field_boxes, self.previews, self.value_boxes = {}, {}, {}, {}
        self.built_for = None

    def initializePage(self):  # noqa: N802 (Qt API)
        # Built again for another level, or when the start page prepared other layers.
        if self.built_for == (self.state.level, self.state.prepared_version):
            return
        self.built_for = (self.state.level, self.state.prepared_version)
        plan = plan_for(self.state.level)
        self.layer_boxes, self.field_boxes, self.previews, self.value_boxes = {}, {}, {}, {}
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(2, 1)
        row = 0
        for role in plan.layers:
            heading = QLabel("<b>{}</b>".format(role.label) + (
                " " + self.tr("(optional)") if role.optional else ""))
            box = QgsMapLayerComboBox()
            box.setFilters(role.kind)
            box.setAllowEmptyLayer(True)
            box.setLayer(self._first_layer(role))
            grid.addWidget(heading, row, 0)
            grid.addWidget(box, row, 1, 1, 2)
            self.layer_boxes[role.param] = box
            row += 1
            for field_role in (f for f in plan.fields if f.layer == role.param):
                field_box = QgsFieldComboBox()
                if field_role.numeric:
                    field_box.setFilters(NUMERIC | STRING if field_role.text_numbers else NUMERIC)
                field_box.setAllowEmptyFieldName(True)
                preview = QLabel()
                preview.setWordWrap(True)
                grid.addWidget(QLabel("    " + field_role.label), row, 0)
                grid.addWidget(field_box, row, 1)
                grid.addWidget(preview, row, 2)
                self.field_boxes[field_role.param] = field_box
                self.previews[field_role.param] = preview
                row += 1
        row = self._add_values(grid, row, plan)
        grid.setRowStretch(row, 1)
        for param, box in self.layer_boxes.items():
            box.layerChanged.connect(lambda layer, param=param: self._layer_changed(param, layer, True))
            self._layer_changed(param, box.currentLayer(), False)
        self.scroll.setWidget(body)
        for field_box in self.field_boxes.values():
            field_box.fieldChanged.connect(self._update)
        self._update()

    def _add_values(self, grid, row, plan):
        """The model's design values under their own heading, each starting at the model's default."""
        if not plan.values:
            return row
        model = QgsApplication.processingRegistry().algorithmById(plan.algorithm)
        grid.addWidget(QLabel("<b>{}</b>".format(self.tr("Design values"))), row, 0)
        row += 1
        for role in plan.values:
            definition = model.parameterDefinition(role.param) if model is not None else None
            default = definition.defaultValue() if definition is not None else None
            wanted = self.state.values.get(role.param, default)
            if role.kind == "number":
                box = QgsDoubleSpinBox()
                box.setDecimals(1)
                box.setRange(definition.minimum() if definition is not None else 0.0, 10_000.0)
                box.setClearValue(float(default or 0.0))
                box.setValue(float(wanted or 0.0))
                box.valueChanged.connect(self._update)
            elif role.kind == "csv":
                box = QgsFileWidget()
                box.setFilter(self.tr("CSV tables (*.csv)"))
                box.setFilePath(wanted or "")
                box.fileChanged.connect(self._update)
            else:
                box = QLineEdit(format(wanted or ""))
                box.textChanged.connect(self._update)
            purpose = QLabel(self.tr("→ {purpose}").format(purpose=role.purpose) if not role.optional else
                             self.tr("(optional) {purpose}").format(purpose=role.purpose))
            purpose.setWordWrap(True)
            grid.addWidget(QLabel("    " + role.label), row, 0)
            grid.addWidget(box, row, 1)
            grid.addWidget(purpose, row, 2)
            self.value_boxes[role.param] = box
            row += 1
        return row

    def values(self):
        """{ValueRole.param: the value shown}, "" for an empty text or file."""
        values = {}
        for param, box in self.value_boxes.items():
            if isinstance(box, QgsDoubleSpinBox):
                values[param] = box.value()
            elif isinstance(box, QgsFileWidget):
                values[param] = box.filePath().strip()
            else:
                values[param] = box.text().strip()
        return values

    def _first_layer(self, role):
        """The layer chosen before, else the one the start page prepared, else a guess from the names;
        an optional layer is not guessed when the start page prepared the others (a demo's flood zones
        would not cover an OpenStreetMap town)."""
        chosen = self.state.layers.get(role.param)
        try:
            if chosen is not None and chosen.id() in QgsProject.instance().mapLayers():
                return chosen
        except RuntimeError:        # removed from the project since: its C++ object is gone
            pass
        if self.state.prepared:
            prepared = self.state.prepared.get(role.param)
            if prepared is not None or role.optional:
                return prepared
        return self._guess_layer(role)

    def _guess_layer(self, role):
        layers = [layer for layer in QgsProject.instance().mapLayers().values()
                  if self._accepts(role, layer)]
        name = field_guess.guess_layer(role.guess, [layer.name() for layer in layers])
        return next((layer for layer in layers if layer.name() == name), None)

    def _guess_field(self, field_role, names):
        if field_role.guess == "name" and self.state.language == 1:
            return field_guess.guess_field("name_zh", names) or field_guess.guess_field("name", names)
        return field_guess.guess_field(field_role.guess, names)

    @staticmethod
    def _accepts(role, layer):
        model = QgsMapLayerProxyModel()
        model.setFilters(role.kind)
        return model.acceptsLayer(layer)

    def _layer_changed(self, param, layer, guess):
        plan = plan_for(self.state.level)
        names = layer.fields().names() if layer is not None else []
        # a GBK shapefile that QGIS reads as UTF-8 shows garbled names: guess on the true ones, choose the shown one
        true_names = (decoded_field_names(layer) if layer is not None else None) or names
        for field_role in (f for f in plan.fields if f.layer == param):
            box = self.field_boxes[field_role.param]
            box.setLayer(layer)
            kept = self.state.fields.get(field_role.param) if not guess else None
            if kept not in names:
                kept = self._guess_field(field_role, true_names) if layer is not None else None
                kept = names[true_names.index(kept)] if kept else None
                if kept and field_role.numeric and not field_role.text_numbers and \
                        not holds_numbers(layer.fields().field(kept)):
                    kept = None
            box.setField(kept or "")
        self._update()

    def _update(self, *_):
        plan = plan_for(self.state.level)
        for field_role in plan.fields:
            chosen = self.field_boxes[field_role.param].currentField()
            if chosen:
                text = self.tr("→ {purpose}").format(purpose=field_role.purpose)
            elif field_role.optional:
                text = self.tr("(optional, not used) {purpose}").format(purpose=field_role.purpose)
            else:
                text = self.tr("<span style='color:#b00020'>required:</span> {purpose}").format(
                    purpose=field_role.purpose)
            self.previews[field_role.param].setText(text)
        problems = self.input_problems()
        shown = ["• " + problem for problem in problems[:6]]
        if len(problems) > 6:
            shown.append(self.tr("… and {n} more.").format(n=len(problems) - 6))
        self.problems.setText("\n".join(shown))
        self.notes.setText("\n".join("• " + note for note in self.input_notes()))
        self.completeChanged.emit()

    def input_problems(self):
        """What keeps the user from going on, in words; empty when the inputs will do."""
        plan = plan_for(self.state.level)
        problems = []
        layers = {param: box.currentLayer() for param, box in self.layer_boxes.items()}
        for role in plan.layers:
            layer = layers.get(role.param)
            if layer is None and role.optional:
                continue
            if layer is None:
                problems.append(self.tr("Choose a layer for “{role}”.").format(role=role.label))
            elif not layer.isValid():
                problems.append(self.tr("“{layer}” cannot be read: is its file still there?").format(
                    layer=layer.name()))
            elif layer.featureCount() == 0:     # -1 (not known yet) is left to the run
                problems.append(self.tr("“{layer}” has no features.").format(layer=layer.name()))
            elif layer.crs().isGeographic() and self._lonlat_centre(layer) is None:
                problems.append(self.tr(
                    "“{layer}” is labelled {crs}, longitudes and latitudes, but its coordinates cannot be: its CRS is "
                    "probably wrong. Set the layer's real CRS (Layer Properties ▸ Source), not a reprojection.").format(
                        layer=layer.name(), crs=layer.crs().authid() or layer.crs().description()))
        for field_role in plan.fields:
            layer = layers.get(field_role.layer)
            if layer is not None and not field_role.optional and not self.field_boxes[field_role.param].currentField():
                problems.append(self.tr("Choose the field “{field}” of “{layer}”.").format(
                    field=field_role.label, layer=layer.name()))
        values = self.values()
        for role in plan.values:
            value = values.get(role.param, "")
            if role.kind == "csv" and value and not os.path.isfile(value):
                problems.append(self.tr("The file “{path}” does not exist.").format(path=value))
            elif value == "" and not role.optional:
                problems.append(self.tr("Give “{value}”.").format(value=role.label))
        units = layers.get(plan.units)
        if units is not None:
            for role in plan.layers:
                layer = layers.get(role.param)
                if layer is not None and layer is not units and not self._overlaps(layer, units):
                    problems.append(self.tr("“{layer}” does not overlap “{units}”: is it the same area?").format(
                        layer=layer.name(), units=units.name()))
        return problems

    def input_notes(self):
        """What the run will do with the chosen layers that the user should know, in words: a layer in longitudes
        and latitudes (EPSG:4326, CGCS2000's EPSG:4490) is measured in the CRS in metres the checks choose for it,
        as the algorithms do (``core.crs.measuring_epsg``)."""
        notes = []
        for role in plan_for(self.state.level).layers:
            layer = self.layer_boxes[role.param].currentLayer() if role.param in self.layer_boxes else None
            if layer is None or not layer.isValid() or not layer.crs().isGeographic():
                continue
            centre = self._lonlat_centre(layer)
            if centre is None:
                continue
            crs = layer.crs()
            metric = QgsCoordinateReferenceSystem("EPSG:{}".format(core_crs.measuring_epsg(
                centre[0], centre[1], core_crs.is_cgcs2000(crs.authid(), crs.toWkt()))))
            notes.append(self.tr(
                "“{layer}” is in longitudes and latitudes ({crs}): the checks measure its distances and areas in "
                "{metric} ({epsg}); the results keep its CRS.").format(
                    layer=layer.name(), crs=crs.authid() or crs.description(), metric=metric.description(),
                    epsg=metric.authid()))
        return notes

    @staticmethod
    def _lonlat_centre(layer):
        """(lon, lat) of the centre of a layer in degrees; None where its extent cannot be longitudes and latitudes."""
        extent = layer.extent()
        box = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        if extent.isNull() or not core_crs.lonlat_plausible(*box):
            return None
        return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2

    def _overlaps(self, layer, units):
        transform = QgsCoordinateTransform(layer.crs(), units.crs(), QgsProject.instance())
        try:
            extent = transform.transformBoundingBox(layer.extent())
        except Exception:  # noqa: BLE001 - a transform that fails (QgsCsException) means: cannot overlap
            return False
        return extent.intersects(units.extent())

    def isComplete(self):  # noqa: N802 (Qt API)
        return bool(self.layer_boxes) and not self.input_problems()

    def validatePage(self):  # noqa: N802 (Qt API)
        self.state.layers = {param: box.currentLayer() for param, box in self.layer_boxes.items()}
        self.state.fields = {param: box.currentField() for param, box in self.field_boxes.items()}
        self.state.values = self.values()
        return True
