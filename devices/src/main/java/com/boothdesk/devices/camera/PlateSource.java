package com.boothdesk.devices.camera;

import com.boothdesk.devices.health.HealthSource;
import java.io.IOException;

/**
 * A source of plate reads from one camera brand's protocol (Zhenshi HTTP push today; Hikvision, Dahua, Huaxia later).
 * Implementations call their {@link PlateEventHandler} for every new read and carry its {@link CameraReply} back to
 * the camera where the protocol allows it.
 */
public interface PlateSource extends HealthSource, AutoCloseable {
    /** Starts listening / connecting. */
    void start() throws IOException;

    /**
     * Queues a reply for the camera with this serial number, delivered with the answer to its next request
     * (push or heartbeat) if that comes within {@code windowMillis}; otherwise it is dropped, never sent late.
     */
    void queueForCamera(String serialNo, CameraReply reply, long windowMillis);

    @Override
    void close();
}
