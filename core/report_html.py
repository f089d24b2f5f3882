"""The planning report as one self-contained HTML page, and its SVG pictures (the quadrant chart and
the north arrow, which the PDF layout of lcr:planning_report uses too). The content comes from
``core.report``: its data model, labels and tables as text."""
import base64
import html

import numpy as np

from .report import (
    COLOURS, FAIL, FONT_FAMILY, PASS, UNVERIFIED, caveat_lines, factor_table, input_table, quadrant_table,
    quadrant_thresholds, rule_table, source_table, summary_lines, text, unit_table, units_cut_note,
)
from .synergy import LOW_CARBON_ONLY, NEITHER, RESILIENCE_ONLY, WIN_WIN

CSS_FONTS = f"'{FONT_FAMILY}', 'Microsoft YaHei', 'PingFang SC', 'DejaVu Sans', Arial, sans-serif"
# Quadrant chart geometry (SVG user units): the plot square and the whole picture.
PLOT_X, PLOT_Y, PLOT_SIZE = 70.0, 20.0, 400.0
CHART_WIDTH, CHART_HEIGHT = 490.0, 480.0
MAX_POINT_LABELS = 40


# ---- SVG ---------------------------------------------------------------------------------------
def chart_xy(lc, res):
    """SVG coordinates of a unit in the quadrant chart: low-carbon score right, resilience up."""
    lc, res = np.clip(np.asarray(lc, float), 0, 1), np.clip(np.asarray(res, float), 0, 1)
    return PLOT_X + lc * PLOT_SIZE, PLOT_Y + (1 - res) * PLOT_SIZE


def quadrant_svg(synergy, lang, font=CSS_FONTS):
    """The quadrant chart (low-carbon vs resilience score per unit) as a standalone SVG document."""
    t_lc, t_res = quadrant_thresholds(synergy)
    x_t, y_t = chart_xy(t_lc, t_res)
    right, bottom = PLOT_X + PLOT_SIZE, PLOT_Y + PLOT_SIZE
    counts = synergy["quadrant"].value_counts()
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_WIDTH:g}" height="{CHART_HEIGHT:g}" '
             f'viewBox="0 0 {CHART_WIDTH:g} {CHART_HEIGHT:g}" font-family="{html.escape(font)}" font-size="12">',
             f'<rect x="0" y="0" width="{CHART_WIDTH:g}" height="{CHART_HEIGHT:g}" fill="#ffffff"/>']
    boxes = ((WIN_WIN, x_t, PLOT_Y, right, y_t, "end", right - 6, PLOT_Y + 16),
             (RESILIENCE_ONLY, PLOT_X, PLOT_Y, x_t, y_t, "start", PLOT_X + 6, PLOT_Y + 16),
             (LOW_CARBON_ONLY, x_t, y_t, right, bottom, "end", right - 6, bottom - 8),
             (NEITHER, PLOT_X, y_t, x_t, bottom, "start", PLOT_X + 6, bottom - 8))
    for key, x0, y0, x1, y1, anchor, tx, ty in boxes:
        parts.append(f'<rect x="{x0:.2f}" y="{y0:.2f}" width="{max(x1 - x0, 0):.2f}" height="{max(y1 - y0, 0):.2f}" '
                     f'fill="{COLOURS[key]}" fill-opacity="0.10"/>')
        parts.append(f'<text x="{tx:.2f}" y="{ty:.2f}" text-anchor="{anchor}" font-weight="bold" '
                     f'fill="{COLOURS[key]}">{_e(text(key, lang))} ({int(counts.get(key, 0))})</text>')
    parts.append(f'<rect x="{PLOT_X:g}" y="{PLOT_Y:g}" width="{PLOT_SIZE:g}" height="{PLOT_SIZE:g}" fill="none" '
                 f'stroke="#444444"/>')
    parts.append(f'<line x1="{x_t:.2f}" y1="{PLOT_Y:g}" x2="{x_t:.2f}" y2="{bottom:g}" stroke="#444444" '
                 f'stroke-dasharray="5,4"/>')
    parts.append(f'<line x1="{PLOT_X:g}" y1="{y_t:.2f}" x2="{right:g}" y2="{y_t:.2f}" stroke="#444444" '
                 f'stroke-dasharray="5,4"/>')
    for tick in np.linspace(0, 1, 6):
        x, y = chart_xy(tick, tick)
        parts.append(f'<text x="{x:.2f}" y="{bottom + 16:g}" text-anchor="middle">{tick:.1f}</text>')
        parts.append(f'<text x="{PLOT_X - 6:g}" y="{y + 4:.2f}" text-anchor="end">{tick:.1f}</text>')
    parts.append(f'<text x="{PLOT_X + PLOT_SIZE / 2:g}" y="{bottom + 38:g}" text-anchor="middle" font-size="14">'
                 f'{_e(text("axis_lc", lang))} →</text>')
    parts.append(f'<text x="0" y="0" transform="translate({PLOT_X - 40:g},{PLOT_Y + PLOT_SIZE / 2:g}) rotate(-90)" '
                 f'text-anchor="middle" font-size="14">{_e(text("axis_res", lang))} →</text>')
    xs, ys = chart_xy(synergy["lc_score"], synergy["res_score"])
    label = len(synergy) <= MAX_POINT_LABELS
    for x, y, quadrant, name in zip(xs, ys, synergy["quadrant"], synergy.get("name", [""] * len(synergy))):
        colour = COLOURS.get(quadrant, "#555555")
        parts.append(f'<circle cx="{x:.2f}" cy="{y:.2f}" r="5" fill="{colour}" stroke="#222222" stroke-width="0.8"/>')
        if label and name:
            parts.append(f'<text x="{x + 7:.2f}" y="{y - 6:.2f}" font-size="10" fill="#222222">{_e(name)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def north_arrow_svg(lang):
    """A plain north arrow (the map's grid north, which is up in a projected CRS)."""
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="60" viewBox="0 0 40 60">'
            '<polygon points="20,4 32,44 20,36" fill="#222222"/>'
            '<polygon points="20,4 8,44 20,36" fill="#ffffff" stroke="#222222" stroke-width="1.5"/>'
            f'<text x="20" y="58" text-anchor="middle" font-size="13" font-weight="bold" '
            f'font-family="{html.escape(CSS_FONTS)}">{_e(text("north", lang))}</text></svg>')


# ---- HTML --------------------------------------------------------------------------------------
CSS = f"""
body {{ font-family: {CSS_FONTS}; margin: 2em auto; max-width: 1200px; color: #222; padding: 0 1em; }}
h1 {{ font-size: 1.6em; margin-bottom: .2em; }} h2 {{ font-size: 1.25em; margin-top: 1.6em;
  border-bottom: 2px solid #ccc; padding-bottom: .2em; }}
.meta {{ color: #666; }} .note {{ color: #555; font-size: .9em; }}
.summary li {{ margin: .3em 0; }} .caveat {{ background: #fff4e5; border-left: 4px solid #f0a030; padding: .5em .8em; }}
table {{ border-collapse: collapse; width: 100%; font-size: .82em; margin: .6em 0; }}
th, td {{ border: 1px solid #ccc; padding: .3em .45em; text-align: left; vertical-align: top; }}
th {{ background: #eef1f4; }} tr.fail td.verdict {{ color: {COLOURS[FAIL]}; font-weight: bold; }}
tr.pass td.verdict {{ color: {COLOURS[PASS]}; font-weight: bold; }} tr.not_assessed td.verdict {{ color: #777; }}
.badge {{ background: #f0a030; color: #fff; border-radius: 3px; padding: 0 .35em; }}
.scroll {{ overflow-x: auto; }}
td.short {{ white-space: nowrap; }} img.map {{ max-width: 100%; border: 1px solid #ccc; }}
.chart {{ max-width: 560px; }}
"""


def _e(value):
    return html.escape(format(value))


def _table_html(headers, rows, classes, verdict_column=None, status_column=None):
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    out = [f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>']
    for row, cls in zip(rows, classes):
        cells = []
        for i, cell in enumerate(row):
            if i == status_column and cell == UNVERIFIED:
                cells.append(f'<td><span class="badge">{_e(cell)}</span></td>')
            else:
                # short cells (numbers, verdicts) must not break inside a word
                kinds = ["verdict"] * (i == verdict_column) + ["short"] * (len(cell) <= 8)
                cells.append(f'<td class="{" ".join(kinds)}">{_e(cell)}</td>' if kinds else f"<td>{_e(cell)}</td>")
        out.append(f'<tr class="{_e(cls)}">' + "".join(cells) + "</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def to_html(report, map_png=None):
    """The report as one self-contained HTML page (inline CSS, SVG and map image)."""
    lang = report.lang
    parts = ["<!DOCTYPE html>", f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
             f"<title>{_e(report.title)}</title><style>{CSS}</style></head><body>",
             f"<h1>{_e(report.title)}</h1>",
             f'<p class="meta">{_e(text("generated", lang).format(date=report.created))}</p>',
             f'<h2>{_e(text("summary", lang))}</h2><ul class="summary">']
    parts += [f"<li>{_e(line)}</li>" for line in summary_lines(report)]
    parts.append("</ul>")
    parts += [f'<p class="caveat">{_e(line)}</p>' for line in caveat_lines(report)]
    if map_png:
        data = base64.b64encode(map_png).decode("ascii")
        parts.append(f'<h2>{_e(text("map_title", lang))}</h2><img class="map" alt="{_e(text("map_title", lang))}" '
                     f'src="data:image/png;base64,{data}">')
    parts.append(f'<h2>{_e(text("rules_heading", lang))}</h2><p class="note">{_e(text("rules_note", lang))}</p>')
    parts.append(_table_html(*rule_table(report), verdict_column=6, status_column=2))
    if report.synergy is not None:
        parts.append(f'<h2>{_e(text("synergy_heading", lang))}</h2>')
        parts.append(f'<div class="chart">{quadrant_svg(report.synergy, lang)}</div>')
        parts.append(f'<p class="note">{_e(text("synergy_note", lang))}</p>')
        parts.append(_table_html(*quadrant_table(report)))
    parts.append(f'<h2>{_e(text("units_heading", lang))}</h2><p class="note">{_e(text("units_note", lang))}</p>')
    if units_cut_note(report):
        parts.append(f'<p class="note">{_e(units_cut_note(report))}</p>')
    parts.append(_table_html(*unit_table(report), verdict_column=1))
    parts.append(f'<h2>{_e(text("inputs_heading", lang))}</h2>')
    parts.append(_table_html(*input_table(report)))
    if len(report.rules[report.rules["source"] != ""]):
        parts.append(f'<h3>{_e(text("sources_heading", lang))}</h3>')
        parts.append(_table_html(*source_table(report)))
    if report.factors is not None:
        parts.append(f'<h3>{_e(text("factors_heading", lang))}</h3>'
                     f'<p class="note">{_e(text("factors_note", lang))}</p>')
        parts.append(_table_html(*factor_table(report)))
    parts.append("</body></html>")
    return "\n".join(parts)
