package com.boothdesk.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateEventLog;

/** Barrier movements in H2, written before the command goes out. */
public final class JdbcGateEventLog implements GateEventLog {

    private final Database db;

    public JdbcGateEventLog(Database db) {
        this.db = db;
    }

    @Override
    public void record(GateEvent e) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gate_event"
                    + " (lane_id, at, action, cause, operator, order_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.laneId());
                ps.setObject(2, JdbcOrderRepository.time(e.at()));
                ps.setString(3, e.action().name());
                ps.setString(4, e.cause().name());
                ps.setString(5, e.operator());
                ps.setString(6, e.orderId());
                ps.setString(7, e.reason());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<GateEvent> recent(int limit) {
        return db.read(c -> {
            List<GateEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT lane_id, at, action, cause, operator, order_id,"
                    + " reason FROM gate_event ORDER BY id DESC LIMIT " + Math.max(1, limit));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new GateEvent(rs.getString(1), JdbcOrderRepository.instant(rs, "at"),
                            GateEvent.Action.valueOf(rs.getString(3)), GateEvent.Cause.valueOf(rs.getString(4)),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return out;
        });
    }
}
