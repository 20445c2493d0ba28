package com.boothdesk.devices.snapshot;

import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.health.HealthStatus;
import com.boothdesk.devices.health.HealthTracker;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Snapshots from an IP camera's still-image URL (e.g. Hikvision {@code /ISAPI/Streaming/channels/1/picture}, Dahua
 * {@code /cgi-bin/snapshot.cgi}). Credentials in the URL's user-info are sent as HTTP Basic authentication.
 */
public final class HttpSnapshotSource implements SnapshotSource {
    private final URI uri;
    private final Clock clock;
    private final Duration timeout;
    private final String authorization;
    private final HttpClient http;
    private final HealthTracker health;

    public HttpSnapshotSource(URI uri, Clock clock, Duration timeout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(uri, "uri");
        String userInfo = uri.getUserInfo();
        this.authorization = userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        try {
            this.uri = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("bad snapshot URL " + uri, e);
        }
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.health = new HealthTracker("snapshot:" + this.uri, clock);
    }

    @Override
    public String description() {
        return uri.toString();
    }

    @Override
    public Snapshot capture() throws SnapshotException {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (authorization != null) {
            req.header("Authorization", authorization);
        }
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            health.update(DeviceHealth.OFFLINE, "camera unreachable: " + e.getClass().getSimpleName());
            throw new SnapshotException("snapshot camera " + uri + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapshotException("interrupted while taking a snapshot", e);
        }
        if (resp.statusCode() != 200) {
            health.update(DeviceHealth.DEGRADED, "camera answered HTTP " + resp.statusCode());
            throw new SnapshotException("snapshot camera " + uri + " answered HTTP " + resp.statusCode()
                    + (resp.statusCode() == 401 ? " (check user and password)" : ""));
        }
        byte[] body = resp.body();
        if (!Jpeg.looksLikeJpeg(body)) {
            health.update(DeviceHealth.DEGRADED, "camera did not send a JPEG");
            throw new SnapshotException("snapshot camera " + uri + " did not send a JPEG (" + body.length
                    + " bytes)");
        }
        int w = -1;
        int h = -1;
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(body));
            if (img != null) {
                w = img.getWidth();
                h = img.getHeight();
            }
        } catch (IOException e) {
            // keep the bytes: a picture the JDK cannot decode is still evidence
        }
        health.update(DeviceHealth.CONNECTED, "snapshots ok");
        return new Snapshot(body, w, h, clock.instant(), uri.toString());
    }

    @Override
    public HealthStatus health() {
        return health.health();
    }

    @Override
    public void addHealthListener(Consumer<HealthStatus> listener) {
        health.addHealthListener(listener);
    }

    @Override
    public void close() {
        // HttpClient holds no resources that need closing on Java 17
    }
}
