package com.boothdesk.sdk.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Classifies one line received from the cloud. Never throws: every input, however broken, gets one of the defined
 * outcomes, and the caller's answer follows from it (heartbeat → 0x12; message → handled and answered; anything else
 * → logged and ignored, the link stays up).
 */
public final class DownlinkDecoder {

    /** What a line turned out to be. */
    public sealed interface Decoded permits Heartbeat, HeartbeatAck, Message, Malformed {
    }

    /** The server's own heartbeat text {@code 0x11} (answered with {@code 0x12}). */
    public record Heartbeat() implements Decoded {
    }

    /** {@code 0x12}, the answer to our heartbeat. */
    public record HeartbeatAck() implements Decoded {
    }

    /** A JSON object with a textual, non-empty service_name. */
    public record Message(String serviceName, ObjectNode json) implements Decoded {
    }

    /** Anything else; {@code reason} says what is wrong. */
    public record Malformed(String reason, ObjectNode jsonIfAny) implements Decoded {
    }

    private DownlinkDecoder() {
    }

    /** Decodes one line (terminators already removed). */
    public static Decoded decode(String line) {
        try {
            String text = line == null ? "" : line.strip();
            if (text.isEmpty()) {
                return new Malformed("empty line", null);
            }
            if (WireCodec.isHeartbeatAck(text)) {
                return new HeartbeatAck();
            }
            if (WireCodec.isHeartbeat(text)) {
                return new Heartbeat();
            }
            ObjectNode msg;
            try {
                msg = WireCodec.parseObject(text);
            } catch (WireFormatException e) {
                return new Malformed(e.getMessage(), null);
            }
            JsonNode name = msg.get("service_name");
            if (name == null || name.isNull()) {
                return new Malformed("no service_name", msg);
            }
            if (!name.isTextual()) {
                return new Malformed("service_name is not a string", msg);
            }
            String n = name.asText().strip();
            if (n.isEmpty()) {
                return new Malformed("empty service_name", msg);
            }
            if (n.length() > 64) {
                return new Malformed("service_name longer than 64 characters", msg);
            }
            return new Message(n, msg);
        } catch (RuntimeException e) {
            // a parser bug must not take the link down either
            return new Malformed("undecodable: " + e, null);
        }
    }
}
