package com.boothdesk.app.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boothdesk.app.cloud.DownlinkRouter;
import com.boothdesk.app.cloud.sync.ListSync;
import com.boothdesk.app.store.Database;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A list downlink the cloud sends to every booth's login is applied once for the site (site_once), on a real
 * PostgreSQL with two booths: a slow booth's late copy of an older message does not turn the list back; a refused one
 * does not hold the key; the booth holding a key applies a resend; concurrent copies apply once.
 */
class SiteOnceTest {

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    // 2024-05-01 and 2024-06-01 / 2024-07-01 00:00 Shanghai
    static final long MAY_1 = 1714492800L;
    static final long JUNE_1 = 1717171200L;
    static final long JULY_1 = 1719763200L;

    Database a;
    Database b;
    DownlinkRouter routerA;
    DownlinkRouter routerB;
    MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void open() {
        String url = SitePostgres.freshDatabase();
        a = Database.connect(url, SitePostgres.USER, "", 4);
        b = Database.connect(url, SitePostgres.USER, "", 4);
        routerA = booth(a, "B1");
        routerB = booth(b, "B2");
    }

    private DownlinkRouter booth(Database db, String id) {
        JdbcOutbox outbox = new JdbcOutbox(db.dataSource(), clock, id, Duration.ofSeconds(30));
        SiteOnce.register(db, id, clock);
        DownlinkRouter r = new DownlinkRouter();
        new ListSync(db, outbox, ZONE, clock).register(r);
        return r;
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    static ObjectNode send(DownlinkRouter r, String json) {
        try {
            return r.apply(WireCodec.parseObject(json.replace('\'', '"')));
        } catch (com.boothdesk.sdk.wire.WireFormatException e) {
            throw new AssertionError(e);
        }
    }

    static String white(int op, String plate, long end, String name) {
        return "{'data':{'operate_type':" + op + ",'car_number':'" + plate + "','user_name':'" + name
                + "','b_time':" + MAY_1 + ",'e_time':" + end + "},'service_name':'white_list_sync'}";
    }

    String validTo(String plate) {
        return a.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT valid_to, name FROM white_list WHERE plate = ?")) {
                ps.setString(1, plate);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) + " " + rs.getString(2) : "none";
                }
            }
        });
    }

    long onceRows() {
        return a.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM site_once")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aLateCopyAtTheOtherBoothDoesNotTurnTheListBack() {
        String add = white(1, "京ABC123", JUNE_1, "张三");
        String modify = white(2, "京ABC123", JULY_1, "张三");
        assertThat(send(routerA, add).path("state").asInt()).isEqualTo(1);
        assertThat(send(routerA, modify).path("state").asInt()).isEqualTo(1);
        String after = validTo("京ABC123");
        assertThat(after).startsWith("2024-06-30");

        // booth B2 gets the cloud's copies late: both were already applied for the site
        ObjectNode late = send(routerB, add);
        assertThat(late.path("state").asInt()).as("answered so that the cloud stops re-sending").isEqualTo(1);
        assertThat(late.path("errmsg").asText()).contains("already applied for the site");
        assertThat(late.path("service_name").asText()).isEqualTo("white_list_sync");
        assertThat(late.path("operate_type").asInt()).isEqualTo(1);
        assertThat(late.path("car_number").asText()).as("the key echoed as for any reply").isEqualTo("京ABC123");
        assertThat(validTo("京ABC123")).as("the older add is not applied again after the modify").isEqualTo(after);
        assertThat(send(routerB, modify).path("errmsg").asText()).contains("already applied");
        assertThat(onceRows()).isEqualTo(2);

        // the booth that holds a key applies the cloud's resend again (idempotent), e.g. after it was killed
        assertThat(send(routerA, modify).path("errmsg").asText()).doesNotContain("already applied");

        // a day later the same fields are new work (the cloud sending the same message anew)
        clock.advance(SiteOnce.WINDOW.plusMinutes(1));
        assertThat(send(routerB, add).path("errmsg").asText()).doesNotContain("already applied");
        assertThat(validTo("京ABC123")).startsWith("2024-05-31");
    }

    @Test
    void aRefusedDownlinkDoesNotHoldItsKey() {
        String bad = "{'data':{'operate_type':1},'service_name':'white_list_sync'}";
        assertThat(send(routerA, bad).path("state").asInt()).isZero();
        assertThat(onceRows()).isZero();
        assertThat(send(routerB, bad).path("errmsg").asText()).contains("car_number");
    }

    @Test
    void theKeyIgnoresPerLoginFieldsAndPrefersTheMessageUuid() {
        ObjectNode x = (ObjectNode) parse("{'service_name':'blackuser_sync','local_id':'b1','token':'t1',"
                + "'data':{'car_number':'京A1','operate_type':1}}");
        ObjectNode y = (ObjectNode) parse("{'token':'t2','local_id':'b2','service_name':'blackuser_sync',"
                + "'data':{'operate_type':1,'car_number':'京A1'}}");
        ObjectNode z = (ObjectNode) parse("{'service_name':'blackuser_sync','data':{'car_number':'京A2',"
                + "'operate_type':1}}");
        assertThat(SiteOnce.key("blackuser_sync", x)).isEqualTo(SiteOnce.key("blackuser_sync", y))
                .isNotEqualTo(SiteOnce.key("blackuser_sync", z)).startsWith("blackuser_sync|h:");
        ObjectNode u = (ObjectNode) parse("{'data':{'message_uuid':'abc-1','car_number':'京A1'}}");
        assertThat(SiteOnce.key("month_member_sync", u)).isEqualTo("month_member_sync|u:abc-1");
    }

    @Test
    void copiesArrivingAtBothBoothsAtOnceAreAppliedOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> plates = new ArrayList<>();
            int applied = 0;
            for (int i = 0; i < 20; i++) {
                String msg = white(1, "京B" + (10000 + i), JUNE_1, "李四");
                plates.add(msg);
                CountDownLatch go = new CountDownLatch(1);
                Future<ObjectNode> fa = pool.submit(() -> {
                    go.await();
                    return send(routerA, msg);
                });
                Future<ObjectNode> fb = pool.submit(() -> {
                    go.await();
                    return send(routerB, msg);
                });
                go.countDown();
                ObjectNode ra = fa.get(30, TimeUnit.SECONDS);
                ObjectNode rb = fb.get(30, TimeUnit.SECONDS);
                assertThat(ra.path("state").asInt()).isEqualTo(1);
                assertThat(rb.path("state").asInt()).isEqualTo(1);
                int here = (ra.path("errmsg").asText().contains("already applied") ? 0 : 1)
                        + (rb.path("errmsg").asText().contains("already applied") ? 0 : 1);
                assertThat(here).as("copy %d applied by exactly one booth", i).isEqualTo(1);
                applied += here;
            }
            assertThat(applied).isEqualTo(plates.size());
            assertThat(onceRows()).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return WireCodec.parseObject(json.replace('\'', '"'));
        } catch (com.boothdesk.sdk.wire.WireFormatException e) {
            throw new AssertionError(e);
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
