"""Refresh i18n/lcr_toolkit_zh_CN.ts from the plugin's sources and fill in new translations.

Run: .venv/bin/python scripts/update_translations.py [translations.tsv | other.ts ...]
A .tsv file has one ``source<TAB>translation`` a line (``\\n`` for a line break); a .ts file gives
its finished translations (after a merge: the branches' own .ts files, from ``git show``). Messages
still without a translation are printed, one ``context<TAB>source`` a line, so they can be
translated into such a file and the script run again.
"""
import html
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TS = REPO / "i18n" / "lcr_toolkit_zh_CN.ts"


def plugin_sources():
    tracked = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
                             cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    return [p for p in tracked if not p.startswith(("tests/", "scripts/")) and (REPO / p).exists()]


def read_pairs(path):
    if str(path).endswith(".ts"):
        return {message.findtext("source"): message.findtext("translation")
                for message in ET.parse(path).getroot().iter("message")
                if message.find("translation").get("type") is None and (message.findtext("translation") or "").strip()}
    pairs = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            source, translation = line.split("\t", 1)
            pairs[source.replace("\\n", "\n")] = translation.replace("\\n", "\n")
    return pairs


def escape(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def main():
    # Extracted afresh rather than updated in place: pylupdate5's merge of a changed message into an
    # existing file can mis-decode its non-ASCII text (“ becomes &#xe2;&#x80;&#x9c;).
    pairs = read_pairs(TS)
    for path in sys.argv[1:]:
        pairs.update(read_pairs(path))
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.ts"
        subprocess.run(["pylupdate5", "-noobsolete", *plugin_sources(), "-ts", str(fresh)], cwd=REPO, check=True,
                       capture_output=True)
        text = fresh.read_text(encoding="utf-8")
    # Edited as text, not re-serialised, so that the file keeps pylupdate5's layout.
    def fill(match):
        translation = pairs.get(html.unescape(match.group(1)))
        if translation is None:
            return match.group(0)
        return f"<source>{match.group(1)}</source>{match.group(2)}<translation>{escape(translation)}</translation>"

    text = re.sub(r'<source>(.*?)</source>(\s*)<translation type="unfinished"></translation>', fill, text, flags=re.S)
    text = text.replace('<TS version="2.1">', '<TS version="2.1" language="zh_CN">', 1)
    TS.write_text(text, encoding="utf-8")
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") == "unfinished" or not (translation.text or "").strip():
                print(f"{context.findtext('name')}\t{message.findtext('source')!r}")


if __name__ == "__main__":
    main()
