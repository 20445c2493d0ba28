package com.boothdesk.sdk.link;

import com.boothdesk.sdk.message.MessageKeys;
import com.boothdesk.sdk.protocol.Catalogue;
import com.boothdesk.sdk.protocol.MessageSpec;
import com.boothdesk.sdk.wire.DownlinkDecoder;
import com.boothdesk.sdk.wire.LineReader;
import com.boothdesk.sdk.wire.LogSafe;
import com.boothdesk.sdk.wire.Sign;
import com.boothdesk.sdk.wire.WireCodec;
import com.boothdesk.sdk.wire.WireFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CloudLink} over the real server's TCP line protocol: login with a signed envelope, {@code token} on every
 * later message, heartbeat {@code 0x11}/{@code 0x12}, dead-link detection and reconnect with backoff and jitter.
 *
 * <p>Threads: one I/O thread ({@code sdk-link-io}) connects and reads, one timer ({@code sdk-link-timer}) sends
 * heartbeats and expires replies, one handler thread ({@code sdk-link-downlink}) runs the downlink handler so a slow
 * handler never stalls reading.
 *
 * <p>Session rules (a hostile or broken cloud cannot make the booth act): nothing received on a connection before the
 * answer to <em>our</em> login on it reaches the handler; a login answer is taken once, for the login we sent — any
 * later or unsolicited one changes nothing; a message that carries a {@code token} must carry the session's, and one
 * that carries a {@code sign} must carry a valid one (over its {@code data} object, or over the message without
 * {@code sign} when flat — INFERRED, the notes show no signed downlink), else it is answered {@code state:0}, logged
 * and not acted on, and a forged reply never completes an uplink; a token error drops the connection only when it is
 * the answer to a request of ours. Downlinks wait for the handler in a queue of bounded size (by characters).
 *
 * <p>Reconnect (see {@link TcpLinkSettings}): while the cloud does not accept connections the link tries again after
 * 250 ms, 500 ms, 1 s, then every 1.5 s (with jitter, counted from the start of the previous attempt) for as long as
 * the outage lasts, so the first delivery after the cloud comes back is within 2 s. Such an attempt costs the cloud
 * a SYN and a RST (or, behind a load balancer, one login line nobody answers); its logs are thinned. Once the cloud
 * <em>answers</em> and refuses (login refused, no login answer), each attempt reaches its application, so the delay
 * grows to {@code refusedBackoffMax} (60 s). A session that ends within 10 s does not reset the schedule.
 */
public final class TcpCloudLink implements CloudLink {

    private static final Logger LOG = LoggerFactory.getLogger(TcpCloudLink.class);
    private static final Logger WIRE = LoggerFactory.getLogger("boothdesk.wire");
    /** Downlinks may be longer than uplinks (sync messages); still bounded so garbage cannot exhaust memory. */
    static final int MAX_DOWNLINK_BYTES = 64 * 1024;
    /** Characters of downlinks waiting for the handler, at most (each counts at least 1,024). */
    static final int MAX_QUEUED_CHARS = 4 * 1024 * 1024;
    /** How long the reader waits for room in the handler queue before it drops a downlink (the cloud resends). */
    private static final long QUEUE_WAIT_MILLIS = 2000;
    /** A session shorter than this does not reset the reconnect schedule (a flapping cloud is not hammered). */
    private static final long STABLE_SESSION_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final TcpLinkSettings settings;
    private final CloudCredentials creds;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final ExecutorService downlinkExecutor;
    private final CopyOnWriteArrayList<Consumer<LinkStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final Object lifecycle = new Object();
    private final AtomicInteger connectionCounter = new AtomicInteger();

    private final DownlinkAnswerer answerer = new DownlinkAnswerer();
    private final CopyOnWriteArrayList<Runnable> answerListeners = new CopyOnWriteArrayList<>();
    private final Semaphore queueRoom = new Semaphore(MAX_QUEUED_CHARS);
    private final AtomicLong refusedDownlinks = new AtomicLong();
    private final AtomicLong droppedDownlinks = new AtomicLong();
    private final AtomicLong connectAttempts = new AtomicLong();
    private volatile LinkStatus status = LinkStatus.STOPPED;
    private volatile Instant statusSince;
    private volatile Connection current;
    private volatile boolean closed;
    private Thread ioThread;

    public TcpCloudLink(TcpLinkSettings settings, CloudCredentials creds, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.creds = Objects.requireNonNull(creds, "creds");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.statusSince = clock.instant();
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("sdk-link-timer"));
        this.downlinkExecutor = Executors.newSingleThreadExecutor(daemon("sdk-link-downlink"));
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("link is closed");
            }
            if (ioThread != null) {
                return;
            }
            ioThread = new Thread(this::run, "sdk-link-io");
            ioThread.setDaemon(true);
            ioThread.start();
        }
    }

    @Override
    public LinkStatus status() {
        return status;
    }

    /** The token of the current login (the HTTP side channel for pictures signs with it), if logged in. */
    public java.util.Optional<String> currentToken() {
        Connection c = current;
        return java.util.Optional.ofNullable(c == null ? null : c.token);
    }

    /** When the current status was entered (from the injected clock). */
    public Instant statusSince() {
        return statusSince;
    }

    @Override
    public void addStatusListener(Consumer<LinkStatus> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public void setDownlinkHandler(Function<ObjectNode, ObjectNode> handler) {
        answerer.setHandler(handler);
    }

    @Override
    public void addDownlinkAnswerListener(Runnable answered) {
        answerListeners.add(Objects.requireNonNull(answered));
    }

    /** Messages refused by the session rules (before login, forged login answers, wrong token or sign). */
    public long refusedDownlinks() {
        return refusedDownlinks.get();
    }

    /** Downlinks dropped because the handler queue stayed full (the cloud resends what it needs answered). */
    public long droppedDownlinks() {
        return droppedDownlinks.get();
    }

    /** TCP connect attempts so far (diagnostics and tests). */
    public long connectAttempts() {
        return connectAttempts.get();
    }

    /** The resend memory of this link (diagnostics and tests). */
    public DownlinkAnswerer answerer() {
        return answerer;
    }

    @Override
    public CompletableFuture<ObjectNode> send(ObjectNode uplink) {
        CompletableFuture<ObjectNode> future = new CompletableFuture<>();
        JsonNode name = uplink == null ? null : uplink.get("service_name");
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            future.completeExceptionally(new MessageRejectedException("uplink has no service_name: " + uplink));
            return future;
        }
        Connection conn = current;
        if (conn == null || conn.token == null || closed) {
            future.completeExceptionally(new LinkDownException("cloud link is " + status));
            return future;
        }
        String line = WireCodec.encodeUplink(uplink, conn.token, creds.secret());
        int bytes = WireCodec.utf8Length(line);
        if (bytes > WireCodec.MAX_UPLINK_BYTES) {
            future.completeExceptionally(new MessageRejectedException(name.asText() + " is " + bytes
                    + " bytes on the wire; the cloud accepts at most " + WireCodec.MAX_UPLINK_BYTES));
            return future;
        }
        Optional<MessageKeys.Key> key = MessageKeys.uplinkKey(uplink);
        Pending p = new Pending(replyName(uplink), key.orElse(null), future, conn);
        pending.add(p);
        p.timeout = timer.schedule(() -> future.completeExceptionally(new TimeoutException("no reply to "
                + name.asText() + key.map(k -> " " + k.field() + "=" + k.value()).orElse("") + " within "
                + settings.replyTimeout().toMillis() + " ms")), settings.replyTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        future.whenComplete((r, e) -> {
            pending.remove(p);
            p.timeout.cancel(false);
        });
        try {
            conn.write(line);
        } catch (IOException e) {
            future.completeExceptionally(new LinkDownException("write failed: " + e.getMessage()));
            conn.kill("write failed: " + e.getMessage());
        }
        return future;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            lifecycle.notifyAll();
            t = ioThread;
        }
        Connection c = current;
        if (c != null) {
            c.kill("link closed");
        }
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failPending(null, "link closed");
        timer.shutdownNow();
        downlinkExecutor.shutdownNow();
        setStatus(LinkStatus.STOPPED);
    }

    // ------------------------------------------------------------------ connection loop

    private void run() {
        int failures = 0;
        boolean refusedLast = false;
        while (!closed) {
            setStatus(LinkStatus.CONNECTING);
            long attemptStart = System.nanoTime();
            connectAttempts.incrementAndGet();
            Connection conn = null;
            Outcome outcome = Outcome.UNREACHABLE;
            try {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(settings.host(), settings.port()),
                        (int) settings.connectTimeout().toMillis());
                if (socket.getLocalPort() == socket.getPort() && socket.getLocalAddress().equals(socket.getInetAddress())) {
                    // TCP self-connect: nobody listens and the kernel picked the target port as our own port
                    socket.close();
                    throw new IOException("self-connected to " + settings.host() + ":" + settings.port());
                }
                socket.setTcpNoDelay(true);
                conn = new Connection(socket, connectionCounter.incrementAndGet());
                current = conn;
                if (closed) {
                    break;
                }
                login(conn);
                readLoop(conn);
                if (!closed) {
                    LOG.warn("cloud closed the connection #{}", conn.id);
                }
            } catch (RuntimeException e) {
                // a bug must not end the link thread for good: log it and reconnect like after any failure
                LOG.error("cloud link connection #{} failed unexpectedly", conn == null ? 0 : conn.id, e);
            } catch (IOException e) {
                if (!closed && (failures < 3 || Integer.bitCount(failures) == 1 || failures % 40 == 0)) {
                    LOG.warn("cloud link to {}:{} failed{}: {}", settings.host(), settings.port(),
                            failures == 0 ? "" : " (attempt " + (failures + 1) + ")", LogSafe.text(e.toString()));
                }
            } finally {
                if (conn != null) {
                    conn.kill(null);
                    outcome = conn.outcome();
                }
                current = null;
                failPending(conn, "cloud link lost");
            }
            if (closed) {
                break;
            }
            setStatus(LinkStatus.DOWN);
            if (outcome == Outcome.STABLE_SESSION) {
                failures = 0;
                refusedLast = false;
            } else if (outcome == Outcome.REFUSED) {
                refusedLast = true;
            } else if (outcome == Outcome.SHORT_SESSION) {
                refusedLast = false;
            }
            failures++;
            long delay = reconnectDelayMillis(failures, refusedLast, System.nanoTime() - attemptStart);
            if (failures <= 3 || Integer.bitCount(failures) == 1 || failures % 40 == 0) {
                LOG.info("reconnecting to the cloud in {} ms (attempt {})", delay, failures + 1);
            }
            awaitReconnect(delay);
        }
        setStatus(LinkStatus.STOPPED);
    }

    /**
     * Delay before the next attempt. Not reached / dropped before login: reconnectMin doubling to reconnectMax,
     * counted from the start of the failed attempt (so a connect timeout is not added on top). Refused by the cloud's
     * application: reconnectMax doubling to refusedBackoffMax. Jitter: 70..100 % of the value, so that many booths
     * do not return in step.
     */
    long reconnectDelayMillis(int failures, boolean refused, long attemptNanos) {
        long min = settings.reconnectMin().toMillis();
        long max = settings.reconnectMax().toMillis();
        long base;
        if (refused) {
            base = Math.min(max << Math.min(failures - 1, 20), settings.refusedBackoffMax().toMillis());
        } else {
            base = Math.min(min << Math.min(failures - 1, 20), max);
            base = Math.max(0, base - TimeUnit.NANOSECONDS.toMillis(attemptNanos));
        }
        long jittered = base * 7 / 10 + ThreadLocalRandom.current().nextLong(base * 3 / 10 + 1);
        return Math.max(jittered, 1);
    }

    private void awaitReconnect(long delayMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        synchronized (lifecycle) {
            long left;
            while (!closed && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lifecycle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The data of the login, exactly the configured fields (see {@link TcpLinkSettings.LoginFields}). */
    ObjectNode loginData() {
        ObjectNode data = WireCodec.MAPPER.createObjectNode();
        data.put("union_id", creds.unionId());
        data.put("park_id", creds.parkId());
        data.put("local_id", creds.localId());
        TcpLinkSettings.LoginFields f = settings.login();
        if (f.version() != null) {
            data.put("version", f.version());
        }
        f.extras().forEach(data::put);
        return data;
    }

    /** The login line as it is written (tests compare it with the notes' capture). */
    String loginLine() {
        return WireCodec.encodeEnvelope("login", null, creds.secret(), loginData());
    }

    private void login(Connection conn) throws IOException {
        conn.loginSent = true;
        conn.write(loginLine());
        conn.loginTimeout = timer.schedule(() -> {
            if (conn.token == null) {
                LOG.warn("no login answer from the cloud within {} ms", settings.replyTimeout().toMillis());
                conn.refused = true;
                conn.kill("login timeout");
            }
        }, settings.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void readLoop(Connection conn) throws IOException {
        LineReader reader = new LineReader(new BufferedInputStream(conn.socket.getInputStream()), MAX_DOWNLINK_BYTES);
        LineReader.Line line;
        while ((line = reader.next()) != null) {
            conn.lastReceivedNanos = System.nanoTime();
            if (line.oversize()) {
                LOG.warn("ignored a {}-byte line from the cloud (limit {})", line.byteLength(), MAX_DOWNLINK_BYTES);
                if (WIRE.isDebugEnabled()) {
                    WIRE.debug("<< (oversize, {} bytes) {}", line.byteLength(),
                            LogSafe.text(wireText(line.text()), LogSafe.DEFAULT_MAX));
                }
                continue;
            }
            String text = line.text().trim();
            if (text.isEmpty()) {
                continue;
            }
            if (WIRE.isDebugEnabled()) {
                WIRE.debug("<< {}", LogSafe.wire(text, settings.wireSecrets()));
            }
            try {
                handleLine(conn, text);
            } catch (RuntimeException e) {
                // never let one bad message take the link down
                LOG.error("failed to handle a line from the cloud: {}", LogSafe.text(text), e);
            }
        }
    }

    private String wireText(String text) {
        return settings.wireSecrets() ? text : LogSafe.mask(text);
    }

    private void handleLine(Connection conn, String text) throws IOException {
        DownlinkDecoder.Decoded d = DownlinkDecoder.decode(text);
        if (d instanceof DownlinkDecoder.HeartbeatAck) {
            return;
        }
        if (d instanceof DownlinkDecoder.Heartbeat) {
            conn.write(WireCodec.HEARTBEAT_ACK);
            return;
        }
        if (d instanceof DownlinkDecoder.Malformed m) {
            onMalformed(conn, m, text);
            return;
        }
        DownlinkDecoder.Message msg = (DownlinkDecoder.Message) d;
        String name = msg.serviceName();
        if ("login".equals(name)) {
            onLoginReply(conn, msg.json(), text);
            return;
        }
        if (conn.token == null) {
            // before the answer to our login nothing may act, nothing is answered (there is no session to answer in)
            refused(conn, "before the login answer", name, text);
            return;
        }
        String authError = checkAuth(conn, msg.json(), text);
        if (authError != null) {
            refused(conn, authError, name, text);
            if (!isUplinkName(name) && !"login".equals(name) && conn.mayAnswerRefusal()) {
                ObjectNode downlink = msg.json();
                downlink.remove("token");
                downlink.remove("sign");
                ObjectNode reply = DownlinkReplies.failure(downlink, authError.startsWith("token")
                        ? "error:token无效" : "error:签名错误");
                writeAnswer(conn, reply, name);
            }
            return;
        }
        if (completePending(name, msg.json())) {
            if (msg.json().path("errmsg").asText("").contains("token无效")) {
                // the cloud no longer knows our token: log in again for a new one
                conn.kill("cloud rejected the token");
            }
            return;
        }
        if (isUplinkName(name)) {
            LOG.info("late or unmatched reply from the cloud ignored: {}", LogSafe.text(text));
            return;
        }
        if (msg.json().path("state").isInt() && msg.json().path("errmsg").asText("").contains("token")) {
            LOG.warn("a token error that answers no request of ours ignored: {}", LogSafe.text(text));
            return;
        }
        enqueue(conn, forHandler(msg.json()), text.length());
    }

    /**
     * What the handler sees: the flat business object. A signed envelope ({@code service_name}, {@code sign},
     * {@code data} object) is flattened; the session's {@code token} and a checked {@code sign} are removed.
     */
    private static ObjectNode forHandler(ObjectNode msg) {
        if (msg.hasNonNull("sign") && msg.get("data") instanceof ObjectNode data) {
            ObjectNode flat = WireCodec.MAPPER.createObjectNode();
            flat.set("service_name", msg.get("service_name"));
            data.properties().forEach(e -> {
                if (!e.getKey().equals("service_name")) {
                    flat.set(e.getKey(), e.getValue());
                }
            });
            return flat;
        }
        msg.remove("token");
        msg.remove("sign");
        return msg;
    }

    private void onMalformed(Connection conn, DownlinkDecoder.Malformed m, String text) {
        String err = m.jsonIfAny() == null ? "" : m.jsonIfAny().path("errmsg").asText("");
        if (conn.token != null && err.contains("token") && conn.hasPendingRequest()) {
            // the real server answers some token errors without service_name: it is the answer to our oldest request
            Pending p = oldestPending(conn);
            if (p != null) {
                LOG.warn("the cloud rejected our token ({}): logging in again", LogSafe.text(err, 80));
                ObjectNode r = m.jsonIfAny().deepCopy();
                r.put("service_name", p.serviceName);
                pending.remove(p);
                p.future.complete(r);
                conn.kill("cloud rejected the token: " + LogSafe.text(err, 80));
                return;
            }
        }
        LOG.warn("ignored a line from the cloud ({}): {}", LogSafe.text(m.reason(), 80), LogSafe.text(text));
    }

    private void enqueue(Connection conn, ObjectNode downlink, int chars) {
        int cost = Math.min(MAX_QUEUED_CHARS, Math.max(chars, 1024));
        boolean room;
        try {
            room = queueRoom.tryAcquire(cost, QUEUE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            room = false;
        }
        if (!room) {
            long n = droppedDownlinks.incrementAndGet();
            if (n < 10 || Long.bitCount(n) == 1) {
                LOG.warn("downlink {} dropped: {} characters of downlinks already wait for the handler; the cloud "
                        + "resends what needs an answer ({} dropped so far)",
                        LogSafe.text(downlink.path("service_name").asText(), 64), MAX_QUEUED_CHARS, n);
            }
            return;
        }
        try {
            downlinkExecutor.execute(() -> {
                try {
                    answerDownlink(conn, downlink);
                } finally {
                    queueRoom.release(cost);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queueRoom.release(cost);
        }
    }

    /** Null when the message's own token and sign (if it carries them) match the session; else why not. */
    private String checkAuth(Connection conn, ObjectNode msg, String text) {
        JsonNode token = msg.get("token");
        if (token != null && !token.isNull()) {
            if (!token.isTextual() || !java.security.MessageDigest.isEqual(
                    token.asText().getBytes(StandardCharsets.UTF_8), conn.token.getBytes(StandardCharsets.UTF_8))) {
                return "token does not match the session";
            }
        }
        JsonNode sign = msg.get("sign");
        if (sign != null && !sign.isNull()) {
            if (!sign.isTextual()) {
                return "sign is not a string";
            }
            String signed;
            if (msg.get("data") instanceof ObjectNode) {
                try {
                    signed = WireCodec.rawDataText(text);
                } catch (WireFormatException e) {
                    return "sign over an unreadable data object";
                }
            } else {
                ObjectNode rest = msg.deepCopy();
                rest.remove("sign");
                rest.remove("token");
                signed = WireCodec.toJson(rest);
            }
            if (!Sign.verify(signed, creds.secret(), sign.asText())) {
                return "sign is wrong";
            }
        }
        return null;
    }

    private void refused(Connection conn, String why, String name, String text) {
        long n = refusedDownlinks.incrementAndGet();
        if (n <= 20 || Long.bitCount(n) == 1 || n % 1000 == 0) {
            LOG.warn("refused {} from the cloud on connection #{} ({}), not acted on ({} refused so far): {}",
                    LogSafe.text(name, 64), conn.id, why, n, LogSafe.text(wireText(text), 200));
        }
    }

    /** A name the booth sends (so a message with it is a late answer), per the catalogue. */
    private static boolean isUplinkName(String name) {
        if ("car_type_upload".equals(name)) {
            return true;
        }
        var entries = Catalogue.get().byServiceName(name);
        return !entries.isEmpty() && entries.stream().noneMatch(e -> e.direction() == MessageSpec.Direction.DOWN);
    }

    private void onLoginReply(Connection conn, ObjectNode msg, String text) {
        if (!conn.loginSent || conn.loginAnswered) {
            // only the first answer to the login we sent on this connection counts
            refused(conn, conn.loginAnswered ? "a second login answer" : "a login answer before our login", "login",
                    text);
            return;
        }
        conn.loginAnswered = true;
        if (conn.loginTimeout != null) {
            conn.loginTimeout.cancel(false);
        }
        String token = msg.path("token").asText("");
        if (msg.path("state").asInt(0) == 1 && token.matches("[0-9A-Za-z_-]{1,64}")) {
            conn.token = token;
            conn.loggedInAt = System.nanoTime();
            long hb = settings.heartbeatInterval().toMillis();
            conn.heartbeat = timer.scheduleAtFixedRate(() -> heartbeat(conn), hb, hb, TimeUnit.MILLISECONDS);
            LOG.info("logged in to the cloud as park {} / {} (connection #{})", creds.parkId(), creds.localId(),
                    conn.id);
            setStatus(LinkStatus.LOGGED_IN);
        } else {
            conn.refused = true;
            LOG.error("the cloud refused the login of park {}: {}", creds.parkId(),
                    msg.path("state").asInt(0) == 1 ? "no usable token in the answer"
                            : LogSafe.text(msg.path("errmsg").asText("?"), 120));
            conn.kill("login refused");
        }
    }

    private void heartbeat(Connection conn) {
        long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - conn.lastReceivedNanos);
        if (silentMs > settings.deadAfter().toMillis()) {
            LOG.warn("nothing received from the cloud for {} ms: link considered dead", silentMs);
            conn.kill("dead link");
            return;
        }
        try {
            conn.write(WireCodec.HEARTBEAT);
        } catch (IOException e) {
            conn.kill("heartbeat failed: " + e.getMessage());
        }
    }

    /**
     * The service_name the answer to this uplink carries: 2.16's answer says car_type_upload, and a city-platform
     * message in a parkInfo envelope is answered under its inner service_name (INFERRED, as the simulator does).
     */
    static String replyName(ObjectNode uplink) {
        String name = uplink.path("service_name").asText("");
        if ("upload_car_type".equals(name)) {
            return "car_type_upload";
        }
        if ("parkInfo".equals(name) && uplink.get("data") instanceof ObjectNode inner
                && inner.path("service_name").isTextual()) {
            return inner.get("service_name").asText();
        }
        return name;
    }

    private boolean completePending(String name, ObjectNode msg) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!p.serviceName.equals(name) && !(name.equals("upload_car_type") && p.serviceName.equals(
                    "car_type_upload"))) {
                continue;
            }
            if (p.key != null) {
                // 2.16's answer names the key cartype_id
                String keyField = name.equals("car_type_upload") ? "cartype_id" : p.key.field();
                String v = MessageKeys.text(msg, keyField);
                if (v == null) {
                    v = MessageKeys.text(msg, p.key.field());
                }
                if (v != null && !v.equals(p.key.value())) {
                    continue;
                }
            }
            it.remove();
            p.future.complete(msg);
            return true;
        }
        if ("query_order".equals(name)) {
            // the seed's own example answers with a time_temp that is not the request's: match in order
            for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (p.serviceName.equals(name)) {
                    it.remove();
                    p.future.complete(msg);
                    return true;
                }
            }
        }
        return false;
    }

    private void answerDownlink(Connection conn, ObjectNode downlink) {
        ObjectNode reply = answerer.answer(downlink);
        if (reply == null) {
            return;
        }
        writeAnswer(conn, reply, downlink.path("service_name").asText());
    }

    private void writeAnswer(Connection conn, ObjectNode reply, String name) {
        if (conn.closedFlag || conn.token == null) {
            LOG.warn("connection lost before answering {}; the cloud will resend it", LogSafe.text(name, 64));
            return;
        }
        String line = WireCodec.encodeUplink(reply, conn.token, creds.secret());
        try {
            conn.write(line);
            for (Runnable l : answerListeners) {
                try {
                    l.run();
                } catch (RuntimeException e) {
                    LOG.error("answer listener failed", e);
                }
            }
        } catch (IOException e) {
            conn.kill("write failed: " + e.getMessage());
        }
    }

    private Pending oldestPending(Connection conn) {
        for (Pending p : pending) {
            if (p.connection == conn) {
                return p;
            }
        }
        return null;
    }

    private void failPending(Connection conn, String why) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (conn == null || p.connection == conn) {
                it.remove();
                p.future.completeExceptionally(new LinkDownException(why));
            }
        }
    }

    private void setStatus(LinkStatus s) {
        if (status == s) {
            return;
        }
        status = s;
        statusSince = clock.instant();
        LOG.debug("cloud link {}", s);
        for (Consumer<LinkStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.error("link status listener failed", e);
            }
        }
    }

    static String abbreviate(String s) {
        return LogSafe.text(s);
    }

    /** How a connection ended, for the reconnect schedule. */
    enum Outcome {
        /** Never connected, or dropped before any login answer: the cloud is not (really) there. */
        UNREACHABLE,
        /** The cloud answered and refused (login refused, no login answer in time). */
        REFUSED,
        /** Logged in, but the session lasted less than 10 s. */
        SHORT_SESSION,
        /** Logged in for 10 s or more. */
        STABLE_SESSION
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, n.getAndIncrement() == 0 ? name : name + "-" + n.get());
            t.setDaemon(true);
            return t;
        };
    }

    private static final class Pending {
        final String serviceName;
        final MessageKeys.Key key;
        final CompletableFuture<ObjectNode> future;
        final Connection connection;
        volatile ScheduledFuture<?> timeout;

        Pending(String serviceName, MessageKeys.Key key, CompletableFuture<ObjectNode> future, Connection c) {
            this.serviceName = serviceName;
            this.key = key;
            this.future = future;
            this.connection = c;
        }
    }

    private final class Connection {
        final Socket socket;
        final int id;
        final OutputStream out;
        volatile String token;
        volatile boolean loginSent;
        volatile boolean loginAnswered;
        volatile boolean refused;
        volatile long loggedInAt;
        volatile boolean closedFlag;
        volatile long lastReceivedNanos = System.nanoTime();
        volatile ScheduledFuture<?> heartbeat;
        volatile ScheduledFuture<?> loginTimeout;

        Connection(Socket socket, int id) throws IOException {
            this.socket = socket;
            this.id = id;
            this.out = socket.getOutputStream();
        }

        Outcome outcome() {
            if (token != null) {
                return System.nanoTime() - loggedInAt >= STABLE_SESSION_NANOS ? Outcome.STABLE_SESSION
                        : Outcome.SHORT_SESSION;
            }
            return refused ? Outcome.REFUSED : Outcome.UNREACHABLE;
        }

        private final java.util.ArrayDeque<Long> refusalAnswers = new java.util.ArrayDeque<>();

        /**
         * At most 10 refusals answered per 10 s (read thread only): a flood of forged downlinks must not turn into a
         * flood of answers that eats the rate limit of our token.
         */
        boolean mayAnswerRefusal() {
            long now = System.nanoTime();
            while (!refusalAnswers.isEmpty() && now - refusalAnswers.peekFirst() > TimeUnit.SECONDS.toNanos(10)) {
                refusalAnswers.removeFirst();
            }
            if (refusalAnswers.size() >= 10) {
                return false;
            }
            refusalAnswers.addLast(now);
            return true;
        }

        boolean hasPendingRequest() {
            return oldestPending(this) != null;
        }

        void write(String line) throws IOException {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
            if (WIRE.isDebugEnabled()) {
                WIRE.debug(">> {}", LogSafe.wire(line, settings.wireSecrets()));
            }
        }

        void kill(String why) {
            if (closedFlag) {
                return;
            }
            closedFlag = true;
            if (why != null) {
                LOG.info("closing cloud connection #{}: {}", id, why);
            }
            ScheduledFuture<?> hb = heartbeat;
            if (hb != null) {
                hb.cancel(false);
            }
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("close failed", e);
            }
        }
    }
}
