package com.boothdesk.sdk.sim;

import java.time.Duration;
import java.util.List;

/**
 * Bolink's resend schedules for payment downlinks that were not delivered (notes §1.6, FAQ problem/688399): the
 * intervals between consecutive resends.
 */
public final class ResendSchedule {

    /** 预付消息: 12 times within 30 min. */
    public static final List<Duration> PREPAY = seconds(5, 5, 10, 20, 20, 60, 60, 120, 180, 300, 300, 720);
    /** 直付消息: 14 times within 5.4 min. */
    public static final List<Duration> DIRECT_PAY = seconds(3, 3, 3, 5, 5, 5, 10, 10, 30, 30, 30, 60, 60, 60);
    /** 月卡续费消息: 15 times within a day. */
    public static final List<Duration> MONTH_CARD = seconds(300, 300, 600, 600, 1800, 1800, 1800, 3600, 3600, 7200,
            7200, 14400, 14400, 14400, 14400);

    private ResendSchedule() {
    }

    /** The same schedule, every interval multiplied by {@code factor} (demos and tests run it faster). */
    public static List<Duration> scaled(List<Duration> schedule, double factor) {
        return schedule.stream().map(d -> Duration.ofNanos(Math.max(1, (long) (d.toNanos() * factor)))).toList();
    }

    private static List<Duration> seconds(long... s) {
        return java.util.Arrays.stream(s).mapToObj(Duration::ofSeconds).toList();
    }
}
