package com.boothdesk.app.domain.fee;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Rejects tariffs the engine cannot price without guessing; every message names where the problem is. Each problem
 * is also a key ({@code tariff.invalid.<key>}) with its arguments and its place (class, calendar day), so that the
 * back office tells it in the operator's language (the English message stays for logs and the command line).
 */
final class TariffValidator {

    private static final int DAY = 24 * 60;

    /** Where a problem is: the English prefix of the message, the class and the calendar day (either may be null). */
    private record Where(String english, String cls, CalendarKind day) {
        Where on(CalendarKind d) {
            return new Where(english + " " + d.name().toLowerCase(), cls, d);
        }

        TariffException fail(String key, String detail, Object... args) {
            return new TariffException(english + ": " + detail, cls, day, key, args);
        }

        /** A problem of one part ({@code at}: a period, a ladder step) of this place. */
        TariffException failIn(String at, String key, String detail, Object... args) {
            return new TariffException(english + " " + at + ": " + detail, cls, day, key, args);
        }
    }

    private TariffValidator() {
    }

    static void validate(Tariff tariff) throws TariffException {
        Where top = new Where("tariff '" + tariff.id() + "'", null, null);
        if (tariff.classes().isEmpty()) {
            throw new TariffException("tariff '" + tariff.id() + "' has no vehicle class", null, null, "no_class",
                    tariff.id());
        }
        if (tariff.defaultClass() == null || !tariff.classes().containsKey(tariff.defaultClass())) {
            throw top.fail("default_class", "default class '" + tariff.defaultClass()
                    + "' is not one of its classes " + tariff.classes().keySet(), tariff.defaultClass(),
                    String.join(", ", tariff.classes().keySet()));
        }
        for (Map.Entry<String, ClassTariff> e : tariff.classes().entrySet()) {
            if (!e.getKey().equals(e.getValue().vehicleClass())) {
                throw top.fail("class_key", "class key '" + e.getKey() + "' holds the rules of class '"
                        + e.getValue().vehicleClass() + "'", e.getKey(), e.getValue().vehicleClass());
            }
            validate(new Where("tariff '" + tariff.id() + "' class '" + e.getKey() + "'", e.getKey(), null),
                    e.getValue());
        }
    }

    private static void validate(Where where, ClassTariff c) throws TariffException {
        nonNegative(where, "freeMinutes", c.freeMinutes());
        for (int i = 0; i < c.dailyCapsFen().size(); i++) {
            nonNegative(where, "daily cap #" + (i + 1), c.dailyCapsFen().get(i));
        }
        if (c.stayCapFen() != Period.NO_CAP) {
            nonNegative(where, "stay cap", c.stayCapFen());
        }
        if (c.mode() != ChargeMode.PERIODS && !c.dailyCapsFen().isEmpty()) {
            throw where.fail("caps_mode", "daily caps only apply to mode PERIODS, not " + c.mode(), c.mode());
        }
        if (c.mode() != ChargeMode.LADDER && !c.ladder().isEmpty()) {
            throw where.fail("ladder_mode", "a duration ladder needs mode LADDER, not " + c.mode(), c.mode());
        }
        switch (c.mode()) {
            case PERIODS -> validatePeriods(where, c);
            case LADDER -> validateLadder(where, c);
            case PER_VISIT -> nonNegative(where, "perVisitFen", c.perVisitFen());
            case PER_DAY -> nonNegative(where, "perDayFen", c.perDayFen());
            default -> throw where.fail("unknown_mode", "unknown mode " + c.mode(), c.mode());
        }
    }

    private static void validatePeriods(Where where, ClassTariff c) throws TariffException {
        List<Period> workday = c.schedules().get(CalendarKind.WORKDAY);
        if (workday == null || workday.isEmpty()) {
            throw where.fail("no_workday", "no workday periods");
        }
        for (Map.Entry<CalendarKind, List<Period>> e : c.schedules().entrySet()) {
            Where at = where.on(e.getKey());
            validateDay(at, e.getValue());
            Period first = e.getValue().get(0);
            if (!first.start().equals(workday.get(0).start())) {
                throw at.fail("day_start", "the day starts at " + first.start() + " (first period '" + first.name()
                        + "') but the workday starts at " + workday.get(0).start()
                        + "; all calendar kinds must start their day at the same time", first.start(), first.name(),
                        workday.get(0).start());
            }
        }
    }

    private static void validateDay(Where where, List<Period> periods) throws TariffException {
        if (periods.isEmpty()) {
            throw where.fail("no_periods", "no periods");
        }
        for (Period p : periods) {
            validatePeriod(where, p);
        }
        if (periods.size() == 1) {
            Period only = periods.get(0);
            if (!only.start().equals(only.end())) {
                throw where.fail("single_gap", "gap " + only.end() + "-" + only.start() + " after period '"
                        + only.name() + "' " + only.start() + "-" + only.end()
                        + " (a single period must cover the whole day: end = start)", only.end(), only.start(),
                        only.name());
            }
            return;
        }
        int total = 0;
        for (int i = 0; i < periods.size(); i++) {
            Period cur = periods.get(i);
            Period next = periods.get((i + 1) % periods.size());
            if (cur.start().equals(cur.end())) {
                throw where.fail("whole_day", "period '" + cur.name() + "' " + cur.start() + "-" + cur.end()
                        + " covers the whole day and overlaps period '" + next.name() + "'", cur.name(), cur.start(),
                        cur.end(), next.name());
            }
            total += cur.lengthMinutes();
            if (cur.end().equals(next.start())) {
                continue;
            }
            int offset = Math.floorMod(minutes(next.start()) - minutes(cur.start()), DAY);
            if (offset < cur.lengthMinutes()) {
                throw where.fail("overlap", "period '" + next.name() + "' " + next.start() + "-"
                        + next.end() + " overlaps period '" + cur.name() + "' " + cur.start() + "-" + cur.end()
                        + " (" + next.start() + "-" + cur.end() + ")", next.name(), next.start(), next.end(),
                        cur.name(), cur.start(), cur.end());
            }
            throw where.fail("gap", "gap " + cur.end() + "-" + next.start() + " between period '"
                    + cur.name() + "' " + cur.start() + "-" + cur.end() + " and period '" + next.name() + "' "
                    + next.start() + "-" + next.end(), cur.end(), next.start(), cur.name(), next.name());
        }
        if (total != DAY) {
            String last = periods.get(periods.size() - 1).name();
            throw where.fail("not_one_day", "the periods add up to " + total
                    + " minutes, not one day of 1440 (they wrap around midnight more than once; period '"
                    + last + "')", total, last);
        }
    }

    private static void validatePeriod(Where where, Period p) throws TariffException {
        String at = "period '" + p.name() + "' " + p.start() + "-" + p.end();
        if (p.name().isBlank()) {
            throw where.fail("no_name", "a period " + p.start() + "-" + p.end() + " has no name", p.start(),
                    p.end());
        }
        if (p.start().getSecond() != 0 || p.start().getNano() != 0 || p.end().getSecond() != 0
                || p.end().getNano() != 0) {
            throw where.failIn(at, "whole_minutes", "periods start and end on whole minutes", p.name(),
                    p.start(), p.end());
        }
        if (p.free()) {
            return;
        }
        if (p.unitMinutes() <= 0) {
            throw where.failIn(at, "unit_minutes", "unitMinutes must be greater than 0, not " + p.unitMinutes(),
                    p.name(), p.unitMinutes());
        }
        periodNonNegative(where, p, at, "unitFen", p.unitFen());
        periodNonNegative(where, p, at, "firstMinutes", p.firstMinutes());
        periodNonNegative(where, p, at, "firstFen", p.firstFen());
        if (p.firstMinutes() == 0 && p.firstFen() != 0) {
            throw where.failIn(at, "first_fen", "firstFen " + p.firstFen() + " without firstMinutes", p.name(),
                    p.firstFen());
        }
        periodNonNegative(where, p, at, "graceMinutes", p.graceMinutes());
        if (p.graceMinutes() >= p.unitMinutes()) {
            throw where.failIn(at, "grace", "graceMinutes " + p.graceMinutes() + " must be shorter than the unit ("
                    + p.unitMinutes() + " minutes)", p.name(), p.graceMinutes(), p.unitMinutes());
        }
        if (p.hasCap()) {
            periodNonNegative(where, p, at, "capFen", p.capFen());
        }
    }

    private static void validateLadder(Where where, ClassTariff c) throws TariffException {
        List<LadderStep> steps = c.ladder();
        if (steps.isEmpty()) {
            throw where.fail("ladder_empty", "mode LADDER without steps");
        }
        if (c.ladderCycleMinutes() <= 0) {
            throw where.fail("ladder_cycle", "ladder cycle must be greater than 0 minutes", c.ladderCycleMinutes());
        }
        int previousUpTo = 0;
        long previousFen = 0;
        for (int i = 0; i < steps.size(); i++) {
            LadderStep s = steps.get(i);
            String at = "ladder step #" + (i + 1) + " (≤" + s.upToMinutes() + " minutes)";
            if (s.upToMinutes() <= previousUpTo) {
                throw where.failIn(at, "ladder_grow", "steps must grow, after ≤" + previousUpTo + " minutes", i + 1,
                        s.upToMinutes(), previousUpTo);
            }
            if (s.fen() < previousFen) {
                throw where.failIn(at, "ladder_cheaper", "costs " + s.fen() + " fen, less than the step before ("
                        + previousFen + "); a longer stay may not cost less", i + 1, s.upToMinutes(), s.fen(),
                        previousFen);
            }
            previousUpTo = s.upToMinutes();
            previousFen = s.fen();
        }
        if (previousUpTo != c.ladderCycleMinutes()) {
            throw where.fail("ladder_end", "the last ladder step ends at " + previousUpTo
                    + " minutes but the cycle is " + c.ladderCycleMinutes() + " minutes", previousUpTo,
                    c.ladderCycleMinutes());
        }
    }

    private static void nonNegative(Where where, String field, long value) throws TariffException {
        if (value < 0) {
            throw where.fail("negative", field + " must not be negative, not " + value, field, value);
        }
    }

    private static void periodNonNegative(Where where, Period p, String at, String field, long value)
            throws TariffException {
        if (value < 0) {
            throw where.failIn(at, "period_negative", field + " must not be negative, not " + value, p.name(),
                    field, value);
        }
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }
}
