package com.boothdesk.devices.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.sim.PlateImages;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IP-camera snapshots over real HTTP on loopback. */
class HttpSnapshotSourceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-25T09:00:00Z"), ZoneOffset.UTC);
    private HttpServer server;
    private final AtomicReference<byte[]> body = new AtomicReference<>(PlateImages.scene("京A12345", "booth"));
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<String> auth = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/picture", ex -> {
            auth.set(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] b = body.get();
            ex.sendResponseHeaders(status.get(), b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri(String userInfo) {
        return URI.create("http://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:"
                + server.getAddress().getPort() + "/picture");
    }

    @Test
    void fetchesAJpegWithBasicAuth() throws Exception {
        HttpSnapshotSource src = new HttpSnapshotSource(uri("admin:pw"), CLOCK, Duration.ofSeconds(2));
        Snapshot s = src.capture();
        assertThat(s.width()).isEqualTo(640);
        assertThat(s.source()).doesNotContain("pw");
        assertThat(auth.get()).isEqualTo("Basic YWRtaW46cHc=");
        assertThat(src.health().health()).isEqualTo(DeviceHealth.CONNECTED);
    }

    @Test
    void errorsBecomeClearExceptionsAndHealth() {
        HttpSnapshotSource src = new HttpSnapshotSource(uri(null), CLOCK, Duration.ofSeconds(2));
        status.set(401);
        assertThatThrownBy(src::capture).hasMessageContaining("401").hasMessageContaining("password");
        assertThat(src.health().health()).isEqualTo(DeviceHealth.DEGRADED);
        status.set(200);
        body.set("<html>login</html>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(src::capture).hasMessageContaining("did not send a JPEG");
        server.stop(0);
        assertThatThrownBy(src::capture).hasMessageContaining("unreachable");
        assertThat(src.health().health()).isEqualTo(DeviceHealth.OFFLINE);
    }

    @Test
    void configurationStrings() {
        assertThat(SnapshotSources.fromConfig("webcam:Booth", CLOCK).description()).contains("Booth");
        assertThat(SnapshotSources.fromConfig("http://10.0.0.5/snap.jpg", CLOCK).description())
                .isEqualTo("http://10.0.0.5/snap.jpg");
        assertThatThrownBy(() -> SnapshotSources.fromConfig("usb0", CLOCK)).hasMessageContaining("webcam");
    }
}
