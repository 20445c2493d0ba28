package com.boothdesk.app.store.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.boothdesk.app.store.Database;

/**
 * The back office's list screens read the lists as tables: one row per monthly card, white / internal car,
 * visitor, blacklist entry, locked car, stored-value card or coupon, with the columns the screen shows and the
 * fields the editor fills in ({@link ListTable.Row#fields()} keyed like the import's columns). Optionally filtered by
 * a plate fragment. Changes never go through here: they go through {@code cloud.sync.ListAdmin} with their upload.
 */
public final class JdbcListReads {

    /** The lists of the back office. */
    public enum Kind { MONTHLY, WHITE, VISITOR, BLACKLIST, LOCKED, STORED_VALUE, COUPON }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int MAX_ROWS = 5_000;

    private final Database db;
    private final java.time.ZoneId zone;

    public JdbcListReads(Database db, java.time.ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    /** The rows of one list (at most 5,000), those whose plate contains {@code plateFragment} when it is not blank. */
    public ListTable read(Kind kind, String plateFragment) {
        String like = plateFragment == null || plateFragment.isBlank() ? null
                : "%" + plateFragment.trim().toUpperCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_") + "%";
        return db.read(c -> switch (kind) {
            case MONTHLY -> monthly(c, like);
            case WHITE -> table(c, kind, "SELECT plate, white_id, name, valid_from, valid_to, remark FROM white_list"
                    + where(like, "plate") + " ORDER BY plate", like, List.of("plate", "white_id", "name",
                    "valid_from", "valid_to", "remark"));
            case VISITOR -> table(c, kind, "SELECT visitor_id, plate, valid_from, valid_to, max_entries, used_entries,"
                    + " mobile, remark FROM visitor" + where(like, "plate") + " ORDER BY valid_from DESC", like,
                    List.of("visitor_id", "plate", "valid_from", "valid_to", "max_entries", "used_entries", "mobile",
                            "remark"));
            case BLACKLIST -> table(c, kind, "SELECT black_uuid, plate, reason, valid_from, valid_to, window_start,"
                    + " window_end, weekdays, operator FROM blacklist" + where(like, "plate") + " ORDER BY plate", like,
                    List.of("black_id", "plate", "reason", "valid_from", "valid_to", "window_start", "window_end",
                            "weekdays", "operator"));
            case LOCKED -> table(c, kind, "SELECT order_id, plate, locked_at, locked_by FROM car_lock"
                    + where(like, "plate") + " ORDER BY locked_at DESC", like,
                    List.of("order_id", "plate", "locked_at", "locked_by"));
            case STORED_VALUE -> storedValue(c, like);
            case COUPON -> table(c, kind, "SELECT ticket_id, plate, kind, amount, valid_until, shop_name, status,"
                    + " used_order_id FROM coupon" + where(like, "plate") + " ORDER BY received_at DESC", like,
                    List.of("ticket_id", "plate", "kind", "amount", "valid_until", "shop_name", "status",
                            "used_order_id"));
        });
    }

    private static String where(String like, String column) {
        return like == null ? "" : " WHERE " + column + " LIKE ? ESCAPE '\\'";
    }

    private ListTable table(Connection c, Kind kind, String sql, String like, List<String> columns)
            throws SQLException {
        List<ListTable.Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql + " LIMIT " + MAX_ROWS)) {
            if (like != null) {
                ps.setString(1, like);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> f = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        f.put(columns.get(i), text(rs.getObject(i + 1)));
                    }
                    rows.add(new ListTable.Row(f.get(columns.get(0)), f));
                }
            }
        }
        return new ListTable(kind, columns, rows);
    }

    private ListTable monthly(Connection c, String like) throws SQLException {
        List<String> columns = List.of("card_id", "plates", "owner", "valid_from", "valid_to", "spaces", "package_id",
                "tel", "price", "remark", "origin");
        List<ListTable.Row> rows = new ArrayList<>();
        Map<String, String> plates = plates(c, "month_card_plate");
        String sql = "SELECT m.card_id, m.owner, m.valid_from, m.valid_to, m.spaces, m.package_id, m.tel, m.price_fen,"
                + " m.remark, m.origin FROM month_card m"
                + (like == null ? "" : " WHERE EXISTS (SELECT 1 FROM month_card_plate p WHERE p.card_id = m.card_id"
                + " AND p.plate LIKE ? ESCAPE '\\')") + " ORDER BY m.valid_to, m.card_id LIMIT " + MAX_ROWS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (like != null) {
                ps.setString(1, like);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> f = new LinkedHashMap<>();
                    f.put("card_id", rs.getString("card_id"));
                    f.put("plates", plates.getOrDefault(rs.getString("card_id"), ""));
                    f.put("owner", rs.getString("owner"));
                    f.put("valid_from", text(rs.getObject("valid_from")));
                    f.put("valid_to", text(rs.getObject("valid_to")));
                    f.put("spaces", String.valueOf(rs.getInt("spaces")));
                    f.put("package_id", rs.getString("package_id"));
                    f.put("tel", rs.getString("tel"));
                    f.put("price", text(new TableExport.Money(rs.getLong("price_fen"))));
                    f.put("remark", rs.getString("remark"));
                    f.put("origin", rs.getString("origin"));
                    rows.add(new ListTable.Row(f.get("card_id"), f));
                }
            }
        }
        return new ListTable(Kind.MONTHLY, columns, rows);
    }

    private ListTable storedValue(Connection c, String like) throws SQLException {
        List<String> columns = List.of("card_id", "plates", "name", "mobile", "balance", "remark");
        List<ListTable.Row> rows = new ArrayList<>();
        Map<String, String> plates = plates(c, "prepay_card_plate");
        String sql = "SELECT s.card_id, s.name, s.mobile, s.balance_fen, s.remark, s.card_id AS id2 FROM prepay_card s"
                + (like == null ? "" : " WHERE EXISTS (SELECT 1 FROM prepay_card_plate p WHERE p.card_id = s.card_id"
                + " AND p.plate LIKE ? ESCAPE '\\')") + " ORDER BY s.card_id LIMIT " + MAX_ROWS;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (like != null) {
                ps.setString(1, like);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> f = new LinkedHashMap<>();
                    f.put("card_id", rs.getString("card_id"));
                    f.put("plates", plates.getOrDefault(rs.getString("card_id"), ""));
                    f.put("name", rs.getString("name"));
                    f.put("mobile", rs.getString("mobile"));
                    f.put("balance", text(new TableExport.Money(rs.getLong("balance_fen"))));
                    f.put("remark", rs.getString("remark"));
                    rows.add(new ListTable.Row(f.get("card_id"), f));
                }
            }
        }
        return new ListTable(Kind.STORED_VALUE, columns, rows);
    }

    /** Every card's plates, comma separated, in their order (portable: no LISTAGG / string_agg). */
    private static Map<String, String> plates(Connection c, String table) throws SQLException {
        Map<String, String> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT card_id, plate FROM " + table
                + " ORDER BY card_id, pos, plate"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.merge(rs.getString(1), rs.getString(2), (a, b) -> a + "," + b);
            }
        }
        return out;
    }

    private String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof TableExport.Money m) {
            return m.yuan().toPlainString();
        }
        if (v instanceof java.time.OffsetDateTime t) {
            return TIME.format(t.atZoneSameInstant(zone));
        }
        if (v instanceof java.sql.Timestamp t) {
            return TIME.format(t.toLocalDateTime());
        }
        if (v instanceof java.time.LocalDateTime t) {
            return TIME.format(t);
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime().toString();
        }
        return v.toString();
    }
}
