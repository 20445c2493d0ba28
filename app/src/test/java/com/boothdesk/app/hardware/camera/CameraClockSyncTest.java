package com.boothdesk.app.hardware.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.boothdesk.app.common.Threads;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.devices.camera.common.CameraCapability;
import com.boothdesk.devices.camera.common.LaneCamera;
import com.boothdesk.devices.card.CommandOutcome;

/**
 * The camera clock schedule's logic on stand-in cameras (the real adapters' clock commands are tested per brand in
 * devices, and through the booth in {@code CameraWhiteListOutageTest}): a camera that does not take the time is tried
 * again after the retry delay with the booth's time at that moment, one retry at a time; a camera without a settable
 * clock is left alone.
 */
class CameraClockSyncTest {

    private final ScheduledExecutorService timer = Threads.scheduled("test-camera-clock");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T00:00:00Z"), ZoneId.of("UTC"));

    @AfterEach
    void stop() {
        Threads.shutdown(timer);
    }

    /** A camera whose clock command answers, in turn, the outcomes given (the last one from then on). */
    private static LaneCamera camera(String id, boolean hasClock, List<LocalDateTime> got,
                                     CommandOutcome.Status... outcomes) {
        Deque<CommandOutcome.Status> left = new ArrayDeque<>(List.of(outcomes));
        return (LaneCamera) Proxy.newProxyInstance(LaneCamera.class.getClassLoader(), new Class<?>[] {LaneCamera.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "cameraId" -> id;
                    case "capabilities" -> hasClock ? EnumSet.of(CameraCapability.CLOCK)
                            : EnumSet.noneOf(CameraCapability.class);
                    case "setClock" -> {
                        got.add((LocalDateTime) args[0]);
                        CommandOutcome.Status st = left.size() > 1 ? left.poll() : left.peek();
                        yield CompletableFuture.completedFuture(CommandOutcome.of(st, "test"));
                    }
                    case "toString" -> "camera " + id;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void aCameraThatDidNotTakeTheTimeIsTriedAgainWithTheTimeOfThen() {
        List<LocalDateTime> failing = new CopyOnWriteArrayList<>();
        List<LocalDateTime> fine = new CopyOnWriteArrayList<>();
        List<LocalDateTime> none = new CopyOnWriteArrayList<>();
        LaneCamera a = camera("A", true, failing, CommandOutcome.Status.LINK_DOWN, CommandOutcome.Status.DROPPED_STALE,
                CommandOutcome.Status.SENT);
        LaneCamera b = camera("B", true, fine, CommandOutcome.Status.SENT);
        LaneCamera c = camera("C", false, none);
        CameraClockSync sync = new CameraClockSync(() -> List.of(a, b, c), clock, ZoneId.of("Asia/Shanghai"), timer,
                Duration.ofMillis(20));

        sync.syncAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> failing.size() == 3);
        assertThat(failing.get(0)).isEqualTo(LocalDateTime.parse("2026-11-25T08:00:00"));
        assertThat(fine).containsExactly(LocalDateTime.parse("2026-11-25T08:00:00"));
        assertThat(none).isEmpty();

        // once it took the time, nothing more until the next schedule
        clock.advance(Duration.ofMinutes(1));
        sync.syncAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> failing.size() == 4);
        assertThat(failing.get(3)).isEqualTo(LocalDateTime.parse("2026-11-25T08:01:00"));
        assertThat(fine).hasSize(2);
    }
}
