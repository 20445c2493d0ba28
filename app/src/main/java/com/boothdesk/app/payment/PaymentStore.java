package com.boothdesk.app.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.StoreException;

/**
 * The payment events of the booth in H2 ({@code payment_record}, V90): each kind, trade number and state once, so a
 * message the cloud sends again is answered again and never applied twice; and the 4.2 balances
 * ({@code member_balance}). Times are stored as UTC timestamps.
 *
 * <p>On a site database whose server is down, the writes go to the booth's outage journal ({@link WhileDown}, kept
 * with the database by the outage mode) and are replayed in order when it is back ({@link #replay}); the reads the
 * exit path makes answer from nothing (no record, no kept balance) instead of failing.
 */
public final class PaymentStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The outage mode's seam for these writes (site.outage, kept with the database with {@link Database#shared}):
     * {@code route} runs the site's write while up and {@code local} while down; {@code journal} appends a body.
     */
    public interface WhileDown {
        <T> T route(java.util.function.Supplier<T> site, java.util.function.Supplier<T> local);

        <T> T read(java.util.function.Supplier<T> site, java.util.function.Supplier<T> local);

        /** Journals a payment write; false when an entry with the same {@code ref} waits already (a resend). */
        boolean journal(String ref, String body);
    }

    private final Database db;

    public PaymentStore(Database db) {
        this.db = db;
    }

    private <T> T write(Database.SqlWork<T> work, String ref, String body, java.util.function.Supplier<T> journaled) {
        Optional<WhileDown> w = db.sharedIfMade(WhileDown.class);
        if (w.isEmpty()) {
            return db.write(work);
        }
        return w.get().route(() -> db.write(work), () -> {
            boolean fresh = w.get().journal(ref, body);
            return fresh ? journaled.get() : null;
        });
    }

    private <T> T read(Database.SqlWork<T> work, java.util.function.Supplier<T> whileDown) {
        Optional<WhileDown> w = db.sharedIfMade(WhileDown.class);
        if (w.isEmpty()) {
            return db.read(work);
        }
        return w.get().read(() -> db.read(work), whileDown);
    }

    /** The coupon ids of the cloud's fee reductions (3.25 / 3.36): kept as coupons, never uploaded as 2.29. */
    public static final String REDUCTION_PREFIX = "pay_notice:";

    /**
     * A reduction the cloud tells the booth to take off a stay's fee (3.36 charging discount, a 3.25 deduction): kept
     * as an amount coupon bound to the stay, so the exit's price takes it off as it takes a merchant's coupon.
     */
    public void reduction(String uuid, String plate, String orderId, long fen, String what, Instant at,
                          java.time.Clock clock) {
        var coupon = new com.boothdesk.app.domain.lists.IssuedCoupon(com.boothdesk.app.domain.fee.Coupon.amount(
                REDUCTION_PREFIX + uuid, fen), plate, orderId, 0, false, what, what);
        ObjectNode n = op("reduction");
        n.put("uuid", uuid);
        n.put("plate", plate);
        n.put("orderId", orderId);
        n.put("fen", fen);
        n.put("what", what);
        n.put("at", at.toString());
        write(c -> {
            new com.boothdesk.app.store.lists.JdbcListStore(clock).saveCoupon(c, coupon);
            return null;
        }, "reduction:" + uuid, n.toString(), () -> null);
    }

    /**
     * Records the event unless the same kind, trade number and state is there already. Returns true when it was new
     * (the caller applies its effect only then).
     */
    public boolean record(PaymentRecord r) {
        String ref = r.tradeNo() == null ? null : "record:" + r.kind() + ":" + r.state() + ":" + r.tradeNo();
        Boolean fresh = write(c -> recordIn(c, r), ref, body(r), () -> true);
        return fresh != null && fresh;
    }

    /** As {@link #record}, inside the caller's transaction. */
    public static boolean recordIn(Connection c, PaymentRecord r) throws SQLException {
        if (r.tradeNo() != null) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM payment_record WHERE kind = ? AND trade_no = ?"
                    + " AND state = ?")) {
                ps.setString(1, r.kind().name());
                ps.setString(2, r.tradeNo());
                ps.setInt(3, r.state());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO payment_record (kind, trade_no, order_id, lane_id,"
                + " plate, state, pay_type, channel, amount_fen, arrive_fen, fee_fen, operator, detail, received)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.kind().name());
            ps.setString(2, cut(r.tradeNo(), 64));
            ps.setString(3, cut(r.orderId(), 48));
            ps.setString(4, cut(r.laneId(), 16));
            ps.setString(5, cut(r.plate(), 16));
            ps.setInt(6, r.state());
            ps.setString(7, cut(r.payType(), 16));
            ps.setString(8, cut(r.channel(), 16));
            ps.setLong(9, r.amountFen());
            setLong(ps, 10, r.arriveFen());
            setLong(ps, 11, r.feeFen());
            ps.setString(12, cut(r.operator(), 32));
            ps.setString(13, cut(r.detail(), 256));
            ps.setTimestamp(14, ts(r.received()));
            ps.executeUpdate();
        }
        return true;
    }

    /** proto4: a record made before its order existed (3.44) gets the order it led to. */
    public void attachOrder(PaymentRecord.Kind kind, String tradeNo, String orderId) {
        ObjectNode n = op("attach");
        n.put("kind", kind.name());
        n.put("tradeNo", tradeNo);
        n.put("orderId", orderId);
        write(c -> attachIn(c, kind, tradeNo, orderId), null, n.toString(), () -> 0);
    }

    private static int attachIn(Connection c, PaymentRecord.Kind kind, String tradeNo, String orderId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE payment_record SET order_id = ? WHERE kind = ?"
                + " AND trade_no = ? AND order_id IS NULL")) {
            ps.setString(1, cut(orderId, 48));
            ps.setString(2, kind.name());
            ps.setString(3, tradeNo);
            return ps.executeUpdate();
        }
    }

    /** Is there a successful record of this kind and trade number? */
    public boolean succeeded(PaymentRecord.Kind kind, String tradeNo) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM payment_record WHERE kind = ? AND trade_no = ?"
                    + " AND state = 1")) {
                ps.setString(1, kind.name());
                ps.setString(2, tradeNo);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }, () -> false);
    }

    /** Every event recorded for an order, oldest first (shown on the order). */
    public List<PaymentRecord> forOrder(String orderId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM payment_record WHERE order_id = ? ORDER BY id")) {
                ps.setString(1, orderId);
                return list(ps);
            }
        }, List::of);
    }

    /** The newest events, newest first. */
    public List<PaymentRecord> recent(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM payment_record ORDER BY id DESC")) {
                ps.setMaxRows(Math.max(1, limit));
                return list(ps);
            }
        });
    }

    /**
     * Successful money received per channel between two instants (refunds and change subtracted), for the shift
     * report: channel name to fen.
     */
    public Map<String, Long> totalsByChannel(Instant from, Instant to) {
        return db.read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, channel, SUM(amount_fen) FROM payment_record"
                    + " WHERE state = 1 AND received >= ? AND received < ? GROUP BY kind, channel ORDER BY channel")) {
                ps.setTimestamp(1, ts(from));
                ps.setTimestamp(2, ts(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        PaymentRecord.Kind kind = PaymentRecord.Kind.valueOf(rs.getString(1));
                        String channel = rs.getString(2) == null ? "unknown" : rs.getString(2);
                        long fen = rs.getLong(3);
                        long signed = kind == PaymentRecord.Kind.REFUND || kind == PaymentRecord.Kind.CHANGE ? -fen
                                : kind == PaymentRecord.Kind.CHARGING || kind == PaymentRecord.Kind.LATER_PAY
                                || kind == PaymentRecord.Kind.FIXED_CHARGE ? 0 : fen;
                        out.merge(channel, signed, Long::sum);
                    }
                }
            }
            return out;
        });
    }

    /** 4.2: keeps the newest balance and no-password flag of a plate. */
    public void balance(String plate, long balanceFen, boolean autopay, Instant at) {
        ObjectNode n = op("balance");
        n.put("plate", plate);
        n.put("fen", balanceFen);
        n.put("autopay", autopay);
        n.put("at", at.toString());
        write(c -> balanceIn(c, plate, balanceFen, autopay, at), null, n.toString(), () -> null);
    }

    /** Keeps the balance unless a newer one is kept (a balance journaled while down is replayed later). */
    private static Void balanceIn(Connection c, String plate, long balanceFen, boolean autopay, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT updated FROM member_balance WHERE plate = ?")) {
            ps.setString(1, plate);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getTimestamp(1) != null && instant(rs.getTimestamp(1)).isAfter(at)) {
                    return null; // a newer balance is kept
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE member_balance SET balance_fen = ?, autopay = ?,"
                + " updated = ? WHERE plate = ?")) {
            ps.setLong(1, balanceFen);
            ps.setBoolean(2, autopay);
            ps.setTimestamp(3, ts(at));
            ps.setString(4, plate);
            if (ps.executeUpdate() == 1) {
                return null;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_balance (plate, balance_fen, autopay,"
                + " updated) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, plate);
            ps.setLong(2, balanceFen);
            ps.setBoolean(3, autopay);
            ps.setTimestamp(4, ts(at));
            ps.executeUpdate();
        }
        return null;
    }

    /** A plate's kept balance. */
    public record Balance(String plate, long balanceFen, boolean autopay, Instant updated) {
    }

    public Optional<Balance> balance(String plate) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT balance_fen, autopay, updated FROM member_balance"
                    + " WHERE plate = ?")) {
                ps.setString(1, plate);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Balance(plate, rs.getLong(1), rs.getBoolean(2),
                            instant(rs.getTimestamp(3)))) : Optional.empty();
                }
            }
        }, Optional::empty);
    }

    // ---- the outage journal's bodies ----------------------------------------------------------------------------

    private static ObjectNode op(String op) {
        ObjectNode n = JSON.createObjectNode();
        n.put("op", op);
        return n;
    }

    /** A payment record as a journal body. */
    static String body(PaymentRecord r) {
        ObjectNode n = op("record");
        n.put("kind", r.kind().name());
        n.put("tradeNo", r.tradeNo());
        n.put("orderId", r.orderId());
        n.put("laneId", r.laneId());
        n.put("plate", r.plate());
        n.put("state", r.state());
        n.put("payType", r.payType());
        n.put("channel", r.channel());
        n.put("amountFen", r.amountFen());
        n.put("arriveFen", r.arriveFen());
        n.put("feeFen", r.feeFen());
        n.put("operator", r.operator());
        n.put("detail", r.detail());
        n.put("received", r.received() == null ? null : r.received().toString());
        return n.toString();
    }

    /**
     * Replays one journaled payment write (in journal order, in {@code c}'s transaction): false when it was there
     * already (a record of the same kind, trade number and state). Rules: a record once; an order attached to a
     * record that has none; a balance kept unless a newer one is; a reduction's coupon saved.
     */
    public static boolean replay(Connection c, String body, java.time.Clock clock) throws SQLException {
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException("unreadable payment journal entry: " + e.getOriginalMessage(), e);
        }
        String op = text(n, "op");
        switch (op == null ? "" : op) {
            case "record" -> {
                return recordIn(c, new PaymentRecord(PaymentRecord.Kind.valueOf(text(n, "kind")), text(n, "tradeNo"),
                        text(n, "orderId"), text(n, "laneId"), text(n, "plate"), n.path("state").asInt(),
                        text(n, "payType"), text(n, "channel"), n.path("amountFen").asLong(), optLong(n, "arriveFen"),
                        optLong(n, "feeFen"), text(n, "operator"), text(n, "detail"),
                        Instant.parse(text(n, "received"))));
            }
            case "attach" -> {
                return attachIn(c, PaymentRecord.Kind.valueOf(text(n, "kind")), text(n, "tradeNo"),
                        text(n, "orderId")) > 0;
            }
            case "balance" -> {
                balanceIn(c, text(n, "plate"), n.path("fen").asLong(), n.path("autopay").asBoolean(),
                        Instant.parse(text(n, "at")));
                return true;
            }
            case "reduction" -> {
                String what = text(n, "what");
                var coupon = new com.boothdesk.app.domain.lists.IssuedCoupon(com.boothdesk.app.domain.fee.Coupon
                        .amount(REDUCTION_PREFIX + text(n, "uuid"), n.path("fen").asLong()), text(n, "plate"),
                        text(n, "orderId"), 0, false, what, what);
                new com.boothdesk.app.store.lists.JdbcListStore(clock).saveCoupon(c, coupon);
                return true;
            }
            case "receipt" -> {
                return com.boothdesk.app.report.ExitReceipts.replay(c, n); // report.ExitReceipts, journaled there
            }
            default -> throw new StoreException("unknown payment journal entry '" + cut(op, 20) + "'", null);
        }
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long optLong(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asLong();
    }

    private static List<PaymentRecord> list(PreparedStatement ps) throws SQLException {
        List<PaymentRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new PaymentRecord(PaymentRecord.Kind.valueOf(rs.getString("kind")), rs.getString("trade_no"),
                        rs.getString("order_id"), rs.getString("lane_id"), rs.getString("plate"), rs.getInt("state"),
                        rs.getString("pay_type"), rs.getString("channel"), rs.getLong("amount_fen"),
                        (Long) rs.getObject("arrive_fen", Long.class), (Long) rs.getObject("fee_fen", Long.class),
                        rs.getString("operator"), rs.getString("detail"), instant(rs.getTimestamp("received"))));
            }
        }
        return out;
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static Timestamp ts(Instant i) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
