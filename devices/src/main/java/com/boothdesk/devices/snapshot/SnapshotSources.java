package com.boothdesk.devices.snapshot;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds a {@link SnapshotSource} from a configuration string: {@code webcam}, {@code webcam:<name part>}, or an
 * {@code http(s)://} still-image URL.
 */
public final class SnapshotSources {
    private SnapshotSources() {
    }

    public static SnapshotSource fromConfig(String spec, Clock clock) {
        String s = spec == null ? "" : spec.trim();
        if (s.equals("webcam") || s.startsWith("webcam:")) {
            return new WebcamSnapshotSource(s.length() > 7 ? s.substring(7) : null, clock);
        }
        if (s.startsWith("http://") || s.startsWith("https://")) {
            return new HttpSnapshotSource(URI.create(s), clock, Duration.ofSeconds(3));
        }
        throw new IllegalArgumentException("snapshot camera must be 'webcam', 'webcam:<name>' or an http(s) URL: '"
                + spec + "'");
    }
}
