package org.creditkiosk.report.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A ruled table. Rows are kept in groups: a group (for example a listing and its detail row) moves to the next page
 * as a whole when it fits on one page; a row never splits unless it alone is taller than a page. The header row, if
 * any, repeats at the top of every page the table continues on.
 */
public final class Table {

    public enum Align { LEFT, CENTER }

    /** {@code widthMm} 0 takes the width left by the other columns. */
    public record Column(String title, float widthMm, Align align) {
        public Column {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(align, "align");
        }

        public static Column flex(String title) {
            return new Column(title, 0, Align.LEFT);
        }

        public static Column fixed(String title, float widthMm) {
            return new Column(title, widthMm, Align.LEFT);
        }

        public static Column centered(String title, float widthMm) {
            return new Column(title, widthMm, Align.CENTER);
        }
    }

    /** One row; a spanning row has a single cell across all columns. */
    public record Row(List<String> cells, boolean span) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    final List<Column> columns;
    final boolean header;
    final float fontSize;
    final Set<Integer> labelColumns;
    final List<List<Row>> groups = new ArrayList<>();

    private Table(List<Column> columns, boolean header, float fontSize, Set<Integer> labelColumns) {
        this.columns = List.copyOf(columns);
        this.header = header;
        this.fontSize = fontSize;
        this.labelColumns = Set.copyOf(labelColumns);
    }

    /** A table with a (repeating) header row. */
    public static Table withHeader(float fontSize, Column... columns) {
        return new Table(List.of(columns), true, fontSize, Set.of());
    }

    /** A key-value table without header; the given columns are shaded labels. */
    public static Table keyValue(float fontSize, Set<Integer> labelColumns, Column... columns) {
        return new Table(List.of(columns), false, fontSize, labelColumns);
    }

    public Table row(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + columns.size());
        }
        groups.add(List.of(new Row(List.of(cells), false)));
        return this;
    }

    /** Rows that stay on one page together where possible. */
    public Table group(Row... rows) {
        groups.add(List.of(rows));
        return this;
    }

    public static Row cells(String... cells) {
        return new Row(List.of(cells), false);
    }

    public static Row spanning(String text) {
        return new Row(List.of(text), true);
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }
}
