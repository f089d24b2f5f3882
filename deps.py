"""The Python packages the toolkit needs beyond QGIS, checked before anything imports them, and the pip
command that installs what is missing into the user's QGIS profile (no administrator rights, no
terminal). Nothing here imports shapely, pandas or scipy at module level: the plugin must load, and
say what is missing, where they are absent or too old (shapely 1.8 on Debian 12 / Ubuntu 22.04).
"""
import importlib
import importlib.util
import os
import sys

# (import name, pip requirement, lowest major version)
REQUIREMENTS = (("numpy", "numpy", 1), ("shapely", "shapely>=2", 2), ("pandas", "pandas", 1), ("scipy", "scipy", 1))
# What pandas needs besides numpy: installed with --no-deps (so pip never puts a second numpy in front
# of the one QGIS, GDAL and scipy are built on), only where missing.
PANDAS_DEPENDENCIES = (("dateutil", "python-dateutil"), ("pytz", "pytz"), ("tzdata", "tzdata"), ("six", "six"))
FOLDER = "lcr_toolkit_deps"


def deps_dir(settings_dir):
    """``<profile>/python/lcr_toolkit_deps``: in the user's profile, kept by plugin updates."""
    return os.path.join(settings_dir, "python", FOLDER)


def add_to_path(settings_dir):
    """Put the profile's package folder in front of QGIS's own packages (so shapely 2 there wins over
    the system's 1.8). Call before anything imports the packages."""
    folder = deps_dir(settings_dir)
    if os.path.isdir(folder) and folder not in sys.path:
        sys.path.insert(0, folder)
    return folder


def _version(name):
    try:
        module = importlib.import_module(name)
    except Exception:  # noqa: BLE001 a broken install counts as missing
        return None
    return str(getattr(module, "__version__", "0"))


def _present(name):
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def missing():
    """[(import name, pip requirement, version found or None)] of what is absent or too old. Only a
    package with a version floor is imported (shapely, which the toolkit imports anyway); the others
    are looked up, which costs nothing at QGIS's start."""
    out = []
    for name, requirement, major in REQUIREMENTS:
        if major <= 1:
            if not _present(name):
                out.append((name, requirement, None))
            continue
        version = _version(name)
        if version is None or _major(version) < major:
            out.append((name, requirement, version))
    return out


def _major(version):
    digits = version.split(".")[0]
    return int(digits) if digits.isdigit() else 0


def describe(found):
    """"shapely>=2 (found 1.8.5), pandas" for a message."""
    return ", ".join(requirement + (f" ({version})" if version else "") for _, requirement, version in found)


def pip_requirements(found, available=None):
    """What to ask pip for: the missing requirements, plus pandas's small pure-Python dependencies that
    are absent too. ``available(name)`` tells whether a module imports (injected by tests)."""
    available = available or _present
    wanted = [requirement for _, requirement, _ in found]
    if any(name == "pandas" for name, _, _ in found):
        wanted += [pip_name for module, pip_name in PANDAS_DEPENDENCIES if not available(module)]
    return wanted


def python_executable(executable=None, prefix=None, exists=os.path.isfile, platform=None):
    """The Python interpreter of QGIS's Python, which ``sys.executable`` is not where QGIS embeds it
    (``qgis-bin.exe`` on Windows, ``QGIS.app/Contents/MacOS/QGIS`` on macOS, ``/usr/bin/qgis``): the
    ``python3.exe`` of OSGeo4W's bin folder or its Python's prefix, the app bundle's ``bin/python3``,
    ``/usr/bin/python3`` on Linux. None when there is none."""
    executable = executable or sys.executable
    prefix = prefix or sys.prefix
    platform = platform or sys.platform
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    if os.path.basename(executable).lower().startswith("python"):
        candidates = [executable]
    else:
        candidates = []
    here = os.path.dirname(executable)
    if platform.startswith("win"):
        candidates += [os.path.join(prefix, "python.exe"), os.path.join(here, "python3.exe"),
                       os.path.join(here, "python.exe")]
    elif platform == "darwin":
        candidates += [os.path.join(here, "bin", "python3"), os.path.join(prefix, "bin", "python3"),
                       os.path.join(prefix, "bin", version)]
    else:
        candidates += [os.path.join(prefix, "bin", "python3"), os.path.join(prefix, "bin", version),
                       "/usr/bin/python3"]
    return next((c for c in candidates if exists(c)), None)


def install_command(python, target, requirements):
    """The pip command line: into ``target`` only (``--target`` also spares a distribution's Python,
    which refuses other installs), without dependencies (the numpy QGIS has stays the one used)."""
    return [python, "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--upgrade", "--no-deps",
            "--target", target, *requirements]


def shell_text(command):
    """The command as a user can paste it into a terminal (OSGeo4W Shell on Windows)."""
    return " ".join(f'"{part}"' if (" " in part or ">" in part or "<" in part) else part for part in command)
