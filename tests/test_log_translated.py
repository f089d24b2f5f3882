"""Every log line the shipped code writes goes through tr() / translate(): no string or f-string is
handed to the run log, the message log or a progress text as it is (it would stay English in a
Chinese QGIS). Text built elsewhere (a variable, a helper's result) is the helper's to translate."""
import ast
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LOG_CALLS = {"pushInfo", "pushWarning", "pushDebugInfo", "reportError", "setProgressText", "pushCommandInfo",
             "pushConsoleInfo", "pushFormattedMessage", "logMessage", "pushCritical", "pushSuccess"}


def literal(node):
    """True when ``node`` is text written out in English: a string, an f-string, or one joined to others."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.strip() != ""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and v.value.strip() for v in node.values)
    if isinstance(node, ast.BinOp):
        return literal(node.left) or literal(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return literal(node.func.value)
    return False


def test_no_log_line_is_written_untranslated():
    files = subprocess.run(["git", "ls-files", "*.py"], cwd=REPO, capture_output=True, text=True,
                           check=True).stdout.split()
    found = []
    for path in files:
        if path.startswith(("tests/", "scripts/", "i18n/")):
            continue
        tree = ast.parse((REPO / path).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in LOG_CALLS
                    and node.args and literal(node.args[0])):
                found.append(f"{path}:{node.lineno}: {ast.unparse(node.args[0])[:80]}")
    assert found == []


def test_what_counts_as_untranslated():
    def expr(code):
        return ast.parse(code).body[0].value
    assert literal(expr('"Done."')) and literal(expr('f"{n} done"')) and literal(expr('"{n} done".format(n=1)'))
    assert literal(expr('self.tr("a") + " and more"'))
    assert not literal(expr('self.tr("Done.")')) and not literal(expr('text + " " + other'))
    assert not literal(expr('self.tr("{n}").format(n=1)'))
