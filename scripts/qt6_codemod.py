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
What it only reports: ``QRegExp``, ``QDesktopWidget`` and direct ``PyQt5`` imports (no QGIS 3.22-safe
rewrite; none is used).
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


def main(argv):
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
