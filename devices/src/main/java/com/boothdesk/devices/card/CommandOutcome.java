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
        /** The card answered ACK 0: the only status that confirms the command was carried out. */
        ACKED,
        /** Written to the line; the card is configured not to answer (or a camera took it): not confirmed. */
        SENT,
        /** The card answered with a non-zero ACK: it refused the command. */
        NACKED,
        /** Written, but no answer after all retries: the card may or may not have carried it out. */
        NO_ACK,
        /** Not written before its deadline although the line was up (it waited behind others); never replayed. */
        DROPPED_STALE,
        /** Not written before its deadline because the serial link was down (unplugged, reconnecting). */
        LINK_DOWN,
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

    /** True only when the card acknowledged the command (a gate open that is known to have happened). */
    public boolean confirmed() {
        return status == Status.ACKED;
    }

    /** True when the bytes were written to the line (whatever the card answered). */
    public boolean written() {
        return status == Status.ACKED || status == Status.SENT || status == Status.NACKED || status == Status.NO_ACK;
    }

    /** True when the bytes reached the line and the card did not refuse them. */
    public boolean delivered() {
        return status == Status.ACKED || status == Status.SENT;
    }
}
