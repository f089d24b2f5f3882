"""Rewrite the plugin's Python for Qt 6 / QGIS 4 in forms QGIS 3.22 (PyQt5) still runs; re-runnable.

    .venv/bin/python scripts/qt6_codemod.py          # rewrite the shipped files, print what changed
    .venv/bin/python scripts/qt6_codemod.py --check  # list what is left (exit 1 if anything)

What it rewrites, in the files the plugin ZIP ships (not tests/ or scripts/):
- enum values written unscoped, ``Qt.AlignLeft``, ``Qgis.Warning``, ``QgsProcessing.TypeVectorPolygon``,
  become ``Owner.Enum.Value``; an enum found by introspecting the running bindings, and the scoped form
  is written only when it evaluates to the same value here (so it exists in QGIS 3.22);
- ``QVariant.Double`` (field types: PyQt6 has no ``QVariant.Type``) becomes ``FieldType.Double`` and
  ``f.type() == QVariant.String`` becomes ``field_type(f) == FieldType.String`` (``qt_compat.py``: QMetaType
  where QGIS takes it, 3.38 on, QVariant before), with the import added;
- ``.exec_()`` becomes ``.exec()``;
- ``QAction`` imported from QtWidgets (QtGui in Qt 6) is imported from ``qt_compat``;
- ``QFontDatabase().families()`` (Qt 6: static) becomes ``qt_compat.font_families()``.
What it only reports: ``QRegExp``, ``QDesktopWidget``, direct ``PyQt5`` imports, ``QFontMetrics.width``,
``pyqtSignal(QVariant)`` and the other Qt5-only names of REPORT_ONLY (no QGIS 3.22-safe rewrite; none is used).

    /tmp/pyqt6/bin/python scripts/qt6_codemod.py --pyqt6  # a Python with PyQt6 (python -m venv /tmp/pyqt6 &&
                                                           # /tmp/pyqt6/bin/pip install PyQt6)
looks every name the shipped files take from ``qgis.PyQt``, and every attribute chain on one
(``Qt.AlignmentFlag.AlignLeft``), up in PyQt6 (what ``qgis.PyQt`` is on QGIS 4), then imports every shipped
module with ``qgis.PyQt`` mapped to PyQt6 and ``qgis.core``/``qgis.gui`` stubbed.
"""
import ast
import importlib
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMPAT = "qt_compat.py"
# Modules whose names may own enums (what the plugin imports enums from).
ENUM_MODULES = ("qgis.core", "qgis.gui", "qgis.PyQt.QtCore", "qgis.PyQt.QtGui", "qgis.PyQt.QtWidgets")
FIELD_TYPES = ("Double", "Int", "String", "LongLong", "Bool", "Date", "DateTime", "Time", "UInt", "ULongLong")
REPORT_ONLY = {
    r"\bQRegExp\b": "QRegExp (Qt 6: QRegularExpression)",
    r"\bQDesktopWidget\b": "QDesktopWidget (Qt 6: QScreen)",
    r"^\s*(from|import) PyQt5\b": "a direct PyQt5 import (use qgis.PyQt)",
    r"\bQFontDatabase\(\)": "a QFontDatabase instance (Qt 6: static functions; qt_compat.font_families)",
    r"\bQFontMetrics(F)?\(.*\)\.width\(": "QFontMetrics.width (Qt 6: horizontalAdvance)",
    r"\bpyqtSignal\(.*\bQVariant\b": "pyqtSignal(QVariant) (PyQt6: object)",
    r"\.setMargin\(|\bsetFilterRegExp\(|\.globalPos\(\)|\.print_\(|\bQTextCodec\b|\bMidButton\b|\bQtWebKit":
        "an API Qt 6 removed (setMargin, setFilterRegExp, globalPos, print_, QTextCodec, MidButton, QtWebKit)",
}


def shipped_files(root=ROOT):
    """The .py files ``make package`` ships: those git tracks, less what .gitattributes leaves out."""
    listed = subprocess.run(["git", "-C", root, "ls-files", "-z", "*.py"], capture_output=True, check=True,
                            text=True).stdout.split("\0")
    ignored = {line.split()[0] for line in open(os.path.join(root, ".gitattributes"), encoding="utf-8")
               if "export-ignore" in line and not line.startswith("#")}
    return sorted(os.path.join(root, p) for p in listed
                  if p and not any(p == i or p.startswith(i.rstrip("/") + "/") for i in ignored))


def is_enum_value(value):
    kind = type(value)
    return type(kind).__name__ == "enumtype" or any(b.__name__ == "Enum" for b in kind.__mro__[1:])


def _imported_names(tree):
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in ENUM_MODULES:
            module = importlib.import_module(node.module)
            for alias in node.names:
                if hasattr(module, alias.name):
                    names[alias.asname or alias.name] = getattr(module, alias.name)
    return names


def _scoped(owner_name, owner, attr):
    """``Owner.Enum.attr`` if ``owner.attr`` is an enum value reachable that way, else None."""
    value = getattr(owner, attr, None)
    if value is None or not is_enum_value(value):
        return None
    # The enum's own name (QGIS 3.22, Qt); else the owner's alias of an enum moved to Qgis (QGIS 3.40:
    # QgsProcessing.TypeVectorPolygon is a Qgis.ProcessingSourceType, still QgsProcessing.SourceType).
    names = [type(value).__name__] + sorted(name for name in dir(owner) if name[:1].isupper())
    for enum_name in names:
        enum = getattr(owner, enum_name, None)
        if isinstance(enum, type) and getattr(enum, attr, None) is not None and getattr(enum, attr) == value:
            return f"{owner_name}.{enum_name}.{attr}"
    # An enum QGIS had already moved to Qgis, with no scoped alias on the old owner
    # (QgsRenderContext.TextFormatAlwaysText is Qgis.TextRenderFormat.AlwaysText in 3.22 already).
    qualname = type(value).__qualname__
    member = getattr(value, "name", None)
    if qualname.startswith("Qgis.") and member:
        import qgis.core

        enum = getattr(qgis.core.Qgis, qualname.split(".", 1)[1], None)
        if enum is not None and getattr(enum, member, None) == value:
            return f"{qualname}.{member}"
    return None


def _compat_module(path):
    """How ``path`` imports the plugin root's qt_compat module (relative, as the plugin's files do)."""
    folder = os.path.relpath(os.path.dirname(path), ROOT)
    depth = 1 if folder == "." else folder.count(os.sep) + 2
    return "." * depth + "qt_compat"


def edits(path, source):
    """(start, end, replacement) in character offsets, and the compat names the file then needs."""
    if os.path.basename(path) == COMPAT and os.path.dirname(path) == ROOT:
        return [], set()
    tree = ast.parse(source)
    names = _imported_names(tree)
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(lineno, col):  # ast counts columns in UTF-8 bytes
        return starts[lineno - 1] + len(lines[lineno - 1].encode("utf-8")[:col].decode("utf-8"))

    def span(node):
        return offset(node.lineno, node.col_offset), offset(node.end_lineno, node.end_col_offset)

    out, needs = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            left, right = node.left, node.comparators[0]
            if (isinstance(left, ast.Call) and isinstance(left.func, ast.Attribute) and left.func.attr == "type"
                    and not left.args and _is_qvariant_type(right)):
                start, end = span(left)
                inner = ast.get_source_segment(source, left.func.value)
                out.append((start, end, f"field_type({inner})"))
                needs.add("field_type")
        if (isinstance(node, ast.Call) and not node.args and isinstance(node.func, ast.Attribute)
                and node.func.attr == "families" and isinstance(node.func.value, ast.Call)
                and getattr(node.func.value.func, "id", "") == "QFontDatabase" and not node.func.value.args):
            start, end = span(node)
            out.append((start, end, "font_families()"))
            needs.add("font_families")
            continue
        if not isinstance(node, ast.Attribute) or not isinstance(node.value, ast.Name):
            if isinstance(node, ast.Attribute) and node.attr == "exec_":
                start, end = span(node)
                out.append((end - len("exec_"), end, "exec"))
            continue
        owner_name, attr = node.value.id, node.attr
        if owner_name == "QVariant" and attr in FIELD_TYPES:
            start, end = span(node)
            out.append((start, end, f"FieldType.{attr}"))
            needs.add("FieldType")
            continue
        if attr == "exec_":
            start, end = span(node)
            out.append((end - len("exec_"), end, "exec"))
            continue
        owner = names.get(owner_name)
        if owner is None or owner_name == "QVariant":
            continue
        scoped = _scoped(owner_name, owner, attr)
        if scoped:
            start, end = span(node)
            out.append((start, end, scoped))
            if scoped.startswith("Qgis.") and "Qgis" not in names:
                needs.add("Qgis")
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "qgis.PyQt.QtWidgets" and \
                any(a.name == "QAction" for a in node.names):
            needs.add("QAction")
    return out, needs


def _is_qvariant_type(node):
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "QVariant" \
        and node.attr in FIELD_TYPES


def _fix_imports(path, source, needs):
    """Add ``from <rel>.qt_compat import ...``; drop QVariant and QtWidgets' QAction where now unused."""
    lines = source.splitlines(keepends=True)
    if "QAction" in needs:
        pattern = re.compile(r"^from qgis\.PyQt\.QtWidgets import (.*)$")
        for i, line in enumerate(lines):
            match = pattern.match(line.rstrip("\n"))
            if match:
                rest = [n.strip() for n in match.group(1).split(",") if n.strip() != "QAction"]
                lines[i] = f"from qgis.PyQt.QtWidgets import {', '.join(rest)}\n" if rest else ""
    source = "".join(lines)
    for module, name in (("QtCore", "QVariant"), ("QtGui", "QFontDatabase")):
        statement = rf"^from qgis\.PyQt\.{module} import .*$"
        if not re.search(rf"\b{name}\b", re.sub(statement, "", source, flags=re.M)):
            source = re.sub(rf"^(from qgis\.PyQt\.{module} import )(.*)$",
                            lambda m, name=name: _drop_name(m, name), source, flags=re.M)
    if "Qgis" in needs:
        source = _add_line(source, "from qgis.core import Qgis\n")
        needs = needs - {"Qgis"}
        if not needs:
            return source
    module = _compat_module(path)
    existing = re.search(rf"^from {re.escape(module)} import (.*)$", source, flags=re.M)
    have = {n.strip() for n in existing.group(1).split(",")} if existing else set()
    wanted = sorted(have | needs)
    statement = f"from {module} import {', '.join(wanted)}\n"
    if existing:
        return source[:existing.start()] + statement.rstrip("\n") + source[existing.end():]
    return _add_line(source, statement)


def _add_line(source, statement):
    """``statement`` after the last top-level import."""
    tree = ast.parse(source)
    last = max((n.end_lineno for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))), default=0)
    lines = source.splitlines(keepends=True)
    lines.insert(last, statement)
    return "".join(lines)


def _drop_name(match, name):
    rest = [n.strip() for n in match.group(2).split(",") if n.strip() != name]
    return match.group(1) + ", ".join(rest) if rest else ""


def rewrite(path):
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    changes, needs = edits(path, source)
    if not changes and not needs:
        return 0
    new = source
    for start, end, text in sorted(set(changes), reverse=True):
        new = new[:start] + text + new[end:]
    if needs:
        new = _fix_imports(path, new, needs)
    if new != source:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(new)
    return len(set(changes)) + (1 if "QAction" in needs else 0)


def problems(path):
    """What still is Qt5-only in ``path``: (line, text) pairs."""
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    found = []
    changes, needs = edits(path, source)
    for start, end, text in sorted(set(changes)):
        line = source.count("\n", 0, start) + 1
        found.append((line, f"{source[start:end]} -> {text}"))
    if "QAction" in needs:
        found.append((0, "QAction imported from QtWidgets (Qt 6: QtGui; use qt_compat.QAction)"))
    is_compat = os.path.basename(path) == COMPAT and os.path.dirname(path) == ROOT
    for number, line in enumerate(source.splitlines(), 1):
        for pattern, what in REPORT_ONLY.items():
            if re.search(pattern, line) and not is_compat:
                found.append((number, what))
        if not is_compat and re.search(r"\bQVariant\.[A-Z]", line) and "FieldType" not in line:
            found.append((number, "QVariant type (PyQt6 has none): " + line.strip()))
    return found


def pyqt6_problems(files):
    """Names taken from ``qgis.PyQt`` and attribute chains on them that PyQt6 lacks: (path, line, text).
    Imports in a ``try`` that catches ImportError are fallbacks and not reported; qt_compat.py, which
    chooses between the Qt 5 and Qt 6 names, is left out."""
    found = []
    for path in files:
        if os.path.basename(path) == COMPAT and os.path.dirname(path) == ROOT:
            continue
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
        guarded = {id(n) for t in ast.walk(tree) if isinstance(t, ast.Try)
                   and any("ImportError" in ast.dump(h.type or ast.Name("ImportError")) for h in t.handlers)
                   for n in ast.walk(t)}
        names = {}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("qgis.PyQt")):
                continue
            sub = node.module[len("qgis.PyQt."):]
            for alias in node.names:
                try:
                    names[alias.asname or alias.name] = (
                        getattr(importlib.import_module("PyQt6." + sub), alias.name) if sub
                        else importlib.import_module("PyQt6." + alias.name))
                except (ImportError, AttributeError):
                    if id(node) not in guarded:
                        found.append((path, node.lineno, f"from {node.module} import {alias.name}"))
        for node in ast.walk(tree):
            chain, inner = [], node
            while isinstance(inner, ast.Attribute):
                chain.insert(0, inner.attr)
                inner = inner.value
            if not chain or not isinstance(inner, ast.Name) or inner.id not in names:
                continue
            value = names[inner.id]
            for depth, attr in enumerate(chain):
                if not hasattr(value, attr):
                    found.append((path, node.lineno, ".".join([inner.id] + chain[:depth + 1])))
                    break
                value = getattr(value, attr)
    return sorted(set(found))


# QGIS's modules, stubbed: any name is a class whose attributes are classes; the version is QGIS 4's.
_STUB = """class _Meta(type):
    def __getattr__(cls, name):
        if name.startswith("__"):
            raise AttributeError(name)
        if name == "QGIS_VERSION_INT":
            return 40000
        return _Meta(name, (_Stub,), {})
    def __or__(cls, other):
        return cls
    __ror__ = __and__ = __or__
class _Stub(metaclass=_Meta):
    def __init__(self, *args, **kwargs):
        pass
def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return _Meta(name, (_Stub,), {})
"""


def pyqt6_import_errors(files, site_dirs):
    """Import every shipped module with ``qgis.PyQt`` mapped to PyQt6, as QGIS 4 maps it, and QGIS's
    own modules stubbed: what fails at import time (names, module-level enum values, class bodies)."""
    import tempfile

    found = []
    with tempfile.TemporaryDirectory() as tmp:
        pyqt = os.path.join(tmp, "qgis", "PyQt")
        os.makedirs(pyqt)
        open(os.path.join(tmp, "qgis", "__init__.py"), "w").close()
        open(os.path.join(pyqt, "__init__.py"), "w").close()
        for name in ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtXml", "QtSvg", "QtPrintSupport", "sip"):
            with open(os.path.join(pyqt, name + ".py"), "w") as handle:
                handle.write(f"from PyQt6.{name} import *\n")
        for name in ("core", "gui", "analysis", "utils", "processing"):
            with open(os.path.join(tmp, "qgis", name + ".py"), "w") as handle:
                handle.write(_STUB)
        os.symlink(ROOT, os.path.join(tmp, "lcr_toolkit"))
        modules = ["lcr_toolkit." + os.path.relpath(f, ROOT)[:-3].replace(os.sep, ".").removesuffix(".__init__")
                   for f in files]
        code = ("import importlib, sys, traceback\n"
                "for m in sys.argv[1:]:\n"
                "    try:\n        importlib.import_module(m)\n"
                "    except Exception as e:\n        print(m + ': ' + traceback.format_exc().strip().splitlines()[-1])\n")
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([tmp] + list(site_dirs)), QT_QPA_PLATFORM="offscreen")
        result = subprocess.run([sys.executable, "-c", code] + modules, capture_output=True, text=True, env=env)
        found += [line for line in result.stdout.splitlines() if line]
        if result.returncode:
            found.append("import check crashed: " + result.stderr.strip()[-500:])
    return found


def main_pyqt6():
    files = shipped_files()
    problems_ = [f"{os.path.relpath(p, ROOT)}:{line}: {what} (not in PyQt6)" for p, line, what in pyqt6_problems(files)]
    # numpy, pandas, shapely: the checkout's venv and the system's packages, after the stubbed qgis.
    lib = os.path.join(ROOT, ".venv", "lib")
    site = [os.path.join(lib, d, "site-packages") for d in os.listdir(lib)] if os.path.isdir(lib) else []
    problems_ += pyqt6_import_errors(files, site + ["/usr/lib/python3/dist-packages"])
    for line in problems_:
        print(line)
    print(f"{len(problems_)} left under PyQt6 ({len(files)} modules imported)")
    return 1 if problems_ else 0


def main(argv):
    if "--pyqt6" in argv:
        return main_pyqt6()
    check = "--check" in argv
    total = 0
    for path in shipped_files():
        if check:
            for line, what in problems(path):
                print(f"{os.path.relpath(path, ROOT)}:{line}: {what}")
                total += 1
        else:
            count = rewrite(path)
            if count:
                print(f"{os.path.relpath(path, ROOT)}: {count} rewritten")
                total += count
    print(f"{total} {'left' if check else 'rewritten'}")
    return 1 if check and total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
