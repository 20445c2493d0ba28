package com.boothdesk.app.store.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.boothdesk.app.store.Database;

/**
 * The back office's reports, read from the stored stays, renewals and barrier movements: income per day / week /
 * month by payment kind and attendant, cars in and out per hour, occupancy over time, free releases and manual
 * barrier movements per attendant and reason. Days, weeks (Monday first) and months are the park's local ones. Money
 * in fen. The sums are made here from the rows, so a report always equals what the store holds.
 */
public final class JdbcReports {

    /** How income is grouped in time. */
    public enum Period { DAY, WEEK, MONTH }

    /**
     * Income of one period, payment kind and attendant. {@code method} is the order's payment kind, or {@code RENEWAL}
     * for monthly-card renewals taken at the booth. {@code paidFen} is what was taken at the exit, {@code prepaidFen}
     * what was paid before it (in the lot or by the exit QR): a 预付 row has its money there, not in {@code paidFen}.
     */
    public record IncomeRow(LocalDate period, String method, String attendant, long count, long dueFen, long paidFen,
                            long prepaidFen, long discountFen) {

        /** 实收: what the lot took for these stays, at the exit and before it (prepaid). */
        public long takenFen() {
            return paidFen + prepaidFen;
        }
    }

    /**
     * The top line of the income report: the sums of its rows (应收, 实收 with the prepaid money, of which prepaid,
     * cars out, renewals not counted as cars), so that the rows always add up to it.
     */
    public record Totals(long dueFen, long takenFen, long prepaidFen, long cars) {
    }

    /** The sums of {@code rows}: the rows' 实收 ({@link IncomeRow#takenFen}) add up to {@code takenFen}. */
    public static Totals totals(List<IncomeRow> rows) {
        long due = 0;
        long taken = 0;
        long prepaid = 0;
        long cars = 0;
        for (IncomeRow r : rows) {
            due += r.dueFen();
            taken += r.takenFen();
            prepaid += r.prepaidFen();
            if (!"RENEWAL".equals(r.method())) {
                cars += r.count();
            }
        }
        return new Totals(due, taken, prepaid, cars);
    }

    /** Cars in and out in one hour, and how many were inside at its end. */
    public record FlowRow(LocalDateTime hour, long in, long out, long inside) {
    }

    /** Free releases or manual barrier movements of one attendant and reason. */
    public record ReasonRow(String attendant, String reason, long count, long fen) {
    }

    private final Database db;
    private final ZoneId zone;

    public JdbcReports(Database db, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ZoneId zone() {
        return zone;
    }

    /** Income of the exits (and the renewals) in {@code [from, to)}, grouped, in time order. */
    public List<IncomeRow> income(Instant from, Instant to, Period period) {
        Map<String, long[]> sums = new TreeMap<>();
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT out_time, pay_method, exit_operator, due_fen,"
                    + " paid_fen, prepaid_fen, discount_fen FROM parking_order WHERE status = 'CLOSED'"
                    + " AND out_time >= ? AND out_time < ?")) {
                ps.setObject(1, JdbcHistory.time(from));
                ps.setObject(2, JdbcHistory.time(to));
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate p = bucket(JdbcHistory.instant(rs, "out_time"), period);
                        String m = rs.getString("pay_method");
                        String who = rs.getString("exit_operator");
                        long[] s = sums.computeIfAbsent(key(p, m == null ? "NONE" : m, who == null ? "" : who),
                                k -> new long[5]);
                        s[0]++;
                        s[1] += rs.getLong("due_fen");
                        s[2] += rs.getLong("paid_fen");
                        s[3] += rs.getLong("prepaid_fen");
                        s[4] += rs.getLong("discount_fen");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT paid_at, collector, receivable_fen, paid_fen"
                    + " FROM month_renewal WHERE origin = 'BOOTH' AND paid_at >= ? AND paid_at < ?")) {
                ps.setObject(1, JdbcHistory.time(from));
                ps.setObject(2, JdbcHistory.time(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate p = bucket(JdbcHistory.instant(rs, "paid_at"), period);
                        long[] s = sums.computeIfAbsent(key(p, "RENEWAL", rs.getString("collector")),
                                k -> new long[5]);
                        s[0]++;
                        s[1] += rs.getLong("receivable_fen");
                        s[2] += rs.getLong("paid_fen");
                    }
                }
            }
            return null;
        });
        List<IncomeRow> out = new ArrayList<>();
        sums.forEach((k, s) -> {
            String[] parts = k.split("\u0000", -1);
            out.add(new IncomeRow(LocalDate.parse(parts[0]), parts[1], parts[2], s[0], s[1], s[2], s[3], s[4]));
        });
        return out;
    }

    /** Cars in and out per local hour in {@code [from, to)}, with the cars inside at the end of each hour. */
    public List<FlowRow> flow(Instant from, Instant to) {
        LocalDateTime first = LocalDateTime.ofInstant(from, zone).truncatedTo(ChronoUnit.HOURS);
        LocalDateTime last = LocalDateTime.ofInstant(to, zone);
        int hours = (int) Math.min(24 * 400, Math.max(1, ChronoUnit.HOURS.between(first, last)
                + (last.truncatedTo(ChronoUnit.HOURS).equals(last) ? 0 : 1)));
        long[] ins = new long[hours];
        long[] outs = new long[hours];
        Instant start = first.atZone(zone).toInstant();
        long[] before = {0};
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM parking_order WHERE status <> "
                    + "'SUPERSEDED' AND in_time < ? AND (out_time IS NULL OR out_time >= ?)")) {
                ps.setObject(1, JdbcHistory.time(start));
                ps.setObject(2, JdbcHistory.time(start));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    before[0] = rs.getLong(1);
                }
            }
            count(c, "SELECT in_time FROM parking_order WHERE status <> 'SUPERSEDED' AND in_time >= ? AND in_time < ?",
                    start, to, first, ins);
            count(c, "SELECT out_time FROM parking_order WHERE status = 'CLOSED' AND out_time >= ? AND out_time < ?",
                    start, to, first, outs);
            return null;
        });
        List<FlowRow> out = new ArrayList<>(hours);
        long inside = before[0];
        for (int h = 0; h < hours; h++) {
            inside += ins[h] - outs[h];
            out.add(new FlowRow(first.plusHours(h), ins[h], outs[h], inside));
        }
        return out;
    }

    private void count(java.sql.Connection c, String sql, Instant from, Instant to, LocalDateTime first, long[] into)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, JdbcHistory.time(from));
            ps.setObject(2, JdbcHistory.time(to));
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDateTime t = LocalDateTime.ofInstant(
                            rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), zone);
                    int h = (int) ChronoUnit.HOURS.between(first, t);
                    if (h >= 0 && h < into.length) {
                        into[h]++;
                    }
                }
            }
        }
    }

    /** Exits let go for free in {@code [from, to)}, per attendant and reason, with the fee forgiven. */
    public List<ReasonRow> freeReleases(Instant from, Instant to) {
        return reasons("SELECT exit_operator, free_reason, COUNT(*), SUM(due_fen - paid_fen - prepaid_fen)"
                + " FROM parking_order WHERE status = 'CLOSED' AND pay_method = 'FREE' AND out_time >= ?"
                + " AND out_time < ? GROUP BY exit_operator, free_reason ORDER BY exit_operator, free_reason", from, to);
    }

    /** Barrier movements by hand in {@code [from, to)}, per attendant and reason. */
    public List<ReasonRow> manualMovements(Instant from, Instant to) {
        return reasons("SELECT operator, reason, COUNT(*), 0 FROM gate_event WHERE cause = 'MANUAL' AND at >= ?"
                + " AND at < ? GROUP BY operator, reason ORDER BY operator, reason", from, to);
    }

    private List<ReasonRow> reasons(String sql, Instant from, Instant to) {
        return db.read(c -> {
            List<ReasonRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, JdbcHistory.time(from));
                ps.setObject(2, JdbcHistory.time(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ReasonRow(nz(rs.getString(1)), nz(rs.getString(2)), rs.getLong(3),
                                Math.max(0, rs.getLong(4))));
                    }
                }
            }
            return out;
        });
    }

    /** The first day of the period {@code at} falls in (park's local time). */
    public LocalDate bucket(Instant at, Period period) {
        LocalDate d = LocalDate.ofInstant(at, zone);
        return switch (period) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
        };
    }

    private static String key(LocalDate p, String method, String who) {
        return p + "\u0000" + method + "\u0000" + (who == null ? "" : who);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
