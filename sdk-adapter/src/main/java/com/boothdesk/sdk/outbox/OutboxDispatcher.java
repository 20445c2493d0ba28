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
    static final int MAX_IN_FLIGHT = 8;

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
                List<OutboxEntry> due = outbox.due(clock.instant(), BATCH);
                if (due.isEmpty()) {
                    long wait = outbox.nextAttemptAt()
                            .map(t -> Duration.between(clock.instant(), t).toMillis())
                            .orElse(IDLE_POLL_MILLIS);
                    await(Math.max(1, Math.min(wait, IDLE_POLL_MILLIS)));
                    continue;
                }
                java.util.ArrayDeque<Flight> flights = new java.util.ArrayDeque<>();
                List<Flight> unmarked = new java.util.ArrayList<>();
                try {
                    for (OutboxEntry e : due) {
                        // written down in batches: when the window is full, before a wait, at the end
                        if (flights.size() >= MAX_IN_FLIGHT) {
                            flushSent(unmarked);
                            awaitQuietly(flights.peekFirst().future());
                            settle(flights, unmarked, false);
                        }
                        if (closed || link.status() != LinkStatus.LOGGED_IN) {
                            break;
                        }
                        if (limiter.delayNanos(e.serviceName()) > 0) {
                            // about to wait: write down what went out meanwhile
                            flushSent(unmarked);
                            settle(flights, unmarked, false);
                        }
                        if (!pace(e.serviceName())) {
                            break;
                        }
                        Flight f = begin(e);
                        if (f != null) {
                            flights.addLast(f);
                            unmarked.add(f);
                        }
                    }
                } finally {
                    settle(flights, unmarked, true);
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

    private void flushSent(List<Flight> unmarked) {
        if (unmarked.isEmpty()) {
            return;
        }
        List<Long> ids = unmarked.stream().map(f -> f.entry().id()).toList();
        unmarked.clear();
        outbox.markSent(ids);
        ids.forEach(this::notifyListeners);
    }

    /** Writes down the answered flights at the head (all of them when {@code all}), the plain successes in one go. */
    private void settle(java.util.ArrayDeque<Flight> flights, List<Flight> unmarked, boolean all)
            throws InterruptedException {
        if (flights.isEmpty() || (!all && !flights.peekFirst().future().isDone())) {
            return;
        }
        flushSent(unmarked);
        List<Long> acknowledged = new java.util.ArrayList<>();
        try {
            while (!flights.isEmpty() && (all || flights.peekFirst().future().isDone())) {
                Flight f = flights.removeFirst();
                if (finish(f)) {
                    acknowledged.add(f.entry().id());
                }
            }
        } finally {
            if (!acknowledged.isEmpty()) {
                outbox.markAcknowledged(acknowledged);
                acknowledged.forEach(this::notifyListeners);
            }
        }
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
