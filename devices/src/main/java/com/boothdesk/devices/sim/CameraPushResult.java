package com.boothdesk.devices.sim;

import com.boothdesk.devices.camera.SerialPayload;
import java.util.List;

/**
 * The server's answer to one simulated camera request, parsed as the camera would.
 *
 * @param status HTTP status, or -1 if the request did not get through
 * @param body raw response body (or the error text)
 * @param openGate the reply carried {@code "info":"ok"}
 * @param serialData bytes the camera would write to its serial ports
 * @param continueOffline the reply carried {@code ContinuePushOffline} with {@code continue:1}
 * @param plateId the plate id sent (-1 for heartbeats and raw bodies)
 */
public record CameraPushResult(int status, String body, boolean openGate, List<SerialPayload> serialData,
                               boolean continueOffline, long plateId) {
    public CameraPushResult {
        serialData = List.copyOf(serialData);
    }

    public boolean ok() {
        return status == 200;
    }
}
