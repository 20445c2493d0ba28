package com.boothdesk.devices.health;

import java.util.function.Consumer;

/** Something that reports a {@link HealthStatus}: serial cards, the camera server, snapshot sources. */
public interface HealthSource {
    /** The current status; {@link DeviceHealth#UNKNOWN} until the device has proved itself. */
    HealthStatus health();

    /** Adds a listener called on every change of health or detail, on the thread that noticed the change. */
    void addHealthListener(Consumer<HealthStatus> listener);
}
