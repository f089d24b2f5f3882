"""Where the methods document shipped with the plugin explains each tool.

The document is docs/methods.md (English) and docs/methods_zh.md (Simplified Chinese), rendered to
docs/methods.html and docs/methods_zh.html by scripts/make_docs.py. Each tool has a numbered heading
ending in its anchor, ``## 2. Building operational emissions {#building_emissions}``: help texts,
help links and the report cite the section by that number, read here from the English file so that
renumbering the document cannot leave a stale citation behind.
"""
import functools
import os
import re

DOCS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "docs")
SOURCES = {"en": "methods.md", "zh": "methods_zh.md"}
PAGES = {"en": "methods.html", "zh": "methods_zh.html"}
HEADING = re.compile(r"^#{2,3} (\d+(?:\.\d+)*)\.? .*\{#([a-z0-9_]+)\}\s*$")


@functools.lru_cache(maxsize=4)
def sections(lang="en"):
    """{anchor: section number as text} of the methods document in ``lang``."""
    found = {}
    with open(os.path.join(DOCS_DIR, SOURCES[lang]), encoding="utf-8") as source:
        for line in source:
            match = HEADING.match(line.rstrip("\n"))
            if match:
                found[match.group(2)] = match.group(1)
    return found


def section(anchor):
    """The section number of ``anchor`` ("" where the document has none)."""
    return sections("en").get(anchor, "")


def page(lang="en"):
    """Path of the rendered methods document in ``lang`` ("en" or "zh")."""
    return os.path.join(DOCS_DIR, PAGES[lang])
