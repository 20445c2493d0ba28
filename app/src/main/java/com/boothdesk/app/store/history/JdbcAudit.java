package com.boothdesk.app.store.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.boothdesk.app.store.Database;

/** The settings' audit log: every change made in the back office, who, when, old → new (V100 settings_audit). */
public final class JdbcAudit {

    /** One change. Values are cut to 4,000 characters. */
    public record Entry(long id, Instant at, String who, String area, String setting, String oldValue,
                        String newValue) {
    }

    /** proto2: told of every change inside its transaction (the 2.6 park_log uplink goes with the row). */
    @FunctionalInterface
    public interface Uplink {
        void recorded(java.sql.Connection c, long id, Instant at, String who, String area, String setting,
                      String newValue) throws java.sql.SQLException;
    }

    private final Database db;
    private final Uplink uplink;

    public JdbcAudit(Database db) {
        this(db, null);
    }

    public JdbcAudit(Database db, Uplink uplink) {
        this.db = db;
        this.uplink = uplink;
    }

    public void record(Instant at, String who, String area, String setting, String oldValue, String newValue) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings_audit (at, who, area, setting,"
                    + " old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setObject(1, JdbcHistory.time(at));
                ps.setString(2, cut(who == null || who.isBlank() ? "?" : who, 24));
                ps.setString(3, cut(area, 32));
                ps.setString(4, cut(setting, 96));
                ps.setString(5, cut(oldValue, 4000));
                ps.setString(6, cut(newValue, 4000));
                ps.executeUpdate();
                if (uplink != null) {
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        uplink.recorded(c, keys.next() ? keys.getLong(1) : 0, at, who, area, setting, newValue);
                    }
                }
            }
            return null;
        });
    }

    /** The newest changes first. */
    public List<Entry> recent(int limit) {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, who, area, setting, old_value, new_value"
                    + " FROM settings_audit ORDER BY at DESC, id DESC LIMIT " + Math.max(1, Math.min(10_000, limit)));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), JdbcHistory.instant(rs, "at"), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return out;
        });
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
