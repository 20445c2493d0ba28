package com.boothdesk.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the booth keeps its records (docs/configuration.md "Store: one booth or a site"): the embedded H2 file in the
 * data folder (no {@code store.url}, the default for a single booth) or a site's shared PostgreSQL server
 * ({@code store.url=jdbc:postgresql://server:5432/boothdesk}). The password is never read from the site file or the
 * command line without a warning: it comes from {@code <data>/secrets.properties} ({@code store.password}) or the
 * environment variable {@value #PASSWORD_ENV}.
 *
 * @param url          the JDBC URL of the site database, or null for the embedded H2 file
 * @param user         the database user (PostgreSQL)
 * @param password     the database password (PostgreSQL), or null
 * @param poolSize     connections the booth keeps open to the server
 * @param lotRefresh   how often the in-memory index of the cars inside is re-read from a shared database
 * @param outboxLease  how long a booth's claim on its cloud messages lasts without renewal: another booth takes them
 *                     over when this booth has been gone (or cut off from the cloud) for that long
 * @param boothId      this booth's id ({@code booth.id}): the owner of its claims, the workstation of its shifts
 */
public record StoreSettings(String url, String user, String password, int poolSize, Duration lotRefresh,
                            Duration outboxLease, String boothId) {

    public static final String PASSWORD_KEY = "store.password";
    public static final String PASSWORD_ENV = "BOOTHDESK_STORE_PASSWORD";

    /** The embedded H2 file of a single booth. */
    public static StoreSettings embedded(String boothId) {
        return new StoreSettings(null, null, null, 8, Duration.ofSeconds(2), Duration.ofSeconds(30), boothId);
    }

    /** True for the embedded H2 file in the data folder (one booth). */
    public boolean embedded() {
        return url == null;
    }

    /** Read from the configuration's keys (defaults, site file, secrets file, environment, overrides). */
    public static StoreSettings from(BoothConfig config) {
        return from(config.keys(), config.boothId());
    }

    static StoreSettings from(Map<String, String> k, String boothId) {
        String url = blankToNull(k.get("store.url"));
        if (url != null && !url.startsWith("jdbc:postgresql://") && !url.startsWith("jdbc:h2:")) {
            throw new ConfigException("store.url: '" + url + "' is neither a PostgreSQL URL (jdbc:postgresql://host:5432/db)"
                    + " nor empty (the embedded H2 file)");
        }
        String user = blankToNull(k.get("store.user"));
        if (url != null && url.startsWith("jdbc:postgresql:") && user == null) {
            throw new ConfigException("store.user: a PostgreSQL store.url needs the database user");
        }
        return new StoreSettings(url, user, blankToNull(k.get(PASSWORD_KEY)),
                integer(k, "store.pool_size", 8, 1, 64),
                Duration.ofMillis(integer(k, "store.lot_refresh_ms", 2000, 100, 600_000)),
                Duration.ofSeconds(integer(k, "store.outbox_takeover_seconds", 30, 5, 86_400)), boothId);
    }

    /** A description without the password, for the log. */
    public String describe() {
        return embedded() ? "embedded H2 file" : url + " as " + user;
    }

    private static int integer(Map<String, String> k, String key, int dflt, int min, int max) {
        String v = blankToNull(k.get(key));
        if (v == null) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw new ConfigException(key + ": " + i + " is outside " + min + ".." + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": '" + v + "' is not a whole number");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The folder of the embedded H2 file. */
    public static Path h2Folder(Path dataDir) {
        return dataDir.resolve("db");
    }

    @Override
    public String toString() {
        return "StoreSettings[" + describe() + ", pool " + poolSize + ", booth " + boothId + "]";
    }
}
