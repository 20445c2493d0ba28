package com.boothdesk.app.store.lists;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.lists.BlacklistEntry;
import com.boothdesk.app.domain.lists.CarLock;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.StoredValueCard;
import com.boothdesk.app.domain.lists.VisitorRecord;
import com.boothdesk.app.domain.lists.WhiteListEntry;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.StoreException;

/**
 * The plate lists a lookup reads (monthly cards, approved visitors, blacklist, white list, locks, stored-value cards),
 * every plate at once in memory, so that an entry's or exit's decision reads no table (issue 10: the ~6 queries per
 * read were ~1 ms of the lane path). One per database ({@link #of}), built when first used (at the booth's start).
 *
 * <p>Kept current: every list write through {@link JdbcListStore} bumps {@code list_version} in its own transaction
 * and, once it committed, marks the snapshots of this process stale ({@link #changing}); the next lookup rebuilds
 * before it answers, so a change made on this booth is seen by the very next read. On a shared site database other
 * booths change lists too: a poll every {@link Database#refreshEvery()} reads the one {@code list_version} row and
 * rebuilds only when it moved. When the database cannot be read, the last snapshot keeps serving (logged once per
 * outage), and the rebuild is tried again by the poll, not by every lookup.
 */
public final class ListSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(ListSnapshot.class);
    private static final Set<ListSnapshot> LIVE = ConcurrentHashMap.newKeySet();

    /** What one plate has on the lists. */
    public record PlateLists(List<MonthlyCard> monthlyCards, List<VisitorRecord> visitors,
                             List<BlacklistEntry> blacklist, Optional<WhiteListEntry> white, Optional<CarLock> lock,
                             Optional<StoredValueCard> storedValue) {
        static final PlateLists NONE = new PlateLists(List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private record State(Map<String, PlateLists> byPlate, long version, long changesSeen, int plates) {
    }

    private final Database db;
    private final JdbcListStore store;
    private final AtomicLong changes = new AtomicLong();
    private final Object rebuildLock = new Object();
    private volatile State state;
    private volatile long retryAfterNanos = System.nanoTime();
    private volatile boolean failing;
    private final ScheduledExecutorService poll;

    private ListSnapshot(Database db, Clock clock) {
        this.db = db;
        this.store = new JdbcListStore(clock);
        this.state = build(0);
        LIVE.add(this);
        if (db.shared()) {
            long every = Math.max(100, db.refreshEvery().toMillis());
            poll = com.boothdesk.app.common.Threads.scheduled("list-snapshot-poll");
            poll.scheduleWithFixedDelay(this::pollVersion, every, every, TimeUnit.MILLISECONDS);
        } else {
            poll = null;
        }
        db.onClose(this::close);
    }

    /** The snapshot of {@code db}, built on first use. */
    public static ListSnapshot of(Database db, Clock clock) {
        return db.shared(ListSnapshot.class, d -> new ListSnapshot(d, clock));
    }

    /**
     * Called by every list write, inside its transaction: bumps {@code list_version} (other booths of a site see
     * it) and marks the snapshots stale once the transaction committed.
     */
    static void changing(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE list_version SET version = version + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
        Database.afterCommit(ListSnapshot::changedHere);
    }

    private static void changedHere() {
        for (ListSnapshot s : LIVE) {
            s.changes.incrementAndGet();
        }
    }

    /** The lists of the normalised {@code plate}, from memory (rebuilt first when a write on this booth changed them). */
    public PlateLists of(String plate) {
        State st = state;
        if (st.changesSeen() != changes.get() && System.nanoTime() - retryAfterNanos >= 0) {
            st = rebuild();
        }
        return st.byPlate().getOrDefault(plate, PlateLists.NONE);
    }

    /** How many plates are on some list (tests, logs). */
    public int plates() {
        return state.plates();
    }

    private State rebuild() {
        synchronized (rebuildLock) {
            long seen = changes.get();
            State st = state;
            if (st.changesSeen() == seen) {
                return st;
            }
            try {
                State next = build(seen);
                state = next;
                if (failing) {
                    failing = false;
                    LOG.info("Plate lists read again from {}: {} plates", db.description(), next.plates());
                }
                return next;
            } catch (StoreException e) {
                if (!failing) {
                    failing = true;
                    LOG.warn("Plate lists could not be re-read from {} ({}); the last snapshot keeps serving",
                            db.description(), com.boothdesk.app.domain.plate.SafeText.of(e.getMessage(), 200));
                }
                retryAfterNanos = System.nanoTime() + db.refreshEvery().toNanos();
                return st;
            }
        }
    }

    private void pollVersion() {
        try {
            long version = db.read(ListSnapshot::version);
            if (version != state.version() || state.changesSeen() != changes.get()) {
                synchronized (rebuildLock) {
                    State next = build(changes.get());
                    state = next;
                }
                if (failing) {
                    failing = false;
                    LOG.info("Plate lists read again from {}: {} plates", db.description(), state.plates());
                }
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("Plate lists could not be re-read from {} ({}); the last snapshot keeps serving",
                        db.description(), com.boothdesk.app.domain.plate.SafeText.of(e.toString(), 200));
            }
        }
    }

    private static long version(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM list_version WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private State build(long changesSeen) {
        long t0 = System.nanoTime();
        State st = db.read(c -> {
            long version = version(c);
            Map<String, List<MonthlyCard>> cards = store.allMonthlyCards(c);
            Map<String, List<VisitorRecord>> visitors = store.allApprovedVisitors(c);
            Map<String, List<BlacklistEntry>> black = store.allBlacklist(c);
            Map<String, WhiteListEntry> white = store.allWhite(c);
            Map<String, CarLock> locks = store.allLocks(c);
            Map<String, StoredValueCard> stored = store.allStoredValue(c);
            Set<String> plates = new java.util.HashSet<>(cards.keySet());
            plates.addAll(visitors.keySet());
            plates.addAll(black.keySet());
            plates.addAll(white.keySet());
            plates.addAll(locks.keySet());
            plates.addAll(stored.keySet());
            Map<String, PlateLists> byPlate = new java.util.HashMap<>(plates.size() * 2);
            for (String p : plates) {
                byPlate.put(p, new PlateLists(List.copyOf(cards.getOrDefault(p, List.of())),
                        List.copyOf(visitors.getOrDefault(p, List.of())),
                        List.copyOf(black.getOrDefault(p, List.of())), Optional.ofNullable(white.get(p)),
                        Optional.ofNullable(locks.get(p)), Optional.ofNullable(stored.get(p))));
            }
            return new State(Map.copyOf(byPlate), version, changesSeen, byPlate.size());
        });
        LOG.debug("Plate lists read: {} plates in {} ms", st.plates(), (System.nanoTime() - t0) / 1_000_000);
        return st;
    }

    private void close() {
        LIVE.remove(this);
        if (poll != null) {
            poll.shutdownNow();
        }
    }
}
