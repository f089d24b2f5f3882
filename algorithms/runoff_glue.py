"""What the algorithms that give land cover an SCS curve number (stormwater_runoff, land_cover_shares)
share: the soil group, initial abstraction and curve-number table parameters, reading the table, and
a curve number per polygon from its class and soil group.

Not an algorithm itself; the science stays in ``core.runoff``.
"""
import numpy as np
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..core import runoff
from ..qt_compat import holds_numbers
from .base import LcrAlgorithm, factor_names


class CurveNumberAlgorithm(LcrAlgorithm):
    SOIL_FIELD = "SOIL_FIELD"
    DEFAULT_SOIL = "DEFAULT_SOIL"
    LAMBDA = "LAMBDA"
    CN_TABLE = "CN_TABLE"

    # ---- parameters -----------------------------------------------------------------------
    def add_soil_field_parameter(self, parent, soil_help):
        """SOIL_FIELD, of the layer ``parent``, optional; ``soil_help`` says what happens to polygons
        whose soil group is not A–D."""
        self.add_parameter(QgsProcessingParameterField(
            self.SOIL_FIELD, self.tr("Hydrologic soil group field"), parentLayerParameterName=parent,
            type=QgsProcessingParameterField.DataType.Any, optional=True), soil_help)

    def add_default_soil_parameter(self):
        self.add_parameter(QgsProcessingParameterEnum(
            self.DEFAULT_SOIL, self.tr("Default hydrologic soil group"), options=list(runoff.SOIL_GROUPS),
            defaultValue=2),
            self.tr("Soil group used when no soil group field is given (C: moderately high runoff "
                    "potential, a cautious default for urban fill)."))

    def add_curve_parameters(self):
        """LAMBDA and CN_TABLE, both advanced."""
        self.add_parameter(QgsProcessingParameterNumber(
            self.LAMBDA, self.tr("Initial abstraction ratio λ"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.2, minValue=0, maxValue=1),
            self.tr("Initial abstraction Ia = λ × S. TR-55 and its curve numbers use 0.2; values down to "
                    "0.05 are used in some studies."), advanced=True)
        self.add_parameter(QgsProcessingParameterFile(
            self.CN_TABLE, self.tr("Curve number table (CSV)"), extension="csv", optional=True),
            self.tr("CSV with lucode and/or class, cn_a, cn_b, cn_c, cn_d, optionally source, year, verified. "
                    "Empty: the shipped TR-55 table."), advanced=True)

    # ---- inputs ---------------------------------------------------------------------------
    def curve_table(self, parameters, context, feedback, p_mm):
        """The curve-number table in force, its path and λ, logged with the storm depth ``p_mm``."""
        lam = self.parameterAsDouble(parameters, self.LAMBDA, context)
        path = (self.parameterAsFile(parameters, self.CN_TABLE, context)
                or self.factor_table("curve_numbers.csv", feedback))
        table = runoff.read_cn_table(path)
        feedback.pushInfo(self.tr("Curve number table: {path}; storm {p} mm, λ = {lam}.")
                          .format(path=path, p=p_mm, lam=lam))
        if abs(lam - 0.2) > 1e-9:
            feedback.pushWarning(self.tr("λ = {lam}: TR-55 curve numbers assume λ = 0.2; use curve numbers "
                                         "calibrated for this λ.").format(lam=lam))
        return table, path, lam

    def default_soil(self, parameters, context, feedback, soil_idx):
        """The default soil group's index (0–3), logged where no soil field is given."""
        default = self.parameterAsEnum(parameters, self.DEFAULT_SOIL, context)
        if soil_idx < 0:
            feedback.pushInfo(self.tr("No soil group field: soil group {g} everywhere.")
                              .format(g=runoff.SOIL_GROUPS[default]))
        return default

    @staticmethod
    def read_indices(source, *indices):
        """The chosen field indices split into (numeric, text) for ``read_chunks``."""
        chosen = [i for i in indices if i >= 0]
        return ([i for i in chosen if holds_numbers(source.fields().at(i))],
                [i for i in chosen if not holds_numbers(source.fields().at(i))])

    @staticmethod
    def polygon_cn(chunk, class_idx, soil_idx, default_soil, table):
        """Table row (-1 unlisted, -2 no class), soil group (0–3; -1 none, -2 not A–D) and curve
        number (NaN where either is unknown) of each polygon of ``chunk``."""
        rows = runoff.match_classes(chunk.values[class_idx], table)
        if soil_idx >= 0:
            soil = runoff.soil_group_index(chunk.values[soil_idx])
        else:
            soil = np.full(rows.shape, default_soil, dtype=np.int64)
        return rows, soil, runoff.feature_cn(rows, soil, table)

    def warn_unverified(self, feedback, table, rows):
        """Names the unverified table rows among ``rows`` (those used)."""
        unverified = table.unverified(rows)
        if unverified:
            feedback.pushWarning(self.tr("Unverified curve numbers were used for: {classes}. Check them "
                                         "against local data.").format(
                classes=", ".join(factor_names(unverified, "curve_numbers.csv", "class"))))
