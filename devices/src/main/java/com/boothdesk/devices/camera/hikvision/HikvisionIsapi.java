package com.boothdesk.devices.camera.hikvision;

import com.boothdesk.devices.camera.common.SafeXml;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.boothdesk.devices.gate.GateState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The ISAPI requests the booth sends a Hikvision ANPR camera, and the decoding of its answers; pure. Paths and
 * bodies: barrier {@code PUT /ISAPI/Parking/channels/<ch>/barrierGate} with {@code <BarrierGate><ctrlMode>}
 * {@code open|close}, status {@code GET .../barrierGate/barrierGateStatus} (0 no signal, 1 closed, 2 open), snapshot
 * {@code GET /ISAPI/Streaming/channels/<ch>01/picture}, clock {@code PUT /ISAPI/System/time}, white list
 * {@code PUT /ISAPI/Traffic/channels/<ch>/licensePlateAuditData/record?format=json}. INFERRED: keep-open as
 * {@code ctrlMode lock}/{@code unlock}; removing white-list records with
 * {@code PUT /ISAPI/Traffic/channels/<ch>/DelLicensePlateAuditData?format=json} by plate.
 */
public final class HikvisionIsapi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = "http://www.isapi.org/ver20/XMLSchema";

    private HikvisionIsapi() {
    }

    public static String barrierPath(int channel) {
        return "/ISAPI/Parking/channels/" + channel + "/barrierGate";
    }

    public static String barrierStatusPath(int channel) {
        return barrierPath(channel) + "/barrierGateStatus";
    }

    /** The camera's event stream (all channels): an endless {@code multipart/mixed} answer. */
    public static String alertStreamPath() {
        return "/ISAPI/Event/notification/alertStream";
    }

    public static String snapshotPath(int channel) {
        return "/ISAPI/Streaming/channels/" + channel + "01/picture";
    }

    public static String timePath() {
        return "/ISAPI/System/time";
    }

    public static String whiteListPath(int channel) {
        return "/ISAPI/Traffic/channels/" + channel + "/licensePlateAuditData/record?format=json";
    }

    public static String whiteListDeletePath(int channel) {
        return "/ISAPI/Traffic/channels/" + channel + "/DelLicensePlateAuditData?format=json";
    }

    /** {@code open}, {@code close}, {@code lock} (INFERRED keep-open), {@code unlock}. */
    public static byte[] barrierBody(String ctrlMode) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><BarrierGate version=\"2.0\" xmlns=\"" + NS + "\">"
                + "<ctrlMode>" + ctrlMode + "</ctrlMode></BarrierGate>").getBytes(StandardCharsets.UTF_8);
    }

    /** The position in a {@code barrierGateStatus} answer (a number or a word, in any element named so). */
    public static GateState barrierState(byte[] body) {
        String v;
        String text = new String(body, StandardCharsets.UTF_8).trim();
        if (text.startsWith("{")) {
            try {
                v = JSON.readTree(text).findPath("barrierGateStatus").asText("");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("barrierGateStatus answer is not JSON");
            }
        } else {
            v = SafeXml.text(SafeXml.parse(body), "barrierGateStatus");
        }
        switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "1":
            case "close":
            case "closed":
                return GateState.CLOSED;
            case "2":
            case "open":
            case "opened":
                return GateState.OPEN;
            default:
                return GateState.UNKNOWN;
        }
    }

    /** Camera clock; {@code timeZone} in the POSIX form the camera wants (UTC+8 is {@code CST-8:00:00}). */
    public static byte[] timeBody(LocalDateTime local, ZoneOffset offset) {
        int secs = offset.getTotalSeconds();
        String sign = secs >= 0 ? "-" : "+";
        int abs = Math.abs(secs);
        String tz = String.format("CST%s%d:%02d:%02d", sign, abs / 3600, abs % 3600 / 60, abs % 60);
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Time version=\"2.0\" xmlns=\"" + NS + "\">"
                + "<timeMode>manual</timeMode><localTime>" + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(local)
                + "</localTime><timeZone>" + tz + "</timeZone></Time>").getBytes(StandardCharsets.UTF_8);
    }

    /** White-list records (listType whiteList), dates from the plates' validity. */
    public static byte[] whiteListBody(List<WhiteListPlate> plates, LocalDateTime now) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("LicensePlateInfoList");
        for (WhiteListPlate p : plates) {
            ObjectNode o = list.addObject();
            o.put("LicensePlate", p.plate());
            o.put("listType", "whiteList");
            o.put("createTime", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(now.withNano(0)));
            o.put("effectiveStartDate", p.validFrom().toLocalDate().toString());
            o.put("effectiveTime", p.validTo().toLocalDate().toString());
        }
        return JSON.valueToTree(root).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** INFERRED: removal by plate; {@code deleteAll} to clear the camera's list. */
    public static byte[] whiteListDeleteBody(List<String> plates, boolean all) {
        ObjectNode root = JSON.createObjectNode();
        if (all) {
            root.put("deleteAll", true);
        } else {
            ArrayNode a = root.putArray("LicensePlate");
            plates.forEach(a::add);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
