package com.boothdesk.app.site.outage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.domain.gate.GateEventLog;
import com.boothdesk.app.domain.lane.IntakeJournal;
import com.boothdesk.app.domain.lane.ParkSpaces;
import com.boothdesk.app.domain.lane.VehicleClasses;
import com.boothdesk.app.domain.lists.VehicleLists;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.store.JdbcParkSpaces;
import com.boothdesk.app.store.lists.ExitCharges;
import com.boothdesk.app.store.lists.JdbcVehicleLists;

/**
 * The outage mode, wired from BoothApp: on a site database ({@link Database#shared()}) the lanes' stores are wrapped
 * so that a booth whose server is down keeps deciding and journals locally ({@link SiteOutage}); on the embedded H2
 * file of a single booth every method hands back what it was given.
 */
public final class OutageModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutageModule.class);

    /** {@code site.outage_probe_ms}: how often a booth whose site database is down asks it again. */
    public static final String PROBE_KEY = "site.outage_probe_ms";

    private final SiteOutage outage;
    private final OutageJournal journal;
    private final OutageOrders orders;
    private final OutageConflicts conflicts;
    private final OutageReplay replay;
    private java.time.Clock clock;
    private volatile int waiting;
    private volatile int conflictCount;

    private OutageModule(SiteOutage outage, OutageJournal journal, OutageOrders orders, OutageConflicts conflicts,
                         OutageReplay replay) {
        this.outage = outage;
        this.journal = journal;
        this.orders = orders;
        this.conflicts = conflicts;
        this.replay = replay;
    }

    /** The outage mode for this booth's database (off for the embedded file). */
    public static OutageModule open(Database db, BoothConfig config, JdbcOrderRepository orders, GateEventLog gates,
                                    Clock clock) {
        if (!db.shared()) {
            return new OutageModule(null, null, null, null, null);
        }
        Path dir = config.dataDir().toAbsolutePath().resolve("outage");
        Duration probe = Duration.ofMillis(probeMillis(config.keys().get(PROBE_KEY)));
        Map<String, String> k = config.keys();
        Copying copying = new Copying(
                Duration.ofMillis(watchMillis(k.get(WATCH_KEY))),
                Duration.ofSeconds(SiteCopy.seconds(SiteCopy.REFRESH_KEY, k.get(SiteCopy.REFRESH_KEY), 60, 5, 3600)),
                Duration.ofSeconds(SiteCopy.seconds(SiteCopy.AFTER_WRITE_KEY, k.get(SiteCopy.AFTER_WRITE_KEY), 5, 1,
                        600)));
        return of(db, dir, config.boothId(), config.vehicleClass(), orders, gates, clock, probe, copying);
    }

    /** {@code site.outage_watch_ms}: while up, how often the booth looks at its server (0 = not). */
    public static final String WATCH_KEY = "site.outage_watch_ms";

    /** The watch and the local copy's refresh (ostart). */
    record Copying(Duration watch, Duration refresh, Duration afterWrite) {
        static Copying defaults() {
            return new Copying(Duration.ofMillis(100), Duration.ofSeconds(60), Duration.ofSeconds(5));
        }
    }

    static int watchMillis(String v) {
        if (v == null || v.isBlank()) {
            return 100;
        }
        try {
            int ms = Integer.parseInt(v.trim());
            if (ms == 0 || (ms >= 50 && ms <= 60_000)) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(WATCH_KEY + ": expected 0 or milliseconds 50-60000, got '"
                + com.boothdesk.app.domain.plate.SafeText.of(v, 40) + "'");
    }

    /** As {@link #of(Database, Path, String, String, JdbcOrderRepository, GateEventLog, Clock, Duration, Copying)}
     * with the default watch and copy refresh. */
    static OutageModule of(Database db, Path dir, String boothId, String defaultClass, JdbcOrderRepository orders,
                           GateEventLog gates, Clock clock, Duration probe) {
        return of(db, dir, boothId, defaultClass, orders, gates, clock, probe, Copying.defaults());
    }

    /** The outage mode of a site database, its journal in {@code dir} (tests build it so). */
    static OutageModule of(Database db, Path dir, String boothId, String defaultClass, JdbcOrderRepository orders,
                           GateEventLog gates, Clock clock, Duration probe, Copying copying) {
        OutageJournal journal = OutageJournal.open(dir);
        // ostart: the local copy of the site (made here, or by OutageStart when the booth started offline)
        SiteCopy copy = db.shared(SiteCopy.class, d -> {
            SiteCopy made = SiteCopy.open(dir.resolve("site-cache"), boothId, clock);
            d.onClose(made::close);
            return made;
        });
        db.localCopy(copy.database());
        SiteOutage outage = new SiteOutage(db, journal, clock, probe);
        // a look that gets no answer within 1 s (or 5 watch periods) declares the server down: a server gone without
        // closing its connections (a black hole) is known after that, a refused or reset one at once
        outage.watch(copying.watch(), Duration.ofMillis(Math.max(1_000, 5 * copying.watch().toMillis())));
        OutageOrders wrapped = new OutageOrders(orders, outage, defaultClass);
        OutageConflicts conflicts = new OutageConflicts(db, boothId, clock);
        OutageReplay replay = new OutageReplay(db, journal, orders, gates, conflicts, clock);
        // the other writes of the car's path: the payment module's (found with the database), the exit's charge
        OutageWrites.register(db, outage, journal, clock);
        wrapped.clock(clock);
        ExitCharges.of(db).ifPresent(wrapped::charges);
        outage.replayer(replay);
        outage.onDown(wrapped::restoreIndexIfCleared);
        outage.onUp(() -> {
            wrapped.clearDelta();
            orders.index().refresh(db); // other booths' cars of the outage time
        });
        OutageModule m = new OutageModule(outage, journal, wrapped, conflicts, replay);
        m.clock = clock;
        // a gate event is journaled in order with the stays
        m.gates = new OutageGates(gates, outage);
        boolean offline = db.suspended();
        outage.start();
        copy.start(db, outage, copying.refresh(), copying.afterWrite());
        m.copy = copy;
        LOG.info("Outage mode ready: journal {}, probe every {} ms, watch every {} ms{}", journal.file(),
                probe.toMillis(), copying.watch().toMillis(), offline ? " (started offline, on the local copy)" : "");
        return m;
    }

    static int probeMillis(String v) {
        if (v == null || v.isBlank()) {
            return 2000;
        }
        try {
            int ms = Integer.parseInt(v.trim());
            if (ms >= 100 && ms <= 60_000) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(PROBE_KEY + ": expected milliseconds 100-60000, got '"
                + com.boothdesk.app.domain.plate.SafeText.of(v, 40) + "'");
    }

    private GateEventLog gates;
    private SiteCopy copy;

    /**
     * The booth's start is complete (the last line of BoothApp's start): a booth started offline keeps no more of its
     * writes in the local copy but the log-in's.
     */
    public void started() {
        if (outage == null) {
            return;
        }
        Database db = outage.database();
        int kept = db.copyTakesStartWrites(false);
        if (kept > 0) {
            LOG.warn("Started offline: {} start-up write(s) (tariff version, installed version, …) kept in the local"
                    + " copy only; the next start that reaches the site database writes them there", kept);
        }
    }

    /** The local copy of the site (ostart); null for the embedded file. */
    public SiteCopy copy() {
        return copy;
    }

    /** True on a site database. */
    public boolean active() {
        return outage != null;
    }

    /** True while the site database is down (or its journal is being replayed). */
    public boolean down() {
        return outage != null && outage.down();
    }

    /** The state (UP for the embedded file). */
    public SiteOutage.State state() {
        return outage == null ? SiteOutage.State.UP : outage.state();
    }

    /** The outage itself (tests); null for the embedded file. */
    public SiteOutage outage() {
        return outage;
    }

    public OrderRepository orders(OrderRepository site) {
        return orders == null ? site : orders;
    }

    public GateEventLog gates(GateEventLog site) {
        return gates == null ? site : gates;
    }

    public IntakeJournal intake(IntakeJournal site) {
        return outage == null ? site : new OutageIntake(site, outage, clock);
    }

    private OutageSpaces spaces;

    public ParkSpaces spaces(JdbcParkSpaces site) {
        if (outage == null) {
            return site;
        }
        spaces = new OutageSpaces(site, outage, orders);
        return spaces;
    }

    /** The free spaces per area for the header: memory's estimate while down. */
    public Map<String, Integer> freeByArea(JdbcParkSpaces site) {
        return spaces == null ? site.freeByArea() : spaces.freeByArea();
    }

    /**
     * The lanes' lists: a stored-value charge applied with the exit's record ({@link ExitCharges}, when the order
     * store is wired with it), and on a site database the outage mode's journal while down; the replay charges,
     * deducts and counts through {@code site}'s store.
     */
    public VehicleLists lists(VehicleLists site) {
        VehicleLists lanes = site;
        ExitCharges charges = null;
        if (site instanceof JdbcVehicleLists jdbc) {
            lanes = ExitCharges.atExit(jdbc);
            charges = ExitCharges.behind(lanes).orElse(null);
            if (replay != null) {
                replay.lists(jdbc);
            }
        }
        return outage == null ? lanes : new OutageLists(lanes, outage, lanes == site ? null : charges);
    }

    public VehicleClasses classes(VehicleClasses site) {
        return outage == null ? site : new OutageClasses(site, outage);
    }

    /** The attendant on duty: the accounts' answer while up; while down the one logged in meanwhile, else the last. */
    public Supplier<String> operator(Supplier<String> site) {
        if (outage == null) {
            return site;
        }
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>();
        // while down: the attendant logged in meanwhile (a log-in works on the local copy, SiteCopy), else the last
        return () -> outage.read(() -> {
            String who = site.get();
            last.set(who);
            return who;
        }, () -> {
            try {
                String who = site.get();
                if (who != null) {
                    last.set(who);
                }
                return who != null ? who : last.get();
            } catch (RuntimeException noCopy) {
                return last.get();
            }
        });
    }

    /** {@code read} while up; {@code otherwise} while down (the status line's reads). */
    public <T> T whileUp(Supplier<T> read, Supplier<T> otherwise) {
        return outage == null ? read.get() : outage.read(read, otherwise);
    }

    /** Refreshes the counts the header shows (the status thread, once a second). */
    public void refreshCounts() {
        if (outage == null) {
            return;
        }
        if (!outage.down()) {
            orders.keepIndexCopy();
        }
        waiting = journal.waiting();
        conflictCount = outage.read(conflicts::count, () -> conflictCount);
    }

    /** Journal entries waiting for the replay (as of the last {@link #refreshCounts}). */
    public int waiting() {
        return waiting;
    }

    /** Conflicts the site holds (as of the last {@link #refreshCounts}). */
    public int conflictCount() {
        return conflictCount;
    }

    /** The site's replay conflicts, newest first (empty for the embedded file; empty while down). */
    public List<OutageConflicts.Conflict> conflicts(int limit) {
        return conflicts == null ? List.of() : outage.read(() -> conflicts.recent(limit), List::of);
    }

    public OutageJournal journal() {
        return journal;
    }

    public OutageReplay replay() {
        return replay;
    }

    @Override
    public void close() {
        if (outage != null) {
            outage.close();
            journal.close();
        }
    }
}
