package org.creditkiosk.report.pdf;

import static org.creditkiosk.report.pdf.Ink.MM;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;

/**
 * Top-to-bottom flow of content over A4 pages: a cursor, page breaks, paragraphs and ruled tables. Header and footer
 * are drawn afterwards ({@link #pages()}), when the page count is known.
 */
public final class PageFlow {

    public static final PDRectangle A4 = PDRectangle.A4;
    public static final float LEFT = 20 * MM;
    public static final float RIGHT = A4.getWidth() - 20 * MM;
    public static final float WIDTH = RIGHT - LEFT;
    /** Content area: below the running header, above the footer. */
    public static final float TOP = A4.getHeight() - 24 * MM;
    public static final float BOTTOM = 22 * MM;

    private static final float PAD_X = 1.6f * MM;
    private static final float PAD_Y = 1.2f * MM;
    private static final float LEADING = 1.38f;

    private final PDDocument doc;
    private final DocumentFonts fonts;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream cs;
    private float y;

    public PageFlow(PDDocument doc, DocumentFonts fonts) {
        this.doc = doc;
        this.fonts = fonts;
        newPage();
    }

    public DocumentFonts fonts() {
        return fonts;
    }

    public PDPageContentStream content() {
        return cs;
    }

    public List<PDPage> pages() {
        return pages;
    }

    public float y() {
        return y;
    }

    public void moveTo(float newY) {
        y = newY;
    }

    public float remaining() {
        return y - BOTTOM;
    }

    public void newPage() {
        try {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(A4);
            doc.addPage(page);
            pages.add(page);
            cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, true);
            y = TOP;
        } catch (IOException e) {
            throw new ReportLayoutException("cannot start page " + (pages.size() + 1), e);
        }
    }

    /** Starts a new page unless {@code height} points are left. */
    public void ensure(float height) {
        if (remaining() < height) {
            newPage();
        }
    }

    public void space(float mm) {
        y -= mm * MM;
    }

    /** Wrapped text over the content width (minus indent), breaking pages between lines. */
    public void paragraph(String text, float size, boolean bold, PDColor color, float indentMm) {
        float x = LEFT + indentMm * MM;
        float lineHeight = size * LEADING;
        for (String line : LineBreaker.wrap(fonts, text, size, bold, RIGHT - x)) {
            ensure(lineHeight);
            y -= lineHeight;
            draw(line, x, y + (lineHeight - size) / 2 + size * 0.12f, size, bold, color);
        }
    }

    /** A section heading; kept with at least {@code keepWithNext} points of what follows. */
    public void heading(String text, float size, float keepWithNext) {
        float h = size * 1.9f;
        ensure(h + keepWithNext);
        y -= h;
        draw(text, LEFT, y + size * 0.45f, size, true, Ink.BLACK);
    }

    public void draw(String text, float x, float baseline, float size, boolean bold, PDColor color) {
        try {
            Ink.text(cs, fonts, text, x, baseline, size, bold, color);
        } catch (IOException e) {
            throw new ReportLayoutException("cannot draw text on page " + pages.size(), e);
        }
    }

    /** Height a single table row of one line takes; used to keep headings with their first row. */
    public static float oneLineRow(float fontSize) {
        return fontSize * LEADING + 2 * PAD_Y;
    }

    public void table(Table table) {
        float[] widths = widths(table);
        RowLayout header = table.header ? layout(table, widths, headerRow(table), true) : null;
        float headerHeight = header == null ? 0 : header.height;
        float capacity = TOP - BOTTOM - headerHeight;
        boolean first = true;
        for (List<Table.Row> group : table.groups) {
            List<RowLayout> rows = new ArrayList<>(group.size());
            float groupHeight = 0;
            for (Table.Row r : group) {
                RowLayout rl = layout(table, widths, r, false);
                rows.add(rl);
                groupHeight += rl.height;
            }
            float needed = groupHeight <= capacity ? groupHeight : rows.get(0).height;
            if (first) {
                if (remaining() < headerHeight + Math.min(needed, capacity)) {
                    newPage();
                }
                if (header != null) {
                    drawRow(table, widths, header);
                }
                first = false;
            } else if (remaining() < needed && needed <= capacity) {
                newPage();
                if (header != null) {
                    drawRow(table, widths, header);
                }
            }
            for (RowLayout rl : rows) {
                for (RowLayout piece : rl.splitToFit(capacity)) {
                    if (remaining() < piece.height) {
                        newPage();
                        if (header != null) {
                            drawRow(table, widths, header);
                        }
                    }
                    drawRow(table, widths, piece);
                }
            }
        }
    }

    /** Closes the content stream of the last page. */
    public void finish() {
        try {
            cs.close();
        } catch (IOException e) {
            throw new ReportLayoutException("cannot finish the last page", e);
        }
    }

    private static Table.Row headerRow(Table table) {
        return new Table.Row(table.columns.stream().map(Table.Column::title).toList(), false);
    }

    private static float[] widths(Table table) {
        float[] w = new float[table.columns.size()];
        float fixed = 0;
        int flex = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = table.columns.get(i).widthMm() * MM;
            fixed += w[i];
            if (w[i] == 0) {
                flex++;
            }
        }
        float rest = Math.max(0, WIDTH - fixed);
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0) {
                w[i] = rest / flex;
            }
        }
        return w;
    }

    private RowLayout layout(Table table, float[] widths, Table.Row row, boolean isHeader) {
        float size = table.fontSize;
        List<List<String>> cellLines = new ArrayList<>();
        int max = 1;
        for (int i = 0; i < row.cells().size(); i++) {
            float w = row.span() ? WIDTH : widths[i];
            boolean bold = isHeader || table.labelColumns.contains(i);
            List<String> lines = LineBreaker.wrap(fonts, row.cells().get(i), size, bold, w - 2 * PAD_X);
            cellLines.add(lines);
            max = Math.max(max, lines.size());
        }
        return new RowLayout(row.span(), isHeader, cellLines, max, size);
    }

    private void drawRow(Table table, float[] widths, RowLayout row) {
        float size = table.fontSize;
        float lineHeight = size * LEADING;
        float top = y;
        float bottom = y - row.height;
        try {
            float x = LEFT;
            int columns = row.span ? 1 : widths.length;
            for (int i = 0; i < columns; i++) {
                float w = row.span ? WIDTH : widths[i];
                boolean label = row.header || (!row.span && table.labelColumns.contains(i));
                if (row.header) {
                    Ink.fill(cs, x, bottom, w, row.height, Ink.SHADE);
                } else if (label) {
                    Ink.fill(cs, x, bottom, w, row.height, Ink.LABEL_SHADE);
                }
                List<String> lines = row.cells.get(i);
                boolean center = row.header || (!row.span && table.columns.get(i).align() == Table.Align.CENTER);
                float ly = top - PAD_Y;
                for (String line : lines) {
                    ly -= lineHeight;
                    float tx = x + PAD_X;
                    if (center) {
                        tx = x + (w - fonts.width(line, size, label)) / 2;
                    }
                    Ink.text(cs, fonts, line, tx, ly + (lineHeight - size) / 2 + size * 0.14f, size, label, Ink.BLACK);
                }
                x += w;
            }
            cs.setStrokingColor(Ink.RULE);
            cs.setLineWidth(0.5f);
            cs.addRect(LEFT, bottom, WIDTH, row.height);
            if (!row.span) {
                float vx = LEFT;
                for (int i = 0; i < widths.length - 1; i++) {
                    vx += widths[i];
                    cs.moveTo(vx, bottom);
                    cs.lineTo(vx, top);
                }
            }
            cs.stroke();
        } catch (IOException e) {
            throw new ReportLayoutException("cannot draw a table row on page " + pages.size(), e);
        }
        y = bottom;
    }

    /** A row broken into lines per cell. */
    private static final class RowLayout {
        final boolean span;
        final boolean header;
        final List<List<String>> cells;
        final int lines;
        final float size;
        final float height;

        RowLayout(boolean span, boolean header, List<List<String>> cells, int lines, float size) {
            this.span = span;
            this.header = header;
            this.cells = cells;
            this.lines = lines;
            this.size = size;
            this.height = lines * size * LEADING + 2 * PAD_Y;
        }

        /** Itself, or (only when taller than a whole page) consecutive pieces that each fit on a page. */
        List<RowLayout> splitToFit(float capacity) {
            if (height <= capacity) {
                return List.of(this);
            }
            int perPage = Math.max(1, (int) ((capacity - 2 * PAD_Y) / (size * LEADING)));
            List<RowLayout> pieces = new ArrayList<>();
            for (int from = 0; from < lines; from += perPage) {
                int to = Math.min(lines, from + perPage);
                List<List<String>> part = new ArrayList<>();
                for (List<String> cell : cells) {
                    part.add(cell.subList(Math.min(from, cell.size()), Math.min(to, cell.size())));
                }
                pieces.add(new RowLayout(span, header, part, to - from, size));
            }
            return pieces;
        }
    }
}
