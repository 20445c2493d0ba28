package com.boothdesk.app.store.history;

import java.util.List;
import java.util.Map;

/** One list as a table: its columns (field names) and rows, each with its key and its fields by name. */
public record ListTable(JdbcListReads.Kind kind, List<String> columns, List<Row> rows) {

    public ListTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** One row: its key (card id, plate, …) and every field as text. */
    public record Row(String key, Map<String, String> fields) {
        public Row {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        public String get(String field) {
            String v = fields.get(field);
            return v == null ? "" : v;
        }
    }
}
