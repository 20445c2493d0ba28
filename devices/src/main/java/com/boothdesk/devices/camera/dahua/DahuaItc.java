package com.boothdesk.devices.camera.dahua;

import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

/**
 * The Dahua ITC protocol, pure both ways. Events: the ITSAPI push {@code POST /NotificationInfo/TollgateInfo} with
 * {@code Picture.Plate} ({@code PlateNumber}, {@code PlateColor}, {@code Confidence}, {@code IsExist}),
 * {@code Picture.Vehicle.VehicleType}, {@code Picture.NormalPic.Content} (base64 scene) and
 * {@code Picture.SnapInfo.AccurateTime} (camera local time), and the heartbeat {@code POST /NotificationInfo/KeepAlive}
 * (names as in public ITSAPI receivers). Commands: the CGI {@code trafficSnap.cgi?action=openStrobe},
 * {@code snapshot.cgi}, {@code global.cgi?action=setCurrentTime}, and the camera's white list {@code TrafficRedList}
 * through {@code recordUpdater.cgi} (insert answers {@code RecNo=n}; remove by {@code recno}; clear).
 *
 * <p>INFERRED (not in the public material found): the plate crop in {@code Picture.CutoutPic.Content}; the device id
 * in {@code Picture.SnapInfo.DeviceID} and in the heartbeat's {@code DeviceID}; the record id
 * {@code Picture.SnapInfo.EventID}; an offline re-upload flagged {@code Picture.SnapInfo.OfflineFlag=true};
 * {@code action=closeStrobe}; the answer {@code {"Result":true}}.
 */
public final class DahuaItc {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CGI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SNAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private DahuaItc() {
    }

    public static String openStrobe(int channel, String plate) {
        return "/cgi-bin/trafficSnap.cgi?action=openStrobe&channel=" + channel + "&info.openType=Normal"
                + "&info.plateNumber=" + q(plate);
    }

    public static String closeStrobe(int channel) {
        return "/cgi-bin/trafficSnap.cgi?action=closeStrobe&channel=" + channel;
    }

    /**
     * The event stream of traffic snaps with their pictures: {@code snapManager.cgi?action=attachFileProc} for
     * {@code TrafficJunction} events, heartbeat every {@code heartbeatSeconds} (the {@code heartbeat} parameter as on
     * {@code eventManager.cgi?action=attach}; INFERRED for snapManager). Brackets percent-encoded.
     */
    public static String attachPath(int channel, int heartbeatSeconds) {
        return "/cgi-bin/snapManager.cgi?action=attachFileProc&channel=" + channel + "&heartbeat=" + heartbeatSeconds
                + "&Flags%5B0%5D=Event&Events=%5BTrafficJunction%5D";
    }

    public static String snapshot(int channel) {
        return "/cgi-bin/snapshot.cgi?channel=" + channel;
    }

    public static String setTime(LocalDateTime t) {
        return "/cgi-bin/global.cgi?action=setCurrentTime&time=" + q(CGI_TIME.format(t));
    }

    public static String getTime() {
        return "/cgi-bin/global.cgi?action=getCurrentTime";
    }

    public static String whiteListInsert(WhiteListPlate p) {
        return "/cgi-bin/recordUpdater.cgi?action=insert&name=TrafficRedList&PlateNumber=" + q(p.plate())
                + "&MasterOfCar=" + q(p.comment().length() > 16 ? p.comment().substring(0, 16) : p.comment())
                + "&BeginTime=" + q(CGI_TIME.format(p.validFrom())) + "&CancelTime=" + q(CGI_TIME.format(p.validTo()))
                + "&AuthorityList.OpenGate=true";
    }

    public static String whiteListRemove(long recNo) {
        return "/cgi-bin/recordUpdater.cgi?action=remove&name=TrafficRedList&recno=" + recNo;
    }

    public static String whiteListClear() {
        return "/cgi-bin/recordUpdater.cgi?action=clear&name=TrafficRedList";
    }

    /** The {@code RecNo=n} of an insert answer. */
    public static long recNo(String answer) {
        for (String line : answer.split("\r?\n")) {
            if (line.trim().startsWith("RecNo=")) {
                try {
                    return Long.parseLong(line.trim().substring(6).trim());
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        throw new IllegalArgumentException("insert answer without RecNo: " + answer.trim());
    }

    /** The device id a push names (INFERRED fields), or "" when it names none. */
    public static String deviceId(byte[] body) {
        JsonNode root = tree(body);
        String id = root.path("Picture").path("SnapInfo").path("DeviceID").asText("");
        return id.isEmpty() ? root.path("DeviceID").asText("") : id;
    }

    /**
     * Decodes a TollgateInfo push. Live reads carry {@code now}, offline re-uploads the camera's time (read in the
     * camera's zone, {@code zone}).
     *
     * @throws IllegalArgumentException for a body that is not JSON or has no {@code Picture.Plate}
     */
    public static PlateEvent decodeTollgate(byte[] body, String cameraId, String peer, Instant now, ZoneId zone) {
        JsonNode root = tree(body);
        JsonNode pic = root.path("Picture");
        JsonNode plate = pic.path("Plate");
        if (!plate.isObject()) {
            throw new IllegalArgumentException("TollgateInfo without Picture.Plate");
        }
        boolean exists = !plate.has("IsExist") || plate.path("IsExist").asBoolean(true);
        String number = exists ? plate.path("PlateNumber").asText("").trim() : "";
        JsonNode snap = pic.path("SnapInfo");
        Instant cameraTime = null;
        String t = snap.path("AccurateTime").asText("");
        if (!t.isEmpty()) {
            try {
                cameraTime = LocalDateTime.parse(t, SNAP_TIME).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                cameraTime = null;
            }
        }
        boolean offline = snap.path("OfflineFlag").asBoolean(false);
        return new PlateEvent(peer, snap.path("DeviceID").asText(""), cameraId, peer, number,
                colour(plate.path("PlateColor").asText("")), Math.max(0, Math.min(100, plate.path("Confidence")
                .asInt(0))), snap.has("EventID") ? snap.path("EventID").asLong(-1) : -1,
                offline && cameraTime != null ? cameraTime : now, offline,
                base64(pic.path("NormalPic").path("Content").asText("")),
                base64(pic.path("CutoutPic").path("Content").asText("")),
                vehicleType(pic.path("Vehicle").path("VehicleType").asText("")), cameraTime);
    }

    /** What one text part of the snap stream is. */
    public sealed interface StreamText permits StreamEvent, StreamHeartbeat, StreamOther {
    }

    /** A traffic snap: its plate read (the picture follows as the next part). */
    public record StreamEvent(PlateEvent event) implements StreamText {
    }

    public record StreamHeartbeat() implements StreamText {
    }

    public record StreamOther(String code) implements StreamText {
    }

    /**
     * Decodes a text part of the snap stream: {@code Heartbeat}, or {@code key=value} lines of {@code Events[0]}:
     * {@code EventBaseInfo.Code} ({@code TrafficJunction}), {@code TrafficCar.PlateNumber} (else {@code Object.Text}),
     * {@code TrafficCar.PlateColor}, {@code EventID}, {@code LocaleTime} (camera local time). INFERRED:
     * {@code Object.Confidence} and {@code Vehicle.Category} (names of the RPC event data); a snap whose plate is
     * empty or {@code 无牌} is a read without a plate. Only {@code Events[0]} is read; the picture is the part after.
     *
     * @throws IllegalArgumentException for text that is neither a heartbeat nor {@code key=value} lines
     */
    public static StreamText decodeStreamText(byte[] text, byte[] picture, String cameraId, String peer, Instant now,
                                              ZoneId zone) {
        String t = new String(text, StandardCharsets.UTF_8).trim();
        if (t.equalsIgnoreCase("Heartbeat")) {
            return new StreamHeartbeat();
        }
        java.util.Map<String, String> kv = new java.util.HashMap<>();
        for (String line : t.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                if (!line.isBlank()) {
                    throw new IllegalArgumentException("snap text line without '=': " + line.trim());
                }
                continue;
            }
            String k = line.substring(0, eq).trim();
            if (k.startsWith("Events[0].")) {
                kv.put(k.substring("Events[0].".length()), line.substring(eq + 1).trim());
            }
        }
        String code = kv.getOrDefault("EventBaseInfo.Code", kv.getOrDefault("Code", ""));
        if (!code.startsWith("Traffic")) {
            return new StreamOther(code);
        }
        String plate = kv.getOrDefault("TrafficCar.PlateNumber", kv.getOrDefault("Object.Text", "")).trim();
        Instant cameraTime = null;
        String lt = kv.getOrDefault("LocaleTime", "");
        if (!lt.isEmpty()) {
            try {
                cameraTime = LocalDateTime.parse(lt, SNAP_TIME).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                cameraTime = null;
            }
        }
        long id;
        try {
            id = Long.parseLong(kv.getOrDefault("EventID", "-1"));
        } catch (NumberFormatException e) {
            id = -1;
        }
        int confidence;
        try {
            confidence = Math.max(0, Math.min(100, Integer.parseInt(kv.getOrDefault("Object.Confidence", "0"))));
        } catch (NumberFormatException e) {
            confidence = 0;
        }
        return new StreamEvent(new PlateEvent(peer, "", cameraId, peer, plate,
                colour(kv.getOrDefault("TrafficCar.PlateColor", "")), confidence, id, now, false, picture,
                new byte[0], vehicleType(kv.getOrDefault("Vehicle.Category", "")), cameraTime));
    }

    public static int colour(String c) {
        switch (c.toLowerCase(Locale.ROOT)) {
            case "blue":
                return 1;
            case "yellow":
                return 2;
            case "white":
                return 3;
            case "black":
                return 4;
            case "green":
                return 5;
            case "yellowgreen":
            case "yellowbottomgreen":
                return 6;
            default:
                return 0;
        }
    }

    public static String vehicleType(String t) {
        String v = t.toLowerCase(Locale.ROOT);
        if (v.contains("truck") || v.contains("lorry")) {
            return "truck";
        }
        if (v.contains("bus")) {
            return "bus";
        }
        if (v.contains("van") || v.contains("mpv")) {
            return "van";
        }
        if (v.contains("motor")) {
            return "motorcycle";
        }
        if (v.contains("car") || v.contains("suv") || v.equals("motorvehicle")) {
            return "car";
        }
        return "";
    }

    private static JsonNode tree(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("push is not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("push is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("push cannot be read: " + e.getMessage());
        }
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

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
