package com.boothdesk.app.retention;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Threads;
import com.boothdesk.app.store.Database;

/**
 * Years of history without a file that grows for ever: once a day at a quiet hour, deletes acknowledged cloud
 * messages, barrier movements and pictures (files and upload rows) older than their configured days, in batches on
 * the writer thread (a lane's write waits for one batch at most). Never deleted: anything of a stay still inside,
 * a message not acknowledged by the cloud, a picture not uploaded yet. Orders themselves are the booth's accounts and
 * are kept.
 *
 * <p>H2 reuses the space of deleted rows but does not give it back to the disk; at a stop, when the last compaction
 * is {@code compactEveryDays} old, {@link #close} runs {@code SHUTDOWN COMPACT} (the booth is stopping anyway; see
 * the figures in the report of {@code HistoryHarness}). Close it just before the database.
 */
public final class Retention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 5_000;

    /** What one purge removed. */
    public record Purged(long outbox, long gateEvents, long pictureRows, long pictureFiles, Duration took) {
    }

    private final Database db;
    private final Path images;
    private final RetentionSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private ScheduledExecutorService timer;

    public Retention(Database db, Path images, RetentionSettings settings, Clock clock, ZoneId zone) {
        this.db = db;
        this.images = images.toAbsolutePath().normalize();
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
    }

    /** Purges every day at the configured hour (the first time at the next such hour). */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        if (db.file() != null && lastCompaction() == null) { // multi: a site server has no file to stamp
            note(clock.instant()); // a new file: the first compaction is due compactEveryDays from now
        }
        timer = Threads.scheduled("retention");
        ZonedDateTime now = clock.instant().atZone(zone);
        ZonedDateTime next = now.toLocalDate().atTime(settings.hour(), 0).atZone(zone);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        long delay = Duration.between(now, next).toMillis();
        timer.scheduleAtFixedRate(this::purgeQuietly, delay, TimeUnit.DAYS.toMillis(1), TimeUnit.MILLISECONDS);
        LOG.info("Retention: outbox {} d, gate events {} d, pictures {} d, daily at {}:00 (next {}), compaction every"
                + " {} d at stop", settings.outboxDays(), settings.gateEventDays(), settings.pictureDays(),
                settings.hour(), next.toLocalDateTime(), settings.compactEveryDays());
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("Retention purge failed, tried again tomorrow: {}", e.toString());
        }
    }

    /** Deletes what is past its days now. */
    public Purged purge() {
        long t0 = System.nanoTime();
        Instant now = clock.instant();
        long outboxBefore = now.minus(Duration.ofDays(settings.outboxDays())).toEpochMilli();
        OffsetDateTime gateBefore = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(settings.gateEventDays())),
                ZoneOffset.UTC);
        OffsetDateTime pictureBefore = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(settings.pictureDays())),
                ZoneOffset.UTC);
        long outbox = batches("DELETE FROM sdk_outbox WHERE status = 'ACKNOWLEDGED' AND updated_at < ?"
                + " FETCH FIRST " + BATCH + " ROWS ONLY", ps -> ps.setLong(1, outboxBefore));
        long gates = batches("DELETE FROM gate_event WHERE at < ? AND (order_id IS NULL OR order_id NOT IN"
                + " (SELECT order_id FROM parking_order WHERE status = 'IN_LOT')) FETCH FIRST " + BATCH
                + " ROWS ONLY", ps -> ps.setObject(1, gateBefore));
        long rows = batches("DELETE FROM picture_upload WHERE status <> 'PENDING' AND taken_at < ? AND order_id NOT IN"
                + " (SELECT order_id FROM parking_order WHERE status = 'IN_LOT') FETCH FIRST " + BATCH + " ROWS ONLY",
                ps -> ps.setObject(1, pictureBefore));
        long files = pictureFiles(LocalDate.ofInstant(now, zone).minusDays(settings.pictureDays()));
        Purged p = new Purged(outbox, gates, rows, files, Duration.ofNanos(System.nanoTime() - t0));
        LOG.info("Retention purge: {} delivered message(s), {} gate event(s), {} picture row(s), {} picture file(s)"
                + " in {} ms", outbox, gates, rows, files, p.took().toMillis());
        return p;
    }

    @FunctionalInterface
    private interface Bind {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Repeats one bounded DELETE, one transaction each, until nothing is left. */
    private long batches(String sql, Bind bind) {
        long total = 0;
        while (true) {
            int n = db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bind.bind(ps);
                    return ps.executeUpdate();
                }
            });
            total += n;
            if (n < BATCH) {
                return total;
            }
        }
    }

    /**
     * Deletes the picture files in date folders before {@code keepFrom}, except those of cars still inside and
     * those still to be uploaded; removes folders left empty.
     */
    private long pictureFiles(LocalDate keepFrom) {
        if (!Files.isDirectory(images)) {
            return 0;
        }
        Set<String> keep = db.read(c -> {
            Set<String> refs = new HashSet<>();
            collect(c, "SELECT entry_image FROM parking_order WHERE status = 'IN_LOT' AND entry_image IS NOT NULL",
                    refs);
            collect(c, "SELECT image_ref FROM picture_upload WHERE status = 'PENDING'", refs);
            return refs;
        });
        long deleted = 0;
        try (DirectoryStream<Path> days = Files.newDirectoryStream(images)) {
            for (Path day : days) {
                LocalDate date;
                try {
                    date = LocalDate.parse(day.getFileName().toString());
                } catch (DateTimeParseException notADay) {
                    continue;
                }
                if (!date.isBefore(keepFrom) || !Files.isDirectory(day)) {
                    continue;
                }
                boolean empty = true;
                try (DirectoryStream<Path> files = Files.newDirectoryStream(day)) {
                    for (Path f : files) {
                        String ref = day.getFileName() + "/" + f.getFileName();
                        if (keep.contains(ref) || !Files.isRegularFile(f)) {
                            empty = false;
                            continue;
                        }
                        Files.delete(f);
                        deleted++;
                    }
                }
                if (empty) {
                    Files.delete(day);
                }
            }
        } catch (IOException e) {
            LOG.warn("Retention: could not delete old pictures under {}: {}", images, e.toString());
        }
        return deleted;
    }

    private static void collect(Connection c, String sql, Set<String> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }

    /** Whether the last compaction is at least {@code compactEveryDays} old (or there was none). */
    boolean compactionDue() {
        if (settings.compactEveryDays() == 0 || db.file() == null) { // a site database server compacts itself
            return false;
        }
        Instant last = lastCompaction();
        return last == null || !clock.instant().isBefore(last.plus(Duration.ofDays(settings.compactEveryDays())));
    }

    private Path stamp() {
        return db.file().resolveSibling(db.file().getFileName() + ".compacted");
    }

    private Instant lastCompaction() {
        try {
            return Instant.ofEpochMilli(Long.parseLong(Files.readString(stamp(), StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private void note(Instant compacted) {
        try {
            Files.writeString(stamp(), Long.toString(compacted.toEpochMilli()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.warn("Could not note the compaction time in {}: {}", stamp(), e.toString());
        }
    }

    /**
     * Compacts the file now: {@code SHUTDOWN COMPACT} closes the database, so this is the last thing done with it.
     * Returns how long it took.
     */
    public Duration compactAndShutDown() {
        long t0 = System.nanoTime();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            LOG.warn("Could not compact the database: {}", e.toString());
            return Duration.ZERO;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        note(clock.instant());
        LOG.info("Database compacted in {} ms", took.toMillis());
        return took;
    }

    /** Stops the daily purge; compacts the file when due (call just before the database is closed). */
    @Override
    public void close() {
        synchronized (this) {
            if (timer != null) {
                Threads.shutdown(timer);
                timer = null;
            }
        }
        if (compactionDue()) {
            compactAndShutDown();
        }
    }
}
