package com.boothdesk.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Where an entry's time goes, read from the booth's own log lines ({@code -Dlane.hops=true} on the lane harness):
 * the wire log's line of the camera's body (written by the HTTP thread once the body is read), its line of the
 * answer, the lane's decision line, the card writer's {@code tx} of the gate frame, set beside the harness's own
 * "sent" and "decoded by the card". Logback stamps every event with microseconds; the lines are collected in memory
 * (those of the camera, lane and card threads only, at most {@value #MAX_EVENTS}).
 */
final class LaneHops extends AppenderBase<ILoggingEvent> {
    static final int MAX_EVENTS = 400_000;
    private static final String[] HOPS = {"sent -> body read (HTTP read, charset, wire log)",
        "body read -> camera answered (parse, journal, hand-off)", "body read -> lane decided",
        "lane decided -> gate frame written", "gate frame written -> decoded by the card"};

    record Line(Instant at, String thread, String text) {
    }

    /** One entry as the harness saw it: the plate, when it was sent, how long until the card had decoded it. */
    record Entry(String plate, Instant sent, long nanos) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final String lane;

    private LaneHops(String lane) {
        this.lane = lane;
    }

    /** Starts collecting the lines of lane {@code lane}'s path from every logger. */
    static LaneHops install(String lane) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        LaneHops hops = new LaneHops(lane);
        hops.setContext(ctx);
        hops.setName("lane-hops");
        hops.start();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(hops);
        ctx.getLogger("boothdesk.wire").addAppender(hops); // not additive: its own appender too
        return hops;
    }

    void remove() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (Logger l : List.of(ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME), ctx.getLogger("boothdesk.wire"))) {
            l.detachAppender(this);
        }
        stop();
    }

    @Override
    protected void append(ILoggingEvent e) {
        String thread = e.getThreadName();
        if (!(thread.startsWith("camera-") || thread.startsWith("lane-") || thread.startsWith("lanecard-"))) {
            return;
        }
        synchronized (lines) {
            if (lines.size() < MAX_EVENTS) {
                lines.add(new Line(e.getInstant(), thread, e.getFormattedMessage()));
            }
        }
    }

    List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * For each entry the five hops in ms ({@code NaN} where a line is missing), in the order of {@link #HOPS}; an
     * entry's lines are searched between its "sent" and the next entry's, so they are never another's.
     */
    static double[][] split(List<Line> unordered, List<Entry> entries, String lane) {
        // appended as the threads got the appender's lock: a line stamped a little earlier may come a little later
        List<Line> lines = unordered.stream().sorted(java.util.Comparator.comparing(Line::at)).toList();
        double[][] out = new double[entries.size()][];
        int from = 0;
        for (int k = 0; k < entries.size(); k++) {
            Entry en = entries.get(k);
            while (from < lines.size() && lines.get(from).at().isBefore(en.sent())) {
                from++;
            }
            Line body = null;
            Line reply = null;
            Line decided = null;
            Line gate = null;
            String license = "\"license\":\"" + en.plate() + "\"";
            String decision = "Lane " + lane + ": " + en.plate() + " -> ";
            Instant until = k + 1 < entries.size() ? entries.get(k + 1).sent() : Instant.MAX;
            for (int i = from; i < lines.size() && (body == null || reply == null || decided == null
                    || gate == null); i++) {
                Line l = lines.get(i);
                if (!l.at().isBefore(until)) {
                    break;
                }
                if (body == null && l.thread().startsWith("camera-") && l.text().contains(license)) {
                    body = l;
                } else if (body != null && reply == null && l.thread().equals(body.thread())
                        && l.text().contains("<- 200")) {
                    reply = l;
                } else if (decided == null && l.text().startsWith(decision)) {
                    decided = l;
                } else if (decided != null && gate == null && l.thread().startsWith("lanecard-")
                        && l.text().startsWith("tx ") && l.text().contains("0F 06 01 01")) {
                    gate = l;
                }
            }
            Instant decoded = en.sent().plusNanos(en.nanos());
            out[k] = new double[] {ms(en.sent(), body), ms(body, reply), ms(body, decided), ms(decided, gate),
                gate == null ? Double.NaN : Duration.between(gate.at(), decoded).toNanos() / 1e6};
        }
        return out;
    }

    private static double ms(Instant from, Line to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to.at()).toNanos() / 1e6;
    }

    private static double ms(Line from, Line to) {
        return from == null ? Double.NaN : ms(from.at(), to);
    }

    /** Prints p50 / p90 / p99 of each hop over the entries whose lines were all found. */
    void print(List<Entry> entries, int lot) {
        double[][] split = split(lines(), entries, lane);
        for (int h = 0; h < HOPS.length; h++) {
            final int hop = h;
            double[] v = Arrays.stream(split).mapToDouble(r -> r[hop]).filter(d -> !Double.isNaN(d)).sorted()
                    .toArray();
            if (v.length == 0) {
                System.out.printf(Locale.ROOT, "  %-8d hop %-56s no lines found%n", lot, HOPS[h]);
                continue;
            }
            System.out.printf(Locale.ROOT, "  %-8d hop %-56s %5d %8.3f %8.3f %8.3f (p50/p90/p99 ms)%n", lot,
                    HOPS[h], v.length, LanePathHarness.pct(v, 0.5), LanePathHarness.pct(v, 0.9),
                    LanePathHarness.pct(v, 0.99));
        }
    }
}
