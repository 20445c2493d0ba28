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

import javax.sql.DataSource;

import com.boothdesk.devices.camera.common.WhiteListPlate;

/**
 * The plates a camera should let through by itself when the booth is down: monthly cards and white-list / internal
 * cars valid today or later (their validity goes with them, so the camera refuses them once they expire). A plate
 * on several cards keeps the longest validity. Read-only, on the caller's thread.
 */
public final class BoothWhiteList {
    private static final int MAX_PLATES = 10_000;

    private final DataSource db;

    public BoothWhiteList(DataSource db) {
        this.db = db;
    }

    public List<WhiteListPlate> plates(LocalDate today) throws SQLException {
        Map<String, WhiteListPlate> out = new LinkedHashMap<>();
        try (Connection c = db.getConnection()) {
            read(c, "SELECT p.plate, m.valid_from, m.valid_to, 'monthly' FROM month_card m JOIN month_card_plate p "
                    + "ON p.card_id = m.card_id WHERE m.valid_to >= ? ORDER BY p.plate", today, out);
            read(c, "SELECT plate, valid_from, valid_to, 'white' FROM white_list WHERE valid_to >= ? ORDER BY plate",
                    today, out);
        }
        return List.copyOf(out.values());
    }

    private static void read(Connection c, String sql, LocalDate today, Map<String, WhiteListPlate> out)
            throws SQLException {
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
                    WhiteListPlate p = new WhiteListPlate(plate, from.atStartOfDay(), to.atTime(LocalTime.of(23, 59,
                            59)), rs.getString(4));
                    WhiteListPlate prev = out.get(plate);
                    if (prev == null || prev.validTo().isBefore(p.validTo())) {
                        out.put(plate, p);
                    }
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
