package com.boothdesk.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import com.boothdesk.app.domain.fee.Tariffs;
import com.boothdesk.app.ops.OwnerOnly;

/**
 * The site file a commissioning writes ({@code <data>/boothdesk.properties}) from what the technician entered,
 * checked field by field (each problem keyed by its configuration key, with a message naming the field, the value
 * and what is expected) and then as a whole by {@link BoothConfig#from}, the same check every start runs. The cloud
 * secret goes to the owner-only {@code secrets.properties}, never into the site file.
 */
public final class SiteFile {

    public static final String NAME = "boothdesk.properties";
    /** The tariffs shipped with the application (resources/config/tariffs). */
    public static final List<String> SHIPPED_TARIFFS = List.of("demo-default.json", "taizhou-ladder.json",
            "day-night.json", "airport-escalating.json", "kaifeng-station.json");

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z_-]{1,32}");
    private static final Pattern LANE_ID = Pattern.compile("[0-9A-Za-z_]{1,16}");
    private static final Pattern HOST = Pattern.compile("[0-9A-Za-z.:\\[\\]-]{1,253}");
    private static final Pattern IP = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3})|([0-9A-Fa-f:]{2,39})");
    private static final Pattern NO_SPACE = Pattern.compile("\\S{1,64}");
    private static final Pattern PORT_NAME = Pattern.compile("sim|COM\\d{1,3}|\\\\\\\\\\.\\\\COM\\d{1,3}|/\\S{1,200}");
    private static final Set<Integer> BAUDS = Set.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200);

    private SiteFile() {
    }

    /** One lane as entered (raw text, so that every value can be checked and named). */
    public record LaneEntry(String id, String name, String direction, String camera, String cardPort,
                            String cardAddress, String cardBaud, String gate) {
    }

    /**
     * Where the booth keeps its records: no URL = its own embedded H2 file (a single booth); a PostgreSQL URL = the
     * site database several booths share, with its user and password (the password goes to the secrets file).
     * {@code boothId} names this booth on the site (its claims, its shifts, its cloud {@code local_id}).
     */
    public record SiteDatabase(String boothId, String url, String user, String password) {
        public static final SiteDatabase SINGLE_BOOTH = new SiteDatabase("boothdesk01", "", "", "");

        boolean shared() {
            return url != null && !url.isBlank();
        }
    }

    /** What the technician entered. */
    public record Site(String parkId, String unionId, String secret, String cloudMode, String cloudHost,
                       String cloudPort, String cameraPort, String cameraAllowed, String tariff,
                       List<LaneEntry> lanes, SiteDatabase database) {

        /** A single booth on its embedded file. */
        public Site(String parkId, String unionId, String secret, String cloudMode, String cloudHost,
                    String cloudPort, String cameraPort, String cameraAllowed, String tariff, List<LaneEntry> lanes) {
            this(parkId, unionId, secret, cloudMode, cloudHost, cloudPort, cameraPort, cameraAllowed, tariff, lanes,
                    SiteDatabase.SINGLE_BOOTH);
        }

        public Site {
            database = database == null ? SiteDatabase.SINGLE_BOOTH : database;
        }
    }

    private static final Pattern PG_URL = Pattern.compile("jdbc:postgresql://[0-9A-Za-z.\\[\\]:-]{1,253}(:\\d{1,5})?/"
            + "[0-9A-Za-z_-]{1,63}(\\?[^\\s]{0,200})?");

    /** The problems, keyed by configuration key, in the order of the form; empty when the site is sound. */
    public static Map<String, String> check(Site s) {
        Map<String, String> e = new LinkedHashMap<>();
        String mode = lower(s.cloudMode());
        if (!List.of("tcp", "vendor_sdk", "simulator", "off").contains(mode)) {
            e.put("cloud.mode", "云端模式 cloud mode: '" + s.cloudMode() + "' is not tcp, vendor_sdk, simulator or off");
        }
        match(e, "cloud.park_id", "车场编号 park id", s.parkId(), ID, "1-32 letters or digits");
        match(e, "cloud.union_id", "联盟编号 union id", s.unionId(), ID, "1-32 letters or digits");
        boolean real = mode.equals("tcp") || mode.equals("vendor_sdk");
        if (real) {
            String secret = s.secret() == null ? "" : s.secret();
            if (secret.length() < 8 || secret.length() > 64 || !NO_SPACE.matcher(secret).matches()) {
                e.put("cloud.secret", "密钥 secret: expected 8-64 characters without spaces (" + secret.length()
                        + " given)");
            }
            match(e, "cloud.host", "云端地址 cloud address", s.cloudHost(), HOST, "a host name or IP address");
            port(e, "cloud.port", "云端端口 cloud port", s.cloudPort(), 1);
        }
        port(e, "camera.http.port", "相机推送端口 camera push port", s.cameraPort(), 1);
        List<String> peers = split(s.cameraAllowed());
        if (peers.isEmpty()) {
            e.put("camera.allowed", "允许的相机地址 allowed peers: at least one IP address (e.g. 192.168.1.64)");
        }
        for (String peer : peers) {
            if (!IP.matcher(peer).matches()) {
                e.put("camera.allowed", "允许的相机地址 allowed peers: '" + cut(peer) + "' is not an IP address");
                break;
            }
        }
        if (s.tariff() == null || !SHIPPED_TARIFFS.contains(s.tariff())) {
            e.put("fee.tariff", "收费标准 tariff: pick one of " + SHIPPED_TARIFFS);
        }
        SiteDatabase db = s.database();
        match(e, "booth.id", "岗亭编号 booth id", db.boothId(), ID, "1-32 letters or digits, unique on the site");
        if (db.shared()) {
            String url = db.url().trim();
            if (!PG_URL.matcher(url).matches()) {
                e.put("store.url", "站点数据库 site database: '" + cut(url) + "' is not jdbc:postgresql://server:5432/"
                        + "boothdesk (leave it empty for this booth's own file)");
            } else if (url.toLowerCase(Locale.ROOT).contains("password=")) {
                e.put("store.url", "站点数据库 site database: no password in the address (it goes to the password"
                        + " field, kept in " + Secrets.FILE + ")");
            }
            match(e, "store.user", "数据库用户 database user", db.user(), NO_SPACE, "the database role");
            String pw = db.password() == null ? "" : db.password();
            if (pw.isEmpty() || pw.length() > 128 || pw.chars().anyMatch(Character::isISOControl)) {
                e.put("store.password", "数据库密码 database password: 1-128 characters without line breaks ("
                        + pw.length() + " given)");
            }
        }
        if (s.lanes().isEmpty()) {
            e.put("lanes", "车道 lanes: at least one lane");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (LaneEntry l : s.lanes()) {
            String id = l.id() == null ? "" : l.id().trim();
            String k = "lane." + id + ".";
            if (!LANE_ID.matcher(id).matches()) {
                e.put("lanes", "车道编号 lane id: '" + cut(id) + "' must be 1-16 of A-Z, a-z, 0-9, _");
                continue;
            }
            if (!ids.add(id)) {
                e.put("lanes", "车道编号 lane id: '" + id + "' is used twice");
            }
            String name = l.name() == null ? "" : l.name().trim();
            if (name.isEmpty() || name.length() > 16) {
                e.put(k + "name", "车道 " + id + " 名称 name: 1-16 characters");
            }
            if (!List.of("entry", "exit").contains(lower(l.direction()))) {
                e.put(k + "direction", "车道 " + id + " 方向 direction: entry or exit, not '" + cut(l.direction()) + "'");
            }
            match(e, k + "camera", "车道 " + id + " 相机 camera serial/address", l.camera(), NO_SPACE,
                    "the camera's serialno or IP address as it appears in its pushes");
            match(e, k + "card.port", "车道 " + id + " 显示屏串口 LED card port", l.cardPort(), PORT_NAME,
                    "COM3, /dev/ttyUSB0 or sim");
            integer(e, k + "card.address", "车道 " + id + " 卡地址 card address", l.cardAddress(), 0, 255);
            String baud = l.cardBaud() == null ? "" : l.cardBaud().trim();
            if (!baud.matches("\\d{3,6}") || !BAUDS.contains(Integer.parseInt(baud))) {
                e.put(k + "card.baud", "车道 " + id + " 波特率 baud: '" + cut(baud) + "' is not one of " + BAUDS);
            }
            if (!List.of("card", "camera").contains(lower(l.gate()))) {
                e.put(k + "gate", "车道 " + id + " 道闸 barrier route: card or camera, not '" + cut(l.gate()) + "'");
            }
        }
        return e;
    }

    /** The site file's keys (no secret). */
    public static Properties properties(Site s) {
        Properties p = new Properties();
        p.setProperty("demo.enabled", "false");
        p.setProperty("cloud.mode", lower(s.cloudMode()));
        p.setProperty("cloud.park_id", s.parkId().trim());
        p.setProperty("cloud.union_id", s.unionId().trim());
        if (s.cloudHost() != null && !s.cloudHost().isBlank()) {
            p.setProperty("cloud.host", s.cloudHost().trim());
        }
        if (s.cloudPort() != null && !s.cloudPort().isBlank()) {
            p.setProperty("cloud.port", s.cloudPort().trim());
        }
        List<String> ids = s.lanes().stream().map(l -> l.id().trim()).toList();
        // the cloud's local_id names this booth and its own lanes: each booth of a site logs in with its own
        String booth = s.database().boothId() == null ? "" : s.database().boothId().trim();
        p.setProperty("booth.id", booth);
        p.setProperty("cloud.local_id", booth + "_channels_" + String.join("_", ids));
        if (s.database().shared()) {
            p.setProperty("store.url", s.database().url().trim());
            p.setProperty("store.user", s.database().user().trim());
        }
        p.setProperty("camera.http.host", "0.0.0.0");
        p.setProperty("camera.http.port", s.cameraPort().trim());
        p.setProperty("camera.allowed", String.join(",", split(s.cameraAllowed())));
        p.setProperty("fee.tariff", "tariffs/" + s.tariff());
        p.setProperty("lanes", String.join(",", ids));
        for (LaneEntry l : s.lanes()) {
            String k = "lane." + l.id().trim() + ".";
            p.setProperty(k + "name", l.name().trim());
            p.setProperty(k + "direction", lower(l.direction()));
            p.setProperty(k + "camera", l.camera().trim());
            p.setProperty(k + "card.port", l.cardPort().trim());
            p.setProperty(k + "card.address", l.cardAddress().trim());
            p.setProperty(k + "card.baud", l.cardBaud().trim());
            p.setProperty(k + "gate", lower(l.gate()));
        }
        return p;
    }

    /**
     * Checks {@code s}, then writes the site file, the secrets file and the chosen tariff into {@code dataDir}.
     *
     * @throws ConfigException with every problem (key: message) when the site is not sound; nothing is written
     */
    public static Path write(Path dataDir, Site s) throws IOException {
        Map<String, String> problems = check(s);
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems.values()));
        }
        Properties site = properties(s);
        Properties all = BoothConfig.defaults();
        all.putAll(site);
        all.setProperty(Secrets.KEY, s.secret() == null || s.secret().isBlank() ? "unset" : s.secret());
        if (s.database().shared()) {
            all.setProperty(StoreSettings.PASSWORD_KEY, s.database().password());
        }
        BoothConfig config = BoothConfig.from(dataDir, all); // the start-up check, before anything is written
        StoreSettings.from(config);
        OwnerOnly.directory(dataDir);
        Path tariffs = OwnerOnly.directory(dataDir.resolve("tariffs"));
        try (InputStream in = SiteFile.class.getClassLoader().getResourceAsStream(Tariffs.CLASSPATH_FOLDER + s.tariff())) {
            if (in == null) {
                throw new IOException("the shipped tariff " + s.tariff() + " is missing from the application");
            }
            Files.copy(in, tariffs.resolve(s.tariff()), StandardCopyOption.REPLACE_EXISTING);
        }
        StringBuilder secrets = new StringBuilder();
        if (s.secret() != null && !s.secret().isBlank()) {
            secrets.append(Secrets.KEY).append('=').append(escape(s.secret().trim())).append('\n');
        }
        if (s.database().shared()) {
            secrets.append(StoreSettings.PASSWORD_KEY).append('=').append(escape(s.database().password()))
                    .append('\n');
        }
        if (secrets.length() > 0) {
            OwnerOnly.writeString(dataDir.resolve(Secrets.FILE), "# the cloud secret and the site database's "
                    + "password (readable by the booth's account only)\n" + secrets);
        }
        Path file = dataDir.resolve(NAME);
        OwnerOnly.writeString(file, render(site));
        return file;
    }

    private static String render(Properties p) {
        StringBuilder b = new StringBuilder("# BoothDesk site configuration, written by the commissioning wizard.\n"
                + "# Keys not set here keep their built-in defaults (docs/configuration.md). The cloud secret is in "
                + Secrets.FILE + ".\n");
        List<String> keys = new ArrayList<>(p.stringPropertyNames());
        keys.sort(String::compareTo);
        for (String k : keys) {
            b.append(k).append('=').append(escape(p.getProperty(k))).append('\n');
        }
        return b.toString();
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static void match(Map<String, String> e, String key, String field, String value, Pattern p,
                              String expected) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            e.put(key, field + ": required (" + expected + ")");
        } else if (!p.matcher(v).matches()) {
            e.put(key, field + ": '" + cut(v) + "' is not valid, expected " + expected);
        }
    }

    private static void port(Map<String, String> e, String key, String field, String value, int min) {
        integer(e, key, field, value, min, 65535);
    }

    private static void integer(Map<String, String> e, String key, String field, String value, int min, int max) {
        String v = value == null ? "" : value.trim();
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                e.put(key, field + ": " + i + " is outside " + min + ".." + max);
            }
        } catch (NumberFormatException x) {
            e.put(key, field + ": '" + cut(v) + "' is not a whole number " + min + ".." + max);
        }
    }

    private static List<String> split(String v) {
        if (v == null) {
            return List.of();
        }
        return java.util.Arrays.stream(v.split("[,\\s]+")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static String lower(String v) {
        return v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
    }

    /** Values from the form are shown back cut, with control characters escaped. */
    private static String cut(String v) {
        if (v == null) {
            return "";
        }
        String s = v.length() > 40 ? v.substring(0, 40) + "…(" + v.length() + ")" : v;
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
