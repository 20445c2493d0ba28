package com.boothdesk.devices.health;

import java.time.Instant;
import java.util.Objects;

/**
 * A device's health with the reason, for the booth screen's device panel.
 *
 * @param deviceId stable id, e.g. "card:/dev/ttyUSB0#0" or "camera:192.168.1.100"
 * @param health the state
 * @param detail a short human reason ("no ACK from card 0x00 after 3 tries")
 * @param since when this state began (from the injected clock)
 */
public record HealthStatus(String deviceId, DeviceHealth health, String detail, Instant since) {
    public HealthStatus {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(since, "since");
    }
}
