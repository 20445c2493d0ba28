package com.boothdesk.sdk.poll;

import com.boothdesk.sdk.link.CloudLink;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.message.QueryOrder;
import com.boothdesk.sdk.message.QueryOrderPayment;
import com.boothdesk.sdk.message.QueryOrderResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 2.19 payment-status poll exactly as the seed document recommends: 10 s after the price was returned to the
 * cloud, {@code query_order} every 2 s; stop on a success, or after two minutes of polling (the platform then checks
 * every payment itself and pushes the result).
 *
 * <p>The schedule is computed from the injected {@link Clock}; {@link #tick()} sends what is due. {@link #start()}
 * runs a daemon thread ({@code sdk-payment-poll}) that ticks every 200 ms; tests call {@code tick()} themselves.
 */
public final class PaymentStatusPoller implements AutoCloseable {

    /** Delay between the price answer and the first query. */
    public static final Duration FIRST_DELAY = Duration.ofSeconds(10);
    /** Interval between queries. */
    public static final Duration PERIOD = Duration.ofSeconds(2);
    /** How long the polling lasts at most (from the first query). */
    public static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(PaymentStatusPoller.class);

    /**
     * How a poll ended.
     *
     * @param orderId      the order
     * @param payment      the successful payment, empty when the poll gave up or was cancelled
     * @param queriesSent  how many {@code query_order} were sent
     * @param cancelled    true when {@link #stop(String)} ended it (the payment message arrived)
     */
    public record Result(String orderId, Optional<QueryOrderPayment> payment, int queriesSent, boolean cancelled) {
    }

    /**
     * Follows every poll as it runs (the exit panel shows it live). Called on the poller's or the link's thread;
     * a listener must not block.
     */
    public interface Progress {
        /** A poll started (or restarted) for the order; the first query goes out at {@code firstQueryAt}. */
        default void started(String orderId, Instant firstQueryAt, Instant givesUpAt) {
        }

        /** The {@code n}th query_order for the order went out. */
        default void queried(String orderId, int n) {
        }

        /** The poll ended (paid, given up, or cancelled because the payment message came). */
        default void ended(Result result) {
        }
    }

    private final CloudLink link;
    private final Clock clock;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final java.util.List<Progress> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ScheduledExecutorService ticker;

    public PaymentStatusPoller(CloudLink link, Clock clock) {
        this.link = Objects.requireNonNull(link, "link");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds a follower of every poll. */
    public void addProgress(Progress p) {
        progress.add(Objects.requireNonNull(p, "progress"));
    }

    private void each(java.util.function.Consumer<Progress> call) {
        for (Progress p : progress) {
            try {
                call.accept(p);
            } catch (RuntimeException e) {
                LOG.error("payment poll follower failed", e);
            }
        }
    }

    /** Starts the ticking thread. */
    public synchronized void start() {
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sdk-payment-poll");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleWithFixedDelay(this::safeTick, 200, 200, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts polling an order whose price was just returned (3.1 answer). A second call for the same order restarts
     * its schedule.
     *
     * @param onDone called once, on the poller's or the link's thread, when the poll ends
     */
    public void watch(String orderId, String carNumber, Instant priceReturnedAt, Consumer<Result> onDone) {
        Instant first = priceReturnedAt.plus(FIRST_DELAY);
        watches.put(orderId, new Watch(orderId, carNumber, first, first.plus(GIVE_UP_AFTER), onDone));
        each(p -> p.started(orderId, first, first.plus(GIVE_UP_AFTER)));
    }

    /** Stops polling an order (its payment message arrived through 3.2 / 3.4). */
    public void stop(String orderId) {
        Watch w = watches.remove(orderId);
        if (w != null) {
            w.finish(Optional.empty(), true);
        }
    }

    /** Orders currently polled. */
    public Set<String> watching() {
        return Set.copyOf(watches.keySet());
    }

    /** Sends every query that is due now and ends polls that ran out of time. */
    public void tick() {
        Instant now = clock.instant();
        for (Watch w : watches.values()) {
            w.tick(now);
        }
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        watches.clear();
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("payment poll tick failed", e);
        }
    }

    private final class Watch {
        final String orderId;
        final String carNumber;
        final Instant lastAllowed;
        final Consumer<Result> onDone;
        Instant nextDue;
        int sent;
        boolean done;

        Watch(String orderId, String carNumber, Instant first, Instant lastAllowed, Consumer<Result> onDone) {
            this.orderId = orderId;
            this.carNumber = carNumber;
            this.nextDue = first;
            this.lastAllowed = lastAllowed;
            this.onDone = onDone;
        }

        synchronized void tick(Instant now) {
            if (done) {
                return;
            }
            if (now.isAfter(lastAllowed) && nextDue.isAfter(lastAllowed)) {
                LOG.info("payment of order {} not confirmed after {} queries; the platform will push it", orderId,
                        sent);
                finish(Optional.empty(), false);
                return;
            }
            if (now.isBefore(nextDue)) {
                return;
            }
            // one query per tick even if ticks were late: never burst to catch up
            while (!nextDue.isAfter(now)) {
                nextDue = nextDue.plus(PERIOD);
            }
            if (link.status() != LinkStatus.LOGGED_IN) {
                LOG.debug("query_order for {} skipped: link {}", orderId, link.status());
                return;
            }
            sent++;
            int n = sent;
            each(p -> p.queried(orderId, n));
            link.send(new QueryOrder(orderId, carNumber, clock.millis()).toJson()).whenComplete((reply, err) -> {
                if (err != null) {
                    LOG.debug("query_order for {} failed: {}", orderId, err.toString());
                    return;
                }
                try {
                    QueryOrderResponse r = QueryOrderResponse.fromJson(reply);
                    r.successFor(orderId).ifPresent(p -> paid(p));
                } catch (RuntimeException e) {
                    LOG.warn("unreadable query_order answer for {}: {}", orderId, e.getMessage());
                }
            });
        }

        synchronized void paid(QueryOrderPayment p) {
            if (!done) {
                LOG.info("order {} paid ({} via channel {}), found by query_order", orderId, p.tradeNo(),
                        p.payChannel());
                finish(Optional.of(p), false);
            }
        }

        synchronized void finish(Optional<QueryOrderPayment> payment, boolean cancelled) {
            if (done) {
                return;
            }
            done = true;
            watches.remove(orderId, this);
            Result result = new Result(orderId, payment, sent, cancelled);
            try {
                onDone.accept(result);
            } catch (RuntimeException e) {
                LOG.error("payment poll listener failed", e);
            }
            each(p -> p.ended(result));
        }
    }
}
