package com.boothdesk.sdk.link;

import com.boothdesk.sdk.message.MessageKeys;
import com.boothdesk.sdk.protocol.Catalogue;
import com.boothdesk.sdk.protocol.MessageSpec;
import com.boothdesk.sdk.wire.LineReader;
import com.boothdesk.sdk.wire.WireCodec;
import com.boothdesk.sdk.wire.DownlinkDecoder;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
 */
public final class TcpCloudLink implements CloudLink {

    private static final Logger LOG = LoggerFactory.getLogger(TcpCloudLink.class);
    private static final Logger WIRE = LoggerFactory.getLogger("boothdesk.wire");
    /** Downlinks may be longer than uplinks (sync messages); still bounded so garbage cannot exhaust memory. */
    private static final int MAX_DOWNLINK_BYTES = 256 * 1024;
    private static final String SDK_VERSION = "BoothDesk-1.0";

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
        while (!closed) {
            setStatus(LinkStatus.CONNECTING);
            boolean loggedIn = false;
            Connection conn = null;
            try {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(settings.host(), settings.port()),
                        (int) settings.replyTimeout().toMillis());
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
                loggedIn = conn.everLoggedIn;
                LOG.warn("cloud closed the connection #{}", conn.id);
            } catch (IOException e) {
                loggedIn = conn != null && conn.everLoggedIn;
                if (!closed) {
                    LOG.warn("cloud link to {}:{} failed: {}", settings.host(), settings.port(), e.toString());
                }
            } finally {
                if (conn != null) {
                    conn.kill(null);
                }
                current = null;
                failPending(conn, "cloud link lost");
            }
            if (closed) {
                break;
            }
            setStatus(LinkStatus.DOWN);
            failures = loggedIn ? 1 : failures + 1;
            long delay = backoffMillis(failures);
            LOG.info("reconnecting to the cloud in {} ms (attempt {})", delay, failures);
            awaitReconnect(delay);
        }
        setStatus(LinkStatus.STOPPED);
    }

    private long backoffMillis(int failures) {
        long min = settings.reconnectMin().toMillis();
        long max = settings.reconnectMax().toMillis();
        long base = min << Math.min(failures - 1, 20);
        base = Math.min(Math.max(base, min), max);
        // jitter: spread reconnects of many booths over half the interval so they do not hit the cloud together
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
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

    private void login(Connection conn) throws IOException {
        ObjectNode data = WireCodec.MAPPER.createObjectNode();
        data.put("union_id", creds.unionId());
        data.put("park_id", creds.parkId());
        data.put("local_id", creds.localId());
        data.put("version", SDK_VERSION);
        conn.write(WireCodec.encodeEnvelope("login", null, creds.secret(), data));
        conn.loginTimeout = timer.schedule(() -> {
            if (conn.token == null) {
                LOG.warn("no login answer from the cloud within {} ms", settings.replyTimeout().toMillis());
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
                WIRE.debug("<< (oversize, {} bytes) {}", line.byteLength(), abbreviate(line.text()));
                continue;
            }
            String text = line.text().trim();
            WIRE.debug("<< {}", text);
            if (text.isEmpty()) {
                continue;
            }
            try {
                handleLine(conn, text);
            } catch (RuntimeException e) {
                // never let one bad message take the link down
                LOG.error("failed to handle a line from the cloud: {}", abbreviate(text), e);
            }
        }
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
            String err = m.jsonIfAny() == null ? "" : m.jsonIfAny().path("errmsg").asText("");
            LOG.warn("ignored a line from the cloud ({}): {}", m.reason(), abbreviate(text));
            if (err.contains("token")) {
                conn.kill("cloud rejected the token: " + err);
            }
            return;
        }
        DownlinkDecoder.Message msg = (DownlinkDecoder.Message) d;
        String name = msg.serviceName();
        if ("login".equals(name)) {
            onLoginReply(conn, msg.json());
            return;
        }
        if (completePending(name, msg.json())) {
            return;
        }
        if (msg.json().path("errmsg").asText("").contains("token无效")) {
            conn.kill("cloud rejected the token");
            return;
        }
        if (isUplinkName(name)) {
            LOG.info("late or unmatched reply from the cloud ignored: {}", abbreviate(text));
            return;
        }
        ObjectNode downlink = msg.json();
        downlinkExecutor.execute(() -> answerDownlink(conn, downlink));
    }

    /** A name the booth sends (so a message with it is a late answer), per the catalogue. */
    private static boolean isUplinkName(String name) {
        if ("car_type_upload".equals(name)) {
            return true;
        }
        var entries = Catalogue.get().byServiceName(name);
        return !entries.isEmpty() && entries.stream().noneMatch(e -> e.direction() == MessageSpec.Direction.DOWN);
    }

    private void onLoginReply(Connection conn, ObjectNode msg) {
        String token = msg.path("token").asText("");
        if (msg.path("state").asInt(0) == 1 && !token.isEmpty()) {
            conn.token = token;
            conn.everLoggedIn = true;
            if (conn.loginTimeout != null) {
                conn.loginTimeout.cancel(false);
            }
            long hb = settings.heartbeatInterval().toMillis();
            conn.heartbeat = timer.scheduleAtFixedRate(() -> heartbeat(conn), hb, hb, TimeUnit.MILLISECONDS);
            LOG.info("logged in to the cloud as park {} / {} (connection #{})", creds.parkId(), creds.localId(),
                    conn.id);
            setStatus(LinkStatus.LOGGED_IN);
        } else {
            LOG.error("the cloud refused the login of park {}: {}", creds.parkId(), msg.path("errmsg").asText("?"));
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
        if (conn.closedFlag || conn.token == null) {
            LOG.warn("connection lost before answering {}; the cloud will resend it",
                    downlink.path("service_name").asText());
            return;
        }
        String line = WireCodec.encodeUplink(reply, conn.token, creds.secret());
        try {
            conn.write(line);
        } catch (IOException e) {
            conn.kill("write failed: " + e.getMessage());
        }
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
        return s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + " chars)";
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
        volatile boolean everLoggedIn;
        volatile boolean closedFlag;
        volatile long lastReceivedNanos = System.nanoTime();
        volatile ScheduledFuture<?> heartbeat;
        volatile ScheduledFuture<?> loginTimeout;

        Connection(Socket socket, int id) throws IOException {
            this.socket = socket;
            this.id = id;
            this.out = socket.getOutputStream();
        }

        void write(String line) throws IOException {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                out.write(bytes);
                out.flush();
            }
            WIRE.debug(">> {}", line);
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
