package com.boothdesk.devices.snapshot;

import com.boothdesk.devices.health.HealthSource;

/**
 * A camera that takes still pictures on demand. Health is {@code UNKNOWN} until the first attempt, {@code CONNECTED}
 * after a picture, {@code OFFLINE} when no camera is there, {@code DEGRADED} when it is there but failing.
 */
public interface SnapshotSource extends HealthSource, AutoCloseable {
    /** Takes a picture now; blocks up to the source's timeout. Never returns null. */
    Snapshot capture() throws SnapshotException;

    /** A short description for logs and the device panel. */
    String description();

    @Override
    void close();
}
