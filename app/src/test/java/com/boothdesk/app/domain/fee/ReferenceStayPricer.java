package com.boothdesk.app.domain.fee;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TEST ORACLE: the stay pricer as it was before its time arithmetic was made fast (java.time conversions and
 * formatters on every occurrence and line), kept verbatim so that properties can check the fast one gives the same
 * money and the same lines. Not used by the application.
 *
 * <p>Prices the time between entry and exit with one class's rules, before coupons and payments. Works per period
 * occurrence and per cap window with arithmetic, never per unit, so a 90-day stay costs a few hundred steps.
 */
final class ReferenceStayPricer {

    private static final int DAY = 24 * 60;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter MDHM = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter MD = DateTimeFormatter.ofPattern("MM-dd");

    /** The tariff amount of a stay and its lines. */
    record RefCharge(long fen, List<FeeLine> lines) {
    }

    private record Occurrence(Period period, Instant start, Instant end) {
    }

    private final ZoneId zone;
    private final HolidayCalendar calendar;

    ReferenceStayPricer(ZoneId zone, HolidayCalendar calendar) {
        this.zone = zone;
        this.calendar = calendar;
    }

    /** {@code in} and {@code out} are whole minutes, {@code out} not before {@code in}. */
    RefCharge price(ClassTariff c, Instant in, Instant out) {
        long stay = minutes(in, out);
        List<FeeLine> lines = new ArrayList<>();
        if (c.freeMinutes() > 0 && stay <= c.freeMinutes()) {
            lines.add(new FeeLine("停车" + FeeText.duration(stay) + ", 在免费时长" + c.freeMinutes() + "分钟内", 0,
                    FeeLine.Kind.FREE));
            return new RefCharge(0, lines);
        }
        if (stay == 0) {
            lines.add(FeeLine.note("停车不足1分钟, 不计费"));
            return new RefCharge(0, lines);
        }
        boolean multiDay = !date(in).equals(date(out.minusSeconds(1)));
        Instant chargeFrom = in;
        if (c.freeMinutes() > 0) {
            if (c.freeMinutesSurvive()) {
                chargeFrom = in.plus(Duration.ofMinutes(c.freeMinutes()));
                lines.add(new FeeLine(range(in, chargeFrom, multiDay) + " 免费时长" + c.freeMinutes() + "分钟", 0,
                        FeeLine.Kind.FREE));
            } else {
                lines.add(FeeLine.note("停车超过免费时长" + c.freeMinutes() + "分钟, 免费时长不抵扣, 从入场起计费"));
            }
        }
        long fen = switch (c.mode()) {
            case PERIODS -> periods(c, in, chargeFrom, out, multiDay, lines);
            case LADDER -> ladder(c, minutes(chargeFrom, out), lines);
            case PER_VISIT -> {
                lines.add(new FeeLine("按次收费", c.perVisitFen(), FeeLine.Kind.CHARGE));
                yield c.perVisitFen();
            }
            case PER_DAY -> perDay(c, in, chargeFrom, out, lines);
        };
        if (c.stayCapFen() != Period.NO_CAP && fen > c.stayCapFen()) {
            lines.add(new FeeLine("单次停车封顶 " + Fen.format(c.stayCapFen()) + "元, 减免",
                    c.stayCapFen() - fen, FeeLine.Kind.CAP));
            fen = c.stayCapFen();
        }
        return new RefCharge(fen, lines);
    }

    // ---------------------------------------------------------------- periods

    private long periods(ClassTariff c, Instant in, Instant from, Instant out, boolean multiDay,
                         List<FeeLine> lines) {
        boolean named = c.schedules().values().stream().anyMatch(p -> p.size() > 1)
                || c.schedules().size() > 1;
        TreeMap<Long, Long> perWindow = new TreeMap<>();
        Instant carry = null;
        long total = 0;
        for (Occurrence o : occurrences(c, from, out)) {
            Instant a = max(o.start(), from);
            if (carry != null && carry.isAfter(a)) {
                a = carry;
            }
            Instant b = min(o.end(), out);
            Period p = o.period();
            String name = named ? p.name() : "";
            if (!a.isBefore(b)) {
                if (carry != null && b.isBefore(out)) {
                    // the unit completed from an earlier period covers all of this one; it may reach the next
                    lines.add(FeeLine.note(range(o.start(), o.end(), multiDay) + " " + p.name() + " 已被补时覆盖"));
                }
                continue;
            }
            carry = null;
            if (p.free()) {
                lines.add(new FeeLine(range(a, b, multiDay) + " " + p.name() + "免费", 0, FeeLine.Kind.FREE));
                continue;
            }
            long len = minutes(a, b);
            int first = p.firstMinutes();
            int unit = p.unitMinutes();
            long rest = len - first;
            long full = rest > 0 ? rest / unit : 0;
            long remainder = rest > 0 ? rest % unit : 0;
            long repeating = full + (remainder > p.graceMinutes() ? 1 : 0);
            Instant repeatFrom = plus(a, first);
            Instant unitsEnd = plus(repeatFrom, repeating * unit);
            boolean stayGoesOn = b.isBefore(out);
            if (c.fillAcrossPeriods() && stayGoesOn && unitsEnd.isAfter(b)) {
                carry = unitsEnd;
            }
            Instant shownEnd = carry != null ? unitsEnd : b;
            long uncapped = (first > 0 ? p.firstFen() : 0) + repeating * p.unitFen();
            long capped = p.hasCap() ? Math.min(p.capFen(), uncapped) : uncapped;
            if (first > 0) {
                lines.add(new FeeLine(range(a, min(repeatFrom, shownEnd), multiDay) + " " + name + "首"
                        + FeeText.unit(first), p.firstFen(), FeeLine.Kind.CHARGE));
            }
            if (repeating > 0) {
                repeatingLines(c, in, p, name + (first > 0 ? "续时 " : ""), repeatFrom, repeating, shownEnd,
                        multiDay, lines);
            }
            if (remainder > 0 && remainder <= p.graceMinutes()) {
                lines.add(FeeLine.note(name + "末尾" + remainder + "分钟不足" + FeeText.unit(unit) + ", 在"
                        + p.graceMinutes() + "分钟宽限内, 不计费"));
            }
            if (capped < uncapped) {
                lines.add(new FeeLine(name + "时段封顶 " + Fen.format(p.capFen()) + "元, 减免", capped - uncapped,
                        FeeLine.Kind.CAP));
            }
            if (carry != null) {
                lines.add(FeeLine.note(name + "最后一个计费单位跨时段, 补足到 " + time(carry, multiDay)
                        + " (按" + (name.isEmpty() ? "本" : name) + "时段价格)"));
            }
            total += capped;
            if (!c.dailyCapsFen().isEmpty()) {
                attribute(c, in, p, a, b, repeatFrom, repeating, capped, perWindow);
            }
        }
        for (Map.Entry<Long, Long> w : perWindow.entrySet()) {
            long cap = c.dailyCapFen(w.getKey());
            if (w.getValue() > cap) {
                lines.add(new FeeLine(windowName(c, in, w.getKey()) + "封顶 " + Fen.format(cap) + "元, 减免",
                        cap - w.getValue(), FeeLine.Kind.CAP));
                total -= w.getValue() - cap;
            }
        }
        return total;
    }

    /**
     * The line(s) of the repeating units of one occurrence: one line, or with daily caps one line per cap window
     * the units start in, so that each cap line can be checked against the lines of its window.
     */
    private void repeatingLines(ClassTariff c, Instant in, Period p, String label, Instant repeatFrom,
                                long repeating, Instant shownEnd, boolean multiDay, List<FeeLine> lines) {
        int unit = p.unitMinutes();
        Instant t = repeatFrom;
        long done = 0;
        while (done < repeating) {
            long upTo = repeating;
            if (!c.dailyCapsFen().isEmpty()) {
                Instant windowEnd = windowStart(c, in, windowIndex(c, in, t) + 1);
                long d = minutes(repeatFrom, windowEnd);
                upTo = Math.min(repeating, d <= 0 ? 0 : (d + unit - 1) / unit);
                if (upTo <= done) {
                    t = windowEnd;
                    continue;
                }
            }
            long n = upTo - done;
            Instant from = plus(repeatFrom, done * unit);
            Instant to = min(plus(repeatFrom, upTo * unit), shownEnd);
            String count = unit == 60 ? n + "小时" : n + "×" + FeeText.unit(unit);
            lines.add(new FeeLine(range(from, to, multiDay) + " " + label + count + " (每" + FeeText.unit(unit)
                    + Fen.format(p.unitFen()) + "元)", n * p.unitFen(), FeeLine.Kind.CHARGE));
            done = upTo;
            t = plus(repeatFrom, done * unit);
        }
    }

    /**
     * The periods in force from {@code from} to {@code out}, in order. Each tariff day starts at the first
     * period's start on the date and takes its periods from that date's calendar kind; back-to-back occurrences
     * of the same period (a whole-day period on consecutive days) are one occurrence, so its first unit is
     * charged once.
     */
    private List<Occurrence> occurrences(ClassTariff c, Instant from, Instant out) {
        LocalTime dayStart = c.periods(CalendarKind.WORKDAY).get(0).start();
        LocalDateTime local = LocalDateTime.ofInstant(from, zone);
        LocalDate day = local.toLocalTime().isBefore(dayStart) ? local.toLocalDate().minusDays(1)
                : local.toLocalDate();
        List<Occurrence> list = new ArrayList<>();
        while (true) {
            LocalDateTime cursor = day.atTime(dayStart);
            for (Period p : c.periods(calendar.kindOf(day))) {
                LocalDateTime endLocal = cursor.plusMinutes(p.lengthMinutes());
                Instant start = cursor.atZone(zone).toInstant();
                Instant end = endLocal.atZone(zone).toInstant();
                cursor = endLocal;
                if (!start.isBefore(out)) {
                    return list;
                }
                if (!end.isAfter(from)) {
                    continue;
                }
                Occurrence last = list.isEmpty() ? null : list.get(list.size() - 1);
                if (last != null && last.period().equals(p) && last.end().equals(start)) {
                    list.set(list.size() - 1, new Occurrence(p, last.start(), end));
                } else {
                    list.add(new Occurrence(p, start, end));
                }
            }
            day = day.plusDays(1);
        }
    }

    /**
     * Books the (period-capped) money of one occurrence to the cap windows its units start in. Units start at
     * {@code a} (the first unit) and at {@code repeatFrom + k * unit}.
     */
    private void attribute(ClassTariff c, Instant in, Period p, Instant a, Instant b, Instant repeatFrom,
                           long repeating, long capped, Map<Long, Long> perWindow) {
        Instant t = a;
        long bookedBefore = 0;
        while (t.isBefore(b)) {
            long index = windowIndex(c, in, t);
            Instant windowEnd = min(windowStart(c, in, index + 1), b);
            long upTo = windowEnd.equals(b) ? capped : Math.min(capped,
                    startedBefore(p, a, repeatFrom, repeating, windowEnd));
            perWindow.merge(index, upTo - bookedBefore, Long::sum);
            bookedBefore = upTo;
            t = windowEnd;
        }
    }

    /** Uncapped money of the units of an occurrence that start before {@code t}. */
    private static long startedBefore(Period p, Instant a, Instant repeatFrom, long repeating, Instant t) {
        long fen = p.firstMinutes() > 0 && t.isAfter(a) ? p.firstFen() : 0;
        long d = minutes(repeatFrom, t);
        if (d > 0) {
            fen += Math.min(repeating, (d + p.unitMinutes() - 1) / p.unitMinutes()) * p.unitFen();
        }
        return fen;
    }

    private long windowIndex(ClassTariff c, Instant in, Instant t) {
        if (c.capBasis() == CapBasis.ROLLING_24H) {
            return minutes(in, t) / DAY;
        }
        return ChronoUnit.DAYS.between(date(in), date(t));
    }

    private Instant windowStart(ClassTariff c, Instant in, long index) {
        if (c.capBasis() == CapBasis.ROLLING_24H) {
            return plus(in, index * DAY);
        }
        return date(in).plusDays(index).atStartOfDay(zone).toInstant();
    }

    private String windowName(ClassTariff c, Instant in, long index) {
        Instant start = windowStart(c, in, index);
        if (c.capBasis() == CapBasis.ROLLING_24H) {
            return "第" + (index + 1) + "个24小时 (" + MDHM.format(start.atZone(zone)) + "起) ";
        }
        return MD.format(start.atZone(zone)) + " 当日";
    }

    // ---------------------------------------------------------------- other modes

    private long ladder(ClassTariff c, long minutes, List<FeeLine> lines) {
        int cycle = c.ladderCycleMinutes();
        long cycles = minutes / cycle;
        long rest = minutes % cycle;
        if (rest == 0 && cycles > 0) {
            cycles--;
            rest = cycle;
        }
        long fen = 0;
        LadderStep top = c.ladder().get(c.ladder().size() - 1);
        if (cycles > 0) {
            fen += cycles * top.fen();
            lines.add(new FeeLine("满" + cycles + "个" + FeeText.duration(cycle) + " × " + Fen.format(top.fen()) + "元",
                    cycles * top.fen(), FeeLine.Kind.CHARGE));
        }
        if (rest > 0) {
            for (LadderStep step : c.ladder()) {
                if (rest <= step.upToMinutes()) {
                    fen += step.fen();
                    lines.add(new FeeLine((cycles > 0 ? "其余" : "停车") + FeeText.duration(rest) + " (≤"
                            + FeeText.duration(step.upToMinutes()) + "档)", step.fen(), FeeLine.Kind.CHARGE));
                    break;
                }
            }
        }
        return fen;
    }

    private long perDay(ClassTariff c, Instant in, Instant from, Instant out, List<FeeLine> lines) {
        long days;
        if (c.capBasis() == CapBasis.ROLLING_24H) {
            days = (minutes(from, out) + DAY - 1) / DAY;
        } else {
            days = ChronoUnit.DAYS.between(date(from), date(out.minusSeconds(1))) + 1;
        }
        long fen = days * c.perDayFen();
        lines.add(new FeeLine("按天收费 " + days + "天 × " + Fen.format(c.perDayFen()) + "元"
                + (c.capBasis() == CapBasis.ROLLING_24H ? " (每24小时)" : " (自然日)"), fen, FeeLine.Kind.CHARGE));
        return fen;
    }

    // ---------------------------------------------------------------- helpers

    private LocalDate date(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    private String time(Instant t, boolean withDate) {
        ZonedDateTime z = t.atZone(zone);
        return withDate ? MDHM.format(z) : HM.format(z);
    }

    private String range(Instant a, Instant b, boolean withDate) {
        boolean sameDate = date(a).equals(date(b));
        return time(a, withDate) + "-" + time(b, withDate && !sameDate);
    }

    static long minutes(Instant a, Instant b) {
        return Duration.between(a, b).toMinutes();
    }

    private static Instant plus(Instant t, long minutes) {
        return t.plus(Duration.ofMinutes(minutes));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
