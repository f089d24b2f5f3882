"""The print layout of lcr:planning_report: the first page a review panel reads (the plan, the verdict
in one sentence, the map, the rules that fail most), then the rules, the units, the integration chart,
the defaults and unverified values, and the inputs (each table flows onto as many A4 landscape pages as
it needs, its header repeated)."""
import math
import re

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemTextTable,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsRectangle,
    QgsRendererCategory,
    QgsTextFormat,
    QgsTextRenderer,
    QgsUnitTypes,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core import crs as core_crs
from ..core import report as core
from ..core import report_front as front
from ..core import report_measures as measures
from ..core.errors import check_canceled
from ..core.report_html import CHART_HEIGHT, CHART_WIDTH
from ..qt_compat import font_families

PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 10.0
BODY_W = PAGE_W - 2 * MARGIN
GAP = 6.0
# Rows a table page never holds more of (7 pt rows on a 190 mm landscape page: about 55): longer tables
# are laid out a page at a time.
PAGE_ROWS_AT_MOST = 80
CELL_MARGIN, GRID = 1.0, 0.2   # mm
# Column widths (mm) of the tables, summing to at most BODY_W; 0 = as wide as the content.
WIDTHS = {
    "rules": (33, 38, 18, 20, 21, 26, 23, 10, 10, 14, 16, 48),
    "units": (40, 16, 16, 10, 10, 14, 96, 75),
    "quadrants": (55, 20),
    "inputs": (45, 172, 35, 25),
    "sources": (150, 97, 30),
    "factors": (40, 12, 20, 20, 185),
    "meta": (30, 105, 32, 110),
    "top": (56, 27, 24),
    "unverified": (40, 70, 35, 132),
    "estimated": (40, 100, 30, 107),
    "few": (40, 100, 30, 107),
    "compare": (66, 38, 17, 17, 17, 17, 17, 17, 24, 24),
    "measures": (50, 60, 80, 87),
}
MAP_WIDTH, MAP_TOP = 165.0, 50.0   # mm; the map reaches down to the scale bar and footer
TOP_RULES_MIN = 3   # the first page names at least this many of the rules failed most often
# Units are named and outlined on the map up to this many. The 190 × 160 mm map holds about a thousand
# 7 pt names (≈ 10 × 3 mm each): beyond, the labelling engine drops most of them anyway while placing
# them costs seconds (10 000 parcels: 17 s, against 0.2 s unnamed). Units are then under 5 mm across
# and their 0.15 mm outlines start to grey out the pass / fail colours (100 000 parcels: all grey).
MAX_MAP_DETAIL = 1000
SIDE_X = MARGIN + MAP_WIDTH + 6.0
SIDE_W = PAGE_W - MARGIN - SIDE_X
# Latin fonts for the report's text, the first one installed: Qt's PDF writer drops from the text
# layer most digits of Latin text set in the CJK font (the page shows "6 units checked", pdftotext and
# a reader's search find " units checked"), so digits and Latin letters come from a Latin font and
# only the Chinese characters from the CJK family.
LATIN_FAMILIES = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica")
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def text_format(family, size, bold=False):
    fmt = QgsTextFormat()
    fmt.setFont(report_font(family, size, bold))
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    return fmt


def set_font(item, font, colour=None):
    """A layout label's or legend style's font at its point size (and colour), through its text format
    where QGIS has one (labels 3.24, legend styles 3.30, which deprecate setFont and setFontColor and
    apply them the same way), else with setFont."""
    if not hasattr(item, "setTextFormat"):
        item.setFont(font)
        if colour:
            item.setFontColor(QColor(colour))
        return
    fmt = item.textFormat()
    fmt.setFont(font)
    fmt.setSize(font.pointSizeF())
    fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    if colour:
        fmt.setColor(QColor(colour))
    item.setTextFormat(fmt)


def report_font(family, size, bold=False):
    """The report's font: Latin letters and digits from a Latin font, Chinese from ``family``."""
    installed = set(font_families())
    latin = next((name for name in LATIN_FAMILIES if name in installed), family)
    font = QFont(family)
    font.setFamilies([latin, family])
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def style_layer(layer, report, name_index, family):
    """Colour the units by verdict (pass, fail, insufficient data, not assessed); up to MAX_MAP_DETAIL units, outline them and
    label them with their names if any."""
    lang = report.lang
    detailed = layer.featureCount() <= MAX_MAP_DETAIL
    expression = ('"verdict"' if layer.fields().lookupField("verdict") >= 0 else
                  'CASE WHEN "n_fail" > 0 THEN \'fail\' WHEN "n_pass" > 0 THEN \'pass\' ELSE \'not_assessed\' END')
    categories = []
    for key in (core.PASS, core.FAIL, core.INSUFFICIENT, core.NOT_ASSESSED):
        symbol = QgsFillSymbol.createSimple({"color": core.COLOURS[key], "outline_color": "#4d4d4d",
                                             "outline_width": "0.15",
                                             "outline_style": "solid" if detailed else "no"})
        categories.append(QgsRendererCategory(key, symbol, core.text(f"cat_{key}", lang)))
    layer.setRenderer(QgsCategorizedSymbolRenderer(expression, categories))
    layer.setName(core.text("legend_layer", lang))
    if name_index >= 0 and detailed:
        settings = QgsPalLayerSettings()
        settings.fieldName = layer.fields().at(name_index).name()
        # centred on the unit (inside it), not offset around it, where a name would read as a neighbour's
        settings.placement = QgsPalLayerSettings.Placement.OverPoint
        settings.centroidInside = True
        fmt = text_format(family, 5.5)
        buffer = fmt.buffer()
        buffer.setEnabled(True)
        buffer.setSize(0.6)
        fmt.setBuffer(buffer)
        settings.setFormat(fmt)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)


class ReportLayout:
    """Builds the layout page by page; ``y`` is where the next item goes on the current page."""

    def __init__(self, project, report, family, is_canceled=None):
        self.report, self.family, self.is_canceled = report, family, is_canceled
        self.layout = QgsPrintLayout(project)
        self.layout.initializeDefaults()
        self.layout.setName(report.title)
        self.pages = self.layout.pageCollection()
        self.pages.page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
        self.page, self.y = 0, MARGIN

    def new_page(self):
        check_canceled(self.is_canceled)   # laying out a city's tables takes seconds: a page at a time
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
        self.pages.addPage(page)
        self.page, self.y = self.pages.pageCount() - 1, MARGIN

    def label(self, text, x, y, w, h, size=9, bold=False, colour=None):
        item = QgsLayoutItemLabel(self.layout)
        item.setText(text)
        set_font(item, report_font(self.family, size, bold), colour)
        item.setHAlign(Qt.AlignmentFlag.AlignLeft)
        item.attemptMove(QgsLayoutPoint(x, y), page=self.page)
        item.attemptResize(QgsLayoutSize(w, h))
        self.layout.addLayoutItem(item)
        return item

    def heading(self, key, note_key=None, size=13):
        if self.y > PAGE_H - MARGIN - 40:
            self.new_page()
        elif self.y > MARGIN:
            self.y += 2   # a heading under text stands apart from it
        self.label(core.text(key, self.report.lang), MARGIN, self.y, BODY_W, size * 0.6, size=size, bold=True)
        self.y += size * 0.7
        if note_key:
            self.note(core.text(note_key, self.report.lang))

    def note(self, text, x=MARGIN, width=BODY_W, size=8, colour="#555555"):
        self.y += self.text_block(text, x, self.y, width, size, colour) + 1

    def text_block(self, text, x, y, width, size, colour="#222222", bold=False):
        """A label of the paragraph ``text`` wrapped to ``width`` at (x, y); returns its height."""
        return self.paragraph(text, x, y, width, size, colour, bold).sizeWithUnits().height()

    def paragraph(self, text, x, y, width, size, colour="#222222", bold=False):
        label = self.label(text, x, y, width, 6, size=size, bold=bold, colour=colour)
        # A label does not grow with its text: give it the lines its text wraps to (a tenth more
        # room for the line ends that word wrapping leaves empty), as tall as the CJK font makes a
        # line that holds Chinese (the Latin font's metrics would leave them too little room).
        natural = label.sizeForText()
        line = natural.height()
        if CJK.search(text):
            cjk = QFont(self.family)
            cjk.setPointSizeF(size)
            cjk.setBold(bold)
            set_font(label, cjk)
            line = max(line, label.sizeForText().height())
            set_font(label, report_font(self.family, size, bold))
        lines = 1 if natural.width() <= width else math.ceil(natural.width() * 1.1 / width)
        label.attemptResize(QgsLayoutSize(width, line * lines))
        return label

    def table(self, name, headers, rows, x=MARGIN, width=None, header=True, grid=True):
        """A text table from ``y`` on, continued on new pages while rows remain: one table a page, each
        given the rows that fit there above the bottom margin. (A single table flowing over pages lays all
        its rows out again for every page it reaches — 500 rows: 12 s of the PDF export, a page at a time:
        2 s — and its frames on later pages reach the paper's edge.)"""
        rest, table, width = list(rows), None, width or BODY_W
        while True:
            check_canceled(self.is_canceled)
            table, contents, frame, fit = self._frame_rows(name, headers, rest[:PAGE_ROWS_AT_MOST], x, width,
                                                           PAGE_H - MARGIN - self.y, header, grid)
            if rest and fit == 0 and self.y > MARGIN + 1:   # not one row fits below what the page holds
                self.layout.removeMultiFrame(table)
                self.new_page()
                continue
            shown = min(max(fit, 1), len(rest))
            table.setContents(contents[:shown])
            self.y += self.shrink_to_rows(table, frame, shown) + GAP
            rest = rest[shown:]
            if not rest:
                return table
            self.new_page()

    def fitted_table(self, name, headers, rows, x, width, height, least):
        """The first of ``rows`` (at least ``least``) that fit in ``height`` below ``y``, in one frame;
        returns how many are shown."""
        table, contents, frame, fit = self._frame_rows(name, headers, rows, x, width, height)
        shown = min(max(fit, least), len(rows))
        table.setContents(contents[:shown])
        self.y += self.shrink_to_rows(table, frame, shown) + GAP
        return shown

    def _frame_rows(self, name, headers, rows, x, width, height, header=True, grid=True):
        """A table of ``rows`` in one frame of ``height`` at (x, ``y``): the table, its contents, the frame
        and how many of the rows fit in it."""
        table, contents = self.text_table(name, headers, rows, width, header, grid)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        self.layout.addMultiFrame(table)
        frame = QgsLayoutFrame(self.layout, table)
        frame.attemptMove(QgsLayoutPoint(x, self.y), page=self.page)
        frame.attemptResize(QgsLayoutSize(width, max(height, 1.0)))
        table.addFrame(frame)
        context = QgsLayoutUtils.createRenderContextForLayout(self.layout, None)
        return table, contents, frame, table.rowRange(context, 0)[1]

    def shrink_to_rows(self, table, frame, n_rows):
        """The least height of ``frame`` that still shows ``n_rows`` rows of ``table``, set and returned:
        QGIS does not say how much of a frame the rows use, and what follows goes below them."""
        context = QgsLayoutUtils.createRenderContextForLayout(self.layout, None)
        low, high = 1.0, max(frame.sizeWithUnits().height(), 1.0)
        if table.rowRange(context, 0)[1] < n_rows:   # rows kept although they do not fit
            high = PAGE_H
        while high - low > 0.2:
            middle = (low + high) / 2
            frame.attemptResize(QgsLayoutSize(frame.sizeWithUnits().width(), middle))
            low, high = (low, middle) if table.rowRange(context, 0)[1] >= n_rows else (middle, high)
        frame.attemptResize(QgsLayoutSize(frame.sizeWithUnits().width(), high))
        return high

    def text_table(self, name, headers, rows, width, header=True, grid=True):
        """A text table of ``rows`` in the report's style, its columns ``WIDTHS[name]`` fitted to ``width``,
        and its contents (long words broken to the columns)."""
        table = QgsLayoutItemTextTable(self.layout)
        columns = []
        # Cell margins and grid lines come on top of the column widths: scale these to fit.
        room = width - len(headers) * (2 * CELL_MARGIN + GRID) - GRID
        widths = WIDTHS[name]
        widths = [w * min(1.0, room / sum(widths)) for w in widths]
        for heading, column_width in zip(headers, widths):
            column = QgsLayoutTableColumn(heading)
            column.setWidth(column_width)
            columns.append(column)
        table.setColumns(columns)
        content = text_format(self.family, 7)
        width_of = self.text_width(content)
        contents = [[break_long_words(cell, w, width_of) for cell, w in zip(row, widths)] for row in rows]
        table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
        table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames if header else QgsLayoutTable.HeaderMode.NoHeaders)
        table.setHeaderTextFormat(text_format(self.family, 7.5, bold=True))
        table.setContentTextFormat(content)
        table.setCellMargin(CELL_MARGIN)
        table.setGridStrokeWidth(GRID)
        table.setGridColor(QColor("#999999"))
        table.setShowGrid(grid)
        # The contents last: every setter above lays the whole table out again (0.1 s each at 500 rows).
        table.setContents(contents)
        return table, contents

    def text_width(self, fmt):
        """A function giving the width (mm) of a line of text in ``fmt``, as the layout's tables measure it."""
        context = QgsLayoutUtils.createRenderContextForLayout(self.layout, None)
        mm = context.convertToPainterUnits(1, QgsUnitTypes.RenderUnit.RenderMillimeters)
        return lambda text: QgsTextRenderer.textWidth(context, fmt, [text]) / mm

    # ---- pages ---------------------------------------------------------------------------------
    def first_page(self, layer, arrow_svg):
        """Who, what, the verdict, where, and which rules: what a panel reads before any table."""
        report = self.report
        title, subtitle = front.heading(report)
        self.y = MARGIN - 2
        self.y += self.text_block(title, MARGIN, self.y, BODY_W, 17, bold=True) + 0.5
        if subtitle:
            self.y += self.text_block(subtitle, MARGIN, self.y, BODY_W, 10, colour="#555555") + 1
        colon = core.text("colon", report.lang)
        meta = [(label + colon, value) for label, value in front.meta_rows(report)]
        # two columns: who and when on the left, against what on the right
        rows = [list(meta[i]) + (list(meta[i + 3]) if i + 3 < len(meta) else ["", ""]) for i in range(3)]
        self.table("meta", ["", "", "", ""], rows, header=False, grid=False)
        self.y -= GAP - 1
        self.y += self.text_block(front.verdict_sentence(report), MARGIN, self.y, BODY_W, 13, bold=True,
                                  colour=core.COLOURS[core.FAIL] if (report.units["result"] == core.FAIL).any()
                                  else "#222222") + 2
        self._map(layer, arrow_svg, max(self.y, MAP_TOP))
        self._side_column()
        self.label(front.made_with(report), MARGIN, PAGE_H - MARGIN - 3, BODY_W, 4, size=7, colour="#777777")
        self.map_image = map_png(self.layout, self.map_rect)

    def _map(self, layer, arrow_svg, top):
        x, y, w, h = MARGIN, top, MAP_WIDTH, PAGE_H - MARGIN - 16 - top
        self.map_rect = (x, y, w, h)
        item = QgsLayoutItemMap(self.layout)
        self.layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y))
        item.attemptResize(QgsLayoutSize(w, h))
        crs, extent = map_crs_extent(layer, self.layout.project())
        item.setCrs(crs)
        item.setLayers([layer])
        # An extent of the item's shape: setExtent would otherwise reshape the item (and zoomToExtent
        # fails on a new item whose extent is still empty).
        extent.scale(1.08)
        item.setExtent(fit(extent, w / h))
        item.setFrameEnabled(True)
        item.setMapFlags(item.mapFlags() & ~QgsLayoutItemMap.MapItemFlag.ShowPartialLabels)
        arrow = QgsLayoutItemPicture(self.layout)
        arrow.setPicturePath(arrow_svg)
        arrow.attemptMove(QgsLayoutPoint(x + w - 12, y + 3))
        arrow.attemptResize(QgsLayoutSize(8, 12))
        self.layout.addLayoutItem(arrow)
        item.addLabelBlockingItem(arrow)
        scale = QgsLayoutItemScaleBar(self.layout)
        scale.setStyle("Single Box")
        scale.setLinkedMap(item)
        scale.applyDefaultSize()
        scale.setTextFormat(text_format(self.family, 8))
        scale.attemptMove(QgsLayoutPoint(x, y + h + 2))
        self.layout.addLayoutItem(scale)
        self.map_item = item

    def _side_column(self):
        """Right of the map: the legend, the rules failed most often, the notes."""
        lang = self.report.lang
        legend = QgsLayoutItemLegend(self.layout)
        legend.setTitle(core.text("legend_title", lang))
        legend.setLinkedMap(self.map_item)
        self._legend_fonts(legend)
        legend.setBoxSpace(0)   # its title in line with the headings below
        # the layer's name over its four classes says nothing the title does not: room for the rules
        legend.setAutoUpdateModel(False)
        for node in legend.model().rootGroup().findLayers():
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
        legend.attemptMove(QgsLayoutPoint(SIDE_X, self.map_rect[1]))
        self.layout.addLayoutItem(legend)
        # A legend sizes itself to its content only once it has been painted (before, it knows no
        # map scale): paint it, roughly, so that what follows can go below it.
        QgsLayoutExporter(self.layout).renderRegionToImage(QRectF(SIDE_X, self.map_rect[1], SIDE_W, 10), QSize(), 30)
        legend.adjustBoxSize()
        self.y = self.map_rect[1] + legend.sizeWithUnits().height() + 3
        self.y += self.text_block(core.text("top_heading", lang), SIDE_X, self.y, SIDE_W, 11, bold=True) + 1
        # The notes stand at the foot of the column; the rules failed most often fill the room above
        # them, as many of the five as fit (never fewer than three).
        notes = [self.paragraph(line, SIDE_X, 0, SIDE_W, 7.5, colour="#333333")
                 for line, _caveat in front.first_page_notes(self.report)]
        top = PAGE_H - MARGIN - 5 - sum(note.sizeWithUnits().height() + 1.2 for note in notes)
        headers, rows = front.top_failing(self.report)
        if rows:
            self.fitted_table("top", headers, rows, SIDE_X, SIDE_W, top - self.y - 2, TOP_RULES_MIN)
        else:
            self.y += self.text_block(core.text("top_none", lang), SIDE_X, self.y, SIDE_W, 8.5) + 2
        self.y = max(self.y - GAP + 2, top)
        for note in notes:
            note.attemptMove(QgsLayoutPoint(SIDE_X, self.y))
            self.y += note.sizeWithUnits().height() + 1.2

    def _legend_fonts(self, legend):
        for kind, size, bold in ((QgsLegendStyle.Style.Title, 10, True), (QgsLegendStyle.Style.Group, 8.5, True),
                                 (QgsLegendStyle.Style.Subgroup, 8.5, True), (QgsLegendStyle.Style.SymbolLabel, 8, False)):
            set_font(legend.rstyle(kind), report_font(self.family, size, bold))

    def synergy_page(self, chart_svg):
        self.new_page()
        self.heading("synergy_heading", "synergy_note")
        size = PAGE_H - MARGIN - self.y
        picture = QgsLayoutItemPicture(self.layout)
        picture.setPicturePath(chart_svg)
        picture.attemptMove(QgsLayoutPoint(MARGIN, self.y), page=self.page)
        picture.attemptResize(QgsLayoutSize(size * CHART_WIDTH / CHART_HEIGHT, size))
        self.layout.addLayoutItem(picture)
        headers, rows, _ = core.quadrant_table(self.report)
        self.table("quadrants", headers, rows, x=MARGIN + size * CHART_WIDTH / CHART_HEIGHT + 10,
                   width=sum(WIDTHS["quadrants"]) + 2)

    def rule_pages(self):
        report = self.report
        self.new_page()
        self.heading("rules_heading", "rules_note")
        self.table("rules", *core.rule_table(report)[:2])
        headers, rows, _ = core.source_table(report)
        if rows:
            self.heading("sources_heading")
            self.table("sources", headers, rows)

    def unit_pages(self):
        report = self.report
        self.new_page()
        self.heading("units_heading", "units_note")
        if core.units_cut_note(report):
            self.note(core.units_cut_note(report))
        self.table("units", *core.unit_table(report)[:2])

    def measures_pages(self, layer, background):
        """"Measures that make the plan pass": the map of the measures over the check, the before/after table
        per rule and the measures listed."""
        report, lang = self.report, self.report.lang
        self.new_page()
        self.heading("measures_heading", "measures_note")
        if layer is not None:
            x, y, w, h = MARGIN, self.y, BODY_W * 0.55, PAGE_H - MARGIN - 12 - self.y
            item = QgsLayoutItemMap(self.layout)
            self.layout.addLayoutItem(item)
            item.attemptMove(QgsLayoutPoint(x, y), page=self.page)
            item.attemptResize(QgsLayoutSize(w, h))
            item.setCrs(background.crs())
            item.setLayers([layer, background])
            extent = background.extent()
            extent.scale(1.08)
            item.setExtent(fit(extent, w / h))
            item.setFrameEnabled(True)
            scale = QgsLayoutItemScaleBar(self.layout)
            scale.setStyle("Single Box")
            scale.setLinkedMap(item)
            scale.applyDefaultSize()
            scale.setTextFormat(text_format(self.family, 8))
            scale.attemptMove(QgsLayoutPoint(x, y + h + 2), page=self.page)
            self.layout.addLayoutItem(scale)
            self.label(core.text("measures_map", lang), x + w + 5, y, BODY_W - w - 5, 5, size=10, bold=True)
            self.text_block(core.text("measures_map_note", lang).format(n=f"{layer.featureCount():,}"), x + w + 5,
                            y + 7, BODY_W - w - 5, 8, colour="#555555")
            # the map as the HTML page shows it, from the page it is on
            corner = self.pages.pagePositionToLayoutPosition(self.page, QgsLayoutPoint(x, y))
            self.measures_image = map_png(self.layout, (corner.x(), corner.y(), w, h))
        if report.comparison is not None:
            self.new_page()
            self.heading("compare_heading")
            self.table("compare", *measures.comparison_table(report.comparison, lang)[:2])
            unaddressed = measures.unaddressed_note(report.comparison, lang)
            if unaddressed:
                self.note(unaddressed)
        if report.measures is not None:
            self.heading("measures_list")
            note = measures.measures_cut_note(report.measures, lang, report.max_units)
            if note:
                self.note(note)
            self.table("measures", *measures.measure_table(report.measures, lang, report.max_units)[:2])

    def defaults_pages(self):
        """Every default and unverified value the verdicts rest on, in one place."""
        report, lang = self.report, self.report.lang
        self.new_page()
        self.heading("defaults_heading", "defaults_note")
        for key, table, none_key, note_key in (("unverified_heading", front.unverified_table, "unverified_none", None),
                                               ("estimated_heading", front.estimated_table, "estimated_none",
                                                "estimated_note"),
                                               ("few_heading", front.few_residents_table, None, "few_note")):
            headers, rows = table(report)
            if not rows and none_key is None:
                continue
            self.heading(key, note_key if rows else None, size=11)
            if rows:
                self.table(key.split("_")[0], headers, rows)
            else:
                self.note(core.text(none_key, lang))
        if report.input_notes:
            self.heading("input_notes_heading", "input_notes_note", size=11)
            for line in report.input_notes:      # a paragraph each: a label sizes itself to one paragraph
                self.note("• " + line, size=9, colour="#222222")
        if report.factors is not None:
            self.heading("factors_heading", "factors_note", size=11)
            self.table("factors", *core.factor_table(report)[:2])
        self.heading("inputs_heading")
        self.table("inputs", *core.input_table(report)[:2])


def break_long_words(text, width, width_of):
    """``text`` with a line break inside every word wider than ``width`` (mm): a layout table wraps
    text at spaces only, so a Chinese name or source, which has none, would run out of its cell."""
    lines = []
    for line in text.split("\n"):
        words = []
        for word in line.split(" "):
            pieces = [""]
            for char in word if 0 < width < width_of(word) else [word]:
                if pieces[-1] and width_of(pieces[-1] + char) > width:
                    pieces.append("")
                pieces[-1] += char
            words.append("\n".join(pieces))
        lines.append(" ".join(words))
    return "\n".join(lines)


def map_crs_extent(layer, project):
    """The CRS the report's map is drawn in and the layer's extent in it: the layer's own, but a layer in
    degrees is drawn in its local metric CRS (UTM, or CGCS2000 Gauss-Krüger in China), as EPSG:4326 drawn
    as it is stretches east-west by 1 / cos(latitude) (29 % at Baltimore's 39° N) and its scale bar holds
    only along one direction."""
    crs = layer.crs()
    if not crs.isValid() or not crs.isGeographic() or layer.extent().isEmpty():
        return crs, layer.extent()
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    centre = QgsCoordinateTransform(crs, wgs84, project).transform(layer.extent().center())
    if not core_crs.lonlat_plausible(centre.x(), centre.y(), centre.x(), centre.y()):
        # metres labelled in degrees (a layer that had no CRS, given QGIS's default): drawn as they are
        return crs, layer.extent()
    chinese = core_crs.is_cgcs2000(crs.authid(), crs.toWkt())
    metric = QgsCoordinateReferenceSystem(f"EPSG:{core_crs.local_metric_epsg(centre.x(), centre.y(), chinese)}")
    try:
        extent = QgsCoordinateTransform(crs, metric, project).transformBoundingBox(layer.extent())
    except QgsCsException:
        return crs, layer.extent()
    return metric, extent


def fit(extent, ratio):
    """``extent`` grown about its centre to the width / height ``ratio``."""
    centre = extent.center()
    width, height = max(extent.width(), 1e-9), max(extent.height(), 1e-9)
    width, height = max(width, height * ratio), max(height, width / ratio)
    return QgsRectangle(centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2,
                        centre.y() + height / 2)


def build_layout(project, report, layer, name_index, family, arrow_svg, chart_svg=None, measures_layer=None,
                 is_canceled=None):
    """The report's print layout; ``is_canceled`` (a callable) is looked at before each page and table."""
    builder = ReportLayout(project, report, family, is_canceled)
    style_layer(layer, report, name_index, family)
    builder.first_page(layer, arrow_svg)
    builder.rule_pages()
    builder.unit_pages()
    builder.measures_image = None
    if report.measures is not None or report.comparison is not None:
        builder.measures_pages(measures_layer, layer)
    if chart_svg:
        builder.synergy_page(chart_svg)
    builder.defaults_pages()
    builder.layout.lcr_measures_image = builder.measures_image
    return builder.layout, builder.map_image


def export_pdf(layout, path):
    """Export to PDF with text kept as text; returns the exporter's result and error message."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 200
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText   # searchable, copyable text
    exporter = QgsLayoutExporter(layout)
    return exporter.exportToPdf(path, settings), exporter.errorFile()


def map_png(layout, rect, dpi=110):
    """The map with its scale bar, ``rect`` (x, y, w, h) of page 1, as PNG bytes."""
    x, y, w, h = rect
    region = QRectF(x - 1, y - 1, w + 2, h + 10)
    image = QgsLayoutExporter(layout).renderRegionToImage(region, QSize(), dpi)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)
