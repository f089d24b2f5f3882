"""The one object the wizard's pages share: each page reads what earlier pages wrote and writes
its own answers, never touching another page."""
from dataclasses import dataclass, field


@dataclass
class WizardState:
    start: str = "own"               # demo | own | osm | china: where the layers come from
    prepared: dict = field(default_factory=dict)  # LayerRole.param -> layer the start page loaded or made
    prepared_version: int = 0        # counts the start page's preparations: the layers page is built again
    estimates: list = field(default_factory=list)  # sentences: what the preparation estimated, and how much
    folder: str = ""                 # where results are saved (chosen on the start page, remembered)
    level: str = "master"            # master | detailed
    profile: str = "cn_master"       # key of algorithms.planning_check.PROFILES
    layers: dict = field(default_factory=dict)    # LayerRole.param -> QgsVectorLayer
    fields: dict = field(default_factory=dict)    # FieldRole.param -> field name ("" = none)
    values: dict = field(default_factory=dict)    # ValueRole.param -> number, text or file path ("" = none)
    targets: object = None           # validated profile frame shown on the targets page
    profile_file: str = ""           # the edited targets written as a profile CSV ("" = shipped profile)
    language: int = 0                # report language: 0 English, 1 Simplified Chinese
    grid_region: int = 0             # index in LcrAlgorithm.GRID_REGIONS
    grid_year: int = 0               # 0 = latest published
    run_folder: str = ""             # the folder of the last run's files, inside ``folder``
    outputs: dict = field(default_factory=dict)   # model output key -> path, after a successful run
    result_layers: dict = field(default_factory=dict)  # model output key -> layer added to the project
    unit_rows: object = None         # unit_table.UnitRows of the results, read on the run's worker thread
    status: str = ""                 # "", running, done, cancelled, failed
    comparison: object = None        # rows of lcr:compare_checks after "apply proposed measures and check again"
