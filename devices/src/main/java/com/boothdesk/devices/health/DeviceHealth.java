package com.boothdesk.devices.health;

/** Health of one device as the booth screen shows it. {@link #UNKNOWN} is never shown as fine. */
public enum DeviceHealth {
    /** Talking to the device and it answers. */
    CONNECTED,
    /** Reachable but not right: no acknowledgements, stale heartbeats, errors. */
    DEGRADED,
    /** Not reachable: port gone, camera silent, no webcam. */
    OFFLINE,
    /** Not known yet (nothing sent or heard since start or reconnect). */
    UNKNOWN;

    /** Only {@link #CONNECTED} counts as fine. */
    public boolean isFine() {
        return this == CONNECTED;
    }
}
