package com.boothdesk.devices.camera.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Groups an event stream's parts into events: an event part (XML, JSON, text) and the pictures that follow it. The
 * group is complete when it holds the number of pictures the event part announces ({@code expected}), or when the
 * next event part arrives (pictures missing). An event announcing none is complete at once. Pictures without an
 * event part before them are dropped. At most {@link #MAX_PICTURES} pictures a group.
 */
public final class StreamEventAssembler {
    public static final int MAX_PICTURES = 4;

    private final ToIntFunction<Multipart.Part> expected;
    private final Consumer<List<Multipart.Part>> onEvent;
    private List<Multipart.Part> open;
    private int wanted;

    /**
     * @param expected how many pictures follow this event part
     * @param onEvent  receives the event part first, then its pictures
     */
    public StreamEventAssembler(ToIntFunction<Multipart.Part> expected, Consumer<List<Multipart.Part>> onEvent) {
        this.expected = expected;
        this.onEvent = onEvent;
    }

    public static boolean isPicture(Multipart.Part p) {
        String ct = p.contentType().toLowerCase(Locale.ROOT);
        String n = (p.name() + " " + p.fileName()).toLowerCase(Locale.ROOT);
        return ct.startsWith("image/") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    public synchronized void feed(Multipart.Part p) {
        if (isPicture(p)) {
            if (open == null) {
                return;
            }
            open.add(p);
            if (open.size() - 1 >= wanted) {
                flush();
            }
            return;
        }
        flush();
        int n = Math.max(0, Math.min(MAX_PICTURES, expected.applyAsInt(p)));
        open = new ArrayList<>();
        open.add(p);
        wanted = n;
        if (n == 0) {
            flush();
        }
    }

    /** Hands on an incomplete group (the stream was lost). */
    public synchronized void flush() {
        if (open != null) {
            List<Multipart.Part> g = open;
            open = null;
            onEvent.accept(List.copyOf(g));
        }
    }
}
