package com.boothdesk.devices.camera.http;

import java.util.Objects;

/**
 * One complete request: its head and its body (exactly {@link HttpRequestHead#contentLength()} bytes).
 *
 * @param head request line and headers
 * @param body the body bytes (do not modify)
 */
public record HttpRequest(HttpRequestHead head, byte[] body) {
    public HttpRequest {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(body, "body");
    }
}
