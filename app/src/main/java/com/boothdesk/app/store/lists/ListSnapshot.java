package com.boothdesk.app.store.lists;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
 * <p>Kept current <em>by the writer, never by a lookup</em>: every list write through {@link JdbcListStore} names the
 * plates it touches ({@link #changing}), bumps {@code list_version} in its own transaction and, once that committed,
 * the committing thread reads just those plates again (six indexed queries per plate) and puts them in the map, so a
 * change made on this booth is seen by the very next read and no car's lookup ever pays for a reload. A write that
 * touches more than {@value #BULK} plates (an import) rebuilds the whole snapshot there instead, also before the write
 * returns. On a shared site database other booths change lists too: a poll every {@link Database#refreshEvery()}
 * reads the one {@code list_version} row and rebuilds in the background when it moved, then swaps the new map in.
 * When the database cannot be read, the last snapshot keeps serving (logged once per outage) and a background
 * rebuild is tried every {@code refreshEvery} until it succeeds.
 */
public final class ListSnapshot {

    /** More plates than this in one write: the whole snapshot is read again instead of plate by plate. */
    static final int BULK = 256;

    private static final Logger LOG = LoggerFactory.getLogger(ListSnapshot.class);
    private static final Set<ListSnapshot> LIVE = ConcurrentHashMap.newKeySet();

    /** What one plate has on the lists. */
    public record PlateLists(List<MonthlyCard> monthlyCards, List<VisitorRecord> visitors,
                             List<BlacklistEntry> blacklist, Optional<WhiteListEntry> white, Optional<CarLock> lock,
                             Optional<StoredValueCard> storedValue) {
        static final PlateLists NONE = new PlateLists(List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty());

        boolean empty() {
            return monthlyCards.isEmpty() && visitors.isEmpty() && blacklist.isEmpty() && white.isEmpty()
                    && lock.isEmpty() && storedValue.isEmpty();
        }
    }

    /** One read of every list; {@code byPlate} is then kept current plate by plate (readers see each plate whole). */
    private record State(ConcurrentHashMap<String, PlateLists> byPlate, long version) {
    }

    private final Database db;
    private final JdbcListStore store;
    private final Object rebuildLock = new Object();
    private final AtomicLong fullBuilds = new AtomicLong();
    private volatile State state;
    private volatile boolean failing;
    private volatile boolean retryScheduled;
    private final ScheduledExecutorService background;

    private ListSnapshot(Database db, Clock clock) {
        this.db = db;
        this.store = new JdbcListStore(clock);
        this.state = build();
        this.background = com.boothdesk.app.common.Threads.scheduled("list-snapshot");
        LIVE.add(this);
        if (db.shared()) {
            long every = Math.max(100, db.refreshEvery().toMillis());
            background.scheduleWithFixedDelay(this::pollVersion, every, every, TimeUnit.MILLISECONDS);
        }
        db.onClose(this::close);
    }

    /** The snapshot of {@code db}, built on first use. */
    public static ListSnapshot of(Database db, Clock clock) {
        return db.shared(ListSnapshot.class, d -> new ListSnapshot(d, clock));
    }

    /**
     * Called by every list write, inside its transaction, with every plate whose lists it may change (before and
     * after: a card moved from one plate to another names both): bumps {@code list_version} (other booths of a
     * site see it) and, once the transaction committed, reads those plates again into the snapshots of this
     * process. A rolled-back write changes nothing.
     */
    static void changing(Connection c, Collection<String> plates) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE list_version SET version = version + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
        Set<String> touched = new HashSet<>();
        for (String p : plates) {
            if (p != null && !p.isEmpty()) {
                touched.add(p);
            }
        }
        if (!touched.isEmpty()) {
            Database.afterCommit(() -> changedHere(Set.copyOf(touched)));
        }
    }

    private static void changedHere(Set<String> plates) {
        for (ListSnapshot s : LIVE) {
            s.refresh(plates);
        }
    }

    /** The lists of the normalised {@code plate}, from memory: never a query, never a wait for the database. */
    public PlateLists of(String plate) {
        return state.byPlate().getOrDefault(plate, PlateLists.NONE);
    }

    /** How many plates are on some list (tests, logs). */
    public int plates() {
        return state.byPlate().size();
    }

    /** How many times every list was read whole (tests: a single plate's change must not do it). */
    long fullBuilds() {
        return fullBuilds.get();
    }

    private void refresh(Set<String> plates) {
        if (plates.size() > BULK) {
            rebuildNow("a write of " + plates.size() + " plates");
            return;
        }
        synchronized (rebuildLock) {
            try {
                Map<String, PlateLists> read = db.read(c -> {
                    Map<String, PlateLists> out = new HashMap<>(plates.size() * 2);
                    for (String p : plates) {
                        out.put(p, readPlate(c, p));
                    }
                    return out;
                });
                ConcurrentHashMap<String, PlateLists> map = state.byPlate();
                read.forEach((p, l) -> {
                    if (l.empty()) {
                        map.remove(p);
                    } else {
                        map.put(p, l);
                    }
                });
                recovered();
            } catch (StoreException e) {
                failed(e);
            }
        }
    }

    /** One plate's lists, as {@link #build} files them (the same orders and filters). */
    private PlateLists readPlate(Connection c, String p) throws SQLException {
        return new PlateLists(List.copyOf(store.monthlyCardsOf(c, p)), List.copyOf(store.approvedVisitors(c, p)),
                List.copyOf(store.blacklistOf(c, p)), store.findWhite(c, p), store.lockOf(c, p),
                store.storedValueOf(c, p));
    }

    private void rebuildNow(String why) {
        synchronized (rebuildLock) {
            try {
                state = build();
                LOG.debug("Plate lists read whole after {}", why);
                recovered();
            } catch (StoreException e) {
                failed(e);
            }
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.info("Plate lists read again from {}: {} plates", db.description(), plates());
        }
    }

    /** The last snapshot keeps serving; a whole rebuild is tried in the background until one succeeds. */
    private void failed(RuntimeException e) {
        if (!failing) {
            failing = true;
            LOG.warn("Plate lists could not be re-read from {} ({}); the last snapshot keeps serving",
                    db.description(), com.boothdesk.app.domain.plate.SafeText.of(e.getMessage(), 200));
        }
        if (!retryScheduled && !background.isShutdown()) {
            retryScheduled = true;
            try {
                background.schedule(() -> {
                    retryScheduled = false;
                    rebuildNow("a failed read");
                }, Math.max(100, db.refreshEvery().toMillis()), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                retryScheduled = false;
            }
        }
    }

    private void pollVersion() {
        try {
            long version = db.read(ListSnapshot::version);
            if (version != state.version()) {
                rebuildNow("list_version " + state.version() + " -> " + version);
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

    private State build() {
        long t0 = System.nanoTime();
        State st = db.read(c -> {
            long version = version(c);
            Map<String, List<MonthlyCard>> cards = store.allMonthlyCards(c);
            Map<String, List<VisitorRecord>> visitors = store.allApprovedVisitors(c);
            Map<String, List<BlacklistEntry>> black = store.allBlacklist(c);
            Map<String, WhiteListEntry> white = store.allWhite(c);
            Map<String, CarLock> locks = store.allLocks(c);
            Map<String, StoredValueCard> stored = store.allStoredValue(c);
            Set<String> plates = new HashSet<>(cards.keySet());
            plates.addAll(visitors.keySet());
            plates.addAll(black.keySet());
            plates.addAll(white.keySet());
            plates.addAll(locks.keySet());
            plates.addAll(stored.keySet());
            ConcurrentHashMap<String, PlateLists> byPlate = new ConcurrentHashMap<>(Math.max(16, plates.size() * 2));
            for (String p : plates) {
                byPlate.put(p, new PlateLists(List.copyOf(cards.getOrDefault(p, List.of())),
                        List.copyOf(visitors.getOrDefault(p, List.of())),
                        List.copyOf(black.getOrDefault(p, List.of())), Optional.ofNullable(white.get(p)),
                        Optional.ofNullable(locks.get(p)), Optional.ofNullable(stored.get(p))));
            }
            return new State(byPlate, version);
        });
        fullBuilds.incrementAndGet();
        LOG.debug("Plate lists read: {} plates in {} ms", st.byPlate().size(), (System.nanoTime() - t0) / 1_000_000);
        return st;
    }

    private void close() {
        LIVE.remove(this);
        background.shutdownNow();
    }
}
