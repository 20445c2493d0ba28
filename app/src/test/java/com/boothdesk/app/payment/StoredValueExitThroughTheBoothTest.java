package com.boothdesk.app.payment;

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
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.lists.ExitCharges;
import com.boothdesk.app.store.lists.ListUplinks;
import com.boothdesk.app.testing.RunningBooth;

/**
 * A stored-value car through the whole single booth (the embedded H2 file): the exit's charge is applied with the
 * exit record (store.lists.ExitCharges wired by BoothApp), the card charged once, one 2.27 at the cloud simulator.
 */
class StoredValueExitThroughTheBoothTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;

    @Test
    void aStoredValueCarLeavesChargedOnceWithTheChargeInTheExitsTransaction() throws Exception {
        try (RunningBooth booth = RunningBooth.start(data)) {
            BoothApp app = booth.app;
            assertThat(ExitCharges.of(app.database())).as("wired by BoothApp").isPresent();
            app.database().write(c -> {
                app.lists().store().saveStoredValue(c, new StoredValueAccount("sv1", List.of("京V20001"), "王五",
                        "138", 50_000, "", ""));
                return null;
            });
            booth.camera("SIM-CAM-A1").push("京V20001");
            await().atMost(WAIT).until(() -> app.orders().findInLot("京V20001").isPresent());
            String id = app.orders().findInLot("京V20001").orElseThrow().orderId();
            booth.clock.advance(Duration.ofHours(2));

            var lane = app.lane("B1");
            booth.camera("SIM-CAM-B1").push("京V20001");
            await().atMost(WAIT).until(() -> lane.state().get().phase() == LanePhase.RELEASED);
            ParkingOrder row = app.orders().find(id).orElseThrow();
            assertThat(row.paymentMethod()).isEqualTo(PaymentMethod.STORED_VALUE);
            assertThat(row.dueFen()).isPositive();
            long balance = app.database().read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT balance_fen FROM prepay_card WHERE card_id = 'sv1'"); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(balance).isEqualTo(50_000 - row.dueFen());
            assertThat(ExitCharges.of(app.database()).orElseThrow().pending()).isZero();
            await().atMost(WAIT).until(() -> !booth.cloud().received(ListUplinks.PREPAY_CARD_DEDUCTION).isEmpty());
            assertThat(booth.cloud().received(ListUplinks.PREPAY_CARD_DEDUCTION)).singleElement()
                    .satisfies(u -> assertThat(u.data().path("order_id").asText()).isEqualTo(id));
        }
    }
}
