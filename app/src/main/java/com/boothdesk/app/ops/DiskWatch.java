package com.boothdesk.app.ops;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Observable;

/**
 * Watches the free space of the data folder's disk (database, pictures, logs, backups): below the warning level
 * it logs a warning (at most once an hour) and publishes {@link #low()} for the screen, before the disk runs out.
 */
public final class DiskWatch {

    private static final Logger LOG = LoggerFactory.getLogger(DiskWatch.class);

    /** The free space seen, and whether it is below the warning level. */
    public record DiskSpace(long freeBytes, long warnBytes, boolean low) {
    }

    /** What the free space of a folder is (the real file store; a test gives its own). */
    @FunctionalInterface
    public interface FreeSpace {
        long of(Path dir) throws IOException;
    }

    private final Path dir;
    private final long warnBytes;
    private final Clock clock;
    private final FreeSpace freeSpace;
    private final Observable<DiskSpace> low;
    private Instant lastWarned;

    public DiskWatch(Path dir, long warnBytes, Clock clock, FreeSpace freeSpace) {
        this.dir = dir;
        this.warnBytes = warnBytes;
        this.clock = clock;
        this.freeSpace = freeSpace;
        this.low = new Observable<>(new DiskSpace(-1, warnBytes, false));
    }

    public static FreeSpace fileStore() {
        return d -> {
            FileStore store = Files.getFileStore(d);
            return store.getUsableSpace();
        };
    }

    /** Checks once. Never throws. */
    public void check() {
        long free;
        try {
            free = freeSpace.of(dir);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read the free space of {}: {}", dir, e.toString());
            return;
        }
        boolean isLow = free < warnBytes;
        low.set(new DiskSpace(free, warnBytes, isLow));
        Instant now = clock.instant();
        if (isLow && (lastWarned == null || !now.isBefore(lastWarned.plus(Duration.ofHours(1))))) {
            lastWarned = now;
            LOG.warn("磁盘空间不足 / low disk space: {} MB free for {} (warning below {} MB); free space before the "
                    + "database, pictures or logs can no longer be written", free >> 20, dir, warnBytes >> 20);
        } else if (!isLow && lastWarned != null) {
            lastWarned = null;
            LOG.info("Disk space back to {} MB free for {}", free >> 20, dir);
        }
    }

    /** The latest reading, for the screen's alert list. */
    public Observable<DiskSpace> low() {
        return low;
    }
}
