"""Render the methods document (docs/methods.md, docs/methods_zh.md) as the HTML pages the plugin's
help links open (docs/methods.html, docs/methods_zh.html). The pages are committed: run this after
editing the markdown (tests/test_methods_doc.py fails while a page is stale).

Run: .venv/bin/python scripts/make_docs.py

Only the markdown the document uses is understood: headings with an ``{#anchor}``, paragraphs, "- "
lists (continued by indented lines), formulas indented by four spaces, pipe tables, `code` and
**bold**. No package is needed, and the same markdown always gives the same bytes.
"""
import html
import re
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = {"methods.md": ("methods.html", "en"), "methods_zh.md": ("methods_zh.html", "zh-CN")}
HEADING = re.compile(r"^(#{1,3}) (.*?)(?: \{#([a-z0-9_]+)\})?$")
INLINE = re.compile(r"`([^`]+)`|\*\*(.+?)\*\*")
CSS = """body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'DejaVu Sans', Arial, sans-serif;
  max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
h2 { border-bottom: 2px solid #ccc; margin-top: 2em; } h3 { margin-top: 1.5em; }
pre { background: #f4f6f8; padding: .6em .9em; overflow-x: auto; font-size: .9em; }
code { background: #f4f6f8; padding: 0 .2em; }
table { border-collapse: collapse; font-size: .9em; } th, td { border: 1px solid #ccc; padding: .25em .5em;
  text-align: left; vertical-align: top; } th { background: #eef1f4; }
nav ol { columns: 2; } :target { background: #fff4d6; }"""


def inline(text):
    out, position = [], 0
    for match in INLINE.finditer(text):
        out.append(html.escape(text[position:match.start()], quote=False))
        code, bold = match.groups()
        out.append(f"<code>{html.escape(code, quote=False)}</code>" if code else
                   f"<strong>{html.escape(bold, quote=False)}</strong>")
        position = match.end()
    out.append(html.escape(text[position:], quote=False))
    return "".join(out)


def blocks(lines):
    """(kind, lines) of the markdown: heading, code, table, list (one line per item) or paragraph."""
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
        elif HEADING.match(line):
            yield "heading", [line]
            i += 1
        elif line.startswith("    "):
            end = i
            while end < n and (lines[end].startswith("    ") or not lines[end].strip()):
                end += 1
            yield "code", lines[i:end]
            i = end
        elif line.startswith("|"):
            end = i
            while end < n and lines[end].startswith("|"):
                end += 1
            yield "table", lines[i:end]
            i = end
        elif line.startswith("- "):
            items = []
            while i < n and (lines[i].startswith("- ") or (items and lines[i].startswith("  ") and lines[i].strip())):
                if lines[i].startswith("- "):
                    items.append(lines[i][2:].strip())
                else:
                    items[-1] += " " + lines[i].strip()
                i += 1
            yield "list", items
        else:
            end = i
            while end < n and lines[end].strip() and not HEADING.match(lines[end]) and \
                    not lines[end].startswith(("- ", "|", "    ")):
                end += 1
            yield "paragraph", lines[i:end]
            i = end


def table_html(lines):
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines]
    head, body = rows[0], [row for row in rows[1:] if not set("".join(row)) <= set("-: ")]
    out = ["<table><thead><tr>" + "".join(f"<th>{inline(c)}</th>" for c in head) + "</tr></thead><tbody>"]
    out += ["<tr>" + "".join(f"<td>{inline(c)}</td>" for c in row) + "</tr>" for row in body]
    return "\n".join(out + ["</tbody></table>"])


def render(markdown, lang):
    parts, contents, title = [], [], ""
    for kind, lines in blocks(markdown.splitlines()):
        if kind == "heading":
            hashes, text, anchor = HEADING.match(lines[0]).groups()
            level = len(hashes)
            title = title or text
            attribute = f' id="{anchor}"' if anchor else ""
            parts.append(f"<h{level}{attribute}>{inline(text)}</h{level}>")
            if level == 2 and anchor:
                contents.append(f'<li><a href="#{anchor}">{inline(text)}</a></li>')
        elif kind == "code":
            while lines and not lines[-1].strip():
                lines = lines[:-1]
            parts.append("<pre>" + html.escape("\n".join(line[4:] for line in lines), quote=False) + "</pre>")
        elif kind == "table":
            parts.append(table_html(lines))
        elif kind == "list":
            parts.append("<ul>" + "".join(f"<li>{inline(item)}</li>" for item in lines) + "</ul>")
        else:
            parts.append(f"<p>{inline(' '.join(line.strip() for line in lines))}</p>")
    nav = "<nav><ol>" + "".join(contents) + "</ol></nav>"
    body = parts[:1] + [nav] + parts[1:]
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")


def main():
    for source, (target, lang) in PAGES.items():
        page = render((DOCS / source).read_text(encoding="utf-8"), lang)
        (DOCS / target).write_text(page, encoding="utf-8")
        print(DOCS / target)


if __name__ == "__main__":
    sys.exit(main())
