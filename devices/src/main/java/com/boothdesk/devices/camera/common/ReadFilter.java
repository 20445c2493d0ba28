package com.boothdesk.devices.camera.common;

import com.boothdesk.devices.camera.PlateEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Drops repeated reads of one camera: a record id seen before (offline re-pushes repeat them, live reads pre-empt
 * offline ones), and the same live plate within an interval. Bounded memory; thread-safe.
 */
public final class ReadFilter {
    private final Duration samePlateInterval;
    private final Map<String, Boolean> seenIds;
    private final Map<String, Instant> lastPlate;

    public ReadFilter(Duration samePlateInterval, int rememberedIds) {
        this.samePlateInterval = Objects.requireNonNull(samePlateInterval, "samePlateInterval");
        if (rememberedIds < 1) {
            throw new IllegalArgumentException("rememberedIds >= 1");
        }
        this.seenIds = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > rememberedIds;
            }
        };
        this.lastPlate = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > 1000;
            }
        };
    }

    /** Null when the read is new, else why it is a repeat. */
    public synchronized String duplicateReason(PlateEvent e, Instant now) {
        if (e.plateId() >= 0) {
            String key = e.serialNo() + "#" + e.plateId();
            if (seenIds.containsKey(key)) {
                return "record id already received";
            }
            seenIds.put(key, Boolean.TRUE);
        }
        if (e.offline() || e.noPlate() || samePlateInterval.isZero()) {
            return null;
        }
        String key = e.serialNo() + "|" + e.plate();
        Instant prev = lastPlate.put(key, now);
        if (prev != null && Duration.between(prev, now).compareTo(samePlateInterval) < 0) {
            return "same plate within " + samePlateInterval.toSeconds() + " s";
        }
        return null;
    }
}
