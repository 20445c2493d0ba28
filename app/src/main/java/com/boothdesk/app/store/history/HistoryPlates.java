package com.boothdesk.app.store.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.store.Database;

/**
 * The distinct plates of the history (stored plates and exit reads), in memory: a copy of {@code history_plate},
 * which the database keeps itself (a trigger on {@code parking_order}, migration V130). Each fuzzy search first
 * catches up with the rows added since the last one ({@code seq > last}, one index range read, usually empty), then
 * ranks the copy. One instance per {@link Database} ({@link #of}); thread-safe.
 *
 * <p>On a shared database (several booths on PostgreSQL) identity values are handed out before commit, so a row with
 * a smaller {@code seq} can become visible after a larger one: the catch-up re-reads the last {@link #LOOKBACK}
 * sequence values every time (adding a plate twice is harmless).
 */
public final class HistoryPlates {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryPlates.class);
    static final long LOOKBACK = 1_000;

    private final boolean shared;
    private final Set<String> known = new HashSet<>();
    private String[] plates = new String[1024];
    private int size;
    private long lastSeq = -1;

    private HistoryPlates(boolean shared) {
        this.shared = shared;
    }

    /** The copy of this database's plates (loaded on first use). */
    public static HistoryPlates of(Database db) {
        return db.shared(HistoryPlates.class, d -> new HistoryPlates(d.shared()));
    }

    /** The plates as they are in the database now: catches up first, then hands an unchanging view. */
    public List<String> current(Database db) {
        long t0 = System.nanoTime();
        int before;
        synchronized (this) {
            before = size;
        }
        db.read(c -> {
            catchUp(c);
            return null;
        });
        String[] view;
        int n;
        synchronized (this) {
            view = plates;
            n = size;
        }
        if (n != before) {
            LOG.debug("History plates: {} → {} ({} ms)", before, n, (System.nanoTime() - t0) / 1_000_000);
        }
        return new Snapshot(view, n);
    }

    /** Whether this plate (exactly as stored) is in the copy; call after {@link #current}. */
    public synchronized boolean contains(String plate) {
        return known.contains(plate);
    }

    private void catchUp(Connection c) throws SQLException {
        long from;
        synchronized (this) {
            from = lastSeq < 0 ? -1 : shared ? Math.max(-1, lastSeq - LOOKBACK) : lastSeq;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, plate FROM history_plate WHERE seq > ?"
                + " ORDER BY seq")) {
            ps.setLong(1, from);
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                synchronized (this) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        String p = rs.getString(2);
                        if (p != null && known.add(p)) {
                            if (size == plates.length) {
                                plates = Arrays.copyOf(plates, size * 2);
                            }
                            plates[size++] = p; // appended after the readers' size: their view does not change
                        }
                        lastSeq = Math.max(lastSeq, seq);
                    }
                }
            }
        }
    }

    /** An array prefix: later appends land beyond {@code n} (or in a new array), so the view never changes. */
    private static final class Snapshot extends AbstractList<String> implements java.util.RandomAccess {
        private final String[] a;
        private final int n;

        Snapshot(String[] a, int n) {
            this.a = a;
            this.n = n;
        }

        @Override
        public String get(int i) {
            if (i < 0 || i >= n) {
                throw new IndexOutOfBoundsException(i);
            }
            return a[i];
        }

        @Override
        public int size() {
            return n;
        }
    }
}
