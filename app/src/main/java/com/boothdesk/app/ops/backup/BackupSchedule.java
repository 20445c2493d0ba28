package com.boothdesk.app.ops.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.ops.OwnerOnly;
import com.boothdesk.app.store.Database;

/**
 * The running booth's backups: one every {@code interval} (the first when the newest backup is older than that),
 * and one whenever a technician asks, from the booth or from {@code boothdesk backup} in a second process (which
 * cannot open the database the booth holds): that drops a request file into the backup folder, the booth answers
 * with a result file. Driven by {@link #tick()} from the booth's scheduler; time from the injected clock.
 */
public final class BackupSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);
    public static final String REQUEST_PREFIX = ".request-";
    public static final String RESULT_PREFIX = ".result-";

    private final Backups backups;
    private final Database db;
    private final Duration interval;
    private final Clock clock;
    private final Instant notBefore;
    private Instant last;
    private Instant lastFailure;

    /**
     * @param interval   zero: no scheduled backups (requests are still answered)
     * @param firstDelay no scheduled backup before this long after start (a booth that was never backed up gets its
     *                   first one then, not in the middle of its start-up)
     */
    private boolean serverNoted;

    public BackupSchedule(Backups backups, Database db, Duration interval, Duration firstDelay, Clock clock) {
        this.backups = backups;
        this.db = db;
        this.interval = interval;
        this.clock = clock;
        this.notBefore = clock.instant().plus(firstDelay);
    }

    /** Takes a backup now (the booth's "back up now"). */
    public synchronized Path backupNow() throws IOException {
        Path p = backups.backup(db);
        last = clock.instant();
        return p;
    }

    /** Answers pending requests, then takes the scheduled backup if one is due. Never throws. */
    public synchronized void tick() {
        answerRequests();
        if (interval.isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(notBefore)) {
            return;
        }
        if (db.file() == null) {
            // a site's PostgreSQL is backed up on its server (pg_dump): said once, not an error every hour
            if (!serverNoted) {
                serverNoted = true;
                LOG.info("No scheduled backup by this booth: the site database is backed up on its server (pg_dump)");
            }
            return;
        }
        try {
            if (last == null) {
                last = backups.newest();
            }
            // after a failure, wait an hour before trying again (a full disk should not be hammered)
            boolean due = last == null || !now.isBefore(last.plus(interval));
            boolean cooling = lastFailure != null && now.isBefore(lastFailure.plus(Duration.ofHours(1)));
            if (due && !cooling) {
                backupNow();
                lastFailure = null;
            }
        } catch (IOException | RuntimeException e) {
            lastFailure = now;
            LOG.error("Scheduled backup failed (next try in an hour): {}", e.toString());
        }
    }

    private void answerRequests() {
        Path dir = backups.directory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var s = Files.list(dir)) {
            for (Path req : s.filter(p -> p.getFileName().toString().startsWith(REQUEST_PREFIX)).toList()) {
                String id = req.getFileName().toString().substring(REQUEST_PREFIX.length());
                String answer;
                try {
                    answer = "ok " + backupNow();
                } catch (IOException | RuntimeException e) {
                    answer = "error " + e.getMessage();
                }
                Files.deleteIfExists(req);
                OwnerOnly.writeString(dir.resolve(RESULT_PREFIX + id), answer + "\n");
                LOG.info("Backup requested by a technician ({}): {}", id, answer);
            }
        } catch (IOException e) {
            LOG.warn("Could not read backup requests in {}: {}", dir, e.toString());
        }
    }

    /** From another process: asks the running booth for a backup and waits for the answer ("ok PATH" / "error …"). */
    public static String request(Path dir, Duration timeout) throws IOException, InterruptedException {
        OwnerOnly.directory(dir);
        String id = ProcessHandle.current().pid() + "-" + System.nanoTime();
        OwnerOnly.writeString(dir.resolve(REQUEST_PREFIX + id), "backup\n");
        Path result = dir.resolve(RESULT_PREFIX + id);
        long deadline = System.nanoTime() + timeout.toNanos();
        // another process: no latch can cross it; poll its answer file
        while (!Files.exists(result)) {
            if (System.nanoTime() > deadline) {
                Files.deleteIfExists(dir.resolve(REQUEST_PREFIX + id));
                return "error the running booth did not answer within " + timeout.toSeconds() + " s";
            }
            Thread.sleep(200);
        }
        String answer = Files.readString(result, StandardCharsets.UTF_8).trim();
        Files.deleteIfExists(result);
        return answer;
    }
}
