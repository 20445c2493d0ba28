package com.boothdesk.app.hardware.camera;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.boothdesk.devices.camera.common.WhiteListPlate;

/**
 * The plates a camera should let through by itself when the booth is down: monthly cards and white-list / internal
 * cars valid today or later (their validity goes with them, so the camera refuses them once they expire). A monthly
 * card limited to some lanes ({@code channels}, protocol 2.10 {@code channel_id}: empty = every lane, {@code -1} =
 * none) reaches only the entry cameras of those lanes, as the booth itself admits it only there; exit cameras get every
 * card (the booth lets a monthly car out at any exit). A plate on several cards keeps the longest validity. Read-only,
 * on the caller's thread.
 */
public final class BoothWhiteList {
    private static final int MAX_PLATES = 10_000;

    /** One plate of the booth's lists, with the lanes its card is limited to (empty = every lane). */
    public record Row(WhiteListPlate plate, Set<String> lanes) {
        boolean allows(String laneId) {
            return lanes.isEmpty() || lanes.contains(laneId);
        }
    }

    private final DataSource db;

    public BoothWhiteList(DataSource db) {
        this.db = db;
    }

    /** Every plate for a camera that lets through any card (no lane limits applied). */
    public List<WhiteListPlate> plates(LocalDate today) throws SQLException {
        return forLane(rows(today), null, false);
    }

    /** The booth's monthly and white plates valid today or later, with their lane limits. */
    public List<Row> rows(LocalDate today) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            read(c, "SELECT p.plate, m.valid_from, m.valid_to, 'monthly', m.channels FROM month_card m JOIN "
                    + "month_card_plate p ON p.card_id = m.card_id WHERE m.valid_to >= ? ORDER BY p.plate", today, out);
            read(c, "SELECT plate, valid_from, valid_to, 'white', '' FROM white_list WHERE valid_to >= ? ORDER BY plate",
                    today, out);
        }
        return out;
    }

    /**
     * The list for the camera of {@code laneId}: for an entry lane only the cards that may use it, for an exit lane
     * (or {@code laneId} null) all of them.
     */
    public static List<WhiteListPlate> forLane(List<Row> rows, String laneId, boolean entry) {
        Map<String, WhiteListPlate> out = new LinkedHashMap<>();
        for (Row r : rows) {
            if (entry && laneId != null && !r.allows(laneId)) {
                continue;
            }
            WhiteListPlate p = r.plate();
            WhiteListPlate prev = out.get(p.plate());
            if (prev == null || prev.validTo().isBefore(p.validTo())) {
                out.put(p.plate(), p);
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * A cheap summary of the lists (counts, latest change, validity bounds and lane limits): when it differs from the
     * last one, the cameras are synced at once instead of at the next full sync.
     */
    public String fingerprint() throws SQLException {
        StringBuilder f = new StringBuilder();
        try (Connection c = db.getConnection()) {
            aggregate(c, "SELECT COUNT(*), MAX(updated_at), MAX(valid_to), MIN(valid_from), "
                    + "SUM(LENGTH(channels)) FROM month_card", f);
            aggregate(c, "SELECT COUNT(*), MAX(plate), MIN(plate) FROM month_card_plate", f);
            aggregate(c, "SELECT COUNT(*), MAX(updated_at), MAX(valid_to), MIN(valid_from) FROM white_list", f);
        }
        return f.toString();
    }

    private static void aggregate(Connection c, String sql, StringBuilder f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    f.append(rs.getString(i)).append('|');
                }
            }
        }
    }

    private static void read(Connection c, String sql, LocalDate today, List<Row> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, today);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < MAX_PLATES) {
                    String plate = rs.getString(1);
                    LocalDate from = rs.getObject(2, LocalDate.class);
                    LocalDate to = rs.getObject(3, LocalDate.class);
                    // a far-future end (long-term white list) is cut to what a camera's clock can hold
                    if (to.getYear() > 2037) {
                        to = LocalDate.of(2037, 12, 31);
                    }
                    String channels = rs.getString(5) == null ? "" : rs.getString(5).trim();
                    Set<String> lanes = channels.isEmpty() ? Set.of()
                            : Set.copyOf(java.util.Arrays.asList(channels.split("\\s*,\\s*")));
                    out.add(new Row(new WhiteListPlate(plate, from.atStartOfDay(), to.atTime(LocalTime.of(23, 59,
                            59)), rs.getString(4)), lanes));
                }
            }
        }
    }

    static List<String> platesOf(List<WhiteListPlate> list) {
        List<String> out = new ArrayList<>();
        list.forEach(p -> out.add(p.plate()));
        return out;
    }
}
