"""The planning-check wizard: six pages sharing one WizardState, ending in a run of the level's model."""
import enum

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QWizard

from ...algorithms.base import LcrAlgorithm
from .. import settings
from ..screen_fit import fitted_size
from ..translated import Translated
from .page_layers import LayersPage
from .page_level import LevelPage
from .page_results import ResultsPage
from .page_run import RunPage
from .page_start import StartPage
from .page_targets import TargetsPage
from .state import WizardState


class Page(enum.IntEnum):
    START = 0       # QWizard goes through the pages in the order of their ids
    LEVEL = 1
    LAYERS = 2
    TARGETS = 3
    RUN = 4
    RESULTS = 5


def state_from_settings():
    """A fresh state carrying the user's settings (report language, grid region and year); it starts from
    the project's own layers when it has some, else from the demo district."""
    own = any(isinstance(layer, QgsVectorLayer) for layer in QgsProject.instance().mapLayers().values())
    return WizardState(start="own" if own else "demo", language=settings.LANGUAGES.index(settings.language()),
                       grid_region=LcrAlgorithm.GRID_REGIONS.index(settings.grid_region()),
                       grid_year=settings.grid_year())


class PlanningWizard(Translated, QWizard):
    def __init__(self, canvas=None, parent=None, state=None):
        super().__init__(parent)
        self.state = state or state_from_settings()
        self.setWindowTitle(self.tr("Planning check wizard"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        # Qt's own translation of these buttons is often not installed, or not found for QGIS's
        # "zh-Hans": use the plugin's where it has one, and Qt's (or English) otherwise.
        for button, source, text in (
                (QWizard.WizardButton.BackButton, "< &Back", self.tr("< &Back")),
                (QWizard.WizardButton.NextButton, "&Next >", self.tr("&Next >")),
                (QWizard.WizardButton.FinishButton, "&Finish", self.tr("&Finish")),
                (QWizard.WizardButton.CancelButton, "Cancel", self.tr("Cancel"))):
            if text != source:
                self.setButtonText(button, text)
        self.pages = {
            Page.START: StartPage(self.state),
            Page.LEVEL: LevelPage(self.state),
            Page.LAYERS: LayersPage(self.state),
            Page.TARGETS: TargetsPage(self.state),
            Page.RUN: RunPage(self.state),
            Page.RESULTS: ResultsPage(self.state, canvas),
        }
        for page_id, page in self.pages.items():
            self.setPage(page_id, page)
        self.setStartId(Page.START)
        # Shown at its size hint, a window gets at most 2/3 of the screen (910×512 at 1366×768, where the
        # results table showed four rules): take the room the screen has.
        self.resize(self.sizeHint())
        self.rejected.connect(self.pages[Page.RUN].cancel)
        self.rejected.connect(self.pages[Page.START].cancel)
        self.rejected.connect(self.pages[Page.RESULTS].cancel)

    def sizeHint(self):  # noqa: N802 (Qt API)
        return fitted_size(960, 680, self)
