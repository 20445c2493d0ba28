package com.boothdesk.sdk.sim;

import com.boothdesk.sdk.message.MessageKeys;
import com.boothdesk.sdk.wire.Envelope;
import com.boothdesk.sdk.wire.LineReader;
import com.boothdesk.sdk.wire.LogSafe;
import com.boothdesk.sdk.wire.Sign;
import com.boothdesk.sdk.wire.WireCodec;
import com.boothdesk.sdk.wire.WireFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process parking cloud speaking the real server's wire format: 1,024-byte UTF-8 JSON lines in, {@code "\n" +
 * json + "\r"} out; login with sign check and token; {@code 0x11} answered with {@code 0x12}; {@code in_park} /
 * {@code out_park} / {@code upload_order} answered like 停车云 ({@code state 1}, duplicates {@code 数据已处理过}); every
 * other uplink with a documented answer gets exactly that answer (see {@code CatalogueReplies}), the rest a generic one;
 * bad sign or token refused; the per-token rate limit answered with {@code request_over_times}. It can push any
 * downlink and wait for the booth's answer, stall, garble and drop the link.
 */
public final class CloudSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CloudSimulator.class);
    private static final Logger WIRE = LoggerFactory.getLogger("boothdesk.wire");
    private static final Set<String> ORDER_SERVICES = Set.of("in_park", "out_park", "upload_order");
    private static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final CloudSimSettings settings;
    private final ExecutorService connectionPool;
    private final Set<SimConnection> connections = ConcurrentHashMap.newKeySet();
    private final List<ReceivedUplink> received = new ArrayList<>();
    private final List<ReceivedUplink> rejected = new ArrayList<>();
    private final CopyOnWriteArrayList<Consumer<ReceivedUplink>> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> seenSigns = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> acceptedOrders = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<PendingPush> pushes = new ConcurrentLinkedQueue<>();
    private final Map<String, List<ObjectNode>> payments = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicLong queryOrderSeq = new AtomicLong();
    private final Object lifecycle = new Object();
    private final PaymentPeer paymentPeer;
    private final java.util.concurrent.ScheduledExecutorService timer;
    private final CompletableFuture<Void> firstLogin = new CompletableFuture<>();
    private final AtomicLong pushesSent = new AtomicLong();

    private volatile com.sun.net.httpserver.HttpServer httpServer;
    private volatile ServerSocket server;
    private volatile int port;
    private volatile boolean stalled;
    private volatile boolean outage;
    private final java.util.concurrent.atomic.AtomicInteger garbleNext = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    private final CatalogueReplies catalogueReplies;

    public CloudSimulator(CloudSimSettings settings) {
        this.settings = settings;
        this.port = settings.port();
        AtomicInteger n = new AtomicInteger();
        this.connectionPool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cloud-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cloud-sim-timer");
            t.setDaemon(true);
            return t;
        });
        this.paymentPeer = new PaymentPeer(this::pushDownlink, timer, settings.clock(), settings.parkId());
        this.catalogueReplies = new CatalogueReplies(com.boothdesk.sdk.protocol.Catalogue.get(), settings.parkId(),
                this::carsInLot);
    }

    /** The in_park uplinks of the cars still in the lot: no out_park or upload_order with their order_id yet. */
    public List<ObjectNode> carsInLot() {
        List<ReceivedUplink> all = received();
        Set<String> left = new java.util.HashSet<>();
        for (ReceivedUplink r : all) {
            if (r.serviceName().equals("out_park") || r.serviceName().equals("upload_order")) {
                left.add(r.data().path("order_id").asText(""));
            }
        }
        return all.stream().filter(r -> r.serviceName().equals("in_park"))
                .filter(r -> !left.contains(r.data().path("order_id").asText(""))).map(ReceivedUplink::data).toList();
    }

    /** pay: driver payments at the exits, booth pay-code outcomes, balances, and the smart-screen peer. */
    public PaymentPeer payments() {
        return paymentPeer;
    }

    /** Completes when a booth logs in for the first time. */
    public CompletableFuture<Void> firstLogin() {
        return firstLogin;
    }

    /** How many downlink pushes were written (resends included). */
    public long pushesSent() {
        return pushesSent.get();
    }

    /**
     * Pushes a downlink now and again after each interval of {@code schedule} until the booth answers (the cloud's
     * resend of undelivered payment messages, see {@link ResendSchedule}). Fails when the schedule is exhausted
     * without an answer (after a last wait of {@code answerTimeout}).
     */
    public CompletableFuture<ObjectNode> pushWithResend(ObjectNode downlink, List<java.time.Duration> schedule,
                                                        java.time.Duration answerTimeout) {
        CompletableFuture<ObjectNode> result = new CompletableFuture<>();
        List<CompletableFuture<ObjectNode>> attempts = new CopyOnWriteArrayList<>();
        Runnable attempt = () -> {
            if (result.isDone() || closed) {
                return;
            }
            CompletableFuture<ObjectNode> f = pushDownlink(downlink);
            attempts.add(f);
            f.whenComplete((r, e) -> {
                if (r != null) {
                    result.complete(r);
                }
            });
        };
        long at = 0;
        attempt.run();
        for (java.time.Duration d : schedule) {
            at += d.toNanos();
            timer.schedule(attempt, at, TimeUnit.NANOSECONDS);
        }
        timer.schedule(() -> result.completeExceptionally(new java.util.concurrent.TimeoutException(
                downlink.path("service_name").asText() + " not answered after " + (schedule.size() + 1)
                        + " pushes")), at + answerTimeout.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((r, e) -> {
            // the other attempts wait for the same answer: settle them so no push stays pending
            for (CompletableFuture<ObjectNode> f : attempts) {
                f.cancel(false);
            }
        });
        return result;
    }

    /** Listens on 127.0.0.1 at the configured port (0 = ephemeral; see {@link #port()}). */
    public void start() throws IOException {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("simulator is closed");
            }
            if (server != null) {
                return;
            }
            ServerSocket s = bind();
            port = s.getLocalPort();
            server = s;
            Thread acceptor = new Thread(() -> acceptLoop(s), "cloud-sim-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            LOG.info("cloud simulator listening on 127.0.0.1:{}", port);
        }
    }

    private ServerSocket bind() throws IOException {
        // a restart on the same port can briefly collide with sockets of the closed connections: retry for 2 s
        for (int attempt = 1; ; attempt++) {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            try {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return s;
            } catch (java.net.BindException e) {
                s.close();
                if (port == 0 || attempt >= 40) {
                    throw e;
                }
                LOG.debug("port {} busy, retrying", port);
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }

    /**
     * Starts the HTTP side channel for 2.12 pictures ({@code POST /zld/carpicsup.do?action=receivepic}) on an
     * ephemeral port of 127.0.0.1 and returns the port. The body must be a signed envelope with a token issued by a
     * TCP login; accepted pictures are listed in {@link #received()} as {@code upload_carpic}.
     */
    public int startHttp() throws IOException {
        synchronized (lifecycle) {
            if (httpServer == null) {
                com.sun.net.httpserver.HttpServer h = com.sun.net.httpserver.HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                h.createContext("/zld/carpicsup.do", this::picture);
                h.setExecutor(connectionPool);
                h.start();
                httpServer = h;
            }
            return httpServer.getAddress().getPort();
        }
    }

    private void picture(com.sun.net.httpserver.HttpExchange ex) throws IOException {
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("service_name", "upload_carpic");
        try {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Envelope env = WireCodec.parseEnvelope(body.strip());
            boolean tokenOk = env.token() != null && connections.stream().anyMatch(c -> env.token().equals(c.token));
            boolean signOk = Sign.verify(env.rawData(), settings.secret(), env.sign());
            String content = env.data().path("content").asText("");
            int bytes;
            try {
                bytes = java.util.Base64.getDecoder().decode(content).length;
            } catch (IllegalArgumentException e) {
                bytes = -1;
            }
            if (!tokenOk) {
                o.put("state", 0).put("errmsg", "error:token无效");
            } else if (!signOk) {
                o.put("state", 0).put("errmsg", "error:签名错误");
            } else if (bytes < 0 || bytes > 150 * 1024) {
                o.put("state", 0).put("errmsg", bytes < 0 ? "图片内容不是base64" : "图片超过150k");
            } else {
                ReceivedUplink r = new ReceivedUplink(env.serviceName(), env.token(), env.sign(), true, env.data(),
                        settings.clock().instant());
                synchronized (received) {
                    received.add(r);
                }
                o.put("state", 1).put("errmsg", "上传成功");
            }
        } catch (WireFormatException | RuntimeException e) {
            o.put("state", 0).put("errmsg", "data error");
        }
        byte[] answer = WireCodec.toJson(o).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        ex.sendResponseHeaders(200, answer.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(answer);
        }
    }

    /** The bound port (after {@link #start()}). */
    public int port() {
        return port;
    }

    /** Closes the listening socket and every connection (a cloud outage). */
    public void stop() {
        synchronized (lifecycle) {
            ServerSocket s = server;
            server = null;
            if (s != null) {
                try {
                    s.close();
                } catch (IOException e) {
                    LOG.debug("close failed", e);
                }
            }
            for (SimConnection c : connections) {
                c.close();
            }
            connections.clear();
        }
    }

    /** Listens again on the same port. */
    public void restart() throws IOException {
        stop();
        start();
    }

    /** Stops answering anything (uplinks and heartbeats) while true: a stalled link. */
    public void setStalled(boolean stalled) {
        this.stalled = stalled;
    }

    /**
     * While true, every connection is closed as soon as it is accepted (a cloud outage that keeps the port: unlike
     * {@link #stop()}, no other process can take the port meanwhile).
     */
    public void setOutage(boolean outage) {
        this.outage = outage;
        if (outage) {
            dropConnections();
        }
    }

    /** Corrupts the next {@code count} messages the simulator writes (bytes flipped, JSON broken). */
    public void garbleNext(int count) {
        garbleNext.set(count);
    }

    /** Closes every connection but keeps listening (a dropped link the booth can reconnect to at once). */
    public void dropConnections() {
        for (SimConnection c : connections) {
            c.close();
        }
    }

    /** Every accepted uplink, in arrival order (sign verified; duplicates and refused messages are not listed). */
    public List<ReceivedUplink> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The accepted uplinks of one service_name, in arrival order. */
    public List<ReceivedUplink> received(String serviceName) {
        synchronized (received) {
            return received.stream().filter(r -> r.serviceName().equals(serviceName)).toList();
        }
    }

    /** Uplinks refused for a bad sign or token, in arrival order. */
    public List<ReceivedUplink> rejected() {
        synchronized (rejected) {
            return List.copyOf(rejected);
        }
    }

    /** How many uplinks were answered {@code 数据已处理过}. */
    public long duplicateCount() {
        return duplicates.get();
    }

    /** How many heartbeats were answered. */
    public long heartbeatCount() {
        return heartbeats.get();
    }

    /** How many uplinks were refused with {@code request_over_times}. */
    public long rateLimitedCount() {
        return rateLimited.get();
    }

    /** How many logins succeeded. */
    public int loginCount() {
        return logins.get();
    }

    /** Number of logged-in connections. */
    public int loggedInConnections() {
        return (int) connections.stream().filter(c -> c.token != null).count();
    }

    /** Called for every accepted uplink, on the connection's thread. */
    public void addListener(Consumer<ReceivedUplink> listener) {
        listeners.add(listener);
    }

    /** The simulated park's id. */
    public String parkId() {
        return settings.parkId();
    }

    /** The simulator's clock. */
    public java.time.Clock clock() {
        return settings.clock();
    }

    /** Registers a payment the {@code query_order} (2.19) answer will report for that order. */
    public void addPayment(String orderId, ObjectNode payment) {
        payments.computeIfAbsent(orderId, k -> new CopyOnWriteArrayList<>()).add(payment.deepCopy());
    }

    /** Writes a raw line (framed like a server message) to every logged-in connection. */
    public void sendGarbageLine(String line) {
        for (SimConnection c : connections) {
            if (c.token != null) {
                c.writeRaw(WireCodec.frameDownlink(line));
            }
        }
    }

    /**
     * Pushes a downlink to every logged-in connection; the future completes with the booth's answer (same
     * service_name and key), or fails at once when no booth is logged in.
     */
    public CompletableFuture<ObjectNode> pushDownlink(ObjectNode downlink) {
        CompletableFuture<ObjectNode> f = new CompletableFuture<>();
        String name = downlink.path("service_name").asText("");
        List<SimConnection> targets = connections.stream().filter(c -> c.token != null).toList();
        if (targets.isEmpty()) {
            f.completeExceptionally(new IllegalStateException("no booth is logged in"));
            return f;
        }
        PendingPush p = new PendingPush(name, MessageKeys.downlinkKey(downlink).orElse(null), f);
        pushes.add(p);
        f.whenComplete((r, e) -> pushes.remove(p));
        String json = WireCodec.toJson(downlink);
        for (SimConnection c : targets) {
            pushesSent.incrementAndGet();
            c.writeRaw(WireCodec.frameDownlink(json));
        }
        return f;
    }

    @Override
    public void close() {
        closed = true;
        if (httpServer != null) {
            httpServer.stop(0);
        }
        stop();
        connectionPool.shutdownNow();
        timer.shutdownNow();
        for (PendingPush p : pushes) {
            p.future.completeExceptionally(new IllegalStateException("simulator closed"));
        }
    }

    // ------------------------------------------------------------------ server side

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket socket = s.accept();
                if (outage) {
                    socket.close();
                    continue;
                }
                socket.setTcpNoDelay(true);
                SimConnection c = new SimConnection(socket);
                connections.add(c);
                connectionPool.execute(c::serve);
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                LOG.warn("accept failed", e);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private final class SimConnection {
        final Socket socket;
        final OutputStream out;
        final ArrayDeque<Long> requestTimes = new ArrayDeque<>();
        volatile String token;

        SimConnection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void serve() {
            try {
                LineReader reader = new LineReader(new BufferedInputStream(socket.getInputStream()),
                        WireCodec.MAX_UPLINK_BYTES);
                LineReader.Line line;
                while ((line = reader.next()) != null) {
                    if (stalled) {
                        continue;
                    }
                    if (line.oversize()) {
                        LOG.warn("cloud-sim: refused a {}-byte line (limit {})", line.byteLength(),
                                WireCodec.MAX_UPLINK_BYTES);
                        reply(error(null, "data error: line longer than " + WireCodec.MAX_UPLINK_BYTES + " bytes"));
                        continue;
                    }
                    String text = line.text().trim();
                    if (text.isEmpty()) {
                        continue;
                    }
                    if (WIRE.isTraceEnabled()) {
                        WIRE.trace("sim << {}", LogSafe.wire(text, false));
                    }
                    try {
                        handle(text);
                    } catch (RuntimeException e) {
                        LOG.error("cloud-sim: failed on {}", LogSafe.text(text), e);
                        reply(error(null, "data error"));
                    }
                }
            } catch (IOException e) {
                LOG.debug("cloud-sim connection ended: {}", e.toString());
            } finally {
                close();
                connections.remove(this);
            }
        }

        private void handle(String text) {
            if (WireCodec.isHeartbeat(text)) {
                if (token != null) {
                    heartbeats.incrementAndGet();
                    writeRaw(WireCodec.frameDownlink(WireCodec.HEARTBEAT_ACK));
                }
                return;
            }
            Envelope env;
            try {
                env = WireCodec.parseEnvelope(text);
            } catch (WireFormatException e) {
                LOG.warn("cloud-sim: {}: {}", LogSafe.text(e.getMessage()), LogSafe.text(text));
                reply(error(null, e.getMessage().startsWith("未识别") ? "未识别到service_name标记" : "data error"));
                return;
            }
            if ("login".equals(env.serviceName())) {
                login(env);
                return;
            }
            boolean signValid = Sign.verify(env.rawData(), settings.secret(), env.sign());
            ReceivedUplink r = new ReceivedUplink(env.serviceName(), env.token(), env.sign(), signValid,
                    env.data(), settings.clock().instant());
            if (token == null || !token.equals(env.token())) {
                refuse(r, env.token() == null ? "未识别到token标记" : "error:token无效");
                return;
            }
            if (env.sign() == null) {
                refuse(r, "未识别到sign标记");
                return;
            }
            if (!signValid) {
                refuse(r, "error:签名错误");
                return;
            }
            if (overRate()) {
                rateLimited.incrementAndGet();
                ObjectNode o = error(env.serviceName(), "request_over_times");
                echoKey(env.data(), o);
                reply(o);
                return;
            }
            if (completePush(env)) {
                record(r);
                return;
            }
            if (isDownlinkName(env.serviceName())) {
                // an answer to a push that was already answered (a resend): the cloud does not answer answers
                LOG.debug("cloud-sim: late answer {} recorded", env.serviceName());
                record(r);
                return;
            }
            answer(env, r);
        }

        private void answer(Envelope env, ReceivedUplink r) {
            String name = env.serviceName();
            ObjectNode data = env.data();
            ObjectNode o = WireCodec.MAPPER.createObjectNode();
            o.put("service_name", name);
            if (ORDER_SERVICES.contains(name)) {
                String orderId = data.path("order_id").asText("");
                // the real server's filter: the same sign again, or the same order more than twice
                boolean newSign = seenSigns.add(env.sign());
                int count = acceptedOrders.computeIfAbsent(name + "|" + orderId, k -> new AtomicInteger())
                        .incrementAndGet();
                if (!newSign || count > 2) {
                    duplicates.incrementAndGet();
                    o.put("state", 0);
                    o.put("errmsg", "数据已处理过...");
                    o.put("order_id", orderId);
                    o.put("car_number", data.path("car_number").asText(""));
                    reply(o);
                    return;
                }
                if (orderId.isEmpty()) {
                    o.put("state", 0);
                    o.put("errmsg", "数据无效");
                    reply(o);
                    return;
                }
                record(r);
                Optional<ObjectNode> paying = paymentPeer.answer(name, data);
                if (paying.isPresent()) { // pay: a booth pay-code or wallet payment
                    reply(paying.get());
                    return;
                }
                o.put("state", 1);
                o.put("errmsg", "");
                o.put("order_id", orderId);
                if ("out_park".equals(name)) {
                    o.put("pay_type", data.path("pay_type").asText(""));
                    o.put("net_status", 1);
                }
                reply(o);
                return;
            }
            if ("query_order".equals(name)) {
                record(r);
                o.set("time_temp", data.path("time_temp"));
                o.put("query_order_no", "query_order" + queryOrderSeq.incrementAndGet());
                var arr = o.putArray("data");
                payments.getOrDefault(data.path("order_id").asText(""), List.of()).forEach(arr::add);
                reply(o);
                return;
            }
            record(r);
            Optional<ObjectNode> peer = paymentPeer.answer(name, data); // pay: 4.1, 2.18, section 7
            if (peer.isPresent()) {
                reply(peer.get());
                return;
            }
            Optional<ObjectNode> documented = catalogueReplies.reply(name, data);
            if (documented.isPresent()) {
                reply(documented.get());
                return;
            }
            // a service_name the catalogue has no answer for: the generic 停车云 answer
            o.put("state", 1);
            o.put("errmsg", " upload data success!");
            o.put("park_id", settings.parkId());
            echoKey(data, o);
            reply(o);
        }

        private void echoKey(ObjectNode data, ObjectNode o) {
            ObjectNode flat = data.deepCopy();
            flat.set("service_name", o.get("service_name"));
            Optional<MessageKeys.Key> key = MessageKeys.uplinkKey(flat);
            key.ifPresent(k -> o.set(k.field(), data.get(k.field())));
        }

        private boolean completePush(Envelope env) {
            for (Iterator<PendingPush> it = pushes.iterator(); it.hasNext(); ) {
                PendingPush p = it.next();
                // 3.38-3.40 are answered in the parkInfo envelope, under their inner name (proto)
                ObjectNode body = "parkInfo".equals(env.serviceName()) && env.data().get("data") instanceof ObjectNode
                        in && in.path("service_name").isTextual() ? in : env.data();
                String name = body == env.data() ? env.serviceName() : body.get("service_name").asText();
                if (!p.serviceName.equals(name)) {
                    continue;
                }
                if (p.key != null) {
                    String v = MessageKeys.text(body, p.key.field());
                    if (v != null && !v.equals(p.key.value())) {
                        continue;
                    }
                }
                it.remove();
                ObjectNode flat = WireCodec.MAPPER.createObjectNode();
                flat.put("service_name", env.serviceName());
                flat.setAll(env.data().deepCopy());
                p.future.complete(flat);
                return true;
            }
            return false;
        }

        private boolean overRate() {
            if (settings.requestsPer10s() == 0) {
                return false;
            }
            long now = System.nanoTime();
            while (!requestTimes.isEmpty() && now - requestTimes.peekFirst() >= RATE_WINDOW_NANOS) {
                requestTimes.removeFirst();
            }
            requestTimes.addLast(now);
            return requestTimes.size() > settings.requestsPer10s();
        }

        private void login(Envelope env) {
            ObjectNode d = env.data();
            ObjectNode o = WireCodec.MAPPER.createObjectNode();
            String err = null;
            if (!d.hasNonNull("park_id")) {
                err = "未识别到park_id标记";
            } else if (!settings.unionId().equals(d.path("union_id").asText())
                    || !settings.parkId().equals(d.path("park_id").asText())) {
                err = "车场不存在";
            } else if (!Sign.verify(env.rawData(), settings.secret(), env.sign())) {
                err = "error:签名错误";
            }
            if (err != null) {
                LOG.warn("cloud-sim: login refused: {}", err);
                o.put("state", 0);
                o.put("errmsg", err);
                o.put("service_name", "login");
                reply(o);
                close();
                return;
            }
            token = UUID.randomUUID().toString().replace("-", "");
            logins.incrementAndGet();
            o.put("state", 1);
            o.put("token", token);
            o.put("service_name", "login");
            reply(o);
            timer.execute(() -> firstLogin.complete(null));
        }

        private void refuse(ReceivedUplink r, String errmsg) {
            LOG.warn("cloud-sim: refused {}: {}", r.serviceName(), errmsg);
            synchronized (rejected) {
                rejected.add(r);
            }
            reply(error(r.serviceName(), errmsg));
        }

        private ObjectNode error(String serviceName, String errmsg) {
            ObjectNode o = WireCodec.MAPPER.createObjectNode();
            o.put("state", 0);
            o.put("errmsg", errmsg);
            if (serviceName != null) {
                o.put("service_name", serviceName);
            }
            return o;
        }

        private void record(ReceivedUplink r) {
            synchronized (received) {
                received.add(r);
            }
            for (Consumer<ReceivedUplink> l : listeners) {
                try {
                    l.accept(r);
                } catch (RuntimeException e) {
                    LOG.error("cloud-sim listener failed", e);
                }
            }
        }

        void reply(ObjectNode o) {
            writeRaw(WireCodec.frameDownlink(WireCodec.toJson(o)));
        }

        void writeRaw(String framed) {
            byte[] bytes = framed.getBytes(StandardCharsets.UTF_8);
            if (garbleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 && bytes.length > 4) {
                // keep the framing, break the content: flip bits in the middle, drop the closing brace
                for (int i = 2; i < bytes.length - 2; i += 3) {
                    bytes[i] = (byte) (bytes[i] ^ 0x5A);
                    if (bytes[i] == '\n' || bytes[i] == '\r') {
                        bytes[i] = '#';
                    }
                }
            }
            try {
                synchronized (out) {
                    out.write(bytes);
                    out.flush();
                }
                if (WIRE.isTraceEnabled()) {
                    WIRE.trace("sim >> {}", LogSafe.wire(framed.trim(), false));
                }
            } catch (IOException e) {
                LOG.debug("cloud-sim write failed: {}", e.toString());
                close();
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("close failed", e);
            }
        }
    }

    private static boolean isDownlinkName(String name) {
        var entries = com.boothdesk.sdk.protocol.Catalogue.get().byServiceName(name);
        return !entries.isEmpty() && entries.stream()
                .allMatch(e -> e.direction() == com.boothdesk.sdk.protocol.MessageSpec.Direction.DOWN);
    }

    private static final class PendingPush {
        final String serviceName;
        final MessageKeys.Key key;
        final CompletableFuture<ObjectNode> future;

        PendingPush(String serviceName, MessageKeys.Key key, CompletableFuture<ObjectNode> future) {
            this.serviceName = serviceName;
            this.key = key;
            this.future = future;
        }
    }
}
