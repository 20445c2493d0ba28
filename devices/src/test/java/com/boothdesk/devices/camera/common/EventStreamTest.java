package com.boothdesk.devices.camera.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.dahua.DahuaCamera;
import com.boothdesk.devices.camera.hikvision.HikvisionCamera;
import com.boothdesk.devices.camera.hikvision.HikvisionEvents;
import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.sim.dahua.SimulatedDahuaCamera;
import com.boothdesk.devices.sim.hikvision.SimulatedHikvisionCamera;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Pull-mode event streams over real loopback HTTP: the booth connects to the simulated camera's stream (digest
 * authentication), reads events with their pictures, notices a stream gone silent by its read deadline and
 * reconnects; hostile streams (a part over the size bound, a line without end) fail the stream, never the memory.
 */
class EventStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final Clock real = Clock.systemUTC();

    private static Set<InetAddress> loopback() {
        return Set.of(InetAddress.getLoopbackAddress());
    }

    @Test
    void hikvisionAlertStreamCarriesTheEventWithItsPicturesAndIsReopenedAfterItFellSilent() throws Exception {
        BlockingQueue<PlateEvent> reads = new LinkedBlockingQueue<>();
        try (SimulatedHikvisionCamera sim = new SimulatedHikvisionCamera(URI.create("http://127.0.0.1:1/"), "admin",
                "Hik12345", real);
             HikvisionCamera cam = new HikvisionCamera("HIK-1", new CameraHttpClient(sim.isapiBase(), "admin",
                     "Hik12345", Duration.ofSeconds(3), 1 << 20), 1, loopback(), e -> {
                         reads.add(e);
                         return CameraReply.none();
                     }, real, Duration.ofSeconds(30)).withAlertStream(Duration.ofMillis(2500))) {
            cam.start();
            await().atMost(WAIT).until(() -> sim.alertStream().attached() == 1);
            assertThat(sim.push("京A12345")).isTrue();
            PlateEvent e = reads.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(e).isNotNull();
            assertThat(e.plate()).isEqualTo("京A12345");
            assertThat(e.colorCode()).isEqualTo(1);
            assertThat(e.plateImage()).isNotEmpty();
            assertThat(e.fullImage()).isNotEmpty();
            assertThat(e.offline()).isFalse();
            assertThat(sim.digest().challenges()).isPositive();
            assertThat(sim.digest().rejected()).isZero();
            assertThat(cam.health().health()).isEqualTo(DeviceHealth.CONNECTED);

            // the camera hangs: connection open, nothing sent - the read deadline takes the stream as lost
            sim.alertStream().stall(true);
            await().atMost(WAIT).until(() -> cam.health().health() != DeviceHealth.CONNECTED);
            sim.alertStream().stall(false);
            await().atMost(WAIT).until(() -> cam.alertStream().orElseThrow().connections() >= 2
                    && cam.health().health() == DeviceHealth.CONNECTED);
            await().atMost(WAIT).until(() -> sim.push("京B54321"));
            PlateEvent again = reads.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(again).isNotNull();
            assertThat(again.plate()).isEqualTo("京B54321");
        }
    }

    @Test
    void recordsTheCameraKeptWhileNobodyWasAttachedComeFlaggedWhenTheBoothAttaches() throws Exception {
        BlockingQueue<PlateEvent> reads = new LinkedBlockingQueue<>();
        try (SimulatedHikvisionCamera sim = new SimulatedHikvisionCamera(URI.create("http://127.0.0.1:1/"), "admin",
                "Hik12345", real)) {
            sim.side().whiteListPut("京G00000", java.time.LocalDateTime.now(real).minusDays(1),
                    java.time.LocalDateTime.now(real).plusDays(1));
            assertThat(sim.push("京G00000")).isFalse();
            assertThat(sim.side().offlineOpens()).isEqualTo(1);
            try (HikvisionCamera cam = new HikvisionCamera("HIK-1", new CameraHttpClient(sim.isapiBase(), "admin",
                    "Hik12345", Duration.ofSeconds(3), 1 << 20), 1, loopback(), e -> {
                        reads.add(e);
                        return CameraReply.open(List.of());
                    }, real, Duration.ofSeconds(30)).withAlertStream(Duration.ofSeconds(5))) {
                cam.start();
                PlateEvent e = reads.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(e).isNotNull();
                assertThat(e.plate()).isEqualTo("京G00000");
                assertThat(e.offline()).isTrue();
                // an offline record never lifts the barrier (the handler asked; the adapter refused)
                assertThat(sim.side().opens()).isEqualTo(1);
            }
        }
    }

    @Test
    void dahuaSnapStreamCarriesTheSnapAndItsPicture() throws Exception {
        BlockingQueue<PlateEvent> reads = new LinkedBlockingQueue<>();
        try (SimulatedDahuaCamera sim = new SimulatedDahuaCamera(URI.create("http://127.0.0.1:1"), "DH-1", "admin",
                "dahua123", real);
             DahuaCamera cam = new DahuaCamera("DH-1", new CameraHttpClient(sim.cgiBase(), "admin", "dahua123",
                     Duration.ofSeconds(3), 1 << 20), 1, loopback(), e -> {
                         reads.add(e);
                         return CameraReply.none();
                     }, real, Duration.ofSeconds(30)).withEventStream(Duration.ofSeconds(3))) {
            cam.start();
            await().atMost(WAIT).until(() -> sim.snapStream().attached() == 1);
            assertThat(sim.push("浙A12345")).isTrue();
            PlateEvent e = reads.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(e).isNotNull();
            assertThat(e.plate()).isEqualTo("浙A12345");
            assertThat(e.confidence()).isEqualTo(93);
            assertThat(e.fullImage()).isNotEmpty();
            assertThat(e.vehicleType()).isEqualTo("car");
            assertThat(sim.push("")).isTrue();
            PlateEvent none = reads.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(none).isNotNull();
            assertThat(none.noPlate()).isTrue();
            assertThat(sim.requests().to("/cgi-bin/snapManager.cgi?action=attachFileProc&channel=1&heartbeat=1"
                    + "&Flags%5B0%5D=Event&Events=%5BTrafficJunction%5D")).isNotEmpty();
        }
    }

    /** A server that answers the stream request with {@code head} and then {@code body}, once per connection. */
    private static final class HostileCamera implements AutoCloseable {
        final ServerSocket server = new ServerSocket();
        final AtomicInteger accepted = new AtomicInteger();
        final List<Socket> sockets = new CopyOnWriteArrayList<>();

        HostileCamera(byte[] answer) throws IOException {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        sockets.add(s);
                        accepted.incrementAndGet();
                        InputStream in = s.getInputStream();
                        byte[] req = new byte[4096];
                        int n = in.read(req);
                        if (n > 0) {
                            OutputStream out = s.getOutputStream();
                            out.write(answer);
                            out.flush();
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "hostile-camera");
            t.setDaemon(true);
            t.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static byte[] streamHead() {
        return ("HTTP/1.1 200 OK\r\nContent-Type: multipart/mixed; boundary=boundary\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aPartOverTheBoundFailsTheStreamWhichIsThenRetried() throws Exception {
        byte[] head = streamHead();
        byte[] part = "--boundary\r\nContent-Type: image/jpeg\r\nContent-Length: 999999999\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] answer = new byte[head.length + part.length];
        System.arraycopy(head, 0, answer, 0, head.length);
        System.arraycopy(part, 0, answer, head.length, part.length);
        List<String> lost = new CopyOnWriteArrayList<>();
        try (HostileCamera cam = new HostileCamera(answer);
             EventStream s = new EventStream("hostile", cam.base(), "/ISAPI/Event/notification/alertStream", null,
                     null, Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, new EventStream.Listener() {
                         @Override
                         public void onPart(Multipart.Part p) {
                         }

                         @Override
                         public void onLost(String why) {
                             lost.add(why);
                         }
                     })) {
            s.start();
            await().atMost(WAIT).until(() -> lost.size() >= 2);
            assertThat(lost.get(0)).contains("over the limit of 1048576");
            assertThat(cam.accepted.get()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aStreamThatIsNotMultipartOrRefusesIsReportedWithTheReason() throws Exception {
        List<String> lost = new CopyOnWriteArrayList<>();
        byte[] answer = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\nhi"
                .getBytes(StandardCharsets.ISO_8859_1);
        try (HostileCamera cam = new HostileCamera(answer);
             EventStream s = new EventStream("html", cam.base(), "/x", null, null, Duration.ofSeconds(2),
                     Duration.ofSeconds(5), 1024, new EventStream.Listener() {
                         @Override
                         public void onPart(Multipart.Part p) {
                         }

                         @Override
                         public void onLost(String why) {
                             lost.add(why);
                         }
                     })) {
            s.start();
            await().atMost(WAIT).until(() -> !lost.isEmpty());
            assertThat(lost.get(0)).contains("not multipart").contains("text/html");
        }
        lost.clear();
        byte[] refused = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"x\"\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        try (HostileCamera cam = new HostileCamera(refused);
             EventStream s = new EventStream("basic", cam.base(), "/x", "admin", "pw", Duration.ofSeconds(2),
                     Duration.ofSeconds(5), 1024, new EventStream.Listener() {
                         @Override
                         public void onPart(Multipart.Part p) {
                         }

                         @Override
                         public void onLost(String why) {
                             lost.add(why);
                         }
                     })) {
            s.start();
            await().atMost(WAIT).until(() -> !lost.isEmpty());
            assertThat(lost.get(0)).contains("other than Digest");
        }
    }

    @Test
    void theGoldenAlertStreamGroupsEachEventWithItsPictures() throws Exception {
        byte[] golden;
        try (InputStream in = EventStreamTest.class.getResourceAsStream("/cameras/hikvision/alert_stream.bin")) {
            golden = in.readAllBytes();
        }
        MultipartStream parts = new MultipartStream(new ByteArrayInputStream(golden), "boundary", 1 << 20);
        List<HikvisionEvents.Decoded> events = new ArrayList<>();
        Instant now = Instant.parse("2026-11-25T00:00:06Z");
        StreamEventAssembler groups = new StreamEventAssembler(HikvisionEvents::pictureCount,
                g -> events.add(HikvisionEvents.decodeParts(g, "HIK-1", "192.168.1.64", now)));
        for (Multipart.Part p = parts.next(); p != null; p = parts.next()) {
            groups.feed(p);
        }
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(HikvisionEvents.Heartbeat.class);
        PlateEvent e = ((HikvisionEvents.Plate) events.get(1)).event();
        assertThat(e.plate()).isEqualTo("京A12345");
        assertThat(e.confidence()).isEqualTo(96);
        assertThat(e.colorCode()).isEqualTo(1);
        assertThat(e.deviceName()).isEqualTo("Entry");
        assertThat(e.readAt()).isEqualTo(now);
        assertThat(e.cameraTime()).isEqualTo(Instant.parse("2026-11-25T00:00:05Z"));
        assertThat(new String(e.plateImage(), StandardCharsets.ISO_8859_1)).contains("CROP");
        assertThat(new String(e.fullImage(), StandardCharsets.ISO_8859_1)).contains("SCENE-JPEG");
        PlateEvent none = ((HikvisionEvents.Plate) events.get(2)).event();
        assertThat(none.plate()).isEqualTo("无车牌");
        assertThat(none.noPlate()).isTrue();
        assertThat(none.plateImage()).isEmpty();
    }

    @Test
    void chunkedAndLengthlessPartsAreReadAndOverlongLinesRefused() throws Exception {
        String body = "--b\r\nContent-Type: text/plain\r\n\r\nHeartbeat\r\n--b\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 5\r\n\r\nhello\r\n--b--\r\n";
        byte[] raw = body.getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder chunked = new StringBuilder();
        for (int i = 0; i < raw.length; i += 7) {
            int n = Math.min(7, raw.length - i);
            chunked.append(Integer.toHexString(n)).append("\r\n").append(body, i, i + n).append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        MultipartStream parts = new MultipartStream(new ChunkedInput(new ByteArrayInputStream(chunked.toString()
                .getBytes(StandardCharsets.ISO_8859_1))), "b", 1024);
        assertThat(parts.next().text()).isEqualTo("Heartbeat");
        assertThat(parts.next().text()).isEqualTo("hello");
        assertThat(parts.next()).isNull();

        byte[] longLine = ("--b\r\nX-Pad: " + "x".repeat(MultipartStream.MAX_LINE + 10) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        MultipartStream bad = new MultipartStream(new ByteArrayInputStream(longLine), "b", 1024);
        assertThatThrownBy(bad::next).isInstanceOf(IOException.class).hasMessageContaining("longer than");

        byte[] endless = ("--b\r\nContent-Type: text/plain\r\n\r\n" + "y".repeat(5000))
                .getBytes(StandardCharsets.ISO_8859_1);
        MultipartStream runaway = new MultipartStream(new ByteArrayInputStream(endless), "b", 1024);
        assertThatThrownBy(runaway::next).isInstanceOf(IOException.class).hasMessageContaining("limit of 1024");
    }
}
