package com.boothdesk.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateEventLog;

/**
 * Barrier movements in H2. A manual movement (an attendant's, the cloud's remote lift: its evidence and its uplink)
 * is written before the command goes out. An automatic one (the car's entry or exit, whose order was committed just
 * before) is handed to the {@code gate-log} thread and written right after, so that the gate frame does not wait for
 * a second transaction; {@link #recent} and {@link #close} wait for those still being written.
 */
public final class JdbcGateEventLog implements GateEventLog, AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcGateEventLog.class);

    /** What a recorded barrier movement causes for the cloud, in the same transaction. */
    @FunctionalInterface
    public interface GateUplinks {
        GateUplinks NONE = (txn, id, e) -> { };

        void recorded(java.sql.Connection txn, long id, GateEvent event) throws java.sql.SQLException;
    }

    private final Database db;
    private final GateUplinks uplinks;
    private final java.util.concurrent.ExecutorService later =
            com.boothdesk.app.common.Threads.single("gate-log");

    public JdbcGateEventLog(Database db) {
        this(db, GateUplinks.NONE);
    }

    public JdbcGateEventLog(Database db, GateUplinks uplinks) {
        this.db = db;
        this.uplinks = uplinks;
    }

    /**
     * Stores the event; returns its id, or 0 for an automatic event, which is stored right after this returns (in
     * the order recorded).
     */
    @Override
    public long record(GateEvent e) {
        if (e.cause() != GateEvent.Cause.MANUAL && e.image() == null) {
            try {
                later.execute(() -> {
                    try {
                        write(e);
                    } catch (RuntimeException failed) {
                        LOG.error("Could not store the gate event {} of lane {} (order {}): {}", e.action(),
                                e.laneId(), e.orderId(), failed.toString());
                    }
                });
                return 0;
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                return write(e);
            }
        }
        return write(e);
    }

    private long write(GateEvent e) {
        return db.write(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gate_event (lane_id, at, action, cause,"
                    + " operator, order_id, reason, image) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, e.laneId());
                ps.setObject(2, JdbcOrderRepository.time(e.at()));
                ps.setString(3, e.action().name());
                ps.setString(4, e.cause().name());
                ps.setString(5, e.operator());
                ps.setString(6, e.orderId());
                ps.setString(7, e.reason());
                ps.setString(8, e.image());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            uplinks.recorded(c, id, e);
            return id;
        });
    }

    /** Waits until the automatic events recorded so far are stored. */
    public void drain() {
        try {
            later.submit(() -> null).get();
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // closed: nothing is waiting
        } catch (java.util.concurrent.ExecutionException e) {
            throw new StoreException("gate log: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the gate log", e);
        }
    }

    @Override
    public void close() {
        com.boothdesk.app.common.Threads.shutdown(later);
    }

    @Override
    public List<GateEvent> recent(int limit) {
        drain();
        return db.read(c -> {
            List<GateEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT lane_id, at, action, cause, operator, order_id,"
                    + " reason, image FROM gate_event ORDER BY id DESC LIMIT " + Math.max(1, limit));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new GateEvent(rs.getString(1), JdbcOrderRepository.instant(rs, "at"),
                            GateEvent.Action.valueOf(rs.getString(3)), GateEvent.Cause.valueOf(rs.getString(4)),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        });
    }
}
