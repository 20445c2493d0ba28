package com.boothdesk.app.site.outage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateEventLog;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcOrderRepository;

/**
 * Replays the local journal into the site database, in journal order, through the site's own stores (so a stay's
 * {@code in_park} / {@code out_park} go into the site outbox in its transaction, in order, as on the normal path).
 * The rule for what the site already has (docs/architecture.md, "The server down is an outage"):
 * <ul>
 *   <li><b>entry</b>: a stay the site already has (same order id) is not inserted again; a car that left through
 *       another booth after it came in here (a closed stay of the plate with its exit at or after this entry) is
 *       {@code ENTRY_CLOSED_ELSEWHERE}; a newer stay of the plate inside is {@code ENTRY_SUPERSEDED_ELSEWHERE}; both
 *       are kept as conflicts, not put inside. Otherwise the stay is recorded (an older stay of the plate inside is
 *       superseded, as at any entry).</li>
 *   <li><b>exit</b>: a stay still inside is closed with this exit. The same exit already there is not applied again.
 *       A stay another booth closed: the first exit by time wins; when the other one was first this exit is the
 *       conflict ({@code EXIT_TWICE}), when this one was first the stay's exit becomes this one and the other's is
 *       kept as the conflict ({@code EXIT_TWICE_OTHER_LATER}; its {@code out_park} was delivered already, none is
 *       sent again). A stay the site does not have: {@code EXIT_WITHOUT_STAY}.</li>
 *   <li><b>gate event</b>: inserted unless the same lane, time and action is there.</li>
 *   <li><b>a camera read</b> of the site's intake journal decided while down without a stay: deleted there.</li>
 * </ul>
 * An entry is marked replayed in the journal after its site transaction committed; a crash between the two replays it
 * again, and the rules above make that a no-op.
 */
public final class OutageReplay implements SiteOutage.Replayer {

    private static final Logger LOG = LoggerFactory.getLogger(OutageReplay.class);

    private final Database db;
    private final OutageJournal journal;
    private final JdbcOrderRepository orders;
    private final GateEventLog gates;
    private final OutageConflicts conflicts;
    private final Clock clock;
    private final Map<Outcome, Integer> totals = new EnumMap<>(Outcome.class);

    /** What became of one journal entry. */
    public enum Outcome { APPLIED, ALREADY, CONFLICT }

    public OutageReplay(Database db, OutageJournal journal, JdbcOrderRepository orders, GateEventLog gates,
                        OutageConflicts conflicts, Clock clock) {
        this.db = db;
        this.journal = journal;
        this.orders = orders;
        this.gates = gates;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    /** Totals since start (tests, the log). */
    public synchronized Map<Outcome, Integer> totals() {
        return Map.copyOf(totals);
    }

    @Override
    public boolean replayAll() {
        Map<Outcome, Integer> run = new EnumMap<>(Outcome.class);
        while (true) {
            List<OutageJournal.Entry> batch = journal.unreplayed(200);
            if (batch.isEmpty()) {
                if (!run.isEmpty()) {
                    LOG.warn("Outage journal replayed: {}", run);
                }
                return true;
            }
            for (OutageJournal.Entry e : batch) {
                Outcome o = replay(e);
                journal.replayed(e.seq(), o.name(), clock.instant());
                run.merge(o, 1, Integer::sum);
                synchronized (this) {
                    totals.merge(o, 1, Integer::sum);
                }
            }
        }
    }

    private Outcome replay(OutageJournal.Entry e) {
        try {
            return switch (e.kind()) {
                case ENTRY -> entry(e);
                case EXIT -> exit(e);
                case GATE -> gate(e);
                case SETTLE_READ -> {
                    long id = Long.parseLong(e.body().trim());
                    db.write(c -> {
                        settleSiteRead(c, id);
                        return null;
                    });
                    yield Outcome.APPLIED;
                }
            };
        } catch (RuntimeException failed) {
            if (Database.connectionLost(failed)) {
                throw failed; // the server went away again: the entry stays, the probe resumes
            }
            String why = SafeText.of(String.valueOf(failed.getMessage()), 300);
            LOG.error("Outage journal entry {} ({} {}) could not be replayed, kept as a conflict: {}", e.seq(), e.kind(),
                    SafeText.of(e.ref(), 64), why);
            db.write(c -> conflicts.add(c, e.seq(), OutageConflicts.Kind.REPLAY_FAILED, e.ref(), null, e.at(),
                    e.kind() + ": " + why, e.body()));
            return Outcome.CONFLICT;
        }
    }

    private Outcome entry(OutageJournal.Entry e) {
        OutageCodec.StayWrite w = OutageCodec.stay(e.body());
        ParkingOrder o = w.order();
        if (orders.find(o.orderId()).isPresent()) {
            return Outcome.ALREADY;
        }
        Optional<String[]> left = db.read(c -> first(c, "SELECT order_id, exit_lane, out_time FROM parking_order"
                + " WHERE plate = ? AND status = 'CLOSED' AND out_time >= ? ORDER BY out_time LIMIT 1", o));
        if (left.isPresent()) {
            String[] r = left.get();
            return conflict(e, w, OutageConflicts.Kind.ENTRY_CLOSED_ELSEWHERE, o.inTime(), "本岗亭断网时入场，该车已从 " + r[1]
                    + " 出场 / entered at " + o.entryLaneId()
                    + " " + o.inTime() + " while the site was down; the car had left at " + r[1] + " " + r[2]
                    + " (stay " + r[0] + ")");
        }
        Optional<String[]> newer = db.read(c -> first(c, "SELECT order_id, entry_lane, in_time FROM parking_order"
                + " WHERE plate = ? AND status = 'IN_LOT' AND in_time > ? ORDER BY in_time DESC LIMIT 1", o));
        if (newer.isPresent()) {
            String[] r = newer.get();
            return conflict(e, w, OutageConflicts.Kind.ENTRY_SUPERSEDED_ELSEWHERE, o.inTime(), "该车在 " + r[1]
                    + " 有更新的入场 / entered at "
                    + o.entryLaneId() + " " + o.inTime() + "; a newer stay " + r[0] + " of the plate came in at " + r[1]
                    + " " + r[2]);
        }
        orders.recordEntry(o, w.emptySpaces(), w.siteIntakeId());
        return Outcome.APPLIED;
    }

    private Outcome exit(OutageJournal.Entry e) {
        OutageCodec.StayWrite w = OutageCodec.stay(e.body());
        ParkingOrder mine = w.order();
        Optional<ParkingOrder> row = orders.find(mine.orderId());
        if (row.isEmpty()) {
            return conflict(e, w, OutageConflicts.Kind.EXIT_WITHOUT_STAY, mine.outTime(), "本岗亭 " + mine.exitLaneId()
                    + " 放行（收 " + yuan(mine.paidFen()) + " 元），站点无此在场记录 / let out at "
                    + mine.exitLaneId() + " " + mine.outTime() + " (" + mine.paidFen() + " fen paid); the site has no"
                    + " such stay");
        }
        ParkingOrder site = row.get();
        if (site.status() == OrderStatus.IN_LOT) {
            orders.recordExit(mine, w.emptySpaces(), w.siteIntakeId());
            return Outcome.APPLIED;
        }
        if (Objects.equals(site.exitLaneId(), mine.exitLaneId()) && Objects.equals(site.outTime(), mine.outTime())) {
            return Outcome.ALREADY;
        }
        if (site.outTime() == null || !mine.outTime().isBefore(site.outTime())) {
            return conflict(e, w, OutageConflicts.Kind.EXIT_TWICE, mine.outTime(), "另一岗亭先放行；本岗亭 "
                    + mine.exitLaneId() + " 的出场（收 " + yuan(mine.paidFen()) + " 元）记为冲突 / let out here at "
                    + mine.exitLaneId() + " " + mine.outTime() + " (" + mine.paidFen() + " fen paid, "
                    + mine.paymentMethod() + "); the stay was " + site.status() + (site.outTime() == null ? ""
                    : " at " + site.exitLaneId() + " " + site.outTime() + " (" + site.paidFen() + " fen paid)")
                    + " first");
        }
        // this exit was the first: it becomes the stay's, the other booth's later one is the conflict
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE parking_order SET exit_lane = ?, out_time = ?,"
                    + " due_fen = ?, paid_fen = ?, pay_method = ?, exit_operator = ?, exit_image = ?, discount_fen = ?,"
                    + " free_reason = ?, exit_plate_read = ? WHERE order_id = ? AND status = 'CLOSED'")) {
                ps.setString(1, mine.exitLaneId());
                ps.setObject(2, OutageJournal.time(mine.outTime()));
                ps.setLong(3, mine.dueFen());
                ps.setLong(4, mine.paidFen());
                ps.setString(5, mine.paymentMethod() == null ? null : mine.paymentMethod().name());
                ps.setString(6, mine.exitOperator());
                ps.setString(7, mine.exitImage());
                ps.setLong(8, mine.discountFen());
                ps.setString(9, mine.freeReason());
                ps.setString(10, mine.exitPlateRead());
                ps.setString(11, mine.orderId());
                ps.executeUpdate();
            }
            conflicts.add(c, e.seq(), OutageConflicts.Kind.EXIT_TWICE_OTHER_LATER, mine.orderId(), mine.plate(),
                    site.outTime(), "本岗亭 " + mine.exitLaneId() + " 先放行；" + site.exitLaneId()
                            + " 较晚的出场（收 " + yuan(site.paidFen()) + " 元）记为冲突 / let out here first at " + mine.exitLaneId() + " " + mine.outTime() + " ("
                            + mine.paidFen() + " fen paid); the later exit at " + site.exitLaneId() + " "
                            + site.outTime() + " (" + site.paidFen() + " fen paid, " + site.paymentMethod()
                            + ") is kept here; its out_park was sent already", e.body());
            settleSiteRead(c, w.siteIntakeId());
            return null;
        });
        LOG.warn("Outage replay conflict {} for {} ({}): this booth's exit at {} was first, the stay's exit is now it;"
                + " the later exit at {} {} is kept as the conflict", OutageConflicts.Kind.EXIT_TWICE_OTHER_LATER,
                SafeText.plate(mine.plate()), mine.orderId(), mine.outTime(), site.exitLaneId(), site.outTime());
        return Outcome.CONFLICT;
    }

    private Outcome conflict(OutageJournal.Entry e, OutageCodec.StayWrite w, OutageConflicts.Kind kind, Instant at,
                             String detail) {
        ParkingOrder o = w.order();
        db.write(c -> {
            conflicts.add(c, e.seq(), kind, o.orderId(), o.plate(), at, detail, e.body());
            settleSiteRead(c, w.siteIntakeId());
            return null;
        });
        LOG.warn("Outage replay conflict {} for {} ({}): {}", kind, SafeText.plate(o.plate()), o.orderId(), detail);
        return Outcome.CONFLICT;
    }

    private Outcome gate(OutageJournal.Entry e) {
        GateEvent g = OutageCodec.gate(e.body());
        boolean there = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM gate_event WHERE lane_id = ? AND at = ? AND action = ?")) {
                ps.setString(1, g.laneId());
                ps.setObject(2, OutageJournal.time(g.at()));
                ps.setString(3, g.action().name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (there) {
            return Outcome.ALREADY;
        }
        if (g.cause() == GateEvent.Cause.MANUAL || g.image() != null) {
            gates.record(g); // written at once, with its 2.11 uplink
            return Outcome.APPLIED;
        }
        // an automatic movement has no uplink; the log writes those on a thread of its own, so it is written here
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gate_event (lane_id, at, action, cause,"
                    + " operator, order_id, reason, image, outcome, outcome_detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, g.laneId());
                ps.setObject(2, OutageJournal.time(g.at()));
                ps.setString(3, g.action().name());
                ps.setString(4, g.cause().name());
                ps.setString(5, g.operator());
                ps.setString(6, g.orderId());
                ps.setString(7, g.reason());
                ps.setString(8, g.image());
                ps.setString(9, g.outcome().result().name());
                ps.setString(10, SafeText.of(g.outcome().detail(), 200));
                return ps.executeUpdate();
            }
        });
        return Outcome.APPLIED;
    }

    private static String yuan(long fen) {
        return (fen / 100) + "." + String.format("%02d", fen % 100);
    }

    private static void settleSiteRead(Connection c, long siteIntakeId) throws SQLException {
        if (siteIntakeId < 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM intake_journal WHERE id = ?")) {
            ps.setLong(1, siteIntakeId);
            ps.executeUpdate();
        }
    }

    private static Optional<String[]> first(Connection c, String sql, ParkingOrder o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, o.plate());
            ps.setObject(2, OutageJournal.time(o.inTime()));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                OffsetDateTime t = rs.getObject(3, OffsetDateTime.class);
                return Optional.of(new String[] {rs.getString(1), rs.getString(2),
                        t == null ? "" : t.toInstant().toString()});
            }
        }
    }
}
