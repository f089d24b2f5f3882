"""The print layout of lcr:planning_report: a map page, the integration chart page, then the tables
(each table flows onto as many A4 landscape pages as it needs, its header repeated)."""
import math

from qgis.core import (
    QgsCategorizedSymbolRenderer,
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
    QgsLegendStyle,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsRectangle,
    QgsRenderContext,
    QgsRendererCategory,
    QgsTextFormat,
    QgsTextRenderer,
    QgsUnitTypes,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core import report as core
from ..core.report_html import CHART_HEIGHT, CHART_WIDTH

PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 10.0
BODY_W = PAGE_W - 2 * MARGIN
TABLE_TOP = MARGIN + 14
GAP = 6.0
CELL_MARGIN, GRID = 1.0, 0.2   # mm
# Column widths (mm) of the tables, summing to at most BODY_W; 0 = as wide as the content.
WIDTHS = {
    "rules": (33, 38, 18, 20, 21, 26, 23, 10, 10, 14, 16, 48),
    "units": (40, 16, 16, 10, 10, 14, 96, 75),
    "quadrants": (55, 20),
    "inputs": (45, 172, 35, 25),
    "sources": (150, 97, 30),
    "factors": (40, 12, 20, 20, 185),
}
MAP_RECT = (MARGIN, 26.0, 190.0, 160.0)
# Units are named and outlined on the map up to this many. The 190 × 160 mm map holds about a thousand
# 7 pt names (≈ 10 × 3 mm each): beyond, the labelling engine drops most of them anyway while placing
# them costs seconds (10 000 parcels: 17 s, against 0.2 s unnamed). Units are then under 5 mm across
# and their 0.15 mm outlines start to grey out the pass / fail colours (100 000 parcels: all grey).
MAX_MAP_DETAIL = 1000
SIDE_X = MARGIN + 190.0 + 5.0
SIDE_W = PAGE_W - MARGIN - SIDE_X


def text_format(family, size, bold=False):
    fmt = QgsTextFormat()
    font = QFont(family)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    return fmt


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
        fmt = text_format(family, 7)
        buffer = fmt.buffer()
        buffer.setEnabled(True)
        buffer.setSize(0.6)
        fmt.setBuffer(buffer)
        settings.setFormat(fmt)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)


class ReportLayout:
    """Builds the layout page by page; ``y`` is where the next item goes on the current page."""

    def __init__(self, project, report, family):
        self.report, self.family = report, family
        self.layout = QgsPrintLayout(project)
        self.layout.initializeDefaults()
        self.layout.setName(report.title)
        self.pages = self.layout.pageCollection()
        self.pages.page(0).setPageSize("A4", QgsLayoutItemPage.Landscape)
        self.page, self.y = 0, MARGIN

    def new_page(self):
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize("A4", QgsLayoutItemPage.Landscape)
        self.pages.addPage(page)
        self.page, self.y = self.pages.pageCount() - 1, MARGIN

    def label(self, text, x, y, w, h, size=9, bold=False, colour=None):
        item = QgsLayoutItemLabel(self.layout)
        item.setText(text)
        font = QFont(self.family)
        font.setPointSizeF(size)
        font.setBold(bold)
        item.setFont(font)
        item.setHAlign(Qt.AlignLeft)
        if colour:
            item.setFontColor(QColor(colour))
        item.attemptMove(QgsLayoutPoint(x, y), page=self.page)
        item.attemptResize(QgsLayoutSize(w, h))
        self.layout.addLayoutItem(item)
        return item

    def heading(self, key, note_key=None):
        if self.y > PAGE_H - MARGIN - 40:
            self.new_page()
        self.label(core.text(key, self.report.lang), MARGIN, self.y, BODY_W, 8, size=13, bold=True)
        self.y += 9
        if note_key:
            self.note(core.text(note_key, self.report.lang))

    def note(self, text):
        note = self.label(text, MARGIN, self.y, BODY_W, 6, size=8, colour="#555555")
        # A label does not grow with its text: give it the lines its text wraps to (a tenth more
        # room for the line ends that word wrapping leaves empty).
        natural = note.sizeForText()
        height = natural.height() * math.ceil(natural.width() * 1.1 / BODY_W)
        note.attemptResize(QgsLayoutSize(BODY_W, height))
        self.y += height + 1

    def table(self, name, headers, rows, x=MARGIN, width=None):
        """A text table from ``y`` on, continued on new pages while rows remain."""
        table = QgsLayoutItemTextTable(self.layout)
        columns = []
        # Cell margins and grid lines come on top of the column widths: scale these to fit.
        room = (width or BODY_W) - len(headers) * (2 * CELL_MARGIN + GRID) - GRID
        widths = WIDTHS[name]
        widths = [w * min(1.0, room / sum(widths)) for w in widths]
        for heading, column_width in zip(headers, widths):
            column = QgsLayoutTableColumn(heading)
            column.setWidth(column_width)
            columns.append(column)
        table.setColumns(columns)
        content = text_format(self.family, 7)
        width_of = self.text_width(content)
        table.setContents([[break_long_words(cell, w, width_of) for cell, w in zip(row, widths)] for row in rows])
        table.setWrapBehavior(QgsLayoutTable.WrapText)
        table.setHeaderMode(QgsLayoutTable.AllFrames)
        table.setHeaderTextFormat(text_format(self.family, 7.5, bold=True))
        table.setContentTextFormat(content)
        table.setCellMargin(CELL_MARGIN)
        table.setGridStrokeWidth(GRID)
        table.setGridColor(QColor("#999999"))
        table.setResizeMode(QgsLayoutMultiFrame.ExtendToNextPage)
        self.layout.addMultiFrame(table)
        frame = QgsLayoutFrame(self.layout, table)
        frame.attemptMove(QgsLayoutPoint(x, self.y), page=self.page)
        frame.attemptResize(QgsLayoutSize(width or BODY_W, PAGE_H - MARGIN - self.y))
        table.addFrame(frame)
        table.recalculateFrameSizes()
        self.page = self.pages.pageCount() - 1
        if table.frameCount() > 1:
            self.y = PAGE_H   # what follows a table that flowed over pages starts on a new page
            return table
        # The frame reaches the foot of the page and QGIS does not say how much of it the rows use:
        # find the least height that still shows every row, so the next item can follow.
        table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
        context = QgsLayoutUtils.createRenderContextForLayout(self.layout, None)
        low, high = 1.0, frame.sizeWithUnits().height()
        while high - low > 0.2:
            middle = (low + high) / 2
            frame.attemptResize(QgsLayoutSize(frame.sizeWithUnits().width(), middle))
            low, high = (low, middle) if table.rowRange(context, 0)[1] >= len(rows) else (middle, high)
        frame.attemptResize(QgsLayoutSize(frame.sizeWithUnits().width(), high))
        self.y += high + GAP
        return table

    def text_width(self, fmt):
        """A function giving the width (mm) of a line of text in ``fmt``, as the layout's tables measure it."""
        context = QgsLayoutUtils.createRenderContextForLayout(self.layout, None)
        mm = context.convertToPainterUnits(1, QgsUnitTypes.RenderMillimeters)
        return lambda text: QgsTextRenderer.textWidth(context, fmt, [text]) / mm

    # ---- pages ---------------------------------------------------------------------------------
    def map_page(self, layer, arrow_svg):
        lang = self.report.lang
        self.label(self.report.title, MARGIN, MARGIN - 2, BODY_W, 10, size=17, bold=True)
        self.label(core.text("generated", lang).format(date=self.report.created), MARGIN, MARGIN + 9, BODY_W, 5,
                   size=8, colour="#555555")
        x, y, w, h = MAP_RECT
        item = QgsLayoutItemMap(self.layout)
        self.layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y))
        item.attemptResize(QgsLayoutSize(w, h))
        item.setCrs(layer.crs())
        item.setLayers([layer])
        # An extent of the item's shape: setExtent would otherwise reshape the item (and zoomToExtent
        # fails on a new item whose extent is still empty).
        extent = layer.extent()
        extent.scale(1.08)
        item.setExtent(fit(extent, w / h))
        item.setFrameEnabled(True)
        item.setMapFlags(item.mapFlags() & ~QgsLayoutItemMap.ShowPartialLabels)
        arrow = QgsLayoutItemPicture(self.layout)
        arrow.setPicturePath(arrow_svg)
        arrow.attemptMove(QgsLayoutPoint(x + w - 14, y + 3))
        arrow.attemptResize(QgsLayoutSize(10, 15))
        self.layout.addLayoutItem(arrow)
        item.addLabelBlockingItem(arrow)
        scale = QgsLayoutItemScaleBar(self.layout)
        scale.setStyle("Single Box")
        scale.setLinkedMap(item)
        scale.applyDefaultSize()
        scale.setTextFormat(text_format(self.family, 8))
        scale.attemptMove(QgsLayoutPoint(x, y + h + 2))
        self.layout.addLayoutItem(scale)
        legend = QgsLayoutItemLegend(self.layout)
        legend.setTitle(core.text("legend_title", lang))
        legend.setLinkedMap(item)
        self._legend_fonts(legend)
        legend.attemptMove(QgsLayoutPoint(SIDE_X, y))
        self.layout.addLayoutItem(legend)
        legend.adjustBoxSize()
        self.map_image = map_png(self.layout)
        text = "\n\n".join(core.summary_lines(self.report) + core.caveat_lines(self.report))
        top = y + legend.sizeWithUnits().height() + 5
        self.label(core.text("summary", lang), SIDE_X, top, SIDE_W, 7, size=11, bold=True)
        self.label(text, SIDE_X, top + 8, SIDE_W, PAGE_H - MARGIN - top - 8, size=8.5)

    def _legend_fonts(self, legend):
        for kind, size, bold in ((QgsLegendStyle.Title, 11, True), (QgsLegendStyle.Group, 9, True),
                                 (QgsLegendStyle.Subgroup, 9, True), (QgsLegendStyle.SymbolLabel, 8.5, False)):
            font = QFont(self.family)
            font.setPointSizeF(size)
            font.setBold(bold)
            legend.rstyle(kind).setFont(font)

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

    def table_pages(self):
        report = self.report
        self.new_page()
        self.heading("rules_heading", "rules_note")
        self.table("rules", *core.rule_table(report)[:2])
        self.new_page()
        self.heading("units_heading", "units_note")
        if core.units_cut_note(report):
            self.note(core.units_cut_note(report))
        self.table("units", *core.unit_table(report)[:2])
        self.new_page()
        self.heading("inputs_heading")
        self.table("inputs", *core.input_table(report)[:2])
        headers, rows, _ = core.source_table(report)
        if rows:
            self.heading("sources_heading")
            self.table("sources", headers, rows)
        if report.factors is not None:
            self.heading("factors_heading", "factors_note")
            self.table("factors", *core.factor_table(report)[:2])


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


def fit(extent, ratio):
    """``extent`` grown about its centre to the width / height ``ratio``."""
    centre = extent.center()
    width, height = max(extent.width(), 1e-9), max(extent.height(), 1e-9)
    width, height = max(width, height * ratio), max(height, width / ratio)
    return QgsRectangle(centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2,
                        centre.y() + height / 2)


def build_layout(project, report, layer, name_index, family, arrow_svg, chart_svg=None):
    builder = ReportLayout(project, report, family)
    style_layer(layer, report, name_index, family)
    builder.map_page(layer, arrow_svg)
    if chart_svg:
        builder.synergy_page(chart_svg)
    builder.table_pages()
    return builder.layout, builder.map_image


def export_pdf(layout, path):
    """Export to PDF with text kept as text; returns the exporter's result and error message."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 200
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText   # searchable, copyable text
    exporter = QgsLayoutExporter(layout)
    return exporter.exportToPdf(path, settings), exporter.errorFile()


def map_png(layout, dpi=110):
    """The map with its legend and scale bar (page 1 without the title and summary) as PNG bytes."""
    x, y, w, h = MAP_RECT
    region = QRectF(x - 2, y - 2, PAGE_W - MARGIN - x + 4, h + 14)
    image = QgsLayoutExporter(layout).renderRegionToImage(region, QSize(), dpi)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)
