"""The planning report as one self-contained HTML page, and its SVG pictures (the quadrant chart and
the north arrow, which the PDF layout of lcr:planning_report uses too). The content comes from
``core.report``: its data model, labels and tables as text."""
import base64
import html

import numpy as np

from . import report_front as front
from . import report_measures as measures
from .report import (
    COLOURS, FAIL, FONT_FAMILY, INSUFFICIENT, NOT_ASSESSED, PASS, UNVERIFIED, factor_table, input_table,
    quadrant_table, quadrant_thresholds, rule_table, source_table, text, unit_table, units_cut_note,
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
    points = []
    for x, y, quadrant, name in zip(xs, ys, synergy["quadrant"], synergy.get("name", [""] * len(synergy))):
        colour = COLOURS.get(quadrant, "#555555")
        points.append(f'<circle cx="{x:.2f}" cy="{y:.2f}" r="5" fill="{colour}" stroke="#222222" stroke-width="0.8"/>')
        if label and name:
            points.append(f'<text x="{x + 7:.2f}" y="{y - 6:.2f}" font-size="10" fill="#222222">{_e(name)}</text>')
    parts += _last_of_each(points)
    parts.append("</svg>")
    return "\n".join(parts)


def _last_of_each(items):
    """``items`` in their order, each repeated one only where it comes last: a dot drawn again at the same
    place in the same colour covers the first, so the chart looks the same (a city's units share their
    scores by the thousand, and 100,000 dots make a PDF page of 25 MB)."""
    seen, kept = set(), []
    for item in reversed(items):
        if item not in seen:
            seen.add(item)
            kept.append(item)
    return kept[::-1]


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
.subtitle {{ color: #555; font-size: 1.1em; margin-top: 0; }}
table.meta {{ width: auto; font-size: .95em; }} table.meta td {{ border: none; padding: .15em 1.2em .15em 0; }}
table.meta td.label {{ color: #666; }}
.headline {{ font-size: 1.35em; font-weight: bold; margin: .8em 0; }} .headline.fails {{ color: {COLOURS[FAIL]}; }}
.legend span.swatch {{ display: inline-block; width: 1em; height: .8em; border: 1px solid #4d4d4d;
  margin: 0 .4em 0 1em; vertical-align: middle; }}
.footer {{ color: #777; font-size: .85em; margin-top: 2em; }}
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


def _plain_table(headers, rows):
    return _table_html(headers, rows, [""] * len(rows))


def _first_page(report, map_png):
    lang = report.lang
    title, subtitle = front.heading(report)
    parts = [f"<h1>{_e(title)}</h1>"]
    if subtitle:
        parts.append(f'<p class="subtitle">{_e(subtitle)}</p>')
    parts.append('<table class="meta">' + "".join(
        f'<tr><td class="label">{_e(label)}</td><td>{_e(value)}</td></tr>' for label, value in front.meta_rows(report))
        + "</table>")
    fails = " fails" if (report.units["result"] == FAIL).any() else ""
    parts.append(f'<p class="headline{fails}">{_e(front.verdict_sentence(report))}</p>')
    parts.append(f'<h2>{_e(text("top_heading", lang))}</h2>')
    headers, rows = front.top_failing(report)
    parts.append(_plain_table(headers, [[cell.replace("\n", " – ", 1) for cell in row] for row in rows])
                 if rows else f'<p>{_e(text("top_none", lang))}</p>')
    if map_png:
        data = base64.b64encode(map_png).decode("ascii")
        parts.append(f'<h2>{_e(text("map_title", lang))}</h2><img class="map" alt="{_e(text("map_title", lang))}" '
                     f'src="data:image/png;base64,{data}">')
        legend = "".join(f'<span class="swatch" style="background: {COLOURS[key]}"></span>'
                         f'{_e(text(f"cat_{key}", lang))}' for key in (PASS, FAIL, INSUFFICIENT, NOT_ASSESSED))
        parts.append(f'<p class="legend">{legend}</p>')
    parts.append(f'<h2>{_e(text("summary", lang))}</h2>')
    notes = front.first_page_notes(report)
    parts += [f'<p class="caveat">{_e(line)}</p>' if caveat else f"<p>{_e(line)}</p>" for line, caveat in notes]
    return parts


def _defaults(report):
    lang = report.lang
    parts = [f'<h2>{_e(text("defaults_heading", lang))}</h2><p class="note">{_e(text("defaults_note", lang))}</p>']
    for key, table, none_key, note_key in (("unverified_heading", front.unverified_table, "unverified_none", None),
                                           ("estimated_heading", front.estimated_table, "estimated_none",
                                            "estimated_note"),
                                           ("few_heading", front.few_residents_table, None, "few_note")):
        headers, rows = table(report)
        if not rows and none_key is None:
            continue
        parts.append(f"<h3>{_e(text(key, lang))}</h3>")
        if rows and note_key:
            parts.append(f'<p class="note">{_e(text(note_key, lang))}</p>')
        parts.append(_plain_table(headers, rows) if rows else f'<p class="note">{_e(text(none_key, lang))}</p>')
    if report.input_notes:
        parts.append(f'<h3>{_e(text("input_notes_heading", lang))}</h3>'
                     f'<p class="note">{_e(text("input_notes_note", lang))}</p>')
        parts.append("<ul>" + "".join(f"<li>{_e(line)}</li>" for line in report.input_notes) + "</ul>")
    if report.factors is not None:
        parts.append(f'<h3>{_e(text("factors_heading", lang))}</h3>'
                     f'<p class="note">{_e(text("factors_note", lang))}</p>')
        parts.append(_table_html(*factor_table(report)))
    return parts


def _measures(report, measures_png):
    """The section "Measures that make the plan pass": map, before/after table, the measures listed."""
    lang = report.lang
    parts = [f'<h2>{_e(text("measures_heading", lang))}</h2><p class="note">{_e(text("measures_note", lang))}</p>']
    if measures_png:
        data = base64.b64encode(measures_png).decode("ascii")
        parts.append(f'<img class="map" alt="{_e(text("measures_map", lang))}" src="data:image/png;base64,{data}">')
    if report.comparison is not None:
        parts.append(f'<h3>{_e(text("compare_heading", lang))}</h3>')
        parts.append(_table_html(*measures.comparison_table(report.comparison, lang)))
        unaddressed = measures.unaddressed_note(report.comparison, lang)
        if unaddressed:
            parts.append(f'<p class="note">{_e(unaddressed)}</p>')
    if report.measures is not None:
        parts.append(f'<h3>{_e(text("measures_list", lang))}</h3>')
        note = measures.measures_cut_note(report.measures, lang, report.max_units)
        if note:
            parts.append(f'<p class="note">{_e(note)}</p>')
        parts.append(_table_html(*measures.measure_table(report.measures, lang, report.max_units)))
    return parts


def to_html(report, map_png=None, measures_png=None):
    """The report as one self-contained HTML page (inline CSS, SVG and map image), in the PDF's order:
    the first page, the rules, the units, the integration, the defaults and unverified values, the inputs."""
    lang = report.lang
    parts = ["<!DOCTYPE html>", f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
             f"<title>{_e(front.heading(report)[0])}</title><style>{CSS}</style></head><body>"]
    parts += _first_page(report, map_png)
    parts.append(f'<h2>{_e(text("rules_heading", lang))}</h2><p class="note">{_e(text("rules_note", lang))}</p>')
    parts.append(_table_html(*rule_table(report), verdict_column=6, status_column=2))
    if len(report.rules[report.rules["source"] != ""]):
        parts.append(f'<h3>{_e(text("sources_heading", lang))}</h3>')
        parts.append(_table_html(*source_table(report)))
    parts.append(f'<h2>{_e(text("units_heading", lang))}</h2><p class="note">{_e(text("units_note", lang))}</p>')
    if units_cut_note(report):
        parts.append(f'<p class="note">{_e(units_cut_note(report))}</p>')
    parts.append(_table_html(*unit_table(report), verdict_column=1))
    if report.measures is not None or report.comparison is not None:
        parts += _measures(report, measures_png)
    if report.synergy is not None:
        parts.append(f'<h2>{_e(text("synergy_heading", lang))}</h2>')
        parts.append(f'<div class="chart">{quadrant_svg(report.synergy, lang)}</div>')
        parts.append(f'<p class="note">{_e(text("synergy_note", lang))}</p>')
        parts.append(_table_html(*quadrant_table(report)))
    parts += _defaults(report)
    parts.append(f'<h2>{_e(text("inputs_heading", lang))}</h2>')
    parts.append(_table_html(*input_table(report)))
    parts.append(f'<p class="footer">{_e(front.made_with(report))}</p></body></html>')
    return "\n".join(parts)
