package com.boothdesk.sdk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The outbox's pacing on an injected nano clock: even, at 96 % of the cloud's limit, never over it. */
class RateLimiterTest {

    final AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(1000));
    final RateLimiter limiter = new RateLimiter(RetryPolicy.defaults(), now::get);

    /** Sends {@code n} uplinks as fast as the limiter allows; returns their departure times. */
    List<Long> drain(int n, String service) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long wait = limiter.delayNanos(service);
            now.addAndGet(wait);
            assertThat(limiter.delayNanos(service)).isZero();
            limiter.record(service);
            out.add(now.get());
        }
        return out;
    }

    static int maxInAnyWindow(List<Long> times, long windowNanos) {
        int max = 0;
        int j = 0;
        for (int i = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= windowNanos) {
                j++;
            }
            max = Math.max(max, i - j + 1);
        }
        return max;
    }

    @Test
    void sustainedRateIs96PercentOfTheLimitEvenlySpaced() {
        List<Long> t = drain(6_000, "park_log"); // ten minutes at the limit
        double secs = (t.get(t.size() - 1) - t.get(0)) / 1e9;
        double perSecond = (t.size() - 1) / secs;
        assertThat(perSecond).isBetween(9.5, 9.7);
        // evenly: every gap is the same 104 ms, no burst then pause
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.get(i) - t.get(i - 1)).isBetween(TimeUnit.MILLISECONDS.toNanos(104),
                    TimeUnit.MILLISECONDS.toNanos(105));
        }
        assertThat(maxInAnyWindow(t, TimeUnit.SECONDS.toNanos(10))).isLessThanOrEqualTo(97);
    }

    @Test
    void answersToDownlinksCountAgainstTheHardCap() {
        drain(10, "park_log");
        for (int i = 0; i < 88; i++) {
            limiter.recordAnswer(); // a burst of 88 answers: the window holds 98
        }
        long wait = limiter.delayNanos("park_log");
        // the next uplink waits until the first ones leave the (10 s + 2 %) window
        assertThat(wait).isGreaterThan(TimeUnit.SECONDS.toNanos(9));
        now.addAndGet(wait);
        assertThat(limiter.inWindow()).isLessThan(98);
    }

    @Test
    void afterAPauseThereIsNoBurst() {
        drain(5, "park_log");
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        List<Long> t = drain(20, "park_log");
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.get(i) - t.get(i - 1)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(104));
        }
    }

    @Test
    void ordersStayBelowTenInAnySecondEvenlySpaced() {
        List<Long> t = drain(500, "in_park");
        assertThat(maxInAnyWindow(t, TimeUnit.SECONDS.toNanos(1))).isLessThanOrEqualTo(9);
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.get(i) - t.get(i - 1)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(122));
        }
    }

    @Test
    void aLateDepartureIsMadeUpByAtMostOneSlotAndTheAverageHolds() {
        List<Long> t = new ArrayList<>();
        java.util.Random late = new java.util.Random(7);
        for (int i = 0; i < 3_000; i++) {
            now.addAndGet(limiter.delayNanos("park_log"));
            // woken a little late, and one time in fifty very late (a loaded machine, the next batch being read)
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(late.nextInt(50) == 0 ? 80 + late.nextInt(100)
                    : late.nextInt(20)));
            limiter.record("park_log");
            t.add(now.get());
        }
        double perSecond = (t.size() - 1) / ((t.get(t.size() - 1) - t.get(0)) / 1e9);
        assertThat(perSecond).isGreaterThan(9.5);
        // made up by at most one slot: never more than two uplinks within one slot, 11 in a second, 98 in 10 s
        assertThat(maxInAnyWindow(t, TimeUnit.MILLISECONDS.toNanos(104))).isLessThanOrEqualTo(2);
        assertThat(maxInAnyWindow(t, TimeUnit.SECONDS.toNanos(1))).isLessThanOrEqualTo(11);
        assertThat(maxInAnyWindow(t, TimeUnit.SECONDS.toNanos(10))).isLessThanOrEqualTo(98);
    }

    @Test
    void unlimitedNeverWaits() {
        RateLimiter free = new RateLimiter(RetryPolicy.unlimited(), now::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(free.delayNanos("in_park")).isZero();
            free.record("in_park");
        }
    }
}
