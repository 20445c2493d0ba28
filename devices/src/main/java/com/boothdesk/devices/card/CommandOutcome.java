package com.boothdesk.devices.card;

/**
 * What became of one command sent to a lane card.
 *
 * @param status the result
 * @param ackCode the card's ACK byte when it answered (0 = success), else -1
 * @param detail a short reason for logs and the UI
 */
public record CommandOutcome(Status status, int ackCode, String detail) {

    /** Result kinds. */
    public enum Status {
        /** The card answered ACK 0. */
        ACKED,
        /** Written to the line; the card is configured not to answer. */
        SENT,
        /** The card answered with a non-zero ACK. */
        NACKED,
        /** Written, but no answer after all retries. */
        NO_ACK,
        /** Could not be written before its deadline (port gone); dropped, never replayed. */
        DROPPED_STALE,
        /** A gate open too soon after the previous one; ignored. */
        THROTTLED,
        /** Invalid arguments (text too long for a QR code, value out of range); nothing sent. */
        REJECTED,
        /** The driver was closed before the command went out. */
        CLOSED
    }

    public static CommandOutcome of(Status status, String detail) {
        return new CommandOutcome(status, -1, detail);
    }

    /** True when the bytes reached the line and the card did not refuse them. */
    public boolean delivered() {
        return status == Status.ACKED || status == Status.SENT;
    }
}
