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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Latency from "camera HTTP push received" to "gate frame fully written on the serial line", over the real paths:
 * the simulated camera POSTs an {@code AlarmInfoPlate} to the {@link ZhenshiPushServer} on loopback; the handler asks
 * the {@link LaneCard} (card-relay route) to open; the card driver writes the 0x0F frame with jSerialComm to one end of
 * a socat pseudo-terminal pair; the {@link SimulatedLaneCard} on the other end decodes it and ACKs.
 *
 * <p>Two figures per push: t(write returned) and t(frame decoded at the far end), both from the moment the server
 * handed the parsed push to the handler. Pushes are sequential (the next push once the previous frame arrived), so
 * this is the unloaded latency of one lane.
 *
 * <pre>
 * mvn -B -q -pl devices -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.boothdesk.devices.bench.PushToGateBenchmark [-Dexec.args="10000 images"]
 * </pre>
 * Arguments: number of pushes (default 10000), and "images" to include the two generated JPEGs in every push.
 */
public final class PushToGateBenchmark {

    /** Result of one run, in microseconds. */
    public record Result(int pushes, long p50WrittenUs, long p99WrittenUs, long maxWrittenUs, long p50ArrivedUs,
                         long p99ArrivedUs, long maxArrivedUs, long p50PostToCardUs, long p99PostToCardUs,
                         boolean images) {
        @Override
        public String toString() {
            return String.format("%d pushes%s:%n  push received -> gate frame written : p50 %.2f ms, p99 %.2f ms, "
                            + "max %.2f ms%n  push received -> frame decoded at card: p50 %.2f ms, p99 %.2f ms, "
                            + "max %.2f ms%n  camera POST start -> frame at card    : p50 %.2f ms, p99 %.2f ms",
                    pushes, images ? " (with two JPEGs each)" : "", p50WrittenUs / 1000.0, p99WrittenUs / 1000.0,
                    maxWrittenUs / 1000.0, p50ArrivedUs / 1000.0, p99ArrivedUs / 1000.0, maxArrivedUs / 1000.0,
                    p50PostToCardUs / 1000.0, p99PostToCardUs / 1000.0);
        }
    }

    private PushToGateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean images = args.length > 1 && args[1].equals("images");
        Path dir = Files.createTempDirectory("boothdesk-bench");
        System.out.println(run(pushes, images, dir));
    }

    /** Runs the benchmark in {@code dir} (a pseudo-terminal pair is created there). */
    public static Result run(int pushes, boolean images, Path dir) throws Exception {
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
                        if (bytes.length > 4 && (bytes[4] & 0xFF) == CardCommand.RELAY && current[0] >= 0) {
                            written[current[0]] = System.nanoTime();
                        }
                    });
            SimulatedLaneCard sim = new SimulatedLaneCard(
                    new JSerialCommLink(SerialSettings.of(pty.endB().toString())), 0);
            sim.addListener(e -> {
                if (e instanceof com.boothdesk.devices.sim.CardEvent.GateOpened && current[0] >= 0) {
                    arrived[current[0]] = System.nanoTime();
                    frameArrived.release();
                }
            });
            sim.start();
            host.open();
            LaneCardOptions opts = LaneCardOptions.DEFAULTS.withOpenThrottle(Duration.ZERO);
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
                    current[0] = Math.max(i, 0);
                    posted[current[0]] = System.nanoTime();
                    CameraPushResult r = cam.push("京A" + (10000 + Math.floorMod(i, 90000)));
                    if (!r.ok()) {
                        throw new IllegalStateException("push failed: " + r.status() + " " + r.body());
                    }
                    if (!frameArrived.tryAcquire(5, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("gate frame did not arrive for push " + i);
                    }
                }
                sim.close();
            }
            host.close();
        }
        long[] w = new long[pushes];
        long[] a = new long[pushes];
        long[] t = new long[pushes];
        for (int i = 0; i < pushes; i++) {
            w[i] = (written[i] - received[i]) / 1000;
            a[i] = (arrived[i] - received[i]) / 1000;
            t[i] = (arrived[i] - posted[i]) / 1000;
        }
        Arrays.sort(w);
        Arrays.sort(a);
        Arrays.sort(t);
        return new Result(pushes, pct(w, 50), pct(w, 99), w[pushes - 1], pct(a, 50), pct(a, 99), a[pushes - 1],
                pct(t, 50), pct(t, 99), images);
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
