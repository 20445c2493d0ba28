package com.boothdesk.sdk.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry and rate-limit rules of the {@link OutboxDispatcher}.
 *
 * @param initialDelay      delay after the first failure; doubles per attempt
 * @param maxDelay          ceiling of the retry delay
 * @param maxRejections     a message the cloud answers with {@code state:0} this many times becomes FAILED
 * @param requestsPerWindow the cloud's limit: it refuses more than this many requests per {@code window} and token
 *                          with {@code request_over_times} (100 per 10 s); 0 = unlimited
 * @param window            the rate window
 * @param ordersPerSecond   at most this many in_park / out_park / upload_order in any second (the SDK rule is "below
 *                          10"), paced evenly; 0 = unlimited
 * @param targetShare       the share of the cloud's limit the outbox aims at, paced evenly (0.96: one uplink every
 *                          104 ms, 9.6 / s); the rest of the limit absorbs arrival jitter and answers to downlinks
 * @param reserve           the hard cap: never more than {@code requestsPerWindow - reserve} requests (uplinks and
 *                          answers to downlinks) in any window (measured over the window plus 2 %)
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxRejections, int requestsPerWindow,
                          Duration window, int ordersPerSecond, double targetShare, int reserve) {

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(window, "window");
        if (maxRejections < 1 || requestsPerWindow < 0 || ordersPerSecond < 0) {
            throw new IllegalArgumentException("invalid retry policy");
        }
        if (!(targetShare > 0 && targetShare <= 1) || reserve < 0
                || (requestsPerWindow > 0 && reserve >= requestsPerWindow)) {
            throw new IllegalArgumentException("invalid rate share or reserve");
        }
    }

    /**
     * Production: retry 1 s .. 60 s, 5 rejections, the cloud's 100 requests / 10 s paced at 96 % (one every
     * 104 ms, so at most 97 in any 10 s) with a hard cap of 98 per 10.2 s counting answers to downlinks, at most 9
     * orders in any 1.1 s.
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 5, 100, Duration.ofSeconds(10), 9,
                0.96, 2);
    }

    /** No rate limit (benchmarks against an unlimited simulator). */
    public static RetryPolicy unlimited() {
        return new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(5), 5, 0, Duration.ofSeconds(10), 0, 1.0,
                0);
    }

    public RetryPolicy withDelays(Duration initial, Duration max) {
        return new RetryPolicy(initial, max, maxRejections, requestsPerWindow, window, ordersPerSecond, targetShare,
                reserve);
    }

    /** Spacing between two uplinks of the outbox, in nanoseconds (0 = unlimited). */
    long spacingNanos() {
        return requestsPerWindow == 0 ? 0 : (long) (window.toNanos() / (requestsPerWindow * targetShare));
    }
}
