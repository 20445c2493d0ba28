package com.boothdesk.devices.bench;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.ZhenshiPushServer;
import com.boothdesk.devices.camera.ZhenshiServerOptions;
import com.boothdesk.devices.card.CardCommand;
import com.boothdesk.devices.card.LaneCard;
import com.boothdesk.devices.card.LaneCardOptions;
import com.boothdesk.devices.serial.JSerialCommLink;
import com.boothdesk.devices.serial.LinkState;
import com.boothdesk.devices.serial.SerialException;
import com.boothdesk.devices.serial.SerialLink;
import com.boothdesk.devices.serial.SerialSettings;
import com.boothdesk.devices.sim.CameraPushResult;
import com.boothdesk.devices.sim.PacedLine;
import com.boothdesk.devices.sim.PtyPair;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * <b>Device layer only</b>: latency from "camera HTTP push handed to the handler" to "gate frame written / decoded at
 * the card", with a handler that only calls {@code openGate()} (no lane decision, no database, no picture, no UI: the
 * running application's push → gate path is measured by the app's end-to-end harness). The real paths:
 * the simulated camera POSTs an {@code AlarmInfoPlate} to the {@link ZhenshiPushServer} on loopback; the handler asks
 * the {@link LaneCard} (card-relay route) to open; the card driver writes the 0x0F frame with jSerialComm to one end of
 * a socat pseudo-terminal pair; the {@link SimulatedLaneCard} on the other end decodes it and ACKs.
 *
 * <p>Two figures per push: t(write returned) and t(frame decoded at the far end), both from the moment the server
 * handed the parsed push to the handler. Pushes are sequential (the next push once the previous frame arrived), so
 * this is the unloaded latency of one lane.
 *
 * <p>Two runs: <b>unpaced</b> (the pty moves bytes as fast as the kernel can, ~100× faster than a line), and
 * <b>paced</b>: the card's side of the pty goes through {@link PacedLine} at 9600 baud 8N1, so "decoded at the card"
 * means "fully on the wire" as on RS485, and before every push an LED text with voice is started on the card and
 * the push comes while it is on the line, just after its first line frame was decoded (so mostly while that frame's
 * ACK or the next frame is on the line): the driver cuts the screen frame in flight between two 4-byte chunks, or
 * waits for the ACK being sent, and the gate frame goes at once.
 *
 * <pre>
 * ./boothdesk bench devices [pushes] [images] [paced=N] [baud=B]
 * </pre>
 * Arguments: unpaced pushes (default 10000), "images" to include the two generated JPEGs in every push, pushes of the
 * paced run (default 100; 0 skips it), its baud rate (default 9600).
 */
public final class PushToGateBenchmark {

    /** Result of one run, in microseconds. */
    public record Result(int pushes, long p50WrittenUs, long p99WrittenUs, long maxWrittenUs, long p50ArrivedUs,
                         long p99ArrivedUs, long maxArrivedUs, long p50PostToCardUs, long p99PostToCardUs,
                         boolean images, int baud, long p50WireUs, long p99WireUs) {
        @Override
        public String toString() {
            String line = baud == 0 ? "unpaced pty (no line model)"
                    : "pty paced at " + baud + " baud 8N1, an LED text + voice on the line at every push";
            return String.format("Device layer only (push handler -> card frame; no decision, database or UI), "
                            + "%s, %d pushes%s:%n"
                            + "  push handed to handler -> gate frame written  : p50 %.2f ms, p99 %.2f ms, max %.2f ms%n"
                            + "  push handed to handler -> frame at the card    : p50 %.2f ms, p99 %.2f ms, max %.2f ms%n"
                            + "  camera POST start      -> frame at the card    : p50 %.2f ms, p99 %.2f ms%n"
                            + "  gate frame written     -> frame at the card    : p50 %.2f ms, p99 %.2f ms (its wire "
                            + "time, %s, plus the simulator's pty and thread delays)",
                    line, pushes, images ? " (with two JPEGs each)" : "", p50WrittenUs / 1000.0,
                    p99WrittenUs / 1000.0, maxWrittenUs / 1000.0, p50ArrivedUs / 1000.0, p99ArrivedUs / 1000.0,
                    maxArrivedUs / 1000.0, p50PostToCardUs / 1000.0, p99PostToCardUs / 1000.0, p50WireUs / 1000.0,
                    p99WireUs / 1000.0, baud == 0 ? "none on a pty" : String.format("%.1f ms", 140_000.0 / baud));
        }
    }

    private PushToGateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pushes = 10_000;
        boolean images = false;
        int paced = 100;
        int baud = 9600;
        for (String a : args) {
            if (a.equals("images")) {
                images = true;
            } else if (a.startsWith("paced=")) {
                paced = Integer.parseInt(a.substring(6));
            } else if (a.startsWith("baud=")) {
                baud = Integer.parseInt(a.substring(5));
            } else {
                pushes = Integer.parseInt(a);
            }
        }
        Path dir = Files.createTempDirectory("boothdesk-bench");
        System.out.println(run(pushes, images, dir.resolve("unpaced")));
        if (paced > 0) {
            System.out.println(run(paced, images, dir.resolve("paced"), baud));
        }
    }

    /** Runs the unpaced benchmark in {@code dir} (a pseudo-terminal pair is created there). */
    public static Result run(int pushes, boolean images, Path dir) throws Exception {
        return run(pushes, images, dir, 0);
    }

    private static final List<String> TEXT = List.of("欢迎光临本停车场祝您一路顺风", "京A12345 临时车 停车2天3小时",
            "请缴费125.00元 可扫码支付", "余位 123 个 谢谢合作");
    private static final String VOICE = "京A12345，停车两天三小时，请缴费一百二十五元，可扫码支付或现金支付，谢谢合作。";

    /**
     * Runs the benchmark in {@code dir}; {@code baud} 0 = unpaced pty, else the card side is paced at that baud rate
     * and an LED text with voice is on the line when each push arrives.
     */
    public static Result run(int pushes, boolean images, Path dir, int baud) throws Exception {
        Clock clock = Clock.systemDefaultZone();
        long[] received = new long[pushes];
        long[] written = new long[pushes];
        long[] arrived = new long[pushes];
        long[] posted = new long[pushes];
        int[] current = {-1};
        Semaphore frameArrived = new Semaphore(0);

        try (PtyPair pty = PtyPair.open(dir)) {
            TimedLink host = new TimedLink(new JSerialCommLink(SerialSettings.of(pty.endA().toString())),
                    bytes -> {
                        // screen/voice frames go out in 4-byte chunks: only a whole frame starting with the
                        // 00 64 FF FF header and command 0x0F is the gate frame
                        if (bytes.length > 6 && bytes[1] == 0x64 && bytes[2] == (byte) 0xFF
                                && bytes[3] == (byte) 0xFF && (bytes[4] & 0xFF) == CardCommand.RELAY
                                && current[0] >= 0) {
                            written[current[0]] = System.nanoTime();
                        }
                    });
            SerialLink far = new JSerialCommLink(SerialSettings.of(pty.endB().toString()));
            SimulatedLaneCard sim = new SimulatedLaneCard(baud == 0 ? far : new PacedLine(far, baud), 0);
            Semaphore textStarted = new Semaphore(0);
            sim.addListener(e -> {
                if (e instanceof com.boothdesk.devices.sim.CardEvent.GateOpened && current[0] >= 0) {
                    arrived[current[0]] = System.nanoTime();
                    frameArrived.release();
                } else if (e instanceof com.boothdesk.devices.sim.CardEvent.TextShown
                        && ((com.boothdesk.devices.sim.CardEvent.TextShown) e).line() == 0) {
                    textStarted.release();
                }
            });
            sim.start();
            host.open();
            LaneCardOptions opts = LaneCardOptions.DEFAULTS.withOpenThrottle(Duration.ZERO)
                    .withBaudRate(baud == 0 ? 9600 : baud);
            try (LaneCard card = new LaneCard(host, 0, clock, opts);
                 ZhenshiPushServer server = new ZhenshiPushServer(new InetSocketAddress("127.0.0.1", 0),
                         a -> a.isLoopbackAddress(), e -> {
                             received[current[0]] = System.nanoTime();
                             card.openGate();
                             return CameraReply.none();
                         }, clock, ZhenshiServerOptions.DEFAULTS.withSamePlateInterval(Duration.ZERO))) {
                server.start();
                SimulatedZhenshiCamera cam = new SimulatedZhenshiCamera(
                        URI.create("http://127.0.0.1:" + server.port() + "/push"), "SN-BENCH", "127.0.0.1", clock);
                if (!images) {
                    cam.withoutImages();
                }
                int warmup = Math.min(500, pushes / 10);
                for (int i = -warmup; i < pushes; i++) {
                    java.util.concurrent.CompletableFuture<?> text = null;
                    if (baud != 0) {
                        textStarted.drainPermits();
                        text = card.showAndSayAsync(TEXT, VOICE);
                        if (!textStarted.tryAcquire(5, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("LED text did not start for push " + i);
                        }
                    }
                    current[0] = Math.max(i, 0);
                    posted[current[0]] = System.nanoTime();
                    CameraPushResult r = cam.push("京A" + (10000 + Math.floorMod(i, 90000)));
                    if (!r.ok()) {
                        throw new IllegalStateException("push failed: " + r.status() + " " + r.body());
                    }
                    if (!frameArrived.tryAcquire(5, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("gate frame did not arrive for push " + i);
                    }
                    if (text != null) {
                        text.get(10, TimeUnit.SECONDS); // the next round starts on a quiet line
                    }
                }
                sim.close();
            }
            host.close();
        }
        long[] w = new long[pushes];
        long[] a = new long[pushes];
        long[] t = new long[pushes];
        long[] x = new long[pushes];
        for (int i = 0; i < pushes; i++) {
            x[i] = (arrived[i] - written[i]) / 1000;
            w[i] = (written[i] - received[i]) / 1000;
            a[i] = (arrived[i] - received[i]) / 1000;
            t[i] = (arrived[i] - posted[i]) / 1000;
        }
        Arrays.sort(w);
        Arrays.sort(a);
        Arrays.sort(t);
        Arrays.sort(x);
        return new Result(pushes, pct(w, 50), pct(w, 99), w[pushes - 1], pct(a, 50), pct(a, 99), a[pushes - 1],
                pct(t, 50), pct(t, 99), images, baud, pct(x, 50), pct(x, 99));
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Delegates to a link and stamps the moment each write returned. */
    private static final class TimedLink implements SerialLink {
        private final SerialLink inner;
        private final Consumer<byte[]> afterWrite;

        TimedLink(SerialLink inner, Consumer<byte[]> afterWrite) {
            this.inner = inner;
            this.afterWrite = afterWrite;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void open() throws SerialException {
            inner.open();
        }

        @Override
        public void write(byte[] bytes) throws SerialException {
            inner.write(bytes);
            afterWrite.accept(bytes);
        }

        @Override
        public void setReceiver(Consumer<byte[]> receiver) {
            inner.setReceiver(receiver);
        }

        @Override
        public LinkState state() {
            return inner.state();
        }

        @Override
        public void addStateListener(Consumer<LinkState> l) {
            inner.addStateListener(l);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
