package com.boothdesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.app.testing.TestBooth;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.sdk.link.LinkStatus;

/**
 * Real parts that hang, all at once, under the real window: the exit's LED/gate card on its pty pair stops
 * answering (its far end decodes every frame and never ACKs), a camera peer opens a connection to the camera HTTP
 * door, sends headers and part of a body and stalls, and the cloud's port accepts the booth's connection and never
 * answers a byte. While they hang the FX thread keeps answering: a sampler thread makes {@code Platform.runLater}
 * round trips the whole time, and every one that falls inside the hang comes back within a bound.
 */
class FrozenPartsDoNotFreezeTheScreenTest {

    static final Duration WAIT = RunningBooth.WAIT;
    /** A round trip to the FX thread that takes longer than this is a frozen screen. */
    static final long ROUND_TRIP_BOUND_MS = 1000;

    @TempDir
    Path data;
    ServerSocket deadCloud;
    final List<Socket> deadCloudPeers = new CopyOnWriteArrayList<>();
    BoothApp app;
    MutableClock clock;
    StalledCamera stalledCamera;
    final FxRobot robot = new FxRobot();
    final Sampler sampler = new Sampler();

    @BeforeEach
    void start() throws Exception {
        deadCloud = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!deadCloud.isClosed()) {
                try {
                    deadCloudPeers.add(deadCloud.accept()); // accepted, never read, never answered
                } catch (IOException e) {
                    return;
                }
            }
        }, "dead-cloud");
        acceptor.setDaemon(true);
        acceptor.start();
        clock = new MutableClock(RunningBooth.EIGHT_AM, ZoneId.of("Asia/Shanghai"));
        app = BoothApp.start(TestBooth.config(data, "cloud.mode", "tcp", "cloud.host", "127.0.0.1",
                "cloud.port", String.valueOf(deadCloud.getLocalPort())), clock, Clock.systemUTC());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> new BoothWindow(app).show(s));
    }

    @AfterEach
    void stop() throws Exception {
        sampler.stop();
        FxToolkit.cleanupStages();
        if (stalledCamera != null) {
            stalledCamera.stop();
        }
        app.close();
        deadCloud.close();
        for (Socket s : deadCloudPeers) {
            s.close();
        }
    }

    @Test
    void aCardThatNeverAcksACameraThatStallsAndACloudThatNeverAnswersLeaveTheScreenAnswering() throws Exception {
        // the cloud: the booth connected, got nothing back, is not logged in and the header says so
        await().atMost(WAIT).until(() -> !deadCloudPeers.isEmpty());
        assertThat(app.cloudLink().orElseThrow().status()).isNotEqualTo(LinkStatus.LOGGED_IN);
        await().atMost(WAIT).until(() -> !text("#cloud-status").equals("云端 已连接")
                && text("#cloud-status").startsWith("云端"));

        SimulatedZhenshiCamera entryCam = camera("SIM-CAM-A1");
        SimulatedZhenshiCamera exitCam = camera("SIM-CAM-B1");
        entryCam.push("京A12345");
        await().atMost(WAIT).until(() -> app.orders().findInLot("京A12345").isPresent());
        clock.advance(Duration.ofHours(3));

        // the camera peer that stalls: headers, 10 bytes of a 4000-byte body, then nothing; when the door drops it
        // at its body deadline it connects again and stalls again (a hung camera keeps hanging)
        stalledCamera = new StalledCamera(app.cameraPort());
        await().atMost(WAIT).until(() -> stalledCamera.stalling());

        // the exit's card stops answering: every LED frame and the gate frame wait for an ACK that never comes
        app.hardware().simulatedCard("B1").orElseThrow().setAnswering(false);
        sampler.start();

        // a real push from the exit camera still gets through the door beside the stalled peer
        exitCam.push("京A12345");
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.AWAITING_PAYMENT);
        await().atMost(WAIT).until(() -> text("#status-B1").contains("京A12345"));

        robot.clickOn("#plate-B1");
        long pressedAt = System.nanoTime();
        robot.type(KeyCode.F1); // cash: the gate frame goes to a card that never ACKs
        await().atMost(WAIT).until(() -> app.gateEvents().recent(5).stream()
                .anyMatch(e -> e.cause() == GateEvent.Cause.EXIT_PAID));
        long failedAt = System.nanoTime();
        GateEvent open = app.gateEvents().recent(5).stream().filter(e -> e.cause() == GateEvent.Cause.EXIT_PAID)
                .findFirst().orElseThrow();
        assertThat(open.outcome().moved()).as("no ACK: recorded as failed").isFalse();
        await().atMost(WAIT).until(() -> text("#feedback-B1").contains("道闸未确认动作"));
        assertThat(text("#feedback-B1")).as("the message with its plate, no raw placeholders")
                .startsWith("京A12345 道闸未确认动作(").doesNotContain("{0}").doesNotContain("{1}");
        assertThat(phase("B1")).as("the car is still here, waiting").isEqualTo(LanePhase.AWAITING_PAYMENT);
        assertThat(app.orders().findInLot("京A12345").orElseThrow().status()).isEqualTo(OrderStatus.IN_LOT);

        // the entry lane works meanwhile, through its own card
        entryCam.push("沪B54321");
        await().atMost(WAIT).until(() -> app.orders().findInLot("沪B54321").isPresent());
        await().atMost(WAIT).until(() -> text("#plate-A1").equals("沪B54321"));
        long doneAt = System.nanoTime();

        // every hang was on while the screen was sampled
        assertThat(stalledCamera.failures.get()).as("the stalled peer could always connect").isZero();
        assertThat(stalledCamera.opened.get()).isGreaterThanOrEqualTo(1);
        assertThat(app.cloudLink().orElseThrow().status()).isNotEqualTo(LinkStatus.LOGGED_IN);
        sampler.stop();
        List<long[]> during = sampler.between(pressedAt, doneAt);
        assertThat(during).as("round trips to the FX thread while the card, camera and cloud hung")
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(during).allSatisfy(rt -> assertThat(rt[1]).as("round trip (ms)")
                .isLessThan(ROUND_TRIP_BOUND_MS));
        assertThat(sampler.lost.get()).as("round trips that never came back").isZero();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private SimulatedZhenshiCamera camera(String serial) {
        return new SimulatedZhenshiCamera(URI.create("http://127.0.0.1:" + app.cameraPort() + "/"), serial,
                "127.0.0.1", clock);
    }

    /** A camera peer that connects, sends headers and part of a body, and stalls, again whenever it is dropped. */
    static final class StalledCamera {
        final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        private volatile Socket current;
        private volatile boolean stop;
        private final Thread thread;

        StalledCamera(int port) {
            thread = new Thread(() -> {
                while (!stop) {
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        OutputStream out = s.getOutputStream();
                        out.write(("POST / HTTP/1.1\r\nHost: booth\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 4000\r\n\r\n{\"AlarmIn").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        current = s;
                        opened.incrementAndGet();
                        InputStream in = s.getInputStream();
                        while (in.read() >= 0) {
                            // the door's 408 (if any) is read; then it closes the connection
                        }
                    } catch (IOException e) {
                        if (!stop) {
                            failures.incrementAndGet();
                        }
                    } finally {
                        current = null;
                    }
                }
            }, "stalled-camera");
            thread.setDaemon(true);
            thread.start();
        }

        boolean stalling() {
            Socket s = current;
            return s != null && !s.isClosed();
        }

        void stop() throws IOException, InterruptedException {
            stop = true;
            Socket s = current;
            if (s != null) {
                s.close();
            }
            thread.join(5000);
        }
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private LanePhase phase(String lane) {
        return app.lane(lane).state().get().phase();
    }

    /** Round trips to the FX thread, one after the other (20 ms apart), each with its start (nanoTime) and ms. */
    static final class Sampler {
        final List<long[]> trips = new CopyOnWriteArrayList<>();
        final AtomicLong lost = new AtomicLong();
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fx-sampler");
            t.setDaemon(true);
            return t;
        });

        void start() {
            timer.scheduleWithFixedDelay(() -> {
                CountDownLatch answered = new CountDownLatch(1);
                long t0 = System.nanoTime();
                Platform.runLater(answered::countDown);
                try {
                    if (!answered.await(5, TimeUnit.SECONDS)) {
                        lost.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                trips.add(new long[] {t0, (System.nanoTime() - t0) / 1_000_000});
            }, 0, 20, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            timer.shutdownNow();
            timer.awaitTermination(10, TimeUnit.SECONDS);
        }

        List<long[]> between(long from, long to) {
            return trips.stream().filter(t -> t[0] >= from && t[0] <= to).toList();
        }
    }
}
