package com.boothdesk.sdk.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Encoding and decoding of the cloud's line protocol.
 *
 * <ul>
 *   <li>uplink: one UTF-8 JSON envelope per line, terminated by {@code "\n"}, at most {@link #MAX_UPLINK_BYTES}
 *       bytes (the real server decodes with a 1,024-byte line limit);</li>
 *   <li>server to booth: {@code "\n" + json + "\r"} (a flat object);</li>
 *   <li>heartbeat: the ASCII text {@code 0x11}, answered by {@code 0x12}.</li>
 * </ul>
 */
public final class WireCodec {

    /** Shared mapper: thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** Longest uplink line (without its terminator) the real server accepts. */
    public static final int MAX_UPLINK_BYTES = 1024;
    /** Heartbeat sent by the booth. */
    public static final String HEARTBEAT = "0x11";
    /** The server's heartbeat answer. */
    public static final String HEARTBEAT_ACK = "0x12";

    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private WireCodec() {
    }

    /** True for the heartbeat text as the real server recognises it (contains 0x11 and is shorter than 6). */
    public static boolean isHeartbeat(String line) {
        return line.length() < 6 && line.contains(HEARTBEAT);
    }

    /** True for the heartbeat answer. */
    public static boolean isHeartbeatAck(String line) {
        return line.length() < 6 && line.contains(HEARTBEAT_ACK);
    }

    /**
     * Builds the envelope line (without terminator) for a flat business object: {@code service_name} goes to the
     * envelope, every other field (including {@code data_target}) into {@code data}.
     */
    public static String encodeUplink(ObjectNode flat, String token, String secret) {
        String serviceName = flat.path("service_name").asText("");
        ObjectNode data = flat.deepCopy();
        data.remove("service_name");
        return encodeEnvelope(serviceName, token, secret, data);
    }

    /** Builds an envelope line around a {@code data} object. {@code token} may be null (login). */
    public static String encodeEnvelope(String serviceName, String token, String secret, ObjectNode data) {
        String dataJson = toJson(data);
        StringBuilder sb = new StringBuilder(dataJson.length() + 120);
        sb.append("{\"service_name\":").append(toJson(MAPPER.getNodeFactory().textNode(serviceName)));
        sb.append(",\"sign\":\"").append(Sign.sign(dataJson, secret)).append('"');
        if (token != null) {
            sb.append(",\"token\":").append(toJson(MAPPER.getNodeFactory().textNode(token)));
        }
        sb.append(",\"data\":").append(dataJson).append('}');
        return sb.toString();
    }

    /** Frames a server-to-booth message the way the real server writes it. */
    public static String frameDownlink(String json) {
        return "\n" + json + "\r";
    }

    /** UTF-8 length of a line. */
    public static int utf8Length(String line) {
        return line.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Compact JSON text of a node. */
    public static String toJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JsonNode always serialises", e);
        }
    }

    /**
     * Parses a line that must hold exactly one JSON object.
     *
     * @throws WireFormatException naming what is wrong (not JSON, not an object, trailing text)
     */
    public static ObjectNode parseObject(String line) throws WireFormatException {
        JsonNode node;
        try (JsonParser parser = FACTORY.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new WireFormatException("not a JSON object");
            }
            node = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new WireFormatException("trailing text after the JSON object");
            }
        } catch (WireFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new WireFormatException("malformed JSON: " + firstLine(e.getMessage()), e);
        }
        return (ObjectNode) node;
    }

    /**
     * Parses an uplink envelope and keeps the exact text of its {@code data} object for the sign check.
     *
     * @throws WireFormatException when the line is not an envelope ({@code service_name} text and {@code data}
     *                             object are mandatory)
     */
    public static Envelope parseEnvelope(String line) throws WireFormatException {
        ObjectNode root = parseObject(line);
        JsonNode name = root.get("service_name");
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            throw new WireFormatException("未识别到service_name标记: service_name missing or not a string");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new WireFormatException("data error: data missing or not an object");
        }
        String rawData = rawDataText(line);
        JsonNode sign = root.get("sign");
        JsonNode token = root.get("token");
        return new Envelope(name.asText(), sign != null && sign.isTextual() ? sign.asText() : null,
                token != null && token.isTextual() ? token.asText() : null, rawData, (ObjectNode) data);
    }

    /**
     * The exact text of the top-level {@code data} object of a line (the bytes a sign covers).
     *
     * @throws WireFormatException when the line is not JSON or has no {@code data} object
     */
    public static String rawDataText(String line) throws WireFormatException {
        try (JsonParser parser = FACTORY.createParser(line)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(field) && value == JsonToken.START_OBJECT) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getCharOffset();
                    return line.substring(start, end);
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            throw new WireFormatException("malformed JSON: " + firstLine(e.getMessage()), e);
        }
        throw new WireFormatException("data error: data missing");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
