package com.boothdesk.sdk.outbox;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Sliding-window limiter that keeps the dispatcher below the cloud's limits: at most {@code requestsPerWindow}
 * uplinks in any window, and at most {@code ordersPerSecond} order uplinks in any second. Works on a monotonic nano
 * clock (a wall-clock jump must not open or close the window).
 */
final class RateLimiter {

    private final int requestsPerWindow;
    private final long windowNanos;
    private final int ordersPerSecond;
    private final LongSupplier nanoTime;
    private final ArrayDeque<Long> requests = new ArrayDeque<>();
    private final ArrayDeque<Long> orders = new ArrayDeque<>();

    RateLimiter(RetryPolicy policy, LongSupplier nanoTime) {
        this.requestsPerWindow = policy.requestsPerWindow();
        // the cloud counts arrivals, we count departures: a margin absorbs network jitter that bunches them up
        this.windowNanos = policy.window().toNanos() + policy.window().toNanos() / 20;
        this.ordersPerSecond = policy.ordersPerSecond();
        this.nanoTime = nanoTime;
    }

    static boolean isOrder(String serviceName) {
        return "in_park".equals(serviceName) || "out_park".equals(serviceName) || "upload_order".equals(serviceName);
    }

    /** Nanoseconds to wait before this uplink may go (0 = now). Does not record anything. */
    synchronized long delayNanos(String serviceName) {
        long now = nanoTime.getAsLong();
        long wait = 0;
        if (requestsPerWindow > 0) {
            prune(requests, now, windowNanos);
            if (requests.size() >= requestsPerWindow) {
                wait = Math.max(wait, requests.peekFirst() + windowNanos - now);
            }
        }
        if (ordersPerSecond > 0 && isOrder(serviceName)) {
            long second = TimeUnit.MILLISECONDS.toNanos(1100);
            prune(orders, now, second);
            if (orders.size() >= ordersPerSecond) {
                wait = Math.max(wait, orders.peekFirst() + second - now);
            }
        }
        return Math.max(wait, 0);
    }

    /** Records that an uplink went out now. */
    synchronized void record(String serviceName) {
        long now = nanoTime.getAsLong();
        if (requestsPerWindow > 0) {
            requests.addLast(now);
        }
        if (ordersPerSecond > 0 && isOrder(serviceName)) {
            orders.addLast(now);
        }
    }

    /** Treats the window as full (after the cloud said {@code request_over_times}). */
    synchronized void saturate() {
        long now = nanoTime.getAsLong();
        while (requestsPerWindow > 0 && requests.size() < requestsPerWindow) {
            requests.addLast(now);
        }
    }

    private static void prune(ArrayDeque<Long> q, long now, long span) {
        while (!q.isEmpty() && now - q.peekFirst() >= span) {
            q.removeFirst();
        }
    }
}
