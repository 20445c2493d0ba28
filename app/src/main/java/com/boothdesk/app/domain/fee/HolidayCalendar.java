package com.boothdesk.app.domain.fee;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

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
}
