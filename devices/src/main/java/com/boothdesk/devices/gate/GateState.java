package com.boothdesk.devices.gate;

/**
 * Barrier position as far as it is known. The card relay does not report it; cameras that do: Hikvision
 * {@code barrierGateStatus}, Zhenshi's gate-state field ({@code ZhenshiPushServer#GATE_FIELD}).
 */
public enum GateState {
    /** The device does not report its position. */
    UNKNOWN,
    OPEN,
    CLOSED,
    /** Held open (rush hour) until released. */
    HELD_OPEN,
    /** The device reports a fault of the barrier (blocked, limit switch missing). */
    FAULT
}
