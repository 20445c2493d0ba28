package com.boothdesk.devices.camera.hikvision;

import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.common.Multipart;
import com.boothdesk.devices.camera.common.SafeXml;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Decodes what a Hikvision ANPR camera pushes in "HTTP listening" mode: an {@code EventNotificationAlert} as XML or
 * JSON, alone or as the first part of a {@code multipart/form-data} body followed by the pictures
 * ({@code licensePlatePicture.jpg} = the plate crop, {@code detectionPicture.jpg} / vehicle picture = the scene).
 * Pure: bytes in, a {@link Decoded} out.
 *
 * <p>Field names ({@code ipAddress}, {@code macAddress}, {@code dateTime}, {@code eventType}, {@code eventState},
 * {@code ANPR/licensePlate}, {@code confidenceLevel}, {@code plateColor}, {@code vehicleType}) are those of the ISAPI
 * event schema. INFERRED: {@code isDataRetransmission=true} marks a record the camera kept while the booth was
 * unreachable (treated as offline); a {@code videoloss} alert with {@code eventState=inactive} is the camera's
 * heartbeat (as on its alert stream); the JSON form uses the XML element names.
 */
public final class HikvisionEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HikvisionEvents() {
    }

    /** What one push is. */
    public sealed interface Decoded permits Plate, Heartbeat, Other {
    }

    public record Plate(PlateEvent event) implements Decoded {
    }

    public record Heartbeat() implements Decoded {
    }

    /** An event that is neither a plate nor a heartbeat (kept for the log). */
    public record Other(String eventType) implements Decoded {
    }

    /**
     * @throws IllegalArgumentException for a body that is neither XML nor JSON, or an ANPR event without a plate
     *                                  field
     */
    public static Decoded decode(String contentType, byte[] body, String cameraId, String peer, Instant now) {
        if (Multipart.isMultipart(contentType)) {
            return decodeParts(Multipart.parse(contentType, body), cameraId, peer, now);
        }
        return decodeDocument(body, new byte[0], new byte[0], cameraId, peer, now);
    }

    /**
     * Decodes one event given as its parts: the first part that is no picture is the event, the pictures are the plate
     * crop ({@code licensePlatePicture}) and the scene (the first other picture). Used for multipart pushes and for
     * the groups of the alert stream.
     */
    public static Decoded decodeParts(List<Multipart.Part> parts, String cameraId, String peer, Instant now) {
        byte[] doc = null;
        byte[] full = new byte[0];
        byte[] crop = new byte[0];
        for (Multipart.Part p : parts) {
            String ct = p.contentType().toLowerCase(Locale.ROOT);
            String name = (p.name() + " " + p.fileName()).toLowerCase(Locale.ROOT);
            boolean image = ct.startsWith("image/") || name.endsWith(".jpg") || name.endsWith(".jpeg");
            if (!image && doc == null) {
                doc = p.data();
            } else if (image && name.contains("licenseplate")) {
                crop = p.data();
            } else if (image && full.length == 0) {
                full = p.data();
            }
        }
        if (doc == null) {
            throw new IllegalArgumentException("multipart push without an event part");
        }
        return decodeDocument(doc, full, crop, cameraId, peer, now);
    }

    /**
     * How many pictures follow this event part on the alert stream: its {@code picNum} (INFERRED: the count the
     * ISAPI event carries for ANPR alerts with pictures), 0 when it names none or cannot be read.
     */
    public static int pictureCount(Multipart.Part eventPart) {
        byte[] doc = eventPart.data();
        try {
            if (startsWithBrace(doc)) {
                return Math.max(0, JSON.readTree(doc).path("picNum").asInt(0));
            }
            return Math.max(0, intOf(SafeXml.text(SafeXml.parse(doc), "picNum")));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return 0;
        }
    }

    private static Decoded decodeDocument(byte[] doc, byte[] full, byte[] crop, String cameraId, String peer,
                                          Instant now) {
        Fields f = startsWithBrace(doc) ? fromJson(doc) : fromXml(doc);
        String type = f.eventType.toLowerCase(Locale.ROOT);
        if (type.equals("videoloss") && f.eventState.equalsIgnoreCase("inactive")) {
            return new Heartbeat();
        }
        if (!type.equals("anpr")) {
            return new Other(f.eventType);
        }
        if (f.plate == null) {
            throw new IllegalArgumentException("ANPR event without ANPR/licensePlate");
        }
        Instant cameraTime = parseTime(f.dateTime);
        boolean offline = f.retransmission;
        Instant readAt = offline && cameraTime != null ? cameraTime : now;
        long id = f.uuid.isEmpty() ? -1 : (f.uuid.hashCode() & 0x7fffffffL);
        String plate = f.plate.trim();
        return new Plate(new PlateEvent(peer, f.channelName, cameraId, f.ipAddress.isEmpty() ? peer : f.ipAddress,
                plate, colour(f.plateColor), f.confidence, id, readAt, offline, full, crop,
                vehicleType(f.vehicleType), cameraTime));
    }

    /** Hikvision plate colours to the booth's codes (1 blue, 2 yellow, 3 white, 4 black, 5 green, 6 yellow-green). */
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
            case "newenergygreen":
                return 5;
            case "yellowgreen":
            case "newenergyyellowgreen":
                return 6;
            default:
                return 0;
        }
    }

    /** Hikvision vehicle classes to the booth's: car, truck, bus, van, motorcycle, or "". */
    public static String vehicleType(String t) {
        String v = t.toLowerCase(Locale.ROOT);
        if (v.contains("truck")) {
            return "truck";
        }
        if (v.contains("bus")) {
            return "bus";
        }
        if (v.contains("van") || v.contains("mpv")) {
            return "van";
        }
        if (v.contains("motor") || v.contains("tricycle")) {
            return "motorcycle";
        }
        if (v.equals("vehicle") || v.contains("car") || v.contains("suv")) {
            return "car";
        }
        return "";
    }

    private static final class Fields {
        String eventType = "";
        String eventState = "";
        String ipAddress = "";
        String channelName = "";
        String dateTime = "";
        String uuid = "";
        String plate;
        String plateColor = "";
        String vehicleType = "";
        int confidence;
        boolean retransmission;
    }

    private static Fields fromXml(byte[] xml) {
        Document d = SafeXml.parse(xml);
        Fields f = new Fields();
        f.eventType = SafeXml.text(d, "eventType");
        f.eventState = SafeXml.text(d, "eventState");
        f.ipAddress = SafeXml.text(d, "ipAddress");
        f.channelName = SafeXml.text(d, "channelName");
        f.dateTime = SafeXml.text(d, "dateTime");
        f.uuid = SafeXml.text(d, "UUID");
        f.retransmission = SafeXml.text(d, "isDataRetransmission").equalsIgnoreCase("true");
        Element anpr = SafeXml.first(d, "ANPR");
        if (anpr != null) {
            Element lp = SafeXml.first(anpr, "licensePlate");
            f.plate = lp == null ? null : lp.getTextContent();
            f.plateColor = SafeXml.text(anpr, "plateColor");
            f.vehicleType = SafeXml.text(anpr, "vehicleType");
            f.confidence = intOf(SafeXml.text(anpr, "confidenceLevel"));
        }
        return f;
    }

    private static Fields fromJson(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("event cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("event is not a JSON object");
        }
        Fields f = new Fields();
        f.eventType = root.path("eventType").asText("");
        f.eventState = root.path("eventState").asText("");
        f.ipAddress = root.path("ipAddress").asText("");
        f.channelName = root.path("channelName").asText("");
        f.dateTime = root.path("dateTime").asText("");
        f.uuid = root.path("UUID").asText("");
        f.retransmission = root.path("isDataRetransmission").asBoolean(false);
        JsonNode anpr = root.path("ANPR");
        if (anpr.isObject()) {
            f.plate = anpr.path("licensePlate").isTextual() ? anpr.path("licensePlate").asText() : null;
            f.plateColor = anpr.path("plateColor").asText("");
            f.vehicleType = anpr.path("vehicleType").asText("");
            f.confidence = anpr.path("confidenceLevel").asInt(0);
        }
        return f;
    }

    private static boolean startsWithBrace(byte[] b) {
        for (byte x : b) {
            if (x == ' ' || x == '\r' || x == '\n' || x == '\t') {
                continue;
            }
            return x == '{';
        }
        return false;
    }

    private static int intOf(String s) {
        try {
            return Math.max(0, Math.min(100, Integer.parseInt(s.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant parseTime(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** For logs: the body's first characters. */
    static String head(byte[] body) {
        return new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
    }
}
