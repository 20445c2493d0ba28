package com.boothdesk.app;

import java.util.Map;

/**
 * The booth-wide facts the header shows.
 *
 * @param cloud         link state name (STOPPED, CONNECTING, LOGGED_IN, DOWN)
 * @param outboxPending uplinks stored but not yet acknowledged by the cloud
 * @param inLot         cars in the lot
 * @param freeSpaces    remaining spaces in the whole lot
 * @param freeByArea    remaining spaces per area, in configuration order
 * @param operator      attendant on duty
 * @param devices       per lane: health of its LED/voice card, its barrier and its camera
 */
public record BoothStatus(String cloud, int outboxPending, int inLot, int freeSpaces,
                          Map<String, Integer> freeByArea, String operator, Map<String, LaneDevices> devices) {

    public BoothStatus {
        freeByArea = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(freeByArea));
        devices = Map.copyOf(devices);
    }

    /**
     * Health names (CONNECTED, DEGRADED, OFFLINE, UNKNOWN); UNKNOWN is never shown as fine. {@code barrier}: the
     * barrier's position as its camera reports it (a {@code GateState} name: OPEN, CLOSED, HELD_OPEN, FAULT; UNKNOWN
     * where the device reports none).
     */
    public record LaneDevices(String card, String gate, String camera, String barrier) {

        public LaneDevices(String card, String gate, String camera) {
            this(card, gate, camera, "UNKNOWN");
        }
    }
}
