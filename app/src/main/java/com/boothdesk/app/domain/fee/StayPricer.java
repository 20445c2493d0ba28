package com.boothdesk.app.domain.fee;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prices the time between entry and exit with one class's rules, before coupons and payments. Works per period
 * occurrence and per cap window with arithmetic, never per unit, so a 90-day stay costs a few hundred steps.
 *
 * <p>Those steps convert and print times: done with {@code java.time} zones and formatters they cost most of a
 * 90-day fee (p99 110 µs). Local times are therefore computed from the zone's offset, cached between its
 * transitions (Asia/Shanghai has none since 1991), and printed by hand; near a transition (within a day) the
 * {@code java.time} conversion is used, so the result is the same everywhere (checked against the previous
 * implementation by {@code FastPricerEqualsReferenceTest}).
 *
 * <p>Whole identical days are priced once and shown as one line (count × per-day amount = subtotal), which keeps a
 * 90-day fee at about twenty lines and a few microseconds:
 * <ul>
 *   <li>tariffs with several periods a day: a tariff day is identical to the one before when it has the same
 *       calendar kind, starts in the same state (the unit carried over from the day before) and no offset change
 *       (daylight saving) is near; the following days up to the last one that ends before the exit and is
 *       followed by a day of the same kind are folded ({@code fold}). Their money is booked into the cap windows
 *       (calendar day or rolling 24 h) exactly as day by day, so daily and escalating multi-day caps are applied
 *       per window as before;</li>
 *   <li>a whole-day period (one occurrence over the stay): the cap windows wholly inside it hold the same number
 *       of units when the unit divides a day and the windows are 24 hours long; they are one line
 *       ({@code foldWindows}); otherwise (a unit such as 90 minutes, an offset change) the windows stay itemised;</li>
 *   <li>runs of windows with the same sum and the same cap are one cap line ({@code capLines}); escalating caps
 *       (airport: 30, 40, then 50 元) show each step until they level off.</li>
 * </ul>
 * The partial first and last days are itemised as before. Holidays split the folds (a holiday day is itemised).
 */
final class StayPricer {

    private static final int DAY = 24 * 60;
    private static final long DAY_SECONDS = 86_400;

    /** The tariff amount of a stay and its lines. */
    record Charge(long fen, List<FeeLine> lines) {
    }

    /** {@code dayStart}: the occurrence is the first period of tariff day {@code day}, not merged into another. */
    private record Occurrence(Period period, Instant start, Instant end, long day, boolean dayStart) {
    }

    /** An offset valid for the instants (epoch seconds) in [from, to). */
    private record Span(long from, long to, int offset) {
        boolean holds(long epochSecond) {
            return epochSecond >= from && epochSecond < to;
        }
    }

    private final ZoneId zone;
    private final ZoneRules rules;
    private final HolidayCalendar calendar;
    /** The span of the last lookup (benign race: any thread may replace it with another valid span). */
    private volatile Span span = new Span(0, 0, 0);

    StayPricer(ZoneId zone, HolidayCalendar calendar) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.calendar = calendar;
    }

    /** {@code in} and {@code out} are whole minutes, {@code out} not before {@code in}. */
    Charge price(ClassTariff c, Instant in, Instant out) {
        long stay = minutes(in, out);
        List<FeeLine> lines = new ArrayList<>();
        if (c.freeMinutes() > 0 && stay <= c.freeMinutes()) {
            lines.add(FeeLine.of(FeeLine.Kind.FREE, 0, FeeLine.Say.FREE_WITHIN, new FeeLine.Minutes(stay),
                    c.freeMinutes()));
            return new Charge(0, lines);
        }
        if (stay == 0) {
            lines.add(FeeLine.note(FeeLine.Say.UNDER_A_MINUTE));
            return new Charge(0, lines);
        }
        boolean multiDay = epochDay(in) != epochDay(out.minusSeconds(1));
        Instant chargeFrom = in;
        if (c.freeMinutes() > 0) {
            if (c.freeMinutesSurvive()) {
                chargeFrom = in.plus(Duration.ofMinutes(c.freeMinutes()));
                lines.add(FeeLine.of(FeeLine.Kind.FREE, 0, FeeLine.Say.FREE_MINUTES, range(in, chargeFrom, multiDay),
                        c.freeMinutes()));
            } else {
                lines.add(FeeLine.note(FeeLine.Say.FREE_NOT_DEDUCTED, c.freeMinutes()));
            }
        }
        long fen = switch (c.mode()) {
            case PERIODS -> periods(c, in, chargeFrom, out, multiDay, lines);
            case LADDER -> ladder(c, minutes(chargeFrom, out), lines);
            case PER_VISIT -> {
                lines.add(FeeLine.of(FeeLine.Kind.CHARGE, c.perVisitFen(), FeeLine.Say.PER_VISIT));
                yield c.perVisitFen();
            }
            case PER_DAY -> perDay(c, in, chargeFrom, out, lines);
        };
        if (c.stayCapFen() != Period.NO_CAP && fen > c.stayCapFen()) {
            lines.add(FeeLine.of(FeeLine.Kind.CAP, c.stayCapFen() - fen, FeeLine.Say.STAY_CAP,
                    Fen.format(c.stayCapFen())));
            fen = c.stayCapFen();
        }
        return new Charge(fen, lines);
    }

    // ---------------------------------------------------------------- periods

    private long periods(ClassTariff c, Instant in, Instant from, Instant out, boolean multiDay,
                         List<FeeLine> lines) {
        boolean named = c.schedules().values().stream().anyMatch(p -> p.size() > 1)
                || c.schedules().size() > 1;
        Windows perWindow = new Windows();
        Instant carry = null;
        long total = 0;
        Occurrences occurrences = new Occurrences(c, from, out);
        DayStart previous = null;
        Occurrence o;
        while ((o = occurrences.next()) != null) {
            if (o.dayStart() && !o.start().isBefore(from)) {
                CalendarKind kind = kindOf(o.day());
                long carried = carry == null ? Long.MIN_VALUE : carry.getEpochSecond() - o.start().getEpochSecond();
                long window = c.dailyCapsFen().isEmpty() ? 0 : windowIndex(c, in, o.start());
                if (previous != null && previous.day() == o.day() - 1 && previous.carry() == carried
                        && previous.kind() == kind && foldable(c, kind)
                        && o.start().getEpochSecond() - previous.start().getEpochSecond() == DAY_SECONDS) {
                    int folded = fold(c, in, out, o, kind, previous, total, perWindow, multiDay, lines);
                    if (folded > 0) {
                        total += folded * (total - previous.total());
                        if (carry != null) {
                            carry = carry.plusSeconds(folded * DAY_SECONDS);
                        }
                        occurrences.skipTo(o.day() + folded);
                        previous = null;
                        continue;
                    }
                }
                previous = new DayStart(o.day(), o.start(), carried, kind, total, window, perWindow.get(window),
                        perWindow.get(window + 1));
            }
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
                    lines.add(FeeLine.note(FeeLine.Say.COVERED, range(o.start(), o.end(), multiDay), p.name()));
                }
                continue;
            }
            carry = null;
            if (p.free()) {
                lines.add(FeeLine.of(FeeLine.Kind.FREE, 0, FeeLine.Say.PERIOD_FREE, range(a, b, multiDay), p.name()));
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
                lines.add(FeeLine.of(FeeLine.Kind.CHARGE, p.firstFen(), FeeLine.Say.FIRST,
                        range(a, min(repeatFrom, shownEnd), multiDay), name, new FeeLine.Unit(first)));
            }
            if (repeating > 0) {
                repeatingLines(c, in, p, first > 0 ? new FeeLine.Continued(name) : name, repeatFrom, repeating,
                        shownEnd, multiDay, lines);
            }
            if (remainder > 0 && remainder <= p.graceMinutes()) {
                lines.add(FeeLine.note(FeeLine.Say.GRACE, name, remainder, new FeeLine.Unit(unit),
                        p.graceMinutes()));
            }
            if (capped < uncapped) {
                lines.add(FeeLine.of(FeeLine.Kind.CAP, capped - uncapped, FeeLine.Say.PERIOD_CAP, name,
                        Fen.format(p.capFen())));
            }
            if (carry != null) {
                lines.add(name.isEmpty() ? FeeLine.note(FeeLine.Say.CARRY, time(carry, multiDay))
                        : FeeLine.note(FeeLine.Say.CARRY_NAMED, name, time(carry, multiDay)));
            }
            total += capped;
            if (!c.dailyCapsFen().isEmpty()) {
                attribute(c, in, p, a, b, repeatFrom, repeating, capped, perWindow);
            }
        }
        return total - capLines(c, in, perWindow, lines);
    }

    /**
     * Folds the whole tariff days from {@code o}'s day on that are identical to the day just priced (which started
     * at {@code previous}): the same calendar kind, the same state at the day start (the unit carried over from
     * the day before), the same zone offset, every day ending before the exit and followed by a day of the same
     * kind. Such days cost the same and book the same money into their cap windows; the caps themselves (also
     * escalating ones) are applied per window at the end. Adds one line and books the windows; returns the number
     * of days folded (0: none).
     */
    private int fold(ClassTariff c, Instant in, Instant out, Occurrence o, CalendarKind kind, DayStart previous,
                     long total, Windows perWindow, boolean multiDay, List<FeeLine> lines) {
        long start = o.start().getEpochSecond();
        long last = out.getEpochSecond() - 1;
        offsetAt(start);
        Span s = span;
        if (!s.holds(previous.start().getEpochSecond() - 2 * DAY_SECONDS) || !s.holds(last + 2 * DAY_SECONDS)) {
            return 0; // an offset change (daylight saving) ahead: priced day by day
        }
        // days o.day() .. o.day() + n - 1 are folded: each ends before the exit, each and the day after is `kind`
        int n = 0;
        while (start + (n + 1) * DAY_SECONDS < out.getEpochSecond() && kindOf(o.day() + n) == kind
                && kindOf(o.day() + n + 1) == kind) {
            n++;
        }
        if (n < 2) {
            return 0;
        }
        long perDay = total - previous.total();
        if (!c.dailyCapsFen().isEmpty()) {
            long head = perWindow.get(previous.window()) - previous.fen0();
            long tail = perWindow.get(previous.window() + 1) - previous.fen1();
            long window = previous.window() + 1;
            for (int d = 0; d < n; d++) {
                perWindow.book(window + d, head);
                perWindow.book(window + d + 1, tail);
            }
        }
        // the days' money runs from the unit carried into the first one (if any) to the unit carried out of the last
        Instant shown = previous.carry() > 0 && previous.carry() < DAY_SECONDS
                ? o.start().plusSeconds(previous.carry()) : o.start();
        StringBuilder day = new StringBuilder(5);
        monthDay(day, epochDay(previous.start()));
        lines.add(FeeLine.of(FeeLine.Kind.CHARGE, n * perDay, FeeLine.Say.DAYS_FOLDED, time(shown, true),
                time(shown.plusSeconds(n * DAY_SECONDS), true), n, Fen.format(perDay), day.toString()));
        return n;
    }

    /**
     * The line(s) of the repeating units of one occurrence: one line, or with daily caps one line per cap window
     * the units start in, so that each cap line can be checked against the lines of its window.
     */
    private void repeatingLines(ClassTariff c, Instant in, Period p, Object label, Instant repeatFrom,
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
            int folded = c.dailyCapsFen().isEmpty() ? 0
                    : foldWindows(c, in, p, label, repeatFrom, repeating, done, t, lines);
            if (folded > 0) {
                done += (long) folded * (DAY / unit);
                t = plus(repeatFrom, done * unit);
                continue;
            }
            long n = upTo - done;
            Instant from = plus(repeatFrom, done * unit);
            Instant to = min(plus(repeatFrom, upTo * unit), shownEnd);
            lines.add(FeeLine.of(FeeLine.Kind.CHARGE, n * p.unitFen(), FeeLine.Say.UNITS, range(from, to, multiDay),
                    label, new FeeLine.Units(n, unit), new FeeLine.Unit(unit), Fen.format(p.unitFen())));
            done = upTo;
            t = plus(repeatFrom, done * unit);
        }
    }

    /**
     * Folds the whole cap windows from the one containing {@code t} on whose units all belong to this occurrence
     * (a whole-day period over many days): with a unit that divides a day and windows of 24 hours (no offset
     * change) each such window holds the same number of units. One line for them; returns the number of windows
     * folded (0: none, fewer than two).
     */
    private int foldWindows(ClassTariff c, Instant in, Period p, Object label, Instant repeatFrom, long repeating,
                            long done, Instant t, List<FeeLine> lines) {
        int unit = p.unitMinutes();
        if (DAY % unit != 0) {
            return 0;
        }
        long w = windowIndex(c, in, t);
        Instant ws = windowStart(c, in, w);
        long before = minutes(repeatFrom, ws);
        if (before < 0 || (before + unit - 1) / unit != done || ws.getEpochSecond() % 60 != 0) {
            return 0;
        }
        long perWindow = DAY / unit;
        long m = (repeating - done) / perWindow;
        if (m < 2) {
            return 0;
        }
        long last = ws.getEpochSecond() + m * DAY_SECONDS;
        if (c.capBasis() != CapBasis.ROLLING_24H) {
            offsetAt(ws.getEpochSecond());
            Span s = span;
            if (!s.holds(ws.getEpochSecond() - 2 * DAY_SECONDS) || !s.holds(last + 2 * DAY_SECONDS)) {
                return 0;
            }
        }
        Instant from = plus(repeatFrom, done * unit);
        Instant to = plus(repeatFrom, (done + m * perWindow) * unit);
        boolean rolling = c.capBasis() == CapBasis.ROLLING_24H;
        lines.add(FeeLine.of(FeeLine.Kind.CHARGE, m * perWindow * p.unitFen(),
                rolling ? FeeLine.Say.WINDOWS_FOLDED_24H : FeeLine.Say.WINDOWS_FOLDED, time(from, true), time(to, true),
                label, m, Fen.format(perWindow * p.unitFen()), new FeeLine.Units(perWindow, unit),
                new FeeLine.Unit(unit), Fen.format(p.unitFen())));
        return (int) m;
    }

    /** The cap lines of the windows, runs of two or more identical windows as one line. */
    private long capLines(ClassTariff c, Instant in, Windows perWindow, List<FeeLine> lines) {
        long off = 0;
        int w = 0;
        while (w < perWindow.booked.length) {
            if (!perWindow.booked[w]) {
                w++;
                continue;
            }
            long cap = c.dailyCapFen(w);
            long sum = perWindow.fen[w];
            if (sum <= cap) {
                w++;
                continue;
            }
            int run = 1;
            while (w + run < perWindow.booked.length && perWindow.booked[w + run] && perWindow.fen[w + run] == sum
                    && c.dailyCapFen(w + run) == cap) {
                run++;
            }
            if (run < 2) {
                lines.add(windowCap(c, in, w, cap, cap - sum));
            } else if (c.capBasis() == CapBasis.ROLLING_24H) {
                lines.add(FeeLine.of(FeeLine.Kind.CAP, run * (cap - sum), FeeLine.Say.WINDOW_CAPS, w + 1, w + run,
                        time(windowStart(c, in, w), true), Fen.format(cap), run, Fen.format(sum - cap)));
            } else {
                StringBuilder from = new StringBuilder(5);
                monthDay(from, epochDay(windowStart(c, in, w)));
                StringBuilder to = new StringBuilder(5);
                monthDay(to, epochDay(windowStart(c, in, w + run - 1)));
                lines.add(FeeLine.of(FeeLine.Kind.CAP, run * (cap - sum), FeeLine.Say.DAY_CAPS, from.toString(),
                        to.toString(), Fen.format(cap), run, Fen.format(sum - cap)));
            }
            off += run * (sum - cap);
            w += run;
        }
        return off;
    }

    /**
     * The periods in force from {@code from} to {@code out}, in order, made on demand. Each tariff day starts at
     * the first period's start on the date and takes its periods from that date's calendar kind; back-to-back
     * occurrences of the same period (a whole-day period on consecutive days) are one occurrence, so its first
     * unit is charged once. {@link #skipDays} jumps over whole tariff days (the fold of identical days).
     */
    private final class Occurrences {
        private final ClassTariff c;
        private final Instant from;
        private final Instant out;
        private final long dayStartSecond;
        private long day;
        private List<Period> periods;
        private int index;
        private long cursor;
        private Occurrence pending;
        private boolean done;

        Occurrences(ClassTariff c, Instant from, Instant out) {
            this.c = c;
            this.from = from;
            this.out = out;
            LocalTime dayStart = c.periods(CalendarKind.WORKDAY).get(0).start();
            long fromLocal = localSecond(from);
            long fromDay = Math.floorDiv(fromLocal, DAY_SECONDS);
            dayStartSecond = dayStart.toSecondOfDay();
            startDay(Math.floorMod(fromLocal, DAY_SECONDS) < dayStartSecond ? fromDay - 1 : fromDay);
        }

        private void startDay(long epochDay) {
            day = epochDay;
            periods = c.periods(kindOf(epochDay));
            index = 0;
            cursor = epochDay * DAY_SECONDS + dayStartSecond;
        }

        /** The next raw occurrence (not merged), null after the stay. */
        private Occurrence raw() {
            while (!done) {
                if (index == periods.size()) {
                    startDay(day + 1);
                }
                boolean first = index == 0;
                Period p = periods.get(index++);
                long endLocal = cursor + p.lengthMinutes() * 60L;
                Instant start = instantOfLocal(cursor);
                Instant end = instantOfLocal(endLocal);
                cursor = endLocal;
                if (!start.isBefore(out)) {
                    done = true;
                    return null;
                }
                if (!end.isAfter(from)) {
                    continue;
                }
                return new Occurrence(p, start, end, day, first);
            }
            return null;
        }

        Occurrence next() {
            Occurrence o = pending != null ? pending : raw();
            pending = null;
            if (o == null) {
                return null;
            }
            while (true) {
                Occurrence n = raw();
                if (n != null && (n.period() == o.period() || n.period().equals(o.period()))
                        && o.end().equals(n.start())) {
                    o = new Occurrence(o.period(), o.start(), n.end(), o.day(), o.dayStart());
                    continue;
                }
                pending = n;
                return o;
            }
        }

        /** Continue with the first occurrence of the tariff day {@code epochDay} (later than the current one). */
        void skipTo(long epochDay) {
            pending = null;
            done = false;
            startDay(epochDay);
        }
    }

    private CalendarKind kindOf(long epochDay) {
        return calendar.kindOf(LocalDate.ofEpochDay(epochDay));
    }

    /** Whether whole days of this kind can be folded: several periods, the first not continuing the last. */
    private static boolean foldable(ClassTariff c, CalendarKind kind) {
        List<Period> p = c.periods(kind);
        return p.size() > 1 && !p.get(0).equals(p.get(p.size() - 1));
    }

    /** The state at the start of a whole tariff day inside the stay, to recognise the next day as identical. */
    private record DayStart(long day, Instant start, long carry, CalendarKind kind, long total, long window,
                            long fen0, long fen1) {
    }

    /** Money booked per cap window (index from 0 = the window of the entry), in window order. */
    private static final class Windows {
        long[] fen = new long[0];
        boolean[] booked = new boolean[0];

        void book(long index, long amount) {
            if (index < 0 || index > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("cap window " + index);
            }
            int i = (int) index;
            if (i >= fen.length) {
                int size = Math.max(i + 1, fen.length * 2);
                fen = Arrays.copyOf(fen, size);
                booked = Arrays.copyOf(booked, size);
            }
            fen[i] += amount;
            booked[i] = true;
        }

        long get(long index) {
            return index >= 0 && index < fen.length ? fen[(int) index] : 0;
        }
    }

    /**
     * Books the (period-capped) money of one occurrence to the cap windows its units start in. Units start at
     * {@code a} (the first unit) and at {@code repeatFrom + k * unit}.
     */
    private void attribute(ClassTariff c, Instant in, Period p, Instant a, Instant b, Instant repeatFrom,
                           long repeating, long capped, Windows perWindow) {
        Instant t = a;
        long bookedBefore = 0;
        while (t.isBefore(b)) {
            long index = windowIndex(c, in, t);
            Instant next = windowStart(c, in, index + 1);
            if (next.isBefore(b) && next.isAfter(a) && dayLongWindows(c, next, b)) {
                // the windows from `next` on are 24 hours long: their ends are counted in minutes, not instants
                long d = minutes(repeatFrom, next);
                long end = minutes(repeatFrom, b);
                long upTo = Math.min(capped, startedBefore(p, repeating, d));
                perWindow.book(index, upTo - bookedBefore);
                bookedBefore = upTo;
                for (index++, d += DAY; d < end; index++, d += DAY) {
                    upTo = Math.min(capped, startedBefore(p, repeating, d));
                    perWindow.book(index, upTo - bookedBefore);
                    bookedBefore = upTo;
                }
                perWindow.book(index, capped - bookedBefore);
                return;
            }
            Instant windowEnd = min(next, b);
            long upTo = windowEnd.equals(b) ? capped : Math.min(capped,
                    startedBefore(p, a, repeatFrom, repeating, windowEnd));
            perWindow.book(index, upTo - bookedBefore);
            bookedBefore = upTo;
            t = windowEnd;
        }
    }

    /** {@link #startedBefore(Period, Instant, Instant, long, Instant)} of a {@code t} after the first unit's start,
     *  {@code d} minutes after the repeating units' start. */
    private static long startedBefore(Period p, long repeating, long d) {
        long fen = p.firstMinutes() > 0 ? p.firstFen() : 0;
        if (d > 0) {
            fen += Math.min(repeating, (d + p.unitMinutes() - 1) / p.unitMinutes()) * p.unitFen();
        }
        return fen;
    }

    /** Whether the cap windows from {@code from} to {@code to} are all 24 hours long (no offset change). */
    private boolean dayLongWindows(ClassTariff c, Instant from, Instant to) {
        if (c.capBasis() == CapBasis.ROLLING_24H) {
            return true;
        }
        offsetAt(from.getEpochSecond());
        Span s = span;
        return s.holds(from.getEpochSecond() - 2 * DAY_SECONDS) && s.holds(to.getEpochSecond() + 2 * DAY_SECONDS);
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
        return epochDay(t) - epochDay(in);
    }

    private Instant windowStart(ClassTariff c, Instant in, long index) {
        if (c.capBasis() == CapBasis.ROLLING_24H) {
            return plus(in, index * DAY);
        }
        long day = epochDay(in) + index;
        long local = day * DAY_SECONDS;
        Instant fast = fastInstantOfLocal(local);
        return fast != null ? fast : LocalDate.ofEpochDay(day).atStartOfDay(zone).toInstant();
    }

    /** The cap line of one window: "12-01 当日封顶 30.00元, 减免", "第2个24小时 (12-02 08:00起) 封顶 …". */
    private FeeLine windowCap(ClassTariff c, Instant in, long index, long cap, long off) {
        Instant start = windowStart(c, in, index);
        if (c.capBasis() == CapBasis.ROLLING_24H) {
            return FeeLine.of(FeeLine.Kind.CAP, off, FeeLine.Say.WINDOW_CAP, index + 1, time(start, true),
                    Fen.format(cap));
        }
        StringBuilder b = new StringBuilder(5);
        monthDay(b, epochDay(start));
        return FeeLine.of(FeeLine.Kind.CAP, off, FeeLine.Say.DAY_CAP, b.toString(), Fen.format(cap));
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
            lines.add(FeeLine.of(FeeLine.Kind.CHARGE, cycles * top.fen(), FeeLine.Say.LADDER_CYCLES, cycles,
                    new FeeLine.Minutes(cycle), Fen.format(top.fen())));
        }
        if (rest > 0) {
            for (LadderStep step : c.ladder()) {
                if (rest <= step.upToMinutes()) {
                    fen += step.fen();
                    lines.add(FeeLine.of(FeeLine.Kind.CHARGE, step.fen(), cycles > 0 ? FeeLine.Say.LADDER_REST
                            : FeeLine.Say.LADDER_STAY, new FeeLine.Minutes(rest),
                            new FeeLine.Minutes(step.upToMinutes())));
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
            days = epochDay(out.minusSeconds(1)) - epochDay(from) + 1;
        }
        long fen = days * c.perDayFen();
        lines.add(FeeLine.of(FeeLine.Kind.CHARGE, fen, c.capBasis() == CapBasis.ROLLING_24H
                ? FeeLine.Say.PER_DAY_24H : FeeLine.Say.PER_DAY, days, Fen.format(c.perDayFen())));
        return fen;
    }

    // ---------------------------------------------------------------- helpers

    // local time from the cached offset; java.time near a transition (see the class comment)

    private int offsetAt(long epochSecond) {
        Span s = span;
        if (s.holds(epochSecond)) {
            return s.offset();
        }
        Instant t = Instant.ofEpochSecond(epochSecond);
        int offset = rules.getOffset(t).getTotalSeconds();
        long from = Long.MIN_VALUE / 2;
        long to = Long.MAX_VALUE / 2;
        if (!rules.isFixedOffset()) {
            ZoneOffsetTransition before = rules.previousTransition(t.plusSeconds(1));
            ZoneOffsetTransition after = rules.nextTransition(t);
            if (before != null) {
                from = before.toEpochSecond();
            }
            if (after != null) {
                to = after.toEpochSecond();
            }
        }
        span = new Span(from, to, offset);
        return offset;
    }

    private long localSecond(Instant t) {
        return t.getEpochSecond() + offsetAt(t.getEpochSecond());
    }

    private long epochDay(Instant t) {
        return Math.floorDiv(localSecond(t), DAY_SECONDS);
    }

    /** The instant of a local time, exactly as {@code LocalDateTime.atZone(zone).toInstant()} gives it. */
    private Instant instantOfLocal(long localSecond) {
        Instant fast = fastInstantOfLocal(localSecond);
        return fast != null ? fast : LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC)
                .atZone(zone).toInstant();
    }

    /** The instant of a local time more than two days away from any transition (unambiguous); null otherwise. */
    private Instant fastInstantOfLocal(long localSecond) {
        Span s = span;
        long guess = localSecond - s.offset();
        if (!s.holds(guess - 2 * DAY_SECONDS) || !s.holds(guess + 2 * DAY_SECONDS)) {
            offsetAt(guess);
            s = span;
            guess = localSecond - s.offset();
            if (!s.holds(guess - 2 * DAY_SECONDS) || !s.holds(guess + 2 * DAY_SECONDS)) {
                return null;
            }
        }
        return Instant.ofEpochSecond(guess);
    }

    private String time(Instant t, boolean withDate) {
        StringBuilder b = new StringBuilder(11);
        time(b, t, withDate);
        return b.toString();
    }

    /** {@code HH:mm}, or {@code MM-dd HH:mm}. */
    private void time(StringBuilder b, Instant t, boolean withDate) {
        long local = localSecond(t);
        if (withDate) {
            monthDay(b, Math.floorDiv(local, DAY_SECONDS));
            b.append(' ');
        }
        int second = (int) Math.floorMod(local, DAY_SECONDS);
        two(b, second / 3600);
        b.append(':');
        two(b, second / 60 % 60);
    }

    /** The month and day of the last epoch day printed (a stay prints the same few days many times). */
    private record MonthDay(long epochDay, int month, int day) {
    }

    private volatile MonthDay lastDay = new MonthDay(Long.MIN_VALUE, 0, 0);

    /** {@code MM-dd} of a local epoch day. */
    private void monthDay(StringBuilder b, long epochDay) {
        MonthDay md = lastDay;
        if (md.epochDay() != epochDay) {
            LocalDate d = LocalDate.ofEpochDay(epochDay);
            md = new MonthDay(epochDay, d.getMonthValue(), d.getDayOfMonth());
            lastDay = md;
        }
        two(b, md.month());
        b.append('-');
        two(b, md.day());
    }

    private static void two(StringBuilder b, int n) {
        b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    private String range(Instant a, Instant b, boolean withDate) {
        boolean sameDate = epochDay(a) == epochDay(b);
        StringBuilder s = new StringBuilder(24);
        time(s, a, withDate);
        s.append('-');
        time(s, b, withDate && !sameDate);
        return s.toString();
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
