package com.boothdesk.app.site.outage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Threads;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.Database;

/**
 * The booth's outage mode on a site database: knows whether the server is reachable, and is the one place where a
 * write meant for the site database becomes a write to the local journal ({@link #route}).
 *
 * <ul>
 *   <li><b>Down</b>: a read or write of the site database failed because its server could not be reached (the
 *       {@link Database.ConnectionWatch}, or a store decorator seeing such a failure). From then on the database
 *       fails at once ({@link Database#suspend}) instead of making each caller wait for the pool's timeout, the lanes
 *       decide from memory and write to the {@link OutageJournal}, and a probe asks the server every
 *       {@code probeEvery} on a thread of its own.</li>
 *   <li><b>Replaying</b>: the probe reached the server; the journal is replayed in order ({@link OutageReplay}) while
 *       the lanes still journal (so nothing overtakes what waits).</li>
 *   <li><b>Up</b>: the journal is empty; under the journal's lock the state turns up and the database is resumed,
 *       so the next write goes to the server.</li>
 * </ul>
 * Each transition is logged once.
 */
public final class SiteOutage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteOutage.class);

    /** The site database as this booth sees it. */
    public enum State { UP, DOWN, REPLAYING }

    /** Replays the journal; returns false when the server went away again meanwhile. */
    @FunctionalInterface
    interface Replayer {
        boolean replayAll();
    }

    private final Database db;
    private final OutageJournal journal;
    private final Clock clock;
    private final Duration probeEvery;
    private final Object journalLock = new Object();
    private final ScheduledExecutorService probe;
    private volatile State state = State.UP;
    private volatile Instant since;
    private volatile Replayer replayer = () -> true;
    private volatile Runnable onUp = () -> { };
    private volatile Runnable onDown = () -> { };

    public SiteOutage(Database db, OutageJournal journal, Clock clock, Duration probeEvery) {
        this.db = db;
        this.journal = journal;
        this.clock = clock;
        this.probeEvery = probeEvery;
        this.probe = Threads.scheduled("site-outage-probe");
        this.since = clock.instant();
    }

    /** Starts watching the database; a journal left from a booth stopped while down is replayed first. */
    public void start() {
        db.watchConnections(this::lost);
        if (db.suspended()) {
            // opened offline (OutageStart): the server could not be reached at the booth's start
            LOG.error("Site database {} unreachable at start: booth in the outage mode from its local copy, {}"
                    + " journal entr(y/ies) waiting", db.description(), journal.waiting());
            enterDown("unreachable at start");
        } else {
            int left = journal.waiting();
            if (left > 0) {
                LOG.warn("Outage journal holds {} entr(y/ies) not yet in the site database: replaying them first", left);
                enterDown("journal not replayed at start");
            }
        }
        scheduleWatch();
    }

    private volatile Duration watchEvery = Duration.ZERO;
    private volatile Duration watchTimeout = Duration.ofSeconds(1);

    /**
     * While up, looks at the server every {@code every} ({@link Database#ping}, waiting at most {@code timeout}) so
     * that a server gone away is declared down before a lane asks for it; zero turns the watch off. Call before
     * {@link #start}.
     */
    void watch(Duration every, Duration timeout) {
        this.watchEvery = every;
        this.watchTimeout = timeout;
    }

    private void scheduleWatch() {
        Duration every = watchEvery;
        if (every.isZero() || every.isNegative()) {
            return;
        }
        try {
            probe.schedule(this::watchOnce, every.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the booth is stopping
        }
    }

    /** One look of the watch while up; reschedules itself (the probe takes over while down). */
    void watchOnce() {
        try {
            if (state == State.UP) {
                try {
                    db.ping(watchTimeout);
                } catch (java.sql.SQLException | RuntimeException e) {
                    if (state == State.UP) {
                        lost(e);
                    }
                }
            }
        } finally {
            scheduleWatch();
        }
    }

    void replayer(Replayer r) {
        this.replayer = r;
    }

    /** Runs at each lost connection, before a lane journals after it (the lot index is checked). */
    void onDown(Runnable r) {
        this.onDown = r;
    }

    /** Runs after each return to up (the lot index is read again). */
    void onUp(Runnable r) {
        this.onUp = r;
    }

    public State state() {
        return state;
    }

    /** Since when the state holds. */
    public Instant since() {
        return since;
    }

    /** True while the lanes write to the local journal (down, or replaying). */
    public boolean down() {
        return state != State.UP;
    }

    /** Entries waiting for the replay. */
    public int waiting() {
        return journal.waiting();
    }

    public OutageJournal journal() {
        return journal;
    }

    /** The site database this outage watches. */
    Database database() {
        return db;
    }

    /** The server could not be reached: down (once), the probe starts. */
    public void lost(Throwable why) {
        enterDown(SafeText.of(String.valueOf(why.getMessage()), 160));
    }

    private void enterDown(String why) {
        synchronized (journalLock) {
            try {
                onDown.run(); // at each lost connection, under the journal's lock: no lane journals meanwhile
            } catch (RuntimeException e) {
                LOG.warn("at the start of the outage: {}", e.toString());
            }
            if (state == State.DOWN) {
                return;
            }
            boolean wasUp = state == State.UP;
            state = State.DOWN;
            since = clock.instant();
            db.suspend(why);
            if (wasUp) {
                LOG.error("Site database {} is down ({}): the lanes keep deciding from memory and write to the local"
                        + " journal {} until it is back", db.description(), why, journal.file());
            } else {
                LOG.warn("Site database {} went away again during the replay ({}); {} entr(y/ies) still to replay",
                        db.description(), why, journal.waiting());
            }
        }
        scheduleProbe();
    }

    private void scheduleProbe() {
        try {
            probe.schedule(this::probeOnce, probeEvery.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the booth is stopping
        }
    }

    /** One cheap probe ({@code SELECT 1}); when it answers, the replay runs and, if complete, the state is up. */
    void probeOnce() {
        if (state != State.DOWN) {
            return;
        }
        boolean reached;
        try {
            reached = db.throughSuspension(() -> db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            }));
        } catch (RuntimeException e) {
            reached = false;
        }
        if (!reached) {
            scheduleProbe();
            return;
        }
        if (db.schemaPending()) {
            // opened offline: the rest of the normal open (Flyway's check) before anything is replayed into it
            try {
                db.throughSuspension(() -> {
                    db.completeOpen();
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.error("Site database {} answers but its schema could not be checked (the booth stays in the"
                        + " outage mode): {}", db.description(), SafeText.of(String.valueOf(e.getMessage()), 300));
                scheduleProbe();
                return;
            }
        }
        state = State.REPLAYING;
        since = clock.instant();
        LOG.warn("Site database {} answers again: replaying {} journal entr(y/ies)", db.description(),
                journal.waiting());
        replayAndComeUp();
    }

    private void replayAndComeUp() {
        while (true) {
            boolean complete;
            try {
                complete = db.throughSuspension(() -> replayer.replayAll());
            } catch (RuntimeException e) {
                if (Database.connectionLost(e)) {
                    enterDown(SafeText.of(String.valueOf(e.getMessage()), 160));
                    return;
                }
                LOG.error("Outage journal replay failed (the entry stays and is tried again): {}", e.toString());
                complete = false;
            }
            if (!complete) {
                if (state == State.REPLAYING) {
                    // not the server: retried after a probe interval
                    synchronized (journalLock) {
                        state = State.DOWN;
                    }
                }
                scheduleProbe();
                return;
            }
            synchronized (journalLock) {
                int left = journal.waiting();
                if (left == 0) {
                    state = State.UP;
                    since = clock.instant();
                    db.resume();
                    LOG.warn("Site database {} is back: the journal is replayed, the lanes write to it again",
                            db.description());
                    break;
                }
            }
        }
        try {
            onUp.run();
        } catch (RuntimeException e) {
            LOG.warn("after the return of the site database: {}", e.toString());
        }
    }

    /**
     * The seam: runs {@code site} (the site database's store) while up; when that fails because the server cannot
     * be reached, or while down, runs {@code local} (the journal) instead, under the journal's lock so that
     * journaled writes keep their order and none is written after the replay found the journal empty.
     */
    public <T> T route(Supplier<T> site, Supplier<T> local) {
        while (true) {
            if (!down()) {
                try {
                    return site.get();
                } catch (RuntimeException e) {
                    if (!Database.connectionLost(e)) {
                        throw e;
                    }
                    lost(e);
                }
            }
            synchronized (journalLock) {
                if (down()) {
                    return local.get();
                }
            }
        }
    }

    /** A read: the site's answer while up; {@code local} while down or when the site cannot be reached. */
    public <T> T read(Supplier<T> site, Supplier<T> local) {
        if (!down()) {
            try {
                return site.get();
            } catch (RuntimeException e) {
                if (!Database.connectionLost(e)) {
                    throw e;
                }
                lost(e);
            }
        }
        return local.get();
    }

    @Override
    public void close() {
        Threads.shutdown(probe);
        db.watchConnections(null);
    }
}
