package com.boothdesk.devices.camera.zhenshitcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.camera.common.BarrierCommand;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.sim.zhenshitcp.SimulatedZhenshiTcpCamera;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against the simulated camera over real TCP on loopback. */
class ZhenshiTcpCameraTest {
    private final Clock clock = Clock.systemUTC();
    private final List<PlateEvent> reads = new CopyOnWriteArrayList<>();
    private SimulatedZhenshiTcpCamera sim;
    private ZhenshiTcpCamera camera;

    @BeforeEach
    void start() throws Exception {
        sim = new SimulatedZhenshiTcpCamera("ZS-TCP-1", clock);
        camera = adapter(e -> {
            reads.add(e);
            return e.plate().equals("京A12345") ? CameraReply.open(List.of()) : CameraReply.none();
        });
        await().atMost(Duration.ofSeconds(10)).until(sim::subscribed);
    }

    private ZhenshiTcpCamera adapter(com.boothdesk.devices.camera.PlateEventHandler h) {
        ZhenshiTcpCamera c = new ZhenshiTcpCamera("ZS-TCP-1", new InetSocketAddress("127.0.0.1", sim.port()), h,
                clock, Duration.ofSeconds(1));
        c.start();
        return c;
    }

    @AfterEach
    void stop() {
        if (camera != null) {
            camera.close();
        }
        sim.close();
    }

    @Test
    void resultGoesToTheHandlerAndItsOpenPulsesTheRelay() {
        sim.drive("京A12345");
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.side().opens() == 1);
        assertThat(reads).hasSize(1);
        PlateEvent e = reads.get(0);
        assertThat(e.plate()).isEqualTo("京A12345");
        assertThat(e.serialNo()).isEqualTo("ZS-TCP-1");
        assertThat(e.fullImage()).isNotEmpty();
        assertThat(e.plateImage()).isNotEmpty();
        assertThat(sim.side().commands()).anyMatch(c -> c.contains("\"cmd\":\"ioctl\"") && c.contains("\"value\":2"));
        assertThat(camera.health().health()).isEqualTo(DeviceHealth.CONNECTED);
    }

    @Test
    void aPlateNotOpenedForLeavesTheRelayAlone() {
        sim.drive("粤B00001");
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.size() == 1);
        camera.barrier(BarrierCommand.KEEP_OPEN).join();
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.side().commands().stream()
                .anyMatch(c -> c.contains("\"value\":1")));
        assertThat(sim.side().opens()).isZero();
    }

    @Test
    void serialBytesArriveExactlyOnTheCamerasRs485() throws Exception {
        byte[] frame = {0x00, 0x64, (byte) 0xFF, (byte) 0xFF, 0x30, 0x03, 0x01, (byte) 0xC4, (byte) 0xE3, 0x12, 0x34};
        CommandOutcome o = camera.sendSerial(new SerialPayload(0, frame)).get(5, TimeUnit.SECONDS);
        assertThat(o.delivered()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !sim.side().rs485Received().isEmpty());
        assertThat(sim.side().rs485Received().get(0).data()).containsExactly(frame);
    }

    @Test
    void whiteListOpensWhileTheBoothIsDownAndTheRecordComesBackOffline() throws Exception {
        LocalDateTime now = LocalDateTime.now(clock);
        camera.replaceWhiteList(List.of(new WhiteListPlate("京M88888", now.minusDays(1), now.plusDays(30), "monthly"),
                new WhiteListPlate("京W00001", now.minusDays(1), now.plusDays(30), "white")))
                .get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.side().whiteList().size() == 2);
        camera.replaceWhiteList(List.of(new WhiteListPlate("京M88888", now.minusDays(1), now.plusDays(30),
                "monthly"))).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.side().whiteList().equals(java.util.Set.of("京M88888")));

        camera.close();
        camera = null;
        await().atMost(Duration.ofSeconds(10)).until(() -> !sim.subscribed());
        sim.drive("京M88888");
        sim.drive("京X99999");
        assertThat(sim.side().offlineOpens()).isEqualTo(1);
        assertThat(sim.side().opens()).isEqualTo(1);

        reads.clear();
        camera = adapter(e -> {
            reads.add(e);
            return CameraReply.open(List.of());
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.size() == 1);
        assertThat(reads.get(0).plate()).isEqualTo("京M88888");
        assertThat(reads.get(0).offline()).isTrue();
        // an offline record never pulses the relay, whatever the handler says
        assertThat(sim.side().opens()).isEqualTo(1);
    }

    @Test
    void clockIsSet() throws Exception {
        LocalDateTime t = LocalDateTime.of(2026, 11, 25, 8, 0, 0);
        camera.setClock(t).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> t.equals(sim.side().clockSetTo()));
    }

    @Test
    void unreachableCameraIsOfflineAndCommandsAreDroppedNotQueued() throws Exception {
        sim.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> camera.health().health() != DeviceHealth.CONNECTED);
        CommandOutcome o = camera.barrier(BarrierCommand.OPEN).get(5, TimeUnit.SECONDS);
        assertThat(o.status()).isEqualTo(CommandOutcome.Status.DROPPED_STALE);
    }
}
