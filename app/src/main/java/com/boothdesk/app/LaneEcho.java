package com.boothdesk.app;

import java.util.List;

/** What a lane's LED screen shows and what its voice said last, as decoded from the bytes on the serial line. */
public record LaneEcho(List<String> lines, String voice) {
    public static final LaneEcho EMPTY = new LaneEcho(List.of(), "");

    public LaneEcho {
        lines = List.copyOf(lines);
        voice = voice == null ? "" : voice;
    }
}
