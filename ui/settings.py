"""The user's toolkit settings, kept in QgsSettings under ``lcr_toolkit/``, and their own factor
tables, kept in the QGIS profile folder (never in the plugin folder, which an update replaces)."""
import os
import shutil

from qgis.core import QgsApplication, QgsSettings

from ..algorithms import base
from ..algorithms.base import LcrAlgorithm, resource_path
from ..core import tables

PREFIX = "lcr_toolkit/"
LANGUAGES = ("en", "zh")


def _get(key, default, kind):
    return QgsSettings().value(PREFIX + key, default, type=kind)


def _set(key, value):
    QgsSettings().setValue(PREFIX + key, value)


def grid_region():
    """Key of LcrAlgorithm.GRID_REGIONS (default: national)."""
    value = _get("grid_region", "national", str)
    return value if value in LcrAlgorithm.GRID_REGIONS else "national"


def set_grid_region(key):
    _set("grid_region", key)


def grid_year():
    """Year of the grid factor; 0 = the latest published for the region."""
    return _get("grid_year", 0, int)


def set_grid_year(year):
    _set("grid_year", int(year))


def language():
    """Report language; until the user chooses one, that of QGIS (Chinese when QGIS runs in Chinese)."""
    default = "zh" if (QgsApplication.locale() or "").lower().startswith("zh") else "en"
    value = _get("report_language", default, str)
    return value if value in LANGUAGES else default


def set_language(code):
    _set("report_language", code)


def grid_years(region):
    """Years the grid factor table in force has for ``region``, newest first."""
    table = tables.read_grid_factors(base.factor_path("grid_factors.csv"))
    return sorted(table.loc[table["region"] == region, "year"].unique().tolist(), reverse=True)


# ---- factor tables: where they live and which one is in force is decided by algorithms.base,
# so that the dialog shows exactly the table the algorithms read.
factor_tables = base.factor_tables
user_factor_dir = base.user_factor_dir
user_factor_path = base.user_factor_path
factor_path = base.factor_path


def shipped_columns(name):
    """The columns a user's own ``name`` table must have: the shipped table's, less the Chinese ones."""
    frame = tables.read_csv_table(resource_path("factors", name), [], [])
    return [column for column in frame.columns if column not in tables.CHINESE_COLUMNS]


# Tables read as QGIS starts or as this dialog opens, not only in a run: their numbers are checked
# on import, so that a bad one is refused here rather than breaking the toolbox or the dialog.
_CHECK_ON_IMPORT = {
    "grid_factors.csv": tables.read_grid_factors,
    "emission_factors.csv": lambda path: tables.read_csv_table(path, ["key", "kgco2_per_kwh"], ["kgco2_per_kwh"]),
}


def import_factor_table(name, path):
    """Copy ``path`` into the user's profile as their ``name`` table, which the algorithms then use
    instead of the shipped one. It must have the shipped table's columns and at least one row
    (core.errors.InputError otherwise)."""
    tables.read_csv_table(path, shipped_columns(name), [])
    if name in _CHECK_ON_IMPORT:
        _CHECK_ON_IMPORT[name](path)
    os.makedirs(base.user_factor_dir(), exist_ok=True)
    shutil.copyfile(path, os.path.join(base.user_factor_dir(), name))


def reset_factor_table(name):
    path = base.user_factor_path(name)
    if path:
        os.remove(path)


def user_profile_dir():
    """Where the wizard saves edited standards profiles."""
    path = os.path.join(QgsApplication.qgisSettingsDirPath(), "lcr_toolkit", "profiles")
    os.makedirs(path, exist_ok=True)
    return path


def results_folder():
    """The folder the wizard last saved results in ("" until it has)."""
    return _get("results_folder", "", str)


def set_results_folder(path):
    _set("results_folder", path)
