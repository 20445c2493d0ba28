package com.boothdesk.devices.camera.hikvision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.common.Addresses;
import com.boothdesk.devices.camera.common.BarrierCommand;
import com.boothdesk.devices.camera.common.CameraHttpClient;
import com.boothdesk.devices.camera.common.CameraPushListener;
import com.boothdesk.devices.camera.common.PathRoute;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.gate.GateState;
import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.sim.camerakit.HttpRequestLog;
import com.boothdesk.devices.sim.hikvision.SimulatedHikvisionCamera;
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
import org.junit.jupiter.api.Test;

/** The adapter, the booth's push listener and the simulated camera over real HTTP with digest authentication. */
class HikvisionCameraTest {
    private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
    private final List<PlateEvent> reads = new CopyOnWriteArrayList<>();
    private CameraPushListener listener;
    private SimulatedHikvisionCamera sim;
    private HikvisionCamera camera;

    private void start(String password) throws Exception {
        listener = new CameraPushListener(new InetSocketAddress("127.0.0.1", 0), 4 * 1024 * 1024, 2);
        PathRoute route = new PathRoute();
        listener.route("/hikvision", route);
        listener.start();
        sim = new SimulatedHikvisionCamera(URI.create("http://127.0.0.1:" + listener.port() + "/hikvision/HIK-1"),
                "admin", "Hik12345", clock);
        camera = new HikvisionCamera("HIK-1", new CameraHttpClient(sim.isapiBase(), "admin", password,
                Duration.ofSeconds(3), 1024 * 1024), 1, Addresses.resolve("127.0.0.1"), e -> {
                    reads.add(e);
                    return e.plate().equals("京A12345") ? CameraReply.open(List.of()) : CameraReply.none();
                }, clock, Duration.ofMinutes(10));
        route.add("HIK-1", camera);
        camera.start();
    }

    @AfterEach
    void stop() {
        if (camera != null) {
            camera.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void pushedPlateOpensTheBarrierByIsapiWithDigestAndTheStateIsReadBack() throws Exception {
        start("Hik12345");
        assertThat(sim.push("京A12345")).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.side().opens() == 1);
        assertThat(reads).singleElement().satisfies(e -> {
            assertThat(e.plate()).isEqualTo("京A12345");
            assertThat(e.plateImage()).isNotEmpty();
            assertThat(e.fullImage()).isNotEmpty();
            assertThat(e.cameraTime()).isNotNull();
        });
        HttpRequestLog.Entry put = sim.requests().to("/ISAPI/Parking/channels/1/barrierGate").stream()
                .filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
        // the documented ISAPI form, byte for byte
        assertThat(put.text()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><BarrierGate version=\"2.0\" "
                + "xmlns=\"http://www.isapi.org/ver20/XMLSchema\"><ctrlMode>open</ctrlMode></BarrierGate>");
        assertThat(put.uri()).isEqualTo("/ISAPI/Parking/channels/1/barrierGate");
        await().atMost(Duration.ofSeconds(5)).until(() -> camera.gateState() == GateState.OPEN);
        assertThat(sim.digest().challenges()).isGreaterThanOrEqualTo(1);
        assertThat(sim.digest().rejected()).isZero();

        CommandOutcome closed = camera.barrier(BarrierCommand.CLOSE).get(5, TimeUnit.SECONDS);
        assertThat(closed.status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(camera.gateState()).isEqualTo(GateState.CLOSED);
        assertThat(sim.side().closes()).isEqualTo(1);
        assertThat(camera.health().health()).isEqualTo(DeviceHealth.CONNECTED);
    }

    @Test
    void renewedNonceIsFollowedWithoutFailing() throws Exception {
        start("Hik12345");
        camera.barrier(BarrierCommand.OPEN).get(5, TimeUnit.SECONDS);
        int before = sim.digest().challenges();
        sim.digest().expireNonces();
        CommandOutcome o = camera.barrier(BarrierCommand.KEEP_OPEN).get(5, TimeUnit.SECONDS);
        assertThat(o.status()).isEqualTo(CommandOutcome.Status.ACKED);
        assertThat(sim.digest().challenges()).isEqualTo(before + 1);
        assertThat(sim.side().gate()).isEqualTo(GateState.HELD_OPEN);
    }

    @Test
    void wrongPasswordIsAClearFailureNotAnOpen() throws Exception {
        start("wrong");
        CommandOutcome o = camera.barrier(BarrierCommand.OPEN).get(5, TimeUnit.SECONDS);
        assertThat(o.delivered()).isFalse();
        assertThat(o.detail()).contains("refused the user name or password");
        assertThat(sim.side().opens()).isZero();
    }

    @Test
    void noPlateReadReachesTheHandlerAndOpensNothing() throws Exception {
        start("Hik12345");
        sim.withJsonEvents().push("");
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.size() == 1);
        assertThat(reads.get(0).noPlate()).isTrue();
        assertThat(sim.side().opens()).isZero();
    }

    @Test
    void whiteListClockAndSnapshot() throws Exception {
        start("Hik12345");
        LocalDateTime now = LocalDateTime.now(clock);
        camera.replaceWhiteList(List.of(new WhiteListPlate("京M88888", now.minusDays(1), now.plusDays(3), "m"),
                new WhiteListPlate("京W00001", now.minusDays(1), now.plusDays(3), "w"))).get(5, TimeUnit.SECONDS);
        assertThat(sim.side().whiteList()).containsExactlyInAnyOrder("京M88888", "京W00001");
        CommandOutcome o = camera.replaceWhiteList(List.of(new WhiteListPlate("京W00001", now.minusDays(1),
                now.plusDays(3), "w"))).get(5, TimeUnit.SECONDS);
        assertThat(o.delivered()).isTrue();
        assertThat(sim.side().whiteList()).containsExactly("京W00001");
        camera.setClock(LocalDateTime.of(2026, 11, 25, 8, 0)).get(5, TimeUnit.SECONDS);
        assertThat(sim.side().clockSetTo()).isEqualTo(LocalDateTime.of(2026, 11, 25, 8, 0));
        byte[] jpg = camera.snapshot().get(5, TimeUnit.SECONDS);
        assertThat(jpg[0] & 0xff).isEqualTo(0xFF);
        assertThat(jpg[1] & 0xff).isEqualTo(0xD8);
    }

    @Test
    void withTheBoothDownTheCameraOpensForItsWhiteListAndResendsTheRecordLater() throws Exception {
        start("Hik12345");
        LocalDateTime now = LocalDateTime.now(clock);
        camera.replaceWhiteList(List.of(new WhiteListPlate("京M88888", now.minusDays(1), now.plusDays(3), "m")))
                .get(5, TimeUnit.SECONDS);
        int port = listener.port();
        listener.close();
        assertThat(sim.push("京M88888")).isFalse();
        assertThat(sim.push("京X99999")).isFalse();
        assertThat(sim.side().offlineOpens()).isEqualTo(1);

        listener = new CameraPushListener(new InetSocketAddress("127.0.0.1", port), 4 * 1024 * 1024, 2);
        listener.route("/hikvision", new PathRoute().add("HIK-1", camera));
        listener.start();
        assertThat(sim.heartbeat()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.size() == 1);
        assertThat(reads.get(0).offline()).isTrue();
        assertThat(reads.get(0).plate()).isEqualTo("京M88888");
        assertThat(sim.side().opens()).isEqualTo(1);
    }

    @Test
    void pushFromAnotherAddressOrForAnotherCameraIsRefused() throws Exception {
        start("Hik12345");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port()
                + "/hikvision/OTHER")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("<x/>")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        var bad = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port()
                + "/hikvision/HIK-1")).header("Content-Type", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<oops")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(reads).isEmpty();
    }
}
