package com.boothdesk.devices.camera;

import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.health.HealthStatus;
import com.boothdesk.devices.health.HealthTracker;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP endpoint for Zhenshi (臻识) LPR cameras in "HTTP push" mode, on the JDK's built-in HTTP server.
 *
 * <p>Accepts {@code POST} of {@code {"AlarmInfoPlate":{...}}} on any path and answers
 * {@code {"Response_AlarmInfoPlate":{...}}}: {@code "info":"ok"} pulses the camera's gate relay and {@code serialData}
 * carries card frames for the camera to write to its RS485 port. Offline re-pushes ({@code isoffline:1}) are answered
 * with {@code ContinuePushOffline} and never open the gate. Duplicates (same camera and {@code plateid}, or the same
 * plate from the same camera within {@link ZhenshiServerOptions#samePlateInterval()}) are answered without calling the
 * handler. Heartbeats (form posts, or JSON without a plate result) only refresh the camera's health and collect queued
 * replies. Peers that are not allowed get 403; malformed bodies get 400 with a JSON error; the server keeps going.
 */
public final class ZhenshiPushServer implements PlateSource {
    private static final Logger LOG = LoggerFactory.getLogger(ZhenshiPushServer.class);
    private static final Logger WIRE = LoggerFactory.getLogger("boothdesk.wire");
    private static final Pattern FORM_SERIAL = Pattern.compile("serialno(?:=|\"\\s*\\r?\\n\\r?\\n)([A-Za-z0-9_.:\\-]+)");
    private static final Pattern BASE64_FIELD = Pattern.compile("(\"image(?:Fragment)?File\"\\s*:\\s*\")([^\"]{64,})\"");

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the camera's delayed ACK and
        // every reply (and so every gate pulse) waits ~40 ms. Read once when the JDK server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final InetSocketAddress bind;
    private final Predicate<InetAddress> allowedPeer;
    private final PlateEventHandler handler;
    private final Clock clock;
    private final ZhenshiServerOptions options;
    private final ObjectMapper json = new ObjectMapper();
    private final HealthTracker health;
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, java.util.Queue<Queued>> queued = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastPlate = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<String, Boolean> seenIds;
    private HttpServer server;
    private ExecutorService pool;
    private ScheduledExecutorService checker;

    private static final class Queued {
        final CameraReply reply;
        final Instant deadline;
        final CompletableFuture<CommandOutcome> done = new CompletableFuture<>();

        Queued(CameraReply reply, Instant deadline) {
            this.reply = reply;
            this.deadline = deadline;
        }
    }

    public ZhenshiPushServer(InetSocketAddress bind, Predicate<InetAddress> allowedPeer, PlateEventHandler handler,
                             Clock clock) {
        this(bind, allowedPeer, handler, clock, ZhenshiServerOptions.DEFAULTS);
    }

    public ZhenshiPushServer(InetSocketAddress bind, Predicate<InetAddress> allowedPeer, PlateEventHandler handler,
                             Clock clock, ZhenshiServerOptions options) {
        this.bind = Objects.requireNonNull(bind, "bind");
        this.allowedPeer = Objects.requireNonNull(allowedPeer, "allowedPeer");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        this.health = new HealthTracker("camera-server:" + bind.getPort(), clock);
        int max = options.rememberedPlateIds();
        this.seenIds = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > max;
            }
        };
    }

    /** A peer filter that accepts exactly these addresses (IP literals or host names, resolved now). */
    public static Predicate<InetAddress> allowOnly(Collection<String> addresses) {
        Set<InetAddress> allowed = new HashSet<>();
        for (String a : addresses) {
            try {
                allowed.add(InetAddress.getByName(a.trim()));
            } catch (UnknownHostException e) {
                LOG.warn("camera address {} cannot be resolved; it will be refused", a);
            }
        }
        return allowed::contains;
    }

    @Override
    public void start() throws IOException {
        server = HttpServer.create(bind, 64);
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "camera-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "camera-health");
            t.setDaemon(true);
            return t;
        });
        checker.scheduleWithFixedDelay(this::refreshHealth, 1, 1, TimeUnit.SECONDS);
        LOG.info("Zhenshi push server listening on {}", server.getAddress());
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("server not started");
        }
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (pool != null) {
            pool.shutdownNow();
        }
        if (checker != null) {
            checker.shutdownNow();
        }
    }

    @Override
    public CompletableFuture<CommandOutcome> queueForCamera(String serialNo, CameraReply reply, Duration window) {
        Objects.requireNonNull(serialNo, "serialNo");
        Objects.requireNonNull(reply, "reply");
        Queued q = new Queued(reply, clock.instant().plus(window));
        queued.computeIfAbsent(serialNo, k -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(q);
        return q.done;
    }

    @Override
    public HealthStatus health() {
        refreshHealth();
        return health.health();
    }

    @Override
    public void addHealthListener(Consumer<HealthStatus> listener) {
        health.addHealthListener(listener);
    }

    /** Health of one camera by serial number: UNKNOWN if never heard, OFFLINE if silent too long. */
    public DeviceHealth cameraHealth(String serialNo) {
        Instant seen = lastSeen.get(serialNo);
        if (seen == null) {
            return DeviceHealth.UNKNOWN;
        }
        return Duration.between(seen, clock.instant()).compareTo(options.staleAfter()) <= 0
                ? DeviceHealth.CONNECTED : DeviceHealth.OFFLINE;
    }

    private void refreshHealth() {
        Instant now = clock.instant();
        for (Map.Entry<String, java.util.Queue<Queued>> e : queued.entrySet()) {
            e.getValue().removeIf(q -> expire(e.getKey(), q, now));
        }
        if (lastSeen.isEmpty()) {
            return;
        }
        List<String> silent = new ArrayList<>();
        for (String serial : lastSeen.keySet()) {
            if (cameraHealth(serial) != DeviceHealth.CONNECTED) {
                silent.add(serial);
            }
        }
        silent.sort(null);
        if (silent.isEmpty()) {
            health.update(DeviceHealth.CONNECTED, lastSeen.size() + " camera(s) pushing");
        } else if (silent.size() < lastSeen.size()) {
            health.update(DeviceHealth.DEGRADED, "silent for more than " + options.staleAfter().toSeconds()
                    + " s: " + silent);
        } else {
            health.update(DeviceHealth.OFFLINE, "no push or heartbeat for more than "
                    + options.staleAfter().toSeconds() + " s from " + silent);
        }
    }

    // ---- request handling --------------------------------------------------------------------------------------

    private static final class Answer {
        final int status;
        final JsonNode body;

        Answer(int status, JsonNode body) {
            this.status = status;
            this.body = body;
        }
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            Answer a;
            InetAddress peer = ex.getRemoteAddress().getAddress();
            try {
                a = answer(ex, peer);
            } catch (RuntimeException e) {
                LOG.error("camera request from {} failed", peer.getHostAddress(), e);
                a = error(500, "internal error");
            }
            byte[] out = json.writeValueAsBytes(a.body);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(a.status, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
            if (WIRE.isDebugEnabled()) {
                WIRE.debug("camera {} <- {} {}", peer.getHostAddress(), a.status, new String(out,
                        StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.debug("could not answer camera: {}", e.getMessage());
        }
    }

    private Answer answer(HttpExchange ex, InetAddress peer) throws IOException {
        String from = peer.getHostAddress();
        if (!allowedPeer.test(peer)) {
            LOG.warn("camera push from {} refused: address not configured", from);
            drain(ex.getRequestBody());
            return error(403, "address " + from + " is not a configured camera");
        }
        if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
            LOG.warn("camera request from {} refused: method {}", from, ex.getRequestMethod());
            return error(405, "only POST is accepted");
        }
        byte[] raw = readLimited(ex.getRequestBody(), options.maxBodyBytes());
        if (raw == null) {
            LOG.warn("camera push from {} refused: body larger than {} bytes", from, options.maxBodyBytes());
            return error(413, "body larger than " + options.maxBodyBytes() + " bytes");
        }
        String contentType = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
        String text = decodeText(raw);
        if (WIRE.isDebugEnabled()) {
            WIRE.debug("camera {} -> {} {}", from, ex.getRequestURI(), elideImages(text));
        }
        if (contentType.contains("multipart/form-data") || contentType.contains("x-www-form-urlencoded")) {
            Matcher m = FORM_SERIAL.matcher(text);
            return heartbeat(m.find() ? m.group(1) : from);
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            LOG.warn("camera push from {} is not JSON ({} bytes): {}", from, raw.length, e.getOriginalMessage());
            return error(400, "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            LOG.warn("camera push from {} is not a JSON object", from);
            return error(400, "expected a JSON object");
        }
        JsonNode alarm = root.get("AlarmInfoPlate");
        if (alarm != null) {
            if (!alarm.isObject()) {
                LOG.warn("camera push from {}: AlarmInfoPlate is not an object", from);
                return error(400, "AlarmInfoPlate must be an object");
            }
            JsonNode result = alarm.path("result").path("PlateResult");
            String serial = alarm.path("serialno").asText("");
            if (result.isMissingNode() && (alarm.has("heartbeat") || !alarm.has("result"))) {
                return heartbeat(serial.isEmpty() ? from : serial);
            }
            return plate(from, alarm, result);
        }
        if (root.has("heartbeat")) {
            return heartbeat(root.path("heartbeat").path("serialno").asText(root.path("serialno").asText(from)));
        }
        if (root.has("AlarmGioIn") || root.has("SerialData")) {
            String serial = root.path(root.has("AlarmGioIn") ? "AlarmGioIn" : "SerialData").path("serialno")
                    .asText(from);
            LOG.info("camera {} reported {}", serial, root.fieldNames().next());
            return heartbeat(serial);
        }
        LOG.warn("camera push from {} has no AlarmInfoPlate (fields {})", from, fieldNames(root));
        return error(400, "unknown payload: expected AlarmInfoPlate");
    }

    private Answer plate(String from, JsonNode alarm, JsonNode result) {
        if (!result.isObject()) {
            LOG.warn("camera push from {}: result.PlateResult missing", from);
            return error(400, "AlarmInfoPlate.result.PlateResult missing");
        }
        JsonNode license = result.get("license");
        if (license == null || !license.isTextual()) {
            LOG.warn("camera push from {}: PlateResult.license missing or not text", from);
            return error(400, "PlateResult.license missing");
        }
        String serial = alarm.path("serialno").asText("");
        if (serial.isEmpty()) {
            serial = from;
        }
        long plateId = result.path("plateid").asLong(-1);
        boolean offline = result.path("isoffline").asInt(0) == 1;
        Instant now = clock.instant();
        lastSeen.put(serial, now);
        Instant readAt = now;
        JsonNode tv = result.path("timeStamp").path("Timeval");
        if (offline && tv.path("sec").canConvertToLong() && tv.path("sec").asLong() > 0) {
            readAt = Instant.ofEpochSecond(tv.path("sec").asLong(), tv.path("usec").asLong(0) * 1000);
        }
        PlateEvent event = new PlateEvent(from, alarm.path("deviceName").asText(""), serial,
                alarm.path("ipaddr").asText(""), license.asText().trim(), result.path("colorType").asInt(0),
                result.path("confidence").asInt(0), plateId, readAt, offline,
                image(result, "imageFile", serial), image(result, "imageFragmentFile", serial));

        String duplicate = duplicateReason(event, now);
        CameraReply reply;
        if (duplicate != null) {
            LOG.info("camera {} plate {} (id {}) ignored: {}", serial, event.plate(), plateId, duplicate);
            reply = CameraReply.none();
        } else {
            reply = callHandler(event);
            if (offline && reply.openGate()) {
                LOG.warn("handler asked to open the gate for offline record {} of camera {}; not sent (too late)",
                        plateId, serial);
                reply = reply.withoutGate();
            }
        }
        if (!offline) {
            reply = reply.merge(takeQueued(serial, now));
        }
        ObjectNode body = replyBody(offline ? reply.withoutGate() : reply);
        if (offline) {
            ObjectNode cont = ((ObjectNode) body.get("Response_AlarmInfoPlate")).putObject("ContinuePushOffline");
            cont.put("plateid", plateId);
            cont.put("continue", 1);
        }
        return new Answer(200, body);
    }

    private CameraReply callHandler(PlateEvent event) {
        try {
            CameraReply r = handler.onPlate(event);
            return r == null ? CameraReply.none() : r;
        } catch (RuntimeException e) {
            LOG.error("plate handler failed for {}; camera gets an empty reply", event, e);
            return CameraReply.none();
        }
    }

    private String duplicateReason(PlateEvent e, Instant now) {
        synchronized (seenIds) {
            if (e.plateId() >= 0) {
                String key = e.serialNo() + "#" + e.plateId();
                if (seenIds.containsKey(key)) {
                    return "plateid already received";
                }
                seenIds.put(key, Boolean.TRUE);
            }
            if (e.offline() || e.noPlate() || options.samePlateInterval().isZero()) {
                return null;
            }
            String key = e.serialNo() + "|" + e.plate();
            Instant prev = lastPlate.get(key);
            lastPlate.put(key, now);
            if (lastPlate.size() > 1000) {
                lastPlate.remove(lastPlate.keySet().iterator().next());
            }
            if (prev != null && Duration.between(prev, now).compareTo(options.samePlateInterval()) < 0) {
                return "same plate within " + options.samePlateInterval().toSeconds() + " s";
            }
            return null;
        }
    }

    private Answer heartbeat(String serial) {
        Instant now = clock.instant();
        lastSeen.put(serial, now);
        LOG.debug("heartbeat from camera {}", serial);
        return new Answer(200, replyBody(takeQueued(serial, now)));
    }

    private CameraReply takeQueued(String serial, Instant now) {
        java.util.Queue<Queued> qs = queued.get(serial);
        if (qs == null) {
            return CameraReply.none();
        }
        CameraReply reply = CameraReply.none();
        Queued q;
        while ((q = qs.poll()) != null) {
            if (!expire(serial, q, now)) {
                reply = reply.merge(q.reply);
                q.done.complete(CommandOutcome.of(CommandOutcome.Status.SENT, "in reply to camera " + serial));
            }
        }
        return reply;
    }

    private static boolean expire(String serial, Queued q, Instant now) {
        if (!now.isAfter(q.deadline)) {
            return false;
        }
        LOG.warn("queued command for camera {} dropped: camera did not call in before its deadline ({})", serial,
                q.reply.openGate() ? "gate open" : "serial data");
        q.done.complete(CommandOutcome.of(CommandOutcome.Status.DROPPED_STALE,
                "camera " + serial + " did not call in before the deadline"));
        return true;
    }

    private ObjectNode replyBody(CameraReply reply) {
        ObjectNode root = json.createObjectNode();
        ObjectNode r = root.putObject("Response_AlarmInfoPlate");
        if (reply.openGate()) {
            r.put("info", "ok");
        }
        if (!reply.serialData().isEmpty()) {
            ArrayNode arr = r.putArray("serialData");
            for (SerialPayload p : reply.serialData()) {
                ObjectNode o = arr.addObject();
                o.put("serialChannel", p.channel());
                byte[] d = p.data();
                o.put("data", Base64.getEncoder().encodeToString(d));
                o.put("dataLen", d.length);
            }
        }
        return root;
    }

    private Answer error(int status, String message) {
        ObjectNode body = json.createObjectNode();
        body.put("error", message);
        body.put("status", status);
        return new Answer(status, body);
    }

    private static byte[] image(JsonNode result, String field, String serial) {
        JsonNode n = result.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            return new byte[0];
        }
        try {
            return Base64.getMimeDecoder().decode(n.asText());
        } catch (IllegalArgumentException e) {
            LOG.warn("camera {} sent an undecodable {}; plate kept without it", serial, field);
            return new byte[0];
        }
    }

    /** Cameras send UTF-8; older firmware sends GBK. Decode strictly as UTF-8 and fall back to GBK. */
    private static String decodeText(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, java.nio.charset.Charset.forName("GBK"));
        }
    }

    private static String elideImages(String text) {
        return BASE64_FIELD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "<"
                + m.group(2).length() + " base64 chars>\""));
    }

    private static List<String> fieldNames(JsonNode root) {
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        return names.size() > 10 ? names.subList(0, 10) : names;
    }

    private static byte[] readLimited(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > max) {
                drain(in);
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[16 * 1024];
        while (in.read(buf) > 0) {
            // discard
        }
    }
}
