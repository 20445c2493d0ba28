package com.boothdesk.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.boothdesk.app.domain.lane.IntakeJournal;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.app.domain.plate.SafeText;

/**
 * The intake journal in H2: one row per camera read, committed before the camera is answered, deleted once the lane
 * decided the read. The row is written on the caller's (camera's) thread on a connection of its own
 * ({@link Database#writeAside}), never queued behind the writer thread's transactions. Only what a decision needs is kept (the picture is not: a recovered read has none). A raw read
 * longer than any plate is kept in its safe, cut form, which no plate grammar accepts.
 */
public final class JdbcIntakeJournal implements IntakeJournal {

    private static final int RAW_KEPT = 32;

    private final Database db;

    public JdbcIntakeJournal(Database db) {
        this.db = db;
    }

    @Override
    public long record(PlateRead read, boolean offline, Instant receivedAt) {
        // kept raw when short; a NUL is escaped too (PostgreSQL text cannot hold it, and it is no plate anyway)
        String plate = read.plate().length() <= RAW_KEPT && read.plate().indexOf('\0') < 0 ? read.plate()
                : SafeText.plate(read.plate());
        // on the camera's thread, on its own connection: the read is durable before the camera's answer without
        // waiting behind the order / outbox / gate-event writes queued on the writer thread (their p99 tail)
        return db.writeAside(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO intake_journal (lane_id, plate, color,"
                    + " confidence, read_at, received_at, source, offline, camera_time_unknown, no_plate_type)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                ps.setString(1, read.laneId());
                ps.setString(2, plate);
                ps.setInt(3, read.colorCode());
                ps.setInt(4, read.confidence());
                ps.setObject(5, JdbcOrderRepository.time(read.readAt()));
                ps.setObject(6, JdbcOrderRepository.time(receivedAt));
                ps.setString(7, SafeText.of(read.source(), 40)); // at most 40 + the length note, within 64
                ps.setBoolean(8, offline);
                ps.setBoolean(9, read.cameraTimeUnknown());
                ps.setBoolean(10, read.noPlateByType());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public void settle(long id, String outcome) {
        if (id < 0) {
            return;
        }
        db.write(c -> settle(c, id));
    }

    /**
     * Deletes the journal entry {@code id} (-1: none) inside the caller's transaction: the order store settles the
     * read in the transaction that records its stay or its exit.
     */
    static int settle(java.sql.Connection c, long id) throws java.sql.SQLException {
        if (id < 0) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM intake_journal WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate();
        }
    }

    @Override
    public List<Entry> pending(String laneId) {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, plate, color, confidence, read_at,"
                    + " received_at, source, offline, camera_time_unknown, no_plate_type FROM intake_journal"
                    + " WHERE lane_id = ? ORDER BY id")) {
                ps.setString(1, laneId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        PlateRead read = new PlateRead(laneId, rs.getString(2), rs.getInt(3), rs.getInt(4),
                                JdbcOrderRepository.instant(rs, "read_at"), new byte[0], rs.getString(7),
                                new byte[0], rs.getBoolean(9), rs.getBoolean(10));
                        out.add(new Entry(rs.getLong(1), read, rs.getBoolean(8),
                                JdbcOrderRepository.instant(rs, "received_at")));
                    }
                }
            }
            return out;
        });
    }
}
