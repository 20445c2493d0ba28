package com.boothdesk.app.store.lists;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.boothdesk.app.store.Database;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxEntry;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A real H2 database in a temporary folder with the outbox and the lists, on a hand-moved clock. */
public final class ListsFixture implements AutoCloseable {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Friday 10 May 2024, 10:00 in Shanghai. */
    public static final Instant START = Instant.parse("2024-05-10T02:00:00Z");

    public final MutableClock clock = new MutableClock(START, ZONE);
    public final Database db;
    public final JdbcOutbox outbox;
    public final JdbcVehicleLists lists;
    public final JdbcListStore store;

    public ListsFixture(Path dir) {
        this(com.boothdesk.app.store.TestStore.h2(), dir);
    }

    /** On the database {@code stores} opens (H2 or PostgreSQL). */
    public ListsFixture(com.boothdesk.app.store.TestStore stores, Path dir) {
        db = stores.open(dir);
        outbox = new JdbcOutbox(db.dataSource(), clock);
        lists = new JdbcVehicleLists(db, outbox, ZONE, clock);
        store = lists.store();
    }

    /** Shanghai local time of the given day and hour as an instant. */
    public static Instant local(int year, int month, int day, int hour, int minute) {
        return java.time.LocalDateTime.of(year, month, day, hour, minute).atZone(ZONE).toInstant();
    }

    /** Outbox entries, oldest first. */
    public List<OutboxEntry> outboxEntries() {
        List<OutboxEntry> l = new java.util.ArrayList<>(outbox.recent(1000));
        java.util.Collections.reverse(l);
        return l;
    }

    public ObjectNode json(OutboxEntry e) {
        try {
            return WireCodec.parseObject(e.json());
        } catch (com.boothdesk.sdk.wire.WireFormatException x) {
            throw new AssertionError("outbox entry is not JSON: " + e.json(), x);
        }
    }

    public int rows(String table) {
        return db.read(c -> count(c, "SELECT COUNT(*) FROM " + table));
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
