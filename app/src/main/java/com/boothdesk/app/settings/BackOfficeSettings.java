package com.boothdesk.app.settings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.fee.FeeEngine;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.FeeRequest;
import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.domain.fee.TariffException;
import com.boothdesk.app.domain.fee.Tariffs;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.JdbcTariffVersions;
import com.boothdesk.app.store.history.JdbcAudit;
import com.boothdesk.devices.templates.LaneTemplates;
import com.boothdesk.devices.templates.Outcome;

/**
 * The back office's settings: the tariff (checked by the validator, which names the wrong period; a live quote for a
 * typed stay; applied at once for new stays and kept in the site file), the LED / voice templates (the site file the
 * lanes re-read on change; a preview; sent to a lane's card), the match tolerance and the language (kept in the site
 * file). Every change is in the audit log: who, when, old → new.
 */
public final class BackOfficeSettings {

    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeSettings.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    /** The sample values of a template preview. */
    public static final Map<String, String> SAMPLE = Map.of("plate", "京A12345", "fee", "12.50", "days", "30",
            "spaces", "88", "duration", "2小时15分", "expiry", "2026-12-31");

    /** The result of checking a tariff: the tariff, or the validator's message (naming the period). */
    public record TariffCheck(Tariff tariff, String error) {
        public boolean ok() {
            return tariff != null;
        }
    }

    /** One outcome's screen lines and voice. */
    public record Template(Outcome outcome, List<String> lines, String voice) {
        public Template {
            lines = List.copyOf(lines);
            voice = voice == null ? "" : voice;
        }
    }

    /** Sends lines and a voice text to a lane's card and completes with what the card answered. */
    @FunctionalInterface
    public interface CardSender {
        CompletableFuture<String> send(String laneId, List<String> lines, String voice);
    }

    private final Path dataDir;
    private final SiteFile site;
    private final LiveTariffs tariffs;
    private final JdbcTariffVersions versions;
    private final JdbcAudit audit;
    private final FeeEngine engine;
    private final Clock clock;
    private final String tariffKey;

    public BackOfficeSettings(Path dataDir, LiveTariffs tariffs, JdbcTariffVersions versions, JdbcAudit audit,
                              FeeEngine engine, Clock clock, String configuredTariffFile) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.site = new SiteFile(dataDir.resolve("boothdesk.properties"));
        this.tariffs = tariffs;
        this.versions = versions;
        this.audit = audit;
        this.engine = engine;
        this.clock = clock;
        this.tariffKey = configuredTariffFile;
    }

    public JdbcAudit audit() {
        return audit;
    }

    // ---- tariff -------------------------------------------------------------------------------------------------

    /** The tariff in force now, as the editor shows it (JSON). */
    public String currentTariffJson() {
        return Tariffs.toJson(tariffs.current(clock.instant()));
    }

    /** Reads and validates a tariff typed in the editor. */
    public TariffCheck check(String json) {
        try (InputStream in = new ByteArrayInputStream((json == null ? "" : json).getBytes(StandardCharsets.UTF_8))) {
            return new TariffCheck(Tariffs.read(in), null);
        } catch (TariffException e) {
            return new TariffCheck(null, e.getMessage());
        } catch (IOException e) {
            return new TariffCheck(null, e.getMessage());
        }
    }

    /** The fee of a typed stay with a tariff. */
    public FeeQuote quote(Tariff tariff, String vehicleClass, Instant in, Instant out) {
        return engine.quote(tariff, FeeRequest.of(vehicleClass, in, out));
    }

    /**
     * Puts a checked tariff in force now (new stays are priced with it; stays inside keep theirs), records it in the
     * tariff history, writes it to the site's tariff file so that the next start keeps it, and logs the change.
     */
    public void applyTariff(String json, String who) throws IOException {
        TariffCheck c = check(json);
        if (!c.ok()) {
            throw new FieldException("tariff", "tariff_invalid", c.error());
        }
        Instant now = clock.instant();
        String old = currentTariffJson();
        String file = tariffKey == null || tariffKey.isBlank() ? "tariffs/site-tariff.json" : tariffKey;
        Path target = dataDir.resolve(file);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, Tariffs.toJson(c.tariff()), StandardCharsets.UTF_8);
        if (tariffKey == null || tariffKey.isBlank()) {
            site.set("fee.tariff", file);
        }
        tariffs.replace(versions.record(c.tariff(), now));
        audit.record(now, who, "tariff", "fee.tariff " + c.tariff().id(), old, Tariffs.toJson(c.tariff()));
        LOG.info("Tariff {} applied by {} (file {})", c.tariff().id(), SafeText.of(who, 24), target);
    }

    // ---- LED and voice templates --------------------------------------------------------------------------------

    private Path templateFile() {
        return dataDir.resolve("templates").resolve(LaneTemplates.FILE_NAME);
    }

    /** Each outcome's texts as the lanes use them (the packaged ones with the site's overrides). */
    public List<Template> templates() {
        Properties p = effectiveTemplates();
        List<Template> out = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            List<String> lines = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                lines.add(p.getProperty(o.key() + ".line" + i, ""));
            }
            out.add(new Template(o, lines, p.getProperty(o.key() + ".voice", "")));
        }
        return out;
    }

    private Properties effectiveTemplates() {
        Properties p = new Properties();
        try (InputStream in = LaneTemplates.class.getClassLoader().getResourceAsStream(LaneTemplates.RESOURCE)) {
            if (in != null) {
                try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
            if (Files.isRegularFile(templateFile())) {
                try (Reader r = Files.newBufferedReader(templateFile(), StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
        } catch (IOException e) {
            LOG.warn("Templates could not be read: {}", e.toString());
        }
        return p;
    }

    /**
     * Checks a template: at most 4 lines of at most 16 characters (a 64×… card line), no control characters, only
     * the known placeholders.
     */
    public static void validate(Template t) {
        if (t.lines().size() > 4) {
            throw new FieldException("line5", "card_lines", 4);
        }
        for (int i = 0; i < t.lines().size(); i++) {
            check("line" + (i + 1), t.lines().get(i), 32);
        }
        check("voice", t.voice(), 120);
    }

    private static void check(String field, String text, int max) {
        if (text.length() > max) {
            throw new FieldException(field, "too_long", max);
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new FieldException(field, "control_char");
            }
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!SAMPLE.containsKey(m.group(1))) {
                throw new FieldException(field, "unknown_placeholder", "{" + m.group(1) + "}",
                        String.join(", ", new java.util.TreeSet<>(SAMPLE.keySet())));
            }
        }
    }

    /** The template filled with {@code values} (unknown placeholders left as written), empty lines at the end cut. */
    public static Template render(Template t, Map<String, String> values) {
        List<String> lines = new ArrayList<>();
        for (String l : t.lines()) {
            lines.add(fill(l, values));
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new Template(t.outcome(), lines, fill(t.voice(), values));
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.getOrDefault(m.group(1), m.group(0));
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString().trim();
    }

    /** Saves a template to the site file (the lanes re-read it on change: live) and logs old → new. */
    public void saveTemplate(Template t, String who) throws IOException {
        validate(t);
        Template old = templates().stream().filter(x -> x.outcome() == t.outcome()).findFirst().orElseThrow();
        SiteFile f = new SiteFile(templateFile());
        for (int i = 1; i <= 4; i++) {
            f.set(t.outcome().key() + ".line" + i, i <= t.lines().size() ? t.lines().get(i - 1) : "");
        }
        f.set(t.outcome().key() + ".voice", t.voice());
        audit.record(clock.instant(), who, "template", t.outcome().key(), String.join(" | ", old.lines()) + " / "
                + old.voice(), String.join(" | ", t.lines()) + " / " + t.voice());
    }

    // ---- match tolerance and language ---------------------------------------------------------------------------

    /** The fuzzy match's tolerance (how many of 7 characters must agree, 1..7); applies at the next start. */
    public void setMatchTolerance(String value, String who) throws IOException {
        int n;
        try {
            n = Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new FieldException("match.min_matching", "not_whole", value);
        }
        if (n < 1 || n > 7) {
            throw new FieldException("match.min_matching", "range", 1, 7, n);
        }
        setKey("match", "match.min_matching", String.valueOf(n), who);
    }

    /** The language of the operator's screens (zh_CN or en), kept for the next start. */
    public void setLanguage(Locale locale, String who) throws IOException {
        String tag = locale.getLanguage().equals("en") ? "en" : "zh_CN";
        setKey("language", "ui.locale", tag, who);
    }

    private void setKey(String area, String key, String value, String who) throws IOException {
        String old = site.get(key).orElse("");
        if (old.equals(value)) {
            return;
        }
        site.set(key, value);
        audit.record(clock.instant(), who, area, key, old, value);
    }

    // ---- this booth's id and its store (issue 16) ---------------------------------------------------------------

    /**
     * The store section of the settings screen: this booth's id on the site, and where it keeps its records — its own
     * embedded H2 file, or the site's PostgreSQL server (host, port, database, user; the password goes to the
     * owner-only secrets file, never the site file). An empty password keeps the one stored.
     */
    public record StoreForm(String boothId, boolean siteDatabase, String host, String port, String database,
                            String user, String password) {
        public StoreForm {
            boothId = trim(boothId);
            host = trim(host);
            port = trim(port);
            database = trim(database);
            user = trim(user);
            password = password == null ? "" : password;
        }

        /** The JDBC URL this form names (a site database). */
        public String url() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        private static String trim(String v) {
            return v == null ? "" : v.trim();
        }
    }

    /** The store section as the site file has it now (no password: only whether one is stored). */
    public record StoreState(StoreForm form, boolean passwordStored) {
    }

    /**
     * What the connection test found. {@code kind}: OK (reached and logged in), EMBEDDED (nothing to test), or why
     * not. On OK: the server's version, the schema (how many migrations, the last; 0 = none yet), the booths the site
     * database knows besides this one (alive = looking for cloud work now) and whether a booth with this booth's id
     * is alive there already. {@code detail}: the driver's message, cut and escaped.
     */
    public record StoreProbe(Kind kind, String where, String version, int migrations, String lastMigration,
                             List<String> boothsAlive, List<String> boothsGone, boolean sameIdAlive, String detail) {
        public enum Kind { OK, EMBEDDED, UNREACHABLE, NO_DATABASE, REFUSED }

        public StoreProbe {
            boothsAlive = List.copyOf(boothsAlive);
            boothsGone = List.copyOf(boothsGone);
        }

        public boolean ok() {
            return kind == Kind.OK || kind == Kind.EMBEDDED;
        }

        static StoreProbe failed(Kind kind, String where, String detail) {
            return new StoreProbe(kind, where, "", 0, "", List.of(), List.of(), false, detail);
        }
    }

    /** What saving the store section changed (the screen says what a restart does). */
    public record StoreSaved(boolean boothIdChanged, boolean storeChanged, boolean siteDatabase, String localId) {
        public boolean anything() {
            return boothIdChanged || storeChanged;
        }
    }

    private static final Pattern BOOTH_ID = Pattern.compile("[0-9A-Za-z_-]{1,32}");
    private static final Pattern HOST = Pattern.compile("[0-9A-Za-z.:\\[\\]-]{1,253}");
    private static final Pattern DB_NAME = Pattern.compile("[0-9A-Za-z_-]{1,63}");
    private static final Pattern USER = Pattern.compile("\\S{1,64}");
    private static final Pattern PG_URL = Pattern.compile(
            "jdbc:postgresql://(\\[[^\\]]*]|[^/:?]*)(?::(\\d*))?/([^?]*)(\\?.*)?");
    static final String SECRETS = com.boothdesk.app.config.Secrets.FILE;
    static final String PASSWORD_KEY = com.boothdesk.app.config.StoreSettings.PASSWORD_KEY;

    private volatile String runningBoothId = "";
    private volatile String runningUrl = "";
    private volatile String runningUser = "";

    /**
     * What this booth runs with now (its configuration: defaults, {@code --config}, {@code --set}): shown where the
     * site file does not set a key, so the form starts from the booth as it is.
     */
    public BackOfficeSettings running(String boothId, String url, String user) {
        this.runningBoothId = boothId == null ? "" : boothId;
        this.runningUrl = url == null ? "" : url;
        this.runningUser = user == null ? "" : user;
        return this;
    }

    /** The store section: the site file's {@code booth.id}, {@code store.url}, {@code store.user}. */
    public StoreState store() throws IOException {
        String booth = site.get("booth.id").orElse(runningBoothId);
        String url = site.get("store.url").orElse(runningUrl).trim();
        String user = site.get("store.user").orElse(runningUser);
        boolean stored = !storedPassword().isEmpty();
        Matcher m = PG_URL.matcher(url);
        if (!url.isEmpty() && m.matches()) {
            return new StoreState(new StoreForm(booth, true, m.group(1), m.group(2) == null ? "5432" : m.group(2),
                    m.group(3), user, ""), stored);
        }
        return new StoreState(new StoreForm(booth, false, "", "5432", "boothdesk", user.isBlank() ? "boothdesk" : user,
                ""), stored);
    }

    /**
     * Checks the store section field by field; the first problem as a {@link FieldException} (its field and reason
     * shown in the operator's language). A site database needs a password typed or one stored already.
     */
    public void validateStore(StoreForm f) throws IOException {
        match("booth.id", f.boothId(), BOOTH_ID, 32);
        if (!f.siteDatabase()) {
            return;
        }
        match("store.host", f.host(), HOST, 253);
        int port;
        try {
            port = Integer.parseInt(f.port());
        } catch (NumberFormatException e) {
            throw new FieldException("store.port", "not_whole", f.port());
        }
        if (port < 1 || port > 65535) {
            throw new FieldException("store.port", "range", 1, 65535, port);
        }
        match("store.database", f.database(), DB_NAME, 63);
        match("store.user", f.user(), USER, 64);
        String pw = f.password();
        if (pw.length() > 128) {
            throw new FieldException("store.password", "too_long", 128);
        }
        if (pw.chars().anyMatch(Character::isISOControl)) {
            throw new FieldException("store.password", "control_char");
        }
        if (pw.isEmpty() && storedPassword().isEmpty()) {
            throw new FieldException("store.password", "required");
        }
    }

    private static void match(String field, String v, Pattern p, int max) {
        if (v.isEmpty()) {
            throw new FieldException(field, "required");
        }
        if (v.length() > max) {
            throw new FieldException(field, "too_long", max);
        }
        if (!p.matcher(v).matches()) {
            throw new FieldException(field, "store_chars", v);
        }
    }

    /**
     * The 测试连接 button (blocking: run it on the UI executor): connects as the booth would (the PostgreSQL driver,
     * a 5 s connect timeout) with the form's values (the stored password when none is typed), and reads the server's
     * version, the schema's migrations and the booths the site database knows ({@code sdk_outbox_claimant}: each
     * booth renews its liveness while it is connected to the cloud).
     */
    public StoreProbe probeStore(StoreForm f) throws IOException {
        validateStore(f);
        if (!f.siteDatabase()) {
            return new StoreProbe(StoreProbe.Kind.EMBEDDED, "", "", 0, "", List.of(), List.of(), false, "");
        }
        String where = f.host() + ":" + f.port() + "/" + f.database() + " (" + f.user() + ")";
        try (java.sql.Connection c = com.boothdesk.app.site.SiteDatabaseProbe.connect(f.url(), f.user(),
                f.password().isEmpty() ? storedPassword() : f.password(), "BoothDesk settings")) {
            String version = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            int migrations = 0;
            String last = "";
            try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                    "SELECT \"version\", \"description\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"
                            + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
                while (rs.next()) {
                    if (migrations++ == 0) {
                        last = "V" + rs.getString(1) + " " + SafeText.of(rs.getString(2), 60);
                    }
                }
            } catch (java.sql.SQLException e) {
                if (!"42P01".equals(e.getSQLState())) {
                    throw e;
                }
            }
            List<String> alive = new ArrayList<>();
            List<String> gone = new ArrayList<>();
            boolean sameId = false;
            long now = clock.millis();
            try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(
                    "SELECT claimant, alive_until FROM sdk_outbox_claimant ORDER BY claimant")) {
                while (rs.next()) {
                    String id = SafeText.of(rs.getString(1), 48);
                    boolean live = rs.getLong(2) >= now;
                    if (id.equals(f.boothId())) {
                        sameId = live;
                    } else {
                        (live ? alive : gone).add(id);
                    }
                }
            } catch (java.sql.SQLException e) {
                if (!"42P01".equals(e.getSQLState())) {
                    throw e;
                }
            }
            LOG.info("Store test: reached {}: {}; {} migration(s); booths alive {}, gone {}", SafeText.of(where, 200),
                    SafeText.of(version, 80), migrations, alive, gone);
            return new StoreProbe(StoreProbe.Kind.OK, where, version, migrations, last, alive, gone, sameId, "");
        } catch (java.sql.SQLException e) {
            String detail = SafeText.of(e.getMessage(), 160);
            LOG.info("Store test: {} failed: {} ({})", SafeText.of(where, 200), detail, SafeText.of(e.getSQLState(), 8));
            return StoreProbe.failed(switch (com.boothdesk.app.site.SiteDatabaseProbe.failure(e)) {
                case REFUSED -> StoreProbe.Kind.REFUSED;
                case NO_DATABASE -> StoreProbe.Kind.NO_DATABASE;
                case UNREACHABLE -> StoreProbe.Kind.UNREACHABLE;
            }, where, detail);
        }
    }

    /**
     * Saves the store section for the next start: {@code booth.id}, {@code store.url}, {@code store.user} into the
     * site file (and {@code cloud.local_id} when it was the commissioning's {@code <booth.id>_channels_…}), a typed
     * password into the owner-only secrets file (the embedded file removes it). Nothing is moved between databases:
     * this booth's records stay where they are. Every change is in the audit log (the password as "***").
     */
    public StoreSaved saveStore(StoreForm f, String who) throws IOException {
        validateStore(f);
        StoreState before = store();
        Instant now = clock.instant();
        String oldId = site.get("booth.id").orElse(runningBoothId);
        String oldUrl = site.get("store.url").orElse(runningUrl).trim();
        String oldUser = site.get("store.user").orElse(runningUser);
        String url = f.siteDatabase() ? urlKeepingOptions(f, oldUrl) : "";
        String user = f.siteDatabase() ? f.user() : oldUser;
        boolean idChanged = !oldId.equals(f.boothId());
        String localId = site.get("cloud.local_id").orElse("");
        if (idChanged) {
            site.set("booth.id", f.boothId());
            audit.record(now, who, "store", "booth.id", oldId, f.boothId());
            if (!oldId.isEmpty() && localId.startsWith(oldId + "_channels_")) {
                String renamed = f.boothId() + localId.substring(oldId.length());
                site.set("cloud.local_id", renamed);
                audit.record(now, who, "store", "cloud.local_id", localId, renamed);
                localId = renamed;
            }
        }
        boolean storeChanged = false;
        if (!oldUrl.equals(url)) {
            site.set("store.url", url);
            audit.record(now, who, "store", "store.url", oldUrl, url);
            storeChanged = true;
        }
        if (!oldUser.equals(user)) {
            site.set("store.user", user);
            audit.record(now, who, "store", "store.user", oldUser, user);
            storeChanged = true;
        }
        if (f.siteDatabase() && !f.password().isEmpty() && !f.password().equals(storedPassword())) {
            writePassword(f.password());
            audit.record(now, who, "store", PASSWORD_KEY, before.passwordStored() ? "***" : "", "***");
            storeChanged = true;
        } else if (!f.siteDatabase() && before.passwordStored()) {
            writePassword(null);
            audit.record(now, who, "store", PASSWORD_KEY, "***", "");
        }
        LOG.info("Store settings saved by {}: booth {}, {} (applies at the next start; no data moved)",
                SafeText.of(who, 24), f.boothId(), f.siteDatabase() ? SafeText.of(url, 200) : "embedded H2 file");
        return new StoreSaved(idChanged, storeChanged, f.siteDatabase(), localId);
    }

    /** The form's URL, keeping the options (?ssl=…) of the URL in the file when it named the same server. */
    private static String urlKeepingOptions(StoreForm f, String oldUrl) {
        Matcher m = PG_URL.matcher(oldUrl);
        if (m.matches() && m.group(4) != null && (f.url()).equals("jdbc:postgresql://" + m.group(1) + ":"
                + (m.group(2) == null ? "5432" : m.group(2)) + "/" + m.group(3))) {
            return f.url() + m.group(4);
        }
        return f.url();
    }

    private String storedPassword() throws IOException {
        Path file = dataDir.resolve(SECRETS);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p.getProperty(PASSWORD_KEY, "");
    }

    /** Replaces (null: removes) the {@code store.password} line of the secrets file; its other lines stay. */
    private void writePassword(String password) throws IOException {
        Path file = dataDir.resolve(SECRETS);
        List<String> lines = Files.isRegularFile(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>(List.of("# the cloud secret and the site database's password (readable by the"
                        + " booth's account only)"));
        lines.removeIf(l -> l.trim().startsWith(PASSWORD_KEY + "=") || l.trim().startsWith(PASSWORD_KEY + " ")
                || l.trim().startsWith(PASSWORD_KEY + ":"));
        if (password != null) {
            lines.add(PASSWORD_KEY + "=" + SiteFile.escape(password));
        }
        com.boothdesk.app.ops.OwnerOnly.directory(dataDir);
        com.boothdesk.app.ops.OwnerOnly.writeString(file, String.join("\n", lines) + "\n");
    }
}
