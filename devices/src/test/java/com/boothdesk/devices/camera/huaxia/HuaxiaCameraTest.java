package com.boothdesk.devices.camera.huaxia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.camera.common.Addresses;
import com.boothdesk.devices.camera.common.BarrierCommand;
import com.boothdesk.devices.camera.common.CameraPushListener;
import com.boothdesk.devices.camera.common.PathRoute;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.sim.huaxia.SimulatedHuaxiaCamera;
import com.boothdesk.devices.testutil.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HuaxiaCameraTest {
    private static final byte[] SCREEN = {0x00, 0x64, (byte) 0xFF, (byte) 0xFF, 0x62, 0x01, 0x41, 0x12, 0x34};
    private static final byte[] GATE = {0x00, 0x64, (byte) 0xFF, (byte) 0xFF, 0x0F, 0x06, 0x00, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x68, (byte) 0xE1};

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T00:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final List<PlateEvent> reads = new CopyOnWriteArrayList<>();
    private CameraPushListener listener;
    private HuaxiaCamera camera;
    private SimulatedHuaxiaCamera sim;

    @BeforeEach
    void start() throws Exception {
        listener = new CameraPushListener(new InetSocketAddress("127.0.0.1", 0), 4 * 1024 * 1024, 2);
        camera = new HuaxiaCamera("HX-1", Addresses.resolve("127.0.0.1"), e -> {
            reads.add(e);
            return e.plate().equals("粤B12345") ? CameraReply.open(List.of(new SerialPayload(0, SCREEN)))
                    : CameraReply.none();
        }, clock, Duration.ofSeconds(30));
        listener.route("/huaxia", new PathRoute().add("HX-1", camera));
        listener.start();
        camera.start();
        sim = new SimulatedHuaxiaCamera(URI.create("http://127.0.0.1:" + listener.port() + "/huaxia/HX-1"), "HX-1",
                clock);
    }

    @AfterEach
    void stop() {
        camera.close();
        listener.close();
    }

    @Test
    void theAnswerToThePushOpensIo1AndCarriesTheCardFrame() {
        assertThat(sim.push("粤B12345")).isTrue();
        assertThat(sim.side().opens()).isEqualTo(1);
        assertThat(sim.side().rs485Received()).singleElement().satisfies(p -> assertThat(p.data())
                .containsExactly(SCREEN));
        assertThat(reads.get(0).plateImage()).isNotEmpty();
    }

    @Test
    void queuedCommandsRideTheNextHeartbeatGateFrameFirst() throws Exception {
        CompletableFuture<CommandOutcome> screen = camera.sendSerial(new SerialPayload(0, SCREEN));
        CompletableFuture<CommandOutcome> gate = camera.sendSerial(new SerialPayload(0, GATE));
        CompletableFuture<CommandOutcome> close = camera.barrier(BarrierCommand.CLOSE);
        assertThat(sim.heartbeat()).isTrue();
        assertThat(screen.get(1, TimeUnit.SECONDS).status()).isEqualTo(CommandOutcome.Status.SENT);
        assertThat(gate.get(1, TimeUnit.SECONDS).status()).isEqualTo(CommandOutcome.Status.SENT);
        assertThat(close.get(1, TimeUnit.SECONDS).delivered()).isTrue();
        assertThat(sim.side().rs485Received()).extracting(SerialPayload::data)
                .containsExactly(GATE, SCREEN);
        assertThat(sim.side().closes()).isEqualTo(1);
    }

    @Test
    void aCommandTheCameraDoesNotCallForInTimeIsDroppedNotSentLate() throws Exception {
        CompletableFuture<CommandOutcome> open = camera.barrier(BarrierCommand.OPEN);
        clock.advance(Duration.ofSeconds(3));
        assertThat(sim.heartbeat()).isTrue();
        assertThat(open.get(1, TimeUnit.SECONDS).status()).isEqualTo(CommandOutcome.Status.DROPPED_STALE);
        assertThat(sim.side().opens()).isZero();
    }

    @Test
    void whiteListAndClockRideAnswersAndTheOfflinePassageComesBack() throws Exception {
        LocalDateTime now = LocalDateTime.now(clock);
        CompletableFuture<CommandOutcome> wl = camera.replaceWhiteList(List.of(new WhiteListPlate("粤M88888",
                now.minusDays(1), now.plusDays(3), "monthly")));
        camera.setClock(now);
        sim.heartbeat(); // clear
        sim.heartbeat(); // add
        assertThat(wl.get(1, TimeUnit.SECONDS).delivered()).isTrue();
        assertThat(sim.side().whiteList()).containsExactly("粤M88888");
        assertThat(sim.side().clockSetTo()).isEqualTo(now);

        int port = listener.port();
        listener.close();
        assertThat(sim.push("粤M88888")).isFalse();
        assertThat(sim.side().offlineOpens()).isEqualTo(1);
        listener = new CameraPushListener(new InetSocketAddress("127.0.0.1", port), 4 * 1024 * 1024, 2);
        listener.route("/huaxia", new PathRoute().add("HX-1", camera));
        listener.start();
        assertThat(sim.heartbeat()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> reads.size() == 1);
        assertThat(reads.get(0).offline()).isTrue();
        assertThat(sim.side().opens()).isEqualTo(1);
    }

    @Test
    void noPlateReadOpensNothing() {
        assertThat(sim.push("")).isTrue();
        assertThat(reads).singleElement().satisfies(e -> assertThat(e.noPlate()).isTrue());
        assertThat(sim.side().opens()).isZero();
    }
}
