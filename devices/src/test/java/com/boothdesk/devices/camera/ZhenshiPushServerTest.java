package com.boothdesk.devices.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.sim.CameraPushResult;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.devices.testutil.MutableClock;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Zhenshi push endpoint over real HTTP on loopback, driven by the simulated camera. */
class ZhenshiPushServerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-11-25T09:00:00Z"));
    private final List<PlateEvent> events = new CopyOnWriteArrayList<>();
    private volatile PlateEventHandler decision = e -> CameraReply.open(
            List.of(new SerialPayload(0, CardFrames.playVoice(0, "一路顺风").encode())));
    private ZhenshiPushServer server;

    private SimulatedZhenshiCamera start(Predicate<InetAddress> allowed) throws Exception {
        server = new ZhenshiPushServer(new InetSocketAddress("127.0.0.1", 0), allowed, e -> {
            events.add(e);
            return decision.onPlate(e);
        }, clock);
        server.start();
        return new SimulatedZhenshiCamera(URI.create("http://127.0.0.1:" + server.port() + "/camera/push"),
                "SN-EXIT-1", "192.168.1.100", clock);
    }

    private SimulatedZhenshiCamera start() throws Exception {
        return start(ZhenshiPushServer.allowOnly(List.of("127.0.0.1")));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void livePushReachesTheHandlerAndItsReplyReachesTheCamera() throws Exception {
        SimulatedZhenshiCamera cam = start();
        CameraPushResult r = cam.push("京A12345");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.openGate()).isTrue();
        assertThat(r.serialData()).containsExactly(new SerialPayload(0, CardFrames.playVoice(0, "一路顺风").encode()));
        assertThat(events).hasSize(1);
        PlateEvent e = events.get(0);
        assertThat(e.plate()).isEqualTo("京A12345");
        assertThat(e.serialNo()).isEqualTo("SN-EXIT-1");
        assertThat(e.ipAddr()).isEqualTo("192.168.1.100");
        assertThat(e.sourceAddress()).isEqualTo("127.0.0.1");
        assertThat(e.plateId()).isEqualTo(1);
        assertThat(e.colorCode()).isEqualTo(1);
        assertThat(e.confidence()).isEqualTo(95);
        assertThat(e.offline()).isFalse();
        assertThat(e.readAt()).isEqualTo(clock.instant());
        assertThat(ImageIO.read(new ByteArrayInputStream(e.fullImage())).getWidth()).isEqualTo(640);
        assertThat(ImageIO.read(new ByteArrayInputStream(e.plateImage())).getWidth()).isEqualTo(220);
    }

    @Test
    void noOpenWhenHandlerSaysNone() throws Exception {
        SimulatedZhenshiCamera cam = start();
        decision = e -> CameraReply.none();
        CameraPushResult r = cam.push("沪B99999");
        assertThat(r.openGate()).isFalse();
        assertThat(r.serialData()).isEmpty();
        assertThat(r.body()).isEqualTo("{\"Response_AlarmInfoPlate\":{}}");
    }

    @Test
    void samePlateIdIsADuplicate() throws Exception {
        SimulatedZhenshiCamera cam = start();
        assertThat(cam.pushWithId("京A12345", 77).openGate()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        CameraPushResult again = cam.pushWithId("京A12345", 77);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.openGate()).isFalse();
        assertThat(events).hasSize(1);
    }

    @Test
    void samePlateOnTheSameCameraWithinTheIntervalIsADuplicate() throws Exception {
        SimulatedZhenshiCamera cam = start();
        assertThat(cam.push("京A12345").openGate()).isTrue();
        clock.advance(Duration.ofSeconds(9));
        assertThat(cam.push("京A12345").openGate()).isFalse();
        assertThat(cam.push("京B00001").openGate()).isTrue();
        clock.advance(Duration.ofSeconds(11));
        assertThat(cam.push("京A12345").openGate()).isTrue();
        assertThat(events).extracting(PlateEvent::plate).containsExactly("京A12345", "京B00001", "京A12345");
    }

    @Test
    void offlineRePushIsAnsweredWithContinueAndNeverOpensTheGate() throws Exception {
        SimulatedZhenshiCamera cam = start();
        Instant then = Instant.parse("2025-11-25T07:12:13Z");
        CameraPushResult r = cam.pushOffline("粤B12345", 4242, then);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.continueOffline()).isTrue();
        assertThat(r.openGate()).isFalse();
        assertThat(r.body()).contains("\"plateid\":4242");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).offline()).isTrue();
        assertThat(events.get(0).readAt()).isEqualTo(then);
        // the same offline record again (a live read pre-empted it): de-duplicated but still told to continue
        CameraPushResult again = cam.pushOffline("粤B12345", 4242, then);
        assertThat(again.continueOffline()).isTrue();
        assertThat(events).hasSize(1);
    }

    @Test
    void offlineRePushWithoutACameraTimeSaysSoInsteadOfPassingTheReceiveTimeOff() throws Exception {
        SimulatedZhenshiCamera cam = start();
        CameraPushResult r = cam.pushOfflineWithoutTime("粤B12345", 4300);
        assertThat(r.continueOffline()).isTrue();
        PlateEvent e = events.get(0);
        assertThat(e.offline()).isTrue();
        assertThat(e.cameraTime()).isNull();
        assertThat(e.cameraTimeUnknown()).isTrue();
        assertThat(e.readAt()).isEqualTo(clock.instant()); // the receive time, marked as not the camera's

        // a time no Instant holds is unknown too (no 500)
        String body = "{\"AlarmInfoPlate\":{\"serialno\":\"SN-EXIT-1\",\"result\":{\"PlateResult\":{"
                + "\"license\":\"粤B54321\",\"plateid\":4301,\"isoffline\":1,"
                + "\"timeStamp\":{\"Timeval\":{\"sec\":9223372036854775807,\"usec\":0}}}}}}";
        assertThat(cam.postRaw(body.getBytes(StandardCharsets.UTF_8), "application/json").status()).isEqualTo(200);
        assertThat(events.get(1).cameraTimeUnknown()).isTrue();

        // with its time, an offline re-push keeps it; a live read is never "time unknown"
        cam.pushOffline("粤B12399", 4302, Instant.parse("2025-11-25T07:12:13Z"));
        assertThat(events.get(2).cameraTimeUnknown()).isFalse();
        cam.push("京A12345");
        assertThat(events.get(3).cameraTimeUnknown()).isFalse();
    }

    @Test
    void theCamerasPlateTypeIsCarriedAndTypeZeroWithoutAReadableLicenseIsNoPlate() throws Exception {
        SimulatedZhenshiCamera cam = start();
        decision = e -> CameraReply.none();
        String tmpl = "{\"AlarmInfoPlate\":{\"serialno\":\"SN-EXIT-1\",\"result\":{\"PlateResult\":{"
                + "\"license\":\"%s\",\"type\":%d,\"plateid\":%d}}}}";
        cam.postRaw(String.format(tmpl, "*****", 0, 1).getBytes(StandardCharsets.UTF_8), "application/json");
        cam.postRaw(String.format(tmpl, "京A12345", 0, 2).getBytes(StandardCharsets.UTF_8), "application/json");
        cam.postRaw(String.format(tmpl, "*****", 1, 3).getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(events).extracting(PlateEvent::plateType).containsExactly(0, 0, 1);
        assertThat(events).extracting(PlateEvent::noPlateByType).containsExactly(true, false, false);
        assertThat(events.get(0).noPlate()).isTrue();
        assertThat(events.get(1).noPlate()).isFalse();
        cam.pushWithId("京B22222", 50); // the simulator's own reads carry type 1
        assertThat(events.get(3).plateType()).isEqualTo(1);
    }

    @Test
    void unconfiguredPeerGets403AndNoHandlerCall() throws Exception {
        SimulatedZhenshiCamera cam = start(ZhenshiPushServer.allowOnly(List.of("192.0.2.10")));
        CameraPushResult r = cam.push("京A12345");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("\"error\"");
        assertThat(events).isEmpty();
    }

    @Test
    void malformedBodyGets400AndTheServerKeepsGoing() throws Exception {
        SimulatedZhenshiCamera cam = start();
        CameraPushResult bad = cam.postRaw("{\"AlarmInfoPlate\":{".getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).startsWith("{\"error\":\"malformed JSON");
        CameraPushResult wrong = cam.postRaw("{\"AlarmInfoPlate\":{\"result\":{\"PlateResult\":{\"license\":5}}}}"
                .getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("license");
        assertThat(cam.push("京A12345").status()).isEqualTo(200);
    }

    @Test
    void failingHandlerIsAnswered500AndTheRePushOfTheSameReadIsTaken() throws Exception {
        SimulatedZhenshiCamera cam = start();
        decision = e -> {
            throw new IllegalStateException("journal write failed");
        };
        CameraPushResult r = cam.pushWithId("京A12345", 501);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.openGate()).isFalse();
        assertThat(r.serialData()).isEmpty();
        // the camera pushes the same record again (same plateid, same plate within the same-plate interval): it is
        // not a duplicate, since the first one was never taken
        decision = e -> CameraReply.open(List.of());
        CameraPushResult again = cam.pushWithId("京A12345", 501);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.openGate()).isTrue();
        assertThat(events).extracting(PlateEvent::plateId).containsExactly(501L, 501L);
        // once taken, it is a duplicate again
        assertThat(cam.pushWithId("京A12345", 501).openGate()).isFalse();
        assertThat(events).hasSize(2);
    }

    @Test
    void failingHandlerOnAnOfflineRePushIsAnswered500WithoutContinue() throws Exception {
        SimulatedZhenshiCamera cam = start();
        decision = e -> {
            throw new IllegalStateException("journal write failed");
        };
        CameraPushResult r = cam.pushOffline("粤B12345", 4243, Instant.parse("2025-11-25T07:12:13Z"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.continueOffline()).isFalse();
        decision = e -> CameraReply.none();
        assertThat(cam.pushOffline("粤B12345", 4243, Instant.parse("2025-11-25T07:12:13Z")).continueOffline())
                .isTrue();
        assertThat(events).hasSize(2);
    }

    @Test
    void heartbeatsKeepTheCameraHealthyAndCollectQueuedCommands() throws Exception {
        SimulatedZhenshiCamera cam = start();
        assertThat(server.cameraHealth("SN-EXIT-1")).isEqualTo(DeviceHealth.UNKNOWN);
        assertThat(server.health().health()).isEqualTo(DeviceHealth.UNKNOWN);
        var first = server.queueForCamera("SN-EXIT-1", CameraReply.open(List.of()), Duration.ofSeconds(2));
        CameraPushResult hb = cam.heartbeat();
        assertThat(hb.status()).isEqualTo(200);
        assertThat(hb.openGate()).isTrue();
        assertThat(first.get().status()).isEqualTo(com.boothdesk.devices.card.CommandOutcome.Status.SENT);
        assertThat(cam.heartbeat().openGate()).isFalse();
        assertThat(server.cameraHealth("SN-EXIT-1")).isEqualTo(DeviceHealth.CONNECTED);
        assertThat(server.health().health()).isEqualTo(DeviceHealth.CONNECTED);

        var late = server.queueForCamera("SN-EXIT-1", CameraReply.open(List.of()), Duration.ofSeconds(2));
        clock.advance(Duration.ofMillis(2500));
        assertThat(cam.heartbeat().openGate()).as("a stale queued open is never sent").isFalse();
        assertThat(late.get().status()).isEqualTo(com.boothdesk.devices.card.CommandOutcome.Status.DROPPED_STALE);

        clock.advance(Duration.ofSeconds(31));
        assertThat(server.cameraHealth("SN-EXIT-1")).isEqualTo(DeviceHealth.OFFLINE);
        assertThat(server.health().health()).isEqualTo(DeviceHealth.OFFLINE);
    }

    @Test
    void formHeartbeatIsRecognised() throws Exception {
        SimulatedZhenshiCamera cam = start();
        CameraPushResult r = cam.postRaw("serialno=SN-FORM-9&heartbeat=1".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(r.status()).isEqualTo(200);
        assertThat(server.cameraHealth("SN-FORM-9")).isEqualTo(DeviceHealth.CONNECTED);
    }

    @Test
    void gbkEncodedBodyIsDecoded() throws Exception {
        SimulatedZhenshiCamera cam = start();
        String body = "{\"AlarmInfoPlate\":{\"serialno\":\"SN-OLD\",\"result\":{\"PlateResult\":"
                + "{\"license\":\"苏E12345\",\"plateid\":3}}}}";
        assertThat(cam.postRaw(body.getBytes("GBK"), "application/json").status()).isEqualTo(200);
        assertThat(events).extracting(PlateEvent::plate).containsExactly("苏E12345");
    }

    @Test
    void picturesInPlainAndInLineWrappedBase64AreBothDecoded() throws Exception {
        SimulatedZhenshiCamera cam = start();
        byte[] picture = new byte[3000];
        new java.util.Random(5).nextBytes(picture);
        String plain = java.util.Base64.getEncoder().encodeToString(picture);
        // older firmware wraps its base64 at 76 characters; JSON carries the line breaks as \r\n escapes
        String wrapped = java.util.Base64.getMimeEncoder().encodeToString(picture).replace("\r\n", "\\r\\n");
        String tmpl = "{\"AlarmInfoPlate\":{\"serialno\":\"SN-PIC\",\"result\":{\"PlateResult\":"
                + "{\"license\":\"京A1234%d\",\"plateid\":%d,\"imageFile\":\"%s\"}}}}";
        assertThat(cam.postRaw(String.format(tmpl, 1, 11, plain).getBytes(StandardCharsets.UTF_8),
                "application/json").status()).isEqualTo(200);
        assertThat(cam.postRaw(String.format(tmpl, 2, 12, wrapped).getBytes(StandardCharsets.UTF_8),
                "application/json").status()).isEqualTo(200);
        assertThat(wrapped).contains("\\r\\n");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).fullImage()).isEqualTo(picture);
        assertThat(events.get(1).fullImage()).isEqualTo(picture);
    }
}
