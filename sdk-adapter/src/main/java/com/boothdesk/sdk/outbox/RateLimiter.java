package com.boothdesk.sdk.outbox;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps the dispatcher below the cloud's limits, evenly paced rather than in bursts:
 * <ul>
 *   <li>one outbox uplink per {@link RetryPolicy#spacingNanos()} (104 ms for 96 % of 100 / 10 s) on a grid of slots:
 *       an uplink that left late (a busy machine wakes threads late, the next batch is being read) lets the next one
 *       follow sooner, by at most one slot, so the average holds at the target; after more than two idle slots the
 *       grid starts afresh (no burst after a pause). In any 10 s at most 10 s / spacing + 2 uplinks leave;</li>
 *   <li>a hard cap: at most {@code requestsPerWindow - reserve} requests in any window, counting the answers to
 *       downlinks the link writes (the cloud counts them against the same token), measured over the window plus
 *       2 % (the cloud counts arrivals, we count departures);</li>
 *   <li>orders (in_park / out_park / upload_order) at most {@code ordersPerSecond} in any 1.1 s (a margin for arrival
 *       jitter: the cloud counts arrivals), themselves evenly
 *       spaced.</li>
 * </ul>
 * Works on a monotonic nano clock (a wall-clock jump must not open or close the window). Thread-safe.
 */
final class RateLimiter {

    private final int cap;
    private final long windowNanos;
    private final long spacingNanos;
    private final int ordersPerSecond;
    private final long orderWindowNanos = TimeUnit.MILLISECONDS.toNanos(1100);
    private final long orderSpacingNanos;
    private final LongSupplier nanoTime;
    private final ArrayDeque<Long> requests = new ArrayDeque<>();
    private final ArrayDeque<Long> orders = new ArrayDeque<>();
    /** The grid slot of the last outbox uplink (at most half a slot earlier than it actually left). */
    private long lastSlot = Long.MIN_VALUE;
    private long lastOrder = Long.MIN_VALUE;

    RateLimiter(RetryPolicy policy, LongSupplier nanoTime) {
        this.cap = policy.requestsPerWindow() == 0 ? 0 : policy.requestsPerWindow() - policy.reserve();
        this.windowNanos = policy.window().toNanos() + policy.window().toNanos() / 50;
        this.spacingNanos = policy.spacingNanos();
        this.ordersPerSecond = policy.ordersPerSecond();
        this.orderSpacingNanos = ordersPerSecond == 0 ? 0 : orderWindowNanos / ordersPerSecond;
        this.nanoTime = nanoTime;
    }

    static boolean isOrder(String serviceName) {
        return "in_park".equals(serviceName) || "out_park".equals(serviceName) || "upload_order".equals(serviceName);
    }

    /** Nanoseconds to wait before this uplink may go (0 = now). Does not record anything. */
    synchronized long delayNanos(String serviceName) {
        long now = nanoTime.getAsLong();
        long wait = 0;
        if (spacingNanos > 0 && lastSlot != Long.MIN_VALUE) {
            wait = Math.max(wait, lastSlot + spacingNanos - now);
        }
        if (cap > 0) {
            prune(requests, now, windowNanos);
            if (requests.size() >= cap) {
                // the oldest requests must leave the window first
                long oldestThatMustLeave = requests.stream().skip(requests.size() - cap).findFirst().orElse(now);
                wait = Math.max(wait, oldestThatMustLeave + windowNanos - now);
            }
        }
        if (ordersPerSecond > 0 && isOrder(serviceName)) {
            if (lastOrder != Long.MIN_VALUE) {
                wait = Math.max(wait, lastOrder + orderSpacingNanos - now);
            }
            prune(orders, now, orderWindowNanos);
            if (orders.size() >= ordersPerSecond) {
                wait = Math.max(wait, orders.peekFirst() + orderWindowNanos - now);
            }
        }
        return Math.max(wait, 0);
    }

    /** Records that an outbox uplink went out now. */
    synchronized void record(String serviceName) {
        long now = nanoTime.getAsLong();
        if (spacingNanos > 0) {
            long due = lastSlot == Long.MIN_VALUE ? now : lastSlot + spacingNanos;
            // late (a busy machine, the next batch being read): the next may follow sooner, by at most one slot;
            // idle for more than two slots: a fresh start, no burst
            lastSlot = now - due > 2 * spacingNanos ? now : Math.max(due, now - spacingNanos);
        }
        if (cap > 0) {
            requests.addLast(now);
        }
        if (ordersPerSecond > 0 && isOrder(serviceName)) {
            orders.addLast(now);
            lastOrder = now;
        }
    }

    /** Records that the link answered a downlink now (counts against the cap, not the pacing). */
    synchronized void recordAnswer() {
        if (cap > 0) {
            long now = nanoTime.getAsLong();
            prune(requests, now, windowNanos);
            requests.addLast(now);
        }
    }

    /** Treats the window as full (after the cloud said {@code request_over_times}). */
    synchronized void saturate() {
        long now = nanoTime.getAsLong();
        while (cap > 0 && requests.size() < cap) {
            requests.addLast(now);
        }
    }

    /** Requests counted in the current window (tests). */
    synchronized int inWindow() {
        prune(requests, nanoTime.getAsLong(), windowNanos);
        return requests.size();
    }

    private static void prune(ArrayDeque<Long> q, long now, long span) {
        while (!q.isEmpty() && now - q.peekFirst() >= span) {
            q.removeFirst();
        }
    }
}
