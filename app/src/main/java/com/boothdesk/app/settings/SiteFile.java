package com.boothdesk.app.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A site's properties file ({@code <data>/boothdesk.properties}, {@code reasons.properties} …) changed one key at a
 * time: the other lines, comments included, stay as they were; the file is replaced atomically.
 */
public final class SiteFile {

    private final Path file;

    public SiteFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The value of {@code key} in the file (not the defaults), if set. */
    public synchronized Optional<String> get(String key) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return Optional.ofNullable(p.getProperty(key));
    }

    /** Sets {@code key} (replacing its line, or adding one at the end). */
    public synchronized void set(String key, String value) throws IOException {
        List<String> lines = Files.isRegularFile(file) ? new ArrayList<>(Files.readAllLines(file,
                StandardCharsets.UTF_8)) : new ArrayList<>();
        String line = escape(key) + "=" + escape(value);
        boolean done = false;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.startsWith(key + "=") || t.startsWith(key + " =") || t.startsWith(key + ":")) {
                lines.set(i, line);
                done = true;
            }
        }
        if (!done) {
            lines.add(line);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".site-", ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Properties escaping (UTF-8 file: non-ASCII kept as is). */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '=', ':', '#', '!' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
