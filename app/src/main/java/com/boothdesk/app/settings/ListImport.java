package com.boothdesk.app.settings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.history.JdbcListReads.Kind;

/**
 * Imports a list from CSV (UTF-8, with or without a byte-order mark) or Excel (.xlsx, the first sheet): the first
 * row names the fields ({@link ListForms#FIELDS}), each following row is one change through {@link ListForms} (and so
 * through ListAdmin with its upload). A row that is refused does not stop the others; the report says, per refused
 * row, its number in the file, the field and why. At most {@value #MAX_ROWS} rows are read.
 */
public final class ListImport {

    private static final Logger LOG = LoggerFactory.getLogger(ListImport.class);
    public static final int MAX_ROWS = 20_000;

    /**
     * One refused row: its line in the file (the header is line 1), the field and why, as a reason key
     * ({@code bo.reason.<key>} in the operator's bundles, see {@link FieldException}) and its arguments.
     */
    public record Refusal(int line, String field, String key, List<String> args) {
        public Refusal {
            args = List.copyOf(args);
        }

        /** Why, in English, for the log. */
        public String reason() {
            return key + (args.isEmpty() ? "" : " " + args);
        }
    }

    /** What an import did. */
    public record Report(int accepted, List<Refusal> refused) {
        public Report {
            refused = List.copyOf(refused);
        }
    }

    private final ListForms forms;

    public ListImport(ListForms forms) {
        this.forms = forms;
    }

    public Report importFile(Kind kind, Path file, String who) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<List<String>> rows;
        if (name.endsWith(".xlsx")) {
            try (InputStream in = Files.newInputStream(file)) {
                rows = xlsx(in);
            }
        } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                rows = csv(r);
            }
        } else {
            throw new IOException("import a .csv or .xlsx file, not " + file.getFileName());
        }
        return apply(kind, rows, who);
    }

    /** Applies already-read rows (the first one the header). */
    public Report apply(Kind kind, List<List<String>> rows, String who) {
        if (!ListForms.editable(kind)) {
            throw new FieldException("kind", "from_cloud_import", kind);
        }
        List<Refusal> refused = new ArrayList<>();
        if (rows.isEmpty()) {
            refused.add(new Refusal(1, "header", "file_empty", List.of()));
            return new Report(0, refused);
        }
        List<String> header = rows.get(0).stream().map(ListForms::fieldName).toList();
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header = new ArrayList<>(header);
            header.set(0, header.get(0).substring(1));
        }
        List<String> known = ListForms.FIELDS.get(kind);
        for (String h : header) {
            if (!h.isEmpty() && !known.contains(h) && !"black_id".equals(h)) {
                refused.add(new Refusal(1, h, "unknown_column", List.of(String.join(", ", known))));
                return new Report(0, refused);
            }
        }
        int accepted = 0;
        for (int i = 1; i < rows.size() && i <= MAX_ROWS; i++) {
            List<String> cells = rows.get(i);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<String, String> f = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                f.put(header.get(c), c < cells.size() && cells.get(c) != null ? cells.get(c) : "");
            }
            try {
                forms.save(kind, f, who);
                accepted++;
            } catch (FieldException e) {
                refused.add(new Refusal(i + 1, e.field(), e.key(), e.args()));
            } catch (IllegalArgumentException e) {
                refused.add(new Refusal(i + 1, "", "invalid", List.of(SafeText.of(e.getMessage(), 200))));
            }
        }
        if (rows.size() - 1 > MAX_ROWS) {
            refused.add(new Refusal(MAX_ROWS + 2, "", "too_many_rows", List.of(String.valueOf(MAX_ROWS))));
        }
        LOG.info("Import of {} by {}: {} row(s) accepted, {} refused", kind, SafeText.of(who, 24), accepted,
                refused.size());
        return new Report(accepted, refused);
    }

    static List<List<String>> xlsx(InputStream in) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(in)) {
            for (Row r : wb.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getCellCount(); c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell == null ? "" : cellText(cell));
                }
                out.add(cells);
                if (out.size() > MAX_ROWS + 1) {
                    break;
                }
            }
        }
        return out;
    }

    private static String cellText(Cell cell) {
        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
            java.math.BigDecimal n = cell.asNumber();
            return n.stripTrailingZeros().toPlainString();
        }
        return cell.getText() == null ? "" : cell.getText();
    }

    /** RFC 4180 CSV: quoted cells may hold commas, quotes ("") and line breaks. */
    static List<List<String>> csv(Reader r) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int ch;
        while ((ch = r.read()) != -1) {
            char c = (char) ch;
            any = true;
            if (quoted) {
                if (c == '"') {
                    r.mark(1);
                    int next = r.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            r.reset();
                        }
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    r.mark(1);
                    if (r.read() != '\n') {
                        r.reset();
                    }
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
                if (rows.size() > MAX_ROWS + 1) {
                    return rows;
                }
            } else {
                cell.append(c);
            }
        }
        if (any || cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        if (!rows.isEmpty() && !rows.get(0).isEmpty() && rows.get(0).get(0).startsWith("\uFEFF")) {
            rows.get(0).set(0, rows.get(0).get(0).substring(1));
        }
        return rows;
    }
}
