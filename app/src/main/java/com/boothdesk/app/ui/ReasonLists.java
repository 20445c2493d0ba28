package com.boothdesk.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The reasons the attendant picks from, per kind of action, from {@code boothdesk/config/reasons.properties} and the
 * site's {@code <data>/reasons.properties}. The free-release list falls back to the lane rules' {@code free_reasons}.
 */
public record ReasonLists(List<String> free, List<String> barrier, List<String> noRecord) {

    public static final String RESOURCE = "/boothdesk/config/reasons.properties";

    /** What a reason is for. */
    public enum Kind { FREE, BARRIER, NO_RECORD }

    public ReasonLists {
        free = List.copyOf(free);
        barrier = List.copyOf(barrier);
        noRecord = List.copyOf(noRecord);
    }

    public List<String> of(Kind kind) {
        return switch (kind) {
            case FREE -> free;
            case BARRIER -> barrier;
            case NO_RECORD -> noRecord;
        };
    }

    /** The built-in lists with the site's file over them; {@code freeFallback} when no free list is configured. */
    public static ReasonLists load(Path siteDir, List<String> freeFallback) {
        Properties p = new Properties();
        try (InputStream in = ReasonLists.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        Path site = siteDir == null ? null : siteDir.resolve("reasons.properties");
        if (site != null && Files.isRegularFile(site)) {
            try (Reader r = Files.newBufferedReader(site, StandardCharsets.UTF_8)) {
                Properties own = new Properties();
                own.load(r);
                p.putAll(own);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + site + ": " + e.getMessage(), e);
            }
        }
        List<String> free = list(p, "free");
        return new ReasonLists(free.isEmpty() ? freeFallback : free, list(p, "barrier"), list(p, "no_record"));
    }

    private static List<String> list(Properties p, String key) {
        String v = p.getProperty(key, "");
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
