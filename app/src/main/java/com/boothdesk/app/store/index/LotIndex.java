package com.boothdesk.app.store.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.plate.IndexedPlates;
import com.boothdesk.app.domain.plate.MatchSettings;
import com.boothdesk.app.domain.plate.PlateMatcher;
import com.boothdesk.app.store.Database;

/**
 * The cars inside the lot and the space corrections, in memory, kept with H2: loaded on the writer thread when the
 * database opens, then changed by the store's writers on the writer thread right after each commit (so it never
 * shows what H2 does not have, and it applies changes in commit order). Readers on any thread get answers that do
 * not grow with the lot: the in-lot order of a plate, counts per entry lane, and the few plates a fuzzy exit match
 * has to look at ({@link IndexedPlates}).
 *
 * <p>One instance per {@link Database} ({@link #of}); every class that writes {@code parking_order} or
 * {@code space_adjustment} goes through it.
 *
 * <p><b>On a shared database</b> (a site's PostgreSQL, {@link Database#shared()}) other booths write too, so the
 * index is a cache and the rule is: the database decides, the index narrows. (1) This booth's own commits are
 * applied at once, as on H2. (2) The whole index is re-read from the database every {@link Database#refreshEvery()}
 * (default 2 s) on the writer thread, so other booths' entries and exits reach the fuzzy match and the search
 * within that time. (3) The stores never answer "not inside" from the index alone: an exact lookup the index misses
 * asks the database, a hit is checked against its row, and counts (cars inside, remaining spaces) are read from
 * the database's atomic per-lane counters ({@code lot_lane_count}), not from the index. (4) Once a minute the
 * refresh checks those counters against the orders themselves and logs any difference as an error.
 */
public final class LotIndex {

    private static final Logger LOG = LoggerFactory.getLogger(LotIndex.class);

    /** One car inside: what the index needs of its order row. */
    public record Car(String orderId, String plate, String entryLane, Instant inTime) {
    }

    private static final Comparator<Car> NEWEST_FIRST = Comparator.comparing(Car::inTime).reversed()
            .thenComparing(Car::orderId, Comparator.reverseOrder());

    private final Map<String, Car> byOrder = new HashMap<>();
    /** raw plate → its cars, newest first (copy on write: readers take the list as it is). */
    private final ConcurrentHashMap<String, List<Car>> byPlate = new ConcurrentHashMap<>();
    /** normalised plate → raw plates. */
    private final Map<String, Set<String>> byNorm = new HashMap<>();
    /** length of the normalised plate → normalised plates. */
    private final Map<Integer, Set<String>> byLength = new HashMap<>();
    private final Map<String, Integer> perLane = new ConcurrentHashMap<>();
    private final Map<String, Long> corrections = new ConcurrentHashMap<>();
    /** fuzzy indexes for the match settings in use (usually one). */
    private final Map<MatchSettings, FuzzyPlateIndex> fuzzy = new LinkedHashMap<>();
    private final Plates plates = new Plates();

    private LotIndex() {
    }

    /** An empty index not tied to a database (tests of the matching). */
    static LotIndex empty() {
        return new LotIndex();
    }

    /** The index of this database, loaded from H2 on first use (and refreshed, on a shared database). */
    public static LotIndex of(Database db) {
        return db.shared(LotIndex.class, d -> {
            LotIndex index = load(d);
            if (d.shared()) {
                index.startRefresh(d);
            }
            return index;
        });
    }

    private static final int CHECK_EVERY = 30;
    private volatile long refreshes;
    private volatile long lastRefreshMillis;

    private void startRefresh(Database db) {
        java.util.concurrent.ScheduledExecutorService refresher =
                com.boothdesk.app.common.Threads.scheduled("lot-refresh");
        long every = Math.max(100, db.refreshEvery().toMillis());
        refresher.scheduleWithFixedDelay(() -> refresh(db), every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        db.onClose(() -> com.boothdesk.app.common.Threads.shutdown(refresher));
        LOG.info("Lot index: shared database, re-read every {} ms", every);
    }

    /** Re-reads the index from the database now (the refresher; tests). */
    public void refresh(Database db) {
        long t0 = System.nanoTime();
        try {
            db.write(c -> {
                reload(c);
                if (++refreshes % CHECK_EVERY == 0) {
                    checkCounts(c);
                }
                return null;
            });
            lastRefreshMillis = (System.nanoTime() - t0) / 1_000_000;
        } catch (RuntimeException e) {
            LOG.warn("Lot index: could not re-read the cars inside from {}: {}", db.description(), e.toString());
        }
    }

    /** How long the last refresh took (ms). */
    public long lastRefreshMillis() {
        return lastRefreshMillis;
    }

    /** Compares the per-lane counters with the orders, in one statement (one snapshot); logs a difference. */
    static Map<String, int[]> checkCounts(Connection c) throws SQLException {
        Map<String, int[]> drift = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.lane_id, l.inside, (SELECT COUNT(*) FROM"
                + " parking_order o WHERE o.status = 'IN_LOT' AND o.entry_lane = l.lane_id) FROM lot_lane_count l");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getInt(2) != rs.getInt(3)) {
                    drift.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                }
            }
        }
        drift.forEach((lane, v) -> LOG.error("Lot count of entry lane {} is {} but {} of its orders are inside: an order"
                + " was changed without its count (fix the writer; correct the spaces with 余位校正)", lane, v[0], v[1]));
        return drift;
    }

    /** Cars inside per entry lane from the database's counters (exact across booths). */
    public static Map<String, Integer> countsPerLane(Connection c) throws SQLException {
        Map<String, Integer> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT lane_id, inside FROM lot_lane_count WHERE inside <> 0");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getInt(2));
            }
        }
        return m;
    }

    /** The corrections per area from the database. */
    public static Map<String, Long> correctionsOf(Connection c) throws SQLException {
        Map<String, Long> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT area, COALESCE(SUM(delta), 0) FROM space_adjustment GROUP BY area");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getLong(2));
            }
        }
        return m;
    }

    /**
     * Adds {@code delta} to the count of cars inside that came in through {@code laneId}: one atomic statement
     * ({@code inside = inside + delta}), in the caller's transaction with the order change it counts.
     */
    public static void count(Connection c, String laneId, int delta) throws SQLException {
        if (add(c, laneId, delta)) {
            return;
        }
        // the lane's first car: its row is made; if another booth made it meanwhile, the increment goes there
        java.sql.Savepoint sp = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lot_lane_count (lane_id, inside) VALUES (?, ?)")) {
            ps.setString(1, laneId);
            ps.setInt(2, delta);
            ps.executeUpdate();
            c.releaseSavepoint(sp);
        } catch (SQLException e) {
            if (!com.boothdesk.app.store.Sql.isDuplicateKey(e)) {
                throw e;
            }
            c.rollback(sp);
            if (!add(c, laneId, delta)) {
                throw e;
            }
        }
    }

    private static boolean add(Connection c, String laneId, int delta) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE lot_lane_count SET inside = inside + ? WHERE lane_id = ?")) {
            ps.setInt(1, delta);
            ps.setString(2, laneId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Reads the cars inside and the corrections from H2, on the writer thread so that no write interleaves. */
    static LotIndex load(Database db) {
        long t0 = System.nanoTime();
        LotIndex index = new LotIndex();
        db.write(c -> {
            index.reload(c);
            return null;
        });
        LOG.info("Lot index loaded: {} car(s) inside, {} area correction(s) in {} ms", index.size(),
                index.corrections.size(), (System.nanoTime() - t0) / 1_000_000);
        return index;
    }

    /**
     * Reads the cars inside and the corrections again from {@code c} (the database is the truth), then replaces what
     * the index held. A read that fails (the site database gone in the middle) leaves the index as it was: it is
     * never left empty or half read.
     */
    public void reload(Connection c) throws SQLException {
        List<Car> cars = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT order_id, plate, entry_lane, in_time FROM parking_order WHERE status = 'IN_LOT'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime in = rs.getObject(4, OffsetDateTime.class);
                cars.add(new Car(rs.getString(1), rs.getString(2), rs.getString(3), in.toInstant()));
            }
        }
        Map<String, Long> adjustments = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT area, COALESCE(SUM(delta), 0) FROM space_adjustment GROUP BY area");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                adjustments.put(rs.getString(1), rs.getLong(2));
            }
        }
        replaceWith(cars, adjustments);
    }

    private synchronized void replaceWith(List<Car> cars, Map<String, Long> adjustments) {
        byOrder.clear();
        byPlate.clear();
        byNorm.clear();
        byLength.clear();
        perLane.clear();
        corrections.clear();
        fuzzy.clear();
        cars.forEach(this::add);
        corrections.putAll(adjustments);
    }

    // ---- changes (the writer thread, after the commit) ---------------------------------------------------------

    /** A car came in. */
    public synchronized void add(Car car) {
        Car old = byOrder.put(car.orderId(), car);
        if (old != null) {
            unlink(old);
        }
        List<Car> list = new ArrayList<>(byPlate.getOrDefault(car.plate(), List.of()));
        list.add(car);
        list.sort(NEWEST_FIRST);
        byPlate.put(car.plate(), List.copyOf(list));
        String norm = PlateMatcher.normalize(car.plate());
        Set<String> raws = byNorm.computeIfAbsent(norm, k -> new java.util.LinkedHashSet<>(2));
        boolean newNorm = raws.isEmpty();
        raws.add(car.plate());
        if (newNorm) {
            byLength.computeIfAbsent(norm.length(), k -> new java.util.LinkedHashSet<>()).add(norm);
            fuzzy.values().forEach(f -> f.add(norm));
        }
        perLane.merge(car.entryLane(), 1, Integer::sum);
    }

    /** The order left the lot (closed, superseded). Nothing happens when it was not inside. */
    public synchronized void remove(String orderId) {
        Car old = byOrder.remove(orderId);
        if (old != null) {
            unlink(old);
        }
    }

    /** The cars of exactly this plate leave the index (a new entry supersedes them); returns them. */
    public synchronized List<Car> removePlate(String plate) {
        List<Car> cars = byPlate.getOrDefault(plate, List.of());
        cars.forEach(car -> remove(car.orderId()));
        return cars;
    }

    /** The plate of an in-lot order was corrected. */
    public synchronized void replate(String orderId, String newPlate) {
        Car old = byOrder.get(orderId);
        if (old != null) {
            remove(orderId);
            add(new Car(orderId, newPlate, old.entryLane(), old.inTime()));
        }
    }

    /** A space correction of {@code delta} was recorded for {@code area}. */
    public void corrected(String area, long delta) {
        corrections.merge(area, delta, Long::sum);
    }

    private void unlink(Car car) {
        List<Car> list = new ArrayList<>(byPlate.getOrDefault(car.plate(), List.of()));
        list.removeIf(c -> c.orderId().equals(car.orderId()));
        if (list.isEmpty()) {
            byPlate.remove(car.plate());
            String norm = PlateMatcher.normalize(car.plate());
            Set<String> raws = byNorm.get(norm);
            if (raws != null && raws.remove(car.plate()) && raws.isEmpty()) {
                byNorm.remove(norm);
                Set<String> sameLength = byLength.get(norm.length());
                if (sameLength != null) {
                    sameLength.remove(norm);
                }
                fuzzy.values().forEach(f -> f.remove(norm));
            }
        } else {
            byPlate.put(car.plate(), List.copyOf(list));
        }
        perLane.computeIfPresent(car.entryLane(), (k, n) -> n <= 1 ? null : n - 1);
    }

    // ---- reads (any thread) -------------------------------------------------------------------------------------

    public int size() {
        synchronized (this) {
            return byOrder.size();
        }
    }

    /** The newest in-lot order of exactly this plate. */
    public Optional<Car> newest(String plate) {
        List<Car> cars = byPlate.get(plate);
        return cars == null || cars.isEmpty() ? Optional.empty() : Optional.of(cars.get(0));
    }

    public synchronized Optional<Car> car(String orderId) {
        return Optional.ofNullable(byOrder.get(orderId));
    }

    /** How many of these plates are inside (each in-lot order counted). */
    public int count(Collection<String> plateList) {
        int n = 0;
        for (String p : plateList) {
            List<Car> cars = byPlate.get(p);
            n += cars == null ? 0 : cars.size();
        }
        return n;
    }

    /** Cars inside per entry lane. */
    public Map<String, Integer> perLane() {
        return Map.copyOf(perLane);
    }

    /** The sum of the recorded corrections per area (as stored: an unknown area is the caller's business). */
    public Map<String, Long> corrections() {
        return Map.copyOf(corrections);
    }

    /** Cars whose plate passes {@code filter}, newest first, at most {@code limit}. */
    public synchronized List<Car> matching(Predicate<String> filter, int limit) {
        List<Car> out = new ArrayList<>();
        for (Car c : byOrder.values()) {
            if (filter.test(c.plate())) {
                out.add(c);
            }
        }
        out.sort(NEWEST_FIRST);
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** Every car inside (a copy). */
    public synchronized List<Car> cars() {
        return List.copyOf(byOrder.values());
    }

    /**
     * The raw plates inside, as a live read-only set that the exit's {@link PlateMatcher} narrows through
     * {@link IndexedPlates} (iterating it walks the whole lot, weakly consistent).
     */
    public Set<String> plates() {
        return plates;
    }

    private synchronized Collection<String> near(String read, MatchSettings settings) {
        FuzzyPlateIndex f = fuzzy.get(settings);
        if (f == null) {
            if (fuzzy.size() >= 2) {
                fuzzy.remove(fuzzy.keySet().iterator().next());
            }
            f = new FuzzyPlateIndex(settings);
            for (String norm : byNorm.keySet()) {
                f.add(norm);
            }
            fuzzy.put(settings, f);
        }
        Set<String> norms = new java.util.HashSet<>(f.near(read,
                len -> byLength.getOrDefault(len, Collections.emptySet())));
        norms.add(read);
        List<String> raw = new ArrayList<>();
        for (String norm : norms) {
            Set<String> r = byNorm.get(norm);
            if (r != null) {
                raw.addAll(r);
            }
        }
        return raw;
    }

    private final class Plates extends AbstractSet<String> implements IndexedPlates {
        @Override
        public Iterator<String> iterator() {
            return Collections.unmodifiableSet(byPlate.keySet()).iterator();
        }

        @Override
        public int size() {
            return byPlate.size();
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof String s && byPlate.containsKey(s);
        }

        @Override
        public Collection<String> near(String read, MatchSettings settings) {
            return LotIndex.this.near(read, settings);
        }
    }
}
