package com.boothdesk.app.domain.fee;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** Rejects tariffs the engine cannot price without guessing; every message names where the problem is. */
final class TariffValidator {

    private static final int DAY = 24 * 60;

    private TariffValidator() {
    }

    static void validate(Tariff tariff) throws TariffException {
        if (tariff.classes().isEmpty()) {
            throw new TariffException("tariff '" + tariff.id() + "' has no vehicle class");
        }
        if (tariff.defaultClass() == null || !tariff.classes().containsKey(tariff.defaultClass())) {
            throw new TariffException("tariff '" + tariff.id() + "': default class '" + tariff.defaultClass()
                    + "' is not one of its classes " + tariff.classes().keySet());
        }
        for (Map.Entry<String, ClassTariff> e : tariff.classes().entrySet()) {
            if (!e.getKey().equals(e.getValue().vehicleClass())) {
                throw new TariffException("tariff '" + tariff.id() + "': class key '" + e.getKey()
                        + "' holds the rules of class '" + e.getValue().vehicleClass() + "'");
            }
            validate("tariff '" + tariff.id() + "' class '" + e.getKey() + "'", e.getValue());
        }
    }

    private static void validate(String where, ClassTariff c) throws TariffException {
        nonNegative(where, "freeMinutes", c.freeMinutes());
        for (int i = 0; i < c.dailyCapsFen().size(); i++) {
            nonNegative(where, "daily cap #" + (i + 1), c.dailyCapsFen().get(i));
        }
        if (c.stayCapFen() != Period.NO_CAP) {
            nonNegative(where, "stay cap", c.stayCapFen());
        }
        if (c.mode() != ChargeMode.PERIODS && !c.dailyCapsFen().isEmpty()) {
            throw new TariffException(where + ": daily caps only apply to mode PERIODS, not " + c.mode());
        }
        if (c.mode() != ChargeMode.LADDER && !c.ladder().isEmpty()) {
            throw new TariffException(where + ": a duration ladder needs mode LADDER, not " + c.mode());
        }
        switch (c.mode()) {
            case PERIODS -> validatePeriods(where, c);
            case LADDER -> validateLadder(where, c);
            case PER_VISIT -> nonNegative(where, "perVisitFen", c.perVisitFen());
            case PER_DAY -> nonNegative(where, "perDayFen", c.perDayFen());
            default -> throw new TariffException(where + ": unknown mode " + c.mode());
        }
    }

    private static void validatePeriods(String where, ClassTariff c) throws TariffException {
        List<Period> workday = c.schedules().get(CalendarKind.WORKDAY);
        if (workday == null || workday.isEmpty()) {
            throw new TariffException(where + ": no workday periods");
        }
        for (Map.Entry<CalendarKind, List<Period>> e : c.schedules().entrySet()) {
            String at = where + " " + e.getKey().name().toLowerCase();
            validateDay(at, e.getValue());
            if (!e.getValue().get(0).start().equals(workday.get(0).start())) {
                throw new TariffException(at + ": the day starts at " + e.getValue().get(0).start()
                        + " (first period '" + e.getValue().get(0).name() + "') but the workday starts at "
                        + workday.get(0).start() + "; all calendar kinds must start their day at the same time");
            }
        }
    }

    private static void validateDay(String where, List<Period> periods) throws TariffException {
        if (periods.isEmpty()) {
            throw new TariffException(where + ": no periods");
        }
        for (Period p : periods) {
            validatePeriod(where, p);
        }
        if (periods.size() == 1) {
            Period only = periods.get(0);
            if (!only.start().equals(only.end())) {
                throw new TariffException(where + ": gap " + only.end() + "-" + only.start() + " after period '"
                        + only.name() + "' " + only.start() + "-" + only.end()
                        + " (a single period must cover the whole day: end = start)");
            }
            return;
        }
        int total = 0;
        for (int i = 0; i < periods.size(); i++) {
            Period cur = periods.get(i);
            Period next = periods.get((i + 1) % periods.size());
            if (cur.start().equals(cur.end())) {
                throw new TariffException(where + ": period '" + cur.name() + "' " + cur.start() + "-" + cur.end()
                        + " covers the whole day and overlaps period '" + next.name() + "'");
            }
            total += cur.lengthMinutes();
            if (cur.end().equals(next.start())) {
                continue;
            }
            int offset = Math.floorMod(minutes(next.start()) - minutes(cur.start()), DAY);
            if (offset < cur.lengthMinutes()) {
                throw new TariffException(where + ": period '" + next.name() + "' " + next.start() + "-"
                        + next.end() + " overlaps period '" + cur.name() + "' " + cur.start() + "-" + cur.end()
                        + " (" + next.start() + "-" + cur.end() + ")");
            }
            throw new TariffException(where + ": gap " + cur.end() + "-" + next.start() + " between period '"
                    + cur.name() + "' " + cur.start() + "-" + cur.end() + " and period '" + next.name() + "' "
                    + next.start() + "-" + next.end());
        }
        if (total != DAY) {
            throw new TariffException(where + ": the periods add up to " + total
                    + " minutes, not one day of 1440 (they wrap around midnight more than once; period '"
                    + periods.get(periods.size() - 1).name() + "')");
        }
    }

    private static void validatePeriod(String where, Period p) throws TariffException {
        String at = where + " period '" + p.name() + "' " + p.start() + "-" + p.end();
        if (p.name().isBlank()) {
            throw new TariffException(where + ": a period " + p.start() + "-" + p.end() + " has no name");
        }
        if (p.start().getSecond() != 0 || p.start().getNano() != 0 || p.end().getSecond() != 0
                || p.end().getNano() != 0) {
            throw new TariffException(at + ": periods start and end on whole minutes");
        }
        if (p.free()) {
            return;
        }
        if (p.unitMinutes() <= 0) {
            throw new TariffException(at + ": unitMinutes must be greater than 0, not " + p.unitMinutes());
        }
        nonNegative(at, "unitFen", p.unitFen());
        nonNegative(at, "firstMinutes", p.firstMinutes());
        nonNegative(at, "firstFen", p.firstFen());
        if (p.firstMinutes() == 0 && p.firstFen() != 0) {
            throw new TariffException(at + ": firstFen " + p.firstFen() + " without firstMinutes");
        }
        nonNegative(at, "graceMinutes", p.graceMinutes());
        if (p.graceMinutes() >= p.unitMinutes()) {
            throw new TariffException(at + ": graceMinutes " + p.graceMinutes() + " must be shorter than the unit ("
                    + p.unitMinutes() + " minutes)");
        }
        if (p.hasCap()) {
            nonNegative(at, "capFen", p.capFen());
        }
    }

    private static void validateLadder(String where, ClassTariff c) throws TariffException {
        List<LadderStep> steps = c.ladder();
        if (steps.isEmpty()) {
            throw new TariffException(where + ": mode LADDER without steps");
        }
        if (c.ladderCycleMinutes() <= 0) {
            throw new TariffException(where + ": ladder cycle must be greater than 0 minutes");
        }
        int previousUpTo = 0;
        long previousFen = 0;
        for (int i = 0; i < steps.size(); i++) {
            LadderStep s = steps.get(i);
            String at = where + " ladder step #" + (i + 1) + " (≤" + s.upToMinutes() + " minutes)";
            if (s.upToMinutes() <= previousUpTo) {
                throw new TariffException(at + ": steps must grow, after ≤" + previousUpTo + " minutes");
            }
            if (s.fen() < previousFen) {
                throw new TariffException(at + ": costs " + s.fen() + " fen, less than the step before ("
                        + previousFen + "); a longer stay may not cost less");
            }
            previousUpTo = s.upToMinutes();
            previousFen = s.fen();
        }
        if (previousUpTo != c.ladderCycleMinutes()) {
            throw new TariffException(where + ": the last ladder step ends at " + previousUpTo
                    + " minutes but the cycle is " + c.ladderCycleMinutes() + " minutes");
        }
    }

    private static void nonNegative(String where, String field, long value) throws TariffException {
        if (value < 0) {
            throw new TariffException(where + ": " + field + " must not be negative, not " + value);
        }
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }
}
