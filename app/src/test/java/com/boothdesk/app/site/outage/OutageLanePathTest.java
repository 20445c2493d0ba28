package com.boothdesk.app.site.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Clock;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.cloud.CloudBridge;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.site.SitePostgres;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.sim.ReceivedUplink;

/**
 * The whole booth on a site's real PostgreSQL, reached through a TCP proxy that the test cuts while cars enter and
 * leave through the real lane path (camera HTTP push, the lane's decision, the simulated card's barrier, cash at the
 * exit), while booth B2 of the same site (on the server directly) lets one of the same cars out first: no car waits for
 * the server, and once it is back every stay is in the site database, the car let out twice is a conflict by the rule
 * (the first exit by time wins), and every in_park / out_park reached the cloud simulator once, in order (B2's
 * out_park taken over by the connected booth).
 */
class OutageLanePathTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @Test
    void carsEnterAndLeaveWhileTheSiteDatabaseIsCutOffAndAfterItsReturnNothingIsLostOrSentTwice() throws Exception {
        String url = SitePostgres.freshDatabase();
        try (CuttableProxy proxy = new CuttableProxy("127.0.0.1", SitePostgres.server().getPort());
             RunningBooth booth = RunningBooth.start(data, "store.url", proxy.through(url),
                     "store.user", SitePostgres.USER, OutageModule.PROBE_KEY, "200", "store.lot_refresh_ms", "500",
                     "store.outbox_takeover_seconds", "5");
             // booth B2 of the same site, on the server directly: it is not cut off
             Database b2 = Database.connect(url, SitePostgres.USER, "", 2)) {
            b2.refreshEvery(Duration.ofHours(1));
            JdbcOrderRepository ordersB2 = new JdbcOrderRepository(b2, new CloudBridge(
                    new JdbcOutbox(b2.dataSource(), Clock.systemUTC(), "B2", Duration.ofSeconds(5)), "B2"));
            BoothApp app = booth.app;
            OrderRepository orders = app.outage().orders(app.orders());
            assertThat(app.outage().active()).isTrue();
            Map<String, String> ids = new HashMap<>();
            for (String plate : List.of("京C10001", "京C10002")) {
                ids.put(plate, enter(booth, orders, plate));
            }

            proxy.cut();
            List<String> during = List.of("京C20001", "京C20002", "京C20003");
            List<Long> millis = new ArrayList<>();
            for (String plate : during) {
                long t0 = System.nanoTime();
                ids.put(plate, enter(booth, orders, plate));
                millis.add((System.nanoTime() - t0) / 1_000_000);
            }
            assertThat(app.outage().state()).isEqualTo(SiteOutage.State.DOWN);
            booth.clock.advance(Duration.ofHours(2));
            List<String> leaving = List.of("京C10001", "京C20001", "京C10002");
            // B2 lets 京C10002 out first (an hour earlier by the clock): A's later exit of it will be the conflict
            ParkingOrder twice = ordersB2.find(ids.get("京C10002")).orElseThrow();
            ordersB2.recordExit(twice.closed("X9", RunningBooth.EIGHT_AM.plus(Duration.ofHours(1)), 500, 500,
                    PaymentMethod.CASH, "op2", null, null), 99);
            for (String plate : leaving) {
                long t0 = System.nanoTime();
                leave(booth, plate);
                millis.add((System.nanoTime() - t0) / 1_000_000);
            }
            // once the outage is known nothing waits for the server (the pool's timeout is 5 s): only the first
            // read may have waited for it
            assertThat(millis.subList(1, millis.size())).allMatch(ms -> ms < 3000, "each under 3 s: " + millis);
            assertThat(app.outage().state()).isEqualTo(SiteOutage.State.DOWN);
            assertThat(app.outage().journal().waiting()).isGreaterThanOrEqualTo(during.size() + leaving.size());

            proxy.restore();
            await().atMost(Duration.ofSeconds(60)).until(() -> app.outage().state() == SiteOutage.State.UP);
            assertThat(app.outage().journal().waiting()).isZero();
            // the rule: the first exit by time wins, the other is the conflict
            assertThat(app.outage().conflicts(10)).extracting(OutageConflicts.Conflict::kind, OutageConflicts.Conflict::orderId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("EXIT_TWICE", ids.get("京C10002")));
            assertThat(app.orders().find(ids.get("京C10002")).orElseThrow().exitLaneId()).isEqualTo("X9");

            // 0 orders lost: every stay is in the site database, the ones let out closed
            for (Map.Entry<String, String> e : ids.entrySet()) {
                ParkingOrder row = app.orders().find(e.getValue()).orElseThrow();
                assertThat(row.status()).as(e.getKey())
                        .isEqualTo(leaving.contains(e.getKey()) ? OrderStatus.CLOSED : OrderStatus.IN_LOT);
            }
            assertThat(app.orders().countInLot()).isEqualTo(2);

            // at the cloud: each in_park / out_park once, in_park before out_park
            CloudSimulator cloud = booth.cloud();
            await().atMost(WAIT).until(() -> cloud.received("in_park").size() >= 5
                    && cloud.received("out_park").size() >= 3);
            List<String> inParks = orderIds(cloud.received("in_park"));
            List<String> outParks = orderIds(cloud.received("out_park"));
            assertThat(inParks).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids.values());
            assertThat(outParks).doesNotHaveDuplicates().hasSize(3);
            for (String plate : leaving) {
                assertThat(outParks).contains(ids.get(plate));
            }
            List<String> both = new ArrayList<>();
            for (ReceivedUplink u : cloud.received()) {
                String s = u.serviceName();
                if (s.equals("in_park") || s.equals("out_park")) {
                    both.add(s + ":" + u.data().path("order_id").asText());
                }
            }
            for (String plate : leaving) {
                assertThat(both.indexOf("in_park:" + ids.get(plate))).isLessThan(both.indexOf("out_park:" + ids.get(plate)));
            }
        }
    }

    private static String enter(RunningBooth booth, OrderRepository orders, String plate) {
        booth.camera("SIM-CAM-A1").push(plate);
        await().atMost(WAIT).until(() -> orders.findInLot(plate).isPresent());
        booth.clock.advance(Duration.ofSeconds(20));
        return orders.findInLot(plate).orElseThrow().orderId();
    }

    private static void leave(RunningBooth booth, String plate) throws Exception {
        var lane = booth.app.lane("B1");
        booth.camera("SIM-CAM-B1").push(plate);
        await().atMost(WAIT).until(() -> lane.state().get().phase() == LanePhase.AWAITING_PAYMENT
                && lane.state().get().order() != null && plate.equals(lane.state().get().order().plate()));
        lane.settleCash(100_000).get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> lane.state().get().phase() == LanePhase.RELEASED);
        booth.clock.advance(Duration.ofSeconds(20));
    }

    private static List<String> orderIds(List<ReceivedUplink> ups) {
        return ups.stream().map(u -> u.data().path("order_id").asText()).toList();
    }
}
