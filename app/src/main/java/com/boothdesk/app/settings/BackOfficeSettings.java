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
}
