package com.boothdesk.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.index.LotIndex;

/**
 * Orders in the database. The cars inside are also kept in the database's {@link LotIndex}, changed on the writer
 * thread right after each commit here, so that the exit's lookups, counts and fuzzy match do not grow with the lot.
 * Every change of an order's in-lot state changes its entry lane's count ({@code lot_lane_count}) in the same
 * transaction by one atomic increment, and closes or supersedes a row only {@code WHERE status = 'IN_LOT'}: two
 * booths closing the same stay at once close it once (the other gets "not in the lot any more").
 *
 * <p>On a shared database the index is a cache (see {@link LotIndex}): a plate the index does not know is looked up
 * in the database, and the counts are the database's.
 */
public final class JdbcOrderRepository implements OrderRepository {

    private static final String COLUMNS = "order_id, plate, car_type, entry_lane, in_time, entry_operator, entry_image,"
            + " status, exit_lane, out_time, due_fen, paid_fen, pay_method, exit_operator, exit_image, remark,"
            + " car_kind, card_id, prepaid_fen, prepaid_at, discount_fen, free_reason, exit_plate_read";

    private final Database db;
    private final OrderUplinks uplinks;
    private final LotIndex lot;
    private final boolean shared;

    public JdbcOrderRepository(Database db, OrderUplinks uplinks) {
        this.db = db;
        this.uplinks = uplinks;
        this.lot = LotIndex.of(db);
        this.shared = db.shared();
    }

    /** The in-memory index of the cars inside, kept with this store. */
    public LotIndex index() {
        return lot;
    }

    /**
     * Order numbers are taken from the durable sequence {@value #BLOCK} at a time: one value {@code v} of
     * {@code order_seq} stands for the numbers {@code v * BLOCK .. v * BLOCK + BLOCK - 1}. Every value the sequence
     * gave out before (one number each) is below {@code v}, hence below {@code v * BLOCK}: numbers stay unique across
     * restarts and across the change, and an entry no longer waits for a transaction to get its id. Numbers left in
     * a block at a stop are skipped, never reused.
     */
    static final long BLOCK = 100;
    private long nextNumber;
    private long blockEnd;

    @Override
    public String nextOrderId(String laneId, Instant at) {
        long seq;
        synchronized (this) {
            if (nextNumber >= blockEnd) {
                long v = db.write(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT NEXTVAL('order_seq')");
                         ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                nextNumber = Math.multiplyExact(v, BLOCK);
                blockEnd = nextNumber + BLOCK;
            }
            seq = nextNumber++;
        }
        // [0-9A-Za-z_], unique per stay and across restarts (the sequence is durable), at most 48 characters
        return laneId + "_" + at.getEpochSecond() + "_" + seq;
    }

    @Override
    public void recordEntry(ParkingOrder order, int emptySpaces) {
        recordEntry(order, emptySpaces, -1);
    }

    @Override
    public boolean recordEntry(ParkingOrder order, int emptySpaces, long intakeId) {
        db.write(c -> {
            // each earlier stay of the plate still inside is superseded on its own, so that its lane's count goes
            // down exactly once even when another booth closes it at the same moment
            List<String[]> earlier = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT order_id, entry_lane FROM parking_order WHERE plate = ? AND status = 'IN_LOT'")) {
                ps.setString(1, order.plate());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        earlier.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            for (String[] old : earlier) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE parking_order SET status = 'SUPERSEDED',"
                        + " remark = ? WHERE order_id = ? AND status = 'IN_LOT'")) {
                    ps.setString(1, "superseded by " + order.orderId());
                    ps.setString(2, old[0]);
                    if (ps.executeUpdate() == 1) {
                        LotIndex.count(c, old[1], -1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO parking_order (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, order);
                ps.executeUpdate();
            }
            if (order.status() == OrderStatus.IN_LOT) {
                LotIndex.count(c, order.entryLaneId(), 1);
            }
            uplinks.entered(c, order, emptySpaces);
            JdbcIntakeJournal.settle(c, intakeId); // lane3: the read is decided exactly when its stay is stored
            c.commit();
            lot.removePlate(order.plate());
            if (order.status() == OrderStatus.IN_LOT) {
                lot.add(car(order));
            }
            return null;
        });
        uplinks.committed();
        return intakeId >= 0;
    }

    @Override
    public void recordExit(ParkingOrder closed, int emptySpaces) {
        recordExit(closed, emptySpaces, -1);
    }

    @Override
    public boolean recordExit(ParkingOrder closed, int emptySpaces, long intakeId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE parking_order SET status = ?, exit_lane = ?,"
                    + " out_time = ?, due_fen = ?, paid_fen = ?, pay_method = ?, exit_operator = ?, exit_image = ?,"
                    + " remark = ?, car_kind = ?, discount_fen = ?, free_reason = ?, exit_plate_read = ?,"
                    + " car_type = ? WHERE order_id = ? AND status = 'IN_LOT'")) {
                ps.setString(1, closed.status().name());
                ps.setString(2, closed.exitLaneId());
                ps.setObject(3, time(closed.outTime()));
                ps.setLong(4, closed.dueFen());
                ps.setLong(5, closed.paidFen());
                ps.setString(6, closed.paymentMethod() == null ? null : closed.paymentMethod().name());
                ps.setString(7, closed.exitOperator());
                ps.setString(8, closed.exitImage());
                ps.setString(9, closed.remark());
                ps.setString(10, closed.kind().name());
                ps.setLong(11, closed.discountFen());
                ps.setString(12, closed.freeReason());
                ps.setString(13, closed.exitPlateRead());
                // proto3: the class the stay was priced with at the exit (the attendant may have switched it)
                ps.setString(14, closed.carType());
                ps.setString(15, closed.orderId());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("order " + closed.orderId() + " is not in the lot any more");
                }
            }
            LotIndex.count(c, entryLane(c, closed), -1);
            uplinks.exited(c, closed, emptySpaces);
            JdbcIntakeJournal.settle(c, intakeId);
            c.commit();
            lot.remove(closed.orderId());
            return null;
        });
        uplinks.committed();
        return intakeId >= 0;
    }

    /** The entry lane as stored (the closed order carries it; the row is the truth). */
    private static String entryLane(Connection c, ParkingOrder closed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT entry_lane FROM parking_order WHERE order_id = ?")) {
            ps.setString(1, closed.orderId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : closed.entryLaneId();
            }
        }
    }

    @Override
    public Optional<ParkingOrder> find(String orderId) {
        return db.read(c -> one(c, "SELECT " + COLUMNS + " FROM parking_order WHERE order_id = ?", orderId));
    }

    @Override
    public Optional<ParkingOrder> findInLot(String plate) {
        Optional<LotIndex.Car> car = lot.newest(plate);
        if (car.isEmpty()) {
            if (!shared) {
                return Optional.empty();
            }
            // another booth's car may have come in since the last refresh: the database decides
            return db.read(c -> one(c, "SELECT " + COLUMNS + " FROM parking_order WHERE plate = ? AND status = 'IN_LOT'"
                    + " ORDER BY in_time DESC LIMIT 1", plate));
        }
        Optional<ParkingOrder> row = find(car.get().orderId());
        if (row.isPresent() && row.get().status() == OrderStatus.IN_LOT && row.get().plate().equals(plate)) {
            return row;
        }
        // a write committed between the two reads: ask H2
        return db.read(c -> one(c, "SELECT " + COLUMNS + " FROM parking_order WHERE plate = ? AND status = 'IN_LOT'"
                + " ORDER BY in_time DESC LIMIT 1", plate));
    }

    @Override
    public List<ParkingOrder> inLot() {
        return db.read(c -> list(c, "SELECT " + COLUMNS + " FROM parking_order WHERE status = 'IN_LOT'"
                + " ORDER BY in_time"));
    }

    @Override
    public int countInLot() {
        if (shared) {
            return db.read(c -> LotIndex.countsPerLane(c).values().stream().mapToInt(Integer::intValue).sum());
        }
        return lot.size();
    }

    @Override
    public List<ParkingOrder> recent(int limit) {
        return db.read(c -> list(c, "SELECT " + COLUMNS + " FROM parking_order"
                + " ORDER BY COALESCE(out_time, in_time) DESC LIMIT " + Math.max(1, limit)));
    }

    @Override
    public java.util.Set<String> inLotPlates() {
        // a live view that narrows itself for the exit's PlateMatcher (IndexedPlates): no H2 read, no copy
        return lot.plates();
    }

    @Override
    public int countInLot(Collection<String> plates) {
        if (plates.isEmpty()) {
            return 0;
        }
        if (!shared) {
            return lot.count(plates);
        }
        List<String> list = List.copyOf(plates);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM parking_order WHERE status = 'IN_LOT'"
                    + " AND plate IN (" + String.join(", ", Collections.nCopies(list.size(), "?")) + ")")) {
                for (int i = 0; i < list.size(); i++) {
                    ps.setString(i + 1, list.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public List<ParkingOrder> searchInLot(String fragment, int limit) {
        String f = fragment.trim().toUpperCase(java.util.Locale.ROOT);
        List<ParkingOrder> out = new ArrayList<>();
        for (LotIndex.Car car : lot.matching(p -> p.toUpperCase(java.util.Locale.ROOT).contains(f), Math.max(1, limit))) {
            find(car.orderId()).filter(o -> o.status() == OrderStatus.IN_LOT).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public boolean recordPrepayment(String tradeNo, String orderId, long fen, Instant paidAt, Instant received) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM prepayment WHERE trade_no = ?")) {
                ps.setString(1, tradeNo);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO prepayment (trade_no, order_id, amount_fen,"
                    + " paid_at, received) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, tradeNo);
                ps.setString(2, orderId);
                ps.setLong(3, fen);
                ps.setObject(4, time(paidAt));
                ps.setObject(5, time(received));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE parking_order SET prepaid_fen = prepaid_fen + ?,"
                    + " prepaid_at = ? WHERE order_id = ? AND status = 'IN_LOT'")) {
                ps.setLong(1, fen);
                ps.setObject(2, time(paidAt));
                ps.setString(3, orderId);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("order " + orderId + " is not in the lot");
                }
            }
            return true;
        });
    }

    @Override
    public ParkingOrder correctPlate(String orderId, String newPlate) {
        return db.write(c -> {
            String oldPlate = one(c, "SELECT " + COLUMNS + " FROM parking_order WHERE order_id = ?", orderId)
                    .map(ParkingOrder::plate).orElse(null);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE parking_order SET plate = ? WHERE order_id = ? AND status = 'IN_LOT'")) {
                ps.setString(1, newPlate);
                ps.setString(2, orderId);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("order " + orderId + " is not in the lot");
                }
            }
            ParkingOrder corrected = one(c, "SELECT " + COLUMNS + " FROM parking_order WHERE order_id = ?", orderId)
                    .orElseThrow();
            if (oldPlate != null && !oldPlate.equals(newPlate)) {
                uplinks.corrected(c, oldPlate, corrected); // proto: the cloud learns the plate
            }
            c.commit();
            uplinks.committed();
            lot.replate(orderId, newPlate);
            return corrected;
        });
    }

    private static LotIndex.Car car(ParkingOrder o) {
        return new LotIndex.Car(o.orderId(), o.plate(), o.entryLaneId(), o.inTime());
    }

    private static Optional<ParkingOrder> one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static List<ParkingOrder> list(Connection c, String sql) throws SQLException {
        List<ParkingOrder> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, ParkingOrder o) throws SQLException {
        ps.setString(1, o.orderId());
        ps.setString(2, o.plate());
        ps.setString(3, o.carType());
        ps.setString(4, o.entryLaneId());
        ps.setObject(5, time(o.inTime()));
        ps.setString(6, o.entryOperator());
        ps.setString(7, o.entryImage());
        ps.setString(8, o.status().name());
        ps.setString(9, o.exitLaneId());
        if (o.outTime() == null) {
            ps.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(10, time(o.outTime()));
        }
        ps.setLong(11, o.dueFen());
        ps.setLong(12, o.paidFen());
        ps.setString(13, o.paymentMethod() == null ? null : o.paymentMethod().name());
        ps.setString(14, o.exitOperator());
        ps.setString(15, o.exitImage());
        ps.setString(16, o.remark());
        ps.setString(17, o.kind().name());
        ps.setString(18, o.cardId());
        ps.setLong(19, o.prepaidFen());
        ps.setObject(20, time(o.prepaidAt()));
        ps.setLong(21, o.discountFen());
        ps.setString(22, o.freeReason());
        ps.setString(23, o.exitPlateRead());
    }

    private static ParkingOrder map(ResultSet rs) throws SQLException {
        String method = rs.getString("pay_method");
        return new ParkingOrder(rs.getString("order_id"), rs.getString("plate"), rs.getString("car_type"),
                rs.getString("entry_lane"), instant(rs, "in_time"), rs.getString("entry_operator"),
                rs.getString("entry_image"), OrderStatus.valueOf(rs.getString("status")), rs.getString("exit_lane"),
                instant(rs, "out_time"), rs.getLong("due_fen"), rs.getLong("paid_fen"),
                method == null ? null : PaymentMethod.valueOf(method), rs.getString("exit_operator"),
                rs.getString("exit_image"), rs.getString("remark"), CarKind.valueOf(rs.getString("car_kind")),
                rs.getString("card_id"), rs.getLong("prepaid_fen"), instant(rs, "prepaid_at"),
                rs.getLong("discount_fen"), rs.getString("free_reason"), rs.getString("exit_plate_read"));
    }

    static OffsetDateTime time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
