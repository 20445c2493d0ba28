package com.boothdesk.app.store.staff;

import com.boothdesk.app.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.lists.Collector;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.staff.Account;
import com.boothdesk.app.domain.staff.CashCount;
import com.boothdesk.app.domain.staff.Confirmation;
import com.boothdesk.app.domain.staff.HandoverRecord;
import com.boothdesk.app.domain.staff.ManualMove;
import com.boothdesk.app.domain.staff.Role;
import com.boothdesk.app.domain.staff.SessionInfo;
import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.domain.staff.ShiftLedger;
import com.boothdesk.app.domain.staff.ShiftOrder;
import com.boothdesk.app.domain.staff.ShiftTotals;
import com.boothdesk.app.domain.staff.StaffStore;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.lists.JdbcListStore;
import com.boothdesk.app.store.lists.ListUplinks;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/**
 * Accounts, sessions, shifts and handovers in H2 (V50). The people are the {@code collector} rows (3.8 syncs them
 * from the cloud, 2.4 uploads the ones made here); {@code staff_account} adds what only the booth knows (role,
 * credential, lock-out). A collector without a staff row is an attendant with no booth password yet. Every change
 * the cloud must hear of is queued in the outbox in the same transaction.
 */
public final class JdbcStaffStore implements StaffStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStaffStore.class);
    private static final String NO_RECORD = "无入场记录:";

    private final Database db;
    private final JdbcOutbox outbox;
    private final JdbcListStore lists;
    private final StaffUplinks uplinks;
    private volatile Runnable uplinkStored = () -> { };

    public JdbcStaffStore(Database db, JdbcOutbox outbox, JdbcListStore lists, StaffUplinks uplinks) {
        this.db = Objects.requireNonNull(db, "db");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.lists = Objects.requireNonNull(lists, "lists");
        this.uplinks = Objects.requireNonNull(uplinks, "uplinks");
    }

    /** Called after each commit that queued an uplink (the dispatcher's wake). */
    public void onUplinkStored(Runnable wake) {
        this.uplinkStored = Objects.requireNonNull(wake, "wake");
    }

    private <T> T writeAndWake(Database.SqlWork<T> work) {
        T r = db.write(work);
        uplinkStored.run();
        return r;
    }

    // ---- accounts ---------------------------------------------------------------------------------------------

    private static final String ACCOUNT_SELECT = "SELECT c.user_id, c.name, c.sex, s.role, s.credential,"
            + " s.failed_logins, s.locked_until FROM collector c LEFT JOIN staff_account s ON s.user_id = c.user_id";

    @Override
    public Optional<Account> account(String userId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(ACCOUNT_SELECT + " WHERE c.user_id = ?")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(account(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Account> accounts() {
        return db.read(c -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ACCOUNT_SELECT + " ORDER BY c.user_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(account(rs));
                }
            }
            return out;
        });
    }

    private static Account account(ResultSet rs) throws SQLException {
        String role = rs.getString("role");
        return new Account(rs.getString("user_id"), rs.getString("name"), rs.getInt("sex"),
                role == null ? Role.ATTENDANT : Role.valueOf(role), rs.getString("credential"),
                rs.getInt("failed_logins"), instant(rs, "locked_until"));
    }

    @Override
    public boolean anyAdmin() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM staff_account"
                    + " WHERE role = 'ADMIN' AND credential IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        });
    }

    @Override
    public void create(Account a, Instant now) {
        writeAndWake(c -> {
            Collector x = new Collector(a.userId(), a.name(), a.sex());
            lists.saveCollector(c, x);
            mergeStaff(c, a, now);
            outbox.enqueue(c, ListUplinks.collector(x, ListUplinks.ADD, now), ListUplinks.key("collector", a.userId()));
            return null;
        });
    }

    @Override
    public void update(Account a, Instant now) {
        writeAndWake(c -> {
            Collector x = new Collector(a.userId(), a.name(), a.sex());
            lists.saveCollector(c, x);
            mergeStaff(c, a, now);
            outbox.enqueue(c, ListUplinks.collector(x, ListUplinks.MODIFY, now),
                    ListUplinks.key("collector", a.userId()));
            return null;
        });
    }

    @Override
    public void delete(String userId, Instant now) {
        writeAndWake(c -> {
            Optional<Collector> x = lists.findCollector(c, userId);
            lists.deleteCollector(c, userId);
            update(c, "DELETE FROM staff_account WHERE user_id = ?", userId);
            update(c, "DELETE FROM staff_session WHERE user_id = ?", userId);
            if (x.isPresent()) {
                outbox.enqueue(c, ListUplinks.collector(x.get(), ListUplinks.DELETE, now),
                        ListUplinks.key("collector", userId));
            }
            return null;
        });
    }

    @Override
    public void saveLoginState(Account a, Instant now) {
        db.write(c -> {
            mergeStaff(c, a, now);
            return null;
        });
    }

    private static void mergeStaff(Connection c, Account a, Instant now) throws SQLException {
        boolean exists;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM staff_account WHERE user_id = ?")) {
            ps.setString(1, a.userId());
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        String sql = exists
                ? "UPDATE staff_account SET role = ?, credential = ?, failed_logins = ?, locked_until = ?,"
                        + " updated_at = ? WHERE user_id = ?"
                : "INSERT INTO staff_account (role, credential, failed_logins, locked_until, updated_at, user_id,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, a.role().name());
            ps.setString(2, a.credential());
            ps.setInt(3, a.failedLogins());
            ps.setObject(4, time(a.lockedUntil()));
            ps.setObject(5, time(now));
            ps.setString(6, a.userId());
            if (!exists) {
                ps.setObject(7, time(now));
            }
            ps.executeUpdate();
        }
    }

    // ---- 3.8 collector_sync (proto4) ---------------------------------------------------------------------------

    /** What a 3.8 collector_sync did to the booth's log-in accounts. */
    public enum CloudChange {
        /** A new account: an attendant with no booth password (it cannot log in until one is set here). */
        CREATED,
        /** Name and sex taken from the cloud; role, password and lock-out stay the booth's. */
        UPDATED,
        /** Deleted in the cloud: no log-in any more (account, password and session removed; shifts kept). */
        DISABLED,
        /** Deleted in the cloud, but it is the booth's last admin with a password: kept, answered state 0. */
        KEPT_LAST_ADMIN,
        /** Deleted in the cloud, unknown here. */
        UNKNOWN
    }

    /**
     * proto4, 3.8 collector_sync on the booth's log-in accounts, inside the caller's transaction. Unlike the booth's
     * own {@link #create} / {@link #update} / {@link #delete}, it queues no 2.4 upload_collector: the change came from
     * the cloud, and echoing it back would loop.
     *
     * @param operateType 1 添加, 2 修改, 3 删除 (the notes' operate_type)
     */
    public static CloudChange applyCloudCollector(Connection c, JdbcListStore lists, String userId, String name,
                                                  int sex, int operateType) throws SQLException {
        Optional<Collector> was = lists.findCollector(c, userId);
        if (operateType == 3) {
            if (was.isEmpty()) {
                return CloudChange.UNKNOWN;
            }
            if (isLastAdmin(c, userId)) {
                LOG.warn("3.8 collector_sync deletes {}, the booth's last admin with a password: kept (the booth must"
                        + " keep one account that can administer it)", userId);
                return CloudChange.KEPT_LAST_ADMIN;
            }
            lists.deleteCollector(c, userId);
            update(c, "DELETE FROM staff_account WHERE user_id = ?", userId);
            update(c, "DELETE FROM staff_session WHERE user_id = ?", userId);
            LOG.info("3.8 collector_sync: account {} disabled by the cloud (no log-in; its shifts stay)", userId);
            return CloudChange.DISABLED;
        }
        lists.saveCollector(c, new Collector(userId, name, sex));
        return was.isPresent() ? CloudChange.UPDATED : CloudChange.CREATED;
    }

    private static boolean isLastAdmin(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM staff_account WHERE role = 'ADMIN'"
                + " AND credential IS NOT NULL")) {
            try (ResultSet rs = ps.executeQuery()) {
                List<String> admins = new ArrayList<>();
                while (rs.next()) {
                    admins.add(rs.getString(1));
                }
                return admins.contains(userId) && admins.size() == 1;
            }
        }
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    @Override
    public Optional<SessionInfo> session(String userId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM staff_session WHERE user_id = ?")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new SessionInfo(rs.getString("user_id"),
                            rs.getString("workstation"), rs.getString("instance"), instant(rs, "since")))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void openSession(SessionInfo s) {
        db.write(c -> {
            try (PreparedStatement ps = Sql.merge(c, "staff_session", "user_id",
                    "user_id, workstation, instance, since")) {
                ps.setString(1, s.userId());
                ps.setString(2, s.workstation());
                ps.setString(3, s.instance());
                ps.setObject(4, time(s.since()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void closeSession(String userId) {
        db.write(c -> update(c, "DELETE FROM staff_session WHERE user_id = ?", userId));
    }

    // ---- shifts -----------------------------------------------------------------------------------------------

    @Override
    public Optional<Shift> openShift(String workstation) {
        return oneShift("SELECT * FROM staff_shift WHERE workstation = ? AND ended_at IS NULL"
                + " ORDER BY started_at DESC LIMIT 1", workstation);
    }

    @Override
    public Optional<Shift> shift(String shiftId) {
        return oneShift("SELECT * FROM staff_shift WHERE shift_id = ?", shiftId);
    }

    @Override
    public Optional<Shift> lastClosed(String workstation) {
        return oneShift("SELECT * FROM staff_shift WHERE workstation = ? AND ended_at IS NOT NULL"
                + " ORDER BY ended_at DESC, started_at DESC LIMIT 1", workstation);
    }

    /** The most recent closed shift of any workstation in this database. */
    public Optional<Shift> lastClosedAnywhere() {
        return oneShift("SELECT * FROM staff_shift WHERE ended_at IS NOT NULL"
                + " ORDER BY ended_at DESC, started_at DESC LIMIT 1");
    }

    @Override
    public List<Shift> shifts(Instant from, Instant to) {
        return db.read(c -> {
            List<Shift> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM staff_shift WHERE started_at >= ?"
                    + " AND started_at < ? ORDER BY started_at DESC")) {
                ps.setObject(1, time(from));
                ps.setObject(2, time(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(shift(rs));
                    }
                }
            }
            return out;
        });
    }

    private Optional<Shift> oneShift(String sql, Object... args) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(shift(rs)) : Optional.empty();
                }
            }
        });
    }

    private static Shift shift(ResultSet rs) throws SQLException {
        return new Shift(rs.getString("shift_id"), rs.getString("user_id"), rs.getString("workstation"),
                instant(rs, "started_at"), instant(rs, "ended_at"), rs.getString("closed_by"));
    }

    @Override
    public void startShift(Shift s) {
        writeAndWake(c -> {
            insertShift(c, s);
            return null;
        });
    }

    private void insertShift(Connection c, Shift s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_shift (shift_id, user_id, workstation,"
                + " started_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, s.shiftId());
            ps.setString(2, s.userId());
            ps.setString(3, s.workstation());
            ps.setObject(4, time(s.startedAt()));
            ps.executeUpdate();
        }
        outbox.enqueue(c, uplinks.onDuty(s), key(s));
    }

    @Override
    public void closeShift(HandoverRecord h, Shift next) {
        Shift s = h.shift();
        writeAndWake(c -> {
            int booked;
            try (PreparedStatement ps = c.prepareStatement("UPDATE parking_order SET shift_id = ? WHERE"
                    + " shift_id IS NULL AND status = 'CLOSED' AND exit_operator = ? AND out_time >= ?"
                    + " AND out_time <= ?")) {
                ps.setString(1, s.shiftId());
                ps.setString(2, s.userId());
                ps.setObject(3, time(s.startedAt()));
                ps.setObject(4, time(s.endedAt()));
                booked = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE staff_shift SET ended_at = ?, closed_by = ?"
                    + " WHERE shift_id = ? AND ended_at IS NULL")) {
                ps.setObject(1, time(s.endedAt()));
                ps.setString(2, h.closedBy());
                ps.setString(3, s.shiftId());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("shift " + s.shiftId() + " is not open");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO shift_handover (shift_id, at, outgoing,"
                    + " incoming, expected_cash, counted_cash, difference_fen, denominations, remark, totals_json,"
                    + " closed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, s.shiftId());
                ps.setObject(2, time(h.at()));
                ps.setString(3, s.userId());
                ps.setString(4, h.incoming());
                ps.setLong(5, h.expectedCashFen());
                ps.setObject(6, h.counted() == null ? null : h.counted().totalFen());
                ps.setObject(7, h.differenceFen());
                ps.setString(8, h.counted() == null ? null : cut(h.counted().describe(), 255));
                ps.setString(9, h.remark());
                ps.setString(10, cut(uplinks.totalsJson(h.totals()), 8000));
                ps.setString(11, h.closedBy());
                ps.executeUpdate();
            }
            outbox.enqueue(c, uplinks.offDuty(s), key(s));
            outbox.enqueue(c, uplinks.handover(h), key(s));
            if (next != null) {
                insertShift(c, next);
            }
            LOG.info("Shift {} closed: {} order(s) booked to it", s.shiftId(), booked);
            return null;
        });
    }

    private static String key(Shift s) {
        return "shift:" + s.workstation();
    }

    @Override
    public Optional<HandoverRecord> handover(String shiftId) {
        Optional<Shift> s = shift(shiftId);
        if (s.isEmpty() || s.get().open()) {
            return Optional.empty();
        }
        ShiftTotals totals = ShiftTotals.of(ledger(s.get(), s.get().endedAt()));
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM shift_handover WHERE shift_id = ?")) {
                ps.setString(1, shiftId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long counted = rs.getLong("counted_cash");
                    CashCount cc = rs.wasNull() ? null : CashCount.total(counted);
                    return Optional.of(new HandoverRecord(s.get(), instant(rs, "at"), totals, cc,
                            rs.getString("remark"), rs.getString("incoming"), rs.getString("closed_by")));
                }
            }
        });
    }

    /** The denominations written at the handover ("100元×3 …"), if counted by piece. */
    public Optional<String> denominations(String shiftId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT denominations FROM shift_handover"
                    + " WHERE shift_id = ?")) {
                ps.setString(1, shiftId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    // ---- the ledger of a shift ----------------------------------------------------------------------------------

    /**
     * The electronic payment's channel per order: the payments part records every payment event with its channel
     * in {@code payment_record} (V90, state 1 = paid); a schema without that table has none.
     */
    private volatile Boolean payChannel;

    private boolean hasPayChannel(java.sql.Connection c) throws SQLException {
        Boolean known = payChannel;
        if (known == null) {
            boolean found = false;
            for (String table : new String[] {"PAYMENT_RECORD", "payment_record"}) {
                try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
                    while (rs.next()) {
                        found |= "channel".equalsIgnoreCase(rs.getString("COLUMN_NAME"));
                    }
                }
            }
            payChannel = known = found;
        }
        return known;
    }

    @Override
    public ShiftLedger ledger(Shift s, Instant until) {
        Instant end = s.open() ? until : s.endedAt();
        return db.read(c -> {
            List<ShiftOrder> orders = new ArrayList<>();
            boolean channels = hasPayChannel(c);
            String sql = "SELECT order_id, plate, in_time, out_time, exit_lane, due_fen, paid_fen, prepaid_fen,"
                    + " discount_fen, pay_method, free_reason, remark, car_kind"
                    + (channels ? ", (SELECT MAX(pr.channel) FROM payment_record pr WHERE pr.order_id ="
                            + " parking_order.order_id AND pr.state = 1 AND pr.channel IS NOT NULL) AS pay_channel"
                            : "") + " FROM parking_order WHERE "
                    + (s.open() ? "shift_id IS NULL AND status = 'CLOSED' AND exit_operator = ? AND out_time >= ?"
                            + " AND out_time <= ?" : "shift_id = ?")
                    + " ORDER BY out_time, order_id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (s.open()) {
                    ps.setString(1, s.userId());
                    ps.setObject(2, time(s.startedAt()));
                    ps.setObject(3, time(end));
                } else {
                    ps.setString(1, s.shiftId());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String m = rs.getString("pay_method");
                        String remark = rs.getString("remark");
                        String kind = rs.getString("car_kind");
                        orders.add(new ShiftOrder(rs.getString("order_id"), rs.getString("plate"),
                                instant(rs, "in_time"), instant(rs, "out_time"), rs.getString("exit_lane"),
                                rs.getLong("due_fen"), rs.getLong("paid_fen"), rs.getLong("prepaid_fen"),
                                rs.getLong("discount_fen"), m == null ? null : PaymentMethod.valueOf(m),
                                rs.getString("free_reason"), remark != null && remark.startsWith(NO_RECORD),
                                kind == null ? CarKind.TEMPORARY : CarKind.valueOf(kind),
                                channels ? rs.getString("pay_channel") : null));
                    }
                }
            }
            List<ManualMove> moves = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT at, lane_id, action, reason FROM gate_event"
                    + " WHERE cause = 'MANUAL' AND operator = ? AND at >= ? AND at <= ? ORDER BY at, id")) {
                ps.setString(1, s.userId());
                ps.setObject(2, time(s.startedAt()));
                ps.setObject(3, time(end));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String reason = rs.getString("reason");
                        moves.add(new ManualMove(instant(rs, "at"), rs.getString("lane_id"),
                                "OPEN".equals(rs.getString("action")), reason == null ? "" : reason));
                    }
                }
            }
            // cars: those the attendant let in / out belong to the shift up to and including its end; cars of
            // anyone else (automatic decisions) to [start, end), so that a car at the very instant of a handover
            // is counted once (in the next shift)
            List<Instant> entries = times(c, "SELECT in_time FROM parking_order WHERE"
                    + " (remark IS NULL OR remark NOT LIKE '" + NO_RECORD + "%') AND ((entry_operator = ? AND in_time"
                    + " >= ? AND in_time <= ?) OR ((entry_operator IS NULL OR entry_operator <> ?) AND in_time >= ?"
                    + " AND in_time < ?)) ORDER BY in_time", s, end);
            List<Instant> exits = new ArrayList<>();
            orders.forEach(o -> exits.add(o.outTime()));
            exits.addAll(times(c, "SELECT out_time FROM parking_order WHERE status = 'CLOSED' AND shift_id IS NULL"
                    + " AND (exit_operator IS NULL OR exit_operator <> ?) AND out_time >= ? AND out_time < ?"
                    + " ORDER BY out_time", s, end));
            exits.sort(null);
            return new ShiftLedger(s, end, orders, moves, entries, exits);
        });
    }

    /** Times selected with (user, start, end, user, start, end) or (user, start, end) as parameters. */
    private static List<Instant> times(Connection c, String sql, Shift s, Instant end) throws SQLException {
        List<Instant> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = ps.getParameterMetaData().getParameterCount();
            for (int i = 0; i < n; i += 3) {
                ps.setString(i + 1, s.userId());
                ps.setObject(i + 2, time(s.startedAt()));
                ps.setObject(i + 3, time(end));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, OffsetDateTime.class).toInstant());
                }
            }
        }
        return out;
    }

    // ---- supervisor confirmations, report prints ----------------------------------------------------------------

    @Override
    public long recordConfirmation(Confirmation x) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO supervisor_confirmation (at, action,"
                    + " supervisor, attendant, amount_fen, subject) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setObject(1, time(x.at()));
                ps.setString(2, x.action().name());
                ps.setString(3, x.supervisor());
                ps.setString(4, x.attendant());
                ps.setLong(5, x.amountFen());
                ps.setString(6, x.subject());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Records a print of a shift's report; returns how many times it was printed before (0: the original). */
    public int recordPrint(String shiftId, Instant at, String by, String target) {
        return db.write(c -> {
            int before;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM report_print WHERE shift_id = ?")) {
                ps.setString(1, shiftId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    before = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_print (shift_id, printed_at,"
                    + " printed_by, target) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, shiftId);
                ps.setObject(2, time(at));
                ps.setString(3, by);
                ps.setString(4, cut(target, 16));
                ps.executeUpdate();
            }
            return before;
        });
    }

    /** The supervisor confirmations recorded in [from, to), for audits and tests: action → count. */
    public Map<String, Integer> confirmations(Instant from, Instant to) {
        return db.read(c -> {
            Map<String, Integer> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT action, COUNT(*) FROM supervisor_confirmation"
                    + " WHERE at >= ? AND at < ? GROUP BY action")) {
                ps.setObject(1, time(from));
                ps.setObject(2, time(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static int update(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            return ps.executeUpdate();
        }
    }

    static OffsetDateTime time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
