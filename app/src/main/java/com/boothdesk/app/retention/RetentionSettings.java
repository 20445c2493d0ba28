package com.boothdesk.app.retention;

import java.util.Properties;

/**
 * How long history is kept, and when the database file is compacted.
 *
 * @param outboxDays        acknowledged cloud messages older than this are deleted (undelivered ones never)
 * @param gateEventDays     barrier movements older than this are deleted (those of stays still inside never)
 * @param pictureDays       entry/exit/lane pictures (files and their upload rows) older than this are deleted (those
 *                          of cars still inside, and pictures not yet uploaded, never)
 * @param hour              the local hour of the daily purge (a quiet hour)
 * @param compactEveryDays  at a stop, the file is compacted ({@code SHUTDOWN COMPACT}) when the last compaction is
 *                          at least this old; 0 = never
 */
public record RetentionSettings(int outboxDays, int gateEventDays, int pictureDays, int hour, int compactEveryDays) {

    public RetentionSettings {
        if (outboxDays < 1 || gateEventDays < 1 || pictureDays < 1) {
            throw new IllegalArgumentException("retention days must be at least 1");
        }
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("retention.hour must be 0..23: " + hour);
        }
        if (compactEveryDays < 0) {
            throw new IllegalArgumentException("retention.compact_every_days must not be negative");
        }
    }

    /** 30 days of delivered messages, a year of barrier movements, 90 days of pictures; 03:00; compact weekly. */
    public static RetentionSettings defaults() {
        return new RetentionSettings(30, 365, 90, 3, 7);
    }

    /**
     * The defaults overridden by {@code retention.outbox_days}, {@code retention.gate_event_days},
     * {@code retention.picture_days}, {@code retention.hour}, {@code retention.compact_every_days} in {@code p}
     * (each also readable as a system property {@code boothdesk.retention.*}).
     */
    public static RetentionSettings from(Properties p) {
        RetentionSettings d = defaults();
        return new RetentionSettings(get(p, "outbox_days", d.outboxDays()), get(p, "gate_event_days",
                d.gateEventDays()), get(p, "picture_days", d.pictureDays()), get(p, "hour", d.hour()),
                get(p, "compact_every_days", d.compactEveryDays()));
    }

    private static int get(Properties p, String key, int fallback) {
        String v = p.getProperty("retention." + key, System.getProperty("boothdesk.retention." + key));
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("retention." + key + " must be a whole number, not '"
                    + (v.length() > 20 ? v.substring(0, 20) + "…" : v) + "'", e);
        }
    }
}
