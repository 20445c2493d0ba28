package com.boothdesk.app.testing;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.boothdesk.app.BoothApp;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The whole booth for integration tests: the demo's lanes, the cloud simulator logged in over the real link, the
 * lanes on a clock the test moves, one simulated camera per lane (their plate ids keep counting, as on site).
 */
public final class RunningBooth implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);
    /** 2026-11-25 08:00 in Shanghai. */
    public static final Instant EIGHT_AM = Instant.parse("2026-11-25T00:00:00Z");

    public final MutableClock clock;
    public final BoothApp app;
    private final Map<String, SimulatedZhenshiCamera> cameras = new ConcurrentHashMap<>();

    private RunningBooth(MutableClock clock, BoothApp app) {
        this.clock = clock;
        this.app = app;
    }

    /** Starts the booth in {@code data} with the given configuration keys and values; waits for the cloud login. */
    public static RunningBooth start(Path data, String... keyValues) {
        return start(data, Clock.systemUTC(), keyValues);
    }

    /** As {@link #start(Path, String...)}, with the clock of the link, the outbox and the devices given. */
    public static RunningBooth start(Path data, Clock linkClock, String... keyValues) {
        return startAt(data, EIGHT_AM, linkClock, keyValues);
    }

    /** As {@link #start(Path, String...)}, with the lanes' clock starting at {@code start} (e.g. a restart later). */
    public static RunningBooth startAt(Path data, Instant start, Clock linkClock, String... keyValues) {
        MutableClock clock = new MutableClock(start, ZoneId.of("Asia/Shanghai"));
        BoothApp app = BoothApp.start(TestBooth.config(data, keyValues), clock, linkClock);
        await().atMost(WAIT).until(() -> app.cloudLink().orElseThrow().status() == LinkStatus.LOGGED_IN);
        return new RunningBooth(clock, app);
    }

    public CloudSimulator cloud() {
        return app.cloudSimulator().orElseThrow();
    }

    /** The lane camera with this serial number (SIM-CAM-A1 entry, SIM-CAM-B1 exit). */
    public SimulatedZhenshiCamera camera(String serial) {
        return cameras.computeIfAbsent(serial, s -> new SimulatedZhenshiCamera(
                URI.create("http://127.0.0.1:" + app.cameraPort() + "/"), s, "127.0.0.1", clock));
    }

    /** A car drives in at A1; returns its order id once stored. */
    public String enter(String plate) {
        camera("SIM-CAM-A1").push(plate);
        await().atMost(WAIT).until(() -> app.orders().findInLot(plate).isPresent());
        clock.advance(Duration.ofSeconds(1));
        return app.orders().findInLot(plate).orElseThrow().orderId();
    }

    /** The cloud pushes a downlink (JSON, single quotes allowed) and the booth's answer comes back. */
    public ObjectNode push(String json) throws Exception {
        return cloud().pushDownlink(json(json)).get(10, TimeUnit.SECONDS);
    }

    public static ObjectNode json(String json) throws Exception {
        return (ObjectNode) WireCodec.MAPPER.readTree(json.replace('\'', '"'));
    }

    @Override
    public void close() {
        app.close();
    }
}
