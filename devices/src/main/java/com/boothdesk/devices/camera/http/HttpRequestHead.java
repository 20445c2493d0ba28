package com.boothdesk.devices.camera.http;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The request line and headers of one request, read and checked before any body byte is read.
 *
 * @param peer the address the connection came from
 * @param method the method token, upper case as sent ({@code POST})
 * @param target the request target as sent ({@code /camera/push?x=1})
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers header names in lower case to their (first) value; bounded by
 *     {@link FrontDoorOptions#maxHeaderBytes()}
 * @param contentLength the declared body length, 0 when none was declared
 */
public record HttpRequestHead(InetAddress peer, String method, String target, String version,
                              Map<String, String> headers, long contentLength) {
    public HttpRequestHead {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        headers = Map.copyOf(headers);
    }

    /** The value of header {@code name} (any case), or "" when absent. */
    public String header(String name) {
        String v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null ? "" : v;
    }

    /** The target without its query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The media type in lower case without parameters ({@code application/json}), "" when absent. */
    public String mediaType() {
        String ct = header("content-type");
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
