package com.boothdesk.devices.camera.huaxia;

import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * Huaxia (华夏智信) cameras in HTTP POST mode 5 (v1.12, https://blog.sdlinka.com/4550.html), pure both ways: the camera
 * POSTs plate results, heartbeats and RS485 data it received; the server's answer opens IO1/IO2, carries RS485 data
 * for the LED/voice card, manages the white list and sets the clock.
 *
 * <p>The public copy of the v1.12 document shows the functions but its field tables were not readable; every field
 * name here is INFERRED (from integrations of the same camera family): results {@code type} online/offline,
 * {@code cam_id}, {@code plate_num}, {@code plate_color}, {@code plate_val}, {@code confidence}, {@code car_type},
 * {@code start_time}, {@code record_id}, {@code picture} and {@code closeup_pic} (base64); heartbeat
 * {@code type:"heartbeat"}; received RS485 {@code type:"rs485"} with {@code channel}, {@code data}; the answer
 * {@code error_num}, {@code gpio_data [{ionum: io1|io2, action: on}]}, {@code rs485_data [{encodetype: base64,
 * channel, data}]}, {@code white_list_operate {operate_type 0 add | 1 delete | 2 clear, white_list_data}},
 * {@code time_sync}. The installer must check them against the firmware's document before a site goes live.
 */
public final class HuaxiaProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private HuaxiaProtocol() {
    }

    /** What one push is. */
    public sealed interface Push permits Plate, Heartbeat, Rs485 {
    }

    public record Plate(PlateEvent event) implements Push {
    }

    public record Heartbeat(String camId) implements Push {
    }

    public record Rs485(SerialPayload data) implements Push {
    }

    /** @throws IllegalArgumentException for a body that is not a JSON object or an unknown type */
    public static Push decode(byte[] body, String cameraId, String peer, Instant now, ZoneId zone) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("push is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("push cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("push is not a JSON object");
        }
        String type = root.path("type").asText("");
        switch (type) {
            case "heartbeat":
                return new Heartbeat(root.path("cam_id").asText(""));
            case "rs485": {
                byte[] data;
                try {
                    data = Base64.getDecoder().decode(root.path("data").asText(""));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("rs485 data is not base64");
                }
                int ch = root.path("channel").asInt(0);
                return new Rs485(new SerialPayload(ch == 1 ? 1 : 0, data));
            }
            case "online":
            case "offline": {
                if (!root.has("plate_num")) {
                    throw new IllegalArgumentException("plate result without plate_num");
                }
                boolean valid = root.path("plate_val").asBoolean(true);
                String plate = valid ? root.path("plate_num").asText("").trim() : "";
                Instant cameraTime = null;
                try {
                    String t = root.path("start_time").asText("");
                    cameraTime = t.isEmpty() ? null : LocalDateTime.parse(t, TIME).atZone(zone).toInstant();
                } catch (DateTimeParseException e) {
                    cameraTime = null;
                }
                boolean offline = type.equals("offline");
                return new Plate(new PlateEvent(peer, root.path("cam_name").asText(""), cameraId,
                        root.path("cam_ip").asText(peer), plate, colour(root.path("plate_color")),
                        Math.max(0, Math.min(100, root.path("confidence").asInt(0))),
                        root.path("record_id").asLong(-1), offline && cameraTime != null ? cameraTime : now, offline,
                        base64(root.path("picture").asText("")), base64(root.path("closeup_pic").asText("")),
                        vehicleType(root.path("car_type").asText("")), cameraTime));
            }
            default:
                throw new IllegalArgumentException("unknown push type '" + type + "'");
        }
    }

    /** Colour as a number (the booth's codes) or a Chinese word (蓝 黄 白 黑 绿 黄绿). */
    static int colour(JsonNode n) {
        if (n.isInt()) {
            int c = n.asInt();
            return c >= 0 && c <= 6 ? c : 0;
        }
        String s = n.asText("");
        if (s.startsWith("黄绿")) {
            return 6;
        }
        if (s.startsWith("蓝")) {
            return 1;
        }
        if (s.startsWith("黄")) {
            return 2;
        }
        if (s.startsWith("白")) {
            return 3;
        }
        if (s.startsWith("黑")) {
            return 4;
        }
        if (s.startsWith("绿")) {
            return 5;
        }
        return 0;
    }

    static String vehicleType(String t) {
        if (t.contains("货") || t.toLowerCase(java.util.Locale.ROOT).contains("truck")) {
            return "truck";
        }
        if (t.contains("客") || t.contains("巴") || t.toLowerCase(java.util.Locale.ROOT).contains("bus")) {
            return "bus";
        }
        if (t.contains("摩托")) {
            return "motorcycle";
        }
        if (t.contains("轿") || t.contains("小") || t.toLowerCase(java.util.Locale.ROOT).contains("car")) {
            return "car";
        }
        return "";
    }

    /** The answer's parts, collected for one reply. */
    public record Reply(boolean io1, boolean io2, List<SerialPayload> rs485, WhiteListOp whiteList, LocalDateTime time) {
        public Reply {
            rs485 = List.copyOf(rs485);
        }

        public static Reply empty() {
            return new Reply(false, false, List.of(), null, null);
        }
    }

    /** A white-list operation: 0 add, 1 delete, 2 clear (INFERRED codes). */
    public record WhiteListOp(int operateType, List<WhiteListPlate> plates) {
        public WhiteListOp {
            plates = List.copyOf(plates);
        }
    }

    /** The JSON answer to a push. */
    public static String answer(Reply r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("error_num", 0);
        root.put("error_str", "noerror");
        if (r.io1() || r.io2()) {
            ArrayNode gpio = root.putArray("gpio_data");
            if (r.io1()) {
                gpio.addObject().put("ionum", "io1").put("action", "on");
            }
            if (r.io2()) {
                gpio.addObject().put("ionum", "io2").put("action", "on");
            }
        }
        if (!r.rs485().isEmpty()) {
            ArrayNode a = root.putArray("rs485_data");
            for (SerialPayload p : r.rs485()) {
                a.addObject().put("encodetype", "base64").put("channel", p.channel())
                        .put("data", Base64.getEncoder().encodeToString(p.data()));
            }
        }
        if (r.whiteList() != null) {
            ObjectNode w = root.putObject("white_list_operate");
            w.put("operate_type", r.whiteList().operateType());
            ArrayNode data = w.putArray("white_list_data");
            for (WhiteListPlate p : r.whiteList().plates()) {
                ObjectNode o = data.addObject().put("plate", p.plate());
                if (r.whiteList().operateType() == 0) {
                    o.put("start_time", TIME.format(p.validFrom())).put("end_time", TIME.format(p.validTo()));
                }
            }
        }
        if (r.time() != null) {
            root.put("time_sync", TIME.format(r.time()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static DateTimeFormatter time() {
        return TIME;
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
}
