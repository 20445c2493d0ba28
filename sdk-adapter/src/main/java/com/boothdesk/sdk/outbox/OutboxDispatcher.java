package com.boothdesk.sdk.outbox;

import com.boothdesk.sdk.link.CloudLink;
import com.boothdesk.sdk.link.LinkDownException;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.link.MessageRejectedException;
import com.boothdesk.sdk.wire.WireCodec;
import com.boothdesk.sdk.wire.WireFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the {@link JdbcOutbox} through a {@link CloudLink} on one thread ({@code sdk-outbox}): in order per order
 * key, evenly paced below the cloud's limit ({@link RateLimiter}), retried with backoff and jitter, resumed after a
 * restart (SENT rows are sent again; the cloud answers a duplicate with {@code 数据已处理过}, which counts as
 * delivered). An uplink that failed only because the link went down is not backed off: it goes first as soon as the
 * link is logged in again.
 */
public final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final long IDLE_POLL_MILLIS = 1000;
    private static final int BATCH = 100;
    /**
     * Uplinks awaiting their reply at once. A batch from {@link JdbcOutbox#due} holds at most the head of each order
     * key, so its entries are independent; the next entry of a key is fetched only after its head was answered.
     */
    static final int MAX_IN_FLIGHT = 32;

    private final JdbcOutbox outbox;
    private final CloudLink link;
    private final Clock clock;
    private final RetryPolicy policy;
    private final RateLimiter limiter;
    private final CopyOnWriteArrayList<Consumer<OutboxEntry>> listeners = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean closed;
    private final java.util.Set<CompletableFuture<ObjectNode>> inFlight =
            java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Thread thread;

    public OutboxDispatcher(JdbcOutbox outbox, CloudLink link, Clock clock, RetryPolicy policy) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.link = Objects.requireNonNull(link, "link");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.limiter = new RateLimiter(policy, System::nanoTime);
        link.addDownlinkAnswerListener(limiter::recordAnswer);
        link.addStatusListener(s -> {
            if (s == LinkStatus.LOGGED_IN) {
                wake();
            }
        });
    }

    /** Starts the delivery thread; open entries of an earlier run (PENDING and SENT) are delivered first. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("dispatcher is closed");
        }
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, "sdk-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called after enqueue so delivery starts at once. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Called (on the dispatcher thread) after every state change of an entry. */
    public void addListener(Consumer<OutboxEntry> statusChanged) {
        listeners.add(Objects.requireNonNull(statusChanged));
    }

    /** proto4: the listeners told of the cloud's answers, by the uplink's service_name. */
    private final java.util.Map<String, List<java.util.function.BiConsumer<OutboxEntry, ObjectNode>>> replyListeners =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * proto4: told of the cloud's answer (whatever its state) to every uplink named {@code serviceName}, on the
     * dispatcher's thread before the entry is written down; a listener keeps what it needs and returns at once. For
     * the answers the booth must keep (2.44's uuid / state / message).
     */
    public void onReply(String serviceName, java.util.function.BiConsumer<OutboxEntry, ObjectNode> listener) {
        replyListeners.computeIfAbsent(Objects.requireNonNull(serviceName), k -> new CopyOnWriteArrayList<>())
                .add(Objects.requireNonNull(listener));
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        wake();
        for (CompletableFuture<ObjectNode> f : inFlight) {
            f.cancel(false);
        }
        if (t != null) {
            // no interrupt: an interrupt during H2 file I/O closes the database's file channel
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (!closed) {
            try {
                if (link.status() != LinkStatus.LOGGED_IN) {
                    await(IDLE_POLL_MILLIS);
                    continue;
                }
                Instant claimedAt = clock.instant();
                List<OutboxEntry> due = outbox.due(claimedAt, BATCH);
                if (due.isEmpty()) {
                    long wait = outbox.nextAttemptAt()
                            .map(t -> Duration.between(clock.instant(), t).toMillis())
                            .orElse(IDLE_POLL_MILLIS);
                    await(Math.max(1, Math.min(wait, IDLE_POLL_MILLIS)));
                    continue;
                }
                java.util.ArrayDeque<Flight> flights = new java.util.ArrayDeque<>();
                Pending pending = new Pending();
                try {
                    for (OutboxEntry e : due) {
                        if (flights.size() >= MAX_IN_FLIGHT) {
                            awaitHead(flights, pending);
                            settle(flights, pending, false);
                        }
                        if (closed || link.status() != LinkStatus.LOGGED_IN) {
                            break;
                        }
                        if (limiter.delayNanos(e.serviceName()) > 0) {
                            // about to wait: write down what went out and came back meanwhile
                            settle(flights, pending, false);
                            writeDown(pending);
                        }
                        if (!pace(e.serviceName())) {
                            break;
                        }
                        if (leaseSpent(claimedAt)) {
                            // the rest of the batch is claimed again (the claim renewed) before it goes out
                            break;
                        }
                        Flight f = begin(e);
                        if (f != null) {
                            flights.addLast(f);
                            pending.unmarked.add(f);
                        }
                    }
                } finally {
                    try {
                        settle(flights, pending, true);
                    } finally {
                        writeDown(pending);
                    }
                }
            } catch (InterruptedException e) {
                if (!closed) {
                    LOG.warn("outbox dispatcher interrupted");
                }
                Thread.interrupted();
            } catch (RuntimeException e) {
                LOG.error("outbox dispatcher error; retrying in {} ms", IDLE_POLL_MILLIS, e);
                try {
                    await(IDLE_POLL_MILLIS);
                } catch (InterruptedException ie) {
                    Thread.interrupted();
                }
            }
        }
    }

    /**
     * True once half the outbox's takeover time has passed since the batch was claimed. This booth's claim on its
     * rows lasts the takeover time from the claim; a batch paced by the rate limiter (about 10 s for 100 uplinks) or
     * held up by a slow answer can outlast a short one, and an uplink begun after that could be sent by a booth that
     * took the rows over too. The dispatcher stops there and claims again, which renews the claim.
     */
    private boolean leaseSpent(Instant claimedAt) {
        return Duration.between(claimedAt, clock.instant()).compareTo(outbox.takeover().dividedBy(2)) >= 0;
    }

    /** Waits for the rate limiter; false when closed meanwhile. */
    private boolean pace(String serviceName) throws InterruptedException {
        long wait;
        while ((wait = limiter.delayNanos(serviceName)) > 0) {
            if (closed) {
                return false;
            }
            synchronized (signal) {
                TimeUnit.NANOSECONDS.timedWait(signal, wait);
            }
        }
        return !closed;
    }

    /** One uplink sent and awaiting its reply. */
    private record Flight(OutboxEntry entry, CompletableFuture<ObjectNode> future) {
    }

    /**
     * Sends the entry; null when it cannot be sent (then it has FAILED). It is marked SENT in a batch with the others
     * sent meanwhile ({@link #flushSent}) — before its answer is written down; a crash in between leaves it PENDING,
     * which is resent exactly like SENT.
     */
    private Flight begin(OutboxEntry e) {
        ObjectNode uplink;
        try {
            uplink = WireCodec.parseObject(e.json());
        } catch (WireFormatException ex) {
            fail(e, "stored JSON is unreadable: " + ex.getMessage());
            return null;
        }
        limiter.record(e.serviceName());
        CompletableFuture<ObjectNode> f = link.send(uplink);
        inFlight.add(f);
        return new Flight(e, f);
    }

    /**
     * What went out and came back in this batch and is not written down yet. The batch's writes are few: a plain
     * success answered before anything was written goes from PENDING to ACKNOWLEDGED in one statement for the whole
     * batch ({@code JdbcOutbox.markDelivered}); SENT is written only for uplinks still unanswered when the dispatcher
     * is about to wait ({@link #SENT_GRACE_MILLIS}, the rate limiter) or that need a look of their own (a retry, a
     * rejection, a duplicate). Delivery does not depend on SENT: a PENDING row is resent after a crash exactly like a
     * SENT one, and the cloud answers a duplicate with {@code 数据已处理过}.
     */
    private static final class Pending {
        final List<Flight> unmarked = new java.util.ArrayList<>();
        final List<Flight> acknowledged = new java.util.ArrayList<>();
    }

    /** How long the window's head may take before the uplinks in flight are written down as SENT. */
    static final long SENT_GRACE_MILLIS = 50;

    private void flushSent(Pending pending) {
        if (pending.unmarked.isEmpty()) {
            return;
        }
        // the acknowledged ones among them are written as delivered in one go by writeDown
        List<Long> ids = new java.util.ArrayList<>();
        for (java.util.Iterator<Flight> it = pending.unmarked.iterator(); it.hasNext(); ) {
            Flight f = it.next();
            if (!pending.acknowledged.contains(f)) {
                ids.add(f.entry().id());
                it.remove();
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        outbox.markSent(ids);
        ids.forEach(this::notifyListeners);
    }

    /** Writes down the batch: plain successes (with their attempt when never marked SENT), then the still open. */
    private void writeDown(Pending pending) {
        List<Long> delivered = new java.util.ArrayList<>();
        List<Long> acknowledged = new java.util.ArrayList<>();
        for (Flight f : pending.acknowledged) {
            (pending.unmarked.remove(f) ? delivered : acknowledged).add(f.entry().id());
        }
        pending.acknowledged.clear();
        try {
            flushSent(pending);
        } finally {
            if (!delivered.isEmpty()) {
                outbox.markDelivered(delivered);
                delivered.forEach(this::notifyListeners);
            }
            if (!acknowledged.isEmpty()) {
                outbox.markAcknowledged(acknowledged);
                acknowledged.forEach(this::notifyListeners);
            }
        }
    }

    /** Waits for the window's head; past the grace, what is in flight is written down as SENT first. */
    private void awaitHead(java.util.ArrayDeque<Flight> flights, Pending pending) throws InterruptedException {
        CompletableFuture<ObjectNode> head = flights.peekFirst().future();
        if (head.isDone()) {
            return;
        }
        try {
            head.get(SENT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            return;
        } catch (ExecutionException | CancellationException e) {
            return; // finish() looks at the outcome
        } catch (TimeoutException e) {
            // a slow answer: the uplinks in flight are shown as SENT while it is awaited
        }
        flushSent(pending);
        awaitQuietly(head);
    }

    /**
     * Takes the answered flights off the head (all of them when {@code all}, waiting for each): plain successes are
     * kept for {@link #writeDown}; anything else is written at once, after its SENT.
     */
    private void settle(java.util.ArrayDeque<Flight> flights, Pending pending, boolean all)
            throws InterruptedException {
        while (!flights.isEmpty() && (all || flights.peekFirst().future().isDone())) {
            if (!flights.peekFirst().future().isDone()) {
                awaitHead(flights, pending);
            }
            Flight f = flights.removeFirst();
            if (!plainSuccess(f.future())) {
                // a retry, a rejection or a duplicate: its own state change, after the SENT it had
                flushSent(pending);
            }
            if (finish(f)) {
                pending.acknowledged.add(f);
            }
        }
    }

    /** Answered with state 1 or 2 (what {@link #finish} writes down in the batch). */
    private static boolean plainSuccess(CompletableFuture<ObjectNode> f) {
        if (!f.isDone() || f.isCompletedExceptionally() || f.isCancelled()) {
            return false;
        }
        int state = f.getNow(null) == null ? -1 : f.getNow(null).path("state").asInt(-1);
        return state == 1 || state == 2;
    }

    private static void awaitQuietly(CompletableFuture<ObjectNode> f) throws InterruptedException {
        try {
            f.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            // finish() looks at the outcome
        }
    }

    /** Handles one answered flight; true when it is a plain success the caller writes down (in a batch). */
    private boolean finish(Flight flight) throws InterruptedException {
        OutboxEntry e = flight.entry();
        CompletableFuture<ObjectNode> f = flight.future();
        ObjectNode reply;
        try {
            reply = f.get(5, TimeUnit.MINUTES);
        } catch (CancellationException ex) {
            LOG.info("outbox #{} left SENT at shutdown; it is resent on the next start", e.id());
            return false;
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof MessageRejectedException) {
                fail(e, cause.getMessage());
            } else if (cause instanceof LinkDownException) {
                // not the message's fault: due again at once, sent as soon as the link is logged in again
                outbox.markRetry(e.id(), clock.instant(), "link down: " + cause.getMessage());
                notifyListeners(e.id());
            } else {
                retry(e, e.attempts() + 1, cause == null ? ex.toString() : cause.toString());
            }
            return false;
        } catch (TimeoutException ex) {
            retry(e, e.attempts() + 1, "no reply");
            return false;
        } finally {
            inFlight.remove(f);
        }
        for (java.util.function.BiConsumer<OutboxEntry, ObjectNode> l : replyListeners.getOrDefault(e.serviceName(),
                List.of())) {
            try {
                l.accept(e, reply);
            } catch (RuntimeException ex) {
                LOG.error("outbox #{}: a reply listener failed", e.id(), ex);
            }
        }
        int state = reply.path("state").asInt(-1);
        String errmsg = reply.path("errmsg").asText("");
        if (state == 1 || state == 2) {
            return true;
        } else if (errmsg.contains("数据已处理过")) {
            outbox.markAcknowledged(e.id(), "cloud already had it: " + errmsg);
            notifyListeners(e.id());
        } else if (errmsg.contains("request_over_times")) {
            LOG.warn("the cloud says request_over_times; pausing the outbox for one window");
            limiter.saturate();
            retry(e, 1, "cloud rate limit: " + errmsg);
        } else if (errmsg.contains("token")) {
            retry(e, 1, "cloud rejected the token: " + errmsg);
        } else if (e.attempts() + 1 >= policy.maxRejections()) {
            fail(e, "rejected by the cloud " + (e.attempts() + 1) + " times: " + errmsg);
        } else {
            retry(e, e.attempts() + 1, "rejected by the cloud: " + errmsg);
        }
        return false;
    }

    private void retry(OutboxEntry e, int attempt, String why) {
        long base = policy.initialDelay().toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        base = Math.min(base, policy.maxDelay().toMillis());
        long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        Instant next = clock.instant().plusMillis(delay);
        LOG.info("outbox #{} {} not delivered ({}); retry in {} ms", e.id(), e.serviceName(), why, delay);
        outbox.markRetry(e.id(), next, why);
        notifyListeners(e.id());
    }

    private void fail(OutboxEntry e, String why) {
        LOG.error("outbox #{} {} failed for good: {}", e.id(), e.serviceName(), why);
        outbox.markFailed(e.id(), why);
        notifyListeners(e.id());
    }

    private void notifyListeners(long id) {
        if (listeners.isEmpty()) {
            return;
        }
        outbox.find(id).ifPresent(entry -> {
            for (Consumer<OutboxEntry> l : listeners) {
                try {
                    l.accept(entry);
                } catch (RuntimeException ex) {
                    LOG.error("outbox listener failed", ex);
                }
            }
        });
    }

    private void await(long millis) throws InterruptedException {
        synchronized (signal) {
            if (!woken && !closed) {
                signal.wait(millis);
            }
            woken = false;
        }
    }
}
