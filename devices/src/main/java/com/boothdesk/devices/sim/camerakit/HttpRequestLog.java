package com.boothdesk.devices.sim.camerakit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The requests a simulated camera received on its own HTTP API, for tests to check against the documented form. */
public final class HttpRequestLog {
    /** One request: method, path with query, body. */
    public record Entry(String method, String uri, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    public void add(String method, String uri, byte[] body) {
        entries.add(new Entry(method, uri, body));
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    /** Requests whose path (with query) starts with {@code prefix}. */
    public List<Entry> to(String prefix) {
        return entries.stream().filter(e -> e.uri().startsWith(prefix)).toList();
    }
}
