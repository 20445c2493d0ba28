package com.boothdesk.app.store.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.Database;

/**
 * The back office's history search on a year of stays: generates {@code orders} closed stays over 365 days (about
 * 60,000 distinct plates, so regulars come back), then times each kind of search (20 rounds after 3 warm-up rounds,
 * p50 and max) and an export of one week to CSV and Excel. Run:
 * <pre>
 * ./mvnw -B -q -pl app -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench-classpath.txt)" \
 *     com.boothdesk.app.store.history.HistorySearchHarness [orders, default 500000] [data folder, default temp]
 * </pre>
 */
public final class HistorySearchHarness {

    private static final String PROVINCES = "京沪苏浙粤川鲁豫";
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private HistorySearchHarness() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 500_000;
        Path data = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("history-search-");
        Instant end = Instant.parse("2026-11-30T16:00:00Z");
        Random rnd = new Random(15);
        String[] plates = new String[Math.max(1, orders / 8)];
        for (int i = 0; i < plates.length; i++) {
            plates[i] = plate(rnd);
        }
        long t0 = System.nanoTime();
        try (Database db = Database.open(data.resolve("db"))) {
            long have = db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM parking_order")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            if (have > 0) {
                System.out.printf(Locale.ROOT, "reusing the %,d stays already in %s%n", have, data);
                orders = 0;
            }
            List<HistoryFixtures.Stay> batch = new ArrayList<>(10_000);
            PaymentMethod[] methods = {PaymentMethod.CASH, PaymentMethod.ELECTRONIC, PaymentMethod.ELECTRONIC,
                PaymentMethod.MONTHLY, PaymentMethod.FREE};
            for (int i = 0; i < orders; i++) {
                Instant in = end.minusSeconds((long) (rnd.nextDouble() * 365 * 86_400));
                Instant out = in.plusSeconds(600 + rnd.nextInt(6 * 3600));
                PaymentMethod m = methods[rnd.nextInt(methods.length)];
                long due = m == PaymentMethod.MONTHLY ? 0 : 100L * (1 + rnd.nextInt(30));
                batch.add(new HistoryFixtures.Stay("H" + i, plates[rnd.nextInt(plates.length)], null,
                        m == PaymentMethod.MONTHLY ? CarKind.MONTHLY : CarKind.TEMPORARY, "A" + (1 + rnd.nextInt(2)),
                        in, "op" + rnd.nextInt(6), "B" + (1 + rnd.nextInt(2)), out, "op" + rnd.nextInt(6), due,
                        m == PaymentMethod.FREE ? 0 : due, 0, m, m == PaymentMethod.FREE ? "救护车" : null));
                if (batch.size() == 10_000) {
                    HistoryFixtures.insert(db, batch);
                    batch.clear();
                }
            }
            HistoryFixtures.insert(db, batch);
            System.out.printf(Locale.ROOT, "generated %,d stays (%,d plates) in %.1f s%n", orders, plates.length,
                    (System.nanoTime() - t0) / 1e9);

            JdbcHistory h = new JdbcHistory(db, null);
            String target = plates[7];
            String misread = target.substring(0, 3) + (target.charAt(3) == '8' ? 'B' : '8') + target.substring(4);
            Instant weekAgo = end.minus(Duration.ofDays(7));
            time("latest 500, no filter", () -> h.search(HistoryQuery.all()).size());
            time("exact plate, whole year", () -> h.search(HistoryQuery.all()
                    .withPlate(target, HistoryQuery.PlateMode.EXACT)).size());
            time("fuzzy plate (misread " + misread + "), whole year", () -> h.search(HistoryQuery.all()
                    .withPlate(misread, HistoryQuery.PlateMode.FUZZY)).size());
            time("fragment '" + target.substring(3, 6) + "', whole year", () -> h.search(HistoryQuery.all()
                    .withPlate(target.substring(3, 6), HistoryQuery.PlateMode.CONTAINS)).size());
            time("last week, exit lane B1, free releases", () -> h.search(HistoryQuery.all().withRange(weekAgo, end)
                    .withLane("B1").withOutcome(HistoryQuery.Outcome.FREE)).size());
            time("last week, attendant op3, cash", () -> h.search(HistoryQuery.all().withRange(weekAgo, end)
                    .withAttendant("op3").withPayment(PaymentMethod.CASH)).size());
            time("count of one month", () -> (int) h.count(HistoryQuery.all()
                    .withRange(end.minus(Duration.ofDays(30)), end)));
            for (String ext : List.of("csv", "xlsx")) {
                Path f = data.resolve("week." + ext);
                long e0 = System.nanoTime();
                long n = HistoryExport.write(h, HistoryQuery.all().withRange(weekAgo, end), f, ZONE);
                System.out.printf(Locale.ROOT, "export one week (%,d rows) to %s: %.0f ms, %,d KB%n", n, ext,
                        (System.nanoTime() - e0) / 1e6, Files.size(f) / 1024);
            }
        }
        System.exit(0);
    }

    private static void time(String what, Supplier<Integer> search) {
        int rows = 0;
        for (int i = 0; i < 3; i++) {
            rows = search.get();
        }
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            search.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-50s %6d rows  p50 %7.1f ms  max %7.1f ms%n", what, rows, ms[ms.length / 2],
                ms[ms.length - 1]);
    }

    private static String plate(Random rnd) {
        StringBuilder b = new StringBuilder().append(PROVINCES.charAt(rnd.nextInt(PROVINCES.length())))
                .append((char) ('A' + rnd.nextInt(8)));
        for (int i = 0; i < 5; i++) {
            b.append(LETTERS.charAt(rnd.nextInt(LETTERS.length())));
        }
        return b.toString();
    }
}
