package com.boothdesk.devices.sim.dahua;

import com.boothdesk.devices.sim.PlateImages;
import com.boothdesk.devices.sim.camerakit.DigestGuard;
import com.boothdesk.devices.sim.camerakit.EventStreamServer;
import com.boothdesk.devices.sim.camerakit.SimHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.boothdesk.devices.sim.camerakit.HttpRequestLog;
import com.boothdesk.devices.sim.camerakit.SimulatedCameraSide;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Dahua ITC camera: CGI side ({@code trafficSnap.cgi} strobe, {@code snapshot.cgi}, {@code global.cgi} time,
 * {@code recordUpdater.cgi} TrafficRedList) behind strict digest authentication, and the ITSAPI push of
 * {@code TollgateInfo} and {@code KeepAlive} to the booth. A push the booth does not take is decided by the
 * TrafficRedList and kept; {@link #keepAlive()} re-uploads kept records (flagged offline) once the booth answers.
 */
public final class SimulatedDahuaCamera implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedDahuaCamera.class);
    private static final DateTimeFormatter CGI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter SNAP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private volatile URI booth;
    private final String deviceId;
    private final Clock clock;
    private final HttpServer cgi;
    private final DigestGuard guard;
    private final HttpRequestLog requests = new HttpRequestLog();
    private final SimulatedCameraSide side = new SimulatedCameraSide();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong events = new AtomicLong(100);
    private final AtomicLong recNo = new AtomicLong(1);
    private final Map<Long, String> redList = new ConcurrentHashMap<>();
    private final Deque<ObjectNode> kept = new ArrayDeque<>();
    /** The snap stream a booth may attach to (snapManager.cgi?action=attachFileProc); heartbeat every second. */
    private final EventStreamServer snapStream = new EventStreamServer("myboundary", "multipart/x-mixed-replace",
            Duration.ofSeconds(1), () -> List.of(EventStreamServer.Part.text("text/plain", "Heartbeat")));

    /** @param booth the booth's listener base, e.g. {@code http://127.0.0.1:p} */
    public SimulatedDahuaCamera(URI booth, String deviceId, String user, String password, Clock clock)
            throws IOException {
        this.booth = Objects.requireNonNull(booth, "booth");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.guard = new DigestGuard("Login to " + deviceId, user, password, "MD5");
        this.cgi = SimHttp.loopback("sim-dahua-cgi", 4);
        cgi.createContext("/cgi-bin/", this::serve);
        cgi.start();
    }

    public URI cgiBase() {
        return URI.create("http://127.0.0.1:" + cgi.getAddress().getPort());
    }

    /** Where the camera pushes from now on (the booth's listener may only be known after the camera exists). */
    public void pushTo(URI target) {
        this.booth = java.util.Objects.requireNonNull(target, "target");
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

    /** A car drives up ("" = read without a plate): pushed, or kept if the booth is away. */
    public synchronized boolean push(String plate) {
        ObjectNode body = tollgate(plate);
        if (snapStream.attached() > 0) {
            if (snapStream.publish(streamEvent(body))) {
                return true;
            }
        } else if (post("/NotificationInfo/TollgateInfo", body)) {
            return true;
        }
        if (side.whiteListAllows(plate, LocalDateTime.now(clock))) {
            ((ObjectNode) body.path("Picture").path("SnapInfo")).put("OfflineFlag", true);
            kept.add(body);
        }
        return false;
    }

    /** The snap stream's server side (attached booths, stall for deadline tests). */
    public EventStreamServer snapStream() {
        return snapStream;
    }

    /**
     * One traffic snap as the stream carries it: the {@code Events[0].key=value} text, then the scene JPEG. Records
     * kept while no booth was attached are not re-sent over the stream (the camera re-uploads them by ITSAPI push).
     */
    private List<EventStreamServer.Part> streamEvent(ObjectNode tollgate) {
        JsonNode pic = tollgate.path("Picture");
        JsonNode plate = pic.path("Plate");
        String text = "Events[0].EventBaseInfo.Code=TrafficJunction\r\n"
                + "Events[0].EventBaseInfo.Action=Pulse\r\n"
                + "Events[0].EventBaseInfo.Index=0\r\n"
                + "Events[0].EventID=" + pic.path("SnapInfo").path("EventID").asLong() + "\r\n"
                + "Events[0].LocaleTime=" + pic.path("SnapInfo").path("AccurateTime").asText().substring(0, 19) + "\r\n"
                + "Events[0].TrafficCar.PlateNumber=" + plate.path("PlateNumber").asText() + "\r\n"
                + "Events[0].TrafficCar.PlateColor=" + plate.path("PlateColor").asText() + "\r\n"
                + "Events[0].Object.Text=" + plate.path("PlateNumber").asText() + "\r\n"
                + "Events[0].Object.Confidence=" + plate.path("Confidence").asInt() + "\r\n"
                + "Events[0].Vehicle.Category=" + pic.path("Vehicle").path("VehicleType").asText() + "\r\n";
        return List.of(EventStreamServer.Part.text("text/plain", text), new EventStreamServer.Part("image/jpeg",
                Base64.getDecoder().decode(pic.path("NormalPic").path("Content").asText())));
    }

    public synchronized boolean keepAlive() {
        ObjectNode hb = json.createObjectNode();
        hb.put("DeviceID", deviceId);
        hb.put("Time", CGI_TIME.format(LocalDateTime.now(clock)));
        if (!post("/NotificationInfo/KeepAlive", hb)) {
            return false;
        }
        while (!kept.isEmpty()) {
            if (!post("/NotificationInfo/TollgateInfo", kept.peek())) {
                return false;
            }
            kept.poll();
        }
        return true;
    }

    private ObjectNode tollgate(String plate) {
        ObjectNode root = json.createObjectNode();
        ObjectNode pic = root.putObject("Picture");
        ObjectNode p = pic.putObject("Plate");
        p.put("PlateNumber", plate);
        p.put("PlateColor", plate.isEmpty() ? "Unknown" : "Blue");
        p.put("PlateType", "Normal");
        p.put("Confidence", plate.isEmpty() ? 0 : 93);
        p.put("IsExist", !plate.isEmpty());
        p.put("Channel", 0);
        p.put("UploadNum", 1);
        pic.putObject("Vehicle").put("VehicleType", "SaloonCar").put("VehicleColor", "White");
        pic.putObject("NormalPic").put("PicName", "normal.jpg").put("Content",
                Base64.getEncoder().encodeToString(PlateImages.scene(plate.isEmpty() ? "无牌" : plate, "SIM-DH")));
        pic.putObject("CutoutPic").put("PicName", "plate.jpg").put("Content",
                Base64.getEncoder().encodeToString(PlateImages.plateCrop(plate.isEmpty() ? "无牌" : plate)));
        ObjectNode snap = pic.putObject("SnapInfo");
        snap.put("DeviceID", deviceId);
        snap.put("AccurateTime", SNAP.format(LocalDateTime.now(clock)));
        snap.put("Direction", "Approach");
        snap.put("EventID", events.incrementAndGet());
        return root;
    }

    private boolean post(String path, ObjectNode body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(booth.resolve(path))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            LOG.info("sim dahua: booth not reachable at {}: {}", booth, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            SimHttp.body(ex, 64 * 1024);
            if (!guard.check(ex)) {
                answer(ex, 401, "Error\r\nUnauthorized");
                return;
            }
            requests.add(ex.getRequestMethod(), ex.getRequestURI().toString(), new byte[0]);
            Map<String, String> q = SimHttp.query(ex.getRequestURI().getRawQuery());
            String path = ex.getRequestURI().getPath();
            String action = q.getOrDefault("action", "");
            if (path.equals("/cgi-bin/snapManager.cgi") && action.equals("attachFileProc")) {
                if (!"[TrafficJunction]".equals(q.get("Events")) || !"Event".equals(q.get("Flags[0]"))) {
                    answer(ex, 400, "Error\r\nBad Request!");
                    return;
                }
                snapStream.serve(ex, () -> { });
                return;
            }
            if (path.equals("/cgi-bin/trafficSnap.cgi") && action.equals("openStrobe")) {
                side.relayOpen();
                answer(ex, 200, "OK");
            } else if (path.equals("/cgi-bin/trafficSnap.cgi") && action.equals("closeStrobe")) {
                side.relayClose();
                answer(ex, 200, "OK");
            } else if (path.equals("/cgi-bin/snapshot.cgi")) {
                byte[] jpg = PlateImages.scene("SNAPSHOT", "SIM-DH");
                ex.getResponseHeaders().set("Content-Type", "image/jpeg");
                ex.sendResponseHeaders(200, jpg.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(jpg);
                }
            } else if (path.equals("/cgi-bin/global.cgi") && action.equals("setCurrentTime")) {
                side.clockSet(LocalDateTime.parse(q.get("time"), CGI_TIME));
                answer(ex, 200, "OK");
            } else if (path.equals("/cgi-bin/global.cgi") && action.equals("getCurrentTime")) {
                answer(ex, 200, "result=" + CGI_TIME.format(LocalDateTime.now(clock)));
            } else if (path.equals("/cgi-bin/recordUpdater.cgi") && "TrafficRedList".equals(q.get("name"))) {
                switch (action) {
                    case "insert" -> {
                        long n = recNo.getAndIncrement();
                        redList.put(n, q.get("PlateNumber"));
                        side.whiteListPut(q.get("PlateNumber"), LocalDateTime.parse(q.get("BeginTime"), CGI_TIME),
                                LocalDateTime.parse(q.get("CancelTime"), CGI_TIME));
                        answer(ex, 200, "RecNo=" + n);
                    }
                    case "remove" -> {
                        String plate = redList.remove(Long.parseLong(q.get("recno")));
                        if (plate == null) {
                            answer(ex, 400, "Error\r\nBad Request!");
                            return;
                        }
                        side.whiteListRemove(plate);
                        answer(ex, 200, "OK");
                    }
                    case "clear" -> {
                        redList.clear();
                        side.whiteListClear();
                        answer(ex, 200, "OK");
                    }
                    default -> answer(ex, 400, "Error\r\nBad Request!");
                }
            } else {
                answer(ex, 400, "Error\r\nBad Request!");
            }
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        SimHttp.answer(ex, status, "text/plain;charset=utf-8", body + "\r\n");
    }

    @Override
    public void close() {
        snapStream.close();
        SimHttp.stop(cgi);
    }
}
