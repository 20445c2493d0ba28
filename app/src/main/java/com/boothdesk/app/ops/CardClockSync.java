package com.boothdesk.app.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.card.LaneCard;

/**
 * Sets the lanes' LED cards' clocks to the booth's time (card command 0x05, research §4.4) on a schedule: soon after
 * the start, then every {@code ops.card_clock_sync_hours}; a lane whose card did not confirm (no ACK, refused, line
 * down) is tried again after {@link #RETRY}. The cards show the time on their idle screen, and an entry card prints
 * it on tickets: a card left alone for months drifts by minutes.
 */
public final class CardClockSync {

    private static final Logger LOG = LoggerFactory.getLogger(CardClockSync.class);
    static final Duration FIRST = Duration.ofSeconds(20);
    static final Duration RETRY = Duration.ofMinutes(5);

    /** The last attempt on a lane's card. */
    public record Attempt(Instant at, CommandOutcome.Status status, String detail) {
        public boolean confirmed() {
            return status == CommandOutcome.Status.ACKED || status == CommandOutcome.Status.SENT;
        }
    }

    private final List<String> lanes;
    private final Function<String, Optional<LaneCard>> cards;
    private final Clock clock;
    private final Map<String, Attempt> last = new LinkedHashMap<>();

    public CardClockSync(List<String> lanes, Function<String, Optional<LaneCard>> cards, Clock clock) {
        this.lanes = List.copyOf(lanes);
        this.cards = Objects.requireNonNull(cards, "cards");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Schedules the syncs; zero {@code every}: never. */
    public void schedule(ScheduledExecutorService scheduler, Duration every) {
        if (every.isZero() || every.isNegative()) {
            LOG.info("LED card clock sync is off (ops.card_clock_sync_hours=0)");
            return;
        }
        scheduler.scheduleAtFixedRate(() -> syncAll(scheduler), FIRST.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Sends 0x05 to every lane's card and waits for the outcomes; never throws. */
    public Map<String, Attempt> syncAll() {
        return syncAll(null);
    }

    private Map<String, Attempt> syncAll(ScheduledExecutorService retryOn) {
        Map<String, CompletableFuture<CommandOutcome>> sent = new LinkedHashMap<>();
        for (String lane : lanes) {
            try {
                cards.apply(lane).ifPresent(card -> sent.put(lane, card.syncTimeAsync()));
            } catch (RuntimeException e) {
                record(lane, new Attempt(clock.instant(), CommandOutcome.Status.NO_ACK, e.toString()), retryOn);
            }
        }
        for (Map.Entry<String, CompletableFuture<CommandOutcome>> e : sent.entrySet()) {
            Attempt a;
            try {
                CommandOutcome o = e.getValue().get(30, TimeUnit.SECONDS);
                a = new Attempt(clock.instant(), o.status(), o.detail());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return results();
            } catch (Exception ex) {
                a = new Attempt(clock.instant(), CommandOutcome.Status.NO_ACK, ex.toString());
            }
            record(e.getKey(), a, retryOn);
        }
        return results();
    }

    private void record(String lane, Attempt a, ScheduledExecutorService retryOn) {
        synchronized (last) {
            last.put(lane, a);
        }
        if (a.confirmed()) {
            LOG.info("LED card clock of lane {} set to the booth's time ({})", lane, a.status());
        } else {
            LOG.warn("LED card clock of lane {} not set: {} {}; trying again in {} min", lane, a.status(),
                    Sanitize.line(String.valueOf(a.detail()), 200), RETRY.toMinutes());
            if (retryOn != null) {
                retryOn.schedule(() -> retry(lane), RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void retry(String lane) {
        try {
            Optional<LaneCard> card = cards.apply(lane);
            if (card.isEmpty()) {
                return;
            }
            CommandOutcome o = card.get().syncTimeAsync().get(30, TimeUnit.SECONDS);
            Attempt a = new Attempt(clock.instant(), o.status(), o.detail());
            record(lane, a, null); // one retry per round; the next round tries again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            record(lane, new Attempt(clock.instant(), CommandOutcome.Status.NO_ACK, e.toString()), null);
        }
    }

    /** The last attempt per lane (the About box, tests). */
    public Map<String, Attempt> results() {
        synchronized (last) {
            return Map.copyOf(last);
        }
    }
}
