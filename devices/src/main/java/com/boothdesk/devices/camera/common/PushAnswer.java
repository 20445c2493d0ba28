package com.boothdesk.devices.camera.common;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The booth's answer to a camera push. */
public record PushAnswer(int status, String contentType, byte[] body) {
    public PushAnswer {
        Objects.requireNonNull(contentType, "contentType");
        body = body == null ? new byte[0] : body;
    }

    public static PushAnswer json(int status, String json) {
        return new PushAnswer(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    public static PushAnswer text(int status, String text) {
        return new PushAnswer(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
