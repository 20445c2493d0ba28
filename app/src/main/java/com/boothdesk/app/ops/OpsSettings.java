package com.boothdesk.app.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import com.boothdesk.app.config.ConfigException;

/**
 * The {@code ops.*} keys of the site file (docs/configuration.md, "Operations: clock, LED clocks, log upload"),
 * over their defaults.
 *
 * @param clockDriftWarn       warn when the booth clock is off the cloud's or a camera's clock by more than this
 * @param cardClockSync        how often the lanes' LED cards get the booth's time (0x05); zero: never
 * @param logUploadServiceName the service_name of 3.32 (INFERRED: the notes do not name it)
 * @param logUploadUrl         where the logs go when 3.32 names no address (the notes' example of 2.32)
 * @param logUploadMaxBytes    the zip of one request holds at most this much log (newest files first)
 * @param logUploadDays        the period when 3.32 names none: the last this many days
 */
public record OpsSettings(Duration clockDriftWarn, Duration cardClockSync, String logUploadServiceName,
                          String logUploadUrl, long logUploadMaxBytes, int logUploadDays) {

    public static OpsSettings defaults() {
        return new OpsSettings(Duration.ofSeconds(60), Duration.ofHours(6), "upload_park_log",
                "http://s.bolink.club/web/parkAferSale/uploadFile", 100L << 20, 1);
    }

    /** The keys of {@code <data>/boothdesk.properties}, over the defaults. */
    public static OpsSettings load(Path dataDir) {
        Properties p = new Properties();
        Path site = dataDir.resolve("boothdesk.properties");
        if (Files.isRegularFile(site)) {
            try (Reader r = Files.newBufferedReader(site, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + site + ": " + e.getMessage());
            }
        }
        return from(p);
    }

    public static OpsSettings from(Properties p) {
        OpsSettings d = defaults();
        int drift = integer(p, "ops.clock_drift_warn_seconds", (int) d.clockDriftWarn().toSeconds(), 1, 86_400);
        int sync = integer(p, "ops.card_clock_sync_hours", (int) d.cardClockSync().toHours(), 0, 24 * 30);
        String service = p.getProperty("ops.log_upload_service_name", d.logUploadServiceName()).trim();
        if (!service.matches("[0-9A-Za-z_]{1,64}")) {
            throw new ConfigException("ops.log_upload_service_name: only [0-9A-Za-z_], max 64: '" + service + "'");
        }
        String url = p.getProperty("ops.log_upload_url", d.logUploadUrl()).trim();
        if (!url.matches("https?://[\\x21-\\x7e]{1,500}")) {
            throw new ConfigException("ops.log_upload_url: an http:// or https:// address is expected: '" + url + "'");
        }
        int maxMb = integer(p, "ops.log_upload_max_mb", (int) (d.logUploadMaxBytes() >> 20), 1, 10_000);
        int days = integer(p, "ops.log_upload_days", d.logUploadDays(), 1, 60);
        return new OpsSettings(Duration.ofSeconds(drift), Duration.ofHours(sync), service, url, (long) maxMb << 20,
                days);
    }

    private static int integer(Properties p, String key, int dflt, int min, int max) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new ConfigException(key + ": " + n + " is not in " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": not a number: '" + v.trim() + "' (expected " + min + ".." + max + ")");
        }
    }
}
