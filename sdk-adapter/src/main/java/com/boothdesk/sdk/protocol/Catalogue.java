package com.boothdesk.sdk.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every entry of the protocol's table of contents (uplinks 2.1–2.44, downlinks 3.1–3.44, 4.1–4.2, smart screen
 * 7.1–7.7) with service_name, direction, data_target, fields, types, maximum lengths and required flags, loaded from
 * {@code catalogue.txt} next to this class (the file documents its own format).
 */
public final class Catalogue {

    private static final Catalogue INSTANCE = load();

    private final List<MessageSpec> entries;
    private final Map<String, List<MessageSpec>> byName;

    private Catalogue(List<MessageSpec> entries) {
        this.entries = List.copyOf(entries);
        Map<String, List<MessageSpec>> m = new LinkedHashMap<>();
        for (MessageSpec e : entries) {
            if (e.hasServiceName()) {
                m.computeIfAbsent(e.serviceName(), k -> new ArrayList<>()).add(e);
            }
        }
        m.replaceAll((k, v) -> List.copyOf(v));
        this.byName = Collections.unmodifiableMap(m);
    }

    /** The catalogue shipped with this module. */
    public static Catalogue get() {
        return INSTANCE;
    }

    /** All entries in table-of-contents order. */
    public List<MessageSpec> entries() {
        return entries;
    }

    /** Entries with this service_name (pay_notice has two: 3.25 and 3.36). */
    public List<MessageSpec> byServiceName(String serviceName) {
        return byName.getOrDefault(serviceName, List.of());
    }

    /** The entry with this ToC number. */
    public Optional<MessageSpec> byToc(String toc) {
        return entries.stream().filter(e -> e.toc().equals(toc)).findFirst();
    }

    static Catalogue load() {
        try (InputStream in = Catalogue.class.getResourceAsStream("catalogue.txt")) {
            if (in == null) {
                throw new IllegalStateException("catalogue.txt missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Catalogue parse(List<String> lines) {
        List<MessageSpec> out = new ArrayList<>();
        String[] head = null;
        List<FieldSpec> fields = new ArrayList<>();
        List<FieldSpec> reply = null;
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                if (head != null) {
                    out.add(spec(head, fields, reply));
                }
                head = line.substring(1).split("\\|");
                if (head.length != 7) {
                    throw new IllegalStateException("catalogue line " + n + ": 7 columns expected: " + raw);
                }
                fields = new ArrayList<>();
                reply = null;
            } else if (line.equals("reply:")) {
                reply = new ArrayList<>();
            } else {
                String[] f = line.split("\\s+");
                if (f.length != 4 || head == null) {
                    throw new IllegalStateException("catalogue line " + n + ": field line expected: " + raw);
                }
                FieldSpec spec = new FieldSpec(f[0], FieldType.valueOf(f[1]), f[2].equals("-") ? 0
                        : Integer.parseInt(f[2]), f[3].charAt(0));
                (reply != null ? reply : fields).add(spec);
            }
        }
        if (head != null) {
            out.add(spec(head, fields, reply));
        }
        return new Catalogue(out);
    }

    private static MessageSpec spec(String[] h, List<FieldSpec> fields, List<FieldSpec> reply) {
        String name = h[1].strip();
        return new MessageSpec(h[0].strip(), name.equals("-") ? "" : name,
                MessageSpec.Direction.valueOf(h[2].strip()), h[3].strip(), MessageSpec.Shape.valueOf(h[4].strip()),
                MessageSpec.Coverage.valueOf(h[5].strip()), h[6].strip(), fields, Optional.ofNullable(reply));
    }
}
