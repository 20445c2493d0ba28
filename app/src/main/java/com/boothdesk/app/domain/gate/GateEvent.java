package com.boothdesk.app.domain.gate;

import java.time.Instant;
import java.util.Objects;

/**
 * A barrier movement, as recorded in the store before the command goes out.
 *
 * @param cause    why: {@link Cause}
 * @param operator who (attendant id), or {@code system} for automatic openings
 * @param orderId  the stay it belongs to, may be null (manual override without a car record)
 * @param image    the evidence picture of a manual movement (image store reference), may be null
 */
public record GateEvent(String laneId, Instant at, Action action, Cause cause, String operator, String orderId,
                        String reason, String image) {

    public GateEvent(String laneId, Instant at, Action action, Cause cause, String operator, String orderId,
                     String reason) {
        this(laneId, at, action, cause, operator, orderId, reason, null);
    }

    public enum Action { OPEN, CLOSE }

    public enum Cause { ENTRY_ACCEPTED, EXIT_PAID, EXIT_FREE, MANUAL }

    public GateEvent {
        Objects.requireNonNull(laneId, "laneId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(operator, "operator");
    }
}
