package com.boothdesk.app.store.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.plate.MatchSettings;
import com.boothdesk.app.domain.plate.PlateCandidate;
import com.boothdesk.app.domain.plate.PlateMatcher;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.Database;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxEntry;

/**
 * The back office's reads of the stored stays and barrier movements: the history search (plate exact, fuzzy or as a
 * fragment, time range, lane, attendant, payment kind, outcome), an order's whole story, the gate events, and the
 * filter choices. Reads run on the caller's thread (the UI executor), never on the writer thread.
 *
 * <p>A fuzzy search ranks the distinct stored plates (and the plates read at the exits) with the exit's own
 * {@link PlateMatcher} — one character different or confusable, one missing or extra, the province ignored — and
 * then reads the stays of the plates that matched, so a misread finds its car however many stays the year holds.
 */
public final class JdbcHistory {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcHistory.class);

    static final String COLUMNS = "order_id, plate, exit_plate_read, car_kind, entry_lane, in_time, entry_operator,"
            + " entry_image, status, exit_lane, out_time, exit_operator, exit_image, due_fen, paid_fen, prepaid_fen,"
            + " discount_fen, pay_method, free_reason, remark";
    /** At most this many plates of a fuzzy match go into one query (best first). */
    private static final int MAX_FUZZY_PLATES = 200;
    /** A fragment search by the plate pool when at most this many plates hold the fragment (else LIKE). */
    private static final int MAX_FRAGMENT_PLATES = 500;
    /** At most this many stays of the matched plates are considered (newest entry first after that). */
    private static final int MAX_PLATE_STAYS = 20_000;

    private final Database db;
    private final JdbcOutbox outbox;
    private final PlateMatcher matcher;

    public JdbcHistory(Database db, JdbcOutbox outbox) {
        this(db, outbox, MatchSettings.defaults());
    }

    /** @param match how forgiving the fuzzy search is (the site's match tolerance) */
    public JdbcHistory(Database db, JdbcOutbox outbox, MatchSettings match) {
        this.db = Objects.requireNonNull(db, "db");
        this.outbox = outbox;
        this.matcher = new PlateMatcher(match.withMaxCandidates(MAX_FUZZY_PLATES));
    }

    // ---- search -------------------------------------------------------------------------------------------------

    /** The stays matching {@code q}, best match first for a typed plate, then newest entry first. */
    public List<HistoryRow> search(HistoryQuery q) {
        List<HistoryRow> out = new ArrayList<>();
        run(q, q.limit(), out::add);
        if (q.plate() != null && q.plateMode() == HistoryQuery.PlateMode.FUZZY) {
            out.sort(Comparator.comparingInt(HistoryRow::match).reversed()
                    .thenComparing(HistoryRow::inTime, Comparator.reverseOrder()));
        }
        return out;
    }

    /** Every stay matching {@code q} (the limit ignored), newest entry first, handed one by one (exports). */
    public void stream(HistoryQuery q, Consumer<HistoryRow> sink) {
        run(q, Integer.MAX_VALUE, sink);
    }

    /** How many stays match {@code q} (the limit ignored). */
    public long count(HistoryQuery q) {
        long[] n = {0};
        Where w = where(q);
        if (w == null) {
            return 0;
        }
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM parking_order" + w.sql)) {
                w.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n[0] = rs.getLong(1);
                }
            }
            return null;
        });
        return n[0];
    }

    /** One stay by its order id. */
    public Optional<HistoryRow> order(String orderId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM parking_order WHERE order_id = ?")) {
                ps.setString(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs, 0, "")) : Optional.<HistoryRow>empty();
                }
            }
        });
    }

    private void run(HistoryQuery q, int limit, Consumer<HistoryRow> sink) {
        long t0 = System.nanoTime();
        Where w = where(q);
        if (w == null) {
            return;
        }
        int[] n = {0};
        db.read(c -> {
            String sql = "SELECT " + COLUMNS + " FROM parking_order" + w.sql + " ORDER BY in_time DESC"
                    + (limit == Integer.MAX_VALUE ? "" : " LIMIT " + limit);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(500);
                w.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        HistoryRow row = map(rs, 0, "");
                        if (w.scores != null) {
                            PlateCandidate best = w.best(row);
                            row = row.matched(best == null ? 0 : best.score(), best == null ? "" : best.why());
                        } else if (q.plate() != null) {
                            row = row.matched(100, "");
                        }
                        sink.accept(row);
                        n[0]++;
                    }
                }
            }
            return null;
        });
        LOG.debug("History search {} → {} row(s) in {} ms", q, n[0], (System.nanoTime() - t0) / 1_000_000);
    }

    /** The WHERE clause of {@code q}; null when a typed plate matches nothing at all. */
    private Where where(HistoryQuery q) {
        Where w = new Where();
        if (q.plate() != null) {
            String typed = PlateMatcher.normalize(q.plate());
            if (typed.isEmpty()) {
                return null;
            }
            switch (q.plateMode()) {
                case EXACT -> {
                    if (!w.ids(ids(Set.of(typed)))) {
                        return null;
                    }
                }
                case CONTAINS -> {
                    Set<String> plates = containing(typed);
                    if (plates != null) {
                        if (!w.ids(ids(plates))) {
                            return null;
                        }
                        break;
                    }
                    // a fragment most plates hold (one letter): the database's own LIKE over the stays
                    String like = "%" + typed.replace("\\", "\\\\").replace("%", "\\%") + "%";
                    w.and("(plate LIKE ? ESCAPE '\\' OR exit_plate_read LIKE ? ESCAPE '\\')");
                    w.args.add(like);
                    w.args.add(like);
                }
                case FUZZY -> {
                    Map<String, PlateCandidate> near = fuzzyPlates(typed);
                    if (near.isEmpty()) {
                        return null;
                    }
                    if (!w.ids(ids(near.keySet()))) {
                        return null;
                    }
                    w.scores = near;
                }
                default -> throw new IllegalStateException();
            }
        }
        if (q.from() != null) {
            w.and("in_time >= ?");
            w.args.add(time(q.from()));
        }
        if (q.to() != null) {
            w.and("in_time < ?");
            w.args.add(time(q.to()));
        }
        if (q.lane() != null) {
            w.and("(entry_lane = ? OR exit_lane = ?)");
            w.args.add(q.lane());
            w.args.add(q.lane());
        }
        if (q.attendant() != null) {
            w.and("(entry_operator = ? OR exit_operator = ?)");
            w.args.add(q.attendant());
            w.args.add(q.attendant());
        }
        if (q.payment() != null) {
            w.and("pay_method = ?");
            w.args.add(q.payment().name());
        }
        if (q.outcome() != null) {
            switch (q.outcome()) {
                case IN_LOT -> w.and("status = 'IN_LOT'");
                case SUPERSEDED -> w.and("status = 'SUPERSEDED'");
                case FREE -> w.and("status = 'CLOSED' AND pay_method = 'FREE'");
                case PAID -> w.and("status = 'CLOSED' AND (pay_method IS NULL OR pay_method <> 'FREE')");
                default -> throw new IllegalStateException();
            }
        }
        return w;
    }

    /**
     * The distinct plates (stored or read) holding the typed fragment, from the pool the database keeps; null when
     * more than {@link #MAX_FRAGMENT_PLATES} do (then the stays are searched with LIKE instead).
     */
    private Set<String> containing(String typed) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : HistoryPlates.of(db).current(db)) {
            if (PlateMatcher.normalize(p).contains(typed)) {
                out.add(p);
                if (out.size() > MAX_FRAGMENT_PLATES) {
                    return null;
                }
            }
        }
        return out;
    }

    /**
     * The order ids of the stays of these plates, stored or read at the exit: two index lookups (an OR over the two
     * columns would scan the table), so a plate search stays fast on a year of stays.
     */
    private List<String> ids(Set<String> plates) {
        List<String> out = new ArrayList<>();
        if (plates.isEmpty()) {
            return out;
        }
        String marks = String.join(",", java.util.Collections.nCopies(plates.size(), "?"));
        db.read(c -> {
            for (String column : new String[] {"plate", "exit_plate_read"}) {
                try (PreparedStatement ps = c.prepareStatement("SELECT order_id FROM parking_order WHERE " + column
                        + " IN (" + marks + ")")) {
                    int i = 1;
                    for (String p : plates) {
                        ps.setString(i++, p);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next() && out.size() < MAX_PLATE_STAYS) {
                            out.add(rs.getString(1));
                        }
                    }
                }
            }
            return null;
        });
        return out;
    }

    /**
     * The distinct stored plates (and exit reads) the matcher takes for {@code typed}, with their scores. The plates
     * come from {@code history_plate} (kept by the database, V130) through {@link HistoryPlates}, caught up with
     * what was added since the last search: no scan of the stays.
     */
    private Map<String, PlateCandidate> fuzzyPlates(String typed) {
        HistoryPlates pool = HistoryPlates.of(db);
        List<String> plates = pool.current(db);
        Map<String, PlateCandidate> out = new java.util.LinkedHashMap<>();
        if (pool.contains(typed)) {
            // the exact plate first, then the near ones (rank gives only the exact when there is one)
            out.put(typed, new PlateCandidate(typed, 100, true, "完全一致"));
        }
        Collection<String> others = out.isEmpty() ? plates : new Without(plates, typed);
        for (PlateCandidate c : matcher.rank(typed, others)) {
            out.putIfAbsent(c.plate(), c);
        }
        LOG.debug("Fuzzy plate {} among {} distinct plates: {}", SafeText.plate(typed), plates.size(), out.keySet());
        return out;
    }

    /** {@code plates} without one plate, as a view (the pool is not copied for each search). */
    private static final class Without extends java.util.AbstractCollection<String> {
        private final List<String> plates;
        private final String left;

        Without(List<String> plates, String left) {
            this.plates = plates;
            this.left = left;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return plates.stream().filter(p -> !p.equals(left)).iterator();
        }

        @Override
        public int size() {
            return plates.size() - 1;
        }
    }

    private static void distinct(Connection c, String sql, Set<String> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(2000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String p = rs.getString(1);
                    if (p != null && !p.isEmpty()) {
                        into.add(p);
                    }
                }
            }
        }
    }

    private static final class Where {
        final StringBuilder clause = new StringBuilder();
        final List<Object> args = new ArrayList<>();
        Map<String, PlateCandidate> scores;
        String sql = "";

        void and(String condition) {
            clause.append(clause.length() == 0 ? " WHERE " : " AND ").append(condition);
            sql = clause.toString();
        }

        /** Restricts to these order ids; false when there are none (nothing can match). */
        boolean ids(List<String> ids) {
            if (ids.isEmpty()) {
                return false;
            }
            Set<String> unique = new LinkedHashSet<>(ids);
            and("order_id IN (" + String.join(",", java.util.Collections.nCopies(unique.size(), "?")) + ")");
            args.addAll(unique);
            return true;
        }

        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
        }

        PlateCandidate best(HistoryRow r) {
            PlateCandidate a = scores.get(r.plate());
            PlateCandidate b = r.readPlate() == null ? null : scores.get(r.readPlate());
            if (a == null) {
                return b;
            }
            return b == null || a.score() >= b.score() ? a : b;
        }
    }

    // ---- an order's story ---------------------------------------------------------------------------------------

    /**
     * Everything that happened to one stay, in time order: entry, prepayments, the plate corrected or matched at the
     * exit, barrier movements with what the device confirmed, the exit and its payment, the pictures queued for the
     * cloud, and every message for the cloud with its delivery state. Empty when there is no such order.
     */
    public List<StoryEvent> story(String orderId) {
        Optional<HistoryRow> found = order(orderId);
        if (found.isEmpty()) {
            return List.of();
        }
        HistoryRow o = found.get();
        List<StoryEvent> out = new ArrayList<>();
        out.add(new StoryEvent(o.inTime(), StoryEvent.Kind.ENTRY, "入场 " + o.entryLane(),
                "车牌 " + o.plate() + "，" + o.kind().label() + "，操作员 " + nz(o.entryOperator()), o.entryImage()));
        List<Long> gateIds = new ArrayList<>();
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT trade_no, amount_fen, paid_at FROM prepayment"
                    + " WHERE order_id = ? ORDER BY paid_at")) {
                ps.setString(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoryEvent(instant(rs, "paid_at"), StoryEvent.Kind.PAYMENT,
                                "场内预付 " + yuan(rs.getLong("amount_fen")), "交易号 " + rs.getString("trade_no"),
                                null));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, lane_id, at, action, cause, operator, reason,"
                    + " image, outcome, outcome_detail FROM gate_event WHERE order_id = ? ORDER BY at, id")) {
                ps.setString(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        gateIds.add(rs.getLong("id"));
                        String reason = rs.getString("reason");
                        String detail = rs.getString("outcome_detail");
                        out.add(new StoryEvent(instant(rs, "at"), StoryEvent.Kind.GATE,
                                "道闸 " + rs.getString("lane_id") + " " + zh(rs.getString("action")) + "（"
                                        + zh(rs.getString("cause")) + "）",
                                "设备 " + zh(rs.getString("outcome")) + (detail == null || detail.isEmpty() ? ""
                                        : " " + detail) + "，操作员 " + rs.getString("operator")
                                        + (reason == null || reason.isEmpty() ? "" : "，原因 " + reason),
                                rs.getString("image")));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT in_or_out, image_ref, status, attempts, taken_at,"
                    + " last_error FROM picture_upload WHERE order_id = ? ORDER BY id")) {
                ps.setString(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String err = rs.getString("last_error");
                        out.add(new StoryEvent(instant(rs, "taken_at"), StoryEvent.Kind.PICTURE,
                                "图片上传 " + zh("pic_" + nz(rs.getString("in_or_out"))) + " "
                                        + zh(rs.getString("status")),
                                "尝试 " + rs.getInt("attempts") + " 次" + (err == null ? "" : "，" + err),
                                rs.getString("image_ref")));
                    }
                }
            }
            return null;
        });
        if (o.readPlate() != null && !o.readPlate().equals(o.plate())) {
            out.add(new StoryEvent(o.outTime() == null ? o.inTime() : o.outTime(), StoryEvent.Kind.CORRECTION,
                    "车牌 " + o.readPlate() + " → " + o.plate(), "出口识别为 " + o.readPlate()
                    + "，按模糊匹配或人工更正找到此订单", null));
        }
        if (o.outTime() != null) {
            String money = "应收 " + yuan(o.dueFen()) + "，实收 " + yuan(o.paidFen())
                    + (o.prepaidFen() > 0 ? "，预付 " + yuan(o.prepaidFen()) : "")
                    + (o.discountFen() > 0 ? "，减免 " + yuan(o.discountFen()) : "")
                    + (o.payment() == null ? "" : "，" + zh("pay_" + o.payment().name()))
                    + (o.freeReason() == null ? "" : "，免费原因 " + o.freeReason());
            out.add(new StoryEvent(o.outTime(), StoryEvent.Kind.EXIT, "出场 " + nz(o.exitLane()),
                    money + "，操作员 " + nz(o.exitOperator()), o.exitImage()));
        }
        if (outbox != null) {
            List<OutboxEntry> msgs = new ArrayList<>(outbox.byOrderKey(orderId));
            for (long id : gateIds) {
                msgs.addAll(outbox.byOrderKey("liftrod_" + id));
            }
            for (OutboxEntry m : msgs) {
                out.add(new StoryEvent(m.createdAt(), StoryEvent.Kind.CLOUD, "云端消息 " + m.serviceName(),
                        zh(m.status().name()) + "，尝试 " + m.attempts() + " 次"
                                + (m.lastError() == null ? "" : "，" + SafeText.of(m.lastError(), 120)), null));
            }
        }
        out.sort(Comparator.comparing(StoryEvent::at));
        return out;
    }

    // ---- gate events --------------------------------------------------------------------------------------------

    /** Barrier movements in {@code [from, to)} (either may be null), newest first; optionally only manual ones. */
    public List<GateRow> gateEvents(Instant from, Instant to, String lane, String operator, boolean manualOnly,
                                    int limit) {
        Where w = new Where();
        if (from != null) {
            w.and("at >= ?");
            w.args.add(time(from));
        }
        if (to != null) {
            w.and("at < ?");
            w.args.add(time(to));
        }
        if (lane != null && !lane.isBlank()) {
            w.and("lane_id = ?");
            w.args.add(lane.trim());
        }
        if (operator != null && !operator.isBlank()) {
            w.and("operator = ?");
            w.args.add(operator.trim());
        }
        if (manualOnly) {
            w.and("cause = 'MANUAL'");
        }
        int n = Math.max(1, Math.min(HistoryQuery.MAX_LIMIT, limit));
        return db.read(c -> {
            List<GateRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, lane_id, at, action, cause, operator, order_id,"
                    + " reason, image, outcome, outcome_detail FROM gate_event" + w.sql
                    + " ORDER BY at DESC, id DESC LIMIT " + n)) {
                w.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new GateRow(rs.getLong("id"), rs.getString("lane_id"), instant(rs, "at"),
                                rs.getString("action"), rs.getString("cause"), rs.getString("operator"),
                                rs.getString("order_id"), rs.getString("reason"), rs.getString("image"),
                                rs.getString("outcome"), rs.getString("outcome_detail")));
                    }
                }
            }
            return out;
        });
    }

    // ---- filter choices -----------------------------------------------------------------------------------------

    /** The lanes that appear in the history (entry and exit), sorted. */
    public List<String> lanes() {
        return choices("SELECT DISTINCT entry_lane FROM parking_order UNION SELECT DISTINCT exit_lane FROM"
                + " parking_order WHERE exit_lane IS NOT NULL");
    }

    /** The attendants that appear in the history (entry and exit), sorted. */
    public List<String> attendants() {
        return choices("SELECT DISTINCT entry_operator FROM parking_order WHERE entry_operator IS NOT NULL UNION"
                + " SELECT DISTINCT exit_operator FROM parking_order WHERE exit_operator IS NOT NULL");
    }

    private List<String> choices(String sql) {
        Set<String> out = new java.util.TreeSet<>();
        db.read(c -> {
            distinct(c, sql, out);
            return null;
        });
        return List.copyOf(out);
    }

    // ---- mapping ------------------------------------------------------------------------------------------------

    private static HistoryRow map(ResultSet rs, int match, String why) throws SQLException {
        String method = rs.getString("pay_method");
        return new HistoryRow(rs.getString("order_id"), rs.getString("plate"), rs.getString("exit_plate_read"),
                CarKind.valueOf(rs.getString("car_kind")), rs.getString("entry_lane"), instant(rs, "in_time"),
                rs.getString("entry_operator"), rs.getString("entry_image"),
                OrderStatus.valueOf(rs.getString("status")), rs.getString("exit_lane"), instant(rs, "out_time"),
                rs.getString("exit_operator"), rs.getString("exit_image"), rs.getLong("due_fen"),
                rs.getLong("paid_fen"), rs.getLong("prepaid_fen"), rs.getLong("discount_fen"),
                method == null ? null : PaymentMethod.valueOf(method), rs.getString("free_reason"),
                rs.getString("remark"), match, why);
    }

    static OffsetDateTime time(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static String yuan(long fen) {
        return (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + String.format("%02d", Math.abs(fen) % 100) + "元";
    }

    /** The stored enum words of a story in the operator's words (Chinese first; an unknown word as stored). */
    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("OPEN", "抬杆"),
            Map.entry("CLOSE", "落杆"), Map.entry("KEEP_OPEN", "常开"), Map.entry("RELEASE_KEEP_OPEN", "取消常开"),
            Map.entry("ENTRY_ACCEPTED", "入场放行"), Map.entry("EXIT_PAID", "缴费放行"), Map.entry("EXIT_FREE", "免费放行"),
            Map.entry("MANUAL", "手动"), Map.entry("CONFIRMED", "已确认"), Map.entry("SENT", "已发送"),
            Map.entry("FAILED", "失败"), Map.entry("PENDING", "待发送"), Map.entry("ACKNOWLEDGED", "云端已确认"),
            Map.entry("pay_CASH", "现金"), Map.entry("pay_ELECTRONIC", "扫码"), Map.entry("pay_MONTHLY", "月卡"),
            Map.entry("pay_PREPAID", "预付"), Map.entry("pay_FREE", "免费"), Map.entry("pay_STORED_VALUE", "储值"),
            Map.entry("pay_NONE", "无"), Map.entry("pic_in", "入场"), Map.entry("pic_out", "出场"), Map.entry("pic_", ""));

    static String zh(String word) {
        return word == null ? "" : WORDS.getOrDefault(word, word);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** For tests: how many distinct plates the store holds (the fuzzy search's pool). */
    int distinctPlates() {
        Set<String> s = new java.util.HashSet<>();
        db.read(c -> {
            distinct(c, "SELECT DISTINCT plate FROM parking_order", s);
            return null;
        });
        return s.size();
    }
}
