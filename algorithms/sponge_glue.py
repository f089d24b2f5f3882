"""What the sponge-city algorithms (sponge_capture, size_lid) share: the design rainfall of a target
control rate from a daily rainfall series, and the warning on unverified table rows.

Not an algorithm itself; the science stays in ``core.sponge``. Subclasses define the parameters
DESIGN_RAINFALL_MM, TARGET_CONTROL_RATE, DAILY_RAINFALL and MIN_RAIN_MM.
"""
from qgis.core import QgsProcessingException

from ..core import sponge
from .base import LcrAlgorithm


class SpongeAlgorithm(LcrAlgorithm):
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
