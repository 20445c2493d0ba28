package com.boothdesk.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.lane.LaneRules;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.plate.MatchSettings;
import com.boothdesk.app.domain.lane.LaneInfo;

/**
 * The whole configuration, read once at start from the built-in defaults ({@code boothdesk/config/boothdesk.properties}
 * on the class path) overlaid with the site's file. Every key is documented in docs/configuration.md.
 */
public record BoothConfig(Path dataDir, String boothId, String operator, int capacity, ZoneId zone, Locale locale,
                          Cloud cloud, Cameras cameras, List<LaneConfig> lanes, Duration debounce,
                          String vehicleClass, String tariffFile, Demo demo, LaneRules rules,
                          Map<String, Integer> areas, Map<String, String> keys, Operations ops) {

    /** The lane → area map. */
    public Map<String, String> laneAreas() {
        Map<String, String> m = new LinkedHashMap<>();
        lanes.forEach(l -> m.put(l.lane().id(), l.area()));
        return m;
    }

    public static final String DEFAULTS = "/boothdesk/config/boothdesk.properties";

    public enum CloudMode { SIMULATOR, TCP, VENDOR_SDK, OFF }

    /**
     * @param pictureUrl  the cloud's HTTP base for 2.12 pictures, or null (simulator mode: the simulator's)
     * @param sdkVersion  {@code cloud.sdk_version}: the SDK version whose login the booth sends ({@code version} in
     *                    the signed login data), or null for none
     * @param wireSecrets {@code cloud.wire_log_secrets}: wire.log shows sign and token (commissioning only)
     * @param uplinkPublicKey {@code cloud.uplink_public_key} (proto): SDK 4.2+ encrypted uplinks (1.2.1), the park's
     *                    RSA public key in Base64; null = uplinks handed to the vendor SDK in clear
     */
    public record Cloud(CloudMode mode, String host, int port, String unionId, String parkId, String localId,
                        String secret, Duration heartbeat, String pictureUrl, String vendorJar, String sdkVersion,
                        boolean wireSecrets, String uplinkPublicKey) {

        /** Without SDK 4.2+ uplink encryption. */
        public Cloud(CloudMode mode, String host, int port, String unionId, String parkId, String localId,
                     String secret, Duration heartbeat, String pictureUrl, String vendorJar, String sdkVersion,
                     boolean wireSecrets) {
            this(mode, host, port, unionId, parkId, localId, secret, heartbeat, pictureUrl, vendorJar, sdkVersion,
                    wireSecrets, null);
        }
    }

    public record Cameras(String host, int port, Set<String> allowed) {
    }

    /** @param autoAttendant the demo settles waiting exits itself (cash), so headless runs send out_park */
    public record Demo(boolean enabled, Duration entryInterval, Duration exitInterval, boolean autoAttendant) {
        public Demo(boolean enabled, Duration entryInterval, Duration exitInterval) {
            this(enabled, entryInterval, exitInterval, false);
        }
    }

    /**
     * Operations (docs/configuration.md "Operations").
     *
     * @param backupInterval zero: no scheduled backups
     * @param backupDir      relative to the data folder, or null for {@code <data>/backups}
     * @param diskWarnBytes  warn when the data folder's disk has less free space than this
     */
    public record Operations(Duration backupInterval, int backupKeep, Path backupDir, long diskWarnBytes) {

        static Operations from(Keys r) {
            String dir = r.optional("backup.dir");
            return new Operations(Duration.ofHours(r.integer("backup.interval_hours", 0, 24 * 365)),
                    r.integer("backup.keep", 1, 10_000), dir == null ? null : Path.of(dir),
                    (long) r.integer("disk.warn_mb", 0, 10_000_000) << 20);
        }
    }

    public LaneConfig lane(String id) {
        return lanes.stream().filter(l -> l.lane().id().equals(id)).findFirst()
                .orElseThrow(() -> new ConfigException("no lane '" + id + "' configured"));
    }

    /** The built-in defaults only. */
    public static Properties defaults() {
        Properties p = new Properties();
        try (InputStream in = BoothConfig.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new ConfigException("built-in configuration " + DEFAULTS + " is missing from the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read built-in configuration: " + e.getMessage());
        }
        return p;
    }

    /**
     * Loads the defaults, then {@code file} if given, else {@code <dataDir>/boothdesk.properties} if present.
     * {@code overrides} (e.g. from tests or the command line) win over both.
     */
    public static BoothConfig load(Path dataDir, Path file, Properties overrides) {
        return load(dataDir, file, overrides, System.getenv());
    }

    /** As {@link #load(Path, Path, Properties)}, with the environment given (for {@link Secrets}). */
    public static BoothConfig load(Path dataDir, Path file, Properties overrides, Map<String, String> env) {
        Properties p = defaults();
        Path site = file != null ? file : dataDir.resolve("boothdesk.properties");
        if (file != null && !Files.isRegularFile(file)) {
            throw new ConfigException("configuration file " + file + " does not exist");
        }
        if (Files.isRegularFile(site)) {
            try (java.io.Reader r = Files.newBufferedReader(site, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + site + ": " + e.getMessage());
            }
        }
        Secrets.overlay(p, dataDir, env);
        if (overrides != null) {
            p.putAll(overrides);
        }
        return from(dataDir, p);
    }

    /**
     * cloud.uplink_public_key (proto): the notes encrypt uplinks between the charging system and the vendor's SDK
     * only (the SDK forwards them in clear), so the key is for cloud.mode=vendor_sdk; it must be a usable RSA key.
     */
    private static String uplinkPublicKey(String base64, CloudMode mode) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        if (mode != CloudMode.VENDOR_SDK) {
            throw new ConfigException("cloud.uplink_public_key: encrypted uplinks (SDK 4.2+) go to the vendor's SDK, "
                    + "so they need cloud.mode=vendor_sdk");
        }
        try {
            com.boothdesk.sdk.wire.UplinkCipher.forPublicKey(base64);
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigException("cloud.uplink_public_key: not a Base64 RSA public key (" + e.getMessage() + ")");
        }
        return base64.strip();
    }

    public static BoothConfig from(Path dataDir, Properties p) {
        Keys r = new Keys(p);
        Cloud cloud = new Cloud(r.enumValue("cloud.mode", CloudMode.class), r.text("cloud.host"),
                r.integer("cloud.port", 0, 65535), r.text("cloud.union_id"), r.text("cloud.park_id"),
                r.text("cloud.local_id"), r.text("cloud.secret"),
                Duration.ofSeconds(r.integer("cloud.heartbeat_seconds", 1, 3600)), r.optional("cloud.picture_url"),
                r.optional("cloud.vendor_jar"), r.optional("cloud.sdk_version"),
                r.optional("cloud.wire_log_secrets") != null && r.bool("cloud.wire_log_secrets"),
                uplinkPublicKey(r.optional("cloud.uplink_public_key"), r.enumValue("cloud.mode", CloudMode.class)));
        if (cloud.mode() == CloudMode.VENDOR_SDK && cloud.vendorJar() == null) {
            throw new ConfigException("cloud.vendor_jar: cloud.mode=vendor_sdk needs the path of the vendor's SDK jar");
        }
        Cameras cameras = new Cameras(r.text("camera.http.host"), r.integer("camera.http.port", 0, 65535),
                new LinkedHashSet<>(r.list("camera.allowed")));
        int capacity = r.integer("park.capacity", 1, 1_000_000);
        Map<String, Integer> areas = new LinkedHashMap<>();
        for (String area : r.list("park.areas")) {
            areas.put(area, r.integer("area." + area + ".capacity", 0, 1_000_000));
        }
        if (areas.isEmpty()) {
            areas.put("main", capacity);
        }
        String firstArea = areas.keySet().iterator().next();
        List<LaneConfig> lanes = new ArrayList<>();
        for (String id : r.list("lanes")) {
            if (!id.matches("[0-9A-Za-z_]{1,16}")) {
                throw new ConfigException("lanes: lane id '" + id + "' must be 1-16 of [0-9A-Za-z_]"
                        + " (it is also the protocol's channel id)");
            }
            String k = "lane." + id + ".";
            LaneInfo info;
            try {
                info = new LaneInfo(id, r.text(k + "name"), r.enumValue(k + "direction", LaneDirection.class));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("lane '" + id + "': " + e.getMessage());
            }
            LaneConfig.GateRoute gate = p.getProperty(k + "gate") == null ? LaneConfig.GateRoute.CARD
                    : r.enumValue(k + "gate", LaneConfig.GateRoute.class);
            lanes.add(new LaneConfig(info, r.text(k + "camera"), r.text(k + "card.port"),
                    r.integer(k + "card.address", 0, 255), r.integer(k + "card.baud", 1200, 115200), gate,
                    r.optional(k + "snapshot"), area(r.optional(k + "area"), firstArea, areas, k + "area"),
                    p.getProperty(k + "card.parity") == null ? LaneConfig.Parity.NONE
                            : r.enumValue(k + "card.parity", LaneConfig.Parity.class)));
        }
        if (lanes.isEmpty()) {
            throw new ConfigException("'lanes' lists no lane");
        }
        Demo demo = new Demo(r.bool("demo.enabled"),
                Duration.ofSeconds(r.integer("demo.entry_interval_seconds", 1, 3600)),
                Duration.ofSeconds(r.integer("demo.exit_interval_seconds", 1, 3600)),
                p.getProperty("demo.auto_attendant") != null && r.bool("demo.auto_attendant"));
        ZoneId zone;
        try {
            zone = ZoneId.of(r.text("park.zone"));
        } catch (java.time.DateTimeException e) {
            throw new ConfigException("park.zone: not a time zone: '" + p.getProperty("park.zone") + "'");
        }
        MatchSettings match = MatchSettings.defaults().withMinMatching(r.integer("match.min_matching", 1, 7))
                .withIgnoreProvince(r.bool("match.ignore_province"));
        LaneRules rules = new LaneRules(r.integer("rules.min_confidence", 0, 100),
                r.kinds("rules.confirm_entry"), r.kinds("rules.confirm_exit"), r.kinds("rules.admit_when_full"),
                r.bool("rules.refuse_blacklisted"), r.integer("rules.monthly_reminder_days", 0, 365),
                r.money("rules.no_record_fee"), r.integer("rules.prepaid_grace_minutes", 0, 24 * 60),
                r.list("rules.free_reasons"), match)
                .withOfflineWindow(p.getProperty("rules.offline_max_days") == null ? 7
                                : r.integer("rules.offline_max_days", 0, 3650),
                        p.getProperty("rules.offline_skew_seconds") == null ? 300
                                : r.integer("rules.offline_skew_seconds", 0, 86_400));
        return new BoothConfig(dataDir, r.text("booth.id"), r.text("booth.operator"),
                areas.values().stream().mapToInt(Integer::intValue).sum(), zone, Locale.forLanguageTag(
                r.text("ui.locale").replace('_', '-')), cloud, cameras, List.copyOf(lanes),
                Duration.ofSeconds(r.integer("lane.debounce_seconds", 0, 3600)), r.text("fee.vehicle_class"),
                r.optional("fee.tariff"), demo, rules,
                java.util.Collections.unmodifiableMap(areas), keysOf(p), Operations.from(r));
    }

    /** Every key as read (defaults, site file, overrides), for parts that read their own keys (camera adapters). */
    private static Map<String, String> keysOf(Properties p) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            m.put(k, p.getProperty(k));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String area(String given, String first, Map<String, Integer> areas, String key) {
        if (given == null) {
            return first;
        }
        if (!areas.containsKey(given)) {
            throw new ConfigException(key + ": '" + given + "' is not one of park.areas " + areas.keySet());
        }
        return given;
    }

    /** Typed access with messages that name the key and the value. */
    private record Keys(Properties p) {

        String text(String key) {
            String v = p.getProperty(key);
            if (v == null || v.isBlank()) {
                throw new ConfigException("missing configuration key '" + key + "'");
            }
            return v.trim();
        }

        String optional(String key) {
            String v = p.getProperty(key);
            return v == null || v.isBlank() ? null : v.trim();
        }

        int integer(String key, int min, int max) {
            String v = text(key);
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

        boolean bool(String key) {
            String v = text(key).toLowerCase(Locale.ROOT);
            return switch (v) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new ConfigException(key + ": '" + v + "' is not true or false");
            };
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type) {
            String v = text(key);
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + ": '" + v + "' is not one of "
                        + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
            }
        }

        Set<CarKind> kinds(String key) {
            Set<CarKind> out = new java.util.HashSet<>();
            for (String v : list(key)) {
                try {
                    out.add(CarKind.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(key + ": '" + v + "' is not one of "
                            + Arrays.toString(CarKind.values()).toLowerCase(Locale.ROOT));
                }
            }
            return out;
        }

        long money(String key) {
            String v = text(key);
            try {
                long fen = Fen.parse(v);
                if (fen < 0) {
                    throw new ConfigException(key + ": " + v + " must not be negative");
                }
                return fen;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key + ": '" + v + "' is not an amount in yuan (e.g. 10.00)");
            }
        }

        List<String> list(String key) {
            String v = p.getProperty(key, "");
            return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}
