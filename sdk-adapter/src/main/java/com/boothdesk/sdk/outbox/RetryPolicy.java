package com.boothdesk.sdk.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry and rate-limit rules of the {@link OutboxDispatcher}.
 *
 * @param initialDelay     delay after the first failure; doubles per attempt
 * @param maxDelay         ceiling of the retry delay
 * @param maxRejections    a message the cloud answers with {@code state:0} this many times becomes FAILED
 * @param requestsPerWindow at most this many uplinks per {@code window} (the cloud refuses more than 100 / 10 s per
 *                         token with {@code request_over_times}); 0 = unlimited
 * @param window           the rate window
 * @param ordersPerSecond  at most this many in_park / out_park / upload_order per second (the SDK rule is "below
 *                         10"); 0 = unlimited
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxRejections, int requestsPerWindow,
                          Duration window, int ordersPerSecond) {

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(window, "window");
        if (maxRejections < 1 || requestsPerWindow < 0 || ordersPerSecond < 0) {
            throw new IllegalArgumentException("invalid retry policy");
        }
    }

    /** Production: retry 1 s .. 60 s, 5 rejections, 90 requests / 10 s, 9 orders / s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 5, 90, Duration.ofSeconds(10), 9);
    }

    /** No rate limit (benchmarks against an unlimited simulator). */
    public static RetryPolicy unlimited() {
        return new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(5), 5, 0, Duration.ofSeconds(10), 0);
    }

    public RetryPolicy withDelays(Duration initial, Duration max) {
        return new RetryPolicy(initial, max, maxRejections, requestsPerWindow, window, ordersPerSecond);
    }
}
