package com.boothdesk.app.domain.gate;

import java.time.Instant;
import java.util.Objects;

/**
 * A barrier movement, as recorded in the store before the command goes out.
 *
 * @param cause    why: {@link Cause}
 * @param operator who (attendant id), or {@code system} for automatic openings
 * @param orderId  the stay it belongs to, may be null (manual override without a car record)
 */
public record GateEvent(String laneId, Instant at, Action action, Cause cause, String operator, String orderId,
                        String reason) {

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
