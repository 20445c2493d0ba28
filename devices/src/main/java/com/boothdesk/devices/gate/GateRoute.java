package com.boothdesk.devices.gate;

/** Which relay drives a lane's barrier, from the site configuration. */
public enum GateRoute {
    /** Relay 0x0F of the lane's LED/voice card, over the USB-RS485 adapter. */
    CARD_RELAY,
    /** The LPR camera's relay, pulsed through its HTTP reply ({@code "info":"ok"}). */
    CAMERA_RELAY
}
