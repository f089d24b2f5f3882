"""What every algorithm of the toolkit shares: naming, translation, input checks, reading
features into arrays in chunks (``reading.ReadingMixin``), writing results through a sink and styling
loaded outputs (``writing.WritingMixin``).

A run ends in one of two ways: ``compute`` returns whole results, or it raises and the run fails with
nothing left at the user's output paths (``outputs.RunOutputs``). Cancelling is such a failure: the
reading and writing loops here, the algorithms between their steps and core (through an
``is_canceled`` callable) raise ``Canceled`` within a fraction of a second, so a cancelled run never
returns half its features with totals that look whole.

Subclasses declare ``ALG_ID``, ``GROUP_ID`` and ``STYLE`` and implement ``displayName``,
``help_text``, ``initAlgorithm`` and ``compute``; the base never branches on which one it is.
"""
import configparser
import functools
import math
import os
import re
import traceback

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsMapLayer,
    QgsPointXY,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QIcon

from ..core import crs as core_crs
from ..core import memory, methods, tables
from ..core.errors import Canceled, InputError
from . import columnar, est_flags
from .outputs import RunOutputs, inputs_left_alone, is_provider_uri
from ..qt_compat import FieldType, field_type, holds_numbers

from .reading import ReadingMixin, _gbk_uri
from .writing import WritingMixin

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def resource_path(*parts):
    return os.path.join(PLUGIN_DIR, "resources", *parts)


def show_decimals(parameter):
    """Let the dialog show a decimal number with its default's decimals and two more (at least 2, at most 6)
    instead of QGIS's six: "25.00" mm, not "25.000000". Without a default QGIS's six stay, so a small value
    typed in is never rounded."""
    if not isinstance(parameter, QgsProcessingParameterNumber) or \
            parameter.dataType() != QgsProcessingParameterNumber.Type.Double:
        return
    default = parameter.defaultValue()
    if not isinstance(default, (int, float)) or not math.isfinite(default) or abs(default) >= 1e12:
        return
    decimals = len(f"{float(default):.6f}".rstrip("0").split(".")[1])
    metadata = parameter.metadata()
    wrapper = dict(metadata.get("widget_wrapper") or {})
    wrapper.setdefault("decimals", min(6, max(2, decimals + 2)))
    metadata["widget_wrapper"] = wrapper
    parameter.setMetadata(metadata)


def plugin_metadata(key):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8")
    return parser.get("general", key, fallback="")


def ui_lang():
    """"zh" when QGIS runs in Chinese, else "en": the language of help pages and of factor names in logs."""
    return "zh" if QgsApplication.locale().lower().startswith("zh") else "en"


def factor_names(names, table, key_column):
    """Keys of the shipped factor ``table`` (land-cover classes, building uses …) as the user reads
    them: their ``name_zh`` when QGIS runs in Chinese."""
    return tables.names_in_language(names, resource_path("factors", table), key_column, ui_lang())


def methods_url(anchor):
    """The methods document shipped with the plugin, in the language QGIS runs in, at ``anchor``:
    help that needs no network and says what the code does."""
    url = QUrl.fromLocalFile(methods.page(ui_lang()))
    url.setFragment(anchor)
    return url.toString()


def methods_note(anchor):
    """The line that ends every tool's help: where its method, defaults and sources are written."""
    return QCoreApplication.translate(
        "LcrAlgorithm", "Method, formulas, defaults, sources and limits: the methods document, §{section} "
        "(the Help button opens it).").format(section=methods.section(anchor))


def user_factor_dir():
    """Where the user's own factor tables live: the QGIS profile, which a plugin update leaves alone."""
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "lcr_toolkit", "factors")


def user_factor_path(name):
    """The user's table replacing the shipped ``name`` (e.g. "building_eui.csv"), or "" if they have none."""
    path = os.path.join(user_factor_dir(), name)
    return path if os.path.isfile(path) else ""


def factor_path(name):
    """The factor table in force: the user's own (Settings ▸ factor tables), else the shipped one."""
    return user_factor_path(name) or resource_path("factors", name)


def is_shipped_table(path, name):
    """Whether ``path`` is the shipped factor table ``name``: values from it are the toolkit's
    examples, not the user's data."""
    shipped = resource_path("factors", name)
    return os.path.isfile(path) and os.path.samefile(path, shipped)


def factor_tables():
    """File names of the shipped factor tables."""
    return sorted(name for name in os.listdir(resource_path("factors")) if name.endswith(".csv"))


def default_factor(key):
    """An emission factor (kgCO2/kWh) from emission_factors.csv: the user's own, or the shipped one
    where their table lacks the key or cannot be read (it is a parameter's default value, read as
    the toolbox loads: it must not fail)."""
    for path in dict.fromkeys((factor_path("emission_factors.csv"), resource_path("factors", "emission_factors.csv"))):
        try:
            factors = _emission_factors(path, os.stat(path).st_mtime_ns)
        except (InputError, OSError):
            continue
        if key in factors:
            return factors[key]
    raise KeyError(key)


@functools.lru_cache(maxsize=8)
def _emission_factors(path, mtime_ns):
    # Keyed on the file and its modification time so that importing or resetting a table is
    # seen at once while repeated look-ups (every algorithm instance) stay cheap.
    frame = tables.read_csv_table(path, ["key", "kgco2_per_kwh"], ["kgco2_per_kwh"])
    return {str(key): float(value) for key, value in zip(frame["key"], frame["kgco2_per_kwh"])}


def usable_file_name(path):
    """Whether ``path`` can name a file: no null character, and every character encodable in the file system's
    encoding (a lone surrogate is not). Python's path functions raise on the others."""
    if "\0" in path:
        return False
    try:
        os.fsencode(path)
    except UnicodeError:
        return False
    return True


def refuses_instead_of_raising(check):
    """``checkParameterValues`` answering (False, the reason) where it would raise. QGIS calls it on a copy of the
    algorithm that C++ owns (the algorithm dialog's, qgis_process's) and keeps an error raised out of it with its
    traceback (the dialog's error window, sys.last_exc) after deleting the copy; a frame holding ``self`` then
    kept the copy's Python wrapper and the wrappers of its parameter definitions registered under freed
    addresses, which QGIS 3.44 (sip 6.16) hands to the next run's objects (LcrAlgorithm.processAlgorithm).
    The error's frames are cleared and no error leaves (tests/test_alg_lifetime.py)."""
    @functools.wraps(check)
    def checked(self, parameters, context):
        try:
            return check(self, parameters, context)
        except Exception as err:  # noqa: BLE001 (any error is a refusal, said in words)
            traceback.clear_frames(err.__traceback__)
            message = _refusal_message(self, err)
        return False, message
    return checked


def _refusal_message(algorithm, err):
    if isinstance(err, QgsProcessingException):
        return str(err)
    if isinstance(err, InputError) and isinstance(algorithm, LcrAlgorithm):
        return algorithm.input_error_message(err)
    return QCoreApplication.translate("LcrAlgorithm", "The parameters could not be checked ({error}).").format(
        error=f"{type(err).__name__}: {err}")


class LcrAlgorithm(ReadingMixin, WritingMixin, QgsProcessingAlgorithm):
    ALG_ID = ""
    GROUP_ID = ""
    STYLE = ""
    GEOMETRY_IS_RESULT = False   # True: an output without geometries (CSV, spreadsheet) is refused
    CHUNK_SIZE = 50_000   # features held in memory at once; progress is reported per chunk
    # Features read or written between two looks at the Cancel button: a few hundredths of a second.
    CANCEL_EVERY = 2_000

    # ---- identity -------------------------------------------------------------------------
    def createInstance(self):  # noqa: N802
        return type(self)()

    def name(self):
        return self.ALG_ID

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def group(self):
        return {
            "low_carbon": QCoreApplication.translate("LcrAlgorithm", "Low-carbon"),
            "resilience": QCoreApplication.translate("LcrAlgorithm", "Resilience"),
            "planning_checks": QCoreApplication.translate("LcrAlgorithm", "Planning checks"),
            "plan_measures": QCoreApplication.translate("LcrAlgorithm", "Plan measures"),
            "data_preparation": QCoreApplication.translate("LcrAlgorithm", "Data preparation"),
        }[self.GROUP_ID]

    def tr(self, text):
        # pylupdate files a string under the class whose code holds it: look in each class from
        # the algorithm's own up to LcrAlgorithm (shared bases such as NetworkAlgorithm between).
        for cls in type(self).__mro__:
            translated = QCoreApplication.translate(cls.__name__, text)
            if translated != text or cls is LcrAlgorithm:
                return translated
        return text

    def icon(self):
        return QIcon(resource_path("icons", "lcr.svg"))

    def shortHelpString(self):  # noqa: N802
        return f"{self.help_text()}\n\n{methods_note(self.ALG_ID)}"

    def help_text(self):
        """What the tool does, its formula, defaults and outputs (the methods document has the rest)."""
        raise NotImplementedError

    def helpUrl(self):  # noqa: N802
        return methods_url(self.ALG_ID)

    # ---- running --------------------------------------------------------------------------
    @refuses_instead_of_raising
    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Processing's own checks, then: every number parameter is finite and of a size a real
        value can have (1e308 floors or an infinite rainfall would overflow into inf and NaN).
        Processing's checks open the raster inputs (kept for the run): they open writing nothing beside."""
        with inputs_left_alone():
            ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, self._enum_message(parameters, context) or message
        for definition in self.parameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterNumber) or \
                    parameters.get(definition.name()) in (None, ""):
                continue
            value = self.parameterAsDouble(parameters, definition.name(), context)
            if not tables.usable_numbers([value], signed=True)[0]:
                return False, self.tr("{parameter}: {value} is not a usable number.").format(
                    parameter=definition.description(), value=value)
        ok, message = self._check_output_folders(parameters, context)
        return (ok, message) if not ok else self._check_outputs_spare_inputs(parameters, context)

    def _input_files(self, parameters, context):
        """{file: input parameter's description} of the files the inputs are read from."""
        files = {}

        def add(value, definition):
            if isinstance(value, (list, tuple)):
                for item in value:
                    add(item, definition)
                return
            if isinstance(value, QgsProcessingFeatureSourceDefinition):
                value = value.source.staticValue()
            if isinstance(value, str) and value and not os.path.exists(value.split("|")[0]):
                value = QgsProcessingUtils.mapLayerFromString(value, context, False)
            if isinstance(value, QgsMapLayer):
                value = value.source()
            if isinstance(value, str) and os.path.isfile(value.split("|")[0]):
                files[_file_key(value.split("|")[0])] = definition.description()
        for definition in self.parameterDefinitions():
            if not definition.isDestination() and definition.type() in _INPUT_TYPES:
                add(parameters.get(definition.name()), definition)
        return files

    def _check_outputs_spare_inputs(self, parameters, context):
        """Refuse an output file that is an input's own file (or, for a Shapefile, one of its parts): QGIS
        deletes a file it writes anew before the run reads the input, so the input would be lost and the
        run would compute on nothing. A layer added to an input GeoPackage (“ogr:dbname=…”) is left to QGIS."""
        outputs = list(self._output_folders(parameters, with_path=True))
        if not outputs:
            return True, ""
        inputs = self._input_files(parameters, context)
        for definition, path in outputs:
            read_by = inputs.get(_file_key(path))
            if read_by is not None:
                return False, self.tr(
                    "{parameter}: {path} is the file of the input “{input}”: writing the output there would "
                    "delete the input. Choose another file name.").format(
                        parameter=definition.description(), path=path, input=read_by)
        return True, ""

    def _enum_message(self, parameters, context):
        """Where a choice parameter got a value none of its options has (99, or a word from a batch table or
        qgis_process), say which options it takes: Processing's “Incorrect parameter value for GRID_REGION”
        names the parameter only by its id."""
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name())
            if not isinstance(definition, QgsProcessingParameterEnum) or value in (None, "") or \
                    definition.checkValueIsAcceptable(value, context):
                continue
            options = [f"{i} = {option}" for i, option in enumerate(definition.options())]
            shown = "; ".join(options[:12]) + ("; …" if len(options) > 12 else "")
            return self.tr("{parameter} ({name}): “{value}” is none of its options ({options}).").format(
                parameter=definition.description(), name=definition.name(), value=value, options=shown)
        return ""

    def _output_folders(self, parameters, with_path=False):
        """(parameter, folder) of each output file the parameters name by an absolute path ((parameter,
        path) ``with_path``)."""
        for definition in self.destinationParameterDefinitions():
            value = parameters.get(definition.name())
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                value = value.sink.staticValue()
            if isinstance(value, str) and os.path.isabs(value):   # not a temporary output, memory: or a database
                path = value.split("|", 1)[0]
                yield definition, path if with_path else os.path.dirname(path)

    def _check_output_folders(self, parameters, context):
        """Refuse an output file under a file (QGIS's own message would be SQLite's or GDAL's: “sqlite3_open(…)
        failed: unable to open database file”), and a name no file can have (Python's own message would be
        “embedded null byte”). A folder that does not exist is made when the run starts."""
        for definition, path in self._output_folders(parameters, with_path=True):
            if not usable_file_name(path):
                return False, self.tr("{parameter}: “{path}” cannot be a file name: it holds a character no file "
                                      "name can hold (a null character, or one the system cannot encode).").format(
                    parameter=definition.description(),
                    path=path.replace("\0", "\\0").encode("utf-8", "backslashreplace").decode("utf-8"))
            folder = os.path.dirname(path)
            blocked = next((f for f in _parents(folder) if os.path.exists(f)), None)
            if blocked and not os.path.isdir(blocked):
                return False, self.tr("{parameter}: {path} is a file, not a folder: choose another file name.").format(
                    parameter=definition.description(), path=blocked)
        return True, ""

    def _absolute_destinations(self, parameters, feedback):
        """``parameters`` with each output file given without a folder (“report.html”, from qgis_process or a
        batch table) made a full path, and the log saying where: Processing writes such a file in the current
        folder of the QGIS process, which on the desktop is nobody's choice, and returns the bare name."""
        out = dict(parameters)
        for definition in self.destinationParameterDefinitions():
            value = parameters.get(definition.name())
            text = value.sink.staticValue() if isinstance(value, QgsProcessingOutputLayerDefinition) else value
            if not isinstance(text, str) or not text or text == "TEMPORARY_OUTPUT" or os.path.isabs(text) or \
                    is_provider_uri(text):
                continue
            path = os.path.abspath(text)
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                value = QgsProcessingOutputLayerDefinition(value)
                value.sink = QgsProperty.fromValue(path)
                out[definition.name()] = value
            else:
                out[definition.name()] = path
            feedback.pushInfo(self.tr("{parameter}: “{given}” names no folder; it is written to {path}.").format(
                parameter=definition.description(), given=text, path=path))
        return out

    def _make_output_folders(self, parameters):
        for definition, folder in self._output_folders(parameters):
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError as err:
                raise QgsProcessingException(self.tr("{parameter}: cannot make the folder {folder} ({reason}).").format(
                    parameter=definition.description(), folder=folder, reason=err.strerror or err)) from None

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        results, error = self._guarded_run(parameters, context, feedback)
        if error is None:
            return results
        # The error outlives the run: QGIS keeps it, with its traceback and so the frames it passed through,
        # after Processing has deleted this algorithm's C++ object and the parameter definitions it held.
        # A frame holding ``self`` keeps the Python wrapper, and with it the wrappers of those definitions,
        # still registered under their addresses; with QGIS 3.44 (Python 3.14, sip 6.16) the next run's new
        # definitions at those addresses were handed the old wrappers, of other types, and QGIS crashed.
        # So no frame the error passes through keeps the algorithm (tests/test_alg_lifetime.py).
        traceback.clear_frames(error.__traceback__)
        del self
        raise error

    def _guarded_run(self, parameters, context, feedback):
        """(results, None), or (None, the error to raise) with the outputs of a failed run removed."""
        # QGIS 3.22 keeps the CRS it makes from a string ("EPSG:4549", as every memory layer's) in a cache
        # shared by all threads; one first made in a Processing task's thread (the wizard's run) gives an
        # empty WKT in the main thread once that thread has ended (30 s idle), and outputs made from it
        # lose their CRS. A run starts from a fresh cache.
        QgsCoordinateReferenceSystem.invalidateCache()
        self._own_tables_logged = set()
        self._feedback = feedback
        self._outputs = RunOutputs()
        try:
            parameters = self._absolute_destinations(parameters, feedback)
            self._make_output_folders(parameters)
            results = self.compute(parameters, context, feedback)
            # A Cancel during the last step, after the last look, still cancels.
            self.check_canceled(feedback)
        except Canceled as err:
            self._take_back_outputs(err, feedback)
            return None, QgsProcessingException(self.tr(
                "Cancelled. The run gives no result and no totals; the outputs it had begun were removed."))
        except InputError as err:
            self._take_back_outputs(err, feedback)
            return None, QgsProcessingException(self.input_error_message(err))
        except BaseException as err:
            self._take_back_outputs(err, feedback)
            return None, err
        self._outputs.keep()
        return self.finite_results(results, feedback), None

    def finite_results(self, results, feedback):
        """``results`` with every number that is not finite left empty (None), saying which: a total
        of nothing measurable is unknown, not NaN, and must not flow on into a model's next step."""
        for name, value in (results or {}).items():
            if isinstance(value, float) and not math.isfinite(value):
                results[name] = None
                feedback.pushWarning(self.tr("{output} could not be measured (no usable values); it is left empty.")
                                     .format(output=self._output_name(name)))
        return results

    def _output_name(self, name):
        definition = self.outputDefinition(name)
        return definition.description() if definition is not None else name

    def compute(self, parameters, context, feedback):
        raise NotImplementedError

    def _take_back_outputs(self, err, feedback):
        # The failed run's frames still hold its sinks, GDAL datasets and open files: free them so
        # the files close before they are removed.
        traceback.clear_frames(err.__traceback__)
        for path in self._outputs.discard():
            feedback.pushInfo(self.tr("Removed the unfinished output {path}.").format(path=path))

    # ---- cancelling -------------------------------------------------------------------------
    def check_canceled(self, feedback=None):
        """Raise ``Canceled`` (the run then fails and its outputs are removed) if the user cancelled."""
        feedback = feedback if feedback is not None else getattr(self, "_feedback", None)
        if feedback is not None and feedback.isCanceled():
            raise Canceled()

    # ---- memory -----------------------------------------------------------------------------
    def refuse_if_too_big(self, estimate_bytes, step, advice):
        """Refuse a step before it allocates, if its estimated peak ``estimate_bytes`` is more than a
        step may take on this computer (``core.memory``). ``step`` says what would run out of memory,
        ``advice`` which parameter to change."""
        physical = memory.physical_memory_bytes()
        if memory.exceeds(estimate_bytes, physical):
            raise QgsProcessingException(self.tr(
                "{step} would need about {need:.1f} GB of memory, more than the {limit:.1f} GB one step may take "
                "on this computer ({share:.0%} of its {total:.1f} GB). {advice}").format(
                    step=step, need=estimate_bytes / memory.GB, limit=memory.memory_limit(physical) / memory.GB,
                    share=memory.MEMORY_SHARE, total=physical / memory.GB, advice=advice))

    def factor_table(self, name, feedback):
        """``factor_path(name)``, saying once per run when it is the user's own table. An algorithm's
        own table parameter, where given, wins over both: callers try it first."""
        path = user_factor_path(name)
        if not path:
            return resource_path("factors", name)
        logged = self.__dict__.setdefault("_own_tables_logged", set())
        if name not in logged:
            logged.add(name)
            feedback.pushInfo(self.tr("Using your own factor table {path} instead of the shipped {name} "
                                      "(Settings ▸ factor tables).").format(path=path, name=name))
        return path

    def input_error_message(self, err):
        messages = {
            "grid_region_unknown": self.tr("The grid factor table has no region “{region}”."),
            "grid_year_unknown": self.tr(
                "The grid factor table has no {year} value for {region}; it has: {years}."),
            "table_unreadable": self.tr("Cannot read the table {path}: {reason}"),
            "table_missing_columns": self.tr("The table {path} lacks the column(s) {columns}."),
            "table_empty": self.tr("The table {path} has no rows."),
            "table_bad_number": self.tr(
                "The table {path}, line {line}: “{value}” in column {column} is not a number ≥ 0."),
            "table_duplicate_key": self.tr("The table {path}, line {line}: “{value}” appears twice."),
            "table_not_increasing": self.tr(
                "The table {path}, line {line}: {column} must increase from row to row."),
            "table_fraction_range": self.tr(
                "The table {path}, line {line}: {column} must lie between 0 and 1."),
            "table_no_default": self.tr(
                "The table has no row named “{fallback}” for the values it does not list: {values}. "
                "Add those values or a “{fallback}” row."),
            "table_not_text": self.tr(
                "The table {path} is not a text file in UTF-8 or GBK/GB 18030: save it as CSV UTF-8."),
            "table_implausible_number": self.tr(
                "The table {path}, line {line}: {value} in column {column} is too large to be a real value."),
            "default_floors_not_positive": self.tr("The default number of floors must be above 0."),
            "factor_negative": self.tr("Emission factors cannot be negative."),
            # Tables read by more than one algorithm: shelter standards (core.shelter), curve numbers
            # (core.runoff).
            "shelter_table_no_default": self.tr("The shelter standards table {path} needs a row named "
                                                "“default”."),
            "cn_table_no_key": self.tr(
                "The curve number table {path} needs a key column: lucode (land-cover code) or class (name)."),
            "cn_bad_lucode": self.tr(
                "The curve number table {path}, line {line}: lucode “{value}” is not a whole number ≥ 0."),
            "cn_out_of_range": self.tr(
                "The curve number table {path}, line {line}: a curve number is above 100."),
            "cn_table_no_lucode": self.tr(
                "The curve number table {path} has no lucode column, so it cannot match integer class codes. "
                "Add a lucode column, or choose a text class field."),
        }
        messages.update(self.error_messages())
        return messages.get(err.kind, str(err)).format(**err.params)

    def error_messages(self):
        """Translated messages for the ``InputError`` kinds only this algorithm's core raises."""
        return {}

    # ---- electricity emission factor -------------------------------------------------------
    GRID_REGION = "GRID_REGION"
    GRID_YEAR = "GRID_YEAR"
    GRID_FACTOR = "GRID_FACTOR"
    # Saved models store the chosen index: only ever append to this list.
    GRID_REGIONS = ("national", "north_china", "north_east", "east_china", "central", "north_west",
                    "south", "south_west", "national_excl_market", "national_fossil", "hebei", "fujian",
                    "shanghai", "zhejiang", "jiangsu", "shaanxi")

    def grid_region_names(self):
        return [self.tr("National average"),
                self.tr("North China grid (Beijing, Tianjin, Hebei, Shanxi, Shandong, west Inner Mongolia)"),
                self.tr("North-East grid"),
                self.tr("East China grid (Shanghai, Jiangsu, Zhejiang, Anhui, Fujian)"),
                self.tr("Central China grid"),
                self.tr("North-West grid (Shaanxi, Gansu, Qinghai, Ningxia, Xinjiang)"),
                self.tr("South grid"),
                self.tr("South-West grid"),
                self.tr("National, excluding market-traded non-fossil power"),
                self.tr("National fossil-fuel power"),
                self.tr("Hebei province"),
                self.tr("Fujian province"),
                self.tr("Shanghai municipality"),
                self.tr("Zhejiang province"),
                self.tr("Jiangsu province"),
                self.tr("Shaanxi province")]

    def add_grid_parameters(self):
        """GRID_REGION, GRID_YEAR and GRID_FACTOR: the electricity emission factor of an algorithm."""
        self.add_parameter(QgsProcessingParameterEnum(
            self.GRID_REGION, self.tr("Electricity grid region"), self.grid_region_names(), defaultValue=0),
            self.tr("Whose grid emission factor to use (MEE/NBS announcements). Where a provincial factor is "
                    "published, use it rather than the regional grid's: Shanghai; Zhejiang for Jiaxing; Jiangsu; "
                    "Fujian for Xiamen (its 2022 factor is 27 % below the East China grid's); Shaanxi for Xi'an; "
                    "Hebei for Xiong'an. The regional grids are for other provinces. 2021 regional and provincial "
                    "values are marked unverified (read in a third-party data file)."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.GRID_YEAR, self.tr("Grid factor year"), QgsProcessingParameterNumber.Type.Integer,
            optional=True, minValue=2000, maxValue=2100),
            self.tr("Year of the grid factor. Empty: the latest year published for the region."), advanced=True)
        self.add_parameter(QgsProcessingParameterNumber(
            self.GRID_FACTOR, self.tr("Grid emission factor (kgCO2/kWh)"), QgsProcessingParameterNumber.Type.Double,
            optional=True, minValue=0),
            self.tr("A factor of your own. When set it wins over the region and year."), advanced=True)

    def grid_factor(self, parameters, context, feedback):
        """The electricity emission factor (kgCO2/kWh) the parameters ask for, logged with its source."""
        if parameters.get(self.GRID_FACTOR) not in (None, ""):
            factor = self.parameterAsDouble(parameters, self.GRID_FACTOR, context)
            feedback.pushInfo(self.tr("Grid factor {f} kgCO2/kWh, as given.").format(f=factor))
            return factor
        region = self.GRID_REGIONS[self.parameterAsEnum(parameters, self.GRID_REGION, context)]
        year = None
        if parameters.get(self.GRID_YEAR) not in (None, ""):
            year = self.parameterAsInt(parameters, self.GRID_YEAR, context)
        table = tables.read_grid_factors(self.factor_table("grid_factors.csv", feedback))
        factor, row = tables.grid_factor(table, region, year)
        chinese = ui_lang() == "zh"
        region = str(row.get("region_zh") or "").strip() if chinese else ""
        source = str(row.get("source_zh") or "").strip() if chinese else ""
        feedback.pushInfo(self.tr("Grid factor {f} kgCO2/kWh: {region}, {year}. Source: {source}.").format(
            f=factor, region=region or row["region_en"], year=row["year"], source=source or row["source"]))
        if str(row["verified"]).strip().lower() != "yes":
            feedback.pushWarning(self.tr("This grid factor is marked unverified."))
        return factor

    # ---- inputs ---------------------------------------------------------------------------
    def add_parameter(self, parameter, help_text, advanced=False):
        parameter.setHelp(help_text)
        show_decimals(parameter)
        if advanced:
            parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
        self.addParameter(parameter)

    def polygon_source(self, parameters, name, context):
        return self.feature_source(parameters, name, context, QgsWkbTypes.GeometryType.PolygonGeometry)

    def feature_source(self, parameters, name, context, geometry_type):
        """The feature source of a parameter, refusing a missing or empty layer, or one whose
        geometries are not of ``geometry_type`` (a QgsWkbTypes.GeometryType; None: any or none)."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        found = QgsWkbTypes.geometryType(source.wkbType())
        if geometry_type is not None and found != geometry_type:
            message = self.tr("“{layer}” holds {kind} geometries; {parameter} needs {expected} geometries.").format(
                layer=source.sourceName(), kind=QgsWkbTypes.geometryDisplayString(found),
                parameter=self.parameterDefinition(name).description(),
                expected=QgsWkbTypes.geometryDisplayString(geometry_type))
            if found == QgsWkbTypes.GeometryType.LineGeometry and geometry_type == QgsWkbTypes.GeometryType.PolygonGeometry:
                # parcels and buildings drawn in CAD (DXF/DWG) arrive as closed polylines
                message += " " + self.tr("Closed lines, such as the outlines of a CAD drawing (DXF), become polygons "
                                         "with Processing's “Lines to polygons” or “Polygonize”.")
            raise QgsProcessingException(message)
        if source.featureCount() == 0:
            value = parameters.get(name)
            if isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly:
                raise QgsProcessingException(self.tr(
                    "“{layer}”: “Selected features only” is ticked for {parameter}, but no feature of the layer is "
                    "selected. Select the features to use, or untick it.").format(
                        layer=source.sourceName(), parameter=self.parameterDefinition(name).description()))
            raise QgsProcessingException(self.tr("“{layer}” has no features.").format(
                layer=source.sourceName()))
        self.check_crs(source, context)
        self._note_whole_table(parameters, name, context, source)
        return source

    def _note_whole_table(self, parameters, name, context, source):
        """Remember where ``source`` is a whole GeoPackage table, which ``read_chunks`` may read as columns:
        not a selection, a feature limit or filter, a subset, or a file read as GBK."""
        value = parameters.get(name)
        if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
                value.selectedFeaturesOnly or getattr(value, "featureLimit", -1) != -1
                or getattr(value, "filterExpression", "")):
            return
        if self._decoded_layer(parameters, name, context) is not None:
            return
        layer = self.parameterAsVectorLayer(parameters, name, context)
        table = columnar.whole_table(layer)
        if table is not None and layer.featureCount() == source.featureCount():
            self.__dict__.setdefault("_whole_tables", {})[id(source)] = (source, table)

    def field_index(self, parameters, name, source, context, numeric=True, text_numbers=False):
        """Index of the field a parameter names in ``source``; -1 where the parameter is empty.
        ``text_numbers``: see ``lookup_field``."""
        field = self.parameterAsString(parameters, name, context)
        return self.lookup_field(source, field, numeric, text_numbers) if field else -1

    def estimate_flag_index(self, source, field_index):
        """Index of the numeric "<field>_est" flag (1 = the value rests on defaults, written by an
        upstream algorithm such as lcr:prepare_osm) next to the field at ``field_index``; -1 if none. A
        flag whose name a Shapefile cut is found too, and said."""
        if source is None or field_index < 0:
            return -1
        index, cut = est_flags.flag_index(source.fields(), field_index)
        if cut is not None:
            self.say_cut_flag(source.fields().at(field_index).name(), cut)
        return index

    def say_cut_flag(self, field, cut):
        feedback = getattr(self, "_feedback", None)
        if feedback is not None:
            feedback.pushInfo(self.tr(
                "“{cut}” is read as “{flag}”, the flag of values of “{field}” that rest on defaults (a Shapefile "
                "keeps 10 bytes of a name).").format(cut=cut, flag=field + est_flags.SUFFIX, field=field))

    def numeric_fields(self, parameters, name, source, context, names=None):
        """Names and indices in ``source`` of the numeric fields a multiple-field parameter names
        (or of ``names``, where given)."""
        names = list(self.parameterAsFields(parameters, name, context) or []) if names is None else list(names)
        return names, [self.lookup_field(source, field) for field in names]

    def read_all(self, source, feedback, numeric=(), text=(), signed=False):
        """Every chunk of ``source`` (unrepaired geometries), for calculations that need all values
        before writing."""
        return list(self.read_chunks(source, feedback, numeric=numeric, text=text, repair=False, signed=signed))

    def lookup_field(self, source, field, numeric=True, text_numbers=False):
        """Index of ``field`` in ``source``, refusing a missing (or, with ``numeric``, non-numeric) field.

        With ``text_numbers`` a text field is accepted where a number is expected, for the measures
        survey tables keep as text (floors 6层, heights 12.5米): ``read_chunks`` reads its values with
        ``core.textnum`` and logs how many hold no number."""
        index = source.fields().lookupField(field)
        if index < 0:
            raise QgsProcessingException(self.tr(
                "Field “{field}” is not in “{layer}”. Its fields are: {fields}.").format(
                    field=field, layer=source.sourceName(), fields=", ".join(source.fields().names())))
        if numeric and text_numbers and field_type(source.fields().at(index)) == FieldType.String:
            return index
        if numeric and not holds_numbers(source.fields().at(index)):
            raise QgsProcessingException(self.tr(
                "Field “{field}” of “{layer}” must be numeric; it holds {kind}.").format(
                    field=field, layer=source.sourceName(),
                    kind=source.fields().at(index).typeName()))
        return index

    def area_measure(self, source, context, feedback):
        """How to measure true areas in m²: a transform (or None) and a factor to m²."""
        crs = source.sourceCrs()
        if not crs.isValid():
            feedback.pushWarning(self.tr(
                "“{layer}” has no CRS: areas are taken as planar, in square metres.").format(
                    layer=source.sourceName()) + self._no_crs_zone_hint(source))
            return None, 1.0
        if core_crs.needs_projected_measure(crs.isGeographic(), crs.authid()):
            utm, transform = self._utm_zone(source, context)
            feedback.pushInfo(self.tr(
                "Areas are measured in {target} because {crs} would distort them.").format(
                    target=f"{utm.description()} ({utm.authid()})", crs=crs.authid()))
            return transform, 1.0
        to_metre = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), QgsUnitTypes.DistanceUnit.DistanceMeters)
        feedback.pushInfo(self.tr("Areas are measured in the layer's CRS {crs}.").format(crs=crs.authid()))
        self.warn_off_scale(source, crs, context, feedback, to_metre)
        return None, to_metre ** 2

    def optional_source(self, parameters, name, context, geometry_type):
        """``feature_source`` for an optional parameter: None where it is not given."""
        if parameters.get(name) in (None, ""):
            return None
        return self.feature_source(parameters, name, context, geometry_type)


    def distance_crs(self, source, context, feedback):
        """A CRS in metres to measure distances in, and the transform of ``source`` to it."""
        crs = source.sourceCrs()
        if not crs.isValid():
            feedback.pushWarning(self.tr("“{layer}” has no CRS: its coordinates are taken as metres.")
                                 .format(layer=source.sourceName()) + self._no_crs_zone_hint(source))
            return crs, None
        metric = crs.mapUnits() == QgsUnitTypes.DistanceUnit.DistanceMeters
        if not core_crs.needs_projected_measure(crs.isGeographic(), crs.authid()) and metric:
            feedback.pushInfo(self.tr("Distances are measured in the buildings' CRS {crs}.").format(crs=crs.authid()))
            self.warn_off_scale(source, crs, context, feedback)
            return crs, None
        utm, transform = self._utm_zone(source, context)
        feedback.pushInfo(self.tr(
            "Distances are measured in {target} because {crs} is not a projected CRS in metres; the "
            "outputs keep their layers' CRS.").format(target=f"{utm.description()} ({utm.authid()})",
                                                     crs=crs.authid()))
        return utm, transform

    def measuring_crs(self, source, context, feedback):
        """A CRS in metres in which both the areas and the distances of ``source`` are true, and the
        transform of ``source`` to it (None: its own CRS). For algorithms that measure both; every
        other layer they read goes to this CRS (``transform_to``)."""
        crs = source.sourceCrs()
        if not crs.isValid():
            feedback.pushWarning(self.tr("“{layer}” has no CRS: its coordinates are taken as metres.")
                                 .format(layer=source.sourceName()) + self._no_crs_zone_hint(source))
            return crs, None
        if (not core_crs.needs_projected_measure(crs.isGeographic(), crs.authid())
                and crs.mapUnits() == QgsUnitTypes.DistanceUnit.DistanceMeters):
            feedback.pushInfo(self.tr("Areas and distances are measured in the CRS of “{layer}”, {crs}.")
                              .format(layer=source.sourceName(), crs=crs.authid()))
            self.warn_off_scale(source, crs, context, feedback)
            return crs, None
        utm, transform = self._utm_zone(source, context)
        feedback.pushInfo(self.tr(
            "Areas and distances are measured in {target} because {crs} is not a projected CRS in metres "
            "that keeps areas true; the outputs keep their layers' CRS.").format(
                target=f"{utm.description()} ({utm.authid()})", crs=crs.authid()))
        return utm, transform


    def warn_off_scale(self, source, crs, context, feedback, to_metre=1.0):
        """Warns, naming the layer, the CRS and the error, where the projected ``crs`` that ``source`` is
        measured in is more than ``core.crs.SCALE_TOLERANCE`` off true scale where the layer lies (a CRS
        made for another area, or used far from its centre): the numbers are not changed, but they are off by that much
        (areas by about twice). Looked at the centre and corners of the layer, from the planar lengths of
        0.001° east and north there; said once a run (a plan check's steps share ``feedback``)."""
        if crs is None or not crs.isValid() or crs.isGeographic():
            return None
        said = getattr(feedback, "lcr_scale_said", None)
        key = (source.sourceName(), crs.authid() or crs.toWkt())
        if said is not None and key in said:
            return None
        worst = self.off_scale_error(source, crs, context, to_metre)
        if worst is None or worst <= core_crs.SCALE_TOLERANCE:
            return worst
        try:
            feedback.lcr_scale_said = (said or set()) | {key}
        except AttributeError:
            pass
        feedback.pushWarning(self.tr(
            "“{layer}” is measured in its CRS {crs}, which is {error:.1%} off true scale where the layer lies (a CRS "
            "made for another area, or used far from its centre): lengths and distances are up to {error:.1%} off and areas about twice that. "
            "The results are not corrected: reproject the layers to a CRS made for the place (e.g. its UTM zone) or "
            "set them to longitudes and latitudes (EPSG:4326), which are measured in the UTM zone.").format(
                layer=source.sourceName(), crs=crs.authid() or crs.description(), error=worst))
        return worst

    def off_scale_error(self, source, crs, context, to_metre=1.0):
        """How far (0-1) the projected ``crs`` is off true scale where ``source`` lies, the worst of the centre
        and corners of its extent; None for a geographic or invalid CRS or an extent that cannot be located."""
        if crs is None or not crs.isValid() or crs.isGeographic():
            return None
        box = self._extent_lonlat(source, context)
        if box is None:
            return None
        step, worst = 0.001, 0.0
        try:
            to_crs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, context.transformContext())
            for lon, lat in core_crs.sample_points(*box):
                lat = max(min(lat, 89.0), -89.0)
                origin, east, north = (to_crs.transform(QgsPointXY(x, y)) for x, y in
                                       ((lon, lat), (lon + step, lat), (lon, lat + step)))
                worst = max(worst, core_crs.scale_error(lat, step, origin.distance(east) * to_metre,
                                                        origin.distance(north) * to_metre))
        except QgsCsException:
            return None
        return worst if math.isfinite(worst) else None

    def _utm_zone(self, source, context):
        """The metric zone of the centre of ``source`` (whose extent ``check_crs`` accepted) and the
        transform to it: for CGCS2000 longitudes and latitudes the CGCS2000 3-degree Gauss-Krüger
        zone, else the WGS 84 / UTM zone (``core.crs`` says why)."""
        lonlat = self._extent_lonlat(source, context)
        if lonlat is None:
            raise QgsProcessingException(self._crs_mismatch_message(source))
        centre_lon, centre_lat = (lonlat[0] + lonlat[2]) / 2, (lonlat[1] + lonlat[3]) / 2
        crs = source.sourceCrs()
        epsg = None
        if crs.isGeographic() and core_crs.is_cgcs2000(crs.authid(), crs.toWkt()):
            epsg = core_crs.cgcs2000_gk_epsg(centre_lon)
        zone = QgsCoordinateReferenceSystem(f"EPSG:{epsg or core_crs.utm_epsg(centre_lon, centre_lat)}")
        return zone, QgsCoordinateTransform(crs, zone, context.transformContext())

    def _extent_lonlat(self, source, context):
        """(west, south, east, north) of ``source`` in WGS 84 degrees; None where its coordinates
        cannot be placed on the Earth in its CRS."""
        extent = source.sourceExtent()
        if extent.isNull():
            return None
        crs = source.sourceCrs()
        if crs.isGeographic():
            box = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        else:
            try:
                wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
                lonlat = QgsCoordinateTransform(crs, wgs84, context.transformContext()).transformBoundingBox(extent)
            except QgsCsException:
                return None
            box = (lonlat.xMinimum(), lonlat.yMinimum(), lonlat.xMaximum(), lonlat.yMaximum())
        return box if core_crs.lonlat_plausible(*box) else None

    def check_crs(self, source, context):
        """Refuse a layer whose coordinates cannot be where its CRS says, such as metre coordinates
        labelled EPSG:4326: measuring it would give numbers that look right and are not."""
        crs, extent = source.sourceCrs(), source.sourceExtent()
        if not crs.isValid() or extent.isNull():
            return
        if self._extent_lonlat(source, context) is None:
            raise QgsProcessingException(self._crs_mismatch_message(source))
        # ... and the other way round: longitudes and latitudes labelled with a projected CRS
        if not crs.isGeographic() and core_crs.degrees_in_metres(
                extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()):
            raise QgsProcessingException(self.tr(
                "“{layer}” is labelled {crs}, a projected CRS, but all its coordinates ({xmin:.6g}, {ymin:.6g} – "
                "{xmax:.6g}, {ymax:.6g}) lie within ±180 and ±90, like longitudes and latitudes: in {crs} the "
                "layer would be a speck of {w:.3g} × {h:.3g} m far from any place its CRS covers. Its CRS is "
                "probably wrong: set the layer's real CRS, e.g. EPSG:4326 or EPSG:4490 (Layer Properties ▸ "
                "Source, or “Assign projection”), not a reprojection.").format(
                    layer=source.sourceName(), crs=crs.authid() or crs.description(), xmin=extent.xMinimum(),
                    ymin=extent.yMinimum(), xmax=extent.xMaximum(), ymax=extent.yMaximum(), w=extent.width(),
                    h=extent.height()))

    def _crs_mismatch_message(self, source):
        extent = source.sourceExtent()
        return self._gk_zone_message(source) or self.tr(
            "“{layer}” is labelled {crs}, but its coordinates ({xmin:.6g}, {ymin:.6g} – {xmax:.6g}, {ymax:.6g}) cannot "
            "be on the Earth in that CRS: its CRS is probably wrong. Set the layer's real CRS (Layer "
            "Properties ▸ Source, or “Assign projection”), not a reprojection.").format(
                layer=source.sourceName(), crs=source.sourceCrs().authid() or source.sourceCrs().description(),
                xmin=extent.xMinimum(), ymin=extent.yMinimum(), xmax=extent.xMaximum(), ymax=extent.yMaximum())

    def _no_crs_zone_hint(self, source):
        """For a layer without a CRS whose eastings begin with a Gauss-Krüger zone number: a sentence naming
        the CGCS2000 CRS of that zone, to be appended to the warning; else ""."""
        extent = source.sourceExtent()
        hint = None if extent.isNull() else core_crs.gk_zone_number_hint(
            500000.0, extent.xMinimum(), extent.xMaximum())
        if hint is None:
            return ""
        _, zone, epsg = hint
        return " " + self.tr(
            "Its eastings ({xmin:,.0f} – {xmax:,.0f}) begin with the Gauss-Krüger zone number {zone}: on CGCS2000 its "
            "CRS is EPSG:{epsg} (“zone {zone}”); set it (Layer Properties ▸ Source) so that it lies with the other "
            "layers.").format(xmin=extent.xMinimum(), xmax=extent.xMaximum(), zone=zone, epsg=epsg)

    def _gk_zone_message(self, source):
        """The message for Gauss-Krüger eastings whose zone number (40,571,800: zone 40) the CRS lacks or
        has where they have none (``core.crs.gk_zone_number_hint``); None where that is not the cause."""
        crs, extent = source.sourceCrs(), source.sourceExtent()
        match = re.search(r"\+x_0=(\S+)", crs.toProj() or "")
        if crs.isGeographic() or match is None:
            return None
        try:
            hint = core_crs.gk_zone_number_hint(float(match.group(1)), extent.xMinimum(), extent.xMaximum())
        except ValueError:
            return None
        if hint is None:
            return None
        where, zone, epsg = hint
        values = {"layer": source.sourceName(), "crs": crs.authid() or crs.description(), "zone": zone,
                  "xmin": extent.xMinimum(), "xmax": extent.xMaximum(), "epsg": epsg,
                  "name": QgsCoordinateReferenceSystem(f"EPSG:{epsg}").description()}
        if where == "in_data":
            template = self.tr(
                "“{layer}” is labelled {crs}, but its eastings ({xmin:,.0f} – {xmax:,.0f}) begin with the Gauss-Krüger "
                "zone number {zone}, which that CRS does not have: the layer is in a CRS of zone {zone} with the "
                "zone number, such as {name} (EPSG:{epsg}); for Xi'an 1980 or Beijing 1954 data choose their "
                "“zone {zone}” CRS. Set it as the layer's CRS (Layer Properties ▸ Source, or “Assign projection”), "
                "not a reprojection.")
        else:
            template = self.tr(
                "“{layer}” is labelled {crs}, a CRS whose eastings begin with the Gauss-Krüger zone number {zone}, "
                "but its eastings ({xmin:,.0f} – {xmax:,.0f}) have no zone number: the layer is in the CRS of the same "
                "central meridian without it, such as {name} (EPSG:{epsg}); for Xi'an 1980 or Beijing 1954 data "
                "choose their “CM” CRS. Set it as the layer's CRS (Layer Properties ▸ Source, or “Assign "
                "projection”), not a reprojection.")
        return template.format(**values)

    # ---- text encodings of shapefiles and delimited text ---------------------------------------
    def parameterAsSource(self, parameters, name, context):  # noqa: N802
        """Processing's feature source, except that a shapefile or delimited text file whose text is
        GBK without saying so (``core.encoding``) is read as GBK, with a warning naming the file. The
        user's file and layer stay as they are: a layer of the run's own reads the file."""
        decoded = self._decoded_layer(parameters, name, context)
        if decoded is None:
            return super().parameterAsSource(parameters, name, context)
        value = parameters.get(name)
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            # keeps "selected features only", the feature limit and the other settings of the input
            value = QgsProcessingFeatureSourceDefinition(value)
            value.source = QgsProperty.fromValue(decoded.id())
        else:
            value = decoded
        return super().parameterAsSource({**parameters, name: value}, name, context)

    def parameterAsRasterLayer(self, parameters, name, context):  # noqa: N802
        with inputs_left_alone():
            return super().parameterAsRasterLayer(parameters, name, context)

    def parameterAsString(self, parameters, name, context):  # noqa: N802
        return self._decoded_field_name(parameters, name, context,
                                        super().parameterAsString(parameters, name, context))

    def parameterAsFields(self, parameters, name, context):  # noqa: N802
        # QGIS 3.40 deprecates parameterAsFields for parameterAsStrings (missing before 3.40).
        as_strings = getattr(super(), "parameterAsStrings", None) or super().parameterAsFields
        return [self._decoded_field_name(parameters, name, context, field)
                for field in as_strings(parameters, name, context)]

    def _decoded_field_name(self, parameters, name, context, field):
        """A field chosen from a layer read as GBK by ``parameterAsSource``, by the name its garbled
        form had in the user's layer, under its true name (names are matched by position)."""
        if not field:
            return field
        definition = self.parameterDefinition(name)
        if not isinstance(definition, QgsProcessingParameterField) or not definition.parentLayerParameterName():
            return field
        parent = definition.parentLayerParameterName()
        self._decoded_layer(parameters, parent, context)
        return self.__dict__.get("_decoded_layers", {}).get(parent, (None, {}))[1].get(field, field)

    def _decoded_layer(self, parameters, name, context):
        """The layer of the run's own that reads the input ``name`` as GBK, or None where the input
        is read as it is (made once per run and input)."""
        cache = self.__dict__.setdefault("_decoded_layers", {})
        if name in cache:
            return cache[name][0]
        cache[name] = (None, {})
        definition = self.parameterDefinition(name)
        if definition is None or definition.type() not in ("source", "vector") or \
                parameters.get(name) in (None, ""):
            return None
        layer = super().parameterAsVectorLayer(parameters, name, context)
        _name_as_sublayer(layer, context)
        found = _gbk_uri(layer) if isinstance(layer, QgsVectorLayer) else None
        if found is None:
            return None
        uri, path, kind = found
        decoded = QgsVectorLayer(uri, layer.name(), layer.providerType())
        if not decoded.isValid() or decoded.fields().count() != layer.fields().count():
            return None
        if layer.subsetString():
            decoded.setSubsetString(layer.subsetString())
        decoded.selectByIds(layer.selectedFeatureIds())
        renamed = {old.name(): new.name() for old, new in zip(layer.fields(), decoded.fields()) if old.name() != new.name()}
        context.temporaryLayerStore().addMapLayer(decoded)
        cache[name] = (decoded, renamed)
        feedback = getattr(self, "_feedback", None)
        if feedback is not None:
            sample = next((f.name() for f in decoded.fields() if not f.name().isascii()),
                          decoded.fields().at(0).name() if decoded.fields().count() else "")
            if kind == "shapefile":
                feedback.pushWarning(self.tr(
                    "“{layer}”: {path} does not say its text encoding (it has no .cpg file) and its text is not "
                    "UTF-8 but GBK, so it is read as GBK (GB 18030), with field names such as “{sample}”. The file "
                    "is left unchanged; to have every program read it right, put beside it a file {cpg} holding "
                    "the word GBK.").format(layer=layer.name(), path=path, sample=sample,
                                            cpg=os.path.splitext(os.path.basename(path))[0] + ".cpg"))
            else:
                feedback.pushWarning(self.tr(
                    "“{layer}”: {path} is opened as UTF-8 but its text is GBK, so it is read as GBK (GB 18030), "
                    "with field names such as “{sample}”. The file is left unchanged; save it as CSV UTF-8, or "
                    "choose the encoding GBK when adding it, to read it so everywhere.").format(
                        layer=layer.name(), path=path, sample=sample))
        return decoded



def _name_as_sublayer(layer, context):
    """A layer Processing loaded from "file.gpkg|layername=parks" is named after the file ("file"), so every
    message would name the GeoPackage, not the layer: it takes the sublayer's name. Only layers the run
    loaded itself are renamed; a project layer keeps the name it has in the project."""
    if not isinstance(layer, QgsVectorLayer) or context.temporaryLayerStore().mapLayer(layer.id()) is None:
        return
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    sublayer, path = parts.get("layerName"), parts.get("path") or ""
    if sublayer and layer.name() == os.path.splitext(os.path.basename(path))[0]:
        layer.setName(sublayer)


def unit_label(feature):
    """What a log line names a planning unit by: its unit_id (else its name) where its layer has one, else
    its feature id. The toolkit's units (lcr:prepare_osm's grid cells G000_000, …) carry unit_id; a bare
    feature id ("Unit 1") could not be found in the layer the planner looks at."""
    if feature is None:
        return ""
    names = feature.fields().names()
    for field in ("unit_id", "name"):
        if field in names:
            value = feature[field]
            if value is not None and str(value).strip() not in ("", "NULL"):
                return str(value)
    return str(feature.id())


def _parents(folder):
    """``folder`` and the folders above it, innermost first."""
    while folder and os.path.dirname(folder) != folder:
        yield folder
        folder = os.path.dirname(folder)


# Parameter types whose values are layers or files read
_INPUT_TYPES = ("source", "vector", "raster", "layer", "multilayer", "file", "mesh", "pointcloud")


def _file_key(path):
    """What identifies a file on disk for ``_check_outputs_spare_inputs``: its real path, and for a part of a
    Shapefile (.shp, .dbf, .shx…) the Shapefile's .shp."""
    real = os.path.normcase(os.path.realpath(path))
    stem, extension = os.path.splitext(real)
    return stem + ".shp" if extension in (".shp", ".dbf", ".shx", ".prj", ".cpg") else real
