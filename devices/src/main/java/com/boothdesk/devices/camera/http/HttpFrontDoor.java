package com.boothdesk.devices.camera.http;

import com.boothdesk.devices.util.LogSafe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server for device pushes (camera brands mount their {@link HttpRoute} under a path prefix), made so
 * that nothing a peer does with a connection can delay another peer's request by more than the time it takes to
 * handle it.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}: it reads request headers on the worker threads with no
 * per-connection deadline (its {@code maxReqTime} is a global system property in whole seconds, checked by a timer),
 * has no hook at accept to refuse a peer before its request is read, and no bound on connections per peer, so a few
 * slow or stalled connections took every worker (155 s for one valid push in the probe).
 *
 * <p>How this one works:
 * <ul>
 *   <li>One accept thread. A peer the allow-list refuses is answered 403 at once, without reading its request (a
 *   small refusal pool writes the 403, discards at most 64 KB for a clean close, and closes).</li>
 *   <li>Connections are bounded per peer and in total. A new connection that finds a bound reached takes the place of
 *   the oldest connection that is only waiting for bytes (headers or body not yet complete first, then idle
 *   keep-alive): a stalled or slow connection is closed; a connection whose request is being handled is never
 *   touched. Only when no
 *   connection can give way is the newcomer answered 503.</li>
 *   <li>Each admitted connection is served by one worker of a bounded pool (platform threads; one per connection at
 *   most, so a worker is always free for an admitted connection). Every read has the deadline of its phase
 *   ({@link FrontDoorOptions#headerTimeout()}, {@link FrontDoorOptions#bodyTimeout()},
 *   {@link FrontDoorOptions#idleTimeout()}); a reaper closes any connection past its deadline, writes included.</li>
 *   <li>Only {@code Content-Length} bodies (a {@code Transfer-Encoding} is answered 501), bounded by the route for
 *   this head before a byte of the body is read (413), and by a budget of body bytes in memory across all
 *   connections. {@code Expect: 100-continue} is honoured after these checks.</li>
 *   <li>Keep-alive as HTTP/1.1 defines it, bounded by {@link FrontDoorOptions#maxRequestsPerConnection()} and the idle
 *   timeout.</li>
 * </ul>
 * Network deadlines are measured with {@link System#nanoTime()}: they bound real waiting, not business time.
 */
public final class HttpFrontDoor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontDoor.class);
    private static final int LINGER_BYTES = 64 * 1024;
    private static final int LINGER_MS = 200;
    private static final int MAX_HEADERS = 100;
    private static final long REAPER_PERIOD_MS = 20;
    /** The reaper acts this long after a deadline, so a worker's own read deadline (which answers 408) goes first. */
    private static final long REAPER_GRACE_NANOS = 300_000_000L;

    private final String name;
    private final InetSocketAddress bind;
    private final Predicate<InetAddress> allowedPeer;
    private final FrontDoorOptions options;
    private final Map<String, HttpRoute> routes = new ConcurrentHashMap<>();
    private volatile Function<InetAddress, HttpResponse> refusal =
            peer -> HttpResponse.error(403, "address " + peer.getHostAddress() + " is not allowed");

    private final Object lock = new Object();
    private final LinkedHashSet<Conn> conns = new LinkedHashSet<>();
    private final ArrayDeque<Conn> waiting = new ArrayDeque<>();
    private final Map<InetAddress, Integer> perPeer = new HashMap<>();
    private long bodyBytesHeld;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong tooLarge = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong connSeq = new AtomicLong();

    private volatile boolean closed;
    private ServerSocket server;
    private Thread acceptor;
    private Thread reaper;
    private ThreadPoolExecutor workers;
    private ThreadPoolExecutor refusers;

    /** Counters since start, for tests, health and logs. */
    public record Stats(long accepted, long refusedPeers, long evicted, long busy, long timedOut, long tooLarge,
                        long malformed, long requests, int open, long bodyBytesHeld) {
    }

    private enum Phase { HEADERS, BODY, IDLE, HANDLER, WRITING }

    private static final class Conn {
        final Socket socket;
        final InetAddress peer;
        final long id;
        Phase phase = Phase.HEADERS; // guarded by the door's lock
        long phaseSince;
        volatile long lastByte;
        long deadline;
        long bodyBytes;
        boolean gone;

        Conn(Socket socket, InetAddress peer, long id, long now) {
            this.socket = socket;
            this.peer = peer;
            this.id = id;
            this.phaseSince = now;
            this.lastByte = now;
        }
    }

    /** A head that cannot be served: answered with {@code status} and the connection closed. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** A phase deadline passed; {@code started} says whether any byte of the request had arrived. */
    private static final class Deadline extends IOException {
        private static final long serialVersionUID = 1L;
        final boolean started;

        Deadline(String message, boolean started) {
            super(message);
            this.started = started;
        }
    }

    public HttpFrontDoor(String name, InetSocketAddress bind, Predicate<InetAddress> allowedPeer,
                         FrontDoorOptions options) {
        this.name = Objects.requireNonNull(name, "name");
        this.bind = Objects.requireNonNull(bind, "bind");
        this.allowedPeer = Objects.requireNonNull(allowedPeer, "allowedPeer");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Serves requests whose path starts with {@code prefix} (the longest matching prefix wins). */
    public HttpFrontDoor mount(String prefix, HttpRoute route) {
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("a route prefix starts with '/': " + prefix);
        }
        routes.put(prefix, Objects.requireNonNull(route, "route"));
        return this;
    }

    /** The answer for peers the allow-list refuses (default: a JSON 403). */
    public HttpFrontDoor onRefusedPeer(Function<InetAddress, HttpResponse> answer) {
        this.refusal = Objects.requireNonNull(answer, "answer");
        return this;
    }

    public FrontDoorOptions options() {
        return options;
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException(name + " already started");
        }
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(bind, 128);
        server = ss;
        int poolSize = options.maxConnections() + options.maxConnectionsPerPeer();
        AtomicInteger n = new AtomicInteger();
        workers = new ThreadPoolExecutor(poolSize, poolSize, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> daemon(r, name + "-http-" + n.incrementAndGet()));
        workers.allowCoreThreadTimeOut(true);
        refusers = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32),
                r -> daemon(r, name + "-refuse-" + n.incrementAndGet()));
        refusers.allowCoreThreadTimeOut(true);
        acceptor = daemon(this::acceptLoop, name + "-accept");
        reaper = daemon(this::reapLoop, name + "-reaper");
        acceptor.start();
        reaper.start();
    }

    private static Thread daemon(Runnable r, String threadName) {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        return t;
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        ServerSocket ss = server;
        if (ss == null) {
            throw new IllegalStateException(name + " not started");
        }
        return ss.getLocalPort();
    }

    public Stats stats() {
        synchronized (lock) {
            return new Stats(accepted.get(), refused.get(), evicted.get(), busy.get(), timedOut.get(),
                    tooLarge.get(), malformed.get(), requests.get(), conns.size(), bodyBytesHeld);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                LOG.debug("{}: closing the listening socket: {}", name, e.getMessage());
            }
        }
        List<Conn> all;
        synchronized (lock) {
            all = new ArrayList<>(conns);
            all.addAll(waiting);
            waiting.clear();
        }
        for (Conn c : all) {
            drop(c);
        }
        if (acceptor != null) {
            acceptor.interrupt();
        }
        if (reaper != null) {
            reaper.interrupt();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        if (refusers != null) {
            refusers.shutdownNow();
        }
    }

    // ---- accepting -------------------------------------------------------------------------------------------

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("{}: accept failed: {}", name, e.getMessage());
                }
                continue;
            }
            InetAddress peer = s.getInetAddress();
            boolean allowed;
            try {
                allowed = allowedPeer.test(peer);
            } catch (RuntimeException e) {
                LOG.error("{}: the peer filter failed for {}; refused", name, peer.getHostAddress(), e);
                allowed = false;
            }
            if (!allowed) {
                note(refused, "connection from {} refused: address not allowed", peer.getHostAddress());
                answerAndClose(s, refusal(peer));
                continue;
            }
            Conn c = new Conn(s, peer, connSeq.incrementAndGet(), System.nanoTime());
            boolean lineWaiting;
            synchronized (lock) {
                lineWaiting = !waiting.isEmpty();
            }
            if (lineWaiting) {
                admitWaiting(); // those who came first get the room first
            }
            List<Conn> victims = new ArrayList<>(2);
            boolean admitted;
            boolean lineFull = false;
            synchronized (lock) {
                admitted = waiting.isEmpty() && admitLocked(c, victims);
                if (!admitted) {
                    lineFull = waitingOf(peer) >= 2 * options.maxConnectionsPerPeer()
                            || waiting.size() >= 2 * options.maxConnections();
                    if (!lineFull) {
                        waiting.addLast(c);
                    }
                }
            }
            closeVictims(victims);
            if (admitted) {
                dispatch(c);
            } else if (lineFull) {
                note(busy, "connection from {} answered 503: no room and the waiting line is full",
                        peer.getHostAddress());
                answerAndClose(s, HttpResponse.error(503, "busy: too many connections from this address"));
            }
        }
    }

    private int waitingOf(InetAddress peer) {
        int n = 0;
        for (Conn w : waiting) {
            if (w.peer.equals(peer)) {
                n++;
            }
        }
        return n;
    }

    private void dispatch(Conn c) {
        accepted.incrementAndGet();
        try {
            workers.execute(() -> serve(c));
        } catch (RejectedExecutionException e) {
            drop(c);
        }
    }

    /**
     * Admits newcomers from the waiting line, in arrival order, as room appears (nothing of theirs has been read
     * and no thread holds them while they wait); one waiting past the header deadline is answered 503.
     */
    private void admitWaiting() {
        List<Conn> victims = new ArrayList<>();
        List<Conn> admitted = new ArrayList<>();
        List<Conn> expired = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (lock) {
            for (Iterator<Conn> it = waiting.iterator(); it.hasNext();) {
                Conn w = it.next();
                if (now - w.phaseSince > options.headerTimeout().toNanos()) {
                    it.remove();
                    expired.add(w);
                } else if (admitLocked(w, victims)) {
                    it.remove();
                    admitted.add(w);
                }
            }
        }
        closeVictims(victims);
        for (Conn w : admitted) {
            dispatch(w);
        }
        for (Conn w : expired) {
            note(busy, "connection from {} answered 503: no room within the header deadline",
                    w.peer.getHostAddress());
            answerAndClose(w.socket, HttpResponse.error(503, "busy"));
        }
    }

    private HttpResponse refusal(InetAddress peer) {
        try {
            return refusal.apply(peer);
        } catch (RuntimeException e) {
            return HttpResponse.error(403, "not allowed");
        }
    }

    /**
     * Under the lock: registers {@code c} if its peer and the total are below their bounds, or if connections give
     * way (they are removed and added to {@code victims}, for the caller to close outside the lock).
     */
    private boolean admitLocked(Conn c, List<Conn> victims) {
        long now = System.nanoTime();
        Conn peerVictim = null;
        if (perPeer.getOrDefault(c.peer, 0) >= options.maxConnectionsPerPeer()) {
            peerVictim = givesWay(c.peer, now, false);
            if (peerVictim == null) {
                return false;
            }
        }
        if (conns.size() - (peerVictim == null ? 0 : 1) >= options.maxConnections()) {
            Conn totalVictim = givesWay(null, now, false);
            if (totalVictim == null || totalVictim == peerVictim) {
                return false;
            }
            removeLocked(totalVictim);
            victims.add(totalVictim);
        }
        if (peerVictim != null) {
            removeLocked(peerVictim);
            victims.add(peerVictim);
        }
        c.phaseSince = now;
        c.lastByte = now;
        c.deadline = now + options.headerTimeout().toNanos();
        conns.add(c);
        perPeer.merge(c.peer, 1, Integer::sum);
        return true;
    }

    private void closeVictims(List<Conn> victims) {
        for (Conn v : victims) {
            evicted.incrementAndGet();
            LOG.debug("{}: connection #{} from {} closed to make room (in {} for {} ms, silent {} ms)", name, v.id,
                    v.peer.getHostAddress(), v.phase, (System.nanoTime() - v.phaseSince) / 1_000_000,
                    (System.nanoTime() - v.lastByte) / 1_000_000);
            closeQuietly(v.socket);
        }
        if (!victims.isEmpty()) {
            note(evictedLog, "{} slow, stalled or idle connection(s) closed to make room", victims.size());
        }
    }

    private final AtomicLong evictedLog = new AtomicLong();

    /** Silent this long while sending a request: stalled. */
    private static final long STALLED_NANOS = 50_000_000L;
    /** Still sending headers after this long: slow (a camera sends them in one packet). */
    private static final long SLOW_HEADERS_NANOS = 200_000_000L;
    /**
     * Idle this long on keep-alive: may give way (a client reusing its pooled connection at once must not lose it;
     * HTTP clients do not resend a POST on a connection closed under them).
     */
    private static final long IDLE_GIVES_WAY_NANOS = 1_000_000_000L;
    /** Still sending a body after this long: slow enough to give way when room is needed. */
    private static final long SLOW_BODY_NANOS = 1_000_000_000L;

    /**
     * The connection that gives way to a newcomer, of {@code peer} if given (and holding body budget if asked), or
     * null: first a stalled one (sending a request but silent for 50 ms; silent longest first), then one still
     * sending headers after 200 ms, then one still sending its body after 1 s, then a kept-alive one idle for 1 s
     * (idle longest first). A connection sending its request briskly, or whose request is being handled or answered,
     * never gives way.
     */
    private Conn givesWay(InetAddress peer, long now, boolean holdingBody) {
        Conn best = null;
        int bestClass = Integer.MAX_VALUE;
        long bestKey = 0;
        for (Conn c : conns) {
            if (peer != null && !peer.equals(c.peer) || holdingBody && c.bodyBytes == 0) {
                continue;
            }
            int cls;
            long key;
            if (c.phase == Phase.HEADERS || c.phase == Phase.BODY) {
                long last = c.lastByte;
                if (now - last >= STALLED_NANOS) {
                    cls = 0;
                    key = last;
                } else if (c.phase == Phase.HEADERS && now - c.phaseSince >= SLOW_HEADERS_NANOS) {
                    cls = 1;
                    key = c.phaseSince;
                } else if (c.phase == Phase.BODY && now - c.phaseSince >= SLOW_BODY_NANOS) {
                    cls = 2;
                    key = c.phaseSince;
                } else {
                    continue;
                }
            } else if (c.phase == Phase.IDLE && now - c.phaseSince >= IDLE_GIVES_WAY_NANOS) {
                cls = 3;
                key = c.phaseSince;
            } else {
                continue;
            }
            if (cls < bestClass || cls == bestClass && key - bestKey < 0) {
                best = c;
                bestClass = cls;
                bestKey = key;
            }
        }
        return best;
    }

    private void removeLocked(Conn c) {
        if (c.gone) {
            return;
        }
        c.gone = true;
        conns.remove(c);
        perPeer.computeIfPresent(c.peer, (k, v) -> v <= 1 ? null : v - 1);
        bodyBytesHeld -= c.bodyBytes;
        c.bodyBytes = 0;
    }

    private void drop(Conn c) {
        synchronized (lock) {
            removeLocked(c);
        }
        closeQuietly(c.socket);
    }

    private boolean phase(Conn c, Phase p, long timeoutNanos) {
        synchronized (lock) {
            if (c.gone) {
                return false;
            }
            c.phase = p;
            c.phaseSince = System.nanoTime();
            c.deadline = timeoutNanos > 0 ? c.phaseSince + timeoutNanos : Long.MAX_VALUE;
            return true;
        }
    }

    private boolean reserveBody(Conn c, long n) {
        List<Conn> victims = new ArrayList<>();
        try {
            synchronized (lock) {
                if (c.gone || n > options.maxBufferedBodyBytes()) {
                    return false;
                }
                while (bodyBytesHeld + n > options.maxBufferedBodyBytes()) {
                    Conn v = givesWay(null, System.nanoTime(), true);
                    if (v == null || v == c) {
                        return false;
                    }
                    removeLocked(v);
                    victims.add(v);
                }
                bodyBytesHeld += n;
                c.bodyBytes = n;
                return true;
            }
        } finally {
            for (Conn v : victims) {
                evicted.incrementAndGet();
                closeQuietly(v.socket);
            }
        }
    }

    private void releaseBody(Conn c) {
        synchronized (lock) {
            bodyBytesHeld -= c.bodyBytes;
            c.bodyBytes = 0;
        }
    }

    private void reapLoop() {
        while (!closed) {
            try {
                Thread.sleep(REAPER_PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            List<Conn> late = new ArrayList<>();
            synchronized (lock) {
                for (Iterator<Conn> it = conns.iterator(); it.hasNext();) {
                    Conn c = it.next();
                    if (c.phase != Phase.HANDLER && now - c.deadline > REAPER_GRACE_NANOS) {
                        late.add(c);
                    }
                }
                late.forEach(this::removeLocked);
            }
            admitWaiting();
            for (Conn c : late) {
                timedOut.incrementAndGet();
                LOG.debug("{}: connection #{} from {} closed: {} deadline passed", name, c.id,
                        c.peer.getHostAddress(), c.phase);
                closeQuietly(c.socket);
            }
        }
    }

    // ---- serving ---------------------------------------------------------------------------------------------

    private void serve(Conn c) {
        Socket s = c.socket;
        int served = 0;
        try {
            s.setTcpNoDelay(true);
            Wire wire = new Wire(s, c);
            OutputStream out = s.getOutputStream();
            while (!closed) {
                if (served > 0) {
                    if (!phase(c, Phase.IDLE, options.idleTimeout().toNanos())) {
                        return;
                    }
                    if (!wire.awaitByte(deadlineOf(c))) {
                        return; // the peer closed or stayed silent: a normal end of keep-alive
                    }
                    if (!phase(c, Phase.HEADERS, options.headerTimeout().toNanos())) {
                        return;
                    }
                }
                HttpRequestHead head;
                try {
                    head = readHead(wire, c);
                } catch (Refusal r) {
                    count(r.status);
                    note(malformed, "request from {} refused with {}: {}", c.peer.getHostAddress(), r.status,
                            LogSafe.text(r.getMessage()));
                    respond(c, out, HttpResponse.error(r.status, r.getMessage()), false);
                    return;
                }
                requests.incrementAndGet();
                boolean keepAlive = keepAlive(head) && served + 1 < options.maxRequestsPerConnection();
                HttpRoute route = route(head.path());
                if (route == null) {
                    respond(c, out, HttpResponse.error(404, "no route for " + LogSafe.text(head.path(), 64)),
                            keepAlive && head.contentLength() == 0);
                    if (!keepAlive || head.contentLength() > 0) {
                        return;
                    }
                    served++;
                    continue;
                }
                HttpResponse early = route.beforeBody(head);
                if (early == null) {
                    int max = route.maxBodyBytes(head);
                    if (head.contentLength() > max) {
                        note(tooLarge, "request from {} refused: body of {} bytes, at most {} accepted here",
                                c.peer.getHostAddress(), head.contentLength(), max);
                        early = HttpResponse.error(413, "body larger than " + max + " bytes");
                    } else if (head.contentLength() > 0 && !reserveBody(c, head.contentLength())) {
                        note(busy, "request from {} answered 503: {} bytes of bodies already in memory",
                                c.peer.getHostAddress(), options.maxBufferedBodyBytes());
                        early = HttpResponse.error(503, "busy: too many request bodies in progress");
                    }
                }
                if (early != null) {
                    boolean keep = keepAlive && head.contentLength() == 0;
                    respond(c, out, early, keep);
                    if (!keep) {
                        return;
                    }
                    served++;
                    continue;
                }
                if (head.contentLength() > 0 && "100-continue".equalsIgnoreCase(head.header("expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                if (!phase(c, Phase.BODY, options.bodyTimeout().toNanos())) {
                    return;
                }
                byte[] body = wire.readBody((int) head.contentLength(), deadlineOf(c));
                if (!phase(c, Phase.HANDLER, 0)) {
                    return;
                }
                HttpResponse answer;
                try {
                    answer = route.handle(new HttpRequest(head, body));
                    if (answer == null) {
                        answer = HttpResponse.error(500, "no answer");
                    }
                } catch (RuntimeException e) {
                    LOG.error("{}: route for {} failed on a request from {}", name, LogSafe.text(head.path(), 64),
                            c.peer.getHostAddress(), e);
                    answer = HttpResponse.error(500, "internal error");
                } finally {
                    releaseBody(c);
                }
                respond(c, out, answer, keepAlive);
                served++;
                if (!keepAlive) {
                    return;
                }
            }
        } catch (Deadline d) {
            timedOut.incrementAndGet();
            LOG.debug("{}: connection #{} from {}: {}", name, c.id, c.peer.getHostAddress(), d.getMessage());
            if (d.started) {
                note(timedOutLog, "request from {} timed out: {}", c.peer.getHostAddress(), d.getMessage());
                try {
                    respond(c, s.getOutputStream(), HttpResponse.error(408, d.getMessage()), false);
                } catch (IOException e) {
                    LOG.debug("{}: 408 not delivered: {}", name, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.debug("{}: connection #{} from {} ended: {}", name, c.id, c.peer.getHostAddress(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{}: connection #{} from {} failed", name, c.id, c.peer.getHostAddress(), e);
        } finally {
            drop(c);
        }
    }

    private final AtomicLong timedOutLog = new AtomicLong();

    private void count(int status) {
        if (status == 413 || status == 431) {
            tooLarge.incrementAndGet();
        }
    }

    private long deadlineOf(Conn c) {
        synchronized (lock) {
            return c.deadline;
        }
    }

    private HttpRoute route(String path) {
        HttpRoute best = null;
        int bestLen = -1;
        for (Map.Entry<String, HttpRoute> e : routes.entrySet()) {
            String p = e.getKey();
            if (path.startsWith(p) && p.length() > bestLen) {
                best = e.getValue();
                bestLen = p.length();
            }
        }
        return best;
    }

    private static boolean keepAlive(HttpRequestHead head) {
        String conn = head.header("connection").toLowerCase(Locale.ROOT);
        if ("HTTP/1.0".equals(head.version())) {
            return conn.contains("keep-alive");
        }
        return !conn.contains("close");
    }

    private HttpRequestHead readHead(Wire wire, Conn c) throws IOException, Refusal {
        long deadline = deadlineOf(c);
        int[] budget = {options.maxHeaderBytes()};
        String line = wire.readLine(deadline, budget);
        while (line.isEmpty()) { // tolerated: empty lines before a request (RFC 9112 2.2)
            line = wire.readLine(deadline, budget);
        }
        int sp1 = line.indexOf(' ');
        int sp2 = line.lastIndexOf(' ');
        if (sp1 <= 0 || sp2 <= sp1) {
            throw new Refusal(400, "malformed request line");
        }
        String method = line.substring(0, sp1);
        String target = line.substring(sp1 + 1, sp2);
        String version = line.substring(sp2 + 1);
        if (!method.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z') || method.length() > 16) {
            throw new Refusal(400, "malformed method");
        }
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) { // absolute form (RFC 9112 3.2.2)
            int slash = target.indexOf('/', lower.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        if (!target.startsWith("/") || target.indexOf(' ') >= 0) {
            throw new Refusal(400, "malformed request target");
        }
        if (!"HTTP/1.1".equals(version) && !"HTTP/1.0".equals(version)) {
            throw new Refusal(505, "only HTTP/1.1 and HTTP/1.0 are served");
        }
        Map<String, String> headers = new HashMap<>();
        long contentLength = -1;
        while (true) {
            String h = wire.readLine(deadline, budget);
            if (h.isEmpty()) {
                break;
            }
            if (headers.size() >= MAX_HEADERS) {
                throw new Refusal(431, "more than " + MAX_HEADERS + " headers");
            }
            char first = h.charAt(0);
            if (first == ' ' || first == '\t') {
                throw new Refusal(400, "folded header lines are not accepted");
            }
            int colon = h.indexOf(':');
            if (colon <= 0 || h.charAt(colon - 1) == ' ' || h.charAt(colon - 1) == '\t') {
                throw new Refusal(400, "malformed header line");
            }
            String hn = h.substring(0, colon).toLowerCase(Locale.ROOT);
            String hv = h.substring(colon + 1).trim();
            if ("content-length".equals(hn)) {
                long v = parseLength(hv);
                if (contentLength >= 0 && v != contentLength) {
                    throw new Refusal(400, "conflicting Content-Length headers");
                }
                contentLength = v;
            }
            if ("transfer-encoding".equals(hn)) {
                throw new Refusal(501, "Transfer-Encoding is not accepted; send the body with Content-Length");
            }
            headers.putIfAbsent(hn, hv);
        }
        return new HttpRequestHead(c.peer, method, target, version, headers, Math.max(0, contentLength));
    }

    private static long parseLength(String v) throws Refusal {
        if (v.isEmpty() || v.length() > 12 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new Refusal(400, "malformed Content-Length");
        }
        return Long.parseLong(v);
    }

    private void respond(Conn c, OutputStream out, HttpResponse r, boolean keepAlive) throws IOException {
        boolean sent = false;
        try {
            write(c, out, r, keepAlive);
            sent = true;
        } finally {
            try {
                r.delivery().accept(sent);
            } catch (RuntimeException e) {
                LOG.error("{}: delivery listener failed", name, e);
            }
        }
        if (!keepAlive) {
            lingerAndClose(c.socket);
        }
    }

    private void write(Conn c, OutputStream out, HttpResponse r, boolean keepAlive) throws IOException {
        if (!phase(c, Phase.WRITING, options.writeTimeout().toNanos())) {
            throw new IOException("connection closed");
        }
        byte[] head = ("HTTP/1.1 " + r.status() + " " + r.reason() + "\r\nContent-Type: " + r.contentType()
                + "\r\nContent-Length: " + r.body().length + "\r\nConnection: " + (keepAlive ? "keep-alive" : "close")
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + r.body().length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(r.body(), 0, all, head.length, r.body().length);
        out.write(all);
        out.flush();
    }

    /** Answers on the refusal pool: write, half-close, discard a little of what the peer still sends, close. */
    private void answerAndClose(Socket s, HttpResponse r) {
        try {
            refusers.execute(() -> {
                try {
                    s.setTcpNoDelay(true);
                    s.setSoTimeout(LINGER_MS);
                    byte[] head = ("HTTP/1.1 " + r.status() + " " + r.reason() + "\r\nContent-Type: "
                            + r.contentType() + "\r\nContent-Length: " + r.body().length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
                    OutputStream out = s.getOutputStream();
                    out.write(head);
                    out.write(r.body());
                    out.flush();
                    lingerAndClose(s);
                } catch (IOException e) {
                    LOG.debug("{}: refusal not delivered: {}", name, e.getMessage());
                } finally {
                    closeQuietly(s);
                }
            });
        } catch (RejectedExecutionException e) {
            closeQuietly(s); // refusals are arriving faster than they can be written: just close
        }
    }

    private static void lingerAndClose(Socket s) {
        try {
            s.shutdownOutput();
            s.setSoTimeout(LINGER_MS);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            long until = System.nanoTime() + LINGER_MS * 1_000_000L;
            int total = 0;
            int n;
            while (total < LINGER_BYTES && System.nanoTime() - until < 0 && (n = in.read(buf)) > 0) {
                total += n;
            }
        } catch (IOException e) {
            // the peer went first: nothing more to do
        } finally {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Logs the first few of each kind in full, then one line per thousand, so a flood cannot flood the log. */
    private void note(AtomicLong counter, String format, Object... args) {
        long n = counter.incrementAndGet();
        if (n <= 5 || n % 1000 == 0) {
            Object[] withCount = java.util.Arrays.copyOf(args, args.length + 1);
            withCount[args.length] = n;
            LOG.warn(name + ": " + format + " ({} so far)", withCount);
        }
    }

    // ---- reading with deadlines ------------------------------------------------------------------------------

    /** A read buffer over the socket where every read waits at most until the given deadline. */
    private static final class Wire {
        private final Socket socket;
        private final Conn conn;
        private final InputStream in;
        private final byte[] buf = new byte[8192];
        private int pos;
        private int lim;
        private boolean any;

        Wire(Socket socket, Conn conn) throws IOException {
            this.socket = socket;
            this.conn = conn;
            this.in = socket.getInputStream();
        }

        /** Reads into the buffer; -1 at end of stream. */
        private int fill(long deadline) throws IOException {
            if (pos == lim) {
                pos = 0;
                lim = 0;
            } else if (lim == buf.length) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            int n = readUntil(buf, lim, buf.length - lim, deadline);
            if (n > 0) {
                lim += n;
                any = true;
            }
            return n;
        }

        private int readUntil(byte[] into, int off, int len, long deadline) throws IOException {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new Deadline("no complete request within the time allowed", any);
                }
                socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000)));
                try {
                    int n = in.read(into, off, len);
                    if (n > 0) {
                        conn.lastByte = System.nanoTime();
                    }
                    return n;
                } catch (SocketTimeoutException e) {
                    // loop: the deadline check above decides
                }
            }
        }

        /** Waits for the first byte of a next request; false if the peer closed or the idle deadline passed. */
        boolean awaitByte(long deadline) throws IOException {
            any = false;
            if (pos < lim) {
                return true;
            }
            try {
                return fill(deadline) > 0;
            } catch (Deadline d) {
                return false;
            }
        }

        /** One header line without its CR LF (bare LF accepted), ISO-8859-1; counts against {@code budget}. */
        String readLine(long deadline, int[] budget) throws IOException, Refusal {
            while (true) {
                for (int i = pos; i < lim; i++) {
                    if (buf[i] == '\n') {
                        int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                        String line = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                        budget[0] -= i + 1 - pos;
                        if (budget[0] < 0) {
                            throw new Refusal(431, "request head larger than allowed");
                        }
                        pos = i + 1;
                        return line;
                    }
                }
                if (lim - pos >= budget[0] || lim - pos == buf.length) {
                    throw new Refusal(431, "request head (or one of its lines) larger than allowed");
                }
                if (fill(deadline) < 0) {
                    throw new IOException("peer closed in the middle of the request head");
                }
            }
        }

        byte[] readBody(int length, long deadline) throws IOException {
            byte[] body = new byte[length];
            int have = Math.min(length, lim - pos);
            System.arraycopy(buf, pos, body, 0, have);
            pos += have;
            while (have < length) {
                int n = readUntil(body, have, length - have, deadline);
                if (n < 0) {
                    throw new IOException("peer closed after " + have + " of " + length + " body bytes");
                }
                have += n;
            }
            return body;
        }
    }
}
