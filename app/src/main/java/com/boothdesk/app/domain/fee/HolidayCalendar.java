package com.boothdesk.app.domain.fee;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Says whether a date is priced as a workday or a holiday. */
@FunctionalInterface
public interface HolidayCalendar {

    CalendarKind kindOf(LocalDate date);

    /** Every day is a workday (the default: a lot without a holiday tariff). */
    static HolidayCalendar allWorkdays() {
        return date -> CalendarKind.WORKDAY;
    }

    /**
     * The official Chinese pattern: weekends and the listed holidays are holidays, except the listed make-up
     * working days (调休上班).
     */
    static HolidayCalendar of(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays, boolean weekendsAreHolidays) {
        Set<LocalDate> off = Set.copyOf(holidays);
        Set<LocalDate> on = Set.copyOf(makeUpWorkdays);
        return date -> {
            if (on.contains(date)) {
                return CalendarKind.WORKDAY;
            }
            if (off.contains(date)) {
                return CalendarKind.HOLIDAY;
            }
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            return weekendsAreHolidays && weekend ? CalendarKind.HOLIDAY : CalendarKind.WORKDAY;
        };
    }

    /**
     * Reads {@code {"weekendsAreHolidays": true, "holidays": ["2026-10-01", …], "workdays": ["2026-10-10", …]}}
     * (the dates are the site's; BoothDesk ships none, the official list changes every year). Does not close the
     * stream.
     *
     * @throws TariffException unreadable JSON, unknown fields or a bad date, with the field named
     */
    static HolidayCalendar read(InputStream json) throws TariffException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new TariffException("holiday calendar is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TariffException("a holiday calendar file holds one JSON object");
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!Set.of("weekendsAreHolidays", "holidays", "workdays", "comment").contains(field.getKey())) {
                throw new TariffException("holiday calendar: unknown field '" + field.getKey()
                        + "' (allowed: comment, holidays, weekendsAreHolidays, workdays)");
            }
        }
        JsonNode weekends = root.get("weekendsAreHolidays");
        if (weekends != null && !weekends.isBoolean()) {
            throw new TariffException("holiday calendar: 'weekendsAreHolidays' must be true or false, not " + weekends);
        }
        return of(dates(root, "holidays"), dates(root, "workdays"), weekends != null && weekends.asBoolean());
    }

    private static Set<LocalDate> dates(JsonNode root, String field) throws TariffException {
        Set<LocalDate> set = new HashSet<>();
        JsonNode list = root.get(field);
        if (list == null || list.isNull()) {
            return set;
        }
        if (!list.isArray()) {
            throw new TariffException("holiday calendar: '" + field + "' must be an array of dates yyyy-MM-dd");
        }
        for (JsonNode d : list) {
            try {
                set.add(LocalDate.parse(d.asText()));
            } catch (DateTimeException e) {
                throw new TariffException("holiday calendar: '" + field + "' holds '" + d.asText()
                        + "', not a date yyyy-MM-dd", e);
            }
        }
        return set;
    }
}
