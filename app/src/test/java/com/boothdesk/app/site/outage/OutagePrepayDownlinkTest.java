package com.boothdesk.app.site.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.testing.RunningBooth;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The cloud's 3.2 prepayment pushed over the real TCP link into a booth whose site database (a real PostgreSQL behind
 * a proxy the test cuts) is down: answered as recorded, the resend not applied twice, the car let out as prepaid
 * within the grace, and after the return the prepayment is in the site database once.
 */
class OutagePrepayDownlinkTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @Test
    void aPrepaymentReceivedWhileDownLetsTheCarOutAndIsInTheSiteOnceAfterTheReturn() throws Exception {
        try (BoothBehindCut cut = BoothBehindCut.start(data)) {
            CuttableProxy proxy = cut.proxy;
            RunningBooth booth = cut.booth;
            Database site = cut.site;
            BoothApp app = cut.app;
            OrderRepository orders = cut.orders;
            String id = cut.enter("京P10001");
            booth.clock.advance(Duration.ofHours(3));

            proxy.cut();
            ObjectNode prepay = RunningBooth.json("{\"service_name\":\"prepay_order\",\"order_id\":\"" + id + "\","
                    + "\"car_number\":\"京P10001\",\"prepay\":7.0,\"trade_no\":\"T20261125009\",\"pay_channel\":0,"
                    + "\"park_id\":\"24155\",\"pay_time\":" + booth.clock.instant().getEpochSecond()
                    + ",\"query_time\":0}");
            ObjectNode first = booth.cloud().pushDownlink(prepay).get(20, TimeUnit.SECONDS);
            assertThat(first.path("state").asInt()).isEqualTo(1);
            assertThat(app.outage().down()).isTrue();
            ObjectNode again = booth.cloud().pushDownlink(prepay).get(20, TimeUnit.SECONDS);
            assertThat(again.path("state").asInt()).isEqualTo(1);
            assertThat(orders.find(id).orElseThrow().prepaidFen()).isEqualTo(700);

            booth.clock.advance(Duration.ofMinutes(5));
            booth.camera("SIM-CAM-B1").push("京P10001");
            await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.RELEASED);

            proxy.restore();
            await().atMost(Duration.ofSeconds(60)).until(() -> app.outage().state() == SiteOutage.State.UP);
            ParkingOrder row = app.orders().find(id).orElseThrow();
            assertThat(row.paymentMethod()).isEqualTo(PaymentMethod.PREPAID);
            assertThat(row.prepaidFen()).isEqualTo(700);
            assertThat(count(site, "SELECT COUNT(*) FROM prepayment WHERE trade_no = 'T20261125009'")).isEqualTo(1);
            assertThat(app.outage().conflicts(10)).isEmpty();
        }
    }

    private static long count(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
