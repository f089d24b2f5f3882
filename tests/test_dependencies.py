"""A QGIS whose Python lacks a package or has it too old (shapely 1.8 on Debian 12 / Ubuntu 22.04):
the plugin loads without a traceback, registers no algorithm that would fail, says what is missing in
the message bar and builds the pip command that installs it into the profile (pip itself is mocked)."""
import json
import os
import subprocess
import sys
import textwrap

from lcr_toolkit import deps

SESSION = textwrap.dedent("""
    import json, sys
    from qgis.core import QgsApplication
    app = QgsApplication([], True, sys.argv[1])
    app.initQgis()
    from qgis.gui import QgsMessageBar
    from qgis.PyQt.QtWidgets import QMainWindow, QPushButton

    class Iface:
        def __init__(self):
            self.window = QMainWindow()
            self.bar = QgsMessageBar(self.window)
            self.menu = []
        def mainWindow(self): return self.window
        def messageBar(self): return self.bar
        def addPluginToMenu(self, name, action): self.menu.append(action.text())
        def removePluginMenu(self, name, action): pass
        def addToolBarIcon(self, action): pass
        def removeToolBarIcon(self, action): pass

    import shapely
    import lcr_toolkit
    iface = Iface()
    plugin = lcr_toolkit.classFactory(iface)
    plugin.initGui()
    from qgis.core import QgsApplication as A
    items = iface.bar.items()
    installer = plugin.installer
    runs, told = [], []
    installer.runner = lambda command, parent: (runs.append(command) or (True, "Successfully installed shapely-2.1.2"))
    installer.ask = lambda title, text: told.append(text) or True
    installer.inform = lambda ok, text: told.append((ok, text))
    installer.python = "/usr/bin/python3"
    installed = installer.install()
    plugin.open_toolbox()  # still missing: the message again, no traceback
    plugin.open_toolbox()  # and still one message, not two
    print(json.dumps({
        "shapely": shapely.__version__,
        "provider": A.processingRegistry().providerById("lcr") is not None,
        "messages": [item.text() for item in items],
        "buttons": [b.text() for item in items for b in item.findChildren(QPushButton)],
        "runs": runs, "told": told, "installed": installed,
        "items_after": len(iface.bar.items()), "menu": iface.menu,
        "target": installer.target, "settings_dir": A.qgisSettingsDirPath(),
    }))
    plugin.unload()
""")


def run_session(tmp_path, plugin_root, fake_version):
    fake = tmp_path / "fake"
    (fake / "shapely").mkdir(parents=True)
    (fake / "shapely" / "__init__.py").write_text(f"__version__ = '{fake_version}'\n")
    profile = tmp_path / "profile"
    profile.mkdir()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(fake), str(plugin_root)]), QT_QPA_PLATFORM="offscreen")
    # pytest-qgis's settings folder: QGIS 3.40 lets it override the profile folder the session names.
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    done = subprocess.run([sys.executable, "-c", SESSION, str(profile)], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), profile


def test_old_shapely_loads_tells_and_offers_install(tmp_path, plugin_root):
    result, profile = run_session(tmp_path, plugin_root, "1.8.5")
    assert result["shapely"] == "1.8.5"
    assert not result["provider"]
    assert any("shapely>=2 (1.8.5)" in text for text in result["messages"])
    assert result["buttons"] and result["buttons"][0] == "Install…"
    # The profile the session runs in (QGIS 3.22 takes the folder given; 3.40 may choose its own).
    target = os.path.join(result["settings_dir"], "python", "lcr_toolkit_deps")
    assert result["target"] == target
    assert result["runs"] == [["/usr/bin/python3", "-m", "pip", "install", "--disable-pip-version-check",
                               "--no-input", "--upgrade", "--no-deps", "--target", target, "shapely>=2"]]
    assert "shapely>=2" in result["told"][0] and target in result["told"][0]
    assert result["told"][1][0] is True and "Restart QGIS" in result["told"][1][1]
    assert result["installed"] is True
    assert len(result["menu"]) == 3
    assert result["items_after"] == 1


def test_pip_requirements_add_what_pandas_needs_only_when_absent():
    found = [("pandas", "pandas", None), ("scipy", "scipy", None)]
    assert deps.pip_requirements(found, available=lambda name: name != "tzdata") == ["pandas", "scipy", "tzdata"]
    assert deps.pip_requirements([("shapely", "shapely>=2", "1.8.5")], available=lambda n: False) == ["shapely>=2"]
    assert deps.describe([("shapely", "shapely>=2", "1.8.5"), ("scipy", "scipy", None)]) == \
        "shapely>=2 (1.8.5), scipy"


def test_python_executable_where_qgis_embeds_python():
    def only(*paths):
        return lambda path: path in paths
    assert deps.python_executable(r"C:\OSGeo4W\bin\qgis-bin.exe", r"C:\OSGeo4W\apps\Python312",
                                  only(r"C:\OSGeo4W\apps\Python312/python.exe"), "win32") \
        == r"C:\OSGeo4W\apps\Python312/python.exe"
    assert deps.python_executable("/Applications/QGIS.app/Contents/MacOS/QGIS", "/Applications/QGIS.app/Contents/"
                                  "Frameworks/Python.framework/Versions/3.9",
                                  only("/Applications/QGIS.app/Contents/MacOS/bin/python3"), "darwin") \
        == "/Applications/QGIS.app/Contents/MacOS/bin/python3"
    assert deps.python_executable("/usr/bin/qgis", "/usr", only("/usr/bin/python3"), "linux") == "/usr/bin/python3"
    assert deps.python_executable("/usr/bin/python3.11", "/usr", only("/usr/bin/python3.11"), "linux") == \
        "/usr/bin/python3.11"
    assert deps.python_executable("/opt/qgis", "/nowhere", only(), "linux") is None


def test_profile_folder_goes_in_front(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "path", list(sys.path))
    assert deps.add_to_path(str(tmp_path)) not in sys.path  # no folder yet: nothing added
    (tmp_path / "python" / "lcr_toolkit_deps").mkdir(parents=True)
    folder = deps.add_to_path(str(tmp_path))
    assert sys.path[0] == folder == str(tmp_path / "python" / "lcr_toolkit_deps")


def test_shell_text_quotes_what_a_shell_would_split():
    command = deps.install_command(r"C:\Program Files\QGIS 3.40\apps\Python312\python.exe", "/p/deps", ["shapely>=2"])
    assert deps.shell_text(command) == (r'"C:\Program Files\QGIS 3.40\apps\Python312\python.exe" -m pip install '
                                        '--disable-pip-version-check --no-input --upgrade --no-deps --target /p/deps '
                                        '"shapely>=2"')
