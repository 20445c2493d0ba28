package com.boothdesk.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.retention.Retention;
import com.boothdesk.app.retention.RetentionSettings;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.index.LotIndex;
import com.boothdesk.app.testing.TestBooth;

/**
 * Years of history: generates a data folder with {@code orders} closed stays spread over three years (each with
 * its in_park and out_park messages acknowledged, two gate events and two uploaded picture rows) and {@code inside}
 * cars in the lot; prints the file size and the start-up times (the store with its lot index; the whole
 * application without the window: demo off, simulated devices, cloud simulator), then purges with the default
 * retention, compacts, and prints them again. Run:
 * <pre>./boothdesk bench history [orders, default 1000000] [inside, default 1000] [data folder, default a temp one]</pre>
 * A data folder that already holds a database is measured as it is (no orders added).
 */
public final class HistoryHarness {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private HistoryHarness() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int inside = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 1_000;
        Path data = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("history-");
        Path dbDir = data.resolve("db");
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        if (Files.exists(dbDir.resolve("boothdesk.mv.db"))) {
            // a folder made by an earlier run (generating 1,000,000 orders takes ~15 min): measured as it is
            System.out.printf(Locale.ROOT, "using the history already in %s%n", data);
        } else {
            try (Database db = Database.open(dbDir)) {
                generate(db, orders, inside, now);
            }
            System.out.printf(Locale.ROOT, "generated %,d orders (+%,d inside) in %.1f s%n", orders, inside,
                    (System.nanoTime() - t0) / 1e9);
        }
        report("with history", data, dbDir);

        try (Database db = Database.open(dbDir)) {
            Retention r = new Retention(db, data.resolve("images"), RetentionSettings.defaults(), Clock.systemUTC(),
                    SHANGHAI);
            Retention.Purged p = r.purge();
            System.out.printf(Locale.ROOT, "purge (defaults 30/365/90 d): %,d messages, %,d gate events, %,d picture"
                    + " rows in %.1f s%n", p.outbox(), p.gateEvents(), p.pictureRows(), p.took().toMillis() / 1e3);
            System.out.printf(Locale.ROOT, "file after purge %.1f MB%n", size(dbDir));
            Duration c = r.compactAndShutDown();
            System.out.printf(Locale.ROOT, "SHUTDOWN COMPACT %.1f s%n", c.toMillis() / 1e3);
        }
        report("after purge and compaction", data, dbDir);
        System.exit(0);
    }

    private static void report(String label, Path data, Path dbDir) {
        System.out.printf(Locale.ROOT, "[%s] file %.1f MB%n", label, size(dbDir));
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            try (Database db = Database.open(dbDir)) {
                long opened = System.nanoTime();
                int cars = LotIndex.of(db).size();
                long indexed = System.nanoTime();
                System.out.printf(Locale.ROOT, "[%s] store open %.0f ms, lot index (%d cars) %.0f ms%n", label,
                        (opened - t0) / 1e6, cars, (indexed - opened) / 1e6);
            }
            long t1 = System.nanoTime();
            BoothApp app = BoothApp.start(TestBooth.config(data), Clock.systemUTC());
            long started = System.nanoTime();
            app.close();
            System.out.printf(Locale.ROOT, "[%s] BoothApp.start (no window) %.0f ms%n", label, (started - t1) / 1e6);
        }
    }

    private static double size(Path dbDir) {
        try {
            return Files.size(dbDir.resolve("boothdesk.mv.db")) / 1e6;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    static void generate(Database db, int orders, int inside, Instant now) {
        long span = Duration.ofDays(3 * 365).toSeconds();
        int chunk = 20_000;
        for (int from = 0; from < orders + inside; from += chunk) {
            int start = from;
            int end = Math.min(orders + inside, from + chunk);
            db.write(c -> {
                try (PreparedStatement o = c.prepareStatement("INSERT INTO parking_order (order_id, plate, car_type,"
                        + " entry_lane, in_time, entry_operator, entry_image, status, exit_lane, out_time, due_fen,"
                        + " paid_fen, pay_method, exit_operator, exit_image, car_kind) VALUES (?, ?, 'small', 'A1', ?,"
                        + " 'op', ?, ?, ?, ?, ?, ?, ?, 'op', ?, 'TEMPORARY')");
                     PreparedStatement m = c.prepareStatement("INSERT INTO sdk_outbox (service_name, order_key, json,"
                             + " status, created_at, next_attempt_at, updated_at) VALUES (?, ?, ?, 'ACKNOWLEDGED', ?,"
                             + " ?, ?)");
                     PreparedStatement g = c.prepareStatement("INSERT INTO gate_event (lane_id, at, action, cause,"
                             + " operator, order_id) VALUES (?, ?, 'OPEN', ?, 'op', ?)");
                     PreparedStatement p = c.prepareStatement("INSERT INTO picture_upload (order_id, in_or_out,"
                             + " image_ref, plate, taken_at, status, attempts, next_attempt) VALUES (?, ?, ?, ?, ?,"
                             + " 'SENT', 1, ?)")) {
                    for (int i = start; i < end; i++) {
                        boolean in = i >= orders;
                        Instant at = in ? now.minusSeconds(600L + i % 86_400)
                                : now.minusSeconds(span - (long) ((double) i / orders * span));
                        Instant out = at.plusSeconds(3_600);
                        String id = "A1_" + at.getEpochSecond() + "_" + i;
                        String plate = String.format(Locale.ROOT, "京%s%05d", (char) ('A' + i % 20), i % 100_000);
                        String day = OffsetDateTime.ofInstant(at, SHANGHAI).toLocalDate().toString();
                        o.setString(1, id);
                        o.setString(2, plate);
                        o.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                        o.setString(4, day + "/" + id + "-in.jpg");
                        o.setString(5, in ? "IN_LOT" : "CLOSED");
                        o.setString(6, in ? null : "B1");
                        o.setObject(7, in ? null : OffsetDateTime.ofInstant(out, ZoneOffset.UTC));
                        o.setLong(8, in ? 0 : 600);
                        o.setLong(9, in ? 0 : 600);
                        o.setString(10, in ? null : "CASH");
                        o.setString(11, in ? null : day + "/" + id + "-out.jpg");
                        o.addBatch();
                        for (int k = 0; k < (in ? 1 : 2); k++) {
                            Instant when = k == 0 ? at : out;
                            m.setString(1, k == 0 ? "in_park" : "out_park");
                            m.setString(2, id);
                            m.setString(3, "{\"service_name\":\"" + (k == 0 ? "in_park" : "out_park")
                                    + "\",\"data\":{\"order_id\":\"" + id + "\",\"car_number\":\"" + plate
                                    + "\",\"in_time\":" + at.getEpochSecond() + ",\"empty_plot\":150}}");
                            m.setLong(4, when.toEpochMilli());
                            m.setLong(5, when.toEpochMilli());
                            m.setLong(6, when.toEpochMilli() + 200);
                            m.addBatch();
                            g.setString(1, k == 0 ? "A1" : "B1");
                            g.setObject(2, OffsetDateTime.ofInstant(when, ZoneOffset.UTC));
                            g.setString(3, k == 0 ? "ENTRY_ACCEPTED" : "EXIT_PAID");
                            g.setString(4, id);
                            g.addBatch();
                            p.setString(1, id);
                            p.setString(2, k == 0 ? "in" : "out");
                            p.setString(3, day + "/" + id + (k == 0 ? "-in.jpg" : "-out.jpg"));
                            p.setString(4, plate);
                            p.setObject(5, OffsetDateTime.ofInstant(when, ZoneOffset.UTC));
                            p.setObject(6, OffsetDateTime.ofInstant(when, ZoneOffset.UTC));
                            p.addBatch();
                        }
                    }
                    o.executeBatch();
                    m.executeBatch();
                    g.executeBatch();
                    p.executeBatch();
                }
                return null;
            });
        }
    }
}
