package com.boothdesk.devices.camera.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A reply: status, media type and body; the front door adds {@code Content-Length} and {@code Connection}.
 *
 * @param status HTTP status code
 * @param contentType the {@code Content-Type} header value
 * @param body the body bytes (do not modify)
 * @param delivery told exactly once, after the reply was written and flushed (true) or could not be (false)
 */
public record HttpResponse(int status, String contentType, byte[] body, Consumer<Boolean> delivery) {
    public static final String JSON = "application/json; charset=utf-8";
    private static final Consumer<Boolean> IGNORE = sent -> { };

    public HttpResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(delivery, "delivery");
    }

    public HttpResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, IGNORE);
    }

    /** This reply, telling {@code listener} whether it went out. */
    public HttpResponse onDelivery(Consumer<Boolean> listener) {
        return new HttpResponse(status, contentType, body, Objects.requireNonNull(listener, "listener"));
    }

    public static HttpResponse json(int status, byte[] body) {
        return new HttpResponse(status, JSON, body);
    }

    /** {@code {"error":message,"status":status}} with the message escaped for JSON. */
    public static HttpResponse error(int status, String message) {
        StringBuilder sb = new StringBuilder("{\"error\":\"");
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append("\",\"status\":").append(status).append('}');
        return json(status, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The standard reason phrase for the status line. */
    public String reason() {
        switch (status) {
            case 100: return "Continue";
            case 200: return "OK";
            case 204: return "No Content";
            case 400: return "Bad Request";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 411: return "Length Required";
            case 413: return "Payload Too Large";
            case 415: return "Unsupported Media Type";
            case 431: return "Request Header Fields Too Large";
            case 500: return "Internal Server Error";
            case 501: return "Not Implemented";
            case 503: return "Service Unavailable";
            case 505: return "HTTP Version Not Supported";
            default: return "Status";
        }
    }
}
