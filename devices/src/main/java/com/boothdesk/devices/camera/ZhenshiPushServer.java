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
import com.boothdesk.devices.camera.http.HttpFrontDoor;
import com.boothdesk.devices.camera.http.HttpRequest;
import com.boothdesk.devices.camera.http.HttpRequestHead;
import com.boothdesk.devices.camera.http.HttpResponse;
import com.boothdesk.devices.camera.http.HttpRoute;
import com.boothdesk.devices.util.LogSafe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
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
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP endpoint for Zhenshi (臻识) LPR cameras in "HTTP push" mode, mounted on an {@link HttpFrontDoor} (deadlines on
 * every read, bounded connections per peer and in total, the allow-list decided at accept).
 *
 * <p>Accepts {@code POST} of {@code {"AlarmInfoPlate":{...}}} on any path and answers
 * {@code {"Response_AlarmInfoPlate":{...}}}: {@code "info":"ok"} pulses the camera's gate relay and {@code serialData}
 * carries card frames for the camera to write to its RS485 port. Offline re-pushes ({@code isoffline:1}) are answered
 * with {@code ContinuePushOffline} and never open the gate. Duplicates (same camera and {@code plateid}, or the same
 * plate from the same camera within {@link ZhenshiServerOptions#samePlateInterval()}) are answered without calling the
 * handler. Heartbeats (form posts, or JSON without a plate result) only refresh the camera's health and collect queued
 * replies. Peers that are not allowed get 403 before their request is read; malformed bodies get 400 with a JSON
 * error; the server keeps going.
 *
 * <p>Bounded from outside: once cameras are {@linkplain #registerCamera registered}, identity and health are kept
 * only for them (a push is matched by {@code serialno}, then the {@code ipaddr} it reports, then the peer address);
 * pushes from any other camera are counted ({@link #unknownCameraPushes()}), answered empty and not stored. With no
 * camera registered the server keeps at most {@value #OPEN_MODE_CAMERAS} cameras. Every string from a camera is cut to
 * its width before it is kept or logged: plate {@value #PLATE_WIDTH}, serial number, device name and address
 * {@value #ID_WIDTH} characters; images are bounded by {@link ZhenshiServerOptions#maxImageBytes()}.
 */
public final class ZhenshiPushServer implements PlateSource {
    private static final Logger LOG = LoggerFactory.getLogger(ZhenshiPushServer.class);
    /**
     * The gate-state field of newer firmware (interface v1.8.9 "增加道闸状态字段"). INFERRED: its name and values were
     * not in the public copies of the document; read wherever it appears in a push or heartbeat, as 0 no signal,
     * 1 closed, 2 open, 3 fault (the values of Hikvision's barrierGateStatus, plus a fault). Check against the
     * firmware's document before a site relies on it.
     */
    public static final String GATE_FIELD = "gateStatus";
    private static final Logger WIRE = LoggerFactory.getLogger("boothdesk.wire");
    private static final Pattern FORM_SERIAL = Pattern.compile("serialno(?:=|\"\\s*\\r?\\n\\r?\\n)([A-Za-z0-9_.:\\-]{1,64})");
    /** Widest plate text kept (longer reads are cut; the cloud's {@code car_number} holds 8). */
    public static final int PLATE_WIDTH = 16;
    /** Widest serial number, device name or address kept. */
    public static final int ID_WIDTH = 64;
    /** Largest heartbeat form (multipart or url-encoded) accepted. */
    public static final int MAX_FORM_BYTES = 64 * 1024;
    /** Largest RS485 chunk a camera may relay in one {@code SerialData} push. */
    public static final int MAX_SERIAL_BYTES = 4096;
    /** Cameras remembered when none is registered. */
    public static final int OPEN_MODE_CAMERAS = 64;
    private static final int WIRE_LOG_WIDTH = 4096;
    private static final AtomicLong IMPOSSIBLE_TIMES = new AtomicLong();

    private final InetSocketAddress bind;
    private final Predicate<InetAddress> allowedPeer;
    private final PlateEventHandler handler;
    private final Clock clock;
    private final ZhenshiServerOptions options;
    private final ObjectMapper json = new ObjectMapper();
    private final HealthTracker health;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, java.util.Queue<Queued>> queued = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastPlate = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<String, Boolean> seenIds;
    private final Map<String, com.boothdesk.devices.gate.GateState> gateStates = new ConcurrentHashMap<>();
    private final java.util.List<java.util.function.BiConsumer<String, com.boothdesk.devices.gate.GateState>>
            gateListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, java.util.function.Consumer<SerialPayload>> serialReceivers = new ConcurrentHashMap<>();
    private final AtomicLong unknownPushes = new AtomicLong();
    private final AtomicLong cutValues = new AtomicLong();
    private final AtomicLong badPushes = new AtomicLong();
    private HttpFrontDoor door;
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
                LOG.warn("camera address {} cannot be resolved; it will be refused", LogSafe.text(a, ID_WIDTH));
            }
        }
        return allowed::contains;
    }

    /**
     * Declares a configured camera by its serial number or address (as in the lane's configuration). Once any camera
     * is registered, only registered cameras are remembered, tracked for health and passed to the handler.
     */
    public void registerCamera(String serialOrAddress) {
        String id = Objects.requireNonNull(serialOrAddress, "serialOrAddress").trim();
        if (id.isEmpty() || id.length() > ID_WIDTH) {
            throw new IllegalArgumentException("camera id must be 1.." + ID_WIDTH + " characters: "
                    + LogSafe.text(id, ID_WIDTH));
        }
        registered.add(id);
        lastSeen.keySet().removeIf(k -> !registered.contains(k));
    }

    /** Pushes and heartbeats from cameras that are not registered (or beyond the open-mode bound) so far. */
    public long unknownCameraPushes() {
        return unknownPushes.get();
    }

    /** Cameras whose identity and last contact are held (never more than the registered ones). */
    public int rememberedCameras() {
        return lastSeen.size();
    }

    /** Connection counters of the front door. */
    public HttpFrontDoor.Stats doorStats() {
        if (door == null) {
            throw new IllegalStateException("server not started");
        }
        return door.stats();
    }

    @Override
    public void start() throws IOException {
        door = new HttpFrontDoor("camera-" + bind.getPort(), bind, allowedPeer, options.door())
                .onRefusedPeer(peer -> HttpResponse.error(403, "address " + peer.getHostAddress()
                        + " is not a configured camera"))
                .mount("/", new PushRoute());
        door.start();
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "camera-health");
            t.setDaemon(true);
            return t;
        });
        checker.scheduleWithFixedDelay(this::refreshHealth, 1, 1, TimeUnit.SECONDS);
        LOG.info("Zhenshi push server listening on {}:{}", bind.getHostString(), door.port());
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        if (door == null) {
            throw new IllegalStateException("server not started");
        }
        return door.port();
    }

    @Override
    public void close() {
        if (door != null) {
            door.close();
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
        int total = 0;
        for (String serial : lastSeen.keySet()) {
            total++;
            if (cameraHealth(serial) != DeviceHealth.CONNECTED) {
                silent.add(serial);
            }
        }
        silent.sort(null);
        String names = silent.size() <= 10 ? silent.toString()
                : silent.subList(0, 10) + " and " + (silent.size() - 10) + " more";
        if (silent.isEmpty()) {
            health.update(DeviceHealth.CONNECTED, total + " camera(s) pushing");
        } else if (silent.size() < total) {
            health.update(DeviceHealth.DEGRADED, "silent for more than " + options.staleAfter().toSeconds()
                    + " s: " + names);
        } else {
            health.update(DeviceHealth.OFFLINE, "no push or heartbeat for more than "
                    + options.staleAfter().toSeconds() + " s from " + names);
        }
    }

    // ---- request handling --------------------------------------------------------------------------------------

    /** The Zhenshi push protocol as a route of the front door. */
    private final class PushRoute implements HttpRoute {
        @Override
        public HttpResponse beforeBody(HttpRequestHead head) {
            if (!"POST".equals(head.method())) {
                note(badPushes, "camera request from {} refused: method {}", head.peer().getHostAddress(),
                        LogSafe.text(head.method(), 16));
                return HttpResponse.error(405, "only POST is accepted");
            }
            return null;
        }

        @Override
        public int maxBodyBytes(HttpRequestHead head) {
            return isForm(head.mediaType()) ? MAX_FORM_BYTES : options.maxBodyBytes();
        }

        @Override
        public HttpResponse handle(HttpRequest request) {
            HttpRequestHead head = request.head();
            String from = head.peer().getHostAddress();
            Answer a;
            try {
                a = answer(head, request.body(), from);
            } catch (RuntimeException e) {
                LOG.error("camera request from {} failed", from, e);
                a = error(500, "internal error");
            }
            byte[] out;
            try {
                out = json.writeValueAsBytes(a.body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("reply not serialisable", e);
            }
            if (WIRE.isDebugEnabled()) {
                WIRE.debug("camera {} <- {} {}", from, a.status, LogSafe.text(new String(out,
                        StandardCharsets.UTF_8), WIRE_LOG_WIDTH));
            }
            return HttpResponse.json(a.status, out).onDelivery(a.delivery);
        }
    }

    private static boolean isForm(String mediaType) {
        return mediaType.equals("multipart/form-data") || mediaType.equals("application/x-www-form-urlencoded");
    }

    private static final class Answer {
        final int status;
        final JsonNode body;
        final java.util.function.Consumer<Boolean> delivery;

        Answer(int status, JsonNode body) {
            this(status, body, sent -> { });
        }

        Answer(int status, JsonNode body, java.util.function.Consumer<Boolean> delivery) {
            this.status = status;
            this.body = body;
            this.delivery = delivery;
        }
    }

    /** Queued replies taken for one answer: completed SENT once it went out, LINK_DOWN if it could not. */
    private static final class Taken {
        static final Taken NONE = new Taken(CameraReply.none(), List.of(), "");
        final CameraReply reply;
        final List<Queued> items;
        final String camera;

        Taken(CameraReply reply, List<Queued> items, String camera) {
            this.reply = reply;
            this.items = items;
            this.camera = camera;
        }

        void delivered(boolean sent) {
            for (Queued q : items) {
                q.done.complete(sent
                        ? CommandOutcome.of(CommandOutcome.Status.SENT, "in the reply to camera " + camera)
                        : CommandOutcome.of(CommandOutcome.Status.LINK_DOWN, "the connection to camera " + camera
                                + " broke before the reply went out"));
            }
        }
    }

    private Answer answer(HttpRequestHead head, byte[] raw, String from) {
        GATE_FIELD_OF_REQUEST.remove();
        // one pass over the bytes for the charset; the body is parsed from its bytes (no ~20 KB String on the lane
        // path) and only the wire log's text, without the pictures, is ever decoded (PushBytes)
        Charset cs = PushBytes.charsetOf(raw);
        if (WIRE.isDebugEnabled()) {
            WIRE.debug("camera {} -> {} {}", from, LogSafe.text(head.target(), 256),
                    LogSafe.text(PushBytes.elideImages(raw, cs), WIRE_LOG_WIDTH));
        }
        if (isForm(head.mediaType())) {
            Matcher m = FORM_SERIAL.matcher(new String(raw, cs));
            return heartbeat(m.find() ? m.group(1) : "", "", from);
        }
        JsonNode root;
        try {
            root = cs == StandardCharsets.UTF_8 ? json.readTree(raw) : json.readTree(new String(raw, cs));
        } catch (JsonProcessingException e) {
            String why = LogSafe.text(e.getOriginalMessage(), 160);
            note(badPushes, "camera push from {} is not JSON ({} bytes): {}", from, raw.length, why);
            return error(400, "malformed JSON: " + why);
        } catch (IOException e) {
            // readTree(byte[]) declares it; reading from memory it is only ever a parse problem
            note(badPushes, "camera push from {} could not be read as JSON ({} bytes): {}", from, raw.length,
                    LogSafe.text(e.getMessage(), 160));
            return error(400, "malformed JSON");
        }
        if (root == null || !root.isObject()) {
            note(badPushes, "camera push from {} is not a JSON object", from);
            return error(400, "expected a JSON object");
        }
        setGateField(root.findValue(GATE_FIELD));
        JsonNode alarm = root.get("AlarmInfoPlate");
        if (alarm != null) {
            if (!alarm.isObject()) {
                note(badPushes, "camera push from {}: AlarmInfoPlate is not an object", from);
                return error(400, "AlarmInfoPlate must be an object");
            }
            JsonNode result = alarm.path("result").path("PlateResult");
            if (result.isMissingNode() && (alarm.has("heartbeat") || !alarm.has("result"))) {
                return heartbeat(text(alarm, "serialno"), text(alarm, "ipaddr"), from);
            }
            return plate(from, alarm, result);
        }
        if (root.has("heartbeat")) {
            JsonNode hb = root.path("heartbeat");
            String serial = text(hb, "serialno");
            return heartbeat(serial.isEmpty() ? text(root, "serialno") : serial, text(hb, "ipaddr"), from);
        }
        if (root.has("SerialData")) {
            return serialData(root.path("SerialData"), from);
        }
        if (root.has("AlarmGioIn")) {
            String serial = text(root.path("AlarmGioIn"), "serialno");
            LOG.debug("camera {} reported AlarmGioIn", LogSafe.text(serial.isEmpty() ? from : serial));
            return heartbeat(serial, text(root.path("AlarmGioIn"), "ipaddr"), from);
        }
        note(badPushes, "camera push from {} has no AlarmInfoPlate (fields {})", from, fieldNames(root));
        return error(400, "unknown payload: expected AlarmInfoPlate");
    }

    /** A text field cut to {@link #ID_WIDTH}; "" when absent or not a scalar. */
    private String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isValueNode() || n.isNull()) {
            return "";
        }
        return cut(n.asText(""), ID_WIDTH, field);
    }

    private String cut(String value, int width, String what) {
        String v = value.trim();
        if (v.length() > width) {
            note(cutValues, "camera field {} of {} chars cut to {}: {}", what, v.length(), width,
                    LogSafe.text(v, width));
            return LogSafe.cut(v, width);
        }
        return v;
    }

    /**
     * The id under which a camera is known: a registered serial, reported address or peer address; with no camera
     * registered the serial (or the peer) while fewer than {@value #OPEN_MODE_CAMERAS} are held; else null.
     */
    private String identify(String serial, String ipAddr, String peer) {
        if (registered.isEmpty()) {
            String id = serial.isEmpty() ? peer : serial;
            if (lastSeen.containsKey(id) || lastSeen.size() < OPEN_MODE_CAMERAS) {
                return id;
            }
            return null;
        }
        if (!serial.isEmpty() && registered.contains(serial)) {
            return serial;
        }
        if (!ipAddr.isEmpty() && registered.contains(ipAddr)) {
            return ipAddr;
        }
        return registered.contains(peer) ? peer : null;
    }

    private Answer unknown(String serial, String ipAddr, String from, String what) {
        long n = unknownPushes.incrementAndGet();
        if (n <= 5 || n % 1000 == 0) {
            LOG.warn("{} from a camera that is not configured (serialno={}, ipaddr={}, peer={}) answered empty and "
                    + "not stored ({} so far)", what, LogSafe.text(serial, ID_WIDTH), LogSafe.text(ipAddr, ID_WIDTH),
                    from, n);
        }
        return new Answer(200, replyBody(CameraReply.none()));
    }

    private Answer plate(String from, JsonNode alarm, JsonNode result) {
        if (!result.isObject()) {
            note(badPushes, "camera push from {}: result.PlateResult missing", from);
            return error(400, "AlarmInfoPlate.result.PlateResult missing");
        }
        JsonNode license = result.get("license");
        if (license == null || !license.isTextual()) {
            note(badPushes, "camera push from {}: PlateResult.license missing or not text", from);
            return error(400, "PlateResult.license missing");
        }
        String serialField = text(alarm, "serialno");
        String ipAddr = text(alarm, "ipaddr");
        String serial = identify(serialField, ipAddr, from);
        if (serial == null) {
            return unknown(serialField, ipAddr, from, "plate push");
        }
        long plateId = result.path("plateid").asLong(-1);
        boolean offline = result.path("isoffline").asInt(0) == 1;
        if (!offline) {
            noteGate(serial); // an offline record's state is history
        }
        Instant now = clock.instant();
        lastSeen.put(serial, now);
        JsonNode tv = result.path("timeStamp").path("Timeval");
        Instant cameraTime = null;
        if (tv.path("sec").canConvertToLong() && tv.path("sec").asLong() > 0) {
            cameraTime = epochOrNull(tv.path("sec").asLong(), tv.path("usec").asLong(0), serial);
        }
        // live reads are timed by the booth; an offline re-push by the camera, and when the camera gave no usable
        // time the event says so (cameraTimeUnknown) instead of passing the receive time off as the camera's
        Instant readAt = offline && cameraTime != null ? cameraTime : now;
        String plate = cut(license.asText(), PLATE_WIDTH, "license");
        int plateType = result.path("type").canConvertToInt() ? result.path("type").asInt() : PlateEvent.NO_TYPE;
        PlateEvent event = new PlateEvent(from, text(alarm, "deviceName"), serialField.isEmpty() ? from : serialField,
                ipAddr, plate,
                result.path("colorType").asInt(0), result.path("confidence").asInt(0), plateId, readAt, offline,
                image(result, "imageFile", serial), image(result, "imageFragmentFile", serial), "", cameraTime,
                plateType, noPlateType(plateType, plate));

        String duplicate = duplicateReason(serial, event, now);
        CameraReply reply;
        boolean handled = duplicate == null;
        if (duplicate != null) {
            LOG.info("camera {} plate {} (id {}) ignored: {}", LogSafe.text(serial, ID_WIDTH),
                    LogSafe.text(event.plate(), PLATE_WIDTH), plateId, duplicate);
            reply = CameraReply.none();
        } else {
            try {
                reply = callHandler(event);
            } catch (HandlerFailed f) {
                // the read was not taken (e.g. the booth's intake journal could not be written): the camera must
                // not be told it was, so it is answered 500 and its re-push of the same plateid is taken again
                forget(serial, event);
                return error(500, "plate read not recorded; push again");
            }
            if (offline && reply.openGate()) {
                note(badPushes, "handler asked to open the gate for offline record {} of camera {}; not sent "
                        + "(too late)", plateId, LogSafe.text(serial, ID_WIDTH));
                reply = reply.withoutGate();
            }
        }
        Taken taken = offline ? Taken.NONE : takeQueued(serial, now);
        if (offline && !reply.serialData().isEmpty()) {
            // frames for a passage that happened while the booth was away (a card-relay open among them) are stale
            LOG.info("camera {} offline record {}: the handler's {} card frame(s) not sent (the car is long gone)",
                    LogSafe.text(serial, ID_WIDTH), plateId, reply.serialData().size());
        }
        CameraReply sentReply = offline ? CameraReply.none() : reply.merge(taken.reply);
        ObjectNode body = replyBody(sentReply);
        if (offline) {
            ObjectNode cont = ((ObjectNode) body.get("Response_AlarmInfoPlate")).putObject("ContinuePushOffline");
            cont.put("plateid", plateId);
            cont.put("continue", 1);
        }
        return new Answer(200, body, sent -> {
            taken.delivered(sent);
            if (handled) {
                try {
                    handler.onReplySent(event, sentReply, sent);
                } catch (RuntimeException e) {
                    LOG.error("plate handler failed on the delivery of its reply to {}", event, e);
                }
            }
        });
    }

    /** The camera's own timestamp, or null (time unknown) when it is outside what an Instant holds. */
    private static Instant epochOrNull(long sec, long usec, String serial) {
        try {
            return Instant.ofEpochSecond(sec, Math.floorMod(usec, 1_000_000L) * 1000);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            note(IMPOSSIBLE_TIMES, "camera {} sent an impossible timestamp {}; its time is taken as unknown",
                    LogSafe.text(serial, ID_WIDTH), sec);
            return null;
        }
    }

    /**
     * Zhenshi {@code PlateResult.type} 0 is "未知车牌" (no plate type found). With a license that holds no plate
     * (no letter or digit besides the camera's placeholder, e.g. "*****", "-", "???") it is a car without a plate; a
     * type 0 with a readable license stays a plate read (the text is what the camera read).
     */
    static boolean noPlateType(int type, String license) {
        if (type != 0) {
            return false;
        }
        String p = license.replace("_无_", "").replace("无", "");
        return p.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    /** The handler threw: the read is not the booth's, so the camera gets a 500 and re-pushes it. */
    private static final class HandlerFailed extends Exception {
        HandlerFailed(RuntimeException cause) {
            super(cause);
        }
    }

    private CameraReply callHandler(PlateEvent event) throws HandlerFailed {
        try {
            CameraReply r = handler.onPlate(event);
            return r == null ? CameraReply.none() : r;
        } catch (RuntimeException e) {
            LOG.error("plate handler failed for {}; camera answered 500 so that it pushes the read again", event, e);
            throw new HandlerFailed(e);
        }
    }

    /** Undoes what {@link #duplicateReason} remembered of a read the handler did not take. */
    private void forget(String camera, PlateEvent e) {
        synchronized (seenIds) {
            if (e.plateId() >= 0) {
                seenIds.remove(camera + "#" + e.plateId());
            }
            lastPlate.remove(camera + "|" + e.plate());
        }
    }

    private String duplicateReason(String camera, PlateEvent e, Instant now) {
        synchronized (seenIds) {
            if (e.plateId() >= 0) {
                String key = camera + "#" + e.plateId();
                if (seenIds.containsKey(key)) {
                    return "plateid already received";
                }
                seenIds.put(key, Boolean.TRUE);
            }
            if (e.offline() || e.noPlate() || options.samePlateInterval().isZero()) {
                return null;
            }
            String key = camera + "|" + e.plate();
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

    /** The gate-state field of the request being answered (requests are answered one per thread). */
    private static final ThreadLocal<JsonNode> GATE_FIELD_OF_REQUEST = new ThreadLocal<>();

    private void setGateField(JsonNode n) {
        GATE_FIELD_OF_REQUEST.set(n);
    }

    /** Records the camera's reported barrier position, if the request carried one. */
    private void noteGate(String serial) {
        JsonNode n = GATE_FIELD_OF_REQUEST.get();
        GATE_FIELD_OF_REQUEST.remove();
        if (n == null || n.isMissingNode() || n.isNull()) {
            return;
        }
        com.boothdesk.devices.gate.GateState st = switch (n.asText("").trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "closed", "close" -> com.boothdesk.devices.gate.GateState.CLOSED;
            case "2", "open", "opened" -> com.boothdesk.devices.gate.GateState.OPEN;
            case "3", "fault", "error" -> com.boothdesk.devices.gate.GateState.FAULT;
            default -> com.boothdesk.devices.gate.GateState.UNKNOWN;
        };
        com.boothdesk.devices.gate.GateState before = gateStates.put(serial, st);
        if (before != st) {
            LOG.info("camera {} reports its barrier {}", LogSafe.text(serial, ID_WIDTH), st);
        }
        for (var l : gateListeners) {
            try {
                l.accept(serial, st);
            } catch (RuntimeException e) {
                LOG.error("gate-state listener failed", e);
            }
        }
    }

    @Override
    public com.boothdesk.devices.gate.GateState gateState(String serialNo) {
        return gateStates.getOrDefault(serialNo, com.boothdesk.devices.gate.GateState.UNKNOWN);
    }

    @Override
    public void addGateStateListener(java.util.function.BiConsumer<String, com.boothdesk.devices.gate.GateState> l) {
        gateListeners.add(Objects.requireNonNull(l, "listener"));
    }

    /**
     * {@code {"SerialData":{"serialno","ipaddr","serialChannel":0|1,"data":<base64>,"dataLen":n}}}: bytes the camera
     * received on its RS485 port (the card's answers), pushed when the camera's "串口数据推送" is on. INFERRED: the
     * field names mirror the reply's {@code serialData} items (the public copies of the document name the push
     * only); {@code channel} is read when {@code serialChannel} is absent. At most {@value #MAX_SERIAL_BYTES} bytes;
     * a bad item is logged and answered 400, the camera's queued replies wait for its next call.
     */
    private Answer serialData(JsonNode sd, String from) {
        if (!sd.isObject()) {
            note(badPushes, "camera push from {}: SerialData is not an object", from);
            return error(400, "SerialData must be an object");
        }
        String serialField = text(sd, "serialno");
        String ipAddr = text(sd, "ipaddr");
        String serial = identify(serialField, ipAddr, from);
        if (serial == null) {
            return unknown(serialField, ipAddr, from, "serial data");
        }
        JsonNode ch = sd.has("serialChannel") ? sd.get("serialChannel") : sd.path("channel");
        int channel = ch.canConvertToInt() ? ch.asInt() : 0;
        JsonNode data = sd.get("data");
        if (channel < 0 || channel > 1 || data == null || !data.isTextual()) {
            note(badPushes, "camera {} pushed SerialData without a channel 0/1 and base64 data", LogSafe.text(serial,
                    ID_WIDTH));
            return error(400, "SerialData needs serialChannel 0|1 and base64 data");
        }
        if ((long) data.asText().length() * 3 / 4 > MAX_SERIAL_BYTES + 2) {
            note(badPushes, "camera {} pushed {} base64 chars of SerialData, more than {} bytes; dropped",
                    LogSafe.text(serial, ID_WIDTH), data.asText().length(), MAX_SERIAL_BYTES);
            return error(400, "SerialData longer than " + MAX_SERIAL_BYTES + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data.asText().trim());
        } catch (IllegalArgumentException e) {
            note(badPushes, "camera {} pushed SerialData that is not base64", LogSafe.text(serial, ID_WIDTH));
            return error(400, "SerialData.data is not base64");
        }
        if (sd.path("dataLen").canConvertToInt() && sd.path("dataLen").asInt() != bytes.length) {
            note(badPushes, "camera {} SerialData dataLen {} but {} bytes decoded; the bytes are kept",
                    LogSafe.text(serial, ID_WIDTH), sd.path("dataLen").asInt(), bytes.length);
        }
        java.util.function.Consumer<SerialPayload> r = serialReceivers.get(serial);
        if (r == null && !serialField.isEmpty()) {
            r = serialReceivers.get(serialField);
        }
        if (r != null && bytes.length > 0) {
            try {
                r.accept(new SerialPayload(channel, bytes));
            } catch (RuntimeException e) {
                LOG.error("serial receiver of camera {} failed", LogSafe.text(serial, ID_WIDTH), e);
            }
        } else if (bytes.length > 0) {
            LOG.debug("camera {} relayed {} RS485 bytes nobody reads", LogSafe.text(serial, ID_WIDTH), bytes.length);
        }
        return heartbeat(serialField.isEmpty() ? serial : serialField, ipAddr, from);
    }

    @Override
    public void onSerialReceived(String serialNo, java.util.function.Consumer<SerialPayload> receiver) {
        serialReceivers.put(Objects.requireNonNull(serialNo, "serialNo"), Objects.requireNonNull(receiver,
                "receiver"));
    }

    private Answer heartbeat(String serialField, String ipAddr, String from) {
        String serial = identify(serialField, ipAddr, from);
        if (serial == null) {
            return unknown(serialField, ipAddr, from, "heartbeat");
        }
        noteGate(serial);
        Instant now = clock.instant();
        lastSeen.put(serial, now);
        LOG.debug("heartbeat from camera {}", LogSafe.text(serial, ID_WIDTH));
        Taken taken = takeQueued(serial, now);
        return new Answer(200, replyBody(taken.reply), taken::delivered);
    }

    private Taken takeQueued(String serial, Instant now) {
        java.util.Queue<Queued> qs = queued.get(serial);
        if (qs == null) {
            return Taken.NONE;
        }
        CameraReply reply = CameraReply.none();
        List<Queued> items = new ArrayList<>();
        Queued q;
        while ((q = qs.poll()) != null) {
            if (!expire(serial, q, now)) {
                reply = reply.merge(q.reply);
                items.add(q);
            }
        }
        return items.isEmpty() ? Taken.NONE : new Taken(reply, items, serial);
    }

    private static boolean expire(String serial, Queued q, Instant now) {
        if (!now.isAfter(q.deadline)) {
            return false;
        }
        LOG.warn("queued command for camera {} dropped: camera did not call in before its deadline ({})",
                LogSafe.text(serial, ID_WIDTH), q.reply.openGate() ? "gate open" : "serial data");
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

    private byte[] image(JsonNode result, String field, String serial) {
        JsonNode n = result.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            return new byte[0];
        }
        String b64 = n.asText();
        // base64 carries 3 bytes in 4 characters (MIME line breaks add a little): judge before decoding
        if ((long) b64.length() * 3 / 4 > options.maxImageBytes() + options.maxImageBytes() / 32 + 16) {
            note(badPushes, "camera {} sent a {} of about {} bytes, more than {}; plate kept without it",
                    LogSafe.text(serial, ID_WIDTH), field, (long) b64.length() * 3 / 4, options.maxImageBytes());
            return new byte[0];
        }
        try {
            byte[] img = decodeBase64(b64);
            if (img.length > options.maxImageBytes()) {
                note(badPushes, "camera {} sent a {} of {} bytes, more than {}; plate kept without it",
                        LogSafe.text(serial, ID_WIDTH), field, img.length, options.maxImageBytes());
                return new byte[0];
            }
            return img;
        } catch (IllegalArgumentException e) {
            note(badPushes, "camera {} sent an undecodable {}; plate kept without it", LogSafe.text(serial, ID_WIDTH),
                    field);
            return new byte[0];
        }
    }

    /**
     * The plain decoder sizes its output exactly; the MIME one (for firmware that wraps its base64 in lines) guesses
     * and copies, and parses the string's bytes again: it is only tried when the plain one refuses the text.
     */
    private static byte[] decodeBase64(String b64) {
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException wrapped) {
            return Base64.getMimeDecoder().decode(b64);
        }
    }

    private static List<String> fieldNames(JsonNode root) {
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(n -> {
            if (names.size() < 10) {
                names.add(LogSafe.text(n, 32));
            }
        });
        return names;
    }

    /** Logs the first few of each kind in full, then one line per thousand, so a flood cannot flood the log. */
    private static void note(AtomicLong counter, String format, Object... args) {
        long n = counter.incrementAndGet();
        if (n <= 5 || n % 1000 == 0) {
            Object[] withCount = java.util.Arrays.copyOf(args, args.length + 1);
            withCount[args.length] = n;
            LOG.warn(format + " ({} so far)", withCount);
        }
    }
}
