package com.boothdesk.app.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Observable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Watches the booth clock against the clocks it hears from: the cloud (the event times of its downlinks that mean
 * "now at the cloud": 3.31 {@code capture_time}, the {@code pay_time} of 3.2 / 3.4 / 3.25) and the lane cameras (the time of a
 * live plate read). A sample is {@code booth time − remote time} when the message arrived; transport and queueing
 * delays only make it larger, so the estimate per source is the <em>smallest</em> of its last samples (as NTP takes
 * the sample with the least delay): one sample is enough to show the booth is behind, three (all ahead) that it is ahead.
 * Beyond {@code ops.clock_drift_warn_seconds} the booth logs a warning and publishes {@link #drifts()} for the
 * header; a resent downlink (old time) cannot raise the alarm on its own.
 */
public final class ClockWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ClockWatch.class);
    static final int SAMPLES = 5;
    /** A booth ahead of a source is believed after this many samples (one could be a resent message). */
    static final int AHEAD_SAMPLES = 3;
    static final Duration SAMPLE_AGE = Duration.ofHours(6);
    /** A sample further off than this is not a clock, it is a stored or replayed message. */
    static final Duration IMPLAUSIBLE = Duration.ofDays(2);
    /** Downlink fields that carry the cloud's "now" of the event (unix seconds). */
    static final Map<String, Set<String>> NOW_FIELDS = Map.of(
            "notice_capture", Set.of("capture_time"),
            "pay_notice", Set.of("pay_time"),
            "prepay_order", Set.of("pay_time"),
            "outpark", Set.of("pay_time"));

    /**
     * The booth clock is off a source's clock.
     *
     * @param source "cloud" or "camera:&lt;serial&gt;"
     * @param drift  booth time minus the source's time: positive, the booth is ahead
     */
    public record Drift(String source, Duration drift, Instant seenAt) {
        public boolean boothAhead() {
            return !drift.isNegative();
        }
    }

    private final Clock clock;
    private final Duration warnAbove;
    private final Map<String, Deque<Sample>> samples = new LinkedHashMap<>();
    private final Map<String, Drift> beyond = new LinkedHashMap<>();
    private final Observable<List<Drift>> drifts = new Observable<>(List.of());

    public ClockWatch(Clock clock, Duration warnAbove) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.warnAbove = Objects.requireNonNull(warnAbove, "warnAbove");
    }

    /** Sources whose clock is off the booth's by more than the warning level (empty: all agree). */
    public Observable<List<Drift>> drifts() {
        return drifts;
    }

    /** The current estimate for a source, if it was heard from. */
    public synchronized Optional<Duration> estimate(String source) {
        Deque<Sample> d = samples.get(source);
        if (d == null || d.isEmpty()) {
            return Optional.empty();
        }
        return d.stream().map(Sample::offset).min(Duration::compareTo);
    }

    /** One message from {@code source} that says it was made at {@code remote}, received now. */
    public void observe(String source, Instant remote) {
        Instant now = clock.instant();
        Duration offset = Duration.between(remote, now);
        if (offset.abs().compareTo(IMPLAUSIBLE) > 0) {
            return;
        }
        Drift changed = null;
        boolean cleared = false;
        List<Drift> list;
        synchronized (this) {
            Deque<Sample> d = samples.computeIfAbsent(source, k -> new ArrayDeque<>());
            d.addLast(new Sample(now, offset));
            while (d.size() > SAMPLES || !d.isEmpty() && d.peekFirst().at().isBefore(now.minus(SAMPLE_AGE))) {
                d.removeFirst();
            }
            Duration est = d.stream().map(Sample::offset).min(Duration::compareTo).orElse(Duration.ZERO);
            // ahead needs several samples, all ahead (the minimum); behind is shown by any one sample
            boolean off = est.isNegative() ? est.abs().compareTo(warnAbove) > 0
                    : d.size() >= AHEAD_SAMPLES && est.compareTo(warnAbove) > 0;
            Drift was = beyond.get(source);
            if (off) {
                Drift now1 = new Drift(source, est, now);
                if (was == null || was.drift().minus(est).abs().compareTo(warnAbove) > 0) {
                    changed = now1;
                }
                beyond.put(source, now1);
            } else if (was != null) {
                beyond.remove(source);
                cleared = true;
            }
            list = List.copyOf(beyond.values());
        }
        if (changed != null) {
            LOG.warn("时钟偏差 / clock drift: the booth clock is {} s {} {} (warning above {} s); set the booth PC's"
                    + " time (or the {}'s)", Math.abs(changed.drift().toSeconds()),
                    changed.boothAhead() ? "ahead of" : "behind", source, warnAbove.toSeconds(),
                    source.startsWith("camera") ? "camera" : "cloud");
        } else if (cleared) {
            LOG.info("Clock of {} agrees with the booth again", source);
        }
        drifts.set(list);
    }

    /** Samples the cloud's clock from the downlinks that carry its "now", then hands each on. */
    public Function<ObjectNode, ObjectNode> tap(Function<ObjectNode, ObjectNode> next) {
        return downlink -> {
            try {
                Set<String> fields = NOW_FIELDS.get(downlink.path("service_name").asText(""));
                if (fields != null) {
                    for (String f : fields) {
                        JsonNode v = downlink.get(f);
                        if (v == null && downlink.path("data").isObject()) {
                            v = downlink.path("data").get(f);
                        }
                        long secs = v == null ? 0 : v.asLong(0);
                        if (secs > 1_000_000_000L && secs < 10_000_000_000L) {
                            observe("cloud", Instant.ofEpochSecond(secs));
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("clock sample skipped: {}", e.toString());
            }
            return next.apply(downlink);
        };
    }

    private record Sample(Instant at, Duration offset) {
    }
}
