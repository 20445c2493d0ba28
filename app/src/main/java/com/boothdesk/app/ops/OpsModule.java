package com.boothdesk.app.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.boothdesk.app.cloud.DownlinkRouter;
import com.boothdesk.app.common.Observable;
import com.boothdesk.devices.card.LaneCard;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.boothdesk.app.common.Threads;
import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.ops.backup.BackupSchedule;
import com.boothdesk.app.ops.backup.Backups;
import com.boothdesk.app.store.Database;

/**
 * The booth's operations work, started by BoothApp with one line: scheduled and requested backups, the disk
 * space watch, the cloud's upgrade notices (3.33) and log-upload requests (3.32), the clock watch (booth clock
 * against the cloud's and the cameras'), and the LED cards' clock sync (0x05) once the lanes' hardware is up
 * ({@link #lanesReady}). {@link #alerts()} is what the header shows of all this.
 */
public final class OpsModule implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Threads.scheduled("ops");
    private final BackupSchedule backups;
    private final DiskWatch disk;
    private volatile UpgradeNotices upgrades;
    private volatile LogUpload logUpload;
    private volatile ClockWatch clockWatch;
    private volatile CardClockSync cardClocks;
    private volatile OpsSettings settings = OpsSettings.defaults();
    private final Observable<List<OpsAlert>> alerts = new Observable<>(List.of());

    private OpsModule(BackupSchedule backups, DiskWatch disk) {
        this.backups = backups;
        this.disk = disk;
    }

    public static OpsModule start(BoothConfig config, Database db, DownlinkRouter router, Clock clock) {
        return start(config, db, new JdbcOutbox(db.dataSource(), clock), router, clock);
    }

    /** As above, storing its uplinks (2.32) in the booth's own outbox (its claimant on a shared database). */
    public static OpsModule start(BoothConfig config, Database db, JdbcOutbox outbox, DownlinkRouter router,
                                  Clock clock) {
        BoothConfig.Operations ops = config.ops();
        Backups b = new Backups(backupDir(config), ops.backupKeep(), clock);
        OpsModule m = new OpsModule(new BackupSchedule(b, db, ops.backupInterval(), Duration.ofMinutes(10), clock),
                new DiskWatch(config.dataDir().toAbsolutePath(), ops.diskWarnBytes(), clock, DiskWatch.fileStore()));
        m.scheduler.scheduleWithFixedDelay(m.disk::check, 0, 1, TimeUnit.MINUTES);
        m.upgrades = new UpgradeNotices(db, clock, AboutInfo.of(config.dataDir()).version());
        m.upgrades.register(router);
        m.settings = OpsSettings.load(config.dataDir());
        m.logUpload = new LogUpload(LogUpload.logFolder(config.dataDir()), outbox,
                m.settings, clock, config.zone(), m.scheduler);
        m.logUpload.register(router);
        m.clockWatch = new ClockWatch(clock, m.settings.clockDriftWarn());
        m.disk.low().subscribe(x -> m.refreshAlerts());
        m.clockWatch.drifts().subscribe(x -> m.refreshAlerts());
        m.upgrades.pending().subscribe(x -> m.refreshAlerts());
        m.refreshAlerts();
        // every 2 s: answers a technician's request quickly; the scheduled backup itself runs when due
        m.scheduler.scheduleWithFixedDelay(m.backups::tick, 5, 2, TimeUnit.SECONDS);
        return m;
    }

    /**
     * The lanes' hardware is up: their LED cards' clocks are set on the schedule of {@code ops.card_clock_sync_hours}.
     */
    public void lanesReady(List<String> laneIds, Function<String, Optional<LaneCard>> cards, Clock cardClock) {
        cardClocks = new CardClockSync(laneIds, cards, cardClock);
        cardClocks.schedule(scheduler, settings.cardClockSync());
    }

    /** Wakes the outbox dispatcher after a 2.32 is stored. */
    public void onUplinkStored(Runnable wake) {
        logUpload.onUplinkStored(wake);
    }

    /** The downlink handler with the cloud's clock sampled on the way (3.31, 3.2, 3.4, 3.25 times). */
    public Function<ObjectNode, ObjectNode> clockTap(Function<ObjectNode, ObjectNode> router) {
        return clockWatch.tap(router);
    }

    public ClockWatch clockWatch() {
        return clockWatch;
    }

    public LogUpload logUpload() {
        return logUpload;
    }

    /** The LED clock sync; null until {@link #lanesReady}. */
    public CardClockSync cardClocks() {
        return cardClocks;
    }

    /** Clock drift, low disk, pending upgrades: what the header shows, newest state only. */
    public Observable<List<OpsAlert>> alerts() {
        return alerts;
    }

    private synchronized void refreshAlerts() {
        List<OpsAlert> out = new ArrayList<>();
        if (clockWatch != null) {
            for (ClockWatch.Drift d : clockWatch.drifts().get()) {
                out.add(new OpsAlert(d.boothAhead() ? "ops.alert.clock_ahead" : "ops.alert.clock_behind",
                        List.of(d.source(), Math.abs(d.drift().toSeconds()))));
            }
        }
        DiskWatch.DiskSpace space = disk.low().get();
        if (space.low()) {
            out.add(new OpsAlert("ops.alert.disk_low", List.of(space.freeBytes() >> 20)));
        }
        if (upgrades != null) {
            for (UpgradeNotices.Notice n : upgrades.pending().get()) {
                out.add(new OpsAlert("ops.alert.upgrade", List.of(n.version() == null ? "?" : n.version(),
                        n.url() == null ? "-" : n.url())));
            }
        }
        alerts.set(List.copyOf(out));
    }

    /** {@code backup.dir}, relative to the data folder, default {@code <data>/backups}. */
    public static Path backupDir(BoothConfig config) {
        Path d = config.ops().backupDir();
        return config.dataDir().toAbsolutePath().resolve(d == null ? Path.of("backups") : d);
    }

    public BackupSchedule backups() {
        return backups;
    }

    /** 3.33 upgrade notices not yet installed (for the attendant's and the supervisor's screens). */
    public UpgradeNotices upgrades() {
        return upgrades;
    }

    /** The free-space reading of the data folder's disk (for the screen's alerts). */
    public DiskWatch disk() {
        return disk;
    }

    @Override
    public void close() {
        Threads.shutdown(scheduler);
    }
}
