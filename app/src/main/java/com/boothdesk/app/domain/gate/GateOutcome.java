package com.boothdesk.app.domain.gate;

/**
 * What the barrier's device confirmed for one command: the lane card's ACK, the camera reply actually handed to the
 * camera, or nothing.
 *
 * @param result what became of the command
 * @param detail a short reason for the log and the record (device status, why it failed)
 */
public record GateOutcome(Result result, String detail) {

    public enum Result {
        /** The device acknowledged the command (card ACK 0). */
        CONFIRMED,
        /** The command went out to a device that does not acknowledge (card without ACK, camera reply). */
        SENT,
        /** The command never reached the device or it refused it: dropped stale, no ACK, NACK, port gone. */
        FAILED,
        /** This route cannot do it (the camera relay cannot hold or lower the barrier). */
        UNSUPPORTED
    }

    public GateOutcome {
        detail = detail == null ? "" : detail;
    }

    public static GateOutcome confirmed(String detail) {
        return new GateOutcome(Result.CONFIRMED, detail);
    }

    public static GateOutcome sent(String detail) {
        return new GateOutcome(Result.SENT, detail);
    }

    public static GateOutcome failed(String detail) {
        return new GateOutcome(Result.FAILED, detail);
    }

    public static GateOutcome unsupported(String detail) {
        return new GateOutcome(Result.UNSUPPORTED, detail);
    }

    /** True when the barrier can be taken to have moved: confirmed, or sent to a device that never confirms. */
    public boolean moved() {
        return result == Result.CONFIRMED || result == Result.SENT;
    }
}
