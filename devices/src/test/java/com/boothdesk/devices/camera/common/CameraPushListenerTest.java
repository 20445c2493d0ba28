package com.boothdesk.devices.camera.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bounded push listener over real HTTP: routing by prefix, allow-list before the body, size bound. */
class CameraPushListenerTest {
    private final List<PushRequest> seen = new CopyOnWriteArrayList<>();
    private final AtomicBoolean allow = new AtomicBoolean(true);
    private final HttpClient http = HttpClient.newHttpClient();
    private CameraPushListener listener;

    @BeforeEach
    void start() throws Exception {
        listener = new CameraPushListener(new InetSocketAddress("127.0.0.1", 0), 4096, 2);
        listener.route("/brand", new PushRoute() {
            @Override
            public boolean allowed(InetAddress peer) {
                return allow.get();
            }

            @Override
            public PushAnswer handle(PushRequest request) {
                seen.add(request);
                return PushAnswer.json(200, "{\"ok\":true}");
            }
        });
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listener.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesByPrefixAndHandsThePathBelowIt() throws Exception {
        HttpResponse<String> r = post("/brand/CAM-1/event", "{}".getBytes());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"ok\":true}");
        assertThat(seen).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/CAM-1/event");
            assertThat(p.method()).isEqualTo("POST");
            assertThat(p.contentType()).isEqualTo("application/json");
        });
        assertThat(post("/brandX/CAM-1", "{}".getBytes()).statusCode()).isEqualTo(404);
        assertThat(post("/other", "{}".getBytes()).statusCode()).isEqualTo(404);
    }

    @Test
    void refusedPeerAndOversizeBodyNeverReachTheRoute() throws Exception {
        allow.set(false);
        assertThat(post("/brand/CAM-1", "{}".getBytes()).statusCode()).isEqualTo(403);
        allow.set(true);
        assertThat(post("/brand/CAM-1", new byte[4097]).statusCode()).isEqualTo(413);
        assertThat(post("/brand/CAM-1", new byte[4096]).statusCode()).isEqualTo(200);
        assertThat(seen).hasSize(1);
    }
}
