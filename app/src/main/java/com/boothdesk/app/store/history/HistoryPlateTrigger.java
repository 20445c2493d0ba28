package com.boothdesk.app.store.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import org.h2.api.Trigger;

/**
 * H2's half of {@code history_plate} (migration V130; PostgreSQL has a PL/pgSQL twin): after a stay is inserted or
 * its plate or exit read changes, the new plate goes into {@code history_plate} in the same transaction, once. The
 * history's fuzzy search ranks that table's plates ({@link HistoryPlates}) instead of scanning every stay.
 */
public final class HistoryPlateTrigger implements Trigger {

    private static final String NOTE = "INSERT INTO history_plate (plate) SELECT CAST(? AS VARCHAR(16)) WHERE NOT EXISTS"
            + " (SELECT 1 FROM history_plate WHERE plate = ?)";

    private int plate = -1;
    private int read = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) throws SQLException {
        try (ResultSet rs = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                int at = rs.getInt("ORDINAL_POSITION") - 1;
                if ("PLATE".equalsIgnoreCase(name)) {
                    plate = at;
                } else if ("EXIT_PLATE_READ".equalsIgnoreCase(name)) {
                    read = at;
                }
            }
        }
        if (plate < 0) {
            throw new SQLException("history_plate trigger: table " + tableName + " has no column plate");
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null) {
            return;
        }
        note(conn, oldRow, newRow, plate);
        if (read >= 0) {
            note(conn, oldRow, newRow, read);
        }
    }

    private static void note(Connection conn, Object[] oldRow, Object[] newRow, int column) throws SQLException {
        Object value = newRow[column];
        if (!(value instanceof String s) || s.isEmpty() || s.length() > 16
                || (oldRow != null && Objects.equals(oldRow[column], value))) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement(NOTE)) {
            ps.setString(1, s);
            ps.setString(2, s);
            ps.executeUpdate();
        }
    }
}
