package com.boothdesk.app.site.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.lists.ListUplinks;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.sdk.sim.ReceivedUplink;

/**
 * The whole booth on a site's real PostgreSQL behind a proxy the test cuts: a stored-value car leaves through the real
 * lane path while the server answers (the charge commits with the exit) and another while it is down (the charge is
 * journaled with its exit): after the return each card is charged once, each stay is closed by stored value, and each
 * 2.27 reached the cloud simulator once.
 */
class OutageStoredValueLanePathTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @Test
    void storedValueCarsLeaveBeforeAndDuringTheOutageAndEachCardIsChargedOnce() throws Exception {
        try (BoothBehindCut cut = BoothBehindCut.start(data)) {
            CuttableProxy proxy = cut.proxy;
            RunningBooth booth = cut.booth;
            Database site = cut.site;
            BoothApp app = cut.app;
            OrderRepository orders = cut.orders;
            app.database().write(c -> {
                app.lists().store().saveStoredValue(c, new StoredValueAccount("sv1", List.of("京V10001"), "王五",
                        "138", 100_000, "", ""));
                app.lists().store().saveStoredValue(c, new StoredValueAccount("sv2", List.of("京V10002"), "赵六",
                        "139", 100_000, "", ""));
                return null;
            });
            String id1 = enter(booth, orders, "京V10001");
            String id2 = enter(booth, orders, "京V10002");
            booth.clock.advance(Duration.ofHours(2));

            leave(booth, "京V10001");
            ParkingOrder first = app.orders().find(id1).orElseThrow();
            assertThat(first.paymentMethod()).isEqualTo(PaymentMethod.STORED_VALUE);
            long fee = first.dueFen();
            assertThat(fee).isPositive();
            assertThat(balance(site, "sv1")).isEqualTo(100_000 - fee);

            // the first 2.27 delivered and marked so before the cut (a message in flight at the cut is sent again
            // after the return: the outbox's at-least-once delivery, not this test's subject)
            await().atMost(WAIT).until(() -> app.outbox().countUndelivered() == 0);
            proxy.cut();
            leave(booth, "京V10002");
            assertThat(app.outage().down()).isTrue();
            assertThat(app.outage().journal().unreplayed(100)).extracting(OutageJournal.Entry::kind)
                    .containsSubsequence(OutageJournal.Kind.STORED_VALUE, OutageJournal.Kind.EXIT);

            proxy.restore();
            await().atMost(Duration.ofSeconds(60)).until(() -> app.outage().state() == SiteOutage.State.UP);
            ParkingOrder second = app.orders().find(id2).orElseThrow();
            assertThat(second.status()).isEqualTo(OrderStatus.CLOSED);
            assertThat(second.paymentMethod()).isEqualTo(PaymentMethod.STORED_VALUE);
            assertThat(balance(site, "sv2")).isEqualTo(100_000 - second.dueFen());
            assertThat(balance(site, "sv1")).isEqualTo(100_000 - fee);
            assertThat(count(site, "SELECT COUNT(*) FROM prepay_trade")).isEqualTo(2);
            assertThat(app.outage().conflicts(10)).isEmpty();

            await().atMost(WAIT).until(() -> booth.cloud().received(ListUplinks.PREPAY_CARD_DEDUCTION).size() >= 2);
            List<String> cards = booth.cloud().received(ListUplinks.PREPAY_CARD_DEDUCTION).stream()
                    .map(ReceivedUplink::data).map(d -> d.path("card_id").asText()).toList();
            assertThat(cards).containsExactlyInAnyOrder("sv1", "sv2");
        }
    }

    private static long balance(Database db, String card) {
        return count(db, "SELECT balance_fen FROM prepay_card WHERE card_id = '" + card + "'");
    }

    private static long count(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static String enter(RunningBooth booth, OrderRepository orders, String plate) {
        booth.camera("SIM-CAM-A1").push(plate);
        await().atMost(WAIT).until(() -> orders.findInLot(plate).isPresent());
        booth.clock.advance(Duration.ofSeconds(20));
        return orders.findInLot(plate).orElseThrow().orderId();
    }

    private static void leave(RunningBooth booth, String plate) {
        var lane = booth.app.lane("B1");
        booth.camera("SIM-CAM-B1").push(plate);
        await().atMost(WAIT).until(() -> lane.state().get().phase() == LanePhase.RELEASED
                && lane.state().get().order() != null && plate.equals(lane.state().get().order().plate()));
        booth.clock.advance(Duration.ofSeconds(20));
    }
}
