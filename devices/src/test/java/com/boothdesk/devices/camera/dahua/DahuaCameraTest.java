package com.boothdesk.devices.camera.dahua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.common.Addresses;
import com.boothdesk.devices.camera.common.BarrierCommand;
import com.boothdesk.devices.camera.common.CameraHttpClient;
import com.boothdesk.devices.camera.common.CameraPushListener;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.sim.dahua.SimulatedDahuaCamera;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DahuaCameraTest {
    private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
    private final List<PlateEvent> reads = new CopyOnWriteArrayList<>();
    private CameraPushListener listener;
    private SimulatedDahuaCamera sim;
    private DahuaCamera camera;
    private int port;

    @BeforeEach
    void start() throws Exception {
        listener = new CameraPushListener(new InetSocketAddress("127.0.0.1", 0), 4 * 1024 * 1024, 2);
        DahuaRoute route = new DahuaRoute();
        listener.route("/NotificationInfo", route);
        listener.start();
        port = listener.port();
        sim = new SimulatedDahuaCamera(URI.create("http://127.0.0.1:" + port), "DH-ITC-1", "admin", "dahua123",
                clock);
        camera = new DahuaCamera("DH-ITC-1", new CameraHttpClient(sim.cgiBase(), "admin", "dahua123",
                Duration.ofSeconds(3), 1024 * 1024), 1, Addresses.resolve("127.0.0.1"), e -> {
                    reads.add(e);
                    return e.plate().equals("浙A12345") ? CameraReply.open(List.of()) : CameraReply.none();
                }, clock, Duration.ofMinutes(10));
        route.add(camera);
        camera.start();
    }

    @AfterEach
    void stop() {
        camera.close();
        sim.close();
        listener.close();
    }

    @Test
    void pushedPlateOpensTheStrobeWithDigest() {
        assertThat(sim.push("浙A12345")).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.side().opens() == 1);
        assertThat(reads).singleElement().satisfies(e -> {
            assertThat(e.plate()).isEqualTo("浙A12345");
            assertThat(e.plateImage()).isNotEmpty();
        });
        assertThat(sim.requests().to("/cgi-bin/trafficSnap.cgi?action=openStrobe&channel=1&info.openType=Normal"))
                .hasSize(1);
        assertThat(sim.digest().rejected()).isZero();
        assertThat(sim.keepAlive()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> camera.health().health() == DeviceHealth.CONNECTED);
    }

    @Test
    void noPlateAndCloseAndNoKeepOpen() throws Exception {
        sim.push("");
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.size() == 1);
        assertThat(reads.get(0).noPlate()).isTrue();
        assertThat(sim.side().opens()).isZero();
        assertThat(camera.barrier(BarrierCommand.CLOSE).get(5, TimeUnit.SECONDS).status())
                .isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(sim.side().closes()).isEqualTo(1);
        assertThat(camera.barrier(BarrierCommand.KEEP_OPEN).get(5, TimeUnit.SECONDS).status())
                .isEqualTo(CommandOutcome.Status.REJECTED);
    }

    @Test
    void redListSyncAndOfflinePassage() throws Exception {
        LocalDateTime now = LocalDateTime.now(clock);
        WhiteListPlate m = new WhiteListPlate("浙M88888", now.minusDays(1), now.plusDays(3), "m");
        WhiteListPlate w = new WhiteListPlate("浙W00001", now.minusDays(1), now.plusDays(3), "w");
        camera.replaceWhiteList(List.of(m, w)).get(5, TimeUnit.SECONDS);
        assertThat(sim.side().whiteList()).containsExactlyInAnyOrder("浙M88888", "浙W00001");
        camera.replaceWhiteList(List.of(m)).get(5, TimeUnit.SECONDS);
        assertThat(sim.side().whiteList()).containsExactly("浙M88888");
        assertThat(sim.requests().to("/cgi-bin/recordUpdater.cgi?action=remove&name=TrafficRedList&recno="))
                .hasSize(1);

        listener.close();
        assertThat(sim.push("浙M88888")).isFalse();
        assertThat(sim.side().offlineOpens()).isEqualTo(1);
        listener = new CameraPushListener(new InetSocketAddress("127.0.0.1", port), 4 * 1024 * 1024, 2);
        listener.route("/NotificationInfo", new DahuaRoute().add(camera));
        listener.start();
        assertThat(sim.keepAlive()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.size() == 1);
        assertThat(reads.get(0).offline()).isTrue();
        assertThat(sim.side().opens()).isEqualTo(1);
    }

    @Test
    void clockAndSnapshot() throws Exception {
        camera.setClock(LocalDateTime.of(2026, 11, 25, 8, 0)).get(5, TimeUnit.SECONDS);
        assertThat(sim.side().clockSetTo()).isEqualTo(LocalDateTime.of(2026, 11, 25, 8, 0));
        byte[] jpg = camera.snapshot().get(5, TimeUnit.SECONDS);
        assertThat(jpg[0] & 0xff).isEqualTo(0xFF);
    }
}
