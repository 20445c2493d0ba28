package com.boothdesk.devices.snapshot;

import java.time.Instant;
import java.util.Objects;

/**
 * A still picture taken on demand: evidence for a manual gate opening, or the cloud's capture request (3.31).
 *
 * @param jpeg the image as JPEG (do not modify)
 * @param width pixels
 * @param height pixels
 * @param takenAt when it was taken (injected clock)
 * @param source which camera ("webcam:USB Camera", "http://192.168.1.64/...")
 */
public record Snapshot(byte[] jpeg, int width, int height, Instant takenAt, String source) {
    public Snapshot {
        Objects.requireNonNull(jpeg, "jpeg");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(source, "source");
    }
}
