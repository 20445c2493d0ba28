package com.boothdesk.devices.camera.common;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One HTTP request a camera pushed to the booth, already read within the listener's bounds.
 *
 * @param peer the address the request came from
 * @param path the request path below the route's prefix (e.g. {@code /NotificationInfo/TollgateInfo})
 * @param contentType the Content-Type header, "" when none
 */
public record PushRequest(InetAddress peer, String method, String path, String contentType, byte[] body) {
    public PushRequest {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        contentType = contentType == null ? "" : contentType;
        body = body == null ? new byte[0] : body;
    }
}
