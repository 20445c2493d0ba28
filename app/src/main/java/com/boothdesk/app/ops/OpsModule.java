package com.boothdesk.app.ops;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.boothdesk.app.cloud.DownlinkRouter;
import com.boothdesk.app.common.Threads;
import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.ops.backup.BackupSchedule;
import com.boothdesk.app.ops.backup.Backups;
import com.boothdesk.app.store.Database;

/**
 * The booth's operations work, started by BoothApp with one line: scheduled and requested backups, and the disk
 * space watch, the cloud's upgrade notices (3.33).
 */
public final class OpsModule implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Threads.scheduled("ops");
    private final BackupSchedule backups;
    private final DiskWatch disk;
    private volatile UpgradeNotices upgrades;

    private OpsModule(BackupSchedule backups, DiskWatch disk) {
        this.backups = backups;
        this.disk = disk;
    }

    public static OpsModule start(BoothConfig config, Database db, DownlinkRouter router, Clock clock) {
        BoothConfig.Operations ops = config.ops();
        Backups b = new Backups(backupDir(config), ops.backupKeep(), clock);
        OpsModule m = new OpsModule(new BackupSchedule(b, db, ops.backupInterval(), Duration.ofMinutes(10), clock),
                new DiskWatch(config.dataDir().toAbsolutePath(), ops.diskWarnBytes(), clock, DiskWatch.fileStore()));
        m.scheduler.scheduleWithFixedDelay(m.disk::check, 0, 1, TimeUnit.MINUTES);
        m.upgrades = new UpgradeNotices(db, clock, AboutInfo.of(config.dataDir()).version());
        m.upgrades.register(router);
        // every 2 s: answers a technician's request quickly; the scheduled backup itself runs when due
        m.scheduler.scheduleWithFixedDelay(m.backups::tick, 5, 2, TimeUnit.SECONDS);
        return m;
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
