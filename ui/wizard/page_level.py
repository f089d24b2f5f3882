"""Page 1: the planning level and the standards profile (pilot type) to check against."""
import functools

from qgis.PyQt.QtWidgets import QButtonGroup, QComboBox, QFormLayout, QLabel, QRadioButton, QVBoxLayout, QWizardPage

from ...algorithms.planning_check import PROFILES, PlanningCheck, profile_path
from ...core import profiles
from ..translated import Translated
from .plans import plan_for

LEVELS = ("master", "detailed")


@functools.lru_cache(maxsize=None)
def profile_levels(key):
    """Planning levels a shipped profile has rules for."""
    return frozenset(profiles.load_profile(profile_path(key))["level"])


class LevelPage(Translated, QWizardPage):
    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Planning level and pilot type"))
        self.setSubTitle(self.tr("What kind of plan are you checking, and against which targets?"))
        self.master = QRadioButton(self.tr("Master plan: planning units of a district or city"))
        self.detailed = QRadioButton(self.tr("Detailed plan: parcels with FAR and green ratio"))
        self.levels = QButtonGroup(self)
        for index, button in enumerate((self.master, self.detailed)):
            self.levels.addButton(button, index)
        self.profile = QComboBox()
        self.profile.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Planning level:")))
        layout.addWidget(self.master)
        layout.addWidget(self.detailed)
        form = QFormLayout()
        form.addRow(self.tr("Pilot type / standards profile:"), self.profile)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        (self.detailed if state.level == "detailed" else self.master).setChecked(True)
        self._fill_profiles()
        self.levels.buttonClicked.connect(self._fill_profiles)
        self.profile.currentIndexChanged.connect(self._describe)

    def level(self):
        return LEVELS[max(self.levels.checkedId(), 0)]

    def _fill_profiles(self, *_):
        level = self.level()
        names = PlanningCheck().profile_names()
        wanted = self.state.profile if self.state.level == level else plan_for(level).default_profile
        self.profile.blockSignals(True)
        self.profile.clear()
        for key, name in zip(PROFILES, names):
            if level in profile_levels(key):
                self.profile.addItem(name, key)
        self.profile.setCurrentIndex(max(self.profile.findData(wanted), 0))
        self.profile.blockSignals(False)
        self._describe()

    def _describe(self, *_):
        key = self.profile.currentData()
        rules = profiles.select_level(profiles.load_profile(profile_path(key)), self.level())
        count = len(rules)
        if self.level() == "master":
            text = self.tr("Checks {n} rules of this profile on each planning unit: park green per resident, "
                           "life-circle services, rail coverage, shelters, sponge city, net CO2 per resident.")
        else:
            text = self.tr("Checks {n} rules of this profile on each parcel: FAR, green ratio, runoff control, "
                           "rooftop solar, shelter distance, flood exposure.")
        unverified = int((rules["status"] == "unverified").sum())
        if unverified:
            text += " " + self.tr("{u} of the {n} thresholds are unverified: editable defaults, not legal limits; "
                                  "you can review them on the Targets page.").format(u=unverified, n=count)
        self.note.setText(text.format(n=count))

    def validatePage(self):  # noqa: N802 (Qt API)
        level = self.level()
        if level != self.state.level:
            self.state.layers.clear()
            self.state.fields.clear()
        if level != self.state.level or self.profile.currentData() != self.state.profile:
            self.state.targets = None
            self.state.profile_file = ""
        self.state.level = level
        self.state.profile = self.profile.currentData()
        return True
