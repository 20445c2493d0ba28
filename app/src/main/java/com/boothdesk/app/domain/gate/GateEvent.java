package com.boothdesk.app.domain.gate;

import java.time.Instant;
import java.util.Objects;

/**
 * A barrier movement, as recorded in the store once the device answered (or did not).
 *
 * @param cause    why: {@link Cause}
 * @param operator who (attendant id), or {@code system} for automatic openings
 * @param orderId  the stay it belongs to, may be null (manual override without a car record)
 * @param image    the evidence picture of a manual movement (image store reference), may be null
 * @param outcome  what the device confirmed; a {@link GateOutcome#moved() failed} command is recorded as such and
 *                 is never reported to the cloud as a movement
 */
public record GateEvent(String laneId, Instant at, Action action, Cause cause, String operator, String orderId,
                        String reason, String image, GateOutcome outcome) {

    public GateEvent(String laneId, Instant at, Action action, Cause cause, String operator, String orderId,
                     String reason) {
        this(laneId, at, action, cause, operator, orderId, reason, null);
    }

    /** A movement whose device answer is not known to the caller (taken as sent). */
    public GateEvent(String laneId, Instant at, Action action, Cause cause, String operator, String orderId,
                     String reason, String image) {
        this(laneId, at, action, cause, operator, orderId, reason, image, GateOutcome.sent(""));
    }

    public enum Action { OPEN, CLOSE, KEEP_OPEN, RELEASE_KEEP_OPEN }

    public enum Cause { ENTRY_ACCEPTED, EXIT_PAID, EXIT_FREE, MANUAL }

    public GateEvent {
        Objects.requireNonNull(laneId, "laneId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(operator, "operator");
        outcome = outcome == null ? GateOutcome.sent("") : outcome;
    }

    /** The action a manual barrier command records. */
    public static Action of(BarrierAction a) {
        return switch (a) {
            case OPEN -> Action.OPEN;
            case CLOSE -> Action.CLOSE;
            case KEEP_OPEN -> Action.KEEP_OPEN;
            case RELEASE_KEEP_OPEN -> Action.RELEASE_KEEP_OPEN;
        };
    }
}
