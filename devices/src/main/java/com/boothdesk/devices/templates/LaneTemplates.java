package com.boothdesk.devices.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screen and voice templates per {@link Outcome}, from {@value #RESOURCE} on the class path, overridden key by key by
 * {@value #FILE_NAME} in a site folder. The site file is re-read when it changes, so a technician edits texts without
 * a rebuild or restart. A broken site file is logged and the last good texts stay in use.
 */
public final class LaneTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(LaneTemplates.class);
    public static final String FILE_NAME = "lane-messages.properties";
    public static final String RESOURCE = "boothdesk/templates/" + FILE_NAME;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final Properties defaults;
    private final Path overrideFile;
    private volatile Properties effective;
    private volatile FileTime loadedStamp;

    private LaneTemplates(Properties defaults, Path overrideFile) {
        this.defaults = defaults;
        this.overrideFile = overrideFile;
        this.effective = defaults;
        reloadIfChanged();
    }

    /**
     * Loads the packaged defaults and, if {@code overrideDir} is not null, the site file in it (which may appear,
     * change or disappear later).
     */
    public static LaneTemplates load(Path overrideDir) {
        Properties p = new Properties();
        try (InputStream in = LaneTemplates.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                LOG.error("{} is missing from the class path; screens and voice will be blank", RESOURCE);
            } else {
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
        } catch (IOException e) {
            LOG.error("cannot read {}; screens and voice will be blank", RESOURCE, e);
        }
        return new LaneTemplates(p, overrideDir == null ? null : overrideDir.resolve(FILE_NAME));
    }

    /** Re-reads the site file if its modification time changed. Called by {@link #render}. */
    public void reloadIfChanged() {
        if (overrideFile == null) {
            return;
        }
        FileTime stamp;
        try {
            stamp = Files.exists(overrideFile) ? Files.getLastModifiedTime(overrideFile) : null;
        } catch (IOException e) {
            stamp = null;
        }
        if (java.util.Objects.equals(stamp, loadedStamp)) {
            return;
        }
        if (stamp == null) {
            effective = defaults;
            loadedStamp = null;
            LOG.info("site templates {} removed; using the packaged texts", overrideFile);
            return;
        }
        Properties merged = new Properties();
        merged.putAll(defaults);
        try (Reader r = Files.newBufferedReader(overrideFile, StandardCharsets.UTF_8)) {
            Properties site = new Properties();
            site.load(r);
            merged.putAll(site);
            effective = merged;
            loadedStamp = stamp;
            LOG.info("site templates loaded from {} ({} keys)", overrideFile, site.size());
        } catch (IOException | IllegalArgumentException e) {
            loadedStamp = stamp;
            LOG.error("site templates {} cannot be read ({}); keeping the previous texts", overrideFile,
                    e.getMessage());
        }
    }

    /** Renders an outcome with the given values (see {@link #vars()}). Unknown placeholders are left as written. */
    public LaneMessage render(Outcome outcome, Map<String, String> values) {
        reloadIfChanged();
        Properties p = effective;
        List<String> lines = new ArrayList<>(4);
        for (int i = 1; i <= 4; i++) {
            lines.add(fill(p.getProperty(outcome.key() + ".line" + i, ""), values, outcome));
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new LaneMessage(lines, fill(p.getProperty(outcome.key() + ".voice", ""), values, outcome));
    }

    private static String fill(String template, Map<String, String> values, Outcome outcome) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                LOG.warn("template {} uses {{}} but no value was given", outcome.key(), m.group(1));
                v = m.group(0);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString().trim();
    }

    /** A builder for template values with the formats the cards' voice library understands. */
    public static Vars vars() {
        return new Vars();
    }

    /** Template values. */
    public static final class Vars {
        private final Map<String, String> map = new HashMap<>();

        public Vars plate(String plate) {
            map.put("plate", plate);
            return this;
        }

        /** Amount in fen, shown in yuan with two decimals: 1250 -> "12.50". */
        public Vars feeFen(long fen) {
            map.put("fee", formatYuan(fen));
            return this;
        }

        public Vars days(long days) {
            map.put("days", Long.toString(days));
            return this;
        }

        public Vars spaces(long spaces) {
            map.put("spaces", Long.toString(spaces));
            return this;
        }

        /** Parked time as "2天3小时5分", "1小时30分" or "12分". */
        public Vars duration(Duration d) {
            map.put("duration", formatDuration(d));
            return this;
        }

        public Vars expiry(java.time.LocalDate date) {
            map.put("expiry", date.toString());
            return this;
        }

        public Vars put(String key, String value) {
            map.put(key, value);
            return this;
        }

        public Map<String, String> build() {
            return Map.copyOf(map);
        }
    }

    static String formatYuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return String.format("%s%d.%02d", sign, abs / 100, abs % 100);
    }

    static String formatDuration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        StringBuilder sb = new StringBuilder();
        if (days > 0) {
            sb.append(days).append("天");
        }
        if (hours > 0) {
            sb.append(hours).append("小时");
        }
        if (mins > 0 || sb.length() == 0) {
            sb.append(mins).append("分");
        }
        return sb.toString();
    }
}
