package com.boothdesk.devices.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the server tells a camera in the HTTP reply to its push.
 *
 * @param openGate pulse the camera's gate relay ({@code "info":"ok"})
 * @param serialData bytes for the camera to write to its serial outputs (LED/voice card frames)
 */
public record CameraReply(boolean openGate, List<SerialPayload> serialData) {
    private static final CameraReply NONE = new CameraReply(false, List.of());

    public CameraReply {
        serialData = List.copyOf(Objects.requireNonNull(serialData, "serialData"));
    }

    /** Nothing to do: gate stays shut, no serial bytes. */
    public static CameraReply none() {
        return NONE;
    }

    /** Pulse the gate relay, plus optional card frames. */
    public static CameraReply open(List<SerialPayload> serialData) {
        return new CameraReply(true, serialData);
    }

    /** Only serial bytes (screen and voice), gate untouched. */
    public static CameraReply serial(List<SerialPayload> serialData) {
        return new CameraReply(false, serialData);
    }

    public boolean isEmpty() {
        return !openGate && serialData.isEmpty();
    }

    /** This reply plus {@code other}: the gate opens if either opens it, serial data in order. */
    public CameraReply merge(CameraReply other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<SerialPayload> all = new ArrayList<>(serialData);
        all.addAll(other.serialData);
        return new CameraReply(openGate || other.openGate, all);
    }

    /** The same reply without the gate pulse (for offline re-pushes: far too late to open anything). */
    public CameraReply withoutGate() {
        return openGate ? new CameraReply(false, serialData) : this;
    }
}
