package com.boothdesk.devices.camera.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Requests to one camera's HTTP API (ISAPI, CGI) with digest authentication: the first request meets the 401, the
 * challenge is kept, later requests authenticate at once ({@code nc} counting up); a stale nonce is renewed once.
 * Every request has a deadline and answers are read up to a size bound.
 */
public final class CameraHttpClient {

    /** An answer: status, content type ("" when none) and body. */
    public record Response(int status, String contentType, byte[] body) {
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final URI base;
    private final DigestAuth digest;
    private final Duration timeout;
    private final int maxBody;
    private final HttpClient http;
    private final String user;
    private final String password;

    /**
     * @param base {@code http://host:port} of the camera
     * @param user camera user; null or blank for none
     * @param timeout deadline of each request (connect and answer)
     * @param maxBody larger answers fail (a snapshot fits in a few hundred KB)
     */
    public CameraHttpClient(URI base, String user, String password, Duration timeout, int maxBody) {
        this.base = Objects.requireNonNull(base, "base");
        this.digest = user == null || user.isBlank() ? null : new DigestAuth(user, password == null ? "" : password);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxBody = maxBody;
        this.user = user;
        this.password = password;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI base() {
        return base;
    }

    /**
     * A pull-mode event stream from this camera ({@link EventStream}), with the same credentials (its own digest
     * state: the stream's connection counts its own {@code nc}); not started.
     */
    public EventStream stream(String name, String pathAndQuery, Duration idle, int maxPart,
                              EventStream.Listener listener) {
        return new EventStream(name, base, pathAndQuery, user, password, timeout, idle, maxPart, listener);
    }

    public Response get(String pathAndQuery) throws IOException {
        return send("GET", pathAndQuery, null, null);
    }

    public Response put(String pathAndQuery, String contentType, byte[] body) throws IOException {
        return send("PUT", pathAndQuery, contentType, body);
    }

    public Response post(String pathAndQuery, String contentType, byte[] body) throws IOException {
        return send("POST", pathAndQuery, contentType, body);
    }

    /** Sends with digest authentication; throws when the camera cannot be reached or refuses the credentials. */
    public Response send(String method, String pathAndQuery, String contentType, byte[] body) throws IOException {
        Response r = once(method, pathAndQuery, contentType, body);
        if (r.status() == 401 && digest != null) {
            if (!digest.accept(lastChallenges)) {
                throw new IOException("camera " + base + " asks for an authentication other than Digest (qop=auth): "
                        + LogText.cut(String.join(" | ", lastChallenges)));
            }
            r = once(method, pathAndQuery, contentType, body);
            if (r.status() == 401) {
                throw new IOException("camera " + base + " refused the user name or password (HTTP 401)");
            }
        }
        return r;
    }

    private volatile List<String> lastChallenges = List.of();

    private Response once(String method, String pathAndQuery, String contentType, byte[] body) throws IOException {
        URI uri = base.resolve(pathAndQuery);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (digest != null && digest.hasChallenge()) {
            String rawPath = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            b.header("Authorization", digest.authorization(method, rawPath));
        }
        HttpResponse<InputStream> resp;
        try {
            resp = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        byte[] data;
        try (InputStream in = resp.body()) {
            data = in.readNBytes(maxBody + 1);
        }
        if (data.length > maxBody) {
            throw new IOException("camera " + base + " answered more than " + maxBody + " bytes to " + method + " "
                    + uri.getPath());
        }
        if (resp.statusCode() == 401) {
            lastChallenges = resp.headers().allValues("WWW-Authenticate");
        }
        return new Response(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(""), data);
    }
}
