package com.boothdesk.devices.sim.hikvision;

import com.boothdesk.devices.sim.PlateImages;
import com.boothdesk.devices.sim.camerakit.DigestGuard;
import com.boothdesk.devices.sim.camerakit.EventStreamServer;
import com.boothdesk.devices.sim.camerakit.SimHttp;
import com.boothdesk.devices.sim.camerakit.HttpRequestLog;
import com.boothdesk.devices.sim.camerakit.SimulatedCameraSide;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Hikvision ANPR camera: its ISAPI side (barrier, barrier status, snapshot, clock, white list) on a loopback port
 * behind strict digest authentication, and its "HTTP listening" side that pushes ANPR events as multipart (XML plus
 * plate crop and scene JPEGs) to the booth. A push the booth does not take is decided by the camera's white list and
 * kept; {@link #heartbeat()} re-sends kept records with {@code isDataRetransmission=true} once the booth answers.
 */
public final class SimulatedHikvisionCamera implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedHikvisionCamera.class);
    private static final Pattern CTRL = Pattern.compile("<ctrlMode>([a-zA-Z]+)</ctrlMode>");
    private static final Pattern LOCAL_TIME = Pattern.compile("<localTime>([^<]+)</localTime>");
    private static final String BOUNDARY = "MIME_boundary_hik";

    private volatile URI pushTo;
    private final Clock clock;
    private final HttpServer isapi;
    private final DigestGuard guard;
    private final HttpRequestLog requests = new HttpRequestLog();
    private final SimulatedCameraSide side = new SimulatedCameraSide();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Deque<String[]> kept = new ArrayDeque<>();
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean jsonEvents;
    /** The alert stream a booth may attach to (GET /ISAPI/Event/notification/alertStream); heartbeat every second. */
    private final EventStreamServer alertStream = new EventStreamServer("boundary", "multipart/mixed",
            Duration.ofSeconds(1), () -> List.of(EventStreamServer.Part.text("application/xml; charset=\"UTF-8\"",
                    heartbeatXml())));

    /** @param pushTo the booth's listener URL for this camera, e.g. {@code http://127.0.0.1:p/hikvision/CAM} */
    public SimulatedHikvisionCamera(URI pushTo, String user, String password, Clock clock) throws IOException {
        this.pushTo = Objects.requireNonNull(pushTo, "pushTo");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.guard = new DigestGuard("IP Camera(SIM)", user, password, "MD5");
        this.isapi = SimHttp.loopback("sim-hikvision-isapi", 4);
        isapi.createContext("/ISAPI/", this::serve);
        isapi.start();
    }

    /** Pushes JSON events instead of XML (newer firmware offers both). */
    public SimulatedHikvisionCamera withJsonEvents() {
        jsonEvents = true;
        return this;
    }

    public URI isapiBase() {
        return URI.create("http://127.0.0.1:" + isapi.getAddress().getPort());
    }

    /** Where the camera pushes from now on (the booth's listener may only be known after the camera exists). */
    public void pushTo(URI target) {
        this.pushTo = java.util.Objects.requireNonNull(target, "target");
    }

    public SimulatedCameraSide side() {
        return side;
    }

    public DigestGuard digest() {
        return guard;
    }

    public HttpRequestLog requests() {
        return requests;
    }

    /** A car drives up and the camera reads {@code plate} ("" for none): pushed, or kept if the booth is away. */
    public synchronized boolean push(String plate) {
        String uuid = UUID.randomUUID().toString();
        String time = OffsetDateTime.now(clock).withNano(0).toString();
        if (alertStream.attached() > 0) {
            if (alertStream.publish(streamEvent(plate, uuid, time, false))) {
                return true;
            }
        } else if (post(plate, uuid, time, false)) {
            return true;
        }
        if (side.whiteListAllows(plate, LocalDateTime.now(clock))) {
            kept.add(new String[] {plate, uuid, time});
        }
        return false;
    }

    private String heartbeatXml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><EventNotificationAlert version=\"2.0\" "
                + "xmlns=\"http://www.isapi.org/ver20/XMLSchema\"><ipAddress>127.0.0.1</ipAddress><channelID>1"
                + "</channelID><dateTime>" + OffsetDateTime.now(clock).withNano(0) + "</dateTime><activePostCount>0"
                + "</activePostCount><eventType>videoloss</eventType><eventState>inactive</eventState>"
                + "<eventDescription>videoloss alarm</eventDescription></EventNotificationAlert>";
    }

    /** The alert stream's server side (attached booths, stall for deadline tests). */
    public EventStreamServer alertStream() {
        return alertStream;
    }

    /** A booth attached to the alert stream: records kept while none was are re-sent first, flagged. */
    private synchronized void attached() {
        while (!kept.isEmpty()) {
            String[] k = kept.peek();
            if (!alertStream.publish(streamEvent(k[0], k[1], k[2], true))) {
                return;
            }
            kept.poll();
        }
    }

    /** One ANPR event as the alert stream carries it: the XML (announcing two pictures), plate crop, scene. */
    private List<EventStreamServer.Part> streamEvent(String plate, String uuid, String time, boolean retransmission) {
        String p = plate.isEmpty() ? "无车牌" : plate;
        String xml = new String(eventXml(plate, uuid, time, retransmission), StandardCharsets.UTF_8)
                .replace("</eventDescription>", "</eventDescription><picNum>2</picNum>");
        return List.of(EventStreamServer.Part.text("application/xml; charset=\"UTF-8\"", xml),
                new EventStreamServer.Part("image/jpeg", "licensePlatePicture.jpg", PlateImages.plateCrop(p)),
                new EventStreamServer.Part("image/jpeg", "detectionPicture.jpg", PlateImages.scene(p, "SIM-HIK")));
    }

    private byte[] eventXml(String plate, String uuid, String time, boolean retransmission) {
        String p = plate.isEmpty() ? "无车牌" : plate;
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><EventNotificationAlert version=\"2.0\" "
                + "xmlns=\"http://www.isapi.org/ver20/XMLSchema\"><ipAddress>127.0.0.1</ipAddress><portNo>80"
                + "</portNo><protocol>HTTP</protocol><channelID>1</channelID><dateTime>" + time + "</dateTime>"
                + "<activePostCount>1</activePostCount><eventType>ANPR</eventType><eventState>active"
                + "</eventState><eventDescription>ANPR</eventDescription><channelName>SIM</channelName><ANPR>"
                + "<licensePlate>" + p + "</licensePlate><line>1</line><direction>forward</direction>"
                + "<confidenceLevel>" + (plate.isEmpty() ? 0 : 95) + "</confidenceLevel><plateColor>"
                + (plate.isEmpty() ? "unknown" : "blue") + "</plateColor><vehicleType>vehicle</vehicleType>"
                + "</ANPR><UUID>" + uuid + "</UUID><isDataRetransmission>" + retransmission
                + "</isDataRetransmission></EventNotificationAlert>").getBytes(StandardCharsets.UTF_8);
    }

    /** The camera's heartbeat; when the booth answers, kept records are re-sent. */
    public synchronized boolean heartbeat() {
        String xml = heartbeatXml();
        if (!send("application/xml; charset=UTF-8", xml.getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        while (!kept.isEmpty()) {
            String[] k = kept.peek();
            if (!post(k[0], k[1], k[2], true)) {
                return false;
            }
            kept.poll();
        }
        return true;
    }

    private boolean post(String plate, String uuid, String time, boolean retransmission) {
        String p = plate.isEmpty() ? "无车牌" : plate;
        byte[] event;
        String eventType;
        if (jsonEvents) {
            event = ("{\"ipAddress\":\"127.0.0.1\",\"channelID\":1,\"dateTime\":\"" + time + "\",\"eventType\":"
                    + "\"ANPR\",\"eventState\":\"active\",\"UUID\":\"" + uuid + "\",\"isDataRetransmission\":"
                    + retransmission + ",\"ANPR\":{\"licensePlate\":\"" + p + "\",\"confidenceLevel\":"
                    + (plate.isEmpty() ? 0 : 95) + ",\"plateColor\":\"" + (plate.isEmpty() ? "unknown" : "blue")
                    + "\",\"vehicleType\":\"vehicle\"}}").getBytes(StandardCharsets.UTF_8);
            eventType = "application/json";
        } else {
            event = eventXml(plate, uuid, time, retransmission);
            eventType = "application/xml";
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, jsonEvents ? "anpr.json" : "anpr.xml", null, eventType, event);
        part(body, "licensePlatePicture.jpg", "licensePlatePicture.jpg", "image/jpeg", PlateImages.plateCrop(p));
        part(body, "detectionPicture.jpg", "detectionPicture.jpg", "image/jpeg", PlateImages.scene(p, "SIM-HIK"));
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return send("multipart/form-data; boundary=" + BOUNDARY, body.toByteArray());
    }

    private static void part(ByteArrayOutputStream out, String name, String file, String type, byte[] data) {
        String h = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (file == null ? "" : "; filename=\"" + file + "\"") + "\r\nContent-Type: " + type
                + "\r\nContent-Length: " + data.length + "\r\n\r\n";
        out.writeBytes(h.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private boolean send(String contentType, byte[] body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(pushTo).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            LOG.info("sim hikvision: booth not reachable at {}: {}", pushTo, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(1024 * 1024);
            }
            if (!guard.check(ex)) {
                answer(ex, 401, "text/plain", "Unauthorized");
                return;
            }
            String uri = ex.getRequestURI().toString();
            String path = ex.getRequestURI().getPath();
            requests.add(ex.getRequestMethod(), uri, body);
            String text = new String(body, StandardCharsets.UTF_8);
            if (path.equals("/ISAPI/Event/notification/alertStream") && ex.getRequestMethod().equals("GET")) {
                alertStream.serve(ex, this::attached);
                return;
            }
            if (path.matches("/ISAPI/Parking/channels/\\d+/barrierGate") && ex.getRequestMethod().equals("PUT")) {
                Matcher m = CTRL.matcher(text);
                if (!m.find()) {
                    answer(ex, 400, "application/xml", status(4, "Invalid XML Content"));
                    return;
                }
                switch (m.group(1)) {
                    case "open" -> side.relayOpen();
                    case "close" -> side.relayClose();
                    case "lock" -> side.relayHold(true);
                    case "unlock" -> side.relayHold(false);
                    default -> {
                        answer(ex, 400, "application/xml", status(4, "Invalid ctrlMode"));
                        return;
                    }
                }
                answer(ex, 200, "application/xml", status(1, "OK"));
            } else if (path.matches("/ISAPI/Parking/channels/\\d+/barrierGate/barrierGateStatus")) {
                int code = switch (side.gate()) {
                    case OPEN, HELD_OPEN -> 2;
                    case CLOSED -> 1;
                    default -> 0;
                };
                answer(ex, 200, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><BarrierGateStatus "
                        + "version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\"><barrierGateStatus>" + code
                        + "</barrierGateStatus></BarrierGateStatus>");
            } else if (path.matches("/ISAPI/Streaming/channels/\\d+/picture")) {
                byte[] jpg = PlateImages.scene("SNAPSHOT", "SIM-HIK");
                ex.getResponseHeaders().set("Content-Type", "image/jpeg");
                ex.sendResponseHeaders(200, jpg.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(jpg);
                }
            } else if (path.equals("/ISAPI/System/time")) {
                Matcher m = LOCAL_TIME.matcher(text);
                if (m.find()) {
                    side.clockSet(LocalDateTime.parse(m.group(1)));
                }
                answer(ex, 200, "application/xml", status(1, "OK"));
            } else if (path.matches("/ISAPI/Traffic/channels/\\d+/licensePlateAuditData/record")) {
                for (JsonNode n : json.readTree(text).path("LicensePlateInfoList")) {
                    side.whiteListPut(n.path("LicensePlate").asText(), LocalDate.parse(n.path("effectiveStartDate")
                            .asText()).atStartOfDay(), LocalDate.parse(n.path("effectiveTime").asText())
                            .atTime(23, 59, 59));
                }
                answer(ex, 200, "application/json", "{\"statusCode\":1,\"statusString\":\"OK\"}");
            } else if (path.matches("/ISAPI/Traffic/channels/\\d+/DelLicensePlateAuditData")) {
                JsonNode n = json.readTree(text);
                if (n.path("deleteAll").asBoolean(false)) {
                    side.whiteListClear();
                }
                for (JsonNode p : n.path("LicensePlate")) {
                    side.whiteListRemove(p.asText());
                }
                answer(ex, 200, "application/json", "{\"statusCode\":1,\"statusString\":\"OK\"}");
            } else {
                answer(ex, 404, "application/xml", status(4, "Invalid Operation"));
            }
        }
    }

    private static String status(int code, String text) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ResponseStatus version=\"2.0\" "
                + "xmlns=\"http://www.isapi.org/ver20/XMLSchema\"><statusCode>" + code + "</statusCode><statusString>"
                + text + "</statusString></ResponseStatus>";
    }

    private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        SimHttp.answer(ex, status, type, body);
    }

    /** Timestamp format of the camera's dateTime for tests. */
    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Override
    public void close() {
        alertStream.close();
        SimHttp.stop(isapi);
    }
}
