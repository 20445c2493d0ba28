package com.boothdesk.devices.camera;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.devices.sim.CameraPushResult;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.devices.testutil.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Malformed and random bodies into the camera endpoint: each is answered (400 or 200), none is a 500 or a crash. */
class ZhenshiPushServerFuzzTest {

    private static final List<String> MALFORMED = List.of(
            "",
            "null",
            "[]",
            "42",
            "\"text\"",
            "{",
            "{\"AlarmInfoPlate\":[]}",
            "{\"AlarmInfoPlate\":null}",
            "{\"AlarmInfoPlate\":{\"result\":{}}}",
            "{\"AlarmInfoPlate\":{\"result\":{\"PlateResult\":[]}}}",
            "{\"AlarmInfoPlate\":{\"result\":{\"PlateResult\":{}}}}",
            "{\"AlarmInfoPlate\":{\"result\":{\"PlateResult\":{\"license\":null}}}}",
            "{\"AlarmInfoPlate\":{\"result\":{\"PlateResult\":{\"license\":{\"a\":1}}}}}",
            "{\"AlarmInfoPlate\":{\"result\":{\"PlateResult\":{\"license\":\"A1\",\"plateid\":\"x\","
                    + "\"isoffline\":\"yes\",\"imageFile\":\"@@@not base64@@@\",\"timeStamp\":5}}}}",
            "{\"Something\":{}}",
            "{\"AlarmInfoPlate\":{\"result\":{\"PlateResult\":{\"license\":\"A1\",\"confidence\":1e999}}}}");

    @Test
    void malformedAndRandomBodiesAreAllAnswered() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        MutableClock clock = new MutableClock(Instant.parse("2025-11-25T09:00:00Z"));
        try (ZhenshiPushServer server = new ZhenshiPushServer(new InetSocketAddress("127.0.0.1", 0),
                a -> true, e -> {
                    handled.incrementAndGet();
                    return CameraReply.none();
                }, clock)) {
            server.start();
            SimulatedZhenshiCamera cam = new SimulatedZhenshiCamera(
                    URI.create("http://127.0.0.1:" + server.port() + "/"), "SN-F", "10.0.0.9", clock);
            for (String body : MALFORMED) {
                CameraPushResult r = cam.postRaw(body.getBytes(StandardCharsets.UTF_8), "application/json");
                assertThat(r.status()).as(body).isIn(200, 400);
                assertThat(r.body()).as(body).startsWith("{");
            }
            Random rnd = new Random(7);
            for (int i = 0; i < 300; i++) {
                byte[] junk;
                if (i % 3 == 0) {
                    String valid = "{\"AlarmInfoPlate\":{\"serialno\":\"S\",\"result\":{\"PlateResult\":"
                            + "{\"license\":\"京A" + i + "\",\"plateid\":" + i + "}}}}";
                    junk = valid.substring(0, rnd.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
                } else {
                    junk = new byte[rnd.nextInt(300)];
                    rnd.nextBytes(junk);
                }
                CameraPushResult r = cam.postRaw(junk, rnd.nextBoolean() ? "application/json" : "text/plain");
                assertThat(r.status()).isIn(200, 400);
            }
            // the server is still fine for a real camera
            assertThat(cam.push("京A99999").status()).isEqualTo(200);
            assertThat(handled.get()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void oversizedBodyIsRefusedWith413() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-11-25T09:00:00Z"));
        ZhenshiServerOptions small = ZhenshiServerOptions.DEFAULTS.withMaxBodyBytes(4096);
        try (ZhenshiPushServer server = new ZhenshiPushServer(new InetSocketAddress("127.0.0.1", 0), a -> true,
                e -> CameraReply.open(List.of()), clock, small)) {
            server.start();
            SimulatedZhenshiCamera cam = new SimulatedZhenshiCamera(
                    URI.create("http://127.0.0.1:" + server.port() + "/"), "SN-BIG", "10.0.0.9", clock);
            CameraPushResult r = cam.push("京A12345"); // carries two JPEGs, far more than 4 KB
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.openGate()).isFalse();
            assertThat(cam.withoutImages().push("京A12346").status()).isEqualTo(200);
        }
    }
}
