package com.boothdesk.devices.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.devices.sim.CameraPushResult;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.devices.testutil.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against the camera door, loopback only, bounded in count and time (issue 9, camera door and bounded
 * memory). Figures are printed with a "figure:" prefix for the closing note.
 */
class CameraDoorHostileTest {
    private static final String CAMERA = "SN-LANE-1";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final AtomicInteger handled = new AtomicInteger();
    private ZhenshiPushServer server;
    private final AtomicBoolean stop = new AtomicBoolean();
    private ExecutorService attackers;

    private ZhenshiPushServer start(java.util.function.Predicate<InetAddress> allowed) throws IOException {
        server = new ZhenshiPushServer(new InetSocketAddress("127.0.0.1", 0), allowed, e -> {
            handled.incrementAndGet();
            return CameraReply.open(List.of());
        }, clock, ZhenshiServerOptions.DEFAULTS.withSamePlateInterval(Duration.ZERO));
        server.registerCamera(CAMERA);
        server.start();
        return server;
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        stop.set(true);
        if (attackers != null) {
            attackers.shutdownNow();
            attackers.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    // ---- slow and stalled connections ----------------------------------------------------------------------------

    /** Sends a request line, then one header line every 100 ms, for ever; reconnects when the door closes it. */
    private void slowAttacker(String from, int port) {
        while (!stop.get()) {
            try (Socket s = connectFrom(from, port)) {
                s.setSoTimeout(100);
                OutputStream out = s.getOutputStream();
                out.write("POST /push HTTP/1.1\r\nHost: booth\r\n".getBytes(StandardCharsets.ISO_8859_1));
                InputStream in = s.getInputStream();
                while (!stop.get()) {
                    out.write("X-Slow: 1\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    try {
                        if (in.read() != 0) {
                            break; // answered (408) or closed: start over
                        }
                    } catch (SocketTimeoutException paced) {
                        // 100 ms passed with no answer: send the next line
                    }
                }
            } catch (IOException e) {
                // evicted or reset: connect again
            }
        }
    }

    /** Sends complete headers announcing a body, then nothing; reconnects when the door closes it. */
    private void stalledAttacker(String from, int port) {
        while (!stop.get()) {
            try (Socket s = connectFrom(from, port)) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write(("POST /push HTTP/1.1\r\nHost: booth\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
                while (s.getInputStream().read() >= 0) {
                    // wait until the door answers or closes
                }
            } catch (IOException e) {
                // evicted or reset: connect again
            }
        }
    }

    private static Socket connectFrom(String from, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        return s;
    }

    @Test
    void slowAndStalledConnectionsFromAnotherHostCostTheCameraNothing() throws Exception {
        start(ZhenshiPushServer.allowOnly(List.of("127.0.0.1")));
        int port = server.port();
        attackers = Executors.newFixedThreadPool(16);
        for (int i = 0; i < 8; i++) {
            attackers.submit(() -> slowAttacker("127.0.0.3", port));
            attackers.submit(() -> stalledAttacker("127.0.0.3", port));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.doorStats().refusedPeers() >= 16);
        SimulatedZhenshiCamera cam = new SimulatedZhenshiCamera(URI.create("http://127.0.0.1:" + port + "/push"),
                CAMERA, "127.0.0.1", clock);
        long worst = 0;
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            CameraPushResult r = cam.push("京A" + (20000 + i));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.status()).isEqualTo(200);
            assertThat(ms).as("push %d answered after %d ms", i, ms).isLessThan(1000);
            worst = Math.max(worst, ms);
        }
        assertThat(server.doorStats().accepted()).as("no attacker connection ever got a worker")
                .isLessThanOrEqualTo(10);
        System.out.printf("figure: 10 pushes with 8 slow + 8 stalled connections from a host outside the allow-list "
                + "(%d refused at accept): worst %d ms%n", server.doorStats().refusedPeers(), worst);
    }

    @Test
    void eightSlowAndEightStalledConnectionsNeverDelayAConfiguredCameraByASecond() throws Exception {
        start(ZhenshiPushServer.allowOnly(List.of("127.0.0.1")));
        int port = server.port();
        attackers = Executors.newFixedThreadPool(16);
        for (int i = 0; i < 8; i++) {
            attackers.submit(() -> slowAttacker("127.0.0.1", port));
            attackers.submit(() -> stalledAttacker("127.0.0.1", port));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.doorStats().open() >= 8);
        SimulatedZhenshiCamera cam = new SimulatedZhenshiCamera(URI.create("http://127.0.0.1:" + port + "/push"),
                CAMERA, "127.0.0.1", clock);
        long worst = 0;
        long total = 0;
        int pushes = 20;
        for (int i = 0; i < pushes; i++) {
            long t0 = System.nanoTime();
            CameraPushResult r = cam.push("京A" + (10000 + i));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.status()).as("push %d", i).isEqualTo(200);
            assertThat(r.openGate()).isTrue();
            assertThat(ms).as("push %d answered after %d ms", i, ms).isLessThan(1000);
            worst = Math.max(worst, ms);
            total += ms;
        }
        assertThat(handled.get()).isEqualTo(pushes);
        assertThat(server.doorStats().evicted()).isPositive(); // the attack was real: the door had to make room
        System.out.printf("figure: %d pushes (two JPEGs each) with 8 slow + 8 stalled connections from the camera's "
                        + "own address: worst %d ms, mean %.1f ms; %d attacker connections closed to make room%n",
                pushes, worst, total / (double) pushes, server.doorStats().evicted());
    }

    // ---- refused peer with a huge body ---------------------------------------------------------------------------

    /** Announces {@code declared} bytes from {@code from} and keeps writing; returns (answer, bytes it got written). */
    private static Object[] hugeUpload(String from, int port, long declared) throws Exception {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port));
            s.setSoTimeout(3000);
            AtomicLong written = new AtomicLong();
            OutputStream out = s.getOutputStream();
            out.write(("POST /push HTTP/1.1\r\nHost: booth\r\nContent-Type: application/json\r\nContent-Length: "
                    + declared + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                    while (written.get() < declared) {
                        out.write(chunk);
                        written.addAndGet(chunk.length);
                    }
                } catch (IOException e) {
                    // the door closed the connection: expected
                }
            });
            long t0 = System.nanoTime();
            byte[] head = new byte[12];
            int n = s.getInputStream().readNBytes(head, 0, head.length);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            s.close();
            writer.get(5, TimeUnit.SECONDS);
            return new Object[] {new String(head, 0, n, StandardCharsets.ISO_8859_1), written.get(), ms};
        }
    }

    @Test
    void aRefusedPeerIsAnswered403WithoutItsHundredMegabyteBodyBeingRead() throws Exception {
        start(ZhenshiPushServer.allowOnly(List.of("127.0.0.1")));
        Object[] r = hugeUpload("127.0.0.2", server.port(), 100L * 1024 * 1024);
        assertThat((String) r[0]).isEqualTo("HTTP/1.1 403");
        assertThat((long) r[2]).isLessThan(1000);
        // what the peer could push into the kernel's socket buffers before the door closed; the door itself reads
        // at most 64 KB of it for a clean close
        assertThat((long) r[1]).isLessThan(32L * 1024 * 1024);
        assertThat(server.doorStats().refusedPeers()).isEqualTo(1);
        assertThat(server.doorStats().accepted()).isZero();
        assertThat(handled.get()).isZero();
        System.out.printf("figure: refused peer declaring 100 MB: 403 after %d ms, %d KB accepted by the kernel "
                + "before the close%n", r[2], (long) r[1] / 1024);
    }

    @Test
    void anAllowedPeerDeclaringAHugeBodyGets413BeforeItIsRead() throws Exception {
        start(ZhenshiPushServer.allowOnly(List.of("127.0.0.1")));
        Object[] r = hugeUpload("127.0.0.1", server.port(), 100L * 1024 * 1024);
        assertThat((String) r[0]).isEqualTo("HTTP/1.1 413");
        assertThat((long) r[1]).isLessThan(32L * 1024 * 1024);
        assertThat(server.doorStats().bodyBytesHeld()).isZero();
        assertThat(handled.get()).isZero();
    }

    // ---- fuzz and memory -----------------------------------------------------------------------------------------

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A minimal keep-alive HTTP/1.1 client on one socket; reconnects when the server closes. */
    private static final class RawClient implements AutoCloseable {
        private final int port;
        private Socket socket;

        RawClient(int port) {
            this.port = port;
        }

        int post(String contentType, byte[] body) throws IOException {
            for (int attempt = 0; ; attempt++) {
                try {
                    if (socket == null) {
                        socket = new Socket("127.0.0.1", port);
                        socket.setSoTimeout(5000);
                        socket.setTcpNoDelay(true);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /push HTTP/1.1\r\nHost: booth\r\nContent-Type: " + contentType
                            + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    try {
                        out.write(body);
                        out.flush();
                    } catch (IOException refusedMidUpload) {
                        // the door answered (413) and closed before taking the whole body: read its answer
                        try {
                            return readResponse();
                        } finally {
                            close();
                        }
                    }
                    return readResponse();
                } catch (IOException e) {
                    close();
                    if (attempt > 0) {
                        throw e;
                    }
                }
            }
        }

        private int readResponse() throws IOException {
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                head.append((char) b);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            if (b < 0) {
                throw new IOException("closed");
            }
            String h = head.toString();
            int status = Integer.parseInt(h.substring(9, 12));
            int cl = h.indexOf("Content-Length: ");
            int len = Integer.parseInt(h.substring(cl + 16, h.indexOf("\r\n", cl)));
            in.readNBytes(len);
            if (h.contains("Connection: close")) {
                close();
            }
            return status;
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing
                }
                socket = null;
            }
        }
    }

    private static final String[] HOSTILE_PLATES = {"京A12345", "%S%S%N", "\uD83D\uDE97\uD83D\uDE97", "京A\u0000123",
        "\u202E54321A京", "äº¬A12345", "京A12345\n2026-12-01 INFO gate OPEN", "", "_无_", "京A1234567890123456789",
        "x".repeat(5000), "\r\n\r\n", "${jndi:ldap://x}", "京\tA\u0007"};

    private static byte[] fuzzBody(Random rnd, int i) {
        String serial;
        switch (rnd.nextInt(5)) {
            case 0: serial = CAMERA; break;
            case 1: serial = "SN-" + i; break;
            case 2: serial = "S".repeat(1 + rnd.nextInt(20_000)); break;
            case 3: serial = "\u202E" + i + "\n"; break;
            default: serial = ""; break;
        }
        String plate = HOSTILE_PLATES[rnd.nextInt(HOSTILE_PLATES.length)];
        String json;
        switch (rnd.nextInt(8)) {
            case 0: {
                byte[] junk = new byte[rnd.nextInt(2000)];
                rnd.nextBytes(junk);
                return junk;
            }
            case 1:
                json = "{\"AlarmInfoPlate\":{\"serialno\":" + q(serial) + ",\"heartbeat\":1}}";
                break;
            case 2: {
                byte[] img = new byte[rnd.nextInt(200_000)];
                rnd.nextBytes(img);
                json = "{\"AlarmInfoPlate\":{\"serialno\":" + q(serial) + ",\"result\":{\"PlateResult\":{\"license\":"
                        + q(plate) + ",\"plateid\":" + i + ",\"imageFile\":\"" + Base64.getEncoder().encodeToString(img)
                        + "\"}}}}";
                break;
            }
            case 3:
                json = "{\"AlarmInfoPlate\":{\"serialno\":" + q(serial) + ",\"result\":{\"PlateResult\":{\"license\":"
                        + q(plate) + ",\"plateid\":" + i + ",\"isoffline\":1,\"timeStamp\":{\"Timeval\":{\"sec\":"
                        + (rnd.nextBoolean() ? Long.MAX_VALUE : 1_000_000_000_000L) + "}}}}}}";
                break;
            case 4:
                json = "{\"AlarmInfoPlate\":{\"serialno\":" + q(serial) + ",\"deviceName\":" + q("d".repeat(
                        rnd.nextInt(50_000))) + ",\"ipaddr\":" + q(plate) + ",\"result\":{\"PlateResult\":"
                        + "{\"license\":" + q(plate) + ",\"plateid\":" + i + "}}}}";
                break;
            case 5:
                json = "[".repeat(rnd.nextInt(5000));
                break;
            case 6:
                json = "{\"heartbeat\":{\"serialno\":" + q(serial) + "},\"x\":" + q("y".repeat(rnd.nextInt(10_000)))
                        + "}";
                break;
            default:
                json = "{\"AlarmInfoPlate\":{\"serialno\":" + q(serial) + ",\"result\":{\"PlateResult\":{\"license\":"
                        + q(plate) + ",\"plateid\":" + rnd.nextInt(100) + ",\"confidence\":1e999}}}}";
                break;
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @Test
    void twentyThousandFuzzedPushesLeaveTheHeapWithin64MegabytesOfTheStart() throws Exception {
        start(a -> a.isLoopbackAddress());
        int port = server.port();
        // warm up the classes and pools so the first figure is not the JIT's
        try (RawClient c = new RawClient(port)) {
            for (int i = 0; i < 200; i++) {
                c.post("application/json", fuzzBody(new Random(i), i));
            }
        }
        long before = heapAfterGc();
        int threads = 4;
        int each = 5000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<int[]>> runs = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            runs.add(pool.submit(() -> {
                int[] byClass = new int[6];
                Random rnd = new Random(1000 + seed);
                try (RawClient c = new RawClient(port)) {
                    for (int i = 0; i < each; i++) {
                        int status = c.post(rnd.nextInt(10) == 0 ? "application/x-www-form-urlencoded"
                                : "application/json", fuzzBody(rnd, seed * each + i));
                        byClass[status / 100]++;
                    }
                }
                return byClass;
            }));
        }
        int[] total = new int[6];
        for (Future<int[]> f : runs) {
            int[] r = f.get(120, TimeUnit.SECONDS);
            for (int i = 0; i < total.length; i++) {
                total[i] += r[i];
            }
        }
        pool.shutdown();
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        long after = heapAfterGc();
        assertThat(total[2] + total[4]).as("every push answered 2xx or 4xx").isEqualTo(threads * each);
        assertThat(total[5]).as("no 5xx").isZero();
        assertThat(after - before).as("heap growth in bytes").isLessThan(64L * 1024 * 1024);
        assertThat(server.rememberedCameras()).isLessThanOrEqualTo(1);
        assertThat(server.health().detail().length()).isLessThan(300);
        // a configured camera is still served at once
        SimulatedZhenshiCamera cam = new SimulatedZhenshiCamera(URI.create("http://127.0.0.1:" + port + "/push"),
                CAMERA, "127.0.0.1", clock);
        assertThat(cam.pushWithId("京A99999", 99_000_000).openGate()).isTrue();
        System.out.printf("figure: %d fuzzed pushes in %d s (%d answered 2xx, %d 4xx): heap after GC %d MB -> %d MB "
                        + "(%+.1f MB); unknown-camera pushes counted %d, cameras remembered %d%n",
                threads * each, seconds, total[2], total[4], before >> 20, after >> 20,
                (after - before) / 1048576.0, server.unknownCameraPushes(), server.rememberedCameras());
    }

    @Test
    void tenThousandDistinctUnknownSerialsAreCountedNotStored() throws Exception {
        start(a -> a.isLoopbackAddress());
        int port = server.port();
        try (RawClient c = new RawClient(port)) {
            assertThat(c.post("application/json", ("{\"AlarmInfoPlate\":{\"serialno\":\"" + CAMERA
                    + "\",\"heartbeat\":1}}").getBytes(StandardCharsets.UTF_8))).isEqualTo(200);
            for (int i = 0; i < 200; i++) { // warm-up
                c.post("application/json", unknown("W" + i));
            }
            long before = heapAfterGc();
            long unknownBefore = server.unknownCameraPushes();
            for (int i = 0; i < 10_000; i++) {
                assertThat(c.post("application/json", unknown("SN-" + i + "-" + "u".repeat(200)))).isEqualTo(200);
            }
            long after = heapAfterGc();
            assertThat(server.unknownCameraPushes() - unknownBefore).isEqualTo(10_000);
            assertThat(server.rememberedCameras()).isEqualTo(1);
            assertThat(server.cameraHealth(CAMERA)).isEqualTo(com.boothdesk.devices.health.DeviceHealth.CONNECTED);
            assertThat(handled.get()).isZero(); // unknown cameras never reach the lane
            assertThat(after - before).as("heap growth in bytes").isLessThan(8L * 1024 * 1024);
            System.out.printf("figure: 10,000 distinct unknown serials (heartbeats and plate pushes): heap after GC "
                    + "%+.2f MB, cameras remembered %d%n", (after - before) / 1048576.0, server.rememberedCameras());
        }
    }

    private static byte[] unknown(String serial) {
        return (serial.hashCode() % 2 == 0
                ? "{\"AlarmInfoPlate\":{\"serialno\":\"" + serial + "\",\"heartbeat\":1}}"
                : "{\"AlarmInfoPlate\":{\"serialno\":\"" + serial + "\",\"result\":{\"PlateResult\":{\"license\":"
                        + "\"京A12345\",\"plateid\":1}}}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void withNoCameraRegisteredAtMost64AreRemembered() throws Exception {
        server = new ZhenshiPushServer(new InetSocketAddress("127.0.0.1", 0), a -> true, e -> CameraReply.none(),
                clock);
        server.start();
        try (RawClient c = new RawClient(server.port())) {
            for (int i = 0; i < 1000; i++) {
                c.post("application/json", unknown("OPEN-" + i));
            }
        }
        assertThat(server.rememberedCameras()).isEqualTo(ZhenshiPushServer.OPEN_MODE_CAMERAS);
        assertThat(server.unknownCameraPushes()).isEqualTo(1000 - ZhenshiPushServer.OPEN_MODE_CAMERAS);
    }
}
