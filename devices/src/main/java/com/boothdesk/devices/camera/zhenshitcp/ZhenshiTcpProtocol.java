package com.boothdesk.devices.camera.zhenshitcp;

import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;

/**
 * The JSON of the Zhenshi TCP protocol, pure both ways: the commands the booth sends and the decoding of what the
 * camera sends. Sources: {@code Marshall1115/MicroCommunityThings} ({@code ZhenshiByteToString.java},
 * {@code CarTestMain.java}) for the header, {@code ivsresult}, {@code ivs_result} and {@code ioctl}; field names
 * marked INFERRED below were not visible in public sources and follow the HTTP push's names or the vendor's SDK.
 */
public final class ZhenshiTcpProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ZhenshiTcpProtocol() {
    }

    /** Subscribe to results as JSON with pictures. */
    public static String subscribe() {
        return "{\"cmd\":\"ivsresult\",\"enable\":true,\"format\":\"json\",\"image\":true,\"image_type\":0}";
    }

    /** Relay {@code io}: value 0 off, 1 on, 2 pulse for {@code delayMs}. */
    public static String ioctl(int io, int value, int delayMs) {
        return "{\"cmd\":\"ioctl\",\"io\":" + io + ",\"value\":" + value + ",\"delay\":" + delayMs + "}";
    }

    /** Bytes to RS485 ({@code channel} 0 = rs485-1, 1 = rs485-2). INFERRED: {@code ttransmission}/{@code send}. */
    public static String serialSend(int channel, byte[] data) {
        return "{\"cmd\":\"ttransmission\",\"subcmd\":\"send\",\"datalen\":" + data.length + ",\"data\":\""
                + Base64.getEncoder().encodeToString(data) + "\",\"comm\":\"rs485-" + (channel + 1) + "\"}";
    }

    /** Soft trigger: the camera recognises now and sends a result with its picture. INFERRED name {@code trigger}. */
    public static String trigger() {
        return "{\"cmd\":\"trigger\"}";
    }

    /** Camera clock. INFERRED: {@code set_time} with {@code timestring}. */
    public static String setTime(LocalDateTime t) {
        return "{\"cmd\":\"set_time\",\"timestring\":\"" + TIME.format(t) + "\"}";
    }

    /** Adds or changes one white-list record ({@code white_list_operator}, record {@code dldb_rec}, SDK names). */
    public static String whiteListAdd(WhiteListPlate p, LocalDateTime now) {
        ObjectNode root = JSON.createObjectNode();
        root.put("cmd", "white_list_operator");
        root.put("operator_type", "update_or_add");
        ObjectNode rec = root.putObject("dldb_rec");
        rec.put("create_time", TIME.format(now));
        rec.put("enable_time", TIME.format(p.validFrom()));
        rec.put("overdue_time", TIME.format(p.validTo()));
        rec.put("enable", 1);
        rec.put("plate", p.plate());
        rec.put("time_seg_enable", 0);
        rec.put("seg_time", "");
        rec.put("need_alarm", 0);
        rec.put("vehicle_code", "");
        rec.put("vehicle_comment", cut(p.comment(), 32));
        rec.put("customer_id", 0);
        return write(root);
    }

    /** Removes one plate. INFERRED: {@code operator_type:"delete"} with {@code plate}. */
    public static String whiteListDelete(String plate) {
        ObjectNode root = JSON.createObjectNode();
        root.put("cmd", "white_list_operator");
        root.put("operator_type", "delete");
        root.put("plate", plate);
        return write(root);
    }

    /** Empties the list. INFERRED: {@code operator_type:"delete_all"}. */
    public static String whiteListClear() {
        return "{\"cmd\":\"white_list_operator\",\"operator_type\":\"delete_all\"}";
    }

    /** What one data frame from the camera is. */
    public sealed interface Message permits Result, Reply, Serial, Unknown {
    }

    /**
     * Bytes the camera received on its RS485 port and relays to the booth (the card's ACKs). INFERRED: the
     * {@code ttransmission} frame with {@code subcmd:"recv"}, {@code comm}, {@code datalen} and base64 {@code data},
     * the mirror of the booth's {@code send}.
     */
    public record Serial(com.boothdesk.devices.camera.SerialPayload payload) implements Message {
    }

    /** The camera's relay of RS485 bytes it received (what {@link #decode} reads as {@link Serial}). */
    public static String serialReceived(int channel, byte[] data) {
        return "{\"cmd\":\"ttransmission\",\"subcmd\":\"recv\",\"datalen\":" + data.length + ",\"data\":\""
                + Base64.getEncoder().encodeToString(data) + "\",\"comm\":\"rs485-" + (channel + 1) + "\"}";
    }

    /** A plate result ({@code ivs_result}). */
    public record Result(PlateEvent event) implements Message {
    }

    /** The camera's answer to a command ({@code cmd} with {@code state_code}, INFERRED). */
    public record Reply(String cmd, int stateCode, JsonNode body) implements Message {
    }

    /** Anything else, kept for the log. */
    public record Unknown(String cmd) implements Message {
    }

    /**
     * Decodes one data frame. Results: {@code {"cmd":"ivs_result","PlateResult":{...}}} with the HTTP push's
     * field names; pictures either as base64 {@code imageFile}/{@code imageFragmentFile} in the JSON or as binary
     * after the JSON's NUL with sizes {@code fullImgSize}/{@code clipImgSize} (INFERRED, from the SDK's result
     * struct). Live reads carry the receive time, offline records ({@code isoffline:1}) the camera's.
     *
     * @throws IllegalArgumentException for JSON that cannot be read or a result without a license field
     */
    public static Message decode(VzFrame frame, String cameraId, String peer, Instant now) {
        JsonNode root;
        try {
            root = JSON.readTree(frame.jsonText());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("frame is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("frame is not a JSON object");
        }
        String cmd = root.path("cmd").asText("");
        if (cmd.equals("ttransmission") && root.path("subcmd").asText("").equals("recv")) {
            byte[] data;
            try {
                data = Base64.getDecoder().decode(root.path("data").asText(""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ttransmission recv with data that is not base64");
            }
            int len = root.path("datalen").asInt(data.length);
            if (len != data.length) {
                throw new IllegalArgumentException("ttransmission recv: datalen " + len + " but " + data.length
                        + " bytes of data");
            }
            int channel = root.path("comm").asText("rs485-1").endsWith("2") ? 1 : 0;
            return new Serial(new com.boothdesk.devices.camera.SerialPayload(channel, data));
        }
        if (!cmd.equals("ivs_result")) {
            if (root.has("state_code") || cmd.endsWith("_resp") || root.has("error_msg")) {
                return new Reply(cmd, root.path("state_code").asInt(-1), root);
            }
            return new Unknown(cmd);
        }
        JsonNode r = root.path("PlateResult");
        if (!r.isObject() || !r.path("license").isTextual()) {
            throw new IllegalArgumentException("ivs_result without PlateResult.license");
        }
        byte[] tail = frame.binaryTail();
        int fullSize = r.path("fullImgSize").asInt(0);
        int clipSize = r.path("clipImgSize").asInt(0);
        byte[] full;
        byte[] clip;
        if (fullSize > 0 || clipSize > 0) {
            if (fullSize < 0 || clipSize < 0 || (long) fullSize + clipSize > tail.length) {
                throw new IllegalArgumentException("picture sizes " + fullSize + "+" + clipSize + " exceed the "
                        + tail.length + " bytes after the JSON");
            }
            full = Arrays.copyOfRange(tail, 0, fullSize);
            clip = Arrays.copyOfRange(tail, fullSize, fullSize + clipSize);
        } else {
            full = base64(r.path("imageFile").asText(""));
            clip = base64(r.path("imageFragmentFile").asText(""));
        }
        boolean offline = r.path("isoffline").asInt(0) == 1;
        JsonNode tv = r.path("timeStamp").path("Timeval");
        Instant cameraTime = tv.path("sec").asLong(0) > 0
                ? Instant.ofEpochSecond(tv.path("sec").asLong(), tv.path("usec").asLong(0) * 1000) : null;
        Instant readAt = offline && cameraTime != null ? cameraTime : now;
        return new Result(new PlateEvent(peer, root.path("deviceName").asText(""), cameraId,
                root.path("ipaddr").asText(peer), r.path("license").asText().trim(), r.path("colorType").asInt(0),
                r.path("confidence").asInt(0), r.path("plateid").asLong(-1), readAt, offline, full, clip, "",
                cameraTime));
    }

    private static byte[] base64(String s) {
        if (s.isEmpty()) {
            return new byte[0];
        }
        try {
            return Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static String write(ObjectNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
