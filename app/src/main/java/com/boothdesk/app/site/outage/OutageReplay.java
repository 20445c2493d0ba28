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
import com.boothdesk.app.store.lists.CouponDeductions;
import com.boothdesk.app.store.lists.JdbcVehicleLists;
import com.boothdesk.app.payment.PaymentStore;

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
 *   <li><b>prepayment</b>: added to the stay when it is still inside (once per trade number); a stay another booth
 *       closed meanwhile is {@code PREPAY_ORDER_CLOSED}, one the site does not have {@code PREPAY_NO_ORDER} (not
 *       added: the supervisor refunds or keeps the money).</li>
 *   <li><b>plate correction</b>: applied when the stay is still inside; closed meanwhile
 *       {@code CORRECTION_ORDER_CLOSED}, unknown {@code CORRECTION_NO_ORDER}.</li>
 *   <li><b>stored-value charge</b> (journaled right before its exit): charged once per card and order, even below
 *       zero (another booth charged the card meanwhile: the charge is kept, {@code STORED_VALUE_BELOW_ZERO}); a card
 *       the site no longer has is {@code STORED_VALUE_NO_CARD}.</li>
 *   <li><b>coupon deduction</b>: marked used with its 2.29; used by another stay meanwhile
 *       {@code COUPON_USED_ELSEWHERE}, unknown {@code COUPON_UNKNOWN} (nothing uploaded).</li>
 *   <li><b>visitor entry</b>: counted on the pass usable at the entry's time; none any more {@code VISITOR_NO_PASS}.</li>
 *   <li><b>payment module write</b>: by {@code PaymentStore.replay} (a record once per kind, trade and state; the
 *       newest balance kept).</li>
 * </ul>
 * The writes with no key of their own (charge, coupon, visitor, payment) are applied once through
 * {@code outage_applied} (V170), inserted in the transaction of the write.
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
                case PREPAY -> prepay(e);
                case CORRECT_PLATE -> correction(e);
                case STORED_VALUE -> storedValue(e);
                case COUPON -> coupon(e);
                case COUPONS_USED -> couponsUsed(e);
                case VISITOR -> visitor(e);
                case PAYMENT -> payment(e);
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

    // ---- the other writes of the car's path (OutageWrites, OutageLists, OutageOrders) --------------------------

    /** The site's lists the charges, deductions and counts go through (BoothApp's, via OutageModule.lists). */
    private volatile JdbcVehicleLists lists;

    void lists(JdbcVehicleLists l) {
        this.lists = l;
    }

    private JdbcVehicleLists lists() {
        JdbcVehicleLists l = lists;
        if (l == null) {
            throw new IllegalStateException("no site lists wired for the replay of list writes");
        }
        return l;
    }

    /** A conflict of an entry that is no stay, in its own transaction. */
    private Outcome conflict(OutageJournal.Entry e, OutageConflicts.Kind kind, String orderId, String plate,
                             Instant at, String detail) {
        db.write(c -> conflicts.add(c, e.seq(), kind, orderId, plate, at, detail, e.body()));
        LOG.warn("Outage replay conflict {} for {} ({}): {}", kind, plate == null ? "-" : SafeText.plate(plate),
                SafeText.of(orderId, 64), SafeText.of(detail, 300));
        return Outcome.CONFLICT;
    }

    private Outcome conflictIn(Connection c, OutageJournal.Entry e, OutageConflicts.Kind kind, String orderId,
                               String plate, Instant at, String detail) throws SQLException {
        conflicts.add(c, e.seq(), kind, orderId, plate, at, detail, e.body());
        LOG.warn("Outage replay conflict {} for {} ({}): {}", kind, plate == null ? "-" : SafeText.plate(plate),
                SafeText.of(orderId, 64), SafeText.of(detail, 300));
        return Outcome.CONFLICT;
    }

    /**
     * A prepayment received while down: added to the stay when it is still inside (once per trade number), else a
     * conflict: the money was taken for a stay that is closed ({@code PREPAY_ORDER_CLOSED}: the supervisor refunds
     * or keeps it) or that the site does not have ({@code PREPAY_NO_ORDER}).
     */
    private Outcome prepay(OutageJournal.Entry e) {
        OutageCodec.Fields f = OutageCodec.fields(e.body());
        String trade = f.text("tradeNo");
        String orderId = f.text("orderId");
        long fen = f.fen("fen");
        Optional<ParkingOrder> row = orders.find(orderId);
        if (row.isPresent() && row.get().status() == OrderStatus.IN_LOT) {
            boolean fresh = orders.recordPrepayment(trade, orderId, fen, f.at("paidAt"), f.at("received"));
            return fresh ? Outcome.APPLIED : Outcome.ALREADY;
        }
        boolean known = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM prepayment WHERE trade_no = ?")) {
                ps.setString(1, trade);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (known) {
            return Outcome.ALREADY;
        }
        if (row.isEmpty()) {
            return conflict(e, OutageConflicts.Kind.PREPAY_NO_ORDER, orderId, null, f.at("paidAt"), "断网时收到预付 "
                    + yuan(fen) + " 元，站点无此在场记录 / prepayment " + trade + " of " + fen + " fen received while"
                    + " the site was down; the site has no stay " + orderId);
        }
        ParkingOrder o = row.get();
        return conflict(e, OutageConflicts.Kind.PREPAY_ORDER_CLOSED, orderId, o.plate(), f.at("paidAt"),
                "断网时收到预付 " + yuan(fen) + " 元，该车已从 " + o.exitLaneId() + " 出场 / prepayment " + trade + " of "
                        + fen + " fen received while the site was down; the stay was closed at " + o.exitLaneId()
                        + " " + o.outTime() + " (" + o.paidFen() + " fen paid): not added, to refund or keep");
    }

    /**
     * A plate corrected while down: applied when the stay is still inside; a stay another booth closed meanwhile
     * ({@code CORRECTION_ORDER_CLOSED}) or that the site does not have ({@code CORRECTION_NO_ORDER}) is a conflict.
     */
    private Outcome correction(OutageJournal.Entry e) {
        OutageCodec.Fields f = OutageCodec.fields(e.body());
        String orderId = f.text("orderId");
        String newPlate = f.text("newPlate");
        Optional<ParkingOrder> row = orders.find(orderId);
        if (row.isEmpty()) {
            return conflict(e, OutageConflicts.Kind.CORRECTION_NO_ORDER, orderId, newPlate, e.at(), "断网时更正车牌为 "
                    + newPlate + "，站点无此在场记录 / plate corrected to " + newPlate + " while the site was down;"
                    + " the site has no stay " + orderId);
        }
        ParkingOrder o = row.get();
        if (newPlate.equals(o.plate())) {
            return Outcome.ALREADY;
        }
        if (o.status() != OrderStatus.IN_LOT) {
            return conflict(e, OutageConflicts.Kind.CORRECTION_ORDER_CLOSED, orderId, o.plate(), e.at(),
                    "断网时更正车牌 " + o.plate() + " → " + newPlate + "，该记录已在 " + o.exitLaneId() + " 出场 / plate "
                            + o.plate() + " corrected to " + newPlate + " while the site was down; the stay was"
                            + " closed at " + o.exitLaneId() + " " + o.outTime() + " meanwhile: not applied");
        }
        orders.correctPlate(orderId, newPlate);
        return Outcome.APPLIED;
    }

    /**
     * A stored-value charge made while down (journaled with its exit): charged once per card and order, even when
     * the balance goes below zero (another booth charged the card meanwhile: the charge is kept, the car is gone,
     * {@code STORED_VALUE_BELOW_ZERO} for the supervisor); a card the site no longer has is a conflict
     * ({@code STORED_VALUE_NO_CARD}).
     */
    private Outcome storedValue(OutageJournal.Entry e) {
        OutageCodec.Fields f = OutageCodec.fields(e.body());
        JdbcVehicleLists l = lists();
        String card = f.text("cardId");
        String orderId = f.text("orderId");
        long fen = f.fen("fen");
        return db.write(c -> {
            if (!conflicts.claim(c, e.seq(), e.kind().name())) {
                return Outcome.ALREADY;
            }
            JdbcVehicleLists.Charged r = JdbcVehicleLists.charge(c, l.store(), l.outbox(), card, fen, orderId,
                    f.at("at"), true);
            if (r == JdbcVehicleLists.Charged.CHARGED || r == JdbcVehicleLists.Charged.BELOW_ZERO) {
                Database.afterCommit(l::wake);
            }
            return switch (r) {
                case CHARGED, NOTHING -> Outcome.APPLIED;
                case ALREADY -> Outcome.ALREADY;
                case BELOW_ZERO -> conflictIn(c, e, OutageConflicts.Kind.STORED_VALUE_BELOW_ZERO, orderId, null,
                        f.at("at"), "断网时储值卡 " + card + " 扣 " + yuan(fen) + " 元，余额已低于零（其他岗亭同时扣款），扣款保留"
                                + " / stored-value card " + card + " charged " + fen + " fen for " + orderId
                                + " while the site was down; another charge meanwhile took the balance below zero:"
                                + " the charge is kept");
                case NO_CARD, SHORT -> conflictIn(c, e, OutageConflicts.Kind.STORED_VALUE_NO_CARD, orderId, null,
                        f.at("at"), "断网时储值卡 " + card + " 扣 " + yuan(fen) + " 元，站点已无此卡，未扣款 / stored-value"
                                + " card " + card + " charged " + fen + " fen for " + orderId + " while the site was"
                                + " down; the site has no such card: not charged");
            };
        });
    }

    /**
     * A coupon deducted while down: marked used and its 2.29 uploaded, once; a coupon another stay used meanwhile
     * ({@code COUPON_USED_ELSEWHERE}) or the site does not know ({@code COUPON_UNKNOWN}) is a conflict (the stay kept
     * its discount: the supervisor settles it with the merchant).
     */
    private Outcome coupon(OutageJournal.Entry e) {
        OutageCodec.Fields f = OutageCodec.fields(e.body());
        JdbcVehicleLists l = lists();
        String id = f.text("couponId");
        String orderId = f.text("orderId");
        long fen = f.fen("fen");
        Outcome o = db.write(c -> {
            if (!conflicts.claim(c, e.seq(), e.kind().name())) {
                return Outcome.ALREADY;
            }
            var k = l.store().findCoupon(c, id);
            if (k.isEmpty()) {
                return conflictIn(c, e, OutageConflicts.Kind.COUPON_UNKNOWN, orderId, null, f.at("at"), "断网时使用优惠券 "
                        + id + "（减 " + yuan(fen) + " 元），站点无此券 / coupon " + id + " took " + fen + " fen off "
                        + orderId + " while the site was down; the site does not know it: nothing uploaded");
            }
            if (l.store().couponUsed(c, id)) {
                return conflictIn(c, e, OutageConflicts.Kind.COUPON_USED_ELSEWHERE, orderId, k.get().plate(),
                        f.at("at"), "断网时使用优惠券 " + id + "（减 " + yuan(fen) + " 元），该券已被其他记录使用 / coupon " + id
                                + " took " + fen + " fen off " + orderId + " while the site was down; another stay"
                                + " used it meanwhile: not uploaded again");
            }
            CouponDeductions.record(c, l.store(), l.outbox(), id, orderId, fen, f.at("at"));
            Database.afterCommit(l::wake);
            return Outcome.APPLIED;
        });
        return o;
    }

    /** Coupons marked used while down: marked at the site (unknown ones are skipped, as on the normal path). */
    private Outcome couponsUsed(OutageJournal.Entry e) {
        OutageCodec.Fields f = OutageCodec.fields(e.body());
        JdbcVehicleLists l = lists();
        return db.write(c -> {
            if (!conflicts.claim(c, e.seq(), e.kind().name())) {
                return Outcome.ALREADY;
            }
            for (String id : f.list("couponIds")) {
                if (l.store().findCoupon(c, id).isPresent()) {
                    l.store().markCouponUsed(c, id, f.text("orderId"), f.at("at"));
                }
            }
            return Outcome.APPLIED;
        });
    }

    /**
     * A visitor's entry counted while down: counted once on the pass usable at the entry's time; none usable any
     * more (withdrawn meanwhile) is a conflict ({@code VISITOR_NO_PASS}), nothing counted.
     */
    private Outcome visitor(OutageJournal.Entry e) {
        OutageCodec.Fields f = OutageCodec.fields(e.body());
        JdbcVehicleLists l = lists();
        String plate = com.boothdesk.app.domain.lists.Plates.normalise(f.text("plate"));
        Instant at = f.at("at");
        return db.write(c -> {
            if (!conflicts.claim(c, e.seq(), e.kind().name())) {
                return Outcome.ALREADY;
            }
            var pass = l.store().approvedVisitors(c, plate).stream().filter(v -> v.pass().usableAt(at))
                    .min(java.util.Comparator.comparing(v -> v.pass().validTo()));
            if (pass.isEmpty()) {
                return conflictIn(c, e, OutageConflicts.Kind.VISITOR_NO_PASS, null, plate, at, "断网时访客 " + plate
                        + " 入场，站点已无可用的访客证，未计次 / visitor " + plate + " entered at " + at + " while the site"
                        + " was down; the site has no usable pass for it now: not counted");
            }
            l.store().countVisitorEntry(c, pass.get().visitorId());
            return Outcome.APPLIED;
        });
    }

    /** A payment module write made while down, replayed by its own rule ({@code PaymentStore.replay}), once. */
    private Outcome payment(OutageJournal.Entry e) {
        return db.write(c -> {
            if (!conflicts.claim(c, e.seq(), e.kind().name())) {
                return Outcome.ALREADY;
            }
            return PaymentStore.replay(c, e.body(), clock) ? Outcome.APPLIED : Outcome.ALREADY;
        });
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
