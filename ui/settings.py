"""The user's toolkit settings, kept in QgsSettings under ``lcr_toolkit/``, and their own factor
tables, kept in the QGIS profile folder (never in the plugin folder, which an update replaces)."""
import os
import shutil

from qgis.core import QgsApplication, QgsSettings

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
    value = _get("report_language", "en", str)
    return value if value in LANGUAGES else "en"


def set_language(code):
    _set("report_language", code)


def grid_years(region):
    """Years the shipped grid factor table has for ``region``, newest first."""
    table = tables.read_grid_factors(resource_path("factors", "grid_factors.csv"))
    return sorted(table.loc[table["region"] == region, "year"].unique().tolist(), reverse=True)


# ---- factor tables --------------------------------------------------------------------------
def factor_tables():
    """File names of the shipped factor tables."""
    return sorted(name for name in os.listdir(resource_path("factors")) if name.endswith(".csv"))


def user_factor_dir():
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "lcr_toolkit", "factors")


def user_factor_path(name):
    """The user's table replacing the shipped ``name``, or "" if they have none."""
    path = os.path.join(user_factor_dir(), name)
    return path if os.path.exists(path) else ""


def factor_path(name):
    """The table in force: the user's own, else the shipped one."""
    return user_factor_path(name) or resource_path("factors", name)


def shipped_columns(name):
    frame = tables.read_csv_table(resource_path("factors", name), [], [])
    return list(frame.columns)


def import_factor_table(name, path):
    """Copy ``path`` into the user's profile as their ``name`` table. It must have the shipped
    table's columns and at least one row (core.errors.InputError otherwise)."""
    tables.read_csv_table(path, shipped_columns(name), [])
    os.makedirs(user_factor_dir(), exist_ok=True)
    shutil.copyfile(path, os.path.join(user_factor_dir(), name))


def reset_factor_table(name):
    path = user_factor_path(name)
    if path:
        os.remove(path)


def user_profile_dir():
    """Where the wizard saves edited standards profiles."""
    path = os.path.join(QgsApplication.qgisSettingsDirPath(), "lcr_toolkit", "profiles")
    os.makedirs(path, exist_ok=True)
    return path
