package com.boothdesk.app.domain.lists;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * A blacklisted plate (黑名单). It is active when all three hold, in the park's local time:
 * <ul>
 * <li>inside the validity ({@code validFrom}..{@code validTo}, both included; null = open);</li>
 * <li>inside the daily window {@code windowStart}..{@code windowEnd} (end excluded; null or equal ends = all day;
 * a start after the end crosses midnight, e.g. 22:00-06:00);</li>
 * <li>the window's day is one of {@code weekdays} (empty = every day). For a window crossing midnight the day is
 * the day the window STARTED: Friday 22:00-06:00 covers Saturday 02:00.</li>
 * </ul>
 *
 * @param plate       normalised plate
 * @param reason      why (resume / 备注), shown to the attendant
 * @param blackId     black_uuid, the id shared with the cloud
 * @param validFrom   first active local date-time; null = always was
 * @param validTo     last active local date-time; null = no end
 * @param windowStart daily window start; null = all day
 * @param windowEnd   daily window end (excluded); null = all day
 * @param weekdays    days the window applies; empty = every day
 */
public record BlacklistEntry(String plate, String reason, String blackId, LocalDateTime validFrom,
                             LocalDateTime validTo, LocalTime windowStart, LocalTime windowEnd,
                             Set<DayOfWeek> weekdays) {

    public BlacklistEntry {
        Objects.requireNonNull(plate, "plate");
        reason = reason == null ? "" : reason;
        blackId = blackId == null ? "" : blackId;
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
    }

    /** Always active. */
    public BlacklistEntry(String plate, String reason) {
        this(plate, reason, "", null, null, null, null, Set.of());
    }

    /** Whether the entry applies at this local date-time of the park. */
    public boolean activeAt(LocalDateTime local) {
        if (validFrom != null && local.isBefore(validFrom)) {
            return false;
        }
        if (validTo != null && local.isAfter(validTo)) {
            return false;
        }
        LocalDate windowDay = local.toLocalDate();
        LocalTime t = local.toLocalTime();
        if (windowStart != null && windowEnd != null && !windowStart.equals(windowEnd)) {
            if (windowStart.isBefore(windowEnd)) {
                if (t.isBefore(windowStart) || !t.isBefore(windowEnd)) {
                    return false;
                }
            } else if (t.isBefore(windowEnd)) {
                windowDay = windowDay.minusDays(1);
            } else if (t.isBefore(windowStart)) {
                return false;
            }
        }
        return weekdays.isEmpty() || weekdays.contains(windowDay.getDayOfWeek());
    }
}
