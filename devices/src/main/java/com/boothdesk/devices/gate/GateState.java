package com.boothdesk.devices.gate;

/** Barrier position as far as it is known. Neither the card relay nor the camera relay reports it back. */
public enum GateState {
    /** The device does not report its position. */
    UNKNOWN,
    OPEN,
    CLOSED,
    /** Held open (rush hour) until released. */
    HELD_OPEN
}
