package com.boothdesk.app.domain.lists;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the lists say about one plate at one instant.
 *
 * @param plate       the plate asked about, normalised
 * @param at          the instant asked about
 * @param monthly     the monthly card holding the plate (the one valid at {@code at} when there are several);
 *                    present also when expired, so that the lane can say so
 * @param white       the white-list / internal-car entry (present also when outside its dates)
 * @param visitor     the approved visitor pass (the one usable at {@code at} when there are several)
 * @param blacklist   present only when a blacklist entry is ACTIVE at {@code at} (dates, daily window, weekdays)
 * @param lock        present while the car is locked by its owner (3.9 lock_car)
 * @param storedValue the stored-value card holding the plate
 */
public record PlateStatus(String plate, Instant at, Optional<MonthlyCard> monthly, Optional<WhiteListEntry> white,
                          Optional<VisitorPass> visitor, Optional<BlacklistEntry> blacklist, Optional<CarLock> lock,
                          Optional<StoredValueCard> storedValue) {

    public PlateStatus {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(monthly, "monthly");
        Objects.requireNonNull(white, "white");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(blacklist, "blacklist");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(storedValue, "storedValue");
    }

    /** Nothing listed for this plate. */
    public static PlateStatus none(String plate, Instant at) {
        return new PlateStatus(plate, at, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** True when no list mentions the plate. */
    public boolean isNone() {
        return monthly.isEmpty() && white.isEmpty() && visitor.isEmpty() && blacklist.isEmpty() && lock.isEmpty()
                && storedValue.isEmpty();
    }
}
