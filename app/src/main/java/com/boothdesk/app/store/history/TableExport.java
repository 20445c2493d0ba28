package com.boothdesk.app.store.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a table (a header and rows of cells) as CSV or as an Excel workbook (FastExcel, streamed: a year of history
 * is written without holding it in memory). Cells are strings, numbers or {@link Money} (fen written as yuan with two
 * decimals). CSV is UTF-8 with a byte-order mark, so that Excel on a Chinese Windows opens it right; cells with a
 * comma, quote or line break are quoted, and a cell that starts like a formula is prefixed by a quote.
 */
public final class TableExport implements AutoCloseable {

    /** Money in fen, written as yuan. */
    public record Money(long fen) {
        public BigDecimal yuan() {
            return BigDecimal.valueOf(fen, 2);
        }
    }

    public enum Format {
        CSV, XLSX;

        /** From a file name's ending (.csv / .xlsx). */
        public static Format of(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".csv")) {
                return CSV;
            }
            if (n.endsWith(".xlsx")) {
                return XLSX;
            }
            throw new IllegalArgumentException("export to .csv or .xlsx, not " + file.getFileName());
        }
    }

    private final Format format;
    private final OutputStream out;
    private BufferedWriter csv;
    private Workbook book;
    private Worksheet sheet;
    private int row;
    private long rows;

    private TableExport(Format format, OutputStream out, String sheetName, List<String> header) throws IOException {
        this.format = format;
        this.out = out;
        if (format == Format.CSV) {
            csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            csv.write('\uFEFF');
        } else {
            book = new Workbook(out, "BoothDesk", "1.0");
            sheet = book.newWorksheet(sheetName);
        }
        write(List.copyOf(header), true);
        rows = 0;
    }

    /** Starts a file; the header is its first row. */
    public static TableExport open(Path file, String sheetName, List<String> header) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        return new TableExport(Format.of(file), Files.newOutputStream(file), sheetName, header);
    }

    public static TableExport open(OutputStream out, Format format, String sheetName, List<String> header)
            throws IOException {
        return new TableExport(format, out, sheetName, header);
    }

    /** One row of cells (String, Number, Money or null). */
    public void row(List<?> cells) throws IOException {
        write(cells, false);
        rows++;
    }

    /** Rows written, the header not counted. */
    public long rows() {
        return rows;
    }

    private void write(List<?> cells, boolean header) throws IOException {
        if (format == Format.CSV) {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    csv.write(',');
                }
                csv.write(csvCell(cells.get(i)));
            }
            csv.write("\r\n");
            return;
        }
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            if (v instanceof Money m) {
                sheet.value(row, i, m.yuan());
                sheet.style(row, i).format("0.00").set();
            } else if (v instanceof Number n) {
                sheet.value(row, i, n);
            } else {
                sheet.value(row, i, v.toString());
            }
            if (header) {
                sheet.style(row, i).bold().set();
            }
        }
        row++;
        if (row % 1000 == 0) {
            sheet.flush();
        }
    }

    static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof Money m ? m.yuan().toPlainString() : v.toString();
        if (!s.isEmpty() && !(v instanceof Number) && !(v instanceof Money) && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s; // a spreadsheet must not run a cell from outside as a formula
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Override
    public void close() throws IOException {
        try {
            if (csv != null) {
                csv.flush();
            } else if (book != null) {
                book.finish();
            }
        } finally {
            out.close();
        }
    }
}
