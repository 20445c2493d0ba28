package com.boothdesk.app.hardware.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.sim.camerakit.SimulatedCameraSide;
import com.boothdesk.devices.sim.dahua.SimulatedDahuaCamera;
import com.boothdesk.devices.sim.hikvision.SimulatedHikvisionCamera;
import com.boothdesk.devices.sim.huaxia.SimulatedHuaxiaCamera;
import com.boothdesk.devices.sim.zhenshitcp.SimulatedZhenshiTcpCamera;

/**
 * For each camera brand: its simulator drives a full entry at A1 and a paid exit at B1 through the whole booth (real
 * H2, the cloud simulator over TCP, the cameras over real TCP/HTTP with digest authentication where the brand has
 * it), and the barrier is lifted by the camera.
 */
class CameraBrandsThroughTheBoothTest {

    private static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;

    private RunningBooth booth;
    private final Clock real = Clock.systemUTC();

    @AfterEach
    void stop() {
        if (booth != null) {
            booth.close();
        }
    }

    private static String[] lane(String id, String camera, String kind, int port, String... more) {
        String[] base = {"lane." + id + ".camera", camera, "lane." + id + ".camera.kind", kind,
            "lane." + id + ".camera.host", "127.0.0.1", "lane." + id + ".camera.port", String.valueOf(port),
            "lane." + id + ".gate", "camera"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    /** Entry at A1 (barrier up by the entry camera), two hours, exit at B1 paid in cash (barrier up by the exit camera). */
    private void fullPassage(String plate, Predicate<String> entryPush, SimulatedCameraSide entry,
                             Predicate<String> exitPush, SimulatedCameraSide exit, Runnable exitCalls) {
        assertThat(entryPush.test(plate)).isTrue();
        await().atMost(WAIT).until(() -> booth.app.orders().findInLot(plate).isPresent());
        await().atMost(WAIT).until(() -> entry.opens() == 1);
        String orderId = booth.app.orders().findInLot(plate).orElseThrow().orderId();

        booth.clock.advance(Duration.ofHours(2));
        assertThat(exitPush.test(plate)).isTrue();
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        long fee = booth.app.lane("B1").state().get().quote().totalFen();
        assertThat(fee).isPositive();
        assertThat(exit.opens()).isZero();
        booth.app.lane("B1").settleCash(fee).join();
        await().atMost(WAIT).until(() -> {
            exitCalls.run();
            return exit.opens() == 1;
        });
        assertThat(booth.app.orders().find(orderId).orElseThrow().status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(booth.app.orders().findInLot(plate)).isEmpty();
    }

    @Test
    void zhenshiTcp() throws Exception {
        try (SimulatedZhenshiTcpCamera a = new SimulatedZhenshiTcpCamera("ZT-A1", real);
             SimulatedZhenshiTcpCamera b = new SimulatedZhenshiTcpCamera("ZT-B1", real)) {
            booth = RunningBooth.start(data, concat(lane("A1", "ZT-A1", "zhenshi_tcp", a.port()),
                    lane("B1", "ZT-B1", "zhenshi_tcp", b.port())));
            await().atMost(WAIT).until(() -> a.subscribed() && b.subscribed());
            fullPassage("京A12345", p -> a.drive(p) > 0, a.side(), p -> b.drive(p) > 0, b.side(), () -> { });
            assertThat(b.side().commands()).anyMatch(c -> c.equals("{\"cmd\":\"ioctl\",\"io\":0,\"value\":2,"
                    + "\"delay\":500}"));
            await().atMost(WAIT).until(() -> booth.app.cameraModule().health("ZT-A1").orElseThrow()
                    == DeviceHealth.CONNECTED);
        }
    }

    @Test
    void hikvision() throws Exception {
        SimulatedHikvisionCamera a = new SimulatedHikvisionCamera(URI.create("http://127.0.0.1:1/"), "admin",
                "Hik12345", real);
        SimulatedHikvisionCamera b = new SimulatedHikvisionCamera(URI.create("http://127.0.0.1:1/"), "admin",
                "Hik12345", real);
        try {
            String[] auth = {"lane.A1.camera.user", "admin", "lane.A1.camera.password", "Hik12345",
                "lane.B1.camera.user", "admin", "lane.B1.camera.password", "Hik12345"};
            booth = RunningBooth.start(data, concat(lane("A1", "HIK-A1", "hikvision", a.isapiBase().getPort()),
                    lane("B1", "HIK-B1", "hikvision", b.isapiBase().getPort()), auth));
            int port = booth.app.cameraModule().listenPort().orElseThrow();
            a.pushTo(URI.create("http://127.0.0.1:" + port + "/hikvision/HIK-A1"));
            b.pushTo(URI.create("http://127.0.0.1:" + port + "/hikvision/HIK-B1"));
            fullPassage("京A12345", a::push, a.side(), b::push, b.side(), () -> { });
            assertThat(b.requests().to("/ISAPI/Parking/channels/1/barrierGate")).anyMatch(r -> r.method()
                    .equals("PUT") && r.text().contains("<ctrlMode>open</ctrlMode>"));
            assertThat(a.digest().challenges()).isPositive();
            assertThat(a.digest().rejected()).isZero();
        } finally {
            a.close();
            b.close();
        }
    }

    /** Pull mode: the booth connects to each camera's alert stream (digest) and reads the ANPR events there. */
    @Test
    void hikvisionOverItsAlertStream() throws Exception {
        try (SimulatedHikvisionCamera a = new SimulatedHikvisionCamera(URI.create("http://127.0.0.1:1/"), "admin",
                "Hik12345", real);
             SimulatedHikvisionCamera b = new SimulatedHikvisionCamera(URI.create("http://127.0.0.1:1/"), "admin",
                "Hik12345", real)) {
            String[] more = {"lane.A1.camera.user", "admin", "lane.A1.camera.password", "Hik12345",
                "lane.B1.camera.user", "admin", "lane.B1.camera.password", "Hik12345",
                "lane.A1.camera.events", "stream", "lane.B1.camera.events", "stream"};
            booth = RunningBooth.start(data, concat(lane("A1", "HIK-A1", "hikvision", a.isapiBase().getPort()),
                    lane("B1", "HIK-B1", "hikvision", b.isapiBase().getPort()), more));
            // nothing listens for pushes: the booth pulls
            assertThat(booth.app.cameraModule().listenPort()).isEmpty();
            await().atMost(WAIT).until(() -> a.alertStream().attached() == 1 && b.alertStream().attached() == 1);
            fullPassage("京A12345", a::push, a.side(), b::push, b.side(), () -> { });
            assertThat(b.requests().to("/ISAPI/Event/notification/alertStream")).isNotEmpty();
            assertThat(a.digest().challenges()).isPositive();
            assertThat(a.digest().rejected()).isZero();
            // the pictures that followed the event on the stream reached the lane
            var read = booth.app.lane("B1").state().get().lastRead();
            assertThat(read).isNotNull();
            assertThat(read.plateImage()).isNotEmpty();
            assertThat(read.image()).isNotEmpty();
            await().atMost(WAIT).until(() -> booth.app.cameraModule().health("HIK-A1").orElseThrow()
                    == DeviceHealth.CONNECTED);
        }
    }

    /** Pull mode: the booth attaches to each Dahua camera's snap stream (digest) and reads the traffic snaps. */
    @Test
    void dahuaOverItsSnapStream() throws Exception {
        try (SimulatedDahuaCamera a = new SimulatedDahuaCamera(URI.create("http://127.0.0.1:1"), "DH-A1", "admin",
                "dahua123", real);
             SimulatedDahuaCamera b = new SimulatedDahuaCamera(URI.create("http://127.0.0.1:1"), "DH-B1", "admin",
                "dahua123", real)) {
            String[] more = {"lane.A1.camera.user", "admin", "lane.A1.camera.password", "dahua123",
                "lane.B1.camera.user", "admin", "lane.B1.camera.password", "dahua123",
                "lane.A1.camera.events", "stream", "lane.B1.camera.events", "stream"};
            booth = RunningBooth.start(data, concat(lane("A1", "DH-A1", "dahua", a.cgiBase().getPort()),
                    lane("B1", "DH-B1", "dahua", b.cgiBase().getPort()), more));
            assertThat(booth.app.cameraModule().listenPort()).isEmpty();
            await().atMost(WAIT).until(() -> a.snapStream().attached() == 1 && b.snapStream().attached() == 1);
            fullPassage("浙A12345", a::push, a.side(), b::push, b.side(), () -> { });
            assertThat(b.requests().to("/cgi-bin/snapManager.cgi?action=attachFileProc")).isNotEmpty();
            assertThat(b.requests().to("/cgi-bin/trafficSnap.cgi?action=openStrobe&channel=1")).hasSize(1);
            assertThat(a.digest().rejected()).isZero();
        }
    }

    @Test
    void dahua() throws Exception {
        SimulatedDahuaCamera a = new SimulatedDahuaCamera(URI.create("http://127.0.0.1:1"), "DH-A1", "admin",
                "dahua123", real);
        SimulatedDahuaCamera b = new SimulatedDahuaCamera(URI.create("http://127.0.0.1:1"), "DH-B1", "admin",
                "dahua123", real);
        try {
            String[] auth = {"lane.A1.camera.user", "admin", "lane.A1.camera.password", "dahua123",
                "lane.B1.camera.user", "admin", "lane.B1.camera.password", "dahua123"};
            booth = RunningBooth.start(data, concat(lane("A1", "DH-A1", "dahua", a.cgiBase().getPort()),
                    lane("B1", "DH-B1", "dahua", b.cgiBase().getPort()), auth));
            URI listener = URI.create("http://127.0.0.1:" + booth.app.cameraModule().listenPort().orElseThrow());
            a.pushTo(listener);
            b.pushTo(listener);
            fullPassage("浙A12345", a::push, a.side(), b::push, b.side(), () -> { });
            assertThat(b.requests().to("/cgi-bin/trafficSnap.cgi?action=openStrobe&channel=1")).hasSize(1);
            assertThat(a.digest().rejected()).isZero();
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void huaxiaOpensTheEntryInTheAnswerToThePushItself() throws Exception {
        booth = RunningBooth.start(data, concat(lane("A1", "HX-A1", "huaxia", 0), lane("B1", "HX-B1", "huaxia", 0)));
        int port = booth.app.cameraModule().listenPort().orElseThrow();
        SimulatedHuaxiaCamera a = new SimulatedHuaxiaCamera(URI.create("http://127.0.0.1:" + port + "/huaxia/HX-A1"),
                "HX-A1", real);
        SimulatedHuaxiaCamera b = new SimulatedHuaxiaCamera(URI.create("http://127.0.0.1:" + port + "/huaxia/HX-B1"),
                "HX-B1", real);
        assertThat(a.push("粤B12345")).isTrue();
        // the lane decided while the camera waited: IO1 was in that very answer
        assertThat(a.side().opens()).isEqualTo(1);
        booth.clock.advance(Duration.ofSeconds(1));
        // the exit is paid later: the open rides the exit camera's next heartbeat
        fullPassageExitOnly("粤B12345", b);
    }

    private void fullPassageExitOnly(String plate, SimulatedHuaxiaCamera b) {
        await().atMost(WAIT).until(() -> booth.app.orders().findInLot(plate).isPresent());
        booth.clock.advance(Duration.ofHours(2));
        assertThat(b.push(plate)).isTrue();
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        assertThat(b.side().opens()).isZero();
        // the lane completes the settlement once the open went out, and it goes out with the camera's next call
        var settled = booth.app.lane("B1").settleCash(booth.app.lane("B1").state().get().quote().totalFen());
        await().atMost(WAIT).until(() -> b.heartbeat() && b.side().opens() == 1);
        settled.join();
        assertThat(booth.app.orders().findInLot(plate)).isEmpty();
    }
}
