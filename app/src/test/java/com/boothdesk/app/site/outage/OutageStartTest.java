package com.boothdesk.app.site.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.site.SitePostgres;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.StoreException;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.app.testing.TestBooth;

/**
 * A booth of a site (the whole BoothApp on a real PostgreSQL, through a TCP proxy the test cuts) that starts while
 * its server cannot be reached: it starts from the local copy an earlier run filled, opens the gate for a monthly card,
 * charges a temporary car with the copy's tariff, lets the attendant log in with the cached password, journals; once
 * the server is back the journal is replayed and the site holds every order. A booth with no copy stops with the clear
 * message.
 */
class OutageStartTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ADMIN = "admin1";
    static final String PASSWORD = "Booth-pass-2026";
    static final String MONTHLY = "京TM0001";

    @TempDir
    Path data;

    private String[] keys(CuttableProxy proxy, String url) {
        return new String[] {"store.url", proxy.through(url), "store.user", SitePostgres.USER,
                OutageModule.PROBE_KEY, "200", "store.lot_refresh_ms", "500", "store.outbox_takeover_seconds", "5",
                SiteCopy.AFTER_WRITE_KEY, "1"};
    }

    @Test
    void aBoothStartedWhileItsServerIsDownWorksFromItsCopyAndTheSiteGetsEveryOrderOnceItIsBack() throws Exception {
        String url = SitePostgres.freshDatabase();
        String temp = "京C30001";
        String reference = "京C30009";
        long referenceFee;
        String monthlyId;
        String tempId;
        try (CuttableProxy proxy = new CuttableProxy("127.0.0.1", SitePostgres.server().getPort())) {
            // first run, the server up: an admin with a password, a monthly card, two cars inside, a shift open
            try (RunningBooth booth = RunningBooth.start(data, keys(proxy, url))) {
                BoothApp app = booth.app;
                StaffService staff = app.staff().service();
                staff.createFirstAdmin(ADMIN, "王站长", PASSWORD.toCharArray());
                staff.login(ADMIN, PASSWORD.toCharArray());
                assertThat(booth.push("{'service_name':'month_member_sync','data':{'card_id':'TM1','operate_type':1,"
                        + "'begin_time':1764000000,'end_time':1798000000,'car_number':'" + MONTHLY + "','name':'李四',"
                        + "'p_lot':'1','price':'300.00','park_id':'24155'}}").path("state").asInt()).isEqualTo(1);
                monthlyId = booth.enter(MONTHLY);
                tempId = booth.enter(temp);
                booth.enter(reference);
                booth.clock.advance(Duration.ofHours(2));
                referenceFee = leaveWithCash(booth, reference);
                assertThat(referenceFee).isPositive();
                // the copy follows the booth's own writes (site.copy_after_write_seconds=1)
                SiteCopy copy = app.outage().copy();
                await().atMost(WAIT).until(() -> copyHas(copy, monthlyId) && copyHas(copy, tempId)
                        && !copyHas(copy, reference));
            }
            assertThat(SiteCopy.fileExists(SiteCopy.dir(data))).isTrue();

            proxy.cut();
            // second run: the server cannot be reached at the start
            try (RunningBooth booth = RunningBooth.startAt(data, RunningBooth.EIGHT_AM.plus(Duration.ofHours(2)),
                    Clock.systemUTC(), keys(proxy, url))) {
                BoothApp app = booth.app;
                assertThat(app.outage().state()).isEqualTo(SiteOutage.State.DOWN);
                assertThat(app.database().suspended()).isTrue();
                OrderRepository orders = app.outage().orders(app.orders());
                assertThat(orders.countInLot()).isEqualTo(2);

                // the attendant logs in with the cached password and resumes the shift of the first run
                StaffService.Login login = app.staff().service().login(ADMIN, PASSWORD.toCharArray());
                assertThat(login.resumed()).isTrue();
                assertThat(app.operator()).isEqualTo(ADMIN);
                // a wrong password is refused (the failure count cannot be written while down); the one on duty stays
                assertThatThrownBy(() -> app.staff().service().authenticate(ADMIN, "wrong".toCharArray()))
                        .isInstanceOf(RuntimeException.class);
                assertThat(app.operator()).isEqualTo(ADMIN);

                // the monthly card opens the gate by itself
                LaneController exit = app.lane("B1");
                booth.camera("SIM-CAM-B1").push(MONTHLY);
                await().atMost(WAIT).until(() -> released(exit.state().get(), MONTHLY));
                booth.clock.advance(Duration.ofSeconds(20));

                // the temporary car pays what the copy's tariff asks for the same stay
                long fee = leaveWithCash(booth, temp);
                assertThat(fee).isEqualTo(referenceFee);

                // a new car enters
                booth.camera("SIM-CAM-A1").push("京C30002");
                await().atMost(WAIT).until(() -> orders.findInLot("京C30002").isPresent());
                String newId = orders.findInLot("京C30002").orElseThrow().orderId();
                assertThat(newId).contains("_L");
                assertThat(app.outage().journal().waiting()).isGreaterThanOrEqualTo(3);
                assertThat(app.outage().state()).isEqualTo(SiteOutage.State.DOWN);

                // the server comes back: Flyway's check, the replay, up
                proxy.restore();
                await().atMost(Duration.ofSeconds(60)).until(() -> app.outage().state() == SiteOutage.State.UP);
                assertThat(app.outage().journal().waiting()).isZero();
                assertThat(app.database().schemaPending()).isFalse();
                assertThat(app.database().suspended()).isFalse();

                // the site holds every order
                try (Database site = Database.connect(url, SitePostgres.USER, "", 1)) {
                    assertThat(status(site, monthlyId)).isEqualTo("CLOSED");
                    assertThat(status(site, tempId)).isEqualTo("CLOSED");
                    assertThat(paid(site, tempId)).isEqualTo(fee);
                    assertThat(status(site, newId)).isEqualTo("IN_LOT");
                }
                ParkingOrder closed = app.orders().find(tempId).orElseThrow();
                assertThat(closed.status()).isEqualTo(OrderStatus.CLOSED);
                assertThat(closed.exitOperator()).isEqualTo(ADMIN);
                assertThat(app.orders().countInLot()).isEqualTo(1);
            }
        }
    }

    @Test
    void aBoothThatNeverReachedItsServerAndHasNoCopyStopsWithAClearMessage() throws Exception {
        String url = SitePostgres.freshDatabase();
        try (CuttableProxy proxy = new CuttableProxy("127.0.0.1", SitePostgres.server().getPort())) {
            proxy.cut();
            String through = proxy.through(url);
            assertThatThrownBy(() -> BoothApp.start(TestBooth.config(data, keys(proxy, url)), Clock.systemUTC()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("无法连接站点数据库")
                    .hasMessageContaining("本机也没有站点数据副本")
                    .hasMessageContaining("has no local copy")
                    .hasMessageContaining(through);
            assertThat(SiteCopy.fileExists(SiteCopy.dir(data))).isFalse();
        }
    }

    @Test
    void aCopyOfAnotherSiteDatabaseIsNeverDecidedFrom() throws Exception {
        String first = SitePostgres.freshDatabase();
        String other = SitePostgres.freshDatabase();
        try (CuttableProxy proxy = new CuttableProxy("127.0.0.1", SitePostgres.server().getPort())) {
            try (RunningBooth booth = RunningBooth.start(data, keys(proxy, first))) {
                booth.app.outage().copy().refreshFrom(booth.app.database());
            }
            proxy.cut();
            // the booth is pointed at another server's database, which cannot be reached
            assertThatThrownBy(() -> BoothApp.start(TestBooth.config(data, keys(proxy, other)), Clock.systemUTC()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("本机的站点数据副本来自另一个数据库")
                    .hasMessageContaining("local copy is of another database")
                    .hasMessageContaining(proxy.through(first));
        }
    }

    private static boolean released(LaneState s, String plate) {
        return s.phase() == LanePhase.RELEASED && s.order() != null && plate.equals(s.order().plate());
    }

    /** The car at the exit B1 waits to pay, pays cash; returns the fee. */
    private static long leaveWithCash(RunningBooth booth, String plate) throws Exception {
        LaneController lane = booth.app.lane("B1");
        booth.camera("SIM-CAM-B1").push(plate);
        await().atMost(WAIT).until(() -> lane.state().get().phase() == LanePhase.AWAITING_PAYMENT
                && lane.state().get().order() != null && plate.equals(lane.state().get().order().plate()));
        long fee = lane.state().get().quote().totalFen();
        lane.settleCash(100_000).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> released(lane.state().get(), plate));
        booth.clock.advance(Duration.ofSeconds(20));
        return fee;
    }

    private static boolean copyHas(SiteCopy copy, String orderId) {
        return copy.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM parking_order WHERE order_id = ?")) {
                ps.setString(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static String status(Database site, String orderId) {
        return site.read(c -> one(c, "SELECT status FROM parking_order WHERE order_id = ?", orderId));
    }

    private static long paid(Database site, String orderId) {
        return Long.parseLong(site.read(c -> one(c, "SELECT paid_fen FROM parking_order WHERE order_id = ?", orderId)));
    }

    private static String one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
