"""What the sponge-city algorithms (sponge_capture, size_lid) share: their common parameters (green
ratio, remainder surface, design rainfall, existing LID measures, tables), the design rainfall of a
target control rate from a daily rainfall series, the shared error messages and the warning on
unverified table rows.

Not an algorithm itself; the science stays in ``core.sponge``.
"""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..core import sponge, tables
from .base import LcrAlgorithm

# Parameter → measure key of lid_measures.csv (order fixed: saved models store names).
LID_PARAMETERS = [("BIORETENTION_FIELD", "bioretention"), ("PERMEABLE_PAVING_FIELD", "permeable_paving"),
                  ("GREEN_ROOF_LID_FIELD", "green_roof"), ("TANK_FIELD", "tank")]
# REMAINDER choices (saved models store the index: only ever append).
REMAINDER_KEYS = ("paved", "roof_hard", "green", "permeable_paving", "block_paving", "water")


class SpongeAlgorithm(LcrAlgorithm):
    INPUT = "INPUT"
    GREEN_RATIO_FIELD = "GREEN_RATIO_FIELD"
    REMAINDER = "REMAINDER"
    DESIGN_RAINFALL_MM = "DESIGN_RAINFALL_MM"
    TARGET_CONTROL_RATE = "TARGET_CONTROL_RATE"
    DAILY_RAINFALL = "DAILY_RAINFALL"
    MIN_RAIN_MM = "MIN_RAIN_MM"
    COEFFICIENTS = "COEFFICIENTS"
    LID_TABLE = "LID_TABLE"

    # ---- parameters ---------------------------------------------------------------------------
    def add_green_ratio_parameter(self, optional):
        self.add_parameter(QgsProcessingParameterField(
            self.GREEN_RATIO_FIELD, self.tr("Green ratio field (0–1)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=optional),
            self.tr("Share of the parcel that is green space (绿地率), 0–1; a value above 1 and at most 100 is read as per "
                    "cent (35 as 0.35). Parcels without a value get no result."))

    def green_ratio_shares(self, values, counts):
        """The green ratios of ``values`` as shares 0–1, values written as per cent (绿地率 35) read so
        (``tables.percent_as_share``, as the plan check reads them), their number added to ``counts[0]``."""
        shares, n = tables.percent_as_share(values)
        counts[0] += n
        return shares

    def log_percent_green(self, feedback, source, index, n):
        if n:
            feedback.pushWarning(self.tr(
                "“{layer}”: {n} values of the green ratio “{field}” are above 1, which no share can be: they are "
                "read as per cent (35 as 0.35).").format(layer=source.sourceName(), n=n,
                                                        field=source.fields().at(index).name()))

    def add_remainder_parameter(self, help_text):
        self.add_parameter(QgsProcessingParameterEnum(
            self.REMAINDER, self.tr("Surface of the rest of the parcel"),
            [self.tr("Concrete or asphalt paving"), self.tr("Hard roof"), self.tr("Green space"),
             self.tr("Permeable paving"), self.tr("Block-stone paving"), self.tr("Water surface")], defaultValue=0),
            help_text)

    def add_rainfall_parameters(self, daily_help):
        """Design rainfall, or the target control rate and the daily rainfall series it is found from."""
        double = QgsProcessingParameterNumber.Type.Double
        self.add_parameter(QgsProcessingParameterNumber(
            self.DESIGN_RAINFALL_MM, self.tr("Design rainfall (mm)"), double, optional=True, minValue=0),
            self.tr("Design rainfall H of the target. When set it wins over the target control rate."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.TARGET_CONTROL_RATE, self.tr("Target annual runoff control rate (%)"), double, defaultValue=75,
            minValue=0, maxValue=100),
            self.tr("Annual total runoff-volume control rate to reach (年径流总量控制率), e.g. 75. Needs the "
                    "daily rainfall CSV to find the design rainfall."))
        self.add_parameter(QgsProcessingParameterFile(
            self.DAILY_RAINFALL, self.tr("Daily rainfall (CSV)"), extension="csv", optional=True), daily_help)
        self.add_parameter(QgsProcessingParameterNumber(
            self.MIN_RAIN_MM, self.tr("Days ignored up to (mm)"), double, defaultValue=sponge.MIN_RAIN_MM,
            minValue=0),
            self.tr("Days with this much rain or less are dropped from the series (guide: 2 mm)."), advanced=True)

    def add_lid_parameters(self, help_text):
        """The fields of the LID measures already in the parcel (LID_PARAMETERS)."""
        labels = {"BIORETENTION_FIELD": self.tr("Bioretention area field (m²)"),
                  "PERMEABLE_PAVING_FIELD": self.tr("Permeable paving area field (m²)"),
                  "GREEN_ROOF_LID_FIELD": self.tr("Green roof area field (m²)"),
                  "TANK_FIELD": self.tr("Storage tank volume field (m³)")}
        for name, _key in LID_PARAMETERS:
            self.add_parameter(QgsProcessingParameterField(
                name, labels[name], parentLayerParameterName=self.INPUT,
                type=QgsProcessingParameterField.DataType.Numeric, optional=True), help_text)

    def add_table_parameters(self, coefficients_help, lid_help):
        self.add_parameter(QgsProcessingParameterFile(
            self.COEFFICIENTS, self.tr("Runoff coefficient table (CSV)"), extension="csv", optional=True),
            coefficients_help, advanced=True)
        self.add_parameter(QgsProcessingParameterFile(
            self.LID_TABLE, self.tr("LID storage table (CSV)"), extension="csv", optional=True),
            lid_help, advanced=True)

    def error_messages(self):
        return {
            "lid_amount_negative": self.tr("LID areas and volumes cannot be negative (found {value})."),
            "table_missing_key": self.tr("The table lacks the row(s) {keys}."),
            "rainfall_no_days": self.tr("The daily rainfall has no day with more than {min_mm} mm."),
            "target_out_of_range": self.tr(
                "The target control rate must be above 0 % and at most 100 % (got {value} %)."),
        }

    # ---- running ------------------------------------------------------------------------------
    def design_rainfall(self, parameters, context, feedback):
        """Design rainfall H (mm) and the sorted rain days (or None without a rainfall CSV)."""
        rain = None
        path = self.parameterAsFile(parameters, self.DAILY_RAINFALL, context)
        if path:
            series, years = sponge.read_daily_rainfall(path)
            rain = sponge.rain_days(series, self.parameterAsDouble(parameters, self.MIN_RAIN_MM, context))
            if years is not None and years < 30:
                feedback.pushWarning(self.tr(
                    "The daily rainfall covers {n} years; 30 years or more are recommended.").format(n=years))
            feedback.pushInfo(self.tr("{n} rain days from {path}.").format(n=len(rain), path=path))
        if parameters.get(self.DESIGN_RAINFALL_MM) not in (None, ""):
            design_mm = self.parameterAsDouble(parameters, self.DESIGN_RAINFALL_MM, context)
            feedback.pushInfo(self.tr("Design rainfall {h} mm, as given.").format(h=design_mm))
            return design_mm, rain
        target = self.parameterAsDouble(parameters, self.TARGET_CONTROL_RATE, context)
        if rain is None:
            raise QgsProcessingException(self.tr(
                "Give a design rainfall (mm), or a daily rainfall CSV to find the design rainfall of the "
                "target control rate."))
        design_mm = sponge.design_rainfall_mm(rain, target / 100.0)
        feedback.pushInfo(self.tr("Design rainfall {h:.2f} mm for a {t} % annual runoff control rate.")
                          .format(h=design_mm, t=target))
        return design_mm, rain

    def warn_unverified(self, rows, path, feedback):
        if "verified" not in rows.columns or (rows["verified"].astype(str).str.strip().str.lower() != "yes").any():
            feedback.pushWarning(self.tr("The table {path} holds values marked unverified.").format(path=path))
