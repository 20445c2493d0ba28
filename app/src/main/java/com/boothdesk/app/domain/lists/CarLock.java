package com.boothdesk.app.domain.lists;

import java.time.Instant;
import java.util.Objects;

/**
 * The owner locked the car from the app (3.9 lock_car): the lane must refuse the exit unless the driver gives
 * {@code lockKey}.
 *
 * @param plate    normalised plate of the locked stay
 * @param lockedAt when the lock arrived
 * @param lockedBy who locked it ("cloud" for a 3.9 downlink)
 * @param orderId  the stay that is locked
 * @param lockKey  the 4-digit key the cloud gave the owner; "" when none
 */
public record CarLock(String plate, Instant lockedAt, String lockedBy, String orderId, String lockKey) {

    public CarLock {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(lockedAt, "lockedAt");
        lockedBy = lockedBy == null ? "" : lockedBy;
        orderId = orderId == null ? "" : orderId;
        lockKey = lockKey == null ? "" : lockKey;
    }

    public CarLock(String plate, Instant lockedAt, String lockedBy) {
        this(plate, lockedAt, lockedBy, "", "");
    }

    /** Whether {@code key} unlocks the exit (no key set = only the attendant's override can). */
    public boolean opensWith(String key) {
        return !lockKey.isEmpty() && lockKey.equals(key == null ? "" : key.trim());
    }
}
