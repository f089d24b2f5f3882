"""Page 0: where the layers come from (the demo district, the project's own layers, an OpenStreetMap extract,
Chinese POI and land-use data) and where the results are saved. OpenStreetMap and Chinese data are prepared
here, in the background, by the toolkit's algorithms; the page then says what was estimated and how much."""
import os
import shutil

from qgis.core import QgsMapLayerProxyModel, QgsProcessingFeedback, QgsProject
from qgis.gui import QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...algorithms.reading import decoded_field_names
from ...algorithms.landuse_codes import LanduseCodes
from .. import field_guess
from ..translated import Translated
from . import prepare, saving
from .owned import own_layers, start_task

STARTS = ("demo", "own", "osm", "china")
CATEGORY_NAMES = ("typecode", "类型编码", "type", "tag", "标签", "category", "类别", "分类", "大类", "类型", "行业")
CODE_NAMES = field_guess.FIELD_NAMES["landuse"]


def _guess_shown(layer, guess):
    """The field of ``layer`` that ``guess`` (names -> name or None) picks, by the names its file holds: a GBK
    shapefile that QGIS reads as UTF-8 shows garbled names, which the guess would not know. "" for none."""
    if layer is None:
        return ""
    names = layer.fields().names()
    true_names = decoded_field_names(layer) or names
    found = guess(true_names)
    return names[true_names.index(found)] if found else ""


class StartPage(Translated, QWizardPage):
    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.task = None
        self.prepared_for = None         # (start, inputs) of the last preparation that succeeded
        self.setTitle(self.tr("Start from …"))
        self.setSubTitle(self.tr("Where do the layers come from, and where should the results be saved?"))
        self.choices = QButtonGroup(self)
        texts = (self.tr("The demo district shipped with the toolkit"),
                 self.tr("My own layers, already in the project"),
                 self.tr("An OpenStreetMap extract (.osm.pbf or .osm)"),
                 self.tr("Chinese POI and land-use data (Amap or Baidu POIs, parcels with land-use codes)"))
        layout = QVBoxLayout(self)
        for index, text in enumerate(texts):
            button = QRadioButton(text)
            self.choices.addButton(button, index)
            layout.addWidget(button)
        self.details = QStackedWidget()
        self.details.addWidget(self._note(self.tr(
            "A made-up district of 6 planning units and 459 parcels with every layer the checks read, flood zones "
            "included: to see what the wizard does before using your own data.")))
        self.details.addWidget(self._note(self.tr(
            "Load your layers into the project first; the next pages guess which is which from their names.")))
        self.details.addWidget(self._osm_form())
        self.details.addWidget(self._china_form())
        layout.addWidget(self.details)
        self.prepare_button = QPushButton(self.tr("Prepare the layers"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        row = QHBoxLayout()
        row.addWidget(self.prepare_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress, 1)
        self.prepare_row = QWidget()
        self.prepare_row.setLayout(row)
        self.prepare_row.layout().setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prepare_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.folder.setDialogTitle(self.tr("Folder for the results"))
        self.folder.setFilePath(state.folder or saving.default_folder())
        form = QFormLayout()
        form.addRow(self.tr("Save the results in:"), self.folder)
        layout.addLayout(form)
        layout.addWidget(self._note(self.tr(
            "Each run gets a folder of its own in it: the result layers in one GeoPackage, the report as HTML "
            "and PDF, added to the project, so nothing is lost when QGIS closes. Prepared layers are saved "
            "there too. Offered first: a folder “{beside}” beside the saved project, or “{documents}” in your "
            "Documents folder while the project is not saved; your choice is remembered.").format(
                beside=saving.BESIDE_PROJECT, documents=saving.IN_DOCUMENTS)))
        self.choices.button(STARTS.index(state.start)).setChecked(True)
        self.choices.buttonClicked.connect(self._choice_changed)
        self.prepare_button.clicked.connect(self.prepare)
        self.cancel_button.clicked.connect(self.cancel)
        self.folder.fileChanged.connect(self._choice_changed)
        self._choice_changed()

    @staticmethod
    def _row(*items):
        """Widgets and their labels (strings) side by side, the widgets sharing the width."""
        row = QHBoxLayout()
        for item in items:
            if isinstance(item, str):
                row.addWidget(QLabel(item))
            else:
                row.addWidget(item, 1)
        return row

    @staticmethod
    def _note(text):
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _osm_form(self):
        widget = QWidget()
        form = QFormLayout(widget)
        form.setContentsMargins(24, 0, 0, 0)
        self.osm_file = QgsFileWidget()
        self.osm_file.setFilter(self.tr("OpenStreetMap files (*.osm.pbf *.pbf *.osm)"))
        self.osm_file.fileChanged.connect(self._choice_changed)
        form.addRow(self.tr("Extract:"), self.osm_file)
        self.osm_units = QComboBox()
        self.osm_units.addItems([self.tr("a grid of 500 m cells holding buildings"),
                                 self.tr("the administrative areas in the extract, of admin level:")])
        self.osm_admin_level = QSpinBox()
        self.osm_admin_level.setRange(1, 12)
        self.osm_admin_level.setValue(8)
        self.osm_admin_level.setToolTip(self.tr("8 is often a municipality, 9–10 a district or neighbourhood; it "
                                                "varies by country."))
        units = QHBoxLayout()
        units.addWidget(self.osm_units)
        units.addWidget(self.osm_admin_level)
        units.addStretch(1)
        form.addRow(self.tr("Planning units:"), units)
        self.osm_units.currentIndexChanged.connect(self._choice_changed)
        self.osm_admin_level.valueChanged.connect(self._choice_changed)
        form.addRow(self._note(self.tr(
            "Prepared by “Prepare OpenStreetMap data” (lcr:prepare_osm): buildings with floors, use and "
            "residents estimated where OpenStreetMap has none, roads, stops, facilities, parks, candidate "
            "shelters and land cover. OpenStreetMap has no flood zones: add your own on the next pages, or the "
            "flood rules are not assessed. Data © OpenStreetMap contributors, ODbL.")))
        return widget

    def _china_form(self):
        widget = QWidget()
        form = QFormLayout(widget)
        form.setContentsMargins(24, 0, 0, 0)
        self.poi_layer = QgsMapLayerComboBox()
        self.poi_layer.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)
        self.poi_layer.setAllowEmptyLayer(True)
        self.poi_layer.setLayer(None)
        self.poi_csv = QgsFileWidget()
        self.poi_csv.setFilter(self.tr("CSV tables (*.csv)"))
        self.poi_csv.fileChanged.connect(self._load_csv)
        self.poi_coordinates = QComboBox()
        self.poi_coordinates.addItems([self.tr("GCJ-02 (Amap 高德, Tencent)"), self.tr("BD-09 (Baidu 百度)"),
                                       self.tr("WGS 84 / CGCS2000 (no conversion)")])
        self.poi_category = QgsFieldComboBox()
        self.poi_name = QgsFieldComboBox()
        self.poi_name.setAllowEmptyFieldName(True)
        self.parcels = QgsMapLayerComboBox()
        self.parcels.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.parcels.setAllowEmptyLayer(True)
        self.parcels.setLayer(None)
        self.parcel_code = QgsFieldComboBox()
        self.parcel_scheme = QComboBox()
        self.parcel_scheme.addItems(LanduseCodes().scheme_names())
        self.poi_layer.layerChanged.connect(self._poi_changed)
        self.parcels.layerChanged.connect(self._parcels_changed)
        for box in (self.poi_category, self.parcel_code):
            box.fieldChanged.connect(self._choice_changed)
        # Two or three boxes a row: the page must fit the wizard's height with its notes.
        form.addRow(self.tr("POI layer:"), self._row(self.poi_layer, self.tr("… or load a POI CSV:"), self.poi_csv))
        form.addRow(self.tr("POI coordinates:"), self._row(self.poi_coordinates, self.tr("Category field:"),
                                                           self.poi_category, self.tr("Name field:"), self.poi_name))
        form.addRow(self.tr("Parcel layer:"), self._row(self.parcels, self.tr("Land-use code field:"),
                                                        self.parcel_code))
        form.addRow(self.tr("Classification:"), self.parcel_scheme)
        form.addRow(self._note(self.tr(
            "POIs: categories to facility and stop types (lcr:poi_categories), coordinates to WGS 84 / CGCS2000 "
            "(lcr:china_coordinates: nothing in the data tells GCJ-02 from BD-09, so say which). Parcels: "
            "land-use codes to the toolkit's classes (lcr:landuse_codes), also used as land cover. Either may be "
            "left empty; choose the other layers on the next pages.")))
        return widget

    # ---- choices --------------------------------------------------------------------------------
    def start(self):
        return STARTS[max(self.choices.checkedId(), 0)]

    def _inputs(self):
        """What a preparation depends on: a change means preparing again."""
        if self.start() == "osm":
            return (self.osm_file.filePath(), self.osm_units.currentIndex(), self.osm_admin_level.value())
        if self.start() == "china":
            return (self.poi_layer.currentLayer(), self.poi_category.currentField(), self.poi_name.currentField(),
                    self.poi_coordinates.currentIndex(), self.parcels.currentLayer(), self.parcel_code.currentField(),
                    self.parcel_scheme.currentIndex())
        return ()

    def _choice_changed(self, *_):
        start = self.start()
        self.details.setCurrentIndex(STARTS.index(start))
        # The stack as tall as the choice shown, not as its tallest page (the Chinese data's form).
        for index in range(self.details.count()):
            shown = index == self.details.currentIndex()
            self.details.widget(index).setSizePolicy(
                QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored)
        self.details.adjustSize()
        self.osm_admin_level.setEnabled(self.osm_units.currentIndex() == 1)
        self.prepare_row.setVisible(start in ("osm", "china"))
        self.prepare_button.setEnabled(self.task is None and not self.input_problem())
        if self.task is None and start in ("osm", "china"):
            problem = self.input_problem()
            if problem:
                self.status.setText(problem)
            elif self.prepared_for != (start, self._inputs()):
                self.status.setText(self.tr("Press “Prepare the layers”."))
        elif self.task is None:
            self.status.setText("")
        self.completeChanged.emit()

    def _load_csv(self, path):
        if not path:
            return
        layer = prepare.poi_csv_layer(path)
        if layer is None:
            self.status.setText(self.tr("“{path}” has no longitude and latitude columns (lon/lng and lat, or 经度 "
                                        "and 纬度).").format(path=os.path.basename(path)))
            return
        QgsProject.instance().addMapLayer(layer)
        self.poi_layer.setLayer(layer)

    def _poi_changed(self, layer):
        for box in (self.poi_category, self.poi_name):
            box.setLayer(layer)
        self.poi_category.setField(_guess_shown(layer, lambda names: field_guess.guess_name(CATEGORY_NAMES, names)))
        self.poi_name.setField(_guess_shown(layer, lambda names: field_guess.guess_field("name", names)))
        self._choice_changed()

    def _parcels_changed(self, layer):
        self.parcel_code.setLayer(layer)
        self.parcel_code.setField(_guess_shown(layer, lambda names: field_guess.guess_name(CODE_NAMES, names)))
        self._choice_changed()

    def input_problem(self):
        """Why the chosen start cannot be prepared yet, in words ("" when it can)."""
        if not self.folder.filePath().strip():
            return self.tr("Choose a folder for the results.")
        if self.start() == "osm":
            path = self.osm_file.filePath()
            if not path:
                return self.tr("Choose the OpenStreetMap extract.")
            if not os.path.isfile(path):
                return self.tr("The file “{path}” does not exist.").format(path=path)
        elif self.start() == "china":
            if self.poi_layer.currentLayer() is None and self.parcels.currentLayer() is None:
                return self.tr("Choose a POI layer, a parcel layer or both.")
            if self.poi_layer.currentLayer() is not None and not self.poi_category.currentField():
                return self.tr("Choose the POIs' category field.")
            if self.parcels.currentLayer() is not None and not self.parcel_code.currentField():
                return self.tr("Choose the parcels' land-use code field.")
        return ""

    # ---- preparing --------------------------------------------------------------------------------
    def prepare(self):
        start, inputs = self.start(), self._inputs()
        try:
            folder = saving.new_folder(self.folder.filePath().strip(), "prepared_" + start)
        except OSError as error:
            self.status.setText(self.tr("Cannot make a folder in {folder}: {reason}.").format(
                folder=self.folder.filePath(), reason=error.strerror or error))
            return
        gpkg = os.path.join(folder, prepare.PREPARED_GPKG)
        owned = {}
        if start == "osm":
            work = prepare.osm_work(inputs[0], gpkg, units_method=inputs[1], admin_level=inputs[2])
            name = self.tr("OpenStreetMap: {file}").format(file=os.path.basename(inputs[0]))
        else:
            pois, parcels = self.poi_layer.currentLayer(), self.parcels.currentLayer()
            owned = own_layers([pois, parcels])   # the task reads its own copies, not the project's layers
            work = prepare.china_work(
                gpkg, prepare.metric_crs([parcels, pois]),
                pois=(owned.get(pois.id(), pois.id()), inputs[1], inputs[2], inputs[3]) if pois is not None else None,
                parcels=(owned.get(parcels.id(), parcels.id()), inputs[5], inputs[6]) if parcels is not None else None)
            name = self.tr("Chinese data: {layers}").format(
                layers=", ".join(layer.name() for layer in (pois, parcels) if layer is not None))
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.task = prepare.PrepareTask(name, work, self.feedback,
                                        lambda ok, results, error: self._prepared(ok, results, error, start, inputs,
                                                                                  folder, gpkg, name),
                                        owned)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Preparing…"))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self._choice_changed()
        start_task(self.task)

    def cancel(self):
        if self.task is not None:
            self.feedback.cancel()

    def _prepared(self, ok, results, error, start, inputs, folder, gpkg, name):
        if sip.isdeleted(self.cancel_button):
            return          # the wizard was closed while the task ran: nothing left to show it in
        self.task = None
        self.cancel_button.setEnabled(False)
        if ok and not self.feedback.isCanceled():
            if start == "osm":
                tables = {param or table: table for _sink, (param, table) in prepare.OSM_SINKS.items()}
                layers = prepare.add_prepared(gpkg, tables, name)
                estimates = prepare.osm_estimates(results, layers, inputs[1])
            else:
                layers = prepare.add_china_prepared(gpkg, results, name)
                estimates = prepare.china_estimates(results)
            self._set_prepared({param: layer for param, layer in layers.items() if param != "water"}, estimates)
            self.prepared_for = (start, inputs)
            self.progress.setValue(100)
            self.status.setText(self.tr("Prepared and saved in {folder}, added to the project in the group "
                                        "“{group}”. Estimated:").format(folder=folder, group=name)
                                + "\n" + "\n".join("• " + note.text() for note in estimates))
        else:
            shutil.rmtree(folder, ignore_errors=True)
            if self.feedback.isCanceled():
                self.status.setText(self.tr("Cancelled: nothing was added to the project."))
            else:
                lines = [line for line in self.feedback.textLog().splitlines() if line.strip()][-3:]
                self.status.setText(self.tr("The preparation failed:") + "\n" + "\n".join([error] + lines))
                self.status.setStyleSheet("color: #b00020;")
        self._choice_changed()

    def _set_prepared(self, layers, estimates):
        if layers != self.state.prepared:
            self.state.prepared = layers
            self.state.prepared_version += 1
            self.state.layers.clear()           # the layers page offers the prepared layers, not older choices
            self.state.fields.clear()
        self.state.estimates = estimates

    def isComplete(self):  # noqa: N802 (Qt API)
        if self.task is not None or not self.folder.filePath().strip():
            return False
        start = self.start()
        return start in ("demo", "own") or self.prepared_for == (start, self._inputs())

    def validatePage(self):  # noqa: N802 (Qt API)
        start = self.start()
        if start == "demo":
            self._set_prepared(prepare.load_demo(), [])
        elif start == "own":
            self._set_prepared({}, [])
        self.state.start = start
        self.state.folder = self.folder.filePath().strip()
        return True
