package com.boothdesk.app.cloud;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Threads;
import com.boothdesk.app.domain.lane.ImageStore;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.store.Database;
import com.boothdesk.sdk.picture.CarPictureUploader;

/**
 * Entry and exit pictures of every stay go up to the cloud as 2.12 pictures over HTTP, as the real SDK sends them
 * (never on the 1,024-byte TCP line). A row is written in the order's own transaction; a worker sends due rows,
 * retries with backoff when the cloud cannot be reached, and gives up after {@link #MAX_ATTEMPTS} with the reason.
 */
public final class PictureUploads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PictureUploads.class);
    static final int MAX_ATTEMPTS = 20;
    private static final int BATCH = 5;

    private final Database db;
    private final ImageStore images;
    private final CarPictureUploader uploader;
    private final Clock clock;
    private ScheduledExecutorService worker;

    /** @param uploader null when pictures cannot be uploaded (rows are still kept for later) */
    public PictureUploads(Database db, ImageStore images, CarPictureUploader uploader, Clock clock) {
        this.db = db;
        this.images = images;
        this.uploader = uploader;
        this.clock = clock;
    }

    /** Queues the order's entry or exit picture inside the caller's transaction. */
    public static void queue(Connection txn, ParkingOrder o, boolean in, Instant now) throws SQLException {
        String ref = in ? o.entryImage() : o.exitImage();
        if (ref == null) {
            return;
        }
        try (PreparedStatement ps = txn.prepareStatement("INSERT INTO picture_upload (order_id, in_or_out, image_ref,"
                + " plate, taken_at, next_attempt) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, o.orderId());
            ps.setString(2, in ? "in" : "out");
            ps.setString(3, ref);
            ps.setString(4, o.plate());
            ps.setObject(5, time(in ? o.inTime() : o.outTime()));
            ps.setObject(6, time(now));
            ps.executeUpdate();
        }
    }

    /** Queues the evidence picture of a manual barrier movement (2.12 liftrod) inside the caller's transaction. */
    public static void queueLiftrod(Connection txn, String liftrodId, String imageRef, Instant takenAt, Instant now)
            throws SQLException {
        try (PreparedStatement ps = txn.prepareStatement("INSERT INTO picture_upload (order_id, in_or_out, image_ref,"
                + " plate, taken_at, next_attempt, source) VALUES (?, NULL, ?, NULL, ?, ?, 'liftrod')")) {
            ps.setString(1, liftrodId);
            ps.setString(2, imageRef);
            ps.setObject(3, time(takenAt));
            ps.setObject(4, time(now));
            ps.executeUpdate();
        }
    }

    public void start() {
        if (uploader == null) {
            LOG.info("No picture endpoint: entry/exit pictures are kept and queued, not uploaded");
            return;
        }
        worker = Threads.scheduled("picture-upload");
        worker.scheduleWithFixedDelay(this::sendDue, 1, 2, TimeUnit.SECONDS);
    }

    /** Sends what is due now; one at a time, so a slow cloud never piles up requests. */
    void sendDue() {
        try {
            for (Due d : due()) {
                send(d);
            }
        } catch (RuntimeException e) {
            LOG.warn("Picture uploads: {}", e.toString());
        }
    }

    private void send(Due d) {
        Optional<byte[]> jpeg = images.load(d.imageRef());
        if (jpeg.isEmpty()) {
            finish(d, "FAILED", "picture file missing: " + d.imageRef());
            return;
        }
        try {
            uploader.upload(new CarPictureUploader.CarPicture(d.source(), d.orderId(), d.inOrOut(), d.plate(),
                    d.takenAt().getEpochSecond(), jpeg.get())).get(40, TimeUnit.SECONDS);
            finish(d, "SENT", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            String why = e.getCause() != null ? e.getCause().toString() : e.toString();
            if (why.contains("at most") || d.attempts() + 1 >= MAX_ATTEMPTS) {
                finish(d, "FAILED", why);
                LOG.warn("Picture {} of order {} not uploaded: {}", d.inOrOut(), d.orderId(), why);
            } else {
                retry(d, why);
            }
        }
    }

    private List<Due> due() {
        return db.read(c -> {
            List<Due> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, order_id, in_or_out, image_ref, plate, taken_at,"
                    + " attempts, source FROM picture_upload WHERE status = 'PENDING' AND next_attempt <= ?"
                    + " ORDER BY id LIMIT ?")) {
                ps.setObject(1, time(clock.instant()));
                ps.setInt(2, BATCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getInt(7),
                                rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }

    private void retry(Due d, String why) {
        long backoff = Math.min(600, 2L << Math.min(d.attempts(), 9)); // 2 s, 4 s, ... at most 10 min
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE picture_upload SET attempts = attempts + 1,"
                    + " next_attempt = ?, last_error = ? WHERE id = ?")) {
                ps.setObject(1, time(clock.instant().plus(Duration.ofSeconds(backoff))));
                ps.setString(2, truncate(why));
                ps.setLong(3, d.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void finish(Due d, String status, String why) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE picture_upload SET status = ?, attempts = attempts + 1,"
                    + " last_error = ? WHERE id = ?")) {
                ps.setString(1, status);
                ps.setString(2, why == null ? null : truncate(why));
                ps.setLong(3, d.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** How many rows are in each state (for the screen and tests). */
    public java.util.Map<String, Long> counts() {
        return db.read(c -> {
            java.util.Map<String, Long> m = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM picture_upload GROUP BY status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getLong(2));
                }
            }
            return m;
        });
    }

    private static String truncate(String s) {
        return s.length() <= 255 ? s : s.substring(0, 255);
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    @Override
    public void close() {
        if (worker != null) {
            Threads.shutdown(worker);
        }
    }

    /** @param orderId the picture's key: the order id, or the liftrod id for {@code source} liftrod */
    private record Due(long id, String orderId, String inOrOut, String imageRef, String plate, Instant takenAt,
                       int attempts, String source) {
    }
}
